"""What normalisation knows while it walks one document (:class:`Ctx`): the
anchor, the reference date, tense cues; the result of a normaliser
(:class:`Res`) and how underspecified days, months and weekdays resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TypeVar, overload

from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.numbers import ordinal, parse_clock
from extractors.timex.periods import Cal, day_cal, finer_or_equal, period_of, timex_value

_T = TypeVar("_T")

# a modal verb: the clause speaks of what may be, not of what was
_MODAL = re.compile(r"\b(?:may|might|could|would|should|must|can|cannot)\b", re.I)


@dataclass(slots=True)
class _Memory:
    """The periods a walk remembers, each with whether its value came from the anchor."""

    ref: Cal | None = None  # most recently mentioned concrete date
    ref_anchor: bool = False
    coarse: Cal | None = None  # most recently mentioned decade or century
    coarse_anchor: bool = False
    quarter: Cal | None = None  # the quarter in focus
    quarter_anchor: bool = False


class Ctx:
    """What normalisation knows while it walks one document.

    Whether a value came from the anchor is known as it is normalised: the
    anchor and every remembered period whose value came from it mark the
    value being normalised when a normaliser reads them (``from_anchor``,
    reset by :meth:`begin`). A two-digit year ("'98") takes its century from
    the anchor and is not counted: any day of this century gives the same.
    """

    def __init__(self, text: str, anchor: date | None, narrative: bool, anchor_time: datetime | None, fetched: bool = False):
        self.text = text
        self.anchor = anchor
        # the anchor is only the day the page was fetched (the page gives no
        # date of its own): the page was written on or before it, so a date
        # without a year lies before it unless its clause looks ahead
        self.fetched = fetched
        self.coarse_pos: int = -1
        self.anchor_time = anchor_time
        self.narrative = narrative
        self.ref_pos: int = -1
        self.ref_end: int = -10**9  # where the text naming the reference date ends
        self.ref_explicit_pos: int = -10**9  # where the last explicit year was named
        self.focus_end: int = -1  # where the text last naming the date in focus (or a coarser part of it) ends
        self._memory = _Memory()
        # what a narrative reading remembers (no deictic dates), for page_reading
        self._page_memory = _Memory()
        # the value being normalised used the anchor (the document's date)
        self.from_anchor = False

    def begin(self) -> None:
        """Start normalising one match: nothing of the anchor used yet."""
        self.from_anchor = False

    def _recall(self, value: Cal | None, anchored: bool) -> Cal | None:
        """A remembered value; one whose own value came from the anchor marks the value being
        normalised as the anchor's."""
        if anchored and value is not None:
            self.from_anchor = True
        return value

    @property
    def ref(self) -> Cal | None:
        """The most recently mentioned concrete date."""
        return self._recall(self._memory.ref, self._memory.ref_anchor)

    @property
    def coarse(self) -> Cal | None:
        """The most recently mentioned decade or century."""
        return self._recall(self._memory.coarse, self._memory.coarse_anchor)

    @property
    def last_quarter(self) -> Cal | None:
        """The quarter in focus (see :meth:`_takes_focus`)."""
        return self._recall(self._memory.quarter, self._memory.quarter_anchor)

    def coarse_named(self) -> tuple[Cal, int] | None:
        """The decade or century named last and where its mention starts, when the page named it
        (not counted from the anchor)."""
        if self._memory.coarse is None or self._memory.coarse_anchor or self.coarse_pos < 0:
            return None
        return self._memory.coarse, self.coarse_pos

    def past_day_just_named(self, pos: int, within: int = 150) -> bool:
        """Whether the date in focus is a day before the page's day, named
        just before ``pos`` (within ``within`` characters): "... fell on
        Friday. For the week, the index dropped" (Friday's week)."""
        ref = self._memory.ref
        if ref is None or ref.gran != "day" or self.anchor is None or not 0 <= pos - self.ref_end <= within:
            return False
        d = ref.as_date()
        return d is not None and d < self.anchor

    def compares_months(self, pos: int) -> bool:
        """Whether the period a report compares at ``pos`` ("a year earlier",
        "the 1988 period") is a span of months, not the quarter in focus: the
        last period named before it in its sentence or the one before is
        "the first nine months", "six months" ("In the nine months, net was
        $306 million, compared with $195 million in the 1988 period")."""
        start = pos
        for _ in range(2):  # the start of this sentence, then of the one before
            start = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start), 0)
            if start == 0:
                break
        named = list(R.REPORT_PERIOD.finditer(self.text, start, pos))
        return bool(named) and named[-1].group("months") is not None

    def anchor_day(self) -> Cal | None:
        """The anchor as a day; using it marks the value as the anchor's."""
        if self.anchor is None:
            return None
        self.from_anchor = True
        return day_cal(self.anchor)

    def page_reading(self, normalise: Callable[[re.Match, Ctx], _T], match: re.Match) -> tuple[_T, bool]:
        """What ``normalise`` gives for ``match`` when the page is read as a narrative (its
        own dates are the reference, deictic dates are not remembered), and
        whether that value is the page's own: False when it used the anchor
        or a remembered period that came from it.

        On a page that gives no date of its own the anchor is only the fetch
        day: a value the fetch day gives is kept as the page's when this
        reading gives it too, from the page's dates alone ("December 19"
        after "in 2025", see :func:`extractors.timex.select.tag_text`)."""
        saved = (self.narrative, self.from_anchor, self._memory)
        self.narrative, self.from_anchor, self._memory = True, False, self._page_memory
        try:
            value = normalise(match, self)
            return value, not self.from_anchor
        finally:
            self.narrative, self.from_anchor, self._memory = saved

    # bases ------------------------------------------------------------
    def deictic(self) -> Cal | None:
        """The date deictic words ("yesterday", "last year") count from."""
        if self.anchor is not None:
            return self.anchor_day()
        return self.ref

    def anaphoric(self) -> Cal | None:
        """The date anaphoric words ("the next day", "that year") count from."""
        if self._memory.ref is not None:
            return self.ref
        return self.anchor_day()

    def focus_in_sentence(self, pos: int) -> bool:
        """Whether the date in focus was named earlier in the sentence of ``pos``
        ("On December 30, 1999, the city prepared for the new year"), not in one before it."""
        return (self._memory.ref is not None and 0 <= self.focus_end <= pos
                and R.SENTENCE_END.search(self.text, self.focus_end, pos) is None)

    def told_year(self, start: int, end: int) -> Cal | None:
        """The date in focus when a story names it: a date with a year the page
        wrote out (not one counted from the anchor), while the clause of
        ``start:end`` neither looks ahead nor speaks of what may be ("may
        vanish by late century" is the page's own time); else None."""
        ref = self._memory.ref
        if ref is None or ref.year is None or self._memory.ref_anchor or self.ref_explicit_pos < 0:
            return None
        s, e = self._clause(start, end)
        if _MODAL.search(self.text, s, e) or self.direction(start, end) == "future":
            return None
        return ref

    def underspecified_base(self, pos: int) -> tuple[Cal | None, bool]:
        """Base for "in March"/"on Monday"; True when it is the mentioned date."""
        if self.narrative or self.anchor is None:
            ref = self._memory.ref
            if ref is not None and ref.year is not None:
                return self.ref, True
            if self.fetched:
                # nothing named yet: the first year the story names ahead
                ahead = R.YEAR_IN_TEXT.search(self.text, pos)
                if ahead is not None:
                    return Cal("year", int(ahead.group(1))), True
            return (self.anchor_day() if self.anchor else None), False
        return self.anchor_day(), False

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
        s, e = self._clause(start, end)
        left, right = text[s:start], text[end:e]
        if self.since_start(start, end, (s, e)):
            return "past"  # "closed since Saturday", "since the Oct. 23 fire": a starting point lies behind
        if re.fullmatch(r"\W*(?:\w+\s+){0,2}", left) and re.match(r"\s*,", right):
            # "Until Thursday, they had not ...": a date opening its sentence
            # belongs to the clause after the comma
            right = right[right.index(",") + 1 :]
        right_clause = re.split(r"[,;:]", right, maxsplit=1)[0]
        if R.REPORTED_RIGHT_AFTER.match(right_clause) and not R.FUTURE_STRONG.search(left[-30:]):
            # "Biden on Monday said he will rejoin": the date goes with
            # the reporting verb right after it, not with the reported plan
            return "past"
        if rule_on("said-before-day") and self._reported_right_before(left):
            # "the minister said on Tuesday that China is going to have to make a deal", "The house will be
            # turned into a police station, the minister said on Tuesday": the report's day, not the plan's
            return "past"
        if rule_on("verb-before-day") and self._past_verb_right_before(left):
            # "the collaboration announced Tuesday", "announced Wednesday it will open": the date
            # goes with the past verb right before it, not with a future further on
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

    def will_future(self, start: int, end: int) -> bool:
        """The clause around a span tells the future with "will", "shall" or "going to" (not only a weak cue
        such as "would", "was to", "expected": a future seen from the past may be over)."""
        return self.direction(start, end) == "future" and self.says_will(start, end)

    def says_will(self, start: int, end: int) -> bool:
        """The clause around a span has "will", "shall" or "going to" before it or right after it."""
        s, e = self._clause(start, end)
        right = re.split(r"[,;:]", self.text[end:e], maxsplit=1)[0]
        return bool(R.FUTURE_STRONG.search(self.text, s, start) or R.FUTURE_STRONG.search(right[:40]))

    def scheduled_present(self, start: int, end: int) -> bool:
        """The clause around a span has a present tense that schedules (patterns.SCHEDULED_PRESENT)."""
        s, e = self._clause(start, end)
        return bool(R.SCHEDULED_PRESENT.search(self.text, s, start) or R.SCHEDULED_PRESENT.search(self.text, end, e))

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        """Where the clause around ``text[start:end]`` starts and ends (at most 90 characters each side)."""
        text = self.text
        s = start
        lim = max(0, start - 90)
        while s > lim and text[s - 1] not in ".!?\n;":
            s -= 1
        e = end
        lim = min(len(text), end + 90)
        while e < lim and text[e] not in ".!?\n;":
            e += 1
        return s, e

    def since_start(self, start: int, end: int, clause: tuple[int, int] | None = None) -> bool:
        """Whether the date at ``text[start:end]`` is where a "since" phrase
        starts counting: "closed since Saturday", "searching since shortly
        after the Oct. 23 slaying", "audit payments made since the Jan. 5
        meeting". A "since" with a verb of its own between it and the date
        gives a reason ("since the vote is on Oct. 23"); one that opens its
        sentence or follows a comma gives a reason too ("Since voters decide
        on Oct. 23, ...") unless a perfect tells a stretch up to now ("Since
        the Oct. 23 fire, the plant has been shut"). ``clause``: the clause
        around the date when the caller has it (see :meth:`_clause`)."""
        s, e = clause if clause is not None else self._clause(start, end)
        left = self.text[s:start]
        if R.SINCE_BEFORE.search(left):
            return True
        since = R.SINCE_PHRASE_BEFORE.search(left)
        if since is None or R.SINCE_PHRASE_VERB.search(since.group(0)) or R.FUTURE_WEAK.search(since.group(0)):
            return False
        before = left[: since.start()].rstrip()
        if before.strip("\"'“‘(") == "" or before.endswith(","):
            return R.PERFECT_TENSE.search(self.text, s, e) is not None
        return True

    @staticmethod
    def _reported_right_before(left: str) -> bool:
        """The words before a date end with a reporting verb in the past tense and at most "on"
        ("said on Tuesday", "announced Wednesday"), not after "to", a modal or a determiner."""
        m = R.REPORTED_RIGHT_BEFORE.search(left)
        return m is not None and R.VERB_NOT_TENSED_BEFORE.search(left[: m.start("verb")]) is None

    @staticmethod
    def _past_verb_right_before(left: str) -> bool:
        """The words before a date end with a verb in the past tense and at most "on"
        ("announced Tuesday", "released on Wednesday"): not a passive or a future one
        ("will be released Friday"), a word of planning ("scheduled Friday") or a
        participle after a determiner ("a delayed Tuesday launch")."""
        m = R.PAST_VERB_RIGHT_BEFORE.search(left)
        if m is None or m.group("verb").lower() in R.NOT_PAST_ED:
            return False
        before = left[: m.start("verb")]
        return R.PASSIVE_BEFORE.search(before) is None and R.VERB_NOT_TENSED_BEFORE.search(before) is None

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
        q = self._memory.quarter
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

    def remember(self, c: Cal, pos: int, explicit: bool, focus: bool = True, end: int | None = None,
                 from_anchor: bool = False) -> None:
        """Keep ``c`` (named at ``pos``) as the reference date; ``from_anchor``:
        its value came from the anchor, and so does what counts from it."""
        self.ref_end = pos if end is None else end
        takes_focus = c.gran == "quarter" and focus and self._takes_focus(c, pos if end is None else end)
        kept = _keep(self._memory, c, from_anchor, takes_focus)
        if kept == "coarse":
            self.coarse_pos = pos
            return
        if kept == "ref":
            self.ref_pos = pos
        self.focus_end = self.ref_end
        if explicit:
            self.ref_explicit_pos = pos


    def remember_own(self, r: Res, known: bool) -> None:
        """Keep a value as the page read alone has it (see :meth:`page_reading`);
        ``known``: the page's own dates give it."""
        c = r.cal
        if c is None or r.type not in ("DATE", "TIME") or r.deictic:
            return
        if c.year is not None or c.gran in ("decade", "century"):
            _keep(self._page_memory, c, not known, c.gran == "quarter" and r.focus)


