"""Eval gate: event-date attachment on a fixed subset of TimeBank/AQUAINT stays above pinned floors.

The subset is the temporal tagger's gate's (``tests.evaluation.sample_timex.TBAQ_SUBSET``: 46
documents of the two corpora pinned by name), so that it does not move when the corpus does and
one run scores attachment. The floors sit a little under what factwatch measures on it: the
attachment accuracy over all links, the accuracy where factwatch has a statement for the date,
and factwatch's margin over the head-verb baseline on those same links (where both have a date
factwatch names the linked event more often). Full figures come from
``factwatch eval attachment ../shared/eval/timex/tbaq --cv``.
"""

from __future__ import annotations

from evaluation.attachment_eval import run_attachment_eval
from tests.evaluation.sample_timex import TBAQ_SUBSET
from tests.support import SHARED, needs_shared

TBAQ = SHARED / "eval" / "timex" / "tbaq"

# attachment accuracy, accuracy where covered, margin over the baseline where covered
# measured 0.5349 (161 of 301 links), 0.6339 (of 256 covered links), 0.1024 (baseline 0.5315): each floor
# about six links under (one link is 0.0033 of all, 0.0039 of the covered), so that a one- or two-link
# wobble of the parser passes. Over all links of the subset factwatch is 0.0066 under the head-verb
# baseline (0.5415): it is ahead only where it has a statement for the date
FLOORS = (0.515, 0.61, 0.08)

pytestmark = needs_shared(TBAQ)


def test_attachment_on_a_fixed_subset_stays_above_its_floors(models):
    m = run_attachment_eval(TBAQ, files=TBAQ_SUBSET, models=models).metrics
    assert m["docs"] == len(TBAQ_SUBSET) and m["links"] > 250, m
    accuracy, covered, margin = FLOORS
    assert m["attachment_accuracy"] >= accuracy, m
    assert m["accuracy_where_covered"] >= covered, m
    assert m["accuracy_where_covered"] - m["baseline_where_covered"] >= margin, m
