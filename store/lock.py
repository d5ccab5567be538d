"""One run at a time per data dir: an exclusive flock on <data>/.factwatch.lock
(an object store: a conditional-create lock object with a lease, ``StoreLock``).

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

    def confirm(self) -> None:
        """(A flock cannot be lost while its process lives.)"""

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None


LEASE_SECONDS = 60.0  # an object-store lock not renewed for this long is a dead run's


class StoreLock:
    """One run at a time on an object-store prefix: ``<prefix>/.factwatch.lock``,
    created with ``If-None-Match: *`` (the store refuses a second create, so
    exactly one run gets it) and holding a lease.

    The holder renews the lease (``If-Match`` its own version) every third of
    ``lease`` seconds from a thread; a run killed with SIGKILL stops renewing,
    and once the object is older than the lease by the store's own clock the
    next run replaces it (``If-Match`` the stale version, so two runs taking
    over the same stale lock cannot both win). A holder on the same machine
    whose process is gone is taken over at once. Released with a conditional
    delete. The lock lives in the store itself rather than in the Prefect
    server: runs started without a server (`factwatch run` on a laptop) and
    analysts' tools see the same lock, and it needs nothing but the bucket.
    """

    def __init__(self, storage, wait_seconds: float = 0.0, lease: float | None = None):
        import os as _os

        self.storage = storage
        self.key = ".factwatch.lock"
        self.wait_seconds = wait_seconds
        self.lease = float(lease if lease is not None else _os.environ.get("FACTWATCH_LOCK_LEASE", LEASE_SECONDS))
        self._etag: str | None = None
        self._stop = None
        self._thread = None

    def _body(self) -> bytes:
        import json
        import socket
        import uuid

        return json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "token": uuid.uuid4().hex,
                           "lease_seconds": self.lease}).encode()

    def _stale(self, body: bytes, age: float) -> bool:
        import json
        import socket

        if age > self.lease:
            return True
        try:
            holder = json.loads(body)
        except ValueError:
            return age > self.lease
        if holder.get("host") == socket.gethostname() and isinstance(holder.get("pid"), int):
            try:
                os.kill(holder["pid"], 0)
            except ProcessLookupError:
                return True  # its process is gone: a killed run on this machine
            except PermissionError:
                return False
        return False

    def _holder(self, body: bytes) -> str:
        import json

        try:
            h = json.loads(body)
            return f"pid {h.get('pid')} on {h.get('host')}"
        except ValueError:
            return "another process"

    def __enter__(self) -> StoreLock:
        deadline = time.monotonic() + self.wait_seconds
        while True:
            etag = self.storage.create(self.key, self._body())
            if etag is None:
                seen = self.storage.stat(self.key)
                if seen is None:
                    continue  # released meanwhile: try again at once
                body, old, age = seen
                if self._stale(body, age):
                    etag = self.storage.replace(self.key, self._body(), old)
                if etag is None:
                    if time.monotonic() >= deadline:
                        raise DataDirBusy(
                            f"another factwatch run ({self._holder(body)}) is using {self.storage.url}; "
                            "wait for it to finish, or pass --wait SECONDS to queue behind it "
                            f"(a killed run's lock lapses {self.lease:.0f} s after its last renewal)"
                        )
                    time.sleep(0.5)
                    continue
            self._etag = etag
            break
        import threading

        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew, name="factwatch-lock-lease", daemon=True)
        self._thread.start()
        return self

    def confirm(self) -> None:
        """Renew the lease now, and raise DataDirBusy if another run has taken the lock over
        (this run stalled past its lease): called right before the run becomes current."""
        etag = self.storage.replace(self.key, self._body(), self._etag) if self._etag else None
        if etag is None:
            raise DataDirBusy(f"this run lost its lock on {self.storage.url} (it stalled for more than its "
                              f"{self.lease:.0f} s lease and another run took over); nothing was published")
        self._etag = etag

    def _renew(self) -> None:
        while not self._stop.wait(self.lease / 3):
            try:
                etag = self.storage.replace(self.key, self._body(), self._etag)
            except Exception:  # noqa: BLE001 - a failed renewal is retried; the lease covers two misses
                continue
            if etag is not None:
                self._etag = etag

    def __exit__(self, *exc) -> None:
        if self._stop is not None:
            self._stop.set()
            self._thread.join(timeout=30)
        if self._etag is not None:
            self.storage.delete_if(self.key, self._etag)
            self._etag = None


def store_lock(storage, wait_seconds: float = 0.0):
    """The lock of a data dir: a flock on a local one, a lease object on an object store."""
    if storage.local:
        return DataDirLock(storage.root, wait_seconds=wait_seconds)
    return StoreLock(storage, wait_seconds=wait_seconds)
