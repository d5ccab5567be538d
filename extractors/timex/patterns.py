"""Word lists and regex building blocks of the temporal tagger.

Only data lives here: the vocabularies the tagger adds to the calendar words
of ``extractors/data/calendar_words.toml`` (units, frequencies, vague
references), the patterns its rules are built from, the cue patterns the
normalisers consult around a match (tense, roles, quantities that are not
years) and the trigger word sets of the rules. The rules themselves, one
record each, are in :mod:`extractors.timex.rules`.
"""

from __future__ import annotations

import re

from extractors.calendar_words import (  # noqa: F401  (re-exported: R.MONTHS, ...)
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON_MONTHS,
    SEASON_WORDS,
    SEASONS,
    WEEKDAYS,
)

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
# reporting verbs in the past tense
REPORTED_PAST = r"said|announced|confirmed|stated|wrote|tweeted|reported|revealed|disclosed|declared|added|warned"
REPORTED_RIGHT_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:" + REPORTED_PAST + r"|told)\b", re.I)

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
# A count up to now ("I've had it two years now", "for ten years now and
# ..."; the offset rule reads it): the state holds since that long before
# the anchor, so its mention's role is since.
COUNT_NOW_TEXT = re.compile(r"\s+now$", re.I)
# "since then", "before then", "by then": the period named just before
THEN_ANAPHOR = re.compile(r"\b(?P<cue>ever\s+since|since|until|till|before|by)\s+then\b(?!\s+(?:on|onwards?)\b)", re.I)
# A count from a date: "three years later", "a day before the deal closed" (after a duration);
# "one week later than the last edition" compares with another date.
COUNTED_DIR = re.compile(r"\s+(?P<dir>later|earlier|afterwards?|before|after|prior)\b(?!\s+than\b)(?P<np>\s+(?:to\s+)?[\w'’])?", re.I)
# A duration that is not counted from a date ("for three years after", "within a week of"),
# or a round one ("less than three months after", "about a year later").
COUNT_NOT_FROM = re.compile(
    r"\b(?:for|over|within|during|in|the|than|of|some|by|until|till|since|about|around|approximately|roughly|"
    r"nearly|almost|barely|just|only)\s+$", re.I)
