"""Boilerplate benchmark metrics, each checked on a hand-computed example."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from evaluation.boilerplate_eval import (
    SCRAPINGHUB,
    WCXB,
    Extraction,
    GoldPage,
    ShingleMatch,
    date_matches,
    detect_layout,
    read_dataset,
    score_page,
    scrapinghub_prf,
    shingle_counts,
    shingle_match,
    snippets_found,
    summarize,
    word_prf,
)


def test_shingles_of_short_and_empty_texts() -> None:
    assert shingle_counts("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingle_counts("a b") == {("a", "b"): 1}  # fewer tokens than n: one short shingle
    assert shingle_counts("") == {}
    assert shingle_counts("x x x x x") == {("x", "x", "x", "x"): 2}  # a multiset


def test_scrapinghub_per_page_match() -> None:
    # true shingles {abcd, bcde}, predicted {abcd, bcdx}: tp 1, fp 1, fn 1 -> each 1/3
    m = shingle_match("a b c d e", "a b c d x")
    assert (m.tp, m.fp, m.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert m.precision == pytest.approx(0.5) and m.recall == pytest.approx(0.5)
    exact = shingle_match("one two three four", "one two three four")
    assert exact.precision == 1.0 and exact.recall == 1.0


def test_scrapinghub_empty_prediction_counts_for_recall_only() -> None:
    empty_pred = shingle_match("one two three four five", "")
    assert (empty_pred.tp, empty_pred.fp, empty_pred.fn) == (0.0, 0.0, 1.0)
    assert empty_pred.precision is None and empty_pred.recall == 0.0
    empty_true = shingle_match("", "foo bar")
    assert empty_true.precision == 0.0 and empty_true.recall is None
    both_empty = shingle_match("", "")
    assert both_empty.precision is None and both_empty.recall is None


def test_scrapinghub_f1_is_f1_of_averages() -> None:
    pages = [
        shingle_match("a b c d e", "a b c d x"),  # P 0.5, R 0.5
        shingle_match("one two three four five", ""),  # P -, R 0
        shingle_match("", "foo bar"),  # P 0, R -
    ]
    prf = scrapinghub_prf(pages)
    assert prf.precision == pytest.approx(0.25)  # mean(0.5, 0)
    assert prf.recall == pytest.approx(0.25)  # mean(0.5, 0)
    assert prf.f1 == pytest.approx(0.25)
    # F1 of averages, not average of F1s
    prf = scrapinghub_prf([ShingleMatch(1.0, 0.0, 0.0), ShingleMatch(0.5, 0.0, 0.5)])
    assert prf.precision == pytest.approx(1.0) and prf.recall == pytest.approx(0.75)
    assert prf.f1 == pytest.approx(2 * 1.0 * 0.75 / 1.75)


def test_wcxb_word_bag_f1() -> None:
    # pred: the cat sat on the mat (6 tokens); ref: the cat sat (3); overlap 3
    prf = word_prf("The cat sat on the mat.", "the CAT sat")
    assert prf.precision == pytest.approx(0.5)
    assert prf.recall == pytest.approx(1.0)
    assert prf.f1 == pytest.approx(2 / 3)
    assert word_prf("", "") == word_prf(None, "") == type(prf)(1.0, 1.0, 1.0)
    assert word_prf("something", "").f1 == 0.0
    assert word_prf("", "the reference").f1 == 0.0


def test_snippets_are_case_insensitive_substrings() -> None:
    assert snippets_found("The cat sat", ["Cat Sat", "dog"]) == ["Cat Sat"]
    assert snippets_found(None, ["x"]) == []


def test_date_matches_to_gold_precision() -> None:
    assert date_matches(date(2024, 5, 1), "2024-05-01") is True
    assert date_matches(date(2024, 5, 20), "2024-05") is True
    assert date_matches(date(2024, 5, 2), "2024-05-01") is False
    assert date_matches(None, "2024-05-01") is False
    assert date_matches(date(2024, 5, 1), None) is None


def gold(pid: str, text: str, **kw) -> GoldPage:
    return GoldPage(pid, Path(f"/nonexistent/{pid}.html.gz"), text, **kw)


def test_wcxb_summary_of_pages() -> None:
    pages = [
        (
            gold(
                "1", "the cat sat", page_type="article", with_snippets=("Cat Sat", "dog"),
                without_snippets=("mat", "We use cookies"), publish_date="2024-05-01",
            ),
            Extraction("The cat sat on the mat. We use cookies.", date(2024, 5, 1), 10.0),
        ),
        (
            gold("2", "", page_type="product", without_snippets=("Home",), publish_date="2023-01-02"),
            Extraction("", None, 20.0),
        ),
        (gold("3", "alpha beta", page_type="article"), Extraction("alpha beta", None, 60.0)),
    ]
    scores = [score_page(g, WCXB, e) for g, e in pages]
    # page 1: pred tokens the cat sat on the mat we use cookies (9), overlap 3 -> P 1/3, R 1, F1 0.5
    assert scores[0].f1 == pytest.approx(0.5)
    assert scores[1].f1 == 1.0  # empty gold, empty prediction
    s = summarize(scores, WCXB)
    assert s.pages == 3
    assert s.f1 == pytest.approx((0.5 + 1.0 + 1.0) / 3)
    assert s.precision == pytest.approx((1 / 3 + 1.0 + 1.0) / 3)
    assert s.with_found == pytest.approx(0.5)  # only page 1 lists "with" snippets: 1 of 2
    assert s.without_leaked == pytest.approx((2 / 2 + 0 / 1) / 2)  # pages 1 and 2
    assert s.cookie_leaked == 1
    assert s.date_accuracy == pytest.approx(0.5)  # page 1 right, page 2 missed
    assert s.ms_per_page == pytest.approx(30.0)
    assert s.ms_median == pytest.approx(20.0)


def test_scrapinghub_summary_uses_shingles() -> None:
    scores = [
        score_page(gold("a", "a b c d e"), SCRAPINGHUB, Extraction("a b c d x", None, 1.0)),
        score_page(gold("b", "one two three four five"), SCRAPINGHUB, Extraction("", None, 1.0)),
        score_page(gold("c", ""), SCRAPINGHUB, Extraction("foo bar", None, 1.0)),
    ]
    s = summarize(scores, SCRAPINGHUB)
    assert (s.precision, s.recall, s.f1) == pytest.approx((0.25, 0.25, 0.25))
    assert s.with_found is None and s.cookie_leaked is None and s.date_accuracy is None


def test_layouts_are_detected_and_read(tmp_path: Path) -> None:
    sh = tmp_path / "sh"
    (sh / "html").mkdir(parents=True)
    (sh / "html" / "abc.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    (sh / "ground-truth.json").write_text(json.dumps({"abc": {"articleBody": "x", "url": "http://e/1"}}))
    assert detect_layout(sh) == SCRAPINGHUB
    layout, pages = read_dataset(sh)
    assert layout == SCRAPINGHUB and pages[0].id == "abc" and pages[0].read_html() == b"<p>x</p>"

    wc = tmp_path / "wc"
    (wc / "html").mkdir(parents=True)
    (wc / "ground-truth").mkdir()
    (wc / "html" / "0001.html.gz").write_bytes(gzip.compress(b"<p>y</p>"))
    (wc / "ground-truth" / "0001.json").write_text(
        json.dumps(
            {
                "url": "http://e/2",
                "_internal": {"page_type": {"primary": "category"}},
                "ground_truth": {"main_content": "y", "with": ["y"], "without": [], "publish_date": "2025-01-02"},
            }
        )
    )
    layout, pages = read_dataset(wc)
    assert layout == WCXB
    assert pages[0].page_type == "collection"  # WCXB folds "category" into "collection"
    assert pages[0].publish_date == "2025-01-02"
    with pytest.raises(ValueError):
        detect_layout(tmp_path)


def test_a_scrapinghub_page_is_scored_on_the_article_body_and_a_wcxb_page_on_the_whole_text() -> None:
    body = "the council met in the town hall and agreed to rebuild the bridge"
    text = "the bridge reopens next monday after repairs " + body
    got = gold("a", body)
    on_body = score_page(got, SCRAPINGHUB, Extraction(text, None, 1.0, body))
    assert on_body.precision == 1.0
    assert score_page(got, SCRAPINGHUB, Extraction(text, None, 1.0)).precision < 1.0  # no body told: the text
    assert score_page(got, WCXB, Extraction(text, None, 1.0, body)).precision < 1.0