def _keep(mem: _Memory, c: Cal, from_anchor: bool, takes_focus: bool) -> str:
    """Remember ``c`` in ``mem``: as the quarter in focus when it takes it, and
    as the reference date ("ref") or decade or century ("coarse"); "finer"
    when a finer date of the same year or month is already known and stays."""
    if takes_focus:
        mem.quarter, mem.quarter_anchor = c, from_anchor
    ref = mem.ref
    if ref is not None and c.year is not None and ref.year == c.year and finer_or_equal(ref, c):
        if c.gran in ("year",) or (c.gran == "month" and ref.month == c.month):
            return "finer"  # keep the finer date already known
    if c.gran in ("decade", "century"):
        mem.coarse, mem.coarse_anchor = c, from_anchor
        return "coarse"
    mem.ref, mem.ref_anchor = replace(c, pod=None, hour=None, minute=None), from_anchor
    return "ref"


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
    # the value came from the anchor, directly or through a date that did
    # (set by the tagger from what the normaliser read, see Ctx.begin)
    from_anchor: bool = False
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


def sentence_bounds(text: str, start: int, end: int, reach: int = 600) -> tuple[int, int]:
    """The first and last character of the sentence around ``text[start:end]`` (a full stop,
    question or exclamation mark before a blank, or a line break, ends one), looking at most
    ``reach`` characters either way."""
    before = [m.end() for m in R.SENTENCE_END.finditer(text, max(0, start - reach), start)]
    after = R.SENTENCE_END.search(text, end, end + reach)
    return (before[-1] if before else max(0, start - reach)), (after.start() if after else min(len(text), end + reach))


