"""Truth-discovery benchmark: ``claims.csv`` (item,source,value) + ``gold.csv``
(item,value), e.g. ../shared/eval/truth/population.

Metric: accuracy over the gold items that have at least one claim. A chosen
value is correct when it matches the gold value after normalisation
(``facts.values.matches``: numbers equal after parsing, "74,000" = "74000.0";
clock times equal after normalisation, "7:10 AM" = "07:10" = "7:10a", a day
on one side only does not matter; dates the same period; texts equal after
normalisation, case, accents and punctuation aside). Claims whose value says
"no value" ("", "N/A", "Not Available") are dropped before anything else.

Baseline, side by side: majority vote — per item the value(s) claimed by
the most distinct sources (parsed values compared by equality). A tie among
k values earns 1/k when the gold is among them: the expected accuracy of a
random tie-break, so no fixed tie rule (smallest value first, file order)
flatters or hurts the baseline.

Also read: the "book" layout of Dong et al. (``book.txt``: source, isbn,
title, authors, tab-separated; ``book_golden.txt``: isbn, authors), item =
isbn, value = author list (text).

``python -m evaluation.truth_eval DIR`` prints a table, then one JSON object
of metrics as the last line of stdout.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from facts.truth import Claim, TruthResult, discover_truth
from facts.values import Value, format_value, is_missing, matches, parse_value, sort_key


@dataclass(frozen=True, slots=True)
class TruthDataset:
    name: str
    claims: tuple[Claim, ...]
    gold: tuple[tuple[str, Value], ...]  # (item, gold value), sorted by item


@dataclass(frozen=True, slots=True)
class TruthReport:
    dataset: str
    claims: int
    sources: int
    items: int  # gold items with at least one claim
    correct: int
    majority_correct: float  # expected correct under random tie-breaks
    iterations: int
    seconds: float  # parsing + truth discovery, wall clock

    @property
    def accuracy(self) -> float:
        return self.correct / self.items if self.items else 0.0

    @property
    def majority_vote_accuracy(self) -> float:
        return self.majority_correct / self.items if self.items else 0.0

    @property
    def metrics(self) -> dict[str, float | int]:
        return {
            "items": self.items,
            "accuracy": round(self.accuracy, 4),
            "majority_vote_accuracy": round(self.majority_vote_accuracy, 4),
            "seconds": round(self.seconds, 3),
        }

    def table(self) -> str:
        rows = [
            ("method", "items", "correct", "accuracy"),
            ("majority vote", str(self.items), f"{self.majority_correct:.1f}", f"{self.majority_vote_accuracy:.3f}"),
            ("truth discovery", str(self.items), str(self.correct), f"{self.accuracy:.3f}"),
        ]
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = [
            f"truth eval: {self.dataset} — {self.claims} claims, {self.sources} sources, "
            f"{self.iterations} iterations, {self.seconds:.2f} s"
        ]
        for k, row in enumerate(rows):
            lines.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
            if k == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


# --------------------------------------------------------------------------
# readers


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8", errors="replace") as fh:
        return list(csv.DictReader(fh))


def _claims_from_rows(rows: Sequence[tuple[str, str, str]]) -> tuple[Claim, ...]:
    return tuple(
        Claim(item, source, parse_value(raw)) for item, source, raw in rows if not is_missing(raw)
    )


def read_dataset(directory: Path) -> TruthDataset:
    directory = Path(directory)
    if (directory / "claims.csv").exists() and (directory / "gold.csv").exists():
        claim_rows = [
            (r["item"], r["source"], r.get("value") or "") for r in _read_csv_rows(directory / "claims.csv")
        ]
        gold_rows = [(r["item"], r.get("value") or "") for r in _read_csv_rows(directory / "gold.csv")]
    elif (directory / "book.txt").exists() and (directory / "book_golden.txt").exists():
        claim_rows, gold_rows = _read_book(directory)
    else:
        raise FileNotFoundError(f"{directory}: no claims.csv + gold.csv (nor book.txt + book_golden.txt)")
    gold: dict[str, Value] = {}
    for item, raw in gold_rows:
        if not is_missing(raw) and item not in gold:
            gold[item] = parse_value(raw)
    return TruthDataset(directory.name, _claims_from_rows(claim_rows), tuple(sorted(gold.items())))


def _read_book(directory: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    claims: list[tuple[str, str, str]] = []
    for line in (directory / "book.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            claims.append((parts[1].strip(), parts[0].strip(), parts[3]))
    gold: list[tuple[str, str]] = []
    for line in (directory / "book_golden.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip():
            gold.append((parts[0].strip(), parts[1]))
    return claims, gold


# --------------------------------------------------------------------------
# metric


def majority_vote(claims: Sequence[Claim]) -> dict[str, tuple[Value, ...]]:
    """Per item the values claimed by the most distinct sources (all of
    them when tied), in value order."""
    by_item: dict[str, dict[Value, set[str]]] = {}
    for c in claims:
        by_item.setdefault(c.item, {}).setdefault(c.value, set()).add(c.source)
    winners: dict[str, tuple[Value, ...]] = {}
    for item, values in by_item.items():
        top = max(len(s) for s in values.values())
        winners[item] = tuple(sorted((v for v, s in values.items() if len(s) == top), key=sort_key))
    return winners


def accuracy_counts(
    predicted: Mapping[str, Sequence[Value]], gold: Sequence[tuple[str, Value]], claimed_items: set[str]
) -> tuple[int, float]:
    """(items, correct) over gold items that have at least one claim. An
    item predicted as k tied values earns 1/k when one of them matches."""
    items, correct = 0, 0.0
    for item, value in gold:
        if item not in claimed_items:
            continue
        items += 1
        guesses = predicted.get(item, ())
        if guesses and any(matches(g, value) for g in guesses):
            correct += 1.0 / len(guesses)
    return items, correct


def evaluate(dataset: TruthDataset, result: TruthResult, seconds: float) -> TruthReport:
    claimed = {c.item for c in dataset.claims}
    gold_items = [item for item, _ in dataset.gold]
    predicted = {item: (best,) for item in gold_items if (best := result.best(item)) is not None}
    items, correct = accuracy_counts(predicted, dataset.gold, claimed)
    _, majority_correct = accuracy_counts(majority_vote(dataset.claims), dataset.gold, claimed)
    return TruthReport(
        dataset=dataset.name,
        claims=len(dataset.claims),
        sources=len({c.source for c in dataset.claims}),
        items=items,
        correct=round(correct),
        majority_correct=majority_correct,
        iterations=result.iterations,
        seconds=seconds,
    )


def run_truth_eval(directory: Path) -> TruthReport:
    """Read a truth dataset, discover the truth, score it against the gold."""
    start = time.perf_counter()
    dataset = read_dataset(Path(directory))
    result = discover_truth(dataset.claims)
    seconds = time.perf_counter() - start
    return evaluate(dataset, result, seconds)


def errors(directory: Path) -> list[str]:
    """Lines describing the items the algorithm gets wrong (for inspection)."""
    dataset = read_dataset(Path(directory))
    result = discover_truth(dataset.claims)
    claimed = {c.item for c in dataset.claims}
    lines = []
    for item, value in dataset.gold:
        best = result.best(item)
        if item in claimed and (best is None or not matches(best, value)):
            ranked = ", ".join(
                f"{format_value(r.value)}:{r.score:.2f}:{len(r.sources)}" for r in result.ranked(item)
            )
            lines.append(f"{item}\tgold={format_value(value)}\t{ranked}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m evaluation.truth_eval DIR", file=sys.stderr)
        return 2
    report = run_truth_eval(Path(args[0]))
    print(report.table())
    print(json.dumps(report.metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