# Where a fronted count opens its sentence or clause: "A day before the deal closed, ...".
COUNT_OPENS = re.compile(r"(?:^|[.!?;:]\s+|\n\s*|,\s+(?:and\s+|but\s+)?|\b(?:and|but)\s+)$")
# Where the phrase a count is counted from ends ("two days after the 3 May vote, ..."),
# and where its sentence ends.
COUNT_PHRASE_END = re.compile(r"[,;:.!?](?:\s|$)|\n")
COUNT_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
# Where a sentence ends: a full stop, question or exclamation mark before a blank, or a line break.
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# "pre-2020" (until the year before), "post-2020" (since the year after)
PRE_POST_RX = re.compile(r"\b(?P<w>pre|post)[-–]$", re.I)
BY_RX = re.compile(r"\b(?:by|until|till|through)\s+$", re.I)  # before "the end of 2014"
FROM_RX = re.compile(r"\b(?:from|between)\s+(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?$", re.I)
JOIN_RX = re.compile(r"^\s*(?:-|–|—|to|and|until|till|through|thru)\s*$", re.I)
TO_RX = re.compile(r"^\s*(?:to|until|till|through|thru)\s*$", re.I)
DASH_RX = re.compile(r"^\s*(?:-|–|—|/)\s*$")
AND_RX = re.compile(r"^\s+and\s+$", re.I)
# between days of one list: "March 10, March 11 and March 12", "10 & 11 May"
DAY_LIST_AND = re.compile(r"^\s*,?\s*(?:and|&)\s*$", re.I)
DAY_LIST_COMMA = re.compile(r"^\s*,\s*$")
# a four-digit or apostrophe year written in a date's own text ("March 10, 2026", "10 May '26")
YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[0-9]{3}|20[0-9]{2})(?!\d)|['’]\d{2}\b")
# between a clock time and the day it belongs to: "5 p.m. on Oct. 28", "7 pm, March 3"
CLOCK_DAY_GAP = re.compile(r"^\s*(?:on\s+|,\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.I)
DAYNUM_AFTER = re.compile(r"\s*(?P<join>-|–|—|to|and|&|until|through)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|,\d|\.\d|[:/]))")
# a plural noun right after such a number: the number counts it ("On May 3 and 17 delegates voted", "... and 30
# people attended"), it is no day
COUNTED_AFTER = re.compile(
    r"\s+(?:people|men|women|children|(?!(?:was|has|does|is|this|thus|its|his|hers|ours|yours|as|us|plus|less|unless"
    r"|across|always|perhaps|besides|whereas)\b)[a-z]{2,}[^su\W]s)\b")


def counts_after_and(join: str, text: str, end: int) -> bool:
    """The number a day's "and" (or "&", ``join``) joins on, ending at ``text[end]``, counts the plural noun after
    it: no second day ("On May 3 and 17 delegates voted")."""
    return join.lower() in ("and", "&") and COUNTED_AFTER.match(text, end) is not None

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
# A present tense that schedules a happening ("the show opens Friday", "tickets go on sale Friday", "the
# Senate votes Tuesday"): with a bare weekday and no other tense cue, the coming one. Third person singular
# forms only ("go on sale" besides), and no "is"/"are", "start" or "end": "is open every night but Monday",
# "It's a Saturday afternoon in Austin", "I start with Day 1 on Sunday and end with Day 7 on Saturday"
# describe a week or a scene
SCHEDULED_PRESENT = re.compile(
    r"\b(?:opens|reopens|begins|kicks\s+off|go(?:es)?\s+on\s+sale|arrives|returns|launches|debuts|"
    r"premieres|airs|resumes|takes\s+place|votes|hosts|visits|heads\s+to|travels\s+to)\b",
    re.I,
)
# a verb in the past tense right before a date ("announced Tuesday", "released on Wednesday"): a regular
# past or one of the irregular ones of PAST_STRONG
PAST_VERB_RIGHT_BEFORE = re.compile(
    r"\b(?P<verb>said|told|announced|reported|began|came|went|took|made|held|left|met|saw|gave|got|fell|rose|won|"
    r"lost|sent|found|became|brought|bought|sold|led|spent|built|paid|ran|chose|drew|flew|grew|spoke|struck|wrote|"
    r"broke|[a-z]+ed)\s+(?:on\s+)?$", re.I)
# a reporting verb in the past tense right before a date ("said on Tuesday", "announced Wednesday"): the
# date is the report's day
REPORTED_RIGHT_BEFORE = re.compile(
    r"\b(?P<verb>" + REPORTED_PAST + r"|noted|acknowledged|insisted|argued|claimed|explained)\s+(?:on\s+)?$", re.I)
# ... that is no tensed verb: after "to", a modal or "will", or a determiner ("a delayed Tuesday launch")
VERB_NOT_TENSED_BEFORE = re.compile(
    r"\b(?:to|will|would|shall|should|can|could|may|might|must|a|an|the|its|their|his|her|our|this|that|these|those)"
    r"\s+(?:\w+ly\s+)?$|'ll\s+$", re.I)
# A past participle after a form of "be" is a passive, not a past tense:
# "dividends would be paid in January", "the case is heard in May".
PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am)\s+(?:\w+ly\s+)?$", re.I)
# ... and one after a determiner is an adjective: "on a still unspecified date".
ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:\w+\s+)?$", re.I)
# "was/were" before a word of planning is a future seen from the past:
# "protesters were planning to march on Saturday", "was due to meet Friday".
PAST_AUX_OF_PLAN = re.compile(r"\s+(?:planning|scheduled|expected|due|set|supposed|going|about|slated|preparing|hoping)\b", re.I)
SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+(?:(?:early|late|last)\s+)?$", re.I)
# the period a report compares with a year before: a span of months ("the
# first nine months", "the six-month period"; not "has 9 months of cash") or a quarter
REPORT_PERIOD = re.compile(r"\b(?:(?P<months>the\s+(?:first\s+|last\s+|past\s+|latest\s+)?(?:six|nine|6|9)\s+months"
                           r"|(?:six|nine|6|9)-month\s+period)|quarter)\b", re.I)
