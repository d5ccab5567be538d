"""Truth benchmark metric on a hand-computed example."""

from __future__ import annotations

import json

import pytest

from evaluation.truth_eval import accuracy_counts, main, majority_vote, read_dataset, run_truth_eval, tied_best
from facts.truth import Claim, discover_truth
from facts.values import Number, parse_value

CLAIMS = """item,source,value
a,s1,x
a,s2,x
a,s3,y
b,s1,p
b,s2,q
c,s1,"74,000"
c,s2,74000
c,s3,75000
e,s1,7:10 AM
e,s2,07:10
e,s3,N/A
"""
# d has no claim: not counted. e: s3 says nothing (N/A is dropped).
GOLD = """item,value
a,x
b,p
c,74000.0
d,1
e,Dec 01 - 7:10 AM
"""


@pytest.fixture
def tiny(tmp_path):
    (tmp_path / "claims.csv").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "gold.csv").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_reader_parses_values_and_drops_missing_ones(tiny):
    ds = read_dataset(tiny)
    assert len(ds.claims) == 10  # e,s3,N/A dropped
    assert dict(ds.gold)["c"] == Number(74000.0)
    assert [item for item, _ in ds.gold] == ["a", "b", "c", "d", "e"]


def test_majority_vote_by_hand(tiny):
    ds = read_dataset(tiny)
    winners = majority_vote(ds.claims)
    assert winners["a"] == (parse_value("x"),)
    assert len(winners["b"]) == 2  # p and q tie
    assert winners["c"] == (Number(74000.0),)  # "74,000" and "74000" are one value
    claimed = {c.item for c in ds.claims}
    items, correct = accuracy_counts(winners, ds.gold, claimed)
    # a: 1, b: a two-way tie with the gold in it: 1/2, c: 1, e: 1 (7:10 matches Dec 01 - 7:10 AM)
    assert items == 4
    assert correct == pytest.approx(3.5)


def test_accuracy_counts_single_predictions():
    gold = [("a", Number(1)), ("b", Number(2)), ("c", Number(3))]
    predicted = {"a": (Number(1),), "b": (Number(5),)}
    assert accuracy_counts(predicted, gold, {"a", "b", "c"}) == (3, 1.0)  # c claimed but not predicted
    assert accuracy_counts(predicted, gold, {"a"}) == (1, 1.0)


def test_report_metrics_and_cli_last_line(tiny, capsys):
    report = run_truth_eval(tiny)
    assert report.items == 4
    assert report.majority_vote_accuracy == pytest.approx(3.5 / 4)
    # b is a coin toss between two unknown sources: scored 1/2, as majority vote's ties
    assert report.correct == pytest.approx(3.5)
    metrics = report.metrics
    assert set(metrics) == {"items", "accuracy", "majority_vote_accuracy", "seconds"}
    assert main([str(tiny)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert json.loads(lines[-1])["items"] == 4
    assert any(line.startswith("majority vote") for line in lines[:-1])


def test_claim_objects_are_plain_data():
    c = Claim("a", "s", Number(1))
    assert c == Claim("a", "s", Number(1.0))


def test_a_tie_is_the_values_the_fixed_order_alone_separates():
    one_to_one = discover_truth([Claim("x", "a", Number(1)), Claim("x", "b", Number(2))])
    assert set(tied_best(one_to_one, "x")) == {Number(1), Number(2)}
    two_to_one = discover_truth([Claim("x", "a", Number(1)), Claim("x", "b", Number(2)), Claim("x", "c", Number(2))])
    assert tied_best(two_to_one, "x") == (Number(2),)
    # a year and a day in it are compatible: the day refines the year, no tie
    year, day = parse_value("2012"), parse_value("4 June 2012")
    nested = discover_truth([Claim("x", "a", year), Claim("x", "b", day)])
    assert tied_best(nested, "x") == (day,)
    assert tied_best(nested, "missing") == ()
