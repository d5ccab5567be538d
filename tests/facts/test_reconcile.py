"""Reconciliation on small multi-source fixtures."""

from datetime import date

from facts.diff import diff_facts
from facts.model import Rank
from facts.reconcile import reconcile
from facts.truth import RankedValue
from facts.values import DateInterval
from tests.facts.sample_events import entity_id, event

YEAR = {"precision": "year"}


def ev(eid, source, start, end, precision, participants, trigger="sign", kind="begin", sentence=None, doc=None):
    return event(sentence or f"{' and '.join(participants)} {trigger} in {start.year}.", start, event_id=eid,
                 doc_id=doc or f"doc_{source}", source_id=source, snapshot_sha256=f"sha_{source}", date_end=end,
                 precision=precision, date_text=str(start.year), date_value=str(start.year), trigger=trigger,
                 trigger_text=trigger, kind=kind, participants=tuple(participants),
                 participant_ids=tuple(map(entity_id, participants)), char_end=10)


Y2012 = (date(2012, 1, 1), date(2012, 12, 31), "year")
D2012 = (date(2012, 6, 4), date(2012, 6, 4), "day")
Y2013 = (date(2013, 1, 1), date(2013, 12, 31), "year")
SUBJECT = ["ent_nato", "ent_mongolia"]


def test_refinement_corroborates_and_prefers_the_precise_value():
    events = [
        ev("e1", "a", *Y2012, ["NATO", "Mongolia", "IPCP"], trigger="formalise"),
        ev("e2", "b", *D2012, ["Mongolia", "IPCP"], trigger="sign"),
    ]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert fact.status == "corroborated" and fact.n_sources == 2
    assert (fact.date_start, fact.precision) == (date(2012, 6, 4), "day")
    ranks = {v.value: v.rank for v in fact.values}
    assert ranks == {"2012-06-04": "preferred", "2012": "normal"}


def test_real_conflict_ranks_every_candidate():
    events = [
        ev("e1", "a", *Y2012, ["NATO", "IPCP"]),
        ev("e2", "b", *Y2012, ["IPCP"]),
        ev("e3", "c", *Y2013, ["IPCP"]),
    ]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert fact.status == "conflicting"
    assert fact.date_start == date(2012, 1, 1)
    ranks = {v.value: (v.rank, v.source_ids) for v in fact.values}
    assert ranks["2012"] == ("preferred", ("a", "b"))
    assert ranks["2013"][0] in ("normal", "deprecated") and ranks["2013"][1] == ("c",)
    single = reconcile(events[:2], subject_ids=SUBJECT).facts[0]
    assert fact.confidence < single.confidence


def test_different_happenings_stay_apart():
    events = [
        ev("e1", "a", date(1996, 1, 1), date(1996, 12, 31), "year", ["NATO", "Bosnia and Herzegovina"], trigger="deploy"),
        ev("e2", "b", date(2001, 1, 1), date(2001, 12, 31), "year", ["NATO", "Mongolia"], trigger="engage"),
        ev("e3", "b", date(2001, 1, 1), date(2001, 12, 31), "year", ["ISAF"], trigger="start", kind="begin"),
        ev("e4", "b", date(2014, 12, 1), date(2014, 12, 31), "month", ["ISAF"], trigger="complete", kind="end"),
    ]
    facts = reconcile(events, subject_ids=SUBJECT).facts
    assert len(facts) == 4 and {f.status for f in facts} == {"single_source"}


def test_fact_ids_are_stable_under_order_and_date_changes():
    events = [ev("e1", "a", *Y2012, ["NATO", "IPCP"]), ev("e2", "b", *Y2012, ["IPCP"])]
    a = reconcile(events, subject_ids=SUBJECT).facts
    b = reconcile(list(reversed(events)), subject_ids=SUBJECT).facts
    assert [f.fact_id for f in a] == [f.fact_id for f in b]
    moved = [ev("e1", "a", *Y2013, ["NATO", "IPCP"]), ev("e2", "b", *Y2013, ["IPCP"])]
    c = reconcile(moved, subject_ids=SUBJECT).facts
    assert [f.fact_id for f in c] == [f.fact_id for f in a]
    (change,) = diff_facts(a, c)
    assert (change.change, change.field, change.before, change.after) == ("changed", "date", "2012", "2013")


