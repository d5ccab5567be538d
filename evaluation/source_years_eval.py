"""How well the run's other pages give a year to an undated page's days
(facts.source_years), and the ``MIN_DAYS`` chosen leaving a subject out.

Few pages of the facts subjects write their days without a year, so every
dated page stands in for one: its written days (day precision, not counted),
in page order, with their years taken away, are given a year from the
subject's other pages (other addresses) as ``infer_year`` does, and each day
is judged against the year its page wrote: right, wrong, or left undated.
For each subject left out, ``MIN_DAYS`` is the smallest count of coinciding
days whose days, on the other subjects, are right at least PRECISION of the
time they are dated (the largest tried when none is); the subject left out
is then scored with it::

    python -m evaluation.source_years_eval ../shared/eval/facts
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from evaluation.facts_eval import load_subject, read_subject, subjects_in
from facts.entities import canonicalize
from facts.events import acronym_pairs, canonical_events, occurrences
from facts.identity import happening_kinds
from facts.model import Event
from facts.reasoning import about
from facts.source_years import Dated, Day, infer_year, year_offsets

TRIED = (2, 3, 4, 5, 6)
PRECISION = 0.9


def _written_day(ev: Event) -> bool:
    return ev.precision == "day" and ev.date_start == ev.date_end and not ev.counted_day


def subject_cases(directory: Path) -> list[tuple[list[Day], list[int], str, list[Dated], frozenset[str]]]:
    """(days in page order, their true years, url, the other pages' evidence, topic) per dated page."""
    subject = load_subject(directory)
    docs = read_subject(subject)
    ordered = [docs[p.file] for p in subject.pages]
    index = canonicalize(occurrences(ordered), acronym_pairs(ordered))
    topic = frozenset(about(index, (), (d.source_id for d in ordered)))
    events = canonical_events(ordered, index)
    kinds = happening_kinds(events)
    url_of = {d.doc_id: d.url or d.source_id for d in ordered}
    evidence = [Dated(e.date_start, kinds.get(e.event_id), frozenset(e.participant_ids), url_of[e.doc_id])
                for e in events if _written_day(e) and not e.planned]
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if _written_day(e):
            by_doc[e.doc_id].append(e)
    cases = []
    for doc_id, evs in by_doc.items():
        phrases: dict[int, tuple[Day, int]] = {}
        for e in sorted(evs, key=lambda e: (e.date_char_start, e.event_id)):
            phrases.setdefault(e.date_char_start, (Day(e.date_start.month, e.date_start.day, kinds.get(e.event_id),
                                                       frozenset(e.participant_ids)), e.date_start.year))
        if len(phrases) >= 2:
            days = [d for d, _ in phrases.values()]
            cases.append((days, [y for _, y in phrases.values()], url_of[doc_id], evidence, topic))
    return cases


def judge(cases, min_days: int) -> tuple[int, int, int]:
    """(right, wrong, undated) days over the cases."""
    right = wrong = undated = 0
    for days, years, url, evidence, topic in cases:
        first = infer_year(days, url, evidence, topic, min_days)
        if first is None:
            undated += len(days)
            continue
        for off, y in zip(year_offsets([(d.month, d.day) for d in days]), years):
            right += first + off == y
            wrong += first + off != y
    return right, wrong, undated


def choose(cases) -> int:
    for m in TRIED:
        r, w, _ = judge(cases, m)
        if r + w and r / (r + w) >= PRECISION:
            return m
    return TRIED[-1]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path)
    args = ap.parse_args(argv)
    cases = {p.name: subject_cases(p) for p in subjects_in(args.directory)}
    out: dict = {"in_sample": {}, "loso": {}}
    for name, cs in cases.items():
        out["in_sample"][name] = {m: judge(cs, m) for m in TRIED}
        print(name, f"{len(cs)} dated pages;", "min_days -> (right, wrong, undated) days:",
              {m: judge(cs, m) for m in TRIED})
    for name, cs in cases.items():
        m = choose([c for other, o in cases.items() if other != name for c in o])
        out["loso"][name] = {"min_days": m, "right_wrong_undated": judge(cs, m)}
        print(f"without {name}: min_days {m}; {name}: (right, wrong, undated) = {judge(cs, m)}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
