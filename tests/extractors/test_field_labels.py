"""Labelled date fields: a short line with one day and a label naming what
the day is of is a dated statement; page dates and bare labels are not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from extractors.field_labels import bracketed_caption, happening_word, labelled_field, record_word
from extractors.timex import date_mentions
from extractors.types import BlockRole, TextBlock

H, C, D, P = BlockRole.HEADING, BlockRole.CAPTION, BlockRole.DATELINE, BlockRole.PARAGRAPH


def field_of(line: str, role: BlockRole = H, level: int | None = None):
    block = TextBlock(0, len(line), role, level)
    return labelled_field(line, block, date_mentions(line, date(2026, 1, 1)))


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("March 3, 2021 (Harbour Toll Signing Ceremony)", " (Harbour Toll Signing Ceremony)"),
        ("Date filed: March 3, 2021", "Date filed: "),
        ("Date signed | 22 April 2016", "Date signed | "),
        ("Harbour bridge photo 3/14/21", "Harbour bridge photo "),
    ],
)
def test_a_line_of_a_day_and_a_happening_label_is_a_field(line: str, label: str):
    field = field_of(line)
    assert field is not None
    assert line[field.label_start : field.label_end] == label
    assert field.date.precision == "day"


@pytest.mark.parametrize(
    "line",
    [
        "Published: March 3, 2021",  # the page's own date
        "Last updated March 3, 2021 at 1:00 PM",
        "March 3, 2021",  # no label
        "Price list March 3, 2021",  # no happening in the label
        "Filed: March 2021",  # not a day
        "Open 10AM - 4PM (Closed Sun & Mon)",  # a clock time, not a day
        "Filed: March 3, 2021 and amended May 4, 2021",  # two dates
        "March 3, 2021 Date of Event",  # a label after the day stands in brackets
        "Harbour Bridge To Reopen After Repairs On March 3, 2021",  # a headline, not a label
        "Call for Papers is Open Until March 3, 2021",  # a clause
        "Harbour traffic results for week ending 3 March 2021",  # a headline: too long for a label
        "Filed 2022-07-08",  # a news dateline
        "Joined: 03/04/2021",  # an account's, a shop's or a tracker's furniture
        "Expires: 05/06/2021",
        "Renews 03/04/2021",
        "Opened: 03/04/2021",
        "Closed: 03/04/2021",
        "Start: 03/04/2021",
        "Ends 03/04/2021",
        "Sale ends 03/04/2021",
        "Registration closes: 03/04/2021",
        "Date of birth: 03/04/2021",
        "Release date | 2021-03-04",  # a data sheet's row, whatever the separator
        "Release date: 2021-03-04",
        "Release date 2021-03-04",
    ],
)
def test_page_dates_bare_days_and_other_labels_are_not_fields(line: str):
    assert field_of(line) is None


def test_only_blocks_that_state_nothing_by_their_role_are_fields():
    assert field_of("Date filed: March 3, 2021", C) is not None
    assert field_of("Date filed: March 3, 2021", D) is not None
    assert field_of("Date filed: March 3, 2021", P) is None  # a paragraph is read as a sentence


def test_a_marked_up_date_heading_dates_its_section_and_is_no_field():
    assert field_of("Launch event 10 April 2025", H, level=3) is None
    assert field_of("Launch event 10 April 2025", H) is not None


def test_a_bracketed_caption_after_a_day_in_running_text_is_a_field():
    def caption(text: str):
        block = TextBlock(0, len(text), P)
        (d,) = date_mentions(text, date(2026, 1, 1))
        return bracketed_caption(text, block, d)

    text = "Harbour office notices March 8, 2021 (Toll Charter Signing Day) Tick the box below"
    field = caption(text)
    assert field is not None and text[field.label_start : field.label_end] == " (Toll Charter Signing Day)"
    assert field.fallback  # in running text: read only when the parse gives the day no trigger
    own = "Harbour office notices\nMarch 8, 2021\n(Toll Charter Signing Day)\nTick the box below"
    field = caption(own)
    assert field is not None and not field.fallback  # a form's field: the day and its caption on their own lines
    assert caption("The council met on March 8, 2021 (the day of the vote) in the town hall") is None
    # a form's lines run into one paragraph: other fields' captions in brackets around it, so the day's
    # caption labels it as on lines of its own, whatever verb the parse finds in the run of fields
    flat = ("Harbour Board (Name of Board) Pier Road 12 (Address of Office) Jo Marsh (Person Authorized to "
            "Receive Notices) March 8, 2021 (Toll Charter Signing Day) Tick the box below (Form Number)")
    field = caption(flat)
    assert field is not None and not field.fallback
    two = "Harbour Board (Name of Board) notices March 8, 2021 (Toll Charter Signing Day) at Pier Road (Old Quay)"
    field = caption(two)
    assert field is not None and field.fallback  # two other captions: running text still
    assert caption("The council met on March 8, 2021 (Town Hall) with the mayor") is None  # no happening


def test_happening_words():
    assert all(happening_word(w) for w in ("event", "Filing", "signed", "ratified", "image", "release"))
    assert not any(happening_word(w) for w in ("published", "updated", "posted", "price", "Date", "of"))
    # before a day, only a record's verb, an event noun or a picture noun labels a happening
    assert all(record_word(w) for w in ("filed", "Signed", "signing", "release", "workshop", "photo"))
    assert not any(record_word(w) for w in ("joined", "expires", "renews", "reached", "moved"))


def test_a_cover_page_field_and_a_picture_label_are_read_as_statements(models):
    from extractors.document import DocumentInput, process_documents

    text = (
        "Harbour bridge photo 3/14/21\n\n"
        "The old harbour bridge was closed to traffic for repairs after the storm damaged its deck.\n\n"
        "Notices to the harbour office at the address above.\n\n"
        "March 8, 2021\n(Toll Charter Signing Day)\n\n"
        "Signing ceremony: 4/22/2021\n\n"
        "Tick the box below when the form is sent a second time.\n"
    )
    (doc,) = process_documents(
        [DocumentInput("s", "cd" * 32, text.encode(), "http://127.0.0.1/x", datetime(2026, 1, 1, tzinfo=UTC),
                       "text/plain")],
        models,
    )
    got = {(st.date.date_start, st.trigger) for st in doc.statements}
    assert (date(2021, 3, 14), "photo") in got
    assert (date(2021, 3, 8), "sign") in got  # the happening word as its verb, whatever its tag
    assert (date(2021, 4, 22), "sign") in got


def read(models, text: str):
    from extractors.document import DocumentInput, process_documents

    (doc,) = process_documents(
        [DocumentInput("s", "ab" * 32, text.encode(), "http://127.0.0.1/y", datetime(2026, 1, 1, tzinfo=UTC),
                       "text/plain")],
        models,
    )
    return doc.statements


@pytest.mark.parametrize(
    ("text", "verb", "day", "participant"),
    [
        ("The museum reopens on March 8, 2021 (Grand Opening Event) after two years of repairs by Acme Corp.\n",
         "reopen", date(2021, 3, 8), None),
        ("The treaty was signed on April 22, 2016 (Signing Ceremony Day) in New York by Brazil and France.\n",
         "sign", date(2016, 4, 22), "France"),
    ],
)
def test_a_bracketed_title_in_a_sentence_leaves_the_day_to_the_sentence(models, text, verb, day, participant):
    statements = [st for st in read(models, text) if st.date.date_start == day]
    assert [st.trigger for st in statements] == [verb]
    if participant is not None:
        assert any(participant in p for p in statements[0].participants)


def test_a_label_repeated_over_several_days_is_an_item_field_with_its_agent(models):
    text = (
        "Books we loved this year\n\n"
        "The Glass Orchard\n\n"
        "Released: June 17, 2025 by Tor Books\n\n"
        "A slow, strange story about an orchard that remembers.\n\n"
        "River of Salt\n\n"
        "Released: November 4, 2025 by Atria Books\n\n"
        "A family saga on a salt marsh.\n"
    )
    from extractors.rule_switches import rules_on

    with rules_on({"item-fields"}):  # off by default: it fires on one labelled page alone
        sts = read(models, text)
    got = {(st.date.date_start, st.trigger) for st in sts}
    assert {(date(2025, 6, 17), "release"), (date(2025, 11, 4), "release")} <= got
    # the agent after the day is a participant, whatever the title case of the line
    assert any("Tor Books" in st.participants for st in sts if st.date.date_start == date(2025, 6, 17))


def test_a_single_release_line_stays_the_page_date_not_a_field(models):
    from extractors.rule_switches import rules_on

    text = "Release notes\n\nReleased: June 17, 2025 by admin\n\nThe new version fixes the export bug.\n"
    with rules_on({"item-fields"}):
        assert not [st for st in read(models, text) if st.date.date_start == date(2025, 6, 17)]
