"""One fetch budget for pages, robots.txt, redirects and retries, against a
hostile server on loopback (every loop bounded; deadlines of 1 s)."""

import gzip
import time
import tracemalloc

import httpx
import pytest

from ingest.budget import Policy, RefusedAddress, budget
from ingest.fetch import ROBOTS_MAX_BYTES, RobotsCache, Validators, fetch_url, make_client
from ingest.settings import Settings
from ingest.sources import Source
from tests.support import PageServer, Reply

HTML = b"<html><head><title>T</title></head><body><p>Hello world.</p></body></html>"
LOOPBACK = ("127.0.0.0/8",)
MARGIN = 0.6  # seconds a request may outlast its deadline (scheduling, closing the socket)


def src(url: str, **kw) -> Source:
    return Source(id="s", url=url, **kw)


@pytest.fixture
def server():
    with PageServer() as s:
        yield s


def fetch(url, settings, **kw):
    with make_client(settings) as client:
        return fetch_url(src(url), settings, client, **kw)


def trickle(body_first: bool, seconds: float = 8.0):
    """A route that sends one byte every 0.1 s for at most ``seconds`` (a bounded loop)."""

    def route(handler):
        w = handler.wfile
        try:
            if body_first:
                w.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
                payload = b"<p>" + b"a" * 99_997
            else:
                payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 1000
            end = time.monotonic() + seconds
            for b in payload:
                if time.monotonic() > end:
                    break
                w.write(bytes([b]))
                w.flush()
                time.sleep(0.1)
        except OSError:
            pass
        handler.close_connection = True
        return None

    return route


@pytest.mark.parametrize("body_first", [True, False], ids=["trickled-body", "trickled-headers"])
def test_a_trickling_server_cannot_outlast_the_deadline(server, body_first):
    server.routes["/t"] = trickle(body_first)
    settings = Settings(timeout=1.0, retries=0, robots=False, allow_networks=LOOPBACK)
    start = time.monotonic()
    out = fetch(server.url("/t"), settings)
    elapsed = time.monotonic() - start
    assert out.error_kind == "timeout" and "deadline" in out.error
    assert elapsed < 1.0 + MARGIN


def test_a_trickling_robots_txt_is_bounded_too_and_retried_as_a_timeout(server):
    server.routes["/robots.txt"] = trickle(True)
    server.routes["/p"] = Reply(200, HTML, {"Content-Type": "text/html"})
    settings = Settings(timeout=1.0, retries=1, backoff=0.05, robots=True, allow_networks=LOOPBACK)
    start = time.monotonic()
    out = fetch(server.url("/p"), settings, robots=RobotsCache())
    elapsed = time.monotonic() - start
    assert out.error_kind == "timeout" and "robots.txt" in out.error and out.attempts == 2
    assert elapsed < 2 * 1.0 + 0.05 + 2 * MARGIN


def test_the_deadline_covers_all_redirect_hops_together(server):
    def slow_hop(n):
        def route(handler):
            time.sleep(0.4)
            return Reply(302, b"", {"Location": f"/hop{n + 1}"})
        return route

    for n in range(5):
        server.routes[f"/hop{n}"] = slow_hop(n)
    settings = Settings(timeout=1.0, retries=0, robots=False, allow_networks=LOOPBACK, max_redirects=10)
    start = time.monotonic()
    out = fetch(server.url("/hop0"), settings)
    assert out.error_kind == "timeout" and time.monotonic() - start < 1.0 + MARGIN


