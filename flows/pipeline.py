"""The run: a Prefect flow that wires the pure stages.

fetch (batched tasks) -> keep raw bytes -> read changed documents (batched
tasks; unchanged snapshots come from the cache) -> reconcile and assemble
tables -> publish atomically. One run at a time per data dir.

What the run decides on the way (its id, the snapshot each source stands on,
reusing the last run's tables, the last good document of a page that cannot
be read) is in flows/run_decisions.py, as pure functions; this module wires
them to Prefect tasks and the stores.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from assembly.run import CONTENT_TABLES, PreviousRun, RunContext, assemble_run, assemble_unchanged
from assembly.tables import RunRecord
from extractors.document import RESULT_KINDS, DocumentFailure, DocumentInput, ProcessedDocument, process_documents
from extractors.nlp import load_models
from extractors.reading import ReadingLimits
from facts.model import ChangeKind
from flows import heap, progress, termination
from flows.code_version import code_version, reading_version
from flows.faults import pause_point
from flows.read_pool import ReadPool, plan_reading, schedule_batches
from flows.run_decisions import (
    config_fingerprint,
    current_snapshots,
    earlier_documents,
    earlier_snapshots,
    first_runs,
    new_run_id,
    reading_limits,
    same_as_last_run,
    settle_documents,
    snapshots_to_read,
)
from ingest.fetch import RobotsCache, make_client
from ingest.ingest import FetchRecord, ingest_source
from ingest.settings import Settings
from ingest.sources import Source, SourcesFile, load_sources
from reports.changes import build_diff, render_markdown
from reports.html_report import write_run_report
from store.curated_store import CuratedStore, DamagedTable
from store.doc_cache import DocumentCache
from store.filesystem import Storage, open_storage
from store.lock import store_lock
from store.raw_store import RawStore, StoreError

ARTIFACT_ROWS = 200  # changes shown in a Prefect artifact (the Markdown file has all of them)
FETCH_BATCH = 64  # sources per fetch task ...
FETCH_THREADS = 8  # ... fetched this many at a time
CACHE_WRITERS = 8  # document-cache entries written at a time (each write waits on the disk or the store)
EXIT_CODES = {"ok": 0, "partial": 3, "failed": 1}
SNAPSHOT_LOST = "snapshot_lost"  # a document failure that is the store's, not the page's: never cached


@dataclass(frozen=True)
class RunSummary(RunRecord):
    """The run's row of the runs table, where its tables are, and what failed."""

    curated_dir: str = ""
    errors: tuple[tuple[str, str], ...] = ()  # (source_id, error)
    warnings: tuple[str, ...] = ()  # about the stores (a damaged current run the run did not build on)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]


def _batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _fetch_name() -> str:
    from prefect.runtime import task_run

    ids = [s.id for s in task_run.parameters.get("sources", [])]
    return f"fetch {ids[0]}" if len(ids) == 1 else f"fetch {ids[0]} … {ids[-1]} ({len(ids)} sources)"


def _process_name() -> str:
    from prefect.runtime import task_run

    ids = [r.source_id for r in task_run.parameters.get("refs", [])]
    return f"read {ids[0]}" if len(ids) == 1 else f"read {ids[0]} … {ids[-1]} ({len(ids)} documents)"


@task(cache_policy=NONE, task_run_name=_fetch_name)
def fetch_sources(sources: list[Source], settings: Settings, data: Storage, previous_shas: dict[str, str]) -> list[FetchRecord]:
    """(``data``: the data dir's storage; a worker that sees only the object store writes there.)"""
    raw = RawStore(data.sub("raw"))
    robots = RobotsCache()

    def one(source: Source) -> FetchRecord:
        record = ingest_source(source, settings, raw, previous_sha=previous_shas.get(source.id), client=client,
                               robots=robots)
        progress.advance("fetch")
        pause_point("fetch", data)
        return record

    with make_client(settings) as client, ThreadPoolExecutor(FETCH_THREADS) as pool:
        return list(pool.map(one, sources))


@dataclass(frozen=True, slots=True)
class SnapshotRef:
    """A stored snapshot to read: the task fetches its bytes from raw/ itself."""

    source_id: str
    snapshot_sha256: str
    url: str
    fetched_at: datetime
    content_type: str | None = None
    size: int = 0  # bytes (the largest pages are read first)


