"""Explicit pyarrow schemas of the curated tables (DESIGN.md's contract, plus
extra columns). Dates are date32, instants are UTC timestamps."""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())


def _schema(*fields: tuple[str, pa.DataType, bool]) -> pa.Schema:
    return pa.schema([pa.field(name, typ, nullable=nullable) for name, typ, nullable in fields])


RUNS = _schema(
    ("run_id", pa.string(), False),
    ("started_at", TS, False),
    ("finished_at", TS, True),
    ("status", pa.string(), False),  # ok | partial | failed
    ("sources_total", pa.int32(), False),
    ("fetched", pa.int32(), False),  # new + changed: sources whose content was read this run
    ("unchanged", pa.int32(), False),
    ("failed", pa.int32(), False),
    ("documents", pa.int32(), False),
    ("events", pa.int32(), False),
    ("facts", pa.int32(), False),
    ("documents_read", pa.int32(), False),  # documents read this run (the rest came from the cache)
    ("new", pa.int32(), False),
    ("changed", pa.int32(), False),
    ("conflicts", pa.int32(), False),
    ("changes", pa.int32(), False),
    ("previous_run_id", pa.string(), True),
    ("code_version", pa.string(), False),
    ("config_version", pa.string(), True),
)

FETCH_LOG = _schema(
    ("run_id", pa.string(), False),
    ("source_id", pa.string(), False),
    ("url", pa.string(), True),
    ("status", pa.string(), False),  # new | changed | unchanged | error
    ("http_status", pa.int32(), True),
    ("error", pa.string(), True),
    ("snapshot_sha256", pa.string(), True),
    ("bytes", pa.int64(), True),
    ("fetched_at", TS, True),
    ("error_kind", pa.string(), True),
    ("attempts", pa.int32(), True),
    ("limited", pa.string(), True),  # the page was read up to a per-page limit: which one
)

DOCUMENTS = _schema(
    ("doc_id", pa.string(), False),
    ("source_id", pa.string(), False),
    ("url", pa.string(), True),
    ("snapshot_sha256", pa.string(), False),
    ("fetched_at", TS, False),
    ("published_at", TS, True),
    ("updated_at", TS, True),
    ("title", pa.string(), True),
    ("text", pa.string(), False),
    ("run_id", pa.string(), False),  # the run that first read this snapshot
    ("publisher", pa.string(), True),
    ("language", pa.string(), True),
    ("kind", pa.string(), True),  # html | text
    ("encoding", pa.string(), True),
    ("anchor_date", pa.date32(), True),  # relative dates were resolved against it
    ("skipped", pa.string(), True),  # why entities/events were not read
)

BLOCKS = _schema(
    ("doc_id", pa.string(), False),
    ("source_id", pa.string(), False),
    ("block_index", pa.int32(), False),  # 0, 1, ... in text order
    ("role", pa.string(), False),  # extractors.types.BlockRole
    ("level", pa.int32(), True),  # heading level 1-6 when marked up
    ("machine_date", pa.date32(), True),  # the day the block's one <time datetime> gives
    ("char_start", pa.int32(), False),  # the block, into documents.text
    ("char_end", pa.int32(), False),
    ("snapshot_sha256", pa.string(), False),
    ("run_id", pa.string(), False),  # the run that first read this snapshot
)

ENTITIES = _schema(
    ("entity_id", pa.string(), False),
    ("name", pa.string(), False),
    ("label", pa.string(), True),
    ("aliases", STR_LIST, False),
    ("mentions", pa.int32(), False),
    ("sources", STR_LIST, False),
)

MENTIONS = _schema(
    ("doc_id", pa.string(), False),
    ("entity_id", pa.string(), False),
    ("text", pa.string(), False),
    ("label", pa.string(), True),
    ("char_start", pa.int32(), False),
    ("char_end", pa.int32(), False),
    ("source_id", pa.string(), False),
    ("resolved", pa.string(), True),  # extractors.coreference.Via: a pronoun or description resolved to the entity
)

