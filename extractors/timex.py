"""Temporal expression tagger and normaliser (TIMEX3).

A rule cascade in the manner of HeidelTime and SUTime, with no dependency
beyond the standard library:

1. Extent rules (:mod:`extractors.timex_rules`) find candidate spans. Each
   rule runs only in windows around its trigger words (a month name, a unit
   word, a four-digit number, ...), which keeps tagging at a few
   milliseconds per 1,000 words.
2. The longest non-overlapping candidates are kept. A normaliser per rule
   turns each into a TIMEX3 type and value, or refuses it ("May" the verb,
   "2000 troops"); a refused span frees its room for shorter candidates.
3. Normalisation walks the document in order and keeps a reference date:

   * deictic expressions ("yesterday", "last year", "two weeks ago") resolve
     against the anchor (the document's creation date);
   * anaphoric ones ("the following year", "that month", "two days later")
     resolve against the most recently mentioned date;
   * underspecified ones ("in March", "on Monday", "June 28") take their year
     from the anchor in news (direction from tense cues: "said Friday" is
     the past Friday, "will meet Friday" the coming one) and from the most
     recently mentioned date in narratives.

   Tense cues come from the clause around the expression (see
   :meth:`_Ctx.direction`); a month-day far from the anchor takes its side
   from them too ("the year ended March 31"). A report on a quarter keeps
   that quarter in focus: "the latest period", "a year ago" and "the
   year-earlier quarter" count from it.

   A document counts as a narrative when it has no anchor, when the years it
   names lie mostly far from the anchor (a history article written in 2009
   about 1939), or when it names many years and hardly any news deixis (a
   chronicle of recent events). One algorithm serves both; the switch is a
   property of the text, never of its source.

Values never claim more precision than the text: "2012" is the year 2012,
"the 1990s" the decade "199". :func:`date_mentions` turns the concrete
DATE/TIME values into calendar periods with the role their cue words give
("since 2001", "until 2014", "from 2001 to 2014").

Public API: :func:`tag_timexes` and :func:`date_mentions`.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from extractors import timex_rules as R
from extractors.not_dates import in_name_or_title, is_model_year, is_title_year
from extractors.types import DateMention, Timex

# --------------------------------------------------------------------------
# Calendar values
# --------------------------------------------------------------------------

_GRANS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")


@dataclass(frozen=True, slots=True)
class _Cal:
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
        """A representative day of the period (its first day)."""
        try:
            if self.year is None or self.year < 1:
                return None
            if self.gran == "day":
                return date(self.year, self.month, self.day)
            if self.gran == "week":
                return date.fromisocalendar(self.year, self.week, 1)
            if self.gran == "month":
                return date(self.year, self.month, 1)
            if self.gran == "quarter":
                return date(self.year, 3 * self.quarter - 2, 1)
            if self.gran == "half":
                return date(self.year, 6 * self.half - 5, 1)
            if self.gran == "season":
                return date(self.year, R.SEASON_MONTHS[self.season][0], 1)
            if self.gran == "year":
                return date(self.year, 1, 1)
        except (ValueError, TypeError):
            return None
        return None


def _fmt_year(y: int | None) -> str:
    if y is None:
        return "XXXX"
    if y < 0:
        return "BC%04d" % (-y)
    return "%04d" % y


def _value(c: _Cal) -> str:
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


def _period(c: _Cal) -> tuple[date, date, str] | None:
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
        if c.gran == "half":
            m0 = 6 * c.half - 5
            return date(y, m0, 1), date(y, m0 + 5, calendar.monthrange(y, m0 + 5)[1]), "half"
        if c.gran == "quarter" and c.quarter:
            m0 = 3 * c.quarter - 2
            return date(y, m0, 1), date(y, m0 + 2, calendar.monthrange(y, m0 + 2)[1]), "quarter"
        if c.gran == "season":
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


def _day(d: date, **kw) -> _Cal:
    return _Cal("day", d.year, d.month, d.day, **kw)


def _month_cal(y: int, m: int) -> _Cal:
    return _Cal("month", y, m)


def _week_cal(d: date, weekend: bool = False) -> _Cal:
    iy, iw, _ = d.isocalendar()
    return _Cal("week", iy, week=iw, weekend=weekend)


def _quarter_of(m: int) -> int:
    return (m - 1) // 3 + 1


def _cal_from_date(d: date, gran: str) -> _Cal:
    if gran == "day":
        return _day(d)
    if gran == "week":
        return _week_cal(d)
    if gran == "weekend":
        return _week_cal(d, weekend=True)
    if gran == "month":
        return _month_cal(d.year, d.month)
    if gran == "quarter":
        return _Cal("quarter", d.year, quarter=_quarter_of(d.month))
    if gran == "half":
        return _Cal("half", d.year, half=1 if d.month <= 6 else 2)
    if gran == "season":
        return _Cal("season", d.year, season=_season_of(d.month))
    if gran == "year":
        return _Cal("year", d.year)
    if gran == "decade":
        return _Cal("decade", decade=d.year // 10)
    if gran == "century":
        return _Cal("century", century=d.year // 100)
    return _day(d)


def _season_of(m: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def _shift(c: _Cal, n: int, unit: str) -> _Cal | None:
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
            return _cal_from_date(_safe_replace_year(d, d.year + n), "week")
        y = c.year + n
        if y == 0:
            y = 1 if n > 0 else -1
        if c.gran == "day" and c.month == 2 and c.day == 29 and not calendar.isleap(y):
            return replace(c, year=y, day=28)
        return replace(c, year=y)
    if unit == "half":
        if c.gran == "half":
            t = c.year * 2 + c.half - 1 + n
            return replace(c, year=t // 2, half=t % 2 + 1)
        return _shift(c, 6 * n, "month")
    if unit == "quarter":
        if c.gran == "quarter" and c.quarter:
            t = c.year * 4 + c.quarter - 1 + n
            return replace(c, year=t // 4, quarter=t % 4 + 1)
        return _shift(c, 3 * n, "month")
    if unit == "season":
        order = ["WI", "SP", "SU", "FA"]
        if c.gran == "season" and c.season:
            t = c.year * 4 + order.index(c.season) + n
            return replace(c, year=t // 4, season=order[t % 4])
        return _shift(c, 3 * n, "month")
    if unit == "month":
        if c.gran in ("month", "day") and c.month:
            y, m = _add_months(c.year, c.month, n)
            if c.gran == "day":
                d = min(c.day, calendar.monthrange(y, m)[1]) if y > 0 else c.day
                return replace(c, year=y, month=m, day=d)
            return replace(c, year=y, month=m)
        if c.gran == "quarter" and c.quarter:
            y, m = _add_months(c.year, 3 * c.quarter - 2, n)
            return replace(c, year=y, quarter=_quarter_of(m))
        if c.gran == "year":
            return replace(c, year=c.year + (n // 12 if n >= 0 else -((-n) // 12)))
        return c
    if unit in ("day", "week", "weekend", "fortnight"):
        days = n * {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit]
        d = c.as_date()
        if d is None:
            return None
        try:
            nd = d + timedelta(days=days)
        except OverflowError:
            return None
        if c.gran == "week":
            return _cal_from_date(nd, "week")
        if c.gran == "day":
            return replace(c, year=nd.year, month=nd.month, day=nd.day)
        return _cal_from_date(nd, c.gran)
    return c


def _safe_replace_year(d: date, y: int) -> date:
    try:
        return d.replace(year=y)
    except ValueError:
        return d.replace(year=y, day=28)


def _coarsen(c: _Cal, gran: str) -> _Cal:
    """The period of granularity ``gran`` that contains ``c``."""
    if gran == c.gran:
        return replace(c, pod=None, hour=None, minute=None)
    if gran == "decade":
        if c.gran == "century":
            return c
        if c.year is None:
            return _Cal("decade")
        # the 490s BC are decade -49 ("BC049")
        return _Cal("decade", decade=c.year // 10 if c.year > 0 else -((-c.year) // 10))
    if gran == "century":
        if c.gran == "decade" and c.decade is not None:
            return _Cal("century", century=c.decade // 10 if c.decade >= 0 else -((-c.decade) // 10) - 1)
        if c.year is None:
            return _Cal("century")
        # 494 BC lies in the 5th century BC: century -5 ("BC04")
        return _Cal("century", century=c.year // 100 if c.year > 0 else -((-c.year) // 100) - 1)
    if gran == "year":
        return _Cal("year", c.year)
    d = c.as_date()
    if d is None:
        if gran == "month" and c.month:
            return _Cal("month", c.year, c.month)
        if gran == "quarter" and c.quarter:
            return _Cal("quarter", c.year, quarter=c.quarter)
        return _Cal("year", c.year) if c.year is not None else c
    if c.gran in _GRANS and gran in _GRANS and _GRANS.index(gran) > _GRANS.index(c.gran):
        return c  # a finer period than the text gives is never invented
    return _cal_from_date(d, gran)


# --------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------



def _number(text: str) -> float | None:
    """Value of a quantity phrase; None for vague ones ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    m = re.match(r"^(\S+(?: \S+)?) (?:or|to) (.+)$", t)
    if m and not t.startswith("a couple"):
        t = m.group(2)  # "two or three" -> the upper bound
    f = R.FRACTION.fullmatch(t)
    if f:
        return int(f.group(1) or f.group(2)) + 0.5
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    if t in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[t] + half
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](one|two|three|four|five|six|seven|eight|nine)", t)
    if m:
        return R.NUMBER_WORDS[m.group(1)] + R.NUMBER_WORDS[m.group(2)] + half
    return None


