"""Every temporal rule's examples (data/timex_cases.toml), the rule records'
load-time checks, and the holidays of the calendar words file."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from extractors.calendar_words import HOLIDAYS, Holiday
from extractors.rule_switches import rules_on
from extractors.timex import RULES, Rule, RuleError, tag_timexes
from extractors.timex.rule import check_rules

CASES = tomllib.loads((Path(__file__).parent / "data" / "timex_cases.toml").read_text(encoding="utf-8"))["case"]
RULE_BY_NAME = {r.name: r for r in RULES}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{i}" for i, c in enumerate(CASES)])
def test_rule_example(case):
    rule = RULE_BY_NAME[case["rule"]]
    text = case["text"]
    start = text.index(case["timex"])
    end = start + len(case["timex"])
    # the example exercises its rule: the rule's pattern matches over the expression
    assert any(m.start() < end and start < m.end() for m in rule.pattern.finditer(text))
    with rules_on(case.get("rules_on", ())):  # a rule off by default is tested turned on
        tagged = tag_timexes(text, case.get("anchor"))
    got = [t for t in tagged if (t.char_start, t.char_end) == (start, end)]
    assert len(got) == 1, [(t.text, t.value) for t in tagged]
    assert got[0].value == case["value"]
    assert got[0].mod == case.get("mod")


def test_every_rule_has_an_example():
    assert {r.name for r in RULES} - {c["rule"] for c in CASES} == set()
    assert {c["rule"] for c in CASES} <= set(RULE_BY_NAME)


def _refuse(m, ctx):
    return None


def test_a_rule_missing_a_part_fails_when_built():
    with pytest.raises(TypeError, match="window"):
        Rule("odd", pattern=r"odd", normalise=_refuse, triggers={"odd"}, digits=None)  # type: ignore[call-arg]
    with pytest.raises(RuleError, match="'odd'.*trigger"):
        Rule("odd", pattern=r"odd", normalise=_refuse, triggers=set(), digits=None, window=(10, 10))
    with pytest.raises(RuleError, match="'odd'.*normaliser"):
        Rule("odd", pattern=r"odd", normalise=None, triggers={"odd"}, digits=None, window=(10, 10))  # type: ignore[arg-type]
    with pytest.raises(RuleError, match="'odd'.*pattern"):
        Rule("odd", pattern=r"(odd", normalise=_refuse, triggers={"odd"}, digits=None, window=(10, 10))
    with pytest.raises(RuleError, match="'odd'.*window"):
        Rule("odd", pattern=r"odd", normalise=_refuse, triggers={"odd"}, digits=None, window=(10,))  # type: ignore[arg-type]
    ok = Rule("odd", pattern=r"odd", normalise=_refuse, triggers={"odd"}, digits=None, window=(10, 10))
    with pytest.raises(RuleError, match="defined twice"):
        check_rules([ok, ok])


def test_rule_records_are_complete():
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert callable(r.normalise) and isinstance(r.pattern, re.Pattern)
        assert r.triggers or r.digits is not None
        assert len(r.window) == 2


def test_every_holiday_matched_is_dated():
    for h in HOLIDAYS.values():
        assert all(h.date_in(y) is not None for y in (1850, 1999, 2024, 2030)), h.name
    assert HOLIDAYS["Easter"].date_in(2024) == date(2024, 3, 31)
    assert HOLIDAYS["Good Friday"].date_in(2024) == date(2024, 3, 29)
    assert HOLIDAYS["Memorial Day"].date_in(2024) == date(2024, 5, 27)
    assert HOLIDAYS["Thanksgiving"].date_in(2024) == date(2024, 11, 28)
    assert HOLIDAYS["Election Day"].date_in(2024) == date(2024, 11, 5)
    # named days, not the weekday they fall on
    assert HOLIDAYS["Black Friday"].date_in(2024) == date(2024, 11, 29)
    assert HOLIDAYS["Cyber Monday"].date_in(2024) == date(2024, 12, 2)
    with pytest.raises(ValueError, match="Diwali"):
        Holiday("Diwali")  # no way to date it: refused when the word list is read
    with pytest.raises(ValueError, match="calendar 'hindu'"):
        Holiday("Diwali", month=8, day=15, calendar="hindu")


@pytest.mark.parametrize("name, days", [
    # the first day: Hanukkah begins at sundown the evening before
    ("Hanukkah", {1997: date(1997, 12, 24), 2020: date(2020, 12, 11), 2024: date(2024, 12, 26)}),
    ("Yom Kippur", {1973: date(1973, 10, 6), 2020: date(2020, 9, 28), 2023: date(2023, 9, 25)}),
    # the arithmetical Islamic calendar; in 2030 Ramadan begins twice (January and December): the first
    ("Ramadan", {2020: date(2020, 4, 24), 2024: date(2024, 3, 11), 2030: date(2030, 1, 6)}),
])
def test_holidays_of_the_hebrew_and_islamic_calendars_are_dated(name, days):
    for year, day in days.items():
        assert HOLIDAYS[name].date_in(year) == day


def test_the_holiday_rule_matches_only_holidays_it_dates():
    rule = RULE_BY_NAME["holiday"]
    for name in HOLIDAYS:
        m = rule.pattern.match(name)
        assert m is not None and m.group("hol") == name
    assert rule.pattern.search("during Diwali 2009") is None


def test_holidays_of_other_calendars_are_dated_in_the_year_the_text_gives():
    text = "Hanukkah began, Ramadan ended, and Yom Kippur 2009 fell on a Monday."
    got = [(t.text, t.value) for t in tag_timexes(text, date(2010, 1, 5))]
    assert got == [("Hanukkah", "2009-12-12"), ("Ramadan", "2009-08-22"), ("Yom Kippur 2009", "2009-09-28"),
                   ("Monday", "2010-01-04")]
    # with no year anywhere, a moving holiday is not given the day it had in another year
    assert [(t.text, t.value) for t in tag_timexes("Ramadan ended.")] == [("Ramadan", "XXXX-XX-XX")]
