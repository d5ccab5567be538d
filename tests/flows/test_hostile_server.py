"""No page, server or damaged store breaks a run: whole runs against a
hostile server of our own on loopback (bounded loops, short deadlines). Each
test asserts what the run did: exit code, fetch_log rows, tables intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from flows.child_guard import descendants
from flows.cli import app
from store.curated_store import CuratedStore
from tests.support import PageServer, Reply

pytestmark = pytest.mark.slow
FACTWATCH = str(Path(sys.executable).with_name("factwatch"))

PAGE = ("<html><head><title>t</title></head><body><main><h1>Testland</h1><p>NATO and Testland signed the "
        "Individual Partnership and Cooperation Programme in 2012.</p><p>Testland joined the Partnership "
        "Interoperability Initiative in 2014.</p></main></body></html>").encode()
OTHER = ("<html><head><title>o</title></head><body><main><h1>Other</h1><p>NATO was formed under the North "
         "Atlantic Treaty in 1949.</p></main></body></html>").encode()
HEADERS = {"Content-Type": "text/html; charset=utf-8"}


def sources_file(tmp_path: Path, server: PageServer, routes: dict[str, str], settings: str = "") -> Path:
    text = f"[settings]\nrobots = false\nretries = 0\nbackoff = 0.05\ntimeout = 2\n{settings}\n"
    for sid, path in routes.items():
        text += f'[[sources]]\nid = "{sid}"\nurl = "{server.url(path)}"\nallow_private = true\n\n'
    path = tmp_path / "sources.toml"
    path.write_text(text)
    return path


def run(sources: Path, data: Path):
    return CliRunner().invoke(app, ["run", "--sources", str(sources), "--data", str(data), "--quiet"])


def fetch_log(data: Path) -> pd.DataFrame:
    log = pd.read_parquet(data / "curated" / "fetch_log.parquet")
    return log[log.run_id == log.run_id.max()].set_index("source_id")


@pytest.fixture
def server():
    with PageServer() as s:
        s.routes.update({"/good": Reply(200, OTHER, HEADERS), "/page": Reply(200, PAGE, HEADERS)})
        yield s


def test_a_304_to_a_request_that_was_not_conditional_fails_that_source_only(prefect_harness, tmp_path, server):
    server.routes["/not-modified"] = Reply(304)
    sources = sources_file(tmp_path, server, {"odd": "/not-modified", "good": "/good"})
    result = run(sources, tmp_path / "data")
    assert result.exit_code == 3, result.output
    log = fetch_log(tmp_path / "data")
    assert log.loc["odd", "status"] == "error" and log.loc["odd", "error_kind"] == "unexpected_304"
    assert log.loc["good", "status"] == "new"
    assert "source odd:" in result.output and "Traceback" not in result.output


def test_a_damaged_snapshot_is_replaced_by_the_fetched_bytes(prefect_harness, tmp_path, server):
    server.routes["/page"] = Reply(200, PAGE, HEADERS | {"ETag": '"v1"'})
    server.routes["/page"] = lambda h: Reply(304) if h.headers.get("If-None-Match") == '"v1"' else \
        Reply(200, PAGE, HEADERS | {"ETag": '"v1"'})
    sources = sources_file(tmp_path, server, {"page": "/page", "good": "/good"})
    data = tmp_path / "data"
    assert run(sources, data).exit_code == 0
    sha = fetch_log(data).loc["page", "snapshot_sha256"]
    obj = data / "raw" / "objects" / sha[:2] / sha
    damaged = bytearray(obj.read_bytes())
    damaged[100] ^= 0xFF  # one flipped byte
    obj.write_bytes(bytes(damaged))
    result = run(sources, data)
    assert result.exit_code == 0, result.output
    assert obj.read_bytes() == PAGE  # repaired: the damaged copy sent no validators, the full page came back
    log = fetch_log(data)
    assert log.loc["page", "http_status"] == 200 and log.loc["page", "status"] == "unchanged"


def test_a_missing_snapshot_with_an_empty_cache_and_a_failing_source_fails_that_source_only(prefect_harness,
                                                                                           tmp_path, server):
    sources = sources_file(tmp_path, server, {"page": "/page", "good": "/good"})
    data = tmp_path / "data"
    assert run(sources, data).exit_code == 0
    sha = fetch_log(data).loc["page", "snapshot_sha256"]
    (data / "raw" / "objects" / sha[:2] / sha).unlink()
    subprocess.run(["rm", "-rf", str(data / "cache")], check=True)
    server.routes["/page"] = Reply(500, b"down")
    server.routes["/good"] = Reply(200, OTHER.replace(b"1949", b"1950"), HEADERS)  # something to read
    result = run(sources, data)
    assert result.exit_code == 3, result.output
    log = fetch_log(data)
    assert log.loc["page", "status"] == "error" and log.loc["good", "status"] == "changed"
    assert "Traceback" not in result.output


def test_a_truncated_current_table_falls_back_to_the_last_readable_run(prefect_harness, tmp_path, server):
    sources = sources_file(tmp_path, server, {"page": "/page", "good": "/good"})
    data = tmp_path / "data"
    assert run(sources, data).exit_code == 0
    first = CuratedStore(data / "curated").current_run_id()
    server.routes["/good"] = Reply(200, OTHER.replace(b"1949", b"1950"), HEADERS)
    assert run(sources, data).exit_code == 0
    store = CuratedStore(data / "curated")
    second = store.current_run_id()
    facts = data / "curated" / "history" / second / "facts.parquet"
    facts.write_bytes(facts.read_bytes()[:100])
    out = CliRunner().invoke(app, ["sql", "select 1 AS one", "--data", str(data), "-f", "csv"])
    assert out.exit_code == 0 and out.stdout.splitlines() == ["one", "1"] and first in out.stderr
    result = run(sources, data)
    assert result.exit_code == 0, result.output
    assert "warning" in result.output and "facts.parquet" in result.output
    store = CuratedStore(data / "curated")
    third = store.current_run_id()
    assert third not in (first, second) and store.damage(third, full=True) is None
    runs = store.read("runs")
    assert runs.column("run_id").to_pylist() == [first, third]  # the damaged run is left out of the history
    assert runs.column("previous_run_id").to_pylist()[-1] == first


def test_pages_over_the_reading_limits_are_read_up_to_them(prefect_harness, tmp_path, server):
    dated = "".join(f"<p>The council of Testland met on {1 + i % 28} March {1990 + i % 30} about item {i}.</p>"
                    for i in range(400))
    words = " ".join(f"word{i} Testland" for i in range(3000))  # no sentence punctuation at all
    server.routes["/dated"] = Reply(200, f"<html><body><main><h1>D</h1>{dated}</main></body></html>".encode(), HEADERS)
    server.routes["/run-on"] = Reply(200, f"<html><body><main><h1>R</h1><p>{words}</p></main></body></html>".encode(),
                                     HEADERS)
    sources = sources_file(tmp_path, server, {"dated": "/dated", "run-on": "/run-on", "good": "/good"},
                           "max_dates = 50\nmax_sentence_chars = 200\n")
    data = tmp_path / "data"
    start = time.monotonic()
    result = run(sources, data)
    assert result.exit_code == 0, result.output
    log = fetch_log(data)
    assert "max_dates" in log.loc["dated", "limited"] and "max_sentence_chars" in log.loc["run-on", "limited"]
    assert pd.isna(log.loc["good", "limited"])
    events = pd.read_parquet(data / "curated" / "events.parquet")
    assert (events.source_id == "dated").sum() <= 50
    assert events.sentence.str.len().max() <= 200
    assert time.monotonic() - start < 120


def test_the_report_temp_file_is_written_in_staging(monkeypatch, tmp_path):
    """A kill at the report's rename leaves its temp file in .staging (cleared by the next run), not in reports/."""
    from reports.html_report import write_run_report
    from store import atomic
    from tests.reports.sample_runs import build_sample_store

    build_sample_store(tmp_path / "curated")
    seen = []

    def killed_at_rename(src, dst):
        seen.append(Path(src))
        raise KeyboardInterrupt  # what a kill at this instant leaves is the temp file

    monkeypatch.setattr(atomic.os, "replace", killed_at_rename)
    with pytest.raises(KeyboardInterrupt):
        write_run_report(CuratedStore(tmp_path / "curated"))
    assert seen and seen[0].parent == tmp_path / ".staging"


