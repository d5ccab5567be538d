"""The factwatch command: exit codes, bad sources, and a real subprocess run."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support import NATO_PAGE, PageServer, seed_sources

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_bad_sources_are_reported_and_the_rest_published(prefect_harness, tmp_path):
    (tmp_path / "pages").mkdir()
    shutil.copy(NATO_PAGE, tmp_path / "pages" / "nato.txt")
    (tmp_path / "pages" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    with PageServer() as dead:
        dead_url = dead.url("/page")  # closed when the block ends: connection refused
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nid = "nato"\npath = "pages/nato.txt"\n'
        '[[sources]]\nid = "missing"\npath = "pages/nope.html"\n'
        '[[sources]]\nid = "binary"\npath = "pages/image.png"\n'
        f'[[sources]]\nid = "down"\nurl = "{dead_url}"\nallow_private = true\n'
        '[settings]\nretries = 0\nrobots = false\n'
    )
    result = runner.invoke(app, ["run", "--sources", str(tmp_path / "sources.toml"), "--data", str(tmp_path / "data")])
    assert result.exit_code == 3, result.output
    log = pd.read_parquet(tmp_path / "data" / "curated" / "fetch_log.parquet").set_index("source_id")
    assert log.loc["nato", "status"] == "new"
    assert log.loc["missing", "status"] == "error" and "does not exist" in log.loc["missing", "error"]
    assert log.loc["binary", "status"] == "error" and "PNG" in log.loc["binary", "error"]
    assert log.loc["down", "status"] == "error" and log.loc["down", "error_kind"] == "connect_error"
    docs = pd.read_parquet(tmp_path / "data" / "curated" / "documents.parquet")
    assert list(docs.source_id) == ["nato"]
    runs = pd.read_parquet(tmp_path / "data" / "curated" / "runs.parquet")
    assert runs.status.iloc[-1] == "partial" and runs.failed.iloc[-1] == 3


def test_malformed_sources_file_is_a_usage_error(tmp_path):
    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "../etc"\npath = "x"\n')
    result = runner.invoke(app, ["run", "--sources", str(tmp_path / "sources.toml"), "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "sources.toml:2: sources[1].id: '../etc' is not a valid source id" in result.output
    assert not (tmp_path / "curated").exists()


def test_factwatch_run_as_a_real_process(prefect_harness, tmp_path):
    """What `make run` does, on a fresh data dir: summary printed, tables readable. (On the session's
    Prefect server: that a run with no server configured starts Prefect's temporary one and reads with
    it is tested in tests/flows/test_hostile_server.py, where it is killed.)"""
    from prefect.settings import PREFECT_API_URL

    seed_sources(tmp_path)
    exe = Path(sys.executable).with_name("factwatch")
    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    proc = subprocess.run([str(exe), "run", "--sources", "sources.toml", "--data", "."], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "2 (2 new, 0 changed" in proc.stdout and "facts" in proc.stdout and "curated" in proc.stdout
    facts = pd.read_parquet(tmp_path / "curated" / "facts.parquet")
    assert len(facts) > 0
    n = duckdb.sql(f"select count(*) from read_parquet('{tmp_path}/curated/events.parquet')").fetchall()[0][0]
    assert n >= 8
    out = runner.invoke(app, ["diff", "--data", str(tmp_path), "--format", "json"])
    report = json.loads(out.stdout)
    assert report["against"] is None and {c["change"] for c in report["changes"]} == {"added"}


@pytest.mark.parametrize(
    ("command", "dataset", "keys"),
    [
        ("boilerplate", "boilerplate/scrapinghub", {"pages", "precision", "recall", "f1", "ms_per_page", "trafilatura"}),
        ("boilerplate", "boilerplate/wcxb-dev", {"with_found", "without_leaked", "cookie_leaked", "date_accuracy"}),
        ("truth", "truth/book", {"accuracy"}),  # (the smaller set: the truth gate scores population)
    ],
)
def test_eval_prints_a_table_and_a_json_last_line(shared_dir, command, dataset, keys):
    args = ["eval", command, str(shared_dir / "eval" / dataset)]
    if command == "boilerplate":
        args += ["--limit", "4", "--compare", "trafilatura"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) > 3  # the table comes first
    metrics = json.loads(lines[-1])
    assert keys <= set(metrics), sorted(metrics)
    if command == "boilerplate":
        assert metrics["pages"] == 4 and 0 <= metrics["f1"] <= 1
        assert set(metrics["trafilatura"]) >= {"f1", "precision", "recall"}
