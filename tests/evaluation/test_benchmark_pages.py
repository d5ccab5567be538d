"""The statement label sets find their pages in either benchmark layout (WCXB: one ground-truth
file per page; ScrapingHub: one ground-truth.json), and a set's scoring.toml names its benchmark."""

from __future__ import annotations

import gzip
import json

import pytest

from evaluation.benchmark_pages import benchmark_page, page_ids, read_html
from evaluation.statements_eval import DEFAULT_PAGES, LabelError, load_label_dir, pages_of

ARTICLE = "<html><head><title>Mill reopens</title></head><body><article><p>The mill reopened on 3 May 2019 " \
          "after a long closure, the owners said.</p></article></body></html>"


def _html(folder, page_id, markup=ARTICLE):
    (folder / "html").mkdir(parents=True, exist_ok=True)
    (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(markup.encode()))


def test_scrapinghub_layout_reads_url_and_body_from_one_truth_file(tmp_path):
    _html(tmp_path, "ab12")
    (tmp_path / "ground-truth.json").write_text(json.dumps(
        {"ab12": {"url": "https://news.example.org/mill", "articleBody": "The mill reopened."}}), encoding="utf-8")
    page = benchmark_page(tmp_path, "ab12")
    assert page is not None and page.url == "https://news.example.org/mill"
    assert page.page_type == "article" and page.main_text == "The mill reopened."
    assert benchmark_page(tmp_path, "ffff") is None
    assert page_ids(tmp_path) == ["ab12"]
    assert b"3 May 2019" in read_html(tmp_path, "ab12")


def test_wcxb_layout_reads_one_truth_file_per_page(tmp_path):
    _html(tmp_path, "0007")
    (tmp_path / "ground-truth").mkdir()
    (tmp_path / "ground-truth" / "0007.json").write_text(json.dumps({
        "url": "https://shop.example.com/a", "_internal": {"page_type": {"primary": "service"}},
        "ground_truth": {"main_content": "Opening hours", "main_content_markdown": "# Opening hours", "title": "Shop"},
    }), encoding="utf-8")
    page = benchmark_page(tmp_path, "0007")
    assert page is not None and page.page_type == "service"
    assert page.main_texts == ("Opening hours", "# Opening hours", "Shop")
    assert page_ids(tmp_path) == ["0007"]


def test_a_label_set_names_its_benchmark_in_scoring_toml(tmp_path):
    assert pages_of(tmp_path) == DEFAULT_PAGES
    (tmp_path / "scoring.toml").write_text('[pages]\nbenchmark = "scrapinghub"\n', encoding="utf-8")
    assert pages_of(tmp_path) == DEFAULT_PAGES.parent / "scrapinghub"
    (tmp_path / "scoring.toml").write_text('[pages]\nbenchmark = "../elsewhere"\n', encoding="utf-8")
    with pytest.raises(LabelError, match="folder name"):
        pages_of(tmp_path)


def test_a_label_dir_loads_its_pages_from_the_benchmark_it_names(tmp_path):
    pages = tmp_path / "pages"
    _html(pages, "ab12")
    (pages / "ground-truth.json").write_text(json.dumps(
        {"ab12": {"url": "https://news.example.org/mill", "articleBody": "x"}}), encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "ab12.yaml").write_text('page: "ab12"\npage_type: article\nstatements: []\n', encoding="utf-8")
    [page] = load_label_dir(labels, pages)
    assert page.url == "https://news.example.org/mill" and page.site == "news.example.org"
    assert b"mill reopened" in page.content
    with pytest.raises(LabelError, match="not found"):
        load_label_dir(labels, tmp_path / "nowhere")
