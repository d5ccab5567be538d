"""Dated statements on sentences of the seed pages, through the real model."""

from datetime import date

import pytest

from extractors.events import dated_statement
from extractors.reading import text_blocks
from extractors.rule_switches import rules_off
from extractors.statement_model import PARSE_FEATURES, calibrated_confidence
from extractors.types import DateMention
from tests.extractors.sample_statements import statements


def test_isaf_completed_in_december_2014(models):
    text = ("New Zealand made a significant contribution to the NATO-led International Security Assistance Force "
            "(ISAF) in Afghanistan, which completed its mission in December 2014.")
    (st,) = statements(text, models)
    assert st.trigger == "complete" and st.kind == "end"
    assert (st.date.date_start, st.date.date_end, st.date.precision) == (date(2014, 12, 1), date(2014, 12, 31), "month")
    assert "ISAF" in st.participants or "International Security Assistance Force" in st.participants
    assert "Afghanistan" in st.participants
    assert text[st.char_start:st.char_end] == st.sentence


def test_since_2022_annual_meetings(models):
    text = ("Since 2022 New Zealand Prime Ministers and Foreign Ministers, and their counterparts from Australia, "
            "Japan and the Republic of Korea, have been invited to attend annual meetings with the NATO allies.")
    (st,) = statements(text, models, anchor=date(2026, 11, 23))
    assert st.date.role == "since" and st.date.date_start == date(2022, 1, 1) and st.date.precision == "year"
    assert st.trigger == "invite" and st.kind == "begin"


def test_two_dates_two_statements_and_no_statement_without_a_date(models):
    text = ("NATO was founded in 1949. New Zealand currently provides support. "
            "The mission began in 2001 and ended in December 2014.")
    sts = statements(text, models)
    assert [(s.date.date_start.year, s.trigger) for s in sts] == [(1949, "found"), (2001, "begin"), (2014, "end")]
    assert {s.kind for s in sts} == {"begin", "end"}


@pytest.mark.parametrize("text", [
    "The ITPP sets out goals in cooperation and responds to the changing global strategic landscape.",
    "New Zealand has contributed to NATO deployments several times in recent decades.",
    "This increased engagement reflects the increasingly global nature of today’s most pressing security challenges.",
    "The exercise lasted 75 years.",
])
def test_no_statement_from_undated_vague_or_duration_text(models, text):
    assert statements(text, models) == []


def test_blocks_keep_headings_apart():
    text = "Key areas\n\nNATO and New Zealand\n \nBody text."
    assert [text[s:e] for s, e in text_blocks(text)] == ["Key areas", "NATO and New Zealand", "Body text."]


def test_reference_line_is_published_in_its_closing_year_with_the_authors_above(models):
    text = "A study of tidal pools in small harbours\n\nJ Doe, AB Smith\n\nMarine Letters 12 (3), 1210-1244, 2011"
    (st,) = statements(text, models)
    assert st.trigger == "publish" and st.date.value == "2011" and st.date.precision == "year"
    assert st.participants == ("J Doe", "AB Smith")


def test_reference_lines_with_one_trigger_and_year_stay_apart(models):
    from extractors.document import _dedupe

    text = "Ocean Notes 4 (1), 10-20, 2011\n\nHarbour Review 9 (2), 30-40, 2011"
    assert len(_dedupe(statements(text, models))) == 2


@pytest.mark.parametrize("text", [
    "It is one of the finest board games of the year.",  # a ranking: an opinion
    "As of 2024 local search is still the most useful channel for a bakery.",
    "I think many readers are going to be talking about that novel in 2025.",  # the writer's belief
    "I hope to run some more games in the new year.",  # the writer's wish
    "I run the backup script every weekday in the morning.",  # a part of an unnamed day
    "(2019-02-24, 05:31 PM) SomeUser Wrote: the update broke my theme.",  # a post's label
    "We trained apprentices on the 2017 National Wiring Code for five weeks.",  # a year in a title
])
def test_no_statement_from_opinions_day_parts_post_labels_and_titles(models, text):
    assert statements(text, models, anchor=date(2025, 3, 1)) == []


