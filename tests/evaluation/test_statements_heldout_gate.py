"""Eval gate: statement precision and recall on a second dev set (every 2nd
of the 25 WCXB pages of ``wcxb-heldout`` by id). These pages were labelled
before any run, but rules were since written from some of them (two in this
subset), so the figure is in-sample, not out of sample (that is
``wcxb-unseen``, scored once). Floors sit a little under what the pipeline
measures; full figures:
``factwatch eval statements evaluation/labels/statements/wcxb-heldout``.
"""

from __future__ import annotations

from evaluation.statements_eval import evaluate, load_label_dir, read_pages
from tests.support import REPO, SHARED, every_other_page, needs_shared

LABELS = REPO / "evaluation" / "labels" / "statements" / "wcxb-heldout"
WCXB = SHARED / "eval" / "boilerplate" / "wcxb-dev"

PRECISION_FLOOR = 0.62  # measured 0.667 (22 of 33; 0.564 before amounts, season kinds and access dates)
RECALL_FLOOR = 0.48  # measured 0.524 (22 of 42)

pytestmark = needs_shared(WCXB)


def test_gate_statements_on_a_second_dev_set(models):
    pages = load_label_dir(LABELS, WCXB)
    pages = every_other_page(pages, 13)
    metrics = evaluate(pages, read_pages(pages, models)).metrics
    assert metrics["precision"] >= PRECISION_FLOOR, metrics
    assert metrics["recall"] >= RECALL_FLOOR, metrics
