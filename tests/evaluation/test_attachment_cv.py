"""The attachment benchmark's cross-validation splits and switch search (no model needed)."""

from dataclasses import fields

from evaluation.attachment_eval import neighbours, search_switches, split_halves
from extractors.triggers import DEFAULT_OPTIONS, TriggerOptions


def test_halves_are_disjoint_cover_every_document_and_do_not_depend_on_order():
    ids = [f"doc{i:03d}" for i in range(11)]
    a, b = split_halves(ids)
    assert a.isdisjoint(b) and a | b == set(ids) and abs(len(a) - len(b)) <= 1
    assert split_halves(list(reversed(ids))) == (a, b)


def test_each_neighbour_differs_from_the_start_in_exactly_one_switch():
    names = [f.name for f in fields(TriggerOptions)]
    found = neighbours(DEFAULT_OPTIONS)
    assert len(found) == len(names) == len(set(found))
    for opts in found:
        assert sum(getattr(opts, n) != getattr(DEFAULT_OPTIONS, n) for n in names) == 1


def test_the_search_climbs_to_the_best_switches_and_stops():
    target = {f.name: not getattr(DEFAULT_OPTIONS, f.name) for f in fields(TriggerOptions)[:2]}

    def score(opts):  # one point per switch set as in the target
        return sum(getattr(opts, k) == v for k, v in target.items())

    chosen = search_switches(score, DEFAULT_OPTIONS)
    assert all(getattr(chosen, k) == v for k, v in target.items())
    rest = [f.name for f in fields(TriggerOptions)[2:]]
    assert all(getattr(chosen, n) == getattr(DEFAULT_OPTIONS, n) for n in rest)  # no gain, no change


def test_a_search_with_nothing_to_gain_keeps_the_start():
    assert search_switches(lambda opts: 0, DEFAULT_OPTIONS) == DEFAULT_OPTIONS
