import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from store.curated_store import CuratedStore, CuratedStoreError, ResolvedRun, TableSet
from store.schemas import SCHEMAS, TABLE_NAMES
from tests.store.sample_tables import run_tables


def tables(run_id: str, n_facts: int, earlier: tuple[str, ...] = ()) -> TableSet:
    return run_tables((*earlier, run_id), [f"fact_{i}" for i in range(n_facts)])


def test_publish_switches_every_table_at_once_and_keeps_history(tmp_path):
    store = CuratedStore(tmp_path / "curated")
    assert store.current_run_id() is None
    store.publish("20261123T100000000000Z", tables("20261123T100000000000Z", 1))
    store.publish("20261123T110000000000Z", tables("20261123T110000000000Z", 3, ("20261123T100000000000Z",)))
    assert store.current_run_id() == "20261123T110000000000Z"
    assert store.run_ids() == ["20261123T100000000000Z", "20261123T110000000000Z"]
    # the plain table paths resolve to the current run, for pandas and DuckDB alike
    assert len(pd.read_parquet(tmp_path / "curated" / "facts.parquet")) == 3
    assert duckdb.sql(f"select count(*) from '{tmp_path}/curated/facts.parquet'").fetchall() == [(3,)]
    assert store.read("facts", "20261123T100000000000Z").num_rows == 1
    for name in TABLE_NAMES:
        assert (tmp_path / "curated" / f"{name}.parquet").exists()
        assert pa.parquet.read_schema(tmp_path / "curated" / f"{name}.parquet").equals(SCHEMAS[name], check_metadata=False)


def test_a_run_is_published_once_and_schemas_are_enforced(tmp_path):
    store = CuratedStore(tmp_path / "curated")
    store.publish("20261123T100000000000Z", tables("20261123T100000000000Z", 1))
    with pytest.raises(CuratedStoreError, match="already published"):
        store.publish("20261123T100000000000Z", tables("20261123T100000000000Z", 1))
    bad = tables("20261123T120000000000Z", 1)
    bad = TableSet(**{**dict(bad.items()), "facts": pa.table({"x": [1]})})
    with pytest.raises(CuratedStoreError, match="does not match its schema"):
        store.publish("20261123T120000000000Z", bad)
    assert store.current_run_id() == "20261123T100000000000Z"
    with pytest.raises(CuratedStoreError):
        store.read("facts", "../../etc")


def test_one_resolver_names_the_run_every_reader_reads(tmp_path):
    store = CuratedStore(tmp_path / "curated")
    with pytest.raises(CuratedStoreError, match="no run has been published"):
        store.resolve_run()
    with pytest.raises(CuratedStoreError, match="no run has been published"):
        store.resolve_run("20261123T100000000000Z")
    first, second = "20261123T100000000000Z", "20261123T110000000000Z"
    store.publish(first, tables(first, 1))
    store.publish(second, tables(second, 3, (first,)))
    assert store.resolve_run() == ResolvedRun(second)
    assert store.resolve_run(first) == ResolvedRun(first)
    with pytest.raises(CuratedStoreError, match="not a run id"):
        store.resolve_run("../etc")
    with pytest.raises(CuratedStoreError, match="unknown run '20261123T120000000000Z'; recent runs: .*110000"):
        store.resolve_run("20261123T120000000000Z")
    # a damaged current run: the last readable one, with a warning saying why
    (tmp_path / "curated" / "history" / second / "runs.parquet").write_bytes(b"not parquet")
    resolved = store.resolve_run()
    assert resolved.run_id == first and "cannot be read" in (resolved.warning or "")


def test_the_current_run_is_the_current_pointer_not_the_highest_id(tmp_path):
    """Ids of an older form could sort before the run they followed; the
    current run is what ``current`` says, for diff, report and sql alike."""
    store = CuratedStore(tmp_path / "curated")
    first, later_lower = "20261123T100000000000Z", "20261123T0900000000001Z"
    store.publish(first, tables(first, 1))
    store.publish(later_lower, tables(later_lower, 2, (first,)))
    assert store.resolve_run().run_id == later_lower


def test_a_deleted_current_link_falls_back_to_the_newest_run_and_history_goes_on(tmp_path):
    """Decided (README, Limits): deleting curated/current does not restart history."""
    store = CuratedStore(tmp_path / "curated")
    first, second, third = "20261123T100000000000Z", "20261123T110000000000Z", "20261123T120000000000Z"
    store.publish(first, tables(first, 1))
    store.publish(second, tables(second, 3, (first,)))
    (tmp_path / "curated" / "current").unlink()
    resolved = store.resolve_run()
    assert resolved.run_id == second and "missing" in (resolved.warning or "")
    assert store.run_ids() == [first, second]
    store.publish(third, tables(third, 2, (first, second)))
    assert store.current_run_id() == third and store.run_ids() == [first, second, third]
