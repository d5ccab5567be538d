"""Happening identity: pairwise scores and constrained clustering."""

import dataclasses
from datetime import date

from facts.identity import cluster
from tests.facts.sample_events import page_event as ev
from tests.facts.sample_events import timeline

DAY = "day"
YEAR = "year"


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


def test_plans_moved_over_the_years_and_the_launch_are_one_happening():
    told_2015 = dataclasses.replace(
        ev("e1", "a", date(2018, 10, 1), "launch", "The telescope is set to launch in October 2018.", planned=True,
           precision="month", end=date(2018, 10, 31)), doc_date=date(2015, 3, 31))
    told_2022 = dataclasses.replace(
        ev("e2", "b", date(2007, 1, 1), "launch", "It was originally scheduled to launch in 2007.", planned=True,
           precision="year", end=date(2007, 12, 31)), doc_date=date(2022, 7, 12))
    done = ev("e3", "c", date(2021, 12, 25), "launch", "The telescope lifted off on 25 December 2021.")
    assert groups([told_2015, told_2022, done]) == [["e1", "e2", "e3"]]


def test_a_later_plan_is_not_what_came_of_an_earlier_outcome():
    done = ev("e1", "a", date(2020, 11, 4), "withdraw", "The United States withdrew on 4 November 2020.")
    plan = dataclasses.replace(
        ev("e2", "b", date(2026, 1, 27), "withdraw", "The withdrawal will take effect on 27 January 2026.",
           planned=True), doc_date=date(2025, 1, 29))
    from facts.identity import FEATURES, pair_features, profiles

    a, b = profiles([done, plan], frozenset())
    x = dict(zip(FEATURES, pair_features(a, b)))
    assert x["what_same"] == 1.0 and x["when_within"] == 0.0
    kept = dataclasses.replace(plan, event_id="e3", date_start=date(2020, 11, 4), date_end=date(2020, 11, 4),
                               doc_date=date(2019, 11, 4))
    a, b = profiles([done, dataclasses.replace(kept, date_start=date(2020, 11, 3), date_end=date(2020, 11, 3))],
                    frozenset())
    assert dict(zip(FEATURES, pair_features(a, b)))["when_within"] == 1.0  # a plan told before, for a day earlier


def test_the_subject_of_the_pages_sets_no_happening_apart_as_an_agent():
    labels = {"ent_webb": "PERSON", "ent_arianespace": "PERSON"}
    a = ev("e1", "a", date(2021, 12, 25), "launch", "Webb launched on 25 December 2021.", ["Webb"], agents=["Webb"])
    b = ev("e2", "b", date(2021, 12, 25), "launch", "Arianespace launched the telescope on 25 December 2021.",
           ["Arianespace"], agents=["Arianespace"])
    assert groups([a, b], labels=labels) == [["e1"], ["e2"]]
    assert groups([a, b], labels=labels, subject=frozenset({"ent_webb"})) == [["e1", "e2"]]


def test_months_in_a_row_are_a_month_apart_not_a_day():
    from facts.identity import gap_days
    from facts.values import DateInterval

    april = DateInterval(date(2022, 4, 1), date(2022, 4, 30), "month")
    may = DateInterval(date(2022, 5, 1), date(2022, 5, 31), "month")
    assert 29 <= gap_days(april, may) <= 31
    assert gap_days(DateInterval(date(2022, 4, 10), date(2022, 4, 10), DAY),
                    DateInterval(date(2022, 4, 11), date(2022, 4, 11), DAY)) == 1


def test_a_timeline_read_as_one_sentence_is_read_row_by_row():
    from facts.events import timeline_rows
    from facts.identity import profiles

    rows = [(date(2022, 4, 4), "disclose", "Musk discloses a stake in Twitter."),
            (date(2022, 4, 5), "say", "Twitter says Musk will join its board."),
            (date(2022, 4, 14), "offer", "Musk offers to buy Twitter."),
            (date(2022, 4, 15), "adopt", "Twitter adopts a poison pill."),
            (date(2022, 4, 21), "line", "Musk lines up financing for the deal.")]
    evs = timeline("t", rows)
    got = timeline_rows(evs)
    assert got["t3"].startswith("April 15") and "poison pill" in got["t3"] and "financing" not in got["t3"]
    prof = dict(zip((e.event_id for e in evs), profiles(evs, frozenset())))
    assert prof["t1"].concept == "announce:join" and prof["t2"].concept == "offer"
    other = ev("o", "b", date(2022, 4, 15), "adopt", "On April 15 Twitter's board adopted a poison pill.")
    assert ["o", "t3"] in groups(evs + [other])
    assert timeline_rows(evs[:3]) == {}  # three dates in a sentence are prose, not a timeline


def test_one_pages_two_dates_are_a_penalty_not_a_ban():
    """Two statements of one page with incompatible dates never merge alone
    (the penalty outweighs any pair's evidence), but a plan chain that holds
    a misread statement is no longer barred from its outcome."""
    import numpy as np

    from facts.identity import APART, FEATURES, default_model, one_page_conflict, pair_score, profiles

    a1 = ev("e1", "a", date(2021, 12, 25), "launch", "The telescope launched on 25 December 2021.", ["Ariane"])
    a2 = ev("e2", "a", date(2022, 7, 12), "launch", "The telescope, launched on 12 July 2022, sees far.", ["Ariane"])
    assert groups([a1, a2]) == [["e1"], ["e2"]]
    p1, p2 = profiles([a1, a2], frozenset())
    model = default_model()  # the largest score a pair can have stays below the threshold
    best = dict.fromkeys(("bias", "what_same", "who_shared", "when_same", "text", "rare_words"), 1.0)
    strongest = pair_score(np.array([best.get(f, 0.0) for f in FEATURES]), model)
    assert one_page_conflict(a1, a2, p1, p2) and APART + strongest < model.threshold


