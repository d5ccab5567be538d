"""Fact ids that survive rewording and page versions.

This run's happenings (groups of statements) are matched to the previous
run's facts by an assignment: a pair scores by the statements they share
(event ids are stable while a sentence keeps its words and date) and, for
a happening told in new words, by content: participants, the statement's
words and a compatible date -- never when the two tell different kinds of
happening (facts.lexicon: a filing is not a termination, whoever the
parties and whatever the day). Pairs are taken best first, one to one
(greedy assignment), above a floor. A matched group keeps the old fact's
id; any other group gets an id from its statements, so a page update
reports only what changed in what the page says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.ids import stable_id
from facts.lexicon import clause_concepts, happening_concept, lexicon
from facts.model import Event, Fact
from facts.values import DateInterval, compatible

CONTENT_FLOOR = 0.55  # content-only matches below this are new facts
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if len(w) > 2}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _concepts(concept: str | None) -> set[str]:
    """A statement's concept as words of the lexicon ("announce:withdraw" -> both)."""
    if not concept or concept.startswith("?"):
        return set()
    return {c for c in concept.split(":") if c}


def told_kinds(group: Sequence[Event]) -> set[str]:
    """The kinds of happening a group's statements tell (facts.lexicon)."""
    return set().union(*(_concepts(happening_concept(e.trigger, e.summary or e.sentence, e.trigger_text, e.sentence,
                                                     e.participants, e.date_char_start - e.char_start))
                         for e in group))


def fact_kinds(fact: Fact) -> set[str]:
    """The kinds of happening a previous fact's statement and evidence name."""
    kinds = set(clause_concepts(fact.statement or "", fact.participants))
    if fact.evidence:
        kinds |= clause_concepts(fact.evidence, fact.participants)
    return kinds


def what_differs(ours: set[str], theirs: set[str]) -> bool:
    """The group and the fact both say what happened (``told_kinds``,
    ``fact_kinds``), and never the same kind of happening nor two the
    lexicon relates."""
    if not ours or not theirs or ours & theirs:
        return False
    lex = lexicon()
    return not any(lex.near(a, b) for a in ours for b in theirs)


def _content(group: Sequence[Event], fact: Fact, ours: set[str], theirs: set[str]) -> float:
    """How alike a group and a previous fact are by content (``ours``,
    ``theirs``: their kinds of happening, computed once per group and fact)."""
    if fact.date_start is None or fact.date_end is None or fact.precision is None:
        return 0.0
    old = DateInterval(fact.date_start, fact.date_end, fact.precision)
    if not any(compatible(DateInterval(e.date_start, e.date_end, e.precision), old) for e in group):
        return 0.0
    if what_differs(ours, theirs):
        return 0.0
    words = set().union(*(_words(e.summary or e.sentence) for e in group))
    people = {p for e in group for p in e.participants}
    text = _jaccard(words, _words(fact.statement) | _words(fact.evidence))
    who = _jaccard(people, set(fact.participants)) if people or fact.participants else 0.5
    same_date = any((e.date_start, e.date_end) == (fact.date_start, fact.date_end) for e in group)
    same_source = bool({e.source_id for e in group} & set(fact.source_ids))
    return (0.5 * text + 0.5 * who + 0.2 * any(e.kind == fact.kind for e in group)
            + 0.3 * (same_date and same_source))  # a page telling the same date anew


def new_fact_id(group: Sequence[Event]) -> str:
    return stable_id("fact", min(e.event_id for e in group))


def assign_fact_ids(groups: Sequence[Sequence[Event]], previous: Sequence[Fact] = ()) -> list[str]:
    """One id per group, in order: the matched previous fact's, else a new one."""
    candidates: list[tuple[float, int, int]] = []
    theirs = [fact_kinds(fact) for fact in previous]
    for gi, group in enumerate(groups):
        ids = {e.event_id for e in group}
        ours = told_kinds(group) if previous else set()
        for fi, fact in enumerate(previous):
            shared = len(ids & set(fact.event_ids))
            if shared:
                score = 1.0 + shared / max(len(ids), len(fact.event_ids))
            else:
                score = _content(group, fact, ours, theirs[fi])
                if score < CONTENT_FLOOR:
                    continue
            candidates.append((score, gi, fi))
    out: list[str | None] = [None] * len(groups)
    taken: set[int] = set()
    for _score, gi, fi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if out[gi] is None and fi not in taken:
            out[gi] = previous[fi].fact_id
            taken.add(fi)
    used = {i for i in out if i is not None}
    for gi, group in enumerate(groups):
        if out[gi] is None:
            fid = new_fact_id(group)
            n = 1
            while fid in used:
                n += 1
                fid = stable_id("fact", min(e.event_id for e in group), str(n))
            out[gi] = fid
            used.add(fid)
    return [i for i in out if i is not None]
