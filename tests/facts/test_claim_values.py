"""Typed claim values: parsing mixed formats, matching, similarity, support."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facts.values import (
    COARSE_SUPPORT,
    DateInterval,
    Number,
    Text,
    TimeOfDay,
    canonical_values,
    compatible,
    day_interval,
    format_value,
    granularity,
    is_missing,
    matches,
    month_interval,
    more_precise,
    parse_value,
    precision_days,
    similarity,
    sort_key,
    support,
    year_interval,
)

SEVEN_TEN = 7 * 3600 + 10 * 60


@pytest.mark.parametrize("raw", ["74,000", "74000", "74000.0", "~74k", "74 000", "about 74,000", "74.0 thousand"])
def test_numbers_in_many_formats_are_one_value(raw):
    assert parse_value(raw) == Number(74000.0)


def test_number_scale_units_and_signs():
    assert parse_value("1.2 million") == Number(1_200_000.0)
    assert parse_value("12%") == Number(12.0, "%")
    assert parse_value("-3.5") == Number(-3.5)
    assert parse_value("5 km") == Number(5.0, "km")
    assert not matches(parse_value("12%"), parse_value("12"))


@pytest.mark.parametrize(
    "raw",
    ["7:10 AM", "07:10", "7:10a", "7:10 a.m.", "7:10am", "07:10:00", "7:10 AM EST", "7.10am", "Scheduled: 7:10 AM"],
)
def test_clock_times_in_many_formats_normalise(raw):
    value = parse_value(raw)
    assert isinstance(value, TimeOfDay)
    assert value.seconds == SEVEN_TEN


@pytest.mark.parametrize(
    ("raw", "hours", "minutes"),
    [
        ("7:10 PM", 19, 10),
        ("19:05 PST", 19, 5),
        ("19h05", 19, 5),
        ("12:00 AM", 0, 0),
        ("12:30 PM", 12, 30),
        ("noon", 12, 0),
        ("7 pm", 19, 0),
    ],
)
def test_clock_time_meridiem_and_zones(raw, hours, minutes):
    assert parse_value(raw) == TimeOfDay(hours * 3600 + minutes * 60)


def test_clock_time_with_a_day():
    assert parse_value("Dec 01 - 7:10 AM") == TimeOfDay(SEVEN_TEN, "--12-01")
    assert parse_value("7:10 AMDec 01") == TimeOfDay(SEVEN_TEN, "--12-01")
    assert parse_value("2011-12-01 07:10") == TimeOfDay(SEVEN_TEN, "2011-12-01")
    assert parse_value("2011-12-01T07:10:00Z") == TimeOfDay(SEVEN_TEN, "2011-12-01")
    assert parse_value("Dec 1, 2011 7:10 PM") == TimeOfDay(SEVEN_TEN + 12 * 3600, "2011-12-01")


def test_clock_times_match_across_formats_but_not_across_days_or_hours():
    assert matches(parse_value("7:10 AM"), parse_value("Dec 01 - 7:10 AM"))
    assert matches(parse_value("Dec 01 - 7:10 AM"), parse_value("2011-12-01 07:10"))
    assert not matches(parse_value("Dec 01 - 7:10 AM"), parse_value("Dec 02 - 7:10 AM"))
    assert not matches(parse_value("7:10 AM"), parse_value("7:10 PM"))


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_clock_format_of_a_time_reads_back_the_same(hour, minute):
    h12 = hour % 12 or 12
    ampm = "AM" if hour < 12 else "PM"
    formats = [
        f"{h12}:{minute:02d} {ampm}",
        f"{hour:02d}:{minute:02d}",
        f"{h12}:{minute:02d}{ampm[0].lower()}",
        f"Dec 01 - {h12}:{minute:02d} {ampm}",
        f"2011-12-01 {hour:02d}:{minute:02d}",
    ]
    parsed = [parse_value(f) for f in formats]
    assert all(isinstance(p, TimeOfDay) and p.seconds == hour * 3600 + minute * 60 for p in parsed)
    assert all(matches(parsed[0], p) for p in parsed)


def test_dates_of_each_precision():
    assert parse_value("4 June 2012") == day_interval(date(2012, 6, 4))
    assert parse_value("June 4, 2012") == day_interval(date(2012, 6, 4))
    assert parse_value("2012-06-04") == day_interval(date(2012, 6, 4))
    assert parse_value("June 2012") == month_interval(2012, 6)
    assert parse_value("2012-06") == month_interval(2012, 6)
    assert parse_value("1990s") == DateInterval(date(1990, 1, 1), date(1999, 12, 31), "decade")
    assert parse_value("2012") == Number(2012.0)  # a bare year is a number ...
    assert matches(parse_value("2012"), year_interval(2012))  # ... that reads as the year beside dates


def test_date_interval_is_built_directly_and_validated():
    iv = DateInterval(date(2012, 6, 1), date(2012, 6, 30), "month")
    assert iv.days == 30
    with pytest.raises(ValueError):
        DateInterval(date(2012, 6, 30), date(2012, 6, 1), "month")
    with pytest.raises(ValueError):
        DateInterval(date(2012, 6, 1), date(2012, 6, 30), "fortnight")


def test_nested_dates_are_compatible_and_the_finer_is_more_precise():
    year, month, day = year_interval(2012), month_interval(2012, 6), day_interval(date(2012, 6, 4))
    assert compatible(year, day) and compatible(day, year) and compatible(month, day)
    assert more_precise(day, month) and more_precise(month, year)
    assert not more_precise(year, day)
    other = day_interval(date(2012, 6, 5))
    assert not compatible(day, other)
    assert not compatible(year, year_interval(2013))


def test_granularity_is_the_stated_unit_not_the_spanned_days():
    span = DateInterval(date(2015, 11, 30), date(2015, 12, 12), "day")
    day, month, year = day_interval(date(2015, 12, 12)), month_interval(2015, 2), year_interval(2015)
    assert granularity(span) == granularity(day) < granularity(month) < granularity(year)
    assert granularity(month_interval(2015, 2)) == granularity(month_interval(2015, 3))
    assert granularity(TimeOfDay(3600)) == precision_days(TimeOfDay(3600))


def test_support_fine_implies_coarse_and_coarse_only_partly_supports_fine():
    year, day = year_interval(2012), day_interval(date(2012, 6, 4))
    assert support(day, year) == 1.0
    assert support(year, day) == COARSE_SUPPORT
    assert support(day, day_interval(date(2013, 1, 1))) == 0.0
    assert support(parse_value("2012"), day) == COARSE_SUPPORT  # a year number beside a day


def test_number_similarity_is_relative_closeness():
    assert similarity(Number(478403), Number(478403)) == 1.0
    close = similarity(Number(478403), Number(478404))
    far = similarity(Number(478403), Number(372628))
    assert 0.99 < close < 1.0
    assert far == 0.0
    assert similarity(Number(12, "%"), Number(12)) == 0.0
    assert similarity(Number(0), Number(0)) == 1.0


def test_clock_similarity_falls_off_within_minutes():
    a = parse_value("7:10 AM")
    assert similarity(a, parse_value("07:10")) == 1.0
    assert 0.0 < similarity(a, parse_value("7:12 AM")) < 1.0
    assert similarity(a, parse_value("7:25 AM")) == 0.0  # scheduled vs actual: different claims
    assert similarity(parse_value("11:59 PM"), parse_value("12:01 AM")) > 0.5  # across midnight


def test_text_normalisation_and_similarity():
    assert parse_value("Knuth, Donald E.") == Text("knuth donald e")
    assert matches(parse_value("Café  Müller"), parse_value("cafe muller"))
    assert similarity(Text("knuth donald e"), Text("knuth donald")) == pytest.approx(2 / 3)
    assert similarity(Text("a"), Text("b")) == 0.0
    assert matches(parse_value("B22"), parse_value("b-22")) and matches(parse_value("B 22"), parse_value("B22"))


@pytest.mark.parametrize("raw", ["", "  ", "N/A", "Not Available", "unknown", "-", "null"])
def test_missing_values(raw):
    assert is_missing(raw)


def test_present_values_are_not_missing():
    assert not is_missing("0")
    assert not is_missing("7:10 AM")


def test_canonical_values_merge_formats_of_one_clock_reading():
    bare, dated, iso = TimeOfDay(SEVEN_TEN), TimeOfDay(SEVEN_TEN, "--12-01"), TimeOfDay(SEVEN_TEN, "2011-12-01")
    canon = canonical_values([bare, dated, iso])
    assert canon[bare] == canon[dated] == canon[iso] == TimeOfDay(SEVEN_TEN, "2011-12-01")
    two_days = canonical_values([TimeOfDay(SEVEN_TEN, "--12-01"), TimeOfDay(SEVEN_TEN, "--12-02")])
    assert len(set(two_days.values())) == 2


def test_canonical_values_read_year_numbers_as_years_beside_dates():
    canon = canonical_values([Number(2012), month_interval(2012, 6)])
    assert canon[Number(2012)] == year_interval(2012)
    assert canonical_values([Number(2012), Number(2013)])[Number(2012)] == Number(2012)


def test_format_and_sort_key_are_total_and_stable():
    values = [Number(5), TimeOfDay(60), year_interval(2012), month_interval(2012, 6), Text("x")]
    assert sorted(values, key=sort_key) == sorted(reversed(values), key=sort_key)
    assert [format_value(v) for v in values] == ["5", "00:01", "2012", "2012-06", "x"]
