"""Why fact identity misses a pair of statements that tell one happening, or
merges two that do not: every cross-page pair of the facts benchmark that the
clustering gets wrong, with its cause and its features.

Offline tool for working on facts/identity.py::

    python -m evaluation.identity_causes ../shared/eval/facts [--subject twitter-acquisition] [--list]
        [--model MODEL.json]

The pairs are those `factwatch eval facts` scores (statements matched to one
gold happening, from two pages that are not versions of one page). A
**missed pair** (one gold happening, two facts) is put down to:

* ``cannot-link``: a constraint keeps them apart (facts.identity.cannot_link);
* ``likely-apart``: they score APART (facts.identity.likely_apart);
* ``gate``: nothing said of what happened in common (no kind of happening,
  too few words alike: facts.identity.related);
* ``below-threshold``: the model scores the pair at or under the threshold;
* ``group``: the pair scores above the threshold, but the average of the two
  groups it lies in does not (average linkage), or a cannot-link between
  the groups holds them apart.

A **false pair** (two gold happenings, one fact) is put down to:

* ``above-threshold``: the model scores the pair above the threshold;
* ``group``: the pair scores under it, and came together through the
  statements of its group.

The model is the shipped one (facts/data/identity_model.json) unless
``--model`` names another (a JSON of evaluation.train_identity's form, e.g.
a leave-one-subject-out fold's parameters from `factwatch eval facts --loso`).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from facts.identity import (
    FEATURES,
    IdentityModel,
    cannot_link,
    cluster,
    default_model,
    likely_apart,
    pair_features,
    pair_score,
    profiles,
    related,
)


@dataclass(frozen=True)
class WrongPair:
    subject: str
    kind: str  # "missed" or "false"
    cause: str
    happenings: tuple[str, str]
    score: float
    features: dict[str, float]
    statements: tuple[str, str]  # "file date | sentence start" of each side


def pair_cause(*, same_happening: bool, banned: bool, apart: bool, gated: bool, score: float,
               threshold: float) -> str:
    """The cause of a wrong pair (see the module docstring); ``gated``: the
    pair failed the what-gate."""
    if same_happening:
        if banned:
            return "cannot-link"
        if apart:
            return "likely-apart"
        if gated:
            return "gate"
        return "below-threshold" if score <= threshold else "group"
    return "above-threshold" if score > threshold and not (banned or apart) else "group"


def wrong_pairs(subject, docs, model: IdentityModel | None = None) -> list[WrongPair]:
    """Every cross-page pair the clustering of ``subject`` gets wrong."""
    from evaluation.facts_eval import match_events
    from evaluation.train_identity import prepare

    model = model or default_model()
    prep = prepare(subject, docs)
    groups = cluster(prep.events, prep.topic, model, prep.labels, subject=prep.subject_ids)
    fact = {e.event_id: k for k, g in enumerate(groups) for e in g}
    happening = match_events(prep.events, prep.file_of_doc, subject.statements).happening
    prof = dict(zip((e.event_id for e in prep.events), profiles(prep.events, prep.topic, prep.labels,
                                                               prep.subject_ids)))
    matched = [e for e in prep.events if e.event_id in happening]

    def told(e) -> str:
        return f"{prep.file_of_doc[e.doc_id]} {e.date_value} | {e.sentence[:80]}"

    out = []
    for a, b in combinations(matched, 2):
        if subject.url_of(prep.file_of_doc[a.doc_id]) == subject.url_of(prep.file_of_doc[b.doc_id]):
            continue
        same_h = happening[a.event_id] == happening[b.event_id]
        if same_h == (fact[a.event_id] == fact[b.event_id]):
            continue
        pa, pb = prof[a.event_id], prof[b.event_id]
        x = pair_features(pa, pb)
        score = pair_score(x, model)
        cause = pair_cause(same_happening=same_h, banned=cannot_link(a, b, pa, pb, x, prep.labels),
                           apart=likely_apart(a, b, pa, pb, x), gated=not related(x), score=score,
                           threshold=model.threshold)
        out.append(WrongPair(subject.name, "missed" if same_h else "false", cause,
                             (happening[a.event_id], happening[b.event_id]), round(score, 2),
                             {f: round(float(v), 2) for f, v in zip(FEATURES, x) if v}, (told(a), told(b))))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from evaluation.facts_eval import load_subject, read_subject, subjects_in

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path, help="the facts benchmark (../shared/eval/facts)")
    ap.add_argument("--subject", action="append", help="only this subject (repeatable)")
    ap.add_argument("--list", action="store_true", help="list every wrong pair with its features")
    ap.add_argument("--model", type=Path, help="an identity model JSON (default: the shipped one)")
    args = ap.parse_args(argv)
    model = IdentityModel.from_dict(json.loads(args.model.read_text(encoding="utf-8"))) if args.model else None
    for path in subjects_in(args.directory):
        subject = load_subject(path)
        if args.subject and subject.name not in args.subject:
            continue
        pairs = wrong_pairs(subject, read_subject(subject), model)
        tally = Counter((p.kind, p.cause) for p in pairs)
        print(f"{subject.name}: " + ", ".join(f"{k} {c} {n}" for (k, c), n in sorted(tally.items())))
        if args.list:
            for p in sorted(pairs, key=lambda p: (p.kind, p.cause, p.happenings)):
                print(f"  {p.kind} {p.cause} {p.happenings[0]} ~ {p.happenings[1]} score {p.score} {p.features}")
                for s in p.statements:
                    print(f"      {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
