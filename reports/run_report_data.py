"""What the run report shows, and reading it from the curated store.

``ReportData`` holds a run's header, its facts with their ranked candidate
values, the statements that state them, the run's changes and each source's
fetch. ``load_report_data`` reads them from the run's tables in history (the run
named as ``CuratedStore.resolve_run`` names it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from assembly.tables import facts_from_table
from facts.model import Change, Fact
from store.curated_store import CuratedStore, CuratedStoreError


@dataclass(frozen=True)
class RunInfo:
    """A row of the runs table: what the report header shows."""

    run_id: str
    status: str  # ok | partial | failed
    started_at: datetime | None = None
    finished_at: datetime | None = None
    previous_run_id: str | None = None
    sources_total: int = 0
    fetched: int = 0
    unchanged: int = 0
    failed: int = 0
    documents: int = 0
    events: int = 0
    facts: int = 0
    conflicts: int = 0
    changes: int = 0
    code_version: str | None = None


@dataclass(frozen=True)
class Statement:
    """One dated statement (an events row): the sentence a source says a value in."""

    event_id: str
    source_id: str
    sentence: str
    date_text: str
    date_span: tuple[int, int] | None = None  # where date_text stands in sentence, if known


@dataclass(frozen=True)
class SourceStatus:
    """A source's fetch in this run (a fetch_log row), with its document's publisher and title."""

    source_id: str
    status: str  # new | changed | unchanged | error
    url: str | None = None
    http_status: int | None = None
    error: str | None = None
    error_kind: str | None = None
    bytes: int | None = None
    snapshot_sha256: str | None = None
    publisher: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class ReportData:
    """Everything the run report shows. ``facts`` carry their ranked candidate
    values in ``Fact.values``; ``changes`` are this run's rows of the changes
    table; ``sources`` this run's rows of fetch_log."""

    run: RunInfo
    facts: tuple[Fact, ...]
    statements: tuple[Statement, ...] = ()
    changes: tuple[Change, ...] = ()
    sources: tuple[SourceStatus, ...] = ()
    as_of: date | None = field(default=None)  # "since ..." lines run to this date (default: the run's start)


def _opt_int(v: object) -> int | None:
    return None if v is None else int(v)


def _run_info(row: dict) -> RunInfo:
    return RunInfo(
        run_id=row["run_id"], status=row["status"], started_at=row.get("started_at"),
        finished_at=row.get("finished_at"), previous_run_id=row.get("previous_run_id"),
        sources_total=row.get("sources_total") or 0, fetched=row.get("fetched") or 0,
        unchanged=row.get("unchanged") or 0, failed=row.get("failed") or 0, documents=row.get("documents") or 0,
        events=row.get("events") or 0, facts=row.get("facts") or 0, conflicts=row.get("conflicts") or 0,
        changes=row.get("changes") or 0, code_version=row.get("code_version"),
    )


def _statement(row: dict) -> Statement:
    span = None
    ds, de, cs = row.get("date_char_start"), row.get("date_char_end"), row.get("char_start")
    if ds is not None and de is not None and cs is not None:
        span = (ds - cs, de - cs)
    return Statement(event_id=row["event_id"], source_id=row["source_id"], sentence=row["sentence"],
                     date_text=row["date_text"], date_span=span)


def load_report_data(curated: CuratedStore, run_id: str | None = None) -> ReportData:
    """Read what the report of ``run_id`` (default: the current run) shows, from that run's tables in history."""
    run_id = curated.resolve_run(run_id).run_id
    runs = [r for r in curated.read("runs", run_id).to_pylist() if r["run_id"] == run_id]
    if not runs:
        raise CuratedStoreError(f"run {run_id} does not record itself in its runs table")
    facts = tuple(facts_from_table(curated.read("facts", run_id), curated.read("fact_values", run_id)))
    statements = tuple(_statement(r) for r in curated.read("events", run_id).to_pylist())
    changes = tuple(
        Change(
            fact_id=r["fact_id"], change=r["change"], field=r.get("field"), before=r.get("before"), after=r.get("after"),
            statement=r.get("statement"), evidence_before=r.get("evidence_before"),
            evidence_after=r.get("evidence_after"), snapshots_before=tuple(r.get("snapshots_before") or ()),
            snapshots_after=tuple(r.get("snapshots_after") or ()),
        )
        for r in curated.read("changes", run_id).to_pylist()
        if r["run_id"] == run_id
    )
    docs = {d["source_id"]: d for d in curated.read("documents", run_id).select(["source_id", "publisher", "title"]).to_pylist()}
    sources = tuple(
        SourceStatus(
            source_id=r["source_id"], status=r["status"], url=r.get("url"), http_status=_opt_int(r.get("http_status")),
            error=r.get("error"), error_kind=r.get("error_kind"), bytes=_opt_int(r.get("bytes")),
            snapshot_sha256=r.get("snapshot_sha256"), publisher=(docs.get(r["source_id"]) or {}).get("publisher"),
            title=(docs.get(r["source_id"]) or {}).get("title"),
        )
        for r in curated.read("fetch_log", run_id).to_pylist()
        if r["run_id"] == run_id
    )
    return ReportData(run=_run_info(runs[0]), facts=facts, statements=statements, changes=changes, sources=sources)
