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
    ("until August", False),  # one end of one stretch, no range
    ("through December", False),
    ("from May through July", True),
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
    with rules_off(["habitual-present"]):  # the habit rule, and no other, silences it
        assert len(statements(text, models, anchor=ANCHOR)) == 1


@pytest.mark.parametrize(("text", "date_text"), [
    ("Roadworks on the B12 go on until August, the county said.", "until August"),
    ("The footbridge is closed until June.", "until June"),
    ("The voucher is valid until December.", "until December"),
    ("The warden remains in post until January.", "until January"),
    ("Acme said the stoppage continues through December.", "through December"),
    ("The east wing is finished by June.", "June"),
])
def test_a_deadline_or_an_end_of_one_stretch_keeps_its_statement(models, text, date_text):
    assert [s.date.text for s in statements(text, models, anchor=ANCHOR)] == [date_text]


@pytest.mark.parametrize(("text", "date_text"), [
    ("The fair runs from May to August, the gallery said.", "from May to August"),  # a reported present
    ("The new pier is opened in May by the governor.", "May"),  # a passive with a named agent
])
def test_a_reported_present_or_a_named_agent_tells_one_happening(models, text, date_text):
    assert [s.date.text for s in statements(text, models, anchor=ANCHOR)] == [date_text]


def test_a_passive_present_with_no_agent_named_stays_a_habit(models):
    assert statements("The prizes are handed out in June.", models, anchor=ANCHOR) == []
    assert statements("Ripe pears are picked by hand in September.", models, anchor=ANCHOR) == []


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
