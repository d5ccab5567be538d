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
