"""What normalisation knows while it walks one document (:class:`Ctx`): the
anchor, the reference date, tense cues; the result of a normaliser
(:class:`Res`) and how underspecified days, months and weekdays resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import overload

from extractors.timex import patterns as R
from extractors.timex.numbers import parse_clock
from extractors.timex.periods import Cal, day_cal, finer_or_equal, period_of, timex_value


class Ctx:
    """What normalisation knows while it walks one document."""

    def __init__(self, text: str, anchor: date | None, narrative: bool, anchor_time: datetime | None, fetched: bool = False):
        self.text = text
        self.anchor = anchor
        # the anchor is only the day the page was fetched (the page gives no
        # date of its own): the page was written on or before it, so a date
        # without a year lies before it unless its clause looks ahead
        self.fetched = fetched
        self.coarse: Cal | None = None  # most recently mentioned decade or century
        self.coarse_pos: int = -1
        self.anchor_time = anchor_time
        self.narrative = narrative
        self.ref: Cal | None = None  # most recently mentioned concrete date
        self.ref_pos: int = -1
        self.ref_end: int = -10**9  # where the text naming the reference date ends
        self.ref_explicit_pos: int = -10**9  # where the last explicit year was named
        self.last_quarter: Cal | None = None

    # bases ------------------------------------------------------------
    def deictic(self) -> Cal | None:
        """The date deictic words ("yesterday", "last year") count from."""
        if self.anchor is not None:
            return day_cal(self.anchor)
        return self.ref

    def anaphoric(self) -> Cal | None:
        """The date anaphoric words ("the next day", "that year") count from."""
        if self.ref is not None:
            return self.ref
        return day_cal(self.anchor) if self.anchor is not None else None

    def underspecified_base(self, pos: int) -> tuple[Cal | None, bool]:
        """Base for "in March"/"on Monday"; True when it is the mentioned date."""
        if self.narrative or self.anchor is None:
            if self.ref is not None and self.ref.year is not None:
                return self.ref, True
            if self.fetched:
                # nothing named yet: the first year the story names ahead
                ahead = R.YEAR_IN_TEXT.search(self.text, pos)
                if ahead is not None:
                    return Cal("year", int(ahead.group(1))), True
            return (day_cal(self.anchor) if self.anchor else None), False
        return day_cal(self.anchor), False

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

    def _takes_focus(self, c: Cal, end: int) -> bool:
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

    def _reported(self, c: Cal, end: int) -> bool:
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
        p = period_of(c)
        return p is None or p[1] < self.anchor

    def remember(self, c: Cal, pos: int, explicit: bool, focus: bool = True, end: int | None = None) -> None:
        self.ref_end = pos if end is None else end
        if c.gran == "quarter" and focus and self._takes_focus(c, pos if end is None else end):
            self.last_quarter = c
        if self.ref is not None and c.year is not None and self.ref.year == c.year and finer_or_equal(self.ref, c):
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


@dataclass(slots=True)
class Res:
    type: str
    value: str
    cal: Cal | None = None  # the concrete period, for DATE/TIME
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


@overload
def date_res(c: Cal, mod: str | None = None, anchored: bool = False, explicit: bool = False) -> Res: ...
@overload
def date_res(c: Cal | None, mod: str | None = None, anchored: bool = False, explicit: bool = False) -> Res | None: ...
def date_res(c: Cal | None, mod: str | None = None, anchored: bool = False, explicit: bool = False) -> Res | None:
    """The DATE (or TIME) result of a period; None for no period."""
    if c is None:
        return None
    t = "TIME" if c.is_time else "DATE"
    return Res(t, timex_value(c), c, mod, anchored, explicit=explicit)


def resolve_month_day(ctx: Ctx, pos: int, end: int, month: int, day: int | None, rel: str = "") -> tuple[Cal, bool]:
    base, from_ref = ctx.underspecified_base(pos)
    if base is None or base.year is None:
        return Cal("day" if day else "month", None, month, day), False
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
            return Cal("day", None, month, day), False
        return Cal("day", y, month, day), True
    return Cal("month", y, month), True


def resolve_weekday(ctx: Ctx, pos: int, end: int, wd: int, rel: str = "") -> Cal | None:
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
    return day_cal(b + timedelta(days=delta))


def group(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def with_time(c: Cal, m: re.Match) -> Cal:
    clock = group(m, "clock")
    if clock:
        hm = parse_clock(clock)
        if hm is not None:
            return replace(c, hour=hm[0], minute=hm[1])
    pod = group(m, "pod")
    if pod:
        return replace(c, pod=R.PARTS_OF_DAY.get(pod.lower().rstrip("s"), None))
    return c


def year_ahead(ctx: Ctx, end: int) -> int | None:
    """The year of a date that closes a range right after ``end``:
    "26 June - 4 August 1952", "July-November 1954", "March and April 1918"."""
    m = R.RANGE_TAIL.match(ctx.text, end)
    if m:
        return int(m.group("y"))
    return None
