"""`factwatch sql`: DuckDB views over one run's tables, history views over
every run, output formats, and errors."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from flows.cli import app
from reports.sql import HISTORY_RUN_COLUMN, SqlError, format_result, open_views, run_query
from store.atomic import replace_symlink
from store.curated_store import CuratedStore, CuratedStoreError
from store.schemas import SCHEMAS, TABLE_NAMES
from tests.reports.sample_runs import CONFLICT_KEY, RUN_1, RUN_2, build_sample_store, fact_id

runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("sql")
    build_sample_store(root / "curated")
    return root


def test_every_table_is_a_view_of_the_current_run(data_dir):
    views = open_views(CuratedStore(data_dir / "curated"))
    assert views.run_id == RUN_2 and views.tables == TABLE_NAMES
    assert views.history == tuple(f"history_{t}" for t in TABLE_NAMES)
    con = views.connection
    for name, schema in SCHEMAS.items():
        cols = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        assert cols == schema.names
    assert con.execute("SELECT count(*) FROM facts").fetchone() == (9,)
    # runs and changes keep every run's rows; facts are the current run's
    assert con.execute("SELECT list(run_id ORDER BY run_id) FROM runs").fetchone() == ([RUN_1, RUN_2],)


def test_views_are_bound_to_one_run_even_when_current_moves(data_dir, tmp_path):
    curated = tmp_path / "curated"
    shutil.copytree(data_dir / "curated", curated, symlinks=True)
    store = CuratedStore(curated)
    query = "SELECT count(*) FROM facts WHERE statement LIKE 'Since 2015%'"  # only in RUN_2
    views = open_views(store)
    replace_symlink(curated / "current", f"history/{RUN_1}")  # another run becomes current meanwhile
    assert views.connection.execute(query).fetchone() == (1,)  # the open views still read RUN_2, every table
    assert views.connection.execute("SELECT max(run_id) FROM runs").fetchone() == (RUN_2,)
    assert run_query(store, query).rows == ((0,),)  # a new query reads the new current run
    assert run_query(store, query, RUN_2).rows == ((1,),)  # or the run it names


def test_history_views_hold_every_run_with_its_run_id(data_dir):
    store = CuratedStore(data_dir / "curated")
    res = run_query(store, f"SELECT {HISTORY_RUN_COLUMN}, count(*) FROM history_facts GROUP BY 1 ORDER BY 1")
    assert res.rows == ((RUN_1, 9), (RUN_2, 9))
    moved = run_query(store, f"""
        SELECT {HISTORY_RUN_COLUMN}, strftime(date_start, '%Y') FROM history_facts
        WHERE statement LIKE '%Partnership Interoperability Initiative%' ORDER BY 1""")
    assert moved.rows == ((RUN_1, "2014"), (RUN_2, "2015"))
    # documents keep their own run_id (the run that first read the snapshot) beside the history run id
    docs = run_query(store, f"SELECT {HISTORY_RUN_COLUMN}, run_id FROM history_documents WHERE source_id = 'blog-b' "
                            "ORDER BY 1")
    assert docs.rows == ((RUN_1, RUN_1), (RUN_2, RUN_1))


def test_formats(data_dir):
    store = CuratedStore(data_dir / "curated")
    res = run_query(store, f"""SELECT value, rank, score, source_ids, date_start FROM fact_values
                                WHERE fact_id = '{fact_id(CONFLICT_KEY)}' ORDER BY score DESC""")
    assert res.columns == ("value", "rank", "score", "source_ids", "date_start")
    assert res.types[3] == "VARCHAR[]" and res.types[4] == "DATE"
    rows = json.loads(format_result(res, "json"))
    assert rows[0] == {"value": "2012", "rank": "preferred", "score": 0.8077,
                       "source_ids": ["blog-a", "mfat-nato", "nato-nz"], "date_start": "2012-01-01"}
    assert rows[1]["value"] == "2013" and rows[1]["source_ids"] == ["blog-b"]
    table = list(csv.reader(io.StringIO(format_result(res, "csv"))))
    assert table[0] == list(res.columns)
    assert table[1] == ["2012", "preferred", "0.8077", '["blog-a", "mfat-nato", "nato-nz"]', "2012-01-01"]


def test_errors_are_clear(data_dir, tmp_path):
    store = CuratedStore(data_dir / "curated")
    with pytest.raises(SqlError, match="(?s)nope.*views: runs, fetch_log"):
        run_query(store, "SELECT * FROM nope")
    with pytest.raises(SqlError, match="Parser Error"):
        run_query(store, "SELEC 1")
    with pytest.raises(CuratedStoreError, match="no run has been published"):
        run_query(CuratedStore(tmp_path / "empty"), "SELECT 1")
    with pytest.raises(CuratedStoreError, match="not a run id"):
        run_query(store, "SELECT 1", "../etc")


def test_the_sql_command(data_dir):
    out = runner.invoke(app, ["sql", "SELECT status, count(*) AS n FROM facts GROUP BY 1 ORDER BY 1",
                              "--data", str(data_dir), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"status": "conflicting", "n": 1}, {"status": "single_source", "n": 8}]

    out = runner.invoke(app, ["sql", "SELECT source_id, status, error FROM fetch_log WHERE run_id = "
                              f"'{RUN_2}' ORDER BY 1", "--data", str(data_dir), "--format", "csv"])
    assert out.exit_code == 0
    assert out.stdout.splitlines()[:2] == ["source_id,status,error", "blog-a,changed,"]
    assert "gone,error,connection refused (gone.example:443)" in out.stdout

    out = runner.invoke(app, ["sql", "SELECT statement, source_ids FROM facts WHERE status = 'conflicting'",
                              "--data", str(data_dir)])
    assert out.exit_code == 0
    assert "statement" in out.stdout and "varchar[]" in out.stdout and "1 row(s)" in out.stdout
    assert "Partnership" in out.stdout

    out = runner.invoke(app, ["sql", "SELECT * FROM nope", "--data", str(data_dir)])
    assert out.exit_code == 2 and "SQL error" in out.output and "nope" in out.output
    out = runner.invoke(app, ["sql", "SELECT 1", "--data", str(data_dir / "missing")])
    assert out.exit_code == 2 and "no run has been published" in out.output


def test_table_output_never_reads_page_text_as_markup(tmp_path):
    from rich.console import Console

    from reports.sql import QueryResult, rich_table

    console = Console(record=True, width=200)
    console.print(rich_table(QueryResult(("text",), ("VARCHAR",), (("[bold red]x[/] [link=javascript:alert(1)]y[/]",),))))
    assert "[bold red]x[/] [link=javascript:alert(1)]y[/]" in console.export_text()


def test_the_report_command(data_dir):
    out = runner.invoke(app, ["report", "--data", str(data_dir)])
    assert out.exit_code == 0, out.output
    path = data_dir / "curated" / "reports" / f"{RUN_2}.html"
    assert out.stdout.strip() == str(path.resolve()) and path.exists()
    out = runner.invoke(app, ["report", "--data", str(data_dir), "--run", RUN_1])
    assert out.exit_code == 0 and out.stdout.strip().endswith(f"{RUN_1}.html")
    out = runner.invoke(app, ["report", "--data", str(data_dir), "--run", "20200101T000000000000Z"])
    assert out.exit_code == 2 and "unknown run" in out.output


def test_report_open_hands_the_file_to_the_browser(data_dir, tmp_path):
    """--open goes through the webbrowser module; $BROWSER points it at a recorder instead of a real browser."""
    import os
    import shlex
    import subprocess
    import sys

    from tests.support import REPO

    seen = tmp_path / "opened.txt"
    recorder = tmp_path / "browser.py"
    recorder.write_text(f"import sys\nopen({str(seen)!r}, 'w').write(sys.argv[1])\n")
    env = os.environ | {"BROWSER": f"{shlex.quote(sys.executable)} {shlex.quote(str(recorder))} %s", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--data", str(data_dir), "--open"],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    path = data_dir / "curated" / "reports" / f"{RUN_2}.html"
    assert proc.stdout.strip() == str(path.resolve())
    assert seen.read_text() == path.resolve().as_uri()
