"""Domain objects <-> curated tables (with the schemas of store/schemas.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

import pyarrow as pa

from extractors.document import ProcessedDocument
from facts.entities import CanonicalEntity, EntityIndex
from facts.model import Change, Event, Fact, FactValue, iso_value
from ingest.ingest import FetchRecord
from store.schemas import SCHEMAS, table_from_rows


@dataclass(frozen=True, slots=True)
class RunRecord:
    run_id: str
    started_at: datetime
    finished_at: datetime | None
    status: str  # ok | partial | failed
    sources_total: int
    fetched: int
    unchanged: int
    failed: int
    documents: int
    events: int
    facts: int
    documents_read: int
    new: int
    changed: int
    conflicts: int
    changes: int
    previous_run_id: str | None
    code_version: str
    config_version: str = ""


def _append(name: str, previous: pa.Table | None, rows: list[dict]) -> pa.Table:
    new = table_from_rows(name, rows)
    if previous is None or previous.num_rows == 0:
        return new
    schema = SCHEMAS[name]
    for field in schema:  # a column added since the previous run was published: null in its rows
        if field.name not in previous.column_names:
            previous = previous.append_column(field.name, pa.nulls(previous.num_rows, field.type))
    return pa.concat_tables([previous.select(schema.names).cast(schema), new])


def runs_table(previous: pa.Table | None, run: RunRecord) -> pa.Table:
    return _append("runs", previous, [asdict(run)])


def fetch_log_table(previous: pa.Table | None, run_id: str, records: Sequence[FetchRecord]) -> pa.Table:
    rows = [
        {
            "run_id": run_id, "source_id": r.source_id, "url": r.url, "status": r.status, "http_status": r.http_status,
            "error": r.error, "snapshot_sha256": r.snapshot_sha256, "bytes": r.bytes, "fetched_at": r.fetched_at,
            "error_kind": r.error_kind, "attempts": r.attempts, "limited": r.limited,
        }
        for r in sorted(records, key=lambda r: r.source_id)
    ]
    return _append("fetch_log", previous, rows)


def documents_table(
    docs: Sequence[ProcessedDocument], first_run: Mapping[str, str], publishers: Mapping[str, str | None]
) -> pa.Table:
    rows = [
        {
            "doc_id": d.doc_id, "source_id": d.source_id, "url": d.url, "snapshot_sha256": d.snapshot_sha256,
            "fetched_at": d.fetched_at, "published_at": d.page.published_at, "updated_at": d.page.updated_at,
            "title": d.page.title, "text": d.page.text, "run_id": first_run[d.doc_id],
            "publisher": publishers.get(d.source_id), "language": d.page.language, "kind": d.page.kind,
            "encoding": d.page.encoding, "anchor_date": d.anchor, "skipped": d.skipped,
        }
        for d in sorted(docs, key=lambda d: d.source_id)
    ]
    return table_from_rows("documents", rows)


def blocks_table(docs: Sequence[ProcessedDocument], first_run: Mapping[str, str]) -> pa.Table:
    rows = [
        {
            "doc_id": d.doc_id, "source_id": d.source_id, "block_index": k, "role": b.role.value, "level": b.level,
            "machine_date": b.when, "char_start": b.char_start, "char_end": b.char_end, "snapshot_sha256": d.snapshot_sha256,
            "run_id": first_run[d.doc_id],
        }
        for d in sorted(docs, key=lambda d: d.source_id)
        for k, b in enumerate(d.page.blocks)
    ]
    return table_from_rows("blocks", rows)


def entities_table(entities: Sequence[CanonicalEntity]) -> pa.Table:
    rows = [
        {"entity_id": e.entity_id, "name": e.name, "label": e.label, "aliases": list(e.aliases),
         "mentions": e.mentions, "sources": list(e.sources)}
        for e in sorted(entities, key=lambda e: e.entity_id)
    ]
    return table_from_rows("entities", rows)


def mentions_table(docs: Sequence[ProcessedDocument], index: EntityIndex) -> pa.Table:
    rows = []
    for d in sorted(docs, key=lambda d: d.source_id):
        for m in d.mentions:
            ent = index.get(m.key)
            if ent is None:
                continue
            rows.append({"doc_id": d.doc_id, "entity_id": ent.entity_id, "text": m.text, "label": m.label,
                         "char_start": m.char_start, "char_end": m.char_end, "source_id": d.source_id})
        # the pronouns and descriptions a statement's participants were resolved from ("it", "the agency")
        resolved = {(r.char_start, r.char_end, r.key): r for st in d.statements for r in st.resolved}
        for (start, end, key), r in sorted(resolved.items()):
            ent = index.get(key)
            if ent is None:
                continue
            rows.append({"doc_id": d.doc_id, "entity_id": ent.entity_id, "text": d.page.text[start:end], "label": None,
                         "char_start": start, "char_end": end, "source_id": d.source_id, "resolved": str(r.via)})
    return table_from_rows("mentions", rows)


def events_table(events: Sequence[Event], fact_of_event: Mapping[str, str]) -> pa.Table:
    rows = [
        {
            "event_id": e.event_id, "doc_id": e.doc_id, "source_id": e.source_id, "date_start": e.date_start,
            "date_end": e.date_end, "precision": e.precision, "date_text": e.date_text, "date_role": e.date_role,
            "trigger": e.trigger, "participants": list(e.participants), "sentence": e.sentence,
            "char_start": e.char_start, "char_end": e.char_end, "confidence": e.confidence, "kind": e.kind,
            "date_value": e.date_value, "date_char_start": e.date_char_start, "date_char_end": e.date_char_end,
            "trigger_text": e.trigger_text, "participant_ids": list(e.participant_ids),
            "snapshot_sha256": e.snapshot_sha256, "fact_id": fact_of_event.get(e.event_id), "planned": e.planned,
            "date_basis": e.date_basis, "reported_by": list(e.reported_by), "reported_by_ids": list(e.reported_by_ids),
        }
        for e in sorted(events, key=lambda e: (e.source_id, e.char_start, e.date_char_start, e.event_id))
        if e.current
    ]
    return table_from_rows("events", rows)


def facts_table(facts: Sequence[Fact]) -> pa.Table:
    rows = [
        {
            "fact_id": f.fact_id, "statement": f.statement, "date_start": f.date_start, "date_end": f.date_end,
            "precision": f.precision, "participants": list(f.participants), "status": f.status,
            "confidence": f.confidence, "n_sources": f.n_sources, "source_ids": list(f.source_ids),
            "event_ids": list(f.event_ids), "kind": f.kind, "date_role": f.date_role, "evidence": f.evidence,
            "snapshots": list(f.snapshots), "planned": bool(f.planned),
            "ranked_under": f.ranked_under or None,
        }
        for f in sorted(facts, key=lambda f: (f.date_start is None, f.date_start, f.fact_id))
    ]
    return table_from_rows("facts", rows)


def fact_values_table(facts: Sequence[Fact]) -> pa.Table:
    rows = [
        {
            "fact_id": v.fact_id, "date_start": v.date_start, "date_end": v.date_end, "precision": v.precision,
            "rank": v.rank, "score": v.score, "source_ids": list(v.source_ids), "event_ids": list(v.event_ids),
            "value": v.value, "superseded": v.superseded, "planned": v.planned,
        }
        for f in sorted(facts, key=lambda f: f.fact_id)
        for v in f.values
    ]
    return table_from_rows("fact_values", rows)


def changes_table(previous: pa.Table | None, run_id: str, previous_run_id: str | None, changes: Sequence[Change]) -> pa.Table:
    rows = [
        {
            "run_id": run_id, "previous_run_id": previous_run_id, "fact_id": c.fact_id, "change": c.change,
            "field": c.field, "before": c.before, "after": c.after, "statement": c.statement,
            "evidence_before": c.evidence_before, "evidence_after": c.evidence_after,
            "snapshots_before": list(c.snapshots_before), "snapshots_after": list(c.snapshots_after),
        }
        for c in changes
    ]
    return _append("changes", previous, rows)


def fact_values_from_table(table: pa.Table) -> dict[str, tuple[FactValue, ...]]:
    """The ``fact_values`` rows of a run, per fact, in table order."""
    values: dict[str, list[FactValue]] = {}
    for r in table.to_pylist():
        values.setdefault(r["fact_id"], []).append(
            FactValue(
                fact_id=r["fact_id"], date_start=r["date_start"], date_end=r["date_end"], precision=r["precision"],
                rank=r["rank"], score=r["score"], source_ids=tuple(r["source_ids"] or ()),
                event_ids=tuple(r["event_ids"] or ()),
                value=r.get("value") or iso_value(r["date_start"], r["date_end"], r["precision"]),
                superseded=bool(r.get("superseded")),
                planned=bool(r.get("planned")),  # runs published before plans were marked: none
            )
        )
    return {fid: tuple(vs) for fid, vs in values.items()}


def facts_from_table(table: pa.Table, values: pa.Table | None = None) -> list[Fact]:
    """Facts of a run; with ``values`` (its ``fact_values`` table) each with its candidate values."""
    by_fact = fact_values_from_table(values) if values is not None else {}
    out = []
    for r in table.to_pylist():
        out.append(
            Fact(
                fact_id=r["fact_id"], statement=r["statement"], date_start=r["date_start"], date_end=r["date_end"],
                precision=r["precision"], participants=tuple(r["participants"] or ()), status=r["status"],
                confidence=r["confidence"], n_sources=r["n_sources"], source_ids=tuple(r["source_ids"] or ()),
                event_ids=tuple(r["event_ids"] or ()), kind=r.get("kind"), date_role=r.get("date_role"),
                evidence=r.get("evidence"), snapshots=tuple(r.get("snapshots") or ()),
                values=by_fact.get(r["fact_id"], ()),
                # runs published before plans were marked: not known (their diff says nothing of plans)
                planned=bool(r["planned"]) if "planned" in r else None,
                ranked_under=r.get("ranked_under") or "",
            )
        )
    return out
