"""No process outlives its run.

A run starts processes of its own: Prefect's temporary API server when no
server is configured, Dask workers with ``--runner dask``. They stop when the
run ends normally; when the run's process is killed (SIGKILL, the OOM killer)
nothing in it runs any more, so a small watchdog process does it: it notes
the run's descendants every half second and, once the run's process is gone,
stops every one of them still alive (SIGTERM, then SIGKILL).

The watchdog needs nothing but the standard library and /proc (Linux); where
/proc is missing it is not started.

The watchdog notes processes every half second, so one started just before
the kill could slip past it; processes of the run's own making therefore
also watch their parent (``exit_with_parent``): the reader processes of a
local run (flows.read_pool) leave within a second of the run's process,
also when no watchdog runs (a flow run started by a Prefect worker).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

PARENT_POLL = 0.25  # seconds between a child's looks at its parent

_WATCHDOG = r'''
import os, signal, sys, time
parent, me = int(sys.argv[1]), os.getpid()

def table():
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
                out[int(name)] = (int(fields[1]), fields[19])  # ppid, start time
            except (OSError, IndexError, ValueError):
                pass
    return out

known = {}
while os.getppid() == parent:
    procs = table()
    children = {}
    for pid, (ppid, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    todo = list(children.get(parent, []))
    while todo:
        pid = todo.pop()
        if pid != me:
            known[pid] = procs[pid][1]
            todo.extend(children.get(pid, []))
    time.sleep(0.5)

def alive():
    procs = table()
    return [pid for pid, start in known.items() if pid in procs and procs[pid][1] == start]

for sig, wait in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 0.0)):
    for pid in alive():
        try:
            os.kill(pid, sig)
        except OSError:
            pass
    deadline = time.monotonic() + wait
    while alive() and time.monotonic() < deadline:
        time.sleep(0.1)
'''


def start_watchdog() -> subprocess.Popen | None:
    """Start the watchdog of this process's descendants (None where there is no /proc)."""
    if not Path("/proc/self/stat").exists():
        return None
    return subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _WATCHDOG, str(os.getpid())],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
        start_new_session=True,  # a Ctrl-C to the run's process group leaves it to do its work
    )


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)  # the run that started this process is gone: nobody will read what it makes


def exit_with_parent(parent: int) -> None:
    """In a child process (a process pool's initializer): exit as soon as
    ``parent``, the process that started it, is gone (SIGKILL, the OOM
    killer). A spawned pool worker would otherwise wait for work forever:
    it holds its own end of the pipe, so it never sees the parent close."""
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="exit-with-parent").start()


def parent_of(pid: int) -> int | None:
    """The parent of a live process ``pid`` from /proc, None when it is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _children_by_parent() -> dict[int, list[int]]:
    """Every live process under its parent, from /proc."""
    out: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (ppid := parent_of(int(entry.name))) is not None:
            out.setdefault(ppid, []).append(int(entry.name))
    return out


def descendants(pid: int) -> set[int]:
    """The processes below ``pid`` (children, theirs, and so on), from /proc."""
    children = _children_by_parent()
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def children(pid: int) -> set[int]:
    """The direct children of ``pid``, from /proc."""
    return set(_children_by_parent().get(pid, []))
