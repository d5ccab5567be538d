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


def _fact(fid, values):
    from datetime import date

    from facts.model import Fact, FactValue

    vals = tuple(FactValue(fid, date(y, 1, 1), date(y, 12, 31), "year", rank, 0.5, srcs, (), str(y))
                 for y, rank, srcs in values)
    sources = tuple(sorted({s for v in vals for s in v.source_ids}))
    pref = vals[0]
    return Fact(fid, "The IPCP was signed.", pref.date_start, pref.date_end, "year", ("IPCP",), "corroborated", 0.6,
                len(sources), sources, (), evidence=f"signed in {pref.value}", values=vals)


def test_each_change_names_the_sources_and_statements_it_rests_on():
    from facts.diff import diff_facts
    from reports.changes import change_bases

    before = [_fact("fact_x", [(2012, "preferred", ("a", "b"))])]
    after = [_fact("fact_x", [(2013, "preferred", ("a",))])]
    changes = tuple(diff_facts(before, after))
    assert [(c.field, c.before, c.after) for c in changes] == [("date", "2012", "2013"), ("sources", "a, b", "a")]
    src = (SourceEvents("a", (EventBrief("e3", "2013", "Signed in 2013, says a.", "s2", "fact_x", "a"),),
                        (EventBrief("e1", "2012", "Signed in 2012, said a.", "s1", "fact_x", "a"),)),
           SourceEvents("b", (), (EventBrief("e2", "2012", "Signed in 2012, said b.", "s1", "fact_x", "b"),)),
           SourceEvents("c", (EventBrief("e9", "2020", "Another fact.", "s2", "fact_y", "c"),), ()))
    bases = change_bases(changes, before, after, src)
    assert [(b.stated_before, b.stated_after) for b in bases] == [(("a", "b"), ("a",))] * 2
    assert [e.event_id for e in bases[0].gained] == ["e3"] and [e.event_id for e in bases[0].lost] == ["e1", "e2"]
    assert bases[1].gained == bases[1].lost == ()  # the fact's second row does not list them again
    r = DiffReport("r2", "r1", changes, src, bases)
    text = render_diff(r, "text")
    assert text.count("Signed in 2012, said b.") == 2  # once under the fact (not under each of its rows), once under its page
    cut = DiffReport("r2", "r1", changes[:1], src, bases)  # a report cut to its first rows keeps their bases
    assert cut.rows()[0][1] == bases[0]
    assert "date: 2012 → 2013" in text and "said by a, b → a" in text
    assert "+ [2013] a: Signed in 2013, says a." in text and "- [2012] b: Signed in 2012, said b." in text
    assert "sources: lost b" in text and "Another fact." not in text.split("source a:")[0]
    data = json.loads(render_diff(r, "json"))
    assert data["changes"][0]["basis"]["stated_before"] == ["a", "b"]
    assert data["changes"][0]["basis"]["lost"][1]["source_id"] == "b"
    assert "said by a, b → a" in render_diff(r, "markdown").replace("\\", "")
    assert "- [2012] b: Signed in 2012, said b." in render_diff(r, "html")


def test_the_change_report_of_two_runs_shows_who_said_the_old_and_the_new_date(tmp_path):
    from reports.changes import build_diff
    from tests.reports.sample_runs import build_sample_store

    report = build_diff(build_sample_store(tmp_path))
    moved = [(c, b) for c, b in report.rows() if c.field == "date"]
    assert moved and all(b.stated_before and b.lost and b.gained for _, b in moved)
    for c, b in moved:
        assert {e.value for e in b.lost} == {c.before} and {e.value for e in b.gained} == {c.after}
        assert all(e.source_id in b.stated_before for e in b.lost)


