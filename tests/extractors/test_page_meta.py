"""Page metadata: dates from meta tags, JSON-LD, <time>, visible lines, URL; titles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.page_meta import clean_title, date_from_url, html_meta, parse_date, parse_date_line
from extractors.segmentation import parse_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-14T09:30:00+01:00", datetime(2024, 3, 14, 8, 30, tzinfo=UTC)),
        ("2024-03-14T09:30:00Z", datetime(2024, 3, 14, 9, 30, tzinfo=UTC)),
        ("2024-03-14", datetime(2024, 3, 14, tzinfo=UTC)),
        ("12 Sep. 2018 13:28", datetime(2018, 9, 12, 13, 28, tzinfo=UTC)),
        ("September 12, 2018", datetime(2018, 9, 12, tzinfo=UTC)),
        ("Sept 3rd, 2020 at 4:15 pm", datetime(2020, 9, 3, 16, 15, tzinfo=UTC)),
        ("3 March 2021", datetime(2021, 3, 3, tzinfo=UTC)),
        ("25/12/2019", datetime(2019, 12, 25, tzinfo=UTC)),
        ("20190704", datetime(2019, 7, 4, tzinfo=UTC)),
    ],
)
def test_parse_date(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_parse_date_rejects_non_dates() -> None:
    assert parse_date("we may meet one of a few") is None
    assert parse_date("2024-13-45") is None
    assert parse_date("") is None


def test_date_lines() -> None:
    line = parse_date_line("Last updated: 12 Sep. 2018 13:28")
    assert line is not None and line.kind == "updated"
    assert line.value == datetime(2018, 9, 12, 13, 28, tzinfo=UTC)
    published = parse_date_line("Published on March 3, 2021")
    assert published is not None and published.kind == "published"
    assert parse_date_line("The treaty was updated in 2018 after long talks between the allies.") is None


def test_url_date() -> None:
    assert date_from_url("https://example.org/2025/09/04/some-story/") == datetime(2025, 9, 4, tzinfo=UTC)
    assert date_from_url("https://example.org/about") is None


def meta_of(html: str, url: str | None = None):
    root = parse_html(html)
    assert root is not None
    return html_meta(root, url)


def test_jsonld_dates_win_and_graph_is_searched() -> None:
    html = """<html><head><title>Deal reached - Coastal Times</title>
    <meta property="article:published_time" content="2020-01-01T00:00:00Z">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Coastal Times"},
      {"@type":"NewsArticle","headline":"Deal reached","datePublished":"2024-09-03T23:40:00+02:00",
       "dateModified":"2024-09-04T07:05:00+02:00"}]}</script></head>
    <body><h1>Deal reached</h1><p>Text.</p></body></html>"""
    meta = meta_of(html)
    assert meta.published_at == datetime(2024, 9, 3, 21, 40, tzinfo=UTC)
    assert meta.updated_at == datetime(2024, 9, 4, 5, 5, tzinfo=UTC)
    assert meta.title == "Deal reached"


def test_meta_tags_then_time_element_then_url() -> None:
    meta = meta_of('<html><head><meta name="pubdate" content="20190704"></head><body><p>x</p></body></html>')
    assert meta.published_at == datetime(2019, 7, 4, tzinfo=UTC)
    meta = meta_of('<html><body><article><p class="byline"><time datetime="2022-02-02T10:00">2 Feb</time></p></article></body></html>')
    assert meta.published_at == datetime(2022, 2, 2, 10, 0, tzinfo=UTC)
    meta = meta_of("<html><body><p>x</p></body></html>", url="https://news.example/2021/05/06/story")
    assert meta.published_at == datetime(2021, 5, 6, tzinfo=UTC)


def test_modified_meta_is_updated_at() -> None:
    meta = meta_of('<html><head><meta property="og:updated_time" content="2023-10-10T10:10:10+00:00"></head><body></body></html>')
    assert meta.updated_at == datetime(2023, 10, 10, 10, 10, 10, tzinfo=UTC)
    assert meta.published_at is None


def test_broken_jsonld_is_ignored() -> None:
    meta = meta_of('<html><head><script type="application/ld+json">{"datePublished": </script></head><body></body></html>')
    assert meta.published_at is None


def test_title_without_site_name() -> None:
    assert clean_title("Harbour bridge reopens | The Harbour Gazette") == "Harbour bridge reopens"
    assert clean_title("Harbour bridge reopens - Gazette", h1="Harbour bridge reopens") == "Harbour bridge reopens"
    assert clean_title("Gazette | Harbour bridge reopens after two years", site_name="Gazette") == (
        "Harbour bridge reopens after two years"
    )
    assert clean_title(None, h1="Only a heading") == "Only a heading"


def test_more_date_forms() -> None:
    assert parse_date("2023 Jan 7") == datetime(2023, 1, 7, tzinfo=UTC)
    assert date_from_url("https://blog.example/articles/2025-12-15+Rust+backend") == datetime(2025, 12, 15, tzinfo=UTC)


def test_visible_dates_near_the_title() -> None:
    from extractors.page_meta import is_date_only, visible_dates

    seen = visible_dates(["How to start", "Published", "July 8, 2025", "By Ann Lee", "Updated on July 9, 2025"])
    assert seen.published == datetime(2025, 7, 8, tzinfo=UTC)  # the label sits in the block before
    assert seen.updated == datetime(2025, 7, 9, tzinfo=UTC)
    assert visible_dates(["Dec 17, 2025Julian K. Arni"]).bare == datetime(2025, 12, 17, tzinfo=UTC)
    assert visible_dates(["The law changed on 3 March 2021. Since then, fines have doubled."]).bare is None
    assert is_date_only("Monday November 18, 2019 7:45 am PST by Joe Rossignol")
    assert not is_date_only("On 3 March 2021 the council met in the town hall")


def test_visible_publication_line_beats_stamped_metadata() -> None:
    html = """<html><head><script type="application/ld+json">{"@type":"BlogPosting",
    "datePublished":"2025-06-24","dateModified":"2025-06-24"}</script></head>
    <body><h1>Pricing a yoga class</h1><div class="meta"><p>Shauna M.</p><p>August 25, 2024</p></div>
    <p>Text of the article, long enough to be a paragraph of the main content of the page.</p></body></html>"""
    from extractors.clean import clean_page

    page = clean_page(html.encode())
    assert page.published_at == datetime(2024, 8, 25, tzinfo=UTC)
    assert page.updated_at == datetime(2025, 6, 24, tzinfo=UTC)
    assert "August 25, 2024" not in page.text


def test_the_date_is_the_day_the_page_states_in_its_own_zone() -> None:
    # an evening post west of Greenwich is the next day in UTC; its date is the stated day
    html = """<html><head><title>Garden notes</title>
    <meta property="article:published_time" content="2021-06-17T20:45:00-04:00"></head>
    <body><h1>Garden notes</h1><p>Text.</p></body></html>"""
    published = meta_of(html).published_at
    assert published == datetime(2021, 6, 18, 0, 45, tzinfo=UTC)  # the same instant
    assert published.date().isoformat() == "2021-06-17"
    assert parse_date("2025-12-19T01:00:00+05:30").date().isoformat() == "2025-12-19"
    assert parse_date("2025-12-19 01:00").tzinfo == UTC  # no zone given: UTC



def test_of_disagreeing_marked_times_the_one_by_the_title_is_the_page_date() -> None:
    side = '<div class="teaser"><span class="date"><time datetime="2025-06-0{d}T12:00:00Z">x</time></span></div>'
    html = ('<html><body><nav>' + side.format(d=1) + side.format(d=2) + '</nav>'
            '<h1>Notes from the field</h1><div class="meta"><time class="datetime" datetime="2017-03-01T12:00:00Z">'
            '03/01/2017</time></div><p>Body text.</p>' + side.format(d=3) + '</body></html>')
    from extractors.rule_switches import rules_off

    assert meta_of(html).published_at == datetime(2017, 3, 1, 12, tzinfo=UTC)
    with rules_off(["time-by-title"]):  # the first marked <time>
        assert meta_of(html).published_at == datetime(2025, 6, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize("line", ["Founded: Dec 11, 2021", "Joined: Mon Jan 01, 2018", "Member since: 3 May 2016"])
def test_a_field_that_dates_something_else_is_no_byline(line: str) -> None:
    from extractors.page_meta import classify_date_block
    from extractors.rule_switches import rules_off

    assert classify_date_block(line) == []
    with rules_off(["field-label-date"]):
        assert classify_date_block(line) != []
    # a label that names the page's own day still dates it
    assert classify_date_block("Posted: May 3, 2024") == [("published", datetime(2024, 5, 3, tzinfo=UTC))]
    assert classify_date_block("Release date: May 3, 2024") == [("published", datetime(2024, 5, 3, tzinfo=UTC))]
    # an unknown label may date the page: only the labels of a profile's or record's fields are refused
    for dated in ("Uploaded: May 3, 2024", "Datum: 03.05.2024", "Author: Jane, May 3, 2024", "Filed: May 3, 2024"):
        assert classify_date_block(dated) == [("bare", datetime(2024, 5, 3, tzinfo=UTC))], dated


def _day(y: int, m: int, d: int, hh: int = 0) -> datetime:
    return datetime(y, m, d, hh, tzinfo=UTC)


def test_a_byline_with_a_clock_and_its_zone_still_shows_the_date() -> None:
    from extractors.page_meta import classify_date_block
    from extractors.rule_switches import rules_on

    line = "By Mary Pole | March 4, 2022 -- 18:40 GMT (10:40 PST) | Topic: Gardens"
    with rules_on(["byline-words"]):
        assert classify_date_block(line) == [("bare", datetime(2022, 3, 4, 18, 40, tzinfo=UTC))]
        # a thread's summary line is no byline: its words are more than a clock's
        assert classify_date_block("2K views 12 replies 5 participants last post by someone Feb 2, 2024") == []
    assert classify_date_block(line) == []  # off by default


def test_the_shown_day_beats_metadata_that_bears_it_out() -> None:
    from extractors.page_meta import DateCandidates, VisibleDates, choose_page_day
    from extractors.rule_switches import rules_off

    shown = VisibleDates(bare=_day(2021, 5, 3), shown=frozenset({_day(2021, 5, 3).date()}))
    # a UTC stamp of the small hours after the shown evening
    evening = DateCandidates(marked_pub=_day(2021, 5, 4, 2), marked_mod=None, visible=shown)
    assert choose_page_day(evening) == _day(2021, 5, 3)
    # the page shows its modified day and hides an older publication date
    modified = DateCandidates(marked_pub=_day(2016, 1, 9), marked_mod=_day(2021, 5, 3, 9), visible=shown)
    assert choose_page_day(modified) == _day(2021, 5, 3)
    with rules_off(["shown-date-agrees"]):
        assert choose_page_day(evening) == _day(2021, 5, 4, 2)
    # a shown day the metadata does not bear out does not beat it
    other = DateCandidates(marked_pub=_day(2019, 2, 1), marked_mod=_day(2020, 7, 7), visible=shown)
    assert choose_page_day(other) == _day(2019, 2, 1)
    # both days shown: the publication date is the page's
    both = VisibleDates(bare=_day(2021, 5, 3), shown=frozenset({_day(2021, 5, 3).date(), _day(2016, 1, 9).date()}))
    assert choose_page_day(DateCandidates(_day(2016, 1, 9), _day(2021, 5, 3, 9), both)) == _day(2016, 1, 9)


def test_a_page_that_shows_only_its_update_day_counts_from_it_when_no_publication_date_is_known() -> None:
    from extractors.page_meta import DateCandidates, VisibleDates, choose_page_day

    shown = VisibleDates(updated=_day(2024, 10, 2), shown=frozenset({_day(2024, 10, 2).date()}))
    # a living page: no publication date anywhere
    assert choose_page_day(DateCandidates(None, None, shown)) == _day(2024, 10, 2)
    # a story whose metadata gives its publication counts from it, whatever update it shows
    assert choose_page_day(DateCandidates(_day(2022, 3, 1), _day(2024, 10, 2), shown)) == _day(2022, 3, 1)
    # a shown publication line wins as before
    stated = VisibleDates(published=_day(2022, 3, 1), updated=_day(2024, 10, 2),
                          shown=frozenset({_day(2022, 3, 1).date(), _day(2024, 10, 2).date()}))
    assert choose_page_day(DateCandidates(_day(2022, 3, 1), _day(2024, 10, 2), stated)) == _day(2022, 3, 1)


def test_a_shown_day_no_time_zone_explains_does_not_beat_the_metadata() -> None:
    from extractors.page_meta import DateCandidates, VisibleDates, choose_page_day, in_some_zone

    assert in_some_zone(_day(2024, 5, 10, 21), _day(2024, 5, 11).date())  # 21:00 UTC is the next day east
    assert not in_some_zone(_day(2024, 5, 10, 9), _day(2024, 5, 11).date())  # 09:00 UTC is nowhere the next day
    assert in_some_zone(_day(2024, 5, 10, 9), _day(2024, 5, 9).date())  # ... but the day before in the west
    assert in_some_zone(_day(2024, 5, 10), _day(2024, 5, 11).date())  # a stamp with no time of day
    # an event's day under the title, a day after a morning publication stamp
    event = VisibleDates(bare=_day(2024, 5, 11), shown=frozenset({_day(2024, 5, 11).date()}))
    assert choose_page_day(DateCandidates(_day(2024, 5, 10, 9), None, event)) == _day(2024, 5, 10, 9)
    assert choose_page_day(DateCandidates(_day(2024, 5, 10, 22), None, event)) == _day(2024, 5, 11)


def test_a_date_bar_showing_the_fetch_day_is_not_the_page_day() -> None:
    from extractors.page_meta import DateCandidates, VisibleDates, choose_page_day

    bar = VisibleDates(bare=_day(2025, 3, 8), shown=frozenset({_day(2025, 3, 8).date()}))
    late = DateCandidates(_day(2025, 3, 7, 20), None, bar, fetched=_day(2025, 3, 8).date())
    assert choose_page_day(late) == _day(2025, 3, 7, 20)
    # fetched on another day, the same shown day is the evening stamp's day in a zone to the east
    assert choose_page_day(DateCandidates(_day(2025, 3, 7, 20), None, bar, fetched=_day(2025, 3, 20).date())) \
        == _day(2025, 3, 8)


def test_relative_days_of_a_page_with_a_date_bar_count_from_its_publication() -> None:
    from extractors.anchoring import page_anchor
    from extractors.clean import clean_page

    html = """<html><head><meta property="article:published_time" content="2025-03-07T20:00:00Z"></head>
    <body><header><div class="today">Saturday, March 8, 2025</div></header><article><h1>Harbour wall repaired</h1>
    <p>The crews finished the repair of the harbour wall yesterday after two weeks of work in the cold.</p>
    </article></body></html>"""
    fetched = datetime(2025, 3, 8, 11, tzinfo=UTC)
    page = clean_page(html.encode(), fetched_at=fetched)
    assert page.dated_at is None
    assert page_anchor(page, fetched).day.isoformat() == "2025-03-07"


def test_the_urls_day_beats_a_utc_stamp_of_the_next_small_hours() -> None:
    from extractors.page_meta import DateCandidates, VisibleDates, choose_page_day
    from extractors.rule_switches import rules_on

    url_day = _day(2020, 8, 11)
    late = DateCandidates(_day(2020, 8, 12, 3), None, VisibleDates(), url_date=url_day)
    with rules_on(["url-day"]):
        assert choose_page_day(late) == url_day
        # an afternoon stamp of the next day is another day, not the same evening
        afternoon = DateCandidates(_day(2020, 8, 12, 15), None, VisibleDates(), url_date=url_day)
        assert choose_page_day(afternoon) == _day(2020, 8, 12, 15)
    assert choose_page_day(late) == _day(2020, 8, 12, 3)  # off by default


def test_an_update_label_is_a_word_of_its_own() -> None:
    from extractors.page_meta import classify_date_block

    # "Update" is no "date" label of publication; a label glued to the text before it still counts
    assert classify_date_block("Update 2020-02-03: the fix held up.") == [("updated", datetime(2020, 2, 3, tzinfo=UTC))]
    assert classify_date_block("GardensMAY 1, 2020Updated: JUNE 02, 2021") == [("updated", datetime(2021, 6, 2, tzinfo=UTC))]


def test_a_day_the_page_may_show_in_either_order_is_shown() -> None:
    from extractors.page_meta import DateCandidates, choose_page_day, visible_dates

    seen = visible_dates(["Notes on tiling", "By Jo Hart | 04.06.2023"])
    assert seen.bare == datetime(2023, 6, 4, tzinfo=UTC)  # read day first
    # the metadata's 6 April is the same line read month first: shown, so it is not overruled
    both = DateCandidates(_day(2023, 4, 6), _day(2024, 1, 9), seen)
    assert choose_page_day(both) == _day(2023, 4, 6)


def test_the_shown_day_anchors_the_page_and_the_publication_date_stays() -> None:
    html = """<html><head><script type="application/ld+json">{"@type":"Article",
    "datePublished":"2021-05-04T02:00:00Z"}</script></head>
    <body><h1>Pruning an old apple tree</h1><p>By Jo Hart</p><p>May 3, 2021</p>
    <p>Text of the article, long enough to be a paragraph of the main content of the page.</p></body></html>"""
    from extractors.anchoring import page_anchor
    from extractors.clean import clean_page

    page = clean_page(html.encode())
    assert page.published_at == datetime(2021, 5, 4, 2, tzinfo=UTC)  # the metadata's publication, as before
    assert page.dated_at == datetime(2021, 5, 3, tzinfo=UTC)
    assert page_anchor(page, datetime(2026, 1, 1, tzinfo=UTC)).day.isoformat() == "2021-05-03"


def test_a_story_showing_only_a_later_update_counts_from_its_publication() -> None:
    html = """<html><head><meta property="article:published_time" content="2023-02-14T15:00:00Z">
    <meta property="article:modified_time" content="2023-06-01T10:00:00Z"></head>
    <body><article><h1>Library reopens</h1><p class="byline">By Sam Lee</p><p>Updated June 1, 2023</p>
    <p>The library reopened yesterday after a refit that took most of the winter to finish.</p>
    <p>Correction: an earlier version of this story misspelled the name of the librarian.</p></article></body></html>"""
    from extractors.anchoring import page_anchor
    from extractors.clean import clean_page

    page = clean_page(html.encode())
    assert page.dated_at is None
    assert page_anchor(page, datetime(2026, 1, 1, tzinfo=UTC)).day.isoformat() == "2023-02-14"
