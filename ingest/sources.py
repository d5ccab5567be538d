"""Reading and validating ``sources.toml``.

A malformed file fails fast with a message that names the file, the line and
the key, before anything is fetched or written.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from facts.entities import AliasEntry
from ingest.settings import Settings, SettingsError
from store.filesystem import StorageError, StorageOptions

SOURCE_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}\Z")
_SOURCE_KEYS = {"id", "url", "path", "publisher", "trust", "allow_private", "timeout", "robots"}


class SourcesError(ValueError):
    """sources.toml cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    url: str | None = None  # http(s) URL, or None for a local file
    path: Path | None = None  # absolute path of a local file
    publisher: str | None = None
    trust: float | None = None  # prior in (0, 1]
    allow_private: bool = False  # may a URL resolve to a private/loopback address
    timeout: float | None = None  # seconds, overrides the default
    robots: bool | None = None  # obey robots.txt; None: the file's default

    @property
    def location(self) -> str:
        """The URL of the page: the http(s) URL, or a file:// URI."""
        if self.url is not None:
            return self.url
        assert self.path is not None
        return self.path.as_uri()


@dataclass(frozen=True, slots=True)
class SourcesFile:
    file: Path
    sources: tuple[Source, ...]
    aliases: tuple[AliasEntry, ...] = ()  # user spellings ([aliases] table)
    subject: tuple[str, ...] = ()  # entities every statement is about (e.g. the two parties)
    settings: Settings = field(default_factory=lambda: Settings())
    storage: StorageOptions = field(default_factory=lambda: StorageOptions())  # [storage]: how to reach an object store


