"""Statement or not, triggers and participants: one test per rule, through the real model."""

from datetime import date

import pytest

from extractors.entities import mentions_from_spans
from extractors.rule_switches import rules_off, rules_on
from extractors.statement_model import calibrated_confidence
from tests.support import read_statements

ANCHOR = date(2025, 6, 12)


def statements(text, models, anchor=ANCHOR):
    return read_statements(text, models, anchor)


# -- statement or not -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "When did the company open its first store in 2019?",  # question
    "Read more about the 2024 summit.",  # imperative / call to action
    "Join us on March 5, 2026 for the product launch.",  # imperative
    "Designate the months of January and July 2026 for performing your maintenance.",  # an order the tagger calls JJ
    "You should renew your licence by June 2026.",  # advice
    "The company may open a store in Paris in 2026.",  # hedged by a modal
    "The firm did not file its annual report in 2023.",  # negated
    "The board usually met in March 2019.",  # habitual
    "In 2026, the best CRM is the one that fits your team.",  # generic present, coarse date
    "The garden furniture trends of 2025 signal a shift toward comfort.",  # generic present
    "Most robot vacuums in shops today include a charging dock.",  # "today" = nowadays
    "It's 2025!",  # bare copula
    "Sat 8 Jan 2022",  # a date-only line
    "If there are no meetings until noon on 3 May 2024, the script opens the writing app.",  # condition
    "If you have questions, please don't hesitate to contact us on Saturday, 3 May 2025.",  # imperative, not first
    "I strongly recommend catching up with the video essays of 2024.",  # advice
    "The notice shall not be deemed to be filed in 2024.",  # modal and negation of the governing verb
    "It's time for someone among you to rethink fashion in 2025.",  # an exhortation
    "This is the most original novel of science fiction published in the 21st century.",  # a ranking copula
    "The assistant pulls today's meetings and highlights the top three tasks.",  # "today's" in a routine
    "Posted on March 3, 2024 by admin",  # a post's label
    "Last Updated July 9, 2022 at 4:30 PM EDT",  # the page's label
    "This weekend's choices include theatrical releases arriving on streaming.",  # things of a period, present
    "Here are ten places to visit in 2025.",  # an infinitive describing a noun
    "Autumn is a smart season to shop as retailers sell off stock to free space for fresh lines arriving in winter.",  # every year
    "Broad support for the climate pact to enter into force in 2016 has proved striking.",  # ... asserts nothing
])
def test_no_statement(models, text):
    assert statements(text, models) == []


@pytest.mark.parametrize("text, rule", [
    # the text speaking of itself: what the list will do, or the writer putting it together
    ("This guide will cover the hiking trails worth a visit this year.", "self-reference"),
    ("We've put together a list of the bakeries worth a detour in 2023.", "self-reference"),
    ("This guide will feature some of the food festivals in Lisbon this year.", "self-reference"),  # a bare period
    # a ranking within a period: the date says what is ranked
    ("The director of one of 2022's most-played albums praised the band.", "period-rank"),
    ("The director of one of 2025's biggest games praised the band.", "period-rank"),
])
def test_no_statement_from_the_text_itself_or_a_ranking(models, text, rule):
    assert statements(text, models) == []
    with rules_off({rule}):
        assert len(statements(text, models)) == 1  # the rule, and no other, says it is no statement


@pytest.mark.parametrize("text", [
    "The remake of 2019's Silver Harbour drew large crowds.",
    "The sequel to 2011's The Lantern Games drew large crowds.",  # a title's "The", though "Games" heads it
])
def test_a_written_year_before_a_works_name_is_no_statement(models, text):
    assert statements(text, models) == []
    with rules_off({"name-possessive"}):
        assert len(statements(text, models)) == 1  # that rule, and no other, says it is no statement