def release_memory() -> None:
    """Hand freed heap back to the system after a batch (glibc keeps it otherwise)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _snapshot_inputs(refs: list[SnapshotRef], data: Storage) -> tuple[list[DocumentInput], list[DocumentFailure]]:
    """The batch's stored pages to read, and a failure for each snapshot that is missing or damaged."""
    raw = RawStore(data.sub("raw"))
    inputs, lost = [], []
    for r in refs:
        try:
            content = raw.read(r.snapshot_sha256)
        except (StoreError, OSError) as exc:  # a missing or damaged snapshot costs its source only
            lost.append(DocumentFailure(r.source_id, r.snapshot_sha256, f"{exc}; the next successful fetch stores it "
                                        "again", SNAPSHOT_LOST))
            continue
        inputs.append(DocumentInput(source_id=r.source_id, snapshot_sha256=r.snapshot_sha256, content=content,
                                    url=r.url, fetched_at=r.fetched_at, content_type=r.content_type))
    return inputs, lost


@task(cache_policy=NONE, task_run_name=_process_name)
def read_documents(refs: list[SnapshotRef], data: Storage, model: str,
                   limits: ReadingLimits | None = None, pool: ReadPool | None = None,
                   turn: int | None = None) -> list[ProcessedDocument | DocumentFailure]:
    inputs, lost = _snapshot_inputs(refs, data)
    if pool is not None:  # a reader process of this run's pool reads the batch, in its turn
        results = lost + pool.read(inputs, model, limits, turn)
    else:
        results = lost + process_documents(inputs, load_models(model), limits)
    del inputs
    release_memory()
    progress.advance("read", len(refs))
    return results


