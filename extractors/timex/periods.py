"""Calendar periods of the tagger: a period value (:class:`Cal`), its TIMEX3 value,
its first and last day, and moving or coarsening it (dateutil does the day
arithmetic where the period is a real date).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from extractors.rule_switches import rule_on
from extractors.timex import patterns as R

_GRANS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")


@dataclass(frozen=True, slots=True)
class Cal:
    """A calendar period; years before the common era are negative (-494)."""

    gran: str
    year: int | None = None  # None: unknown year ("XXXX-06-28")
    month: int | None = None
    day: int | None = None
    week: int | None = None  # ISO week
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s
    weekend: bool = False
    pod: str | None = None  # part of day: MO, AF, EV, NI, ...
    hour: int | None = None
    minute: int | None = None

    @property
    def is_time(self) -> bool:
        return self.pod is not None or self.hour is not None

    def as_date(self) -> date | None:
        """A representative day of the period (its first day); None when the
        period leaves a field it needs open or names no real day."""
        y = self.year
        if y is None or y < 1:
            return None
        try:
            if self.gran == "day":
                return None if self.month is None or self.day is None else date(y, self.month, self.day)
            if self.gran == "week":
                return None if self.week is None else date.fromisocalendar(y, self.week, 1)
            if self.gran == "month":
                return None if self.month is None else date(y, self.month, 1)
            if self.gran == "quarter":
                return None if self.quarter is None else date(y, 3 * self.quarter - 2, 1)
            if self.gran == "half":
                return None if self.half is None else date(y, 6 * self.half - 5, 1)
            if self.gran == "season":
                return None if self.season is None else date(y, R.SEASON_MONTHS[self.season][0], 1)
            if self.gran == "year":
                return date(y, 1, 1)
        except ValueError:
            return None
        return None


def _fmt_year(y: int | None) -> str:
    if y is None:
        return "XXXX"
    if y < 0:
        return "BC%04d" % (-y)
    return "%04d" % y


def timex_value(c: Cal) -> str:
    g = c.gran
    if g == "century":
        if c.century is not None and c.century < 0:
            return "BC%02d" % (-c.century - 1)
        return "XX" if c.century is None else "%02d" % c.century
    if g == "decade":
        if c.decade is not None and c.decade < 0:
            return "BC%03d" % (-c.decade)
        return "XXX" if c.decade is None else "%03d" % c.decade
    y = _fmt_year(c.year)
    if g == "year":
        return y
    if g == "half":
        return f"{y}-H{c.half}"
    if g == "quarter":
        return f"{y}-Q{c.quarter}" if c.quarter else f"{y}-QX"
    if g == "season":
        return f"{y}-{c.season}"
    if g == "week":
        w = "XX" if c.week is None else "%02d" % c.week
        return f"{y}-W{w}" + ("-WE" if c.weekend else "")
    m = "XX" if c.month is None else "%02d" % c.month
    if g == "month":
        return f"{y}-{m}"
    d = "XX" if c.day is None else "%02d" % c.day
    v = f"{y}-{m}-{d}"
    if c.hour is not None:
        v += "T%02d:%02d" % (c.hour, c.minute or 0) if c.minute is not None or c.hour != 24 else "T24"
    elif c.pod:
        v += "T" + c.pod
    return v


def period_of(c: Cal) -> tuple[date, date, str] | None:
    """First and last day of the period and its precision, when concrete."""
    y = c.year
    try:
        if c.gran == "century" and c.century is not None and c.century >= 0:
            s, e = max(1, c.century * 100), c.century * 100 + 99
            return date(s, 1, 1), date(e, 12, 31), "century"
        if c.gran == "decade" and c.decade is not None and c.decade >= 0:
            s = max(1, c.decade * 10)
            return date(s, 1, 1), date(c.decade * 10 + 9, 12, 31), "decade"
        if y is None or y < 1:
            return None
        if c.gran == "year":
            return date(y, 1, 1), date(y, 12, 31), "year"
        if c.gran == "half" and c.half is not None:
            m0 = 6 * c.half - 5
            return date(y, m0, 1), date(y, m0 + 5, calendar.monthrange(y, m0 + 5)[1]), "half"
        if c.gran == "quarter" and c.quarter:
            m0 = 3 * c.quarter - 2
            return date(y, m0, 1), date(y, m0 + 2, calendar.monthrange(y, m0 + 2)[1]), "quarter"
        if c.gran == "season" and c.season is not None:
            a, b = R.SEASON_MONTHS[c.season]
            if a <= b:
                return date(y, a, 1), date(y, b, calendar.monthrange(y, b)[1]), "season"
            return date(y, a, 1), date(y + 1, b, calendar.monthrange(y + 1, b)[1]), "season"
        if c.gran == "month" and c.month:
            return date(y, c.month, 1), date(y, c.month, calendar.monthrange(y, c.month)[1]), "month"
        if c.gran == "week" and c.week:
            monday = date.fromisocalendar(y, c.week, 1)
            if c.weekend:
                return monday + timedelta(days=5), monday + timedelta(days=6), "day"
            return monday, monday + timedelta(days=6), "week"
        if c.gran == "day" and c.month and c.day:
            d = date(y, c.month, c.day)
            return d, d, "day"
    except (ValueError, TypeError, OverflowError):
        return None
    return None


def day_cal(d: date, **kw) -> Cal:
    return Cal("day", d.year, d.month, d.day, **kw)


def _month_cal(y: int, m: int) -> Cal:
    return Cal("month", y, m)


def week_cal(d: date, weekend: bool = False) -> Cal:
    iy, iw, _ = d.isocalendar()
    return Cal("week", iy, week=iw, weekend=weekend)


def quarter_of(m: int) -> int:
    return (m - 1) // 3 + 1


def cal_of(d: date, gran: str) -> Cal:
    """The period of granularity ``gran`` (a precision value) that holds the day ``d``."""
    if gran == "day":
        return day_cal(d)
    if gran == "week":
        return week_cal(d)
    if gran == "weekend":
        return week_cal(d, weekend=True)
    if gran == "month":
        return _month_cal(d.year, d.month)
    if gran == "quarter":
        return Cal("quarter", d.year, quarter=quarter_of(d.month))
    if gran == "half":
        return Cal("half", d.year, half=1 if d.month <= 6 else 2)
    if gran == "season":
        s = _season_of(d.month)
        # a winter is named by the year of its December (2024-WI: December 2024 to February 2025)
        y = d.year - 1 if s == "WI" and d.month <= 2 and rule_on("winter-year") else d.year
        return Cal("season", y, season=s)
    if gran == "year":
        return Cal("year", d.year)
    if gran == "decade":
        return Cal("decade", decade=d.year // 10)
    if gran == "century":
        return Cal("century", century=d.year // 100)
    return day_cal(d)


def _season_of(m: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def shift(c: Cal, n: int, unit: str) -> Cal | None:
    """Move a period by ``n`` units, keeping its granularity where it can."""
    if c.gran == "century" and c.century is not None:
        k = n if unit == "century" else 0
        return replace(c, century=c.century + k)
    if c.gran == "decade" and c.decade is not None:
        k = n if unit == "decade" else 10 * n if unit == "century" else 0
        return replace(c, decade=c.decade + k)
    if c.year is None:
        return None
    if unit in ("decade", "century"):
        return replace(c, year=c.year + n * (10 if unit == "decade" else 100))
    if unit == "year":
        if c.gran == "week":
            d = c.as_date()
            if d is None:
                return None
            return cal_of(d + relativedelta(years=n), "week")  # 29 Feb -> 28 Feb
        y = c.year + n
        if y == 0:
            y = 1 if n > 0 else -1
        if c.gran == "day" and c.month == 2 and c.day == 29 and not calendar.isleap(y):
            return replace(c, year=y, day=28)
        return replace(c, year=y)
    if unit == "half":
        if c.gran == "half" and c.half is not None:
            t = c.year * 2 + c.half - 1 + n
            return replace(c, year=t // 2, half=t % 2 + 1)
        return shift(c, 6 * n, "month")
    if unit == "quarter":
        if c.gran == "quarter" and c.quarter:
            t = c.year * 4 + c.quarter - 1 + n
            return replace(c, year=t // 4, quarter=t % 4 + 1)
        return shift(c, 3 * n, "month")
    if unit == "season":
        order = ["SP", "SU", "FA", "WI"] if rule_on("winter-year") else ["WI", "SP", "SU", "FA"]
        if c.gran == "season" and c.season:
            t = c.year * 4 + order.index(c.season) + n
            return replace(c, year=t // 4, season=order[t % 4])
        return shift(c, 3 * n, "month")
    if unit == "month":
        return _shift_months(c, c.year, n)
    if unit in ("day", "week", "weekend", "fortnight"):
        return _shift_days(c, n * {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit])
    return c


def _shift_months(c: Cal, year: int, n: int) -> Cal:
    """Move a period of a known ``year`` by ``n`` months (a day keeps its day where the month has it)."""
    if c.gran in ("month", "day") and c.month:
        y, m = _add_months(year, c.month, n)
        if c.gran == "day":
            day = min(c.day, calendar.monthrange(y, m)[1]) if y > 0 and c.day is not None else c.day
            return replace(c, year=y, month=m, day=day)
        return replace(c, year=y, month=m)
    if c.gran == "quarter" and c.quarter:
        y, m = _add_months(year, 3 * c.quarter - 2, n)
        return replace(c, year=y, quarter=quarter_of(m))
    if c.gran == "year":
        return replace(c, year=year + (n // 12 if n >= 0 else -((-n) // 12)))
    return c


def _shift_days(c: Cal, days: int) -> Cal | None:
    """Move a period by a number of days, keeping its granularity."""
    d = c.as_date()
    if d is None:
        return None
    try:
        nd = d + timedelta(days=days)
    except OverflowError:
        return None
    if c.gran == "week":
        return cal_of(nd, "week")
    if c.gran == "day":
        return replace(c, year=nd.year, month=nd.month, day=nd.day)
    return cal_of(nd, c.gran)


def coarsen(c: Cal, gran: str) -> Cal:
    """The period of granularity ``gran`` that contains ``c``."""
    if gran == c.gran:
        return replace(c, pod=None, hour=None, minute=None)
    if gran == "decade":
        if c.gran == "century":
            return c
        if c.year is None:
            return Cal("decade")
        # the 490s BC are decade -49 ("BC049")
        return Cal("decade", decade=c.year // 10 if c.year > 0 else -((-c.year) // 10))
    if gran == "century":
        if c.gran == "decade" and c.decade is not None:
            return Cal("century", century=c.decade // 10 if c.decade >= 0 else -((-c.decade) // 10) - 1)
        if c.year is None:
            return Cal("century")
        # 494 BC lies in the 5th century BC: century -5 ("BC04")
        return Cal("century", century=c.year // 100 if c.year > 0 else -((-c.year) // 100) - 1)
    if gran == "year":
        return Cal("year", c.year)
    d = c.as_date()
    if d is None:
        if gran == "month" and c.month:
            return Cal("month", c.year, c.month)
        if gran == "quarter" and c.quarter:
            return Cal("quarter", c.year, quarter=c.quarter)
        return Cal("year", c.year) if c.year is not None else c
    if c.gran in _GRANS and gran in _GRANS and _GRANS.index(gran) > _GRANS.index(c.gran):
        return c  # a finer period than the text gives is never invented
    return cal_of(d, gran)


def finer_or_equal(a: Cal, b: Cal) -> bool:
    order = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 4, "season": 4, "month": 5, "week": 6, "day": 7}
    return order.get(a.gran, 0) >= order.get(b.gran, 0)


_SPAN_UNITS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
               "quarter": relativedelta(months=3), "year": relativedelta(years=1)}


def start_of_span_ending(last: date, n: int, unit: str) -> date | None:
    """The first day of the ``n`` ``unit``\\ s (day, week, month, quarter,
    year) that end on the day ``last``: "the 10 years ending June 30, 2024"
    start on 2014-07-01, "the week ending 13 December" on 7 December."""
    step = _SPAN_UNITS.get(unit)
    if step is None or n < 1:
        return None
    try:
        return last + timedelta(days=1) - n * step
    except (OverflowError, ValueError):
        return None
