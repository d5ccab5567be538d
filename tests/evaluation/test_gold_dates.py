"""One reader of the gold standards' dates (statement labels, the facts
benchmark, the statement-dates bench)."""

from __future__ import annotations

from datetime import date

import pytest

from evaluation.gold_dates import gold_interval, gold_period
from extractors.types import Precision


@pytest.mark.parametrize("value, start, end, precision", [
    ("2021-06-04", date(2021, 6, 4), date(2021, 6, 4), Precision.DAY),
    (date(2021, 6, 4), date(2021, 6, 4), date(2021, 6, 4), Precision.DAY),  # as YAML reads it
    ("2020-02", date(2020, 2, 1), date(2020, 2, 29), Precision.MONTH),
    (2021, date(2021, 1, 1), date(2021, 12, 31), Precision.YEAR),
    ("2021-W12", date(2021, 3, 22), date(2021, 3, 28), Precision.WEEK),
    ("2021-Q3", date(2021, 7, 1), date(2021, 9, 30), Precision.QUARTER),
    ("2021-H1", date(2021, 1, 1), date(2021, 6, 30), Precision.HALF),
    ("2023-WI", date(2023, 12, 1), date(2024, 2, 29), Precision.SEASON),
    ("199", date(1990, 1, 1), date(1999, 12, 31), Precision.DECADE),
    ("19", date(1900, 1, 1), date(1999, 12, 31), Precision.CENTURY),
])
def test_a_gold_date_is_the_period_its_notation_names(value, start, end, precision):
    assert gold_interval(value) == gold_interval(str(value))
    iv = gold_interval(value)
    assert (iv.date_start, iv.date_end, iv.precision) == (start, end, precision)
    assert gold_period(value) == (start, end)


def test_a_span_runs_from_the_start_of_one_to_the_end_of_the_other():
    iv = gold_interval("2021-06", "2022", Precision.MONTH)
    assert (iv.date_start, iv.date_end, iv.precision) == (date(2021, 6, 1), date(2022, 12, 31), Precision.MONTH)
    assert gold_interval("2021-06", "2022").precision == Precision.YEAR  # the coarser notation's


@pytest.mark.parametrize("value", [None, "", "soon", "2021-02-30", "2021-13", "2021-W60"])
def test_what_is_not_a_gold_date_is_none(value):
    assert gold_interval(value) is None and gold_period(value) is None
