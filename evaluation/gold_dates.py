"""Dates of the gold standards, in the labels' notation: an ISO date at its
precision ("2021", "2021-06", "2021-06-04", "2021-W12", "2021-Q3", "2021-H1",
"2021-SU", "199" for the 1990s, "19" for the 1900s). One reader for the
statement labels, the facts benchmark and the statement-dates bench."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from extractors.types import Precision
from facts.values import DateInterval

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into the next year


def _month_end(y: int, m: int) -> date:
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return date(y, m, calendar.monthrange(y, m)[1])


def _period(v: str) -> tuple[date, date, Precision] | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, Precision.DAY
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), _month_end(y, mo), Precision.MONTH
    if m := re.fullmatch(r"(\d{4})", v):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31), Precision.YEAR
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return start, start + timedelta(days=6), Precision.WEEK
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), Precision.QUARTER
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        y, h = int(m[1]), int(m[2])
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), Precision.HALF
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        y, (a, b) = int(m[1]), _SEASON_MONTHS[m[2]]
        return date(y, a, 1), _month_end(y, b), Precision.SEASON
    if m := re.fullmatch(r"(\d{3})", v):
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), Precision.DECADE
    if m := re.fullmatch(r"(\d{2})", v):
        y = int(m[1]) * 100
        return date(max(1, y), 1, 1), date(y + 99, 12, 31), Precision.CENTURY
    return None


def gold_interval(value: object, end: object = None, precision: str | None = None) -> DateInterval | None:
    """The period a gold date names, at the precision its notation says;
    None when there is none or it is not one (a YAML date or number is read
    as written). With ``end``, the span from the start of ``value`` to the
    end of ``end``, at ``precision`` (the coarser notation's when not given)."""
    if value is None or value == "":
        return None
    try:
        first = _period(str(value).strip())
        if first is None:
            return None
        start, stop, shape = first
        if end is not None and end != "":
            last = _period(str(end).strip())
            if last is None:
                return None
            stop, shape = last[1], precision or max(shape, last[2], key=lambda p: p.coarseness)
        return DateInterval(start, stop, shape)
    except ValueError:  # a day or week the calendar does not have
        return None


def gold_period(value: object) -> tuple[date, date] | None:
    """The first and last day of the period a gold date names (None: none)."""
    iv = gold_interval(value)
    return (iv.date_start, iv.date_end) if iv is not None else None
