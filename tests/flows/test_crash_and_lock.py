"""Killing a run at any point costs no data; one run at a time per data dir."""

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from flows.cli import app
from store.curated_store import CuratedStore
from store.schemas import TABLE_NAMES
from tests.support import wait_for

pytestmark = pytest.mark.slow
FACTWATCH = str(Path(sys.executable).with_name("factwatch"))

V1 = "Testland and NATO\n\nTestland signed the Individual Partnership and Cooperation Programme with NATO in 2012.\n\n" \
     "Testland joined the Partnership Interoperability Initiative in 2014.\n"
V2 = V1.replace("in 2014", "in 2015") + "\nIn 2024, NATO and Testland agreed the Individually Tailored Partnership Programme.\n"
OTHER = "Other news\n\nNATO was formed under the North Atlantic Treaty in 1949.\n"


@pytest.fixture
def api_url(prefect_harness):
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.txt").write_text(V1)
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "sources.toml").write_text('[[sources]]\nid = "a"\npath = "a.txt"\n[[sources]]\nid = "b"\npath = "b.txt"\n')
    return tmp_path


def start(project: Path, api_url: str, *args: str, pause: str | None = None, pause_seconds: float = 120) -> subprocess.Popen:
    env = os.environ | {"PREFECT_API_URL": api_url, "FACTWATCH_PAUSE_SECONDS": str(pause_seconds)}
    env.pop("FACTWATCH_PAUSE_AT", None)
    if pause:
        env["FACTWATCH_PAUSE_AT"] = pause
    return subprocess.Popen([FACTWATCH, "run", "--sources", "sources.toml", "--data", "data", *args], cwd=project,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def run_here(project: Path, *args: str) -> tuple[int, str]:
    """A run in this process (the runs that are not killed or paused need no process of their own)."""
    result = CliRunner().invoke(app, ["run", "--sources", str(project / "sources.toml"), "--data",
                                      str(project / "data"), *args])
    return result.exit_code, result.output


def kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):  # (already gone: a run that ended early)
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def assert_intact(data: Path, expected_run: str) -> None:
    curated = CuratedStore(data / "curated")
    assert curated.current_run_id() == expected_run
    for name in TABLE_NAMES:  # every current table readable, all of the same run
        pd.read_parquet(data / "curated" / f"{name}.parquet")
    assert list(pd.read_parquet(data / "curated" / "runs.parquet").run_id)[-1] == expected_run
    for path in (data / "raw").rglob("*"):
        assert not path.name.startswith(".") and not path.name.endswith(".tmp"), f"partial file {path}"
        if path.parent.parent.name == "objects":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name


def test_sigkill_while_fetching_reading_or_publishing_loses_nothing(project, api_url):
    """Also one run at a time: a second run is refused while a paused one holds the data dir, and the
    lock of a killed run is no obstacle to the next (the last run below follows three killed ones)."""
    data = project / "data"
    code, out = run_here(project)
    assert code == 0, out[-3000:]
    run1 = CuratedStore(data / "curated").current_run_id()
    (project / "a.txt").write_text(V2)
    for phase in ("fetch", "read", "publish"):
        proc = start(project, api_url, pause=phase)
        try:
            wait_for(data / f".paused-{phase}", proc, timeout=120, poll=0.1)
            if phase == "read":
                code, out = run_here(project)
                assert code == 1 and "another factwatch run" in out and "--wait" in out
        finally:
            kill(proc)
        (data / f".paused-{phase}").unlink()
        assert_intact(data, run1)
    code, out = run_here(project)
    assert code == 0, out[-3000:]
    curated = CuratedStore(data / "curated")
    assert curated.run_ids()[0] == run1 and len(curated.run_ids()) == 2
    changes = pd.read_parquet(data / "curated" / "changes.parquet")
    latest = changes[changes.run_id == curated.current_run_id()]
    assert sorted(zip(latest.change, latest.field.fillna(""), latest.after.fillna(""))) == [
        ("added", "", "2024"), ("changed", "date", "2015")]
    assert not (data / ".staging").exists() or not any((data / ".staging").iterdir())


def test_a_second_run_with_wait_queues_behind_the_first(project, api_url):
    """(A second run without --wait is refused, and a killed run's lock is free: the test above.)"""
    data = project / "data"
    # with --wait the second run queues behind the first (it asks for the lock while the first is paused)
    slow = start(project, api_url, pause="read", pause_seconds=4)
    try:
        wait_for(data / ".paused-read", slow, timeout=120, poll=0.1)
        code, out = run_here(project, "--wait", "120")
        assert code == 0, out[-3000:]
        assert finish(slow)[0] == 0
    finally:
        if slow.poll() is None:
            kill(slow)
    runs = pd.read_parquet(data / "curated" / "runs.parquet")
    assert len(runs) == 2 and runs.run_id.is_monotonic_increasing
