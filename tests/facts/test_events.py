"""Canonical events: what a statement's own words are and whether it tells a plan, decided once."""

import dataclasses
from datetime import date

from facts.events import mark_plans
from tests.facts.sample_events import page_event as ev
from tests.facts.sample_events import timeline


def test_a_clause_naming_a_plan_makes_a_plan_for_identity_and_reconciliation_alike():
    said = ev("e1", "a", date(2021, 12, 18), "confirm", "NASA confirmed plans to launch the telescope on 18 December.")
    done = ev("e2", "b", date(2021, 12, 25), "launch", "The telescope launched on 25 December 2021.")
    marked = {e.event_id: e.planned for e in mark_plans([said, done])}
    assert marked == {"e1": True, "e2": False}


def test_in_a_timeline_only_the_row_that_names_a_plan_is_a_plan():
    rows = [(date(2022, 4, 4), "disclose", "Musk discloses a stake in Twitter."),
            (date(2022, 4, 5), "say", "Twitter says Musk will join its board."),
            (date(2022, 4, 14), "offer", "Musk offers to buy Twitter."),
            (date(2022, 4, 15), "schedule", "Twitter schedules a vote on the deal."),
            (date(2022, 4, 21), "line", "Musk lines up financing for the deal.")]
    evs = [dataclasses.replace(e, summary="") for e in timeline("t", rows)]
    planned = {e.event_id for e in mark_plans(evs) if e.planned}
    assert planned == {"t3"}


def test_an_announcement_that_happened_is_no_plan_whatever_its_complement_says():
    announced = dataclasses.replace(
        ev("e1", "a", date(2021, 3, 1), "confirm", "In March 2021 NASA confirmed plans to launch on 31 October 2021."),
        done=True)
    plan = ev("e2", "a", date(2021, 10, 31), "launch", "In March 2021 NASA confirmed plans to launch on 31 October 2021.")
    marked = {e.event_id: e.planned for e in mark_plans([announced, plan])}
    assert marked == {"e1": False, "e2": True}


def test_a_date_that_tells_since_when_is_no_plans_date():
    """"The delay is the first change to the schedule since 2011": the
    change is a happening of 2011, not a plan for 2011."""
    since = dataclasses.replace(
        ev("e1", "a", date(2011, 1, 1), "delay", "The delay is the first change to the schedule since 2011.",
           precision="year", end=date(2011, 12, 31)), date_role="since", date_text="since 2011")
    point = dataclasses.replace(since, event_id="e2", date_role="point", date_text="2011")
    marked = {e.event_id: e.planned for e in mark_plans([since, point])}
    assert marked == {"e1": False, "e2": True}


def test_starting_in_a_date_can_be_a_plans_date():
    """"The fee will apply starting in January 2030" shares the role of
    "since" but opens a plan; "since 2011" does not."""
    from facts.events import target_date

    assert target_date("since", "starting in January 2030") and target_date("since", "as of 1 July 2030")
    assert not target_date("since", "since 2011") and not target_date("since", "ever since 2011")
    assert target_date("point", "2011")