def test_other_parties_and_another_kind_of_happening_on_one_day_are_apart():
    labels = {"ent_united_states": "GPE", "ent_new_york": "GPE", "ent_france": "GPE"}
    signed = ev("e1", "a", date(2016, 4, 22), "sign", "The United States signed the treaty on 22 April 2016.",
                ["United States"], agents=["United States"])
    opened = ev("e2", "b", date(2016, 4, 22), "open", "The pact opened for signature on 22 April 2016 in New York.",
                ["New York"])
    also = ev("e3", "c", date(2016, 4, 22), "sign", "France signed the treaty on 22 April 2016 in New York.",
              ["France", "New York"], agents=["France"])
    got = groups([signed, opened, also], labels=labels)
    assert ["e1"] in got


def test_a_cause_or_a_place_of_one_type_sets_no_launch_apart():
    """Only agents set two tellings of one kind of happening apart: "pushed
    back due to COVID-19" and "launched from Kourou" name participants the
    tagger may type alike, but neither did the launch."""
    from facts.identity import likely_apart, pair_features, profiles

    labels = {"ent_covid-19": "ORG", "ent_arianespace": "ORG"}
    plan = ev("e1", "a", date(2021, 10, 1), "launch", "The launch was pushed back to October due to COVID-19.",
              ["COVID-19"], planned=True, precision="month", end=date(2021, 10, 31))
    done = ev("e2", "b", date(2021, 12, 25), "launch", "Arianespace launched the telescope on 25 December 2021.",
              ["Arianespace"])
    p1, p2 = profiles([plan, done], frozenset(), labels)
    assert not likely_apart(plan, done, p1, p2, pair_features(p1, p2))
    rival = dataclasses.replace(plan, agent_ids=("ent_covid-19",))
    done_by = dataclasses.replace(done, agent_ids=("ent_arianespace",))
    r1, r2 = profiles([rival, done_by], frozenset(), labels)
    assert likely_apart(rival, done_by, r1, r2, pair_features(r1, r2))


def test_the_announcement_of_a_plan_is_its_own_happening_dated_when_told():
    """Three announcements of three launch dates, each on its own day, are
    three happenings: the plan-moves rule is for the plans, not for the
    days they were announced."""
    events = [
        ev("e1", "a", date(2018, 6, 27), "announce", "NASA announced that the telescope will now launch in 2021.",
           planned=True),
        ev("e2", "b", date(2020, 7, 16), "announce", "Officials announced that the telescope will launch on Oct. 31.",
           planned=True),
        ev("e3", "c", date(2021, 9, 8), "announce", "ESA announced that the telescope will launch on 18 December.",
           planned=True),
    ]
    assert groups(events) == [["e1"], ["e2"], ["e3"]]


def test_the_agents_of_a_verb_the_lexicon_does_not_know_set_no_happening_apart():
    from facts.identity import cannot_link, pair_features, profiles

    labels = {"ent_hubble": "ORG", "ent_esa": "ORG"}
    faces = ev("e1", "a", date(2021, 10, 31), "face", "The launch of the successor to Hubble faces a delay to 31 October.",
               ["Hubble"], agents=["Hubble"], planned=True)
    defined = ev("e2", "b", date(2021, 12, 18), "define", "ESA has defined 18 December 2021 as the launch date.",
                 ["ESA"], agents=["ESA"], planned=True)
    a, b = profiles([faces, defined], frozenset(), labels)
    assert not a.agents and not cannot_link(faces, defined, a, b, pair_features(a, b), labels)
    by_hubble = ev("e3", "c", date(2021, 12, 25), "launch", "Hubble launched it on 25 December 2021.", ["Hubble"],
                   agents=["Hubble"])
    by_esa = ev("e4", "d", date(2021, 12, 25), "launch", "ESA launched it on 25 December 2021.", ["ESA"], agents=["ESA"])
    a, b = profiles([by_hubble, by_esa], frozenset(), labels)
    assert cannot_link(by_hubble, by_esa, a, b, pair_features(a, b), labels)


def test_one_page_naming_other_people_for_one_kind_of_happening_tells_two():
    labels = {"ent_nigel_farage": "PERSON", "ent_ann_smith": "PERSON"}
    one = ev("e1", "a", date(2017, 6, 1), "post", "Nigel Farage posted.", ["Nigel Farage"])
    two = dataclasses.replace(ev("e2", "a", date(2017, 6, 1), "post", "Ann Smith posted.", ["Ann Smith"]), char_start=40)
    assert groups([one, two], labels=labels) == [["e1"], ["e2"]]


def test_two_statements_of_one_sentence_share_its_words_without_it_counting():
    from facts.identity import FEATURES, pair_features, profiles

    text = "The judge paused the trial on October 6 until October 28 to let the parties close the deal."
    first = ev("e1", "a", date(2022, 10, 6), "pause", text)
    second = ev("e2", "a", date(2022, 10, 28), "pause", text)
    x = dict(zip(FEATURES, pair_features(*profiles([first, second], frozenset()))))
    assert x["text"] == 0.0 and x["rare_words"] == 0.0
    elsewhere = dataclasses.replace(second, event_id="e3", doc_id="b", source_id="b")
    assert dict(zip(FEATURES, pair_features(*profiles([first, elsewhere], frozenset()))))["text"] > 0.9