EVENTS = _schema(
    ("event_id", pa.string(), False),
    ("doc_id", pa.string(), False),
    ("source_id", pa.string(), False),
    ("date_start", pa.date32(), False),
    ("date_end", pa.date32(), False),
    ("precision", pa.string(), False),  # extractors.types.Precision: day | week | month | ... | century
    ("date_text", pa.string(), False),
    ("date_role", pa.string(), False),  # point | since | until | range
    ("trigger", pa.string(), True),
    ("participants", STR_LIST, False),
    ("sentence", pa.string(), False),
    ("char_start", pa.int32(), False),  # the sentence, into documents.text
    ("char_end", pa.int32(), False),
    ("confidence", pa.float64(), False),
    ("kind", pa.string(), True),  # begin | end | change | meet | other
    ("date_value", pa.string(), True),  # TIMEX3 value
    ("date_char_start", pa.int32(), True),
    ("date_char_end", pa.int32(), True),
    ("trigger_text", pa.string(), True),
    ("participant_ids", STR_LIST, False),
    ("snapshot_sha256", pa.string(), False),
    ("fact_id", pa.string(), True),
    ("planned", pa.bool_(), False),  # a plan for the date, not a report that it happened
    ("date_basis", pa.string(), True),  # where the year comes from: page | sources (facts.source_years)
    ("reported_by", STR_LIST, False),  # who reports the happening ("..., Acme said"), not among the participants
    ("reported_by_ids", STR_LIST, False),
)

FACTS = _schema(
    ("fact_id", pa.string(), False),
    ("statement", pa.string(), False),
    ("date_start", pa.date32(), True),
    ("date_end", pa.date32(), True),
    ("precision", pa.string(), True),
    ("participants", STR_LIST, False),
    ("status", pa.string(), False),  # facts.model.FactStatus: corroborated | single_source | conflicting
    ("confidence", pa.float64(), False),
    ("n_sources", pa.int32(), False),
    ("source_ids", STR_LIST, False),
    ("event_ids", STR_LIST, False),
    ("kind", pa.string(), True),
    ("date_role", pa.string(), True),
    ("evidence", pa.string(), True),  # the sentence that best states the preferred value
    ("snapshots", STR_LIST, False),  # sha256 of the snapshots whose statements support the fact
    ("planned", pa.bool_(), False),  # told only as plans: no source says it happened (yet); the date is a target
    ("ranked_under", pa.string(), True),  # fingerprint of the code version and its sources' configured trust
)

FACT_VALUES = _schema(
    ("fact_id", pa.string(), False),
    ("date_start", pa.date32(), False),
    ("date_end", pa.date32(), False),
    ("precision", pa.string(), False),
    ("rank", pa.string(), False),  # facts.model.Rank: preferred | normal | deprecated
    ("score", pa.float64(), False),
    ("source_ids", STR_LIST, False),
    ("event_ids", STR_LIST, False),
    ("value", pa.string(), True),  # ISO form of the value: 2012, 2012-06, 2012-06-04, 199X
    ("superseded", pa.bool_(), False),  # overtaken: only an earlier snapshot said it, or a plan the outcome replaced
    ("planned", pa.bool_(), False),  # stated only as a plan: no source says it happened on this date
)

CHANGES = _schema(
    ("run_id", pa.string(), False),
    ("previous_run_id", pa.string(), True),
    ("fact_id", pa.string(), False),
    ("change", pa.string(), False),  # facts.model.ChangeKind: added | removed | changed
    ("field", pa.string(), True),
    ("before", pa.string(), True),
    ("after", pa.string(), True),
    ("statement", pa.string(), True),
    ("evidence_before", pa.string(), True),
    ("evidence_after", pa.string(), True),
    ("snapshots_before", STR_LIST, True),
    ("snapshots_after", STR_LIST, True),
)

SCHEMAS: dict[str, pa.Schema] = {
    "runs": RUNS,
    "fetch_log": FETCH_LOG,
    "documents": DOCUMENTS,
    "blocks": BLOCKS,
    "entities": ENTITIES,
    "mentions": MENTIONS,
    "events": EVENTS,
    "facts": FACTS,
    "fact_values": FACT_VALUES,
    "changes": CHANGES,
}
TABLE_NAMES = tuple(SCHEMAS)


def table_from_rows(name: str, rows: list[dict]) -> pa.Table:
    """Build a table with its declared schema; missing columns become nulls."""
    schema = SCHEMAS[name]
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)
