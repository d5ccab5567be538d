"""The HTML run report: sections, encodings, escaping, self-containment, and
loading a run from a curated store."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from facts.model import Change
from reports.html_report import (
    STATUS_COLOURS,
    ReportData,
    RunInfo,
    load_report_data,
    point_radius,
    render_run_report,
    write_run_report,
)
from reports.run_report_view import SUPERSEDED_COLOUR
from store.curated_store import CuratedStoreError
from tests.reports.sample_report import EVIL, PAYLOADS, sample
from tests.reports.sample_runs import CONFLICT_KEY, RUN_1, RUN_2, build_sample_store, fact_id


class Page(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    def attr_values(self, *names: str) -> list[str]:
        return [a[n] or "" for _, a in self.tags for n in names if n in a]


def test_every_section_is_there_with_its_content():
    out = render_run_report(sample())
    page = Page(out)
    ids = {a.get("id") for _, a in page.tags}
    assert {"run", "timeline", "conflicts", "changes", "sources", "facts"} <= ids
    text = " ".join(" ".join(page.text).split())
    assert f"factwatch run {RUN_2}" in text and "partial" in text and RUN_1 in text
    # conflicting fact: every candidate, its rank, score, sources and the sentences stating it
    conflict = out[out.index('id="conflicts"'):out.index('id="changes"')]
    assert "2012" in conflict and "2013" in conflict and "preferred" in conflict and "deprecated" in conflict
    assert "0.810" in conflict and "0.190" in conflict and "blog-b" in conflict
    assert "Mongolia and NATO signed it in <mark>2012</mark>." in conflict
    assert "<mark>Since 2012</mark>, work is taken forward." in conflict
    assert "signed in <mark>2013</mark>, says the blog." in conflict
    # changes: before and after, evidence, every kind
    changes = out[out.index('id="changes"'):out.index('id="sources"')]
    assert "3 change(s) since run" in changes and "1 added, 1 changed, 1 removed" in changes
    assert re.search(r"<td>date</td><td class=\"val\">2013</td><td class=\"val\">2012</td>", changes)
    assert "Signed in 2013." in changes and "Signed in 2012." in changes and "Closed in 2021." in changes
    # sources: status, HTTP status, error
    sources = out[out.index('id="sources"'):out.index('id="facts"')]
    assert "HTTP 503 from server" in sources and ">503<" in sources and "http_status" in sources
    assert sources.index("gone") < sources.index("blog-a")  # errors first
    assert "1 undated fact(s)" in out


def test_timeline_encodes_status_by_colour_sources_by_size_and_precision_by_bar():
    out = render_run_report(sample())
    svg = out[out.index("<svg class=\"timeline\""):out.index("</svg>", out.index("<svg class=\"timeline\""))]
    points = re.findall(r'<circle class="pt" cx="([\d.]+)" cy="[\d.]+" r="([\d.]+)" fill="(#\w+)" data-sources="(\d+)"',
                        svg)
    fills = {f for _, _, f, _ in points}
    assert {STATUS_COLOURS[s] for s in ("conflicting", "corroborated", "single_source")} <= fills
    assert len(set(STATUS_COLOURS.values())) == len(STATUS_COLOURS)
    for _, r, _, n in points:
        assert float(r) == point_radius(int(n))
    assert point_radius(1) < point_radius(2) < point_radius(3)
    # the conflict's other candidate is drawn too, hollow and dashed (deprecated), in the conflict colour
    assert re.search(rf'<circle class="alt" [^>]*stroke="{STATUS_COLOURS["conflicting"]}" stroke-dasharray', svg)
    # a year value gets a bar spanning the year; a day value none
    # the plan that 1996 overtook (1995) is drawn hollow and grey: a superseded value, not a rival
    assert re.search(rf'<circle class="alt superseded" [^>]*stroke="{SUPERSEDED_COLOUR}"', svg)
    assert 'stroke-dasharray="3 2"/></svg>superseded value' in out  # and keyed in the legend
    spans = re.findall(r'<rect class="span" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    assert len(spans) == 5  # 2012, 2013, 2001, 1996, 1995; not 2019-05-14
    # x grows with the date: rows are in date order, 1996 before 2001 before 2012
    xs = [float(x) for x, _, _, _ in points]
    assert xs == sorted(xs)
    # "since 2001" trails a dashed line; changed and added facts are shaded; the undated fact is not drawn
    assert svg.count('class="extent"') == 1 and svg.count('class="changed"') == 2
    assert "Undated." not in svg and svg.count('<g class="row') == 4


def test_page_text_is_data_never_markup():
    out = render_run_report(sample(text=EVIL, source=EVIL))
    page = Page(out)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "form", "base", "link", "input"}, tags
    for tag, attrs in page.tags:
        for name in attrs:
            assert not name.startswith("on"), (tag, attrs)
    assert "javascript:" not in " ".join(page.attr_values("href", "src", "action", "xlink:href", "style"))
    # whatever the parser: no markup of page text survives raw in the output
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in out
    assert "[click me](javascript:alert(4))" in " ".join(page.text)  # shown as the text it is
    assert len(re.findall(r"<title[ >]", out)) == out.count("</title>") and out.count("<style>") == 1


def test_the_page_is_self_contained_and_locks_itself_down():
    out = render_run_report(sample())
    page = Page(out)
    refs = page.attr_values("href", "src", "xlink:href", "action", "poster", "srcset", "data")
    assert refs and all(r.startswith("#") for r in refs), refs
    assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:|//)""", out, re.I)
    assert "@import" not in out and "url(" not in out
    css = re.search(r"<style>(.*?)</style>", out, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and f"style-src 'sha256-{digest}'" in csp and "script-src 'none'" in csp
    # the CSP comes before the stylesheet it allows
    assert out.index("Content-Security-Policy") < out.index("<style>")
    assert render_run_report(sample()) == out  # deterministic


def test_a_first_run_marks_nothing_as_changed():
    data = sample()
    first = ReportData(run=RunInfo(run_id=RUN_1, status="ok"), facts=data.facts, statements=data.statements,
                       changes=tuple(Change(f.fact_id, "added", None, None, "x", f.statement) for f in data.facts))
    out = render_run_report(first)
    assert 'class="changed"' not in out and "b-added" not in out[out.index('id="facts"'):]
    assert "first run: every fact is new" in out and f"{len(data.facts)} added" in out


def test_a_run_without_facts_or_changes_still_renders():
    empty = ReportData(run=RunInfo(run_id=RUN_1, status="failed"), facts=())
    out = render_run_report(empty)
    assert "No dated facts in this run." in out and "First run: nothing to compare with." in out
    assert "No conflicting facts" in out and "No fetch records" in out


def test_load_and_write_a_run_from_the_curated_store(tmp_path):
    store = build_sample_store(tmp_path / "curated")
    data = load_report_data(store, None)
    assert data.run.run_id == RUN_2 and data.run.previous_run_id == RUN_1
    assert {c.change for c in data.changes} == {"added", "removed", "changed"}  # this run's changes only
    assert {s.status for s in data.sources} == {"changed", "unchanged", "error"} and len(data.sources) == 5
    conflict = next(f for f in data.facts if f.fact_id == fact_id(CONFLICT_KEY))
    assert conflict.status == "conflicting" and [v.value for v in conflict.values] == ["2012", "2013"]
    by_id = {s.event_id: s for s in data.statements}
    for v in conflict.values:
        for eid in v.event_ids:
            st = by_id[eid]
            assert st.sentence[st.date_span[0]:st.date_span[1]] == st.date_text
    assert next(s for s in data.sources if s.source_id == "nato-nz").publisher == "NATO"

    first = load_report_data(store, RUN_1)
    assert first.run.previous_run_id is None and {c.change for c in first.changes} == {"added"}
    assert len(first.sources) == 5 and {s.status for s in first.sources} == {"new", "error"}

    path = write_run_report(store)
    assert path == tmp_path / "curated" / "reports" / f"{RUN_2}.html"
    html = path.read_text()
    assert "Since 2015 under the Partnership" in html and "connection refused" in html
    assert not list(path.parent.glob(".*.tmp"))
    assert write_run_report(store, RUN_1).name == f"{RUN_1}.html"
    with pytest.raises(CuratedStoreError, match="unknown run"):
        load_report_data(store, "20200101T000000000000Z")


def test_no_published_run_is_a_clear_error(tmp_path):
    from store.curated_store import CuratedStore

    with pytest.raises(CuratedStoreError, match="no run has been published"):
        write_run_report(CuratedStore(tmp_path / "curated"))
