"""Fact-level differences between two runs.

Only what an analyst would call a change is reported: a fact added or
removed, its date changed (or refined: precision), its status changed, a
source gained or lost, and for a fact that conflicts in both runs, a
candidate value gained or lost or a source moved from one candidate to
another (``candidates``: the rivals an analyst weighs and who says each
are what changed, even when the preferred value, the set of values and the
sources stay; before and after list each value with its sources). A
source newly counted or gone is its ``sources`` change, not a move.
Compatible values of an uncontested fact (2012 beside 2012-06-04)
and superseded values (a page's earlier statement, an overtaken plan) are
not candidates. A fact told only as plans (``Fact.planned``) whose
date moves is ``rescheduled``, not a ``date`` change (a plan moved, not a
correction); one that a source now says happened is a ``planned`` change
(before "planned", after "happened"), beside its ``date`` change if the
outcome came on another date. Rewordings of the evidence sentence, page metadata,
processing order and anything outside facts produce nothing.

Regrouping is no news either: a fact all of whose statements the previous
run already had (in other facts: a happening split off another) is not
reported added, and a fact all of whose statements this run still has
(merged into another) is not reported removed; the facts that gained or
lost them report it (sources, status, candidates, date). A statement's id
holds its words and date, so a fact only of known statements tells nothing
the pages had not said.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.model import Change, ChangeKind, Fact, FactStatus, Happening, iso_value
from facts.values import DateInterval, compatible


def _value(f: Fact) -> str | None:
    if f.date_start is None or f.date_end is None or f.precision is None:
        return None
    return iso_value(f.date_start, f.date_end, f.precision)


def _interval(f: Fact) -> DateInterval | None:
    if f.date_start is None or f.date_end is None or f.precision is None:
        return None
    return DateInterval(f.date_start, f.date_end, f.precision)


def _holds(outer: DateInterval, inner: DateInterval) -> bool:
    """``outer`` strictly holds ``inner`` (a coarser period around it)."""
    return (outer.date_start, outer.date_end) != (inner.date_start, inner.date_end) and \
        outer.date_start <= inner.date_start and inner.date_end <= outer.date_end


def _happening(f: Fact) -> str:
    return Happening.PLANNED if f.planned else Happening.HAPPENED


def candidates(f: Fact) -> tuple[str, ...]:
    """The values a fact weighs (superseded ones aside), in value order."""
    return tuple(sorted({v.value for v in f.values if not v.superseded}))


def stances(f: Fact) -> dict[str, frozenset[str]]:
    """Source -> the candidate values it states (superseded ones aside)."""
    out: dict[str, set[str]] = {}
    for v in f.values:
        if not v.superseded:
            for s in v.source_ids:
                out.setdefault(s, set()).add(v.value)
    return {s: frozenset(vs) for s, vs in out.items()}


def moved_sources(a: Fact, b: Fact) -> list[str]:
    """Sources counted in both runs whose candidate values differ (a page now dating the happening otherwise)."""
    sa, sb = stances(a), stances(b)
    return sorted(s for s in sa.keys() & sb.keys() if sa[s] != sb[s])


def attributed(f: Fact) -> str:
    """The candidates with the sources stating each: "2012 (a, b); 2013 (c)"."""
    by_value: dict[str, set[str]] = {}
    for v in f.values:
        if not v.superseded:
            by_value.setdefault(v.value, set()).update(v.source_ids)
    return "; ".join(f"{value} ({', '.join(sorted(srcs))})" if srcs else value
                     for value, srcs in sorted(by_value.items()))


def regrouped(f: Fact, statements: set[str]) -> bool:
    """All of the fact's statements stand in the other run's facts (a split or a merge)."""
    return bool(f.event_ids) and set(f.event_ids) <= statements


def diff_facts(before: Sequence[Fact], after: Sequence[Fact]) -> list[Change]:
    old = {f.fact_id: f for f in before}
    new = {f.fact_id: f for f in after}
    said_before = {e for f in before for e in f.event_ids}
    said_now = {e for f in after for e in f.event_ids}
    changes: list[Change] = []
    for fid in sorted(new.keys() - old.keys()):
        f = new[fid]
        if regrouped(f, said_before):
            continue
        changes.append(Change(fid, ChangeKind.ADDED, None, None, _value(f), f.statement, None, f.evidence, (), f.snapshots))
    for fid in sorted(old.keys() - new.keys()):
        f = old[fid]
        if regrouped(f, said_now):
            continue
        changes.append(Change(fid, ChangeKind.REMOVED, None, _value(f), None, f.statement, f.evidence, None, f.snapshots, ()))
    for fid in sorted(old.keys() & new.keys()):
        a, b = old[fid], new[fid]

        def change(field: str, x: str | None, y: str | None) -> Change:
            return Change(fid, ChangeKind.CHANGED, field, x, y, b.statement, a.evidence, b.evidence, a.snapshots, b.snapshots)  # noqa: B023 - called within this iteration only

        va, vb = _value(a), _value(b)
        if va != vb:
            ia, ib = _interval(a), _interval(b)
            refined = ia is not None and ib is not None and compatible(ia, ib)
            # a plan still a plan (or of a run that did not mark plans) whose date moved, or that
            # slipped to a vaguer date ("2021-10-31" -> "2021"), is rescheduled; a finer date refines it
            still_planned = bool(b.planned) and a.planned is not False
            vaguer = refined and ia is not None and ib is not None and _holds(ib, ia)
            if still_planned and (not refined or vaguer):
                changes.append(change("rescheduled", va, vb))
            else:
                changes.append(change("precision" if refined else "date", va, vb))
        if a.planned is not None and b.planned is not None and a.planned != b.planned:
            changes.append(change("planned", _happening(a), _happening(b)))
        if a.status != b.status:
            changes.append(change("status", a.status, b.status))
        elif (a.status == FactStatus.CONFLICTING and a.values and b.values
              and (candidates(a) != candidates(b) or moved_sources(a, b))):
            changes.append(change("candidates", attributed(a), attributed(b)))
        if set(a.source_ids) != set(b.source_ids):
            changes.append(change("sources", ", ".join(sorted(a.source_ids)), ", ".join(sorted(b.source_ids))))
    return changes
