"""Scheduled runs on a real Prefect server, started and stopped here."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pandas as pd
import pytest

from tests.support import NATO_PAGE

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "ph")}
    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "a"\npath = "a.txt"\n')
    proc = subprocess.run([str(BIN / "factwatch"), "serve", "--interval", "5", "--sources", str(tmp_path / "sources.toml")],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "prefect server start" in proc.stderr and "PREFECT_API_URL" in proc.stderr


@dataclass(frozen=True)
class PrefectServer:
    api: str
    env: dict[str, str]


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory) -> Iterator[PrefectServer]:
    """A Prefect server on a free port of 127.0.0.1, answering its health check, for the module's tests
    (each serves a deployment of its own name); stopped after them. Its scheduler looks for schedules
    to fill every second and serve's runner for runs to start every second, rather than every 60 s and
    10 s: the schedule is what is tested, not those defaults."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = os.environ | {"PREFECT_HOME": str(tmp_path_factory.mktemp("prefect-home")), "PREFECT_API_URL": api,
                        "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false",
                        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "1", "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "Prefect server did not start"
            assert server.poll() is None, "Prefect server exited"
            time.sleep(0.2)
        yield PrefectServer(api, env)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)


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
    schedule is tested here, the reading elsewhere)."""
    (tmp_path / "a.txt").write_text("Testland\n\nTestland signed a partnership programme with NATO in 2012.\n")
    (tmp_path / "b.txt").write_text("Other news\n\nNATO was formed under the North Atlantic Treaty in 1949.\n")
    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "a"\npath = "a.txt"\n[[sources]]\nid = "b"\npath = "b.txt"\n')
    with serving(tmp_path, prefect_server, interval=4, sources="sources.toml") as served:
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
        # the deployment is on the server with its schedule
        assert deployment(prefect_server, "factwatch-sources")["schedules"]
        assert stop(served) == 0
    assert deployment(prefect_server, "factwatch-sources")["paused"]


def test_sigterm_pauses_the_schedule_and_stops_serving(tmp_path, prefect_server):
    """As Ctrl-C does: the deployment is paused (no run starts after the signal), serve exits 0."""
    shutil.copy(NATO_PAGE, tmp_path / NATO_PAGE.name)
    (tmp_path / "nato.toml").write_text(f'[[sources]]\nid = "nato-nz"\npath = "{NATO_PAGE.name}"\n')

    with serving(tmp_path, prefect_server, interval=3600, sources="nato.toml") as served:
        deadline = time.monotonic() + 180
        while (found := deployment(prefect_server, "factwatch-nato")) is None or found["paused"]:
            assert served.poll() is None, served.stderr.read()[-2000:]
            assert time.monotonic() < deadline, "the deployment never appeared"
            time.sleep(0.5)
        time.sleep(1)
        served.send_signal(signal.SIGTERM)
        assert served.wait(60) == 0
        assert deployment(prefect_server, "factwatch-nato")["paused"]
