"""Truth-discovery benchmark: ``claims.csv`` (item,source,value) + ``gold.csv``
(item,value), e.g. ../shared/eval/truth/population.

Metric: accuracy over the gold items that have at least one claim. A chosen
value is correct when it matches the gold value after normalisation
(``facts.values.matches``: numbers equal after parsing, "74,000" = "74000.0";
clock times equal after normalisation, "7:10 AM" = "07:10" = "7:10a", a day
on one side only does not matter; dates the same period; texts equal after
normalisation, case, accents and punctuation aside). Claims whose value says
"no value" ("", "N/A", "Not Available") are dropped before anything else.

Truth discovery's choice is scored the same way where it is a tie (as
confident and as precise as an incompatible value, which only a fixed
value order then puts first): 1/k, not whatever the order gives.

Baseline, side by side: majority vote — per item the value(s) claimed by
the most distinct sources (parsed values compared by equality). A tie among
k values earns 1/k when the gold is among them: the expected accuracy of a
random tie-break, so no fixed tie rule (smallest value first, file order)
flatters or hurts the baseline.

Also read: the "book" layout of Dong et al. (``book.txt``: source, isbn,
title, authors, tab-separated; ``book_golden.txt``: isbn, authors), item =
isbn, value = author list (text).

Choosing the one parameter set: leave one data set out. Every candidate
of ``PARAM_GRID`` that shows the required behaviours
(``evaluation.truth_fixtures.behaviours``) is scored on every data set;
the in-sample figure of a set is its accuracy with the candidate chosen on
all sets, the held-out figure its accuracy with the candidate chosen on the
other sets only. The objective is the mean accuracy over the sets, each
point below majority vote on a set costing ``SHORTFALL_PENALTY`` points.

``factwatch eval truth DIR`` (``python -m evaluation.truth_eval DIR``)
prints a table, then one JSON object of metrics as the last line of
stdout; several folders (or a folder of data sets) and ``--generated`` give
one row per set, and ``--select`` adds the leave-one-dataset-out table.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evaluation.truth_fixtures import Behaviour, behaviours, write_generated
from facts.truth import Claim, TruthParams, TruthResult, discover_truth, prepare, solve
from facts.values import Value, compatible, format_value, is_missing, matches, parse_value, precision_days, sort_key

_TIE = 1e-9  # confidences closer than this are equal (as ``facts.truth`` ranks them)


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
    correct: float  # ties scored 1/k (``tied_best``)
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
            ("truth discovery", str(self.items), f"{self.correct:.1f}", f"{self.accuracy:.3f}"),
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


def tied_best(result: TruthResult, item: str) -> tuple[Value, ...]:
    """The chosen value, with the values it is chosen over by the fixed
    order alone: as confident, as precise and incompatible with it (a 1-1
    contest between two sources of equal trust). Scored 1/k like majority
    vote's ties, so the tie rule neither flatters nor hurts the method."""
    ranked = result.ranked(item)
    if not ranked:
        return ()
    top = ranked[0]
    width = precision_days(top.value)
    return (top.value,) + tuple(
        r.value
        for r in ranked[1:]
        if abs(r.score - top.score) <= _TIE and precision_days(r.value) == width and not compatible(r.value, top.value)
    )


def evaluate(dataset: TruthDataset, result: TruthResult, seconds: float) -> TruthReport:
    claimed = {c.item for c in dataset.claims}
    gold_items = [item for item, _ in dataset.gold]
    predicted = {item: tied for item in gold_items if (tied := tied_best(result, item))}
    items, correct = accuracy_counts(predicted, dataset.gold, claimed)
    _, majority_correct = accuracy_counts(majority_vote(dataset.claims), dataset.gold, claimed)
    return TruthReport(
        dataset=dataset.name,
        claims=len(dataset.claims),
        sources=len({c.source for c in dataset.claims}),
        items=items,
        correct=correct,
        majority_correct=majority_correct,
        iterations=result.iterations,
        seconds=seconds,
    )


def run_truth_eval(directory: Path, params: TruthParams = TruthParams()) -> TruthReport:
    """Read a truth dataset, discover the truth, score it against the gold."""
    start = time.perf_counter()
    dataset = read_dataset(Path(directory))
    result = discover_truth(dataset.claims, params=params)
    seconds = time.perf_counter() - start
    return evaluate(dataset, result, seconds)


def dataset_dirs(directories: Sequence[Path]) -> list[Path]:
    """The data sets named: a folder in one of the two layouts, or a folder
    of such folders (``../shared/eval/truth``), expanded in name order."""
    found: list[Path] = []
    for directory in map(Path, directories):
        if _is_dataset(directory):
            found.append(directory)
            continue
        inner = sorted(d for d in directory.iterdir() if d.is_dir() and _is_dataset(d)) if directory.is_dir() else []
        if not inner:
            raise FileNotFoundError(f"{directory}: no claims.csv + gold.csv (nor book.txt + book_golden.txt)")
        found.extend(inner)
    return found


