"""Cache of per-document results, keyed by snapshot hash and code version.

An unchanged snapshot (same bytes) read by the same code gives the same
result, so it is never read twice: not on an unchanged re-run, not when a page
flips back to an earlier version. A new code version starts a fresh cache.

The cache holds typed dataclasses (store/codec.py) without knowing them: the
caller names the kinds it stores (``{"document": ProcessedDocument, ...}``);
each must have ``source_id`` and ``snapshot_sha256`` fields.

Layout: ``<data>/cache/documents/<code_version>/<sha[:2]>/<source_id>.<sha>.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from store import atomic
from store.codec import from_jsonable, to_jsonable

_VERSION_RE = re.compile(r"[0-9a-f]{8,64}\Z")


class DocumentCache:
    def __init__(self, root: Path, code_version: str, kinds: Mapping[str, type]):
        if not _VERSION_RE.match(code_version):
            raise ValueError(f"bad code version {code_version!r}")
        self.dir = Path(root) / "documents" / code_version
        self.staging = atomic.staging_dir(Path(root))
        self.kinds = dict(kinds)
        self._kind_of = {cls: kind for kind, cls in self.kinds.items()}

    def _path(self, source_id: str, sha: str) -> Path:
        return self.dir / sha[:2] / f"{source_id}.{sha}.json"

    def get(self, source_id: str, sha: str) -> object | None:
        path = self._path(source_id, sha)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
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
        atomic.write_text(
            self._path(result.source_id, result.snapshot_sha256),  # type: ignore[attr-defined]
            json.dumps({"type": kind, "value": to_jsonable(result)}, ensure_ascii=False),
            self.staging,
        )