def test_two_parties_of_the_topic_tell_two_happenings_though_they_share_the_rest():
    # pages on two countries' relations with one alliance: both countries are topic parties
    labels = {"ent_new_zealand": "GPE", "ent_testland": "GPE", "ent_nato": "ORG", "ent_itpp": "ORG"}
    topic = frozenset({"ent_new_zealand", "ent_testland", "ent_nato"})
    nz = ev("e1", "mfat", date(2024, 1, 1), "update", "In 2024, New Zealand and NATO updated the ITPP.",
            ["New Zealand", "NATO", "ITPP"], agents=["New Zealand"], precision=YEAR, end=date(2024, 12, 31))
    testland = ev("e2", "testland", date(2024, 1, 1), "agree", "In 2024, NATO and Testland agreed the ITPP.",
                  ["NATO", "Testland", "ITPP"], agents=["NATO"], precision=YEAR, end=date(2024, 12, 31))
    assert groups([nz, testland], topic=topic, labels=labels) == [["e1"], ["e2"]]
    # one party named by both: the same happening may be told by both pages
    both = dataclasses.replace(testland, participant_ids=(*testland.participant_ids, "ent_new_zealand"))
    nz_only = dataclasses.replace(nz, sentence="In 2024, New Zealand and NATO agreed the ITPP.", trigger="agree")
    assert groups([nz_only, both], topic=topic, labels=labels) == [["e1", "e2"]]


def test_the_subject_country_acting_is_not_another_country_acting():
    """sources.toml names the alliance and one partner as the subject; a page
    on another partner tells its own programme with the alliance the same year.
    The subject sets no happening apart by being named, but another country in
    its place as the doer is another happening, whatever the verb ("updated"
    is no word of the lexicon; its doers still act for themselves)."""
    labels = {"ent_new_zealand": "GPE", "ent_testland": "GPE", "ent_nato": "ORG", "ent_itpp": "ORG"}
    subject = frozenset({"ent_new_zealand", "ent_nato"})
    nz = ev("e1", "mfat", date(2024, 1, 1), "update", "In 2024, New Zealand and NATO updated the ITPP framework.",
            ["New Zealand", "NATO", "ITPP"], agents=["New Zealand", "NATO"], precision=YEAR, end=date(2024, 12, 31))
    testland = ev("e2", "testland", date(2024, 1, 1), "agree", "In 2024, Testland and NATO agreed the ITPP framework.",
                  ["Testland", "NATO", "ITPP"], agents=["Testland", "NATO"], precision=YEAR, end=date(2024, 12, 31))
    assert groups([nz, testland], labels=labels, subject=subject) == [["e1"], ["e2"]]
    signed = dataclasses.replace(testland, trigger="sign", trigger_text="sign",
                                 sentence="In 2024, Testland and NATO signed the ITPP framework.")
    formalised = dataclasses.replace(nz, trigger="formalise", trigger_text="formalise", agent_ids=("ent_new_zealand",),
                                     sentence="In 2024, New Zealand formalised the ITPP framework with NATO.")
    assert groups([formalised, signed], labels=labels, subject=subject) == [["e1"], ["e2"]]
    # the same country on both pages: one happening told twice
    same = dataclasses.replace(testland, participant_ids=("ent_new_zealand", "ent_nato", "ent_itpp"),
                               agent_ids=("ent_new_zealand", "ent_nato"),
                               sentence="In 2024, New Zealand and NATO agreed the ITPP framework.")
    assert groups([nz, same], labels=labels, subject=subject) == [["e1", "e2"]]


def test_each_page_names_its_own_party_though_the_run_has_many():
    """An alliance's partners, each on its own pages: no partner is named by
    enough of the run's statements to be a topic entity, but each is its
    page's party, so one partner's 2024 agreement is not another's."""
    labels = {"ent_new_zealand": "GPE", "ent_testland": "GPE", "ent_nato": "ORG", "ent_itpp": "ORG"}
    topic = frozenset({"ent_nato"})  # the run's topic: the alliance alone

    def page(doc, country, year, agreed):
        return [
            ev(f"{doc}1", doc, date(year, 1, 1), "join", f"{country} joined the dialogue in {year}.", [country, "NATO"],
               agents=[country], precision=YEAR, end=date(year, 12, 31)),
            ev(f"{doc}2", doc, date(2024, 1, 1), "agree", f"In 2024, NATO and {country} {agreed} the ITPP.",
               ["NATO", country, "ITPP"], agents=["NATO"], precision=YEAR, end=date(2024, 12, 31)),
        ]

    events = page("mfat", "New Zealand", 2001, "agreed") + page("testland", "Testland", 2005, "agreed")
    events += [ev(f"other{k}", f"other{k}", date(2010 + k, 1, 1), "meet", f"NATO ministers met in {2010 + k}.", ["NATO"],
                  precision=YEAR, end=date(2010 + k, 12, 31)) for k in range(6)]
    got = groups(events, topic=topic, labels=labels)
    assert ["mfat2"] in got and ["testland2"] in got


