"""Who did it: the agent of a dated statement's trigger, from the parse.

The subject of an active verb ("China ratified ..."), the by-phrase of a
passive one ("... was signed by Mongolia"), the possessor or by-phrase of
an event noun ("India's ratification", "the signature by New Zealand"); a
verb with none of its own takes the subject of the verb it complements
("NASA plans to launch" -> NASA). The agent is given as the keys of the
entity mentions inside that phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from extractors.entities import EntityMention, normalize_name
from extractors.event_rules import NON_PARTICIPANT_LABELS
from extractors.types import DateMention

_INHERIT = {"xcomp", "conj", "advcl", "acl"}
# an initial before a surname ("A Krizhevsky"): not an article to strip
_INITIALS = re.compile(r"^(?:[A-Z]{1,3}\.?\s)+[A-Z][\w'-]+")


def _agent_phrase(trigger: Token) -> Token | None:
    tok = trigger
    for _ in range(3):
        for c in tok.children:
            if c.dep_ == "nsubj" or c.dep_ == "poss":
                return c
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and tok.pos_ == "NOUN"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # a passive with no by-phrase: the agent is not said
        if tok.dep_ not in _INHERIT or tok.head == tok:
            return None
        tok = tok.head
    return None


def subject_of(trigger: Token) -> Token | None:
    """The subject or agent of the trigger's clause, inherited from the verb a
    conjoined or complement verb depends on ("NASA built and launched it")."""
    tok = trigger
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if c.dep_ == "nsubjpass" or tok.pos_ == "NOUN":
                    agent = next((a for a in tok.children if a.dep_ == "agent"), None)
                    pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
                    if pobj is not None:
                        return pobj
                return c
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if tok.pos_ == "NOUN":  # "Houzz's research", "research by Houzz"
            for c in tok.children:
                if c.dep_ == "poss":
                    return c
                if c.dep_ == "prep" and c.lower_ == "by":
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
            if tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj") and tok.head != tok:
                tok = tok.head
                continue
            return None
        if tok.dep_ == "pcomp" and tok.head.head != tok.head:  # "credited with creating"
            tok = tok.head.head
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and tok.head != tok:
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            tok = tok.head
            continue
        return None
    return None


def agent_keys(trigger: Token | None, offset: int, mentions: Sequence[EntityMention]) -> tuple[str, ...]:
    """Keys of the mentions in the trigger's agent phrase. ``offset``: where
    the parsed text starts in the document (mentions are document offsets)."""
    if trigger is None:
        return ()
    phrase = _agent_phrase(trigger)
    if phrase is None:
        return ()
    start = offset + phrase.left_edge.idx
    end = offset + phrase.right_edge.idx + len(phrase.right_edge.text)
    return tuple(dict.fromkeys(m.key for m in mentions if start <= m.char_start and m.char_end <= end))


def participant_keys(trigger: Token, offset: int, clause: Sequence[tuple[int, int]], mentions: Sequence[EntityMention],
                     date: DateMention) -> tuple[tuple[str, ...], bool]:
    """Keys of the entities that take part in the trigger's happening, and
    whether its subject or agent names one. Only mentions inside the clause
    (``clause``: character ranges relative to the parsed text, which starts
    at ``offset`` in the document) or inside the subject it inherits;
    subject or agent first; never the date itself or a nationality (names
    that are fragments never become mentions: extractors.entities)."""
    subj = subject_of(trigger)
    subj_range = (offset + subj.left_edge.idx, offset + subj.right_edge.idx + len(subj.right_edge.text)) \
        if subj is not None else None
    ranges = [(offset + a, offset + b) for a, b in clause] + ([subj_range] if subj_range else [])
    inside = [m for m in mentions if any(a <= m.char_start and m.char_end <= b for a, b in ranges)
              and not (date.char_start <= m.char_start < date.char_end) and m.label not in NON_PARTICIPANT_LABELS
              and not _inside_word(trigger.doc.text, m.char_start - offset, m.char_end - offset)]
    subject = [m for m in inside if subj_range and subj_range[0] <= m.char_start and m.char_end <= subj_range[1]]
    ordered = subject + [m for m in inside if m not in subject]
    return tuple(dict.fromkeys(m.key for m in ordered)), bool(subject)


def _inside_word(text: str, start: int, end: int) -> bool:
    """The name is part of a hyphenated word ("low-Earth orbit", "then-US
    President"): a fragment that names no participant."""
    if not (0 <= start <= end <= len(text)):
        return False
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalnum()) or (
        len(after) == 2 and after[0] == "-" and after[1].isalnum())


def author_key(name: str) -> str:
    """The key of an author on a reference line: a name's form, keeping a
    leading initial that reads like an article ("A Krizhevsky")."""
    name = " ".join(name.split())
    return name.strip(" .,;:") if _INITIALS.match(name) else normalize_name(name)
