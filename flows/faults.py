"""Fault-injection points for the crash tests.

With ``FACTWATCH_PAUSE_AT=<phase>`` in the environment, a run that reaches
that phase writes ``<data>/.paused-<phase>`` and waits there, so a test can
kill it at a known point (fetch: a snapshot stored, others pending; read:
documents cached, nothing published; publish: every table written, nothing
visible). Without the variable these are no-ops. On an object store the
marker goes to the local folder ``FACTWATCH_PAUSE_DIR``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def pause_point(phase: str, data_dir) -> None:
    """``data_dir``: a local path, or a ``store.filesystem.Storage``."""
    if os.environ.get("FACTWATCH_PAUSE_AT") != phase:
        return
    local = getattr(data_dir, "local", True)
    folder = Path(getattr(data_dir, "root", data_dir)) if local else Path(os.environ["FACTWATCH_PAUSE_DIR"])
    (folder / f".paused-{phase}").write_text(str(os.getpid()))
    time.sleep(float(os.environ.get("FACTWATCH_PAUSE_SECONDS", "120")))
