"""Ceilings for source-trust models, measured by cheating on purpose.

``python -m evaluation.truth_ceiling DIR`` reads a truth data set (the
layouts of ``evaluation.truth_eval``) and *cheats on purpose*: it measures,
from the gold, how often the sources of each size class (floor(log2(claims
the source makes))) are right on the gold items they dispute (two values
or more claimed), then votes on every gold item with those accuracies
(Accu's vote ``ln(1 + A / (1 - A))``, ``n_false`` = 1). No estimator that
learns one accuracy per size class without the gold can beat this figure
by more than chance, so it says how far such a model can carry a data set
(on population: 0.841, short of 0.88). The same with one accuracy per
source, measured on the very items it then decides (``per_source_ceiling``,
0.880 on population), bounds any model of per-source accuracy from above,
generously. Not a method: a diagnostic fitted on the gold it scores.

Held out (``per_source_held_out``, ``size_class_held_out``): the same
votes with each item decided by accuracies counted on the *other* gold
items only (leave one item out), i.e. what knowing the accuracies from
the gold would give on items not used to measure them. On population:
per source 0.834, per size class 0.828, both below what truth discovery
reaches without the gold (0.847): the 0.880 above is the fit of each
source's accuracy to the items it decides (a source disputes a handful
of gold items: the census bot 197, the next 16, 561 of 632 just one), not
evidence that carries to other items.

Beside the ceilings, what the shipped parameters get wrong, by kind
(``error_kinds``, no fitting): gold never claimed (no method can choose
it; ``claimed_ceiling`` is the share of items whose gold some source
claims), the chosen value within 1 % of the gold, and whether the chosen
value has more, as many or fewer sources than the gold. The last line of
stdout is one JSON object.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from evaluation.truth_eval import read_dataset
from facts.truth import discover_truth
from facts.values import Number, Value, matches


def _vote(by_item, gold, accuracy_of) -> tuple[int, int]:
    """Items voted on and items right, each claim weighed by
    ``accuracy_of(source, item)``."""
    items = correct = 0
    for item, value in gold.items():
        claims = by_item.get(item, [])
        if not claims:
            continue
        items += 1
        score: dict = defaultdict(float)
        for c in claims:
            a = accuracy_of(c.source, item)
            score[c.value] += math.log1p(a / (1.0 - a))
        correct += matches(max(score, key=lambda v: (score[v], str(v))), value)
    return items, correct


def ceilings(directory: Path) -> dict[str, float | int]:
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
    own_seen: dict[str, Counter] = defaultdict(Counter)  # per item: what it adds to the counts
    own_right: dict[str, Counter] = defaultdict(Counter)
    for item, value in gold.items():
        claims = by_item.get(item, [])
        if len({c.value for c in claims}) < 2:
            continue
        for c in claims:
            for key in (("class", size_class(c.source)), ("source", c.source)):
                seen[key] += 1
                right[key] += matches(c.value, value)
                own_seen[item][key] += 1
                own_right[item][key] += matches(c.value, value)

    def accuracy(key: tuple, held_out: str | None = None) -> float:
        """Laplace: never 0 or 1; unseen: 1/2. ``held_out``: without what
        that item says (the source's accuracy on the *other* gold items)."""
        r, n = right[key], seen[key]
        if held_out is not None:
            r, n = r - own_right[held_out][key], n - own_seen[held_out][key]
        return (r + 1) / (n + 2)

    items, by_class = _vote(by_item, gold, lambda s, _: accuracy(("class", size_class(s))))
    _, by_source = _vote(by_item, gold, lambda s, _: accuracy(("source", s)))
    _, by_class_held = _vote(by_item, gold, lambda s, item: accuracy(("class", size_class(s)), item))
    _, by_source_held = _vote(by_item, gold, lambda s, item: accuracy(("source", s), item))
    claimed = sum(1 for item, value in gold.items() if any(matches(c.value, value) for c in by_item.get(item, [])))

    def share(k: int) -> float:
        return round(k / items, 4) if items else 0.0

    return {"items": items, "size_class_ceiling": share(by_class), "per_source_ceiling": share(by_source),
            "size_class_held_out": share(by_class_held), "per_source_held_out": share(by_source_held),
            "claimed_ceiling": share(claimed),
            "error_kinds": error_kinds(dataset.claims, by_item, gold)}


def _close(a: Value, b: Value, rel: float = 0.01) -> bool:
    if not (isinstance(a, Number) and isinstance(b, Number)) or a.unit != b.unit:
        return False
    return abs(a.value - b.value) <= rel * max(abs(a.value), abs(b.value))


def error_kinds(claims, by_item, gold) -> dict[str, int]:
    """The items truth discovery (shipped parameters) gets wrong, by kind.

    ``claims`` in the data set's order: the order ``eval truth`` decides
    in, so ties break the same way.
    """
    result = discover_truth(claims)
    kinds: Counter = Counter()
    for item, value in gold.items():
        claims = by_item.get(item, [])
        best = result.best(item)
        if not claims or best is None or matches(best, value):
            continue
        kinds["wrong"] += 1
        n_gold = len({c.source for c in claims if matches(c.value, value)})
        if not n_gold:
            kinds["gold never claimed"] += 1
            continue
        n_best = len({c.source for c in claims if matches(c.value, best)})
        kinds["chosen has more sources" if n_best > n_gold else "chosen has as many sources" if n_best == n_gold else "chosen has fewer sources"] += 1
        if _close(best, value):
            kinds["chosen within 1 % of the gold"] += 1
    return dict(sorted(kinds.items()))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m evaluation.truth_ceiling DIR", file=sys.stderr)
        return 2
    print(json.dumps(ceilings(Path(args[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