def test_confidence_grows_with_agreeing_sources_and_trust():
    one = reconcile([ev("e1", "a", *Y2012, ["IPCP"])], subject_ids=SUBJECT).facts[0]
    two = reconcile([ev("e1", "a", *Y2012, ["IPCP"]), ev("e2", "b", *Y2012, ["IPCP"])], subject_ids=SUBJECT).facts[0]
    trusted = reconcile([ev("e1", "a", *Y2012, ["IPCP"])], trust={"a": 1.0}, subject_ids=SUBJECT).facts[0]
    assert 0 <= one.confidence < two.confidence <= 1
    assert one.confidence < trusted.confidence


def test_diff_reports_added_removed_and_sources():
    a = reconcile([ev("e1", "a", *Y2012, ["IPCP"]), ev("e9", "a", *Y2013, ["ITPP"])], subject_ids=SUBJECT).facts
    b = reconcile([ev("e1", "a", *Y2012, ["IPCP"]), ev("e2", "b", *Y2012, ["IPCP"]),
                   ev("e5", "b", date(2024, 1, 1), date(2024, 12, 31), "year", ["PII"])], subject_ids=SUBJECT).facts
    got = sorted((c.change, c.field) for c in diff_facts(a, b))
    assert got == [("added", None), ("changed", "sources"), ("changed", "status"), ("removed", None)]
    assert diff_facts(b, b) == []


def test_a_page_correcting_itself_supersedes_its_old_statement():
    import dataclasses

    old = dataclasses.replace(ev("e_old", "a", *Y2013, ["IPCP"], doc="doc_a_v1", sentence="IPCP signed in 2013."),
                              current=False, snapshot_sha256="v1")
    new = ev("e_new", "a", *Y2012, ["IPCP"], sentence="IPCP signed in 2012.")
    (fact,) = reconcile([old, new], subject_ids=SUBJECT).facts
    assert fact.status == "single_source" and fact.date_start == date(2012, 1, 1)
    values = {v.value: v for v in fact.values}
    assert values["2012"].rank == "preferred" and not values["2012"].superseded
    assert values["2013"].superseded and values["2013"].rank == "deprecated" and values["2013"].event_ids == ("e_old",)
    assert fact.event_ids == ("e_new",)
    # a statement the page still makes is not doubled; an old statement alone makes no fact
    same = dataclasses.replace(new, current=False)
    (f2,) = reconcile([same, new], subject_ids=SUBJECT).facts
    assert [v.value for v in f2.values] == ["2012"]
    assert reconcile([old], subject_ids=SUBJECT).facts == ()


def test_three_wordings_of_one_signing_are_one_fact():
    events = [
        ev("e1", "a", *Y2012, ["New Zealand", "NATO", "IPCP"], trigger="formalise"),
        ev("e2", "b", *D2012, ["NATO", "Mongolia", "IPCP"], trigger="sign"),
        ev("e3", "c", date(2012, 6, 1), date(2012, 6, 30), "month", ["IPCP"], trigger="signature"),
    ]
    (fact,) = reconcile(events, subject_ids=SUBJECT + ["ent_new_zealand"]).facts
    assert fact.status == "corroborated" and fact.n_sources == 3 and fact.precision == "day"