def test_a_date_of_the_happening_its_phrase_names_joins_that_happening():
    """"notified ... its withdrawal from the Agreement of 12 December 2015": the
    date is the agreement's, not the notification's; the notifier is no party of it."""
    labels = {"ent_united_states": "GPE"}
    told = "The United States notified its withdrawal from the Agreement of 12 December 2015."
    at = told.index("12 December 2015")
    notify = dataclasses.replace(
        ev("e2", "b", date(2015, 12, 12), "notify", told, ["United States", "Paris Agreement"],
           agents=["United States"]),
        date_char_start=at, date_char_end=at + len("12 December 2015"))
    adopted = ev("e1", "a", date(2015, 12, 12), "adopt", "195 countries adopted the text on 12 December 2015.")
    assert groups([adopted, notify], labels=labels) == [["e1", "e2"]]
    # read by its verb, the same sentence tells a notification: another kind of happening
    assert groups([adopted, dataclasses.replace(notify, date_char_start=0, date_char_end=4)], labels=labels) \
        == [["e1"], ["e2"]]


def test_a_pages_first_plans_are_for_what_its_first_named_plan_is_for():
    events = [
        ev("e1", "a", date(2019, 3, 1), "schedule", "The telescope, much of which was built here, is scheduled "
           "to go up in March 2019.", planned=True, precision="month", end=date(2019, 3, 31)),
        ev("e2", "a", date(2018, 10, 1), "delay", "NASA delayed its launch, long scheduled for October 2018.",
           planned=True, precision="month", end=date(2018, 10, 31)),
        ev("e3", "b", date(2019, 3, 1), "launch", "It is to launch in March 2019.", planned=True, precision="month",
           end=date(2019, 3, 31)),
    ]
    fact_of = {e.event_id: k for k, g in enumerate(cluster(events)) for e in g}
    assert fact_of["e1"] == fact_of["e3"]
    from facts.identity import profiles

    assert [p.concept for p in profiles(events, frozenset())][0] == "launch"


def test_related_kinds_done_by_other_agents_are_apart():
    labels = {"ent_european_parliament": "ORG", "ent_china": "GPE"}
    events = [
        ev("e1", "a", date(2016, 10, 4), "approve", "The European Parliament approved the ratification on 4 October.",
           ["European Parliament"], agents=["European Parliament"]),
        ev("e2", "b", date(2016, 10, 4), "ratify", "By 4 October, China had ratified the agreement.", ["China"],
           agents=["China"]),
    ]
    assert groups(events, labels=labels) == [["e1"], ["e2"]]


def test_an_unknown_verb_given_the_same_date_in_one_sentence_tells_what_the_known_one_does():
    told = "On 25 December 2021, as the world celebrated, the telescope lifted off."
    events = [
        ev("e1", "a", date(2021, 12, 25), "celebrate", told),
        ev("e2", "a", date(2021, 12, 25), "lift off", told),
        ev("e3", "b", date(2021, 12, 25), "launch", "The telescope was launched on 25 December 2021."),
    ]
    from facts.identity import profiles

    assert [p.concept for p in profiles(events, frozenset())] == ["launch", "launch", "launch"]
    assert groups(events) == [["e1", "e2", "e3"]]


def test_what_an_unknown_verb_tells_does_not_depend_on_the_order_of_statements():
    told = "On 5 January 2022, as engineers celebrated, the telescope lifted off and deployed its shield."
    events = [
        dataclasses.replace(ev("e1", "a", date(2022, 1, 5), "celebrate", told), summary="Engineers celebrated."),
        ev("e2", "a", date(2022, 1, 5), "lift off", told),
        ev("e3", "a", date(2022, 1, 5), "deploy", told),
    ]
    from facts.identity import profiles

    seen = set()
    for order in (events, events[::-1], [events[1], events[0], events[2]], [events[2], events[0], events[1]]):
        concepts = {e.event_id: p.concept for e, p in zip(order, profiles(order, frozenset()))}
        assert concepts["e2"] == "launch" and concepts["e3"] == "deploy"
        seen.add(concepts["e1"])
    assert seen == {"?celebrate"}  # two known kinds: which one it tells is not known, whatever the order


def test_a_counted_groups_act_is_not_one_members():
    labels = {"ent_india": "GPE", "ent_china": "GPE"}
    events = [
        ev("e1", "a", date(2016, 10, 2), "ratify", "India ratified the Paris Agreement on 2 October 2016.",
           ["India", "Paris Agreement"], agents=["India"]),
        ev("e2", "b", date(2016, 10, 2), "ratify",
           "By 2 October 2016, 61 countries, including India and China, had ratified the Paris Agreement.",
           ["China", "India", "Paris Agreement"], agents=["China", "India"]),
    ]
    assert groups(events, labels=labels) == [["e1"], ["e2"]]


def test_a_change_of_plan_told_as_done_is_not_the_plan_it_changed():
    """"The delay is the first change to the schedule since 2011": the
    change of 2011 is a happening of its own, not the launch once planned
    for 2011 on another page."""
    changed = dataclasses.replace(
        ev("e1", "a", date(2011, 1, 1), "delay", "The delay is the first change to the launch schedule since 2011.",
           precision=YEAR, end=date(2011, 12, 31)), date_role="since", date_text="since 2011")
    planned_2011 = ev("e2", "b", date(2011, 1, 1), "plan", "NASA once planned to launch the telescope in 2011.",
                      planned=True, precision=YEAR, end=date(2011, 12, 31))
    done = ev("e3", "c", date(2021, 12, 25), "launch", "The telescope lifted off on 25 December 2021.")
    assert groups([changed, planned_2011, done]) == [["e1"], ["e2", "e3"]]