@pytest.mark.parametrize("text", [
    "On 3/14/2025 at 9:12 AM, reefwalker said:\n\nThe pump stopped again.",
    "10 hours ago, Pat Lee said:\n\nThe pump stopped again.",
])
def test_no_statement_from_a_header_over_a_quoted_post(models, text):
    assert [s for s in statements(text, models, anchor=date(2025, 3, 20)) if s.char_start == 0] == []


def test_a_news_quote_over_its_words_stays_a_saying(models):
    sts = statements("On Tuesday, the minister said:\n\nWe will build the bridge.", models, anchor=date(2025, 3, 20))
    assert [s.trigger for s in sts if s.char_start == 0] == ["say"]


def test_a_saying_with_its_words_after_the_colon_stays_a_statement(models):
    (st,) = statements("On March 3, 2025, the minister said: the bridge opens in May.", models,
                       anchor=date(2025, 3, 20))[:1]
    assert st.date.date_start == date(2025, 3, 3)


def test_earlier_in_the_day_keeps_the_page_day(models):
    text = "Earlier in the day, the council approved the budget."
    sts = statements(text, models, anchor=date(2022, 11, 4))
    assert [s.date.date_start for s in sts] == [date(2022, 11, 4)]


def test_data_row_label_with_its_year_is_a_statement_of_the_field(models):
    text = "Median hourly wage (2023): $31.50"
    (st,) = statements(text, models)
    assert st.trigger == "wage" and st.date.value == "2023"


@pytest.mark.parametrize("text, anchor", [
    # meta text, noun qualifiers, bare clock times
    ("Today, we'll take a close look at the Acme cleaner app for iOS.", date(2025, 12, 31)),
    ("This season we're breaking down what it takes to build a founding team.", date(2025, 12, 31)),
    ("Vintage styles from the 1920s are everywhere.", date(2025, 12, 31)),
    ("We reached Kyoto at 7am and found empty streets.", date(2025, 12, 31)),
    # spans up to now, personal periods, unmarked titles
    ("Over the past year, the site's ad revenue largely collapsed.", date(2023, 10, 27)),
    ("On his first day in office, the president signed the order.", date(2023, 10, 27)),
    ("summer training tips", date(2023, 10, 27)),
])
def test_no_statement_from_text_that_dates_nothing(models, text, anchor):
    assert statements(text, models, anchor=anchor) == []


def test_a_plan_and_a_completed_today_stay_statements(models):
    sts = statements("The agency plans to launch the probe in 2027. Today we launched the new app.", models,
                     anchor=date(2025, 12, 31))
    assert [(s.trigger, s.date.date_start) for s in sts] == [("launch", date(2027, 1, 1)),
                                                              ("launch", date(2025, 12, 31))]


def test_a_date_with_its_time_noun_in_the_plural_dates_the_clause(models):
    sts = statements("The district ran reading clinics during the 2019-20 and 2020-21 school years.", models,
                     anchor=date(2025, 3, 1))
    assert [(s.date.role, s.date.value) for s in sts] == [("range", "2019/2021")]


def test_a_year_ago_stays_a_dated_statement(models):
    (st,) = statements("A year ago the company bought the platform.", models, anchor=date(2023, 10, 27))
    assert st.trigger == "buy" and st.date.date_start.year == 2022


def test_a_verbless_line_that_says_since_when_stays_a_statement(models):
    (st,) = statements("Available since July 2024", models, anchor=date(2025, 1, 5))
    assert st.date.role == "since" and st.date.date_start == date(2024, 7, 1)


def _year_mention(start: int, role: str = "point") -> DateMention:
    return DateMention(start, start + 4, "2014", date(2014, 1, 1), date(2014, 12, 31), "year", role=role)


