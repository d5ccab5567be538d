"""Eval gate: fact identity, preferred values and change reports on the three
multi-source subjects of ../shared/eval/facts (40 pages, read in a few seconds).

The floors sit a little under the figures measured when they were pinned
(see the comments). The identity model was fitted on these subjects, so
these are in-sample figures that guard against regressions; the estimate
for a new subject is the leave-one-subject-out figure
(`factwatch eval facts ../shared/eval/facts --loso`, README).
"""

from __future__ import annotations

import pytest

from evaluation.facts_eval import FactsReport, score_subject
from tests.support import SHARED, needs_shared

FACTS = SHARED / "eval" / "facts"

pytestmark = needs_shared(FACTS / "jwst" / "gold.yaml")

# subject: (pairwise F1, pairwise precision, statements recall by sentence, most spurious and most missed
# changes of its version pair); measured when pinned (who did it as a cannot-link, since-dates and changes
# of plan, a clause's kind from its head event, "originally"/"previously" no plan off a plan verb, counts
# from the date in focus; identity model refitted): jwst 0.98 / 1.00 / 0.92 / 0 / 1; paris 0.77 / 0.96 /
# 0.97 / 0 / 0 (0.81 before "three years later" was dated: the gold groups that 2018 statement with the
# 2017 announcement, 3 pairs no date rule can join); twitter 0.70 / 1.00 / 0.79 / 0 / 1. Before this
# round: jwst 0.94 / 0.92, paris 0.65 / 0.76, twitter 0.60 / 0.82. Re-pinned after triggers read with their
# particle and written form, requests, opening attributions, one page's plans apart without a told move, a
# plan against its kind done before it was told (when_plan_apart) and "adopt" read as "agree" (model
# refitted): paris 0.95 / 0.97 / 0.97 / 0 / 0, twitter 0.89 / 1.00 / 0.79 / 0 / 1. After "adopt" read as "agree"
# only for an adopted text, moves told by "now"/"again"/"previously" only next to a plan word, requests only
# when they ask for something, and coordinated passives (model refitted): paris 0.95 / 0.97, twitter 0.87 /
# 0.96 (one false pair more in-sample; left out 0.86 -> 0.87); floors unchanged. With labelled date fields
# read (a picture's "image 7/12/22", a cover page's "(Date of Event ...)"): jwst 0.98 / 1.00 / 0.94 / 0 / 0,
# twitter 0.87 / 0.96 / 0.80 / 0 / 0 (no missed change left on either). With a bracketed caption in running
# text read only when the parse gives its day no trigger: twitter 0.87 / 0.96 / 0.80 / 1 / 1 (the second
# version's cover page is one flattened paragraph whose parse dates another verb); jwst unchanged. With two
# meetings named after two organisations (the meeting noun's own modifier or of-complement) kept apart: no
# figure moves, Paris's merge of the G20 summit and the Marrakesh conference stays (its conference names no host)
# A form run into one paragraph reads its bracketed day captions as fields: twitter 0.87 / 0.96 / 0.80 / 0 / 0
# With a name's number part of it ("Group of 20") and a meeting's name read across what it is about ("the
# Marrakesh UN climate change conference"): paris 0.96 / 1.00 / 0.93 / 0 / 0, the G20/COP22 merge gone. With
# a doer-less statement's page naming a doer in another statement of its kind days off (facts.agents
# .named_apart): jwst 0.98 / 1.00 / 0.96 / 0 / 0, the president's preview no longer joins the agency's release
# With the saying of a kind weighed on its own (what_told), a picture handed out read as its release (a labelled
# date no longer is), a counted day its page gives another telling of its kind no day off, and a happening said in the
# progressive done by the saying (model refitted): jwst 0.99 / 0.99 / 0.94 / 0 / 0, twitter 0.93 / 0.96 / 0.80 / 0 / 0
# named_apart narrowed to the people a doer-less telling names (not the subject, not a doer on both days), day
# dates, every doer: the same figures, 0 + 0 + 0 agent merges in-sample and left out
# A month or year counted from another date ("three years later") a unit off another's date is its own
# evidence (when_counted), not a gap: paris 1.00 / 1.00 / 0.97 / 0 / 0 (8 of 8 whole; left out 0.99), re-pinned
# The undated Twitter timeline dated from the subject's other pages (sources-year): its 17 rows are read,
# twitter 0.91 / 1.00 / 0.98 / 0 / 0 (pair F1 over 54 gold pairs, 30 before; recall re-pinned from 0.74)
FLOORS = {
    "jwst": (0.97, 0.96, 0.88, 1, 0),
    "paris-agreement": (0.96, 0.97, 0.92, 1, 1),
    "twitter-acquisition": (0.90, 0.95, 0.93, 0, 0),
}
MAX_AGENT_MERGES = 0  # merges of statements whose gold participants differ, all subjects (pinned at 0: 0 + 0 + 0)


@pytest.fixture(scope="module")
def report(facts_readings):
    """What ``run_facts_eval(FACTS)`` gives, on the session's reading of the subjects (tests/conftest.py)."""
    return FactsReport(scores=[score_subject(s, docs) for s, docs in facts_readings(FACTS)], seconds=0.0)


def test_every_subject_is_scored(report):
    assert sorted(s.subject for s in report.scores) == sorted(FLOORS)


@pytest.mark.parametrize("subject", sorted(FLOORS))
def test_identity_floors(report, subject):
    s = next(x for x in report.scores if x.subject == subject)
    f1, precision, recall, spurious, missed = FLOORS[subject]
    assert s.pair_f1 >= f1, report.table(verbose=True)
    assert s.pair_precision >= precision, report.table(verbose=True)
    assert s.recall_sentence >= recall, report.table()
    assert s.spurious_changes <= spurious and s.missed_changes <= missed, report.table(verbose=True)


def test_few_merges_of_different_agents(report):
    assert sum(s.agent_merges for s in report.scores) <= MAX_AGENT_MERGES, report.table(verbose=True)


# share of conflicts and refinements whose fact prefers the gold value; measured when pinned
# (with the identity above): jwst 3/3, paris 8/11, twitter 7/9 (8/9 while a relative day was read as
# an overtaken plan's written day); paris 9/11 after "adopt" read as "agree"; twitter 8/9 since a relative
# day between two written days it may be off by (told as many times each) is read as the written date holding
# both; the same after the progressive, handed-out picture and month-wide holding rules were narrowed (refit)
PREFERRED_FLOORS = {"jwst": 0.6, "paris-agreement": 0.75, "twitter-acquisition": 0.85}


@pytest.mark.parametrize("subject", sorted(PREFERRED_FLOORS))
def test_preferred_value_floors(report, subject):
    s = next(x for x in report.scores if x.subject == subject)
    assert s.metrics()["preferred_share"] >= PREFERRED_FLOORS[subject], report.table(verbose=True)
