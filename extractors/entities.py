"""Entity mentions from spaCy NER, repaired and filtered by rules you can point to.

Repairs (each a rule in entity_rules.py):
- leading determiners and possessives are not part of a name: "the
  Indo-Pacific" -> "Indo-Pacific", "NATO’s" -> "NATO";
- a span never crosses a line break (a heading and the next paragraph):
  it is cut at the break and each piece judged on its own;
- a coordinated title cut short by NER is completed: "the Women, Peace" +
  " and Security" -> "Women, Peace and Security";
- site furniture ("Privacy Page", "Cookie Policy") and lone common words are
  dropped;
- a name whose number is part of it is whole: "the Group of" + "20" ->
  "Group of 20", a lone "Seven" after "the Group of" -> "Group of Seven";
- acronyms defined in the text ("... Programme (IPCP)") are mentions wherever
  they stand, even where NER missed them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractors.acronyms import AcronymDefinition, initials
from extractors.entity_rules import (
    CALENDAR_WORD,
    COUNTED_PLURAL,
    CUT_OFF_NAME,
    FURNITURE_WORDS,
    KEPT_LABELS,
    LEADING_DETERMINERS,
    NAME_NUMBER_AFTER,
    NAME_OF_BEFORE,
    NOT_NAMES,
    NUMBER_LABELS,
    NUMBERED_NAME_LABEL,
    PERIOD_LABEL,
    PROSE_LINE_WORDS,
    QUANTITY,
    SERVICE_NAMES,
    TRAILING_POSSESSIVE,
    TREATY_AFTER,
    TREATY_HEAD_LABELS,
    TWO_LETTER_LABELS,
    TWO_LETTER_NAMES,
    VENUE_BEFORE,
    VENUE_WORDS,
)
from extractors.rule_switches import rule_on

_DASHES = re.compile(r"[‐‑‒–—]")
_COORD_TAIL = re.compile(r"[ \t]+and[ \t]+((?:[A-Z][\w-]*)(?:[ \t]+[A-Z][\w-]*){0,3})")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """Spellings of one entity that name it: a row of the built-in alias table
    (facts/data/aliases.toml) or of the ``[aliases]`` table of sources.toml."""

    canonical: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityMention:
    text: str  # the name as it stands in the text, after repairs
    label: str  # spaCy NER label
    char_start: int
    char_end: int
    key: str  # normalised name, the handle for canonicalisation


def normalize_name(name: str) -> str:
    """A comparable form of a name: NFKC, unified dashes and quotes, single
    spaces, no leading determiner or trailing possessive. Case is kept."""
    s = unicodedata.normalize("NFKC", name)
    s = _DASHES.sub("-", s).replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    s = LEADING_DETERMINERS.sub("", s)
    s = TRAILING_POSSESSIVE.sub("", s).strip()
    return s


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start``/``end`` inward past determiners, possessives, punctuation."""
    span = text[start:end]
    m = LEADING_DETERMINERS.match(span)
    if m and m.end() < len(span):
        start += m.end()
    span = text[start:end]
    m = re.search(r"(?:'s|’s|'|’)$", span)
    if m:
        end -= len(m.group(0))
    while start < end and text[start] in " \t.,;:-\"“”'(":
        start += 1
    while end > start and text[end - 1] in " \t.,;:-\"“”')":
        end -= 1
    return start, end


def _is_furniture(name: str) -> bool:
    words = re.findall(r"[A-Za-z]+", name.lower())
    return bool(words) and all(w in FURNITURE_WORDS for w in words)


def is_fragment(name: str, label: str = "") -> bool:
    """Not a name but a piece of one or a label: a single letter, a two-letter
    span but a few well-known states and unions, a quarter or fiscal-year
    label, a name cut short after an initial, a quantity ("Rises 2.3 per
    cent"), a lone common word."""
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return True
    if not name[0].isupper() and not name[0].isdigit():
        return True
    if len(name) == 2 and name not in TWO_LETTER_NAMES and label not in TWO_LETTER_LABELS:
        return True
    return bool(PERIOD_LABEL.match(name) or CUT_OFF_NAME.search(name) or QUANTITY.search(name)
                or name.lower() in NOT_NAMES)


def acceptable_name(name: str, label: str = "", text: str = "", start: int = 0) -> bool:
    """A name NER found (at ``start`` in ``text``, when given), not a fragment
    (``is_fragment``) nor site furniture; a service's name that doubles as a
    button ("Twitter") is a name in a line of prose."""
    if is_fragment(name, label) or not _is_furniture(name):
        return not is_fragment(name, label)
    words = set(re.findall(r"[a-z]+", name.lower()))
    if not words <= SERVICE_NAMES or not text:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return len(line.split()) >= PROSE_LINE_WORDS


def inside_word(text: str, start: int, end: int) -> bool:
    """The span is part of a hyphenated word ("low-Earth orbit", "then-US
    President"): a fragment that names no entity."""
    if not (0 <= start <= end <= len(text)):
        return False
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalnum()) or (
        len(after) == 2 and after[0] == "-" and after[1].isalnum())


