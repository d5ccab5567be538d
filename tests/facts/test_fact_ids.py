"""Fact ids that survive rewording and page versions."""

from dataclasses import replace
from datetime import date

from facts.fact_ids import assign_fact_ids, new_fact_id
from facts.model import Fact
from tests.facts.sample_events import event


def ev(eid, source, sentence, day=date(2012, 6, 4), participants=("IPCP",)):
    return event(sentence, day, event_id=eid, doc_id=f"doc_{source}", source_id=source, date_text="4 June 2012",
                 trigger="sign", trigger_text="signed", kind="begin", participants=participants,
                 participant_ids=participants, summary=sentence)


def fact(fid, events, statement):
    e = events[0]
    return Fact(fact_id=fid, statement=statement, date_start=e.date_start, date_end=e.date_end, precision="day",
                participants=e.participants, status="single_source", confidence=0.8, n_sources=1,
                source_ids=(e.source_id,), event_ids=tuple(x.event_id for x in events), kind="begin",
                evidence=e.sentence)


def test_a_group_sharing_statements_keeps_the_old_id():
    old = [ev("e1", "a", "Mongolia signed the IPCP on 4 June 2012."), ev("e2", "b", "IPCP signed 4 June 2012.")]
    previous = [fact("fact_old", old, "Mongolia signed the IPCP on 4 June 2012.")]
    new = [[old[0], ev("e3", "c", "The IPCP was signed on 4 June 2012.")]]
    assert assign_fact_ids(new, previous) == ["fact_old"]


def test_a_reworded_statement_keeps_the_id_and_an_unrelated_one_does_not():
    before = ev("e1", "a", "Mongolia signed the IPCP with NATO on 4 June 2012.", participants=("Mongolia", "IPCP"))
    previous = [fact("fact_old", [before], before.sentence)]
    reworded = ev("e9", "a", "On 4 June 2012 Mongolia and NATO signed the IPCP.", participants=("Mongolia", "IPCP"))
    other = ev("e7", "a", "Mongolia joined the ISAF mission in 2009.", day=date(2009, 3, 1), participants=("ISAF",))
    ids = assign_fact_ids([[reworded], [other]], previous)
    assert ids == ["fact_old", new_fact_id([other])]


def test_assignment_is_one_to_one():
    a = ev("e1", "a", "Mongolia signed the IPCP on 4 June 2012.")
    previous = [fact("fact_old", [a], a.sentence)]
    b = ev("e2", "b", "Mongolia signed the IPCP on 4 June 2012.")
    ids = assign_fact_ids([[a], [b]], previous)
    assert ids[0] == "fact_old" and ids[1] != "fact_old" and len(set(ids)) == 2


def test_a_new_statement_of_another_kind_of_happening_does_not_take_a_gone_facts_id():
    # the page's next version no longer says Musk submitted a filing on 8 July; it now says Musk terminated the deal that day
    filed = ev("e1", "a", "Musk submitted an amended Schedule 13D on 8 July 2022.", day=date(2022, 7, 8),
               participants=("Musk", "Twitter"))
    filed = replace(filed, trigger="submit", trigger_text="submitted")
    previous = [fact("fact_filed", [filed], filed.sentence)]
    terminated = replace(ev("e2", "a", "Musk terminated the Twitter deal on 8 July 2022.", day=date(2022, 7, 8),
                            participants=("Musk", "Twitter")), trigger="terminate", trigger_text="terminated")
    assert assign_fact_ids([[terminated]], previous) == [new_fact_id([terminated])]
    # the same filing told in other words keeps the id
    refiled = replace(ev("e3", "a", "On 8 July 2022 Musk submitted Amendment No. 9 to his Schedule 13D.",
                         day=date(2022, 7, 8), participants=("Musk", "Twitter")), trigger="submit",
                      trigger_text="submitted")
    assert assign_fact_ids([[refiled]], previous) == ["fact_filed"]


def test_kinds_of_happening_told_for_one_another_still_match_by_content():
    # "the 2015 agreement" for the adoption of a treaty: related concepts, not different ones
    adopted = replace(ev("e1", "a", "The Paris Agreement was adopted by 196 parties on 12 December 2015.",
                         day=date(2015, 12, 12), participants=("Paris Agreement",)), trigger="adopt",
                      trigger_text="adopted")
    previous = [fact("fact_adopted", [adopted], adopted.sentence)]
    agreed = replace(ev("e2", "a", "On 12 December 2015, 196 parties agreed on the Paris Agreement text.",
                        day=date(2015, 12, 12), participants=("Paris Agreement",)), trigger="agree",
                     trigger_text="agreed")
    assert assign_fact_ids([[agreed]], previous) == ["fact_adopted"]
