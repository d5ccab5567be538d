"""Fetching one source: a local file or an http(s) URL.

Never raises for a bad source: the outcome carries a clear error naming the
cause, so the run goes on with the other sources. Limits (size, redirects,
timeouts) are enforced while streaming; redirects are followed by hand so
every hop is checked against the address rules.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ingest.settings import Settings
from ingest.sources import Source
from ingest.url_safety import UnsafeURL, check_url, mask_secrets, mask_url

_RETRY_STATUS = {429, 500, 502, 503, 504}
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/x-", "application/vnd.", "application/msword", "application/gzip")


@dataclass(frozen=True, slots=True)
class Validators:
    """What a previous fetch of the same URL told us, for conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    source_id: str
    url: str  # final URL after redirects (masked), or the file:// URI
    fetched_at: datetime  # UTC
    content: bytes | None = None  # None on error or 304
    http_status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str | None = None
    not_modified: bool = False  # 304: the stored snapshot is still current
    error: str | None = None  # a sentence: what went wrong and what to do
    error_kind: str | None = None  # short machine-readable cause
    attempts: int = 1
    validators: Validators = field(default_factory=Validators)

    @property
    def ok(self) -> bool:
        return self.error is None


def _now() -> datetime:
    return datetime.now(UTC)


def _fail(source: Source, url: str, kind: str, message: str, *, status: int | None = None,
          attempts: int = 1, fetched_at: datetime | None = None) -> FetchOutcome:
    return FetchOutcome(
        source_id=source.id, url=mask_url(url), fetched_at=fetched_at or _now(), http_status=status,
        error=mask_secrets(message, url), error_kind=kind, attempts=attempts,
    )


def fetch_file(source: Source, settings: Settings) -> FetchOutcome:
    assert source.path is not None
    path = source.path
    fetched_at = _now()
    try:
        size = path.stat().st_size
        if not path.is_file():
            return _fail(source, source.location, "not_a_file", f"{path} is not a regular file; point 'path' at a page file")
        if size > settings.max_bytes:
            return _fail(source, source.location, "too_large",
                         f"{path} is {size:,} bytes, over the {settings.max_bytes:,}-byte limit (settings.max_bytes)")
        with open(path, "rb") as fh:
            content = fh.read(settings.max_bytes + 1)
    except FileNotFoundError:
        return _fail(source, source.location, "not_found", f"file {path} does not exist; check the source's 'path'")
    except PermissionError:
        return _fail(source, source.location, "permission", f"file {path} cannot be read (permission denied)")
    except OSError as exc:
        return _fail(source, source.location, "io_error", f"file {path} cannot be read: {exc.strerror or exc}")
    if len(content) > settings.max_bytes:
        return _fail(source, source.location, "too_large", f"{path} grew over the {settings.max_bytes:,}-byte limit while reading")
    return FetchOutcome(source_id=source.id, url=source.location, fetched_at=fetched_at, content=content)


class RobotsCache:
    """robots.txt per origin, fetched once per run with the same client and rules."""

    def __init__(self) -> None:
        self._parsers: dict[str, RobotFileParser | None] = {}

    def allowed(self, client: httpx.Client, url: str, settings: Settings, allow_private: bool) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._parsers:
            # RFC 9309: 4xx means no rules (allow all); 5xx or unreachable means disallow all.
            parser: RobotFileParser | None = RobotFileParser()
            try:
                check_url(origin + "/robots.txt", allow_private=allow_private, allowed_networks=settings.allow_networks)
                resp = client.get(origin + "/robots.txt", timeout=min(settings.timeout, 10.0), follow_redirects=True)
                if resp.status_code >= 500:
                    parser.parse(["User-agent: *", "Disallow: /"])
                elif resp.status_code >= 400:
                    parser = None
                else:
                    parser.parse(resp.text[:500_000].splitlines())
            except (httpx.HTTPError, UnsafeURL):
                parser.parse(["User-agent: *", "Disallow: /"])
            self._parsers[origin] = parser
        parser = self._parsers[origin]
        return True if parser is None else parser.can_fetch(settings.user_agent.split("/")[0], url)


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - _now()).total_seconds())
        except (TypeError, ValueError):
            return None


def fetch_url(
    source: Source,
    settings: Settings,
    client: httpx.Client,
    *,
    validators: Validators | None = None,
    robots: RobotsCache | None = None,
    sleep=time.sleep,
) -> FetchOutcome:
    """GET ``source.url`` with the run's limits; conditional when validators are given."""
    assert source.url is not None
    allow_private = source.allow_private or settings.allow_private
    timeout = source.timeout or settings.timeout
    use_robots = settings.robots if source.robots is None else source.robots
    start_url = source.url
    fetched_at = _now()
    if use_robots and robots is not None:
        try:
            check_url(start_url, allow_private=allow_private, allowed_networks=settings.allow_networks)
            if not robots.allowed(client, start_url, settings, allow_private):
                return _fail(source, start_url, "robots",
                             f"robots.txt of {urlsplit(start_url).netloc} disallows {mask_url(start_url)}; "
                             "set robots = false on the source if you have permission")
        except UnsafeURL as exc:
            return _fail(source, start_url, "refused_address", f"{mask_url(start_url)} refused: {exc}")

    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified

    attempts = 0
    delay = settings.backoff
    while True:
        attempts += 1
        outcome, retry_in = _attempt(source, settings, client, start_url, headers, timeout, allow_private, fetched_at, attempts)
        if retry_in is None or attempts > settings.retries:
            return outcome
        sleep(min(max(retry_in, delay), 60.0))
        delay *= 2


