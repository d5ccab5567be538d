"""Acronyms defined in a text: "Long Form (ACR)" and "ACR (Long Form)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.entity_rules import ACRONYM_STOPWORDS, LONG_THEN_SHORT, SHORT_THEN_LONG


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    short: str  # "IPCP"
    long: str  # "Individual Partnership and Cooperation Programme"
    char_start: int  # span of the whole definition in the text
    char_end: int


def _initials(words: list[str]) -> str:
    out: list[str] = []
    for w in words:
        if w.lower() in ACRONYM_STOPWORDS:
            continue
        parts = re.split(r"[-‐–]", w)
        out.extend(p[0] for p in parts if p)
    return "".join(out).upper()


def name_words(name: str) -> list[str]:
    """A name's words, a hyphenated word as one ("Non-Governmental")."""
    return re.findall(r"[\w'’]+(?:[-‐–][\w'’]+)*", name)


def initials(name: str) -> str:
    """What an acronym of the name spells: the initials of its words, function
    words left out, each part of a hyphenated word counted ("Non-Governmental
    Organisation" -> NGO); every reader of acronyms uses this one."""
    return _initials(name_words(name))


def _match_long(short: str, candidate: str) -> str | None:
    """The shortest tail of ``candidate`` whose initials spell ``short``."""
    letters = re.sub(r"[^A-Z0-9]", "", short.upper().rstrip("S") if short.endswith("s") else short.upper())
    words = candidate.split()
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in ACRONYM_STOPWORDS:
            continue
        ini = _initials(tail)
        if ini == letters:
            return " ".join(tail)
        # tolerate words skipped by the acronym ("Treaty" in NATO vs North Atlantic Treaty Organization)
        if len(ini) > len(letters) + 2:
            break
    return None


def _is_subsequence(letters: str, words: list[str]) -> bool:
    it = iter(_initials(words))
    return all(c in it for c in letters)


def find_acronyms(text: str) -> list[AcronymDefinition]:
    found: dict[str, AcronymDefinition] = {}
    for m in LONG_THEN_SHORT.finditer(text):
        short = m.group(2)
        long = _match_long(short, m.group(1))
        if long:
            start = m.start(1) + m.group(1).rfind(long)
            found.setdefault(short, AcronymDefinition(short, long, start, m.end()))
    for m in SHORT_THEN_LONG.finditer(text):
        short, long = m.group(1), m.group(2).strip()
        words = long.split()
        letters = re.sub(r"[^A-Z0-9]", "", short)
        if 2 <= len(words) <= 12 and words[0][0] == letters[0] and _is_subsequence(letters, words):
            found.setdefault(short, AcronymDefinition(short, long, m.start(), m.end()))
    return sorted(found.values(), key=lambda d: (d.char_start, d.short))
