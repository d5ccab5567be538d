"""Written forms of dates: day-first dotted dates with a two-digit year, slash dates read day first by proof, a comma between a month and its day,
and two periods compared (extractors.timex.rules.days, extractors.timex.mentions)."""

import re
from datetime import date

import pytest

from extractors.rule_switches import rules_off
from extractors.timex import date_mentions

ANCHOR = date(2026, 5, 1)


def values(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.role) for m in date_mentions(text, ANCHOR)]


def test_a_dotted_date_with_a_day_over_twelve_is_read_day_first():
    assert values("Entries closed on 23.02.26 for the show.") == [("23.02.26", "2026-02-23", "point")]


def test_a_dotted_range_is_read_day_first_when_another_date_of_the_page_proves_the_order():
    text = "Spring term: 12.01.26 - 10.04.26\nSummer term: 27.04.26 - 31.07.26"
    assert values(text) == [("12.01.26 - 10.04.26", "2026-01-12/2026-04-10", "range"),
                            ("27.04.26 - 31.07.26", "2026-04-27/2026-07-31", "range")]


def test_a_dotted_date_is_not_read_without_proof_of_its_order():
    assert values("The hall opens on 03.04.26 for the fair.") == []


@pytest.mark.parametrize("text", [
    "Update to version 14.03.26 before the deadline.",
    "The firmware 21.08.25 fixed the fan.",
    "Host 10.15.03.26 answered the call.",  # an address: dotted numbers around it
    "It sells for $19.02.26 a share.",
])
def test_a_dotted_number_that_is_a_version_an_address_or_an_amount_is_no_date(text):
    assert not any(m.precision == "day" for m in date_mentions(text, ANCHOR))


def test_the_dotted_short_year_switch_turns_the_reading_off():
    with rules_off({"dotted-short-year"}):
        assert values("Entries closed on 23.02.26 for the show.") == []


def test_a_comma_between_month_and_day_before_a_written_year_leaves_one_date():
    assert values("Lessons start on Monday, January, 12 2026, at the hall.") == [
        ("Monday, January, 12 2026", "2026-01-12", "point")]
    with rules_off({"month-comma-day"}):
        assert ("Monday, January, 12 2026", "2026-01-12", "point") not in values(
            "Lessons start on Monday, January, 12 2026, at the hall.")


def test_a_month_a_comma_and_a_count_is_no_day():
    assert all(m.value != "2026-01-12" for m in date_mentions("In January, 12 2025 graduates were hired.", ANCHOR))


@pytest.mark.parametrize(("text", "expected"), [
    ("Visits grew 30% in 2025 compared to 2024.", ("2025 compared to 2024", "2024/2025", "range")),
    ("Visits grew 30% in 2025, compared with the previous year.",
     ("2025, compared with the previous year", "2024/2025", "range")),
])
def test_two_periods_compared_are_one_stretch(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize("text", [
    "Black Friday 2025 compared to Black Friday 2024 drew more shoppers.",  # two days, not a stretch
    "Sales in 2025 compared to 2030 targets were low.",  # a later period: no change between them
])
def test_days_and_later_periods_compared_stay_two_dates(text):
    assert all(role == "point" for _, _, role in values(text))


def test_the_compared_periods_switch_leaves_two_dates():
    with rules_off({"compared-periods"}):
        assert [v for _, v, _ in values("Visits grew 30% in 2025 compared to 2024.")] == ["2025", "2024"]


def test_the_last_number_of_a_dotted_date_is_no_day_of_the_month_on_the_next_line():
    text = "Summer term\n\n27.04.26 - 31.07.26\n\nSeptember intake"
    assert ("27.04.26 - 31.07.26", "2026-04-27/2026-07-31", "range") in values(text)
    assert all(not v.endswith("-09-26") for _, v, _ in values(text))


def test_the_proof_of_day_first_order_is_found_once_per_page():
    import time

    from extractors.timex.rules.days import dotted_short_date

    text = "".join(f"Row {i}: due 03.04.26 and 05.06.26.\n" for i in range(3000)) + "Closed 23.02.26.\n"
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d\d\.\d\d\.\d\d", text)]
    began = time.perf_counter()
    assert all(dotted_short_date(text, s, e) for s, e in spans)
    assert time.perf_counter() - began < 2.0


def test_a_slash_date_is_read_day_first_when_another_slash_date_of_the_page_proves_the_order():
    text = "Last post: 01/12/2025 at 6:49 pm\n\nMod Ann\n\n28/11/2025 at 7:07 pm"
    assert ("01/12/2025", "2025-12-01", "point") in values(text)


def test_a_slash_date_is_read_day_first_when_the_page_writes_that_day_out():
    text = "From 03/04/2026 the old plan ends. On Friday, April 3rd, 2026, we switch."
    assert ("03/04/2026", "2026-04-03", "point") in values(text)


@pytest.mark.parametrize("text", [
    "From 03/04/2026 the old plan ends.",  # no proof: month first
    "From 03/04/2026 the old plan ends. It began 01/23/2026 and was posted 24/01/2026.",  # proofs both ways
    "From 03/04/2026 the old plan ends. On March 4, 2026, we switch.",  # the month-first day written out
    "Sign-up starts 03/04/2026.\nOur last fair was on April 3, 2026.",  # the written day in another line
])
def test_a_slash_date_stays_month_first_without_proof_of_the_other_order(text):
    assert ("03/04/2026", "2026-03-04", "point") in values(text)


def test_the_slash_day_first_switch_leaves_month_first():
    with rules_off({"slash-day-first"}):
        assert ("03/04/2026", "2026-03-04", "point") in values(
            "From 03/04/2026 the old plan ends. It was posted 24/01/2026.")