def _attempt(source, settings, client, start_url, headers, timeout, allow_private, fetched_at, attempts):
    """One GET with manual redirects. Returns (outcome, retry_delay_or_None)."""
    url = start_url
    seen: set[str] = set()
    for _hop in range(settings.max_redirects + 1):
        try:
            check_url(url, allow_private=allow_private, allowed_networks=settings.allow_networks)
        except UnsafeURL as exc:
            return _fail(source, url, "refused_address", f"{mask_url(url)} refused: {exc}", attempts=attempts), None
        seen.add(url)
        try:
            with client.stream("GET", url, headers=headers, timeout=timeout, follow_redirects=False) as resp:
                status = resp.status_code
                if status in (301, 302, 303, 307, 308):
                    location = resp.headers.get("location")
                    if not location:
                        return _fail(source, url, "bad_redirect", f"HTTP {status} without a Location header",
                                     status=status, attempts=attempts), None
                    nxt = urljoin(url, location)
                    if nxt in seen:
                        return _fail(source, url, "redirect_loop", f"redirect loop at {mask_url(nxt)}",
                                     status=status, attempts=attempts), None
                    url = nxt
                    continue
                resp_headers = tuple((k.lower(), v) for k, v in resp.headers.items())
                vals = Validators(etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"))
                if status == 304:
                    return FetchOutcome(source_id=source.id, url=mask_url(url), fetched_at=fetched_at, http_status=304,
                                        headers=resp_headers, not_modified=True, attempts=attempts, validators=vals), None
                if status in _RETRY_STATUS:
                    wait = _retry_after(resp)
                    out = _fail(source, url, f"http_{status}",
                                f"HTTP {status} from {mask_url(url)} after {attempts} attempt(s); the server is failing or "
                                "rate-limiting, the next run will try again", status=status, attempts=attempts)
                    return out, (wait if wait is not None else settings.backoff)
                if status >= 400:
                    hint = {404: "the page is gone or the URL is wrong", 410: "the page was removed for good",
                            401: "it needs credentials", 403: "access is forbidden"}.get(status, "the server refused it")
                    return _fail(source, url, f"http_{status}", f"HTTP {status} from {mask_url(url)}: {hint}",
                                 status=status, attempts=attempts), None
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower() or None
                if ctype and ctype.startswith(_BINARY_TYPES) and "xml" not in ctype:
                    return _fail(source, url, "unsupported_type",
                                 f"content type {ctype} is not a web page (only HTML and text are read)",
                                 status=status, attempts=attempts), None
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                    return _fail(source, url, "too_large",
                                 f"page is {int(declared):,} bytes, over the {settings.max_bytes:,}-byte limit (settings.max_bytes)",
                                 status=status, attempts=attempts), None
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():  # decoded: a gzip bomb stops here
                    size += len(chunk)
                    if size > settings.max_bytes:
                        return _fail(source, url, "too_large",
                                     f"page exceeds the {settings.max_bytes:,}-byte limit (settings.max_bytes) once decompressed",
                                     status=status, attempts=attempts), None
                    chunks.append(chunk)
                return FetchOutcome(source_id=source.id, url=mask_url(url), fetched_at=fetched_at, content=b"".join(chunks),
                                    http_status=status, headers=resp_headers, content_type=resp.headers.get("content-type"),
                                    attempts=attempts, validators=vals), None
        except httpx.TimeoutException:
            return _fail(source, url, "timeout", f"timed out after {timeout:g} s fetching {mask_url(url)}",
                         attempts=attempts), settings.backoff
        except httpx.ConnectError as exc:
            text = str(exc)
            if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
                return _fail(source, url, "tls_error", f"TLS error talking to {urlsplit(url).netloc}: {text}",
                             attempts=attempts), None
            return _fail(source, url, "connect_error", f"cannot connect to {urlsplit(url).netloc}: {text or 'connection refused'}",
                         attempts=attempts), settings.backoff
        except (httpx.DecodingError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            return _fail(source, url, "protocol_error", f"broken response from {urlsplit(url).netloc}: {exc}",
                         attempts=attempts), settings.backoff
        except httpx.HTTPError as exc:
            return _fail(source, url, "http_error", f"request to {urlsplit(url).netloc} failed: {exc}", attempts=attempts), None
    return _fail(source, url, "too_many_redirects", f"more than {settings.max_redirects} redirects from {mask_url(start_url)}",
                 attempts=attempts), None


def make_client(settings: Settings) -> httpx.Client:
    # trust_env=False: proxies/netrc from the environment never see source URLs
    return httpx.Client(headers={"User-Agent": settings.user_agent}, trust_env=False, verify=True)