@pytest.mark.parametrize("text, trigger, value", [
    # a storm's title opens the name
    ("2017's Hurricane Maria destroyed much of the island's power grid.", "destroy", "2017"),
    ("2005's Typhoon Nabi flooded several coastal towns.", "flood", "2005"),
    # a word that heads names of happenings ends it
    ("2014's Glasgow Commonwealth Games brought thousands of visitors to the city.", "bring", "2014"),
    ("The choir sang at 2018's Cardiff Folk Festival before a crowd of thousands.", "sing", "2018"),
    ("2011's Berlin Marathon set a course record.", "set", "2011"),
])
def test_a_written_year_before_a_happenings_name_stays_a_statement(models, text, trigger, value):
    with rules_on({"name-possessive"}):
        assert (trigger, value) in [(st.trigger, st.date.value) for st in statements(text, models)]


@pytest.mark.parametrize("text, trigger, value", [
    # the date is the time of what the text or the writer does: a happening
    ("Our newsletter launches on March 3, 2026.", "launch", "2026-03-03"),
    # a text noun doing something that is no presenting: a happening in a bare period
    ("Our blog will host a live Q&A with the mayor this Friday.", "host", "2025-06-13"),
    ("Our newsletter will announce the winners next week.", "announce", "2025-W25"),
    ("My blog will celebrate its tenth anniversary this month.", "celebrate", "2025-06"),
    ("This page will be unavailable on March 3 due to maintenance.", "unavailable", "2026-03-03"),  # the next March 3
    # the writer gathers or selects, but no list: the date is the event's
    ("We gathered at the June 3 rally in Paris.", "rally", "2025-06-03"),
    ("We will select the winner at the March 5 ceremony.", "ceremony", "2026-03-05"),  # the next March 5
    # the ranked thing is a happening or acts: the date is its time
    ("One of the most important summits of 2019 took place in Osaka.", "summit", "2019"),
    ("The tallest building of 2024 opened in Dubai.", "building", "2024"),
    ("The year's largest wildfire destroyed 200 homes.", "destroy", "2025"),
    # "latest" is recency, not a rank
    ("The latest 2023 census showed the population grew.", "census", "2023"),
    # a deictic year's edition of an event is its time, even with the name rule on
    ("Last year's Super Bowl drew 115 million viewers.", "draw", "2024"),
    ("This year's Glastonbury sold out in 30 minutes.", "sell out", "2025"),
    ("Last year's Olympics in Paris drew record crowds.", "draw", "2024"),
])
def test_a_happening_dated_near_the_text_a_rank_or_a_name_stays_a_statement(models, text, trigger, value):
    anchor = date(2025, 6, 12)
    assert (trigger, value) in [(st.trigger, st.date.value) for st in statements(text, models, anchor=anchor)]
    with rules_on({"name-possessive"}):
        assert (trigger, value) in [(st.trigger, st.date.value) for st in statements(text, models, anchor=anchor)]


@pytest.mark.parametrize("text, trigger, year", [
    ("This guide was revised in May 2024.", "revise", 2024),  # what was done to the text: its past
    ("In 2019 we compiled a list of local bakeries.", "compile", 2019),  # the date on the compiling itself
    ("We have compiled a list of the bakeries that opened in 2023.", "open", 2023),  # the listed happening
    ("The remake of the 2019 film drew large crowds in 2023.", "draw", 2023),  # no possessive name
    ("Analysts expect the slump to last through at least the first two quarters of 1991.", "last", 1991),  # a bound
])
def test_the_texts_past_a_dated_compiling_and_a_listed_happening_stay_statements(models, text, trigger, year):
    assert (trigger, year) in [(st.trigger, st.date.date_start.year) for st in statements(text, models)]


def test_a_ranked_period_gives_no_statement_and_the_happening_keeps_its_date(models):
    sts = statements("The band released its finest album of the decade in 1999.", models)
    assert [(st.trigger, st.date.value) for st in sts] == [("release", "1999")]


def test_a_deposit_dated_in_the_subject_is_the_happening(models):
    (st,) = statements("The deposit of both ratification documents on Friday will at last complete the procedure.", models)
    assert st.trigger == "deposit"


def test_a_relative_clause_that_only_gives_its_nouns_date_is_no_copula_statement(models):
    sts = statements("The minister said he had chosen the start date, which is next Sunday, because Gandhi's life was a model.", models)
    assert all(st.trigger != "be" for st in sts)


