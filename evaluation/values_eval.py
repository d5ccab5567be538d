"""Preferred values and change reports, with the cause of every miss, and
the same figures with identity held to the gold (what ranking, fact ids and
the diff do when the clustering is right).

    python -m evaluation.values_eval ../shared/eval/facts [--verbose] [--churn] [--loso]

``--loso``: the identity parameters fitted without the subject scored (the
clustering ``factwatch eval facts --loso`` scores held out); ranking, ids
and the diff fit nothing, so this moves only what clustering moves.

For each subject (pages and gold as ``evaluation.facts_eval`` reads them):

1. *as shipped*: the run's own clustering (``facts.identity.cluster``); the
   preferred value of each contested happening is scored as
   ``factwatch eval facts`` scores it, and every miss gets its cause:
   - ``identity``: the fact holding most of the happening's statements
     also holds statements of other gold happenings (a merge: their dates
     compete with the happening's own), or a statement of the happening
     states the gold value, or reports (not plans) a date that fits the
     gold value and disputes the value preferred, but sits in another fact
     (a split: the fact alone holds a refinement, not the conflict the gold
     settles);
   - ``ranking``: that fact holds the happening alone, has the gold value
     among its standing (not superseded) candidates and prefers another;
   - ``reading``: no statement matched to the happening states the gold
     value (not read, misdated, or its sentence tells two gold happenings
     so the benchmark cannot match it to one).
2. *gold identity*: statements matched to one gold happening are grouped by
   it, the rest by the run's clustering; preferred values and the version
   pairs (spurious / missed / real changes, as ``factwatch eval facts``)
   are scored again. A miss here is ranking's, the ids' or the diff's --
   or reading's (a statement the gold does not list, one it lists missed).

   Every spurious and missed change of a version pair gets its cause too,
   as shipped and with gold identity:
   - ``reading``: a statement the change rests on tells no gold happening
     (one the gold does not list), or the gold tells the happening in both
     versions alike but the run read it in one only; for a missed change,
     the page's statement of the happening was not read in a version that
     tells it;
   - ``identity``: a fact the change rests on (or the one the missed
     happening's statements sit in) holds statements of another gold
     happening -- e.g. an earlier version's statement joined with the new
     version's statement of something else, so nothing seems to change;
   - ``ids/diff``: read and grouped right, and the diff still reports the
     change it should not (or misses the one it should): fact ids
     (facts.fact_ids) or the diff (facts.diff).

3. ``--churn`` (no gold needed): each page in turn is left out of a run,
   then the next run has every page (the first run's facts as the previous
   run's); a change reported on a fact that holds none of the added page's
   statements is churn (the grouping or the ids moved, the pages did not).

Nothing here is fitted: the figures measure fixed rules, so in-sample and
held-out coincide.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.facts_eval import (
    Subject,
    SubjectScore,
    _event_interval,
    gold_values,
    load_subject,
    match_events,
    read_subject,
    score_identity,
    score_versions,
    subjects_in,
)
from extractors.document import ProcessedDocument
from facts.identity import IdentityModel, cluster
from facts.model import Event, Fact
from facts.reasoning import reason
from facts.values import DateInterval, compatible


def gold_grouping(subject: Subject, file_of_doc: Mapping[str, str]) -> Callable[..., list[list[Event]]]:
    """A grouping (``facts.identity.cluster``'s signature) that puts the
    statements matched to one gold happening together and clusters the rest."""
    def grouping(events: Sequence[Event], *args, **kwargs) -> list[list[Event]]:
        m = match_events(events, file_of_doc, subject.statements)
        by_gold: dict[str, list[Event]] = defaultdict(list)
        rest: list[Event] = []
        for ev in events:
            h = m.happening.get(ev.event_id)
            (by_gold[h] if h else rest).append(ev)
        return [*by_gold.values(), *cluster(rest, *args, **kwargs)]
    return grouping


def _file_of_doc(subject: Subject, docs: Mapping[str, ProcessedDocument]) -> dict[str, str]:
    out = {d.doc_id: f for f, d in docs.items()}
    # the version pairs re-home a page's second version under the first one's source
    from evaluation.facts_eval import _as_source

    for v1, v2 in subject.version_pairs():
        sid = Path(v1.file).stem
        out[_as_source(docs[v1.file], sid).doc_id] = v1.file
        out[_as_source(docs[v2.file], sid).doc_id] = v2.file
    return out


def miss_causes(subject: Subject, events: Sequence[Event], fact_of_event: Mapping[str, str],
                facts: Sequence[Fact], file_of_doc: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(happening, cause, preferred, gold) for every contested happening whose preferred value is not the gold one."""
    current = [ev for ev in events if ev.current and ev.event_id in fact_of_event]
    m = match_events(current, file_of_doc, subject.statements)
    by_gold: dict[str, list[Event]] = defaultdict(list)
    for ev in current:
        if ev.event_id in m.happening:
            by_gold[m.happening[ev.event_id]].append(ev)
    fact_by_id = {f.fact_id: f for f in facts}
    out = []
    for h in subject.contested:
        gs = [g for g in subject.statements if g.happening == h and g.interval is not None]
        if len({(g.interval.date_start, g.interval.date_end) for g in gs}) < 2 or not by_gold.get(h):
            continue
        wanted = gold_values(gs, subject)
        fid = Counter(fact_of_event[ev.event_id] for ev in by_gold[h]).most_common(1)[0][0]
        f = fact_by_id[fid]
        got = (f.date_start, f.date_end)
        if got in wanted:
            continue
        standing = {(v.date_start, v.date_end) for v in f.values if not v.superseded}
        told = {(ev.date_start, ev.date_end) for ev in by_gold[h]}
        preferred = {e for v in f.values if (v.date_start, v.date_end) == got for e in v.event_ids}
        merged = {m.happening[e] for e in preferred if e in m.happening} - {h}
        got_iv = DateInterval(f.date_start, f.date_end, f.precision)
        gold_ivs = [g.interval for g in gs if (g.interval.date_start, g.interval.date_end) in wanted]
        # a split: a report (not a plan) of the happening that fits the gold value and disputes the
        # preferred one sits in another fact
        disputed_elsewhere = any(
            fact_of_event[ev.event_id] != fid and not ev.planned
            and not compatible(_event_interval(ev), got_iv)
            and any(compatible(_event_interval(ev), iv) for iv in gold_ivs)
            for ev in by_gold[h])
        if merged or disputed_elsewhere:
            cause = "identity"  # a merge (another happening's statements carry the value preferred) or a split
        else:
            cause = "ranking" if standing & wanted else "identity" if told & wanted else "reading"
        out.append((h, cause, f"{f.date_start}/{f.date_end}", ", ".join(f"{a}/{b}" for a, b in sorted(wanted))))
    return out


def version_causes(subject: Subject, docs: Mapping[str, ProcessedDocument],
                   grouping: Callable[..., list[list[Event]]] = cluster,
                   model: IdentityModel | None = None) -> list[tuple[str, str, str]]:
    """(spurious | missed, cause, what) for every spurious and missed change
    of the subject's version pairs, scored as ``factwatch eval facts`` scores
    them (``score_versions``), each with its cause (see the module's doc)."""
    from evaluation.facts_eval import _as_source
    from facts.diff import diff_facts

    out: list[tuple[str, str, str]] = []
    for v1, v2 in subject.version_pairs():
        sid = Path(v1.file).stem
        others = [d for f, d in sorted(docs.items()) if f not in (v1.file, v2.file)]
        d1, d2 = _as_source(docs[v1.file], sid), _as_source(docs[v2.file], sid)
        file_of_doc = {d.doc_id: f for f, d in docs.items()} | {d1.doc_id: v1.file, d2.doc_id: v2.file}
        ev1, rec1 = reason(others + [d1], grouping=grouping, model=model)[1:]
        ev2, rec2 = reason(others + [d2], [d1], previous_facts=rec1.facts, grouping=grouping, model=model)[1:]
        dates: dict[str, dict[str, set]] = {v1.file: defaultdict(set), v2.file: defaultdict(set)}
        for g in subject.statements:
            if g.file in dates and g.interval is not None:
                dates[g.file][g.happening].add((g.interval.date_start, g.interval.date_end))
        told = {f: set(d) for f, d in dates.items()}
        real = {h for h in told[v1.file] | told[v2.file] if dates[v1.file].get(h) != dates[v2.file].get(h)}
        runs = ((v1.file, d1, [e for e in ev1 if e.current], rec1), (v2.file, d2, [e for e in ev2 if e.current], rec2))
        matched = {f: match_events(evs, file_of_doc, subject.statements) for f, _, evs, _ in runs}
        gold_of = {e: h for m in matched.values() for e, h in m.happening.items()}
        read = {f: {matched[f].happening[e.event_id] for e in evs if e.doc_id == d.doc_id and e.event_id in matched[f].happening}
                for f, d, evs, _ in runs}
        page_events = {e.event_id for _, d, evs, _ in runs for e in evs if e.doc_id == d.doc_id}
        facts = [{f.fact_id: f for f in rec.facts} for *_, rec in runs]

        def held(fid: str) -> set[str]:
            """Gold happenings of the statements a fact holds, in either run."""
            return {gold_of[e] for fs in facts if fid in fs for e in fs[fid].event_ids if e in gold_of}  # noqa: B023

        named: set[str] = set()
        for c in diff_facts(rec1.facts, rec2.facts):
            evs = [e for fs in facts if c.fact_id in fs for e in fs[c.fact_id].event_ids]
            own = [e for e in evs if e in page_events] or evs
            hs = {gold_of[e] for e in own if e in gold_of}
            what = f"{c.change} {c.field or ''} {c.before or ''} -> {c.after or ''} [{', '.join(sorted(hs)) or 'no gold'}]"
            if hs & real:
                named |= hs & real
                continue
            alike = {h for h in hs if h in told[v1.file] and h in told[v2.file]}
            if not hs or any(len([f for f in read if h in read[f]]) == 1 for h in alike):
                cause = "reading"
            elif len(held(c.fact_id)) > 1:
                cause = "identity"
            else:
                cause = "ids/diff"
            out.append(("spurious", cause, f"({v2.file}) {what}"))
        for h in sorted(real - named):
            if any(h in told[f] and h not in read[f] for f in read):
                cause = "reading"
            else:
                fids = {rec.fact_of_event[e.event_id] for f, d, evs, rec in runs for e in evs
                        if e.doc_id == d.doc_id and gold_of.get(e.event_id) == h and e.event_id in rec.fact_of_event}
                cause = "identity" if any(held(fid) - {h} for fid in fids) else "ids/diff"
            out.append(("missed", cause, f"({v2.file}) {h}"))
    return out


@dataclass
class ValuesScore:
    subject: str
    contested: int = 0
    preferred_right: int = 0
    causes: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)
    gold_identity: SubjectScore | None = None
    gold_misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # preferred, with gold identity
    version_misses: list[tuple[str, str, str]] = field(default_factory=list)  # as shipped
    gold_version_misses: list[tuple[str, str, str]] = field(default_factory=list)  # with gold identity

    def metrics(self) -> dict:
        g = self.gold_identity
        return {
            "preferred": f"{self.preferred_right}/{self.contested}",
            "miss_causes": dict(self.causes),
            "gold_identity_preferred": f"{g.preferred_right}/{g.contested}" if g else None,
            "gold_identity_miss_causes": dict(Counter(c for _, c, _, _ in self.gold_misses)),
            "gold_identity_versions_spurious_missed_real":
                f"{g.spurious_changes}/{g.missed_changes}/{g.real_changes}" if g else None,
            "version_causes": dict(Counter(f"{k} {c}" for k, c, _ in self.version_misses)),
            "gold_identity_version_causes": dict(Counter(f"{k} {c}" for k, c, _ in self.gold_version_misses)),
        }


