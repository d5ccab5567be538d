"""The clean stage entry point: sniffing, refusals, robustness, the seed pages."""

from __future__ import annotations

import gzip
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.clean import NotReadable, clean_page, sniff_kind
from extractors.types import CleanPage

PAGES = Path(__file__).resolve().parents[2] / "examples" / "pages"

ARTICLE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes | Port News</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Ferry timetable changes</h1>
<p>The island ferry will run every forty minutes from Monday, the operator said, after a second boat returned from repairs.</p>
<p>Evening sailings will be extended until eleven o'clock on Fridays and Saturdays throughout the summer season.</p>
</article></main><footer>Port News 2024</footer></body></html>"""


def test_empty_content_is_not_readable() -> None:
    for content in (b"", b"   \n\t "):
        with pytest.raises(NotReadable) as info:
            clean_page(content)
        assert "empty" in str(info.value)


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("content", "word"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 40, "JPEG"),
        (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20, "GIF"),
        (_zip(), "ZIP"),
        (gzip.compress(b"<html><body>hi</body></html>"), "gzip"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 30, "WebP"),
    ],
)
def test_binary_content_is_not_readable(content: bytes, word: str) -> None:
    with pytest.raises(NotReadable) as info:
        clean_page(content, content_type="text/html")  # a wrong content type does not fool the sniffing
    assert word in str(info.value)
    assert isinstance(info.value, ValueError)


def test_other_media_types_are_not_readable() -> None:
    with pytest.raises(NotReadable) as info:
        clean_page(b'{"a": 1}', content_type="application/json")
    assert "application/json" in str(info.value)
    with pytest.raises(NotReadable):
        clean_page(b"\x00\x01\x02\x03" * 100, content_type=None)


def test_sniffing_html_and_text_whatever_the_content_type() -> None:
    assert sniff_kind(ARTICLE) == "html"
    assert sniff_kind(ARTICLE, "text/plain") == "html"
    assert sniff_kind(ARTICLE, "application/octet-stream") == "html"
    assert sniff_kind(b"Just a note.\n\nSecond paragraph.", "text/html") == "text"
    assert sniff_kind(b"Just a note.\n\nSecond paragraph.") == "text"


def test_html_page() -> None:
    page = clean_page(ARTICLE, content_type="text/html; charset=utf-8", url="https://port.example/ferry")
    assert isinstance(page, CleanPage)
    assert page.kind == "html" and page.encoding == "utf-8" and page.language == "en"
    assert page.title == "Ferry timetable changes"
    assert "every forty minutes" in page.text and "eleven o'clock" in page.text
    assert "Home" not in page.text and "Port News 2024" not in page.text


def test_seed_text_pages() -> None:
    nato = PAGES / "000_d540749bced65822.txt"
    mfat = PAGES / "003_74ff5ea0b7a0eaf4.txt"
    assert nato.is_file() and mfat.is_file(), "seed pages missing from examples/pages: they are tracked in git, restore them"
    page = clean_page(nato.read_bytes())
    assert page.kind == "text" and page.title == "Relations with New Zealand"
    assert page.updated_at == datetime(2018, 9, 12, 13, 28, tzinfo=UTC)
    assert "Last updated" not in page.text
    page = clean_page(mfat.read_bytes(), content_type="text/plain")
    assert "cookie" not in page.text.lower() and "On this page" not in page.text
    assert "(external link)" not in page.text
    assert "NATO (North Atlantic Treaty Organisation) is the world" in page.text


def test_deeply_nested_html_does_not_crash() -> None:
    deep = b"<html><body><p>start</p>" + b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000 + b"</body></html>"
    page = clean_page(deep, content_type="text/html")
    assert isinstance(page, CleanPage)
    unclosed = b"<html><body>" + b"<b><i><span>" * 50_000 + b"x"
    assert isinstance(clean_page(unclosed), CleanPage)


def test_invalid_utf8_does_not_crash() -> None:
    content = b"<html><body><p>caf\xe9 \xff\xfe\x80 ok \xc3\x28</p></body></html>"
    page = clean_page(content, content_type="text/html; charset=utf-8")
    assert "ok" in page.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=1, max_size=2000))
def test_garbage_bytes_never_raise_anything_but_not_readable(content: bytes) -> None:
    try:
        page = clean_page(content)
    except NotReadable:
        return
    assert isinstance(page.text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdivpscript&;#x0123\n")), min_size=1, max_size=600))
def test_garbage_markup_never_raises(markup: str) -> None:
    try:
        page = clean_page(("<html>" + markup).encode("utf-8"), content_type="text/html")
    except NotReadable:
        return
    assert isinstance(page.text, str)