def test_plans_the_outcome_overtook_are_superseded_not_rivals():
    import dataclasses

    launch = (date(2021, 12, 25), date(2021, 12, 25), "day")
    events = [
        ev("e1", "a", *launch, ["Webb"], trigger="launch", sentence="Webb launched on 25 December 2021."),
        ev("e2", "b", *launch, ["Webb"], trigger="launch", sentence="Webb lifted off on 25 December 2021."),
        dataclasses.replace(ev("e3", "c", date(2021, 12, 18), date(2021, 12, 18), "day", ["Webb"], trigger="launch",
                               sentence="Webb will launch on 18 December 2021."), planned=True),
    ]
    (fact,) = reconcile(events).facts
    assert fact.status == "corroborated" and fact.date_start == date(2021, 12, 25)
    values = {v.value: v for v in fact.values}
    assert values["2021-12-25"].rank == "preferred" and not values["2021-12-25"].superseded
    assert values["2021-12-18"].superseded and values["2021-12-18"].rank == "deprecated"
    # the outcome came: the fact is no plan; the overtaken value is marked as the plan it was
    assert not fact.planned and values["2021-12-18"].planned and not values["2021-12-25"].planned


def test_a_fact_of_plans_alone_prefers_the_newest_plan():
    import dataclasses

    def plan(eid, source, day, seen):
        e = ev(eid, source, day, day, "day", ["Webb"], trigger="launch", sentence=f"Webb will launch on {day}.")
        return dataclasses.replace(e, planned=True, doc_date=seen)

    events = [plan("e1", "a", date(2021, 10, 31), date(2020, 7, 16)), plan("e2", "b", date(2021, 12, 18), date(2021, 9, 8))]
    (fact,) = reconcile(events).facts
    assert fact.status != "conflicting" and fact.date_start == date(2021, 12, 18)
    assert [v.value for v in fact.values if v.superseded] == ["2021-10-31"]
    # told only as plans: an analyst sees at a glance it has not happened (yet), on every value
    assert fact.planned and all(v.planned for v in fact.values)


def test_a_reworded_statement_keeps_its_fact_id_across_runs():
    first = reconcile([ev("e1", "a", *D2012, ["IPCP"], sentence="Mongolia signed the IPCP on 4 June 2012.")]).facts
    reworded = ev("e9", "a", *D2012, ["IPCP"], sentence="On 4 June 2012 the IPCP was signed by Mongolia.")
    second = reconcile([reworded], previous=first).facts
    assert [f.fact_id for f in second] == [f.fact_id for f in first]
    assert diff_facts(first, second) == []


def test_fact_confidence_uses_the_trust_the_reconciliation_learned():
    # "odd" contradicts "a" and "b" (who agree) on six happenings, then each has a happening of its own
    events = []
    for k in range(6):
        told = (date(2000 + 2 * k, 6, 1), date(2000 + 2 * k, 6, 1), "day")
        other = (date(2000 + 2 * k, 6, 20), date(2000 + 2 * k, 6, 20), "day")  # the same signing, another day
        thing = [f"Programme {k}"]
        events += [ev(f"a{k}", "a", *told, thing), ev(f"b{k}", "b", *told, thing), ev(f"o{k}", "odd", *other, thing)]
    events += [ev("a_alone", "a", *Y2012, ["Alpha Accord"], trigger="ratify"),
               ev("odd_alone", "odd", *Y2013, ["Beta Mission"], trigger="launch")]
    rec = reconcile(events, subject_ids=SUBJECT)
    assert rec.trust["odd"] < rec.trust["a"]
    alone = {f.source_ids: f for f in rec.facts if f.n_sources == 1}
    by_a, by_odd = alone[("a",)], alone[("odd",)]
    # one source, no rival: the fact holds as far as its source is trusted (times the statement's confidence)
    assert by_a.confidence == round(rec.trust["a"] * 0.9, 4)
    assert by_odd.confidence == round(rec.trust["odd"] * 0.9, 4)
    assert by_odd.confidence < by_a.confidence