def test_a_gzip_bombed_robots_txt_is_read_up_to_its_cap_in_little_memory(server):
    bomb = gzip.compress(b"User-agent: *\nDisallow: /private/\n" + b"#" * 30_000_000, 9)
    server.routes["/robots.txt"] = Reply(200, bomb, {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
    server.routes["/private/p"] = Reply(200, HTML, {"Content-Type": "text/html"})
    server.routes["/p"] = Reply(200, HTML, {"Content-Type": "text/html"})
    settings = Settings(timeout=3.0, retries=0, robots=True, allow_networks=LOOPBACK)
    robots = RobotsCache()
    tracemalloc.start()
    try:
        assert fetch(server.url("/private/p"), settings, robots=robots).error_kind == "robots"
        assert fetch(server.url("/p"), settings, robots=robots).ok
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * ROBOTS_MAX_BYTES  # the 30 MB inside never exists at once


def test_a_nested_gzip_bomb_page_stops_at_max_bytes_in_little_memory(server):
    inner = gzip.compress(b"<p>" + b"a" * 50_000_000, 9)
    server.routes["/bomb"] = Reply(200, gzip.compress(inner, 9),
                                   {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"})
    settings = Settings(timeout=3.0, retries=0, robots=False, max_bytes=1_000_000, allow_networks=LOOPBACK)
    tracemalloc.start()
    try:
        out = fetch(server.url("/bomb"), settings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert out.error_kind == "too_large" and "once decompressed" in out.error
    assert peak < 6 * settings.max_bytes


def test_an_unknown_content_encoding_is_refused(server):
    server.routes["/br"] = Reply(200, b"\x00\x01", {"Content-Type": "text/html", "Content-Encoding": "br"})
    out = fetch(server.url("/br"), Settings(retries=0, robots=False, allow_networks=LOOPBACK))
    assert out.error_kind == "unsupported_encoding"


def test_a_robots_redirect_to_a_refused_address_is_not_followed(server):
    server.routes["/robots.txt"] = Reply(302, b"", {"Location": "http://10.0.0.1/robots.txt"})
    server.routes["/p"] = Reply(200, HTML, {"Content-Type": "text/html"})
    settings = Settings(timeout=2.0, retries=0, robots=True, allow_networks=LOOPBACK)
    out = fetch(server.url("/p"), settings, robots=RobotsCache())
    assert out.error_kind == "robots" and "10.0.0.1" in out.error
    assert [p for p, _ in server.requests] == ["/robots.txt"]  # the page itself was never asked for


def test_a_down_server_is_a_connection_error_with_retries_not_a_robots_refusal():
    with PageServer() as s:
        url = s.url("/p")
    settings = Settings(timeout=1.0, retries=2, backoff=0.01, robots=True, allow_networks=LOOPBACK)
    out = fetch(url, settings, robots=RobotsCache())
    assert out.error_kind == "connect_error" and out.attempts == 3


def test_a_304_to_a_request_that_was_not_conditional_is_an_error(server):
    server.routes["/n"] = Reply(304)
    settings = Settings(retries=0, robots=False, allow_networks=LOOPBACK)
    out = fetch(server.url("/n"), settings)
    assert out.error_kind == "unexpected_304" and not out.not_modified and "not conditional" in out.error
    ok = fetch(server.url("/n"), settings, validators=Validators(etag='"v"'))
    assert ok.ok and ok.not_modified


def test_the_address_policy_holds_at_the_socket(server):
    """Whatever a name resolved to when it was checked, the connection itself is checked."""
    server.routes["/p"] = Reply(200, HTML)
    with make_client(Settings()) as client, budget(2.0, Policy(allow_private=False)):
        with pytest.raises(httpx.ConnectError) as err:
            client.get(server.url("/p"))
    assert isinstance(err.value.__cause__, RefusedAddress)
    with make_client(Settings()) as client, budget(2.0, Policy(allow_networks=LOOPBACK)):
        assert client.get(server.url("/p")).status_code == 200


def test_state_files_keep_no_credentials(server, tmp_path):
    from ingest.ingest import ingest_source
    from store.raw_store import RawStore

    server.routes["/s?token=abc123"] = Reply(200, HTML, {"Content-Type": "text/html", "ETag": '"v1"'})
    url = f"http://user:hunter2@127.0.0.1:{server.port}/s?token=abc123"
    settings = Settings(retries=0, robots=False, allow_networks=LOOPBACK)
    raw = RawStore(tmp_path / "raw")
    with make_client(settings) as client:
        first = ingest_source(src(url), settings, raw, previous_sha=None, client=client)
        again = ingest_source(src(url), settings, raw, previous_sha=first.snapshot_sha256, client=client)
    assert first.status == "new", first
    text = " ".join(p.read_text() for p in (tmp_path / "raw").rglob("*.json"))
    assert "hunter2" not in text and "abc123" not in text
    assert server.requests[-1][1].get("If-None-Match") == '"v1"' and again.status == "unchanged"


def test_a_content_length_shorter_than_the_body_stores_what_it_frames(server):
    """Decided (README, Limits): HTTP's framing is the page; the bytes past it are not read."""
    server.routes["/short"] = Reply(200, HTML, {"Content-Type": "text/html", "Content-Length": "40"})
    out = fetch(server.url("/short"), Settings(retries=0, robots=False, allow_networks=LOOPBACK))
    assert out.ok and out.content == HTML[:40]
