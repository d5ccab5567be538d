"""Choosing the identity parameters (facts.identity.PARAM_GRID) by leave one
subject out: for each subject, the parameters that score best on the other
subjects (mean cross-document pairwise F1, then precision) are used to
score it. The figure this gives is the one to expect on a new subject."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from extractors.document import ProcessedDocument
from facts.identity import PARAM_GRID, IdentityParams, cluster
from facts.model import Event
from store.publish import reason


@dataclass(frozen=True)
class Prepared:
    subject: object  # evaluation.facts_eval.Subject
    events: tuple[Event, ...]
    topic: frozenset[str]
    file_of_doc: Mapping[str, str]


def prepare(subject, docs: Mapping[str, ProcessedDocument]) -> Prepared:
    ordered = [docs[p.file] for p in subject.pages]
    _, events, rec = reason(ordered)
    return Prepared(subject, tuple(e for e in events if e.current), frozenset(rec.topic_entities),
                    {d.doc_id: f for f, d in docs.items()})


def identity_score(prep: Prepared, params: IdentityParams):
    from evaluation.facts_eval import SubjectScore, score_identity

    fact_of_event = {}
    for k, group in enumerate(cluster(prep.events, prep.topic, params)):
        for ev in group:
            fact_of_event[ev.event_id] = str(k)
    score = SubjectScore(subject=prep.subject.name)
    score_identity(prep.subject, prep.events, fact_of_event, None, prep.file_of_doc, score)
    return score


def grid_scores(preps: Sequence[Prepared], grid: Sequence[IdentityParams] = PARAM_GRID) -> dict[IdentityParams, dict]:
    return {p: {prep.subject.name: identity_score(prep, p) for prep in preps} for p in grid}


def best(table: Mapping[IdentityParams, Mapping[str, object]], subjects: Sequence[str]) -> IdentityParams:
    def objective(p: IdentityParams) -> tuple:
        scores = [table[p][s] for s in subjects]
        return (round(sum(s.pair_f1 for s in scores) / len(scores), 6),
                round(sum(s.pair_precision for s in scores) / len(scores), 6))

    return max(table, key=objective)


def leave_one_subject_out(subjects, readings) -> tuple[list, dict]:
    from evaluation.facts_eval import score_subject

    preps = [prepare(s, readings[s.name]) for s in subjects]
    table = grid_scores(preps)
    held_scores, chosen = [], {}
    names = [s.name for s in subjects]
    for s in subjects:
        others = [n for n in names if n != s.name] or names
        params = best(table, others)
        chosen[s.name] = params.as_dict()
        held_scores.append(score_subject(s, readings[s.name], params))
    return held_scores, chosen