# the end of a reported period: "the fiscal year ended Jan. 31", "the quarter
# that ended Oct. 31" (a past end: results are reported after it). A limit: "ended"
# after any other noun ("the strike that ended Jan. 31") is read as a plain month-day,
# which may fall after the page's day
PERIOD_ENDED_BEFORE = re.compile(r"\b(?:year|quarter|half|period|months|weeks|season)\s+(?:that\s+|which\s+)?ended\s+$", re.I)
# a date inside a "since" phrase: "searching since shortly after the Oct. 23
# slaying", "since the slaying on Oct. 23" (a few words, none of them a verb
# of its own: "since the vote is on Oct. 23" gives a reason)
SINCE_PHRASE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+(?:[^\W\d][\w'’.-]*\s+){1,5}$", re.I)
SINCE_PHRASE_VERB = re.compile(r"\b(?:is|are|was|were|be|been|will|would|has|have|had|can|could|may|might|must|should|do|does|did)\b|'s\b", re.I)
# a present or past perfect: "has been shut", "have searched", "had long held"
PERFECT_TENSE = re.compile(r"\b(?:has|have|had|hasn't|haven't|hadn't|'ve)\s+(?:(?:not|never|long|already|also|only|just|all|largely)\s+)?"
                           r"(?:been|[a-z]+(?:ed|en|wn|ne|ught|ung|id|ld|lt|pt|de))\b", re.I)
NOT_PAST_ED = {"supposed", "scheduled", "expected", "planned", "slated", "proposed", "intended", "anticipated", "called", "needed", "based", "united", "red", "bed", "hundred", "speed", "need", "feed", "seed", "indeed", "bred"}

# --------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------


def alternation(words) -> str:
    """Alternation of words, longest first, spaces matching any blank run."""
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


# Month names are matched with a capital initial (or all capitals): "may",
# "march" and "sun" are ordinary words in lower case.
_MONTH_FULL = [m for m in MONTHS if len(m) > 3 and m != "sept"] + ["may"]
# abbreviations: the month words a longer month word starts with ("Jan", "Sept")
_MONTH_ABBR = [m.capitalize() for m in MONTHS if any(f != m and f.startswith(m) for f in MONTHS)]
_WEEKDAY_FULL = [d for d in WEEKDAYS if d.endswith("day")]


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

# a weekday's abbreviation ("Tue", "Thurs"): a weekday with a full stop after it, or before a date's comma
# (extractors.timex.rules.days.WD_DATE_G)
WEEKDAY_ABBR = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
WEEKDAY = (
    "(?:" + "|".join(_cap(d) for d in _WEEKDAY_FULL)
    + "|" + WEEKDAY_ABBR + r"\.)"
)

DAY_NUM = r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
DAY_ORD_WORD = alternation([k for k, v in ORDINALS.items() if 0 < v <= 31])
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})"
YEAR_APOS = r"(?:['’][0-9]{2})"

_CARDINALS = sorted({k for k, v in NUMBER_WORDS.items() if isinstance(v, int) and v >= 1}, key=len, reverse=True)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMBER_WORD = (
    "(?i:(?:" + "|".join(_TENS) + r")[\s-](?:" + "|".join(_ONES) + ")"
    + "|" + alternation(_CARDINALS) + ")"
)
NUMBER_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|\s*½)?"
VAGUE = "(?i:" + alternation(VAGUE_QUANTITIES) + ")"
QUANTITY = (
    r"(?:(?:" + NUMBER_DIGITS + "|" + NUMBER_WORD + r")(?:\s+and\s+a\s+half)?"
    + r"(?:\s+(?:or|to)\s+(?:" + NUMBER_DIGITS + "|" + NUMBER_WORD + r"))?"
    + "|" + VAGUE + ")"
)

UNIT_SG = alternation([u for u in UNITS if u not in ("season",)])
UNIT_PL = alternation([p for p, u in UNIT_PLURALS.items() if u not in ("season",) and p not in ("min", "hr")])
UNIT_ANY = "(?i:" + UNIT_PL + "|" + UNIT_SG + ")"

SEASON = alternation(list(SEASONS))

# Holiday names as written, longest first; an apostrophe may be left out
# ("New Years Day") or curly ("New Year’s").
HOLIDAY = "(?:" + "|".join(
    re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]?") for h in sorted(HOLIDAYS, key=len, reverse=True)
) + ")"




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


def after_word(*words: str) -> str:
    """Lookbehind for one of ``words`` and a blank (fixed-width pieces)."""
    return "(?:" + "|".join(r"(?<=\b" + re.escape(w) + r"\s)" for w in words) + ")"


B = r"(?<![\w$£€])"  # left word boundary that also refuses currency signs
E = r"(?![\w%])"  # right word boundary that also refuses "%"

DAY_G = r"(?P<day>" + DAY_NUM + ")"
DAYW_G = r"(?P<dayw>" + DAY_ORD_WORD + ")"
MONTH_G = r"(?P<month>" + MONTH + ")"
YEAR_G = r"(?P<year>" + YEAR4 + "|" + YEAR_APOS + ")"
WD_G = r"(?P<weekday>" + WEEKDAY + ")"
MOD_G = r"(?:(?P<mod>(?i:early|mid|late|the\s+(?:start|beginning|end|middle|close)\s+of|(?:the\s+)?(?:start|beginning|end|middle)\s+of))[\s-]+)"
COMMA = r"(?:\s*,\s*|\s+)"
# "12 Sep. 2018 13:28": a clock time right after a full date belongs to it
CLOCK_TAIL = r"(?:,?\s+(?:at\s+)?(?P<clock>(?:[01]?[0-9]|2[0-3]):[0-5][0-9])(?![\w:]))?"


