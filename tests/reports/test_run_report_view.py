"""The run report's view records, without any HTML: what the templates are given to lay out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reports.run_report_view import STATUS_COLOURS, csp, page, point_radius, stylesheet, timeline
from tests.reports.sample_report import sample


def test_timeline_rows_in_date_order_with_geometry_and_encodings():
    data = sample()
    tl = timeline(data.facts, date(2026, 11, 30), {"fact_s": "added", "fact_c": "changed"})
    assert [r.value for r in tl.rows] == ["1996", "2001", "2012", "2019-05-14"]  # the undated fact is not drawn
    preferred = [next(m for m in r.markers if m.preferred) for r in tl.rows]
    assert [m.cx for m in preferred] == sorted(m.cx for m in preferred)
    assert all(tl.plot_left <= m.cx <= tl.plot_right for m in preferred)
    assert [r.colour for r in tl.rows] == [STATUS_COLOURS[s] for s in ("single_source", "corroborated", "conflicting",
                                                                       "single_source")]
    # 1996 overtook a plan for 1995: the superseded value is drawn (hollow, grey), though the fact is not contested
    assert [(m.preferred, m.superseded) for m in tl.rows[0].markers] == [(True, False), (False, True)]
    assert "superseded" in tl.rows[0].markers[1].tip and not tl.rows[0].label.startswith("vs ")
    conflict = tl.rows[2]
    assert [(m.preferred, m.dashed, m.n_sources, m.r) for m in conflict.markers] == [
        (True, False, 2, point_radius(2)), (False, True, 1, point_radius(1))]
    assert conflict.mark == "Δ" and conflict.shade == "changed" and conflict.label.startswith("vs 2013 · ")
    assert tl.rows[3].markers[0].bar_x is None  # a day: no bar
    since = tl.rows[1]
    assert since.extent is not None and since.extent.x2 == tl.as_of_x  # "since 2001" runs to the run date
    assert [t.label for t in tl.ticks] == sorted(t.label for t in tl.ticks)
    assert timeline(data.facts[-1:], None, {}) is None  # only an undated fact


def test_page_prepares_sections_and_the_stylesheet_hash():
    data = sample()
    p = page(data)
    assert p.csp == csp(stylesheet()) and "style-src 'sha256-" in p.csp and p.stylesheet.startswith(":root")
    assert [c.fact_id for c in p.conflicts] == ["fact_c"]
    assert [(v.value, v.rank.text, v.score) for v in p.conflicts[0].candidates] == [
        ("2012", "preferred", "0.810"), ("2013", "deprecated", "0.190")]
    said = p.conflicts[0].candidates[0].said[0].sentence
    assert (said.before, said.marked, said.after) == ("Mongolia and NATO signed it in ", "2012", ".")
    assert [r.change for r in p.changes.rows] == ["changed", "added", "removed"]
    assert p.changes.rows[2].fact_anchor is None  # a removed fact has no row to link to
    assert [r.status for r in p.sources.rows] == ["error", "changed", "unchanged"]
    assert p.sources.rows[0].http_status == "503" and p.sources.rows[0].size == "—"
    assert [f.value for f in p.facts][-1] == "undated" and p.timeline.undated == 1
    # a first run marks nothing as added or changed
    first = page(replace(data, run=replace(data.run, previous_run_id=None)))
    assert all(r.shade != "changed" for r in first.timeline.timeline.rows) and all(f.change is None for f in first.facts)


def test_a_fact_told_only_as_plans_is_shown_as_not_happened_yet():
    data = sample()
    data = replace(data, facts=tuple(replace(f, planned=True) if f.date_start == date(2019, 5, 14) else f
                                     for f in data.facts))
    tl = timeline(data.facts, date(2026, 11, 30), {})
    assert [r.planned for r in tl.rows] == [False, False, False, True]
    assert tl.rows[3].label.startswith("planned · ") and "planned" in tl.rows[3].title
    p = page(data)
    assert [f.planned.text if f.planned else None for f in p.facts if f.value == "2019-05-14"] == ["planned"]
    assert all(f.planned is None for f in p.facts if f.value != "2019-05-14")
    assert any(n.fragment == "facts" and n.text.endswith(", 1 planned)") for n in p.nav)