@task(cache_policy=NONE)
def publish_change_report(curated_root: Storage, run_id: str) -> Path | str:
    """The run's Markdown change report, on disk and as Prefect artifacts
    (stable keys, so the UI keeps their history)."""
    curated = CuratedStore(curated_root)
    report = build_diff(curated, run_id)
    markdown = render_markdown(report)
    path = curated.write_report(f"{run_id}.md", markdown)
    shown = report
    if len(report.changes) > ARTIFACT_ROWS or len(report.sources) > ARTIFACT_ROWS // 4:
        # the server refuses very large events: the artifact shows the head, the file has it all
        shown = replace(report, changes=report.changes[:ARTIFACT_ROWS], sources=report.sources[: ARTIFACT_ROWS // 4])
    artifact = render_markdown(shown)
    if shown is not report:
        artifact += f"\n_{len(report.changes)} changes in all: see {path}_\n"
    create_markdown_artifact(key="factwatch-changes", markdown=artifact,
                             description=f"Fact changes in run {run_id}")
    facts = {r["fact_id"]: r for r in curated.read("facts", run_id).to_pylist()}
    rows = [
        {"change": c.change, "field": c.field or "", "before": c.before or "", "after": c.after or "",
         "statement": c.statement or "", "status": facts.get(c.fact_id, {}).get("status", ""), "fact_id": c.fact_id}
        for c in report.changes[:ARTIFACT_ROWS] if c.change in (ChangeKind.ADDED, ChangeKind.CHANGED)
    ]
    create_table_artifact(key="factwatch-new-and-changed-facts", table=rows or [{"change": "none"}],
                          description=f"New and changed facts in run {run_id}")
    return path


def _read_previous(curated: CuratedStore, run_id: str) -> tuple[PreviousRun, list[dict]]:
    previous = PreviousRun(
        run_id=run_id,
        runs=curated.read("runs", run_id),
        fetch_log=curated.read("fetch_log", run_id),
        changes=curated.read("changes", run_id),
        facts=curated.read("facts", run_id),
        fact_values=curated.read("fact_values", run_id),
    )
    docs = curated.read("documents", run_id).select(["doc_id", "source_id", "snapshot_sha256", "run_id"]).to_pylist()
    return previous, docs


def _previous_run(curated: CuratedStore) -> tuple[PreviousRun, list[dict], str | None]:
    """The last published run this one builds on, its documents, and a
    warning when that is not ``current`` (a damaged table, a deleted link)."""
    run_id, warning = curated.current_run_id(), None
    if run_id is not None:
        try:
            return (*_read_previous(curated, run_id), None)
        except DamagedTable:
            pass
    run_id, warning = curated.readable_run_id(full=True)
    if run_id is None:
        return PreviousRun(), [], None
    return (*_read_previous(curated, run_id), warning)


def cache_version(settings: Settings) -> str:
    """The document cache's key: the reading code and model, and the reading limits."""
    blob = f"{reading_version(settings.model)}:{reading_limits(settings)!r}"
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _read_snapshots(wanted, records, data: Storage, raw: RawStore, cache: DocumentCache, model: str,
                    limits: ReadingLimits | None = None, read_workers: int | None = None,
                    local: bool = True, pool: ReadPool | None = None):
    """Results for (source, sha) pairs: from the cache, else read in batched tasks.
    ``local``: the run's tasks run in its own threads; ``pool``: reader processes
    the run started already (else they are started here when the plan has them)."""
    known: dict[tuple[str, str], ProcessedDocument | DocumentFailure] = {}
    todo: list[SnapshotRef] = []
    for sid, sha in wanted:
        hit = cache.get(sid, sha)
        if hit is not None:
            known[(sid, sha)] = hit
            continue
        snap = raw.snapshot(sid, sha)
        todo.append(
            SnapshotRef(
                source_id=sid, snapshot_sha256=sha, url=snap.url if snap else "",
                fetched_at=snap.fetched_at if snap else records[sid].fetched_at,
                content_type=snap.content_type if snap else None, size=snap.bytes if snap else 0,
            )
        )
    progress.start("read", len(todo))
    # on a cluster batches read in parallel, one model per worker process; in this
    # process's threads they read with a pool of one process per core (this one and
    # spawned readers, one model each), largest pages first, or one after the other
    # in this process when there is one core or little to read
    plan = plan_reading(len(todo), read_workers, local)
    with contextlib.ExitStack() as stack, ThreadPoolExecutor(CACHE_WRITERS) as writers:
        if pool is None and plan.processes:
            pool = stack.enter_context(ReadPool(plan.processes))
        order = schedule_batches([r.size for r in todo], plan.batch, pool.size if pool else 0)
        reads = []
        for turn, batch in enumerate([todo[i] for i in idx] for idx in order):
            wait = [reads[-1]] if local and pool is None and reads else []
            reads.append(read_documents.submit(batch, data, model, limits, pool, turn if pool else None,
                                               wait_for=wait))
        # each batch's results go to the cache as it is done, on threads: the disk's (or the
        # store's) waits overlap the reading, and the last batch's are written at once
        puts = []
        for fut in as_completed(reads):
            for res in fut.result():
                known[(res.source_id, res.snapshot_sha256)] = res
                if not (isinstance(res, DocumentFailure) and res.error_kind == SNAPSHOT_LOST):
                    puts.append(writers.submit(cache.put, res))
            heap.keep()  # the batch's documents stay to the end of the run
        for put in puts:
            put.result()  # a write that failed (a full disk) fails the run, as a write in this thread would
    return known, len(todo)


def _publish(curated: CuratedStore, assembled, records: dict[str, FetchRecord], data_dir: Storage, logger,
             warnings: Sequence[str] = (), lock=None) -> RunSummary:
    run = assembled.run

    def before_commit() -> None:
        pause_point("publish", data_dir)
        if lock is not None:
            lock.confirm()  # still ours: a run that stalled past its lease must not publish

    curated.publish(run.run_id, assembled.tables, before_commit=before_commit)
    release_memory()
    publish_change_report(curated.storage, run.run_id)
    try:
        write_run_report(curated, run.run_id)
    except Exception as exc:  # noqa: BLE001 - the tables are published; a report must not fail the run
        logger.warning("run report not written: %s", exc)
    errors = tuple((r.source_id, r.error or "") for r in records.values() if r.status == "error")
    for sid, error in errors:
        logger.warning("source %s failed: %s", sid, error)
    return RunSummary(**asdict(run), curated_dir=str(curated.root), errors=errors, warnings=tuple(warnings))


def execute_run(config: SourcesFile, data_dir: Path | str | Storage, lock_wait: float | None = None) -> RunSummary:
    """The body of a run (inside a flow run); holds the data dir's lock. ``data_dir``: a local
    path, an object-store URL (s3://bucket/prefix) or its ``Storage``."""
    termination.arm()  # (Prefect replaced the command line's SIGTERM handler for the flow run)
    logger = get_run_logger()
    settings = config.settings
    data_dir = data_dir if isinstance(data_dir, Storage) else open_storage(data_dir, config.storage)
    started_at = datetime.now(UTC)
    warnings: list[str] = []
    wait = settings.lock_wait if lock_wait is None else lock_wait
    local = isinstance(FlowRunContext.get().task_runner, ThreadPoolTaskRunner)  # (else a cluster's workers)
    # what the run keeps (the documents read) is set aside from the garbage collector's passes
    with store_lock(data_dir, wait_seconds=wait) as lock, heap.long_lived(), contextlib.ExitStack() as readers:
        if data_dir.local:
            # what a killed run left half-written never reached the stores; clear it
            shutil.rmtree(data_dir.staging, ignore_errors=True)
        raw = RawStore(data_dir.sub("raw"))
        curated = CuratedStore(data_dir.sub("curated"))
        version = code_version(settings.model)
        cache = DocumentCache(data_dir.sub("cache"), cache_version(settings), RESULT_KINDS)
        previous, prev_docs, warning = _previous_run(curated)
        if warning:
            logger.warning(warning)
            warnings.append(warning)
        # after the last run, and after ``current`` when the run stands on an earlier one (a damaged table)
        latest = max(filter(None, (previous.run_id, curated.current_run_id())), default=None)
        run_id = new_run_id(latest, datetime.now(UTC))
        previous_sha = {d["source_id"]: d["snapshot_sha256"] for d in prev_docs}
        # pages the last run did not have will be read: with enough of them (a first run), the
        # reader processes start now and load their model while the pages are fetched
        early = plan_reading(sum(s.id not in previous_sha for s in config.sources), settings.read_workers, local)
        pool = readers.enter_context(ReadPool(early.processes, settings.model)) if early.processes else None
        ctx = RunContext(
            run_id=run_id, started_at=started_at, code_version=version, config_version=config_fingerprint(config),
            sources_total=len(config.sources), trust={s.id: s.trust for s in config.sources},
            publishers={s.id: s.publisher for s in config.sources}, subject=config.subject, aliases=config.aliases,
        )

        # 1. fetch
        progress.start("fetch", len(config.sources))
        futures = [
            fetch_sources.submit(batch, settings, data_dir, previous_sha)
            for batch in _batches(list(config.sources), FETCH_BATCH)
        ]
        records: dict[str, FetchRecord] = {r.source_id: r for fut in futures for r in fut.result()}

        # 2. the snapshot each source stands on now: this fetch's, or the last good one
        source_ids = [s.id for s in config.sources]
        current = current_snapshots(source_ids, records, previous_sha)
        if same_as_last_run(previous, current, previous_sha, ctx):
            # every page as the last run left it: its facts stand as they are
            readers.close()
            pause_point("read", data_dir)
            content = {name: curated.read(name, previous.run_id) for name in CONTENT_TABLES}
            assembled = assemble_unchanged(ctx, [records[sid] for sid in source_ids], previous, content,
                                           datetime.now(UTC))
            return _publish(curated, assembled, records, data_dir, logger, warnings, lock)

        # 3. read what the cache does not know: each source's current snapshot and the one
        #    before it (whose statements the page may no longer make)
        earlier = earlier_snapshots(current, {sid: [r.sha256 for r in raw.snapshots(sid)] for sid in current})
        known, documents_read = _read_snapshots(snapshots_to_read(current, earlier), records, data_dir, raw, cache,
                                                settings.model, reading_limits(settings), settings.read_workers,
                                                local, pool)
        readers.close()  # the reader processes (a model each) are gone before the tables are assembled
        pause_point("read", data_dir)

        # 4. unreadable snapshots: the fetch_log says why; the last good document stays
        settled = settle_documents(current, known, records, previous_sha, cache.get)
        records = settled.records
        first_run = first_runs(prev_docs, settled.docs, run_id)

        # 5. reconcile, assemble, publish
        assembled = assemble_run(ctx, [records[sid] for sid in source_ids], settled.docs, first_run, previous,
                                 datetime.now(UTC), documents_read=documents_read,
                                 earlier_docs=earlier_documents(earlier, known))
        return _publish(curated, assembled, records, data_dir, logger, warnings, lock)


def dask_task_runner(address: str | None):
    """Prefect's DaskTaskRunner on an existing cluster, or on a local one."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"processes": True, "n_workers": 2, "threads_per_worker": 1})


@flow(name="factwatch-run", flow_run_name="run {sources_file}", validate_parameters=False)
def run_flow(sources_file: str, data_dir: str, lock_wait: float | None = None) -> RunSummary:
    """Fetch every source, read what changed, reconcile, publish the tables."""
    config = load_sources(Path(sources_file))
    return execute_run(config, data_dir, lock_wait)

