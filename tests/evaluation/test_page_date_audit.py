"""The page-date audit: the pages a rule changes, with both days."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from evaluation.page_date_audit import changed_pages, changed_values


def _write(directory: Path, page_id: str, html: str, publish_date: str | None = None) -> None:
    (directory / "html").mkdir(exist_ok=True)
    (directory / "ground-truth").mkdir(exist_ok=True)
    (directory / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
    truth = {"url": f"https://example.org/{page_id}", "ground_truth": {"publish_date": publish_date}}
    (directory / "ground-truth" / f"{page_id}.json").write_text(json.dumps(truth))


def test_the_audit_lists_the_pages_whose_date_a_rule_moves(tmp_path: Path) -> None:
    side = '<div class="teaser"><span class="date"><time datetime="2025-06-0{d}T12:00:00Z">x</time></span></div>'
    menu_first = ('<html><body><nav>' + side.format(d=1) + side.format(d=2) + '</nav><h1>Notes from the field</h1>'
                  '<div class="meta"><time class="datetime" datetime="2017-03-01T12:00:00Z">03/01/2017</time></div>'
                  '<p>The council met to agree on its budget for the coming year.</p></body></html>')
    plain = ('<html><body><h1>Budget</h1><div class="meta"><time class="datetime" datetime="2020-01-02T12:00:00Z">'
             '1/2/2020</time></div><p>The council met to agree on its budget for the coming year.</p></body></html>')
    _write(tmp_path, "0001", menu_first, "2017-03-01")
    _write(tmp_path, "0002", plain)
    read, changed = changed_pages("time-by-title", tmp_path)
    assert read == 2
    assert changed == [("0001", date(2017, 3, 1), date(2025, 6, 1), "2017-03-01")]
    # a rule off by default is audited turned on
    from extractors.rule_switches import rules_off

    with rules_off(["time-by-title"]):
        assert changed_pages("time-by-title", tmp_path)[1] == [("0001", date(2025, 6, 1), date(2017, 3, 1), "2017-03-01")]


def test_the_values_audit_lists_the_dates_a_tagger_rule_moves(tmp_path: Path) -> None:
    page = ('<html><head><meta property="article:published_time" content="2019-11-20T12:00:00Z"></head><body>'
            '<article><h1>Autumn show</h1><p>The show opens to the public on Friday.</p>'
            '<p>The band played on Monday.</p></article></body></html>')
    _write(tmp_path, "0001", page)
    read, changed = changed_values("scheduled-weekday", tmp_path)
    assert read == 1
    assert [(c[0], c[1], c[2], c[3]) for c in changed] == [("0001", date(2019, 11, 20), "2019-11-22", "2019-11-15")]
    assert "opens to the public" in changed[0][4]
