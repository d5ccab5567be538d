"""The raw snapshot store: every distinct snapshot of every source, byte for
byte, content-addressed by sha256, with the metadata of the fetch that first
brought it. Nothing here is ever overwritten or deleted.

Layout under ``<data>/raw``::

    objects/<sha[:2]>/<sha256>                 the bytes
    snapshots/<source_id>/<sha256>.json        fetch metadata (url, fetched_at, status, headers)
    state/<source_id>.json                     the source's current snapshot and HTTP validators
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from errors import StorageError
from store import atomic

_SHA_RE = re.compile(r"[0-9a-f]{64}\Z")
_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}\Z")


class StoreError(StorageError, ValueError):
    """The raw store cannot be used: a bad source id, a damaged or missing snapshot, its state file."""


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    source_id: str
    sha256: str
    url: str
    fetched_at: datetime
    http_status: int | None
    headers: tuple[tuple[str, str], ...]
    content_type: str | None
    bytes: int


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the store knows of a source after its last successful fetch."""

    source_id: str
    sha256: str
    url: str
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class RawStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.staging = atomic.staging_dir(self.root)

    # paths, confined under root
    def _object_path(self, sha: str) -> Path:
        if not _SHA_RE.match(sha):
            raise StoreError(f"not a sha256 digest: {sha!r}")
        return self.root / "objects" / sha[:2] / sha

    def _source_dir(self, kind: str, source_id: str) -> Path:
        if not _ID_RE.match(source_id):
            raise StoreError(f"refusing source id {source_id!r}: not a valid id")
        path = (self.root / kind / source_id).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise StoreError(f"refusing source id {source_id!r}: path escapes the data dir")
        return path

    def has(self, sha: str) -> bool:
        return self._object_path(sha).exists()

    def intact(self, sha: str) -> bool:
        """The snapshot is stored and its bytes still hash to its name."""
        try:
            return sha256_of(self._object_path(sha).read_bytes()) == sha
        except OSError:
            return False

    def read(self, sha: str) -> bytes:
        try:
            data = self._object_path(sha).read_bytes()
        except FileNotFoundError:
            raise StoreError(f"snapshot {sha[:12]} is missing from {self.root / 'objects'}") from None
        if sha256_of(data) != sha:
            raise StoreError(f"snapshot {sha[:12]} is damaged (its bytes do not match its hash)")
        return data

    def put(
        self,
        source_id: str,
        content: bytes,
        *,
        url: str,
        fetched_at: datetime,
        http_status: int | None,
        headers: tuple[tuple[str, str], ...] = (),
        content_type: str | None = None,
    ) -> tuple[SnapshotRecord, bool]:
        """Store bytes (once) and the fetch metadata; returns the record and whether the bytes were new.
        A stored copy that no longer matches its hash (a damaged disk, a stray
        edit) is replaced by these bytes."""
        sha = sha256_of(content)
        obj = self._object_path(sha)
        new_blob = not obj.exists()
        if new_blob or not self.intact(sha):
            atomic.write_bytes(obj, content, self.staging)
        meta_path = self._source_dir("snapshots", source_id) / f"{sha}.json"
        record = SnapshotRecord(
            source_id=source_id, sha256=sha, url=url, fetched_at=fetched_at, http_status=http_status,
            headers=tuple(headers), content_type=content_type, bytes=len(content),
        )
        if not meta_path.exists():
            atomic.write_json(meta_path, _record_json(record), self.staging)
        return record, new_blob

    def snapshot(self, source_id: str, sha: str) -> SnapshotRecord | None:
        path = self._source_dir("snapshots", source_id) / f"{sha}.json"
        try:
            d = json.loads(path.read_text())
            return SnapshotRecord(
                source_id=d["source_id"], sha256=d["sha256"], url=d["url"],
                fetched_at=datetime.fromisoformat(d["fetched_at"]), http_status=d["http_status"],
                headers=tuple(tuple(h) for h in d["headers"]), content_type=d["content_type"], bytes=d["bytes"],
            )
        except (OSError, ValueError, KeyError, TypeError):  # missing or damaged metadata: as if unknown
            return None

    def snapshots(self, source_id: str) -> list[SnapshotRecord]:
        folder = self._source_dir("snapshots", source_id)
        records = [self.snapshot(source_id, p.stem) for p in folder.glob("*.json")] if folder.exists() else []
        return sorted((r for r in records if r), key=lambda r: r.fetched_at)

    def state(self, source_id: str) -> SourceState | None:
        path = self._state_path(source_id)
        try:
            d = json.loads(path.read_text())
            return SourceState(
                source_id=d["source_id"], sha256=d["sha256"], url=d["url"],
                fetched_at=datetime.fromisoformat(d["fetched_at"]), etag=d.get("etag"), last_modified=d.get("last_modified"),
            )
        except (OSError, ValueError, KeyError, TypeError):  # missing or damaged state: fetch unconditionally
            return None

    def set_state(self, state: SourceState) -> None:
        atomic.write_json(self._state_path(state.source_id), _record_json(state), self.staging)

    def _state_path(self, source_id: str) -> Path:
        return self._source_dir("state", source_id).parent / f"{source_id}.json"


def _record_json(record) -> dict:
    d = asdict(record)
    for k, v in d.items():
        if isinstance(v, datetime):
            d[k] = v.isoformat()
    return d
