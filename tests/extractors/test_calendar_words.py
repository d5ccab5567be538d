"""Calendar words: a month, season or holiday named with no year of its own."""

import pytest

from extractors.calendar_words import CARDINAL_WORDS, MONTH_NAMES, WEEKDAY_NAMES, yearless_period


@pytest.mark.parametrize(("text", "yearless"), [
    ("June", True),
    ("in summer", True),
    ("before Easter", True),
    ("early March", True),
    ("June 2024", False),
    ("last June", False),
    ("next week", False),
])
def test_a_yearless_period_names_a_time_of_every_year(text, yearless):
    assert yearless_period(text) is yearless


def test_full_names_leave_out_the_abbreviations():
    assert len(MONTH_NAMES) == 12 and {"may", "september", "december"} <= MONTH_NAMES
    assert not MONTH_NAMES & {"jan", "sept", "sep", "dec"}
    assert WEEKDAY_NAMES == {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def test_each_whole_number_has_its_own_word_once():
    assert CARDINAL_WORDS["twelve"] == 12 and CARDINAL_WORDS["ninety"] == 90 and CARDINAL_WORDS["thousand"] == 1000
    # other words for a number already named: an article, a count noun, a misspelling; no phrase, no fraction
    assert not CARDINAL_WORDS.keys() & {"a", "an", "single", "dozen", "fourty", "a hundred", "half a"}
    assert len(set(CARDINAL_WORDS.values())) == len(CARDINAL_WORDS)
