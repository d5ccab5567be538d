"""The year a relative or yearless date counts in (extractors.timex.rules.relative,
extractors.timex.context): the year ahead, the upcoming year, and a yearless day inside a
quarter its sentence names."""

from datetime import date

import pytest

from extractors.rule_switches import rules_off, rules_on
from extractors.timex import date_mentions


def values(text: str, anchor: date | None) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in date_mentions(text, anchor)]


# ----------------------------------------------------------- "the year ahead"

@pytest.mark.parametrize(("anchor", "expected"), [
    (date(2025, 12, 19), "2026"),  # written at the year's end: the next year
    (date(2025, 6, 2), "2026"),
    (date(2026, 1, 5), "2026"),  # written in January: the year just begun
])
def test_the_year_ahead_is_the_coming_year_from_the_page_day(anchor, expected):
    assert values("Boards will favour small projects in the year ahead.", anchor) == [("the year ahead", expected)]


@pytest.mark.parametrize(("anchor", "expected"), [
    (date(2024, 10, 11), "2025"),
    (date(2024, 1, 3), "2024"),
])
def test_the_upcoming_year_is_the_coming_year_from_the_page_day(anchor, expected):
    text = "In 2019 the firm was small. Apps are poised for growth in the upcoming year."
    assert values(text, anchor)[-1] == ("the upcoming year", expected)


def test_upcoming_before_a_unit_other_than_year_is_not_read():
    assert values("Reports give plans for the upcoming month.", date(2025, 3, 17)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2012, the mill geared up for the year ahead.", ("the year ahead", "2013")),
    ("In May 2012, the council set aside funds for the upcoming year.", ("the upcoming year", "2013")),
])
def test_the_year_ahead_counts_from_a_date_of_another_year_its_sentence_names(text, expected):
    assert values(text, date(2025, 6, 10))[-1] == expected


def test_the_year_ahead_of_someone_is_no_date():
    found = values("The club ended the year ahead of every other team.", date(2025, 6, 10))
    assert ("the year ahead", "2026") not in found and all(t != "the year ahead" for t, _ in found)


def test_the_upcoming_year_end_is_not_the_upcoming_year():
    found = values("Staff braced for the upcoming year-end audit.", date(2025, 6, 10))
    assert all("upcoming" not in t for t, _ in found)


def test_the_year_ahead_switch_turns_the_reading_off():
    with rules_off({"year-ahead"}):
        assert values("Boards will favour small projects in the year ahead.", date(2025, 12, 19)) == [
            ("the year", "2025")]
        assert values("Apps are poised for growth in the upcoming year.", date(2024, 10, 11)) == []


# ------------------------------------------ "June 15: Second quarter of 2025 ..."

def test_a_yearless_day_takes_the_year_of_the_quarter_of_its_sentence_that_holds_it():
    text = ("An extension runs to November 15, 2024.\n"
            "June 15: Second quarter of 2025 estimated tax payment is due.\n"
            "Sept. 15: Q3 2025 estimated tax payment is due.")
    with rules_on({"part-of-year-day"}):
        found = values(text, None)
    assert ("June 15", "2025-06-15") in found and ("Sept. 15", "2025-09-15") in found


def test_a_quarter_that_does_not_hold_the_day_gives_it_no_year():
    text = "In 2018 sales were flat.\nOn April 20, first quarter 2019 results were posted."
    with rules_on({"part-of-year-day"}):
        assert ("April 20", "2019-04-20") not in values(text, None)


def test_the_part_of_year_day_switch_is_off_by_default():
    text = "An extension runs to November 15, 2024.\nJune 15: Second quarter of 2025 estimated tax payment is due."
    assert ("June 15", "2024-06-15") in values(text, None)
    with rules_on({"part-of-year-day"}):
        assert ("June 15", "2025-06-15") in values(text, None)
