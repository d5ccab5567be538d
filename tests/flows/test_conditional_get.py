"""A 304 or an unchanged hash means no reprocessing."""

import pandas as pd
import pytest

from flows.pipeline import run_flow
from tests.support import PageServer, Reply

pytestmark = pytest.mark.slow

HTML = b"""<html><head><title>T</title></head><body><main><h1>News</h1>
<p>NATO and Testland signed the Individual Partnership and Cooperation Programme in 2012.</p></main></body></html>"""


def test_not_modified_pages_are_not_read_again(prefect_harness, tmp_path):
    with PageServer() as server:
        def route(handler):
            if handler.headers.get("If-None-Match") == '"v1"':
                return Reply(304, b"", {"ETag": '"v1"'})
            return Reply(200, HTML, {"Content-Type": "text/html", "ETag": '"v1"',
                                     "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT"})

        server.routes["/p"] = route
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[settings]\nrobots = false\n[[sources]]\nid = "p"\nurl = "{server.url("/p")}"\nallow_private = true\n')
        first = run_flow(str(sources), str(tmp_path / "data"))
        second = run_flow(str(sources), str(tmp_path / "data"))
        sent = [h for path, h in server.requests if path == "/p"]
    assert first.new == 1 and first.facts >= 1
    assert second.unchanged == 1 and second.documents_read == 0 and second.changes == 0 and second.facts == first.facts
    assert sent[1]["If-None-Match"] == '"v1"' and sent[1]["If-Modified-Since"] == "Mon, 02 Nov 2026 10:00:00 GMT"
    log = pd.read_parquet(tmp_path / "data" / "curated" / "fetch_log.parquet")
    assert list(log.http_status) == [200, 304] and list(log.status) == ["new", "unchanged"]
