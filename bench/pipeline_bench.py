"""Throughput benchmark: the pipeline against the NLP floor.

    python bench/pipeline_bench.py [--n 500] [--pages DIR]

Runs, each in a fresh process so peak memory is its own:
- floor: the same main-text extraction (clean_page) and the same spaCy
  pipelines via nlp.pipe (reader over every block, parser over the sentences
  that carry a date) over the same pages: no Prefect, no storage;
- pipeline: `run_flow` over the pages as path sources (Prefect's temporary
  server is started first and its start-up reported separately), then an
  immediate unchanged re-run. A local run reads with one reader process per
  usable core (flows/read_pool.py); the floor is one process, so
  `speedup_vs_floor` (the floor's time over the pipeline's) says what the
  other cores bring;
- one process: the same pipeline run with `read_workers = 0` (unless
  --no-compare), whose tables must equal the pooled run's, ids included
  (bench/compare_runs.py);
- the store (unless --no-store): bench/store_bench.py over the same N pages,
  the pipeline with its data dir on an object store (SeaweedFS on
  127.0.0.1) against a local data dir, `--store-rounds` times each; its
  ratio store/local (target <= 1.3) and the tables' identity are reported here.

Prints the figures, then one JSON object as the last line.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = REPO.parent / "shared" / "eval" / "boilerplate" / "wcxb-dev" / "html"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def prepare(pages_dir: Path, n: int, work: Path) -> Path:
    """N pages unpacked as files, and a sources.toml listing them."""
    pages = sorted(pages_dir.glob("*.html.gz"))[:n]
    if len(pages) < n:
        raise SystemExit(f"only {len(pages)} pages in {pages_dir}, asked for {n}")
    out = work / "pages"
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for p in pages:
        name = p.name[: -len(".gz")]
        (out / name).write_bytes(gzip.decompress(p.read_bytes()))
        lines.append(f'[[sources]]\nid = "p{name.split(".")[0]}"\npath = "pages/{name}"\n')
    sources = work / "sources.toml"
    sources.write_text("\n".join(lines))
    return sources


def measure_floor(sources: Path) -> dict:
    sys.path.insert(0, str(REPO))
    from extractors.clean import NotReadable, clean_page
    from extractors.events import group_dates_by_sentence
    from extractors.nlp import load_models
    from extractors.reading import text_blocks
    from extractors.timex import date_mentions
    from ingest.settings import DEFAULT_MODEL
    from ingest.sources import load_sources

    config = load_sources(sources)
    contents = [s.path.read_bytes() for s in config.sources]
    t_model = time.perf_counter()
    models = load_models(DEFAULT_MODEL)
    model_seconds = time.perf_counter() - t_model
    start, cpu = time.perf_counter(), time.process_time()
    texts = []
    for content in contents:
        try:
            texts.append(clean_page(content).text)
        except NotReadable:
            texts.append("")
    blocks = [(t[s:e], (i, s)) for i, t in enumerate(texts) for s, e in text_blocks(t)]
    sentences: list[list[tuple[int, int]]] = [[] for _ in texts]
    for doc, (i, off) in models.reader.pipe(blocks, as_tuples=True, batch_size=256):
        sentences[i].extend((off + s.start_char, off + s.end_char) for s in doc.sents)
    dated = []
    for i, t in enumerate(texts):
        for (s, e), _ in group_dates_by_sentence(sentences[i], date_mentions(t, None)):
            dated.append(t[s:e])
    for _ in models.parser.pipe(dated, batch_size=128):
        pass
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "model_seconds": model_seconds, "words": words, "peak_rss_mb": peak_rss_mb()}


class CollectorTime:
    """Seconds the garbage collector ran in this process (every thread) while on."""

    def __init__(self) -> None:
        self.seconds, self.on, self._started = 0.0, False, {}
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started[threading.get_ident()] = time.perf_counter()
        elif (t := self._started.pop(threading.get_ident(), None)) is not None and self.on:
            self.seconds += time.perf_counter() - t


def measure_pipeline(sources: Path, data: Path) -> dict:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    from flows.pipeline import run_flow

    t0 = time.perf_counter()
    children0 = cpu_seconds(resource.RUSAGE_CHILDREN)
    with prefect_test_harness(server_startup_timeout=120):
        prefect_start = time.perf_counter() - t0
        collector = CollectorTime()
        t1, cpu1 = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
        collector.on = True
        first = run_flow(str(sources), str(data))
        collector.on = False
        full, main_cpu = time.perf_counter() - t1, cpu_seconds(resource.RUSAGE_SELF) - cpu1
        t2 = time.perf_counter()
        again = run_flow(str(sources), str(data))
        rerun = time.perf_counter() - t2
    return {
        "seconds": full, "rerun_seconds": rerun, "prefect_start_seconds": prefect_start,
        # the run's process (its reading among it) during the full run; the reader processes
        # and Prefect's temporary server over everything (their start-up and the re-run included)
        "main_cpu_seconds": main_cpu, "main_gc_seconds": collector.seconds, "other_cpu_seconds": cpu_seconds(resource.RUSAGE_CHILDREN) - children0,
        "documents": first.documents, "events": first.events, "facts": first.facts,
        "rerun_read": again.documents_read, "rerun_changes": again.changes, "peak_rss_mb": peak_rss_mb(),
    }


def child(kind: str, sources: Path, data: Path) -> dict:
    env = os.environ | {"PREFECT_HOME": str(data.parent / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.run([sys.executable, __file__, "--child", kind, "--sources", str(sources), "--data", str(data)],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def store_variant(n: int, pages: Path, rounds: int) -> dict:
    """bench/store_bench.py in a process of its own; its JSON result."""
    env = os.environ | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "store_bench.py"), "--n", str(n), "--pages", str(pages),
                           "--rounds", str(rounds)], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"store variant failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--child", choices=["floor", "pipeline"])
    ap.add_argument("--sources", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--no-compare", action="store_true", help="skip the one-process run and the table comparison")
    ap.add_argument("--no-store", action="store_true", help="skip the object-store variant")
    ap.add_argument("--store-rounds", type=int, default=1, help="runs of each kind in the store variant")
    args = ap.parse_args()
    if args.child == "floor":
        print(json.dumps(measure_floor(args.sources)))
        return
    if args.child == "pipeline":
        print(json.dumps(measure_pipeline(args.sources, args.data)))
        return
    with tempfile.TemporaryDirectory(prefix="factwatch-bench-") as tmp:
        work = Path(tmp)
        sources = prepare(args.pages, args.n, work)
        floor = child("floor", sources, work / "floor-data")
        pipe = child("pipeline", sources, work / "data")
        one = identical = None
        if not args.no_compare:
            alone = work / "sources-one-process.toml"
            alone.write_text("[settings]\nread_workers = 0\n\n" + sources.read_text())
            one = child("pipeline", alone, work / "data-one-process")
            sys.path.insert(0, str(REPO / "bench"))
            from compare_runs import compare

            identical = compare(work / "data-one-process", work / "data")
    store = None if args.no_store else store_variant(args.n, args.pages, args.store_rounds)
    ratio = pipe["seconds"] / floor["seconds"]
    result = {
        "n": args.n,
        "pipeline_seconds": round(pipe["seconds"], 2),
        "floor_seconds": round(floor["seconds"], 2),
        "ratio": round(ratio, 3),
        "readers": usable_cores(),
        "speedup_vs_floor": round(1 / ratio, 3),
        "floor_words_per_second": round(floor["words"] / floor["seconds"], 1),
        "one_process_seconds": round(one["seconds"], 2) if one else None,
        "tables_identical_to_one_process": identical,
        "pages_per_second": round(args.n / pipe["seconds"], 2),
        "words_per_second": round(floor["words"] / pipe["seconds"], 1),
        "rerun_seconds": round(pipe["rerun_seconds"], 2),
        "rerun_share": round(pipe["rerun_seconds"] / pipe["seconds"], 4),
        "prefect_start_seconds": round(pipe["prefect_start_seconds"], 2),
        "model_load_seconds": round(floor["model_seconds"], 2),
        "pipeline_peak_rss_mb": round(pipe["peak_rss_mb"], 1),
        "main_cpu_seconds": round(pipe["main_cpu_seconds"], 1),
        "main_gc_seconds": round(pipe["main_gc_seconds"], 2),
        "other_cpu_seconds": round(pipe["other_cpu_seconds"], 1),
        "floor_cpu_seconds": round(floor["cpu_seconds"], 1),
        "floor_peak_rss_mb": round(floor["peak_rss_mb"], 1),
        "documents": pipe["documents"], "events": pipe["events"], "facts": pipe["facts"],
        "rerun_documents_read": pipe["rerun_read"], "rerun_changes": pipe["rerun_changes"],
        "store": store,
    }
    print(f"pages                 {args.n} ({floor['words']:,} words of main text)")
    print(f"pipeline              {result['pipeline_seconds']} s  ({result['pages_per_second']} pages/s, "
          f"{result['words_per_second']:,} words/s)")
    print(f"floor (clean + spaCy) {result['floor_seconds']} s")
    print(f"ratio                 {result['ratio']} (speed-up over the one-process floor "
          f"{result['speedup_vs_floor']}x with {result['readers']} reader processes)")
    if one:
        print(f"one-process pipeline  {result['one_process_seconds']} s; tables identical to the pooled run's: "
              f"{identical}")
    print(f"unchanged re-run      {result['rerun_seconds']} s = {result['rerun_share']:.1%} of the full run "
          f"({result['rerun_documents_read']} read, {result['rerun_changes']} changes)")
    print(f"Prefect start-up      {result['prefect_start_seconds']} s (fixed, not in the pipeline time)")
    print(f"CPU                   floor {result['floor_cpu_seconds']} s; pipeline: the run's process "
          f"{result['main_cpu_seconds']} s (its share of the reading included; garbage collection "
          f"{result['main_gc_seconds']} s of it), reader processes and Prefect's "
          f"server {result['other_cpu_seconds']} s (both runs); on a busy machine judge by these, not the wall times")
    print(f"peak RSS              pipeline {result['pipeline_peak_rss_mb']} MB (the run's process, a reader among "
          f"them), floor {result['floor_peak_rss_mb']} MB")
    if store:
        print(f"on an object store    {store['store_seconds']} s against {store['local_seconds']} s local: ratio "
              f"{store['ratio']} (target <= 1.3; unchanged re-run {store['store_rerun_seconds']} s against "
              f"{store['local_rerun_seconds']} s; tables identical: {store['tables_identical']})")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