def test_a_plan_is_marked_as_one_wherever_a_statement_is_listed():
    plan = EventBrief("e1", "2021-10-31", "The telescope will launch on Oct. 31, 2021.", "s1", "fact_l", "ap", True)
    done = EventBrief("e2", "2021-12-25", "The telescope launched on 25 December 2021.", "s2", "fact_l", "ap")
    change = Change("fact_l", "changed", "date", "2021-10-31", "2021-12-25", "The telescope launched.")
    from reports.changes import ChangeBasis

    r = DiffReport("r2", "r1", (change,), (SourceEvents("ap", (done,), (plan,)),),
                   (ChangeBasis(("ap",), ("ap",), (done,), (plan,)),))
    text = render_diff(r, "text")
    assert "- [2021-10-31, planned] ap: The telescope will launch" in text
    assert "+ [2021-12-25] ap: The telescope launched" in text and "  - [2021-10-31, planned] The telescope" in text
    assert "lost \\[2021\\-10\\-31, planned\\]" in render_diff(r, "markdown")
    assert "lost [2021-10-31, planned]" in render_diff(r, "html")
    assert json.loads(render_diff(r, "json"))["sources"][0]["lost"][0]["planned"] is True


def test_statements_of_a_run_published_before_plans_were_marked_still_compare():
    from datetime import date

    from reports.changes import source_event_changes
    from store.schemas import table_from_rows

    row = {"event_id": "e1", "doc_id": "d", "source_id": "ap", "date_start": date(2021, 10, 31),
           "date_end": date(2021, 10, 31), "precision": "day", "date_text": "x", "date_role": "point",
           "participants": [], "sentence": "It will launch on Oct. 31, 2021.", "char_start": 0, "char_end": 1,
           "confidence": 0.9, "participant_ids": [], "snapshot_sha256": "s", "fact_id": "fact_l", "planned": True}
    now = table_from_rows("events", [row])
    older = now.drop_columns(["planned"])
    (src,) = source_event_changes(older, now.slice(0, 0))
    assert [(e.event_id, e.planned) for e in src.lost] == [("e1", False)]
    (src,) = source_event_changes(now.slice(0, 0), now)
    assert [(e.event_id, e.planned) for e in src.gained] == [("e1", True)]


def test_a_plan_added_moved_or_come_true_is_named_so_in_every_format():
    from datetime import date

    from facts.diff import diff_facts
    from facts.model import Fact
    from reports.changes import change_bases

    def launch(day, planned=True):
        return Fact("fact_l", "The telescope launches.", day, day, "day", ("JWST",), "single_source", 0.6, 1, ("ap",),
                    (), planned=planned)

    runs = [[], [launch(date(2021, 10, 31))], [launch(date(2021, 12, 18))], [launch(date(2021, 12, 25), False)]]
    texts = []
    for before, after in zip(runs, runs[1:]):
        changes = tuple(diff_facts(before, after))
        r = DiffReport("r2", "r1", changes, (), change_bases(changes, before, after, ()))
        texts.append(render_diff(r, "text"))
        assert all(c.field in (None, "rescheduled", "date", "planned") for c in changes)
        for fmt in ("markdown", "html"):
            assert any(w in render_diff(r, fmt) for w in ("planned for", "rescheduled", "no longer only a plan"))
    assert "added, planned for 2021-10-31" in texts[0]
    assert "rescheduled: 2021-10-31 → 2021-12-18" in texts[1]
    assert "date: 2021-12-18 → 2021-12-25" in texts[2] and "no longer only a plan" in texts[2]


def test_a_plan_come_true_on_its_date_is_no_rewording():
    from reports.changes import _rewordings

    plan = EventBrief("e1", "2021-10-31", "It will launch on 31 October.", "s1", "fact_l", "a", planned=True)
    done = EventBrief("e2", "2021-10-31", "It launched on 31 October.", "s2", "fact_l", "a")
    again = EventBrief("e3", "2021-10-31", "On 31 October it will launch.", "s2", "fact_l", "a", planned=True)
    assert _rewordings([plan], [done]) == []
    assert _rewordings([plan], [done, again]) == [(plan, again)]
