"""Habits and generic truths: the date's shape and the clause's grammar, not a list of topics."""

from datetime import date

import pytest

from extractors.habits import headline, recurs, time_of_every_year, writes_year
from extractors.rule_switches import rules_off
from tests.extractors.sample_statements import statements

ANCHOR = date(2025, 3, 9)


@pytest.mark.parametrize(("text", "every_year"), [
    ("in June and July", True),
    ("late winter or early spring", True),
    ("the winter months", True),
    ("between midnight and 3 a.m.", True),
    ("from May to August", True),
    ("in June 2024", False),
    ("last winter", False),
    ("this June and next July", False),
    ("between 2019 and 2021", False),
])
def test_a_time_of_every_year_names_no_year_in_any_of_its_parts(text, every_year):
    assert time_of_every_year(text) is every_year


@pytest.mark.parametrize(("text", "year"), [("since 1976", True), ("the 1990s", True), ("the ’90s", True),
                                            ("in June", False), ("the next year", False)])
def test_a_date_writes_its_year_or_not(text, year):
    assert writes_year(text) is year


def test_a_plural_of_a_weekday_or_season_recurs_and_a_written_year_does_not():
    assert recurs("on Mondays", None) and recurs("in the summers", None)
    assert not recurs("on Monday", None) and not recurs("the 2019 summers", None)


@pytest.mark.parametrize("text", [
    "Ripe pears are picked in September.",  # a passive present
    "Its bark peels, which looks odd when the nights grow colder in autumn.",  # a present "when" clause
    "Night porters arrive between midnight and 4 a.m. to sweep the hall.",  # a clock range
    "Pale blossoms are produced in May and June.",  # a range of months
    "The harbour office runs a camera on the pier, showing the boats during the summer.",  # a participle
])
def test_no_statement_from_a_habit_of_every_year(models, text):
    assert statements(text, models, anchor=ANCHOR) == []


def test_the_habit_rule_is_what_silences_a_passive_present_of_every_year(models):
    text = "Ripe pears are picked in September."
    with rules_off(["habitual-present"]):
        assert [s.date.text for s in statements(text, models, anchor=ANCHOR)] == ["September"]


@pytest.mark.parametrize(("text", "value"), [
    ("Sales are forecast to rise 3% annually to $9 billion in 2029.", "2029"),  # a rate, a dated end
    ("We have baked bread every day since 1980.", "1980"),  # a habit within a dated span
    ("Shoppers crowded the arcade in December.", "2024-12"),  # the past: one December
    ("The launch is scheduled for April.", "2025-04"),  # a plan told in the present
])
def test_a_frequency_with_a_written_year_or_a_past_month_stays_a_statement(models, text, value):
    assert [s.date.value for s in statements(text, models, anchor=ANCHOR)] == [value]


def test_a_line_with_no_sentence_end_is_a_headline():
    assert headline("Ferry service returns in May, council says")
    assert not headline("Ferry services return in May.") and not headline('She said "it opens in May."')


def test_a_headline_in_the_present_keeps_its_happening(models):
    text = "Ferry service returns in May, council says"
    assert [s.date.text for s in statements(text, models, anchor=ANCHOR)] == ["May"]


def test_two_seasons_of_a_plural_time_noun_in_the_past_stay_statements(models):
    text = "The autumn and winter seasons brought record crowds."
    assert [s.date.text for s in statements(text, models, anchor=ANCHOR)] == ["The autumn", "winter"]