def test_dated_statement_scores_from_parse_features_or_takes_a_fixed_confidence():
    text = "Intro. The mission ended in 2014. More."
    sentence = (7, 33)
    features = {k: float(i % 2) for i, k in enumerate(PARSE_FEATURES)}
    st = dated_statement(text, sentence, _year_mention(28), "end", ("NATO",), "The mission ended in 2014.",
                         features=features, trigger_text="ended", trigger_start=19)
    assert st.sentence == "The mission ended in 2014." and (st.char_start, st.char_end) == sentence
    assert st.kind == "end" and st.trigger_text == "ended" and st.trigger_start == 19
    assert st.confidence == calibrated_confidence(features)
    assert st.features == tuple(features[k] for k in PARSE_FEATURES)
    fixed = dated_statement(text, sentence, _year_mention(28, role="since"), None, (), "s", confidence=0.5)
    assert fixed.confidence == 0.5 and fixed.features == () and fixed.kind == "begin"
    assert fixed.trigger_text is None and fixed.trigger_start is None and not fixed.planned and fixed.agents == ()
    with pytest.raises(ValueError, match="exactly one"):
        dated_statement(text, sentence, _year_mention(28), "end", (), "s")
    with pytest.raises(ValueError, match="exactly one"):
        dated_statement(text, sentence, _year_mention(28), "end", (), "s", features=features, confidence=0.5)


def test_an_acronym_agent_is_named_as_its_participant_is(models):
    text = ("The National Aeronautics and Space Administration (NASA) was founded in 1958. "
            "NASA launched the telescope in December 2021.")
    launch = [s for s in statements(text, models) if s.date.text == "December 2021"]
    assert launch and launch[0].agents
    assert set(launch[0].agents) <= set(launch[0].participants)
    assert "NASA" not in launch[0].agents


def test_tomorrow_said_of_a_happening_is_that_day_and_of_nothing_the_future(models):
    anchor = date(2000, 4, 3)
    (st,) = statements("The mayor said he is willing to leave tomorrow.", models, anchor=anchor)
    assert st.trigger == "leave" and st.date.date_start == date(2000, 4, 4)
    (st,) = statements("Tomorrow's vote has international implications.", models, anchor=anchor)
    assert st.trigger == "vote" and st.date.date_start == date(2000, 4, 4)
    assert statements("We build the cities of tomorrow.", models, anchor=anchor) == []
    assert statements("De-risk tomorrow by boosting cybersecurity.", models, anchor=anchor) == []
    assert statements("Order within 1 day 10 hours to have it shipped tomorrow.", models, anchor=anchor) == []
    # a second-person condition is a call to act; "tomorrow" in a relative clause's object slot is the future
    assert statements("If you order by noon, we ship tomorrow.", models, anchor=anchor) == []
    assert statements("We are building the energy grid that powers tomorrow.", models, anchor=anchor) == []


@pytest.mark.parametrize("text", [
    "Book a free consultation with our team. Get started today.",  # a call to action the parse misreads
    "Yesterday was no different.",  # the date is what the copula describes
    "Last edited by kestrel77; Mar 3, 2025 at 8:10 pm",  # a forum post's edit note
    "Harbour statistics. Port Office. Accessed 3 Feb. 2025.",  # a source list's access date
    "Updated for 2025",  # a promotion's update label
    "Bakers face the task of keeping orders filled before Easter.",  # what is done every year
])
def test_no_statement_from_calls_to_action_copulas_on_a_date_and_labels(models, text):
    assert statements(text, models, anchor=date(2025, 3, 9)) == []


def test_a_happening_on_a_day_told_with_a_copula_stays(models):
    text = "The bridge was opened on 3 March 2025."
    assert [s.date.value for s in statements(text, models, anchor=date(2025, 3, 9))] == ["2025-03-03"]


def test_a_plan_told_by_a_noun_and_its_infinitive_stays(models):
    text = "The council has plans to open the new library in June."
    assert [s.date.text for s in statements(text, models, anchor=date(2025, 3, 9))] == ["June"]


def test_the_date_of_a_note_or_citation_is_this_date_not_the_same_words_earlier(models):
    text = "Shares visited 2017 lows before the depot closed in 2017."
    assert "close" in [s.trigger for s in statements(text, models, anchor=date(2025, 3, 9))]


@pytest.mark.parametrize(("text", "trigger"), [
    ("The study released in April shows a steep fall.", "April"),  # a noun the sentence singles out
    ("A poll taken in June finds most residents opposed.", "June"),
])
def test_a_yearless_month_dating_a_singled_out_noun_stays(models, text, trigger):
    assert [s.date.text for s in statements(text, models, anchor=date(2025, 3, 9))] == [trigger]


