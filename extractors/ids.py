"""Deterministic ids: a prefix and a short hash of the parts that identify the thing."""

import hashlib
import re
import unicodedata


def stable_id(prefix: str, *parts: object) -> str:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{h[:16]}"


def normalize_sentence(text: str) -> str:
    """A sentence as an id sees it: NFKC, unified quotes/dashes, single spaces."""
    s = unicodedata.normalize("NFKC", text)
    s = re.sub(r"[‐‑‒–—]", "-", s).replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip()
