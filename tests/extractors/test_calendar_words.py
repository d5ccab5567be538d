"""Calendar words: a month, season or holiday named with no year of its own."""

import pytest

from extractors.calendar_words import yearless_period


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