def test_a_date_wider_than_a_year_says_nothing_of_when():
    """"A rise in temperature this century" holds the year of any happening
    of the pages: it is no evidence that a 2015 adoption is its happening."""
    from facts.identity import FEATURES, pair_features, profiles

    century = ev("e1", "a", date(2000, 1, 1), "keep", "Keeping the temperature rise this century below two degrees.",
                 precision="century", end=date(2099, 12, 31))
    year = ev("e2", "b", date(2015, 1, 1), "adopt", "The agreement adopted in 2015 limits the temperature rise.",
              precision=YEAR, end=date(2015, 12, 31))
    month = ev("e3", "c", date(2015, 12, 1), "adopt", "Nations adopted the agreement in December 2015.",
               precision="month", end=date(2015, 12, 31))
    other = ev("e4", "d", date(2000, 1, 1), "cut", "Cutting emissions this century is the goal.",
               precision="century", end=date(2099, 12, 31))
    a, b, c, d = profiles([century, year, month, other], frozenset())
    assert dict(zip(FEATURES, pair_features(a, b)))["when_within"] == 0.0
    assert dict(zip(FEATURES, pair_features(b, c)))["when_within"] == 1.0
    assert not dict(zip(FEATURES, pair_features(a, d)))["when_same"]  # the same century: nothing of when


def test_an_announcement_names_the_kind_it_tells():
    """"The buyer said on 9 July he had terminated the merger" tells of the
    termination: its saying (``what_told``, weighed apart from kinds the
    lexicon relates or a clause names: the saying has its own day), not the
    same kind, not an unrelated kind."""
    from facts.identity import _what, profiles

    said = ev("e1", "a", date(2022, 7, 9), "say", "The buyer said on 9 July he had terminated the merger.")
    done = ev("e2", "b", date(2022, 7, 8), "terminate", "Last Friday he moved to terminate the purchase.")
    other = ev("e3", "c", date(2022, 7, 12), "sue", "Twitter sued Musk on July 12.")
    p = profiles([said, done, other], frozenset())
    assert p[0].concept == "announce:terminate"
    assert _what(p[0], p[1]) == _what(p[1], p[0]) == "what_told"
    assert _what(p[0], p[2]) == "what_differ"
    saying_of_other = ev("e4", "d", date(2022, 7, 9), "say", "The firm said on 9 July it would sue the buyer.")
    q = profiles([said, saying_of_other], frozenset())
    assert _what(q[0], q[1]) == "what_differ"  # two sayings, each of another kind: neither tells the other


def test_two_plans_of_one_page_with_two_dates_and_no_move_are_two_happenings():
    first = ev("e1", "a", date(2022, 10, 17), "trial", "The trial is set for 17 October.", planned=True)
    second = ev("e2", "a", date(2022, 11, 1), "trial", "A fallback trial is planned for November.", planned=True,
                precision="month", end=date(2022, 11, 30))
    assert groups([first, second]) == [["e1"], ["e2"]]
    moved = dataclasses.replace(second, sentence="The trial was pushed back to November.",
                                summary="The trial was pushed back to November.")
    assert groups([first, moved]) == [["e1", "e2"]]


def test_one_page_plans_with_a_bare_adverb_and_no_move_are_two_happenings():
    first = ev("e1", "a", date(2022, 10, 17), "hearing", "The hearing is scheduled for 17 October.", planned=True)
    second = ev("e2", "a", date(2022, 11, 1), "hearing", "Right now a fallback hearing is scheduled for 1 November.",
                planned=True)
    assert groups([first, second]) == [["e1"], ["e2"]]
    moved = dataclasses.replace(second, sentence="The hearing is now scheduled for 1 November.",
                                summary="The hearing is now scheduled for 1 November.")
    assert groups([first, moved]) == [["e1", "e2"]]


def test_related_kinds_by_other_doers_in_one_page_are_apart():
    labels = {"ent_buyer": "PERSON", "ent_judge": "PERSON"}
    asked = ev("e1", "a", date(2022, 10, 6), "ask", "The buyer asked the court to halt the trial.", ["Buyer"],
               agents=["Buyer"])
    halted = ev("e2", "a", date(2022, 10, 6), "halt", "The judge halted the trial.", ["Judge"], agents=["Judge"])
    assert groups([asked, halted], labels=labels) == [["e1"], ["e2"]]


def test_related_kinds_in_one_page_are_apart_when_only_subject_doers_differ():
    # both doers are what the pages are about (the subject: no agent beyond it): still two doers
    labels = {"ent_buyer": "PERSON", "ent_judge": "PERSON"}
    subject = frozenset({"ent_buyer", "ent_judge"})
    asked = ev("e1", "a", date(2022, 10, 6), "ask", "The buyer asked the court to halt the trial.", ["Buyer"],
               agents=["Buyer"])
    halted = ev("e2", "a", date(2022, 10, 6), "halt", "The judge halted the trial.", ["Judge"], agents=["Judge"])
    assert groups([asked, halted], labels=labels, subject=subject) == [["e1"], ["e2"]]


def test_a_coordinated_verb_found_by_whole_words_not_inside_another():
    # "sign" inside "design" is not the trigger; the date after "and ... ratified" dates the ratification
    from facts.identity import profiles

    s = "The design office signed the pact in 2015 and was then ratified by the assembly in 2016."
    e = dataclasses.replace(ev("e1", "a", date(2016, 1, 1), "sign", s, precision=YEAR, end=date(2016, 12, 31)),
                            trigger_text="signed", date_char_start=s.index("2016"), date_char_end=s.index("2016") + 4)
    assert profiles([e], frozenset())[0].concept == "ratify"


