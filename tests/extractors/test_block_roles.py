"""Block roles: what the cleaner says each block of a page is, and which
blocks may carry a dated statement."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from extractors.block_roles import (
    Piece,
    block_at,
    calendar_entries,
    dated_sections,
    is_sentence_like,
    join_blocks,
    line_role,
    looks_like_heading,
    may_state,
    role_at,
)
from extractors.clean import clean_page
from extractors.timex import date_mentions
from extractors.types import BlockRole, DateMention, TextBlock

H, P, LI, TD = BlockRole.HEADING, BlockRole.PARAGRAPH, BlockRole.LIST_ITEM, BlockRole.TABLE_CELL

PROSE = (
    "The council met in the town hall on a wet evening and agreed, after a long debate, "
    "to rebuild the old bridge over the river before the winter."
)


def page(body: str, head: str = "<title>A page</title>"):
    html = f"<html><head>{head}</head><body><main>{body}</main></body></html>"
    return clean_page(html.encode(), content_type="text/html")


def roles(p) -> list[tuple[str, BlockRole, int | None]]:
    return [(p.text[b.char_start : b.char_end], b.role, b.level) for b in p.blocks]


def test_blocks_tile_the_text_in_order():
    p = page(f"<h1>Bridge news</h1><p>{PROSE}</p><h2>What next</h2><p>{PROSE}</p>")
    spans = [(b.char_start, b.char_end) for b in p.blocks]
    assert spans == sorted(spans)
    assert all(a < b for a, b in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    # every character of the text outside the separators belongs to a block
    covered = "".join(p.text[s:e] for s, e in spans)
    assert covered == p.text.replace("\n\n", "").replace(" | ", "")


def test_heading_levels_and_paragraphs():
    p = page(f"<h1>Bridge news</h1><p>{PROSE}</p><h2>What next</h2><p>{PROSE}</p><h3>Costs</h3><p>{PROSE}</p>")
    got = roles(p)
    assert got[0] == ("Bridge news", H, 1)
    assert ("What next", H, 2) in got
    assert ("Costs", H, 3) in got
    assert sum(1 for _, role, _ in got if role is P) == 3


def test_list_items_table_cells_quotes_and_captions():
    p = page(
        f"<h1>Bridge news</h1><p>{PROSE}</p>"
        "<ul><li>The old bridge was built of stone in 1820 by the county.</li>"
        "<li>The new one will be built of steel and open to cyclists.</li></ul>"
        "<table><tr><th>Year</th><th>Crossings</th></tr><tr><td>2019</td><td>1.2 million</td></tr></table>"
        f"<blockquote>We will not let the town be cut in two, said the mayor after the vote.</blockquote>"
        "<figure><img src='x.jpg'><figcaption>The bridge in 2019</figcaption></figure>"
        f"<p>{PROSE}</p>"
    )
    got = {text: role for text, role, _ in roles(p)}
    assert got["The old bridge was built of stone in 1820 by the county."] is LI
    cells = {t: r for t, r in got.items() if t in ("Year", "Crossings", "2019", "1.2 million")}
    assert len(cells) >= 2 and set(cells.values()) == {TD}
    assert got["We will not let the town be cut in two, said the mayor after the vote."] is BlockRole.QUOTE
    assert got["The bridge in 2019"] is BlockRole.CAPTION


def test_bylines_calls_to_action_and_link_lists():
    p = page(
        "<h1>Bridge news</h1><p>By Jane Smith</p>"
        f"<p>{PROSE}</p><p><a href='/more'>Read more</a></p>"
        "<p><a href='/book'>Book your place</a></p>"
        "<p>Tags: <a href='/t/1'>Bridges</a> | <a href='/t/2'>Council</a> | <a href='/t/3'>Transport</a></p>"
        f"<p>{PROSE}</p>"
    )
    got = {text: role for text, role, _ in roles(p)}
    assert got["By Jane Smith"] is BlockRole.BYLINE
    assert got.get("Read more", BlockRole.CALL_TO_ACTION) is BlockRole.CALL_TO_ACTION
    assert got["Book your place"] is BlockRole.CALL_TO_ACTION
    assert got["Tags: Bridges | Council | Transport"] is BlockRole.LINK_LIST


EVENTS = (
    "<h1>Upcoming events</h1>"
    "<p>Our spring series brings researchers from across the region to talk about their work, "
    "and all of the events are free and open to the public.</p>"
    "<div><h3>10 April 2025, 18:00</h3><h4>The chemistry of ancient pigments</h4>"
    "<p>Dr Jane Smith of the University of Leeds will explain how medieval painters made their colours.</p>"
    "<p><a href='/book/1'>Book your place</a></p></div>"
    "<div><h3>24 April 2025, 19:00</h3><h4>Rivers in a changing climate</h4>"
    "<p>Professor Tom Brown describes twenty years of measurements on the river and what they tell us.</p>"
    "<p><a href='/book/2'>Book your place</a></p></div>"
)


def test_event_listing_keeps_its_dated_headings():
    p = page(EVENTS)
    got = roles(p)
    assert ("10 April 2025, 18:00", H, 3) in got
    assert ("24 April 2025, 19:00", H, 3) in got
    assert ("The chemistry of ancient pigments", H, 4) in got


def test_a_byline_date_stays_page_metadata():
    p = page(f"<h1>Bridge news</h1><div>3 March 2021</div><p>{PROSE}</p>")
    assert "3 March 2021" not in p.text
    assert p.published_at is not None and p.published_at.date() == date(2021, 3, 3)


def test_a_date_heading_dates_the_item_its_section_describes():
    p = page(EVENTS)
    blocks = p.blocks
    heading = next(b for b in blocks if p.text[b.char_start : b.char_end] == "10 April 2025, 18:00")
    date_span = DateMention(heading.char_start, heading.char_start + 13, "10 April 2025", date(2025, 4, 10),
                            date(2025, 4, 10), "day", value="2025-04-10")
    (section,) = dated_sections(p.text, blocks, [date_span])
    assert p.text[section.target.char_start : section.target.char_end].startswith("Dr Jane Smith")
    # nor does a date heading only the layout shows (a forum post's timestamp)
    bare = TextBlock(heading.char_start, heading.char_end, H, None)
    assert dated_sections(p.text, [bare, *[b for b in blocks if b.char_start > heading.char_start]], [date_span]) == []
    # a heading with more than a date in it does not date its section
    title = next(b for b in blocks if p.text[b.char_start : b.char_end] == "The chemistry of ancient pigments")
    assert dated_sections(p.text, [title], [DateMention(title.char_start, title.char_start + 3, "The", date(2025, 4, 10),
                                                          date(2025, 4, 10), "day")]) == []


def test_plain_text_roles():
    text = (
        "Bridge to reopen in spring\n\n"
        "By Jane Smith\n\n"
        f"{PROSE}\n\n"
        "What happens next?\n\n"
        f"{PROSE}\n\n"
        "  • The old bridge closed in May 2023.\n"
        "  • The new one opens in 2026.\n\n"
        "Home | News | Sport | Contact\n\n"
        "Read more\n"
    )
    p = clean_page(text.encode(), content_type="text/plain")
    got = roles(p)
    assert got[0] == ("Bridge to reopen in spring", H, 1)
    assert ("By Jane Smith", BlockRole.BYLINE, None) in got
    assert ("What happens next?", H, None) in got
    assert ("The old bridge closed in May 2023.", LI, None) in got
    assert ("Home | News | Sport | Contact", BlockRole.LINK_LIST, None) in got
    assert ("Read more", BlockRole.CALL_TO_ACTION, None) in got


def test_plain_text_title_line_over_a_caption_is_cut_off():
    text = f"Nasa Space Telescope\nThis image provided by NASA on Monday shows a galaxy cluster far away.\n\n{PROSE}\n"
    p = clean_page(text.encode(), content_type="text/plain")
    assert roles(p)[0] == ("Nasa Space Telescope", H, 1)
    assert roles(p)[1][0].startswith("This image provided by NASA")


def test_a_hard_wrapped_paragraph_is_not_cut():
    text = ("The council met in the town hall on a wet evening and agreed\n"
            "to rebuild the old bridge over the river before the winter.\n")
    p = clean_page(("Title\n\n" + text + "\n" + PROSE).encode(), content_type="text/plain")
    assert [r for _, r, _ in roles(p)] == [H, P, P]


@pytest.mark.parametrize(
    ("role", "text", "ok"),
    [
        (P, "The bridge opened in 1820.", True),
        (LI, "The bridge opened in 1820.", True),
        (BlockRole.QUOTE, "We opened it in 1820, he said.", True),
        (H, "The bridge in 1820", False),
        (H, "Why did the bridge close in 1820?", False),
        (H, "De-risk tomorrow by boosting your defences today.", False),
        (BlockRole.BYLINE, "By Jane Smith, 3 May 2021", False),
        (BlockRole.DATELINE, "Updated 3 May 2021 | 5 min read", False),
        (BlockRole.CALL_TO_ACTION, "Book now for 10 April", False),
        (BlockRole.LINK_LIST, "Archive: May 2021", False),
        (BlockRole.CAPTION, "The bridge in 2019", False),
        (BlockRole.CAPTION, "This photo released by the space agency on Monday, July 11, 2022, depicts a galaxy group. (NASA via AP)", True),
        (TD, "2019", False),
        (TD, "The bridge reopened to traffic in March 2021.", True),
    ],
)
def test_which_roles_may_state(role, text, ok):
    block = TextBlock(0, len(text), role)
    assert may_state(block, text) is ok


def test_a_table_row_is_one_line_with_one_block_per_cell():
    text, blocks = join_blocks([[Piece("Year", TD), Piece("Visitors", TD)], [Piece("2019", TD), Piece("1.2 million", TD)]])
    assert text == "Year | Visitors\n\n2019 | 1.2 million"
    assert [text[b.char_start : b.char_end] for b in blocks] == ["Year", "Visitors", "2019", "1.2 million"]


def test_role_at_and_block_at():
    text, blocks = join_blocks([[Piece("Title", H, 1)], [Piece("a", TD), Piece("b", TD)], [Piece(PROSE, P)]])
    assert text.startswith("Title\n\na | b\n\n")
    assert role_at(blocks, 0) is H
    assert role_at(blocks, text.index("b |") if "b |" in text else text.index("| b") + 2) is TD
    assert role_at(blocks, text.index("The council")) is P
    assert role_at(blocks, 5) is None  # the blank line between blocks
    assert block_at(blocks, len(text)) is None
    assert may_state(None, text)  # no block information: not judged


def test_place_dates_gives_each_date_its_block_and_whether_it_may_state():
    from extractors.block_roles import place_dates

    text, blocks = join_blocks([[Piece("Title 2019", H, 1)], [Piece(PROSE, P)]])

    def at(i: int) -> DateMention:
        return DateMention(i, i + 1, text[i], date(2019, 1, 1), date(2019, 12, 31), "year")

    dates = [at(text.index("2019")), at(text.index("The council")), at(text.index("Title") + len("Title 2019") + 1)]
    placed = place_dates(blocks, text, dates)
    assert [p.date for p in placed] == dates
    assert [(p.block, p.stating) for p in placed] == [
        (block_at(blocks, d.char_start), may_state(block_at(blocks, d.char_start), text)) for d in dates]
    assert [p.stating for p in placed] == [False, True, True]  # a heading; prose; the blank line (no block)
    assert placed[2].block is None


def test_line_rules():
    assert looks_like_heading("The chemistry of ancient pigments")
    assert not looks_like_heading("The telescope was launched on 25 December 2021 and")
    assert not looks_like_heading(PROSE)
    assert not looks_like_heading("42% Of volunteers joined through a friend in 2023")  # a statistic's callout
    assert looks_like_heading("10 Ways to plant a balcony garden")
    assert line_role("By 2030 the city will have grown") is None
    assert line_role("Written by Tom van Dijk, Science editor") is BlockRole.BYLINE
    assert line_role("More than 200 people came to the opening") is None
    assert is_sentence_like("The bridge reopened to traffic in March 2021.")
    assert not is_sentence_like("Webb Telescope image 7/12/22")


def test_fallback_pages_have_paragraph_blocks():
    from extractors.clean import _fallback

    p = _fallback("<p>one line</p><p>another line</p>", "html")
    assert [(p.text[b.char_start : b.char_end], b.role) for b in p.blocks] == [("one line", P), ("another line", P)]


def test_statements_skip_headings_and_date_headings_date_their_section(models):
    body = (
        "<h1>Bridge works in 2024</h1>"
        "<p>The council approved the plan to rebuild the bridge in March 2023 after a long debate.</p>"
        + EVENTS
    )
    doc = _read(f"<main>{body}</main>", datetime(2025, 3, 1, tzinfo=UTC), models)
    by_date = {(st.date.text, st.sentence.split()[0]) for st in doc.statements}
    assert ("March 2023", "The") in by_date
    assert not any(st.date.text == "2024" for st in doc.statements)  # the headline's year
    talks = {st.sentence.split()[1]: st for st in doc.statements if st.date.date_start.month == 4}
    assert set(talks) == {"Jane", "Tom"}
    assert talks["Jane"].date.date_start == date(2025, 4, 10) and talks["Jane"].trigger == "explain"
    assert talks["Tom"].date.date_start == date(2025, 4, 24)


def test_a_dropped_section_heading_over_kept_text_is_kept_but_not_a_title_or_a_teaser_link():
    from extractors.html_text import promote_headings
    from extractors.segmentation import parse_html, segment

    html = (
        "<html><body><h1>The page title</h1><ol>"
        "<li><h3>1. The whale skeleton</h3><p>The blue whale skeleton was installed in the main hall.</p></li>"
        "<li><h3><a href='/other'>Another story</a></h3><p>A teaser of another page on the same site.</p></li>"
        "</ol><h2>Comments</h2><p>First!</p></body></html>"
    )
    seg = segment(parse_html(html))
    for b in seg.blocks:
        b.keep = b.tag == "p"
    promote_headings(seg)
    kept = {b.text for b in seg.blocks if b.keep}
    assert "1. The whale skeleton" in kept
    assert "The page title" not in kept  # the <h1> is the title, kept apart as metadata
    assert "Another story" not in kept  # a heading that is a link
    assert "Comments" not in kept  # a related/comments heading never is


def test_a_subtitle_under_the_headline_stays():
    p = page(f"<h1>Bridge to reopen</h1><p class='subtitle'>Repairs took two years longer than planned</p><p>{PROSE}</p>")
    got = roles(p)
    assert ("Repairs took two years longer than planned", H, None) in got


def test_a_sentence_with_a_date_of_its_own_is_not_dated_by_its_section_heading():
    from extractors.section_statements import sentences_with_dates

    body = ("<h1>Society events</h1><h3>10 April 2025, 18:00</h3>"
            "<p>Last month the society elected a new board in Leeds.</p>"
            "<h3>24 April 2025, 19:00</h3><p>Dr Jane Smith explains how the Romans built their roads.</p>")
    p = page(body)

    def day_of(text: str) -> DateMention:
        i = p.text.index(text)
        return DateMention(i, i + 13, text[:13], date(2025, 4, int(text[:2])), date(2025, 4, int(text[:2])), "day")

    # the undated page's "last month" was dropped (known from the fetch day alone): the headings' dates remain
    dates = [day_of("10 April 2025, 18:00"), day_of("24 April 2025, 19:00")]
    sentences = [(b.char_start, b.char_end) for b in p.blocks if b.role is P]
    dated = {p.text[s:e].split()[0]: ds.date.text for (s, e), ds in sentences_with_dates(p, sentences, dates)}
    assert dated == {"Dr": "24 April 2025"}  # not "Last month ... elected" on 10 April


def _thread_html(posts: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<article class="message"><div class="message-attribution"><ul><li><a href="/p/{i}"><time>{day}</time></a></li>'
        f'<li><a href="#">#{i + 1}</a></li></ul></div><div class="message-body">{words}</div>'
        f'<div class="message-actions"><a href="#">Reply</a></div></article>'
        for i, (day, words) in enumerate(posts)
    )
    return (f"<html><head><title>Fish only tank</title></head><body><main><h1>Fish only tank</h1>{body}</main>"
            f'<aside><h3>Similar threads</h3><ul><li><a href="/t/1">Reef tank</a></li><li><time>Jan 20, 2026</time></li>'
            f"</ul></aside></body></html>")


THREAD = [
    ("Mar 6, 2024", "I just got a fifty gallon tank and stand for free and I am planning a fish only tank with live rock."),
    ("Mar 7, 2024", "Sounds like a great plan. Keep us posted on how the rock work turns out over the next weeks."),
    ("Feb 21, 2026", "So this tank is still not set up. November of last year my other tank finally restabilized."),
]


def test_a_threads_posts_count_their_relative_dates_from_their_own_datelines():
    from extractors.anchoring import page_date_mentions
    from extractors.block_roles import post_sections
    from extractors.rule_switches import rules_off

    p = clean_page(_thread_html(THREAD).encode(), content_type="text/html")
    sections = post_sections(p.text, p.blocks)
    assert [day for _, _, day in sections] == [date(2024, 3, 6), date(2024, 3, 7), date(2026, 2, 21)]
    assert p.text[sections[2][0]:sections[2][1]].strip().endswith("finally restabilized.")

    def november() -> date:
        _, mentions = page_date_mentions(p, datetime(2026, 3, 1, tzinfo=UTC))
        return next(m.date_start for m in mentions if m.text == "November of last year")

    assert november() == date(2025, 11, 1)  # from the post's day, 2026-02-21
    with rules_off({"post-dateline"}):
        assert november() == date(2023, 11, 1)  # from the thread's first post
    # one dated line is the page's date, not a thread
    single = clean_page(_thread_html(THREAD[2:]).encode(), content_type="text/html")
    assert post_sections(single.text, single.blocks) == []


def test_dropped_post_datelines_before_kept_posts_are_kept():
    from extractors.html_text import promote_post_datelines
    from extractors.page_meta import is_date_only
    from extractors.segmentation import extract_blocks, parse_html

    seg = extract_blocks(parse_html(_thread_html(THREAD)))
    for b in seg.blocks:  # as a block model might decide: the posts kept, their datelines and the sidebar not
        b.keep = len(b.text) > 40
    promote_post_datelines(seg)
    kept_dates = [b.text.strip() for b in seg.blocks if b.keep and is_date_only(b.text.strip())]
    assert kept_dates == ["Mar 6, 2024", "Mar 7, 2024", "Feb 21, 2026"]  # not the sidebar's "Jan 20, 2026"


SHEET = ("<div><table><tr><th>Brand</th><td>Acme</td></tr><tr><th>Capacity</th><td>64GB</td></tr>"
         "<tr><th>Speed</th><td>6400</td></tr><tr><th>Colour</th><td>Black</td></tr></table>"
         "<table><caption>Additional Information</caption><tr><th>First Listed</th><td>February 10, 2023</td></tr>"
         "</table></div>")


def test_the_dropped_cells_of_a_mostly_kept_data_sheet_are_kept():
    from extractors.html_text import assemble_lines, promote_table_cells
    from extractors.segmentation import extract_blocks, parse_html

    seg = extract_blocks(parse_html(f"<html><body><main>{SHEET}</main></body></html>"))
    for b in seg.blocks:  # as a block model might decide: most of the first table, none of the second
        b.keep = b.row >= 0 and b.text not in ("Colour", "First Listed", "February 10, 2023")
    promote_table_cells(seg)
    assert all(b.keep for b in seg.blocks if b.row >= 0)
    lines, _ = assemble_lines(seg.blocks, seg.elements)
    # the date cell stays a cell of its row (not taken for the page's date line)
    assert [(p.text, p.role) for p in lines[-1]] == [("First Listed", TD), ("February 10, 2023", TD)]
    # a sheet mostly dropped stays dropped
    seg = extract_blocks(parse_html(f"<html><body><main>{SHEET}</main></body></html>"))
    for b in seg.blocks:
        b.keep = b.text in ("Brand", "Acme")
    promote_table_cells(seg)
    assert sum(b.keep for b in seg.blocks) == 2


def test_a_labelled_date_cell_may_state():
    text = "First Listed on Newegg | February 10, 2023\n\nFebruary 10, 2023 | Launch"
    label, cell = TextBlock(0, 22, TD, None), TextBlock(25, 42, TD, None)
    first = TextBlock(44, 61, TD, None)
    assert may_state(cell, text) and not may_state(label, text)
    assert not may_state(first, text)  # a date opening its row has no label


LISTING = (
    "<h1>Gardening events online</h1>"
    "<div><h3>Composting for small balconies</h3><p>Thu, Apr 9, 6:30 PM BST</p><p>Green Corner Club</p></div>"
    "<div><h3>Pruning fruit trees - Spring 2026</h3><p>Sat, Apr 11, 10:00 AM PDT + 2 more</p></div>"
    "<div><h3>Seed swap workshop</h3><p>Tomorrow at 7:00 PM GMT</p></div>"
)


def _read(body: str, fetched: datetime, models):
    """The processed document of a page with this body, fetched at that instant."""
    from extractors.document import DocumentInput, process_documents

    html = f"<html><head><title>x</title></head><body>{body}</body></html>".encode()
    (doc,) = process_documents([DocumentInput("s", "ab" * 32, html, "http://127.0.0.1/x", fetched, "text/html")], models)
    return doc


def _entries(p):
    """The listing entries of a page read on 15 March 2026."""
    from extractors.anchoring import page_date_mentions
    from extractors.block_roles import listing_entries

    return listing_entries(p.text, p.blocks, page_date_mentions(p, datetime(2026, 3, 15, tzinfo=UTC))[1])


def test_a_listings_date_line_dates_the_title_above_it():
    p = page(LISTING)
    entries = _entries(p)
    got = {p.text[e.title.char_start : e.title.char_end]: e.date.date_start for e in entries}
    # the weekday settles the year of an undated page's "Thu, Apr 9"; a served page's "Tomorrow" is the fetch day's
    assert got == {"Composting for small balconies": date(2026, 4, 9),
                   "Pruning fruit trees - Spring 2026": date(2026, 4, 11),
                   "Seed swap workshop": date(2026, 3, 16)}


def test_one_title_over_a_date_line_or_a_labelled_date_is_no_listing():
    one = page("<h1>Gardening</h1><h2>Composting for small balconies</h2><p>Thu, Apr 9, 6:30 PM BST</p>"
               f"<p>{PROSE}</p>")
    assert _entries(one) == []
    labelled = page("<h1>Forum</h1><h3>Composting for small balconies</h3><p>Start date: Thu, Apr 9, 2026</p>"
                    "<h3>Seed swap workshop</h3><p>Start date: Sat, Apr 11, 2026</p>")
    assert _entries(labelled) == []
    # a poster's name or an update label beside the day: a byline, not an entry's date
    bylines = page("<h1>Models</h1><h3>Tulip bulb sorter</h3><p>Updated 6 May 2025</p>"
                   "<h3>Thanks, that helped</h3><p>jdoe 7 May 2025 17:42</p>")
    assert _entries(bylines) == []
    # a weekday alone under a heading is a schedule's day
    week = page("<h1>Training plan</h1><h3>A typical week in May</h3><p>Monday</p><p>Rest and stretch.</p>"
                "<h3>A typical week in June</h3><p>Monday</p><p>Run five miles.</p>",
                head="<title>Plan</title><meta property='article:published_time' content='2025-04-02'>")
    assert _entries(week) == []


@pytest.mark.parametrize("line, live", [
    ("Tomorrow at 12:00 PM GMT", True),
    ("Today at 4:00 PM EDT + 3 more", True),
    # a weekday and a time: the coming one or a weekly one, the line does not say
    ("Wednesday at 4:00 PM EDT + 3 more", False),
    ("Today at 7:00 PM GMT+3", True),
    ("Tomorrow we plant the beans", False),
    ("Wednesday", False),
])
def test_a_live_date_line_is_a_day_word_and_a_clock_time(line, live):
    from extractors.block_roles import is_live_date_line

    assert is_live_date_line(line) is live


def test_a_listing_entry_is_a_statement_of_its_title(models):
    doc = _read(f"<main>{LISTING}</main>", datetime(2026, 3, 15, tzinfo=UTC), models)
    got = {st.sentence: st.date.date_start for st in doc.statements}
    # the title's happening noun is the trigger, else the entry is an event
    assert {st.sentence.split()[0]: st.trigger for st in doc.statements} == {
        "Composting": "event", "Pruning": "event", "Seed": "workshop"}
    assert got == {"Composting for small balconies": date(2026, 4, 9),
                   "Pruning fruit trees - Spring 2026": date(2026, 4, 11),
                   "Seed swap workshop": date(2026, 3, 16)}


def test_a_weekly_schedule_of_weekday_lines_is_no_listing():
    p = page("<h1>Our club</h1><h3>Beginners' circle</h3><p>Monday at 6:00 PM</p>"
             "<h3>Repair cafe</h3><p>Thursday at 11:30 AM</p>")
    assert _entries(p) == []
    # one dated entry does not make relative lines beside it a listing either
    q = page("<h1>Our club</h1><h3>Beginners' circle</h3><p>Thu, Apr 9, 6:30 PM BST</p>"
             "<h3>Repair cafe</h3><p>Tomorrow at 11:30 AM</p>")
    assert _entries(q) == []


def test_weekday_lines_under_titles_date_nothing(models):
    body = ("<h1>Our club</h1><h3>Bicycle repair night</h3><p>Friday at 6:00 PM</p>"
            "<h3>Composting class</h3><p>Saturday at 7:30 PM</p>")
    doc = _read(f"<main>{body}</main>", datetime(2026, 3, 18, tzinfo=UTC), models)
    # a weekday line is not dated to the Friday before the fetch day (2026-03-13), nor to any:
    # the coming Friday or every Friday, the page does not say
    assert [(st.sentence, st.date) for st in doc.statements if st.date is not None] == []


def test_date_lines_above_their_titles_are_not_paired_with_the_next_title():
    p = page("<h1>Upcoming</h1><p>Thu, Apr 9, 6:30 PM BST</p><h3>Composting for small balconies</h3>"
             "<p>Sat, Apr 11, 10:00 AM PDT</p><h3>Pruning fruit trees</h3>"
             "<p>Mon, Apr 13, 7:00 PM GMT</p><h3>Seed swap workshop</h3>")
    assert _entries(p) == []


def test_a_forum_posters_rank_over_a_post_dateline_is_no_listing_entry():
    p = page("<h1>Which bulbs for shade?</h1>"
             "<div><h4>Senior Member</h4><div>Feb 3, 2024</div><p>I planted snowdrops under the oak last autumn.</p></div>"
             "<div><h4>Former Moderator</h4><div>Feb 5, 2024</div><p>Bluebells did well for me in deep shade.</p></div>")
    assert _entries(p) == []


def _item_days(body: str) -> list[date]:
    from extractors.block_roles import item_sections
    from extractors.timex import date_mentions

    p = page(body + f"<h2>About the town</h2><p>{PROSE}</p>")
    return [d for _, _, d in item_sections(p.text, p.blocks, date_mentions(p.text, date(2026, 1, 10)))]


def test_item_sections_date_line_under_the_title_or_a_byline_under_the_teaser():
    under_title = ("<h3>Choir wins regional prize</h3><div>11/06/2025 | Town Gazette</div><p>The choir won it today.</p>"
                   "<h3>Library extends its hours</h3><div>10/28/2025 | Town Gazette</div><p>It opened late yesterday.</p>")
    assert _item_days(under_title) == [date(2025, 11, 6), date(2025, 10, 28)]
    byline_below = ("<h3>Choir wins regional prize</h3><p>The choir won it on Tuesday.</p><p>Town Gazette • Nov. 6, 2025</p>"
                    "<h3>Library extends its hours</h3><p>It opened late yesterday.</p><p>Town Gazette • Oct. 28, 2025</p>")
    assert _item_days(byline_below) == [date(2025, 11, 6), date(2025, 10, 28)]
    glued = ("<h3>Choir wins regional prize</h3><p>The choir won it today.</p><div>6 November 2025Town Gazette</div>"
             "<h3>Library extends its hours</h3><p>It opened yesterday.</p><div>28 October 2025Town Gazette</div>")
    assert _item_days(glued) == [date(2025, 11, 6), date(2025, 10, 28)]


def test_item_sections_a_relative_date_line_takes_the_day_of_its_machine_time():
    # a news river: "1 year ago" shown, the <time datetime> gives the day the item's "on Tuesday" counts from
    river = ('<h3>Sonos shows its first headphones</h3><p>On Tuesday, Sonos announced the Ace headphones.</p>'
             '<div>Jane Doe <time datetime="2024-05-21T12:42:37+00:00">1 year ago</time></div>'
             '<h3>Beats updates its Solo line</h3><p>The new Solo 4 was announced on Tuesday.</p>'
             '<div>John Roe <time datetime="2024-04-30T09:00:00+00:00">1 year ago</time></div>')
    assert _item_days(river) == [date(2024, 5, 21), date(2024, 4, 30)]
    from extractors.rule_switches import rules_off

    with rules_off(["machine-day"]):
        assert _item_days(river) == []


def test_item_sections_a_bare_date_below_the_teaser_may_be_the_next_items():
    above = ("<h3>Choir wins regional prize</h3><p>The choir won it today.</p><div>Nov. 6, 2025</div>"
             "<h3>Library extends its hours</h3><p>It opened yesterday.</p><div>Oct. 28, 2025</div>")
    assert _item_days(above) == []
    two_lines = ("<h3>Choir wins regional prize</h3><div>Nov. 6, 2025</div><p>The choir won it today.</p>"
                 "<div>Oct. 30, 2025</div><p>A second item whose title is no heading.</p>"
                 "<h3>Library extends its hours</h3><div>Oct. 28, 2025</div><p>It opened yesterday.</p>"
                 "<h3>Bakery opens</h3><div>Oct. 20, 2025</div><p>It opened on Monday.</p>")
    assert _item_days(two_lines) == [date(2025, 10, 28), date(2025, 10, 20)]


def _calendar(lines: list[str], anchor: date) -> tuple[str, list[tuple[int, int, date]]]:
    text, blocks = join_blocks([[Piece(line, BlockRole.PARAGRAPH)] for line in lines])
    return text, calendar_entries(text, blocks, date_mentions(text, anchor))


CALENDAR = [
    "March 3: Registration for the spring league opens.",
    "April 9: The first round is played. Late entries were accepted until December 12, 2024.",
    "May 14: The second round is played.",
    "Aug. 20: The final is held at the city hall.",
]


def test_a_calendar_entry_takes_the_year_of_the_first_entry_not_of_an_earlier_sentence():
    text, entries = _calendar(CALENDAR, date(2025, 2, 10))
    assert [(text[s:e].split(":")[0], day) for s, e, day in entries] == [("Aug. 20", date(2025, 8, 20))]


def test_a_calendar_whose_days_go_back_is_read_no_way():
    newest_first = ["Aug. 20: The final was held at the city hall.", "May 14: The second round was played.",
                    "April 9: The first round was played."]
    assert _calendar(newest_first, date(2025, 9, 1))[1] == []


def test_one_entry_line_is_no_calendar():
    assert _calendar(["Aug. 20: The final is held at the city hall. It was moved from May 3, 2024."],
                     date(2025, 2, 10))[1] == []


def test_a_word_opening_like_a_month_is_no_entry():
    assert _calendar(["Market 1: Data centres grew.", "Market 2: Cloud services grew."], date(2025, 2, 10))[1] == []


LONG_PROSE = " ".join([PROSE] * 2)


def test_a_dated_standfirst_under_the_headline_is_main_text_with_its_own_role():
    p = page(f"<h1>Bridge to reopen</h1><h2 class='sub-headline'>The council will reopen the old bridge next Monday "
             f"after two years of repairs</h2><p class='byline'>By Jane Doe</p><p>{LONG_PROSE}</p><p>{LONG_PROSE}</p>")
    got = roles(p)
    standfirst = "The council will reopen the old bridge next Monday after two years of repairs"
    assert (standfirst, BlockRole.STANDFIRST, None) in got
    assert may_state(next(b for b in p.blocks if b.role is BlockRole.STANDFIRST), p.text)
    # the article body, as the main-text benchmarks define it, leaves it out
    assert standfirst not in p.body and PROSE in p.body and standfirst in p.text


def test_no_standfirst_from_a_date_label_a_body_paragraph_or_a_page_with_no_body_under_it():
    from extractors.html_text import promote_standfirst
    from extractors.segmentation import parse_html, segment

    def standfirsts(body: str, kept: set[str]) -> list[str]:
        seg = segment(parse_html(f"<html><body>{body}</body></html>"))
        for b in seg.blocks:
            b.keep = b.text in kept or b.chars >= 150
        promote_standfirst(seg)
        return [b.text for b in seg.blocks if b.standfirst]

    sub = "The council will reopen the old bridge next Monday after repairs"
    assert standfirsts(f"<h1>Bridge</h1><h2>{sub}</h2><p>{LONG_PROSE}</p>", set()) == [sub]
    # a dateline whose days have no year, a caption, a link
    assert standfirsts(f"<h1>Bridge</h1><div>Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM</div><p>{LONG_PROSE}</p>",
                       set()) == []
    assert standfirsts(f"<h1>Bridge</h1><h2><a href='/x'>{sub}</a></h2><p>{LONG_PROSE}</p>", set()) == []
    # the body's first paragraph, kept, is no subtitle; nor is a line with no kept text under it
    assert standfirsts(f"<h1>Bridge</h1><p>{LONG_PROSE}</p><h2>{sub}</h2>", set()) == []
    assert standfirsts(f"<h1>Bridge</h1><h2>{sub}</h2><p>Short.</p>", set()) == []
    # a masthead's linked site title is no headline: the article's <h1> after it is
    assert standfirsts(f"<h1><a href='/'>Valley Gazette</a></h1><p>Local news for the valley since 1887, every "
                       f"weekday</p><h1>Bridge</h1><h2>{sub}</h2><p>{LONG_PROSE}</p>", set()) == [sub]
    # the first of the page's kept section headings is no subtitle
    assert standfirsts(f"<h1>Best laptops</h1><h2>Dell XPS 13 (2024): the best laptop for most people</h2>"
                       f"<p>{LONG_PROSE}</p><h2>MacBook Air (2024): the best laptop for students</h2><p>{LONG_PROSE}</p>",
                       {"MacBook Air (2024): the best laptop for students"}) == []
    # a dropped subtitle that tells no time stays out (a kept heading takes the role)
    undated = "The council and the engineers agree on the repairs to the old bridge"
    assert standfirsts(f"<h1>Bridge</h1><h2>{undated}</h2><p>{LONG_PROSE}</p>", set()) == []
    assert standfirsts(f"<h1>Bridge</h1><h2>{undated}</h2><p>{LONG_PROSE}</p>", {undated}) == [undated]