def _join_split_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One name that NER cut in two at a space ("French" + "Guiana") is one
    span again; the label of the last piece wins (the head of the name)."""
    spans = sorted(spans)
    out: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if out and text[out[-1][1]:s] == " " and text[s:s + 1].isupper() and label in KEPT_LABELS and out[-1][2] in KEPT_LABELS:
            out[-1] = (out[-1][0], e, label)
            continue
        out.append((s, e, label))
    return out


def _a_name_number(text: str, name: str, end: int, written: dict[str, bool]) -> bool:
    """The number ending ``name`` at ``end`` is the name's, not a count: no
    plural noun follows it ("a Committee of 12 experts"), or the text writes
    the name's initials ("Group of 20 major economies ... the G20");
    ``written``: initials -> whether the text writes them, asked once per page."""
    if not COUNTED_PLURAL.match(text, end):
        return True
    short = initials(name)
    if len(short) < 2:
        return False
    if short not in written:
        written[short] = re.search(rf"\b{re.escape(short)}\b", text) is not None
    return written[short]


def _numbered_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name NER cut before its number ("Group of" + "20") takes the number;
    a number NER tagged alone after a capitalised word and "of" ("the Group
    of Seven": "Seven") is that name's end (entity_rules.NAME_NUMBER_AFTER),
    and a name NER found before it ("European Council") its start. Not a
    count ("a Board of 9 directors": ``_a_name_number``), nor after a date
    ("Tuesday of 20 ...")."""
    dates = [(a, b) for a, b, label in spans if label not in KEPT_LABELS and label not in NUMBER_LABELS]
    out: list[tuple[int, int, str]] = []
    folded: set[tuple[int, int, str]] = set()
    written: dict[str, bool] = {}
    for s, e, label in spans:
        if label in KEPT_LABELS and re.search(r"[ \t]of$", text[s:e]):
            m = NAME_NUMBER_AFTER.match(text, e)
            if m and _a_name_number(text, text[s:m.end(1)], m.end(1), written):
                e = m.end(1)
        elif label in NUMBER_LABELS and NAME_NUMBER_AFTER.fullmatch(" " + text[s:e]):
            m = NAME_OF_BEFORE.search(text, max(0, s - 40), s)
            if (m and not CALENDAR_WORD.fullmatch(m.group().split()[0])
                    and not any(a <= m.start() < b for a, b in dates) and _a_name_number(text, text[m.start():e], e, written)):
                head = [sp for sp in spans if sp[2] in KEPT_LABELS and sp[0] <= m.start() < sp[1] <= s]
                s, label = (head[0][0] if head else m.start()), NUMBERED_NAME_LABEL
                folded.update(head)
        out.append((s, e, label))
    # a number or a name taken into a longer name is no span of its own
    return [sp for sp in out if sp not in folded and not (
        sp[2] in NUMBER_LABELS and any(a <= sp[0] and sp[1] <= b and (a, b) != sp[:2] for a, b, _ in out))]


def repair_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The name spans a raw NER span stands for (0, 1 or several)."""
    pieces = []
    pos = start
    for m in re.finditer(r"\n", text[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        if "," in text[s:e]:
            tail = _COORD_TAIL.match(text, e)
            if tail:
                e = tail.end(1)
        out.append((s, e))
    return out


def _a_venue(text: str, start: int, name: str) -> bool:
    """An organisation's name after a locative "at" that ends in a building's or grounds' word (entity_rules
    VENUE_BEFORE, VENUE_WORDS): a venue ("at the Georgia World Congress Center")."""
    if not rule_on("venue-names"):
        return False
    words = name.split()
    return bool(words) and words[-1].lower() in VENUE_WORDS and VENUE_BEFORE.search(text[max(0, start - 20):start]) is not None


def mentions_from_spans(
    text: str,
    spans: Iterable[tuple[int, int, str]],
    acronyms: Sequence[AcronymDefinition] = (),
) -> list[EntityMention]:
    """Turn raw NER spans (start, end, label) over ``text`` into repaired mentions."""
    found: dict[tuple[int, int], EntityMention] = {}
    for start, end, label in _join_split_names(text, _numbered_names(text, list(spans))):
        if label not in KEPT_LABELS:
            continue
        for s, e in repair_span(text, start, end):
            name = text[s:e]
            if not acceptable_name(name, label, text, s) or inside_word(text, s, e):
                continue
            treaty = TREATY_AFTER.match(text, e) if label in TREATY_HEAD_LABELS else None
            if treaty is not None:  # "the Paris climate agreement": the treaty, not the place
                e, label = treaty.end(1), "LAW"
                name = text[s:e]
            elif label == "ORG" and _a_venue(text, s, name):
                label = "FAC"
            found.setdefault((s, e), EntityMention(name, label, s, e, normalize_name(name)))
    # defined acronyms wherever they stand, labelled like their long form
    taken = sorted(found)
    for acr in acronyms:
        label = next((m.label for m in found.values() if m.key == normalize_name(acr.long)), "ORG")
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr.short)}(?![\w-])", text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            found[(s, e)] = EntityMention(acr.short, label, s, e, acr.short)
        # the long form wherever it stands: it replaces NER spans it contains
        # ("North Atlantic Treaty" inside "North Atlantic Treaty Organisation")
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr.long)}(?![\w-])", text):
            s, e = m.start(), m.end()
            inside = [k for k in found if s <= k[0] and k[1] <= e]
            if any(a < e and s < b for a, b in found if (a, b) not in inside):
                continue
            for k in inside:
                del found[k]
            found[(s, e)] = EntityMention(acr.long, label, s, e, normalize_name(acr.long))
    return sorted(found.values(), key=lambda m: (m.char_start, m.char_end))