def test_a_copula_on_a_day_is_no_statement_and_a_when_clause_under_it_is_a_known_gap(models):
    anchor = date(2025, 3, 9)
    assert statements("Tomorrow was a quiet day.", models, anchor=anchor) == []
    # a gap (also before the copula rule): the vote is dated yesterday but gives nothing
    assert statements("Yesterday was when the council voted.", models, anchor=anchor) == []
    # a known loss of the copula rule: the signing told after the colon keeps no date
    assert statements("Today was historic: the accord was signed.", models, anchor=anchor) == []


def test_a_clause_before_the_next_ones_conjunction_ends_without_it(models):
    text = ("Building on years of dialogue, Testland and NATO signed a joint declaration in June 2012, "
            "and a cooperation programme followed in February 2013.")
    first = min(statements(text, models), key=lambda st: st.date.date_start)
    assert first.date.date_start == date(2012, 6, 1)
    assert first.summary.endswith("in June 2012.") and "declaration" in first.summary


@pytest.mark.parametrize("text", [
    "Here are a few goals to set for the new year:",  # a list intro
    "Below, you'll find every one of this year's finalists.",  # the reader finds what follows
    "This week on the Ledger: the price of eggs in spring, and ferries that run late",  # an issue's intro
    "Wishing all our members a calm and bright 2025!",  # a greeting
    "Happy New Year 2026!",
    "2025 offers countless chances for growing your garden.",  # a period holding things out
    "The arrival of 2025 brings new ways to plan your week.",
    "This club can turn your 2025 garden plans into weekly routines.",  # a thing of the reader's
    "This plan ensures you'll get steady support throughout the year.",  # a promise to the reader
])
def test_no_statement_from_list_intros_greetings_promotion_and_datelines(models, text):
    assert statements(text, models, anchor=date(2025, 3, 9)) == []


@pytest.mark.parametrize(("text", "trigger"), [
    ("2024 brought record sales for the company.", "sale"),  # the past tells what happened (the event noun names it)
    ("In 2019, the company opened its first store here.", "open"),
    ("WASHINGTON (Reuters) — The company said on January 24, 2017 that it had closed the plant.", "say"),
])
def test_a_period_that_brought_something_and_a_date_after_a_dateline_stay(models, text, trigger):
    from extractors.rule_switches import rules_on

    with rules_on({"dateline"}):
        assert [st.trigger for st in statements(text, models, anchor=date(2025, 3, 9))] == [trigger]


def test_an_issue_intro_needs_a_named_show_after_its_period():
    from extractors.date_framings import _ISSUE_INTRO

    assert _ISSUE_INTRO.match("Today on the podcast: how cities plan for heat")
    assert not _ISSUE_INTRO.match("This week on Monday: the board met and voted")
    assert not _ISSUE_INTRO.match("This week, the company said: we will close the plant")


@pytest.mark.parametrize("text", [
    "At long last, today is the day: version 1.4.5 of the game is here!",  # "here" after the copula: no list intro
    "Founded in 1912, the firm started as a small carrier and today offers a broad range of products.",
])
def test_here_after_the_copula_and_today_before_a_verb_of_offering_are_no_list_intro_or_promise(models, text):
    from extractors.date_framings import period_promises, presents_what_follows

    doc = models.parser(text)
    sent = next(doc.sents)
    today = next(t for t in doc if t.lower_ == "today")
    assert not presents_what_follows(sent) and not period_promises(today)


@pytest.mark.parametrize("text, rule", [
    ("In today's busy world, cheap sensors have changed how we cook.", "nowadays-noun"),  # the present era
])
def test_rules_off_by_default_silence_their_sentences_when_turned_on(models, text, rule):
    from extractors.rule_switches import rule_on, rules_on

    assert not rule_on(rule)
    with rules_on({rule}):
        assert statements(text, models, anchor=date(2025, 3, 9)) == []


def _keeps(models, text: str, trigger: str, value: str) -> bool:
    """The text gives a statement with this trigger and date value (page of 2025-03-09)."""
    return any(st.trigger == trigger and st.date.value == value for st in statements(text, models, anchor=date(2025, 3, 9)))


