"""Rules for durations and sets: three days, the past few years, every week.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.not_dates import is_named_unit
from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, group
from extractors.timex.numbers import approx_mod, dur_value, mod_of, month_num, quantity, unit_of, weekday_num
from extractors.timex.patterns import (
    APPROX,
    MONTH_STRICT,
    NUMBER_WORD,
    POD_WORDS,
    QUANTITY,
    SET_WORDS,
    UNIT_ANY,
    UNIT_WORDS,
    WEEKDAY,
    WEEKDAY_PLURALS,
    B,
    E,
    alternation,
)
from extractors.timex.periods import Cal, coarsen, quarter_of, shift, timex_value, week_cal
from extractors.timex.rule import Rule, RuleBook

book = RuleBook()


def dur_from_match(m: re.Match, ctx: Ctx, start: int | None = None, end: int | None = None):
    unit = unit_of(m.group("unit"))
    numtxt = m.group("num")
    nlow = re.sub(r"\s+", " ", numtxt.lower())
    approx = (m.group("approx") or "").strip().lower() if group(m, "approx") else ""
    s = m.start() if start is None else start
    e = m.end() if end is None else end
    if group(m, "old") and (end is None or end >= m.end("old")):
        return None  # ages: "30 years old", "a 30-year-old man"

    after = ctx.text[e : e + 20]
    if re.match(r"-old\b", after) or re.match(r"\s*old\b", after):
        return None
    if unit == "year" and rule_on("year-of-year-noun") and _year_of_year_noun(ctx.text, numtxt, m.end("num"), m.end("unit")):
        return None  # "the 2024 calendar year", "the 2023 school year": a year naming its year, not 2024 years
    if unit == "second" and nlow in ("a", "the", "one", "single", "a single"):
        return None
    if unit == "quarter" and re.match(r"\s+of\b", after, re.I):
        return None
    if unit in ("minute",) and nlow in ("a", "one") and re.match(r"\s+(?:detail|amount|fraction|quantity|particle)", after):
        return None
    if unit == "day" and nlow in ("one",) and ctx.narrative and not approx:
        return Res("DATE", "XXXX-XX-XX", None, None, False, s, e)
    # "$5 a year" -> SET
    if nlow in ("a", "an") and not approx and R.AMOUNT_BEFORE.search(ctx.text[max(0, s - 20) : s]):
        return Res("SET", dur_value(1, unit), None, None, False, s, e)
    n = quantity(numtxt) if nlow not in R.VAGUE_QUANTITIES and not any(nlow.endswith(v) for v in ("few", "several", "some", "many")) else None
    if n is None and nlow not in R.VAGUE_QUANTITIES and not any(nlow.endswith(v) for v in ("few", "several", "some", "many", "number of", "numerous", "matter of", "countless")):
        return None
    if group(m, "half") and n is not None:
        n += 0.5
    if n is not None and n > 10000:
        return None
    if unit == "decade" and n is not None and float(n).is_integer():
        val = "P%dDE" % int(n)
    elif unit == "century" and n is not None and float(n).is_integer():
        val = "P%dCE" % int(n)
    else:
        val = dur_value(n, unit)
    mod = approx_mod(approx.replace("the ", "")) if approx else None
    adjectival = "-" in ctx.text[m.end("num") : m.start("unit")] or (n is not None and n != 1 and not m.group("unit").lower().endswith("s"))
    if approx == "the" and start is None and adjectival:
        s = m.start("num")  # "the eight-year war", "the 30-day period": the article goes with the noun
    return Res("DURATION", val, None, mod, False, s, e)


# 75 years, three days, two-year, 30-day, a decade, more than four hours,
# the past five days, the next few years, the first nine months
@book.rule("duration", triggers=UNIT_WORDS, window=(45, 35), priority=1,
    pattern=B + r"(?P<approx>(?:" + APPROX + r")[\s-]+)?(?:(?i:each|all)\s+of\s+the\s+(?:past|last|next)\s+)?(?P<num>" + QUANTITY + r")[\s-]+(?:(?i:full|long|straight|consecutive|calendar|trading|business|working|successive|more|additional|further|other|whole|brutal|short|long|hard|bloody|relatively\s+peaceful|peaceful|difficult)[\s-]+)?(?P<unit>" + UNIT_ANY + r")"
        + r"(?P<half>\s+(?i:and\s+a\s+half))?(?P<old>[\s-]+(?i:old|-old))?" + E)
def _n_duration(m: re.Match, ctx: Ctx):
    return dur_from_match(m, ctx)


# years, months, weeks, decades (bare plural); the years; recent years; coming weeks
@book.rule("duration_vague", triggers=UNIT_WORDS, window=(40, 30),
    pattern=B + r"(?P<pre>(?i:the\s+(?:past|last|next|coming|following|early|previous|first|final|remaining|intervening|ensuing|recent)\s+|recent\s+|coming\s+|past\s+)?)(?P<unit>(?i:years|months|weeks|days|decades|centuries|hours|minutes))"
        + r"(?P<tail>\s+(?i:ahead|to\s+come|or\s+(?:months|years|weeks|days|decades)))?" + E)
def _n_duration_vague(m: re.Match, ctx: Ctx):
    unit = unit_of(m.group("unit"))
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
    val = dur_value(None, unit)
    if unit == "decade":
        val = "PXDE"
    elif unit == "century":
        val = "PXCE"
    return Res("DURATION", val, None, "APPROX" if "or " in tail else None)


# a while, some time, a long time
@book.rule("duration_while", triggers={"while", "time", "period"}, window=(40, 20),
    pattern=B + r"(?P<word>(?i:a\s+(?:long\s+|short\s+|little\s+)?while|a\s+long\s+time|quite\s+some\s+time|some\s+time|a\s+short\s+time|a\s+fairly\s+lengthy\s+period|a\s+brief\s+period))" + E)
def _n_while(m: re.Match, ctx: Ctx):
    return Res("DURATION", "PXX", None)


# the year, the week (a period spoken of as a unit): "in the year"
@book.rule("the_unit", triggers=UNIT_WORDS | POD_WORDS, window=(50, 25), priority=-1,
    pattern=B + r"(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn)\s+of)\s+)?(?P<the>(?i:the|a|an|each|every|per|one|that))\s+(?:(?P<adj>(?i:full|fiscal))\s+(?=(?i:year)\b))?(?P<unit>(?i:day|week|weekend|month|year|quarter|decade|hour|minute|night|morning|afternoon|evening))" + E)
def _n_the_unit(m: re.Match, ctx: Ctx):
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
        mod = mod_of(key) or ("END" if "rest" in key or "remainder" in key or "close" in key else "START" if "turn" in key else None)
    if the == "the" and unit in ("year", "quarter", "month", "week") and re.match(r"\s+(?:ended|ending|that\s+ended|which\s+ended|through|to\s+date)\b", after) and not mod:
        return Res("DURATION", dur_value(1, unit) if unit != "quarter" else "P3M", None)
    if the in ("each", "every", "per"):
        if unit in ("morning", "afternoon", "evening", "night"):
            return Res("SET", "XXXX-XX-XXT" + R.PARTS_OF_DAY[unit], None)
        return Res("SET", dur_value(1, unit), None)
    if the in ("a", "an", "one"):
        return _one_unit(the, unit, before, after)
    if the == "that":
        return None  # "that year" is a rel_unit match
    if is_named_unit(ctx.text, m.start("unit"), m.end("unit")):
        return None  # "the Year of the Horse": a name
    return _the_unit_in_focus(m, ctx, unit, mod, after)


def _one_unit(the: str, unit: str, before: str, after: str) -> Res | None:
    """"a year", "an hour", "one day": a duration, a set after an amount
    ("$5 a day"), or an unknown day ("one day")."""
    if unit in ("morning", "afternoon", "evening", "night"):
        return None
    if R.AMOUNT_BEFORE.search(before) and the != "one":
        return Res("SET", dur_value(1, unit), None)
    if unit == "quarter" and re.match(r"\s+of\b", after):
        return None
    if the == "one" and unit == "day" and not re.match(r"\s*(?:,|\.|;|of|later|after|before)", after):
        return Res("DATE", "XXXX-XX-XX", None)
    if unit in ("weekend",):
        return None
    if unit in ("night",):
        return None
    return Res("DURATION", dur_value(1, unit), None)


# a clause told in the past ("the index dropped", "yields fell", "was"): a report, not a plan
_PAST_CLAUSE = re.compile(r"\b(?:was|were|had|fell|rose|lost|slid|sank|\w{3,}ed)\b")
# what looks ahead from "the week" ("the week ahead", "the week to come", "next")
_OPENING_FOR = re.compile(r"\s*For\s+")  # the sentence opens with "For" right before the duration
_FOR_BEFORE = re.compile(r"\bfor\s+$")
_AHEAD = re.compile(r"\s+(?:ahead|to\s+come)\b|[^.!?\n]*\bnext\b")
# a time within the week ("earlier in the week", "throughout the week") right before "the week"
_WITHIN_THE_WEEK = re.compile(r"\b(?:(?:earlier|later)\s+in|throughout|during|over\s+the\s+course\s+of)\s+$", re.I)


def _reports_the_days_week(ctx: Ctx, start: int, end: int) -> bool:
    """Whether "the week" at ``start:end``, just after a past day, reports that
    day's week: a sentence opening "For the week," whose clause is told in the
    past ("... fell on Friday. For the week, the index dropped"), "for the
    week" in the past day's own clause ("fell on Friday, ending down 3% for
    the week"), or a time within the week told in the past ("On Friday, Finland
    clinched. Earlier in the week, Turkey drew Iceland": rule "week-in-focus");
    never a week that looks ahead ("The week ahead", "For the week, we plan
    ...", "preparing meals for the week")."""
    text = ctx.text
    if not ctx.past_day_just_named(start):
        return False
    if rule_on("week-in-focus") and _WITHIN_THE_WEEK.search(text, max(0, start - 40), start) \
            and ctx.direction(start, end) == "past":
        return True  # "On Friday, Finland clinched. And earlier in the week, Turkey drew Iceland": Friday's week
    if _AHEAD.match(text, end):
        return False
    opening = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start),
                  text.rfind("\n", 0, start)) + 1
    ending = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    before = text[opening:start]
    if _OPENING_FOR.fullmatch(before):
        return text.startswith(",", end) and _PAST_CLAUSE.search(text, end, ending) is not None
    return _FOR_BEFORE.search(before) is not None and ctx.ref_end > opening \
        and _PAST_CLAUSE.search(before) is not None


