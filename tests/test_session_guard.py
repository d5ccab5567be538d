"""A test session killed before its teardown leaves no server behind
(tests/conftest.py starts flows.child_guard's watchdog for the session)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows.child_guard import parent_of

REPO = Path(__file__).resolve().parents[1]
WATCHDOG_LOOKS = 3.0  # seconds a server runs before the kill: several of the watchdog's looks, also on a busy machine

_INNER = '''
import subprocess, sys, time
from pathlib import Path

def test_starts_a_server_and_waits():
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    Path(r"{pid_file}").write_text(str(server.pid))
    time.sleep(600)
'''


def _alive(pid: int) -> bool:
    return parent_of(pid) is not None and "<defunct>" not in Path(f"/proc/{pid}/stat").read_text()


def test_a_killed_session_leaves_no_server(tmp_path):
    pid_file = tmp_path / "server.pid"
    (tmp_path / "test_inner.py").write_text(_INNER.format(pid_file=pid_file))
    session = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
                                str(tmp_path / "test_inner.py")], cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    server = None
    try:
        deadline = time.monotonic() + 120
        while not (pid_file.exists() and pid_file.read_text()):
            assert session.poll() is None and time.monotonic() < deadline, "the inner session did not start its server"
            time.sleep(0.2)
        server = int(pid_file.read_text())
        assert _alive(server)
        time.sleep(WATCHDOG_LOOKS)  # the watchdog notes the session's processes every half second
        session.send_signal(signal.SIGTERM)  # killed: no teardown runs in it
        session.wait(30)
        deadline = time.monotonic() + 15
        while _alive(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(server), "the server outlived the session that started it"
    finally:
        if session.poll() is None:
            session.kill()
        if server is not None and _alive(server):
            os.kill(server, signal.SIGKILL)
