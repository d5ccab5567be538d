"""Fit the identity model of ``facts/identity.py`` on the facts benchmark.

Offline tool (reads the gold; never used at prediction time)::

    python -m evaluation.train_identity ../shared/eval/facts [--out facts/data/identity_model.json]

1. Each subject's pages are read and reasoned over as a run does; every
   statement matched to exactly one gold happening (evaluation.facts_eval)
   takes part. Pairs of such statements from two different pages are the
   examples: same gold happening or not, described by facts.identity's
   pair features; not the pairs the gate (``related``) or a constraint
   (``cannot_link``, ``likely_apart``) decides, which the model never scores.
2. A logistic regression (L2, Newton steps, numpy) is fitted, each subject
   weighing the same whatever its number of pairs; the features the gate
   reads but the model does not weigh (``UNWEIGHED``) are held at zero.
3. The merge threshold (average log-odds) is the one with the best mean
   cross-document pairwise F0.5 on the training subjects (precision first:
   the targets ask precision 0.9; ties: precision), each threshold judged
   with its neighbours (SMOOTH): the middle of a plateau, not its edge.
4. Leave one subject out: the model is fitted and its threshold chosen
   without a subject, then that subject is scored by the whole benchmark
   (`factwatch eval facts --loso` prints the same figures).
5. The final model is fitted on all subjects and written as JSON.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from evaluation import logistic
from extractors.document import ProcessedDocument
from facts.entities import page_topic
from facts.identity import (
    FEATURES,
    UNWEIGHED,
    IdentityModel,
    cannot_link,
    cluster,
    likely_apart,
    pair_features,
    profiles,
    related,
)
from facts.model import Event
from facts.reasoning import reason

THRESHOLDS = tuple(x / 4 for x in range(-12, 9))  # -3.0 .. 2.0 in steps of 0.25
SMOOTH = 2  # a threshold is judged by the mean over it and this many neighbours on each side
L2 = 1.0


@dataclass(frozen=True)
class Prepared:
    subject: object  # evaluation.facts_eval.Subject
    events: tuple[Event, ...]
    topic: frozenset[str]
    labels: Mapping[str, str | None]
    file_of_doc: Mapping[str, str]
    X: np.ndarray
    y: np.ndarray
    w: np.ndarray  # example weights (sum 1 per subject)
    subject_ids: frozenset[str] = frozenset()  # what the pages are about (no agent)


def prepare(subject, docs: Mapping[str, ProcessedDocument]) -> Prepared:
    from evaluation.facts_eval import match_events

    ordered = [docs[p.file] for p in subject.pages]
    index, events, rec = reason(ordered)
    entity_labels = {e.entity_id: e.label for e in index.entities}
    current = tuple(sorted((e for e in events if e.current), key=lambda e: e.event_id))
    topic = frozenset(rec.topic_entities)
    about = frozenset(page_topic(index, (d.source_id for d in ordered)))
    file_of_doc = {d.doc_id: f for f, d in docs.items()}
    m = match_events(current, file_of_doc, subject.statements)
    prof = dict(zip((e.event_id for e in current), profiles(current, topic, entity_labels, about)))
    matched = [e for e in current if e.event_id in m.happening]
    rows, labels, groups = [], [], []
    for a, b in combinations(matched, 2):
        if subject.url_of(file_of_doc[a.doc_id]) == subject.url_of(file_of_doc[b.doc_id]):
            continue
        pa, pb = prof[a.event_id], prof[b.event_id]
        x = pair_features(pa, pb)
        if not related(x) or cannot_link(a, b, pa, pb, x, entity_labels) or likely_apart(a, b, pa, pb, x):
            continue  # the gate and the constraints decide these pairs, not the model
        rows.append(x)
        ha, hb = m.happening[a.event_id], m.happening[b.event_id]
        labels.append(float(ha == hb))
        groups.append(ha if ha == hb else "")
    X = np.array(rows) if rows else np.zeros((0, len(FEATURES)))
    y = np.array(labels)
    # positives: each happening's pairs weigh the same in all (the launch of a much-told
    # happening must not outweigh the rest); negatives: one each, as they come
    size = Counter(g for g in groups if g)
    n_pos = sum(size.values())
    w = np.array([n_pos / len(size) / size[g] if g else 1.0 for g in groups]) if size else np.ones(len(groups))
    return Prepared(subject, current, topic, entity_labels, file_of_doc, X, y, w / max(w.sum(), 1e-9), about)


def fit_logistic(preps: Sequence[Prepared], l2: float = L2, iterations: int = 50) -> np.ndarray:
    """Weights in FEATURES order (the first, "bias", is the unpenalised
    intercept); the UNWEIGHED features (the gate's only) weigh zero."""
    X = np.vstack([p.X for p in preps])
    X[:, [FEATURES.index(f) for f in sorted(UNWEIGHED)]] = 0.0
    y = np.concatenate([p.y for p in preps])
    w = np.concatenate([p.w for p in preps]) * len(y) / len(preps)
    weights, intercept = logistic.fit_logistic(X[:, 1:], y, l2, sample_weight=w, iterations=iterations)
    return np.concatenate([[intercept], weights])


def pair_f1(prep: Prepared, model: IdentityModel):
    from evaluation.facts_eval import SubjectScore, score_identity

    fact_of_event = {ev.event_id: str(k) for k, g in enumerate(cluster(prep.events, prep.topic, model, prep.labels,
                                                                                   subject=prep.subject_ids)) for ev in g}
    score = SubjectScore(subject=prep.subject.name)
    score_identity(prep.subject, prep.events, fact_of_event, None, prep.file_of_doc, score)
    return score


BETA = 0.5  # the threshold favours precision: a false merge hides a happening, a split one only repeats it


def f_beta(p: float, r: float, beta: float = BETA) -> float:
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def train(preps: Sequence[Prepared]) -> IdentityModel:
    """The fitted weights, and the threshold at the middle of the best
    plateau: each threshold is judged by the mean F0.5 (over the subjects)
    of it and its SMOOTH neighbours on each side, so that a threshold on the
    edge of a cliff (a large happening that splits just above it) is not
    chosen: on a new subject the scores shift a little."""
    weights = tuple(round(float(b), 4) for b in fit_logistic(preps))
    values, precisions = [], []
    for t in THRESHOLDS:
        scores = [pair_f1(p, IdentityModel(weights=weights, threshold=t)) for p in preps]
        values.append(sum(f_beta(s.pair_precision, s.pair_recall) for s in scores) / len(scores))
        precisions.append(sum(s.pair_precision for s in scores) / len(scores))

    def key(i: int) -> tuple[float, float, float]:
        near = values[max(0, i - SMOOTH) : i + SMOOTH + 1]
        return round(sum(near) / len(near), 6), round(precisions[i], 6), -THRESHOLDS[i]

    return IdentityModel(weights=weights, threshold=THRESHOLDS[max(range(len(THRESHOLDS)), key=key)])


def leave_one_subject_out(subjects, readings) -> tuple[list, dict]:
    from evaluation.facts_eval import score_subject

    preps = {s.name: prepare(s, readings[s.name]) for s in subjects}
    held_scores, chosen = [], {}
    for s in subjects:
        others = [p for n, p in preps.items() if n != s.name] or list(preps.values())
        model = train(others)
        chosen[s.name] = model.as_dict()
        held_scores.append(score_subject(s, readings[s.name], model))
    return held_scores, chosen


def main(argv: list[str] | None = None) -> int:
    from evaluation.facts_eval import load_subject, read_subject, subjects_in

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "facts" / "data" / "identity_model.json")
    args = ap.parse_args(argv)
    subjects = [load_subject(p) for p in subjects_in(args.directory)]
    readings = {s.name: read_subject(s) for s in subjects}
    held, chosen = leave_one_subject_out(subjects, readings)
    for sc in held:
        print(f"held out {sc.subject}: pairwise P {sc.pair_precision:.3f} R {sc.pair_recall:.3f} F1 {sc.pair_f1:.3f}, "
              f"merged whole {sc.merged_whole}/{sc.multi_source}, false merges {sc.false_merges}")
    model = train([prepare(s, readings[s.name]) for s in subjects])
    out = model.as_dict() | {
        "trained_on": sorted(s.name for s in subjects),
        "loso_pair_f1": {sc.subject: round(sc.pair_f1, 4) for sc in held},
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out["weights"]), "threshold", model.threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
