"""Rules for clock times: 10:30 a.m., noon, 0800 hours.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, resolve_month_day, resolve_weekday, valid_day
from extractors.timex.numbers import DEICTIC_OFFSET, month_num, ordinal, parse_clock, weekday_num
from extractors.timex.patterns import DAY_NUM, MONTH, TIME_CLOCK, WEEKDAY, YEAR4, B, E
from extractors.timex.periods import Cal, shift
from extractors.timex.rule import Rule, RuleBook

book = RuleBook()


@book.rule("time", digits=r"\d{1,2}", window=(35, 45), priority=2,
    pattern=B + r"(?P<approx>(?i:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<clock>" + TIME_CLOCK + r")"
        + r"(?:(?:\s*,\s*|\s+)(?:(?i:on\s+)?(?P<weekday>" + WEEKDAY + r")(?:,?\s+(?P<wmonth>" + MONTH + r")\s+(?P<wday>" + DAY_NUM + r")(?:,?\s+(?P<wyear>" + YEAR4 + r"))?)?|(?P<dword>(?i:today|yesterday|tomorrow|tonight))|(?P<month>" + MONTH + r")\s+(?P<day>" + DAY_NUM + r")(?:,?\s+(?P<year>" + YEAR4 + r"))?))?" + E)
def _n_time(m: re.Match, ctx: Ctx):
    hm = parse_clock(m.group("clock"))
    if hm is None:
        return None
    hh, mm = hm
    clock = m.group("clock")
    # "3:2 victory", "10:30" as a score/ratio: need a time word or a.m./p.m. or a date nearby
    if ":" in clock and not re.search(r"[ap]\.?m|EST|EDT|GMT|UTC|local", clock, re.I):
        before = ctx.text[max(0, m.start() - 30) : m.start()]
        if re.search(r"\b(?:score|won|lost|beat|ratio|odds|verse|chapter|John|Matthew|Luke|Mark)\b[^.]*$", before, re.I):
            return None
    approx = m.group("approx")
    mod = "APPROX" if approx and re.match(r"(?i)about|around|at about|approximately", approx.strip()) else None
    wd, dword, mon = m.group("weekday"), m.group("dword"), m.group("month")
    base: Cal | None
    if wd and m.group("wmonth"):
        # "at 6:38 p.m. on Saturday, May 18": the month and day name the day (resolved as one written
        # without the weekday: a weekday that does not fit moves no date a year); an impossible one
        # ("Thursday, Feb. 30") leaves the weekday
        base = _month_day(ctx, m, month_num(m.group("wmonth")), ordinal(m.group("wday")), m.group("wyear"))
        if base is None or base.year is None:
            base = resolve_weekday(ctx, m.start(), m.end(), weekday_num(wd) or 1)
    elif wd:
        base = resolve_weekday(ctx, m.start(), m.end(), weekday_num(wd) or 1)
    elif dword:
        a = ctx.deictic()
        base = shift(a, DEICTIC_OFFSET[dword.lower()], "day") if a else None
    elif mon:
        mn = month_num(mon)
        if mn is None:
            return None
        base = _month_day(ctx, m, mn, ordinal(m.group("day")), m.group("year"))
    elif paren := R.TIME_PAREN_WEEKDAY.match(ctx.text, m.end()):
        # "at 10:35 a.m. (0735 GMT) Friday"
        base = resolve_weekday(ctx, m.start(), m.end(), weekday_num(paren.group("weekday")) or 1)
    elif ctx.ref is not None and ctx.ref.gran == "day" and 0 <= m.start() - ctx.ref_end <= 6:
        base = ctx.ref  # "yesterday at 5 p.m.", "on June 4 at 10:30"
    else:
        base = ctx.anaphoric() if (ctx.narrative or ctx.anchor is None) else ctx.deictic()
        if base is not None and base.gran != "day":
            base = None
    if base is None or base.gran != "day":
        v = "XXXX-XX-XXT%02d:%02d" % (hh, mm)
        return Res("TIME", v, None, mod)
    c = replace(base, hour=hh, minute=mm)
    return date_res(c, mod, anchored=True)


def _month_day(ctx: Ctx, m: re.Match, month: int | None, day: int | None, year: str | None) -> Cal | None:
    """The day a clock time names with a month and day after it: its year written, else resolved."""
    if month is None or day is None:
        return None
    if year:
        return Cal("day", int(year), month, day) if valid_day(int(year), month, day) else None
    return resolve_month_day(ctx, m.start(), m.end(), month, day)[0]


@book.rule("noon", triggers={"noon", "midnight", "midday"}, window=(20, 30), priority=1,
    pattern=B + r"(?P<word>(?i:noon|midnight|midday))(?:\s+(?P<weekday>" + WEEKDAY + r")|\s+(?P<dword>(?i:today|yesterday|tomorrow)))?" + E)
def _n_noon(m: re.Match, ctx: Ctx):
    w = m.group("word").lower()
    if m.group("word")[0].isupper() and re.search(r"\b[A-Z][a-z]+\s+$", ctx.text[max(0, m.start() - 20) : m.start()]):
        return None  # a name: the film "High Noon"
    hh = 24 if w == "midnight" else 12
    wd, dword = m.group("weekday"), m.group("dword")
    if wd:
        base = resolve_weekday(ctx, m.start(), m.end(), weekday_num(wd) or 1)
    elif dword:
        a = ctx.deictic()
        base = shift(a, DEICTIC_OFFSET[dword.lower()], "day") if a else None
    else:
        base = ctx.anaphoric()
        if (base is None or base.gran != "day") and not ctx.narrative:
            base = ctx.deictic()
    if base is None or base.gran != "day":
        return Res("TIME", "XXXX-XX-XXT%02d:00" % hh if hh != 24 else "XXXX-XX-XXT24", None)
    c = replace(base, hour=hh, minute=None if hh == 24 else 0)
    return date_res(c, anchored=True)


@book.rule("clock24", triggers={"hours", "hrs", "h"}, window=(25, 25), priority=1,
    pattern=B + r"(?P<clock>(?:[01][0-9]|2[0-3])[:.]?[0-5][0-9])\s*(?P<h>(?i:hours|hrs|h))\b")
def _n_clock24(m: re.Match, ctx: Ctx):
    t = re.sub(r"\D", "", m.group("clock"))
    hh, mm = int(t[:-2]), int(t[-2:])
    base = ctx.anaphoric()
    if base is None or base.gran != "day":
        return Res("TIME", "XXXX-XX-XXT%02d:%02d" % (hh, mm), None)
    return date_res(replace(base, hour=hh, minute=mm), anchored=True)


RULES: tuple[Rule, ...] = book.rules()


# What may follow a day's clock time before the rest of the sentence: its
# a.m./p.m. and time zone ("7:00 AM Eastern Standard Time (“EST”)", "11:59 PM EST",
# "5 p.m. GMT"). A range "from <day> at <time> to <day> at <time>" joins across it.
CLOCK_REST = re.compile(
    r"\s*(?:(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|AM\b|PM\b|A\.M\.|P\.M\.)\s*)?"
    r"(?:(?:(?:[A-Z][a-z]+\s+){0,2}(?:Standard\s+|Daylight\s+)?Time|[A-Z]{1,4}T|UTC|GMT)(?![\w-])\s*)?"
    r"(?:\([\"“”'‘’]?[A-Z]{2,5}[\"“”'‘’]?\)\s*)?"
)
