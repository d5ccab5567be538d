"""Numbers, ordinals, month and weekday names, modifiers and durations as the
normalisers read them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.timex import patterns as R

if TYPE_CHECKING:
    from extractors.timex.context import Ctx


def quantity(text: str) -> float | None:
    """Value of a quantity phrase; None for vague ones ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    m = re.match(r"^(\S+(?: \S+)?) (?:or|to) (.+)$", t)
    if m and not t.startswith("a couple"):
        t = m.group(2)  # "two or three" -> the upper bound
    f = R.FRACTION.fullmatch(t)
    if f:
        return int(f.group(1) or f.group(2)) + 0.5
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    if t in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[t] + half
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](one|two|three|four|five|six|seven|eight|nine)", t)
    if m:
        return R.NUMBER_WORDS[m.group(1)] + R.NUMBER_WORDS[m.group(2)] + half
    return None


def _num_str(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else ("%g" % x)


def ordinal(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in R.ORDINALS:
        return R.ORDINALS[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    return int(m.group(1)) if m else None


def month_num(text: str) -> int | None:
    return R.MONTHS.get(text.lower().rstrip(".")[:4].rstrip(".")) or R.MONTHS.get(text.lower().rstrip("."))


def weekday_num(text: str) -> int | None:
    t = text.lower().rstrip(".")
    if t.endswith("s") and t[:-1] in R.WEEKDAYS:
        t = t[:-1]
    return R.WEEKDAYS.get(t)


def year_num(text: str, ctx: Ctx | None = None) -> int:
    t = text.strip().lstrip("'’")
    y = int(t)
    if len(t) == 2:
        base = ctx.anchor.year if ctx is not None and ctx.anchor else 2000
        cands = [(base // 100) * 100 + y - 100, (base // 100) * 100 + y, (base // 100) * 100 + y + 100]
        return min(cands, key=lambda c: (abs(c - base) if c <= base + 10 else 1000 + c - base))
    return y


_MOD_WORDS = {
    "early": "START", "mid": "MID", "middle": "MID", "late": "END",
    "the start of": "START", "the beginning of": "START", "the end of": "END",
    "the middle of": "MID", "the close of": "END", "start of": "START",
    "beginning of": "START", "end of": "END", "middle of": "MID",
    "earlier": "START", "later": "END",
}


def mod_of(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"[\s-]+", " ", text.strip().lower())
    return _MOD_WORDS.get(t)


DEICTIC_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}


def unit_of(text: str) -> str:
    t = text.lower()
    return R.UNIT_PLURALS.get(t, t)


def approx_mod(approx: str) -> str | None:
    a = re.sub(r"\s+", " ", approx.strip().lower())
    return {
        "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
        "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "close to": "LESS_THAN",
        "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
        "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
        "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
        "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
        "within": "EQUAL_OR_LESS",
    }.get(a)


def dur_value(n: float | None, unit: str) -> str:
    letter, is_time, _ = R.UNITS.get(unit, ("X", False, ""))
    if unit == "weekend":
        return "P%sWE" % ("X" if n is None else _num_str(n))
    pre = "PT" if is_time else "P"
    if n is None:
        return f"{pre}X{letter}"
    if not float(n).is_integer():
        whole = int(n)
        frac = n - whole
        sub = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("D", 30) if not is_time else ("S", 60), "W": ("D", 7)}
        if letter in sub:
            sl, k = sub[letter]
            part = int(round(frac * k))
            if letter == "D":
                return (f"P{whole}DT{part}H" if whole else f"PT{part}H")
            if letter == "Y" and sl == "M":
                return f"P{whole}Y{part}M" if whole else f"P{part}M"
            if letter == "W":
                return f"P{whole}W{part}D" if whole else f"P{part}D"
            if letter == "H":
                return f"PT{whole}H{part}M" if whole else f"PT{part}M"
            if letter == "M" and is_time:
                return f"PT{whole}M{part}S" if whole else f"PT{part}S"
            if letter == "M":
                return f"P{whole}M{part}D" if whole else f"P{part}D"
        return f"{pre}{_num_str(n)}{letter}"
    return f"{pre}{int(n)}{letter}"


def parse_clock(text: str) -> tuple[int, int] | None:
    """Hour and minute of a clock time ("10:30 p.m." -> (22, 30)); None when it is not one."""
    t = text.lower().replace(" ", "")
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", t)
    if not m:
        return None
    hh = int(m.group(1))
    mm = int(m.group(2)) if m.group(2) else 0
    pm = "p.m" in t or "pm" in t
    am = "a.m" in t or "am" in t
    if pm and hh < 12:
        hh += 12
    if am and hh == 12:
        hh = 0
    if hh > 24 or mm > 59:
        return None
    return hh, mm


_SPOKEN_UNITS = {w: v for w, v in R.NUMBER_WORDS.items() if isinstance(v, int) and 0 <= v < 20 and " " not in w and w not in ("a", "an", "dozen", "single")}
_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def spoken_year(text: str) -> int | None:
    t = re.sub(r"[\s-]+", " ", text.lower()).replace(" and ", " ").strip()
    words = t.split()
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return 2000 + (_spoken_small(rest) or 0) if rest else 2000
    head = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}.get(words[0])
    if head is None:
        return None
    rest = [w for w in words[1:] if w != "hundred"]
    if rest and rest[0] == "oh":
        rest = rest[1:]
    small = _spoken_small(rest)
    if small is None:
        return None
    return head + small


def _spoken_small(words: list[str]) -> int | None:
    if not words:
        return 0
    if len(words) == 1:
        w = words[0]
        return _SPOKEN_TENS.get(w, _SPOKEN_UNITS.get(w))
    if len(words) == 2 and words[0] in _SPOKEN_TENS and words[1] in _SPOKEN_UNITS:
        return _SPOKEN_TENS[words[0]] + _SPOKEN_UNITS[words[1]]
    return None
