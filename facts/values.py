"""Typed claim values and how they compare.

A claim's raw string becomes one of a small closed set of frozen values:

- ``Number(value, unit)`` — "74,000", "74000.0", "~74k", "1.2 million",
  "12%" (unit "%"). A bare integer such as "2012" is a Number; it is read as
  the year 2012 when compared with a date (see ``as_interval``).
- ``TimeOfDay(seconds, day)`` — a clock reading: "7:10 AM", "07:10", "7:10a",
  "19h05", "7:10 PM PST" (the zone is dropped: the clock reading is what
  sources of one item report), optionally on a day: "Dec 01 - 7:10 AM" gives
  ``day="--12-01"`` (ISO 8601 year-less), "2011-12-01 07:10" gives
  ``day="2011-12-01"``.
- ``DateInterval(date_start, date_end, precision)`` — a calendar period,
  both ends inclusive, with precision day/week/month/season/quarter/half/
  year/decade/century (``extractors.types.Precision``): "4 June 2012",
  "2012-06", "June 2012", "1990s". The events stage builds these directly.
- ``Text(text)`` — anything else, normalised: Unicode NFKC, accents removed,
  casefolded, tokens of letters or of digits joined by one space (so
  punctuation, spacing and "B22" / "B 22" do not matter).

Comparison, three notions (all pure):

- ``matches(a, b)``: the same value after normalisation (what the benchmark
  counts as correct). Numbers equal with the same unit; clock times equal,
  days equal when both have one (a year-less day matches any year); dates
  the same period; texts equal after normalisation.
- ``similarity(a, b)`` in [0, 1], symmetric: numbers by relative closeness
  (1 at equal, 0 from ``NUMBER_SCALE`` relative difference on), clock times
  1 when they match and falling to 0 at ``CLOCK_WINDOW_SECONDS`` apart,
  dates 1 when one contains the other and 0 when disjoint (partial overlap:
  the share of the shorter period covered), texts by token-set Jaccard.
- ``support(claimed, candidate)`` in [0, 1], directed: how much a claim of
  ``claimed`` speaks for ``candidate`` being true. It equals ``similarity``
  except between nested dates: a finer claim implies the coarser period
  (4 June 2012 ⇒ 2012: support 1); a coarser claim is consistent with but
  does not assert the finer one (2012 → 4 June 2012: ``COARSE_SUPPORT``).

``compatible(a, b)`` says two values can both be true (they match, or one
date contains the other, or one clock reading has no day and the other the
same clock). ``more_precise(a, b)`` says ``a`` refines ``b``: a compatible
value with a strictly shorter period (or a day where ``b`` has none).
"""

from __future__ import annotations

import math
import re
import unicodedata
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extractors.types import Precision
from facts import value_vocab as vocab

# Relative difference at which two numbers stop supporting each other.
NUMBER_SCALE = 0.02
# Seconds apart at which two clock readings stop supporting each other
# (small: a scheduled and an actual time minutes apart are different claims).
CLOCK_WINDOW_SECONDS = 5 * 60
# How much a coarser date claim speaks for a finer candidate inside it.
COARSE_SUPPORT = 0.5


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    unit: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", float(self.value) + 0.0)  # ints, -0.0


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    seconds: int  # since midnight, 0..86399
    day: str = ""  # "" | "YYYY-MM-DD" | "--MM-DD"


@dataclass(frozen=True, slots=True)
class DateInterval:
    date_start: date
    date_end: date  # inclusive
    precision: Precision

    def __post_init__(self) -> None:
        if self.date_end < self.date_start:
            raise ValueError(f"date_end {self.date_end} before date_start {self.date_start}")
        if not Precision.known(self.precision):
            raise ValueError(f"unknown precision {self.precision!r}")

    @property
    def days(self) -> int:
        return (self.date_end - self.date_start).days + 1


@dataclass(frozen=True, slots=True)
class Text:
    text: str  # normalised (see ``normalise_text``)


Value = Number | TimeOfDay | DateInterval | Text

_TYPE_ORDER = {Number: 0, TimeOfDay: 1, DateInterval: 2, Text: 3}


# --------------------------------------------------------------------------
# construction


def year_interval(year: int) -> DateInterval:
    return DateInterval(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)


def month_interval(year: int, month: int) -> DateInterval:
    return DateInterval(date(year, month, 1), date(year, month, monthrange(year, month)[1]), Precision.MONTH)


def day_interval(day: date) -> DateInterval:
    return DateInterval(day, day, Precision.DAY)


def decade_interval(first_year: int) -> DateInterval:
    return DateInterval(date(first_year, 1, 1), date(first_year + 9, 12, 31), Precision.DECADE)


