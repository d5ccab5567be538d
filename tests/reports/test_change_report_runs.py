"""Which runs a change report compares: the current run (the store's one
resolver) against the one before it, whatever the clock did."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from flows.run_decisions import new_run_id
from reports.changes import build_diff
from store.curated_store import CuratedStore, TableSet
from store.schemas import TABLE_NAMES, table_from_rows


def tables(run_id: str, facts: list[str], earlier: list[str]) -> TableSet:
    out = {name: table_from_rows(name, []) for name in TABLE_NAMES}
    out["runs"] = table_from_rows("runs", [{
        "run_id": r, "started_at": pd.Timestamp("2026-11-23", tz="UTC"), "finished_at": None, "status": "ok",
        "sources_total": 1, "fetched": 1, "unchanged": 0, "failed": 0, "documents": 1, "events": 0, "facts": 1,
        "documents_read": 1, "new": 1, "changed": 0, "conflicts": 0, "changes": 0, "previous_run_id": None,
        "code_version": "x"} for r in (*earlier, run_id)])
    out["facts"] = table_from_rows("facts", [
        {"fact_id": f, "statement": f"{f} said.", "participants": [], "status": "single_source", "confidence": 0.5,
         "n_sources": 1, "source_ids": ["a"], "event_ids": [], "snapshots": [], "planned": False} for f in facts])
    return TableSet(**out)


def test_diff_takes_the_newest_run_when_the_clock_steps_back_run_after_run(tmp_path):
    store = CuratedStore(tmp_path / "curated")
    now = datetime(2026, 11, 23, 10, tzinfo=UTC)
    ids: list[str] = []
    for k in range(3):  # each run's clock an hour behind the last one's
        ids.append(new_run_id(ids[-1] if ids else None, now - timedelta(hours=k)))
        store.publish(ids[-1], tables(ids[-1], [f"fact_{i}" for i in range(k + 1)], ids[:-1]))
    assert ids == sorted(ids) and store.run_ids() == ids
    report = build_diff(store)
    assert (report.run_id, report.against) == (ids[2], ids[1])
    assert [(c.fact_id, c.change) for c in report.changes] == [("fact_2", "added")]
