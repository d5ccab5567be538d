"""Years that belong to a name or a title are no dates (extractors.not_dates, asked by the tagger)."""

from datetime import date

import pytest

from extractors.rule_switches import rules_off
from extractors.timex import date_mentions

ANCHOR = date(2025, 1, 1)


def _texts(text: str) -> list[str]:
    return [m.text for m in date_mentions(text, ANCHOR)]


@pytest.mark.parametrize("text", [
    "The notice was filed under the National Security and Investment Act 2021.",
    "It is the book which, perhaps, inspired Orwell’s 1984.",
    "Critics still rank Kubrick's 2001, and for good reason.",
    "Inspectors follow the 2017 National Electrical Code.",
    "These are not books from press releases “Coming in 2025”.",
])
def test_a_year_in_a_title_or_statute_name_is_no_date(text):
    assert _texts(text) == []
    with rules_off({"title-year"}):
        assert len(_texts(text)) == 1


@pytest.mark.parametrize(("text", "dates"), [
    ("The Act was passed in 1934.", ["1934"]),
    ("Shares are registered under the Securities Exchange Act of 1934.", ["1934"]),  # enacted then
    ("Apple’s 2024 revenue grew.", ["2024"]),
    ("Acme’s 2024 was strong, the firm said in 2025.", ["2024", "2025"]),
    ("He said: “We will launch the rocket in 2025.”", ["2025"]),
])
def test_a_year_after_a_name_or_an_act_that_dates_something_stays(text, dates):
    assert _texts(text) == dates