def _num_str(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else ("%g" % x)


def _ordinal(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in R.ORDINALS:
        return R.ORDINALS[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    return int(m.group(1)) if m else None


def _month_num(text: str) -> int | None:
    return R.MONTHS.get(text.lower().rstrip(".")[:4].rstrip(".")) or R.MONTHS.get(text.lower().rstrip("."))


def _weekday_num(text: str) -> int | None:
    t = text.lower().rstrip(".")
    if t.endswith("s") and t[:-1] in R.WEEKDAYS:
        t = t[:-1]
    return R.WEEKDAYS.get(t)


def _year_num(text: str, ctx: _Ctx | None = None) -> int:
    t = text.strip().lstrip("'’")
    y = int(t)
    if len(t) == 2:
        base = ctx.anchor.year if ctx is not None and ctx.anchor else 2000
        cands = [(base // 100) * 100 + y - 100, (base // 100) * 100 + y, (base // 100) * 100 + y + 100]
        return min(cands, key=lambda c: (abs(c - base) if c <= base + 10 else 1000 + c - base))
    return y


_MOD_WORDS = {
    "early": "START", "mid": "MID", "middle": "MID", "late": "END",
    "the start of": "START", "the beginning of": "START", "the end of": "END",
    "the middle of": "MID", "the close of": "END", "start of": "START",
    "beginning of": "START", "end of": "END", "middle of": "MID",
    "earlier": "START", "later": "END",
}


def _mod_of(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"[\s-]+", " ", text.strip().lower())
    return _MOD_WORDS.get(t)


# --------------------------------------------------------------------------
# Document context
# --------------------------------------------------------------------------



class _Ctx:
    """What normalisation knows while it walks one document."""

    def __init__(self, text: str, anchor: date | None, narrative: bool, anchor_time: datetime | None, fetched: bool = False):
        self.text = text
        self.anchor = anchor
        # the anchor is only the day the page was fetched (the page gives no
        # date of its own): the page was written on or before it, so a date
        # without a year lies before it unless its clause looks ahead
        self.fetched = fetched
        self.coarse: _Cal | None = None  # most recently mentioned decade or century
        self.coarse_pos: int = -1
        self.anchor_time = anchor_time
        self.narrative = narrative
        self.ref: _Cal | None = None  # most recently mentioned concrete date
        self.ref_pos: int = -1
        self.ref_end: int = -10**9  # where the text naming the reference date ends
        self.ref_explicit_pos: int = -10**9  # where the last explicit year was named
        self.last_quarter: _Cal | None = None

    # bases ------------------------------------------------------------
    def deictic(self) -> _Cal | None:
        """The date deictic words ("yesterday", "last year") count from."""
        if self.anchor is not None:
            return _day(self.anchor)
        return self.ref

    def anaphoric(self) -> _Cal | None:
        """The date anaphoric words ("the next day", "that year") count from."""
        if self.ref is not None:
            return self.ref
        return _day(self.anchor) if self.anchor is not None else None

    def underspecified_base(self, pos: int) -> tuple[_Cal | None, bool]:
        """Base for "in March"/"on Monday"; True when it is the mentioned date."""
        if self.narrative or self.anchor is None:
            if self.ref is not None and self.ref.year is not None:
                return self.ref, True
            if self.fetched:
                # nothing named yet: the first year the story names ahead
                ahead = R.YEAR_IN_TEXT.search(self.text, pos)
                if ahead is not None:
                    return _Cal("year", int(ahead.group(1))), True
            return (_day(self.anchor) if self.anchor else None), False
        return _day(self.anchor), False

    def direction(self, start: int, end: int) -> str:
        """"future", "past" or "" from the tense cues of the clause around a span.

        Strong cues decide first: "will"/"going to" make the future, a past
        perfect ("had") anywhere in the clause the past. Otherwise the
        nearest weak cue wins: a past-tense verb, or a word of planning or
        expectation ("scheduled", "expected", "plans to", "deadline"). A
        participle after "be" is a passive ("would be paid in January"), and
        "was/were" before a word of planning a future seen from the past
        ("were planning to march on Saturday"); neither counts as past.
        """
        text = self.text
        s = start
        lim = max(0, start - 90)
        while s > lim and text[s - 1] not in ".!?\n;":
            s -= 1
        e = end
        lim = min(len(text), end + 90)
        while e < lim and text[e] not in ".!?\n;":
            e += 1
        left, right = text[s:start], text[end:e]
        if R.SINCE_BEFORE.search(left):
            return "past"  # "closed since Saturday": a starting point lies behind
        if re.fullmatch(r"\W*(?:\w+\s+){0,2}", left) and re.match(r"\s*,", right):
            # "Until Thursday, they had not ...": a date opening its sentence
            # belongs to the clause after the comma
            right = right[right.index(",") + 1 :]
        right_clause = re.split(r"[,;:]", right, maxsplit=1)[0]
        if R.REPORTED_RIGHT_AFTER.match(right_clause) and not R.FUTURE_STRONG.search(left[-30:]):
            # "Trump on Thursday said he will withdraw": the date goes with
            # the reporting verb right after it, not with the reported plan
            return "past"
        perfect = R.PAST_PERFECT.search(left) or R.PAST_PERFECT.search(right_clause)
        if R.FUTURE_STRONG.search(left) or R.FUTURE_STRONG.search(right_clause[:40]):
            if not perfect:
                return "future"
        if perfect:
            return "past"
        best: tuple[int, str] | None = None
        for side, seg in ((0, left), (1, right)):
            for rx, kind in ((R.FUTURE_WEAK, "future"), (R.PAST_STRONG, "past")):
                for m in rx.finditer(seg):
                    if kind == "past" and not self._past_cue(m, seg):
                        continue
                    d = len(seg) - m.end() if side == 0 else m.start()
                    if best is None or d < best[0] or (d == best[0] and kind == "past"):
                        best = (d, kind)
        return best[1] if best else ""

    @staticmethod
    def _past_cue(m: re.Match, seg: str) -> bool:
        """True when a PAST_STRONG match really marks the past tense."""
        w = m.group(0).lower()
        if w in R.NOT_PAST_ED:
            return False
        if w in ("was", "were"):
            return not R.PAST_AUX_OF_PLAN.match(seg, m.end())
        if R.PASSIVE_BEFORE.search(seg, 0, m.start()):
            return False
        if w.endswith("ed") and R.ADJECTIVE_BEFORE.search(seg, 0, m.start()):
            return False
        return True

    def _takes_focus(self, c: _Cal, end: int) -> bool:
        """Whether a quarter just named becomes the quarter in focus.

        In a narrative, every quarter named does. In news, the first one
        does; a later one only when it is a reported quarter (see
        :meth:`_reported`) no older than the one in focus: after "posted a
        third-quarter gain", "after a flat second quarter" is background.
        """
        q = self.last_quarter
        if q is None or self.narrative or self.anchor is None:
            return True
        if not self._reported(c, end):
            return False
        return (c.year or 0, c.quarter or 0) >= (q.year or 0, q.quarter or 0)

    def _reported(self, c: _Cal, end: int) -> bool:
        """A quarter news can report on: one over by the document date, or
        one said to have ended ("the fiscal fourth quarter ended Sept. 30").

        "a fourth-quarter charge" in a report written in November looks
        ahead; "a year ago" and "the latest quarter" keep to the quarter the
        report is about.
        """
        if self.narrative or self.anchor is None:
            return True
        if re.match(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b", self.text[end : end + 25]):
            return True
        p = _period(c)
        return p is None or p[1] < self.anchor

    def remember(self, c: _Cal, pos: int, explicit: bool, focus: bool = True, end: int | None = None) -> None:
        self.ref_end = pos if end is None else end
        if c.gran == "quarter" and focus and self._takes_focus(c, pos if end is None else end):
            self.last_quarter = c
        if self.ref is not None and c.year is not None and self.ref.year == c.year and _finer_or_equal(self.ref, c):
            if c.gran in ("year",) or (c.gran == "month" and self.ref.month == c.month):
                if explicit:
                    self.ref_explicit_pos = pos
                return  # keep the finer date already known
        if c.gran in ("decade", "century"):
            self.coarse, self.coarse_pos = c, pos
            return
        self.ref = replace(c, pod=None, hour=None, minute=None)
        self.ref_pos = pos
        if explicit:
            self.ref_explicit_pos = pos


def _finer_or_equal(a: _Cal, b: _Cal) -> bool:
    order = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 4, "season": 4, "month": 5, "week": 6, "day": 7}
    return order.get(a.gran, 0) >= order.get(b.gran, 0)


# --------------------------------------------------------------------------
# Normalisation results
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Res:
    type: str
    value: str
    cal: _Cal | None = None  # the concrete period, for DATE/TIME
    mod: str | None = None
    anchored: bool = False
    start: int | None = None  # extent override
    end: int | None = None
    explicit: bool = False  # the text names the year itself
    deictic: bool = False  # computed from the anchor (document date)
    focus: bool = True  # may become the quarter in focus ("a year ago" may not)
    # the calendar period a statement gets when it is not the value's own:
    # "the last decade" (value "201", TimeML's reading) spans the ten years
    # up to the page's date; "earlier this week" the days of the week before it
    period: tuple[date, date, str] | None = None


def _date_res(c: _Cal | None, mod: str | None = None, anchored: bool = False, explicit: bool = False) -> _Res | None:
    if c is None:
        return None
    t = "TIME" if c.is_time else "DATE"
    return _Res(t, _value(c), c, mod, anchored, explicit=explicit)


# resolving underspecified days and months ------------------------------


def _resolve_month_day(ctx: _Ctx, pos: int, end: int, month: int, day: int | None, rel: str = "") -> tuple[_Cal, bool]:
    base, from_ref = ctx.underspecified_base(pos)
    if base is None or base.year is None:
        return _Cal("day" if day else "month", None, month, day), False
    by = base.year
    bm = base.month or (6 if base.gran == "year" else 1)
    bd = base.day or 15
    if rel in ("last", "previous", "past", "this past"):
        direction = "past_strict"
    elif rel in ("next", "coming", "this coming", "following"):
        direction = "future_strict"
    elif rel in ("this",):
        direction = "same"
    elif from_ref:
        direction = "same"
    elif ctx.fetched:
        direction = "future" if ctx.direction(pos, end) == "future" else "past"
    elif day:
        # a month-day without a year lies within a few months of the anchor;
        # when both candidates are far (five to seven months away), the
        # tense of its clause says on which side it lies ("the year ended
        # March 31" is past, "a pact effective June 1" to come)
        direction = "nearest"
        gap = min(abs((yy * 12 + month) * 31 + day - ((by * 12 + bm) * 31 + bd)) for yy in (by - 1, by, by + 1))
        if gap > 124:
            direction = ctx.direction(pos, end) or "nearest"
    else:
        direction = ctx.direction(pos, end) or "past"
        if min(abs(month - bm), 12 - abs(month - bm)) <= 1:
            # the month just before or after the anchor's: the adjacent one
            direction = "nearest"
    if day:
        key: tuple[int, ...] = (month, day)
        bkey: tuple[int, ...] = (bm, bd)
    else:
        key, bkey = (month,), (bm,)
    if direction == "same":
        y = by
    elif direction == "past_strict":
        y = by if key < bkey else by - 1
    elif direction == "future_strict":
        y = by if key > bkey else by + 1
    elif direction == "future":
        y = by if key >= bkey else by + 1
    elif direction == "past":
        y = by if key <= bkey else by - 1
    else:  # nearest
        def dist(yy: int) -> int:
            return abs((yy * 12 + month) * 31 + (day or 15) - ((by * 12 + bm) * 31 + bd))
        y = min((by - 1, by, by + 1), key=dist)
    if day:
        try:
            date(max(y, 1), month, day)
        except ValueError:
            return _Cal("day", None, month, day), False
        return _Cal("day", y, month, day), True
    return _Cal("month", y, month), True


def _resolve_weekday(ctx: _Ctx, pos: int, end: int, wd: int, rel: str = "") -> _Cal | None:
    rel = rel.lower()
    anaphoric = rel.startswith("the ") or rel in ("that", "following", "previous")
    if ctx.narrative or anaphoric:
        base = ctx.anaphoric()
    else:
        base = ctx.deictic()
    if base is None:
        return None
    b = base.as_date()
    if b is None:
        return None
    if base.gran != "day" and not anaphoric:
        return None
    bwd = b.isoweekday()
    if rel in ("last", "past", "previous", "the previous", "this past"):
        delta = -((bwd - wd) % 7 or 7)
    elif rel in ("next", "coming", "this coming", "following", "the following", "the next"):
        delta = (wd - bwd) % 7 or 7
    elif rel == "this":
        delta = wd - bwd
    elif rel in ("the same", "that"):
        delta = -((bwd - wd) % 7) if not ctx.narrative else (wd - bwd) % 7
    else:
        if ctx.narrative:
            direction = "future"
        elif re.match(r"['’]s\b", ctx.text[end : end + 3]):
            direction = "past"  # "Wednesday's ruling": an event already held
        else:
            direction = ctx.direction(pos, end) or "past"
            if ctx.fetched and direction != "future":
                direction = "past"
        if direction == "future":
            delta = (wd - bwd) % 7
        else:
            delta = -((bwd - wd) % 7)
    return _day(b + timedelta(days=delta))


# --------------------------------------------------------------------------
# Normalisers, one per rule name
# --------------------------------------------------------------------------

Normaliser = Callable[[re.Match, _Ctx], "_Res | list[_Res] | None"]
_NORMALISERS: dict[str, Normaliser] = {}


def _normaliser(name: str):
    def deco(fn: Normaliser) -> Normaliser:
        _NORMALISERS[name] = fn
        return fn

    return deco


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _with_time(c: _Cal, m: re.Match) -> _Cal:
    clock = _g(m, "clock")
    if clock:
        hh, mm = _parse_clock(clock)
        if hh is not None:
            return replace(c, hour=hh, minute=mm)
    pod = _g(m, "pod")
    if pod:
        return replace(c, pod=R.PARTS_OF_DAY.get(pod.lower().rstrip("s"), None))
    return c


@_normaliser("iso_date")
def _n_iso(m: re.Match, ctx: _Ctx):
    y, mo, d = int(m.group("year")), int(m.group("mnum")), int(m.group("day"))
    try:
        date(y, mo, d)
    except ValueError:
        return None
    c = _Cal("day", y, mo, d)
    if m.group("hour"):
        c = replace(c, hour=int(m.group("hour")), minute=int(m.group("minute")))
    return _date_res(c, explicit=True)


@_normaliser("us_date")
def _n_us(m: re.Match, ctx: _Ctx):
    y = _year_num(m.group("year"), ctx)
    a, b = int(m.group("a")), int(m.group("b"))
    # slashes read month first unless the first number is no month; dots read day first
    if m.group("sep") == "." or a > 12:
        mo, d = b, a
    else:
        mo, d = a, b
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return _date_res(_Cal("day", y, mo, d), explicit=True)


def _valid_day(y: int, month: int, day: int) -> bool:
    try:
        date(y, month, day)
    except ValueError:
        return False
    return True


def _day_month_common(m: re.Match, ctx: _Ctx, day: int | None):
    mon = _month_num(m.group("month"))
    if mon is None or day is None or not 1 <= day <= 31:
        return None
    mod = _mod_of(_g(m, "mod"))
    ytxt = _g(m, "year")
    if ytxt:
        y = _year_num(ytxt, ctx)
        try:
            date(y, mon, day)
        except ValueError:
            return None
        c = _with_time(_Cal("day", y, mon, day), m)
        return _date_res(c, mod, explicit=True)
    wd = _g(m, "weekday")
    ahead = _year_ahead(ctx, m.end())
    if ahead is not None:
        # "26 June - 4 August 1952": the first end takes the year of the second
        if _valid_day(ahead, mon, day):
            return _date_res(_with_time(_Cal("day", ahead, mon, day), m), mod, explicit=True)
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    c, ok = _resolve_month_day(ctx, m.start(), m.end(), mon, day, rel)
    if wd and c.year is not None:
        # a weekday next to the date can settle the year
        wdn = _weekday_num(wd)
        if wdn:
            for yy in (c.year, c.year - 1, c.year + 1):
                if _valid_day(yy, mon, day) and date(yy, mon, day).isoweekday() == wdn:
                    c = replace(c, year=yy)
                    break
    c = _with_time(c, m)
    return _date_res(c, mod, anchored=ok)


@_normaliser("month_day_year")
def _n_mdy(m: re.Match, ctx: _Ctx):
    if not _month_ok(m, ctx):
        return None
    return _day_month_common(m, ctx, _ordinal(m.group("day")))


def _pod_of_date(m: re.Match, ctx: _Ctx):
    r = _day_month_common(m, ctx, _ordinal(m.group("day")))
    if r is None or r.cal is None:
        return r
    pre = m.group("pre").lower()
    mod = "START" if "early" in pre else "END" if "late" in pre else None
    return _date_res(replace(r.cal, pod=R.PARTS_OF_DAY[m.group("pod").lower()]), mod, r.anchored, r.explicit)


@_normaliser("pod_of_mdy")
def _n_pod_of_mdy(m: re.Match, ctx: _Ctx):
    return _pod_of_date(m, ctx)


@_normaliser("pod_of_dmy")
def _n_pod_of_dmy(m: re.Match, ctx: _Ctx):
    return _pod_of_date(m, ctx)


@_normaliser("month_dayword")
def _n_mdw(m: re.Match, ctx: _Ctx):
    return _day_month_common(m, ctx, _ordinal(m.group("dayw")))


@_normaliser("day_month_year")
def _n_dmy(m: re.Match, ctx: _Ctx):
    d = _g(m, "day")
    day = _ordinal(d) if d else _ordinal(m.group("dayw"))
    return _day_month_common(m, ctx, day)


def _month_ok(m: re.Match, ctx: _Ctx) -> bool:
    """Refuse "May" the verb and abbreviations that are not months."""
    mt = m.group("month")
    low = mt.lower().rstrip(".")
    if low == "march" and not (_g(m, "day") or _g(m, "year")):
        ms = m.start("month")
        if re.search(r"(?:\bthe|['’]s|\bannual|\bgreat|\blong|\bpeace|\bprotest)\s+$", ctx.text[max(0, ms - 12) : ms], re.I) and re.match(
            r"\s+(?:for|on|to|of|against|through|across|from)\b", ctx.text[m.end() : m.end() + 12]
        ):
            return False
    if not (_g(m, "day") or _g(m, "year") or _g(m, "rel")) and re.match(r"\s+of\s+(?:the\s+)?[A-Z][a-z]", ctx.text[m.end() : m.end() + 14]):
        return False  # a name: "the March of the Combatant Mothers", "the March of Dimes"
    if low == "may" and mt != "MAY":
        ms = m.start("month")
        before = ctx.text[max(0, ms - 20) : ms]
        after = ctx.text[m.end() : m.end() + 12]
        if _g(m, "day") or _g(m, "year"):
            return True
        return bool(re.search(r"(?:\b(?:in|of|since|until|till|by|early|late|mid|last|next|this|through|from|during|to|before|after|between|and|or|that|each|every|coming|previous|following|same|end|beginning|start|middle)\s*-?|[(,])\s*$", before, re.I)) and not re.match(r"\s+(?:be|have|not|I|we|you|he|she|it|they)\b", after)
    return True


@_normaliser("month_year")
def _n_month_year(m: re.Match, ctx: _Ctx):
    mon = _month_num(m.group("month"))
    if mon is None:
        return None
    y = _year_num(m.group("year"), ctx)
    return _date_res(_Cal("month", y, mon), _mod_of(_g(m, "mod")), explicit=True)


@_normaliser("month")
def _n_month(m: re.Match, ctx: _Ctx):
    if not _month_ok(m, ctx):
        return None
    mt = m.group("month")
    mon = _month_num(mt)
    if mon is None:
        return None
    if not m.group("rel") and not m.group("thatyear") and in_name_or_title(ctx.text, m.start("month"), m.end("month")):
        return None  # "by Jane July"
    # "March" opening a sentence may be the verb/noun; keep it when a date word follows
    rel = (m.group("rel") or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    mod = _mod_of(_g(m, "mod"))
    if rel in ("the end of", "the beginning of", "the start of", "the middle of"):
        mod, rel = _mod_of(rel), ""
    if m.group("thatyear"):
        base = ctx.anaphoric()
        if base is None or base.year is None:
            return _date_res(_Cal("month", None, mon), mod)
        ty = re.sub(r"\s+", " ", m.group("thatyear").lower())
        y = base.year + (1 if "following" in ty or "next" in ty else -1 if "previous" in ty else 0)
        deictic_year = re.match(r"(?:of )?(last|this|next) year", ty)
        if deictic_year and ctx.deictic() is not None and ctx.deictic().year is not None:
            y = ctx.deictic().year + {"last": -1, "this": 0, "next": 1}[deictic_year.group(1)]
        return _date_res(_Cal("month", y, mon), mod, anchored=True)
    if rel in ("the previous", "previous", "the following", "following", "the next", "the same", "that"):
        base = ctx.anaphoric()
        if base is None or base.year is None:
            return _date_res(_Cal("month", None, mon), mod)
        bm = base.month or 6
        if "previous" in rel:
            y = base.year if mon < bm else base.year - 1
        elif "following" in rel or "next" in rel:
            y = base.year if mon > bm else base.year + 1
        else:
            y = base.year
        return _date_res(_Cal("month", y, mon), mod, anchored=True)
    ahead = _year_ahead(ctx, m.end()) if not rel else None
    if ahead is not None:
        return _date_res(_Cal("month", ahead, mon), mod, explicit=True)
    c, ok = _resolve_month_day(ctx, m.start(), m.end(), mon, None, rel)
    return _date_res(c, mod, anchored=ok)


@_normaliser("season")
def _n_season(m: re.Match, ctx: _Ctx):
    word = m.group("season").lower()
    s = R.SEASONS[word]
    if not (m.group("rel") or m.group("year") or m.group("year2")) and in_name_or_title(ctx.text, m.start("season"), m.end("season")):
        return None  # "One Golden Summer", "the Arab Spring"
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    anaphoric = rel.startswith("the ") or ctx.narrative
    if rel.startswith("the "):
        rel = rel[4:]
    ytxt = m.group("year") or m.group("year2")
    mod = _mod_of(_g(m, "mod"))
    if word == "fall" and not ytxt:
        before = ctx.text[max(0, m.start() - 25) : m.start()]
        after = ctx.text[m.end() : m.end() + 15]
        full = m.group(0).lower()
        if not rel and re.match(r"\s+(?:of|in|to|from|by|on|off|back|into|short|apart|behind|below|under|out|and\s+(?:rise|winter))\b", after, re.I):
            return None
        if not rel and not mod and not re.search(r"\b(?:in|this|last|next|the|that|during|by|until|since|early|late|mid|through|for|autumn|same|coming|previous|following)\s*-?\s*$", before + (" the" if full.startswith("the") else ""), re.I):
            return None
    if word in ("spring",) and re.match(r"\s+(?:of\s+(?:water|the\s+\w+\s+river)|water|s\b)", ctx.text[m.end() : m.end() + 15]):
        return None
    if ytxt:
        y = _year_num(ytxt, ctx)
        return _date_res(_Cal("season", y, season=s), mod, explicit=True)
    smonth = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[s]
    if rel in ("last", "past", "previous", "this past"):
        base = ctx.anaphoric() if (rel == "previous" or anaphoric) else ctx.deictic()
        if base is None or base.year is None:
            return _date_res(_Cal("season", None, season=s), mod)
        bm = base.month or 6
        y = base.year if smonth < bm else base.year - 1
        if s == "WI" and rel in ("last", "past"):
            y = base.year - 1 if bm >= 3 else base.year - 1
        return _date_res(_Cal("season", y, season=s), mod, anchored=True)
    if rel in ("next", "coming", "following", "this coming"):
        base = ctx.anaphoric() if (rel == "following" or anaphoric) else ctx.deictic()
        if base is None or base.year is None:
            return _date_res(_Cal("season", None, season=s), mod)
        bm = base.month or 6
        y = base.year if smonth > bm else base.year + 1
        return _date_res(_Cal("season", y, season=s), mod, anchored=True)
    if rel in ("this",):
        base = ctx.deictic()
    elif rel in ("that", "same"):
        base = ctx.anaphoric()
    else:
        base, _ = ctx.underspecified_base(m.start())
    if base is None or base.year is None:
        return _date_res(_Cal("season", None, season=s), mod)
    y = base.year
    if s == "WI" and (base.month or 6) <= 2 and not ctx.narrative:
        y -= 1
    return _date_res(_Cal("season", y, season=s), mod, anchored=True)


@_normaliser("year_season")
def _n_year_season(m: re.Match, ctx: _Ctx):
    s = R.SEASONS[m.group("season").lower()]
    return _date_res(_Cal("season", int(m.group("year")), season=s), _mod_of(_g(m, "mod")), explicit=True)


_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@_normaliser("quarter")
def _n_quarter(m: re.Match, ctx: _Ctx):
    full = m.group(0)
    low_full = full.lower()
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", full)]
    if "year-earlier" in low_full or "year earlier" in low_full:
        words.append("year-earlier")
    if "year-ago" in low_full or m.group("ago"):
        words.append("year-ago")  # "the quarter a year ago", "the third quarter last year"
    after = ctx.text[m.end() : m.end() + 20]
    if re.match(r"\s+of\s+(?:a|an|the|its|their|his|her|all|those|these|\d)", after, re.I) and not m.group("year"):
        return None
    if re.match(r"-to-", after):
        return None  # "the quarter-to-quarter comparison"
    qn = None
    for w in words:
        if w in _Q_ORD:
            qn = _Q_ORD[w]
    has_the = bool(m.group("the"))
    rels = [w for w in words if w in ("last", "past", "next", "this", "coming", "previous", "current", "latest", "recent", "year-earlier", "year-ago", "same", "prior", "final")]
    if not qn and not rels and not has_the and not m.group("year"):
        return None  # bare "quarter"
    if "final" in rels and qn is None:
        qn = 4
    ytxt = m.group("year") or m.group("yearpre")
    if ytxt:
        y = int(ytxt)
        if qn is None:
            return _Res("DATE", f"{y}-QX", None, explicit=True)
        return _date_res(_Cal("quarter", y, quarter=qn), explicit=True)
    a = ctx.deictic()
    if m.group("yposs") and a is not None and a.year is not None:
        y = a.year + {"this": 0, "last": -1, "next": 1}[m.group("yposs").lower()]
        if qn is None:
            if ctx.last_quarter is not None:
                return _date_res(replace(ctx.last_quarter, year=y), anchored=True)
            return _Res("DATE", f"{y}-QX", None, anchored=True)
        return _date_res(_Cal("quarter", y, quarter=qn), anchored=True)
    if qn is not None:
        if ctx.narrative or a is None:
            base = ctx.anaphoric()
            if base is None or base.year is None:
                return _date_res(_Cal("quarter", None, quarter=qn))
            return _date_res(_Cal("quarter", base.year, quarter=qn), anchored=True)
        y = a.year
        aq = _quarter_of(a.month)
        if "year-earlier" in rels or "year-ago" in rels:
            y -= 1
        elif "next" in rels or "coming" in rels:
            y = y if qn > aq else y + 1
        elif "last" in rels or "previous" in rels or "past" in rels:
            y = y if qn < aq else y - 1
        else:
            direction = ctx.direction(m.start(), m.end())
            if qn > aq and direction != "future":
                y -= 1
        r = _date_res(_Cal("quarter", y, quarter=qn), anchored=True)
        if "year-earlier" in rels or "year-ago" in rels:
            r.focus = False
        return r
    # relative quarter without an ordinal
    if a is None or a.year is None or a.month is None:
        return None
    cur = _Cal("quarter", a.year, quarter=_quarter_of(a.month))
    if "current" in rels or "this" in rels:
        c = cur
    elif "next" in rels or "coming" in rels:
        c = _shift(cur, 1, "quarter")
    elif "year-earlier" in rels or "year-ago" in rels:
        base = ctx.last_quarter or _shift(cur, -1, "quarter")
        c = _shift(base, -4, "quarter")
    elif "last" in rels or "latest" in rels or "past" in rels or "previous" in rels or "recent" in rels or "prior" in rels:
        if "latest" in rels and ctx.last_quarter is not None:
            c = ctx.last_quarter
        else:
            c = _shift(cur, -1, "quarter")
        if "previous" in rels and ctx.last_quarter is not None:
            c = _shift(ctx.last_quarter, -1, "quarter")
    else:  # "the quarter", "the same quarter"
        c = ctx.last_quarter or _shift(cur, -1, "quarter")
    r = _date_res(c, anchored=True)
    if r is not None and ("year-earlier" in rels or "year-ago" in rels):
        r.focus = False
    return r


@_normaliser("quarter_code")
def _n_quarter_code(m: re.Match, ctx: _Ctx):
    q = int(m.group("q")[1])
    if m.group("year"):
        return _date_res(_Cal("quarter", int(m.group("year")), quarter=q), explicit=True)
    a = ctx.deictic()
    if a is None:
        return _date_res(_Cal("quarter", None, quarter=q))
    return _date_res(_Cal("quarter", a.year, quarter=q), anchored=True)


@_normaliser("week_num")
def _n_week_num(m: re.Match, ctx: _Ctx):
    y = int(m.group("year") or m.group("year2"))
    w = int(m.group("wn") or m.group("wn2"))
    try:
        date.fromisocalendar(y, w, 1)
    except ValueError:
        return None
    return _date_res(_Cal("week", y, week=w), explicit=True)


@_normaliser("half")
def _n_half(m: re.Match, ctx: _Ctx):
    which = m.group("which").lower()
    h = 1 if which == "first" else 2
    if m.group("year"):
        return _date_res(_Cal("half", int(m.group("year")), half=h), explicit=True)
    of = (m.group("ofwhat") or "").lower()
    if "decade" in of or "'" in of or "’" in of or re.search(r"\d{4}s", of) or "century" in of:
        base = ctx.anaphoric()
        dm = re.search(r"(\d)0s", of)
        if dm and base is not None and base.year is not None:
            dec = (base.year // 100) * 10 + int(dm.group(1))
            return _Res("DATE", "%03d" % dec, None, "END" if h == 2 else "START", True)
        return None
    if which in ("current", "latest", "previous", "last") and not of:
        a = ctx.deictic()
        if a is None:
            return None
        cur = _Cal("half", a.year, half=1 if a.month <= 6 else 2)
        c = cur if which == "current" else _shift(cur, -1, "half")
        return _date_res(c, anchored=True)
    if "last year" in of:
        a = ctx.deictic()
        y = a.year - 1 if a else None
    elif "next year" in of:
        a = ctx.deictic()
        y = a.year + 1 if a else None
    elif "this year" in of:
        a = ctx.deictic()
        y = a.year if a else None
    else:
        base, _ = ctx.underspecified_base(m.start())
        y = base.year if base is not None else None
    return _date_res(_Cal("half", y, half=h), anchored=y is not None)


@_normaliser("year")
def _n_year(m: re.Match, ctx: _Ctx):
    y = int(m.group("year"))
    start, end = m.start(), m.end()
    before = ctx.text[max(0, start - 25) : start]
    after = ctx.text[end : end + 30]
    if not m.group("fiscal") and not m.group("ad"):
        if R.NOT_YEAR_BEFORE.search(before) or R.NOT_YEAR_AFTER.match(after):
            return None
        if re.search(r"[A-Za-z]-$", before) and re.match(r"-\d", after):
            return None  # an identifier: "CVE-2025-11700"
        if not _g(m, "mod") and is_model_year(ctx.text, m.start("year"), m.end("year")):
            return None  # "the 2026 Toyota Camry": a model year
        if not _g(m, "mod") and is_title_year(ctx.text, m.start("year"), m.end("year")):
            return None  # "the 2017 National Electrical Code": a title
        if re.match(r"\s*(?:-|–|to)\s*\d{1,3}(?!\d)", after) and not re.match(r"\s*(?:-|–)\s*\d{2}\b", after):
            return None  # "1500-600" scores, ranges of quantities
        if re.search(r"\d[\d,.]*\s*(?:-|–|to)\s*$", before) and not re.search(r"\b(?:1[0-9]{3}|20[0-9]{2})\s*(?:-|–|to)\s*$", before):
            return None
        if re.match(r"[/:]\d", after) or re.search(r"\d[/:]$", before):
            return None
        if ctx.anchor is not None and y > ctx.anchor.year + 30 and not re.search(r"\b(?:in|by|until|to|from|of|the\s+year|after|before|since)\s*$", before, re.I):
            return None
    return _date_res(_Cal("year", y), _mod_of(_g(m, "mod")), explicit=True)


@_normaliser("year_bc")
def _n_year_bc(m: re.Match, ctx: _Ctx):
    y = int(m.group("year"))
    return _date_res(_Cal("year", -y), _mod_of(_g(m, "mod")), explicit=True)


@_normaliser("year_ad")
def _n_year_ad(m: re.Match, ctx: _Ctx):
    return _date_res(_Cal("year", int(m.group("year") or m.group("year2"))), explicit=True)


@_normaliser("year_short")
def _n_year_short(m: re.Match, ctx: _Ctx):
    return _date_res(_Cal("year", _year_num(m.group("year"), ctx)), explicit=True)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


@_normaliser("decade")
def _n_decade(m: re.Match, ctx: _Ctx):
    t = m.group("decade").lower()
    mod = _mod_of(_g(m, "mod"))
    if t in _DECADE_WORDS:
        base = ctx.deictic() or ctx.anaphoric()
        by = base.year if base is not None and base.year is not None else 1950
        dec = (by // 100) * 10 + _DECADE_WORDS[t]
        if dec * 10 > by:
            dec -= 10
        # "the sixties" in an ordinary sentence is more often an age/temperature
        if not re.match(r"(?:the\s+)", m.group(0), re.I):
            return None
        return _Res("DATE", "%03d" % dec, _Cal("decade", decade=dec), mod, True)
    digits = re.sub(r"\D", "", t)
    if m.group("bc"):
        dec = int(digits) // 10  # the 490s BC: "BC049"
        return _Res("DATE", "BC%03d" % dec, _Cal("decade", decade=-dec), mod, False, explicit=True)
    if len(digits) == 4 and digits.endswith("00") and int(digits) < 2000 and not m.group("bc"):
        # "the 1700s" are the years 1700-1799 (the 18th century), not 1700-1709
        cent = int(digits[:2])
        return _Res("DATE", "%02d" % cent, _Cal("century", century=cent), mod, False, explicit=True)
    if len(digits) == 4:
        dec = int(digits[:3])
        if m.group("bc"):
            return _Res("DATE", "BC%03d" % dec, _Cal("decade", decade=-dec), mod, False, explicit=True)
        return _Res("DATE", "%03d" % dec, _Cal("decade", decade=dec), mod, False, explicit=True)
    # '80s
    d = int(digits[0])
    base = ctx.deictic() or ctx.anaphoric()
    by = base.year if base is not None and base.year is not None else 1950
    dec = (by // 100) * 10 + d
    if dec * 10 > by:
        dec -= 10
    return _Res("DATE", "%03d" % dec, _Cal("decade", decade=dec), mod, True)


@_normaliser("century")
def _n_century(m: re.Match, ctx: _Ctx):
    n = _ordinal(m.group("cent"))
    if n is None or n < 1:
        return None
    mod = _mod_of(_g(m, "mod"))
    if m.group("bc"):
        return _Res("DATE", "BC%02d" % (n - 1), _Cal("century", century=-n), mod, explicit=True)
    return _Res("DATE", "%02d" % (n - 1), _Cal("century", century=n - 1), mod, explicit=True)


_DEICTIC_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}


@_normaliser("deictic_day")
def _n_deictic(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group("word").lower())
    mod = _mod_of(m.group("mod").strip() if m.group("mod") else None)
    if w == "today" and not m.group("mod") and in_name_or_title(ctx.text, m.start("word"), m.end("word")):
        return None  # "Psychology Today"
    a = ctx.deictic()
    if ctx.anchor is None:
        if w in ("today",):
            return _Res("DATE", "PRESENT_REF", None, mod)
        if w == "tonight":
            return _Res("TIME", "PRESENT_REF", None, mod)
        if a is None:
            return _Res("DATE", "XXXX-XX-XX", None, mod)
    if a is None:
        return None
    after = ctx.text[m.end() : m.end() + 40]
    if w == "today":
        poss = re.match(r"['’]s\s+([\w-]+)", after)
        if poss and (poss.group(1).lower() in R.GENERIC_AFTER_TODAYS or R.ADJECTIVE_WORD.fullmatch(poss.group(1).lower())):
            # "today's world", "today's digital challenges", "today's tech-driven economy"
            return _Res("DATE", "PRESENT_REF", None, mod)
        if ctx.narrative and not re.search(r"[\"“”]", ctx.text[max(0, m.start() - 200) : m.start()]):
            return _Res("DATE", "PRESENT_REF", None, mod)
        if not m.group("pod") and _present_era(ctx, m.start(), m.end()):
            return _Res("DATE", "PRESENT_REF", None, mod)
    d = _shift(a, _DEICTIC_OFFSET[w], "day")
    if w == "tonight":
        d = replace(d, pod="NI")
    pod = m.group("pod")
    if pod:
        d = replace(d, pod=R.PARTS_OF_DAY[pod.lower()])
    r = _date_res(d, mod, anchored=True)
    r.deictic = True
    return r


def _present_era(ctx: _Ctx, start: int, end: int) -> bool:
    """True when "today" means the present era, not the page's day.

    Contrast with the past ("than today", "even today", "still ... today",
    "the world of today") always does; a sentence that opens with "Today,"
    does when its clause says nothing happened, will happen or is under way
    that day: no past or future tense, no progressive, no first person
    ("Today, most households own a car" against "Today, the board voted").
    """
    text = ctx.text
    before = text[max(0, start - 60) : start]
    if R.PRESENT_ERA_BEFORE.search(before):
        return True
    s = start
    while s > 0 and text[s - 1] not in ".!?\n":
        s -= 1
    e = end
    while e < len(text) and text[e] not in ".!?\n":
        e += 1
    opens = not text[s:start].strip(" \t\"“‘(")
    if not (opens and re.match(r"\s*,", text[end : end + 2])):
        return False
    clause = text[end:e]
    if R.SPECIFIC_TODAY.search(clause) or R.FUTURE_STRONG.search(clause) or R.FUTURE_WEAK.search(clause):
        return False
    return not any(
        w.group(0).lower() not in R.NOT_PAST_ED and not R.PASSIVE_BEFORE.search(clause, 0, w.start())
        for w in R.PAST_STRONG.finditer(clause)
    )  # "is encoded": a present passive, no past


@_normaliser("part_of_day")
def _n_pod(m: re.Match, ctx: _Ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    pod = R.PARTS_OF_DAY[m.group("pod").lower()]
    mod = None
    for k, v in (("early", "START"), ("late", "END"), ("earlier", "START"), ("later", "END")):
        if rel.startswith(k + " "):
            mod, rel = v, rel[len(k) + 1 :]
    if rel == "this":
        base = ctx.deictic()
        delta = 0
    elif rel == "last":
        base = ctx.deictic()
        delta = -1 if pod == "NI" or (ctx.anchor_time and ctx.anchor_time.hour >= 12) is False else -1
    elif rel in ("the previous",):
        base, delta = ctx.anaphoric(), -1
    elif rel in ("the following", "the next"):
        base, delta = ctx.anaphoric(), 1
    else:  # that, the, the same
        base, delta = ctx.anaphoric(), 0
    if base is None or base.gran != "day":
        if rel == "the":
            return None
        return _Res("TIME", "XXXX-XX-XXT" + pod, None, mod)
    d = _shift(base, delta, "day")
    return _date_res(replace(d, pod=pod), mod, anchored=True)


@_normaliser("overnight")
def _n_overnight(m: re.Match, ctx: _Ctx):
    base = ctx.anaphoric()
    if base is None or base.gran != "day":
        return None
    return _date_res(replace(base, pod="NI"), anchored=True)


@_normaliser("weekday")
def _n_weekday(m: re.Match, ctx: _Ctx):
    wd = _weekday_num(m.group("weekday"))
    if wd is None:
        return None
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if not rel and in_name_or_title(ctx.text, m.start("weekday"), m.end("weekday")):
        return None  # "The Thursday Murder Club"
    mod = None
    if rel in ("early", "late", "earlier", "later"):
        mod, rel = _mod_of(rel), ""
    pod = m.group("pod")
    if pod and pod.lower().endswith("s"):
        return _Res("SET", "XXXX-WXX-%d" % wd + "T" + R.PARTS_OF_DAY[pod.lower()[:-1]], None)
    c = _resolve_weekday(ctx, m.start(), m.end(), wd, rel)
    if c is None:
        v = "XXXX-WXX-%d" % wd
        return _Res("TIME" if pod else "DATE", v + ("T" + R.PARTS_OF_DAY[pod.lower()] if pod else ""), None, mod)
    if pod:
        c = replace(c, pod=R.PARTS_OF_DAY[pod.lower()])
    return _date_res(c, mod, anchored=True)


_UNIT_GRAN = {
    "day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year",
    "quarter": "quarter", "decade": "decade", "century": "century", "fiscal year": "year",
    "school year": "year", "season": "season", "millennium": "century",
}


@_normaliser("rel_unit")
def _n_rel_unit(m: re.Match, ctx: _Ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    gran = _UNIT_GRAN[unit]
    modtxt = (m.group("mod") or "").strip().lower()
    mod = _mod_of(re.sub(r"\s+", " ", modtxt)) if modtxt else None
    if modtxt.startswith(("the rest", "the remainder")):
        mod = "END"
    if modtxt.startswith("the first half"):
        mod = "START"
    if modtxt.startswith("the second half"):
        mod = "END"
    the = rel.startswith("the ")
    core = rel[4:] if the else rel
    core = core.replace("this coming", "coming").replace("this past", "past")
    if core in ("that same", "this same", "very same"):
        core = "same"
    # "the whole year", "the next decade": durations; "the next day" is a date.
    # "the past year" in news names the year before the document date (the
    # TimeBank/AQUAINT annotation: "over the past year" -> 1997, "in the last
    # decade" -> 198); in a narrative it is the stretch just told of.
    news_past = core in ("past", "last") and unit != "century" and not ctx.narrative and ctx.anchor is not None
    if the and (core in ("past", "last", "whole", "entire") or (core in ("next", "coming") and unit in ("decade", "century"))) and not mod and not news_past:
        n = 1
        letter, is_t, _ = R.UNITS.get(unit.split()[-1], ("Y", False, "year"))
        return _Res("DURATION", f"P{n}{letter}", None, None, False)
    if core in ("whole", "entire", "new") and not the:
        return None
    deictic = core in ("last", "this", "next", "coming", "past", "current", "present") and (not the or news_past)
    if core in ("current", "present") and the:
        deictic = True
    if ctx.narrative and core == "this" and unit in ("day", "month", "week", "year"):
        deictic = False
    if deictic:
        base = ctx.deictic()
    else:
        base = ctx.anaphoric()
        if gran in ("decade", "century") and ctx.coarse is not None and ctx.coarse_pos > ctx.ref_pos:
            # "the 1800s ... the following century": the period in focus is the one just named
            if not (gran == "decade" and ctx.coarse.gran == "century"):
                base = ctx.coarse
    if base is None:
        return _Res("DATE", "PRESENT_REF" if core in ("this", "current", "present") else ("PAST_REF" if core in ("last", "past", "previous") else "FUTURE_REF"), None, mod)
    if gran == "quarter" and core in ("same", "that") and ctx.last_quarter is not None:
        return _date_res(ctx.last_quarter, mod, anchored=True)
    step = {
        "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
        "next": 1, "coming": 1, "following": 1, "succeeding": 1, "subsequent": 1,
    }.get(core, 0)
    if gran == "weekend":
        cur = _coarsen(base, "week") if base.gran not in ("century", "decade", "year") else None
        if cur is None:
            return None
        cur = replace(cur, weekend=True)
        if core in ("last", "past") and deictic and base.gran == "day":
            d = base.as_date()
            if d is not None and d.isoweekday() >= 6:
                step = -1
            else:
                step = -1 if step else 0
                step = -1
        c = _shift(cur, step, "week")
        return _date_res(replace(c, weekend=True) if c else None, mod, anchored=True)
    if gran in ("decade", "century"):
        if base.year is None and base.gran not in ("decade", "century"):
            return None
        cur = _coarsen(base, gran)
        c = _shift(cur, step, gran)
        if c is None:
            return None
        v = _value(c)
        r = _Res("DATE", v, c, mod, True)
        if news_past and the and ctx.anchor is not None and ctx.anchor.year > 100:
            # "over the last decade": the ten years up to the page's date
            n_years = 10 if gran == "decade" else 100
            r.period = (date(ctx.anchor.year - n_years, 1, 1), ctx.anchor, gran)
        return r
    if base.year is None:
        return None
    if _finer_or_equal(_Cal(gran), base) and gran != base.gran:
        # base is coarser than the unit ("that day" after "1939")
        if gran == "day" and base.gran != "day":
            # "that same day" after "last October": a day of that month, which
            # day unknown (TIMEX3 "1998-10-XX")
            if base.gran in ("month", "year") and base.year is not None:
                v = _value(_coarsen(base, base.gran)) + ("-XX" if base.gran == "month" else "-XX-XX")
                return _Res("DATE", v, base, mod, True)
            return _Res("DATE", _value(_coarsen(base, base.gran)), base, mod, True)
        cur = _coarsen(base, gran) if base.as_date() is not None else None
        if cur is None:
            return None
    else:
        cur = _coarsen(base, gran)
    c = _shift(cur, step, gran if gran != "weekend" else "week")
    r = _date_res(c, mod, anchored=True)
    if r is not None and deictic and core == "this" and gran == "week" and modtxt in ("earlier", "later") and base.gran == "day":
        # "earlier this week": Monday to the day before the page's date;
        # "later this week": the day after it to Sunday
        p = _period(c)
        b = base.as_date()
        if p is not None and b is not None:
            lo, hi = (p[0], b - timedelta(days=1)) if modtxt == "earlier" else (b + timedelta(days=1), p[1])
            if lo <= hi:
                r.period = (lo, hi, "week")
    return r


@_normaliser("year_earlier")
def _n_year_earlier(m: re.Match, ctx: _Ctx):
    what = (m.group("what") or "").lower()
    a = ctx.deictic()
    if a is None:
        return None
    if ctx.last_quarter is not None and what in ("", "period", "quarter", "level", "levels", "figure", "figures"):
        c = _shift(ctx.last_quarter, -4, "quarter")
    elif what == "month":
        c = _shift(_coarsen(a, "month"), -12, "month")
    elif what == "week":
        c = _shift(_coarsen(a, "week"), -52, "week")
    else:
        c = _Cal("year", a.year - 1)
    res = _date_res(c, anchored=True)
    if res is not None:
        res.focus = False
    if res is not None and what in ("level", "levels", "figure", "figures"):
        res.end = m.start("what") - 1
    return res


_DIR_BACK = ("ago", "earlier", "before", "back", "previously", "prior")


def _unit_of(text: str) -> str:
    t = text.lower()
    return R.UNIT_PLURALS.get(t, t)


@_normaliser("offset")
def _n_offset(m: re.Match, ctx: _Ctx):
    unit = _unit_of(m.group("unit"))
    d = re.sub(r"\s+", " ", m.group("dir").lower())
    numtxt = m.group("num")
    n = _number(numtxt)
    approx = (m.group("approx") or "").strip().lower()
    after = ctx.text[m.end() : m.end() + 30]
    if d in ("before", "after", "since") and re.match(r"\s*(?:the|a|an|his|her|their|its|this|that|these|those|[A-Z]|\w+ing\b)", after):
        if not (ctx.narrative and d in ("before", "after")):
            return _dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    if d == "on" and not re.match(r"\s*[,.;:)]", after):
        return _dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    if d == "since":
        return _dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    if d in ("later", "after", "afterward", "afterwards", "on") and not ctx.narrative:
        # news annotation marks "three days" in "three days later" as a duration
        return _dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    mod = _approx_mod(approx)
    back = d in _DIR_BACK
    deictic = d in ("ago", "hence", "from now", "back")
    base = ctx.deictic() if deictic else ctx.anaphoric()
    if unit in ("hour", "minute", "second"):
        base_dt = ctx.anchor_time if deictic else None
        if base_dt is not None and n is not None:
            delta = timedelta(**{unit + "s": n})
            t = base_dt - delta if back else base_dt + delta
            return _Res("TIME", t.strftime("%Y-%m-%dT%H:%M"), _day(t.date(), hour=t.hour, minute=t.minute), mod, True)
        return _Res("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod)
    if n is None or base is None or base.year is None and base.gran not in ("decade", "century"):
        if base is None or n is None:
            return _Res("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod, True)
    gran = {"day": "day", "night": "day", "week": "week", "fortnight": "week", "weekend": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century", "season": "season", "millennium": "century"}.get(unit, "day")
    if unit in ("week", "fortnight") and base.gran == "day":
        gran = "day"
    if not float(n).is_integer():
        if unit == "year":
            n, unit, gran = n * 12, "month", "month"
        else:
            return _Res("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod, True)
    n = int(n)
    if ctx.last_quarter is not None and unit == "year" and n == 1 and d in ("ago", "earlier") and not ctx.narrative:
        # "up from $10 million a year ago" in a quarterly report: the same quarter a year before
        r = _date_res(_shift(ctx.last_quarter, -4, "quarter"), mod, anchored=True)
        r.focus = False
        return r
    if unit in ("week", "fortnight") and deictic:
        gran = "week"
    # count in the unit's granularity: "two weeks ago" is a week, "ten days ago" a day
    cur = _coarsen(base, gran) if base.gran != gran and _finer_or_equal(base, _Cal(gran)) else base
    step_unit = {"fortnight": "week", "night": "day", "weekend": "week", "millennium": "century"}.get(unit, unit)
    c = _shift(cur, -n if back else n, step_unit)
    if c is None:
        return None
    r = _date_res(c, mod, anchored=True)
    r.deictic = deictic
    lower = R.COUNT_RANGE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    inner = re.match(r"\s*(\d{1,3}|[a-z]+)\s+(?:to|or)\s+", numtxt)
    if back and r is not None and (lower is not None or inner is not None) and step_unit in ("year", "decade", "month") and not approx:
        # "10–20 years ago", "two to three years ago": from the far end to the near one
        n0 = int(lower.group("n0")) if lower is not None else int(_number(inner.group(1)) or 0)
        near = _shift(cur, -n0, step_unit) if 0 < n0 < n else None
        p_far, p_near = _period(c), (_period(near) if near is not None else None)
        if p_far is not None and p_near is not None:
            r.period = (p_far[0], p_near[1], p_far[2])
            if lower is not None:
                r.start = lower.start()
    return r


def _approx_mod(approx: str) -> str | None:
    a = re.sub(r"\s+", " ", approx.strip().lower())
    return {
        "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
        "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "LESS_THAN",
        "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
        "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
        "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
        "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
        "within": "EQUAL_OR_LESS",
    }.get(a)


def _dur_value(n: float | None, unit: str) -> str:
    letter, is_time, _ = R.UNITS.get(unit, ("X", False, ""))
    if unit == "weekend":
        return "P%sWE" % ("X" if n is None else _num_str(n))
    pre = "PT" if is_time else "P"
    if n is None:
        return f"{pre}X{letter}"
    if not float(n).is_integer():
        whole = int(n)
        frac = n - whole
        sub = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("D", 30) if not is_time else ("S", 60), "W": ("D", 7)}
        if letter in sub:
            sl, k = sub[letter]
            part = int(round(frac * k))
            if letter == "D":
                return (f"P{whole}DT{part}H" if whole else f"PT{part}H")
            if letter == "Y" and sl == "M":
                return f"P{whole}Y{part}M" if whole else f"P{part}M"
            if letter == "W":
                return f"P{whole}W{part}D" if whole else f"P{part}D"
            if letter == "H":
                return f"PT{whole}H{part}M" if whole else f"PT{part}M"
            if letter == "M" and is_time:
                return f"PT{whole}M{part}S" if whole else f"PT{part}S"
            if letter == "M":
                return f"P{whole}M{part}D" if whole else f"P{part}D"
        return f"{pre}{_num_str(n)}{letter}"
    return f"{pre}{int(n)}{letter}"




def _dur_from_match(m: re.Match, ctx: _Ctx, start: int | None = None, end: int | None = None):
    unit = _unit_of(m.group("unit"))
    numtxt = m.group("num")
    nlow = re.sub(r"\s+", " ", numtxt.lower())
    approx = (m.group("approx") or "").strip().lower() if _g(m, "approx") else ""
    s = m.start() if start is None else start
    e = m.end() if end is None else end
    text = ctx.text[s:e]
    if _g(m, "old") and (end is None or end >= m.end("old")):
        return None  # ages: "30 years old", "a 30-year-old man"

    after = ctx.text[e : e + 20]
    if re.match(r"-old\b", after) or re.match(r"\s*old\b", after):
        return None
    if unit == "second" and nlow in ("a", "the", "one", "single", "a single"):
        return None
    if unit == "quarter" and re.match(r"\s+of\b", after, re.I):
        return None
    if unit in ("minute",) and nlow in ("a", "one") and re.match(r"\s+(?:detail|amount|fraction|quantity|particle)", after):
        return None
    if unit == "day" and nlow in ("one",) and ctx.narrative and not approx:
        return _Res("DATE", "XXXX-XX-XX", None, None, False, s, e)
    # "$5 a year" -> SET
    if nlow in ("a", "an") and not approx and R.AMOUNT_BEFORE.search(ctx.text[max(0, s - 20) : s]):
        letter = R.UNITS.get(unit, ("X", False, ""))
        return _Res("SET", _dur_value(1, unit), None, None, False, s, e)
    n = _number(numtxt) if nlow not in R.VAGUE_QUANTITIES and not any(nlow.endswith(v) for v in ("few", "several", "some", "many")) else None
    if n is None and nlow not in R.VAGUE_QUANTITIES and not any(nlow.endswith(v) for v in ("few", "several", "some", "many", "number of", "numerous", "matter of", "countless")):
        return None
    if _g(m, "half") and n is not None:
        n += 0.5
    if n is not None and n > 10000:
        return None
    if unit == "decade" and n is not None and float(n).is_integer():
        val = "P%dDE" % int(n)
    elif unit == "century" and n is not None and float(n).is_integer():
        val = "P%dCE" % int(n)
    else:
        val = _dur_value(n, unit)
    mod = _approx_mod(approx.replace("the ", "")) if approx else None
    adjectival = "-" in ctx.text[m.end("num") : m.start("unit")] or (n is not None and n != 1 and not m.group("unit").lower().endswith("s"))
    if approx == "the" and start is None and adjectival:
        s = m.start("num")  # "the eight-year war", "the 30-day period": the article goes with the noun
    return _Res("DURATION", val, None, mod, False, s, e)


@_normaliser("duration")
def _n_duration(m: re.Match, ctx: _Ctx):
    return _dur_from_match(m, ctx)


@_normaliser("duration_vague")
def _n_duration_vague(m: re.Match, ctx: _Ctx):
    unit = _unit_of(m.group("unit"))
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").strip().lower())
    tail = (m.group("tail") or "").lower()
    after = ctx.text[m.end() : m.end() + 20]
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    if unit in ("hour", "minute") and not pre:
        return None
    if re.match(r"\s*(?:-|–)?\s*old\b|\s+of\s+age", after):
        return None
    if not pre and re.search(r"\bthe\s*$", before, re.I):
        # "in the weeks before the shooting": the bare plural is the timex
        if not re.match(r"\s+(?:ahead|to\s+come|since|after|before|that|following|of\s+(?:war|conflict|fighting))\b", after):
            return None
    elif not pre and re.search(r"\b(?:these|those|their|its|his|her|our|your|my|many|several|few|some|all|of)\s*$", before, re.I):
        return None
    val = _dur_value(None, unit)
    if unit == "decade":
        val = "PXDE"
    elif unit == "century":
        val = "PXCE"
    return _Res("DURATION", val, None, "APPROX" if "or " in tail else None)


@_normaliser("duration_while")
def _n_while(m: re.Match, ctx: _Ctx):
    return _Res("DURATION", "PXX", None)


@_normaliser("the_unit")
def _n_the_unit(m: re.Match, ctx: _Ctx):
    the = m.group("the").lower()
    unit = m.group("unit").lower()
    after = ctx.text[m.end() : m.end() + 25]
    before = ctx.text[max(0, m.start() - 25) : m.start()]
    if m.group("adj") and the != "the":
        return None  # "a full year" is a duration_rule match; "each fiscal year" is rare
    modtxt = re.sub(r"\s+", " ", (m.group("mod") or "").strip().lower())
    mod = None
    if modtxt:
        if the not in ("the",):
            return None
        key = modtxt if modtxt.startswith("the ") else "the " + modtxt
        mod = _mod_of(key) or ("END" if "rest" in key or "remainder" in key or "close" in key else "START" if "turn" in key else None)
    if the == "the" and unit in ("year", "quarter", "month", "week") and re.match(r"\s+(?:ended|ending|that\s+ended|which\s+ended|through|to\s+date)\b", after) and not mod:
        return _Res("DURATION", _dur_value(1, unit) if unit != "quarter" else "P3M", None)
    if the in ("each", "every", "per"):
        if unit in ("morning", "afternoon", "evening", "night"):
            return _Res("SET", "XXXX-XX-XXT" + R.PARTS_OF_DAY[unit], None)
        return _Res("SET", _dur_value(1, unit), None)
    if the in ("a", "an", "one"):
        if unit in ("morning", "afternoon", "evening", "night"):
            return None
        if R.AMOUNT_BEFORE.search(before) and the != "one":
            return _Res("SET", _dur_value(1, unit), None)
        if unit == "quarter" and re.match(r"\s+of\b", after):
            return None
        if the == "one" and unit == "day" and not re.match(r"\s*(?:,|\.|;|of|later|after|before)", after):
            return _Res("DATE", "XXXX-XX-XX", None)
        if unit in ("weekend",):
            return None
        if unit in ("night",):
            return None
        return _Res("DURATION", _dur_value(1, unit), None)
    if the == "that":
        return None  # "that year" is a rel_unit match
    # "the year", "the quarter", "the week", "the day": the period in focus
    if re.match(r"[\s-]+(?:earlier|ago|before|old)\b|-", after):
        return None
    if re.match(r"\s+(?:of|when|in\s+which|that|before|after)\b", after) and unit in ("day", "morning", "night", "afternoon", "evening"):
        return None
    if unit == "quarter":
        c = ctx.last_quarter
        if c is None:
            a = ctx.deictic()
            if a is None or a.year is None:
                return None
            c = _shift(_Cal("quarter", a.year, quarter=_quarter_of(a.month or 1)), -1, "quarter")
        return _date_res(c, mod, anchored=True)
    if unit in ("morning", "afternoon", "evening", "night"):
        base = ctx.anaphoric()
        if base is None or base.gran != "day":
            return None
        return _date_res(replace(base, pod=R.PARTS_OF_DAY[unit]), mod, anchored=True)
    if unit == "hour" or unit == "minute":
        return None
    gran = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade"}[unit]
    if ctx.narrative or ctx.anchor is None:
        base = ctx.anaphoric()
    elif unit in ("weekend", "week", "month", "year") and m.start() - ctx.ref_explicit_pos > 150:
        base = ctx.deictic()
    else:
        base = ctx.anaphoric()
    if base is None or base.year is None and gran not in ("decade",):
        return None
    if gran == "day" and base.gran != "day":
        return None
    if gran == "weekend":
        b = base.as_date()
        if b is None:
            return None
        c = _week_cal(b, weekend=True)
        if b.isoweekday() < 5 and not ctx.direction(m.start(), m.end()) == "future":
            c = _shift(replace(c, weekend=False), -1, "week")
            c = replace(c, weekend=True)
        return _date_res(c, mod, anchored=True)
    c = _coarsen(base, gran)
    if gran == "decade":
        return _Res("DATE", _value(c), c, mod, True)
    return _date_res(c, mod, anchored=True)


@_normaliser("set_word")
def _n_set_word(m: re.Match, ctx: _Ctx):
    w = m.group("word").lower()
    # "its quarterly dividend": an attribute of a payment, not a time expression
    if w in ("quarterly", "semiannual", "biannual") and re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
        return None
    return _Res("SET", R.SET_WORDS[w], None)


@_normaliser("set_every")
def _n_set_every(m: re.Match, ctx: _Ctx):
    q = re.sub(r"\s+", " ", m.group("q").lower())
    u = m.group("unit")
    ul = u.lower()
    if q == "a" or q == "per":
        if q == "a" and not R.AMOUNT_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()]):
            return None
    n = _number(m.group("num")) if m.group("num") else 1
    wd = _weekday_num(u)
    if wd and u[0].isupper():
        return _Res("SET", "XXXX-WXX-%d" % wd, None)
    mon = _month_num(u) if u[0].isupper() else None
    if mon:
        return _Res("SET", "XXXX-%02d" % mon, None)
    if ul in R.SEASONS:
        return _Res("SET", "XXXX-" + R.SEASONS[ul], None)
    if ul in ("morning", "afternoon", "evening"):
        return _Res("SET", "XXXX-XX-XXT" + R.PARTS_OF_DAY[ul], None)
    unit = _unit_of(ul)
    if q == "every other":
        n = 2
    return _Res("SET", _dur_value(n, unit), None)


@_normaliser("set_weekday_plural")
def _n_set_wd(m: re.Match, ctx: _Ctx):
    wd = _weekday_num(m.group("weekday"))
    pod = m.group("pod")
    v = "XXXX-WXX-%d" % wd
    if pod:
        v += "T" + R.PARTS_OF_DAY[pod.lower()[:-1]]
    return _Res("SET", v, None)


def _parse_clock(text: str) -> tuple[int | None, int | None]:
    t = text.lower().replace(" ", "")
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", t)
    if not m:
        return None, None
    hh = int(m.group(1))
    mm = int(m.group(2)) if m.group(2) else 0
    pm = "p.m" in t or "pm" in t
    am = "a.m" in t or "am" in t
    if pm and hh < 12:
        hh += 12
    if am and hh == 12:
        hh = 0
    if hh > 24 or mm > 59:
        return None, None
    return hh, mm


@_normaliser("time")
def _n_time(m: re.Match, ctx: _Ctx):
    hh, mm = _parse_clock(m.group("clock"))
    if hh is None:
        return None
    clock = m.group("clock")
    # "3:2 victory", "10:30" as a score/ratio: need a time word or a.m./p.m. or a date nearby
    if ":" in clock and not re.search(r"[ap]\.?m|EST|EDT|GMT|UTC|local", clock, re.I):
        before = ctx.text[max(0, m.start() - 30) : m.start()]
        if re.search(r"\b(?:score|won|lost|beat|ratio|odds|verse|chapter|John|Matthew|Luke|Mark)\b[^.]*$", before, re.I):
            return None
    approx = m.group("approx")
    mod = "APPROX" if approx and re.match(r"(?i)about|around|at about|approximately", approx.strip()) else None
    wd, dword, mon = m.group("weekday"), m.group("dword"), m.group("month")
    base: _Cal | None
    if wd:
        base = _resolve_weekday(ctx, m.start(), m.end(), _weekday_num(wd) or 1)
    elif dword:
        a = ctx.deictic()
        base = _shift(a, _DEICTIC_OFFSET[dword.lower()], "day") if a else None
    elif mon:
        mn = _month_num(mon)
        day = _ordinal(m.group("day"))
        if m.group("year"):
            base = _Cal("day", int(m.group("year")), mn, day)
        else:
            base, _ = _resolve_month_day(ctx, m.start(), m.end(), mn, day)
    elif R.TIME_PAREN_WEEKDAY.match(ctx.text, m.end()):
        # "at 10:35 a.m. (0735 GMT) Friday"
        wd2 = R.TIME_PAREN_WEEKDAY.match(ctx.text, m.end()).group("weekday")
        base = _resolve_weekday(ctx, m.start(), m.end(), _weekday_num(wd2) or 1)
    elif ctx.ref is not None and ctx.ref.gran == "day" and 0 <= m.start() - ctx.ref_end <= 6:
        base = ctx.ref  # "yesterday at 5 p.m.", "on June 4 at 10:30"
    else:
        base = ctx.anaphoric() if (ctx.narrative or ctx.anchor is None) else ctx.deictic()
        if base is not None and base.gran != "day":
            base = None
    if base is None or base.gran != "day":
        v = "XXXX-XX-XXT%02d:%02d" % (hh, mm)
        return _Res("TIME", v, None, mod)
    c = replace(base, hour=hh, minute=mm)
    return _date_res(c, mod, anchored=True)


@_normaliser("noon")
def _n_noon(m: re.Match, ctx: _Ctx):
    w = m.group("word").lower()
    if m.group("word")[0].isupper() and re.search(r"\b[A-Z][a-z]+\s+$", ctx.text[max(0, m.start() - 20) : m.start()]):
        return None  # a name: the film "High Noon"
    hh = 24 if w == "midnight" else 12
    wd, dword = m.group("weekday"), m.group("dword")
    if wd:
        base = _resolve_weekday(ctx, m.start(), m.end(), _weekday_num(wd) or 1)
    elif dword:
        a = ctx.deictic()
        base = _shift(a, _DEICTIC_OFFSET[dword.lower()], "day") if a else None
    else:
        base = ctx.anaphoric()
        if (base is None or base.gran != "day") and not ctx.narrative:
            base = ctx.deictic()
    if base is None or base.gran != "day":
        return _Res("TIME", "XXXX-XX-XXT%02d:00" % hh if hh != 24 else "XXXX-XX-XXT24", None)
    c = replace(base, hour=hh, minute=None if hh == 24 else 0)
    return _date_res(c, anchored=True)


@_normaliser("clock24")
def _n_clock24(m: re.Match, ctx: _Ctx):
    t = re.sub(r"\D", "", m.group("clock"))
    hh, mm = int(t[:-2]), int(t[-2:])
    base = ctx.anaphoric()
    if base is None or base.gran != "day":
        return _Res("TIME", "XXXX-XX-XXT%02d:%02d" % (hh, mm), None)
    return _date_res(replace(base, hour=hh, minute=mm), anchored=True)


@_normaliser("year_period")
def _n_year_period(m: re.Match, ctx: _Ctx):
    y = int(m.group("year"))
    what = re.sub(r"\s+", " ", m.group("what").lower())
    if what in ("period", "quarter") and ctx.last_quarter is not None and not ctx.narrative:
        r = _date_res(replace(ctx.last_quarter, year=y), explicit=True)
        r.focus = False
        return r
    if what in ("first half", "second half"):
        return _date_res(_Cal("half", y, half=1 if what.startswith("first") else 2), explicit=True)
    if what == "quarter":
        return _Res("DATE", f"{y}-QX", None, explicit=True)
    return _date_res(_Cal("year", y), explicit=True)


@_normaliser("report_period")
def _n_report_period(m: re.Match, ctx: _Ctx):
    """"the latest period", "the corresponding period last year": in a
    report on a quarter, the quarter in focus (or the same one a year
    before)."""
    q = ctx.last_quarter
    if q is None or ctx.narrative:
        return None
    which = m.group("which").lower()
    if which == "latest" or which.startswith("most"):
        if m.group("ago"):
            return None
        return _date_res(q, anchored=True)
    if not m.group("ago"):
        return None  # "the same period" alone: its year is not said
    r = _date_res(_shift(q, -4, "quarter"), anchored=True)
    r.focus = False
    return r


@_normaliser("pod_deictic")
def _n_pod_deictic(m: re.Match, ctx: _Ctx):
    a = ctx.deictic()
    if a is None or ctx.anchor is None:
        return None
    d = _shift(a, _DEICTIC_OFFSET[m.group("word").lower()], "day")
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.group("mod") or "").strip(" -").lower())
    r = _date_res(replace(d, pod=R.PARTS_OF_DAY[m.group("pod").lower()]), mod, anchored=True)
    r.deictic = True
    return r


@_normaliser("bare_pod")
def _n_bare_pod(m: re.Match, ctx: _Ctx):
    w = m.group("pod").lower().replace("-", "")
    code = "DT" if w.startswith("day") else "NI"
    return _Res("TIME", "XXXX-XX-XXT" + code, None)


@_normaliser("unit_end")
def _n_unit_end(m: re.Match, ctx: _Ctx):
    unit = m.group("unit").lower()
    if ctx.narrative or ctx.anchor is None:
        base = ctx.anaphoric()
    else:
        base = ctx.deictic()
    if base is None or base.year is None:
        return None
    gran = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}[unit]
    if _finer_or_equal(_Cal(gran), base) and gran != base.gran and base.as_date() is None:
        return None
    return _date_res(_coarsen(base, gran), "END", anchored=True)


@_normaliser("ordinal_unit")
def _n_ordinal_unit(m: re.Match, ctx: _Ctx):
    unit = m.group("unit").lower()
    after = ctx.text[m.end() : m.end() + 30]
    if unit.endswith("s") and unit not in ("days", "weeks", "months", "years", "hours"):
        return None
    if unit.endswith("s"):
        # "the first days of the war": an unspecified stretch
        letter = _dur_value(None, unit[:-1])
        return _Res("DURATION", letter, None)
    if re.match(r"-|[\s-]+(?:old|anniversary|class|grader|time|round|half|quarter)\b", after, re.I):
        return None
    base = ctx.anaphoric() if (ctx.narrative or ctx.anchor is None) else ctx.deictic()
    if unit in ("day", "night", "evening", "morning", "afternoon"):
        if base is None or base.gran != "day":
            v = "XXXX-XX-XX"
            if unit != "day":
                v += "T" + R.PARTS_OF_DAY[unit]
            return _Res("TIME" if unit != "day" else "DATE", v, None)
        c = _coarsen(base, "day")
        if unit != "day":
            c = replace(c, pod=R.PARTS_OF_DAY[unit])
        r = _date_res(c, anchored=True)
        r.focus = False
        return r
    if unit == "hour":
        return _Res("TIME", "XXXX-XX-XXTXX", None)
    if base is None or base.year is None:
        return None
    return _date_res(_coarsen(base, {"week": "week", "month": "month", "year": "year"}[unit]), anchored=True)


@_normaliser("ordinal_day")
def _n_ordinal_day(m: re.Match, ctx: _Ctx):
    day = int(re.sub(r"\D", "", m.group("day")))
    ahead = re.match(r"\s*of\s+(?P<month>" + R.MONTH + r")(?:,?\s+(?P<year>" + R.YEAR4 + r"))?", ctx.text[m.end() : m.end() + 30])
    if ahead:
        return None  # "the 19th of October" is a day_month_year match
    base = ctx.anaphoric()
    if base is None or base.month is None or base.year is None or not ctx.narrative:
        return None
    try:
        date(max(1, base.year), base.month, day)
    except ValueError:
        return None
    return _date_res(_Cal("day", base.year, base.month, day), anchored=True)


@_normaliser("bare_year_bc")
def _n_bare_year_bc(m: re.Match, ctx: _Ctx):
    if not ctx.narrative or ctx.ref is None or ctx.ref.year is None or ctx.ref.year >= 0:
        return None
    y = int(m.group("year"))
    if abs(-y - ctx.ref.year) > 60:
        return None
    return _date_res(_Cal("year", -y), explicit=True)


@_normaliser("unit_of_date")
def _n_unit_of_date(m: re.Match, ctx: _Ctx):
    """"the week of March 6" (the week holding the day), "the day before
    last Tuesday" (the day next to it)."""
    if m.group("weekday"):
        c = _resolve_weekday(ctx, m.start("wrel"), m.end(), _weekday_num(m.group("weekday")) or 1, m.group("wrel"))
        explicit = False
    else:
        mon = _month_num(m.group("month"))
        day = _ordinal(m.group("day"))
        if mon is None or day is None:
            return None
        if m.group("year"):
            y = int(m.group("year"))
            c = _Cal("day", y, mon, day) if _valid_day(y, mon, day) else None
            explicit = True
        else:
            c, _ = _resolve_month_day(ctx, m.start("month"), m.end(), mon, day)
            explicit = False
    if c is None or c.as_date() is None or c.gran != "day":
        return None
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if unit == "week":
        if rel != "of":
            return None
        return _date_res(_coarsen(c, "week"), anchored=not explicit, explicit=explicit)
    if rel == "of":
        return None
    step = -1 if rel in ("before", "preceding") else 1
    return _date_res(_shift(c, step, "day"), anchored=True)


@_normaliser("day_after")
def _n_day_after(m: re.Match, ctx: _Ctx):
    d = m.group("dir").lower()
    base = ctx.anaphoric()
    if base is None or base.gran != "day":
        return None
    step = 1 if d in ("after", "following") else -1
    return _date_res(_shift(_coarsen(base, "day"), step, "day"), anchored=True)


def _easter(y: int) -> date:
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    if n > 0:
        d = date(y, month, 1)
        d += timedelta(days=(wd - d.isoweekday()) % 7)
        return d + timedelta(weeks=n - 1)
    last = date(y, month, calendar.monthrange(y, month)[1])
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def _holiday_date(name: str, y: int) -> date | None:
    n = re.sub(r"\s+", " ", name.lower()).replace("’", "'")
    fixed = {
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "new year's day": (1, 1), "new years day": (1, 1), "new year's": (1, 1), "new years": (1, 1),
        "new year's eve": (12, 31), "new years eve": (12, 31), "independence day": (7, 4),
        "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
        "valentine's day": (2, 14), "valentines day": (2, 14), "boxing day": (12, 26),
        "bastille day": (7, 14),
    }
    try:
        if n in fixed:
            return date(y, *fixed[n])
        if n.startswith("easter"):
            e = _easter(y)
            return e + timedelta(days=1) if n.endswith("monday") else e
        if n == "good friday":
            return _easter(y) - timedelta(days=2)
        if n.startswith("thanksgiving"):
            return _nth_weekday(y, 11, 4, 4)
        if n == "labor day":
            return _nth_weekday(y, 9, 1, 1)
        if n == "memorial day":
            return _nth_weekday(y, 5, 1, -1)
        if n == "election day":  # US: the Tuesday after the first Monday of November
            return _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
    except ValueError:
        return None
    return None


@_normaliser("holiday")
def _n_holiday(m: re.Match, ctx: _Ctx):
    name = m.group("hol")
    pod = m.group("pod")
    if m.group("year"):
        y = int(m.group("year"))
        explicit = True
    else:
        base, _ = ctx.underspecified_base(m.start())
        if base is None or base.year is None:
            d0 = _holiday_date(name, 2000)
            if d0 is None:
                return None
            return _Res("DATE", "XXXX-%02d-%02d" % (d0.month, d0.day), None)
        y = base.year
        explicit = False
        if not ctx.narrative and ctx.anchor is not None:
            d0 = _holiday_date(name, y)
            if d0 is not None:
                direction = ctx.direction(m.start(), m.end()) or "past"
                if direction == "past" and d0 > ctx.anchor:
                    y -= 1
                elif direction == "future" and d0 < ctx.anchor:
                    y += 1
    d = _holiday_date(name, y)
    if d is None:
        return None
    c = _day(d)
    if pod:
        c = replace(c, pod=R.PARTS_OF_DAY[pod.lower()])
    return _date_res(c, anchored=not explicit, explicit=explicit)


def _year_ahead(ctx: _Ctx, end: int) -> int | None:
    """The year of a date that closes a range right after ``end``:
    "26 June - 4 August 1952", "July-November 1954", "March and April 1918"."""
    m = R.RANGE_TAIL.match(ctx.text, end)
    if m:
        return int(m.group("y"))
    return None




def _range_pair(m: re.Match, ctx: _Ctx, month_first: bool):
    mon = _month_num(m.group("month"))
    d1, d2 = _ordinal(m.group("d1")), _ordinal(m.group("d2"))
    if mon is None or d1 is None or d2 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if m.group("dash").lower() in ("to", "until", "through") and d2 <= d1:
        return None
    ytxt = m.group("year")
    if ytxt:
        y = _year_num(ytxt, ctx)
        explicit = True
        anchored = False
    else:
        c, anchored = _resolve_month_day(ctx, m.start(), m.end(), mon, d1)
        y = c.year
        explicit = False
    out = []
    for d, (s, e) in ((d1, m.span("d1")), (d2, m.span("d2"))):
        try:
            if y is not None:
                date(max(1, y), mon, d)
        except ValueError:
            return None
        c = _Cal("day", y, mon, d)
        r = _date_res(c, anchored=anchored, explicit=explicit)
        if month_first and d == d1 and (s, e) == m.span("d1"):
            s = m.start()
        if not month_first and (s, e) == m.span("d2"):
            e = m.end()
        if month_first and (s, e) == m.span("d2"):
            e = m.end()
        r.start, r.end = s, e
        out.append(r)
    return out


@_normaliser("month_day_range")
def _n_month_day_range(m: re.Match, ctx: _Ctx):
    return _range_pair(m, ctx, True)


@_normaliser("day_month_range")
def _n_day_month_range(m: re.Match, ctx: _Ctx):
    return _range_pair(m, ctx, False)


@_normaliser("year_range2")
def _n_year_range2(m: re.Match, ctx: _Ctx):
    y1 = int(m.group("y1"))
    y2 = (y1 // 100) * 100 + int(m.group("y2"))
    if y2 <= y1 or y2 - y1 > 30:
        return None
    a = _date_res(_Cal("year", y1), explicit=True)
    b = _date_res(_Cal("year", y2), explicit=True)
    a.start, a.end = m.span("y1")
    b.start, b.end = m.span("y2")
    return [a, b]


_SPOKEN_UNITS = {w: v for w, v in R.NUMBER_WORDS.items() if isinstance(v, int) and 0 <= v < 20 and " " not in w and w not in ("a", "an", "dozen", "single")}
_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _spoken_year(text: str) -> int | None:
    t = re.sub(r"[\s-]+", " ", text.lower()).replace(" and ", " ").strip()
    words = t.split()
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return 2000 + (_spoken_small(rest) or 0) if rest else 2000
    head = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}.get(words[0])
    if head is None:
        return None
    rest = [w for w in words[1:] if w != "hundred"]
    if rest and rest[0] == "oh":
        rest = rest[1:]
    small = _spoken_small(rest)
    if small is None:
        return None
    return head + small


def _spoken_small(words: list[str]) -> int | None:
    if not words:
        return 0
    if len(words) == 1:
        w = words[0]
        return _SPOKEN_TENS.get(w, _SPOKEN_UNITS.get(w))
    if len(words) == 2 and words[0] in _SPOKEN_TENS and words[1] in _SPOKEN_UNITS:
        return _SPOKEN_TENS[words[0]] + _SPOKEN_UNITS[words[1]]
    return None


@_normaliser("year_words")
def _n_year_words(m: re.Match, ctx: _Ctx):
    yw = m.group("yw")
    pre = (m.group("pre") or "").lower()
    low = yw.lower()
    if low.startswith("two thousand") and not pre.startswith("the year"):
        if not re.match(r"\s*[,.;)]", ctx.text[m.end() : m.end() + 3]) or not pre:
            return None
    y = _spoken_year(yw)
    if y is None:
        return None
    r = _date_res(_Cal("year", y), explicit=True)
    if pre.startswith("in"):
        r.start = m.start("yw")
    return r


@_normaliser("month_yearwords")
def _n_month_yearwords(m: re.Match, ctx: _Ctx):
    mon = _month_num(m.group("month"))
    y = _spoken_year(m.group("yw"))
    if mon is None or y is None:
        return None
    return _date_res(_Cal("month", y, mon), explicit=True)


@_normaliser("period_ref")
def _n_period_ref(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group("word").lower())
    if not ctx.narrative:
        return None
    if w == "the period" and not re.search(r"\b(?:during|in|over|throughout|for)\s+$", ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    base = ctx.ref
    if base is None:
        return None
    return _Res("DATE", _value(_coarsen(base, base.gran)), None, None, True)


@_normaliser("ref")
def _n_ref(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group("word").lower())
    v = R.REF_WORDS.get(w)
    if v is None:
        return None
    after = ctx.text[m.end() : m.end() + 20]
    if w in ("the past", "the future") and re.match(r"\s+(?:of|tense)\b", after):
        return None
    if w in ("the present",) and not re.match(r"\s*[,.;)]|\s+(?:day|time|situation)", after):
        return None
    return _Res("DATE", v, None)


@_normaliser("ref_adj")
def _n_ref_adj(m: re.Match, ctx: _Ctx):
    w = m.group("word").lower()
    after = ctx.text[m.end() : m.end() + 25].lower()
    if w == "former":
        if not ctx.narrative:
            return None
        return _Res("DATE", "PAST_REF", None)
    if w == "future":
        if not ctx.narrative:
            return None
        return _Res("DATE", "FUTURE_REF", None)
    if w == "current":
        if re.match(r"\s+(?:account|accounts|affairs|events|liabilities|assets|ratio|yield|flow|flows|density|rate|rates)\b", after):
            if not re.match(r"\s+(?:rate|rates)\b", after):
                return None
        return _Res("DATE", "PRESENT_REF", None)
    if w == "recent":
        return _Res("DATE", "PAST_REF", None)
    return None


# --------------------------------------------------------------------------
# Extent selection
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    rule: R.Rule
    match: re.Match


_RULES_BY_WORD: dict[str, list[int]] = {}
for _i, _rule in enumerate(R.RULES):
    for _w in _rule.triggers:
        _RULES_BY_WORD.setdefault(_w, []).append(_i)
_DIGIT_RULES = [(i, r.digits) for i, r in enumerate(R.RULES) if r.digits is not None]


def _candidates(text: str) -> list[_Cand]:
    """Every match of every rule, found in windows around the rules' trigger words."""
    n = len(text)
    margins = R.RULE_MARGINS
    spans: list[list[tuple[int, int]]] = [[] for _ in R.RULES]
    digit_cache: dict[str, list[int]] = {}
    for m in R.TOKEN.finditer(text):
        tok = m.group(0)
        if tok[0].isdigit():
            idx = digit_cache.get(tok)
            if idx is None:
                idx = digit_cache[tok] = [i for i, rx in _DIGIT_RULES if rx.fullmatch(tok)]
        else:
            idx = _RULES_BY_WORD.get(tok.lower())
        if not idx:
            continue
        s, e = m.start(), m.end()
        for i in idx:
            left, right = margins[i]
            lst = spans[i]
            if lst and s - left <= lst[-1][1]:
                lst[-1] = (lst[-1][0], min(n, e + right))
            else:
                lst.append((max(0, s - left), min(n, e + right)))
    out: list[_Cand] = []
    for rule, windows in zip(R.RULES, spans):
        pat = rule.pattern
        for ws, we in windows:
            # start and end the window at a blank so no word is cut
            while ws > 0 and not text[ws - 1].isspace():
                ws -= 1
            while we < n and not text[we].isspace():
                we += 1
            for m in pat.finditer(text, ws, we):
                if m.end() > m.start():
                    s, e = m.start(), m.end()
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    out.append(_Cand(s, e, rule, m))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest non-overlapping candidates; priority breaks ties."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    size = max((c.end for c in cands), default=0)
    taken = bytearray(size)
    chosen: list[_Cand] = []
    for c in cands:
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen




def _is_narrative(text: str, anchor: date | None, fetched: bool = False) -> bool:
    """True when relative expressions should follow the story's own dates.

    A text without an anchor is read as a narrative. With an anchor, a text
    is a narrative when most of the years it names lie far from the anchor
    and it has few signs of news writing (weekdays, "yesterday", "last
    week", years near the anchor), or when it names many years and hardly
    uses news deixis at all (a chronicle of recent events).
    """
    if anchor is None:
        return True
    years = [int(y) for y in R.YEAR_IN_TEXT.findall(text)] + [-int(y) for y in R.BC_YEAR_IN_TEXT.findall(text)]
    if fetched and years and max(years) < anchor.year - 1:
        # an undated page whose every year is long past: it was not written
        # the day it was fetched, its own dates are the reference
        return True
    far = sum(1 for y in years if abs(y - anchor.year) > 2)
    near = len(years) - far
    news = len(R.DEICTIC_IN_TEXT.findall(text)) + len(R.WEEKDAY_IN_TEXT.findall(text))
    if far >= 3 and far > 3 * (near + news):
        return True
    # a chronicle of recent years: many explicit years, hardly any news deixis
    return len(years) >= 15 and len(years) >= 10 * news


def _to_date(anchor: date | datetime | None) -> tuple[date | None, datetime | None]:
    if anchor is None:
        return None, None
    if isinstance(anchor, datetime):
        return anchor.date(), anchor
    return anchor, None


def _finish(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " \t\n,;:":
        e -= 1
    while s < e and text[s] in " \t\n,;:":
        s += 1
    return s, e


def _timex_from(text: str, s: int, e: int, r: _Res) -> Timex:
    ds = de = prec = None
    if r.cal is not None and r.type in ("DATE", "TIME"):
        p = r.period or _period(r.cal)
        if p is not None:
            ds, de, prec = p
    return Timex(
        char_start=s,
        char_end=e,
        text=text[s:e],
        type=r.type,
        value=r.value,
        mod=r.mod,
        date_start=ds,
        date_end=de,
        precision=prec,
        anchored=r.anchored,
    )


def _tag(text: str, anchor: date | datetime | None, fetched: bool = False) -> list[tuple[Timex, _Res]]:
    a_date, a_time = _to_date(anchor)
    narrative = _is_narrative(text, a_date, fetched)
    cands = _candidates(text)
    rejected: set[int] = set()
    while True:
        pool = [c for c in cands if id(c) not in rejected]
        out, refused = _normalise_all(text, _select(pool), _Ctx(text, a_date, narrative, a_time, fetched))
        if not refused:
            break
        rejected.update(id(c) for c in refused)
        # a refused span frees room only for a candidate overlapping it
        if not _any_overlap([c for c in cands if id(c) not in rejected], refused):
            break
    out.sort(key=lambda t: t[0].char_start)
    # drop any overlap left by extent overrides
    kept: list[tuple[Timex, _Res]] = []
    for t in out:
        if kept and t[0].char_start < kept[-1][0].char_end:
            continue
        kept.append(t)
    return kept


def _any_overlap(cands: list[_Cand], spans: list[_Cand]) -> bool:
    """True when some candidate overlaps some span (both lists of extents)."""
    spans = sorted(spans, key=lambda c: c.start)
    starts = [c.start for c in spans]
    max_len = max(c.end - c.start for c in spans)
    for c in cands:
        i = bisect.bisect_left(starts, c.start - max_len)
        while i < len(spans) and spans[i].start < c.end:
            if c.start < spans[i].end:
                return True
            i += 1
    return False


def _normalise_all(text: str, chosen: list[_Cand], ctx: _Ctx) -> tuple[list[tuple[Timex, _Res]], list[_Cand]]:
    out: list[tuple[Timex, _Res]] = []
    refused: list[_Cand] = []
    for c in chosen:
        fn = _NORMALISERS.get(c.rule.name)
        res = fn(c.match, ctx) if fn is not None else None
        if res is None:
            refused.append(c)
            continue
        results = res if isinstance(res, list) else [res]
        for r in results:
            s = c.start if r.start is None else r.start
            e = c.end if r.end is None else r.end
            s, e = _finish(text, s, e)
            if e <= s:
                continue
            out.append((_timex_from(text, s, e, r), r))
            if r.cal is not None and r.type in ("DATE", "TIME") and not (ctx.narrative and r.deictic):
                if r.cal.year is not None or r.cal.gran in ("decade", "century"):
                    ctx.remember(r.cal, s, r.explicit, r.focus, e)
    return out, refused


def tag_timexes(text: str, anchor: date | datetime | None = None, *, fetched: bool = False) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    ``anchor`` is the document's creation date: relative expressions ("last
    month", "on Monday") resolve against it. Without it they resolve against
    the most recent date named in the text, or stay underspecified
    ("XXXX-06-28"). Returns TIMEX3s sorted by offset, non-overlapping; a
    timex's ``role`` is what its cue words make it ("since 2001" -> since,
    both ends of "from 2001 to 2014" -> range).

    ``fetched`` says the anchor is only the day the page was fetched (it
    shows no date of its own): the text was written on or before it, so a
    month or weekday without a year is put after it only when its clause
    looks ahead ("will", "scheduled").
    """
    tx = [t for t, _ in _tag(text, anchor, fetched)]
    for mention, members in _mentions(text, tx):
        if mention.role != "point":
            for k in members:
                tx[k] = replace(tx[k], role=mention.role)
    return tx


# --------------------------------------------------------------------------
# Date mentions
# --------------------------------------------------------------------------

def _concrete(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.date_start is not None and t.date_end is not None and t.precision is not None


def date_mentions(
    text: str,
    anchor: date | datetime | None = None,
    timexes: Sequence[Timex] | None = None,
    *,
    fetched: bool = False,
) -> list[DateMention]:
    """Concrete calendar periods of ``text`` with the role their cue words give.

    Durations, sets and vague references (PRESENT_REF, ...) are left out.
    "since 2012" -> role since; "until 2014" -> until; "from 2001 to 2014",
    "between 2001 and 2014", "2001–2014" and "June 28-30" -> one mention with
    role range spanning both ends. A mention's span includes its cue word.
    """
    tx = list(timexes) if timexes is not None else tag_timexes(text, anchor, fetched=fetched)
    tx.sort(key=lambda t: t.char_start)
    return [m for m, _ in _mentions(text, tx)]


def _mentions(text: str, tx: list[Timex]) -> list[tuple[DateMention, tuple[int, ...]]]:
    """Date mentions of sorted timexes, each with the indices of its timexes."""
    out: list[tuple[DateMention, tuple[int, ...]]] = []
    i = 0
    n = len(tx)
    while i < n:
        t = tx[i]
        if not _concrete(t):
            i += 1
            continue
        before = text[max(0, t.char_start - 40) : t.char_start]
        # ranges: "from X to Y", "between X and Y", "X-Y"
        if i + 1 < n and _concrete(tx[i + 1]):
            u = tx[i + 1]
            gap = text[t.char_end : u.char_start]
            fm = R.FROM_RX.search(before)
            if (R.JOIN_RX.match(gap) and (fm or R.DASH_RX.match(gap) or R.TO_RX.match(gap))) or (R.DASH_RX.match(gap) and not gap.strip() == "/"):
                if u.date_end >= t.date_start:
                    s = t.char_start - (len(before) - fm.start()) if fm else t.char_start
                    out.append((
                        DateMention(
                            char_start=s,
                            char_end=u.char_end,
                            text=text[s : u.char_end],
                            date_start=t.date_start,
                            date_end=u.date_end,
                            precision=_coarser(t.precision, u.precision),
                            role="range",
                            value=f"{t.value}/{u.value}",
                            anchored=t.anchored or u.anchored,
                        ),
                        (i, i + 1),
                    ))
                    i += 2
                    continue
        # "June 28-30": a day number after a day-precision date
        if t.precision == "day":
            dm = R.DAYNUM_AFTER.match(text, t.char_end)
            nxt_start = tx[i + 1].char_start if i + 1 < n else len(text)
            if dm and dm.end() <= nxt_start:
                d2 = int(dm.group(1))
                try:
                    end_day = t.date_start.replace(day=d2)
                except ValueError:
                    end_day = None
                if end_day is not None and end_day > t.date_start:
                    fm = R.FROM_RX.search(before)
                    s = t.char_start - (len(before) - fm.start()) if fm else t.char_start
                    out.append((
                        DateMention(
                            char_start=s,
                            char_end=dm.end(),
                            text=text[s : dm.end()],
                            date_start=t.date_start,
                            date_end=end_day,
                            precision="day",
                            role="range",
                            value=f"{t.value}/{end_day.isoformat()}",
                            anchored=t.anchored,
                        ),
                        (i,),
                    ))
                    i += 1
                    continue
        role = "point"
        s = t.char_start
        pp = R.PRE_POST_RX.search(before) if t.precision == "year" and t.value.isdigit() else None
        if pp is not None:
            # "pre-2020": until the year before; "post-2020": since the year after
            y = int(t.value) + (-1 if pp.group("w").lower() == "pre" else 1)
            s = t.char_start - (len(before) - pp.start())
            out.append((
                DateMention(
                    char_start=s, char_end=t.char_end, text=text[s : t.char_end],
                    date_start=date(y, 1, 1), date_end=date(y, 12, 31), precision="year",
                    role="until" if pp.group("w").lower() == "pre" else "since",
                    value="%04d" % y, anchored=t.anchored,
                ),
                (i,),
            ))
            i += 1
            continue
        sm = R.SINCE_RX.search(before)
        um = R.UNTIL_RX.search(before)
        if um is None and re.match(r"(?:the\s+)?end\s+of\b", t.text, re.I):
            um = R.BY_RX.search(before)
        if sm:
            role, s = "since", t.char_start - (len(before) - sm.start())
        elif um:
            role, s = "until", t.char_start - (len(before) - um.start())
        out.append((
            DateMention(
                char_start=s,
                char_end=t.char_end,
                text=text[s : t.char_end],
                date_start=t.date_start,
                date_end=t.date_end,
                precision=t.precision,
                role=role,
                value=t.value,
                anchored=t.anchored,
            ),
            (i,),
        ))
        i += 1
    return out


_PREC_ORDER = {p: i for i, p in enumerate(("day", "week", "month", "season", "quarter", "half", "year", "decade", "century"))}


def _coarser(a: str, b: str) -> str:
    return a if _PREC_ORDER.get(a, 0) >= _PREC_ORDER.get(b, 0) else b
