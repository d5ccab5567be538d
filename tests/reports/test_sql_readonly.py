"""`factwatch sql` reads the tables and nothing else: no query changes a byte
under the data dir or reads a file outside it; data dirs with glob characters
in their names read their own tables only; damaged tables fall back."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from reports.sql import HISTORY_RUN_COLUMN, SqlError, open_views, rich_table, run_query
from reports.terminal import printable
from store.curated_store import CuratedStore
from tests.reports.sample_runs import RUN_1, RUN_2, build_sample_store

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path):
    root = tmp_path / "data"
    build_sample_store(root / "curated")
    (tmp_path / "outside.txt").write_text("secret,1\n")
    return root


def fingerprint(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


HOSTILE = [
    "COPY (SELECT 1 AS x) TO '{history}/facts.parquet' (FORMAT parquet)",
    "COPY facts TO '{outside_dir}/copy.csv'",
    "EXPORT DATABASE '{outside_dir}/export'",
    "ATTACH '{outside_dir}/x.duckdb' AS x",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "CREATE TABLE t AS SELECT 1",
    "SELECT * FROM read_text('{outside}')",
    "SELECT * FROM read_csv('{outside}')",
    "SELECT * FROM read_blob('/etc/hostname')",
    "SELECT * FROM glob('/*')",
    "SELECT * FROM read_parquet('{root}/../*/curated/history/*/facts.parquet')",
    "SELECT * FROM read_text('{root}/curated/../../outside.txt')",
    "SELECT 1; COPY (SELECT 1) TO '{outside_dir}/two.csv'",
    # EXPLAIN ANALYZE runs what it explains; the tables' own files are readable, so writable to DuckDB
    "EXPLAIN ANALYZE COPY (SELECT 1 AS x) TO '{history}/facts.parquet' (FORMAT parquet, USE_TMP_FILE false)",
    "EXPLAIN (ANALYZE) COPY (SELECT 1 AS x) TO '{history}/facts.parquet' (FORMAT parquet, USE_TMP_FILE false)",
    "explain /* plan */ analyse COPY (SELECT 1 AS x) TO '{history}/facts.parquet' (FORMAT parquet, USE_TMP_FILE false)",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_no_query_writes_under_the_data_dir_or_reads_outside_it(data_dir, query):
    before = fingerprint(data_dir)
    q = query.format(history=data_dir / "curated" / "history" / RUN_2, outside=data_dir.parent / "outside.txt",
                     outside_dir=data_dir.parent, root=data_dir)
    with pytest.raises(SqlError):
        run_query(CuratedStore(data_dir / "curated"), q)
    assert fingerprint(data_dir) == before
    assert sorted(p.name for p in data_dir.parent.iterdir()) == ["data", "outside.txt"]


def test_a_plain_explain_still_plans_a_query(data_dir):
    res = run_query(CuratedStore(data_dir / "curated"), "EXPLAIN SELECT count(*) FROM facts")
    assert res.rows and "explain" in res.columns[0]


def test_the_command_says_it_is_read_only(data_dir):
    out = runner.invoke(app, ["sql", f"COPY facts TO '{data_dir}/x.csv'", "--data", str(data_dir)])
    assert out.exit_code == 2 and "read-only" in out.output and len(out.output.strip().splitlines()) == 1
    assert not (data_dir / "x.csv").exists()


@pytest.mark.parametrize("name", ["runs[1]", "a*b", "q?x", "c{d}"])
def test_data_dirs_with_glob_characters_read_their_own_tables(tmp_path, name):
    mine, sibling = tmp_path / name, tmp_path / "runs1"
    build_sample_store(mine / "curated")
    build_sample_store(sibling / "curated")
    for extra in ("runsX", "aXXb", "qzx"):  # what the unescaped patterns would also match
        shutil.copytree(sibling, tmp_path / extra, symlinks=True)
    res = run_query(CuratedStore(mine / "curated"),
                    f"SELECT {HISTORY_RUN_COLUMN}, count(*) FROM history_runs GROUP BY 1 ORDER BY 1")
    assert res.rows == ((RUN_1, 1), (RUN_2, 2))


def test_history_views_ignore_a_run_that_never_became_current(data_dir):
    curated = data_dir / "curated"
    orphan = "20261201T090000000000Z"  # killed between its rename into history/ and the switch of current
    shutil.copytree(curated / "history" / RUN_2, curated / "history" / orphan)
    views = open_views(CuratedStore(curated))
    assert views.run_id == RUN_2
    runs = views.connection.execute(f"SELECT DISTINCT {HISTORY_RUN_COLUMN} FROM history_facts ORDER BY 1").fetchall()
    assert runs == [(RUN_1,), (RUN_2,)]


def test_a_damaged_current_table_falls_back_to_the_last_readable_run(data_dir):
    curated = data_dir / "curated"
    facts = curated / "history" / RUN_2 / "facts.parquet"
    facts.write_bytes(facts.read_bytes()[: facts.stat().st_size // 2])  # truncated
    out = runner.invoke(app, ["sql", "SELECT max(run_id) AS r FROM runs", "--data", str(data_dir), "-f", "csv"])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines() == ["r", RUN_1]
    assert "warning" in out.stderr and "facts.parquet" in out.stderr and RUN_1 in out.stderr
    out = runner.invoke(app, ["diff", "--data", str(data_dir)])
    assert out.exit_code == 0 and f"Changes in run {RUN_1}" in out.stdout
    out = runner.invoke(app, ["report", "--data", str(data_dir)])
    assert out.exit_code == 0 and out.stdout.strip().endswith(f"{RUN_1}.html") and "warning" in out.stderr
    # named explicitly, the damaged run is one line of error
    out = runner.invoke(app, ["sql", "SELECT count(*) FROM facts", "--data", str(data_dir), "--run", RUN_2])
    assert out.exit_code == 1 and len(out.output.strip().splitlines()) == 1 and "factwatch run" in out.output


def test_page_text_reaches_the_terminal_escaped(data_dir):
    res = run_query(CuratedStore(data_dir / "curated"), "SELECT 'a\x1b]0;pwned\x07b\x08\u202ec' AS s")
    from rich.console import Console

    console = Console(record=True, width=200, file=open("/dev/null", "w"))
    console.print(rich_table(res))
    text = console.export_text()
    assert "\x1b" not in text and "\x07" not in text and "\x08" not in text and "\u202e" not in text
    assert "\\x1b]0;pwned\\x07b\\x08\\u202ec" in text
    assert printable("line\nnext\ttab") == "line\nnext\ttab" and printable("a\nb", one_line=True) == "a\\nb"


# --- the same on an object store (--data s3://bucket/prefix) ------------------------------------

S3_HOSTILE = [
    "EXPLAIN ANALYZE COPY (SELECT 1 AS x) TO 's3://{mine}/curated/history/{run}/facts.parquet' (FORMAT parquet)",
    "SELECT * FROM read_csv('s3://{bucket}/outside.csv')",
    "SELECT * FROM read_text('s3://{bucket}/outside.csv')",
    "SELECT count(*) FROM read_parquet('s3://{other}/curated/history/*/facts.parquet')",
    "SELECT count(*) FROM read_parquet('s3://{mine}/../{other_name}/curated/history/{run}/facts.parquet')",
    "SELECT * FROM glob('s3://{bucket}/*')",
    "SELECT * FROM read_text('/etc/hostname')",
    "ATTACH 's3://{mine}/x.duckdb' AS x",
]


def s3_fingerprint(fs, prefix: str) -> dict[str, str]:
    return {p: fs.info(p)["ETag"] for p in sorted(fs.find(prefix))}


def test_no_query_changes_the_store_or_reads_outside_its_prefix_on_an_object_store(s3_env):
    """Two data dirs side by side in the bucket and an object outside both; every hostile query is
    refused, by the statement check or by the locked connection itself."""
    import duckdb

    from store.filesystem import open_storage

    mine, other = s3_env.prefix(), s3_env.prefix()
    for url in (mine, other):
        build_sample_store(open_storage(url).sub("curated"))
    fs = s3_env.fs()
    fs.pipe_file(f"{s3_env.bucket}/outside.csv", b"secret,1\n")
    before = s3_fingerprint(fs, s3_env.bucket)
    store = CuratedStore(open_storage(mine).sub("curated"))
    names = dict(mine=mine.removeprefix("s3://"), other=other.removeprefix("s3://"), bucket=s3_env.bucket,
                 other_name=other.rsplit("/", 1)[1], run=RUN_2)
    with pytest.raises(SqlError, match="read-only"):
        run_query(store, S3_HOSTILE[0].format(**names))
    with pytest.raises(SqlError, match="out of reach"):
        run_query(store, S3_HOSTILE[1].format(**names))
    con = open_views(store).connection  # (one connection for the rest: opening views costs requests)
    for query in S3_HOSTILE[1:]:  # (the locked connection itself: no file but the tables' own)
        with pytest.raises(duckdb.Error):
            con.execute(query.format(**names)).fetchall()
    assert con.execute("SELECT count(*) FROM facts").fetchone()[0] > 0  # the tables themselves read
    con.close()
    assert s3_fingerprint(fs, s3_env.bucket) == before


def test_prefixes_with_glob_characters_or_quotes_read_their_own_tables_on_an_object_store(s3_env):
    from store.filesystem import open_storage

    base = s3_env.prefix()
    for name in ("a*b'q[1]", "aXXb'q1"):  # (the second: what the unescaped pattern would also match)
        build_sample_store(open_storage(f"{base}/{name}").sub("curated"))
    res = run_query(CuratedStore(open_storage(f"{base}/a*b'q[1]").sub("curated")),
                    f"SELECT {HISTORY_RUN_COLUMN}, count(*) FROM history_runs GROUP BY 1 ORDER BY 1")
    assert res.rows == ((RUN_1, 1), (RUN_2, 2))


def test_on_an_object_store_a_run_that_never_became_current_is_not_history_and_a_damaged_table_falls_back(s3_env):
    from store.curated_store import MANIFEST, POINTER
    from store.filesystem import open_storage

    storage = open_storage(s3_env.prefix()).sub("curated")
    build_sample_store(storage)
    orphan = "20261201T090000000000Z"  # its tables and manifest written, killed before current.json
    for key in [f"history/{RUN_2}/{n}" for n in storage.listdir(f"history/{RUN_2}")]:
        storage.write_bytes(key.replace(RUN_2, orphan), storage.read_bytes(key))
    views = open_views(CuratedStore(storage))
    assert views.run_id == RUN_2 and storage.exists(f"history/{orphan}/{MANIFEST}")
    runs = views.connection.execute(f"SELECT DISTINCT {HISTORY_RUN_COLUMN} FROM history_facts ORDER BY 1").fetchall()
    assert runs == [(RUN_1,), (RUN_2,)]
    # a truncated current table: the views stand on the last readable run, with a warning naming the table
    key = f"history/{RUN_2}/facts.parquet"
    storage.write_bytes(key, storage.read_bytes(key)[:100])
    res = run_query(CuratedStore(storage), "SELECT max(run_id) FROM runs")
    assert res.rows == ((RUN_1,),) and "facts.parquet" in res.warning and RUN_1 in res.warning
    assert storage.read_text(POINTER)  # nothing was rewritten by reading
