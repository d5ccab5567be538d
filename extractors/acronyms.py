"""Short forms defined in a text: acronyms, "Long Form (ACR)" and "ACR (Long
Form)", and the defined terms of filings and contracts, "X Holdings I, Inc.
("Parent")": a short form that shares no word with its name ("Parent") stands
for that name wherever the text uses it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.entity_rules import ACRONYM, ACRONYM_STOPWORDS, DEFINED_TERM, LONG_THEN_SHORT, SHORT_THEN_LONG

# the acronym pattern (entity_rules.ACRONYM), compiled once: every reader of acronyms asks ``is_acronym``
ACRONYM_RE = re.compile(ACRONYM)


def is_acronym(word: str) -> bool:
    """The word has an acronym's form ("NASA", "JWST", "NGOs")."""
    return ACRONYM_RE.fullmatch(word) is not None


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    short: str  # "IPCP"; a defined term: "Parent"
    long: str  # "Individual Partnership and Cooperation Programme"; "X Holdings I"
    char_start: int  # span of the whole definition in the text
    char_end: int


def _initials(words: list[str]) -> str:
    out: list[str] = []
    for w in words:
        if w.lower() in ACRONYM_STOPWORDS:
            continue
        parts = re.split(r"[-‐–]", w)
        out.extend(p if p.isdigit() else p[0] for p in parts if p)
    return "".join(out).upper()


def name_words(name: str) -> list[str]:
    """A name's words, a hyphenated word as one ("Non-Governmental")."""
    return re.findall(r"[\w'’]+(?:[-‐–][\w'’]+)*", name)


def initials(name: str) -> str:
    """What an acronym of the name spells: the initials of its words, function
    words left out, each part of a hyphenated word counted ("Non-Governmental
    Organisation" -> NGO), a number whole ("Group of 20" -> G20); every reader
    of acronyms uses this one."""
    return _initials(name_words(name))


def acronym_key(acronym: str) -> str:
    """The letters an acronym's initials are compared by: a plural "s" left out ("NGOs" -> "NGO")."""
    return acronym.strip().removesuffix("s")


def spells(acronym: str, name: str) -> bool:
    """The acronym spells all the name's initials, a plural "s" left out
    ("JWST", "James Webb Space Telescope"; "NGOs", "Non-Governmental
    Organisations"): a name of two words or more besides function words.
    Not a longer name that only ends in those initials ("EU" and the "Court
    of Justice of the European Union"). Every reader of acronyms asks this."""
    acronym = acronym.strip()
    if not is_acronym(acronym):
        return False
    words = [w for w in name_words(name) if w.lower() not in ACRONYM_STOPWORDS]
    return len(words) >= 2 and initials(name) == acronym_key(acronym)


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
    for d in defined_terms(text):
        found.setdefault(d.short, d)
    return sorted(found.values(), key=lambda d: (d.char_start, d.short))


_OUTSIDE_NAME = frozenset({"the", "to", "on", "in", "at", "with"})
_POSSESSOR = re.compile(r"^.*?\S(?:'s|’s)[ \t]+")


def defined_terms(text: str) -> list[AcronymDefinition]:
    """Defined terms: a name followed by the short form it goes by, quoted in
    parentheses ("X Holdings I, Inc. ("Parent")", "the ... Act 2021 (the "NSI
    Act")"), when the short form is not made of the name's own words (those,
    "Twitter, Inc. ("Twitter")", are a part of the name already) and the name
    is not itself a short form defined before. The name loses leading function
    words, a possessor ("United Kingdom's") and its company suffix ("Inc.")."""
    out: list[AcronymDefinition] = []
    shorts: set[str] = set()
    for m in DEFINED_TERM.finditer(text):
        company, definite, short = m.group(2), m.group(3), m.group(4).strip()
        words = _POSSESSOR.sub("", m.group(1).strip()).split()
        # the name starts after the last word that cannot be inside one ("... Merger to the Investment Security Unit")
        cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _OUTSIDE_NAME), default=0)
        words = words[cut:]
        while words and (words[0].lower() in ACRONYM_STOPWORDS or not words[0][:1].isupper()):
            words = words[1:]
        if not words:
            continue
        long = " ".join(words).rstrip(".")
        if is_acronym(short):
            long = _match_long(short, long) or ""
        start = m.start(1) + m.group(1).rfind(words[0])
        # "(the "Merger")" after no company's name defines a description ("the Agreement ... (the "Merger Agreement")"), not a bare name
        # ("... is to be merged into Twitter (the "Merger")": the merger, not Twitter)
        if not long or long in shorts or (definite and not company and not re.search(r"(?:\bthe|['’]s)[ \t]+$", text[max(0, start - 4):start], re.I)):
            continue
        long_words = {w.casefold() for w in name_words(long)}
        if {w.casefold() for w in name_words(short)} <= long_words:
            continue
        shorts.add(short)
        out.append(AcronymDefinition(short, long, start, m.end()))
    return out