def _is_dataset(directory: Path) -> bool:
    return ((directory / "claims.csv").exists() and (directory / "gold.csv").exists()) or (
        (directory / "book.txt").exists() and (directory / "book_golden.txt").exists()
    )


def summary_table(reports: Sequence[TruthReport]) -> str:
    """One row per data set: majority vote beside truth discovery."""
    rows = [("data set", "claims", "sources", "items", "majority vote", "truth discovery", "difference", "seconds")]
    for r in reports:
        rows.append(
            (
                r.dataset,
                str(r.claims),
                str(r.sources),
                str(r.items),
                f"{r.majority_vote_accuracy:.3f}",
                f"{r.accuracy:.3f}",
                f"{r.accuracy - r.majority_vote_accuracy:+.3f}",
                f"{r.seconds:.2f}",
            )
        )
    return _format_rows(rows)


def _format_rows(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --------------------------------------------------------------------------
# choosing the one parameter set: leave one data set out

# The grid the parameter set is chosen from. Each axis is one idea that
# should hold across data sets; nothing here is keyed to a data set. The
# wrong values an item admits (n_false = 1, against 3), close values
# lending votes (similarity_weight = 0, against 0.5), finer dates lending
# the coarser their votes (nested_weight = 1, against 0), only disputed
# items as evidence of accuracy (agreement_weight = 0, against 1) and
# agreeing on true values counting towards copying (shared_truth_weight =
# 1, against 0 and 0.5) were chosen on a wider grid over the same sets and
# are held at those values (the ``TruthParams`` defaults) to keep the
# choice affordable (12 candidates, each solved once per set); a full
# leave-one-out source score (self_evidence = 0) and a prior of one
# pseudo-claim were never chosen on the wider grid and are left out.
PARAM_GRID: dict[str, tuple[float, ...]] = {
    "prior_strength": (4.0, 8.0, 16.0),  # Beta pseudo-claims at the mean accuracy
    "self_evidence": (0.5, 1.0),  # half leave-one-out (0.5) .. plain EM (1) source scoring
    "class_pooling": (0.0, 4.0),  # shrink to the mean of all sources (0) or of sources of like size (4 pseudo-sources)
}
# the selection objective: mean accuracy, and every point below majority
# vote on a data set costs this many points of the mean
SHORTFALL_PENALTY = 2.0


def parameter_grid(grid: Mapping[str, Sequence[float]] = PARAM_GRID) -> list[TruthParams]:
    keys = sorted(grid)
    return [TruthParams(**dict(zip(keys, combo))) for combo in itertools.product(*(grid[k] for k in keys))]


def selection_score(accuracies: Sequence[float], majority: Sequence[float]) -> float:
    shortfall = sum(max(0.0, m - a) for a, m in zip(accuracies, majority))
    return sum(accuracies) / len(accuracies) - SHORTFALL_PENALTY * shortfall


@dataclass(frozen=True, slots=True)
class SelectionRow:
    dataset: str
    items: int
    majority_vote: float
    in_sample: float  # with the parameters chosen on every data set
    held_out: float  # with the parameters chosen without this data set
    held_out_params: TruthParams


@dataclass(frozen=True, slots=True)
class SelectionReport:
    rows: tuple[SelectionRow, ...]
    chosen: TruthParams  # chosen on every data set
    defaults: TruthParams
    default_accuracy: tuple[float, ...]  # per row, with ``TruthParams()``
    candidates: int
    eligible: int  # candidates showing every required behaviour

    def table(self) -> str:
        head = ("data set", "items", "majority vote", "in-sample", "held out", "defaults", "held-out choice")
        rows = [head]
        for r, default in zip(self.rows, self.default_accuracy):
            rows.append(
                (
                    r.dataset,
                    str(r.items),
                    f"{r.majority_vote:.3f}",
                    f"{r.in_sample:.3f}",
                    f"{r.held_out:.3f}",
                    f"{default:.3f}",
                    _describe(r.held_out_params, self.chosen),
                )
            )
        lines = [
            f"leave-one-dataset-out over {len(self.rows)} data sets, {self.candidates} parameter sets "
            f"({self.eligible} show every required behaviour)",
            _format_rows(rows),
            f"chosen on every data set: {_describe(self.chosen, None)}",
            "TruthParams() defaults " + ("are" if self.chosen == self.defaults else "are NOT") + " the chosen set",
        ]
        return "\n".join(lines)

    @property
    def metrics(self) -> dict[str, object]:
        return {
            r.dataset: {
                "majority_vote_accuracy": round(r.majority_vote, 4),
                "in_sample": round(r.in_sample, 4),
                "held_out": round(r.held_out, 4),
                "defaults": round(d, 4),
            }
            for r, d in zip(self.rows, self.default_accuracy)
        } | {"chosen": {k: getattr(self.chosen, k) for k in sorted(PARAM_GRID)}, "defaults_chosen": self.chosen == self.defaults}


def _describe(params: TruthParams, same_as: TruthParams | None) -> str:
    if same_as is not None and params == same_as:
        return "same"
    return " ".join(f"{k}={getattr(params, k):g}" for k in sorted(PARAM_GRID))


def behaviour_failures(params: TruthParams, required: Sequence[Behaviour] | None = None) -> list[str]:
    """Names of the required behaviours (``evaluation.truth_fixtures``) a
    parameter set fails."""
    failed = []
    for b in behaviours() if required is None else required:
        result = discover_truth(b.claims, params=params)
        right = sum(1 for item, value in b.expected if (best := result.best(item)) is not None and matches(best, value))
        if right < b.min_share * len(b.expected) - 1e-9:
            failed.append(b.name)
    return failed


def select_parameters(
    datasets: Sequence[TruthDataset],
    candidates: Sequence[TruthParams] | None = None,
    required: Sequence[Behaviour] | None = None,
) -> SelectionReport:
    """Score every candidate parameter set on every data set once; choose on
    all sets (in-sample) and, for each set, on the others only (held out),
    among the candidates that show every required behaviour."""
    candidates = list(candidates or parameter_grid())
    defaults = TruthParams()
    if defaults not in candidates:
        candidates.append(defaults)
    eligible = [not behaviour_failures(p, required) for p in candidates]
    if not any(eligible):
        raise ValueError("no candidate parameter set shows every required behaviour")
    acc = np.zeros((len(candidates), len(datasets)))
    majority = np.zeros(len(datasets))
    items = []
    for j, dataset in enumerate(datasets):
        prepared = prepare(dataset.claims)
        for i, params in enumerate(candidates):
            report = evaluate(dataset, solve(prepared, None, params), 0.0)
            acc[i, j] = report.accuracy
        majority[j] = report.majority_vote_accuracy
        items.append(report.items)

    def choose(columns: list[int]) -> int:
        scores = [selection_score(acc[i, columns].tolist(), majority[columns].tolist()) for i in range(len(candidates))]
        return max((i for i in range(len(candidates)) if eligible[i]), key=lambda i: (round(scores[i], 12), -i))

    every = list(range(len(datasets)))
    chosen = choose(every)
    rows = []
    for j, dataset in enumerate(datasets):
        held = choose([k for k in every if k != j])
        rows.append(
            SelectionRow(dataset.name, items[j], float(majority[j]), float(acc[chosen, j]), float(acc[held, j]), candidates[held])
        )
    default_row = candidates.index(defaults)
    return SelectionReport(
        tuple(rows), candidates[chosen], defaults, tuple(acc[default_row].tolist()), len(candidates), sum(eligible)
    )


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


def run_cli(directories: Sequence[Path], generated: bool = False, select: bool = False) -> tuple[str, dict]:
    """What ``factwatch eval truth`` prints: the table(s), then its figures (one JSON line).
    One data set: its table and metrics. Several (or ``generated``, which
    adds the regimes of ``evaluation.truth_fixtures``): one row per set;
    ``select`` adds the leave-one-dataset-out choice of parameters."""
    dirs = dataset_dirs(directories) if directories else []
    with tempfile.TemporaryDirectory(prefix="truth-regimes-") as tmp:
        if generated:
            dirs = dirs + write_generated(Path(tmp))
        if not dirs:
            raise ValueError("no data set: give a folder or --generated")
        if select and len(dirs) < 2:
            raise ValueError("--select leaves one data set out: it needs two or more")
        if len(dirs) == 1 and not select:
            report = run_truth_eval(dirs[0])
            return report.table(), report.metrics
        reports = [run_truth_eval(d) for d in dirs]
        text = summary_table(reports)
        metrics: dict[str, object] = {r.dataset: r.metrics for r in reports}
        if select:
            selection = select_parameters([read_dataset(d) for d in dirs])
            text += "\n\n" + selection.table()
            metrics = {"defaults": metrics, "selection": selection.metrics}
        return text, metrics


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    generated = "--generated" in args
    select = "--select" in args
    dirs = [Path(a) for a in args if not a.startswith("--")]
    if not dirs and not generated:
        print("usage: python -m evaluation.truth_eval [DIR...] [--generated] [--select]", file=sys.stderr)
        return 2
    text, metrics = run_cli(dirs, generated=generated, select=select)
    print(text)
    print(json.dumps(metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
