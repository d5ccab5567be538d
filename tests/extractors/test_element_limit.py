"""A page with more HTML elements than segmentation.MAX_ELEMENTS is read up to
there (segmenting costs memory per element), and says so."""

from lxml import etree

from extractors import segmentation
from extractors.clean import clean_page
from extractors.segmentation import limit_elements, parse_html


def test_elements_past_the_limit_are_dropped_in_document_order():
    root = parse_html("<html><body><div><p>a</p><p>b<b>c</b></p></div><p>d</p><ul><li>e</li></ul></body></html>")
    assert not limit_elements(root, 100)
    assert limit_elements(root, 5)  # html, body, div, p(a), p(b...)
    assert [el.tag for el in root.iter()] == ["html", "body", "div", "p", "p"]
    assert etree.tostring(root, method="text", encoding="unicode") == "ab"


def test_a_page_over_the_element_limit_is_read_up_to_it_and_says_so(monkeypatch):
    monkeypatch.setattr(segmentation, "MAX_ELEMENTS", 400)
    paragraphs = "".join(f"<p>Testland signed agreement number {i} with NATO.</p>" for i in range(1_000))
    page = clean_page(f"<html><body><main>{paragraphs}</main></body></html>".encode(), content_type="text/html")
    assert page.limited and "400" in page.limited
    assert "agreement number 100 " in page.text and "agreement number 999 " not in page.text
    small = clean_page(b"<html><body><main><p>Testland signed it in 2012.</p></main></body></html>",
                       content_type="text/html")
    assert small.limited is None and "2012" in small.text
