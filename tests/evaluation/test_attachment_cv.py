"""The attachment benchmark's cross-validation splits and switch grid (no model needed)."""

from dataclasses import fields

from evaluation.attachment_eval import option_grid, split_halves
from extractors.triggers import DEFAULT_OPTIONS, TriggerOptions


def test_halves_are_disjoint_cover_every_document_and_do_not_depend_on_order():
    ids = [f"doc{i:03d}" for i in range(11)]
    a, b = split_halves(ids)
    assert a.isdisjoint(b) and a | b == set(ids) and abs(len(a) - len(b)) <= 1
    assert split_halves(list(reversed(ids))) == (a, b)


def test_the_grid_holds_every_combination_of_switches_and_the_default():
    grid = option_grid()
    assert len(grid) == 2 ** len(fields(TriggerOptions)) == len(set(grid))
    assert DEFAULT_OPTIONS in grid
