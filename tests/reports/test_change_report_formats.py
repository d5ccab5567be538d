import json
import re

from facts.model import Change
from reports.changes import DiffReport, EventBrief, SourceEvents, md_escape, render_diff

EVIL = 'NATO <script>alert(1)</script> [click](javascript:alert(1)) | <img src=x onerror=alert(2)> **bold**'


def report() -> DiffReport:
    return DiffReport(
        run_id="20261123T120000000000Z",
        against="20261116T120000000000Z",
        changes=(
            Change("fact_a", "added", None, None, "2024", "ITPP agreed in 2024.", None, "In 2024 ...", (), ("s2",)),
            Change("fact_b", "changed", "date", "2014", "2015", EVIL, "joined in 2014", "joined in 2015", ("s1",), ("s2",)),
            Change("fact_c", "removed", None, "1996", None, "Bosnia 1996.", "served in 1996", None, ("s1",), ()),
        ),
        sources=(SourceEvents("testland", (EventBrief("ev1", "2024", EVIL, "s2"),), ()),),
    )


def test_every_format_carries_every_change():
    r = report()
    text = render_diff(r, "text")
    assert "1 added, 1 changed, 1 removed" in text and "date: 2014 → 2015" in text and "before: joined in 2014" in text
    data = json.loads(render_diff(r, "json"))
    assert data["counts"] == {"added": 1, "removed": 1, "changed": 1}
    assert [c["change"] for c in data["changes"]] == ["added", "changed", "removed"]
    assert data["sources"][0]["gained"][0]["value"] == "2024"
    md = render_diff(r, "markdown")
    assert md.count("\n| ") == 4 and "testland" in md
    assert "<td>changed</td>" in render_diff(r, "html")


def test_page_text_renders_inert_in_markdown_and_html():
    md = render_diff(report(), "markdown")
    assert "<script>" not in md and "<img" not in md and "](javascript:" not in md
    assert "\\*\\*bold\\*\\*" in md and "\\|" in md  # no table break-out, no emphasis
    html_out = render_diff(report(), "html")
    assert "<script>" not in html_out and "<img" not in html_out and "&lt;script&gt;" in html_out
    assert not re.search(r"<a\s", html_out)
    assert md_escape("a\n\n# heading") == "a \\# heading"


def test_a_statement_reworded_within_its_fact_is_listed_apart_from_gains_and_losses():
    from datetime import date

    from reports.changes import source_event_changes
    from store.schemas import table_from_rows

    def row(eid, sentence, fact_id, day=date(2012, 6, 4)):
        return {"event_id": eid, "doc_id": "d", "source_id": "nato", "date_start": day, "date_end": day,
                "precision": "day", "date_text": "x", "date_role": "point", "participants": [], "sentence": sentence,
                "char_start": 0, "char_end": 1, "confidence": 0.9, "participant_ids": [], "snapshot_sha256": "s",
                "fact_id": fact_id, "planned": False}

    before = table_from_rows("events", [row("e1", "Mongolia signed the IPCP on 4 June 2012.", "fact_ipcp"),
                                        row("e2", "ISAF ended on 4 June 2012.", "fact_isaf")])
    after = table_from_rows("events", [row("e3", "On 4 June 2012 the IPCP was signed by Mongolia.", "fact_ipcp"),
                                       row("e4", "A summit met on 4 June 2012.", "fact_summit"),
                                       row("e5", "The IPCP was revised on 5 June 2012.", "fact_ipcp", date(2012, 6, 5))])
    (src,) = source_event_changes(before, after)
    assert [(old.event_id, new.event_id) for old, new in src.reworded] == [("e1", "e3")]
    assert [e.event_id for e in src.gained] == ["e4", "e5"] and [e.event_id for e in src.lost] == ["e2"]
    r = DiffReport(run_id="r2", against="r1", changes=(), sources=(src,))
    assert "1 reworded" in render_diff(r, "text") and "(was: Mongolia signed" in render_diff(r, "text")
    assert json.loads(render_diff(r, "json"))["sources"][0]["reworded"][0][1]["event_id"] == "e3"
    assert "reworded \\[2012\\-06\\-04\\]" in render_diff(r, "markdown") and "<li>reworded" in render_diff(r, "html")
    # nothing reworded, gained or lost: no row for the source
    assert source_event_changes(after, after) == ()