def test_a_plan_is_not_for_a_happening_of_its_kind_done_before_it_was_told():
    from facts.identity import FEATURES, pair_features, profiles

    suit = ev("e1", "a", date(2022, 7, 12), "sue", "The firm sued the buyer on 12 July.")
    trial = dataclasses.replace(ev("e2", "b", date(2022, 10, 17), "sue", "A suit hearing is planned for 17 October.",
                                   planned=True), doc_date=date(2022, 10, 6))
    a, b = profiles([suit, trial], frozenset())
    x = pair_features(a, b)
    assert x[FEATURES.index("when_plan_apart")] == 1.0
    assert x[FEATURES.index("when_within")] == 0.0


def test_a_counted_day_a_day_off_a_written_one_is_its_own_evidence():
    from facts.identity import FEATURES, pair_features, profiles

    written = ev("e1", "a", date(2022, 7, 12), "sue", "On July 12 the firm sued the buyer.")
    counted = dataclasses.replace(ev("e2", "b", date(2022, 7, 11), "sue", "The firm sued the buyer last night."),
                                  counted_day=True)
    x = pair_features(*profiles([written, counted], frozenset()))
    assert x[FEATURES.index("when_counted")] == 1.0 and x[FEATURES.index("when_gap")] == 0.0
    both_written = dataclasses.replace(counted, counted_day=False)
    x = pair_features(*profiles([written, both_written], frozenset()))
    assert x[FEATURES.index("when_counted")] == 0.0 and x[FEATURES.index("when_gap")] > 0.0


def test_a_year_counted_from_another_date_a_year_off_a_written_one_is_its_own_evidence():
    from extractors.types import Precision
    from facts.identity import FEATURES, pair_features, profiles

    written = ev("e1", "a", date(2017, 6, 1), "announce", "On 1 June 2017 the president announced the withdrawal.")
    counted = dataclasses.replace(
        ev("e2", "b", date(2018, 1, 1), "announce", "His successor announced three years later the withdrawal.",
           precision=Precision.YEAR, end=date(2018, 12, 31)), counted_unit=True)
    x = pair_features(*profiles([written, counted], frozenset()))
    assert x[FEATURES.index("when_counted")] == 1.0 and x[FEATURES.index("when_gap")] == 0.0
    # a written year stays a gap; so does a counted year more than a year off
    x = pair_features(*profiles([written, dataclasses.replace(counted, counted_unit=False)], frozenset()))
    assert x[FEATURES.index("when_counted")] == 0.0 and x[FEATURES.index("when_gap")] > 0.0
    far = dataclasses.replace(counted, date_start=date(2020, 1, 1), date_end=date(2020, 12, 31))
    x = pair_features(*profiles([written, far], frozenset()))
    assert x[FEATURES.index("when_counted")] == 0.0 and x[FEATURES.index("when_gap")] > 0.0


def _apart(first, second, labels):
    from facts.identity import cannot_link, pair_features, profiles

    a, b = profiles([first, second], frozenset(), labels)
    return cannot_link(first, second, a, b, pair_features(a, b), labels)


def test_two_meetings_named_after_two_bodies_are_two_happenings():
    labels = {"ent_arctic_forum": "ORG", "ent_baltic_assembly": "ORG", "ent_riga": "GPE"}
    forum = ev("e1", "a", date(2019, 11, 7), "summit", "Leaders met a day before the summit of the Arctic Forum.",
               ["Arctic Forum"])
    assembly = ev("e2", "b", date(2019, 11, 7), "summit", "The Baltic Assembly summit opened in Riga.",
                  ["Baltic Assembly", "Riga"])
    assert _apart(forum, assembly, labels)
    again = ev("e3", "c", date(2019, 11, 7), "summit", "Delegates came to the Baltic Assembly summit.",
               ["Baltic Assembly"])
    assert not _apart(assembly, again, labels)


def test_a_meeting_named_after_a_place_the_tagger_calls_an_organisation_and_after_a_body_are_not_apart():
    labels = {"ent_un": "ORG", "ent_tromso": "ORG"}  # a city read as an organisation
    un = ev("e1", "a", date(2019, 11, 7), "conference", "The UN ocean conference opened on 7 November.", ["UN"])
    city = ev("e2", "b", date(2019, 11, 7), "conference", "The Tromso ocean conference opened on 7 November.",
              ["Tromso"])
    assert not _apart(un, city, labels)  # neither name is the meeting noun's own modifier


def test_a_meetings_names_sharing_initials_are_one_host():
    labels = {"ent_iccat": "ORG", "ent_international_commission_for_the_conservation_of_atlantic_tunas": "ORG"}
    short = ev("e1", "a", date(2019, 11, 7), "meeting", "The ICCAT meeting began on 7 November.", ["ICCAT"])
    full = ev("e2", "b", date(2019, 11, 7), "meeting",
              "The International Commission for the Conservation of Atlantic Tunas meeting began.",
              ["International Commission for the Conservation of Atlantic Tunas"])
    assert not _apart(short, full, labels)