def part_of_year_around(text: str, pos: int, end: int, month: int) -> int | None:
    """The year of a quarter or half of a written year named in the sentence of ``text[pos:end]``
    that holds ``month`` ("June 15: Second quarter of 2025 estimated tax payment is due" is
    June 15, 2025); None when there is none, or when two such periods give two years."""
    s, e = sentence_bounds(text, pos, end, reach=200)
    years = set()
    for m in R.PART_OF_YEAR.finditer(text, s, e):
        if m.start() < end and m.end() > pos:
            continue
        g = {k: (v.lower() if v else v) for k, v in m.groupdict().items()}
        q = (ordinal(g["qord"]) if g["qord"] else 0) or int(g["qn"] or g["qn2"] or 0)
        h = (ordinal(g["hord"]) if g["hord"] else 0) or int(g["hn"] or g["hn2"] or 0)
        first, last = ((q - 1) * 3 + 1, q * 3) if q else ((h - 1) * 6 + 1, h * 6)
        if first <= month <= last:
            years.add(int(g["y"] or g["y2"]))
    return years.pop() if len(years) == 1 else None


def _side_of_day(ctx: Ctx, pos: int, end: int, base: tuple[int, int, int], month: int, day: int) -> str:
    """On which side of the base day (year, month, day) a month-day without a year lies: the nearest one,
    within a few months of it; when both candidates are far (five to seven months away), the tense of its
    clause says on which side it lies ("the year ended March 31" is past, "a pact effective June 1" to come);
    a near one before it in a clause that tells the future with "will" comes after it ("will loop into Shoreline for a
    show on Sept. 12" on a page of November 19 is next September's: rule "tense-side-of-day"; not a near one
    after it in a past clause: "ruled Wednesday that he must be returned by Jan. 14" is still to come)."""
    by, bm, bd = base

    def dist(yy: int) -> int:
        return abs((yy * 12 + month) * 31 + day - ((by * 12 + bm) * 31 + bd))

    nearest = min((by - 1, by, by + 1), key=dist)
    if dist(nearest) > 124:
        return ctx.direction(pos, end) or "nearest"
    if rule_on("tense-side-of-day") and (nearest, month, day) < base and ctx.will_future(pos, end):
        return "future"
    return "nearest"


