"""Runs with ``--data s3://bucket/prefix`` on a real S3-compatible server
(SeaweedFS on 127.0.0.1): the tables equal a local run's, an unchanged re-run
reads nothing, one run at a time per prefix, a run killed while publishing
leaves the previous one current, and Dask workers that see nothing but the
store give the same tables."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.s3_server import SECRET_KEY
from tests.support import MFAT_PAGE, NATO_PAGE, stop_group, wait_for

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
RUN_COLUMNS = {"run_id", "fetched_at", "started_at", "finished_at"}  # when and in which run, not what
TABLES = ("documents", "blocks", "entities", "mentions", "events", "facts", "fact_values")


@pytest.fixture(scope="module")
def env(s3_server, prefect_harness, tmp_path_factory):
    from prefect.settings import PREFECT_API_URL

    pause = tmp_path_factory.mktemp("pause")
    return os.environ | s3_server.env | {"PREFECT_API_URL": PREFECT_API_URL.value(), "FACTWATCH_PAUSE_DIR": str(pause)}


@pytest.fixture(scope="module")
def project(env, tmp_path_factory) -> tuple[Path, dict]:
    """The two seed pages as path sources, and the summary of one local run over them (in ``local``)."""
    project = tmp_path_factory.mktemp("project")
    (project / "pages").mkdir()
    entries = []
    for p in (NATO_PAGE, MFAT_PAGE):
        shutil.copy(p, project / "pages" / p.name)
        entries.append(f'[[sources]]\nid = "{p.stem[:3]}"\npath = "pages/{p.name}"\n')
    (project / "sources.toml").write_text('subject = ["NATO", "New Zealand"]\n' + "\n".join(entries))
    return project, summary(here(project, "run", "--data", str(project / "local"), "--json"))


def factwatch(cwd: Path, env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "factwatch"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def here(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The command in this process, on the project's sources (commands that need no process of their
    own: the ones not killed, paused or checked for what they leave in their working dir)."""
    if args[0] == "run":
        args = (*args, "--sources", str(project / "sources.toml"))
    result = CliRunner().invoke(app, list(args))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


@contextlib.contextmanager
def within(seconds: float, what: str):
    """Fail (TimeoutError in this thread) when the block runs longer than ``seconds``: a run made in this
    process has no process of its own a timeout could stop."""
    def expired(signum, frame):
        raise TimeoutError(f"{what} took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def start(cwd: Path, env: dict, *args: str, pause: str | None = None) -> subprocess.Popen:
    env = dict(env)
    if pause:
        env |= {"FACTWATCH_PAUSE_AT": pause, "FACTWATCH_PAUSE_SECONDS": "120"}
    return subprocess.Popen([str(BIN / "factwatch"), "run", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def summary(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def current_table(store_url: str, fs, name: str) -> pd.DataFrame:
    """What an analyst does: read the pointer once, then the table it names."""
    root = store_url.removeprefix("s3://") + "/curated"
    pointer = json.loads(fs.cat_file(f"{root}/current.json"))
    df = pq.read_table(io.BytesIO(fs.cat_file(f"{root}/{pointer['tables'][name]['path']}"))).to_pandas()
    return df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS]).reset_index(drop=True)


def local_table(data: Path, name: str) -> pd.DataFrame:
    df = pd.read_parquet(data / "curated" / f"{name}.parquet")
    return df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS]).reset_index(drop=True)


