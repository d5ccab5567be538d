"""Cache of per-document results, keyed by snapshot hash and code version.

An unchanged snapshot (same bytes) read by the same code gives the same
result, so it is never read twice: not on an unchanged re-run, not when a page
flips back to an earlier version. A new code version starts a fresh cache.

The cache holds typed dataclasses (store/codec.py) without knowing them: the
caller names the kinds it stores (``{"document": ProcessedDocument, ...}``);
each must have ``source_id`` and ``snapshot_sha256`` fields.

Layout: ``<data>/cache/documents/<code_version>/<sha[:2]>/<source_id>.<sha>.json``
(a local folder or an object-store prefix, see ``store.filesystem``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from store.codec import from_jsonable, to_jsonable
from store.filesystem import LocalStorage, Storage

_VERSION_RE = re.compile(r"[0-9a-f]{8,64}\Z")


class DocumentCache:
    def __init__(self, root: Path | Storage, code_version: str, kinds: Mapping[str, type]):
        if not _VERSION_RE.match(code_version):
            raise ValueError(f"bad code version {code_version!r}")
        storage = root if isinstance(root, Storage) else LocalStorage(Path(root))
        self.storage = storage.sub("documents").sub(code_version)
        self.kinds = dict(kinds)
        self._kind_of = {cls: kind for kind, cls in self.kinds.items()}

    def _path(self, source_id: str, sha: str) -> str:
        return f"{sha[:2]}/{source_id}.{sha}.json"

    def get(self, source_id: str, sha: str) -> object | None:
        try:
            data = json.loads(self.storage.read_text(self._path(source_id, sha)))
        except (OSError, ValueError):  # (a missing entry is FileNotFoundError, an OSError)
            return None
        cls = self.kinds.get(data.get("type"))
        if cls is None:
            return None
        try:
            return from_jsonable(cls, data["value"])
        except (KeyError, TypeError, ValueError):
            return None  # an unreadable entry is just a cache miss

    def put(self, result: object) -> None:
        kind = self._kind_of[type(result)]
        self.storage.write_text(
            self._path(result.source_id, result.snapshot_sha256),  # type: ignore[attr-defined]
            json.dumps({"type": kind, "value": to_jsonable(result)}, ensure_ascii=False),
        )
