"""prefect.yaml: the work-pool deployment names the run flow and parameters
it takes (a fast check of the file), and, opt-in (`make test-deployment`,
about 30 s on a quiet machine; CI runs it), end to end: a real Prefect server on 127.0.0.1, a
process work pool, `prefect deploy --all` from prefect.yaml, a run of the
deployment picked up by a worker of the pool, which runs the flow in a process
of its own and publishes the bundled sources' tables. Every process the test
starts is stopped, also when it fails."""

import contextlib
import inspect
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import yaml

from flows.pipeline import run_flow
from tests.support import REPO, stop_group

BIN = Path(sys.executable).parent


def test_the_deployment_runs_the_run_flow_with_parameters_it_takes():
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text())
    (deployment,) = spec["deployments"]
    path, name = deployment["entrypoint"].split(":")
    assert (REPO / path).is_file() and name == run_flow.fn.__name__
    taken = inspect.signature(run_flow.fn).parameters
    assert set(deployment["parameters"]) <= set(taken)
    assert {p for p, v in taken.items() if v.default is inspect.Parameter.empty} <= set(deployment["parameters"])
    assert deployment["work_pool"]["name"] and deployment["schedules"][0]["cron"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _started(args: list[str], **kwargs):
    """A process in a session of its own, stopped with everything it started (its process group)."""
    proc = subprocess.Popen(args, start_new_session=True, **kwargs)
    try:
        yield proc
    finally:
        stop_group(proc, grace=20)  # the group includes what the worker started (a flow run)


def _prefect(*args: str, env: dict, timeout: float = 180) -> str:
    proc = subprocess.run([str(BIN / "prefect"), "--no-prompt", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, f"prefect {' '.join(args)}:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return proc.stdout


@pytest.mark.slow
@pytest.mark.deployment
@pytest.mark.skipif(os.environ.get("FACTWATCH_DEPLOYMENT_TEST") != "1",
                    reason="opt-in, about 30 s (minutes under load): `make test-deployment` (FACTWATCH_DEPLOYMENT_TEST=1)")
def test_a_worker_of_a_process_work_pool_runs_the_deployment_and_publishes(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",  # the worker asks the server for runs every second
        "FACTWATCH_HOME": str(REPO), "FACTWATCH_DATA": str(data),  # as prefect.yaml says to deploy it
    }
    with _started([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as server:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            assert server.poll() is None and time.monotonic() < deadline, "the Prefect server did not start"
            time.sleep(0.5)
        _prefect("work-pool", "create", "factwatch", "--type", "process", env=env)
        _prefect("deploy", "--all", env=env)
        _prefect("deployment", "run", "factwatch-run/weekly", env=env)
        with _started([str(BIN / "prefect"), "worker", "start", "--pool", "factwatch", "--run-once"], cwd=tmp_path,
                      env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as worker:
            try:
                out, _ = worker.communicate(timeout=300)
            except subprocess.TimeoutExpired:
                pytest.fail("the worker did not finish the flow run within 300 s")
        runs = httpx.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()
        # the run asked for, done; the schedule's next runs (Mondays) wait for their time
        done = [r for r in runs if r["state_type"] not in ("SCHEDULED", "PENDING")]
        assert [r["state_type"] for r in done] == ["COMPLETED"], out[-3000:]
        assert done[0]["parameters"]["data_dir"] == str(data) and "run sources.toml" in out
    current = json.loads((data / "curated" / "current.json").read_text())
    assert current["tables"]["facts"]["rows"] > 0
