"""Happening identity: pairwise scores and constrained clustering."""

import dataclasses
from datetime import date

from facts.identity import cluster

DAY = "day"


def ev(eid, doc, day, trigger, sentence, participants=(), agents=(), planned=False, precision=DAY, end=None):
    from facts.model import Event

    ids = tuple(f"ent_{p.lower().replace(' ', '_')}" for p in participants)
    return Event(
        event_id=eid, doc_id=doc, source_id=doc, snapshot_sha256=f"sha_{doc}", date_start=day, date_end=end or day,
        precision=precision, date_text=str(day), date_role="point", date_value=str(day), trigger=trigger,
        trigger_text=trigger, kind="other", participants=tuple(participants), participant_ids=ids, sentence=sentence,
        char_start=0, char_end=len(sentence), date_char_start=0, date_char_end=4, confidence=0.9, summary=sentence,
        planned=planned, agent_ids=tuple(f"ent_{a.lower().replace(' ', '_')}" for a in agents),
    )


def groups(events, **kw):
    return sorted(sorted(e.event_id for e in g) for g in cluster(events, **kw))


def test_wordings_of_one_signing_across_pages_are_one_happening():
    events = [
        ev("e1", "a", date(2012, 6, 4), "sign", "Mongolia signed the IPCP on 4 June 2012.", ["Mongolia", "IPCP"]),
        ev("e2", "b", date(2012, 6, 4), "signature", "The signature of the IPCP on 4 June 2012 ...", ["IPCP"]),
        ev("e3", "c", date(2012, 6, 4), "formalise", "The partnership was formalised with the IPCP on 4 June 2012.",
           ["IPCP"]),
    ]
    assert groups(events) == [["e1", "e2", "e3"]]
    assert groups(list(reversed(events))) == [["e1", "e2", "e3"]]


def test_different_agents_in_one_role_are_different_happenings():
    labels = {"ent_china": "GPE", "ent_united_states": "GPE"}
    events = [
        ev("e1", "a", date(2016, 9, 3), "ratify", "China ratified the Paris Agreement on Saturday.",
           ["China", "Paris Agreement"], agents=["China"]),
        ev("e2", "b", date(2016, 9, 3), "ratify", "The United States ratified the Paris Agreement on Saturday.",
           ["United States", "Paris Agreement"], agents=["United States"]),
    ]
    assert groups(events, labels=labels) == [["e1"], ["e2"]]


def test_a_dense_timeline_keeps_different_kinds_of_one_day_apart():
    events = [
        ev("e1", "a", date(2022, 7, 12), "sue", "Twitter sued Musk on July 12, 2022.", ["Twitter", "Musk"]),
        ev("e2", "b", date(2022, 7, 12), "lay off", "Twitter laid off staff on July 12, 2022.", ["Twitter"]),
    ]
    assert groups(events) == [["e1"], ["e2"]]


def test_a_plan_and_its_outcome_are_one_happening():
    events = [
        ev("e1", "a", date(2016, 10, 2), "ratify", "India will ratify the agreement on October 2.", ["India"],
           planned=True),
        ev("e2", "b", date(2016, 10, 2), "ratify", "India ratified the agreement on Oct. 2.", ["India"]),
    ]
    assert groups(events) == [["e1", "e2"]]


def test_one_page_giving_two_dates_tells_two_happenings_and_the_same_sentence_is_one():
    a1 = ev("e1", "a", date(2001, 1, 1), "sign", "NATO and Testland signed an accord in 2001.", ["Testland"],
            precision="year", end=date(2001, 12, 31))
    a2 = ev("e2", "a", date(2012, 1, 1), "sign", "NATO and Testland signed an accord in 2012.", ["Testland"],
            precision="year", end=date(2012, 12, 31))
    copy = dataclasses.replace(a2, event_id="e3", doc_id="b", source_id="b")
    got = groups([a1, a2, copy])
    assert ["e1"] in got and ["e2", "e3"] in got


def test_one_page_may_tell_a_plan_and_when_it_came_but_not_two_outcomes():
    plan = ev("e1", "a", date(2018, 10, 1), "launch", "The telescope was to launch in October 2018.", ["Telescope"],
              planned=True, precision="month", end=date(2018, 10, 31))
    done = ev("e2", "a", date(2021, 12, 25), "launch", "The telescope launched on 25 December 2021.", ["Telescope"])
    other = ev("e3", "b", date(2021, 12, 25), "launch", "The telescope lifted off on 25 December 2021.", ["Telescope"])
    assert groups([plan, done, other]) == [["e1", "e2", "e3"]]
    earlier = dataclasses.replace(done, event_id="e4", date_start=date(2018, 10, 1), date_end=date(2018, 10, 31),
                                  precision="month", sentence="The telescope launched in October 2018.")
    assert ["e4"] in groups([done, earlier, other])


def test_the_last_runs_decision_holds_for_statements_it_saw():
    e1 = ev("e1", "a", date(2022, 4, 1), "acquire", "The takeover was agreed in April.", ["Twitter"],
            precision="month", end=date(2022, 4, 30))
    e2 = ev("e2", "b", date(2022, 4, 14), "offer", "On April 14, 2022, Musk offered to buy Twitter.", ["Musk"])
    assert groups([e1, e2]) == [["e1"], ["e2"]]
    assert groups([e1, e2], previous={"e1": "fact_1", "e2": "fact_1"}) == [["e1", "e2"]]
