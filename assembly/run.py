"""Assembling a run's curated tables from its documents (pure: no I/O).

The run's reasoning (facts/reasoning.py: canonical entities, canonical
events, facts) is compared with the previous run's facts to give the
changes, and all of it becomes the run's tables (assembly/tables.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from assembly.tables import (
    RunRecord,
    blocks_table,
    changes_table,
    documents_table,
    entities_table,
    events_table,
    fact_values_table,
    facts_from_table,
    facts_table,
    fetch_log_table,
    mentions_table,
    runs_table,
)
from extractors.document import ProcessedDocument
from extractors.entities import AliasEntry
from facts.diff import diff_facts
from facts.model import Change, FactStatus
from facts.reasoning import reason
from ingest.ingest import FetchRecord
from store.curated_store import TableSet


@dataclass(frozen=True)
class PreviousRun:
    """What the last published run left, as far as the next run needs it."""

    run_id: str | None = None
    runs: pa.Table | None = None
    fetch_log: pa.Table | None = None
    changes: pa.Table | None = None
    facts: pa.Table | None = None
    fact_values: pa.Table | None = None


@dataclass(frozen=True)
class RunContext:
    run_id: str
    started_at: datetime
    code_version: str
    config_version: str  # fingerprint of what shapes facts besides the pages (trust, subject, aliases)
    sources_total: int
    trust: Mapping[str, float | None]
    publishers: Mapping[str, str | None]
    subject: Sequence[str] = ()
    aliases: Sequence[AliasEntry] = ()


@dataclass(frozen=True)
class AssembledRun:
    tables: TableSet
    run: RunRecord
    changes: tuple[Change, ...]


def run_status(records: Sequence[FetchRecord]) -> str:
    failed = sum(r.status == "error" for r in records)
    if records and failed == len(records):
        return "failed"
    return "partial" if failed else "ok"


def assemble_run(
    ctx: RunContext,
    records: Sequence[FetchRecord],
    docs: Sequence[ProcessedDocument],
    first_run: Mapping[str, str],
    previous: PreviousRun,
    finished_at: datetime,
    documents_read: int = 0,
    earlier_docs: Sequence[ProcessedDocument] = (),
) -> AssembledRun:
    """``earlier_docs``: each source's snapshot before its current one; the
    statements they made and the pages no longer make become superseded values."""
    before = facts_from_table(previous.facts, previous.fact_values) if previous.facts is not None else []
    index, events, rec = reason(docs, earlier_docs, subject=ctx.subject, aliases=ctx.aliases, trust=ctx.trust,
                                previous_facts=before, code_version=ctx.code_version)
    changes = tuple(diff_facts(before, rec.facts)) if previous.run_id is not None else tuple(diff_facts([], rec.facts))
    status = run_status(records)
    run = RunRecord(
        run_id=ctx.run_id,
        started_at=ctx.started_at,
        finished_at=finished_at,
        status=status,
        sources_total=ctx.sources_total,
        fetched=sum(r.status in ("new", "changed") for r in records),
        unchanged=sum(r.status == "unchanged" for r in records),
        failed=sum(r.status == "error" for r in records),
        documents=len(docs),
        events=sum(1 for e in events if e.current),
        facts=len(rec.facts),
        documents_read=documents_read,
        new=sum(r.status == "new" for r in records),
        changed=sum(r.status == "changed" for r in records),
        conflicts=sum(f.status == FactStatus.CONFLICTING for f in rec.facts),
        changes=len(changes),
        previous_run_id=previous.run_id,
        code_version=ctx.code_version,
        config_version=ctx.config_version,
    )
    tables = TableSet(
        runs=runs_table(previous.runs, run),
        fetch_log=fetch_log_table(previous.fetch_log, ctx.run_id, records),
        documents=documents_table(docs, first_run, ctx.publishers),
        blocks=blocks_table(docs, first_run),
        entities=entities_table(index.entities),
        mentions=mentions_table(docs, index),
        events=events_table(events, rec.fact_of_event),
        facts=facts_table(rec.facts),
        fact_values=fact_values_table(rec.facts),
        changes=changes_table(previous.changes, ctx.run_id, previous.run_id, changes),
    )
    return AssembledRun(tables=tables, run=run, changes=changes)


CONTENT_TABLES = ("documents", "blocks", "entities", "mentions", "events", "facts", "fact_values")


def assemble_unchanged(
    ctx: RunContext,
    records: Sequence[FetchRecord],
    previous: PreviousRun,
    content: Mapping[str, pa.Table],
    finished_at: datetime,
) -> AssembledRun:
    """A run that found every page as the last run left it, read by the same
    code under the same configuration: the last run's facts stand as they
    are, and only runs, fetch_log and changes (none) get a row."""
    assert previous.runs is not None and previous.run_id is not None
    last = previous.runs.slice(previous.runs.num_rows - 1).to_pylist()[0]
    run = RunRecord(
        run_id=ctx.run_id, started_at=ctx.started_at, finished_at=finished_at, status=run_status(records),
        sources_total=ctx.sources_total, fetched=0,
        unchanged=sum(r.status == "unchanged" for r in records), failed=sum(r.status == "error" for r in records),
        documents=last["documents"], events=last["events"], facts=last["facts"], documents_read=0, new=0, changed=0,
        conflicts=last["conflicts"], changes=0, previous_run_id=previous.run_id, code_version=ctx.code_version,
        config_version=ctx.config_version,
    )
    tables = TableSet(
        runs=runs_table(previous.runs, run),
        fetch_log=fetch_log_table(previous.fetch_log, ctx.run_id, records),
        changes=changes_table(previous.changes, ctx.run_id, previous.run_id, ()),
        **{name: content[name] for name in CONTENT_TABLES},
    )
    return AssembledRun(tables=tables, run=run, changes=())