def test_a_plan_and_the_later_outcome_are_one_fact_the_plan_superseded():
    import dataclasses

    from facts.model import FactStatus

    launch = (date(2021, 12, 25), date(2021, 12, 25), "day")
    plan = dataclasses.replace(
        ev("e_plan", "agency", date(2021, 12, 18), date(2021, 12, 18), "day", ["Webb"], trigger="launch",
           sentence="Webb is scheduled to launch on 18 December 2021."), planned=True, doc_date=date(2021, 9, 8))
    first = reconcile([plan]).facts
    assert [(f.status, f.date_start) for f in first] == [("single_source", date(2021, 12, 18))]
    outcome = [ev("e1", "news", *launch, ["Webb"], trigger="launch", sentence="Webb lifted off on 25 December 2021."),
               ev("e2", "blog", *launch, ["Webb"], trigger="launch", sentence="Webb launched on 25 December 2021.")]
    (fact,) = reconcile([plan, *outcome], previous=first).facts
    assert fact.fact_id == first[0].fact_id and fact.status in set(FactStatus) and fact.status == "corroborated"
    # the outcome is preferred; the plan is kept, ranked below every standing value, superseded, no rival
    assert [(v.value, v.rank, v.superseded) for v in fact.values] == [
        ("2021-12-25", "preferred", False), ("2021-12-18", "deprecated", True)]
    assert fact.values[-1].score == 0.0 and fact.values[-1].event_ids == ("e_plan",)
    # the run that learns the outcome reports the date moving and the plan coming true (sources gained:
    # corroborated), no new rival
    assert first[0].planned and not fact.planned
    changes = {c.field: (c.before, c.after) for c in diff_facts(first, [fact])}
    assert changes.keys() == {"date", "planned", "status", "sources"} and changes["date"] == ("2021-12-18", "2021-12-25")
    assert changes["planned"] == ("planned", "happened")


def test_a_plan_still_ahead_on_its_page_date_is_not_overtaken_by_an_earlier_outcome():
    import dataclasses

    # on 6 October a page still expects the trial on 17 October: a filing of 12 July is not its outcome
    filed = ev("e1", "court", date(2022, 7, 12), date(2022, 7, 12), "day", ["Chancery"], trigger="file",
               sentence="On 12 July 2022 the complaint was filed in the Court of Chancery.")
    trial = dataclasses.replace(
        ev("e2", "news", date(2022, 10, 17), date(2022, 10, 17), "day", ["Chancery"], trigger="file",
           sentence="The trial in the Court of Chancery is scheduled to start on 17 October 2022."),
        planned=True, doc_date=date(2022, 10, 6))
    (fact,) = reconcile([filed, trial]).facts
    values = {v.value: v for v in fact.values}
    assert not values["2022-10-17"].superseded and values["2022-10-17"].score > 0.0
    assert fact.status == "conflicting"
    # the same plan told before its day with an outcome after the page's date: superseded, no rival
    held = ev("e3", "court", date(2022, 10, 18), date(2022, 10, 18), "day", ["Chancery"], trigger="file",
              sentence="The trial in the Court of Chancery started on 18 October 2022.")
    (fact,) = reconcile([held, trial]).facts
    values = {v.value: v for v in fact.values}
    assert values["2022-10-17"].superseded and fact.status != "conflicting"


JULY_8 = (date(2022, 7, 8), date(2022, 7, 8), "day")
JULY_9 = (date(2022, 7, 9), date(2022, 7, 9), "day")
JULY = (date(2022, 7, 1), date(2022, 7, 31), "month")
OCT_27 = (date(2022, 10, 27), date(2022, 10, 27), "day")
OCT_28 = (date(2022, 10, 28), date(2022, 10, 28), "day")


def _termination(eid, source, when):
    return ev(eid, source, *when, ["Musk", "Twitter deal"], trigger="terminate", kind="end",
              sentence=f"Musk terminated the Twitter deal ({eid}).")


def test_two_days_about_even_under_one_month_prefer_the_month_and_conflict():
    events = [_termination("e1", "a", JULY_8), _termination("e2", "b", JULY_9), _termination("e3", "c", JULY)]
    # whichever day the learned trust puts a hair ahead, the two days dispute each other: July is what all agree on
    for trust in ({}, {"a": 0.7, "b": 0.75}, {"a": 0.75, "b": 0.7}):
        (fact,) = reconcile(events, subject_ids=SUBJECT, trust=trust).facts
        assert (fact.date_start, fact.precision, fact.status) == (date(2022, 7, 1), "month", "conflicting")
        ranks = {v.value: v.rank for v in fact.values}
        assert ranks == {"2022-07": "preferred", "2022-07-08": "normal", "2022-07-09": "normal"}


