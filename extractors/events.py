"""Dated statements: one per date a sentence gives to a happening.

For every sentence that carries a date mention, the dependency parse says
which verb (or event noun) the date belongs to, the trigger, and which
clause that is; the entities of that clause are the participants. A sentence
with two dates can give two statements. Durations, sets, vague references and
page metadata never get here (the temporal tagger and the cleaner keep them
out), so there is no statement without a concrete date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.entities import EntityMention
from extractors.event_rules import EVENT_NOUN_SUFFIXES, EVENT_NOUNS, LIGHT_VERBS, trigger_kind
from extractors.modality import is_planned
from extractors.roles import agent_keys
from extractors.types import DateMention

_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "acl"}


@dataclass(frozen=True, slots=True)
class DatedStatement:
    """A dated statement of one document, before cross-document canonicalisation."""

    char_start: int  # the sentence, offsets into the document text
    char_end: int
    sentence: str
    date: DateMention
    trigger: str | None  # lemma of the verb or event noun the date belongs to
    trigger_text: str | None  # the trigger as written
    trigger_start: int | None  # offsets of the trigger into the document text
    kind: str  # begin | end | change | meet | other
    participants: tuple[str, ...]  # mention keys of the clause, in order of appearance
    confidence: float
    summary: str = ""  # the clause of the trigger as a short readable sentence
    planned: bool = False  # says the happening is planned for the date (extractors.modality)
    agents: tuple[str, ...] = ()  # mention keys of the trigger's agent (extractors.roles)


def group_dates_by_sentence(
    sentences: Sequence[tuple[int, int]], dates: Sequence[DateMention]
) -> list[tuple[tuple[int, int], list[DateMention]]]:
    """Sentences that carry at least one date mention (a mention belongs to the sentence it starts in)."""
    out: dict[tuple[int, int], list[DateMention]] = {}
    for d in dates:
        for s, e in sentences:
            if s <= d.char_start < e:
                out.setdefault((s, e), []).append(d)
                break
    return sorted(out.items())


def _is_event_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in EVENT_NOUNS or lemma.endswith(EVENT_NOUN_SUFFIXES))


def find_trigger(span_root: Token) -> tuple[Token | None, bool]:
    """The verb or event noun a date attaches to; (token, found_by_parse)."""
    tok = span_root
    for _ in range(12):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ == "VERB":
            if tok.lemma_.lower() in LIGHT_VERBS:
                for child in tok.children:
                    if child.dep_ in ("dobj", "attr") and _is_event_noun(child):
                        return child, True
            return tok, True
        if _is_event_noun(tok):
            return tok, True
        if tok.pos_ == "AUX" and tok.dep_ == "ROOT":
            return tok, True
    root = span_root.sent.root if span_root.doc.has_annotation("DEP") else None
    return (root, False) if root is not None and root is not span_root else (None, False)


def clause_char_ranges(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges (relative to the parsed text) of the trigger's clause:
    its subtree without nested clauses that have their own subject, plus the
    noun a relative/participial clause describes (and that noun's subject
    when it is the attribute of a copula)."""
    excluded: set[int] = set()
    for child in trigger.children:
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and any(
            g.dep_ in ("nsubj", "nsubjpass") for g in child.children
        ):
            excluded.update(t.i for t in child.subtree)
    keep = {t.i for t in trigger.subtree} - excluded
    if trigger.dep_ in ("relcl", "acl") and trigger.head is not trigger:
        noun = trigger.head
        own = {t.i for t in trigger.subtree}
        for _ in range(3):
            keep |= {t.i for t in noun.subtree} - own
            if noun.dep_ == "pobj" and noun.head.head is not noun.head:
                noun = noun.head.head
                continue
            if noun.dep_ in ("attr", "acomp"):
                for sib in noun.head.children:
                    if sib.dep_ in ("nsubj", "nsubjpass"):
                        keep |= {t.i for t in sib.subtree}
            break
    doc = trigger.doc
    ranges = []
    for i in sorted(keep):
        t = doc[i]
        s, e = t.idx, t.idx + len(t.text)
        if ranges and s <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], e)
        else:
            ranges.append((s, e))
    return ranges