def _line_of(text: str, block_index: int | None, key: str | None) -> int | None:
    """1-based line of ``key`` inside the ``block_index``-th [[sources]] block."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    if block_index is not None:
        headers = [i for i, line in enumerate(lines) if re.match(r"\s*\[\[\s*sources\s*\]\]", line)]
        if block_index >= len(headers):
            return None
        start = headers[block_index]
        following = [i for i, line in enumerate(lines) if i > start and re.match(r"\s*\[", line)]
        end = following[0] if following else len(lines)
        if key is None:
            return start + 1
    if key is None:
        return None
    pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
    for i in range(start, end):
        if pattern.match(lines[i]):
            return i + 1
    return start + 1 if block_index is not None else None


def _fail(file: Path, text: str, message: str, block: int | None = None, key: str | None = None) -> SourcesError:
    line = _line_of(text, block, key)
    where = f"{file}:{line}" if line else f"{file}"
    what = f" key '{key}'" if key else ""
    return SourcesError(f"{where}:{what} {message}".replace(":  ", ": "))


def _check_url(url: object) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return "must be a non-empty string"
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url.strip()):
        return "contains spaces or control characters (percent-encode them)"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises on a port that is not a number in 0-65535
    except ValueError as exc:
        return f"is malformed: {exc}"
    if parts.scheme not in ("http", "https"):
        return f"scheme '{parts.scheme or '(none)'}' is not allowed: only http and https URLs can be sources"
    if not parts.hostname:
        return "has no host"
    return None


def parse_sources(text: str, file: Path) -> SourcesFile:
    """Validate the text of a sources file; relative paths resolve against its folder."""
    file = Path(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{file}: not valid TOML: {exc}") from None
    raw_sources = data.get("sources")
    if raw_sources is None:
        raise SourcesError(f"{file}: no [[sources]] entries: add at least one source with an id and a url or path")
    if not isinstance(raw_sources, list):
        raise _fail(file, text, "must be an array of tables ([[sources]])", key="sources")
    if not raw_sources:
        raise _fail(file, text, "is empty: add at least one [[sources]] entry with an id and a url or path", key="sources")
    base = file.parent
    seen: dict[str, int] = {}
    sources: list[Source] = []
    for i, entry in enumerate(raw_sources):
        if not isinstance(entry, dict):
            raise _fail(file, text, "each [[sources]] entry must be a table", block=i)
        unknown = sorted(set(entry) - _SOURCE_KEYS)
        if unknown:
            raise _fail(file, text, f"unknown key (allowed: {', '.join(sorted(_SOURCE_KEYS))})", block=i, key=unknown[0])
        sid = entry.get("id")
        if not isinstance(sid, str) or not SOURCE_ID_RE.match(sid):
            raise _fail(
                file, text,
                f"{sid!r} is not a valid source id: use 1-64 characters a-z, 0-9, '.', '_', '-', starting with a letter or digit",
                block=i, key="id",
            )
        if sid in seen:
            raise _fail(file, text, f"duplicate source id {sid!r} (first used in source #{seen[sid] + 1})", block=i, key="id")
        seen[sid] = i
        url, path = entry.get("url"), entry.get("path")
        if (url is None) == (path is None):
            raise _fail(file, text, f"source {sid!r} needs exactly one of 'url' or 'path'", block=i, key="id")
        resolved_path: Path | None = None
        if url is not None:
            problem = _check_url(url)
            if problem:
                raise _fail(file, text, f"source {sid!r}: url {url!r} {problem}", block=i, key="url")
            url = url.strip()
        else:
            if not isinstance(path, str) or not path.strip():
                raise _fail(file, text, f"source {sid!r}: path must be a non-empty string", block=i, key="path")
            resolved_path = (base / path).resolve()
        trust = entry.get("trust")
        if trust is not None:
            if isinstance(trust, bool) or not isinstance(trust, (int, float)) or not 0 < float(trust) <= 1:
                raise _fail(file, text, f"source {sid!r}: trust must be a number in (0, 1], got {trust!r}", block=i, key="trust")
            trust = float(trust)
        publisher = entry.get("publisher")
        if publisher is not None and not isinstance(publisher, str):
            raise _fail(file, text, f"source {sid!r}: publisher must be a string", block=i, key="publisher")
        allow_private = entry.get("allow_private", False)
        if not isinstance(allow_private, bool):
            raise _fail(file, text, f"source {sid!r}: allow_private must be true or false", block=i, key="allow_private")
        timeout = entry.get("timeout")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                    or not 0 < timeout <= 3600):
            raise _fail(file, text, f"source {sid!r}: timeout must be a positive number of seconds (at most 3600)",
                        block=i, key="timeout")
        robots = entry.get("robots")
        if robots is not None and not isinstance(robots, bool):
            raise _fail(file, text, f"source {sid!r}: robots must be true or false", block=i, key="robots")
        sources.append(
            Source(
                id=sid, url=url, path=resolved_path, publisher=publisher, trust=trust,
                allow_private=allow_private, timeout=float(timeout) if timeout is not None else None, robots=robots,
            )
        )

    aliases: list[AliasEntry] = []
    raw_aliases = data.get("aliases", {})
    if not isinstance(raw_aliases, dict):
        raise _fail(file, text, "must be a table: canonical name = [\"alias\", ...]", key="aliases")
    for canonical, spellings in sorted(raw_aliases.items()):
        if not isinstance(spellings, list) or not all(isinstance(s, str) and s.strip() for s in spellings):
            raise _fail(file, text, f"aliases of {canonical!r} must be a list of non-empty strings", key=canonical)
        aliases.append(AliasEntry(canonical=canonical, aliases=tuple(spellings)))

    subject = data.get("subject", [])
    if not isinstance(subject, list) or not all(isinstance(s, str) for s in subject):
        raise _fail(file, text, "must be a list of entity names", key="subject")

    raw_settings = data.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise _fail(file, text, "must be a table", key="settings")
    try:
        settings = Settings.from_table(raw_settings)
    except SettingsError as exc:
        raise _fail(file, text, str(exc), key=exc.key) from None

    raw_storage = data.get("storage", {})
    if not isinstance(raw_storage, dict):
        raise _fail(file, text, "must be a table", key="storage")
    try:
        storage = StorageOptions.from_table(raw_storage)
    except StorageError as exc:
        raise _fail(file, text, str(exc), key=next(iter(raw_storage), None)) from None

    return SourcesFile(file=file, sources=tuple(sources), aliases=tuple(aliases), subject=tuple(subject),
                       settings=settings, storage=storage)


def load_sources(file: Path) -> SourcesFile:
    file = Path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"{file}: sources file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{file}: cannot read sources file: {exc}") from None
    return parse_sources(text, file)