def normalise_text(raw: str) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", raw))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(vocab.TOKEN.findall(s.casefold()))


def is_missing(raw: str) -> bool:
    """True for strings that state no value ("", "N/A", "Not Available", ...)."""
    return raw.strip().strip(".:;,").strip().casefold() in vocab.MISSING_TOKENS


@lru_cache(maxsize=1 << 16)
def parse_value(raw: str) -> Value:
    """Read one claim string into a typed value (never raises). Pure, so
    cached: claim values repeat a lot."""
    s = unicodedata.normalize("NFKC", raw).strip()
    s = re.sub(r"\s+", " ", s)
    if not s:
        return Text("")
    for reader in (_read_clock, _read_date, _read_number):
        value = reader(s)
        if value is not None:
            return value
    return Text(normalise_text(s))


def _month_number(token: str) -> int | None:
    if token.isdigit():
        n = int(token)
        return n if 1 <= n <= 12 else None
    return vocab.MONTHS.get(token.casefold().rstrip("."))


def _full_year(token: str) -> int:
    y = int(token)
    if len(token) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _read_day(s: str) -> str | None:
    """A whole string naming one day: ISO "YYYY-MM-DD", or "--MM-DD" when
    the year is not given. None when ``s`` is not exactly one day."""
    s = s.strip(" ,-–—()|@").strip()
    if not s:
        return None
    for pattern in vocab.DATE_PATTERNS:
        m = pattern.fullmatch(s)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("a") is not None:
            a, b = int(groups["a"]), int(groups["b"])
            month, day_ = (a, b) if a <= 12 else (b, a)
        else:
            month_ = _month_number(groups["mo"])
            if month_ is None:
                continue
            month, day_ = month_, int(groups["d"])
        year_token = groups.get("y")
        if not 1 <= month <= 12:
            continue
        if year_token is None:
            if not 1 <= day_ <= monthrange(2000, month)[1]:
                continue
            return f"--{month:02d}-{day_:02d}"
        year = _full_year(year_token)
        try:
            return date(year, month, day_).isoformat()
        except ValueError:
            continue
    return None


def _read_clock(s: str) -> TimeOfDay | None:
    s = vocab.MERIDIEM_GLUED.sub(r"\1 ", s)
    s = vocab.ISO_Z.sub(" Z", vocab.ISO_T.sub(" ", s))
    low = s.casefold()
    for word, seconds in vocab.NOON_MIDNIGHT.items():
        if re.search(rf"\b{word}\b", low):
            rest = re.sub(rf"\b(?:12\s*)?{word}\b", " ", low)
            day = _read_day(vocab.TIMEZONE.sub("", rest))
            if rest.strip(" ,-()") == "" or day:
                return TimeOfDay(seconds, day or "")
    for m in vocab.CLOCK.finditer(s):
        minutes = m.group("m") or m.group("dm")
        ampm = m.group("ampm")
        if minutes is None and ampm is None:
            continue
        hour, minute = int(m.group("h")), int(minutes or 0)
        second = int(m.group("s") or 0)
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm[0].casefold() == "p" else 0)
        if hour == 24 and minute == 0:
            hour = 0
        if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
            continue
        rest = (s[: m.start()] + " " + s[m.end() :]).strip()
        rest = vocab.TIMEZONE.sub("", rest).strip()
        seconds = hour * 3600 + minute * 60 + second
        if not rest or vocab.DATE_TIME_GLUE.fullmatch(rest):
            return TimeOfDay(seconds)
        day = _read_day(rest)
        if day is not None:
            return TimeOfDay(seconds, day)
        # a day written in parentheses, then remarks and status words around
        for inner in re.findall(r"\(([^()]*)\)", rest):
            day = _read_day(inner)
            if day is not None:
                break
        quiet = vocab.TIMEZONE.sub("", vocab.CLOCK_NOISE.sub(" ", rest)).strip()
        if not quiet or vocab.DATE_TIME_GLUE.fullmatch(quiet):
            return TimeOfDay(seconds, day or "")
        day2 = _read_day(quiet)
        if day2 is not None:
            return TimeOfDay(seconds, day2)
    return None


def _read_date(s: str) -> DateInterval | None:
    if m := vocab.DECADE.fullmatch(s):
        return decade_interval(int(m.group("y")) * 10)
    if m := vocab.ISO_MONTH.fullmatch(s):
        month = int(m.group("mo"))
        return month_interval(int(m.group("y")), month) if 1 <= month <= 12 else None
    if m := vocab.MONTH_YEAR.fullmatch(s):
        month_ = _month_number(m.group("mo"))
        return month_interval(int(m.group("y")), month_) if month_ else None
    day = _read_day(s)
    if day is not None and not day.startswith("--"):
        return day_interval(date.fromisoformat(day))
    return None


