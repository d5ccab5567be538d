"""Eval gate: the tagger on a fixed subset of the dev corpora stays above pinned floors.

The subset is every 6th TimeBank file, every 5th AQUAINT file and every 4th
WikiWars file (sorted by name). Floors sit a little under what the tagger
measures on it; a change that drops below them fails CI. Full-corpus
figures come from ``python -m evaluation.timex_eval DIR``.
"""

from __future__ import annotations

from evaluation.timex_eval import run_dates_eval
from tests.evaluation.sample_timex import TBAQ_SUBSET, WIKIWARS_SUBSET
from tests.support import SHARED, needs_shared

TIMEX = SHARED / "eval" / "timex"

# (relaxed F1, value F1, strict F1) floors, in percent.
TBAQ_FLOORS = (93.5, 79.0, 87.0)
WIKIWARS_FLOORS = (95.5, 80.5, 87.0)

pytestmark = needs_shared(TIMEX)


def _check(metrics: dict, floors: tuple[float, float, float]) -> None:
    relaxed, value, strict = floors
    assert metrics["relaxed_f1"] >= relaxed, metrics
    assert metrics["value_f1"] >= value, metrics
    assert metrics["strict_f1"] >= strict, metrics


def test_gate_news_subset():
    report = run_dates_eval(TIMEX / "tbaq", files=TBAQ_SUBSET)
    assert report.metrics["docs"] == len(TBAQ_SUBSET)
    _check(report.metrics, TBAQ_FLOORS)


def test_gate_narrative_subset():
    report = run_dates_eval(TIMEX / "wikiwars-train", files=WIKIWARS_SUBSET)
    assert report.metrics["docs"] == len(WIKIWARS_SUBSET)
    _check(report.metrics, WIKIWARS_FLOORS)
