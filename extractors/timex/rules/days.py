"""Rules for dates with a calendar day: ISO and numeric dates, month-day(-year),
day-month(-year).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from extractors.rule_switches import rule_on
from extractors.timex.context import Ctx, date_res, group, resolve_month_day, valid_day, with_time, year_ahead
from extractors.timex.numbers import mod_of, month_num, ordinal, weekday_num, year_num
from extractors.timex.patterns import (
    CLOCK_TAIL,
    COMMA,
    DAY_G,
    DAYW_G,
    MOD_G,
    MONTH,
    MONTH_G,
    MONTH_WORDS,
    WD_G,
    WEEKDAY,
    WEEKDAY_ABBR,
    WEEKDAY_WORDS,
    YEAR4,
    YEAR4_DIGITS,
    YEAR_G,
    B,
    E,
    alternation,
)
from extractors.timex.periods import Cal
from extractors.timex.rule import Rule, RuleBook

book = RuleBook()


# 2012-06-04, 1973.02.16, 2012/06/04, 20120604 (in running text only
# with separators)
@book.rule("iso_date", digits=YEAR4_DIGITS, window=(20, 25), priority=5,
    pattern=B + r"(?P<year>1[0-9]{3}|20[0-9]{2})(?P<sep>[-./])(?P<mnum>0?[1-9]|1[0-2])(?P=sep)(?P<day>0?[1-9]|[12][0-9]|3[01])" + r"(?:T(?P<hour>[01][0-9]|2[0-3]):(?P<minute>[0-5][0-9]))?" + E)
def _n_iso(m: re.Match, ctx: Ctx):
    y, mo, d = int(m.group("year")), int(m.group("mnum")), int(m.group("day"))
    try:
        date(y, mo, d)
    except ValueError:
        return None
    c = Cal("day", y, mo, d)
    if m.group("hour"):
        c = replace(c, hour=int(m.group("hour")), minute=int(m.group("minute")))
    return date_res(c, explicit=True)


# 6/4/2012, 06-04-12 (US order month/day/year)
# 6/4/2012 (US order, month first); 31/12/2020, 16.02.1973 (day first
# when the first number cannot be a month, or with dots)
@book.rule("us_date", digits=r"\d{1,2}", window=(20, 20), priority=4,
    pattern=B + r"(?P<a>0?[1-9]|[12][0-9]|3[01])(?P<sep>[/.])(?P<b>0?[1-9]|[12][0-9]|3[01])(?P=sep)(?P<year>1[0-9]{3}|20[0-9]{2}|(?<=/\d/)[0-9]{2}|(?<=/\d\d/)[0-9]{2}|(?<=\.\d\d\.)[0-9]{2})(?![\w%]|[.,]\d)")
def _n_us(m: re.Match, ctx: Ctx):
    if m.group("sep") == "." and len(m.group("year")) == 2 and not dotted_short_date(ctx.text, m.start(), m.end()):
        return None
    y = year_num(m.group("year"), ctx)
    a, b = int(m.group("a")), int(m.group("b"))
    # slashes read month first unless the first number is no month or the page writes its days
    # first (rule slash-day-first); dots read day first
    if m.group("sep") == "." or a > 12 or (b <= 12 and a != b and _slash_day_first(ctx.text, m.start(), m.end(), y, a, b)):
        mo, d = b, a
    else:
        mo, d = a, b
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return date_res(Cal("day", y, mo, d), explicit=True)


# a slash date with a four-digit year, and a day written with a month name and a year
_SLASH_DATE = re.compile(r"(?<![\d/])(?P<a>0?[1-9]|[12][0-9]|3[01])/(?P<b>0?[1-9]|[12][0-9]|3[01])/(?:1[0-9]{3}|20[0-9]{2})(?![\d/])")
_WRITTEN_DAY = re.compile(
    r"\b(?P<m1>" + MONTH + r")\s+(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>" + YEAR4 + r")(?!\d)"
    r"|\b(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + MONTH + r"),?\s+(?P<y2>" + YEAR4 + r")(?!\d)")


def _slash_day_first(text: str, start: int, end: int, year: int, a: int, b: int) -> bool:
    """Does the page write the slash date "a/b/year" at ``text[start:end]`` (both numbers twelve
    or under) day first? Yes when another slash date of the page has a first number over 12 and
    none a second number over 12 ("23/01/2024" proves "08/02/2024" is 8 February), or, with no
    such proof either way, when its own line writes the day-first reading out with a month name
    and not the month-first one ("08/02/2024 (Thursday, Feb 8th, 2024)"; the same day named in
    another paragraph may be another happening) (rule ``slash-day-first``)."""
    if not rule_on("slash-day-first"):
        return False
    order = _page_slash_order(text)
    if order:
        return order == "dmy"
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    written = _written_days(text[s : len(text) if e < 0 else e])
    return (year, b, a) in written and (year, a, b) not in written


@lru_cache(maxsize=8)
def _page_slash_order(text: str) -> str:
    """"dmy" when the page's slash dates prove the day comes first, "mdy" when they prove the
    month does, else ""."""
    pairs = [(int(o.group("a")), int(o.group("b"))) for o in _SLASH_DATE.finditer(text)]
    if any(b > 12 for a, b in pairs):
        return "mdy"
    return "dmy" if any(a > 12 for a, b in pairs) else ""


@lru_cache(maxsize=8)
def _written_days(text: str) -> frozenset[tuple[int, int, int]]:
    """(year, month, day) of the days ``text`` (a slash date's line) writes with a month name and a year."""
    out = set()
    for o in _WRITTEN_DAY.finditer(text):
        mo = month_num(o.group("m1") or o.group("m2"))
        if mo is not None:
            out.add((int(o.group("y1") or o.group("y2")), mo, int(o.group("d1") or o.group("d2"))))
    return frozenset(out)


# a day-first dotted date with a two-digit year, written in full ("12.01.26"): no more dots or digits around it
_DOTTED_SHORT = re.compile(r"(?<![\d.,])(?P<d>0[1-9]|[12][0-9]|3[01])\.(?P<m>0[1-9]|1[0-2])\.\d\d(?![\d%]|[.,]\d)")
# what makes such a number no date: a version, build or release number, a price, a size, a score
_DOTTED_NOT_DATE_BEFORE = re.compile(
    r"(?:\b(?i:v|ver|version|versions|release|build|firmware|patch|update|rev|revision|ios|android|macos|windows|"
    r"kernel|no|nr|tel|phone|fax|ip|section|art|chapter|step|item)\.?|[$£€¥#+]|\bv)\s*$")
_DOTTED_NOT_DATE_AFTER = re.compile(r"\s*(?:%|[$£€¥]|(?i:usd|eur|gbp|kg|km|mb|gb|mm|cm|m\b|ms\b|s\b|mph|x\b))")


def dotted_short_date(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` ("12.01.26") a day-first date with a two-digit year?

    Dotted numbers are versions, prices, scores and addresses as often as
    dates: the number must be written in full (two digits each, nothing
    dotted around it), nothing before it may make it a version or an amount,
    and its day must come first by proof: its first number is over 12, or
    another such number of the page is (the rule ``dotted-short-year``)."""
    if not rule_on("dotted-short-year"):
        return False
    m = _DOTTED_SHORT.match(text, start)
    if m is None or m.end() != end:
        return False
    if _DOTTED_NOT_DATE_BEFORE.search(text[max(0, start - 20):start]) or _DOTTED_NOT_DATE_AFTER.match(text, end):
        return False
    return int(m.group("d")) > 12 or _page_writes_day_first(text)


@lru_cache(maxsize=8)
def _page_writes_day_first(text: str) -> bool:
    """Whether the page writes a dotted short date whose first number is over 12 (no version
    or amount before it): its proof that its dotted dates put the day first. Once per text,
    however many dotted numbers it has."""
    return any(int(o.group("d")) > 12 and not _DOTTED_NOT_DATE_BEFORE.search(text[max(0, o.start() - 20):o.start()])
               for o in _DOTTED_SHORT.finditer(text))


def _weekday_year(ctx: Ctx, c: Cal, weekday: int | None) -> Cal:
    """``c``, a resolved month and day, in the year next to its own that the weekday written with it
    fits ("Saturday, May 18"); unchanged when none does."""
    if not weekday or c.year is None or c.month is None or c.day is None:
        return c
    # a page dated only by its fetch day lists what is coming: the anchor's year or the next, within
    # a year of it (a weekday that fits a year before is no proof the page is that old)
    fetch = ctx.anchor if ctx.fetched else None
    years = (fetch.year, fetch.year + 1) if fetch is not None else (c.year, c.year - 1, c.year + 1)
    for yy in years:
        if not valid_day(yy, c.month, c.day) or (fetch is not None and abs((date(yy, c.month, c.day) - fetch).days) > 366):
            continue
        if date(yy, c.month, c.day).isoweekday() == weekday:
            # the page's weekday picks the year, not the anchor's (an undated
            # listing's "Wed, Mar 18": the next fit is five years or more away)
            ctx.from_anchor = False
            return replace(c, year=yy)
    return c


def day_month_common(m: re.Match, ctx: Ctx, day: int | None):
    mon = month_num(m.group("month"))
    if mon is None or day is None or not 1 <= day <= 31:
        return None
    mod = mod_of(group(m, "mod"))
    ytxt = group(m, "year")
    if ytxt:
        y = year_num(ytxt, ctx)
        try:
            date(y, mon, day)
        except ValueError:
            return None
        c = with_time(Cal("day", y, mon, day), m)
        return date_res(c, mod, explicit=True)
    wd = group(m, "weekday")
    ahead = year_ahead(ctx, m.end())
    if ahead is not None:
        # "26 June - 4 August 1952": the first end takes the year of the second
        if valid_day(ahead, mon, day):
            return date_res(with_time(Cal("day", ahead, mon, day), m), mod, explicit=True)
    rel = re.sub(r"\s+", " ", (group(m, "rel") or "").lower())
    c, ok = resolve_month_day(ctx, m.start(), m.end(), mon, day, rel)
    if wd:
        # a weekday next to the date can settle the year
        c = _weekday_year(ctx, c, weekday_num(wd))
    c = with_time(c, m)
    return date_res(c, mod, anchored=ok)


# a weekday before a date, also as a listing writes it, abbreviated before a comma
# ("Wed, Mar 18"); only here, where a month and day follow ("Sun, sand" is no day)
WD_DATE_G = r"(?P<weekday>" + WEEKDAY + "|" + WEEKDAY_ABBR + r"(?=,\s))"


# (early) September 1, 1939 / Sept. 30 1989 / June 28 (weekday optional)
@book.rule("month_day_year", triggers=MONTH_WORDS, window=(40, 40), priority=3,
    pattern=B + r"(?:(?P<rel>(?i:last|next|this|this\s+coming|this\s+past|coming))\s+)?" + MOD_G + r"?(?:" + WD_DATE_G + r",?\s+)?" + MONTH_G
    # "January, 12 2026": a comma after the month only when a written year follows the day
    + r"(?:(?P<mcomma>,)(?=\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[0-9]{3}|20[0-9]{2})(?![\w%])))?"
    + r"\s+(?:the\s+)?" + DAY_G + r"(?:" + COMMA + YEAR_G + CLOCK_TAIL + r")?" + E)
def _n_mdy(m: re.Match, ctx: Ctx):
    if m.group("mcomma") and (not rule_on("month-comma-day") or not m.group("year") or m.group("year")[0] in "'’"
                              # without a weekday before it, the year closes the phrase ("In January, 12 2025 graduates")
                              or not (m.group("weekday") or re.match(r"\s*(?:[,.;:)!?\n]|$)", ctx.text[m.end():]))):
        return None
    if not month_ok(m, ctx):
        return None
    return day_month_common(m, ctx, ordinal(m.group("day")))


# March eighth
@book.rule("month_dayword", triggers=MONTH_WORDS, window=(30, 35), priority=2,
    pattern=B + r"(?:" + WD_G + r",?\s+)?" + MONTH_G + r"\s+(?:the\s+)?" + DAYW_G + r"(?:" + COMMA + YEAR_G + r")?" + E)
def _n_mdw(m: re.Match, ctx: Ctx):
    return day_month_common(m, ctx, ordinal(m.group("dayw")))


@book.rule("day_ordinal_of_month", triggers=MONTH_WORDS, window=(35, 35), priority=2,
    pattern=B + r"(?:(?i:the)\s+)?" + DAYW_G + r"\s+of\s+" + MONTH_G + r"(?:" + COMMA + YEAR_G + r")?" + E)
# 4 June 2012 / 12 Sep. 2018 / the 19th of October 1950 / Monday, 4 June
@book.rule("day_month_year", triggers=MONTH_WORDS, window=(35, 35), priority=3,
    pattern=B + r"(?:" + WD_DATE_G + r",?\s+)?(?:the\s+)?" + DAY_G + r"(?:\s+of)?\s+" + MONTH_G + r"(?:" + COMMA + YEAR_G + CLOCK_TAIL + r")?" + E)
def _n_dmy(m: re.Match, ctx: Ctx):
    d = group(m, "day")
    # the last number of a dotted date is no day of a month named after it ("27.04.26\n\nSeptember Start")
    if d and m.start("day") == m.start() and re.search(r"\d\.$", ctx.text[max(0, m.start() - 2):m.start()]) \
            and rule_on("dotted-short-year"):
        return None
    day = ordinal(d) if d else ordinal(m.group("dayw"))
    return day_month_common(m, ctx, day)


def month_ok(m: re.Match, ctx: Ctx) -> bool:
    """Refuse "May" the verb and abbreviations that are not months."""
    mt = m.group("month")
    low = mt.lower().rstrip(".")
    if low == "march" and not (group(m, "day") or group(m, "year")):
        ms = m.start("month")
        if re.search(r"(?:\bthe|['’]s|\bannual|\bgreat|\blong|\bpeace|\bprotest)\s+$", ctx.text[max(0, ms - 12) : ms], re.I) and re.match(
            r"\s+(?:for|on|to|of|against|through|across|from)\b", ctx.text[m.end() : m.end() + 12]
        ):
            return False
    if not (group(m, "day") or group(m, "year") or group(m, "rel")) and re.match(r"\s+of\s+(?:the\s+)?[A-Z][a-z]", ctx.text[m.end() : m.end() + 14]):
        return False  # a name: "the March of the Combatant Mothers", "the March of Dimes"
    if low == "may" and mt != "MAY":
        ms = m.start("month")
        before = ctx.text[max(0, ms - 20) : ms]
        after = ctx.text[m.end() : m.end() + 12]
        if group(m, "day") or group(m, "year") or group(m, "thatyear"):
            return True  # "May 5", "May 2019", "as recently as May of this year"
        return bool(re.search(r"(?:\b(?:in|of|since|until|till|by|early|late|mid|last|next|this|past|through|from|during|to|before|after|between|and|or|that|each|every|coming|previous|following|same|end|beginning|start|middle)\s*-?|[(,])\s*$", before, re.I)) and not re.match(r"\s+(?:be|have|not|I|we|you|he|she|it|they)\b", after)
    return True


# 7/18, 10/24: a month and day with no year, read only with a date cue, since
# fractions, scores, ratios and page numbers look the same ("went 3/13 from
# the field", "pages 12/15"): a word before it that takes a day ("due 7/18",
# "closed 5/24", "on 7/18"), a weekday next to it ("Mon 7/18", "7/18 (Tue)"),
# a dash after a heading ("NIH - 7/18"), or a dash range to a second month/day
# ("5/3 – 7/31"). Never a day that is a fraction's denominator (16, 32, 64),
# after a whole number ("1 3/4", not "Q3 7/18"), or before a unit, "of" or "to"
# ("1/16 inch", "1/16 to 1/9", "3/13 - 5/17 pts"); a range is checked at both ends
_MD_FRACTION_DAYS = frozenset({16, 32, 64})
_MD_NOT_AFTER = re.compile(r"\s*(?:of\b|to\s+\d|x\b|inch|in\b|ft\b|feet|mm\b|cm\b|cups?\b|tsp|tbsp|lbs?\b|oz\b|miles?\b|mi\b|pts?\b|points?\b|[\"″′”%]|-\s*\w|‑)", re.I)
_MD = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])"
_MD_DASH_MD = re.compile(r"\s*[-–—]\s*(?P<md>" + _MD + r")(?![\d/])")
_MD_MD_DASH = re.compile(r"(?:^|[^\d/])(?P<md>" + _MD + r")\s*[-–—]\s*$")
_MD_WHOLE_BEFORE = re.compile(r"(?<![\w./])\d+\s*[-\s]$")
_MD_LABEL_NUMBER = re.compile(r"\b(?:week|game|round|part|day|no\.)\s+\d+\s*[-\s]$", re.I)


def _whole_before(text: str, start: int) -> bool:
    """A whole number of its own just before ("1 3/4"), not a label's ("Week 3 7/18")."""
    before = text[max(0, start - 16) : start]
    return _MD_WHOLE_BEFORE.search(before) is not None and _MD_LABEL_NUMBER.search(before) is None
_MD_WEEKDAY = alternation(WEEKDAY_WORDS) + r"\.?"  # "Mon", "Tues.", "Thursday"
_MD_CUE_BEFORE = re.compile(
    r"(?:\b(?:due|on|by|until|till|thru|through|before|since|deadline|closed|closes|reopens?|opens?|ends?|starts?|begins?)\s*:?"
    r"|\b" + _MD_WEEKDAY + r",?|(?:^|\n)\s*[-–—•*]|[A-Za-z)]\s[-–—])\s*$", re.I)
_MD_CUE_AFTER = re.compile(r"\s*[(,]?\s*" + _MD_WEEKDAY + r"(?![a-z])", re.I)


def _md_end_ok(text: str, start: int, end: int, d: int) -> bool:
    """A single month/day: a day past 12 that is no fraction's denominator, no
    whole number before, no unit after."""
    if d in _MD_FRACTION_DAYS or d <= 12:
        return False
    if _whole_before(text, start):
        return False
    return _MD_NOT_AFTER.match(text[end : end + 12]) is None


@book.rule("month_day_numeric", digits=r"\d{1,2}", window=(20, 20), priority=3,
    pattern=r"(?<![\w$£€/.,:])(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|[12][0-9]|3[01])(?![\w/%]|[.,]\d)")
def _n_month_day_numeric(m: re.Match, ctx: Ctx):
    mo, d = int(m.group("a")), int(m.group("b"))
    text = ctx.text
    before = text[max(0, m.start() - 16) : m.start()]
    after = text[m.end() : m.end() + 16]
    nxt, prv = _MD_DASH_MD.match(after), _MD_MD_DASH.search(before)
    if nxt is not None:  # first end of "5/3 – 7/31": the second end is checked too
        o = m.end() + nxt.start("md")
        other = (o, m.end() + nxt.end("md"))
    elif prv is not None:
        o = max(0, m.start() - 16) + prv.start("md")
        other = (o, max(0, m.start() - 16) + prv.end("md"))
    else:
        other = None
    if other is not None:
        od = int(text[other[0] : other[1]].split("/")[1])
        first, second = (m.span(), other) if nxt is not None else (other, m.span())
        # the unit check belongs after the second end, the whole-number check before the first
        if (d in _MD_FRACTION_DAYS or od in _MD_FRACTION_DAYS
                or _whole_before(text, first[0])
                or _MD_NOT_AFTER.match(text[second[1] : second[1] + 12])):
            return None
    else:
        cue = _MD_CUE_BEFORE.search(before) is not None or _MD_CUE_AFTER.match(after) is not None
        if not cue or not _md_end_ok(text, m.start(), m.end(), d):
            return None
    if not valid_day(2000, mo, d):
        return None
    c, ok = resolve_month_day(ctx, m.start(), m.end(), mo, d)
    return date_res(c, anchored=ok)


RULES: tuple[Rule, ...] = book.rules()
