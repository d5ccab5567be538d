"""Truth discovery on small hand-made claim sets."""

from __future__ import annotations

import random
from datetime import date

from facts.truth import Claim, TruthParams, discover_truth
from facts.values import Number, TimeOfDay, day_interval, month_interval, parse_value, year_interval


def _ranks(result, item):
    return {rv.value: rv.rank for rv in result.ranked(item)}


def test_reliable_source_with_independent_support_beats_a_majority_of_copiers():
    claims = []
    for i in range(40):
        item, truth = f"item-{i}", Number(1000 + i)
        copied = Number(5000 + i) if i < 15 else truth  # the copied source is wrong on 15 items
        claims.append(Claim(item, "reliable", truth))
        for source in ("bad", "copy-1", "copy-2", "copy-3"):
            claims.append(Claim(item, source, copied))
        for k, source in enumerate(("indep-1", "indep-2")):
            wrong = (i * 7 + k * 3) % 10 == 0
            claims.append(Claim(item, source, Number(9000 + 10 * i + k) if wrong else truth))
    result = discover_truth(claims)
    # majority vote is wrong on the 15 copied errors (4 copies against 3)
    assert all(result.best(f"item-{i}") == Number(1000 + i) for i in range(40))
    assert result.trust["reliable"] > result.trust["copy-1"]


def test_coarse_claims_corroborate_the_most_precise_value():
    day, month, year = day_interval(date(2012, 6, 4)), month_interval(2012, 6), year_interval(2012)
    claims = [
        Claim("f", "a", year),
        Claim("f", "b", year),
        Claim("f", "c", month),
        Claim("f", "d", day),
    ]
    result = discover_truth(claims)
    ranked = result.ranked("f")
    assert result.best("f") == day
    assert ranked[0].rank == "preferred"
    assert _ranks(result, "f") == {day: "preferred", month: "normal", year: "normal"}
    assert all(0.0 <= rv.score <= 1.0 for rv in ranked)
    assert {rv.value: rv.sources for rv in ranked}[year] == ("a", "b")


def test_two_disputed_days_under_an_agreed_year_keep_the_year():
    year = year_interval(2012)
    d4, d5 = day_interval(date(2012, 6, 4)), day_interval(date(2012, 6, 5))
    claims = [Claim("f", s, year) for s in ("a", "b", "c")] + [Claim("f", "d", d4), Claim("f", "e", d5)]
    result = discover_truth(claims)
    assert result.best("f") == year
    assert _ranks(result, "f")[d4] == "normal"  # compatible with the preferred year
    assert _ranks(result, "f")[d5] == "normal"


def test_real_conflict_ranks_the_weak_incompatible_value_deprecated():
    d = day_interval(date(2012, 6, 4))
    other = day_interval(date(2013, 1, 1))
    claims = [Claim("f", s, d) for s in ("a", "b", "c")] + [Claim("f", "x", other), Claim("f", "y", year_interval(2012))]
    result = discover_truth(claims)
    ranks = _ranks(result, "f")
    assert result.best("f") == d
    assert ranks[other] == "deprecated"
    assert ranks[year_interval(2012)] == "normal"
    scores = {rv.value: rv.score for rv in result.ranked("f")}
    assert scores[d] > 0.5 > scores[other]


def test_a_cluster_of_close_numbers_beats_an_isolated_value():
    claims = [
        Claim("cleveland", "a", Number(478403)),
        Claim("cleveland", "c", Number(478404)),
        Claim("cleveland", "d", Number(372628)),
    ]
    result = discover_truth(claims)  # a three-way tie for a majority vote
    assert result.best("cleveland") in (Number(478403), Number(478404))
    scores = {rv.value: rv.score for rv in result.ranked("cleveland")}
    assert scores[Number(372628)] < scores[Number(478403)]


def test_clock_readings_in_different_formats_are_one_candidate():
    raws = {"a": "7:10 AM", "b": "07:10", "c": "Dec 01 - 7:10 AM", "d": "7:25 AM", "e": "7:25a"}
    claims = [Claim("AA-1-2011-12-01-sched-dep", s, parse_value(r)) for s, r in raws.items()]
    result = discover_truth(claims)
    best = result.best("AA-1-2011-12-01-sched-dep")
    assert isinstance(best, TimeOfDay) and best.seconds == 7 * 3600 + 10 * 60
    assert result.ranked("AA-1-2011-12-01-sched-dep")[0].sources == ("a", "b", "c")


def test_prior_trust_breaks_a_one_against_one_tie():
    claims = [Claim("x", "careful", Number(1)), Claim("x", "sloppy", Number(2))]
    assert discover_truth(claims, {"careful": 0.95, "sloppy": 0.3}).best("x") == Number(1)
    assert discover_truth(claims, {"careful": 0.3, "sloppy": 0.95}).best("x") == Number(2)


def test_a_source_claiming_several_values_splits_its_vote():
    claims = [
        Claim("x", "hedger", Number(1)),
        Claim("x", "hedger", Number(2)),
        Claim("x", "hedger", Number(3)),
        Claim("x", "plain", Number(3)),
    ]
    result = discover_truth(claims)
    assert result.best("x") == Number(3)
    assert sum(1 for rv in result.ranked("x") if "hedger" in rv.sources) == 3


def test_result_does_not_depend_on_claim_order_or_duplicates():
    rng = random.Random(3)
    claims = []
    for i in range(30):
        for s in range(6):
            value = Number(100 + i) if rng.random() < 0.7 else Number(rng.randrange(50, 200))
            claims.append(Claim(f"item-{i}", f"src-{s}", value))
    first = discover_truth(claims)
    shuffled = claims[:] + claims[:10]  # duplicates change nothing either
    rng.shuffle(shuffled)
    second = discover_truth(shuffled)
    assert first.items == second.items
    assert dict(first.trust) == dict(second.trust)
    for item in first.items:
        assert first.ranked(item) == second.ranked(item)


def test_empty_input_and_unknown_items():
    result = discover_truth([])
    assert result.items == () and result.best("nothing") is None and result.ranked("nothing") == []
    one = discover_truth([Claim("x", "a", Number(1))])
    assert one.best("x") == Number(1) and one.ranked("x")[0].rank == "preferred"
    assert one.best("y") is None


def test_the_iteration_converges_within_its_budget():
    claims = [Claim(f"i{k}", s, Number(k if s != "liar" else -k)) for k in range(20) for s in ("a", "b", "liar")]
    result = discover_truth(claims)
    assert result.converged and result.iterations < TruthParams().max_iterations
    assert result.trust["liar"] < result.trust["a"]
