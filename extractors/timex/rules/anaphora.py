"""Rules for periods fixed by the date in focus: the 1988 period, the first day,
the 20th, the night of April 18, the week of March 6, the day after.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, resolve_month_day, resolve_weekday, valid_day
from extractors.timex.numbers import DEICTIC_OFFSET, dur_value, month_num, ordinal, weekday_num
from extractors.timex.patterns import (
    COMMA,
    DAY_G,
    DAY_NUM,
    MONTH,
    MONTH_G,
    POD_WORDS,
    WD_G,
    WEEKDAY,
    YEAR4,
    YEAR4_DIGITS,
    YEAR_G,
    B,
    E,
    after_word,
)
from extractors.timex.periods import Cal, coarsen, finer_or_equal, shift
from extractors.timex.rule import Rule, RuleBook
from extractors.timex.rules.days import day_month_common

book = RuleBook()


def _pod_of_date(m: re.Match, ctx: Ctx):
    r = day_month_common(m, ctx, ordinal(m.group("day")))
    if r is None or r.cal is None:
        return r
    pre = m.group("pre").lower()
    mod = "START" if "early" in pre else "END" if "late" in pre else None
    return date_res(replace(r.cal, pod=R.PARTS_OF_DAY[m.group("pod").lower()]), mod, r.anchored, r.explicit)


# weekday/day + part of day is handled by weekday/deictic_day rules
# "the 1988 period", "the 1989 quarter": a period of a named year
@book.rule("year_period", digits=YEAR4_DIGITS, window=(25, 30), priority=2,
    pattern=B + r"(?P<the>(?i:the))\s+(?P<year>" + YEAR4 + r")\s+(?P<what>(?i:period|quarter|fiscal\s+year|season|first\s+half|second\s+half))" + E)
def _n_year_period(m: re.Match, ctx: Ctx):
    y = int(m.group("year"))
    what = re.sub(r"\s+", " ", m.group("what").lower())
    if what == "period" and ctx.last_quarter is not None and not ctx.narrative and ctx.compares_months(m.start()):
        return date_res(Cal("year", y), explicit=True)  # "the first nine months ... the 1988 period"
    if what in ("period", "quarter") and ctx.last_quarter is not None and not ctx.narrative:
        r = date_res(replace(ctx.last_quarter, year=y), explicit=True)
        r.focus = False
        return r
    if what in ("first half", "second half"):
        return date_res(Cal("half", y, half=1 if what.startswith("first") else 2), explicit=True)
    if what == "quarter":
        return Res("DATE", f"{y}-QX", None, explicit=True)
    return date_res(Cal("year", y), explicit=True)


# "the latest period", "the corresponding period last year" (reports on a quarter)
@book.rule("report_period", triggers={"period"}, window=(40, 35), priority=2,
    pattern=B + r"(?i:the)\s+(?P<which>(?i:latest|most\s+recent|corresponding|comparable|same))\s+(?i:period)(?P<ago>\s+(?i:last\s+year|a\s+year\s+(?:ago|earlier)))?" + E)
def _n_report_period(m: re.Match, ctx: Ctx):
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
        return date_res(q, anchored=True)
    if not m.group("ago"):
        return None  # "the same period" alone: its year is not said
    r = date_res(shift(q, -4, "quarter"), anchored=True)
    if r is not None:
        r.focus = False
    return r


# "mid-afternoon yesterday", "late morning today"
@book.rule("pod_deictic", triggers={"today", "yesterday", "tomorrow"}, window=(35, 20), priority=2,
    pattern=B + r"(?P<mod>(?i:early|late|mid)[\s-]?)?(?P<pod>(?i:morning|afternoon|evening|night))\s+(?P<word>(?i:yesterday|today|tomorrow))" + E)
def _n_pod_deictic(m: re.Match, ctx: Ctx):
    a = ctx.deictic()
    if a is None or ctx.anchor is None:
        return None
    d = shift(a, DEICTIC_OFFSET[m.group("word").lower()], "day")
    if d is None:
        return None
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.group("mod") or "").strip(" -").lower())
    r = date_res(replace(d, pod=R.PARTS_OF_DAY[m.group("pod").lower()]), mod, anchored=True)
    r.deictic = True
    return r


# "at night", "by day", "during the daytime"
@book.rule("bare_pod", triggers={"night", "nighttime", "daytime", "time"}, window=(20, 20),
    pattern=after_word("at", "by", "during", "in") + r"(?P<pod>(?i:night|nighttime|night-time|daytime|day-time))" + E)
def _n_bare_pod(m: re.Match, ctx: Ctx):
    w = m.group("pod").lower().replace("-", "")
    code = "DT" if w.startswith("day") else "NI"
    return Res("TIME", "XXXX-XX-XXT" + code, None)


# "year-end", "by year's end", "at month's end"
@book.rule("unit_end", triggers={"end"}, window=(20, 20), priority=1,
    pattern=B + r"(?P<unit>(?i:year|month|week|quarter))(?:['’]s\s+|[\s-])(?i:end)" + E)
def _n_unit_end(m: re.Match, ctx: Ctx):
    unit = m.group("unit").lower()
    if ctx.narrative or ctx.anchor is None:
        base = ctx.anaphoric()
    else:
        base = ctx.deictic()
    if base is None or base.year is None:
        return None
    gran = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}[unit]
    if finer_or_equal(Cal(gran), base) and gran != base.gran and base.as_date() is None:
        return None
    return date_res(coarsen(base, gran), "END", anchored=True)


# "the first day", "the fifth day of the rebellion", "its final week"
@book.rule(
    "ordinal_unit",
    triggers={"day", "days", "week", "weeks", "month", "months", "year", "years", "night", "evening", "morning", "afternoon", "hour", "hours"},
    window=(30, 25),
    pattern=B + r"(?P<det>(?i:the|its|their|his|her))\s+(?P<ord>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|opening|closing))\s+(?P<unit>(?i:day|days|week|weeks|month|months|year|years|night|evening|morning|afternoon|hour|hours))" + E)
def _n_ordinal_unit(m: re.Match, ctx: Ctx):
    unit = m.group("unit").lower()
    after = ctx.text[m.end() : m.end() + 30]
    if unit.endswith("s") and unit not in ("days", "weeks", "months", "years", "hours"):
        return None
    if unit.endswith("s"):
        # "the first days of the war": an unspecified stretch
        letter = dur_value(None, unit[:-1])
        return Res("DURATION", letter, None)
    if re.match(r"-|[\s-]+(?:old|anniversary|class|grader|time|round|half|quarter)\b", after, re.I):
        return None
    if unit == "day" and m.group("ord").lower() in ("last", "final") and not ctx.narrative and rule_on("the-last-day"):
        # "the last day of service", "its final day": the end of something, which day it does not say (not the
        # page's day); a story's "the final day of the battle" stays a day of the story
        return None
    base = ctx.anaphoric() if (ctx.narrative or ctx.anchor is None) else ctx.deictic()
    if unit in ("day", "night", "evening", "morning", "afternoon"):
        if base is None or base.gran != "day":
            v = "XXXX-XX-XX"
            if unit != "day":
                v += "T" + R.PARTS_OF_DAY[unit]
            return Res("TIME" if unit != "day" else "DATE", v, None)
        c = coarsen(base, "day")
        if unit != "day":
            c = replace(c, pod=R.PARTS_OF_DAY[unit])
        r = date_res(c, anchored=True)
        r.focus = False
        return r
    if unit == "hour":
        return Res("TIME", "XXXX-XX-XXTXX", None)
    if base is None or base.year is None:
        return None
    return date_res(coarsen(base, {"week": "week", "month": "month", "year": "year"}[unit]), anchored=True)


# "on the 20th", "from the 13th to the 19th of October"
@book.rule("ordinal_day", digits=r"\d{1,2}", window=(20, 30),
    pattern=after_word("on", "by", "from", "until", "till", "to", "and", "of", "after", "before") + r"(?P<the>(?i:the)\s+)(?P<day>(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th))(?=\s*(?:[,.;:)]|of\s+" + MONTH + r"|to\s|and\s|-))")
def _n_ordinal_day(m: re.Match, ctx: Ctx):
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
    return date_res(Cal("day", base.year, base.month, day), anchored=True)


# "in 490" inside a narrative set before the common era
@book.rule("bare_year_bc", digits=r"\d{2,3}", window=(20, 20), priority=-1,
    pattern=after_word("in", "of", "by", "until", "till", "from", "to", "and", "since", "after", "before", "around", "about", "spring", "summer", "autumn", "fall", "winter") + r"(?P<year>[1-9][0-9]{1,2})(?![\w%]|[.,]\d|\s*(?:-|–)?\s*[a-z])")
def _n_bare_year_bc(m: re.Match, ctx: Ctx):
    if not ctx.narrative or ctx.ref is None or ctx.ref.year is None or ctx.ref.year >= 0:
        return None
    y = int(m.group("year"))
    if abs(-y - ctx.ref.year) > 60:
        return None
    return date_res(Cal("year", -y), explicit=True)


# "the night of April 18, 1775", "early in the morning of 29 April 1975"
@book.rule("pod_of_mdy", triggers=POD_WORDS, window=(35, 45), priority=5,
    pattern=B + r"(?P<pre>(?i:(?:early|late)\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?)(?P<pod>(?i:morning|afternoon|evening|night))\s+(?i:of)\s+(?:" + WD_G + r",?\s+)?"
        + MONTH_G + r"\s+" + DAY_G + r"(?:" + COMMA + YEAR_G + r")?" + E)
def _n_pod_of_mdy(m: re.Match, ctx: Ctx):
    return _pod_of_date(m, ctx)


@book.rule("pod_of_dmy", triggers=POD_WORDS, window=(35, 45), priority=5,
    pattern=B + r"(?P<pre>(?i:(?:early|late)\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?)(?P<pod>(?i:morning|afternoon|evening|night))\s+(?i:of)\s+(?:" + WD_G + r",?\s+)?"
        + DAY_G + r"\s+" + MONTH_G + r"(?:" + COMMA + YEAR_G + r")?" + E)
def _n_pod_of_dmy(m: re.Match, ctx: Ctx):
    return _pod_of_date(m, ctx)


# "the week of March 6", "the day before last Tuesday", "the day after
# Christmas": a period fixed by the date it names (TIMEX3 takes the
# whole phrase as one expression)
@book.rule("unit_of_date", triggers={"week", "day"}, window=(25, 45), priority=3,
    pattern=B + r"(?P<the>(?i:the))\s+(?P<unit>(?i:week|day))\s+(?P<rel>(?i:of|before|after|following|preceding))\s+"
        + r"(?:(?P<wrel>(?i:last|next|this))\s+(?P<weekday>" + WEEKDAY + r")|(?P<month>" + MONTH + r")\s+(?P<day>" + DAY_NUM + r")(?:,?\s+(?P<year>" + YEAR4 + r"))?)" + E)
def _n_unit_of_date(m: re.Match, ctx: Ctx):
    """"the week of March 6" (the week holding the day), "the day before
    last Tuesday" (the day next to it)."""
    if m.group("weekday"):
        c = resolve_weekday(ctx, m.start("wrel"), m.end(), weekday_num(m.group("weekday")) or 1, m.group("wrel"))
        explicit = False
    else:
        mon = month_num(m.group("month"))
        day = ordinal(m.group("day"))
        if mon is None or day is None:
            return None
        if m.group("year"):
            y = int(m.group("year"))
            c = Cal("day", y, mon, day) if valid_day(y, mon, day) else None
            explicit = True
        else:
            c, _ = resolve_month_day(ctx, m.start("month"), m.end(), mon, day)
            explicit = False
    if c is None or c.as_date() is None or c.gran != "day":
        return None
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if unit == "week":
        if rel != "of":
            return None
        return date_res(coarsen(c, "week"), anchored=not explicit, explicit=explicit)
    if rel == "of":
        return None
    step = -1 if rel in ("before", "preceding") else 1
    return date_res(shift(c, step, "day"), anchored=True)


