"""Scheduled runs on a real Prefect server (the session's: tests/conftest.py)."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pandas as pd
import pytest

from tests.support import PrefectServer

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def stop(proc: subprocess.Popen, timeout: float = 30) -> int | None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    return proc.returncode


def test_serve_without_a_server_says_how_to_start_one(tmp_path):
    """In this process, with no PREFECT_API_URL (whatever server the session's other tests use)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from typer.testing import CliRunner

    from flows.cli import app

    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "a"\npath = "a.txt"\n')
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert PREFECT_API_URL.value() is None
        out = CliRunner().invoke(app, ["serve", "--interval", "5", "--sources", str(tmp_path / "sources.toml")])
    assert out.exit_code == 2, out.output
    assert "prefect server start" in out.stderr and "PREFECT_API_URL" in out.stderr


@pytest.fixture
def prefect_server(prefect_harness) -> PrefectServer:
    """The session's Prefect server (its scheduler fills schedules every second), and serve's runner
    looking for runs to start every second rather than every 10 s: the schedule is what is tested."""
    return PrefectServer(prefect_harness.api, os.environ | {"PREFECT_API_URL": prefect_harness.api,
                                                            "PREFECT_RUNNER_POLL_FREQUENCY": "1"})


def deployment(server: PrefectServer, name: str) -> dict | None:
    found = [d for d in httpx.post(f"{server.api}/deployments/filter", json={}, timeout=10).json() if d["name"] == name]
    return found[0] if found else None


@contextmanager
def serving(folder: Path, server: PrefectServer, interval: int, sources: str) -> Iterator[subprocess.Popen]:
    """`factwatch serve` on the folder's ``sources`` file against the server; stopped on the way out."""
    served = subprocess.Popen(
        [str(BIN / "factwatch"), "serve", "--interval", str(interval), "--sources", sources, "--data", "data"],
        cwd=folder, env=server.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield served
    finally:
        stop(served)


def test_scheduled_runs_on_a_real_prefect_server(tmp_path, prefect_server):
    """Two runs of the schedule publish; the second finds both pages unchanged (short pages: the
    schedule is tested here, the reading elsewhere); SIGTERM pauses the schedule and serve exits 0."""
    (tmp_path / "a.txt").write_text("Testland\n\nTestland signed a partnership programme with NATO in 2012.\n")
    (tmp_path / "b.txt").write_text("Other news\n\nNATO was formed under the North Atlantic Treaty in 1949.\n")
    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "a"\npath = "a.txt"\n[[sources]]\nid = "b"\npath = "b.txt"\n')
    # (serve's runner starts every run that falls due, overlapping or not, and a run's process takes seconds of
    # CPU to start: at shorter intervals the runs pile up on two cores, each waiting for the last one's lock)
    with serving(tmp_path, prefect_server, interval=8, sources="sources.toml") as served:
        runs_file = tmp_path / "data" / "curated" / "runs.parquet"
        deadline = time.monotonic() + 180
        runs = None
        while time.monotonic() < deadline:
            assert served.poll() is None, f"serve exited: {served.stderr.read()[-2000:]}"
            if runs_file.exists():
                runs = pd.read_parquet(runs_file)
                if len(runs) >= 2:
                    break
            time.sleep(0.5)
        assert runs is not None and len(runs) >= 2, "fewer than two scheduled runs completed"
        assert set(runs.status) == {"ok"} and runs.unchanged.iloc[-1] == 2
        # the deployment is on the server with its schedule, not paused while serve runs
        found = deployment(prefect_server, "factwatch-sources")
        assert found["schedules"] and not found["paused"]
        # SIGTERM, as Ctrl-C does: the deployment is paused (no run starts after the signal), serve exits 0
        assert stop(served) == 0
    assert deployment(prefect_server, "factwatch-sources")["paused"]