def test_a_day_clearly_ahead_of_its_rival_still_refines_the_month():
    events = [_termination("e1", "a", JULY_8), _termination("e4", "d", JULY_8), _termination("e5", "e", JULY_8),
              _termination("e2", "b", JULY_9), _termination("e3", "c", JULY)]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert (fact.date_start, fact.precision, fact.status) == (date(2022, 7, 8), "day", "conflicting")
    ranks = {v.value: v.rank for v in fact.values}
    assert ranks == {"2022-07-08": "preferred", "2022-07": "normal", "2022-07-09": "deprecated"}


def test_settle_disputed_leaves_a_ranking_without_real_rivals_alone():
    from facts.model import Rank
    from facts.reconcile import settle_disputed
    from facts.truth import RankedValue
    from facts.values import DateInterval

    day, month = DateInterval(*JULY_8), DateInterval(*JULY)
    other_day = DateInterval(*JULY_9)
    clear = [RankedValue(day, 0.9, ("a",), Rank.PREFERRED), RankedValue(month, 1.0, ("c",), Rank.NORMAL),
             RankedValue(other_day, 0.1, ("b",), Rank.DEPRECATED)]
    assert settle_disputed(clear) == clear
    # even rivals but nothing that holds both: truth discovery's choice stands
    even = [RankedValue(day, 0.5, ("a",), Rank.PREFERRED), RankedValue(other_day, 0.5, ("b",), Rank.NORMAL)]
    assert settle_disputed(even) == even


def test_a_page_splitting_one_sentence_in_two_reports_no_change():
    import dataclasses

    # version 1 tells the dialogue (since 2001) and the IPCP (June 2012) in one sentence, version 2 in two
    both = "Building on dialogue since 2001, NATO and New Zealand signed an IPCP in June 2012."
    june = (date(2012, 6, 1), date(2012, 6, 30), "month")
    y2001 = (date(2001, 1, 1), date(2001, 12, 31), "year")
    v1 = [ev("d1", "nato", *y2001, ["NATO", "New Zealand"], trigger="dialogue", kind="other", sentence=both),
          ev("i1", "nato", *june, ["NATO", "New Zealand", "IPCP"], trigger="sign", sentence=both)]
    first = reconcile(v1, subject_ids=["ent_nato"]).facts
    assert len(first) == 2
    old = [dataclasses.replace(e, current=False) for e in v1]
    v2 = [ev("d2", "nato", *y2001, ["NATO", "New Zealand"], trigger="dialogue", kind="other",
             sentence="NATO and New Zealand have held a dialogue since 2001."),
          ev("i2", "nato", *june, ["NATO", "New Zealand", "IPCP"], trigger="sign",
             sentence="In June 2012 they signed an Individual Partnership and Cooperation Programme (IPCP).")]
    second = reconcile([*old, *v2], subject_ids=["ent_nato"], previous=first).facts
    assert sorted(f.fact_id for f in second) == sorted(f.fact_id for f in first)
    assert diff_facts(first, second) == []
    # without the earlier snapshot, the previous run's facts alone keep the ids (matched by content)
    alone = reconcile(v2, subject_ids=["ent_nato"], previous=first).facts
    assert diff_facts(first, alone) == []


def test_a_fact_shows_a_statement_that_names_who_took_part():
    import dataclasses

    bare = dataclasses.replace(ev("e1", "a", *D2012, [], sentence="This: a June launch."), participants=(),
                               participant_ids=())
    named = ev("e2", "b", *D2012, ["IPCP"], sentence="NATO and New Zealand signed the IPCP on 4 June 2012.")
    (fact,) = reconcile([bare, named], subject_ids=SUBJECT).facts
    assert fact.evidence == named.sentence
    # among statements naming someone, the shorter sentence
    short = ev("e3", "c", *D2012, ["IPCP"], sentence="The IPCP was signed on 4 June 2012.")
    (fact,) = reconcile([bare, named, short], subject_ids=SUBJECT).facts
    assert fact.evidence == short.sentence


