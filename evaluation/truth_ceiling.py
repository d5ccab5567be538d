"""A ceiling for source-trust models that know a source only by its size.

``python -m evaluation.truth_ceiling DIR`` reads a truth data set (the
layouts of ``evaluation.truth_eval``) and *cheats on purpose*: it measures,
from the gold, how often the sources of each size class (floor(log2(claims
the source makes))) are right on the gold items they dispute (two values
or more claimed), then votes on every gold item with those accuracies
(Accu's vote ``ln(1 + A / (1 - A))``, ``n_false`` = 1). No estimator that
learns one accuracy per size class without the gold can beat this figure
by more than chance, so it says how far such a model can carry a data set
(on population: 0.841, short of 0.88). Not a method: a diagnostic that is
fitted on the gold it scores. The last line of stdout is one JSON object.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from evaluation.truth_eval import read_dataset
from facts.values import matches


def size_class_ceiling(directory: Path) -> dict[str, float | int]:
    dataset = read_dataset(Path(directory))
    size = Counter(c.source for c in dataset.claims)
    gold = dict(dataset.gold)
    by_item: dict[str, list] = defaultdict(list)
    for c in dataset.claims:
        by_item[c.item].append(c)

    def size_class(source: str) -> int:
        return int(math.log2(size[source]))

    seen: Counter = Counter()
    right: Counter = Counter()
    for item, value in gold.items():
        claims = by_item.get(item, [])
        if len({c.value for c in claims}) < 2:
            continue
        for c in claims:
            seen[size_class(c.source)] += 1
            right[size_class(c.source)] += matches(c.value, value)
    accuracy = {k: (right[k] + 1) / (seen[k] + 2) for k in seen}  # Laplace: never 0 or 1
    items = correct = 0
    for item, value in gold.items():
        claims = by_item.get(item, [])
        if not claims:
            continue
        items += 1
        score: dict = defaultdict(float)
        for c in claims:
            a = accuracy.get(size_class(c.source), 0.5)
            score[c.value] += math.log1p(a / (1.0 - a))
        correct += matches(max(score, key=lambda v: (score[v], str(v))), value)
    return {"items": items, "size_class_ceiling": round(correct / items, 4) if items else 0.0,
            "classes": len(accuracy)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m evaluation.truth_ceiling DIR", file=sys.stderr)
        return 2
    print(json.dumps(size_class_ceiling(Path(args[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
