"""One run at a time per data dir: an exclusive flock on <data>/.factwatch.lock.

The kernel drops a flock when its process dies, so the lock of a killed run
is never stale: the next run takes it at once.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from errors import StorageError


class DataDirBusy(StorageError, RuntimeError):
    """Another run holds the data dir's lock."""


class DataDirLock:
    def __init__(self, data_dir: Path, wait_seconds: float = 0.0):
        self.path = Path(data_dir) / ".factwatch.lock"
        self.wait_seconds = wait_seconds
        self._fd: int | None = None

    def __enter__(self) -> DataDirLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another process"
                    os.close(fd)
                    raise DataDirBusy(
                        f"another factwatch run (pid {holder}) is using {self.path.parent}; "
                        "wait for it to finish, or pass --wait SECONDS to queue behind it"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
