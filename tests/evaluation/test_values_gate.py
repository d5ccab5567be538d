"""Eval gate: preferred values and change reports with identity held to the
gold (evaluation.values_eval), so that ranking, fact ids and the diff are
judged apart from clustering, on the three subjects of ../shared/eval/facts.

Nothing of ranking, fact ids or the diff is fitted, so these figures are
what a new subject should see where its statements are read and grouped
right. Floors sit a little under the figures measured when they were
pinned (see the comments).
"""

from __future__ import annotations

import pytest

from evaluation.values_eval import score_values
from tests.support import SHARED, needs_shared

FACTS = SHARED / "eval" / "facts"

pytestmark = needs_shared(FACTS / "jwst" / "gold.yaml")

# subject: (share of contested happenings whose fact prefers the gold value, most spurious and most
# missed changes of its version pair), with gold identity; measured when pinned: jwst 3/3, 0, 0;
# paris 10/11, 0, 0; twitter 7/9, 0, 0 (jwst 0, 1 and twitter 1, 0 before labelled date fields were
# read: a picture's "image 7/12/22", a cover page's "(Date of Event ...)"). Twitter was 8/9 while a day told relative to the page ("last
# Friday") was read as the written day of a plan the outcome had overtaken (a bug); before the rule on
# disputed refinements it was 7/9; when first pinned twitter had 2 spurious changes. Twitter 8/9 since a
# relative day between two written days it may be off by is read as the written date holding both.
FLOORS = {
    "jwst": (0.66, 0, 0),
    "paris-agreement": (0.85, 0, 0),
    "twitter-acquisition": (0.85, 0, 0),
}
# Causes that are ranking's, the fact ids' or the diff's own (evaluation.values_eval): with identity
# held to the gold none is left on any subject; a miss there is a rule of theirs that broke.
OWN_CAUSES = {"ranking", "ids/diff"}
# Misses of theirs that stand as judgements, each with why (none now: the termination of the Twitter
# deal, told for 8 July by a filing, for 9 July by another page and "last Friday" by a dated report,
# is read as the month they agree on, as the gold has it, since a relative day between two written
# days it may be off by, told as many times each, is read as the written month holding both)
KNOWN: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def scores(facts_readings):
    """Each subject scored on the session's reading of its pages (tests/conftest.py)."""
    return {subject.name: score_values(subject, docs) for subject, docs in facts_readings(FACTS)}


@pytest.mark.parametrize("subject", sorted(FLOORS))
def test_values_with_gold_identity(scores, subject):
    s = scores[subject].gold_identity
    share, spurious, missed = FLOORS[subject]
    assert s is not None and s.contested
    assert s.preferred_right / s.contested >= share, s.notes
    assert s.spurious_changes <= spurious and s.missed_changes <= missed, s.notes


@pytest.mark.parametrize("subject", sorted(FLOORS))
def test_no_miss_with_gold_identity_is_ranking_ids_or_the_diff(scores, subject):
    s = scores[subject]
    own = [m for m in s.gold_misses if m[1] in OWN_CAUSES and (subject, m[0]) not in KNOWN]
    own += [m for m in s.gold_version_misses if m[1] in OWN_CAUSES]
    assert not own, own


@pytest.mark.parametrize("subject", sorted(FLOORS))
def test_adding_a_page_changes_no_fact_it_does_not_tell(facts_readings, subject):
    """Churn (evaluation.values_eval.churn): each page added in turn to a run
    without it changes only facts that hold its statements (measured 0 on
    every subject when pinned; 8 on Paris while a doer that was part of the
    run's topic was left out of the who-did-it cannot-link)."""
    from evaluation.values_eval import churn

    (subj, docs), = [(s, d) for s, d in facts_readings(FACTS) if s.name == subject]
    _, unrelated, notes = churn(subj, docs)
    assert unrelated == 0, notes


OTHER_SUBJECT_PAGES = 2  # pages of each other subject added in turn (the first ones, in page order)
MIXED_PAGES = 6  # pages of another subject added at once: enough for its names to reach TOPIC_MIN_SOURCES


def _unrelated_changes(ordered, first, extras):
    """Changes to facts of the run that hold no statement of the added pages."""
    from facts.diff import diff_facts
    from facts.reasoning import reason

    _, events, second = reason(ordered + list(extras), previous_facts=first.facts)
    added = {e.event_id for e in events if e.doc_id in {x.doc_id for x in extras}}
    now = {f.fact_id: f for f in second.facts}
    return [f"{'+'.join(x.source_id for x in extras)}: {c.fact_id} {c.change} {c.field or ''}"
            for c in diff_facts(first.facts, second.facts)
            if c.fact_id not in now or not set(now[c.fact_id].event_ids) & added]


@pytest.fixture(scope="module")
def subject_runs(facts_readings):
    """Each subject's pages in page order and the run over them alone, made once for the tests that add
    another subject's pages to it."""
    from facts.reasoning import reason

    done = {}

    def run(subject):
        if subject not in done:
            (subj, docs), = [(s, d) for s, d in facts_readings(FACTS) if s.name == subject]
            ordered = [docs[p.file] for p in subj.pages]
            done[subject] = ordered, reason(ordered)[2]
        return done[subject]

    return run


def _changes_from_other_subjects(readings, subject_runs, subject, batches):
    """The changes on the subject's facts unrelated to the pages added, for
    each batch of another subject's pages (``batches(other, its docs)``)."""
    ordered, first = subject_runs(subject)
    return [note for other, other_docs in readings if other.name != subject
            for extras in batches(other, other_docs) for note in _unrelated_changes(ordered, first, extras)]


@pytest.mark.parametrize("subject", sorted(FLOORS))
def test_adding_a_page_of_another_subject_changes_no_fact(facts_readings, subject_runs, subject):
    """A page on something else added to a run changes no fact of the run:
    what the pages are about is measured per candidate against the pages
    grouped with it (facts.entities.page_topic), not against every page of
    the run. Measured 0 on every subject when pinned."""
    def one_at_a_time(other, docs):
        return [[docs[p.file]] for p in other.pages[:OTHER_SUBJECT_PAGES]]

    notes = _changes_from_other_subjects(facts_readings(FACTS), subject_runs, subject, one_at_a_time)
    assert not notes, notes


# A known limit: a name both subjects' pages use joins the pages grouped with the subject. Six JWST
# pages added to the Paris run bring one more page naming the United States (named by 9 of the 13
# Paris pages, on most of the Paris Agreement's, so grouped with it): the Paris Agreement, named by
# 11, falls to 11 of 14, under "nearly every", and a Paris fact loses a statement. A watch mixing
# subjects configures its subject in sources.toml (facts.reasoning.about), which does not move.
MIXED_LIMIT = pytest.mark.xfail(strict=True, reason="a name both subjects use (the United States) groups another "
                                "subject's page with the Paris Agreement's; configure the subject for mixed watches")


@pytest.mark.parametrize("subject", [pytest.param(s, marks=MIXED_LIMIT) if s == "paris-agreement" else s
                                     for s in sorted(FLOORS)])
def test_six_pages_of_another_subject_change_no_fact(facts_readings, subject_runs, subject):
    """A watch mixing two subjects: six pages of the other one, enough for
    its own names to count as a subject's, added at once (before the topic
    was measured per candidate, any six pages of another subject put their
    names among the subject's and the Paris Agreement out of the topic)."""
    def all_at_once(other, docs):
        return [[docs[p.file] for p in other.pages[:MIXED_PAGES]]]

    notes = _changes_from_other_subjects(facts_readings(FACTS), subject_runs, subject, all_at_once)
    assert not notes, notes
