"""SIGTERM acts within seconds.

The run unwinds as on Ctrl-C (what is half-written stays in .staging and is
cleared by the next run; the tables switch in one rename, so a stopped run
publishes nothing half-done). A page being read can hold the interpreter in
C code for long: TERMINATE_GRACE seconds after the signal the process exits
regardless (exit status 143), whatever it was doing.

Prefect installs its own SIGTERM handler while a flow runs; ``arm`` chains in
front of whatever handler is there, so both the command line and the flow
body keep the bound.
"""

from __future__ import annotations

import os
import signal
import threading

TERMINATE_GRACE = 5.0  # seconds a terminated run has to unwind before it exits regardless


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C."""


_signalled = threading.Event()


def terminated() -> bool:
    """Whether SIGTERM reached this process (whatever exception the unwinding ends in: Prefect's
    engine may turn the ``Terminated`` it meets into another interrupt on its way out)."""
    return _signalled.is_set()


def _exit_later() -> None:
    timer = threading.Timer(TERMINATE_GRACE, os._exit, (143,))
    timer.daemon = True
    timer.start()


def arm() -> None:
    """Bound what SIGTERM takes from now on (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGTERM)
    if getattr(previous, "_factwatch_bounded", False):
        return

    def on_sigterm(signum, frame):
        _signalled.set()
        _exit_later()
        os.write(2, b"factwatch: terminated\n")
        if callable(previous) and previous not in (signal.SIG_IGN, signal.SIG_DFL):
            previous(signum, frame)  # Prefect's handler: the flow run is marked as it should be
        raise Terminated()

    on_sigterm._factwatch_bounded = True  # type: ignore[attr-defined]
    signal.signal(signal.SIGTERM, on_sigterm)
