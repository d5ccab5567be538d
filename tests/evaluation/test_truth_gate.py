"""CI gate for truth discovery: accuracy floors pinned a little under what
``python -m evaluation.truth_eval`` measures.

- population (../shared/eval/truth/population): measured 0.886 (majority
  vote 0.752); floor 0.87.
- a flight-like fixture of our own (clock times in seven formats, a group
  of six sources copying a mediocre one, gold in yet another format):
  measured 0.987 (majority vote 0.770); floor 0.95.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.truth_eval import run_truth_eval
from evaluation.truth_fixtures import write_flight_like

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
POPULATION = SHARED / "eval" / "truth" / "population"

POPULATION_FLOOR = 0.87
FLIGHT_FLOOR = 0.95


@pytest.mark.skipif(not (POPULATION / "claims.csv").exists(), reason=f"{POPULATION} not found (needs ../shared beside the repo)")
def test_population_accuracy_floor():
    report = run_truth_eval(POPULATION)
    assert report.items == 308
    assert report.accuracy >= POPULATION_FLOOR, report.table()
    assert report.accuracy > report.majority_vote_accuracy + 0.1
    assert report.seconds < 15  # ~1.5 s here; the target is 5 s, CI machines vary


def test_flight_like_time_values_floor(tmp_path):
    report = run_truth_eval(write_flight_like(tmp_path / "flight", flights=150, seed=7))
    assert report.items == 600
    assert report.majority_vote_accuracy < 0.85  # the copiers mislead a plain vote
    assert report.accuracy >= FLIGHT_FLOOR, report.table()