def score_values(subject: Subject, docs: Mapping[str, ProcessedDocument],
                 model: IdentityModel | None = None) -> ValuesScore:
    """``model``: the identity parameters (None: the shipped ones; ``--loso``: fitted without the subject)."""
    file_of_doc = _file_of_doc(subject, docs)
    ordered = [docs[p.file] for p in subject.pages]
    out = ValuesScore(subject=subject.name)
    _, events, rec = reason(ordered, model=model)
    shipped = SubjectScore(subject=subject.name)
    score_identity(subject, events, rec.fact_of_event, rec.facts, file_of_doc, shipped)
    out.contested, out.preferred_right = shipped.contested, shipped.preferred_right
    out.misses = miss_causes(subject, events, rec.fact_of_event, rec.facts, file_of_doc)
    out.causes = Counter(c for _, c, _, _ in out.misses)

    grouping = gold_grouping(subject, file_of_doc)
    _, events, rec = reason(ordered, grouping=grouping, model=model)
    gold = SubjectScore(subject=subject.name)
    score_identity(subject, events, rec.fact_of_event, rec.facts, file_of_doc, gold)
    out.gold_misses = miss_causes(subject, events, rec.fact_of_event, rec.facts, file_of_doc)
    score_versions(subject, docs, gold, model, grouping=grouping)
    out.gold_identity = gold
    out.version_misses = version_causes(subject, docs, model=model)
    out.gold_version_misses = version_causes(subject, docs, grouping, model)
    return out


