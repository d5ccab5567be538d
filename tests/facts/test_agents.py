"""Who did it: WHO signatures, and a counted group's act against one member's."""

from dataclasses import replace
from datetime import date

from facts.agents import Who, different_doers, who_of
from tests.facts.sample_events import entity_id, event

LABELS = {"ent_india": "GPE", "ent_united_states": "GPE", "ent_china": "GPE", "ent_twitter": "ORG"}


def ev(sentence, participants=(), agents=()):
    return event(sentence, date(2016, 10, 2), snapshot_sha256="s", date_text="", trigger="ratify",
                 trigger_text="ratified", participants=tuple(participants),
                 participant_ids=tuple(map(entity_id, participants)), summary=sentence,
                 agent_ids=tuple(map(entity_id, agents)))


def who(sentence, participants=(), agents=()):
    return who_of(ev(sentence, participants, agents), sentence, LABELS)


def test_a_counted_group_is_the_doer_whatever_members_it_names():
    w = who("By 4 October 2016, 63 countries, including USA, China and India, had ratified the agreement.",
            ["United States", "China", "India"], agents=["United States", "China", "India"])
    assert w.group and "GPE" in w.member_labels
    assert who("More than 190 nations had agreed on the goals.").group


def test_one_among_a_group_is_a_member_doer():
    w = who("The U.S. was one of some 190 nations to sign the accord that December.", ["United States"])
    assert not w.group and w.agents == {"ent_united_states"}


def test_a_year_before_a_plural_is_no_count():
    assert not who("Unless the sale closes by 28 October 2022, the parties must report back.").group


def test_a_group_and_one_member_are_different_doers():
    group = who("63 countries had ratified the agreement by 4 October.")
    india = who("India ratified the agreement on 2 October.", ["India"], agents=["India"])
    assert different_doers(group, india, LABELS) and different_doers(india, group, LABELS)


def test_a_member_of_another_kind_or_no_doer_says_nothing():
    countries = who("63 countries had ratified the agreement by 4 October.")
    company = who("Twitter ratified it.", ["Twitter"], agents=["Twitter"])
    assert not different_doers(countries, company, LABELS)
    assert not different_doers(countries, Who(), LABELS)
    assert not different_doers(countries, who("More than 190 nations had agreed."), LABELS)


def test_a_doer_beside_the_group_is_no_member_apart():
    labels = LABELS | {"ent_new_zealand": "GPE"}
    both = who_of(ev("In 2012, 28 member states and New Zealand signed the programme.", ["New Zealand"],
                     agents=["New Zealand"]), "In 2012, 28 member states and New Zealand signed the programme.", labels)
    nz = who_of(ev("New Zealand signed the programme in 2012.", ["New Zealand"], agents=["New Zealand"]),
                "New Zealand signed the programme in 2012.", labels)
    assert both.group and not both.listed
    assert not different_doers(both, nz, labels)


def test_a_definite_small_group_names_the_sides_not_a_count():
    assert not who("The two companies agreed to the deal on 25 April.").group
    assert not who("Both parties agreed to settle on 4 October.").group


def test_one_among_the_group_is_a_member_doer_too():
    w = who("The U.S. was among the 195 parties that signed the Agreement.", ["United States"])
    assert not w.group and w.agents == {"ent_united_states"}


def test_a_year_before_a_name_is_no_count():
    w = who("On April 22, 2016 United States Secretary of State John Kerry signed the agreement.",
            ["United States"], agents=["United States"])
    assert not w.group
    assert not who("In December 2015 nations adopted the agreement.").group


def test_a_group_after_the_trigger_is_not_its_doer():
    text = "Musk secured financing from 7 banks on 28 April."
    assert not who_of(replace(ev(text), trigger_text="secured"), text, LABELS).group
    assert who_of(replace(ev("7 banks secured it on 28 April."), trigger_text="secured"),
                  "7 banks secured it on 28 April.", LABELS).group


def test_what_the_pages_are_about_is_a_doer_like_any_other():
    """Whether an entity is what the pages are about depends on the run's
    pages: the signature does not, so unrelated pages do not move facts."""
    w = who_of(ev("Twitter ratified it.", ["Twitter"], agents=["Twitter"]), "Twitter ratified it.", LABELS)
    assert w.agents == {"ent_twitter"}


def test_one_among_a_group_with_two_candidates_names_none():
    labels = LABELS | {"ent_paris": "GPE"}
    text = "In Paris, the U.S. was among 190 nations that signed."
    assert who_of(ev(text, ["Paris", "United States"]), text, labels).agents == frozenset()