def _the_unit_in_focus(m: re.Match, ctx: Ctx, unit: str, mod: str | None, after: str) -> Res | None:
    """"the year", "the quarter", "the week", "the day": the period in focus."""
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
            c = shift(Cal("quarter", a.year, quarter=quarter_of(a.month or 1)), -1, "quarter")
        return date_res(c, mod, anchored=True)
    if unit in ("morning", "afternoon", "evening", "night"):
        base = ctx.anaphoric()
        if base is None or base.gran != "day":
            return None
        return date_res(replace(base, pod=R.PARTS_OF_DAY[unit]), mod, anchored=True)
    if unit == "hour" or unit == "minute":
        return None
    gran = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade"}[unit]
    if ctx.narrative or ctx.anchor is None:
        base = ctx.anaphoric()
    elif unit == "week" and _reports_the_days_week(ctx, m.start(), m.end()):
        base = ctx.anaphoric()  # "... fell on Friday. For the week, the index dropped": Friday's week
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
        c = week_cal(b, weekend=True)
        if b.isoweekday() < 5 and not ctx.direction(m.start(), m.end()) == "future":
            week_before = shift(replace(c, weekend=False), -1, "week")
            if week_before is None:
                return None
            c = replace(week_before, weekend=True)
        return date_res(c, mod, anchored=True)
    c = coarsen(base, gran)
    if gran == "decade":
        return Res("DATE", timex_value(c), c, mod, True)
    return date_res(c, mod, anchored=True)


