"""Fact-level differences between two runs.

Only what an analyst would call a change is reported: a fact added or
removed, its date changed (or refined: precision), its status changed, a
source gained or lost. Rewordings of the evidence sentence, page metadata,
processing order and anything outside facts produce nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.model import Change, ChangeKind, Fact, iso_value
from facts.values import DateInterval, compatible


def _value(f: Fact) -> str | None:
    if f.date_start is None or f.date_end is None or f.precision is None:
        return None
    return iso_value(f.date_start, f.date_end, f.precision)


def _interval(f: Fact) -> DateInterval | None:
    if f.date_start is None or f.date_end is None or f.precision is None:
        return None
    return DateInterval(f.date_start, f.date_end, f.precision)


def diff_facts(before: Sequence[Fact], after: Sequence[Fact]) -> list[Change]:
    old = {f.fact_id: f for f in before}
    new = {f.fact_id: f for f in after}
    changes: list[Change] = []
    for fid in sorted(new.keys() - old.keys()):
        f = new[fid]
        changes.append(Change(fid, ChangeKind.ADDED, None, None, _value(f), f.statement, None, f.evidence, (), f.snapshots))
    for fid in sorted(old.keys() - new.keys()):
        f = old[fid]
        changes.append(Change(fid, ChangeKind.REMOVED, None, _value(f), None, f.statement, f.evidence, None, f.snapshots, ()))
    for fid in sorted(old.keys() & new.keys()):
        a, b = old[fid], new[fid]

        def change(field: str, x: str | None, y: str | None) -> Change:
            return Change(fid, ChangeKind.CHANGED, field, x, y, b.statement, a.evidence, b.evidence, a.snapshots, b.snapshots)  # noqa: B023 - called within this iteration only

        va, vb = _value(a), _value(b)
        if va != vb:
            ia, ib = _interval(a), _interval(b)
            refined = ia is not None and ib is not None and compatible(ia, ib)
            changes.append(change("precision" if refined else "date", va, vb))
        if a.status != b.status:
            changes.append(change("status", a.status, b.status))
        if set(a.source_ids) != set(b.source_ids):
            changes.append(change("sources", ", ".join(sorted(a.source_ids)), ", ".join(sorted(b.source_ids))))
    return changes
