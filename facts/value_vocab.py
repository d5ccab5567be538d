"""Vocabularies and compiled patterns that ``facts.values`` reads raw claim
strings with. Kept apart from the parsing logic so the rules can be read
(and extended) on their own.
"""

from __future__ import annotations

import re

from extractors.calendar_words import MONTHS as CALENDAR_MONTHS

# Strings that say "no value" rather than giving one. Compared after
# casefolding and stripping surrounding punctuation/whitespace.
MISSING_TOKENS = frozenset(
    {
        "",
        "-",
        "--",
        "---",
        "?",
        "n/a",
        "na",
        "n.a.",
        "none",
        "null",
        "nil",
        "nan",
        "unknown",
        "not available",
        "not applicable",
        "not known",
        "tbd",
        "tba",
    }
)

MONTHS = dict(CALENDAR_MONTHS)

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"

# Multipliers written after a number: "74k", "1.2 million".
SCALE_WORDS = {
    "k": 1e3,
    "thousand": 1e3,
    "mn": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}

# Hedges in front of a number: "~74,000", "about 74,000", "c. 74000".
NUMBER_HEDGE = re.compile(
    r"^(?:~|≈|\+/-|approx(?:imately|\.)?|about|around|roughly|circa|ca\.|c\.|est\.|estimated)\s*",
    re.IGNORECASE,
)
CURRENCY_PREFIX = re.compile(r"^(?:[$€£¥]|us\$|usd|eur|gbp)\s*", re.IGNORECASE)

# A plain number: optional sign, digits with optional thousands separators
# (comma, thin/normal space, apostrophe, underscore), optional decimals.
NUMBER = re.compile(
    r"""^(?P<sign>[+\-−]?)
        (?P<int>\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009'_])\d{3})+|\d+)?
        (?P<frac>\.\d+)?
        \s*(?P<scale>[a-z]+\b)?
        \s*(?P<unit>%|[a-z]+)?\.?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Time zone designators after a clock time: dropped (the clock reading is
# compared, not the instant; sources of one item share its local zone).
TIMEZONE = re.compile(
    r"\s*(?:\(?\b(?:[ecmpa][sd]t|utc|gmt|z|[a-z]{2,4}t)\b\)?|[+\-]\d{2}:?\d{2})\s*$",
    re.IGNORECASE,
)

# Clock time, searched inside a string: "7:10", "07:10:30", "7:10 AM",
# "7:10a", "7:10 p.m.", "7 pm", "19h05", "7.10pm" (a dot separates minutes
# only before a meridiem, else it is a decimal). A match counts as a clock
# time only with minutes or a meridiem.
CLOCK = re.compile(
    r"""(?<![\d:.])(?P<h>\d{1,2})
        (?: (?::|h)(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?
          | \.(?P<dm>\d{2})(?=\s*[ap]\.?m)
        )?
        \s*(?P<ampm>[ap](?:\.?\s?m\.?)?)?
        (?![\w:])""",
    re.IGNORECASE | re.VERBOSE,
)
# "7:10 AMDec 01" (seen in scraped flight pages): split meridiem from a word.
MERIDIEM_GLUED = re.compile(r"(\d\s*[ap]\.?m\.?)(?=[a-z])", re.IGNORECASE)

# Words that may sit around a clock reading without changing it: status
# words of timetables, "hrs", "local time", remarks in parentheses.
CLOCK_NOISE = re.compile(
    r"\((?:[^()]*)\)|\b(?:scheduled|sched|estimated|est|expected|actual|landed|departed|arrived|"
    r"arrives?|departs?|on\s+time|delayed|early|late|hrs?|hours|h|local(?:\s+time)?|noon|midnight|midday|at)\b\.?",
    re.IGNORECASE,
)
# "2011-12-01T07:10:00Z": ISO separators the clock pattern must not see.
ISO_T = re.compile(r"(?<=\d)T(?=\d)")
ISO_Z = re.compile(r"(?<=\d)Z\b")

NOON_MIDNIGHT = {"noon": 12 * 3600, "midday": 12 * 3600, "midnight": 0}

# Date forms. Each yields named groups y (year), mo (month number or name),
# d (day); a missing year gives a year-less date ("Dec 01").
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE | re.VERBOSE)
    for p in (
        # 2011-12-01, 2011/12/01, 2011.12.01
        r"(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})",
        # 12/01/2011, 12-01-2011 (month first unless the first number > 12)
        r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?!\d)",
        # Dec 01, 2011 / December 1st 2011 / Dec 01
        rf"(?:{_WEEKDAY}\s*)?(?P<mo>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\d:])",
        # 1 December 2011 / 01 Dec
        rf"(?:{_WEEKDAY}\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mo>{_MONTH_ALT})\.?(?:,?\s+(?P<y>\d{{4}}))?",
        # 12/01 (month/day, no year) - only next to a clock time
        r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![/\d])",
    )
)

# Whole-string date forms of coarser precision.
MONTH_YEAR = re.compile(rf"^(?P<mo>{_MONTH_ALT})\.?,?\s+(?P<y>\d{{4}})$", re.IGNORECASE)
ISO_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<mo>\d{2})$")
YEAR = re.compile(r"^(?P<y>\d{4})$")
DECADE = re.compile(r"^(?:the\s+)?(?P<y>\d{3})0'?s$", re.IGNORECASE)

# Separators allowed between a date and a clock time: "Dec 01 - 7:10 AM",
# "2011-12-01T07:10", "7:10 AM (Dec 01)".
DATE_TIME_GLUE = re.compile(r"^[\s,;:.\-–—@()|]*$")

# Text normalisation: everything that is not a letter or digit separates
# tokens, and so does a change between letters and digits ("B22" = "B 22").
TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