@book.rule("set_word", triggers=set(SET_WORDS), window=(20, 20),
    pattern=B + r"(?P<word>(?i:" + alternation(list(SET_WORDS))[3:-1] + r"))" + E)
def _n_set_word(m: re.Match, ctx: Ctx):
    w = m.group("word").lower()
    # "its quarterly dividend": an attribute of a payment, not a time expression
    if w in ("quarterly", "semiannual", "biannual") and re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
        return None
    return Res("SET", R.SET_WORDS[w], None)


@book.rule("set_every", triggers={"every", "each", "per", "once", "twice"}, window=(30, 40), priority=1,
    pattern=B + r"(?P<q>(?i:every|each|per|once\s+a|twice\s+a|once\s+every|every\s+other|every\s+single))\s+(?:(?P<num>" + NUMBER_WORD + r"|\d+)\s+)?(?P<unit>(?i:day|night|week|weekend|month|year|quarter|decade|hour|minute|morning|afternoon|evening|days|weeks|months|years|hours|minutes)|" + WEEKDAY + r"|" + MONTH_STRICT + r"|(?i:spring|summer|autumn|fall|winter))" + E)
def _n_set_every(m: re.Match, ctx: Ctx):
    q = re.sub(r"\s+", " ", m.group("q").lower())
    u = m.group("unit")
    ul = u.lower()
    if q == "a" or q == "per":
        if q == "a" and not R.AMOUNT_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()]):
            return None
    n = quantity(m.group("num")) if m.group("num") else 1
    wd = weekday_num(u)
    if wd and u[0].isupper():
        return Res("SET", "XXXX-WXX-%d" % wd, None)
    mon = month_num(u) if u[0].isupper() else None
    if mon:
        return Res("SET", "XXXX-%02d" % mon, None)
    if ul in R.SEASONS:
        return Res("SET", "XXXX-" + R.SEASONS[ul], None)
    if ul in ("morning", "afternoon", "evening"):
        return Res("SET", "XXXX-XX-XXT" + R.PARTS_OF_DAY[ul], None)
    unit = unit_of(ul)
    if q == "every other":
        n = 2
    return Res("SET", dur_value(n, unit), None)


