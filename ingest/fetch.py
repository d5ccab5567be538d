"""Fetching one source: a local file or an http(s) URL.

Never raises for a bad source: the outcome carries a clear error naming the
cause, so the run goes on with the other sources. Every request (the page,
robots.txt, each redirect hop, each retry) goes through ``_request`` under one
budget: a wall-clock deadline for the whole request (ingest/budget.py),
decoded bytes capped while streaming (a compression bomb stops at the cap),
redirects followed by hand so every hop is checked against the address rules.
"""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ingest.budget import Policy, RefusedAddress, budget, make_transport
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


ROBOTS_MAX_BYTES = 500_000  # RFC 9309: crawlers parse at least 500 KiB; the rest is ignored
_REDIRECTS = (301, 302, 303, 307, 308)
_READ_CHUNK = 64 * 1024


class _Failure(Exception):
    """One attempt failed; ``retry_in`` is None when retrying cannot help."""

    def __init__(self, kind: str, message: str, url: str, *, status: int | None = None, retry_in: float | None = None):
        super().__init__(message)
        self.kind, self.message, self.url, self.status, self.retry_in = kind, message, url, status, retry_in


@dataclass(frozen=True, slots=True)
class _Reply:
    url: str  # after redirects
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | None  # read for 2xx only
    truncated: bool = False


class _Decoder:
    """Content-Encoding undone incrementally, every layer capped at ``limit``
    output bytes (zlib's max_length): a bomb never expands past the cap."""

    def __init__(self, encoding: str, limit: int):
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        self.layers = []
        for coding in reversed(codings):  # the last coding applied is undone first
            if coding in ("gzip", "x-gzip"):
                self.layers.append([zlib.MAX_WBITS | 16, None, 0])
            elif coding == "deflate":
                self.layers.append([zlib.MAX_WBITS, None, 0])
            else:
                raise ValueError(coding)
        self.limit = limit

    def _layer(self, layer: list, data: bytes) -> bytes:
        out = []
        while data:
            if layer[1] is None:
                layer[1] = zlib.decompressobj(layer[0])
            room = self.limit + 1 - layer[2]
            if room <= 0:
                return b"".join(out) + b"\0"  # over the cap: the caller stops
            try:
                chunk = layer[1].decompress(data, room)
            except zlib.error:
                if layer[0] == zlib.MAX_WBITS and layer[2] == 0 and not out:  # raw deflate, no zlib header
                    layer[0], layer[1] = -zlib.MAX_WBITS, None
                    continue
                raise
            layer[2] += len(chunk)
            out.append(chunk)
            if layer[1].unconsumed_tail:
                data = layer[1].unconsumed_tail
            elif layer[1].eof and layer[1].unused_data:  # a gzip stream of several members
                data, layer[1] = layer[1].unused_data, None
            else:
                data = b""
        return b"".join(out)

    def feed(self, data: bytes) -> bytes:
        for layer in self.layers:
            data = self._layer(layer, data)
        return data