# "the day after", "the day before", "the day following"
@book.rule("day_after", triggers={"day"}, window=(25, 30), priority=1,
    pattern=B + r"(?P<the>(?i:the))\s+(?i:day)\s+(?P<dir>(?i:after|before|following|previous|prior))(?![\w-])(?!\s+(?i:yesterday|tomorrow))")
def _n_day_after(m: re.Match, ctx: Ctx):
    d = m.group("dir").lower()
    base = ctx.anaphoric()
    if base is None or base.gran != "day":
        return None
    step = 1 if d in ("after", "following") else -1
    return date_res(shift(coarsen(base, "day"), step, "day"), anchored=True)


# a verb whose "to" is its own, before "this day": "referred to this day as",
# "dated to this day" (not the present era's "to this day")
_VERB_BEFORE_TO = re.compile(
    r"\b(?:refer(?:s|red|ring)?|dat(?:e|es|ed|ing)|point(?:s|ed|ing)?|link(?:s|ed|ing)?|trac(?:e|es|ed|ing)|"
    r"compar(?:e|es|ed|ing)|return(?:s|ed|ing)?|led|lead(?:s|ing)?|devot(?:e|es|ed|ing)|dedicat(?:e|es|ed|ing)|"
    r"look(?:s|ed|ing)?\s+forward)\s*$", re.I)

