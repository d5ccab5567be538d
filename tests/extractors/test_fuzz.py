"""Property-based tests: the extractors never raise on random or mutated input,
offsets always lie inside the text, dates are valid, ids are deterministic."""

from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.acronyms import find_acronyms
from extractors.clean import NotReadable, clean_page
from extractors.document import DocumentInput, process_documents
from extractors.entities import mentions_from_spans
from extractors.timex import date_mentions, tag_timexes
from extractors.types import DATE_ROLES, TIMEX_TYPES, Precision
from tests.support import MFAT_PAGE

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DATEISH = st.sampled_from([
    "2012", "in 1996", "since 2001", "June 28-30", "12 Sep. 2018", "4 June 2012", "the 1990s", "last month",
    "next year", "two decades ago", "Q3 2014", "summer 2010", "from 2001 to 2014", "1973.02.16", "2012-06-04",
    "on Monday", "today", "annual", "75 years", "may", "we", "one of a", "100M", "of 629", "31/02/2020",
    "February 30, 2019", "0000", "9999", "the 0s", "week 53 of 2021", "until December", "by the end of 2014",
])
WORDS = st.sampled_from(["NATO", "signed", "the", "programme", "with", "New", "Zealand", ",", ".", "\n\n", "(", ")",
                         "IPCP", "and", "in", "was", "formed", "-", "’s", "on", "Individual", "Partnership"])
TEXT = st.lists(st.one_of(DATEISH, WORDS, st.text(max_size=12)), max_size=60).map(" ".join)
TAGS = st.sampled_from(["div", "p", "span", "article", "main", "nav", "footer", "script", "style", "table", "tr",
                        "td", "li", "ul", "h1", "h2", "a", "time", "meta", "br", "iframe", "svg", "template"])


@st.composite
def html_docs(draw):
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(TAGS)
        attrs = draw(st.sampled_from(["", ' class="cookie-banner"', ' id="onetrust-banner-sdk"', ' hidden',
                                       ' datetime="2012-06-04"', ' class="content"', ' style="display:none"']))
        parts.append(draw(st.sampled_from([f"<{tag}{attrs}>", f"</{tag}>", "<!--", "-->", "<![CDATA[", "&amp;",
                                           "&#x0;", "&#99999999;", draw(TEXT)])))
    prefix = draw(st.sampled_from(["", "<!doctype html>", '<?xml version="1.0" encoding="utf-8"?>',
                                   '<meta charset="shift_jis">', "\ufeff"]))
    return (prefix + "".join(parts)).encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), "replace")


@st.composite
def mutated_seed(draw):
    data = bytearray(MFAT_PAGE.read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.integers(0, 2))
        i = draw(st.integers(0, max(0, len(data) - 1)))
        if op == 0:
            del data[i : i + draw(st.integers(1, 200))]
        elif op == 1:
            data[i:i] = draw(st.binary(max_size=50))
        else:
            data[i:i] = draw(st.sampled_from([b"<script>", b"</p>", b"\xff\xfe", b"\x00", b"<div class=cookie>"]))
    return bytes(data)


def _check_page(content: bytes) -> None:
    try:
        page = clean_page(content)
    except NotReadable as exc:
        assert str(exc)
        return
    assert isinstance(page.text, str)
    for dt in (page.published_at, page.updated_at):
        assert dt is None or dt.tzinfo is not None


@FAST
@given(html_docs())
def test_clean_never_raises_on_random_html(content):
    _check_page(content)


@FAST
@given(mutated_seed())
def test_clean_never_raises_on_mutated_pages(content):
    _check_page(content)


@FAST
@given(st.binary(max_size=3000))
def test_clean_never_raises_on_random_bytes(content):
    _check_page(content)


def test_clean_survives_very_deep_nesting():
    _check_page(b"<html><body>" + b"<div>" * 100_000 + b"<p>deep text in 2012</p>" + b"</div>" * 100_000 + b"</body></html>")


@FAST
@given(TEXT, st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
def test_temporal_tagger_is_total_and_consistent(text, anchor):
    for t in tag_timexes(text, anchor):
        assert 0 <= t.char_start < t.char_end <= len(text) and text[t.char_start:t.char_end] == t.text
        assert t.type in TIMEX_TYPES and t.value
        if t.date_start is not None:
            assert t.date_end is not None and t.date_start <= t.date_end and Precision.known(t.precision)
    for m in date_mentions(text, anchor):
        assert 0 <= m.char_start < m.char_end <= len(text) and text[m.char_start:m.char_end] == m.text
        assert m.date_start <= m.date_end and Precision.known(m.precision) and m.role in DATE_ROLES
    assert date_mentions(text, anchor) == date_mentions(text, anchor)


@FAST
@given(TEXT, st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400), st.sampled_from(["ORG", "GPE", "DATE"])),
                      max_size=10))
def test_mention_repairs_keep_offsets_inside_the_text(text, spans):
    spans = [(min(a, b), max(a, b), label) for a, b, label in spans]
    spans = [(max(0, a), min(len(text), b), label) for a, b, label in spans if min(len(text), b) > max(0, a)]
    for m in mentions_from_spans(text, spans, find_acronyms(text)):
        assert 0 <= m.char_start < m.char_end <= len(text) and text[m.char_start:m.char_end] == m.text


@settings(max_examples=15, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_document_reading_is_deterministic_and_in_bounds(models, texts):
    t = datetime(2026, 11, 23, tzinfo=UTC)
    inputs = [DocumentInput(f"s{i}", f"{i:064x}", x.encode(), "file:///x", t, "text/plain") for i, x in enumerate(texts)]
    first = process_documents(inputs, models)
    assert first == process_documents(inputs, models)
    for doc in first:
        if not hasattr(doc, "page"):
            continue
        n = len(doc.page.text)
        assert len(doc.event_ids) == len(doc.statements) == len(set(doc.event_ids))
        for s in doc.statements:
            assert 0 <= s.char_start < s.char_end <= n and 0 <= s.date.char_start < s.date.char_end <= n
            # the date is in the sentence, or is a date heading that dates its section, before it
            assert s.char_start <= s.date.char_start < s.date.char_end <= s.char_end or s.date.char_end <= s.char_start