def test_a_run_on_the_store_equals_a_local_run_and_one_run_at_a_time(project, s3_env, env):
    project, local = project
    url = s3_env.prefix()
    fs = s3_env.fs()
    first = summary(factwatch(project, env, "run", "--data", url, "--json"))
    assert first["curated_dir"] == f"{url}/curated" and first["documents_read"] == local["documents_read"] == 2
    for name in TABLES:
        a, b = local_table(project / "local", name), current_table(url, fs, name)
        assert len(a) > 0, name
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)
    assert sorted(os.listdir(project)) == ["local", "pages", "sources.toml"]  # nothing local but the local run

    # an unchanged re-run reads nothing and records no change
    again = summary(here(project, "run", "--data", url, "--json"))
    assert (again["documents_read"], again["changes"], again["fetched"]) == (0, 0, 0)

    # SQL over the store, bound to the run the pointer names
    out = here(project, "sql", "--data", url, "--format", "json",
               "SELECT count(*) AS n, (SELECT count(*) FROM history_runs) AS h FROM facts")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"n": local["facts"], "h": 1 + 2}]
    out = here(project, "diff", "--data", url, "--format", "json")
    assert out.returncode == 0 and json.loads(out.stdout)["changes"] == [], out.stderr
    out = here(project, "report", "--data", url)
    assert out.returncode == 0 and out.stdout.strip() == f"{url}/curated/reports/{again['run_id']}.html", out.stderr
    assert b"<html" in fs.cat_file(out.stdout.strip().removeprefix("s3://"))[:500].lower()

    # a second run on the prefix is refused while one holds it; a run killed while publishing
    # leaves the previous run current, and its lock does not stand in the next run's way
    page = project / "pages" / NATO_PAGE.name
    page.write_text(NATO_PAGE.read_text() + "\nNATO and Testland met in 2031.\n")
    paused = start(project, env, "--data", url, pause="publish")
    marker = Path(env["FACTWATCH_PAUSE_DIR"]) / ".paused-publish"
    try:
        wait_for(marker, paused, timeout=180, poll=0.2)
        refused = here(project, "run", "--data", url)
        assert refused.returncode == 1 and "another factwatch run" in refused.stderr and "--wait" in refused.stderr
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(paused.pid, signal.SIGKILL)
        paused.wait(30)
        marker.unlink(missing_ok=True)
    out = here(project, "sql", "--data", url, "--format", "json", "SELECT max(run_id) AS r FROM runs")
    assert json.loads(out.stdout) == [{"r": again["run_id"]}]
    try:
        after = summary(here(project, "run", "--data", url, "--json", "--wait", "60"))
    finally:
        shutil.copy(NATO_PAGE, page)  # (the module's other test compares with the local run of the seed pages)
    assert after["previous_run_id"] == again["run_id"] and after["changed"] == 1
    for path in fs.find(url):  # credentials are in no object: not the tables, not the reports, not the lock
        assert SECRET_KEY.encode() not in fs.cat_file(path), path
    assert SECRET_KEY not in refused.stderr + refused.stdout


def test_dask_workers_that_see_only_the_store_give_a_local_runs_tables(project, s3_env, env, tmp_path):
    """The run that hands its tasks to the cluster is made in this process (here): the workers are the
    processes of their own, each in a working dir of its own, told nothing of the data dir."""
    from distributed import Client

    project, local = project
    url = s3_env.prefix()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        sched_port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{sched_port}"
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(sched_port),
                               "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)]
    for i in range(2):  # two worker processes, each in a working dir of its own, told nothing of the data dir
        cwd = tmp_path / f"worker{i}"
        cwd.mkdir()
        procs.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                                       "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "2GiB"],
                                      env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True))
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout=5) as client:
                    if len(client.scheduler_info()["workers"]) == 2:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "Dask cluster did not come up"
            time.sleep(0.2)
        with within(600, "the run on the Dask cluster"):
            result = here(project, "run", "--data", url, "--json", "--runner", "dask", "--dask-address", address)
        on_dask = summary(result)
    finally:
        for proc in reversed(procs):
            stop_group(proc)
    assert on_dask["documents_read"] == local["documents_read"] == 2
    fs = s3_env.fs()
    for name in TABLES:
        a, b = local_table(project / "local", name), current_table(url, fs, name)
        assert len(a) > 0, name
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)
    for i in range(2):  # the workers wrote nothing where they run
        assert not any((tmp_path / f"worker{i}").iterdir())
