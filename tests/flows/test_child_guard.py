"""No process outlives its run: the reader processes of a run's pool leave on
their own when the run's process is killed, with no watchdog to help."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flows.child_guard import children
from tests.support import REPO

POOL = """
import os, sys, time
from flows.read_pool import ReadPool
pool = ReadPool(3)  # the caller reads too: two spawned readers
for f in [pool._executor.submit(time.sleep, 1.0) for _ in range(2)]:  # two at once: two readers
    f.result()
print(" ".join(str(p.pid) for p in pool._executor._processes.values()), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_readers_leave_when_the_run_is_killed_without_a_watchdog():
    proc = subprocess.Popen([sys.executable, "-c", POOL], cwd=REPO, stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    started: set[int] = set()
    try:
        readers = {int(p) for p in proc.stdout.readline().split()}
        started = children(proc.pid)  # the readers and multiprocessing's resource tracker
        assert len(readers) == 2 and readers <= started and all(_alive(p) for p in readers)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in started) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in started if _alive(p)]
    finally:
        for pid in started:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
