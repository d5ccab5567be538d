"""Week, season, quarter, half and century are contract precisions: the
events table keeps them, date_start/date_end span the period, and values of
those precisions compare like any other period."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.types import Precision
from facts.events import contract_precision
from facts.model import ChangeKind, FactStatus, Rank, iso_value
from facts.values import DateInterval, compatible, more_precise


def test_the_closed_sets_keep_the_tables_values_and_order():
    assert [p.value for p in Precision] == ["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]
    assert [r.value for r in Rank] == ["preferred", "normal", "deprecated"]
    assert [s.value for s in FactStatus] == ["corroborated", "single_source", "conflicting"]
    assert [c.value for c in ChangeKind] == ["added", "removed", "changed"]
    assert [p.coarseness for p in Precision] == list(range(len(Precision)))
    assert Precision.known("quarter") and Precision.known(Precision.DAY) and not Precision.known("fortnight")


@pytest.mark.parametrize("precision", list(Precision))
def test_every_precision_is_a_contract_precision(precision):
    assert contract_precision(precision.value, date(2021, 1, 1), date(2021, 12, 31)) is precision


def test_an_unknown_precision_is_refused_by_a_date_value():
    with pytest.raises(ValueError, match="unknown precision 'fortnight'"):
        DateInterval(date(2021, 1, 1), date(2021, 1, 14), "fortnight")


@pytest.mark.parametrize(
    "precision, start, end, iso",
    [
        ("week", date(2021, 3, 22), date(2021, 3, 28), "2021-W12"),
        ("quarter", date(2021, 7, 1), date(2021, 9, 30), "2021-Q3"),
        ("half", date(2021, 1, 1), date(2021, 6, 30), "2021-H1"),
        ("season", date(2021, 6, 1), date(2021, 8, 31), "2021-SU"),
        ("season", date(2021, 12, 1), date(2022, 2, 28), "2021-WI"),
        ("century", date(1700, 1, 1), date(1799, 12, 31), "17XX"),
    ],
)
def test_precisions_pass_through_with_their_iso_form(precision, start, end, iso):
    assert contract_precision(precision, start, end) == precision
    assert iso_value(start, end, precision) == iso


def test_a_partial_week_keeps_week_precision():
    # "earlier this week" on a Thursday: Monday to Wednesday
    assert contract_precision("week", date(2022, 10, 3), date(2022, 10, 5)) == "week"
    assert iso_value(date(2022, 10, 3), date(2022, 10, 5), "week") == "2022-W40"


def test_quarter_refines_its_year_and_is_refined_by_a_month():
    q3 = DateInterval(date(2021, 7, 1), date(2021, 9, 30), "quarter")
    year = DateInterval(date(2021, 1, 1), date(2021, 12, 31), "year")
    august = DateInterval(date(2021, 8, 1), date(2021, 8, 31), "month")
    assert compatible(q3, year) and more_precise(q3, year)
    assert compatible(august, q3) and more_precise(august, q3)
    assert not compatible(q3, DateInterval(date(2021, 10, 1), date(2021, 12, 31), "quarter"))