@pytest.mark.parametrize("text, trigger, value", [
    # a rule told to the reader from a fixed point is a statement (reader-future: only under a verb of promising)
    ("Starting April 1, 2025, you will pay $2 more per ride.", "pay", "2025-04-01"),
    ("From January 2026, you'll need a passport to travel to Freedonia.", "need", "2026-01"),
    # a period that brings a happening dates it (period-promise)
    ("The new year brings a 3% tariff increase on steel imports.", "increase", "2025"),
    ("The summer of 2024 brings back memories of the floods.", "flood", "2024-SU"),
    # a thing of the reader's in a clause told in the past (reader-possession)
    ("Your 2025 membership fee rose by 10% in January.", "rise", "2025"),
])
def test_reader_and_period_framings_keep_what_happens(models, text, trigger, value):
    assert _keeps(models, text, trigger, value)


def test_a_dateline_date_states_nothing_when_its_rule_is_turned_on(models):
    from extractors.rule_switches import rule_on, rules_on

    text = "SPRINGFIELD (January 24, 2017) — Brisk walking is a common habit among retirees."
    assert not rule_on("dateline")  # off by default: it fires on one labelled page alone
    with rules_on({"dateline"}):
        assert statements(text, models, anchor=date(2025, 3, 9)) == []


@pytest.mark.parametrize("text, subject", [
    ("Smith was the company's chief executive from 2010 to 2015.", "Smith"),  # a predicate noun as trigger
    ("The OECD has been a source of data since 1961.", "OECD"),
    ("Jones has been my favourite form of support for the past decade.", "Jones"),  # through "a form of"
])
def test_a_copulas_subject_stays_a_participant_of_its_predicate_noun(models, text, subject):
    sts = statements(text, models, anchor=date(2025, 3, 9))
    assert sts and all(subject in st.participants for st in sts)


@pytest.mark.parametrize("text, trigger, value", [
    # a pointer's list intro silences only a date of its own clause, not one of a clause or an event noun below it
    ("Here is what happened in the council on Tuesday, March 4, 2025.", "happen", "2025-03-04"),
    ("Here's how the index closed on Friday, March 7, 2025.", "close", "2025-03-07"),
    ("Here is where the pact was signed in 1648.", "sign", "1648"),
    ("Below are the quarterly results Acme reported on 3 March 2025:", "report", "2025-03-03"),
    ("Here are the results of the March 2024 election in Ohio.", "election", "2024-03"),
    # an issue's intro only when no clause of its own follows the colon
    ("Last week in Freedonia: the army launched 300 drones at the capital.", "launch", "2025-W09"),
    ("This month in Congress: the Senate passed the budget bill on March 4, 2025.", "pass", "2025-03-04"),
])
def test_a_list_intro_keeps_the_dated_clauses_inside_it(models, text, trigger, value):
    assert _keeps(models, text, trigger, value)


@pytest.mark.parametrize("text, rule", [
    # a period as the subject of a clause that only describes it (period-subject)
    ("This year will be a huge one for local theatre.", "period-subject"),
    ("The second half of 2026 has some really exciting games.", "period-subject"),
    ("The first half of 2024 had some truly great matches.", "period-subject"),
    ("So far, this year has already delivered plenty of great surprises.", "period-subject"),
    # how much a thing matters in a period (evaluative-predicate)
    ("In 2026, strong passwords will be crucial for online shops.", "evaluative-predicate"),
    ("In 2024, these tools are set to become even more important as firms grow.", "evaluative-predicate"),
    # a year qualifying a thing, a document or a plan (thing-year)
    ("Analysts raised their 2025 outlook for copper prices.", "thing-year"),
    ("The council approved its 2026 budget for parks.", "thing-year"),
    # a group defined by its years of birth (birth-cohort)
    ("Millennials, typically defined as those born between 1981 and 1996, are managing finances.", "birth-cohort"),
    ("People born after 2000 rarely use landlines.", "birth-cohort"),
])
def test_no_statement_from_a_period_described_an_evaluation_or_a_thing_of_a_year(models, text, rule):
    from extractors.rule_switches import rules_off

    anchor = date(2025, 3, 9)
    assert statements(text, models, anchor=anchor) == []
    with rules_off({rule}):  # the rule, not another, holds the sentence back
        assert statements(text, models, anchor=anchor) != []