def _read_number(s: str) -> Number | None:
    s = vocab.NUMBER_HEDGE.sub("", s)
    s = vocab.CURRENCY_PREFIX.sub("", s)
    m = vocab.NUMBER.fullmatch(s)
    if not m or (m.group("int") is None and m.group("frac") is None):
        return None
    digits = re.sub(r"\D", "", m.group("int") or "0")
    number = float(digits + (m.group("frac") or ""))
    unit = (m.group("unit") or "").casefold()
    scale = (m.group("scale") or "").casefold()
    if scale:
        if scale in vocab.SCALE_WORDS:
            number *= vocab.SCALE_WORDS[scale]
        elif unit:
            return None  # two words after a number: not a plain quantity
        else:
            unit = scale
    if m.group("sign") in ("-", "−"):
        number = -number
    return Number(number + 0.0, unit)


# --------------------------------------------------------------------------
# comparison


def as_interval(v: Value) -> DateInterval | None:
    """The calendar period a value denotes: dates themselves, and integral
    unitless numbers 1000..2999 read as years. None for the rest."""
    if isinstance(v, DateInterval):
        return v
    if isinstance(v, Number) and not v.unit and v.value.is_integer() and 1000 <= v.value <= 2999:
        return year_interval(int(v.value))
    return None


def _days_match(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:]
    return a == b


def matches(a: Value, b: Value) -> bool:
    """The same value after normalisation (the benchmark's notion of correct)."""
    if isinstance(a, Number) and isinstance(b, Number):
        if a.unit != b.unit:
            return False
        return a.value == b.value or math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, TimeOfDay) and isinstance(b, TimeOfDay):
        return a.seconds == b.seconds and _days_match(a.day, b.day)
    ia, ib = as_interval(a), as_interval(b)
    if ia is not None and ib is not None and (isinstance(a, DateInterval) or isinstance(b, DateInterval)):
        return ia.date_start == ib.date_start and ia.date_end == ib.date_end
    if isinstance(a, Text) and isinstance(b, Text):
        return a.text == b.text
    return False


def compatible(a: Value, b: Value) -> bool:
    """Both can be true at once: they match, or one date contains the other."""
    if matches(a, b):
        return True
    ia, ib = as_interval(a), as_interval(b)
    if ia is not None and ib is not None:
        return _contains(ia, ib) or _contains(ib, ia)
    return False


def _contains(outer: DateInterval, inner: DateInterval) -> bool:
    return outer.date_start <= inner.date_start and inner.date_end <= outer.date_end


def more_precise(a: Value, b: Value) -> bool:
    """``a`` refines ``b``: compatible with it and strictly narrower."""
    if isinstance(a, TimeOfDay) and isinstance(b, TimeOfDay):
        return a.seconds == b.seconds and bool(a.day) and not b.day
    ia, ib = as_interval(a), as_interval(b)
    if ia is None or ib is None:
        return False
    return _contains(ib, ia) and ia.days < ib.days


def similarity(a: Value, b: Value) -> float:
    """Symmetric closeness in [0, 1] (1 for matching values)."""
    if isinstance(a, Number) and isinstance(b, Number):
        if a.unit != b.unit:
            return 0.0
        big = max(abs(a.value), abs(b.value))
        if big == 0.0:
            return 1.0
        rel = abs(a.value - b.value) / big
        return max(0.0, 1.0 - rel / NUMBER_SCALE)
    if isinstance(a, TimeOfDay) and isinstance(b, TimeOfDay):
        if not _days_match(a.day, b.day):
            return 0.0
        gap = abs(a.seconds - b.seconds)
        gap = min(gap, 86400 - gap)
        return max(0.0, 1.0 - gap / CLOCK_WINDOW_SECONDS)
    ia, ib = as_interval(a), as_interval(b)
    if ia is not None and ib is not None:
        lo, hi = max(ia.date_start, ib.date_start), min(ia.date_end, ib.date_end)
        if hi < lo:
            return 0.0
        overlap = (hi - lo).days + 1
        return overlap / min(ia.days, ib.days)
    if isinstance(a, Text) and isinstance(b, Text):
        if a.text == b.text:
            return 1.0
        ta, tb = set(a.text.split()), set(b.text.split())
        if not ta or not tb:
            return 0.0
        return len(ta & tb) / len(ta | tb)
    return 0.0