def _request(client: httpx.Client, url: str, headers: dict[str, str], settings: Settings, allow_private: bool, *,
             max_bytes: int, truncate: bool = False, page: bool = True) -> _Reply:
    """One GET under the thread's budget, redirects followed by hand and each hop checked."""
    seen: set[str] = set()
    for _hop in range(settings.max_redirects + 1):
        try:
            check_url(url, allow_private=allow_private, allowed_networks=settings.allow_networks)
        except UnsafeURL as exc:
            raise _Failure("refused_address", f"{mask_url(url)} refused: {exc}", url) from None
        seen.add(url)
        try:
            with client.stream("GET", url, headers=headers, follow_redirects=False) as resp:
                status = resp.status_code
                if status in _REDIRECTS:
                    location = resp.headers.get("location")
                    if not location:
                        raise _Failure("bad_redirect", f"HTTP {status} without a Location header", url, status=status)
                    try:
                        nxt = urljoin(url, location.strip())
                    except ValueError:
                        raise _Failure("bad_redirect", f"HTTP {status} to a malformed Location", url, status=status) from None
                    if nxt in seen:
                        raise _Failure("redirect_loop", f"redirect loop at {mask_url(nxt)}", url, status=status)
                    url = nxt
                    continue
                resp_headers = tuple((k.lower(), v) for k, v in resp.headers.items())
                if not 200 <= status < 300:
                    return _Reply(url=url, status=status, headers=resp_headers, body=None)
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower() or None
                if page and ctype and ctype.startswith(_BINARY_TYPES) and "xml" not in ctype:
                    raise _Failure("unsupported_type", f"content type {ctype} is not a web page (only HTML and text are read)",
                                   url, status=status)
                try:
                    decoder = _Decoder(resp.headers.get("content-encoding", ""), max_bytes)
                except ValueError as exc:
                    raise _Failure("unsupported_encoding", f"content encoding {exc} is not supported (gzip, deflate)",
                                   url, status=status) from None
                declared = resp.headers.get("content-length", "")
                if not truncate and not decoder.layers and declared.isdigit() and int(declared) > max_bytes:
                    raise _Failure("too_large", f"page is {int(declared):,} bytes, over the {max_bytes:,}-byte limit "
                                   "(settings.max_bytes)", url, status=status)
                body = bytearray()
                truncated = False
                for raw in resp.iter_raw(_READ_CHUNK):
                    body += decoder.feed(raw)
                    if len(body) > max_bytes:
                        if truncate:
                            del body[max_bytes:]
                            truncated = True
                            break
                        raise _Failure("too_large", f"page exceeds the {max_bytes:,}-byte limit (settings.max_bytes)"
                                       f"{' once decompressed' if decoder.layers else ''}", url, status=status)
                return _Reply(url=url, status=status, headers=resp_headers, body=bytes(body), truncated=truncated)
        except _Failure:
            raise
        except httpx.TimeoutException:
            raise _Failure("timeout", f"timed out: no complete answer within the {_deadline_of(settings):g} s deadline "
                           f"fetching {mask_url(url)}", url, retry_in=settings.backoff) from None
        except httpx.ConnectError as exc:
            if isinstance(exc.__cause__, RefusedAddress):
                raise _Failure("refused_address", f"{mask_url(url)} refused: {exc}", url) from None
            text = str(exc)
            if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
                raise _Failure("tls_error", f"TLS error talking to {urlsplit(url).netloc}: {text}", url) from None
            raise _Failure("connect_error", f"cannot connect to {urlsplit(url).netloc}: {text or 'connection refused'}",
                           url, retry_in=settings.backoff) from None
        except (httpx.DecodingError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, zlib.error) as exc:
            raise _Failure("protocol_error", f"broken response from {urlsplit(url).netloc}: {exc or type(exc).__name__}",
                           url, retry_in=settings.backoff) from None
        except httpx.HTTPError as exc:
            raise _Failure("http_error", f"request to {urlsplit(url).netloc} failed: {exc}", url) from None
    raise _Failure("too_many_redirects", f"more than {settings.max_redirects} redirects", url)


_deadline = threading.local()


def _deadline_of(settings: Settings) -> float:
    return getattr(_deadline, "seconds", None) or settings.timeout