@pytest.mark.parametrize("text, trigger, value", [
    ("2023 saw record attendance at the fair.", "attendance", "2023"),  # the period tells what happened
    ("This year marks the 40th anniversary of the club.", "anniversary", "2025"),
    ("2024 had three elections in Europe.", "election", "2024"),  # a happening had, not a judged thing
    ("In 2019, the old bridge was essential to the rescue.", "essential", "2019"),  # an evaluation told in the past
    ("The 2022 election drew a large turnout.", "election", "2022"),  # a happening noun keeps its year
    ("The adoption of a new charging standard for 2026 opens up more stations.", "adoption", "2026"),
    ("The bakery reported 2024 net income of $3 million.", "income", "2024"),  # a measure of the year, no thing for it
    ("A 2019 comparison of diets found small differences.", "comparison", "2019"),  # a noun hiding a happening
    # a period's own clause describes it, a clause below tells a happening
    ("2024 was the year when, thanks to cheap sensors, a new kind of thermostat entered the market.", "enter", "2024"),
    # a day is no period described: what happened that day
    ("Thursday was a big win for the dockworkers.", "win", "2025-03-06"),
    # a predicate naming a happening keeps its date, judged or not
    ("Last week was a huge victory for the tenants.", "victory", "2025-W09"),
    # the simple past of a verb of giving tells what happened, whatever the words on its object
    ("2023 brought big changes to the choir.", "change", "2023"),
    ("Last year brought strong growth for the bakery.", "growth", "2024"),
    ("Last year delivered some great savings for the ferry line.", "deliver", "2024"),
    # a person's birth keeps its date
    ("Jane Doe, born in 1981 in Leeds, founded the bakery.", "bear", "1981"),
])
def test_a_period_that_tells_a_happening_and_a_happening_noun_keep_their_date(models, text, trigger, value):
    assert _keeps(models, text, trigger, value)


@pytest.mark.parametrize("text", [
    "Clearance sale ends 05/31/2025.",  # a shop's promotion ending (promotion-end)
    "Offers expire 6/30/2025 at 11:59 P.M. ET.",
    "Offer ends Apr 20 at 6:00 AM GMT",
    "Our garden discount expires on April 30, 2025.",
])
def test_a_shops_promotion_ending_states_nothing(models, text):
    assert statements(text, models, anchor=date(2025, 3, 9)) == []


@pytest.mark.parametrize("text", [
    "Our garden discount expires on April 30, 2025.",
    "Coupons expire on May 4, 2025.",  # a plural other than "sales"
    "Savings expire on Sunday, May 4, 2025.",  # "savings" (lemma "saving")
    "Discounts end Sunday, May 4, 2025.",
    "Get 20% off: the spring discount ends on May 4, 2025.",  # a percentage marks the shop
])
def test_a_shops_promotion_ending_is_what_the_promotion_rule_removes(models, text):
    from extractors.rule_switches import rules_off

    assert statements(text, models, anchor=date(2025, 3, 9)) == []
    with rules_off({"promotion-end"}):
        assert statements(text, models, anchor=date(2025, 3, 9)) != []


@pytest.mark.parametrize("text, trigger, value", [
    ("The state heating rebate expires on Oct. 31, 2025.", "expire", "2025-10-31"),  # a public measure
    ("The council's parking discount will expire on May 31, 2025.", "expire", "2025-05-31"),  # an owner other than a shop
    ("The 5% steel tariff discount ends on Aug. 8, 2025.", "end", "2025-08-08"),  # a word of policy before it
    ("Truce deal expires Sunday, May 4, 2025.", "expire", "2025-05-04"),
    ("Merger offer expires on June 6, 2025.", "expire", "2025-06-06"),
    ("The discount ends on June 6, 2025.", "end", "2025-06-06"),  # no mark of a shop
])
def test_a_public_measure_or_a_deal_ending_keeps_its_statement(models, text, trigger, value):
    assert _keeps(models, text, trigger, value)


