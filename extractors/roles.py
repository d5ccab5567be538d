"""Who did it: the agent of a dated statement's trigger, from the parse.

The subject of an active verb ("China ratified ..."), the by-phrase of a
passive one ("... was signed by Mongolia"), the possessor or by-phrase of
an event noun ("India's ratification", "the signature by New Zealand"); a
verb with none of its own takes the subject of the verb it complements
("NASA plans to launch" -> NASA). The agent is given as the keys of the
entity mentions inside that phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extractors.entities import EntityMention

_INHERIT = {"xcomp", "conj", "advcl", "acl"}


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
        if tok.dep_ not in _INHERIT or tok.head is tok:
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
            if tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj") and tok.head is not tok:
                tok = tok.head
                continue
            return None
        if tok.dep_ == "pcomp" and tok.head.head is not tok.head:  # "credited with creating"
            tok = tok.head.head
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and tok.head is not tok:
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
