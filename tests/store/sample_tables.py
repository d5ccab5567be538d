"""The tables of a published run for the store and change-report tests: a runs row per
run and a facts row per fact, every other table empty (the curated schemas)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from store.curated_store import TableSet
from store.schemas import TABLE_NAMES, table_from_rows


def run_tables(run_ids: Sequence[str], fact_ids: Sequence[str], *, facts_per_run: int | None = None,
               statement: Callable[[str], str] = lambda fact_id: "s") -> TableSet:
    """A runs row per run id, oldest first, each counting ``facts_per_run`` facts (by default as many
    as ``fact_ids``), and a single-source facts row per fact id saying ``statement(fact_id)``."""
    out = {name: table_from_rows(name, []) for name in TABLE_NAMES}
    out["runs"] = table_from_rows("runs", [{
        "run_id": r, "started_at": datetime(2026, 11, 23, tzinfo=UTC), "finished_at": None, "status": "ok",
        "sources_total": 1, "fetched": 1, "unchanged": 0, "failed": 0, "documents": 1, "events": 0,
        "facts": len(fact_ids) if facts_per_run is None else facts_per_run, "documents_read": 1, "new": 1,
        "changed": 0, "conflicts": 0, "changes": 0, "previous_run_id": None, "code_version": "x"} for r in run_ids])
    out["facts"] = table_from_rows("facts", [
        {"fact_id": f, "statement": statement(f), "participants": [], "status": "single_source", "confidence": 0.5,
         "n_sources": 1, "source_ids": ["a"], "event_ids": [], "snapshots": [], "planned": False} for f in fact_ids])
    return TableSet(**out)
