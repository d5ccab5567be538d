"""The gold-fitted ceilings of evaluation.truth_ceiling on a hand-made set."""

from __future__ import annotations

import csv

from evaluation.truth_ceiling import ceilings


def _ceilings(folder, claims, gold) -> dict:
    """The ceilings of a data set written as the benchmark's claims.csv and gold.csv."""
    with (folder / "claims.csv").open("w", newline="") as fh:
        csv.writer(fh).writerows([("item", "source", "value"), *claims])
    with (folder / "gold.csv").open("w", newline="") as fh:
        csv.writer(fh).writerows([("item", "value"), *gold])
    return ceilings(folder)


def test_a_source_right_where_disputed_is_found_by_the_per_source_ceiling_only(tmp_path):
    # two one-claim sources per item: "good-k" right, "bad-k" wrong; all of
    # one size class, which cannot tell them apart
    claims, gold = [], []
    for i in range(20):
        gold.append((f"i{i}", str(100 + i)))
        claims += [(f"i{i}", f"good-{i}", str(100 + i)), (f"i{i}", f"bad-{i}", str(900 + i))]
    got = _ceilings(tmp_path, claims, gold)
    assert got["items"] == 20
    assert got["per_source_ceiling"] == 1.0
    assert got["size_class_ceiling"] < 1.0  # one class, one accuracy: a coin toss between the two values
    # held out, each source is judged on the other items, where it never
    # speaks: nothing tells the two apart
    assert got["per_source_held_out"] < 1.0


def test_held_out_accuracy_carries_a_source_seen_on_other_items(tmp_path):
    # "good" and "bad" dispute every item: their record on the other items
    # decides each one
    claims, gold = [], []
    for i in range(10):
        gold.append((f"i{i}", str(100 + i)))
        claims += [(f"i{i}", "good", str(100 + i)), (f"i{i}", "bad", str(900 + i))]
    got = _ceilings(tmp_path, claims, gold)
    assert got["per_source_held_out"] == 1.0


def test_error_kinds_count_what_no_method_could_choose(tmp_path):
    # i0: the gold is never claimed; i1: two sources for a value 0.1 % off
    # the gold, one for the gold; i2: right
    claims = [
        ("i0", "a", "7"), ("i0", "b", "8"),
        ("i1", "a", "1001"), ("i1", "b", "1001"), ("i1", "c", "1000"),
        ("i2", "a", "5"), ("i2", "b", "5"),
    ]
    got = _ceilings(tmp_path, claims, [("i0", "5"), ("i1", "1000"), ("i2", "5")])
    assert got["claimed_ceiling"] == round(2 / 3, 4)
    assert got["error_kinds"] == {
        "chosen has more sources": 1,
        "chosen within 1 % of the gold": 1,
        "gold never claimed": 1,
        "wrong": 2,
    }