def test_about_even_rivals_keep_the_last_runs_choice_while_the_fact_holds_the_same_statements():
    """Trust learned elsewhere in the run tips a coin toss between two sources;
    the fact's own statements did not change, so neither does its value."""
    from facts.reconcile import keep_last_choice

    events = [_termination("e1", "a", JULY_8), _termination("e2", "b", JULY_9)]
    (first,) = reconcile(events, subject_ids=SUBJECT, trust={"a": 0.75, "b": 0.7}).facts
    assert first.date_start == date(2022, 7, 8) and first.ranked_under
    tipped = [RankedValue(DateInterval(*JULY_9), 0.52, ("b",), Rank.PREFERRED),
              RankedValue(DateInterval(*JULY_8), 0.48, ("a",), Rank.NORMAL)]
    kept = keep_last_choice(tipped, first, ["e1", "e2"], first.ranked_under)
    assert [(rv.value, rv.rank) for rv in kept] == [(DateInterval(*JULY_8), Rank.PREFERRED),
                                                    (DateInterval(*JULY_9), Rank.NORMAL)]
    # a statement more is evidence: the fact is ranked afresh
    assert keep_last_choice(tipped, first, ["e1", "e2", "e3"], first.ranked_under) == tipped
    more = events + [_termination("e3", "c", JULY_9)]
    (moved,) = reconcile(more, subject_ids=SUBJECT, trust={"a": 0.75, "b": 0.7}, previous=[first]).facts
    assert moved.fact_id == first.fact_id and moved.date_start == date(2022, 7, 9)


def test_a_run_under_other_trust_settings_or_code_ranks_afresh():
    """A user lowering a source's trust in sources.toml, or a fix to truth
    discovery, must give what a fresh run gives, not the last run's choice."""
    events = [_termination("e1", "a", JULY_8), _termination("e2", "b", JULY_9)]
    (first,) = reconcile(events, subject_ids=SUBJECT, trust={"a": 0.75, "b": 0.7}).facts
    assert first.date_start == date(2022, 7, 8)
    (fresh,) = reconcile(events, subject_ids=SUBJECT, trust={"a": 0.7, "b": 0.75}).facts
    assert fresh.date_start == date(2022, 7, 9)
    (again,) = reconcile(events, subject_ids=SUBJECT, trust={"a": 0.7, "b": 0.75}, previous=[first]).facts
    assert again.date_start == fresh.date_start and again.ranked_under == fresh.ranked_under != first.ranked_under
    (new_code,) = reconcile(events, subject_ids=SUBJECT, trust={"a": 0.75, "b": 0.7}, code_version="v2").facts
    assert new_code.ranked_under != first.ranked_under


def test_a_last_choice_outside_a_near_tie_yields():
    from facts.reconcile import keep_last_choice

    events = [_termination("e1", "a", JULY_8), _termination("e2", "b", JULY_9)]
    (last,) = reconcile(events, subject_ids=SUBJECT, trust={"a": 0.75, "b": 0.7}).facts
    ids, under = ["e1", "e2"], last.ranked_under
    clear = [RankedValue(DateInterval(*JULY_9), 0.9, ("b",), Rank.PREFERRED),
             RankedValue(DateInterval(*JULY_8), 0.3, ("a",), Rank.DEPRECATED)]
    assert keep_last_choice(clear, last, ids, under) == clear
    # a real rival (over half the top) but no near tie: truth discovery's choice stands
    rival = [RankedValue(DateInterval(*JULY_9), 0.6, ("b",), Rank.PREFERRED),
             RankedValue(DateInterval(*JULY_8), 0.4, ("a",), Rank.NORMAL)]
    assert keep_last_choice(rival, last, ids, under) == rival
    even = [RankedValue(DateInterval(*JULY_9), 0.52, ("b",), Rank.PREFERRED),
            RankedValue(DateInterval(*JULY_8), 0.48, ("a",), Rank.NORMAL)]
    assert keep_last_choice(even, last, ids, under)[0].value == DateInterval(*JULY_8)
    assert keep_last_choice(even, last, ids, "0" * 16) == even  # ranked under other settings


