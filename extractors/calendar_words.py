"""Calendar word lists of English text, read once from ``data/calendar_words.toml``.

One file holds the month, weekday, season, part-of-day, number and ordinal
words and the holidays; the temporal tagger, page dates and the value
vocabulary all read them from here. A holiday the file cannot date (see
:class:`Holiday`) is refused when the file is read.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from convertdate import hebrew, islamic
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday

PATH = Path(__file__).parent / "data" / "calendar_words.toml"
_DATA = tomllib.loads(PATH.read_text(encoding="utf-8"))

MONTHS: dict[str, int] = dict(_DATA["months"])
MONTHS_OTHER_LANGUAGES: dict[str, int] = dict(_DATA["months_other_languages"])
WEEKDAYS: dict[str, int] = dict(_DATA["weekdays"])  # ISO weekday numbers, Monday = 1
SEASONS: dict[str, str] = dict(_DATA["seasons"])
SEASON_WORDS = frozenset(SEASONS)
SEASON_MONTHS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _DATA["season_months"].items()}
PARTS_OF_DAY: dict[str, str] = dict(_DATA["parts_of_day"])
NUMBER_WORDS: dict[str, int | float] = dict(_DATA["number_words"])
ORDINALS: dict[str, int] = dict(_DATA["ordinals"])


def _full_names(table: dict[str, int]) -> frozenset[str]:
    """The full name of each number of a table of names and abbreviations: its longest key."""
    longest: dict[int, str] = {}
    for word, n in table.items():
        if len(word) > len(longest.get(n, "")):
            longest[n] = word
    return frozenset(longest.values())


# a month written as a word, longest names first, with an abbreviation's optional stop ("Sept.", "March")
MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
MONTH_NAMES = _full_names(MONTHS)  # "january" .. "december", no abbreviation ("jan", "sept")
WEEKDAY_NAMES = _full_names(WEEKDAYS)  # "monday" .. "sunday"


def _own_words(table: dict[str, int | float]) -> dict[str, int]:
    """Each whole number's own word: the first one-word name the table gives it."""
    out: dict[str, int] = {}
    for word, n in table.items():
        if isinstance(n, int) and word.isalpha() and n not in out.values():
            out[word] = n
    return out


# "zero" .. "twenty", the tens to "ninety", "hundred", "thousand" ("twelve", not "dozen"; "one", not "a",
# "an" or "single"; no "fourty")
CARDINAL_WORDS = _own_words(NUMBER_WORDS)


def holiday_key(name: str) -> str:
    """The lookup key of a holiday as written: lower case, one blank, no apostrophe."""
    return re.sub(r"\s+", " ", name.lower()).replace("’", "").replace("'", "")


