"""Which runs a change report compares: the current run (the store's one
resolver) against the one before it, whatever the clock did."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flows.run_decisions import new_run_id
from reports.changes import build_diff
from store.curated_store import CuratedStore, TableSet
from tests.store.sample_tables import run_tables


def tables(run_id: str, facts: list[str], earlier: list[str]) -> TableSet:
    return run_tables((*earlier, run_id), facts, facts_per_run=1, statement=lambda f: f"{f} said.")


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
