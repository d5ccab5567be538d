"""CPU of reading pages: the per-document work of a run, in one process.

    python bench/reading_cpu.py [--n 100] [--pages DIR] [--repeat 3] [--profile 40]

Reads the first N benchmark pages (the pages `pipeline_bench.py` picks) with
:func:`extractors.document.process_documents`, as a run reads a batch
(cleaning, the reader over every block, the temporal tagger, the parser over
the sentences that carry a date, statements), after loading the model and
reading them once to warm up. Reports the user CPU seconds of each of
``--repeat`` readings and their minimum (the machine may be shared: the
minimum is the least disturbed). ``--profile K`` runs one more reading
under cProfile (CPU time) and prints its K costliest functions (cumulative
and own time); ``--callers RE ...`` also who calls the functions matching.

Prints the figures, then one JSON object as the last line.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = REPO.parent / "shared" / "eval" / "boilerplate" / "wcxb-dev" / "html"
FETCHED_AT = datetime(2026, 3, 15, tzinfo=UTC)


def user_cpu() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="K")
    ap.add_argument("--callers", nargs="*", default=[], help="with --profile: also who calls these functions (regexes)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from extractors.document import DocumentInput, process_documents
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    pages = sorted(args.pages.glob("*.html.gz"))[: args.n]
    if len(pages) < args.n:
        raise SystemExit(f"only {len(pages)} pages in {args.pages}, asked for {args.n}")
    inputs = [DocumentInput(source_id=f"p{p.name.split('.')[0]}", snapshot_sha256=f"{i:064x}",
                            content=gzip.decompress(p.read_bytes()), url=f"file:///{p.name[:-3]}",
                            fetched_at=FETCHED_AT, content_type="text/html") for i, p in enumerate(pages)]
    models = load_models(DEFAULT_MODEL)
    process_documents(inputs, models)  # warm-up: lazy loads, caches
    runs = []
    for _ in range(args.repeat):
        t = user_cpu()
        process_documents(inputs, models)
        runs.append(round(user_cpu() - t, 2))
    print(f"{len(pages)} pages: user CPU seconds {runs}, min {min(runs)}")
    if args.profile:
        prof = cProfile.Profile(time.process_time)  # CPU, not wall time: the machine may be shared
        prof.runcall(process_documents, inputs, models)
        stats = pstats.Stats(prof)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        if args.callers:
            stats.print_callers(*args.callers)
    print(json.dumps({"pages": len(pages), "user_cpu_seconds": runs, "min_user_cpu_seconds": min(runs)}))


if __name__ == "__main__":
    main()
