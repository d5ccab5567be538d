"""Rules for months, seasons, quarters, ISO weeks and halves.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from extractors.not_dates import in_name_or_title, is_season_kind
from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, group, resolve_month_day, valid_day, year_ahead
from extractors.timex.numbers import mod_of, month_num, year_num
from extractors.timex.patterns import MOD_G, MONTH_G, MONTH_STRICT, MONTH_WORDS, SEASON, SEASON_WORDS, YEAR4, YEAR_G, B, E
from extractors.timex.periods import Cal, quarter_of, shift
from extractors.timex.rule import Rule, RuleBook
from extractors.timex.rules.days import month_ok
from extractors.timex.rules.years import decade_res

book = RuleBook()


# (early) June 1940, February of 1940, June, 1940, mid-June 1944
@book.rule("month_year", triggers=MONTH_WORDS, window=(35, 30), priority=2,
    pattern=B + MOD_G + r"?" + MONTH_G + r"(?:\s+of|,)?\s+" + YEAR_G + E)
def _n_month_year(m: re.Match, ctx: Ctx):
    mon = month_num(m.group("month"))
    if mon is None:
        return None
    y = year_num(m.group("year"), ctx)
    return date_res(Cal("month", y, mon), mod_of(group(m, "mod")), explicit=True)


# (early) June / last June / this past May / the previous April / June of that year
@book.rule("month", triggers=MONTH_WORDS, window=(40, 40), priority=1,
    pattern=B + r"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|previous|following|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+)?"
        + MOD_G + r"?(?P<month>" + MONTH_STRICT + r")(?:\s+(?P<thatyear>(?:of\s+)?(?:that|the\s+same|this|last|next|the\s+(?:following|previous|next))\s+year))?" + E
        + r"(?!\s*\d)")
def _n_month(m: re.Match, ctx: Ctx):
    if not month_ok(m, ctx):
        return None
    mt = m.group("month")
    mon = month_num(mt)
    if mon is None:
        return None
    if not m.group("rel") and not m.group("thatyear") and in_name_or_title(ctx.text, m.start("month"), m.end("month")):
        return None  # "by Jane July"
    # "March" opening a sentence may be the verb/noun; keep it when a date word follows
    rel = (m.group("rel") or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    mod = mod_of(group(m, "mod"))
    if rel in ("the end of", "the beginning of", "the start of", "the middle of"):
        mod, rel = mod_of(rel), ""
    if m.group("thatyear"):
        base = ctx.anaphoric()
        if base is None or base.year is None:
            return date_res(Cal("month", None, mon), mod)
        ty = re.sub(r"\s+", " ", m.group("thatyear").lower())
        y = base.year + (1 if "following" in ty or "next" in ty else -1 if "previous" in ty else 0)
        deictic_year = re.match(r"(?:of )?(last|this|next) year", ty)
        now = ctx.deictic()
        if deictic_year and now is not None and now.year is not None:
            y = now.year + {"last": -1, "this": 0, "next": 1}[deictic_year.group(1)]
        return date_res(Cal("month", y, mon), mod, anchored=True)
    if rel in ("the previous", "previous", "the following", "following", "the next", "the same", "that"):
        base = ctx.anaphoric()
        if base is None or base.year is None:
            return date_res(Cal("month", None, mon), mod)
        bm = base.month or 6
        if "previous" in rel:
            y = base.year if mon < bm else base.year - 1
        elif "following" in rel or "next" in rel:
            y = base.year if mon > bm else base.year + 1
        else:
            y = base.year
        return date_res(Cal("month", y, mon), mod, anchored=True)
    ahead = year_ahead(ctx, m.end()) if not rel else None
    if ahead is not None:
        return date_res(Cal("month", ahead, mon), mod, explicit=True)
    c, ok = resolve_month_day(ctx, m.start(), m.end(), mon, None, rel)
    return date_res(c, mod, anchored=ok)


# summer of 1963 / the summer / last fall / 1982 summer / winter 1940-41
@book.rule("season", triggers=SEASON_WORDS, window=(45, 30), priority=1,
    pattern=B + r"(?i:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|previous|following|that|same|the\s+(?:previous|following|next|past|same|coming))\s+)?(?:(?i:the)\s+)?"
        + MOD_G + r"?(?P<season>(?i:" + SEASON[3:-1] + r"))(?:\s+(?i:of)\s+(?P<year>" + YEAR4 + r")|\s+(?P<year2>" + YEAR4 + r"))?" + E)
def _n_season(m: re.Match, ctx: Ctx):
    word = m.group("season").lower()
    s = R.SEASONS[word]
    if not (m.group("rel") or m.group("year") or m.group("year2")) and in_name_or_title(ctx.text, m.start("season"), m.end("season")):
        return None  # "One Golden Summer", "the Arab Spring"
    if not (m.group("rel") or m.group("year") or m.group("year2") or group(m, "mod")) and is_season_kind(ctx.text, m.start("season"), m.end("season")):
        return None  # "summer school", "spring-loaded", "terms (fall and spring)": a kind, not a time
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    anaphoric = rel.startswith("the ") or ctx.narrative
    if rel.startswith("the "):
        rel = rel[4:]
    ytxt = m.group("year") or m.group("year2")
    mod = mod_of(group(m, "mod"))
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
        y = year_num(ytxt, ctx)
        return date_res(Cal("season", y, season=s), mod, explicit=True)
    # a season's middle month; a winter's is its December, whose year names it ("next winter" said in November
    # or January is the one from the coming December)
    smonth = {"SP": 4, "SU": 7, "FA": 10, "WI": 12 if rule_on("winter-year") else 1}[s]
    if rel in ("last", "past", "previous", "this past"):
        base = ctx.anaphoric() if (rel == "previous" or anaphoric) else ctx.deictic()
        if base is None or base.year is None:
            return date_res(Cal("season", None, season=s), mod)
        bm = base.month or 6
        # the latest such season over by then: "last fall" said in November, while a fall is still on,
        # is the fall of the year before; said in December, the one just ended
        send = {"SP": 5, "SU": 8, "FA": 11}.get(s, smonth)
        y = base.year if send < bm else base.year - 1
        if s == "WI" and rel in ("last", "past"):
            y = base.year - 1 if bm >= 3 else base.year - 1
        return date_res(Cal("season", y, season=s), mod, anchored=True)
    if rel in ("next", "coming", "following", "this coming"):
        base = ctx.anaphoric() if (rel == "following" or anaphoric) else ctx.deictic()
        if base is None or base.year is None:
            return date_res(Cal("season", None, season=s), mod)
        bm = base.month or 6
        y = base.year if smonth > bm else base.year + 1
        return date_res(Cal("season", y, season=s), mod, anchored=True)
    if rel in ("this",):
        base = ctx.deictic()
    elif rel in ("that", "same"):
        base = ctx.anaphoric()
    else:
        base, _ = ctx.underspecified_base(m.start())
    if base is None or base.year is None:
        return date_res(Cal("season", None, season=s), mod)
    y = base.year
    if s == "WI" and (base.month or 6) <= 2 and not ctx.narrative:
        y -= 1
    elif rel == "" and s != "WI" and _told_ahead(ctx, m.start(), m.end()) and {"SP": 5, "SU": 8, "FA": 11}[s] < (base.month or 6):
        y += 1  # "The RAV4 Prime goes on sale in the summer" on a page of November: next summer
    return date_res(Cal("season", y, season=s), mod, anchored=True)


def _told_ahead(ctx: Ctx, start: int, end: int) -> bool:
    """A bare season's clause tells what is to come on a dated page: a will-future or a present that
    schedules ("will arrive in the fall", "goes on sale in the summer"): rule "season-ahead"."""
    if not rule_on("season-ahead") or ctx.narrative or ctx.anchor is None:
        return False
    told = ctx.direction(start, end)
    return ctx.says_will(start, end) if told == "future" else not told and ctx.scheduled_present(start, end)


@book.rule("year_season", triggers=SEASON_WORDS, window=(30, 25), priority=2,
    pattern=B + MOD_G + r"?(?P<year>" + YEAR4 + r")\s+(?P<season>(?i:spring|summer|autumn|fall|winter))" + E)
def _n_year_season(m: re.Match, ctx: Ctx):
    s = R.SEASONS[m.group("season").lower()]
    return date_res(Cal("season", int(m.group("year")), season=s), mod_of(group(m, "mod")), explicit=True)


_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


# third quarter (of 1989) / the fourth quarter / third-quarter / the latest quarter / Q3 2012
@book.rule("quarter", triggers={"quarter"}, window=(50, 40), priority=1,
    pattern=B + r"(?P<the>(?i:the)\s+)?(?:(?P<yposs>(?i:this|last|next))\s+(?i:year)['’]s\s+|(?P<yearpre>" + YEAR4 + r")\s+)?(?:(?P<qrel>(?i:last|past|next|this|coming|previous|current|latest|recent|year-earlier|year-ago|same|prior|final|first|second|third|fourth|1st|2nd|3rd|4th|fiscal|fiscal-year|calendar))[\s-]+){0,3}"
        + r"(?P<q>(?i:quarter))(?![\s-]+(?i:of\s+a|century|mile|point|inch|hour|pound|share|percent|stake|interest))"
        + r"(?:\s+(?i:of)\s+(?:(?i:fiscal|the\s+fiscal\s+year|calendar|the\s+year|this\s+year|last\s+year|next\s+year)\s*)?(?P<year>" + YEAR4 + r"))?"
        + r"(?P<ago>\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year))?" + E)
def _n_quarter(m: re.Match, ctx: Ctx):
    r = _quarter(m, ctx)
    if r is not None and r.cal is not None:
        _ended_quarter(m, ctx, r)
    return r


# "the fourth quarter ended Sept. 30": a (fiscal) quarter told by its last day
_QUARTER_ENDED = re.compile(r",?\s+(?:that\s+|which\s+)?ended\s+(?P<month>" + MONTH_STRICT + r")\s+(?P<day>[1-9]|[12][0-9]|3[01])\b"
                            r"(?:,?\s+(?P<year>" + YEAR4 + r"))?")


def _ended_quarter(m: re.Match, ctx: Ctx, r: Res) -> None:
    """A quarter said to have ended on a day is the three months up to that
    day, whatever number a fiscal year gives it ("its fiscal first quarter
    ended Sept. 30" is July to September); its TIMEX3 value stays the one
    TimeML gives (the quarter's number, or the one in focus), or with
    neither the calendar quarter of that day."""
    e = _QUARTER_ENDED.match(ctx.text, m.end())
    if e is None:
        return
    month, day = month_num(e.group("month")), int(e.group("day"))
    if month is None:
        return
    if e.group("year"):
        y: int | None = int(e.group("year"))
    else:
        y = resolve_month_day(ctx, e.start("month"), e.end("day"), month, day)[0].year
    if y is None or not valid_day(y, month, day):
        return
    end = date(y, month, day)
    if day == calendar.monthrange(y, month)[1]:  # whole months
        first = y * 12 + month - 1 - 2
        start = date(first // 12, first % 12 + 1, 1)
    else:  # from the day after the same day three months back ("ended March 28": Dec. 29 to March 28)
        first = y * 12 + month - 1 - 3
        fy, fm = first // 12, first % 12 + 1
        start = date(fy, fm, min(day, calendar.monthrange(fy, fm)[1])) + timedelta(days=1)
    r.period = (start, end, "quarter")
    if ctx.last_quarter is None and not any(w.lower() in _Q_ORD for w in re.findall(r"[A-Za-z0-9]+", m.group(0))):
        # no number of its own and none in focus ("the quarter ended March 31", not the quarter before the
        # page's): the calendar quarter of its last day. A fiscal quarter in focus keeps its label, as
        # TimeML values it ("its fiscal first quarter ... for the quarter ended Sept. 29": 1989-Q1)
        told = date_res(Cal("quarter", y, quarter=quarter_of(month)), anchored=True)
        r.value, r.cal = told.value, told.cal


def _quarter(m: re.Match, ctx: Ctx) -> Res | None:
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
            return Res("DATE", f"{y}-QX", None, explicit=True)
        return date_res(Cal("quarter", y, quarter=qn), explicit=True)
    a = ctx.deictic()
    if m.group("yposs") and a is not None and a.year is not None:
        y = a.year + {"this": 0, "last": -1, "next": 1}[m.group("yposs").lower()]
        if qn is None:
            if ctx.last_quarter is not None:
                return date_res(replace(ctx.last_quarter, year=y), anchored=True)
            return Res("DATE", f"{y}-QX", None, anchored=True)
        return date_res(Cal("quarter", y, quarter=qn), anchored=True)
    if qn is not None:
        return _numbered_quarter(m, ctx, qn, rels, a)
    return _relative_quarter(ctx, rels, a)


def _numbered_quarter(m: re.Match, ctx: Ctx, qn: int, rels: list[str], a: Cal | None) -> Res | None:
    """"the third quarter", "next year's first quarter" without a year: the
    year from the story (narratives) or from the anchor and the cue words."""
    if ctx.narrative or a is None:
        base = ctx.anaphoric()
        if base is None or base.year is None:
            return date_res(Cal("quarter", None, quarter=qn))
        return date_res(Cal("quarter", base.year, quarter=qn), anchored=True)
    if a.year is None or a.month is None:
        return None  # a reference date without its year or month: no quarter to count from
    y = a.year
    aq = quarter_of(a.month)
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
    r = date_res(Cal("quarter", y, quarter=qn), anchored=True)
    if "year-earlier" in rels or "year-ago" in rels:
        r.focus = False
    return r


def _relative_quarter(ctx: Ctx, rels: list[str], a: Cal | None) -> Res | None:
    """A quarter without an ordinal ("the latest quarter", "the year-ago
    quarter"): counted from the anchor's quarter or the quarter in focus."""
    if a is None or a.year is None or a.month is None:
        return None
    cur = Cal("quarter", a.year, quarter=quarter_of(a.month))
    c: Cal | None
    if "current" in rels or "this" in rels:
        c = cur
    elif "next" in rels or "coming" in rels:
        c = shift(cur, 1, "quarter")
    elif "year-earlier" in rels or "year-ago" in rels:
        base = ctx.last_quarter or shift(cur, -1, "quarter")
        c = shift(base, -4, "quarter") if base is not None else None
    elif "last" in rels or "latest" in rels or "past" in rels or "previous" in rels or "recent" in rels or "prior" in rels:
        if "latest" in rels and ctx.last_quarter is not None:
            c = ctx.last_quarter
        else:
            c = shift(cur, -1, "quarter")
        if "previous" in rels and ctx.last_quarter is not None:
            c = shift(ctx.last_quarter, -1, "quarter")
    else:  # "the quarter", "the same quarter"
        c = ctx.last_quarter or shift(cur, -1, "quarter")
    res = date_res(c, anchored=True)
    if res is not None and ("year-earlier" in rels or "year-ago" in rels):
        res.focus = False
    return res


# week 12 of 2021 / calendar week 12, 2021 / 2021-W12 (ISO weeks)
@book.rule("week_num", triggers={"week", "w"}, window=(30, 30), priority=2,
    pattern=B + r"(?:(?:(?i:the\s+)?(?i:calendar\s+)?(?i:week)\s+(?P<wn>[1-9]|[1-4][0-9]|5[0-3])(?:\s+(?i:of)|,)?\s+(?P<year>" + YEAR4 + r"))"
        + r"|(?P<year2>" + YEAR4 + r")-W(?P<wn2>0[1-9]|[1-4][0-9]|5[0-3]))" + E)
def _n_week_num(m: re.Match, ctx: Ctx):
    y = int(m.group("year") or m.group("year2"))
    w = int(m.group("wn") or m.group("wn2"))
    try:
        date.fromisocalendar(y, w, 1)
    except ValueError:
        return None
    return date_res(Cal("week", y, week=w), explicit=True)


# Q3 2012 / Q4 of 2024 / H1 2023 / H2 of 2021: a quarter or half of a year, one date
@book.rule("quarter_code", triggers={"q", "h"}, window=(20, 20), priority=2,
    pattern=B + r"(?P<q>Q[1-4]|H[12])(?:\s+(?P<of>(?i:of)\s+)?(?P<year>" + YEAR4 + r"))?" + E)
def _n_quarter_code(m: re.Match, ctx: Ctx):
    code, n = m.group("q")[0], int(m.group("q")[1])
    if not rule_on("period-code-of-year") and (code == "H" or m.group("of")):
        return None  # only the quarter code and a year right after it ("Q3 2012")
    if code == "H":
        if not m.group("year"):
            return None  # a bare "H1" is more often a heading tag or a name than a half
        return date_res(Cal("half", int(m.group("year")), half=n), explicit=True)
    q = n
    if m.group("year"):
        return date_res(Cal("quarter", int(m.group("year")), quarter=q), explicit=True)
    a = ctx.deictic()
    if a is None:
        return date_res(Cal("quarter", None, quarter=q))
    return date_res(Cal("quarter", a.year, quarter=q), anchored=True)


# the first half of 1989 / the second half / the last half of the '80s
@book.rule("half", triggers={"half"}, window=(35, 45), priority=1,
    pattern=B + r"(?P<the>(?i:the)\s+)?(?P<which>(?i:first|second|last|latter|latest|current|previous))[\s-]+(?i:half)(?:\s+(?i:of)\s+(?:(?P<ofwhat>(?i:the\s+year|the\s+decade|this\s+year|last\s+year|next\s+year|fiscal\s+\d{4}|the\s+(?:'|’)\d0s|the\s+\d{4}s|the\s+century))|(?P<year>" + YEAR4 + r")))?" + E)
def _n_half(m: re.Match, ctx: Ctx):
    which = m.group("which").lower()
    h = 1 if which == "first" else 2
    if m.group("year"):
        return date_res(Cal("half", int(m.group("year")), half=h), explicit=True)
    of = (m.group("ofwhat") or "").lower()
    if "decade" in of or "'" in of or "’" in of or re.search(r"\d{4}s", of) or "century" in of:
        named = re.search(r"\d{4}s|['’]\d0s", of)  # "the 1980s", "the 1800s", "the '80s"; not "the decade"
        if named is None:
            return None
        return replace(decade_res(named.group(0), ctx), mod="END" if h == 2 else "START")
    if which in ("current", "latest", "previous", "last") and not of:
        a = ctx.deictic()
        if a is None or a.month is None:
            return None  # no month to tell the half by
        cur = Cal("half", a.year, half=1 if a.month <= 6 else 2)
        c = cur if which == "current" else shift(cur, -1, "half")
        return date_res(c, anchored=True)
    y: int | None
    if "last year" in of or "next year" in of or "this year" in of:
        a = ctx.deictic()
        step = -1 if "last year" in of else 1 if "next year" in of else 0
        y = a.year + step if a is not None and a.year is not None else None
    else:
        base, _ = ctx.underspecified_base(m.start())
        y = base.year if base is not None else None
    return date_res(Cal("half", y, half=h), anchored=y is not None)


RULES: tuple[Rule, ...] = book.rules()
