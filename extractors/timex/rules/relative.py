"""Rules for deictic and relative expressions: today, this morning, last Friday,
next year, two weeks ago.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from extractors.not_dates import in_name_or_title
from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, resolve_weekday, sentence_bounds
from extractors.timex.numbers import DEICTIC_OFFSET, approx_mod, mod_of, quantity, unit_of, weekday_num
from extractors.timex.patterns import APPROX, POD_WORDS, QUANTITY, UNIT_ANY, UNIT_WORDS, WD_G, WEEKDAY_WORDS, B, E
from extractors.timex.periods import Cal, coarsen, day_cal, finer_or_equal, period_of, shift, timex_value
from extractors.timex.rule import Rule, RuleBook
from extractors.timex.rules.durations import dur_from_match

book = RuleBook()


# today, yesterday, tomorrow, tonight (+ morning/evening), the day before yesterday
@book.rule("deictic_day", triggers={"today", "yesterday", "tomorrow", "tonight"}, window=(30, 30), priority=2,
    pattern=B + r"(?P<mod>(?i:early|late|earlier|later)\s+)?(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight))" + r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + E)
def _n_deictic(m: re.Match, ctx: Ctx):
    w = re.sub(r"\s+", " ", m.group("word").lower())
    mod = mod_of(m.group("mod").strip() if m.group("mod") else None)
    if w == "today" and not m.group("mod") and in_name_or_title(ctx.text, m.start("word"), m.end("word")):
        return None  # "Psychology Today"
    a = ctx.deictic()
    if ctx.anchor is None:
        if w in ("today",):
            return Res("DATE", "PRESENT_REF", None, mod)
        if w == "tonight":
            return Res("TIME", "PRESENT_REF", None, mod)
        if a is None:
            return Res("DATE", "XXXX-XX-XX", None, mod)
    if a is None:
        return None
    after = ctx.text[m.end() : m.end() + 40]
    if w == "today":
        poss = re.match(r"['’]s\s+([\w-]+)", after)
        if poss and (poss.group(1).lower() in R.GENERIC_AFTER_TODAYS or R.ADJECTIVE_WORD.fullmatch(poss.group(1).lower())):
            # "today's world", "today's digital challenges", "today's tech-driven economy"
            return Res("DATE", "PRESENT_REF", None, mod)
        if ctx.narrative and not re.search(r"[\"“”]", ctx.text[max(0, m.start() - 200) : m.start()]):
            return Res("DATE", "PRESENT_REF", None, mod)
        if not m.group("pod") and _present_era(ctx, m.start(), m.end()):
            return Res("DATE", "PRESENT_REF", None, mod)
    d = shift(a, DEICTIC_OFFSET[w], "day")
    if d is None:
        return None
    if w == "tonight":
        d = replace(d, pod="NI")
    pod = m.group("pod")
    if pod:
        d = replace(d, pod=R.PARTS_OF_DAY[pod.lower()])
    r = date_res(d, mod, anchored=True)
    r.deictic = True
    return r


def _present_era(ctx: Ctx, start: int, end: int) -> bool:
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


# this morning, last night, this afternoon, overnight
@book.rule("part_of_day", triggers=POD_WORDS, window=(35, 20), priority=1,
    pattern=B + r"(?P<rel>(?i:this|last|that|the|early\s+this|late\s+this|later\s+this|earlier\s+this|late\s+last|early\s+last|the\s+same|the\s+previous|the\s+following|the\s+next))\s+(?P<pod>(?i:morning|afternoon|evening|night))" + E)
def _n_pod(m: re.Match, ctx: Ctx):
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
        return Res("TIME", "XXXX-XX-XXT" + pod, None, mod)
    d = shift(base, delta, "day")
    if d is None:
        return None
    return date_res(replace(d, pod=pod), mod, anchored=True)


@book.rule("overnight", triggers={"overnight"}, window=(20, 20),
    pattern=B + r"(?P<pod>(?i:overnight))" + E)
def _n_overnight(m: re.Match, ctx: Ctx):
    base = ctx.anaphoric()
    if base is None or base.gran != "day":
        return None
    return date_res(replace(base, pod="NI"), anchored=True)


# (last) Friday (morning/night), Friday, June 5 handled above
@book.rule("weekday", triggers=WEEKDAY_WORDS, window=(35, 30), priority=1,
    pattern=B + r"(?:(?P<rel>(?i:last|next|this|coming|this\s+coming|this\s+past|past|previous|following|the\s+previous|the\s+following|the\s+next|the\s+same|that|early|late|earlier|later))\s+)?" + WD_G
        + r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night|nights)))?" + E)
def _n_weekday(m: re.Match, ctx: Ctx):
    wd = weekday_num(m.group("weekday"))
    if wd is None:
        return None
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if not rel and in_name_or_title(ctx.text, m.start("weekday"), m.end("weekday")):
        return None  # "The Thursday Murder Club"
    mod = None
    if rel in ("early", "late", "earlier", "later"):
        mod, rel = mod_of(rel), ""
    pod = m.group("pod")
    if pod and pod.lower().endswith("s"):
        return Res("SET", "XXXX-WXX-%d" % wd + "T" + R.PARTS_OF_DAY[pod.lower()[:-1]], None)
    c = resolve_weekday(ctx, m.start(), m.end(), wd, rel)
    if c is None:
        v = "XXXX-WXX-%d" % wd
        return Res("TIME" if pod else "DATE", v + ("T" + R.PARTS_OF_DAY[pod.lower()] if pod else ""), None, mod)
    if pod:
        c = replace(c, pod=R.PARTS_OF_DAY[pod.lower()])
    return date_res(c, mod, anchored=True)


_UNIT_GRAN = {
    "day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year",
    "quarter": "quarter", "decade": "decade", "century": "century", "fiscal year": "year",
    "school year": "year", "season": "season", "millennium": "century",
}


# a bare "season" ("this season", "last season") is a season of play or broadcast, which
# straddles the turn of a year (the page's year from July, the year before until June); a
# calendar season only where its sentence speaks of the weather, the garden or clothes ("Snow
# fell hard this season", "Plant tomatoes this season", "this season's collection"). The words
# count in lower case, or capitalised opening the sentence: "the Heat", "Jack Frost" are names.
_CALENDAR_SEASON_WORDS = re.compile(
    r"(?i)\b(?:snow\w*|rain\w*|weather|frost\w*|cold(?:er|est)?|heat|hot(?:ter|test)?|warm(?:er|est)?"
    r"|temperatures?|sunny|sunshine|storms?|winds?|windy|ice|icy|bloom\w*|blossom\w*|flowers?|foliage|pollen"
    r"|garden\w*|plant(?:s|ing|ed)?|seeds?|crops?|harvest\w*|pests?"
    r"|collections?|trends?|fashion|wardrobe|outfits?)\b")


def _season_of_play(base: Cal, step: int, mod: str | None) -> Res | None:
    """A season of play or broadcast straddles the turn of a year (August to May, September to
    February): the one under way in a year's second half began that year, in its first half the
    year before. Its value is the year it began; its period the two calendar years it touches
    ("last season" on 2019-11-19: 2018, 2018-01-01 to 2019-12-31). A league whose season lies
    within one year (baseball) is read a year early in January to June: the page does not say."""
    if base.year is None:
        return None
    began = base.year - 1 if base.month is not None and base.month <= 6 else base.year
    y = began + step
    r = date_res(Cal("year", y), mod, anchored=True)
    r.period = (date(y, 1, 1), date(y + 1, 12, 31), "year")
    return r


def _weather_around(text: str, start: int, end: int) -> bool:
    """The sentence of a season speaks of the weather, the garden or clothes."""
    left, right = sentence_bounds(text, start, end, reach=200)
    for w in _CALENDAR_SEASON_WORDS.finditer(text, left, right):
        if w.group(0).islower() or not text[left : w.start()].strip(" \t\"'“‘("):
            return True
    return False


# the part of a period a phrase before it names ("the rest of this year")
_PART_MODS = (("the rest", "END"), ("the remainder", "END"), ("the first half", "START"), ("the second half", "END"))


# this year, last month, next week, the previous year, the following day,
# that year, the same day, the current quarter, earlier this week
@book.rule("rel_unit", triggers=UNIT_WORDS, window=(50, 25), priority=1,
    pattern=B + r"(?P<mod>(?i:earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|end\s+of|start\s+of|beginning\s+of|middle\s+of)\s+)?"
        + r"(?P<rel>(?i:last|this|next|coming|upcoming(?=\s+year\b(?!-))|this\s+coming|this\s+past|past|previous|current|following|same|prior|preceding|present|that|the\s+(?:last|past|next|coming|upcoming(?=\s+year\b(?!-))|previous|current|following|same|prior|preceding|present|succeeding|subsequent|new|whole|entire|very\s+same|latest|most\s+recent))|that\s+same|this\s+same|the\s+same)"
        + r"\s+(?P<unit>(?i:day|week|weekend|month|year|quarter|decade|century|fiscal\s+year|school\s+year|season|millennium))" + E)
def _n_rel_unit(m: re.Match, ctx: Ctx):
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    gran = _UNIT_GRAN[unit]
    of_play = unit == "season" and rule_on("season-of-play") and not _weather_around(ctx.text, m.start(), m.end())
    if of_play:
        gran = "year"  # "last season" of a league, a show, a harvest: not the last spring
    modtxt = (m.group("mod") or "").strip().lower()
    mod = mod_of(re.sub(r"\s+", " ", modtxt)) if modtxt else None
    mod = next((v for k, v in _PART_MODS if modtxt.startswith(k)), mod)
    the = rel.startswith("the ")
    core, upcoming = _rel_core(rel[4:] if the else rel)
    if upcoming and not rule_on("year-ahead"):
        return None
    if unit == "day" and (rel == "last" or (rel == "the last" and not mod and rule_on("the-last-day"))):
        # "Last day to file", "the last day of service": the final day of something, never yesterday
        # ("the last day of March 2024" leaves its month to the month rule)
        return None
    if core in ("that same", "this same", "very same"):
        core = "same"
    if core in ("latest", "most recent"):
        core = "last"  # "the latest fiscal year": the last one ended
    # "the whole year", "the next decade": durations; "the next day" is a date.
    # "the past year" in news names the year before the document date (the
    # TimeBank/AQUAINT annotation: "over the past year" -> 1997, "in the last
    # decade" -> 198); in a narrative it is the stretch just told of.
    news_past = core in ("past", "last") and unit != "century" and not ctx.narrative and ctx.anchor is not None
    if the and (core in ("past", "last", "whole", "entire") or (core in ("next", "coming") and unit in ("decade", "century"))) and not mod and not news_past:
        n = 1
        letter, _, _ = R.UNITS.get(unit.split()[-1], ("Y", False, "year"))
        return Res("DURATION", f"P{n}{letter}", None, None, False)
    if core in ("whole", "entire", "new") and not the:
        return None
    deictic = (core in ("last", "this", "next", "coming", "past", "current", "present") and (not the or news_past)
               or _new_year_of_writing(ctx, core, unit, m.start()))
    if core in ("current", "present") and the:
        deictic = True
    if ctx.narrative and core == "this" and unit in ("day", "month", "week", "year"):
        deictic = False
    deictic = deictic or (upcoming and ctx.anchor is not None and _story_year_in_sentence(ctx, m.start()) is None)
    if deictic:
        base = ctx.deictic()
    else:
        base = _coarse_in_focus(ctx, gran) or ctx.anaphoric()
        if the and core in ("next", "coming") and gran in ("decade", "century"):
            base = _own_time_after_a_target(ctx, base)
    if base is None:
        return Res("DATE", "PRESENT_REF" if core in ("this", "current", "present") else ("PAST_REF" if core in ("last", "past", "previous") else "FUTURE_REF"), None, mod)
    if gran == "quarter" and core in ("same", "that") and ctx.last_quarter is not None:
        return date_res(ctx.last_quarter, mod, anchored=True)
    step = {
        "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
        "next": 1, "coming": 1, "following": 1, "succeeding": 1, "subsequent": 1,
    }.get(core, 0)
    step = _year_step(core, unit, base, step)
    if of_play:
        return _season_of_play(base, step, mod)
    if gran == "weekend":
        return _rel_weekend(base, core, deictic, step, mod)
    if gran in ("decade", "century"):
        return _rel_decade_or_century(ctx, base, gran, step, mod, news_past and the)
    if base.year is None:
        return None
    if finer_or_equal(Cal(gran), base) and gran != base.gran:
        # base is coarser than the unit ("that day" after "1939")
        if gran == "day" and base.gran != "day":
            # "that same day" after "last October": a day of that month, which
            # day unknown (TIMEX3 "1998-10-XX")
            if base.gran in ("month", "year") and base.year is not None:
                v = timex_value(coarsen(base, base.gran)) + ("-XX" if base.gran == "month" else "-XX-XX")
                return Res("DATE", v, base, mod, True)
            return Res("DATE", timex_value(coarsen(base, base.gran)), base, mod, True)
        cur = coarsen(base, gran) if base.as_date() is not None else None
        if cur is None:
            return None
    else:
        cur = coarsen(base, gran)
    c = shift(cur, step, gran if gran != "weekend" else "week")
    if c is None:
        return None
    r = date_res(c, mod, anchored=True)
    if deictic and core == "this" and gran == "week" and modtxt in ("earlier", "later") and base.gran == "day":
        _part_of_this_week(r, c, base, modtxt)
    return r


def _own_time_after_a_target(ctx: Ctx, focus: Cal | None) -> Cal | None:
    """What "the next decade" or "the next century" counts from: the date in focus when it is a time told of
    before the page's ("In 1990 the mill closed. By the end of the next decade ..."), the page's own when the
    date in focus is a target still ahead ("cut costs by 2030 ... reach 24% by the end of the next decade":
    the 2020s of a page of 2019, not the 2040s); a narrative keeps its focus (rule "next-decade-of-page")."""
    if not rule_on("next-decade-of-page") or ctx.narrative or focus is None:
        return focus
    own = ctx.deictic()
    if own is None:
        return focus
    return own if focus.year is not None and own.year is not None and focus.year > own.year else focus


# the year before, the month after: one unit from the date in focus named earlier in the sentence ("in 2024,
# up from 40 the year before"); only closing its phrase ("the year before the election" counts from the
# election, not from a date). "the day before" is the rule day_after's.
@book.rule("unit_before_after", triggers={"year", "month", "week"}, window=(10, 25), priority=1,
    pattern=B + r"(?i:the)\s+(?P<unit>(?i:year|month|week))\s+(?P<dir>(?i:before|after|prior))"
        + r"(?=\s*(?:[,.;:)!?]|$|\s(?:and|but|or|when|while|as)\b))")
def _n_unit_before_after(m: re.Match, ctx: Ctx):
    if not rule_on("the-year-before") or ctx.ref_pos < 0 or not ctx.focus_in_sentence(m.start()):
        return None  # no date named before it in its sentence: nothing it counts from
    base = ctx.anaphoric()
    gran = m.group("unit").lower()
    if base is None or base.year is None or not finer_or_equal(base, Cal(gran)):
        return None  # "the day before" after a year alone: which day, the text does not say
    step = 1 if m.group("dir").lower() == "after" else -1
    c = shift(coarsen(base, gran), step, gran)
    return date_res(c, anchored=True)


# by mid-century / by late century / by the end of the century: a part of the century in focus
@book.rule("century_part", triggers={"century"}, window=(40, 30), priority=2,
    pattern=B + r"(?P<mod>(?i:mid|late|early)[\s-]+|(?i:(?:the\s+)?(?:end|middle|close|start|beginning)\s+of\s+the)\s+)(?i:century)"
        + r"(?=\s*[,.;:)!?]|\s*$|\s+(?i:and|or|when|if|to|for|as|with|in|at|because|unless|than)\b)")
def _n_century_part(m: re.Match, ctx: Ctx):
    """"by mid-century", "by the end of the century": a part of the century in
    focus: the page's own in news, the one the story tells of in a narrative
    (the century of the last date named); in news too when the page named a
    year before it and the clause tells of the past ("The mill opened in
    1850. By the end of the century ..."), see :meth:`Ctx.told_year`. Only as an adverbial, never before
    a noun ("mid-century furniture" names a style)."""
    modtxt = re.sub(r"[\s-]+", " ", m.group("mod").strip().lower())
    modtxt = re.sub(r" the$", "", modtxt)
    mod = mod_of(modtxt)
    if mod is None:
        return None
    if ctx.narrative or ctx.anchor is None:
        base = ctx.coarse if ctx.coarse is not None and ctx.coarse_pos > ctx.ref_pos else ctx.anaphoric()
    elif rule_on("century-of-story") and (told := ctx.told_year(m.start(), m.end())) is not None:
        base = told
    else:
        base = ctx.deictic()
    if base is None or (base.year is None and base.gran not in ("decade", "century")):
        return None
    c = coarsen(base, "century")
    if c.century is None:
        return None
    return Res("DATE", timex_value(c), c, mod, True)


# from this month on, "the new year" is the coming one: a page of the year's last months looks ahead
# to it ("polished up in the new year" in December); earlier in the year it is the year just begun
NEW_YEAR_AHEAD_FROM_MONTH = 10


def _new_year_of_writing(ctx: Ctx, core: str, unit: str, pos: int) -> bool:
    """"the new year" in news counts from the page's day, not from a year named in a sentence
    before it ("tax year 2025. ... going into the new year" on a page of October 2023 is 2024);
    a date named earlier in its own sentence is the one it counts from ("On December 30, 1999,
    the city prepared for the new year")."""
    return (core == "new" and unit == "year" and rule_on("new-year-ahead") and not ctx.narrative
            and ctx.anchor is not None and not ctx.focus_in_sentence(pos))


def _new_year_step(core: str, unit: str, base: Cal) -> int:
    """1 when "the new year" (the calendar's, not "the new school year" or "the new fiscal
    year", which begin in other months) counted from ``base`` is the year after it: the base is
    a day, week or month of the year's last months (not a year alone, whose months are
    unknown); else 0."""
    ahead = (core == "new" and unit == "year" and rule_on("new-year-ahead") and base.gran in ("day", "week", "month")
             and base.month is not None and base.month >= NEW_YEAR_AHEAD_FROM_MONTH)
    return 1 if ahead else 0


def _coarse_in_focus(ctx: Ctx, gran: str) -> Cal | None:
    """The decade or century named since the last date, which "the following century", "the
    previous decade" count from ("the 1770s ... over the following century" is the 1800s); a
    decade is not counted from a century. Read before any other base, so that a page's own
    decade does not count as the anchor's."""
    if gran not in ("decade", "century") or ctx.coarse_pos <= ctx.ref_pos:
        return None
    coarse = ctx.coarse
    if coarse is None or (gran == "decade" and coarse.gran == "century"):
        return None
    return coarse


def _rel_core(rel: str) -> tuple[str, bool]:
    """The word a relative period counts by ("this coming" is "coming") and whether it was
    "upcoming" (read as "coming", but counted from the page's day, never from a date of the story)."""
    core = rel.replace("this coming", "coming").replace("this past", "past")
    return ("coming", True) if core == "upcoming" else (core, False)


def _year_step(core: str, unit: str, base: Cal, step: int) -> int:
    """The step from ``base`` of "the new year" written in December (the year about to begin,
    :func:`_new_year_step`) and of "the coming year" written in January (the year just begun)."""
    if core == "coming" and unit == "year" and _year_just_begun(base):
        return 0
    return step + _new_year_step(core, unit, base)


def _year_just_begun(base: Cal) -> bool:
    """The day a page counts from lies in January: "the coming year", "the year ahead" is the
    year just begun, not the next one."""
    return rule_on("year-ahead") and base.gran == "day" and base.month == 1


# the year ahead: the coming year, counted from the page's day ("in the year ahead" written in
# December is the next year; written in January, the year just begun)
@book.rule("year_ahead", triggers={"ahead"}, window=(15, 5), priority=1,
    pattern=B + r"(?i:the)\s+(?i:year)\s+(?i:ahead)(?!\s+(?i:of)\b)" + E)
def _n_year_ahead(m: re.Match, ctx: Ctx):
    """The coming year, counted from the page's day, or from a date of another year the sentence
    names ("In March 2010, the board planned for the year ahead" is 2011); "the year ahead of
    its rivals" is no date."""
    if not rule_on("year-ahead") or ctx.narrative:
        return None
    base = _story_year_in_sentence(ctx, m.start()) or ctx.deictic()
    if base is None or base.year is None or base.gran not in ("day", "month", "year"):
        return None
    c = shift(coarsen(base, "year"), 0 if _year_just_begun(base) else 1, "year")
    return date_res(c, anchored=True)


def _story_year_in_sentence(ctx: Ctx, pos: int) -> Cal | None:
    """The date in focus when its sentence (the one of ``pos``) names it and it lies in another
    year than the page's day: "In 2010, the company planned for the year ahead"."""
    story, page = ctx.anaphoric(), ctx.deictic()
    if story is None or story.year is None or not ctx.focus_in_sentence(pos):
        return None
    return story if page is None or page.year != story.year else None


def _rel_weekend(base: Cal, core: str, deictic: bool, step: int, mod: str | None) -> Res | None:
    """"last weekend", "this weekend", "the following weekend"."""
    cur = coarsen(base, "week") if base.gran not in ("century", "decade", "year") else None
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
    c = shift(cur, step, "week")
    return date_res(replace(c, weekend=True) if c else None, mod, anchored=True)


def _rel_decade_or_century(ctx: Ctx, base: Cal, gran: str, step: int, mod: str | None, up_to_now: bool) -> Res | None:
    """"the last decade", "the following century"; ``up_to_now`` for "the
    past decade" in news, which also spans the years up to the page's date."""
    if base.year is None and base.gran not in ("decade", "century"):
        return None
    cur = coarsen(base, gran)
    c = shift(cur, step, gran)
    if c is None:
        return None
    v = timex_value(c)
    r = Res("DATE", v, c, mod, True)
    if up_to_now and ctx.anchor is not None and ctx.anchor.year > 100:
        # "over the last decade": the ten years up to the page's date
        n_years = 10 if gran == "decade" else 100
        r.period = (date(ctx.anchor.year - n_years, 1, 1), ctx.anchor, gran)
    return r


def _part_of_this_week(r: Res, week: Cal, base: Cal, modtxt: str) -> None:
    """"earlier this week": Monday to the day before the page's date;
    "later this week": the day after it to Sunday (the result's period)."""
    p = period_of(week)
    b = base.as_date()
    if p is not None and b is not None:
        lo, hi = (p[0], b - timedelta(days=1)) if modtxt == "earlier" else (b + timedelta(days=1), p[1])
        if lo <= hi:
            r.period = (lo, hi, "week")


# what a "year-earlier" names when it names the whole period ("the year-earlier period", "year-earlier figures", bare)
_YEAR_EARLIER_PERIOD = ("", "period", "level", "levels", "figure", "figures")


# (the) year-earlier (period)
@book.rule("year_earlier", triggers={"year"}, window=(25, 35),
    pattern=B + r"(?P<the>(?i:the|a)\s+)?(?P<word>(?i:year-earlier|year-ago|year\s+ago))(?:\s+(?P<what>(?i:period|quarter|level|levels|figure|figures|month|week)))?" + E)
def _n_year_earlier(m: re.Match, ctx: Ctx):
    what = (m.group("what") or "").lower()
    a = ctx.deictic()
    if a is None:
        return None
    q = ctx.last_quarter
    c: Cal | None
    if q is not None and q.year is not None and what in _YEAR_EARLIER_PERIOD and ctx.compares_months(m.start()):
        c = Cal("year", q.year - 1)  # "the first nine months ... year-earlier net": the months of the year before
    elif q is not None and (what in _YEAR_EARLIER_PERIOD or what == "quarter"):
        c = shift(q, -4, "quarter")
    elif what == "month":
        c = shift(coarsen(a, "month"), -12, "month")
    elif what == "week":
        c = shift(coarsen(a, "week"), -52, "week")
    elif a.year is not None:
        c = Cal("year", a.year - 1)
    else:
        return None  # a reference date without its year
    res = date_res(c, anchored=True)
    if res is not None:
        res.focus = False
    if res is not None and what in ("level", "levels", "figure", "figures"):
        res.end = m.start("what") - 1
    return res


# the words after a count that look back ("two years ago"); "now" only in
# "two years now", which counts a stretch up to now, not a point back
_DIR_BACK_POINT = ("ago", "earlier", "before", "back", "previously", "prior")
_DIR_BACK = (*_DIR_BACK_POINT, "now")


# two years ago, a week earlier, three days later, 10 days ago,
# a year before, a few years ago, about two decades ago
@book.rule("offset", triggers=UNIT_WORDS, window=(45, 40), priority=3,
    pattern=B + r"(?P<approx>" + APPROX + r"\s+)?(?P<num>" + QUANTITY + r")[\s-]+(?P<unit>" + UNIT_ANY + r")(?:\s+(?i:and\s+a\s+half))?"
        + r"(?:\s+(?i:or)\s+(?P<orso>(?i:so|two|three|four|five|\d{1,2})))?\s+"
        + r"(?P<dir>(?i:ago|earlier|later|before|after|hence|from\s+now|back|previously|prior|on|afterwards?|since|now(?=\s*(?:[.,;:!?)\n]|$|and\b|but\b))))" + E)
def _n_offset(m: re.Match, ctx: Ctx):
    unit = unit_of(m.group("unit"))
    d = re.sub(r"\s+", " ", m.group("dir").lower())
    numtxt = m.group("num")
    n = quantity(numtxt)
    approx = (m.group("approx") or "").strip().lower()
    orso = (m.group("orso") or "").lower()
    if orso and d not in _DIR_BACK_POINT:
        return None  # "a week or so later": a duration; the rules without "or so" read it
    after = ctx.text[m.end() : m.end() + 30]
    if d in ("before", "after", "since") and re.match(r"\s*(?:the|a|an|his|her|their|its|this|that|these|those|[A-Z]|\w+ing\b)", after):
        if not (ctx.narrative and d in ("before", "after")):
            return dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    if d == "on" and not re.match(r"\s*[,.;:)]", after):
        return dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    if d == "since":
        return dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    if d == "now":
        # "two years now": since that long before the anchor (a count, not "a few years now")
        if n is None or not float(n).is_integer() or approx or ctx.anchor is None or ctx.fetched:
            return None  # the duration and "now" rules read it as before
    if d in ("later", "after", "afterward", "afterwards", "on") and not ctx.narrative:
        # news annotation marks "three days" in "three days later" as a duration
        return dur_from_match(m, ctx, m.start(), m.start("dir") - 1)
    mod = approx_mod(approx) or ("APPROX" if orso else None)  # "a week or so ago"
    back = d in _DIR_BACK
    deictic = d in ("ago", "hence", "from now", "back", "now")
    base = ctx.deictic() if deictic else ctx.anaphoric()
    if unit in ("hour", "minute", "second"):
        base_dt = ctx.anchor_time if deictic else None
        if base_dt is not None and n is not None:
            delta = timedelta(**{unit + "s": n})
            t = base_dt - delta if back else base_dt + delta
            return Res("TIME", t.strftime("%Y-%m-%dT%H:%M"), day_cal(t.date(), hour=t.hour, minute=t.minute), mod, True)
        return Res("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod)
    if n is None or base is None or base.year is None and base.gran not in ("decade", "century"):
        if base is None or n is None:
            return Res("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod, True)
    gran = {"day": "day", "night": "day", "week": "week", "fortnight": "week", "weekend": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century", "season": "season", "millennium": "century"}.get(unit, "day")
    if unit in ("week", "fortnight") and base.gran == "day":
        gran = "day"
    if not float(n).is_integer():
        if unit == "year":
            n, unit, gran = n * 12, "month", "month"
        else:
            return Res("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod, True)
    n = int(n)
    far = quantity(orso) if orso and orso != "so" else None
    n_near: int | None = None
    if far is not None and float(far).is_integer() and int(far) > n:
        n, n_near = int(far), n  # "a year or two ago": from two years back to one
    if ctx.last_quarter is not None and unit == "year" and n == 1 and d in ("ago", "earlier") and not ctx.narrative:
        # "up from $10 million a year ago" in a quarterly report: the same quarter a year
        # before; after "the first nine months", those months of the year before
        q = ctx.last_quarter
        last_year = Cal("year", q.year - 1) if q.year is not None and ctx.compares_months(m.start()) else None
        before = date_res(last_year or shift(q, -4, "quarter"), mod, anchored=True)
        if before is not None:
            before.focus = False
        return before
    if unit in ("week", "fortnight") and deictic:
        gran = "week"
    # count in the unit's granularity: "two weeks ago" is a week, "ten days ago" a day
    cur = coarsen(base, gran) if base.gran != gran and finer_or_equal(base, Cal(gran)) else base
    if not deictic and gran in ("day", "week") and base.gran in ("month", "season", "quarter", "half", "year") \
            and base.year is not None and base.year > 0:
        # "three days later" after "in April 1980": a day of that year, which one the text does not
        # say (TIMEX3 "1980-XX-XX", "1913-WXX"); counted from a month it may be the next one
        r = Res("DATE", "%04d-%s" % (base.year, "XX-XX" if gran == "day" else "WXX"), None, mod, True)
        r.focus = False
        return r
    step_unit = {"fortnight": "week", "night": "day", "weekend": "week", "millennium": "century"}.get(unit, unit)
    c = shift(cur, -n if back else n, step_unit)
    if c is None:
        return None
    r = date_res(c, mod, anchored=True)
    r.deictic = deictic
    lower = R.COUNT_RANGE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    inner = re.match(r"\s*(\d{1,3}|[a-z]+)\s+(?:to|or)\s+", numtxt)
    # the near end of "10–20 years ago", "two to three years ago"
    n0 = int(lower.group("n0")) if lower is not None else int(quantity(inner.group(1)) or 0) if inner is not None else n_near
    # "10–20 years ago", "two to three years ago": from the far end to the near
    # one; "a day or two ago", "about a week or two ago" whatever the unit
    if back and n0 is not None and (n_near is not None or step_unit in ("year", "decade", "month") and not approx):
        near = shift(cur, -n0, step_unit) if 0 < n0 < n else None
        p_far, p_near = period_of(c), (period_of(near) if near is not None else None)
        if near is not None and p_far is not None and p_near is not None:
            r.period = (p_far[0], p_near[1], p_far[2])
            r.value = f"{r.value}/{timex_value(near)}"  # both ends, as a range of mentions is written
            if lower is not None:
                r.start = lower.start()
    return r


RULES: tuple[Rule, ...] = book.rules()