@book.rule("set_weekday_plural", triggers=WEEKDAY_PLURALS, window=(20, 25),
    pattern=B + r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)(?:\s+(?P<pod>(?i:nights|mornings|evenings|afternoons)))?" + E)
def _n_set_wd(m: re.Match, ctx: Ctx):
    wd = weekday_num(m.group("weekday"))
    if wd is None:
        return None
    pod = m.group("pod")
    v = "XXXX-WXX-%d" % wd
    if pod:
        v += "T" + R.PARTS_OF_DAY[pod.lower()[:-1]]
    return Res("SET", v, None)


RULES: tuple[Rule, ...] = book.rules()


# "for the 10 years ending June 30, 2024", "the twelve months ended June 30",
# "results for week ending 13 December": a count of units that a day (or a
# month) closes is one span ending there, not that day alone
# (extractors.timex.mentions reads the date after it as the span's end).
SPAN_ENDING_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<num>\d{1,3}|" + NUMBER_WORD + r")[\s-]+)?(?P<unit>(?i:day|week|month|quarter|year))(?i:s)?"
    r"(?:\s+(?i:period))?\s+(?i:(?:that|which)\s+)?(?i:ending|ended|through)\s+(?i:on\s+)?$"
)


def span_ending_count(before: str) -> tuple[int, str, int] | None:
    """The count, unit and start (in ``before``) of "<n> <units> ending" at
    the end of ``before``, the text right before a date; None when there is none."""
    m = SPAN_ENDING_BEFORE.search(before)
    if m is None:
        return None
    n = quantity(m.group("num")) if m.group("num") else 1.0
    if n is None or not float(n).is_integer() or not 1 <= n <= 100:
        return None
    return int(n), m.group("unit").lower(), m.start()


# "the 2024 calendar year", "the 2023 school year": a period noun between a year and "year"
_YEAR_NOUN_BETWEEN = re.compile(r"\s+(?i:calendar|fiscal|school|academic|tax|financial|model|budget)\s+(?i:year)")


def _year_of_year_noun(text: str, numtxt: str, num_end: int, unit_end: int) -> bool:
    """Whether a four-digit number before a singular "year" names that year: a period noun between
    them ("the 2024 calendar year"), or "the" before a year of the calendar with nothing between ("the
    2024 year"); never a rate or a size ("paid 1200 a year", "a 1000 year flood")."""
    if not re.fullmatch(r"[0-9]{4}", numtxt):
        return False
    between = text[num_end:unit_end]
    if _YEAR_NOUN_BETWEEN.fullmatch(between):
        return True
    return (re.fullmatch(r"\s+(?i:year)", between) is not None and re.fullmatch(r"(?:19|20)[0-9]{2}", numtxt) is not None
            and re.search(r"\b(?i:the)\s+$", text[max(0, num_end - len(numtxt) - 6):num_end - len(numtxt)]) is not None)

