"""Plain-text pages: paragraphs, boilerplate paragraphs, markers, date lines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors.plain_text import is_boilerplate_paragraph, split_blocks, text_page
from extractors.types import BlockRole

PAGES = Path(__file__).resolve().parents[2] / "examples" / "pages"


def seed(name: str) -> str:
    path = PAGES / name
    assert path.is_file(), f"seed page {path} is missing: it is tracked in git, restore it"
    return path.read_text(encoding="utf-8")


def test_nato_seed_date_line_becomes_updated_at_and_leaves_text() -> None:
    page = text_page(seed("000_d540749bced65822.txt"))
    assert page.updated_at == datetime(2018, 9, 12, 13, 28, tzinfo=UTC)
    assert page.published_at is None
    assert "Last updated" not in page.text
    assert "12 Sep. 2018" not in page.text


def test_nato_seed_bullets_are_blocks_without_markers() -> None:
    page = text_page(seed("000_d540749bced65822.txt"))
    assert "•" not in page.text
    assert "NATO and New Zealand have been engaged in dialogue and cooperation since 2001." in page.blocks[2]
    assert "Since 2012, work is being taken forward through an Individual Partnership and Cooperation Programme." in page.blocks
    # headings are blocks of their own: no sentence runs across them
    assert "Key areas of cooperation" in page.blocks
    assert "\n\nKey areas of cooperation\n\n" in page.text


def test_nato_seed_title_is_first_short_line_and_stays_first_block() -> None:
    page = text_page(seed("000_d540749bced65822.txt"))
    assert page.title == "Relations with New Zealand"
    assert page.blocks[0] == "Relations with New Zealand"


def test_mfat_seed_boilerplate_out() -> None:
    page = text_page(seed("003_74ff5ea0b7a0eaf4.txt"))
    assert "On this page" not in page.text
    assert "cookie" not in page.text.lower()
    assert "Privacy Page" not in page.text
    assert "(external link)" not in page.text
    assert "NATO (North Atlantic Treaty Organisation) is the world’s largest" in page.text
    assert page.text.startswith("NATO is a long-standing")
    assert page.text.rstrip().endswith("most pressing security challenges.")
    assert page.title is None  # the first line is navigation, the next one a paragraph


def test_blocks_are_joined_by_blank_lines() -> None:
    page = text_page("Title here\n\nFirst paragraph line one\nline two.\n\n  • item one\n  • item two\n")
    assert page.text == "Title here\n\nFirst paragraph line one line two.\n\nitem one\n\nitem two"


def test_split_blocks_keeps_numbered_items_with_their_numbers() -> None:
    assert split_blocks("Steps\n1. Open the lid.\n2. Pour the water.") == ["Steps", "1. Open the lid.", "2. Pour the water."]


def test_a_capture_written_one_paragraph_per_line_keeps_its_headings_apart() -> None:
    long = "The telescope launched early on Christmas morning, and the crowd at the site cheered as it rose " * 2
    text = f"{long.strip()}.\nUnveiling the Universe\nOn July 12, 2022, the first image was shown to the press and the public.\n"
    blocks = split_blocks(text)
    assert blocks[1:] == ["Unveiling the Universe", "On July 12, 2022, the first image was shown to the press and the public."]
    # hard-wrapped prose (no line longer than a wrap) stays one paragraph
    assert len(split_blocks("The telescope launched early on Christmas\nmorning, and the crowd cheered.\nIt rose fast.")) == 1


def test_a_table_captured_as_text_is_cut_into_its_rows() -> None:
    table = ("Date Development Share\nreaction\nApril 4 The firm discloses a stake Jumps 5 per cent\n"
             "April 10 The buyer says he will not join Falls 3 per cent\nboard\n"
             "2 May The buyer seeks investors Falls 1 per cent")
    assert split_blocks(table) == [
        "Date Development Share reaction",
        "April 4 The firm discloses a stake Jumps 5 per cent",
        "April 10 The buyer says he will not join Falls 3 per cent board",
        "2 May The buyer seeks investors Falls 1 per cent",
    ]


def test_the_rows_of_a_timeline_are_items_whatever_their_length() -> None:
    page = text_page("Shop news\n\nKey dates\nMarch 1 We open the shop\nMarch 15 We hold the first sale of the "
                     "spring season\nApril 2 We close for the holiday")
    roles = [(page.text[b.char_start : b.char_end], b.role) for b in page.text_blocks]
    assert roles[-3:] == [("March 1 We open the shop", BlockRole.LIST_ITEM),
                          ("March 15 We hold the first sale of the spring season", BlockRole.LIST_ITEM),
                          ("April 2 We close for the holiday", BlockRole.LIST_ITEM)]


@pytest.mark.parametrize(
    "paragraph",
    [
        # hard-wrapped prose whose lines open with days the line above runs on into
        "The committee held public hearings on\nMarch 3, April 7 and\nMay 5, and it will meet again on\n"
        "June 9 to vote on the plan.",
        # a line longer than a wrap that does not end its sentence (a URL in it, a wide wrap)
        "The council said in a notice on its site, https://www.example.gov/roads/closures/2024/spring/"
        "bridge-works-notice-and-schedule.html , that the bridge would close on\nMay 3 for repairs.",
        "After a long debate about the roads, the budget and the future of the town centre, the council met in "
        "the evening, and after midnight it voted on\nMarch 4 to raise the local tax by two per cent.",
        # two day-led lines are a wrapped sentence's, not a table's
        "The board met twice in the spring, first on\nApril 4 and then, after the offer, on\nMay 2 to accept it.",
        # a numeric day without its year opens no row; nor a month with its year
        "Mix the flour\n3/4 of the butter\n1/2 of the sugar\n1/4 of the milk",
        "March 2022 was a record month for the shop\nApril 2022 was not\nMay 2022 neither",
    ],
)
def test_a_paragraph_without_day_led_rows_stays_whole(paragraph: str) -> None:
    assert len(split_blocks(paragraph)) == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        "Skip to main content",
        "On this page",
        "This website uses cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
        "Accept all cookies",
        "Sign up for our newsletter to get the latest news delivered to your inbox.",
        "Share this article",
    ],
)
def test_boilerplate_paragraphs(paragraph: str) -> None:
    assert is_boilerplate_paragraph(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The cookie factory opened in 1921 and employed three hundred people.",
        "On this page we describe the history of the partnership since 2001.",
        "NATO safeguards the security of its members through political and military means.",
    ],
)
def test_content_paragraphs_stay(paragraph: str) -> None:
    assert not is_boilerplate_paragraph(paragraph)


def test_published_line_becomes_published_at() -> None:
    page = text_page("Council budget\n\nPublished: 3 March 2021\n\nThe council approved its budget on Tuesday.")
    assert page.published_at == datetime(2021, 3, 3, tzinfo=UTC)
    assert "Published" not in page.text
