"""CI gate for truth discovery: on every data set, truth discovery beats
majority vote, and its accuracy stays above a floor pinned a little under
what ``factwatch eval truth ../shared/eval/truth --generated`` measures with
the shipped parameters (chosen by leave-one-dataset-out: ``--select``;
held-out figures in brackets).

Measured (truth discovery / majority vote):

- population (../shared/eval/truth/population, 308 items): 0.847 (0.819) /
  0.752 (ties scored 1/k, as majority vote's). Short of the 0.88 target. Of the 46 items it gets wrong, 5 have
  a gold value no source claims, 34 go to a value more sources claim than
  the gold, 6 to one as many claim and 1 to one fewer claim (mostly the
  census bot, often with one anonymous edit, against one careful editor);
  6 pick a value within 1 % of the gold, where closeness of numbers
  cannot separate the two
  (``python -m evaluation.truth_ceiling``). A vote told, from the gold,
  how often each size class is right on disputed items reaches 0.841, one
  told each source's own accuracy on the items it then decides 0.880; told
  it from the gold of the other items only (leave one item out), 0.834.
- book (../shared/eval/truth/book, Dong et al.'s layout, 100 items): 0.690 (0.690) / 0.446.
- generated regimes (evaluation.truth_fixtures, default sizes and seeds):
  copiers 0.940 (0.940) / 0.649, one big accurate source among small noisy
  ones 0.848 (0.848) / 0.746, many small accurate sources with coarse
  dates 0.787 (0.787) / 0.707, a weak source syndicated under six ids
  0.886 (0.886) / 0.611, flight-like clock times 0.987 (0.987) / 0.770.
"""

from __future__ import annotations

import pytest

from evaluation.truth_eval import run_truth_eval
from evaluation.truth_fixtures import GENERATED
from tests.support import SHARED

TRUTH = SHARED / "eval" / "truth"

# floor for truth discovery, and how far above majority vote it must stay
FLOORS = {
    "population": (0.84, 0.09),
    "book": (0.67, 0.20),
    "copiers": (0.93, 0.25),
    "big-accurate": (0.84, 0.09),
    "small-accurate": (0.77, 0.06),
    "duplicated": (0.87, 0.25),
    "flight-like": (0.97, 0.20),
}


@pytest.mark.parametrize("name", ["population", "book"])
def test_benchmark_sets_beat_majority_vote_above_their_floors(name):
    directory = TRUTH / name
    if not directory.is_dir():
        pytest.skip(f"{directory} not found (needs ../shared beside the repo)")
    report = run_truth_eval(directory)
    floor, margin = FLOORS[name]
    assert report.items == {"population": 308, "book": 100}[name]
    assert report.accuracy >= floor, report.table()
    assert report.accuracy >= report.majority_vote_accuracy + margin, report.table()


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_regimes_beat_majority_vote_above_their_floors(tmp_path, name):
    report = run_truth_eval(GENERATED[name](tmp_path / name))
    floor, margin = FLOORS[name]
    assert report.accuracy >= floor, report.table()
    assert report.accuracy >= report.majority_vote_accuracy + margin, report.table()