@pytest.mark.parametrize("text, trigger, value", [
    ("The tender offer expires on May 13, 2025.", "expire", "2025-05-13"),  # a bid's term, with its determiner
    ("Sale ended March 2, 2025.", "end", "2025-03-02"),  # told in the past: a happening
    ("The sale of the plant expires on June 30, 2025.", "expire", "2025-06-30"),  # a sale of something: a transaction
    ("Sales end on June 30, 2025.", "end", "2025-06-30"),  # a market's sales, not a shop's sale
])
def test_an_offer_or_a_sale_that_is_no_shops_promotion_keeps_its_statement(models, text, trigger, value):
    assert _keeps(models, text, trigger, value)


@pytest.mark.parametrize("text", [
    "12 Easy Friday Night Soups Your Guests Will Remember",  # a list article's title (count-title)
    "8 Hiking Boots That Survived Our Muddy Trails In 2024",
])
def test_a_list_articles_title_states_nothing(models, text):
    from extractors.rule_switches import rules_off

    assert statements(text, models, anchor=date(2025, 3, 9)) == []
    with rules_off({"count-title"}):
        assert statements(text, models, anchor=date(2025, 3, 9)) != []


def test_a_count_that_opens_no_title_keeps_its_statement(models):
    from extractors.events import _count_title

    assert _keeps(models, "3 hikers were rescued on Friday near the pass", "rescue", "2025-03-07")  # sentence case
    assert not _count_title("4 March 09:15 AM EST - Storage - Disk Tools 2.1 - 5 Comments")  # the count is a day
    assert not _count_title("12 Hikers Rescued Near The Pass.")  # a sentence's end


def test_a_since_phrase_with_a_dated_happening_gives_two_statements(models):
    text = "Since the bakery opened in March 2015, it has sold bread to the whole valley."
    sts = statements(text, models)
    assert [(s.trigger, s.date.role, s.date.date_start) for s in sts] == [
        ("open", "point", date(2015, 3, 1)), ("sell", "since", date(2015, 3, 1))]


def test_a_since_phrase_leaves_a_clause_with_its_own_date_alone(models):
    # "lived" is the clause the since-phrase opens, and "since 2018" is its own date: not from 2015 on too
    text = "Since he retired in 2015, he has lived in Lyon since 2018."
    sts = statements(text, models)
    assert sorted((s.trigger, s.date.role, s.date.date_start.year) for s in sts) == [
        ("live", "since", 2018), ("retire", "point", 2015)]


def test_a_since_clause_before_a_simple_past_gives_a_reason_not_a_start(models):
    text = "Since the shop closed on March 3, I bought my bread at the market."
    assert [(s.trigger, s.date.role) for s in statements(text, models)] == [("close", "point")]


def test_a_since_phrase_adds_nothing_with_its_rule_off(models):
    from extractors.rule_switches import rules_off

    text = "Since the bakery opened in March 2015, it has sold bread to the whole valley."
    with rules_off(["since-happening"]):
        sts = statements(text, models)
    assert [(s.trigger, s.date.role) for s in sts] == [("open", "point")]


def test_a_noun_a_verb_only_carries_takes_the_verbs_subject(models):
    text = "Novak Djokovic and Andy Murray will make their first appearance on Wednesday against Croatia."
    (st,) = statements(text, models, anchor=date(2019, 11, 19))
    assert st.trigger == "appearance"
    assert {"Novak Djokovic", "Andy Murray"} <= set(st.participants)
    with rules_off({"carrier-verb"}):
        (off,) = statements(text, models, anchor=date(2019, 11, 19))
    assert "Novak Djokovic" not in off.participants


def test_a_scheduled_release_of_one_named_product_is_a_statement_not_a_habit(models):
    from extractors.rule_switches import rules_off

    text = "The 2026 Sentra, which goes on sale in late January, loses its old look."
    assert _keeps(models, text, "sale", "2026-01")
    with rules_off({"scheduled-release"}):  # read as a habit of every January
        assert not _keeps(models, text, "sale", "2026-01")