def resolve_month_day(ctx: Ctx, pos: int, end: int, month: int, day: int | None, rel: str = "") -> tuple[Cal, bool]:
    if not rel and rule_on("part-of-year-day"):
        y_part = part_of_year_around(ctx.text, pos, end, month)
        if y_part is not None:
            if day:
                try:
                    date(y_part, month, day)
                except ValueError:
                    return Cal("day", None, month, day), False
                return Cal("day", y_part, month, day), True
            return Cal("month", y_part, month), True
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
    elif ctx.since_start(pos, end):
        direction = "past"  # "closed since the Oct. 23 fire": not after the page's day
    elif R.PERIOD_ENDED_BEFORE.search(ctx.text, max(0, pos - 40), pos):
        direction = "past"  # "the fiscal year ended Jan. 31": a reported period is over
    elif ctx.fetched:
        direction = "future" if ctx.direction(pos, end) == "future" else "past"
    elif day:
        direction = _side_of_day(ctx, pos, end, (by, bm, bd), month, day)
    else:
        direction = ctx.direction(pos, end)
        if not direction and rule_on("scheduled-month") and ctx.scheduled_present(pos, end):
            direction = "future"  # "the 2020 Sentra, which goes on sale in late January": a present that schedules
        direction = direction or "past"
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


def valid_day(y: int, month: int, day: int) -> bool:
    """Whether year, month and day make a calendar day."""
    try:
        date(y, month, day)
    except ValueError:
        return False
    return True


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
            direction = ctx.direction(pos, end)
            if not direction and not ctx.fetched and rule_on("scheduled-weekday") and ctx.scheduled_present(pos, end):
                direction = "future"  # "the show opens Friday": a present that schedules
            direction = direction or "past"
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