# "this day": in prose the day just told of ("on 8 August ... Ludendorff
# referred to this day as ..."), not the page's own day (a writer tells
# today as "today"); "to this day", "this day and age" are the present era,
# "from this day forward" the time after it
@book.rule("this_day", triggers={"day"}, window=(20, 25), priority=2,
    pattern=B + r"(?P<pre>(?i:to|until|till|from)\s+)?(?i:this)\s+(?i:day)(?!'s|’s)(?:(?P<post>\s+(?i:and\s+age|forward|onwards?|on)\b)|"
    r"(?P<almanac>\s+(?i:in)\s+(?P<ayear>1[0-9]{3}|20[0-9]{2})\b|,?\s+(?P<arel>(?i:last|next))\s+(?i:year)\b|,?\s+(?P<ago>[1-9][0-9]{0,2})\s+(?i:years?\s+ago)\b))?")
def _n_this_day(m: re.Match, ctx: Ctx):
    """The day in focus, when one was named in the same paragraph; else no
    date the text tells (TIMEX3 "XXXX-XX-XX")."""
    pre = (m.group("pre") or "").strip().lower()
    post = (m.group("post") or "").strip().lower()
    if m.group("almanac"):
        # "on this day in 1969", "this day last year", "this day 50 years
        # ago": the page's own month and day in that year
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        if m.group("ayear"):
            y = int(m.group("ayear"))
        elif m.group("arel"):
            y = a.year + (1 if m.group("arel").lower() == "next" else -1)
        else:
            y = a.year - int(m.group("ago"))
        if not valid_day(y, a.month, a.day):
            return None
        r = date_res(Cal("day", y, a.month, a.day), anchored=True)
        r.start = m.start() + len(m.group("pre") or "")
        return r
    # "to this day" is the present era ("To this day, ...", "... in force to
    # this day for most members"), unless the "to" is a verb's ("referred to
    # this day as", "dated to this day")
    verb_to = _VERB_BEFORE_TO.search(ctx.text[max(0, m.start() - 24) : m.start()]) is not None
    if pre in ("until", "till") or (pre == "to" and not verb_to) or post == "and age":
        return Res("DATE", "PRESENT_REF", None)
    if pre == "from" and post:
        return Res("DATE", "FUTURE_REF", None)
    start = m.start() + len(m.group("pre") or "")
    end = m.end() - len(m.group("post") or "")
    day = ctx.ref if ctx.ref_end <= start else None
    if (day is not None and day.gran == "day" and day.as_date() is not None
            and "\n" not in ctx.text[max(ctx.ref_end, 0) : start]):
        r = date_res(day, anchored=True)
    else:
        r = Res("DATE", "XXXX-XX-XX", None)
    r.start, r.end = start, end
    return r


RULES: tuple[Rule, ...] = book.rules()