# --- processes: SIGTERM, SIGKILL -------------------------------------------------------------


def alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.add(pid)
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def wait_for_a_reader(proc: subprocess.Popen, seconds: float) -> None:
    """Until the run has spawned a reader process (it is reading)."""
    deadline = time.monotonic() + seconds
    while not [p for p in descendants(proc.pid) if "spawn_main" in cmdline(p)]:
        assert proc.poll() is None, proc.stderr.read()[-2000:]
        assert time.monotonic() < deadline, "the run never started its readers"
        time.sleep(0.05)


def kill_what_is_left(proc: subprocess.Popen, started: set[int]) -> None:
    for pid in alive(started):
        os.kill(pid, signal.SIGKILL)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


def test_sigterm_stops_a_run_reading_a_costly_page_within_seconds(prefect_harness, tmp_path, server):
    """The costly page is one of 16, read by the run's process and a spawned reader: the run exits
    within seconds of SIGTERM, and its readers a few seconds after it."""
    from prefect.settings import PREFECT_API_URL

    words = " ".join(f"word{i} Testland" for i in range(60_000))
    server.routes["/run-on"] = Reply(200, f"<html><body><main><h1>R</h1><p>{words}</p></main></body></html>".encode(),
                                     HEADERS)
    routes = {"run-on": "/run-on"}
    for i in range(15):
        server.routes[f"/p{i}"] = Reply(200, OTHER.replace(b"1949", str(1900 + i).encode()), HEADERS)
        routes[f"p{i}"] = f"/p{i}"
    sources = sources_file(tmp_path, server, routes, "read_workers = 2\n")
    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    proc = subprocess.Popen([FACTWATCH, "run", "--sources", str(sources), "--data", str(tmp_path / "data")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    started: set[int] = set()
    try:
        wait_for_a_reader(proc, 120)
        time.sleep(2)
        assert proc.poll() is None
        started = descendants(proc.pid)
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
        assert time.monotonic() - sent < 8
        assert proc.returncode == 143 and "terminated" in proc.stderr.read()
        assert not (tmp_path / "data" / "curated" / "current").exists()  # nothing half-published
        while alive(started) and time.monotonic() < sent + 15:
            time.sleep(0.2)
        assert not alive(started), [cmdline(p)[:200] for p in alive(started)]
    finally:
        kill_what_is_left(proc, started)




def test_after_sigkill_of_the_run_no_process_it_started_is_left(tmp_path):
    """No PREFECT_API_URL: the run starts Prefect's temporary server, and reads its 16 pages in its own process
    and a spawned reader; killed while they read, none of them is left a few seconds later."""
    text = "Testland\n\n" + "".join(f"Testland signed agreement {i} with NATO on {1 + i % 28} March {1990 + i}.\n\n"
                                     for i in range(30))
    lines = []
    for i in range(16):
        (tmp_path / f"p{i}.txt").write_text(text.replace("Testland", f"Testland{i}"))
        lines.append(f'[[sources]]\nid = "p{i}"\npath = "p{i}.txt"\n')
    (tmp_path / "sources.toml").write_text("[settings]\nread_workers = 2\n\n" + "".join(lines))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "PREFECT_HOME": str(tmp_path / "ph"), "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "150"}
    proc = subprocess.Popen([FACTWATCH, "run", "--sources", "sources.toml", "--data", "data"], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    started: set[int] = set()
    try:
        wait_for_a_reader(proc, 180)
        started = descendants(proc.pid)
        names = [cmdline(p) for p in started]
        assert any("prefect" in n for n in names), names  # Prefect's temporary server
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while alive(started) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(started), [cmdline(p)[:200] for p in alive(started)]
    finally:
        kill_what_is_left(proc, started)