def clause_summary(parsed: Doc, trigger: Token, ranges: Sequence[tuple[int, int]]) -> str:
    """The trigger's clause as a short sentence: its words from first to last,
    led by the sentence's subject when the clause has none of its own
    ("New Zealand: first deploying alongside NATO in Bosnia-Herzegovina in 1996.")."""
    sentence = parsed.text.strip()
    if not ranges:
        return sentence
    start, end = ranges[0][0], ranges[-1][1]
    clause = parsed.text[start:end].strip(" ,;:-–—")
    clause = re.sub(r"^(?:and|but|or|which|who|that|since|while|as)\s+", "", clause, flags=re.I)
    if len(clause) >= 0.85 * len(sentence) or len(clause) < 12:
        return " ".join(sentence.split())
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in trigger.children) or trigger.dep_ in ("relcl", "acl")
    root = trigger.sent.root
    prefix = ""
    if not has_subject and root is not trigger:
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not (start <= subj.idx < end):
            words = parsed[subj.left_edge.i : subj.right_edge.i + 1].text
            prefix = words + ": "
    out = " ".join((prefix + clause).split())
    out = out[0].upper() + out[1:]
    return out if out.endswith((".", "!", "?")) else out + "."


def _confidence(found_by_parse: bool, trigger: Token | None, date: DateMention, has_participants: bool) -> float:
    c = 0.45
    if trigger is not None and found_by_parse:
        c += 0.25 if trigger.pos_ in ("VERB", "NOUN") else 0.1
    if not date.anchored:
        c += 0.15
    if has_participants:
        c += 0.1
    if date.precision in ("day", "month"):
        c += 0.04
    return round(min(0.99, max(0.05, c)), 3)


def statements_from_parse(
    text: str,
    sentence: tuple[int, int],
    parsed: Doc,
    dates: Sequence[DateMention],
    mentions: Sequence[EntityMention],
) -> list[DatedStatement]:
    """Statements of one sentence. ``parsed`` is the parse of ``text[s:e]``."""
    s0, e0 = sentence
    in_sentence = [m for m in mentions if s0 <= m.char_start and m.char_end <= e0]
    out: list[DatedStatement] = []
    seen: set[tuple[int | None, str]] = set()
    for date in dates:
        span = parsed.char_span(date.char_start - s0, date.char_end - s0, alignment_mode="expand")
        trigger, by_parse = (find_trigger(span.root) if span is not None and len(span) else (None, False))
        if trigger is not None and span is not None and span.start <= trigger.i < span.end:
            trigger, by_parse = None, False
        summary = " ".join(parsed.text.split())
        if trigger is not None:
            local = clause_char_ranges(trigger)
            summary = clause_summary(parsed, trigger, local)
            ranges = [(s0 + a, s0 + b) for a, b in local]
            date_range = (date.char_start, date.char_end)
            clause = [m for m in in_sentence if any(a <= m.char_start and m.char_end <= b for a, b in ranges)
                      and not (date_range[0] <= m.char_start < date_range[1])]
        else:
            clause = []
        if not clause:
            clause = in_sentence
        participants = tuple(dict.fromkeys(m.key for m in clause))
        lemma = trigger.lemma_.lower() if trigger is not None else None
        key = (trigger.i if trigger is not None else None, date.value)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            DatedStatement(
                char_start=s0,
                char_end=e0,
                sentence=text[s0:e0],
                date=date,
                trigger=lemma,
                trigger_text=trigger.text if trigger is not None else None,
                trigger_start=(s0 + trigger.idx) if trigger is not None else None,
                kind=trigger_kind(lemma, date.role),
                participants=participants,
                confidence=_confidence(by_parse, trigger, date, bool(participants)),
                summary=summary,
                planned=is_planned(trigger, span.root if span is not None and len(span) else None),
                agents=agent_keys(trigger, s0, in_sentence),
            )
        )
    return out
