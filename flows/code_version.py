"""Versions of the code, as hashes of its source and data files.

- ``reading_version``: the per-document code (the extractors) and the NLP
  model. Cached per-document results are reused only by the code that made
  them.
- ``code_version``: everything that shapes the curated tables (reading,
  reconciliation, table assembly, storage, the flow). An unchanged re-run
  reuses the previous run's tables only when this is the same: after an
  upgrade of any of it, unchanged pages still give fresh facts.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

_PROJECT = Path(__file__).resolve().parent.parent
_READING_PACKAGES = ("extractors",)
_TABLE_PACKAGES = ("extractors", "facts", "assembly", "ingest", "store", "flows")
_SUFFIXES = (".py", ".json", ".toml", ".txt", ".yaml")


def _hash_packages(packages: tuple[str, ...], model: str, project: Path = _PROJECT) -> str:
    h = hashlib.sha256()
    for package in packages:
        root = project / package
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in _SUFFIXES and "__pycache__" not in path.parts:
                h.update(path.relative_to(project).as_posix().encode())
                h.update(path.read_bytes())
    h.update(model.encode())
    try:
        h.update(metadata.version(model).encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:16]


@lru_cache(maxsize=8)
def reading_version(model: str) -> str:
    """The version of the per-document code (keys the document cache)."""
    return _hash_packages(_READING_PACKAGES, model)


@lru_cache(maxsize=8)
def code_version(model: str) -> str:
    """The version of all the code that shapes the tables (keys run reuse)."""
    return _hash_packages(_TABLE_PACKAGES, model)
