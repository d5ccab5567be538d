"""The raw snapshot store: every distinct snapshot of every source, byte for
byte, content-addressed by sha256, with the metadata of the fetch that first
brought it. Nothing here is ever overwritten or deleted.

Layout under ``<data>/raw`` (a local folder or an object-store prefix, see
``store.filesystem``)::

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
from store.filesystem import LocalStorage, Storage

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
    """``root``: the raw/ folder, or a ``Storage`` (local or object store) holding it."""

    def __init__(self, root: Path | Storage):
        self.storage = root if isinstance(root, Storage) else LocalStorage(Path(root))
        self.root = self.storage.root if self.storage.local else self.storage.url

    # keys, confined under root
    def _object_path(self, sha: str) -> str:
        if not _SHA_RE.match(sha):
            raise StoreError(f"not a sha256 digest: {sha!r}")
        return f"objects/{sha[:2]}/{sha}"

    def _source_dir(self, kind: str, source_id: str) -> str:
        if not _ID_RE.match(source_id) or source_id in (".", ".."):
            raise StoreError(f"refusing source id {source_id!r}: not a valid id")
        if self.storage.local:
            root = Path(self.storage.root)
            if not (root / kind / source_id).resolve().is_relative_to(root.resolve()):
                raise StoreError(f"refusing source id {source_id!r}: path escapes the data dir")
        return f"{kind}/{source_id}"

    def has(self, sha: str) -> bool:
        return self.storage.exists(self._object_path(sha))

    def intact(self, sha: str) -> bool:
        """The snapshot is stored and its bytes still hash to its name."""
        try:
            return sha256_of(self.storage.read_bytes(self._object_path(sha))) == sha
        except OSError:
            return False

    def read(self, sha: str) -> bytes:
        try:
            data = self.storage.read_bytes(self._object_path(sha))
        except FileNotFoundError:
            raise StoreError(f"snapshot {sha[:12]} is missing from {self.storage.url_of('objects')}") from None
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
        try:  # one read says both whether the bytes are stored and whether they are intact
            stored = self.storage.read_bytes(obj)
        except FileNotFoundError:
            stored = None
        except OSError:
            stored = b""  # unreadable: written again
        new_blob = stored is None
        if new_blob or sha256_of(stored) != sha:
            self.storage.write_bytes(obj, content)
        meta_path = f"{self._source_dir('snapshots', source_id)}/{sha}.json"
        record = SnapshotRecord(
            source_id=source_id, sha256=sha, url=url, fetched_at=fetched_at, http_status=http_status,
            headers=tuple(headers), content_type=content_type, bytes=len(content),
        )
        if not self.storage.exists(meta_path):
            self.storage.write_text(meta_path, _json_text(_record_json(record)))
        return record, new_blob

    def snapshot(self, source_id: str, sha: str) -> SnapshotRecord | None:
        path = f"{self._source_dir('snapshots', source_id)}/{sha}.json"
        try:
            d = json.loads(self.storage.read_text(path))
            return SnapshotRecord(
                source_id=d["source_id"], sha256=d["sha256"], url=d["url"],
                fetched_at=datetime.fromisoformat(d["fetched_at"]), http_status=d["http_status"],
                headers=tuple(tuple(h) for h in d["headers"]), content_type=d["content_type"], bytes=d["bytes"],
            )
        except (OSError, ValueError, KeyError, TypeError):  # missing or damaged metadata: as if unknown
            return None

    def snapshots(self, source_id: str) -> list[SnapshotRecord]:
        folder = self._source_dir("snapshots", source_id)
        names = [n for n in self.storage.listdir(folder) if n.endswith(".json") and not n.startswith(".")]
        records = [self.snapshot(source_id, n[: -len(".json")]) for n in names]
        return sorted((r for r in records if r), key=lambda r: r.fetched_at)

    def state(self, source_id: str) -> SourceState | None:
        path = self._state_path(source_id)
        try:
            d = json.loads(self.storage.read_text(path))
            return SourceState(
                source_id=d["source_id"], sha256=d["sha256"], url=d["url"],
                fetched_at=datetime.fromisoformat(d["fetched_at"]), etag=d.get("etag"), last_modified=d.get("last_modified"),
            )
        except (OSError, ValueError, KeyError, TypeError):  # missing or damaged state: fetch unconditionally
            return None

    def set_state(self, state: SourceState) -> None:
        self.storage.write_text(self._state_path(state.source_id), _json_text(_record_json(state)))

    def _state_path(self, source_id: str) -> str:
        return f"{self._source_dir('state', source_id)}.json"


def _json_text(obj: object) -> str:
    """As ``atomic.write_json`` writes it (the local layout stays byte for byte what it was)."""
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def _record_json(record) -> dict:
    d = asdict(record)
    for k, v in d.items():
        if isinstance(v, datetime):
            d[k] = v.isoformat()
    return d
