"""Atomic file writes: write a temp file, fsync, rename it into place.

A reader (or a crash) never sees a half-written file: either the old content
or the new one is visible under the final name. Temp files go to a staging
folder (on the same filesystem) when one is given, so a crash leaves nothing
half-written inside the store itself; the next run clears the staging folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_with(path: Path, writer: Callable[[Path], None], staging: Path | None = None) -> None:
    """Call ``writer(tmp_path)`` to produce the file, then move it to ``path``.

    The temp file lives in ``staging`` (or the target's directory), on the
    same filesystem so the rename is atomic, and is removed if the writer fails.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = path.parent
    if staging is not None:
        Path(staging).mkdir(parents=True, exist_ok=True)
        tmp_dir = Path(staging)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmp_dir)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # as any file the user creates (mkstemp makes 0600)
    finally:
        os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would, for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_bytes(path: Path, data: bytes, staging: Path | None = None) -> None:
    write_with(path, lambda tmp: tmp.write_bytes(data), staging)


def write_text(path: Path, text: str, staging: Path | None = None) -> None:
    write_bytes(path, text.encode("utf-8"), staging)


def write_json(path: Path, obj: object, staging: Path | None = None) -> None:
    write_text(path, json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n", staging)


def staging_dir(store_root: Path) -> Path:
    """The staging folder of a store kept under a data dir: ``<data>/.staging``."""
    return Path(store_root).parent / ".staging"


def replace_symlink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` atomically (create a temp link, rename it over)."""
    link = Path(link)
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)
    _fsync_dir(link.parent)
