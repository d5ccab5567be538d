"""Reading and validating ``sources.toml``.

The file's shape is a pydantic model (:class:`SourcesDocument`): unknown keys
are refused, numbers are checked against their ranges and URLs against the
schemes a source may use. A malformed file fails fast, before anything is
fetched or written, with one line that names the file, the line and the key
path (``settings.timeout``, ``sources[2].url``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from errors import ConfigError
from extractors.entities import AliasEntry
from ingest.settings import Settings, between
from store.filesystem import StorageOptions

SOURCE_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}\Z")


class SourcesError(ConfigError):
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


# -- the file's shape -------------------------------------------------------------------------

def _source_id(sid: str) -> str:
    if not SOURCE_ID_RE.match(sid):
        raise ValueError(f"{sid!r} is not a valid source id: use 1-64 characters a-z, 0-9, '.', '_', '-', "
                         "starting with a letter or digit")
    return sid


def _http_url(url: str) -> str:
    """An absolute http(s) URL with a host, surrounding blanks dropped."""
    problem = _url_problem(url)
    if problem:
        raise ValueError(f"{url!r} {problem}")
    return url.strip()


def _url_problem(url: str) -> str | None:
    if not url.strip():
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


def _non_empty(text: str) -> str:
    if not text.strip():
        raise ValueError("must be a non-empty string")
    return text


def _trust(value: float) -> float:
    if not 0 < value <= 1:
        raise ValueError(f"must be a number in (0, 1], got {value!r}")
    return value


NonEmpty = Annotated[str, AfterValidator(_non_empty)]


class SourceEntry(BaseModel):
    """One ``[[sources]]`` table as written."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: Annotated[str, AfterValidator(_source_id)]
    url: Annotated[str, AfterValidator(_http_url)] | None = None
    path: NonEmpty | None = None  # relative to the sources file's folder
    publisher: str | None = None
    trust: Annotated[float, AfterValidator(_trust)] | None = None
    allow_private: bool = False
    timeout: Annotated[float, between(0.001, 3600.0)] | None = None
    robots: bool | None = None

    @model_validator(mode="after")
    def _url_or_path(self) -> SourceEntry:
        if (self.url is None) == (self.path is None):
            raise ValueError(f"source {self.id!r} needs exactly one of 'url' or 'path'")
        return self

    def source(self, base: Path) -> Source:
        return Source(
            id=self.id, url=self.url, path=(base / self.path).resolve() if self.path is not None else None,
            publisher=self.publisher, trust=self.trust, allow_private=self.allow_private,
            timeout=self.timeout, robots=self.robots,
        )


class StorageTable(BaseModel):
    """The ``[storage]`` table: how to reach an object store (the standard AWS
    variables fill what is not written here)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    endpoint_url: Annotated[str, AfterValidator(_http_url)] | None = None
    region: NonEmpty | None = None
    access_key_id: NonEmpty | None = None
    secret_access_key: NonEmpty | None = Field(default=None, repr=False)


class SourcesDocument(BaseModel):
    """The whole file: sources, the subject, user aliases, run settings."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    sources: list[SourceEntry]
    subject: list[str] = []
    aliases: dict[str, list[NonEmpty]] = {}  # canonical name = ["alias", ...]
    settings: Settings = Settings()
    storage: StorageTable = StorageTable()


# -- where a key is written ---------------------------------------------------------------------

_HEADER = re.compile(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?")


def key_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a reader writes it: ``settings.timeout``, ``sources[2].url`` (1-based)."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """1-based line where the key at ``loc`` is written: its table's header
    (the n-th for ``[[sources]]``), then the key's own line within the table;
    the table's line when the key is not written there (a missing key)."""
    lines = text.splitlines()
    headers = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _HEADER.match(line))]
    top_end = headers[0][0] if headers else len(lines)
    if not loc or not isinstance(loc[0], str):
        return None
    index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else 0  # the n-th [[table]]
    parts = [loc[0], *(p for p in loc[2 if len(loc) > 1 and isinstance(loc[1], int) else 1:] if isinstance(p, str))]
    tables = [i for i, name in headers if name == parts[0]]
    if not tables:  # a top-level key (subject = [...]), or a table written inline
        return _key_line(lines, 0, top_end, parts[0])
    if index >= len(tables):
        return None
    start = tables[index]
    end = next((i for i, _ in headers if i > start), len(lines))
    if len(parts) < 2:
        return start + 1
    return _key_line(lines, start + 1, end, parts[1]) or start + 1


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
    return next((i + 1 for i in range(start, end) if pattern.match(lines[i])), None)


def _fail(file: Path, text: str, loc: tuple[int | str, ...], message: str) -> SourcesError:
    line = line_of(text, loc)
    where = f"{file}:{line}" if line else f"{file}"
    return SourcesError(f"{where}: {key_path(loc)}: {message}" if loc else f"{where}: {message}")


def _message(error: Any) -> str:
    """One pydantic error as one line: our own wording for a value error, the input for a type error."""
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "missing":
        return "is required"
    return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {error['input']!r}"


# -- reading --------------------------------------------------------------------------------------

def parse_sources(text: str, file: Path) -> SourcesFile:
    """Validate the text of a sources file; relative paths resolve against its folder."""
    file = Path(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{file}: not valid TOML: {exc}") from None
    if "sources" not in data:
        raise SourcesError(f"{file}: no [[sources]] entries: add at least one source with an id and a url or path")
    if data["sources"] == []:
        raise _fail(file, text, ("sources",), "is empty: add at least one [[sources]] entry with an id and a url or path")
    try:
        doc = SourcesDocument.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _fail(file, text, tuple(first["loc"]), _message(first)) from None
    seen: dict[str, int] = {}
    for i, entry in enumerate(doc.sources):
        if entry.id in seen:
            raise _fail(file, text, ("sources", i, "id"), f"duplicate source id {entry.id!r} (first used in sources[{seen[entry.id] + 1}])")
        seen[entry.id] = i
    return SourcesFile(
        file=file,
        sources=tuple(entry.source(file.parent) for entry in doc.sources),
        aliases=tuple(AliasEntry(canonical=c, aliases=tuple(s)) for c, s in sorted(doc.aliases.items())),
        subject=tuple(doc.subject),
        settings=doc.settings,
        storage=StorageOptions(**doc.storage.model_dump(exclude_none=True)),
    )


def load_sources(file: Path) -> SourcesFile:
    file = Path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"{file}: sources file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{file}: cannot read sources file: {exc}") from None
    return parse_sources(text, file)