def test_a_meeting_alias_of_the_table_is_one_host():
    from facts.entities import builtin_aliases

    assert any(e.canonical == "G20" and "Group of 20" in e.aliases for e in builtin_aliases())
    labels = {"ent_g20": "ORG", "ent_group_of_20": "ORG"}
    short = ev("e1", "a", date(2016, 9, 4), "summit", "The G20 summit opened on 4 September.", ["G20"])
    long = ev("e2", "b", date(2016, 9, 4), "summit", "The Group of 20 summit opened on 4 September.", ["Group of 20"])
    assert not _apart(short, long, labels)  # even unresolved, "Group of 20" has the initials G20


def test_an_organisation_a_meeting_discusses_is_not_its_host():
    labels = {"ent_imf": "ORG", "ent_g20": "ORG"}
    topic = ev("e1", "a", date(2016, 9, 4), "summit", "The summit on 4 September discussed the IMF quota reform.",
               ["IMF"])
    g20 = ev("e2", "b", date(2016, 9, 4), "summit", "The G20 summit opened on 4 September.", ["G20"])
    assert not _apart(topic, g20, labels)


def test_who_holds_a_meeting_is_no_agent_for_likely_apart():
    from facts.identity import likely_apart, pair_features, profiles

    labels = {"ent_esa": "ORG", "ent_nasa": "ORG"}
    briefing = ev("e1", "a", date(2022, 7, 12), "briefing", "The ESA briefing on 12 July showed the images.", ["ESA"])
    release = ev("e2", "b", date(2022, 7, 12), "release", "NASA released the images on 12 July.", ["NASA"],
                 agents=["NASA"])
    a, b = profiles([briefing, release], frozenset(), labels)
    assert {p: h.name for p, h in a.hosts.items()} == {"ent_esa": "ESA"} and a.agents == frozenset()
    assert not likely_apart(briefing, release, a, b, pair_features(a, b))


def test_a_government_and_its_state_doing_one_act_are_not_two_doers():
    labels = {"ent_chinese": "NORP", "ent_china": "GPE", "ent_state_department": "ORG", "ent_united_states": "GPE"}
    people = ev("e1", "a", date(2016, 9, 3), "ratify", "The Chinese government ratified the agreement on 3 September.",
                ["Chinese"], agents=["Chinese"])
    state = ev("e2", "b", date(2016, 9, 3), "ratify", "China ratified the agreement on 3 September.", ["China"],
               agents=["China"])
    assert not _apart(people, state, labels)  # a people and a state: agents of two types, not one role
    office = ev("e3", "a", date(2016, 4, 22), "sign", "The State Department signed on 22 April.",
                ["State Department"], agents=["State Department"])
    country = ev("e4", "b", date(2016, 4, 22), "sign", "The US signed on 22 April.", ["United States"],
                 agents=["United States"])
    assert not _apart(office, country, labels)


def test_a_counted_day_its_page_gives_another_telling_of_that_kind_is_no_day_off():
    """A page that tells "the first report came out yesterday" and "the rest
    followed today" counted both days on purpose: against another page's
    written day a day off, the counted day is a gap (two happenings), not a
    day counted off the written one."""
    from facts.identity import FEATURES, pair_features, profiles

    yesterday = dataclasses.replace(ev("e1", "a", date(2023, 3, 1), "publish", "The first report was published yesterday."),
                                    counted_day=True)
    today = dataclasses.replace(ev("e2", "a", date(2023, 3, 2), "publish", "The rest were published today."),
                                counted_day=True)
    written = ev("e3", "b", date(2023, 3, 2), "publish", "The council published the reports on 2 March.")
    p = profiles([yesterday, today, written], frozenset())
    x = pair_features(p[0], p[2])
    assert x[FEATURES.index("when_counted")] == 0.0 and x[FEATURES.index("when_gap")] > 0.0
    assert pair_features(p[1], p[2])[FEATURES.index("when_same")] == 1.0
    alone = profiles([yesterday, written], frozenset())  # its page tells no other day of it: perhaps a day off
    assert pair_features(*alone)[FEATURES.index("when_counted")] == 1.0


def test_a_plan_or_an_overtaken_statement_of_its_page_does_not_make_a_counted_day_one_on_purpose():
    """Page a: "the probe launched yesterday" (25 Dec) and "it had been
    scheduled to launch on 24 December"; page b: "launched on 24 December".
    The old plan's day is no other telling of the launch: the counted day
    may still be b's told a day off."""
    from facts.identity import FEATURES, pair_features, profiles

    counted = dataclasses.replace(ev("e1", "a", date(2021, 12, 25), "launch", "The probe launched yesterday."),
                                  counted_day=True)
    plan = ev("e2", "a", date(2021, 12, 24), "schedule", "It had been scheduled to launch on 24 December.",
              planned=True)
    written = ev("e3", "b", date(2021, 12, 24), "launch", "The probe launched on 24 December.")
    p = profiles([counted, plan, written], frozenset())
    assert pair_features(p[0], p[2])[FEATURES.index("when_counted")] == 1.0
    overtaken = dataclasses.replace(ev("e4", "a", date(2021, 12, 24), "launch", "It launched on 24 December."),
                                    current=False)
    q = profiles([counted, overtaken, written], frozenset())
    assert pair_features(q[0], q[2])[FEATURES.index("when_counted")] == 1.0