def test_a_post_verb_with_its_subject_or_after_its_noun_states(models):
    (st,) = statements("Apple posted on March 3, 2024 that sales grew.", models)
    assert st.trigger == "post"
    (st,) = statements("The paper, published on 3 March 2020, shows a gain.", models)
    assert st.trigger == "publish"


def test_two_adjacent_months_joined_by_and_are_one_stretch(models):
    (st,) = statements("We toured Peru in late December and early January.", models, anchor=date(2025, 12, 31))
    assert (st.date.role, st.date.date_start, st.date.date_end) == ("range", date(2025, 12, 1), date(2026, 1, 31))
    # two months apart: two statements
    assert len(statements("The council met in March 2024 and in May 2024.", models)) == 2


def test_an_infinitive_of_a_plan_or_a_rank_keeps_its_date(models):
    (st,) = statements("The agency confirmed plans to launch the observatory into space on 18 December 2021.", models)
    assert st.trigger == "launch"
    (st,) = statements("It was the first company to launch a rocket in 2019.", models)
    assert st.trigger == "launch"


def test_plans_stay_statements(models):
    (st,) = statements("The company will open a store in Paris in 2026.", models)
    assert st.trigger == "open" and st.date.date_start == date(2026, 1, 1)


def test_completed_happening_today_is_that_day(models):
    (st,) = statements("Today, Acme Corp announced the acquisition of Beta Inc.", models)
    # an acquisition announced may still wait on approval: the announcing is the happening of the day
    assert st.trigger == "announce" and st.date.date_start == ANCHOR


def test_timeline_entry_in_historical_present(models):
    (st,) = statements("April 25: Twitter accepts the offer.", models, anchor=date(2022, 10, 30))
    assert st.trigger == "accept" and (st.date.date_start.month, st.date.date_start.day) == (4, 25)


def test_a_date_the_verb_acts_on_is_not_its_time(models):
    text = "Critics remembered 1999 fondly."
    assert statements(text, models) == []
    # also a date resolved against the page's ("Christmas" of the year in focus)
    (st,) = statements("On December 25, 2021, as families celebrated Christmas, the observatory began its voyage.", models)
    assert st.trigger == "begin"
    with rules_off({"date-object"}):
        assert [s.trigger for s in statements(text, models)] == ["remember"]


def test_a_period_a_verb_runs_through_is_its_time(models):
    (st,) = statements("Analysts expect that the company will finish 2023 with $3 billion in revenue.", models)
    assert st.trigger == "finish" and st.date.date_start == date(2023, 1, 1)


def test_state_since_a_date_stays(models):
    (st,) = statements("The feature has been available across browsers since July 2015.", models)
    assert st.trigger == "available" and st.date.role == "since"


# -- triggers ---------------------------------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("Research by Houzz in 2022 found that kitchens were popular.", "research"),  # event noun the date modifies
    ("According to Reuters, the firm was sold in 2021.", "sell"),  # not "accord"
    ("2022 saw the launch of the app.", "launch"),  # not "see"
    ("The first meeting was on 3 May 2024.", "meeting"),  # not the copula
    ("Vintage styles made a bold comeback in 2025.", "comeback"),  # light verb + event noun
])
def test_trigger_is_the_content_word(models, text, trigger):
    (st,) = statements(text, models)
    assert st.trigger == trigger


def test_two_dates_two_happenings_each_with_its_clause(models):
    text = ("Donald Trump withdrew the United States from the Paris Agreement formally on November 4, 2020, "
            "after announcing his intentions in 2017.")
    sts = statements(text, models)
    assert [(s.trigger, s.date.date_start.year) for s in sts] == [("withdraw", 2020), ("announce", 2017)]
    withdraw, announce = sts
    assert withdraw.participants[0] == "Donald Trump" and "Paris Agreement" in withdraw.participants
    assert "Paris Agreement" not in announce.participants  # only from its own clause
    assert withdraw.summary != announce.summary


def test_conjoined_verbs_give_one_statement_for_their_date(models):
    text = "On Sept. 2, 2024, police raided two homes and searched a warehouse."
    assert [s.trigger for s in statements(text, models)] == ["raid"]
    with rules_off({"conjunct-date"}):  # the conjunct shares the date when the rule is off
        assert [s.trigger for s in statements(text, models)] == ["raid", "search"]


