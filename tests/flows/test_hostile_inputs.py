"""Hostile and broken inputs in one run: each bad source's fetch_log row names
the cause, every good source is published, the exit code is 3."""

import gzip
import ssl
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer

import pandas as pd
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support import PageServer, Reply

pytestmark = pytest.mark.slow

ENGLISH = "<p>NATO and Testland signed the Individual Partnership and Cooperation Programme in 2012.</p>"


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><main><h1>Page</h1>{body}</main></body></html>"


@pytest.fixture
def tls_server(tmp_path):
    """An https server with a self-signed certificate: clients must refuse it."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    with PageServer() as plain:
        plain.routes["/s"] = Reply(200, html(ENGLISH).encode(), {"Content-Type": "text/html"})
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), plain._httpd.RequestHandlerClass)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        yield f"https://127.0.0.1:{httpd.server_address[1]}/s"
        httpd.shutdown()


def test_every_bad_source_is_named_and_the_rest_published(prefect_harness, tmp_path, tls_server):
    files = tmp_path / "files"
    files.mkdir()
    (files / "zero.html").write_bytes(b"")
    (files / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (files / "deep.html").write_bytes(b"<html><body>" + b"<div>" * 100_000 + ENGLISH.encode() + b"</div>" * 100_000
                                      + b"</body></html>")
    (files / "bad-utf8.html").write_bytes(html(ENGLISH + "<p>Caf\xc3 broken \xff\xfe bytes here.</p>").encode("utf-8",
                                                                                                            "replace")
                                          .replace(b"\xef\xbf\xbd", b"\xff"))
    cp1252 = "<p>Testland’s café – naïve “quotes” signed the Individual Partnership and Cooperation Programme in 2012.</p>"
    (files / "cp1252-declared.html").write_bytes(html(cp1252, '<meta charset="windows-1252">').encode("cp1252"))
    (files / "cp1252-undeclared.html").write_bytes(html(cp1252).encode("cp1252"))
    japanese = "<p>ニュージーランドは2012年にNATOと協力を正式化しました。これは日本語のページです。</p>"
    (files / "sjis-declared.html").write_bytes(html(japanese, '<meta charset="shift_jis">').encode("shift_jis"))
    (files / "sjis-undeclared.html").write_bytes(html(japanese * 3).encode("shift_jis"))
    (files / "utf16.html").write_bytes(html(ENGLISH).encode("utf-16"))
    german = ("<p>Die NATO und Neuseeland unterzeichneten im Jahr 2012 das Individuelle Partnerschafts- und "
              "Kooperationsprogramm. Die Zusammenarbeit ist für beide Seiten von großer Bedeutung und wird "
              "seit vielen Jahren fortgesetzt.</p>")
    (files / "german.html").write_bytes(html(german, '<meta charset="utf-8">').encode())
    (files / "good.html").write_bytes(html(ENGLISH).encode())

    with PageServer() as server:
        server.routes.update({
            "/empty": Reply(200, b"", {"Content-Type": "text/html"}),
            "/pdf": Reply(200, b"%PDF-1.7\n" + bytes(1000), {"Content-Type": "application/pdf"}),
            "/zip": Reply(200, b"PK\x03\x04" + bytes(1000), {"Content-Type": "application/octet-stream"}),
            "/json": Reply(200, b'{"a": 1}', {"Content-Type": "application/json"}),
            "/bomb": Reply(200, gzip.compress(b"<p>" + b"a" * 30_000_000), {"Content-Type": "text/html",
                                                                             "Content-Encoding": "gzip"}),
            "/huge": Reply(200, b"<p>" + b"a" * 50_000_000, {"Content-Type": "text/html"}),
            "/404": Reply(404, b"no"), "/410": Reply(410, b"gone"), "/500": Reply(500, b"boom"),
            "/503": Reply(503, b"busy", {"Retry-After": "0"}),
            "/loop1": Reply(302, b"", {"Location": "/loop2"}), "/loop2": Reply(302, b"", {"Location": "/loop1"}),
            "/slow": lambda h: (time.sleep(2), Reply(200, html(ENGLISH).encode()))[1],
            "/cp1252-header": Reply(200, html(cp1252).encode("cp1252"), {"Content-Type": "text/html; charset=windows-1252"}),
            "/good": Reply(200, html(ENGLISH).encode(), {"Content-Type": "text/html; charset=utf-8"}),
        })
        with PageServer() as gone:
            refused = gone.url("/x")
        url_sources = {
            "empty": server.url("/empty"), "pdf": server.url("/pdf"), "zip": server.url("/zip"),
            "json": server.url("/json"), "bomb": server.url("/bomb"), "huge": server.url("/huge"),
            "http-404": server.url("/404"), "http-410": server.url("/410"), "http-500": server.url("/500"),
            "http-503": server.url("/503"), "loop": server.url("/loop1"), "slow": server.url("/slow"),
            "tls": tls_server, "refused": refused, "cp1252-header": server.url("/cp1252-header"),
            "good-url": server.url("/good"),
        }
        text = "[settings]\nrobots = false\nretries = 1\nbackoff = 0.05\n\n"
        for sid, url in url_sources.items():
            extra = "timeout = 0.5\n" if sid == "slow" else ""
            text += f'[[sources]]\nid = "{sid}"\nurl = "{url}"\nallow_private = true\n{extra}\n'
        for f in sorted(files.iterdir()):
            text += f'[[sources]]\nid = "file-{f.stem}"\npath = "files/{f.name}"\n\n'
        (tmp_path / "sources.toml").write_text(text)
        result = CliRunner().invoke(app, ["run", "--sources", str(tmp_path / "sources.toml"), "--data",
                                          str(tmp_path / "data")])
    assert result.exit_code == 3, result.output
    log = pd.read_parquet(tmp_path / "data" / "curated" / "fetch_log.parquet").set_index("source_id")
    expected_errors = {
        "empty": "empty", "file-zero": "empty", "pdf": "unsupported_type", "json": "not_readable",
        "zip": "not_readable", "file-image": "not_readable", "bomb": "too_large", "huge": "too_large",
        "http-404": "http_404", "http-410": "http_410", "http-500": "http_500", "http-503": "http_503",
        "loop": "redirect_loop", "slow": "timeout", "tls": "tls_error", "refused": "connect_error",
    }
    for sid, kind in expected_errors.items():
        row = log.loc[sid]
        assert row.status == "error" and row.error_kind == kind, (sid, row.error_kind, row.error)
        assert row.error and len(row.error) > 15, sid
    assert log.loc["http-503", "attempts"] == 2
    docs = pd.read_parquet(tmp_path / "data" / "curated" / "documents.parquet").set_index("source_id")
    ok = set(log.index) - set(expected_errors)
    assert set(docs.index) == ok
    for sid in ("good-url", "file-good", "file-deep", "file-utf16", "file-bad-utf8"):
        assert "Individual Partnership and Cooperation Programme" in docs.loc[sid, "text"], sid
    for sid in ("file-cp1252-declared", "file-cp1252-undeclared", "cp1252-header"):
        assert "Testland’s café – naïve “quotes”" in docs.loc[sid, "text"], (sid, docs.loc[sid, "text"][:200])
    for sid in ("file-sjis-declared", "file-sjis-undeclared"):
        assert "ニュージーランド" in docs.loc[sid, "text"], sid
        assert docs.loc[sid, "language"] == "ja" and "English only" in docs.loc[sid, "skipped"]
    assert docs.loc["file-german", "language"] == "de" and "English only" in docs.loc["file-german", "skipped"]
    events = pd.read_parquet(tmp_path / "data" / "curated" / "events.parquet")
    assert not events.source_id.isin(["file-german", "file-sjis-declared", "file-sjis-undeclared"]).any()
    mentions = pd.read_parquet(tmp_path / "data" / "curated" / "mentions.parquet")
    assert not mentions.source_id.isin(["file-german"]).any()
    assert set(events.source_id) >= {"good-url", "file-good", "file-deep"}
