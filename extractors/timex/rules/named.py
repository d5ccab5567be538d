"""Rules for holidays, day and year ranges, spoken years and vague references
(now, recently, the future).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from extractors.calendar_words import HOLIDAYS_BY_KEY, holiday_key
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, resolve_month_day
from extractors.timex.numbers import month_num, ordinal, spoken_year, year_num
from extractors.timex.patterns import (
    COMMA,
    DAY_NUM,
    HOLIDAY,
    HOLIDAY_WORDS,
    MONTH_G,
    MONTH_WORDS,
    REF_TRIGGERS,
    REF_WORDS,
    SPOKEN_YEAR,
    YEAR4,
    YEAR4_DIGITS,
    YEAR_G,
    B,
    E,
    alternation,
)
from extractors.timex.periods import Cal, coarsen, day_cal, timex_value
from extractors.timex.rule import Rule, RuleBook

book = RuleBook()


def _holiday_date(name: str, y: int) -> date | None:
    h = HOLIDAYS_BY_KEY.get(holiday_key(name))
    return h.date_in(y) if h is not None else None


# holidays of calendar_words.toml, each with a way to date it
@book.rule("holiday", triggers=HOLIDAY_WORDS, window=(20, 30), priority=1,
    pattern=B + r"(?P<hol>" + HOLIDAY + ")"
        + r"(?:(?:\s*,\s*|\s+)(?P<year>" + YEAR4 + r")|\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + E)
def _n_holiday(m: re.Match, ctx: Ctx):
    name = m.group("hol")
    pod = m.group("pod")
    if m.group("year"):
        y = int(m.group("year"))
        explicit = True
    else:
        base, _ = ctx.underspecified_base(m.start())
        if base is None or base.year is None:
            if not HOLIDAYS_BY_KEY[holiday_key(name)].gregorian:
                return Res("DATE", "XXXX-XX-XX", None)  # its Gregorian day moves from year to year
            d0 = _holiday_date(name, 2000)
            if d0 is None:
                return None
            return Res("DATE", "XXXX-%02d-%02d" % (d0.month, d0.day), None)
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
    c = day_cal(d)
    if pod:
        c = replace(c, pod=R.PARTS_OF_DAY[pod.lower()])
    return date_res(c, anchored=not explicit, explicit=explicit)


def _range_pair(m: re.Match, ctx: Ctx, month_first: bool):
    mon = month_num(m.group("month"))
    d1, d2 = ordinal(m.group("d1")), ordinal(m.group("d2"))
    if mon is None or d1 is None or d2 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if m.group("dash").lower() in ("to", "until", "through") and d2 <= d1:
        return None
    ytxt = m.group("year")
    if month_first and not ytxt and R.counts_after_and(m.group("dash"), ctx.text, m.end()):
        return None  # "On May 3 and 17 delegates voted": the number counts the noun after it
    y: int | None
    if ytxt:
        y = year_num(ytxt, ctx)
        explicit = True
        anchored = False
    else:
        c, anchored = resolve_month_day(ctx, m.start(), m.end(), mon, d1)
        y = c.year
        explicit = False
    out = []
    for d, (s, e) in ((d1, m.span("d1")), (d2, m.span("d2"))):
        try:
            if y is not None:
                date(max(1, y), mon, d)
        except ValueError:
            return None
        c = Cal("day", y, mon, d)
        r = date_res(c, anchored=anchored, explicit=explicit)
        if month_first and d == d1 and (s, e) == m.span("d1"):
            s = m.start()
        if not month_first and (s, e) == m.span("d2"):
            e = m.end()
        if month_first and (s, e) == m.span("d2"):
            e = m.end()
        r.start, r.end = s, e
        out.append(r)
    return out


# day ranges: "March 5-9, 1918", "28-29 May 1953"
@book.rule("month_day_range", triggers=MONTH_WORDS, window=(20, 30), priority=4,
    pattern=B + MONTH_G + r"\s+(?P<d1>" + DAY_NUM + r")\s*(?P<dash>[-–—]|to|until|through|and|&)\s*(?P<d2>" + DAY_NUM + r")(?:" + COMMA + YEAR_G + r")?" + E)
def _n_month_day_range(m: re.Match, ctx: Ctx):
    return _range_pair(m, ctx, True)


@book.rule("day_month_range", triggers=MONTH_WORDS, window=(30, 25), priority=4,
    pattern=B + r"(?P<d1>" + DAY_NUM + r")\s*(?P<dash>[-–—]|to|until|through|and|&)\s*(?P<d2>" + DAY_NUM + r")\s+" + MONTH_G + r"(?:" + COMMA + YEAR_G + r")?" + E)
def _n_day_month_range(m: re.Match, ctx: Ctx):
    return _range_pair(m, ctx, False)


# "1915-16", "1940-41": the second year written with two digits
@book.rule("year_range2", digits=YEAR4_DIGITS, window=(20, 20), priority=2,
    pattern=B + r"(?P<y1>" + YEAR4 + r")(?P<dash>[-–/])(?P<y2>[0-9]{2})(?![\w%]|[.,]\d)")
def _n_year_range2(m: re.Match, ctx: Ctx):
    y1 = int(m.group("y1"))
    y2 = (y1 // 100) * 100 + int(m.group("y2"))
    if y2 <= y1 or y2 - y1 > 30:
        return None
    a = date_res(Cal("year", y1), explicit=True)
    b = date_res(Cal("year", y2), explicit=True)
    a.start, a.end = m.span("y1")
    b.start, b.end = m.span("y2")
    return [a, b]


# spoken years: "nineteen ninety-four", "the year two thousand"
@book.rule("year_words", triggers=SPOKEN_YEAR, window=(35, 40),
    pattern=B + r"(?P<pre>(?i:the\s+year\s+|in\s+))?(?P<yw>" + r"(?i:(?:eighteen|nineteen|twenty)[\s-](?:hundred(?:\s+and)?[\s-]?)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:(?:\s+and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)" + r")" + E)
def _n_year_words(m: re.Match, ctx: Ctx):
    yw = m.group("yw")
    pre = (m.group("pre") or "").lower()
    low = yw.lower()
    if low.startswith("two thousand") and not pre.startswith("the year"):
        if not re.match(r"\s*[,.;)]", ctx.text[m.end() : m.end() + 3]) or not pre:
            return None
    y = spoken_year(yw)
    if y is None:
        return None
    r = date_res(Cal("year", y), explicit=True)
    if pre.startswith("in"):
        r.start = m.start("yw")
    return r


@book.rule("month_yearwords", triggers=MONTH_WORDS, window=(20, 45), priority=2,
    pattern=B + MONTH_G + r"(?:,)?\s+(?P<yw>(?i:(?:nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:(?:\s+and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten))?))" + E)
def _n_month_yearwords(m: re.Match, ctx: Ctx):
    mon = month_num(m.group("month"))
    y = spoken_year(m.group("yw"))
    if mon is None or y is None:
        return None
    return date_res(Cal("month", y, mon), explicit=True)


# narrative references to the time in focus: "at the time", "this period"
@book.rule("period_ref", triggers={"time", "period"}, window=(30, 20), priority=-1,
    pattern=B + r"(?P<word>(?i:the\s+same\s+time|that\s+same\s+time|that\s+time|this\s+time|the\s+time|this\s+period|that\s+period|the\s+same\s+period|the\s+period))(?![\w-])")
def _n_period_ref(m: re.Match, ctx: Ctx):
    w = re.sub(r"\s+", " ", m.group("word").lower())
    if not ctx.narrative:
        return None
    if w == "the period" and not re.search(r"\b(?:during|in|over|throughout|for)\s+$", ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    base = ctx.ref
    if base is None:
        return None
    return Res("DATE", timex_value(coarsen(base, base.gran)), None, None, True)


@book.rule("ref", triggers=REF_TRIGGERS, window=(30, 30),
    pattern=B + r"(?P<word>(?i:" + alternation([w for w in REF_WORDS if w not in ("earlier", "later", "once", "future", "the coming", "current", "recent", "the moment", "this time", "today's")])[3:-1] + r"))" + E)
def _n_ref(m: re.Match, ctx: Ctx):
    w = re.sub(r"\s+", " ", m.group("word").lower())
    v = R.REF_WORDS.get(w)
    if v is None:
        return None
    after = ctx.text[m.end() : m.end() + 20]
    if w in ("the past", "the future") and re.match(r"\s+(?:of|tense)\b", after):
        return None
    if w in ("the present",) and not re.match(r"\s*[,.;)]|\s+(?:day|time|situation)", after):
        return None
    return Res("DATE", v, None)


@book.rule("ref_adj", triggers={"current", "recent", "former", "future"}, window=(20, 20), priority=-1,
    pattern=B + r"(?P<word>(?i:current|recent|former|future))(?=\s+(?:[a-z]|(?<=former\s)[A-Z]))")
def _n_ref_adj(m: re.Match, ctx: Ctx):
    w = m.group("word").lower()
    after = ctx.text[m.end() : m.end() + 25].lower()
    if w == "former":
        if not ctx.narrative:
            return None
        return Res("DATE", "PAST_REF", None)
    if w == "future":
        if not ctx.narrative:
            return None
        return Res("DATE", "FUTURE_REF", None)
    if w == "current":
        if re.match(r"\s+(?:account|accounts|affairs|events|liabilities|assets|ratio|yield|flow|flows|density|rate|rates)\b", after):
            if not re.match(r"\s+(?:rate|rates)\b", after):
                return None
        return Res("DATE", "PRESENT_REF", None)
    if w == "recent":
        return Res("DATE", "PAST_REF", None)
    return None


RULES: tuple[Rule, ...] = book.rules()