# Calendars a holiday's month and day may be given in, each as (to_gregorian,
# from_gregorian) of convertdate: the Hebrew calendar (month 1 is Nisan, 7
# Tishrei, 9 Kislev) and the arithmetical Islamic calendar (month 9 is
# Ramadan), which may differ by a day from a calendar set by sighting the moon.
LUNAR_CALENDARS = {
    "hebrew": (hebrew.to_gregorian, hebrew.from_gregorian),
    "islamic": (islamic.to_gregorian, islamic.from_gregorian),
}


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday and how to date it in a year: a fixed day (``month``, ``day``)
    of the Gregorian calendar or of another ``calendar`` (hebrew, islamic:
    the first such day in the Gregorian year), days after Western Easter
    (``easter``), or the ``nth`` ISO ``weekday`` of ``month`` (-1: the last)
    plus ``days``."""

    name: str
    month: int | None = None
    day: int | None = None
    easter: int | None = None
    weekday: int | None = None
    nth: int | None = None
    days: int = 0
    calendar: str = "gregorian"

    def __post_init__(self) -> None:
        fixed = self.month is not None and self.day is not None and self.weekday is None and self.easter is None
        moving = self.easter is not None and self.month is None and self.day is None and self.weekday is None
        nth = self.month is not None and self.weekday is not None and self.nth is not None and self.day is None and self.easter is None
        if [fixed, moving, nth].count(True) != 1:
            raise ValueError(f"{PATH.name}: holiday {self.name!r} needs exactly one way to date it (month+day, easter, or month+weekday+nth)")
        if self.calendar != "gregorian" and (self.calendar not in LUNAR_CALENDARS or not fixed):
            raise ValueError(f"{PATH.name}: holiday {self.name!r}: calendar {self.calendar!r} takes a month and a day "
                             f"(calendars: gregorian, {', '.join(LUNAR_CALENDARS)})")

    @property
    def gregorian(self) -> bool:
        """Whether the holiday keeps its Gregorian month from year to year."""
        return self.calendar == "gregorian"

    def date_in(self, year: int) -> date | None:
        """The holiday's day in ``year``; None outside the calendar's range."""
        try:
            if not self.gregorian:
                return _lunar_date(self.calendar, self.month, self.day, year)
            if self.easter is not None:
                return easter(year) + relativedelta(days=self.easter)
            assert self.month is not None  # __post_init__: every other way has a month
            if self.day is not None:
                return date(year, self.month, self.day)
            assert self.weekday is not None and self.nth is not None
            wd = weekday(self.weekday - 1, self.nth)
            first = date(year, self.month, 1)
            d = first + relativedelta(weekday=wd) if self.nth > 0 else first + relativedelta(day=31, weekday=wd)
            return d + relativedelta(days=self.days)
        except (ValueError, OverflowError):
            return None


def _lunar_date(calendar: str, month: int | None, day: int | None, year: int) -> date | None:
    """The first day of ``year`` (Gregorian) that is ``day`` ``month`` of the
    other calendar; None when the year has none (a lunar year is shorter)."""
    if year < 1 or month is None or day is None:
        return None
    to_gregorian, from_gregorian = LUNAR_CALENDARS[calendar]
    first, last = from_gregorian(year, 1, 1)[0], from_gregorian(year, 12, 31)[0]
    days = [date(*to_gregorian(y, month, day)) for y in range(first, last + 1)]
    return min((d for d in days if d.year == year), default=None)


HOLIDAYS: dict[str, Holiday] = {name: Holiday(name, **spec) for name, spec in _DATA["holidays"].items()}
HOLIDAYS_BY_KEY: dict[str, Holiday] = {holiday_key(h.name): h for h in HOLIDAYS.values()}


_YEARLESS = re.compile(
    r"(?:(?:in|during|by|for|over|through|until|since|before|after|at)\s+)?(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?(?P<word>.+)",
    re.I,
)


def yearless_period(text: str) -> bool:
    """A month, season or holiday named with no year and no relative word of
    its own ("June", "in summer", "before Christmas"): a time of every year."""
    m = _YEARLESS.fullmatch(text.strip())
    if m is None:
        return False
    word = m.group("word").lower()
    return word in MONTHS or word in SEASONS or holiday_key(word) in HOLIDAYS_BY_KEY


# going forward, a day of month <= EARLY_MONTH after one of month >= LATE_MONTH is next year's
LATE_MONTH = 10
EARLY_MONTH = 3


def year_offsets(days: Sequence[tuple[int, int]]) -> list[int]:
    """Each (month, day) in page order -> years after (or before) the first
    day's year. The page runs forward unless more of its steps go back (a
    timeline newest first); going forward, a step from the last quarter to the
    first ("December 20", then "January 3") turns the year, going back the
    reverse step turns it back."""
    steps = list(zip(days, days[1:]))
    back = sum(1 for a, b in steps if b < a) > sum(1 for a, b in steps if b > a)
    out, year = [0] * len(days), 0
    for k, (a, b) in enumerate(steps, start=1):
        if not back and a[0] >= LATE_MONTH and b[0] <= EARLY_MONTH:
            year += 1
        elif back and a[0] <= EARLY_MONTH and b[0] >= LATE_MONTH:
            year -= 1
        out[k] = year
    return out