def test_a_conjoined_frame_verb_is_no_happening(models):
    sts = statements("We left Tokyo on 3 May 2024 and had no crowds.", models)
    assert [s.trigger for s in sts] == ["leave"]


# -- participants -----------------------------------------------------------

def test_subject_first_then_the_clause(models):
    (st,) = statements("In March 2019, Japan signed an agreement with NASA and the European Space Agency.", models)
    assert st.participants[0] == "Japan"
    assert set(st.participants) >= {"NASA", "European Space Agency"}


def test_agent_of_a_passive_is_a_participant(models):
    (st,) = statements("The foundation is a public charity established by Congress in 1982.", models)
    assert st.trigger == "establish" and "Congress" in st.participants


def test_nationality_adjectives_are_not_participants(models):
    (st,) = statements("The first French tea room opened in Lyon in 1702.", models)
    assert st.participants == ("Lyon",)


@pytest.mark.parametrize("name,label", [("Q2", "DATE"), ("Q2", "ORG"), ("AI", "ORG"), ("VC", "ORG"), ("X", "ORG"),
                                        ("Stefanie M", "PERSON"), ("FY2024", "ORG")])
def test_fragments_are_not_entities(name, label):
    text = f"{name} said so."
    assert mentions_from_spans(text, [(0, len(name), label)]) == []


def test_known_two_letter_names_and_split_names():
    text = "The EU met in French Guiana."
    spans = [(4, 6, "ORG"), (14, 20, "NORP"), (21, 27, "GPE")]
    assert [m.text for m in mentions_from_spans(text, spans)] == ["EU", "French Guiana"]


# -- page level and confidence ---------------------------------------------

def test_confidence_is_a_probability_from_the_model():
    model = {"weights": {"by_parse": 2.0}, "intercept": -1.0}
    assert calibrated_confidence({"by_parse": 1.0}, model) > calibrated_confidence({"by_parse": 0.0}, model)
    assert calibrated_confidence({"by_parse": 0.0}, model) == pytest.approx(0.269, abs=1e-3)


def test_an_embedded_posts_signature_dates_the_post(models):
    text = "It's called democracy. — Jane Smith (@jsmith_news) June 1, 2017"
    (st,) = statements(text, models)
    assert (st.trigger, st.date.date_start, st.participants) == ("post", date(2017, 6, 1), ("Jane Smith",))
    # a dash and a handle with no date closing the line state nothing
    assert statements("Thanks to Jane Smith (@jsmith_news) for the photo taken in 2017.", models)[0].trigger != "post"


def test_a_fact_set_off_by_a_comma_after_a_ranking_copula_is_a_statement(models):
    sts = statements("NATO is the world's largest and longest standing alliance, formed under the North Atlantic "
                     "Treaty in 1949.", models)
    assert [st.trigger for st in sts] == ["form"]


def test_a_to_infinitive_is_told_by_its_to(models):
    from extractors.event_rules import has_to_infinitive

    doc = models.parser("We plan to launch the telescope and launched a probe.")
    launch, launched = (t for t in doc if t.lemma_ == "launch")
    assert has_to_infinitive(launch)
    assert not has_to_infinitive(launched)


# -- the parse tests the rules share ----------------------------------------------


def test_a_clause_is_finite_by_its_tense_or_its_own_subject(models):
    from extractors.event_rules import finite_clause, has_own_subject, tensed

    doc = models.parser("The plant was opened by Acme.")
    opened = next(t for t in doc if t.lower_ == "opened")
    assert tensed(opened) and has_own_subject(opened) and finite_clause(opened)
    doc = models.parser("Acme has resolutions to consider.")
    consider = next(t for t in doc if t.lower_ == "consider")
    assert not tensed(consider) and not has_own_subject(consider) and not finite_clause(consider)
    doc = models.parser("There being no quorum, the vote failed.")
    being = next(t for t in doc if t.lower_ == "being")
    assert not tensed(being) and has_own_subject(being) and finite_clause(being)
