"""The labelling order of benchmark pages: English pages with a date word, one per site, in a
fixed hash order, in either benchmark layout."""

from __future__ import annotations

import gzip
import importlib.util
import json

from tests.support import REPO

_spec = importlib.util.spec_from_file_location(
    "select_pages", REPO / "evaluation" / "labels" / "statements" / "select_pages.py")
select_pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(select_pages)

ENGLISH = ("The council approved the new budget in March 2019 after a long debate, and the mayor said that "
           "the plan would be reviewed again next year by the members of the finance committee. ") * 3
CZECH = ("Rada schválila nový rozpočet v březnu 2019 po dlouhé debatě a starosta řekl, že plán bude znovu "
         "projednán příští rok členy finančního výboru a že se na něm ještě bude pracovat. ") * 3


def _pages(folder, records):
    (folder / "html").mkdir(parents=True)
    for page_id in records:
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    (folder / "ground-truth.json").write_text(json.dumps(records), encoding="utf-8")


def test_english_pages_with_a_date_word_one_per_site(tmp_path):
    _pages(tmp_path, {
        "aa": {"url": "https://one.example.org/a", "articleBody": ENGLISH},
        "bb": {"url": "https://one.example.org/b", "articleBody": ENGLISH},     # the same site
        "cc": {"url": "https://two.example.org/c", "articleBody": CZECH},       # not English
        "dd": {"url": "https://three.example.org/d", "articleBody": "Too short, 2019."},
        "ee": {"url": "https://four.example.org/e", "articleBody": ENGLISH.replace("March 2019", "spring")
               .replace("2019", "")},                                            # no year or month name
    })
    kinds = select_pages.candidates(tmp_path)
    assert set(kinds) == {"article"}
    assert {page for page, _ in kinds["article"]} == {"aa", "bb"}
    labels = tmp_path / "labels"
    labels.mkdir()
    chosen = select_pages.next_pages(tmp_path, {"article": 5}, labels)
    assert len(chosen["article"]) == 1  # one page of one.example.org