NOT_YEAR_AFTER = re.compile(
    r"\s*(?:-|–)?\s*(?:troops|soldiers|men|people|persons|casualties|dead|killed|wounded|prisoners|"
    r"tanks|aircraft|planes|guns|ships|vessels|miles|mi|kilometers|kilometres|km|meters|metres|m\b|feet|ft|"
    r"tons|tonnes|pounds|lbs|kg|dollars|dlrs|yen|euros|marks|francs|rubles|shares|points|votes|"
    r"members|workers|employees|jobs|cars|units|barrels|acres|hectares|square|cubic|calories|"
    r"civilians|refugees|combatants|fighters|rebels|insurgents|militants|police|policemen|officers|"
    r"sorties|rounds|shells|bombs|missiles|rockets|horses|cavalry|infantry|guerrillas|students|"
    r"children|women|deaths|lives|victims|residents|households|families|homes|houses|buildings|"
    r"cases|items|copies|pages|words|hours|minutes|seconds|days|weeks|months|years|yards|"
    r"strong|plus|-plus|mph|km/h|hp|MW|kW|GW|Mt|kt|bp|ppm|BTU|calibre|caliber|mm|cm|"
    # electrical, data, power and volume units (never a single letter or a word: "A", "W", "bar")
    r"watts?|kWh|Wh|mAh|Ah|volts?|amps?|ohms?|lumens?|rpm|Hz|kHz|MHz|GHz|bytes|KB|MB|GB|TB|kbps|Mbps|Gbps|"
    r"dpi|ppi|liters?|litres?|ml|gallons?|ounces?|oz|grams?|mg|sq\.?\s*ft|sqft|inches|psi|lux|decibels?|dB|knots?)"
    r"(?![\w-])",
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
# A quarter or half of a written year ("the second quarter of 2025", "Q3 2024", "2024 Q3", "H1 2023",
# "the first half of 2026"): the period a yearless day of the same sentence may lie in.
PART_OF_YEAR = re.compile(
    r"\b(?:(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|(?P<hord>first|second)[\s-]+half"
    r"|Q(?P<qn>[1-4])|H(?P<hn>[12]))(?:\s+of)?,?\s+(?P<y>" + YEAR4 + r")(?![\w%]|[.,]\d)"
    r"|\b(?P<y2>" + YEAR4 + r")\s+(?:Q(?P<qn2>[1-4])|H(?P<hn2>[12]))\b",
    re.I,
)
TOKEN = re.compile(r"[A-Za-z]+|\d+")
YEAR_IN_TEXT = re.compile(r"(?<![\w$£€.,])(1[0-9]{3}|20[0-9]{2})(?![\w%]|[.,]\d)")
BC_YEAR_IN_TEXT = re.compile(r"\b([1-9][0-9]{0,3})\s*(?:BC|B\.C\.|BCE)\b")
WEEKDAY_IN_TEXT = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DEICTIC_IN_TEXT = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|next\s+(?:week|month|year)|ago)\b", re.I)


# --------------------------------------------------------------------------
# Trigger words: every match of a rule holds one of them
# --------------------------------------------------------------------------

UNIT_WORDS = {
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "night", "nights", "week", "weeks", "weekend", "weekends", "fortnight",
    "fortnights", "month", "months", "quarter", "quarters", "year", "years", "yrs", "decade",
    "decades", "century", "centuries", "millennium", "millennia", "season", "seasons",
}
MONTH_WORDS = set(MONTHS) | {"sept"}
WEEKDAY_WORDS = set(WEEKDAYS) | {"tues", "thurs"}
WEEKDAY_PLURALS = {d + "s" for d in _WEEKDAY_FULL}
POD_WORDS = {"morning", "afternoon", "evening", "night", "nights", "mornings", "evenings", "afternoons"}
REF_TRIGGERS = {w.split()[-1].replace("'s", "") for w in REF_WORDS} | {"today"}
SPOKEN_YEAR = {"eighteen", "nineteen", "twenty", "thousand"}


def _holiday_first_words(name: str) -> set[str]:
    """The trigger words of a holiday: its first run of letters and its first word without apostrophes."""
    letters = re.match(r"[A-Za-z]+", name)
    if letters is None:
        raise ValueError(f"holiday {name!r} of calendar_words.toml does not begin with a letter")
    return {letters.group(0).lower(), name.split()[0].lower().replace("'", "")}


# first words of the holidays of calendar_words.toml ("valentines" for "Valentines Day")
HOLIDAY_WORDS = {w for name in HOLIDAYS for w in _holiday_first_words(name)}

YEAR4_DIGITS = r"1\d{3}|20\d{2}"