def test_who_holds_a_meeting_is_an_organisation_naming_it():
    from facts.agents import who_meets

    labels = {"ent_nordic_council": "ORG", "ent_oslo": "GPE", "ent_imf": "ORG"}
    text = "Ministers gathered in Oslo for the summit of the Nordic Council."
    summit = replace(ev(text, ["Nordic Council", "Oslo"]), trigger="summit", trigger_text="summit")
    assert {p: h.name for p, h in who_meets(summit, "meet", labels).items()} == {"ent_nordic_council": "Nordic Council"}  # not the place
    assert who_meets(summit, "ratify", labels) == {}  # another kind of happening
    text = "The summit discussed the IMF quota reform."
    topic = replace(ev(text, ["IMF"]), trigger="summit", trigger_text="summit")
    assert who_meets(topic, "meet", labels) == {}  # what it discusses


def test_a_meeting_is_named_by_its_host_however_written():
    from facts.agents import who_meets

    labels = {"ent_g20": "ORG", "ent_marrakesh_un": "ORG", "ent_hangzhou": "GPE"}
    text = "Both signed in Hangzhou on the eve of the annual summit of the Group of 20 big economies."
    summit = replace(ev(text, ["G20", "Hangzhou"]), trigger="summit", trigger_text="summit")
    # the canonical name is not written: its other spelling is ("Group of 20", initials G20)
    (host,) = who_meets(summit, "meet", labels).values()
    assert host.name == "G20"
    text = "The vote lands just before the beginning of the Marrakesh UN climate change conference on 7 November."
    cop = replace(ev(text, ["Marrakesh UN"]), trigger="beginning", trigger_text="beginning")
    (host,) = who_meets(cop, "meet", labels).values()
    assert host.name == "Marrakesh UN"  # what it is about between its host and its word
    text = "The UN said the conference opened on 7 November."
    said = replace(ev(text, ["UN"]), trigger="opened", trigger_text="opened")
    assert who_meets(said, "meet", {"ent_un": "ORG"}) == {}  # a verb between: no meeting's name


def test_two_meetings_are_one_hosts_by_initials_or_by_the_host_in_a_longer_name():
    from facts.agents import Host, one_host

    assert one_host(Host.of("G20"), Host.of("Group of 20"))
    assert one_host(Host.of("UNFCCC"), Host.of("United Nations Framework Convention on Climate Change"))
    assert not one_host(Host.of("UNFCCC"), Host.of("UN"))  # an acronym is its own initials
    assert not one_host(Host.of("G20"), Host.of("Marrakesh UN"))
    assert not one_host(Host.of("Group of 20"), Host.of("Group of Seven"))
    # the host written with the meeting's place
    assert one_host(Host.of("UN"), Host.of("Marrakesh UN"))


def test_a_number_word_is_a_number_in_a_hosts_initials():
    from facts.agents import Host, one_host

    assert one_host(Host.of("G7"), Host.of("Group of Seven")) and one_host(Host.of("Group of Seven"), Host.of("G7"))
    assert not one_host(Host.of("G7"), Host.of("Group of Eight"))


def test_two_meetings_about_one_thing_held_by_two_bodies_are_two():
    from facts.agents import who_meets

    labels = {"ent_marrakesh_un": "ORG", "ent_paris_un": "ORG", "ent_un": "ORG", "ent_nato": "ORG"}

    def host(text, name):
        e = replace(ev(text, [name]), trigger="conference", trigger_text="conference")
        (h,) = who_meets(e, "meet", labels).values()
        return h

    from facts.agents import one_host

    cop22 = host("Delegates flew in for the Marrakesh UN climate change conference in November.", "Marrakesh UN")
    cop21 = host("Delegates flew in for the Paris UN climate change conference in December.", "Paris UN")
    assert not one_host(cop22, cop21)
    un = host("Ministers attended the UN annual meeting in Geneva.", "UN")
    nato = host("Ministers attended the NATO annual summit in Brussels.", "NATO")
    assert not one_host(un, nato)


def test_a_meeting_verbs_subject_or_a_function_word_is_no_meetings_name():
    from facts.agents import who_meets

    labels = {"ent_the": "ORG", "ent_nordic_council": "ORG"}
    met = replace(ev("The company met analysts in May.", ["The"]), trigger="met", trigger_text="met")
    assert who_meets(met, "meet", labels) == {}
    text = "A host of Nordic Council members voted."
    crowd = replace(ev(text, ["Nordic Council"]), trigger="host", trigger_text="host")
    assert who_meets(crowd, "meet", labels) == {}


def test_a_meetings_name_is_read_back_in_bounded_time():
    import time

    from facts.agents import who_meets

    text = " ".join(["Alpha Beta of Gamma"] * 800) + " left the summit"
    long = replace(ev(text, ["Gamma"]), trigger="summit", trigger_text="summit")
    t = time.perf_counter()
    assert who_meets(long, "meet", {"ent_gamma": "ORG"}) == {}
    assert time.perf_counter() - t < 2.0  # was 14.6 s: the look back is a window, not the sentence


