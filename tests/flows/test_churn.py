"""Zero spurious churn: page versions served over HTTP on loopback, one run after each."""

import pandas as pd
import pytest

from flows.pipeline import run_flow
from reports.changes import build_diff
from store.curated_store import CuratedStore
from tests.support import MFAT_PAGE, PageServer, Reply

pytestmark = pytest.mark.slow

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relations with Testland</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/topics">Topics</a></nav></header>
<div id="onetrust-banner-sdk" class="otFlat" role="dialog" aria-label="Cookie banner">
  <p id="onetrust-policy-text">{cookie}</p>
  <button id="onetrust-accept-btn-handler">Accept All Cookies</button>
</div>
<main><article>
<h1>Relations with Testland</h1>
<p class="date">Last updated: {updated}</p>
{paragraphs}
</article></main>
<footer><p>© Testland Ministry</p></footer>
</body></html>"""

A_PARAS = [
    "NATO and Testland have been engaged in dialogue and cooperation since 2001.",
    "Testland signed the Individual Partnership and Cooperation Programme with NATO in 2012.",
    "Testland joined the Partnership Interoperability Initiative in 2014.",
    "Testland officers first served with the Stabilisation Force in Bosnia and Herzegovina in 1996.",
]
B_PARAS = [
    A_PARAS[0],
    A_PARAS[1],
    "Testland joined the Partnership Interoperability Initiative in 2015.",  # a year changed
    # the Bosnia paragraph is dropped
    "In 2024, NATO and Testland agreed the Individually Tailored Partnership Programme.",  # a new dated sentence
]


def page(paras, cookie, updated):
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return PAGE.format(cookie=cookie, updated=updated, paragraphs=body).encode()


V1 = page(A_PARAS, "We use cookies to give you the best experience on our website.", "12 Sep. 2018 13:28")
V2 = page(B_PARAS, "This site uses cookies and similar technologies; by continuing you agree to their use.",
          "3 Mar. 2020 09:15")


def sources_file(tmp_path, server, order):
    entries = {
        "testland": f'[[sources]]\nid = "testland"\nurl = "{server.url("/testland")}"\nallow_private = true\n',
        "mfat": f'[[sources]]\nid = "mfat"\nurl = "{server.url("/mfat")}"\nallow_private = true\n',
    }
    path = tmp_path / f"sources-{'-'.join(order)}.toml"
    path.write_text("[settings]\nrobots = false\nretries = 0\n\n" + "\n".join(entries[k] for k in order))
    return path


def test_diff_lists_exactly_what_changed(prefect_harness, tmp_path):
    data = tmp_path / "data"
    with PageServer() as server:
        server.routes["/mfat"] = Reply(200, MFAT_PAGE.read_bytes(), {"Content-Type": "text/plain; charset=utf-8"})
        server.routes["/testland"] = Reply(200, V1, {"Content-Type": "text/html; charset=utf-8"})
        forward = sources_file(tmp_path, server, ["testland", "mfat"])
        first = run_flow(str(forward), str(data))
        assert first.status == "ok"
        facts_v1 = pd.read_parquet(data / "curated" / "facts.parquet")
        events_v1 = pd.read_parquet(data / "curated" / "events.parquet")
        entities_v1 = pd.read_parquet(data / "curated" / "entities.parquet")
        text = pd.read_parquet(data / "curated" / "documents.parquet").set_index("source_id").loc["testland", "text"]
        assert "cookie" not in text.lower() and "Last updated" not in text

        server.routes["/testland"] = Reply(200, V2, {"Content-Type": "text/html; charset=utf-8"})
        second = run_flow(str(forward), str(data))
        report = build_diff(CuratedStore(data / "curated"))
        got = sorted((c.change, c.field or "", c.before or "", c.after or "") for c in report.changes)
        assert got == [
            ("added", "", "", "2024"),
            ("changed", "date", "2014", "2015"),
            ("removed", "", "1996", ""),
        ], got
        assert second.changes == 3
        (src,) = report.sources
        assert src.source_id == "testland" and len(src.gained) == 2 and len(src.lost) == 2
        changed = next(c for c in report.changes if c.change == "changed")
        assert "2014" in changed.evidence_before and "2015" in changed.evidence_after
        assert changed.snapshots_before != changed.snapshots_after

        # the same version again: nothing
        third = run_flow(str(forward), str(data))
        assert third.changes == 0 and third.unchanged == 2 and third.documents_read == 0
        # sources listed in the other order: nothing, and the same ids
        backward = sources_file(tmp_path, server, ["mfat", "testland"])
        fourth = run_flow(str(backward), str(data))
        assert fourth.changes == 0
        # any two runs, not only consecutive ones
        across = build_diff(CuratedStore(data / "curated"), fourth.run_id, first.run_id)
        assert sorted((c.change, c.field) for c in across.changes) == sorted((c.change, c.field) for c in report.changes)
        assert build_diff(CuratedStore(data / "curated"), third.run_id, second.run_id).changes == ()
    facts_v2 = pd.read_parquet(data / "curated" / "facts.parquet")
    kept = set(facts_v1.fact_id) & set(facts_v2.fact_id)
    assert len(kept) == len(facts_v1) - 1  # only the removed fact is gone; ids did not move
    events = pd.read_parquet(data / "curated" / "events.parquet")
    assert events.event_id.is_unique
    # statements whose sentence did not change keep their ids, whatever changed around them
    unchanged = events_v1[events_v1.sentence.isin(A_PARAS[:2]) | (events_v1.source_id == "mfat")]
    assert set(unchanged.event_id) <= set(events.event_id)
    entities = pd.read_parquet(data / "curated" / "entities.parquet").set_index("name")
    for name in ("NATO", "Testland", "Individual Partnership and Cooperation Programme"):
        assert entities.loc[name, "entity_id"] == entities_v1.set_index("name").loc[name, "entity_id"]
