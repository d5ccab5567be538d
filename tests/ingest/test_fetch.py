"""Fetching over real HTTP on loopback."""

import gzip
import time
from datetime import UTC, datetime

import pytest

from ingest.fetch import RobotsCache, Validators, fetch_file, fetch_url, make_client
from ingest.settings import Settings
from ingest.sources import Source
from ingest.url_safety import UnsafeURL, check_url, mask_url
from tests.support import PageServer, Reply

HTML = b"<html><head><title>T</title></head><body><p>Hello world.</p></body></html>"
FAST = Settings(timeout=2.0, retries=2, backoff=0.05, robots=False)


def src(url: str, **kw) -> Source:
    return Source(id="s", url=url, allow_private=True, **kw)


@pytest.fixture
def server():
    with PageServer() as s:
        yield s


def get(server, path, settings=FAST, **kw):
    with make_client(settings) as client:
        return fetch_url(src(server.url(path)), settings, client, **kw)


def test_ok_page_carries_content_status_and_validators(server):
    server.routes["/a"] = Reply(200, HTML, {"Content-Type": "text/html", "ETag": '"v1"'})
    out = get(server, "/a")
    assert out.ok and out.content == HTML and out.http_status == 200
    assert out.validators.etag == '"v1"'
    assert out.fetched_at.tzinfo is not None
    ua = server.requests[-1][1]["User-Agent"]
    assert ua.startswith("factwatch/")


def test_conditional_get_sends_validators_and_understands_304(server):
    def route(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304)
        return Reply(200, HTML, {"ETag": '"v1"'})

    server.routes["/c"] = route
    out = get(server, "/c", validators=Validators(etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT"))
    assert out.not_modified and out.http_status == 304 and out.content is None and out.ok
    assert server.requests[-1][1]["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


@pytest.mark.parametrize("status, kind", [(404, "http_404"), (410, "http_410")])
def test_client_errors_fail_at_once_with_a_reason(server, status, kind):
    server.routes["/gone"] = Reply(status, b"x")
    out = get(server, "/gone")
    assert not out.ok and out.error_kind == kind and out.http_status == status and out.attempts == 1
    assert f"HTTP {status}" in out.error


def test_server_errors_are_retried_with_backoff_then_reported(server):
    server.routes["/500"] = Reply(500, b"boom")
    out = get(server, "/500")
    assert out.error_kind == "http_500" and out.attempts == FAST.retries + 1
    assert len([r for r in server.requests if r[0] == "/500"]) == 3


def test_503_with_retry_after_is_honoured_and_recovers(server):
    calls = []

    def route(handler):
        calls.append(time.monotonic())
        return Reply(503, b"busy", {"Retry-After": "1"}) if len(calls) == 1 else Reply(200, HTML)

    server.routes["/busy"] = route
    out = get(server, "/busy")
    assert out.ok and out.attempts == 2
    assert calls[1] - calls[0] >= 0.9


def test_timeout_is_reported(server):
    def slow(handler):
        time.sleep(1.5)
        return Reply(200, HTML)

    server.routes["/slow"] = slow
    settings = Settings(timeout=0.3, retries=0, robots=False)
    out = get(server, "/slow", settings)
    assert out.error_kind == "timeout" and "timed out" in out.error


def test_redirects_are_followed_and_loops_stopped(server):
    server.routes["/r1"] = Reply(302, b"", {"Location": "/r2"})
    server.routes["/r2"] = Reply(200, HTML)
    out = get(server, "/r1")
    assert out.ok and out.url.endswith("/r2")
    server.routes["/l1"] = Reply(302, b"", {"Location": "/l2"})
    server.routes["/l2"] = Reply(301, b"", {"Location": "/l1"})
    out = get(server, "/l1")
    assert out.error_kind == "redirect_loop"


def test_size_limit_is_enforced_while_streaming_and_after_decompression(server):
    small = Settings(max_bytes=10_000, robots=False, retries=0)
    server.routes["/big"] = Reply(200, b"a" * 50_000, {"Content-Type": "text/html"})
    assert get(server, "/big", small).error_kind == "too_large"
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)
    server.routes["/bomb"] = Reply(200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
    out = get(server, "/bomb", small)
    assert out.error_kind == "too_large" and "once decompressed" in out.error


def test_binary_content_types_are_refused(server):
    server.routes["/doc.pdf"] = Reply(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"})
    out = get(server, "/doc.pdf")
    assert out.error_kind == "unsupported_type" and "application/pdf" in out.error


def test_connection_refused_is_reported():
    with PageServer() as s:
        url = s.url("/x")
    settings = Settings(retries=0, robots=False)
    with make_client(settings) as client:
        out = fetch_url(src(url), settings, client)
    assert out.error_kind == "connect_error"


def test_private_addresses_are_refused_unless_allowed(server):
    server.routes["/p"] = Reply(200, HTML)
    settings = Settings(retries=0, robots=False)
    with make_client(settings) as client:
        out = fetch_url(Source(id="s", url=server.url("/p")), settings, client)
    assert out.error_kind == "refused_address" and "allow_private" in out.error
    with pytest.raises(UnsafeURL):
        check_url("http://169.254.169.254/latest/meta-data", allow_private=False)


def test_redirect_to_a_private_address_is_refused_after_the_hop(server):
    server.routes["/hop"] = Reply(302, b"", {"Location": "http://10.0.0.1/admin"})
    server.routes["/ok"] = Reply(200, HTML)
    settings = Settings(retries=0, robots=False, allow_networks=("127.0.0.0/8",))
    with make_client(settings) as client:
        assert fetch_url(Source(id="s", url=server.url("/ok")), settings, client).ok  # loopback allowed
        out = fetch_url(Source(id="s", url=server.url("/hop")), settings, client)
    assert out.error_kind == "refused_address" and "10.0.0.1" in out.error


def test_robots_txt_is_respected(server):
    server.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
    server.routes["/private/p"] = Reply(200, HTML)
    server.routes["/public/p"] = Reply(200, HTML)
    settings = Settings(retries=0, robots=True)
    robots = RobotsCache()
    with make_client(settings) as client:
        assert fetch_url(src(server.url("/private/p")), settings, client, robots=robots).error_kind == "robots"
        assert fetch_url(src(server.url("/public/p")), settings, client, robots=robots).ok
        assert fetch_url(src(server.url("/private/p"), robots=False), settings, client, robots=robots).ok


def test_credentials_never_appear_in_errors(server):
    server.routes["/secret"] = Reply(404, b"")
    url = f"http://user:hunter2@127.0.0.1:{server.port}/secret?token=abc123&page=2"
    settings = Settings(retries=0, robots=False)
    with make_client(settings) as client:
        out = fetch_url(src(url), settings, client)
    assert "hunter2" not in out.error and "abc123" not in out.error and "hunter2" not in out.url
    assert mask_url(url).startswith("http://***@127.0.0.1") and "token=***" in mask_url(url) and "page=2" in mask_url(url)


def test_local_files(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Hello")
    out = fetch_file(Source(id="f", path=page), Settings())
    assert out.ok and out.content == b"Hello" and out.url == page.as_uri()
    missing = fetch_file(Source(id="f", path=tmp_path / "nope.txt"), Settings())
    assert missing.error_kind == "not_found" and "does not exist" in missing.error
    page.write_bytes(b"x" * 100)
    assert fetch_file(Source(id="f", path=page), Settings(max_bytes=10)).error_kind == "too_large"
    assert datetime.now(UTC) >= out.fetched_at
