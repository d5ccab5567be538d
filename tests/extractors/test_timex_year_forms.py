"""Years written short or left out (extractors.timex.rules.years, .durations): a two-digit year
after an apostrophe, a century left out after an ordinal, a year before a singular "year"."""

from datetime import date

import pytest

from extractors.rule_switches import rules_off, rules_on
from extractors.timex import date_mentions, tag_timexes


def values(text: str, anchor: date | None) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in date_mentions(text, anchor)]


# --------------------------------------------------------------- "in '02"

def test_an_apostrophe_year_after_a_preposition_is_that_year_of_the_page_century():
    text = "The band toured in '03; by ’07, it had split up."
    assert values(text, date(2016, 4, 2)) == [("'03", "2003"), ("’07", "2007")]


def test_an_apostrophe_year_past_the_page_year_is_of_the_century_before():
    assert values("The mill closed in '98 and reopened in '12.", date(2015, 1, 9)) == [("'98", "1998"), ("'12", "2012")]


def test_an_apostrophe_year_in_a_story_takes_the_century_of_the_story():
    text = "In 1787 the assembly met; in 1788 it broke up. The club of '89 was formed later."
    assert ("'89", "1789") in values(text, None)


@pytest.mark.parametrize("text", [
    "Cut a board of '12 inch' pine.",
    "Rock in the '80s was loud.",  # a decade, read by its own rule
    "The file is named '05' in the list.",
])
def test_an_apostrophe_number_that_is_a_size_a_decade_or_a_quoted_name_is_no_year(text):
    assert all(len(m.value) != 4 for m in date_mentions(text, date(2016, 4, 2)))


def test_an_apostrophe_year_is_known_from_the_page_alone():
    found = date_mentions("The shop opened in '04 on the high street.", date(2026, 3, 15), fetched=True)
    assert [(m.text, m.value, m.from_anchor) for m in found] == [("'04", "2004", False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The mine flooded in '27 and shut in '32.", [("'27", "1927"), ("'32", "1932")]),  # past: never after the page
    ("The old pier was rebuilt in '34.", [("'34", "1934")]),
    ("Since '28 the fees have doubled.", [("Since '28", "1928")]),
    ("The new pier will be rebuilt in '34.", [("'34", "2034")]),  # the clause looks ahead
    ("The tunnel should be done by '29.", [("'29", "2029")]),
])
def test_an_apostrophe_year_after_the_page_year_needs_a_clause_that_looks_ahead(text, expected):
    assert values(text, date(2025, 6, 10)) == expected


def test_an_apostrophe_that_opens_a_quoted_title_is_no_year():
    assert values("He wrote a list of '12 rules for cooks' for the paper.", date(2025, 6, 10)) == []


def test_the_apostrophe_year_switch_turns_the_reading_off():
    with rules_off({"apostrophe-year"}):
        assert values("The band toured in '03.", date(2016, 4, 2)) == []


# ----------------------------------------------------- "... in the 16th"

def test_a_bare_ordinal_after_a_century_of_its_sentence_is_a_century():
    text = "Tea reached Lisbon in the 16th century and London in the 17th."
    with rules_on({"century-ellipsis"}):
        assert values(text, None) == [("the 16th century", "15"), ("the 17th", "16")]


@pytest.mark.parametrize("text", [
    "Tea reached Lisbon in the 16th century. The ship docked on the 17th.",  # another sentence
    "The race was held on the 17th and the fair on the 18th.",  # no century named
    "The 17th-century mill reopens on the 19th.",  # a day, after "on"
    "The 19th-century stable was rebuilt from the 2nd and the 3rd.",  # too far from the century named
    "In the 19th century the mill was ranked the 18th.",  # a rank, no preposition of time
])
def test_a_bare_ordinal_with_no_century_in_its_sentence_is_no_century(text):
    with rules_on({"century-ellipsis"}):
        found = date_mentions(text, date(2020, 5, 5))
    assert all(m.precision != "century" or "century" in m.text for m in found)


def test_the_century_ellipsis_switch_is_off_by_default():
    assert values("Tea reached Lisbon in the 16th century and London in the 17th.", None) == [
        ("the 16th century", "15")]


# ------------------------------------------------- "the 2024 calendar year"

@pytest.mark.parametrize(("text", "expected"), [
    ("Grants for the 2024 calendar year were paid.", ("2024", "2024")),
    ("Fees rose in the 2023 school year.", ("2023", "2023")),
])
def test_a_year_before_a_singular_year_noun_names_that_year(text, expected):
    with rules_on({"year-of-year-noun"}):
        assert values(text, date(2024, 11, 27)) == [expected]


@pytest.mark.parametrize("text", [
    "The dam was sized for a 1500 year storm.",  # a size: no period noun between
    "Engineers planned for the worst 1200 year drought.",
])
def test_a_number_before_year_with_no_period_noun_between_is_no_year(text):
    with rules_on({"year-of-year-noun"}):
        found = values(text, date(2024, 11, 27))
    assert all(v not in ("1500", "1200") for _, v in found)


def test_a_count_before_a_plural_year_noun_stays_a_duration():
    with rules_on({"year-of-year-noun"}):
        tagged = tag_timexes("The vault stood for 2000 calendar years.", date(2024, 1, 1))
    assert [t.value for t in tagged] == ["P2000Y"]
    assert [t.value for t in tag_timexes("The vault stood for 2000 calendar years.", date(2024, 1, 1))] == ["P2000Y"]


def test_the_year_of_year_noun_switch_is_off_by_default():
    assert values("Grants for the 2024 calendar year were paid.", date(2024, 11, 27)) == []


