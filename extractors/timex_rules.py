"""Vocabularies and compiled patterns of the temporal expression tagger.

Only data lives here: word lists, their normalised values, regex building
blocks and the table of extent rules. The logic that turns a match into a
TIMEX3 value is in :mod:`extractors.timex`.

Each extent rule is a name and a regex; the tagger runs every rule over the
text, keeps the longest non-overlapping matches and hands each match to the
normaliser registered under the rule's name. Named groups carry the parts the
normaliser reads (``month``, ``day``, ``year``, ``num``, ``unit``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# Calendar months a season covers (winter runs into the next year).
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "MI", "daytime": "DT",
    "dawn": "MO", "dusk": "EV",
}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a thousand": 1000, "thousand": 1000, "dozen": 12,
    "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a": 1, "an": 1, "single": 1, "a single": 1, "half a": 0.5, "half an": 0.5,
    "a half": 0.5,
}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1,
}

# Vague quantities: the duration value takes "X" for the number.
VAGUE_QUANTITIES = (
    "several", "a few", "few", "some", "many", "a number of", "numerous",
    "the past few", "a matter of", "countless",
)

# Duration unit -> (TIMEX3 letter, is a time unit (PT...), calendar granularity)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "second"), "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"), "day": ("D", False, "day"),
    "night": ("D", False, "day"), "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"), "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"), "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"), "century": ("CE", False, "century"),
    "millennium": ("ML", False, "millennium"), "weekend": ("WE", False, "weekend"),
    "season": ("SE", False, "season"),
}

UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "mins": "minute", "min": "minute",
    "hours": "hour", "hrs": "hour", "hr": "hour", "days": "day", "nights": "night",
    "weeks": "week", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "yrs": "year", "decades": "decade",
    "centuries": "century", "millennia": "millennium", "weekends": "weekend",
    "seasons": "season",
}

# Adverbs and adjectives of frequency -> (TIMEX3 SET value)
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "annual": "P1Y",
    "yearly": "P1Y", "hourly": "PT1H", "semiannual": "P6M", "semiannually": "P6M",
    "biannual": "P6M", "bimonthly": "P2M",
}

# Vague references to the present, past and future.
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "today's": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "the present day": "PRESENT_REF", "present-day": "PRESENT_REF",
    "these days": "PRESENT_REF", "this time": "PRESENT_REF",
    "the moment": "PRESENT_REF", "the time being": "PRESENT_REF",
    "right now": "PRESENT_REF", "just now": "PRESENT_REF", "as yet": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "once": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "future": "FUTURE_REF", "the coming": "FUTURE_REF", "later": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the recent past": "PAST_REF", "the distant past": "PAST_REF",
}

# "today's most pressing", "today's world": today in the generic sense.
GENERIC_AFTER_TODAYS = {
    "most", "world", "society", "societies", "generation", "youth", "young", "modern", "global",
    "economy", "standards", "children", "kids", "students", "teenagers", "culture", "increasingly",
    "fast", "complex", "changing", "digital", "political", "security", "leaders", "technology",
    "terms", "dollars", "prices", "market", "markets", "environment", "challenges", "threats",
}

# A past reporting verb right after a date: "on Thursday said", "Friday announced".
REPORTED_RIGHT_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:said|told|announced|confirmed|stated|wrote|tweeted|reported|revealed|disclosed|declared|added|warned)\b",
    re.I,
)

# The lower count of "10–20 years ago" / "10 to 20 years ago", right before the match.
COUNT_RANGE_BEFORE = re.compile(r"(?<![\w.,])(?P<n0>\d{1,3})\s*(?:-|–|—|to)\s*$")

# An adjective by its ending ("digital", "competitive", "fast-paced", "data-driven"):
# after "today's" it describes the present era, not a happening of the day.
ADJECTIVE_WORD = re.compile(r"[a-z]+(?:al|ic|ive|ful|ous|less|ary|ible|able|ern|[a-z]-[a-z]+)|[a-z]+-(?:driven|based|paced|connected|first|led)")

# "today" meaning the present era: contrasted with the past or lasting into it.
PRESENT_ERA_BEFORE = re.compile(
    r"(?:\b(?:than|unlike|even|still|(?<!\bas\s)of|to\s+this\s+day\s+and|on\s+the\s+market|in\s+use|in\s+existence|in\s+practice|alive|compared\s+(?:with|to)|as\s+(?:it|they)\s+(?:is|are|do|does))|"
    r"\b(?:remains?|remained|continues?|exists?|survives?|stands?|persists?|lives?\s+on)\b[^.!?\n]{0,30}?"
    r"\b(?:still|in\s+use|in\s+place|in\s+force|intact)?)\s*$",
    re.I,
)
# A clause after "Today," that tells of something that day: progressive or
# perfect forms, first person, a named time of the day.
SPECIFIC_TODAY = re.compile(
    r"\b(?:(?:is|are|am)\s+\w+ing|has\s+\w+ed|have\s+\w+ed|I|I['’]m|we|we['’]re|my|our|"
    r"announces?|launch(?:es)?|releases?|unveils?|marks?|celebrates?|opens?|closes?|begins?|starts?|ends?)\b",
)


# Words before a date that give a DateMention its role: "since 2001",
# "until 2014", "by the end of 2014", "from 2001 to 2014", "2001–2014".
SINCE_RX = re.compile(
    r"(?:\b(?:ever\s+since|since|starting\s+(?:in|from)|beginning\s+in|as\s+of))\s+"
    r"(?:(?:the\s+)?(?:early|late|mid|end\s+of|beginning\s+of|start\s+of)[\s-]+)?(?:(?:in|on|the)\s+)?$",
    re.I,
)
UNTIL_RX = re.compile(
    r"(?:\b(?:until|till|til|through|thru|up\s+to|up\s+until|by\s+the\s+end\s+of|to\s+the\s+end\s+of|no\s+later\s+than))\s+"
    r"(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?(?:(?:in|on)\s+)?$",
    re.I,
)
# "pre-2020" (until the year before), "post-2020" (since the year after)
PRE_POST_RX = re.compile(r"\b(?P<w>pre|post)[-–]$", re.I)
BY_RX = re.compile(r"\b(?:by|until|till|through)\s+$", re.I)  # before "the end of 2014"
FROM_RX = re.compile(r"\b(?:from|between)\s+(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?$", re.I)
JOIN_RX = re.compile(r"^\s*(?:-|–|—|to|and|until|till|through|thru)\s*$", re.I)
TO_RX = re.compile(r"^\s*(?:to|until|till|through|thru)\s*$", re.I)
DASH_RX = re.compile(r"^\s*(?:-|–|—|/)\s*$")
DAYNUM_AFTER = re.compile(r"\s*(?:-|–|—|to|and|until|through)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|,\d|\.\d|[:/]))")

# Tense cues around a bare weekday or month ("said Friday" -> the past Friday,
# "will meet Friday" -> the coming one). Strong future cues win; "had" marks
# the past perfect; otherwise the nearest cue decides and the past is the
# default in news.
FUTURE_STRONG = re.compile(r"\b(?:will|won't|wo\s+n't|shall)\b|'ll\b|\bgoing\s+to\b|\bgonna\b", re.I)
FUTURE_WEAK = re.compile(
    r"\b(?:would|scheduled|expected|expects?|plans?\s+to|planned|planning|slated|set\s+to|due\s+(?:on|in)|"
    # "due to launch" looks ahead; "due to impacts", "due to the pandemic" give a cause
    r"due\s+to(?!\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|\w+(?:s|ing|tion|ment|ness|ity|ure))\b)|"
    r"is\s+to|are\s+to|to\s+be\s+(?:held|made|released|completed|announced)|upcoming|as\s+early\s+as|as\s+soon\s+as|"
    r"tomorrow|intends?|hopes?\s+to|aims?\s+to|deadline|expires?|payable|effective|takes?\s+effect|next|coming|await(?:s|ing)?|until|of\s+record|"
    r"supposed\s+to)\b",
    re.I,
)
PAST_STRONG = re.compile(
    r"\b(?:was|were|did|said|told|announced|reported|ago|last|earlier|yesterday|began|came|went|took|made|"
    r"held|left|met|saw|gave|got|fell|rose|won|lost|sent|found|killed|died|became|brought|bought|sought|"
    r"thought|caught|taught|fought|sold|led|fled|spent|built|kept|paid|ran|chose|drew|drove|flew|grew|"
    r"knew|meant|spoke|stood|struck|threw|wrote|broke|froze|forgot|hid|rode|sank|swore|woke|wore|\w+ed)\b",
    re.I,
)
PAST_PERFECT = re.compile(r"\bhad\b", re.I)
# A past participle after a form of "be" is a passive, not a past tense:
# "dividends would be paid in January", "the case is heard in May".
PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am)\s+(?:\w+ly\s+)?$", re.I)
# ... and one after a determiner is an adjective: "on a still unspecified date".
ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:\w+\s+)?$", re.I)
# "was/were" before a word of planning is a future seen from the past:
# "protesters were planning to march on Saturday", "was due to meet Friday".
PAST_AUX_OF_PLAN = re.compile(r"\s+(?:planning|scheduled|expected|due|set|supposed|going|about|slated|preparing|hoping)\b", re.I)
SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+(?:(?:early|late|last)\s+)?$", re.I)
NOT_PAST_ED = {"supposed", "scheduled", "expected", "planned", "slated", "proposed", "intended", "anticipated", "called", "needed", "based", "united", "red", "bed", "hundred", "speed", "need", "feed", "seed", "indeed", "bred"}

# --------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------


def _alt(words) -> str:
    """Alternation of words, longest first, spaces matching any blank run."""
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


# Month names are matched with a capital initial (or all capitals): "may",
# "march" and "sun" are ordinary words in lower case.
_MONTH_FULL = [m for m in MONTHS if len(m) > 3 and m != "sept"] + ["may"]
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]


def _cap(word: str) -> str:
    return "(?:" + word[0].upper() + word[1:] + "|" + word.upper() + ")"


MONTH = (
    "(?:"
    + "|".join(_cap(m) for m in sorted(_MONTH_FULL, key=len, reverse=True))
    + "|(?:" + "|".join(sorted(_MONTH_ABBR, key=len, reverse=True)) + r")\.?"
    + "|(?:" + "|".join(a.upper() for a in sorted(_MONTH_ABBR, key=len, reverse=True)) + r")\.?"
    + ")"
)
# The full month names and "May"; for rules where a bare month is the whole timex.
MONTH_STRICT = (
    "(?:"
    + "|".join(_cap(m) for m in sorted(_MONTH_FULL, key=len, reverse=True))
    + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\."
    + ")"
)

WEEKDAY = (
    "(?:" + "|".join(_cap(d) for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    + r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
)

DAY_NUM = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
DAY_ORD_WORD = _alt([k for k, v in ORDINALS.items() if 0 < v <= 31])
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
YEAR_APOS = r"(?:['’][0-9]{2})"

_CARDINALS = sorted({k for k, v in NUMBER_WORDS.items() if isinstance(v, int) and v >= 1}, key=len, reverse=True)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMBER_WORD = (
    "(?i:(?:" + "|".join(_TENS) + r")[\s-](?:" + "|".join(_ONES) + ")"
    + "|" + _alt(_CARDINALS) + ")"
)
NUMBER_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|\s*½)?"
VAGUE = "(?i:" + _alt(VAGUE_QUANTITIES) + ")"
QUANTITY = (
    r"(?:(?:" + NUMBER_DIGITS + "|" + NUMBER_WORD + r")(?:\s+and\s+a\s+half)?"
    + r"(?:\s+(?:or|to)\s+(?:" + NUMBER_DIGITS + "|" + NUMBER_WORD + r"))?"
    + "|" + VAGUE + ")"
)

UNIT_SG = _alt([u for u in UNITS if u not in ("season",)])
UNIT_PL = _alt([p for p, u in UNIT_PLURALS.items() if u not in ("season",) and p not in ("min", "hr")])
UNIT_ANY = "(?i:" + UNIT_PL + "|" + UNIT_SG + ")"

SEASON = _alt(list(SEASONS))




APPROX = r"(?i:about|around|approximately|roughly|some|nearly|almost|close\s+to|more\s+than|less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just\s+over|just\s+under|well\s+over|barely|the\s+better\s+part\s+of|the\s+last|the\s+past|the\s+next|the\s+first|the\s+final|the\s+coming|the\s+previous|the\s+following|the\s+remaining|the\s+last\s+few|the\s+past\s+few|the\s+next\s+few|the)"

_AMPM = r"(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|AM\b|PM\b|A\.M\.|P\.M\.)"
TIME_CLOCK = (
    r"(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\s*" + _AMPM + r")?"
    r"|(?:1[0-2]|0?[1-9])\.[0-5][0-9]\s*" + _AMPM
    + r"|(?:1[0-2]|0?[1-9])\s*(?:" + _AMPM + r"|o'clock))"
    r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\s+time))?"
)

# "at 10:35 a.m. (0735 GMT) Friday": the day of a clock time after a parenthesis
TIME_PAREN_WEEKDAY = re.compile(r"\s*\([^()\n]{1,25}\)\s*(?:on\s+)?(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")

BC = r"(?:\s*(?:B\.?C\.?E?\.?|BCE)\b)"
AD = r"(?:\s*(?:A\.?D\.?|CE)\b)"


# --------------------------------------------------------------------------
# Extent rules
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """One extent pattern and the normaliser it feeds (by name).

    ``triggers`` are lower-cased words of which every match holds at least
    one (or a run of digits that ``digits`` fully matches); the tagger runs
    the pattern only around them, which keeps tagging fast.
    """

    name: str
    pattern: re.Pattern[str]
    priority: int = 0  # higher wins between two matches of the same length
    triggers: frozenset[str] = frozenset()
    digits: re.Pattern[str] | None = None


def _after(*words: str) -> str:
    """Lookbehind for one of ``words`` and a blank (fixed-width pieces)."""
    return "(?:" + "|".join(r"(?<=\b" + re.escape(w) + r"\s)" for w in words) + ")"


def _r(name: str, pattern: str, priority: int = 0, flags: int = 0) -> Rule:
    return Rule(name, re.compile(pattern, flags), priority)


B = r"(?<![\w$£€])"  # left word boundary that also refuses currency signs
E = r"(?![\w%])"  # right word boundary that also refuses "%"
I = re.I

_DAY_G = r"(?P<day>" + DAY_NUM + ")"
_DAYW_G = r"(?P<dayw>" + DAY_ORD_WORD + ")"
_MONTH_G = r"(?P<month>" + MONTH + ")"
_YEAR_G = r"(?P<year>" + YEAR4 + "|" + YEAR_APOS + ")"
_WD_G = r"(?P<weekday>" + WEEKDAY + ")"
_MODG = r"(?:(?P<mod>(?i:early|mid|late|the\s+(?:start|beginning|end|middle|close)\s+of|(?:the\s+)?(?:start|beginning|end|middle)\s+of))[\s-]+)"
_COMMA = r"(?:\s*,\s*|\s+)"
# "12 Sep. 2018 13:28": a clock time right after a full date belongs to it
_CLOCK_TAIL = r"(?:,?\s+(?:at\s+)?(?P<clock>(?:[01]?[0-9]|2[0-3]):[0-5][0-9])(?![\w:]))?"

RULES: tuple[Rule, ...] = (
    # --- dates with a calendar day ------------------------------------
    # 2012-06-04, 1973.02.16, 2012/06/04, 20120604 (in running text only
    # with separators)
    _r("iso_date", B + r"(?P<year>1[0-9]{3}|20[0-9]{2})(?P<sep>[-./])(?P<mnum>0?[1-9]|1[0-2])(?P=sep)(?P<day>0?[1-9]|[12][0-9]|3[01])" + r"(?:T(?P<hour>[01][0-9]|2[0-3]):(?P<minute>[0-5][0-9]))?" + E, 5),
    # 6/4/2012, 06-04-12 (US order month/day/year)
    # 6/4/2012 (US order, month first); 31/12/2020, 16.02.1973 (day first
    # when the first number cannot be a month, or with dots)
    _r("us_date", B + r"(?P<a>0?[1-9]|[12][0-9]|3[01])(?P<sep>[/.])(?P<b>0?[1-9]|[12][0-9]|3[01])(?P=sep)(?P<year>1[0-9]{3}|20[0-9]{2}|(?<=/\d/)[0-9]{2}|(?<=/\d\d/)[0-9]{2})(?![\w%]|[.,]\d)", 4),
    # (early) September 1, 1939 / Sept. 30 1989 / June 28 (weekday optional)
    _r(
        "month_day_year",
        B + r"(?:(?P<rel>(?i:last|next|this|this\s+coming|this\s+past|coming))\s+)?" + _MODG + r"?(?:" + _WD_G + r",?\s+)?" + _MONTH_G + r"\s+(?:the\s+)?" + _DAY_G + r"(?:" + _COMMA + _YEAR_G + _CLOCK_TAIL + r")?" + E,
        3,
    ),
    # March eighth
    _r("month_dayword", B + r"(?:" + _WD_G + r",?\s+)?" + _MONTH_G + r"\s+(?:the\s+)?" + _DAYW_G + r"(?:" + _COMMA + _YEAR_G + r")?" + E, 2),
    # 4 June 2012 / 12 Sep. 2018 / the 19th of October 1950 / Monday, 4 June
    _r(
        "day_month_year",
        B + r"(?:" + _WD_G + r",?\s+)?(?:the\s+)?" + _DAY_G + r"(?:\s+of)?\s+" + _MONTH_G + r"(?:" + _COMMA + _YEAR_G + _CLOCK_TAIL + r")?" + E,
        3,
    ),
    _r("day_month_year", B + r"(?:(?i:the)\s+)?" + _DAYW_G + r"\s+of\s+" + _MONTH_G + r"(?:" + _COMMA + _YEAR_G + r")?" + E, 2),
    # --- months, seasons, quarters, halves ------------------------------
    # (early) June 1940, February of 1940, June, 1940, mid-June 1944
    _r("month_year", B + _MODG + r"?" + _MONTH_G + r"(?:\s+of|,)?\s+" + _YEAR_G + E, 2),
    # (early) June / last June / the previous April / June of that year
    _r(
        "month",
        B + r"(?:(?P<rel>(?i:last|next|this|coming|previous|following|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+)?"
        + _MODG + r"?(?P<month>" + MONTH_STRICT + r")(?:\s+(?P<thatyear>(?:of\s+)?(?:that|the\s+same|this|last|next|the\s+(?:following|previous|next))\s+year))?" + E
        + r"(?!\s*\d)",
        1,
    ),
    # summer of 1963 / the summer / last fall / 1982 summer / winter 1940-41
    _r(
        "season",
        B + r"(?i:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|previous|following|that|same|the\s+(?:previous|following|next|past|same|coming))\s+)?(?:(?i:the)\s+)?"
        + _MODG + r"?(?P<season>(?i:" + SEASON[3:-1] + r"))(?:\s+(?i:of)\s+(?P<year>" + YEAR4 + r")|\s+(?P<year2>" + YEAR4 + r"))?" + E,
        1,
    ),
    _r("year_season", B + _MODG + r"?(?P<year>" + YEAR4 + r")\s+(?P<season>(?i:spring|summer|autumn|fall|winter))" + E, 2),
    # third quarter (of 1989) / the fourth quarter / third-quarter / the latest quarter / Q3 2012
    _r(
        "quarter",
        B + r"(?P<the>(?i:the)\s+)?(?:(?P<yposs>(?i:this|last|next))\s+(?i:year)['’]s\s+|(?P<yearpre>" + YEAR4 + r")\s+)?(?:(?P<qrel>(?i:last|past|next|this|coming|previous|current|latest|recent|year-earlier|year-ago|same|prior|final|first|second|third|fourth|1st|2nd|3rd|4th|fiscal|fiscal-year|calendar))[\s-]+){0,3}"
        + r"(?P<q>(?i:quarter))(?![\s-]+(?i:of\s+a|century|mile|point|inch|hour|pound|share|percent|stake|interest))"
        + r"(?:\s+(?i:of)\s+(?:(?i:fiscal|the\s+fiscal\s+year|calendar|the\s+year|this\s+year|last\s+year|next\s+year)\s*)?(?P<year>" + YEAR4 + r"))?"
        + r"(?P<ago>\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year))?" + E,
        1,
    ),
    # week 12 of 2021 / calendar week 12, 2021 / 2021-W12 (ISO weeks)
    _r(
        "week_num",
        B + r"(?:(?:(?i:the\s+)?(?i:calendar\s+)?(?i:week)\s+(?P<wn>[1-9]|[1-4][0-9]|5[0-3])(?:\s+(?i:of)|,)?\s+(?P<year>" + YEAR4 + r"))"
        + r"|(?P<year2>" + YEAR4 + r")-W(?P<wn2>0[1-9]|[1-4][0-9]|5[0-3]))" + E,
        2,
    ),
    _r("quarter_code", B + r"(?P<q>Q[1-4])(?:\s+(?P<year>" + YEAR4 + r"))?" + E, 2),
    # the first half of 1989 / the second half / the last half of the '80s
    _r(
        "half",
        B + r"(?P<the>(?i:the)\s+)?(?P<which>(?i:first|second|last|latter|latest|current|previous))[\s-]+(?i:half)(?:\s+(?i:of)\s+(?:(?P<ofwhat>(?i:the\s+year|the\s+decade|this\s+year|last\s+year|next\s+year|fiscal\s+\d{4}|the\s+(?:'|’)\d0s|the\s+\d{4}s|the\s+century))|(?P<year>" + YEAR4 + r")))?" + E,
        1,
    ),
    # --- years, decades, centuries ------------------------------------
    # (early) 2012 / fiscal 1989 / 494 BC / AD 70
    _r("year", B + _MODG + r"?(?P<fiscal>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|(?:the\s+)?year|FY)\s*)?(?P<year>" + YEAR4 + r")" + r"(?P<ad>" + AD + r")?(?![\w%]|[.,]\d|\s*(?:%|percent|per\s*cent))", 0),
    _r("year_bc", B + _MODG + r"?(?P<year>[1-9][0-9]{0,3})" + r"(?P<bc>" + BC + r")", 3),
    _r("year_ad", B + r"(?:(?P<ad>A\.?D\.?)\s+(?P<year>[1-9][0-9]{0,3})|(?P<year2>[1-9][0-9]{0,3})\s+(?P<ad2>A\.?D\.?|CE)(?![\w.]|\.\w))" + E, 3),
    # fiscal '89, fiscal 89
    _r("year_short", B + r"(?P<fiscal>(?i:fiscal|FY))\s*(?P<year>['’]?[0-9]{2})" + E, 1),
    # the 1990s / the '80s / the early 1930s / mid-1990s / 1990's
    _r(
        "decade",
        B + r"(?:(?i:the)\s+)?" + _MODG + r"?(?P<decade>(?:1[0-9]{2}|20[0-9])0['’]?s|[1-9][0-9]{0,1}0s(?=\s*(?:BC|B\.C\.|BCE))|['’][0-9]0['’]?s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?P<bc>" + BC + r")?" + E,
        2,
    ),
    # the 20th century / the nineteenth century / 4th century BC / eighteenth-century
    _r(
        "century",
        B + r"(?:(?i:the)\s+)?" + _MODG + r"?(?P<cent>\d{1,2}(?:st|nd|rd|th)|" + _alt([k for k, v in ORDINALS.items() if 0 < v <= 21]) + r")[\s-](?i:century)(?P<bc>" + BC + r")?" + E,
        2,
    ),
    # --- relative and deictic expressions ------------------------------
    # today, yesterday, tomorrow, tonight (+ morning/evening), the day before yesterday
    _r(
        "deictic_day",
        B + r"(?P<mod>(?i:early|late|earlier|later)\s+)?(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight))" + r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + E,
        2,
    ),
    # this morning, last night, this afternoon, overnight
    _r(
        "part_of_day",
        B + r"(?P<rel>(?i:this|last|that|the|early\s+this|late\s+this|later\s+this|earlier\s+this|late\s+last|early\s+last|the\s+same|the\s+previous|the\s+following|the\s+next))\s+(?P<pod>(?i:morning|afternoon|evening|night))" + E,
        1,
    ),
    _r("overnight", B + r"(?P<pod>(?i:overnight))" + E, 0),
    # (last) Friday (morning/night), Friday, June 5 handled above
    _r(
        "weekday",
        B + r"(?:(?P<rel>(?i:last|next|this|coming|this\s+coming|this\s+past|past|previous|following|the\s+previous|the\s+following|the\s+next|the\s+same|that|early|late|earlier|later))\s+)?" + _WD_G
        + r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night|nights)))?" + E,
        1,
    ),
    # this year, last month, next week, the previous year, the following day,
    # that year, the same day, the current quarter, earlier this week
    _r(
        "rel_unit",
        B + r"(?P<mod>(?i:earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|end\s+of|start\s+of|beginning\s+of|middle\s+of)\s+)?"
        + r"(?P<rel>(?i:last|this|next|coming|this\s+coming|this\s+past|past|previous|current|following|same|prior|preceding|present|that|the\s+(?:last|past|next|coming|previous|current|following|same|prior|preceding|present|succeeding|subsequent|new|whole|entire|very\s+same))|that\s+same|this\s+same|the\s+same)"
        + r"\s+(?P<unit>(?i:day|week|weekend|month|year|quarter|decade|century|fiscal\s+year|school\s+year|season|millennium))" + E,
        1,
    ),
    # (the) year-earlier (period)
    _r("year_earlier", B + r"(?P<the>(?i:the|a)\s+)?(?P<word>(?i:year-earlier|year-ago|year\s+ago))(?:\s+(?P<what>(?i:period|quarter|level|levels|figure|figures|month|week)))?" + E, 0),
    # two years ago, a week earlier, three days later, 10 days ago,
    # a year before, a few years ago, about two decades ago
    _r(
        "offset",
        B + r"(?P<approx>" + APPROX + r"\s+)?(?P<num>" + QUANTITY + r")[\s-]+(?P<unit>" + UNIT_ANY + r")(?:\s+(?i:and\s+a\s+half))?\s+"
        + r"(?P<dir>(?i:ago|earlier|later|before|after|hence|from\s+now|back|previously|prior|on|afterwards?|since))" + E,
        3,
    ),
    # --- durations ---------------------------------------------------
    # 75 years, three days, two-year, 30-day, a decade, more than four hours,
    # the past five days, the next few years, the first nine months
    _r(
        "duration",
        B + r"(?P<approx>(?:" + APPROX + r")[\s-]+)?(?:(?i:each|all)\s+of\s+the\s+(?:past|last|next)\s+)?(?P<num>" + QUANTITY + r")[\s-]+(?:(?i:full|long|straight|consecutive|calendar|trading|business|working|successive|more|additional|further|other|whole|brutal|short|long|hard|bloody|relatively\s+peaceful|peaceful|difficult)[\s-]+)?(?P<unit>" + UNIT_ANY + r")"
        + r"(?P<half>\s+(?i:and\s+a\s+half))?(?P<old>[\s-]+(?i:old|-old))?" + E,
        1,
        0,
    ),
    # years, months, weeks, decades (bare plural); the years; recent years; coming weeks
    _r(
        "duration_vague",
        B + r"(?P<pre>(?i:the\s+(?:past|last|next|coming|following|early|previous|first|final|remaining|intervening|ensuing|recent)\s+|recent\s+|coming\s+|past\s+)?)(?P<unit>(?i:years|months|weeks|days|decades|centuries|hours|minutes))"
        + r"(?P<tail>\s+(?i:ahead|to\s+come|or\s+(?:months|years|weeks|days|decades)))?" + E,
        0,
    ),
    # a while, some time, a long time
    _r("duration_while", B + r"(?P<word>(?i:a\s+(?:long\s+|short\s+|little\s+)?while|a\s+long\s+time|quite\s+some\s+time|some\s+time|a\s+short\s+time|a\s+fairly\s+lengthy\s+period|a\s+brief\s+period))" + E, 0),
    # the year, the week (a period spoken of as a unit): "in the year"
    _r("the_unit", B + r"(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn)\s+of)\s+)?(?P<the>(?i:the|a|an|each|every|per|one|that))\s+(?:(?P<adj>(?i:full|fiscal))\s+(?=(?i:year)\b))?(?P<unit>(?i:day|week|weekend|month|year|quarter|decade|hour|minute|night|morning|afternoon|evening))" + E, -1),
    # --- sets --------------------------------------------------------
    _r("set_word", B + r"(?P<word>(?i:" + _alt(list(SET_WORDS))[3:-1] + r"))" + E, 0),
    _r(
        "set_every",
        B + r"(?P<q>(?i:every|each|per|once\s+a|twice\s+a|once\s+every|every\s+other|every\s+single))\s+(?:(?P<num>" + NUMBER_WORD + r"|\d+)\s+)?(?P<unit>(?i:day|night|week|weekend|month|year|quarter|decade|hour|minute|morning|afternoon|evening|days|weeks|months|years|hours|minutes)|" + WEEKDAY + r"|" + MONTH_STRICT + r"|(?i:spring|summer|autumn|fall|winter))" + E,
        1,
    ),
    _r("set_weekday_plural", B + r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)(?:\s+(?P<pod>(?i:nights|mornings|evenings|afternoons)))?" + E, 0),
    # --- times of day -------------------------------------------------
    _r(
        "time",
        B + r"(?P<approx>(?i:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<clock>" + TIME_CLOCK + r")"
        + r"(?:(?:\s*,\s*|\s+)(?:(?i:on\s+)?(?P<weekday>" + WEEKDAY + r")|(?P<dword>(?i:today|yesterday|tomorrow|tonight))|(?P<month>" + MONTH + r")\s+(?P<day>" + DAY_NUM + r")(?:,?\s+(?P<year>" + YEAR4 + r"))?))?" + E,
        2,
    ),
    _r(
        "noon",
        B + r"(?P<word>(?i:noon|midnight|midday))(?:\s+(?P<weekday>" + WEEKDAY + r")|\s+(?P<dword>(?i:today|yesterday|tomorrow)))?" + E,
        1,
    ),
    _r("clock24", B + r"(?P<clock>(?:[01][0-9]|2[0-3])[:.]?[0-5][0-9])\s*(?P<h>(?i:hours|hrs|h))\b", 1),
    # weekday/day + part of day is handled by weekday/deictic_day rules
    # --- vague references --------------------------------------------
    # "the 1988 period", "the 1989 quarter": a period of a named year
    _r("year_period", B + r"(?P<the>(?i:the))\s+(?P<year>" + YEAR4 + r")\s+(?P<what>(?i:period|quarter|fiscal\s+year|season|first\s+half|second\s+half))" + E, 2),
    # "the latest period", "the corresponding period last year" (reports on a quarter)
    _r("report_period", B + r"(?i:the)\s+(?P<which>(?i:latest|most\s+recent|corresponding|comparable|same))\s+(?i:period)(?P<ago>\s+(?i:last\s+year|a\s+year\s+(?:ago|earlier)))?" + E, 2),
    # "mid-afternoon yesterday", "late morning today"
    _r("pod_deictic", B + r"(?P<mod>(?i:early|late|mid)[\s-]?)?(?P<pod>(?i:morning|afternoon|evening|night))\s+(?P<word>(?i:yesterday|today|tomorrow))" + E, 2),
    # "at night", "by day", "during the daytime"
    _r("bare_pod", _after("at", "by", "during", "in") + r"(?P<pod>(?i:night|nighttime|night-time|daytime|day-time))" + E, 0),
    # "year-end", "by year's end", "at month's end"
    _r("unit_end", B + r"(?P<unit>(?i:year|month|week|quarter))(?:['’]s\s+|[\s-])(?i:end)" + E, 1),
    # "the first day", "the fifth day of the rebellion", "its final week"
    _r(
        "ordinal_unit",
        B + r"(?P<det>(?i:the|its|their|his|her))\s+(?P<ord>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|opening|closing))\s+(?P<unit>(?i:day|days|week|weeks|month|months|year|years|night|evening|morning|afternoon|hour|hours))" + E,
        0,
    ),
    # "on the 20th", "from the 13th to the 19th of October"
    _r("ordinal_day", _after("on", "by", "from", "until", "till", "to", "and", "of", "after", "before") + r"(?P<the>(?i:the)\s+)(?P<day>(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th))(?=\s*(?:[,.;:)]|of\s+" + MONTH + r"|to\s|and\s|-))", 0),
    # "in 490" inside a narrative set before the common era
    _r("bare_year_bc", _after("in", "of", "by", "until", "till", "from", "to", "and", "since", "after", "before", "around", "about", "spring", "summer", "autumn", "fall", "winter") + r"(?P<year>[1-9][0-9]{1,2})(?![\w%]|[.,]\d|\s*(?:-|–)?\s*[a-z])", -1),
    # "the night of April 18, 1775", "early in the morning of 29 April 1975"
    _r(
        "pod_of_mdy",
        B + r"(?P<pre>(?i:(?:early|late)\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?)(?P<pod>(?i:morning|afternoon|evening|night))\s+(?i:of)\s+(?:" + _WD_G + r",?\s+)?"
        + _MONTH_G + r"\s+" + _DAY_G + r"(?:" + _COMMA + _YEAR_G + r")?" + E,
        5,
    ),
    _r(
        "pod_of_dmy",
        B + r"(?P<pre>(?i:(?:early|late)\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?)(?P<pod>(?i:morning|afternoon|evening|night))\s+(?i:of)\s+(?:" + _WD_G + r",?\s+)?"
        + _DAY_G + r"\s+" + _MONTH_G + r"(?:" + _COMMA + _YEAR_G + r")?" + E,
        5,
    ),
    # "the week of March 6", "the day before last Tuesday", "the day after
    # Christmas": a period fixed by the date it names (TIMEX3 takes the
    # whole phrase as one expression)
    _r(
        "unit_of_date",
        B + r"(?P<the>(?i:the))\s+(?P<unit>(?i:week|day))\s+(?P<rel>(?i:of|before|after|following|preceding))\s+"
        + r"(?:(?P<wrel>(?i:last|next|this))\s+(?P<weekday>" + WEEKDAY + r")|(?P<month>" + MONTH + r")\s+(?P<day>" + DAY_NUM + r")(?:,?\s+(?P<year>" + YEAR4 + r"))?)" + E,
        3,
    ),
    # "the day after", "the day before", "the day following"
    _r("day_after", B + r"(?P<the>(?i:the))\s+(?i:day)\s+(?P<dir>(?i:after|before|following|previous|prior))(?![\w-])(?!\s+(?i:yesterday|tomorrow))", 1),
    # holidays with a fixed or computable day
    _r(
        "holiday",
        B + r"(?P<hol>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]?s\s+(?:Day|Eve)|New\s+Year['’]?s|Easter\s+Sunday|Easter\s+Monday|Easter|Good\s+Friday|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Valentine['’]?s\s+Day|Boxing\s+Day|Bastille\s+Day|Armistice\s+Day|Election\s+Day|Hanukkah|Ramadan|Yom\s+Kippur)"
        + r"(?:(?:\s*,\s*|\s+)(?P<year>" + YEAR4 + r")|\s+(?P<pod>(?i:morning|afternoon|evening|night)))?" + E,
        1,
    ),
    # day ranges: "March 5-9, 1918", "28-29 May 1953"
    _r("month_day_range", B + _MONTH_G + r"\s+(?P<d1>" + DAY_NUM + r")\s*(?P<dash>[-–—]|to|until|through|and)\s*(?P<d2>" + DAY_NUM + r")(?:" + _COMMA + _YEAR_G + r")?" + E, 4),
    _r("day_month_range", B + r"(?P<d1>" + DAY_NUM + r")\s*(?P<dash>[-–—]|to|until|through|and)\s*(?P<d2>" + DAY_NUM + r")\s+" + _MONTH_G + r"(?:" + _COMMA + _YEAR_G + r")?" + E, 4),
    # "1915-16", "1940-41": the second year written with two digits
    _r("year_range2", B + r"(?P<y1>" + YEAR4 + r")(?P<dash>[-–/])(?P<y2>[0-9]{2})(?![\w%]|[.,]\d)", 2),
    # spoken years: "nineteen ninety-four", "the year two thousand"
    _r("year_words", B + r"(?P<pre>(?i:the\s+year\s+|in\s+))?(?P<yw>" + r"(?i:(?:eighteen|nineteen|twenty)[\s-](?:hundred(?:\s+and)?[\s-]?)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:(?:\s+and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)" + r")" + E, 0),
    _r("month_yearwords", B + _MONTH_G + r"(?:,)?\s+(?P<yw>(?i:(?:nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:(?:\s+and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten))?))" + E, 2),
    # narrative references to the time in focus: "at the time", "this period"
    _r("period_ref", B + r"(?P<word>(?i:the\s+same\s+time|that\s+same\s+time|that\s+time|this\s+time|the\s+time|this\s+period|that\s+period|the\s+same\s+period|the\s+period))(?![\w-])", -1),
    _r("ref", B + r"(?P<word>(?i:" + _alt([w for w in REF_WORDS if w not in ("earlier", "later", "once", "future", "the coming", "current", "recent", "the moment", "this time", "today's")])[3:-1] + r"))" + E, 0),
    _r("ref_adj", B + r"(?P<word>(?i:current|recent|former|future))(?=\s+(?:[a-z]|(?<=former\s)[A-Z]))", -1),
)

# Words that, right after a four-digit number, show it is a quantity, not a year.
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:-|–)?\s*(?:troops|soldiers|men|people|persons|casualties|dead|killed|wounded|prisoners|"
    r"tanks|aircraft|planes|guns|ships|vessels|miles|mi|kilometers|kilometres|km|meters|metres|m\b|feet|ft|"
    r"tons|tonnes|pounds|lbs|kg|dollars|dlrs|yen|euros|marks|francs|rubles|shares|points|votes|"
    r"members|workers|employees|jobs|cars|units|barrels|acres|hectares|square|cubic|calories|"
    r"civilians|refugees|combatants|fighters|rebels|insurgents|militants|police|policemen|officers|"
    r"sorties|rounds|shells|bombs|missiles|rockets|horses|cavalry|infantry|guerrillas|students|"
    r"children|women|deaths|lives|victims|residents|households|families|homes|houses|buildings|"
    r"cases|items|copies|pages|words|hours|minutes|seconds|days|weeks|months|years|yards|"
    r"strong|plus|-plus|mph|km/h|hp|MW|kW|GW|Mt|kt|bp|ppm|BTU|calibre|caliber|mm|cm)\b",
    re.I,
)
NOT_YEAR_BEFORE = re.compile(
    r"(?:\$|£|€|¥|US\$|A\$|C\$|\bNo\.|#|(?i:\bnumber|\broute|\bflight|\brooms?|\bbox|\bsuite|\bpages?|\bp\.|\bpp\.|"
    r"\bhighway|\bhill|\bheight\s+of|\bcode|\barticle|\bresolution|\bmodel|\bsection|\brule|\bunits?|\bapartment|\bbuilding|"
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller)\s+than|\btotal\s+of|\bapproximately|\bnearly|\balmost|\bsome|\ban\s+estimated|\bdow|\bindex|\bcall|\bphone|\bext\.?))\s*$",
)


# --------------------------------------------------------------------------
# Patterns the normaliser consults around a match
# --------------------------------------------------------------------------

FRACTION = re.compile(r"(\d+)\s+1/2|(\d+)\s*½")
AMOUNT_BEFORE = re.compile(r"(?:\d|\bcents?|\bdollars?|\bpercent|%|\bmillion|\bbillion|\btrillion|\btimes|\bpounds|\beuros|\byen|\bdlrs|\bpeople|\bbarrels|\btons|\bunits|\bcopies)\s*$", re.I)
RANGE_TAIL = re.compile(
    r"\s*(?:-|–|—|to|and|until|through|or)\s*(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r"|" + MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)\s*,?\s*(?P<y>" + YEAR4 + r")(?![\w])"
)
TOKEN = re.compile(r"[A-Za-z]+|\d+")
YEAR_IN_TEXT = re.compile(r"(?<![\w$£€.,])(1[0-9]{3}|20[0-9]{2})(?![\w%]|[.,]\d)")
BC_YEAR_IN_TEXT = re.compile(r"\b([1-9][0-9]{0,3})\s*(?:BC|B\.C\.|BCE)\b")
WEEKDAY_IN_TEXT = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DEICTIC_IN_TEXT = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|next\s+(?:week|month|year)|ago)\b", re.I)


# --------------------------------------------------------------------------
# Trigger words: every match of a rule holds one of them
# --------------------------------------------------------------------------

_UNIT_WORDS = {
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "night", "nights", "week", "weeks", "weekend", "weekends", "fortnight",
    "fortnights", "month", "months", "quarter", "quarters", "year", "years", "yrs", "decade",
    "decades", "century", "centuries", "millennium", "millennia", "season", "seasons",
}
_MONTH_WORDS = set(MONTHS) | {"sept"}
_WEEKDAY_WORDS = set(WEEKDAYS) | {"tues", "thurs"}
_WEEKDAY_PLURALS = {d + "s" for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
_SEASON_WORDS = set(SEASONS)
_POD_WORDS = {"morning", "afternoon", "evening", "night", "nights", "mornings", "evenings", "afternoons"}
_REF_TRIGGERS = {w.split()[-1].replace("'s", "") for w in REF_WORDS} | {"today"}
_SPOKEN_YEAR = {"eighteen", "nineteen", "twenty", "thousand"}
_HOLIDAY_WORDS = {
    "christmas", "new", "easter", "good", "thanksgiving", "independence", "halloween", "labor",
    "memorial", "veterans", "valentine", "valentines", "boxing", "bastille", "armistice", "election",
    "hanukkah", "ramadan", "yom",
}

_Y4 = r"1\d{3}|20\d{2}"
_TRIGGERS: dict[str, tuple[set[str], str | None]] = {
    "iso_date": (set(), _Y4), "us_date": (set(), r"\d{1,2}"), "clock24": ({"hours", "hrs", "h"}, None),
    "year_range2": (set(), _Y4), "year": (set(), _Y4), "year_bc": ({"bc", "bce", "b"}, None),
    "year_ad": ({"ad", "d", "ce"}, None), "time": (set(), r"\d{1,2}"), "year_period": (set(), _Y4),
    "day_month_range": (_MONTH_WORDS, None), "month_day_range": (_MONTH_WORDS, None),
    "month_day_year": (_MONTH_WORDS, None), "day_month_year": (_MONTH_WORDS, None),
    "month_dayword": (_MONTH_WORDS, None), "month_year": (_MONTH_WORDS, None),
    "month": (_MONTH_WORDS, None), "month_yearwords": (_MONTH_WORDS, None),
    "season": (_SEASON_WORDS, None), "year_season": (_SEASON_WORDS, None),
    "quarter": ({"quarter"}, None), "quarter_code": ({"q"}, None), "week_num": ({"week", "w"}, None),
    "half": ({"half"}, None), "year_short": ({"fiscal", "fy"}, None),
    "decade": ({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}, r"\d{1,3}0"),
    "century": ({"century"}, None),
    "deictic_day": ({"today", "yesterday", "tomorrow", "tonight"}, None),
    "pod_deictic": ({"today", "yesterday", "tomorrow"}, None),
    "part_of_day": (_POD_WORDS, None), "overnight": ({"overnight"}, None),
    "weekday": (_WEEKDAY_WORDS, None), "set_weekday_plural": (_WEEKDAY_PLURALS, None),
    "rel_unit": (_UNIT_WORDS, None), "year_earlier": ({"year"}, None),
    "offset": (_UNIT_WORDS, None), "duration": (_UNIT_WORDS, None),
    "duration_vague": (_UNIT_WORDS, None), "the_unit": (_UNIT_WORDS | _POD_WORDS, None),
    "duration_while": ({"while", "time", "period"}, None),
    "set_word": (set(SET_WORDS), None),
    "set_every": ({"every", "each", "per", "once", "twice"}, None),
    "noon": ({"noon", "midnight", "midday"}, None),
    "ref": (_REF_TRIGGERS, None), "ref_adj": ({"current", "recent", "former", "future"}, None),
    "day_after": ({"day"}, None), "holiday": (_HOLIDAY_WORDS, None),
    "year_words": (_SPOKEN_YEAR, None), "period_ref": ({"time", "period"}, None),
    "bare_pod": ({"night", "nighttime", "daytime", "time"}, None),
    "pod_of_mdy": (_POD_WORDS, None), "pod_of_dmy": (_POD_WORDS, None), "unit_end": ({"end"}, None),
    "ordinal_unit": ({"day", "days", "week", "weeks", "month", "months", "year", "years", "night", "evening", "morning", "afternoon", "hour", "hours"}, None),
    "ordinal_day": (set(), r"\d{1,2}"), "bare_year_bc": (set(), r"\d{2,3}"),
    "report_period": ({"period"}, None),
    "unit_of_date": ({"week", "day"}, None),
}

RULES = tuple(
    Rule(
        r.name, r.pattern, r.priority, frozenset(_TRIGGERS[r.name][0]),
        re.compile(_TRIGGERS[r.name][1]) if _TRIGGERS[r.name][1] else None,
    )
    for r in RULES
)
# How far (chars) a rule's match can reach left and right of its trigger
# word: the longest seen on the dev corpora plus a margin of 20. Windows
# scanned around each trigger extend this far.
_MARGINS: dict[str, tuple[int, int]] = {
    "century": (35, 25), "clock24": (25, 25), "day_after": (25, 30), "day_month_range": (30, 25),
    "day_month_year": (35, 35), "decade": (35, 20), "deictic_day": (30, 30), "duration": (45, 35),
    "duration_vague": (40, 30), "duration_while": (40, 20), "half": (35, 45), "holiday": (20, 30),
    "month": (40, 40), "month_day_range": (20, 30), "month_day_year": (40, 40), "month_dayword": (30, 35),
    "month_year": (35, 30), "month_yearwords": (20, 45), "noon": (20, 30), "offset": (45, 40),
    "overnight": (20, 20), "part_of_day": (35, 20), "period_ref": (30, 20), "pod_deictic": (35, 20),
    "quarter": (50, 40), "quarter_code": (20, 20), "ref": (30, 30), "ref_adj": (20, 20),
    "rel_unit": (50, 25), "season": (45, 30), "set_every": (30, 40), "set_word": (20, 20),
    "the_unit": (50, 25), "time": (35, 45), "weekday": (35, 30), "year": (35, 20), "year_bc": (30, 20),
    "year_earlier": (25, 35), "year_period": (25, 30), "year_range2": (20, 20), "year_season": (30, 25),
    "year_words": (35, 40), "bare_pod": (20, 20), "unit_end": (20, 20), "ordinal_unit": (30, 25),
    "ordinal_day": (20, 30), "bare_year_bc": (20, 20), "year_ad": (20, 20), "us_date": (20, 20),
    "iso_date": (20, 25), "year_short": (20, 20), "pod_of_mdy": (35, 45), "pod_of_dmy": (35, 45), "set_weekday_plural": (20, 25),
    "report_period": (40, 35), "unit_of_date": (25, 45), "week_num": (30, 30),
}
RULE_MARGINS: tuple[tuple[int, int], ...] = tuple(_MARGINS.get(r.name, (50, 50)) for r in RULES)
