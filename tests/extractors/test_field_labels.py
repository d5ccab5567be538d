"""Labelled date fields: a short line with one day and a label naming what
the day is of is a dated statement; page dates and bare labels are not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from extractors.field_labels import bracketed_caption, happening_word, labelled_field
from extractors.timex import date_mentions
from extractors.types import BlockRole, TextBlock

H, C, D, P = BlockRole.HEADING, BlockRole.CAPTION, BlockRole.DATELINE, BlockRole.PARAGRAPH


def field_of(line: str, role: BlockRole = H, level: int | None = None):
    block = TextBlock(0, len(line), role, level)
    return labelled_field(line, block, date_mentions(line, date(2026, 1, 1)))


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("March 3, 2021 (Date of Event Which Requires Filing)", " (Date of Event Which Requires Filing)"),
        ("Filed: March 3, 2021", "Filed: "),
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
    ],
)
def test_page_dates_bare_days_and_other_labels_are_not_fields(line: str):
    assert field_of(line) is None


def test_only_blocks_that_state_nothing_by_their_role_are_fields():
    assert field_of("Filed: March 3, 2021", C) is not None
    assert field_of("Filed: March 3, 2021", D) is not None
    assert field_of("Filed: March 3, 2021", P) is None  # a paragraph is read as a sentence


def test_a_marked_up_date_heading_dates_its_section_and_is_no_field():
    assert field_of("Launch event 10 April 2025", H, level=3) is None
    assert field_of("Launch event 10 April 2025", H) is not None


def test_a_bracketed_caption_after_a_day_in_running_text_is_a_field():
    def caption(text: str):
        block = TextBlock(0, len(text), P)
        (d,) = date_mentions(text, date(2026, 1, 1))
        return bracketed_caption(text, block, d)

    text = "Counsel for notices Palo Alto March 8, 2021 (Date of Event Which Requires Filing) If the person has filed"
    field = caption(text)
    assert field is not None and text[field.label_start : field.label_end] == " (Date of Event Which Requires Filing)"
    assert caption("The council met on March 8, 2021 (the day of the vote) in the town hall") is None
    assert caption("The council met on March 8, 2021 (Town Hall) with the mayor") is None  # no happening


def test_happening_words():
    assert all(happening_word(w) for w in ("event", "Filing", "signed", "ratified", "image", "release"))
    assert not any(happening_word(w) for w in ("published", "updated", "posted", "price", "Date", "of"))


def test_a_cover_page_field_and_a_picture_label_are_read_as_statements(models):
    from extractors.document import DocumentInput, process_documents

    text = (
        "Harbour bridge photo 3/14/21\n\n"
        "The old harbour bridge was closed to traffic for repairs after the storm damaged its deck.\n\n"
        "Notices and communications to the named counsel at the address above.\n\n"
        "March 8, 2021\n(Date of Event Which Requires Filing of This Statement)\n\n"
        "If the filing person has filed a statement before on another schedule, check the box below.\n"
    )
    (doc,) = process_documents(
        [DocumentInput("s", "cd" * 32, text.encode(), "http://127.0.0.1/x", datetime(2026, 1, 1, tzinfo=UTC),
                       "text/plain")],
        models,
    )
    got = {(st.date.date_start, st.trigger) for st in doc.statements}
    assert (date(2021, 3, 14), "photo") in got
    assert (date(2021, 3, 8), "event") in got