def test_a_page_that_tells_a_doers_part_apart_parts_it_from_that_doers_act():
    from facts.agents import named_apart

    labels = {"ent_joe_biden": "PERSON"}
    day = date(2022, 7, 12)
    first = replace(ev("The first images were released yesterday at a briefing attended by Joe Biden.", ["Joe Biden"]),
                    event_id="first", doc_id="news", date_start=date(2022, 7, 11), date_end=date(2022, 7, 11))
    today = replace(ev("The rest came out today."), event_id="today", doc_id="news",
                    date_start=day, date_end=day)
    years_off = replace(today, event_id="plan", date_start=date(2018, 1, 1), date_end=date(2018, 1, 1),
                        participants=("NASA",), participant_ids=("ent_nasa",))
    unveiled = replace(ev("Joe Biden unveiled the first image on July 12, 2022.", ["Joe Biden"], agents=["Joe Biden"]),
                       event_id="unveil", doc_id="history", date_start=day, date_end=day)
    concepts = {e.event_id: "release" for e in (first, today, years_off, unveiled)}
    apart = named_apart([first, today, years_off, unveiled], concepts, labels)
    assert apart["today"] == {"ent_joe_biden"}  # not NASA: named years off
    assert "unveil" not in apart  # it has a doer
    today_who = replace(Who(), named_apart=apart["today"])
    biden = who_of(unveiled, unveiled.sentence, labels)
    assert different_doers(biden, today_who, labels) and different_doers(today_who, biden, labels)
    assert not different_doers(biden, Who(), labels)  # a doer-less statement alone sets nothing apart


def _release(event_id, doc, text, day, participants=(), agents=(), precision="day"):
    return replace(ev(text, participants, agents), event_id=event_id, doc_id=doc, date_start=day, date_end=day,
                   precision=precision)


def test_the_subjects_own_act_on_another_day_sets_no_later_release_apart():
    from facts.agents import named_apart

    labels = {"ent_nasa": "ORG"}
    monday = _release("monday", "b", "NASA released the first image on Monday.", date(2022, 7, 11), ["NASA"], ["NASA"])
    today = _release("today", "b", "The rest of the images were released today.", date(2022, 7, 12))
    other = _release("other", "a", "NASA released the images on 12 July.", date(2022, 7, 12), ["NASA"], ["NASA"])
    concepts = {e.event_id: "release" for e in (monday, today, other)}
    for topic in (frozenset({"ent_nasa"}), frozenset()):  # the subject, or a doer on both days
        apart = named_apart([monday, today, other], concepts, labels, topic=topic)
        today_who = replace(Who(), named_apart=apart.get("today", frozenset()))
        assert not different_doers(who_of(other, other.sentence, labels), today_who, labels)


def test_a_doer_named_apart_beside_another_doer_is_no_other_happening():
    from facts.agents import named_apart

    labels = {"ent_nasa": "ORG", "ent_esa": "ORG"}
    calib = _release("calib", "b", "Scientists at ESA released a calibration image on 9 July.", date(2022, 7, 9),
                     ["ESA"], ["ESA"])
    today = _release("today", "b", "The rest of the images were released today.", date(2022, 7, 12))
    both = _release("both", "a", "ESA and NASA released the images on 12 July.", date(2022, 7, 12),
                    ["ESA", "NASA"], ["ESA", "NASA"])
    concepts = {e.event_id: "release" for e in (calib, today, both)}
    apart = named_apart([calib, today, both], concepts, labels)
    today_who = replace(Who(), named_apart=apart.get("today", frozenset()))
    assert not different_doers(who_of(both, both.sentence, labels), today_who, labels)  # they share NASA


def test_a_month_is_no_other_day():
    from facts.agents import named_apart

    labels = {"ent_joe_biden": "PERSON"}
    month = _release("month", "b", "Images were shown in July 2022 to Joe Biden.", date(2022, 7, 1), ["Joe Biden"],
                     precision="month")
    today = _release("today", "b", "The images were released on 3 July.", date(2022, 7, 3))
    assert named_apart([month, today], {"month": "release", "today": "release"}, labels) == {}


def test_the_saying_of_another_happening_is_not_of_the_kind():
    """A page's kinds are its concepts in full (facts.lexicon.page_kind): the
    announcement of a signing sets no one apart from that of a launch."""
    from facts.agents import named_apart

    labels = {"ent_joe_biden": "PERSON"}
    signing = _release("signing", "b", "Joe Biden announced the signing on 1 July.", date(2022, 7, 1), ["Joe Biden"])
    launch = _release("launch", "b", "The launch was announced on 3 July.", date(2022, 7, 3))
    assert named_apart([signing, launch], {"signing": "announce:sign", "launch": "announce:launch"}, labels) == {}
    assert named_apart([signing, launch], {"signing": "announce:launch", "launch": "announce:launch"},
                       labels) == {"launch": {"ent_joe_biden"}}
