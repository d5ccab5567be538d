"""The version of the per-document code: a hash of the extractors' source and
data files and of the NLP model, so cached per-document results are reused
only by the code that made them."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import extractors


@lru_cache(maxsize=8)
def code_version(model: str) -> str:
    h = hashlib.sha256()
    root = Path(extractors.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".toml", ".txt") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    h.update(model.encode())
    try:
        h.update(metadata.version(model).encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:16]
