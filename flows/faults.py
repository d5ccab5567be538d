"""Fault-injection points for the crash tests.

With ``FACTWATCH_PAUSE_AT=<phase>`` in the environment, a run that reaches
that phase writes ``<data>/.paused-<phase>`` and waits there, so a test can
kill it at a known point (fetch: a snapshot stored, others pending; read:
documents cached, nothing published; publish: every table written, nothing
visible). Without the variable these are no-ops.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def pause_point(phase: str, data_dir: Path) -> None:
    if os.environ.get("FACTWATCH_PAUSE_AT") != phase:
        return
    (Path(data_dir) / f".paused-{phase}").write_text(str(os.getpid()))
    time.sleep(float(os.environ.get("FACTWATCH_PAUSE_SECONDS", "120")))