def support(claimed: Value, candidate: Value) -> float:
    """How much a claim of ``claimed`` speaks for ``candidate`` (directed)."""
    if more_precise(claimed, candidate):
        return 1.0
    if more_precise(candidate, claimed):
        return COARSE_SUPPORT
    return similarity(claimed, candidate)


def canonical_values(values: Sequence[Value]) -> dict[Value, Value]:
    """Map the values claimed for one item to one representative per group
    of values that state the same thing, so that formats do not split
    votes: a bare year number becomes the year when the item has dates
    ("2012" with "June 2012"); clock readings drop the day when the item's
    readings name at most one day (a flight's "7:10 AM" and "Dec 01 -
    7:10 AM" are one value) and otherwise keep it."""
    canon: dict[Value, Value] = {v: v for v in values}
    if any(isinstance(v, DateInterval) for v in values):
        for v in values:
            if isinstance(v, Number) and (iv := as_interval(v)) is not None:
                canon[v] = iv
    clocks = [v for v in values if isinstance(v, TimeOfDay)]
    month_days = {v.day[-5:] for v in clocks if v.day}
    if len(month_days) <= 1:
        full = {v.day for v in clocks if v.day and not v.day.startswith("--")}
        if len(full) == 1:
            day = next(iter(full))
        elif not full and month_days:
            day = "--" + next(iter(month_days))
        else:
            day = ""
        for v in clocks:
            canon[v] = TimeOfDay(v.seconds, day)
    return canon


def precision_days(v: Value) -> float:
    """How wide a value is, for "most precise" choices (smaller is finer):
    days for dates, 1 for a clock reading without a day, 0 otherwise."""
    if isinstance(v, DateInterval):
        return float(v.days)
    if isinstance(v, TimeOfDay) and not v.day:
        return 1.0
    return 0.0


def granularity(v: Value) -> float:
    """How finely a value is stated (smaller is finer), for "most precise"
    choices: for a date the rank of its calendar unit
    (``Precision.coarseness``), not the days of the period it spans, so
    "30 November - 12 December 2015" is stated to the day like "12 December
    2015" inside it (a day refines a month, not a span of days stated to the
    day); otherwise ``precision_days``."""
    if isinstance(v, DateInterval):
        return float(Precision(v.precision).coarseness)
    return precision_days(v)


def sort_key(v: Value) -> tuple:
    """A total order over values, for deterministic iteration and ties."""
    if isinstance(v, Number):
        return (0, v.unit, v.value, "")
    if isinstance(v, TimeOfDay):
        return (1, v.day, float(v.seconds), "")
    if isinstance(v, DateInterval):
        return (2, v.date_start.isoformat(), -float(v.days), v.precision)
    return (3, "", 0.0, v.text)


def format_value(v: Value) -> str:
    """A canonical string for a value (stable across runs)."""
    if isinstance(v, Number):
        text = str(int(v.value)) if v.value.is_integer() and abs(v.value) < 1e15 else repr(v.value)
        return f"{text}{' ' + v.unit if v.unit and v.unit != '%' else v.unit}"
    if isinstance(v, TimeOfDay):
        h, rem = divmod(v.seconds, 3600)
        m, s = divmod(rem, 60)
        clock = f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")
        return f"{v.day} {clock}" if v.day else clock
    if isinstance(v, DateInterval):
        if v.precision == Precision.DAY:
            return v.date_start.isoformat()
        if v.precision == Precision.MONTH and v.date_start.day == 1 and v.date_end == month_interval(v.date_start.year, v.date_start.month).date_end:
            return v.date_start.isoformat()[:7]
        if v.precision == Precision.YEAR and (v.date_start, v.date_end) == (year_interval(v.date_start.year).date_start, year_interval(v.date_start.year).date_end):
            return str(v.date_start.year)
        if v.precision == Precision.DECADE and v.date_start.month == 1 and v.date_start.day == 1 and v.date_end == v.date_start.replace(year=v.date_start.year + 9, month=12, day=31):
            return f"{v.date_start.year}s"
        return f"{v.date_start.isoformat()}/{v.date_end.isoformat()}"
    return v.text


__all__ = [
    "COARSE_SUPPORT",
    "CLOCK_WINDOW_SECONDS",
    "NUMBER_SCALE",
    "DateInterval",
    "Number",
    "Text",
    "TimeOfDay",
    "Value",
    "as_interval",
    "canonical_values",
    "compatible",
    "day_interval",
    "decade_interval",
    "format_value",
    "granularity",
    "is_missing",
    "matches",
    "month_interval",
    "more_precise",
    "normalise_text",
    "parse_value",
    "precision_days",
    "similarity",
    "sort_key",
    "support",
    "year_interval",
]