class RobotsCache:
    """robots.txt per origin, fetched once per run through the same request
    path and budget as pages. RFC 9309: 4xx means no rules, 5xx means
    disallow all; a server that cannot be reached is a connection error
    (retried with the page), never a refusal."""

    def __init__(self) -> None:
        self._parsers: dict[str, RobotFileParser | None] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def check(self, client: httpx.Client, url: str, settings: Settings, allow_private: bool) -> bool:
        """Whether ``url`` may be fetched; raises _Failure when robots.txt cannot be had."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._parsers:
                self._parsers[origin] = self._fetch(client, origin, settings, allow_private)
        parser = self._parsers[origin]
        return True if parser is None else parser.can_fetch(settings.user_agent.split("/")[0], url)

    def _fetch(self, client, origin: str, settings: Settings, allow_private: bool) -> RobotFileParser | None:
        headers = {"User-Agent": settings.user_agent, "Accept": "text/plain,*/*;q=0.1", "Accept-Encoding": "gzip, deflate"}
        try:
            reply = _request(client, origin + "/robots.txt", headers, settings, allow_private,
                             max_bytes=ROBOTS_MAX_BYTES, truncate=True, page=False)
        except _Failure as exc:
            if exc.retry_in is not None:  # unreachable: the page's fetch reports it (and retries)
                exc.message = f"robots.txt: {exc.message}"
                raise
            if exc.kind == "refused_address":  # a redirect to a forbidden address: no rules from there
                raise _Failure("robots", f"robots.txt of {urlsplit(origin).netloc} could not be read ({exc.message}); "
                               "set robots = false on the source if you have permission", exc.url) from None
            return None  # unreadable (bad redirect, encoding...): as if absent
        parser = RobotFileParser()
        if reply.status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
        elif reply.status >= 300:
            return None
        else:
            parser.parse((reply.body or b"").decode("utf-8", "replace").splitlines())
        return parser


def _retry_after(headers: tuple[tuple[str, str], ...]) -> float | None:
    value = dict(headers).get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - _now()).total_seconds())
        except (TypeError, ValueError):
            return None


_HINTS = {404: "the page is gone or the URL is wrong", 410: "the page was removed for good",
          401: "it needs credentials", 403: "access is forbidden"}


def fetch_url(
    source: Source,
    settings: Settings,
    client: httpx.Client,
    *,
    validators: Validators | None = None,
    robots: RobotsCache | None = None,
    sleep=time.sleep,
) -> FetchOutcome:
    """GET ``source.url`` with the run's limits; conditional when validators are given.

    Each attempt (robots.txt, the page, its redirects) runs under one
    wall-clock deadline of ``timeout`` seconds."""
    assert source.url is not None
    allow_private = source.allow_private or settings.allow_private
    timeout = source.timeout or settings.timeout
    policy = Policy(allow_private=allow_private, allow_networks=settings.allow_networks)
    use_robots = (settings.robots if source.robots is None else source.robots) and robots is not None
    start_url = source.url
    fetched_at = _now()
    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"}
    conditional = bool(validators and (validators.etag or validators.last_modified))
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified

    attempts = 0
    delay = settings.backoff
    _deadline.seconds = timeout
    while True:
        attempts += 1
        try:
            if use_robots:
                with budget(timeout, policy):
                    if not robots.check(client, start_url, settings, allow_private):
                        return _fail(source, start_url, "robots",
                                     f"robots.txt of {urlsplit(start_url).netloc} disallows {mask_url(start_url)}; "
                                     "set robots = false on the source if you have permission", attempts=attempts,
                                     fetched_at=fetched_at)
            with budget(timeout, policy):
                reply = _request(client, start_url, headers, settings, allow_private, max_bytes=settings.max_bytes)
            return _outcome(source, reply, conditional, attempts, fetched_at)
        except _Failure as exc:
            failure = exc
        except _Retry as exc:
            failure = exc.failure
        if failure.retry_in is None or attempts > settings.retries:
            return _fail(source, failure.url, failure.kind, failure.message + (
                f" (after {attempts} attempts)" if attempts > 1 else ""), status=failure.status, attempts=attempts,
                fetched_at=fetched_at)
        sleep(min(max(failure.retry_in, delay), 60.0))
        delay *= 2


class _Retry(Exception):
    def __init__(self, failure: _Failure):
        self.failure = failure


def _outcome(source: Source, reply: _Reply, conditional: bool, attempts: int, fetched_at: datetime) -> FetchOutcome:
    status, url = reply.status, reply.url
    heads = dict(reply.headers)
    vals = Validators(etag=heads.get("etag"), last_modified=heads.get("last-modified"))
    if status == 304:
        if not conditional:
            return _fail(source, url, "unexpected_304", f"HTTP 304 (not modified) from {mask_url(url)} to a request "
                         "that was not conditional: the server is misbehaving; the next run will try again",
                         status=status, attempts=attempts, fetched_at=fetched_at)
        return FetchOutcome(source_id=source.id, url=mask_url(url), fetched_at=fetched_at, http_status=304,
                            headers=reply.headers, not_modified=True, attempts=attempts, validators=vals)
    if status in _RETRY_STATUS:
        wait = _retry_after(reply.headers)
        raise _Retry(_Failure(f"http_{status}", f"HTTP {status} from {mask_url(url)}; the server is failing or "
                              "rate-limiting, the next run will try again", url, status=status,
                              retry_in=wait if wait is not None else 0.0))
    if status >= 300:
        hint = _HINTS.get(status, "the server refused it" if status >= 400 else "not a page")
        return _fail(source, url, f"http_{status}", f"HTTP {status} from {mask_url(url)}: {hint}", status=status,
                     attempts=attempts, fetched_at=fetched_at)
    return FetchOutcome(source_id=source.id, url=mask_url(url), fetched_at=fetched_at, content=reply.body,
                        http_status=status, headers=reply.headers, content_type=heads.get("content-type"),
                        attempts=attempts, validators=vals)


def make_client(settings: Settings) -> httpx.Client:
    """The run's HTTP client. Its connections obey each fetch's budget (ingest/budget.py);
    trust_env=False: proxies/netrc from the environment never see source URLs."""
    return httpx.Client(headers={"User-Agent": settings.user_agent}, trust_env=False, transport=make_transport(),
                        timeout=httpx.Timeout(settings.timeout))
