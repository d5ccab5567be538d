"""How far two careful readers agree on a page's dated statements: a second, independent labelling
scored against the first exactly as `factwatch eval statements` scores the system.

Offline tool; the figures are the ceiling of any system scored against one reader::

    python -m evaluation.label_agreement evaluation/labels/statements/wcxb-fresh4 \
        evaluation/labels/statements/fresh4-second [--list]

The second reader's statements stand in for system statements on the pages both labelled: a
statement's sentence is its key, its date the gold date's period (``evaluation.gold_dates``; an
unresolvable date agrees only where the first reader's is unresolvable too), its trigger and
participants as labelled. ``score_page`` then gives precision (the second reader's
statements the first also labels, with an agreeing date), recall (the first reader's statements the
second also labels) and agreement on dates, triggers and participants; the second reader's
statements on the first's not-statements are counted by the first's reason. Since the matching of
keys is the scorer's (one key within the other's sentence), two readers who keyed one sentence with
different first words count as disagreeing: the list shows those.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from evaluation.gold_dates import gold_period
from evaluation.statements_eval import GoldPage, GoldStatement, StatementsReport, evaluate, load_label_dir, pages_of


@dataclass(frozen=True)
class LabelledDate:
    """A gold date in the shape the scorer reads a system date in."""

    value: str
    date_start: date
    date_end: date
    role: str
    precision: str | None


@dataclass(frozen=True)
class LabelledStatement:
    """One statement of the second reader, in the shape of a system statement."""

    sentence: str
    date: LabelledDate
    trigger: str | None
    participants: tuple[str, ...]
    char_start: int = 0
    char_end: int = 0
    reporters: tuple[str, ...] = ()  # a reader counts a reporter among the participants

    def written_participants(self) -> tuple[str, ...]:
        return self.participants


# an unresolvable gold date ("Twenty years ago" on an undated page): a date no dated label agrees with
_NO_PERIOD = (date.min, date.min)


def as_statement(gold: GoldStatement) -> LabelledStatement:
    """A labelled statement as the scorer reads a system one (an unresolvable date agrees only with an
    unresolvable date of the first reader, which agrees with any)."""
    start = gold_period(gold.date) if gold.date is not None else None
    end = gold_period(gold.date_end) if gold.role == "range" and gold.date_end else start
    start, end = start or _NO_PERIOD, end or _NO_PERIOD
    value = f"{gold.date}/{gold.date_end}" if gold.role == "range" and gold.date_end else (gold.date or "")
    return LabelledStatement(gold.key, LabelledDate(value, start[0], end[1], gold.role, gold.precision),
                             gold.trigger, gold.participants)


def agreement(first: Sequence[GoldPage], second: Sequence[GoldPage]) -> StatementsReport:
    """The second reading scored against the first, on the pages both have."""
    theirs = {p.page_id: p for p in second}
    pages = [replace(p, places_participate=True) for p in first if p.page_id in theirs]
    statements = {p.page_id: tuple(as_statement(g) for g in theirs[p.page_id].statements) for p in pages}
    return evaluate(pages, statements)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path, help="the label dir scored against (the reference)")
    ap.add_argument("second", type=Path, help="a second, independent labelling of some of its pages")
    ap.add_argument("--pages", type=Path, default=None, help="benchmark pages (default: the first set's own)")
    ap.add_argument("--list", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    pages = args.pages or pages_of(args.first)  # both readings are of the first set's pages
    second = load_label_dir(args.second, pages)
    report = agreement(load_label_dir(args.first, pages), second)
    print(f"second reading of {len(second)} page(s) scored against the first "
          "(precision: the second's statements the first has; recall: the first's the second has)")
    print(report.table())
    if args.list:
        for j in report.judged:
            if not j.correct:
                st = j.statement
                print(f"{j.page_id} second-only [{j.verdict}] {st.sentence!r} -> {st.date.value} trig={st.trigger}")
        for pid, g, _ in report.missed:
            print(f"{pid} first-only {g.key!r} -> {g.date} trig={g.trigger}")
        for j in report.judged:
            if j.correct and j.gold is not None and j.gold.trigger and j.statement.trigger != j.gold.trigger:
                print(f"{j.page_id} trigger first={j.gold.trigger} second={j.statement.trigger} :: {j.gold.key!r}")
    print(json.dumps(report.metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