def churn(subject: Subject, docs: Mapping[str, ProcessedDocument]) -> tuple[int, int, list[str]]:
    """(changes, churn, notes) over the runs that add each page in turn."""
    from facts.diff import diff_facts

    ordered = [docs[p.file] for p in subject.pages]
    total, wrong, notes = 0, 0, []
    for i, doc in enumerate(ordered):
        _, _, first = reason(ordered[:i] + ordered[i + 1:])
        _, events, second = reason(ordered, previous_facts=first.facts)
        added = {e.event_id for e in events if e.doc_id == doc.doc_id}
        now = {f.fact_id: f for f in second.facts}
        for c in diff_facts(first.facts, second.facts):
            total += 1
            if c.fact_id not in now or not set(now[c.fact_id].event_ids) & added:
                wrong += 1
                notes.append(f"churn (adding {doc.source_id}): {c.fact_id} {c.change} {c.field or ''} "
                             f"{c.before or ''} -> {c.after or ''}")
    return total, wrong, notes


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--churn", action="store_true", help="also add each page in turn and count churn (slow)")
    ap.add_argument("--loso", action="store_true",
                    help="identity parameters fitted without the subject scored (as `factwatch eval facts --loso`)")
    args = ap.parse_args(argv)
    scores = []
    churned: dict[str, tuple[int, int, list[str]]] = {}
    subjects = [load_subject(path) for path in subjects_in(args.directory)]
    readings = {s.name: read_subject(s) for s in subjects}
    models: dict[str, IdentityModel | None] = {s.name: None for s in subjects}
    if args.loso:
        from evaluation.train_identity import prepare, train

        preps = {s.name: prepare(s, readings[s.name]) for s in subjects}
        if len(subjects) < 2:
            ap.error("--loso needs two subjects or more")
        for s in subjects:
            models[s.name] = train([p for n, p in preps.items() if n != s.name])
    for subject in subjects:
        docs = readings[subject.name]
        scores.append(score_values(subject, docs, models[subject.name]))
        if args.churn:
            churned[subject.name] = churn(subject, docs)
    head = f"{'subject':<22} {'pref':>6} {'causes of misses':<34} {'pref|gold id':>12} {'vers|gold id s/m/r':>18}"
    print(head)
    print("-" * len(head))
    for s in scores:
        g = s.gold_identity
        causes = ", ".join(f"{k} {v}" for k, v in sorted(s.causes.items())) or "-"
        print(f"{s.subject:<22} {f'{s.preferred_right}/{s.contested}':>6} {causes:<34} "
              f"{f'{g.preferred_right}/{g.contested}' if g else '':>12} "
              f"{f'{g.spurious_changes}/{g.missed_changes}/{g.real_changes}' if g else '':>18}")
    for name, (total, wrong, notes) in churned.items():
        print(f"{name}: adding each page in turn: {total} changes, {wrong} on facts without the page's statements")
        if args.verbose:
            print("\n".join(f"{name}: {n}" for n in notes))
    if args.verbose:
        for s in scores:
            for h, cause, got, wanted in s.misses:
                print(f"{s.subject}: preferred ({cause}): {h} is {got} (gold {wanted})")
            for kind, cause, what in s.version_misses:
                print(f"{s.subject}: {kind} change ({cause}): {what}")
            for h, cause, got, wanted in s.gold_misses:
                print(f"{s.subject} (gold identity): preferred ({cause}): {h} is {got} (gold {wanted})")
            for kind, cause, what in s.gold_version_misses:
                print(f"{s.subject} (gold identity): {kind} change ({cause}): {what}")
    out = {s.subject: s.metrics() for s in scores}
    for name, (total, wrong, _) in churned.items():
        out[name] |= {"changes_adding_pages": total, "churn": wrong}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