def test_the_saying_of_a_kind_is_told_before_its_clause_names_the_other():
    """A saying of the other's kind whose clause also names it, or whose kind
    the lexicon relates: ``what_told`` (the saying of that kind), not
    ``what_near``, either way round."""
    from facts.identity import _what, profiles

    said = ev("e1", "a", date(2022, 7, 9), "say", "The buyer said on 9 July he had terminated the merger.")
    done = ev("e2", "b", date(2022, 7, 8), "terminate", "He terminated the merger after he said he would.")
    p = profiles([said, done], frozenset())
    assert p[0].concept == "announce:terminate" and p[1].concept == "terminate"
    assert "announce" in p[1].clause_concepts or "terminate" in p[0].clause_concepts  # both tests apply
    assert _what(p[0], p[1]) == _what(p[1], p[0]) == "what_told"


def test_one_named_programme_told_two_ways_the_same_year_is_one_happening():
    """No kind of happening in common ("work has gone ahead through" the
    programme, a country "put its work on a formal footing" with it) and few
    words (other pages name the programme too), but all they name beyond the
    topic is one, the same on both sides, the same year: one happening."""
    y = {"precision": YEAR, "end": date(2012, 12, 31)}
    ahead = ev("e1", "a", date(2012, 1, 1), "go", "Since 2012, work has gone ahead through the Joint Programme.",
               ["Joint Programme"], **y)
    formal = ev("e2", "b", date(2012, 1, 1), "put",
                "New Zealand put its work with NATO on a formal footing in 2012 with the Joint Programme.",
                ["New Zealand", "NATO", "Joint Programme"], agents=["New Zealand"], **y)
    others = [ev(f"f{k}", "c", date(2005 + k, 1, 1), "begin", f"The Joint Programme of partner {k} began in {2005 + k}.",
                 [f"Partner {k}", "Joint Programme"], precision=YEAR, end=date(2005 + k, 12, 31)) for k in range(4)]
    topic = frozenset({"ent_new_zealand", "ent_nato"})
    assert ["e1", "e2"] in groups([ahead, formal, *others], topic=topic, subject=topic)
    # one names another thing beyond the topic: the gate stays shut
    more = dataclasses.replace(formal, sentence=formal.sentence.replace("its work", "its ties"),
                               participants=(*formal.participants, "Partner 9"),
                               participant_ids=(*formal.participant_ids, "ent_partner_9"))
    assert ["e1"] in groups([ahead, more, *others], topic=topic, subject=topic)


def test_unrelated_known_kinds_done_by_others_are_apart():
    """A launch and a joining of one initiative, by others, the dates
    compatible and the rare words shared: two happenings; done by one
    doer, they are not set apart by it."""
    launched = ev("e1", "a", date(2014, 9, 1), "launched",
                  "Ruritania launched the Zenda Interoperability Initiative in September 2014.",
                  ["Ruritania", "Zenda Interoperability Initiative"], agents=["Ruritania"], precision="month",
                  end=date(2014, 9, 30))
    joined = ev("e2", "b", date(2014, 1, 1), "taken part",
                "Since 2014, Freedonia has taken part in the Zenda Interoperability Initiative.",
                ["Freedonia", "Zenda Interoperability Initiative"], agents=["Freedonia"], precision=YEAR,
                end=date(2014, 12, 31))
    labels = {"ent_ruritania": "ORG", "ent_freedonia": "GPE"}
    topic = frozenset({"ent_ruritania", "ent_freedonia"})
    kw = {"labels": labels, "topic": topic, "subject": topic}
    assert groups([launched, joined], **kw) == [["e1"], ["e2"]]
    anonymous = dataclasses.replace(joined, sentence="Since 2014, the Zenda Interoperability Initiative has taken "
                                    "part in the exercises.", participants=("Zenda Interoperability Initiative",),
                                    participant_ids=("ent_zenda_interoperability_initiative",), agent_ids=())
    assert groups([launched, anonymous], **kw) == [["e1", "e2"]]


def _since_launch_page():
    """"Since the app launched on 3 March 2015, its makers have been adding
    features": the launch (a point) and what has held since (role since)."""
    sentence = "Since the app launched on 3 March 2015, its makers have been adding features every month."
    at, end = sentence.index("3 March 2015"), sentence.index(",")
    launch = dataclasses.replace(ev("e1", "a", date(2015, 3, 3), "launched", sentence, ["App"]),
                                 date_char_start=at, date_char_end=end, date_text="on 3 March 2015")
    state = dataclasses.replace(ev("e2", "a", date(2015, 3, 3), "adding", sentence, ["App"]),
                                date_char_start=at, date_char_end=end, date_text="on 3 March 2015",
                                date_role="since", summary="its makers have been adding features every month")
    return launch, state


def test_what_holds_since_a_launch_is_not_the_launch():
    launch, state = _since_launch_page()
    others = [ev("e3", "b", date(2015, 3, 3), "launch", "The app launched on 3 March 2015.", ["App"]),
              ev("e4", "c", date(2015, 3, 3), "launch", "Its makers launched the app on 3 March 2015.", ["App"])]
    assert groups([state, *others]) == [["e2"], ["e3", "e4"]]
    assert groups([launch, state, *others]) == [["e1", "e3", "e4"], ["e2"]]


def test_one_sentence_giving_a_date_as_a_point_and_as_a_start_tells_two_happenings():
    from facts.identity import cannot_link, pair_features, profiles

    launch, state = _since_launch_page()
    # its clause read as the whole sentence: it names the launch, yet the sentence tells them apart
    state = dataclasses.replace(state, summary=state.sentence)
    a, b = profiles([launch, state], frozenset())
    assert cannot_link(launch, state, a, b, pair_features(a, b))
    assert groups([launch, state]) == [["e1"], ["e2"]]