def _merger(eid, source, when, basis="page", counted=False, doc_date=None):
    """A statement that the two firms completed their merger; ``basis`` "sources": its year came from other pages."""
    from dataclasses import replace

    e = ev(eid, source, *when, ["Acme", "Globex"], trigger="complete", kind="end",
           sentence=f"Acme completed its merger with Globex ({eid}).")
    return replace(e, date_basis=basis, counted_day=counted, doc_date=doc_date)


def test_a_day_whose_year_other_pages_gave_does_not_tip_an_even_dispute():
    # two pages dated by themselves split between the 8th and the 9th; an undated timeline writes the 8th
    events = [_merger("e1", "a", JULY_8), _merger("e2", "b", JULY_9), _merger("e3", "c", JULY),
              _merger("e4", "t", JULY_8, basis="sources")]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert (fact.date_start, fact.precision, fact.status) == (date(2022, 7, 1), "month", "conflicting")
    eighth = next(v for v in fact.values if v.value == "2022-07-08")
    assert eighth.rank == Rank.NORMAL and eighth.source_ids == ("a", "t")  # listed with the value it states
    assert "t" in fact.source_ids


def test_a_day_whose_year_other_pages_gave_is_listed_but_does_not_vote_against_a_page():
    events = [_merger("e1", "a", OCT_27), _merger("e2", "t", OCT_28, basis="sources")]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert (fact.date_start, fact.status) == (date(2022, 10, 27), "conflicting")
    other = next(v for v in fact.values if v.value == "2022-10-28")
    assert (other.rank, other.score, other.source_ids, other.superseded) == (Rank.DEPRECATED, 0.0, ("t",), False)
    alone = reconcile([_merger("e1", "a", OCT_27)], subject_ids=SUBJECT).facts[0]
    assert fact.confidence == alone.confidence  # nor does it add to the confidence of the value it fits


def test_statements_whose_years_other_pages_gave_vote_in_a_fact_of_their_own():
    events = [_merger("e1", "t", OCT_28, basis="sources"), _merger("e2", "u", OCT_28, basis="sources")]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert (fact.date_start, fact.status) == (date(2022, 10, 28), "corroborated")
    assert fact.values[0].score > 0.5


def test_a_relative_day_is_not_read_as_a_day_whose_year_other_pages_gave():
    # "last Friday" on a dated page, between a written 8th and a written 9th, is not pulled to the 8th by a
    # timeline whose year was borrowed: the written days tie, and it is read as the month a page writes
    events = [_merger("e1", "a", JULY_8, counted=True, doc_date=date(2022, 7, 12)), _merger("e2", "b", JULY_8),
              _merger("e3", "c", JULY_9), _merger("e4", "d", JULY), _merger("e5", "t", JULY_8, basis="sources")]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert (fact.date_start, fact.precision) == (date(2022, 7, 1), "month")
    month = next(v for v in fact.values if v.value == "2022-07")
    assert month.source_ids == ("a", "d")


def test_a_day_whose_year_other_pages_gave_votes_where_it_only_refines_the_dated_pages():
    # one dated page says "this week", another "in October"; the undated timeline writes the 4th: nobody disputes it
    week = (date(2022, 10, 3), date(2022, 10, 9), "week")
    october = (date(2022, 10, 1), date(2022, 10, 31), "month")
    fourth = (date(2022, 10, 4), date(2022, 10, 4), "day")
    events = [_merger("e1", "a", week), _merger("e2", "b", october), _merger("e3", "t", fourth, basis="sources")]
    (fact,) = reconcile(events, subject_ids=SUBJECT).facts
    assert (fact.date_start, fact.precision, fact.status) == (date(2022, 10, 4), "day", "corroborated")
    assert fact.values[0].source_ids == ("t",) and fact.values[0].score > 0.5
