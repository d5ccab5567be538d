"""Temporal expression tagger: the forms the issue lists, the seed pages, and
the ordinary words dateparser reads as dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors.timex import date_mentions, tag_timexes
from extractors.types import DateMention, Timex

PAGES = Path(__file__).resolve().parents[2] / "examples" / "pages"
NATO = PAGES / "000_d540749bced65822.txt"  # last updated 12 Sep. 2018
MFAT = PAGES / "003_74ff5ea0b7a0eaf4.txt"  # undated, mentions 2024

WED = date(2018, 9, 12)  # a Wednesday


def one(text: str, anchor: date | None = WED) -> Timex:
    found = tag_timexes(text, anchor)
    assert len(found) == 1, found
    return found[0]


def mention(text: str, anchor: date | None = WED) -> DateMention:
    found = date_mentions(text, anchor)
    assert len(found) == 1, found
    return found[0]


def find(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert hits, (text, [t.text for t in timexes])
    return hits[0]


def find_mention(mentions: list[DateMention], text: str) -> DateMention:
    hits = [m for m in mentions if text in m.text]
    assert hits, (text, [m.text for m in mentions])
    return hits[0]


# --- ordinary words are never dates ----------------------------------------

DATEPARSER_FALSE_POSITIVES = ["we", "may", "do", "a", "one of a", "on:", "100M", "of 629"]


@pytest.mark.parametrize("text", DATEPARSER_FALSE_POSITIVES)
def test_dateparser_false_positives_produce_nothing(text):
    assert tag_timexes(text, WED) == []
    assert tag_timexes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "We may do it if we can.",
        "New Zealand is one of a range of countries beyond the Euro-Atlantic area.",
        "The platform brings Allies together with 24 partners.",
        "Prices may fall in the short run.",
        "The division lost 2000 men and 1500 horses.",
        "Call 555-1234 or visit room 1200.",
        "More than 2025 people came.",
        "Its quarterly dividend rose.",
        "Thousands joined the March on Washington.",
    ],
)
def test_sentences_without_dates_produce_no_mentions(text):
    assert date_mentions(text, WED) == []


# --- absolute dates ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("12 Sep. 2018", "2018-09-12"),
        ("4 June 2012", "2012-06-04"),
        ("2012-06-04", "2012-06-04"),
        ("1973.02.16", "1973-02-16"),
        ("September 1, 1939", "1939-09-01"),
        ("Sept. 30, 1989", "1989-09-30"),
        ("the 19th of October 1950", "1950-10-19"),
        ("June 2012", "2012-06"),
        ("February of 1940", "1940-02"),
        ("2012", "2012"),
        ("the 1990s", "199"),
        ("the '80s", "198"),
        ("the 20th century", "19"),
        ("summer 2010", "2010-SU"),
        ("the summer of 1963", "1963-SU"),
        ("the third quarter of 2012", "2012-Q3"),
        ("494 BC", "BC0494"),
        ("Christmas 1963", "1963-12-25"),
        ("31/12/2020", "2020-12-31"),
        ("16.02.1973", "1973-02-16"),
        ("6/4/2012", "2012-06-04"),
        ("Q3 2019", "2019-Q3"),
        ("the first half of 1989", "1989-H1"),
        ("nineteen ninety-four", "1994"),
        ("the night of April 18, 1775", "1775-04-18TNI"),
    ],
)
def test_absolute_dates(text, value):
    assert one(text).value == value


def test_a_year_is_the_whole_year_with_precision_year():
    t = one("in 2012")
    assert (t.value, t.date_start, t.date_end, t.precision) == ("2012", date(2012, 1, 1), date(2012, 12, 31), "year")


def test_a_month_is_the_whole_month_with_precision_month():
    t = one("in June 2012")
    assert (t.date_start, t.date_end, t.precision) == (date(2012, 6, 1), date(2012, 6, 30), "month")


def test_a_decade_has_precision_decade():
    t = one("in the 1990s")
    assert (t.date_start, t.date_end, t.precision) == (date(1990, 1, 1), date(1999, 12, 31), "decade")


def test_a_day_has_precision_day():
    t = one("on 4 June 2012")
    assert (t.date_start, t.date_end, t.precision) == (date(2012, 6, 4), date(2012, 6, 4), "day")


def test_early_keeps_the_period_and_says_start():
    t = one("in early 2014")
    assert (t.value, t.mod, t.precision) == ("2014", "START", "year")


def test_clock_time_after_a_date_joins_it():
    t = one("Last updated: 12 Sep. 2018 13:28")
    assert (t.type, t.value) == ("TIME", "2018-09-12T13:28")


def test_june_28_30_is_two_timexes_and_one_range_mention():
    anchor = date(2012, 7, 5)
    assert [t.value for t in tag_timexes("June 28-30", anchor)] == ["2012-06-28", "2012-06-30"]
    m = mention("The summit met on June 28-30.", anchor)
    assert (m.text, m.role, m.date_start, m.date_end) == ("June 28-30", "range", date(2012, 6, 28), date(2012, 6, 30))


# --- relative to the document date ----------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("on Monday", "2018-09-10"),
        ("He left last Friday.", "2018-09-07"),
        ("The talks will resume on Friday.", "2018-09-14"),
        ("yesterday", "2018-09-11"),
        ("tomorrow", "2018-09-13"),
        ("last month", "2018-08"),
        ("next year", "2019"),
        ("this year", "2018"),
        ("earlier this week", "2018-W37"),
        ("last week", "2018-W36"),
        ("two years ago", "2016"),
        ("10 days ago", "2018-09-02"),
        ("two decades ago", "199"),
        ("in March", "2018-03"),
        ("It was signed last Oct. 23.", "2017-10-23"),
        ("It was signed last May.", "2018-05"),
        ("This past May, the plant closed.", "2018-05"),  # "past" before "May" the month, not the verb
        ("It reopens this coming May.", "2019-05"),
        ("June last year", "2017-06"),
    ],
)
def test_relative_to_the_anchor(text, value):
    t = one(text)
    assert t.value == value
    assert t.anchored


def test_last_summer_before_summer_is_the_year_before():
    assert one("last summer", date(2018, 3, 1)).value == "2017-SU"


def test_the_previous_year_counts_from_the_last_named_year():
    ts = tag_timexes("The treaty was signed in 2014. The previous year, talks had failed.", WED)
    assert find(ts, "The previous year").value == "2013"


def test_relative_expressions_without_anchor_follow_the_text():
    ts = tag_timexes("The alliance was formed in 1949. In March, it met; the following year it grew.")
    assert find(ts, "March").value == "1949-03"
    assert find(ts, "the following year").value == "1950"


def test_without_any_date_a_month_day_stays_underspecified():
    t = one("The meeting is on June 28.", None)
    assert t.value == "XXXX-06-28"
    assert date_mentions("The meeting is on June 28.") == []


def test_narrative_follows_the_story_not_the_creation_date():
    text = (
        "On May 10, 1940, Germany invaded France. The next day, the army crossed the river. "
        "In June, Italy entered the war. Paris fell on June 14. Two days later, Verdun fell. "
        "The campaign of 1939 had been short; in 1941 the war widened and in 1942 it turned."
    )
    ts = tag_timexes(text, date(2009, 12, 19))
    assert find(ts, "The next day").value == "1940-05-11"
    assert find(ts, "June").value == "1940-06"
    assert find(ts, "June 14").value == "1940-06-14"
    assert find(ts, "Two days later").value == "1940-06-16"


# --- durations, sets, vague references ----------------------------------


@pytest.mark.parametrize(
    "text, type_, value",
    [
        ("75 years", "DURATION", "P75Y"),
        ("a decade", "DURATION", "P1DE"),
        ("three days", "DURATION", "P3D"),
        ("more than four hours", "DURATION", "PT4H"),
        ("the past five days", "DURATION", "P5D"),
        ("several years", "DURATION", "PXY"),
        ("annual", "SET", "P1Y"),
        ("every year", "SET", "P1Y"),
        ("daily", "SET", "P1D"),
        ("currently", "DATE", "PRESENT_REF"),
        ("now", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the future", "DATE", "FUTURE_REF"),
    ],
)
def test_durations_sets_and_vague_references(text, type_, value):
    t = one(text)
    assert (t.type, t.value) == (type_, value)


def test_durations_sets_and_vague_references_are_not_date_mentions():
    text = "For 75 years, currently, in recent decades, annual meetings were held every year."
    assert date_mentions(text, WED) == []


def test_todays_in_the_generic_sense_is_present_ref():
    t = one("today's most pressing security challenges", date(2026, 11, 23))
    assert t.value == "PRESENT_REF"


def test_today_is_the_document_date():
    assert one("The minister said today that talks continue.").value == "2018-09-12"


# --- roles of date mentions ---------------------------------------------


@pytest.mark.parametrize(
    "text, role, span",
    [
        ("They have cooperated since 2001.", "since", "since 2001"),
        ("Since 2012, work is taken forward.", "since", "Since 2012"),
        ("The mission ran until 2014.", "until", "until 2014"),
        ("The mission ran till 2014.", "until", "till 2014"),
        ("The mission will run through 2014.", "until", "through 2014"),
        ("Troops stay by the end of 2014.", "until", "by the end of 2014"),
        ("It completed its mission in December 2014.", "point", "December 2014"),
        ("It served from 2001 to 2014.", "range", "from 2001 to 2014"),
        ("It served between 2001 and 2014.", "range", "between 2001 and 2014"),
        ("It served 2001–2014.", "range", "2001–2014"),
        ("It served 1990 to 1995.", "range", "1990 to 1995"),
        ("Reports are due no later than 2025.", "until", "no later than 2025"),
        ("It ran from July to November 1954.", "range", "from July to November 1954"),
    ],
)
def test_mention_roles(text, role, span):
    m = mention(text)
    assert (m.role, m.text) == (role, span)


def test_range_mention_covers_both_ends():
    m = mention("It served from 2001 to 2014.")
    assert (m.date_start, m.date_end, m.precision, m.value) == (date(2001, 1, 1), date(2014, 12, 31), "year", "2001/2014")


def test_since_does_not_reach_a_date_it_does_not_govern():
    m = mention("It has contributed several times, since first deploying in Bosnia in 1996.", None)
    assert (m.role, m.text) == ("point", "1996")


def test_timexes_carry_the_role_of_their_mention():
    ts = tag_timexes("It ran from 2001 to 2014 and again since 2016.", WED)
    assert [(t.text, t.role) for t in ts] == [("2001", "range"), ("2014", "range"), ("2016", "since")]


def test_a_range_end_lends_its_year_to_the_start():
    m = mention("The summit ran from June 28 to July 3, 2012.", None)
    assert (m.date_start, m.date_end) == (date(2012, 6, 28), date(2012, 7, 3))


def test_mentions_reuse_given_timexes():
    text = "It served from 2001 to 2014."
    ts = tag_timexes(text, WED)
    assert date_mentions(text, WED, timexes=ts) == date_mentions(text, WED)


# --- the seed pages -----------------------------------------------------------


@pytest.fixture(scope="module")
def nato() -> tuple[list[Timex], list[DateMention]]:
    text = NATO.read_text(encoding="utf-8")
    return tag_timexes(text, WED), date_mentions(text, WED)


@pytest.fixture(scope="module", params=[None, date(2026, 11, 23)], ids=["undated", "anchored"])
def mfat(request) -> tuple[list[Timex], list[DateMention]]:
    text = MFAT.read_text(encoding="utf-8")
    return tag_timexes(text, request.param), date_mentions(text, request.param)


@pytest.mark.parametrize(
    "span, role, value",
    [("since 2001", "since", "2001"), ("Since 2012", "since", "2012"), ("Since 2014", "since", "2014")],
)
def test_nato_since(nato, span, role, value):
    m = find_mention(nato[1], span)
    assert (m.text, m.role, m.value, m.precision) == (span, role, value, "year")


def test_nato_isaf_completed_december_2014(nato):
    m = find_mention(nato[1], "December 2014")
    assert (m.value, m.precision, m.role) == ("2014-12", "month", "point")


def test_nato_24_partners_is_no_date(nato):
    assert not [t for t in nato[0] if "24" in t.text]


def test_nato_last_updated_line_is_a_dated_timex(nato):
    t = find(nato[0], "12 Sep. 2018 13:28")
    assert t.type in ("DATE", "TIME") and t.value.startswith("2018-09-12")


@pytest.mark.parametrize("year", ["1996", "1949", "2012", "2024"])
def test_mfat_years(mfat, year):
    m = find_mention(mfat[1], year)
    assert (m.value, m.role, m.precision) == (year, "point", "year")


def test_mfat_since_2022(mfat):
    m = find_mention(mfat[1], "2022")
    assert (m.text, m.role) == ("Since 2022", "since")


def test_mfat_annual_is_a_set_not_a_mention(mfat):
    assert find(mfat[0], "annual").type == "SET"
    assert not [m for m in mfat[1] if "annual" in m.text]


def test_mfat_recent_decades_is_no_mention(mfat):
    assert not [m for m in mfat[1] if "decades" in m.text]


def test_mfat_todays_is_present_ref_and_no_mention(mfat):
    t = [t for t in mfat[0] if t.text.lower().startswith("today")]
    assert t and t[0].value == "PRESENT_REF"
    assert not [m for m in mfat[1] if m.text.lower().startswith("today")]


def test_mfat_one_of_a_range_is_nothing(mfat):
    assert not [t for t in mfat[0] if "one of" in t.text or "range" in t.text]


def test_mfat_mentions_are_exactly_the_dated_statements(mfat):
    assert [m.value for m in mfat[1]] == ["1996", "1949", "2012", "2024", "2022"]


# --- output shape --------------------------------------------------------------


def test_timexes_are_sorted_non_overlapping_and_index_the_text():
    text = NATO.read_text(encoding="utf-8") + "\n" + MFAT.read_text(encoding="utf-8")
    ts = tag_timexes(text, WED)
    assert all(text[t.char_start : t.char_end] == t.text for t in ts)
    assert all(a.char_end <= b.char_start for a, b in zip(ts, ts[1:]))


# --- news: tense, anchoring and reports on a quarter ------------------------


@pytest.mark.parametrize(
    "text, anchor, span, value",
    [
        # a past perfect after a clause-opening date makes it past
        ("Until Thursday, they had not called him a suspect.", date(1999, 5, 7), "Thursday", "1999-05-06"),
        # "were planning" is a future seen from the past
        ("Protesters planned a rally on Saturday and were planning to march.", date(2000, 1, 7), "Saturday", "2000-01-08"),
        # a participle after "be" is a passive, not a past tense
        ("The dividend would be paid on a still unspecified date in January.", date(1989, 10, 26), "January", "1990-01"),
        ("The talks are supposed to conclude by May.", date(1998, 3, 22), "May", "1998-05"),
        # a month-day far from the anchor lies on the side its tense says
        ("It had revenue of $76 million for the year ended March 31.", date(1989, 11, 1), "March 31", "1989-03-31"),
        ("The drop resulted from a new labor pact effective June 1.", date(1989, 10, 26), "June 1", "1990-06-01"),
        # ... and a near one is the nearest, whatever the tense
        ("The service decided the boy should go home by Jan. 14.", date(2000, 1, 7), "Jan. 14", "2000-01-14"),
        # a period fixed by another date it names
        ("The case may be resolved in a court hearing the week of March 6.", date(2000, 2, 24), "the week of March 6", "2000-W10"),
        ("The day before last Tuesday's hearing, he flew to Miami.", date(2000, 2, 24), "The day before last Tuesday", "2000-02-21"),
        ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", date(1998, 8, 8), "about 10:35 a.m.", "1998-08-07T10:35"),
        ("It will be a theme of our campaign from now to Election Day.", date(1998, 10, 26), "Election Day", "1998-11-03"),
        ("He was killed last October. His name was crossed out that same day.", date(1999, 2, 6), "that same day", "1998-10-XX"),
    ],
)
def test_tense_or_another_date_places_underspecified_dates(text, anchor, span, value):
    assert find(tag_timexes(text, anchor), span).value == value


def test_the_past_year_in_news_is_the_year_before():
    t = one("Hate groups grew in the United States over the past year.", date(1998, 3, 3))
    assert (t.text, t.type, t.value) == ("the past year", "DATE", "1997")


def test_the_past_n_years_stays_a_duration():
    assert one("Prices doubled over the past five years.", date(1998, 3, 3)).value == "P5Y"


def test_a_count_up_to_now_is_a_state_since_that_long_before():
    m = mention("I've had it two years now and love it.", date(2026, 2, 21))
    assert (m.text, m.value, m.role, m.precision) == ("two years now", "2024", "since", "year")
    m = mention("We have lived here for ten months now.", date(2026, 2, 21))
    assert (m.value, m.role) == ("2025-04", "since")
    # an approximate count stays a duration, and "now" the present
    tx = tag_timexes("He has dominated the city for almost five months now.", date(2000, 4, 14))
    assert [(t.text, t.type) for t in tx] == [("almost five months", "DURATION"), ("now", "DATE")]
    # with no date of the page's own there is nothing to count back from
    assert date_mentions("I've had it two years now.", None) == []


def test_a_clock_time_on_a_day_is_one_time_of_that_day():
    (m,) = date_mentions("The judge paused the trial until 5 p.m. on Oct. 28 so the deal could close.", date(2022, 10, 6))
    assert (m.text, m.value, m.role, m.date_start) == ("until 5 p.m. on Oct. 28", "2022-10-28T17:00", "until", date(2022, 10, 28))
    (m,) = date_mentions("The talk starts at 7 pm on March 3.", date(2026, 2, 21))
    assert m.date_start == date(2026, 3, 3)


def test_since_or_before_then_takes_the_period_named_just_before():
    ms = date_mentions("The plant opened in 2010. Since then, output has doubled.", date(2026, 2, 21))
    assert [(m.text, m.value, m.role) for m in ms] == [("2010", "2010", "point"), ("Since then", "2010", "since")]
    # a "since" told last: "then" is the period it starts from
    ms = date_mentions("It came out in May 2004. We are a dealer since 2004. I have used it since then.", date(2026, 2, 21))
    assert [(m.text, m.value, m.role) for m in ms][-1] == ("since then", "2004", "since")
    # after a range, "then" names no one period
    ms = date_mentions("It ran from 2001 to 2004. Since then, output has doubled.", date(2026, 2, 21))
    assert [m.text for m in ms if "then" in m.text] == []
    ms = date_mentions("Coffee reached Europe in the 17th century. Before then, people drank beer.", date(2026, 2, 21))
    assert (ms[-1].text, ms[-1].precision, ms[-1].role) == ("Before then", "century", "until")
    # nothing named before it in the paragraph: no date
    assert date_mentions("The plant opened in 2010.\n\nSince then, output has doubled.", date(2026, 2, 21))[-1].text == "2010"


def test_names_holding_a_month_are_no_dates():
    assert tag_timexes("He was at the head of the March of the Combatant Mothers.", date(2000, 1, 15)) == []


def test_an_adjectival_duration_leaves_out_the_article():
    assert one("The eight-year war ended.", date(1990, 8, 15)).text == "eight-year"


def test_the_quarter_a_report_is_about_stays_in_focus():
    text = (
        "Travelers's third-quarter net rose. The earthquake will result in a fourth-quarter charge. "
        "Earnings fell in the latest quarter, compared with $6 million a year ago. "
        "After a flat second quarter, sales in the latest period rose."
    )
    ts = tag_timexes(text, date(1989, 11, 2))
    assert find(ts, "fourth-quarter").value == "1989-Q4"
    assert find(ts, "the latest quarter").value == "1989-Q3"
    assert find(ts, "a year ago").value == "1988-Q3"
    assert find(ts, "the latest period").value == "1989-Q3"


def test_the_corresponding_period_last_year():
    text = "Ralston reported lower fourth-quarter earnings. For the corresponding period last year, sales were lower."
    assert find(tag_timexes(text, date(1989, 11, 2)), "the corresponding period last year").value == "1988-Q4"


# --- coordinated days and spans ------------------------------------------------


@pytest.mark.parametrize(
    "text, span, first, last",
    [
        ("The fair is held on June 10 and June 11, 2026.", "June 10 and June 11, 2026", date(2026, 6, 10), date(2026, 6, 11)),
        ("The vote is set for June 30 and July 1, 2026.", "June 30 and July 1, 2026", date(2026, 6, 30), date(2026, 7, 1)),
        ("The fair runs June 10 and 11, 2026.", "June 10 and 11, 2026", date(2026, 6, 10), date(2026, 6, 11)),
        ("The fair is on 10 & 11 June 2026.", "10 & 11 June 2026", date(2026, 6, 10), date(2026, 6, 11)),
        ("It meets on June 10, June 11 and June 12, 2026.", "June 10, June 11 and June 12, 2026",
         date(2026, 6, 10), date(2026, 6, 12)),
        ("It meets on Saturday, May 16 and Sunday, May 17, 2026.", "Saturday, May 16 and Sunday, May 17, 2026",
         date(2026, 5, 16), date(2026, 5, 17)),
        # the day without a year takes the year of the day after it
        ("The gala spans December 31 and January 1, 2027.", "December 31 and January 1, 2027",
         date(2026, 12, 31), date(2027, 1, 1)),
    ],
)
def test_consecutive_days_joined_by_and_are_one_range(text, span, first, last):
    m = mention(text, date(2025, 12, 1))
    assert (m.text, m.role, m.date_start, m.date_end, m.precision) == (span, "range", first, last, "day")
    assert m.value == f"{first.isoformat()}/{last.isoformat()}"


@pytest.mark.parametrize(
    "text, values",
    [
        ("The board met on May 3 and May 17, 2026.", ["2026-05-03", "2026-05-17"]),
        ("The board met on May 3 and 17, 2026.", ["2026-05-03", "2026-05-17"]),
        ("The board met on May 3 and 17.", ["2025-05-03", "2025-05-17"]),  # past: the May before the page
        ("The board met on 3 and 17 May 2026.", ["2026-05-03", "2026-05-17"]),
        ("The board met on June 10 or June 12, 2026.", ["2026-06-10", "2026-06-12"]),  # alternatives apart
    ],
)
def test_days_that_are_not_consecutive_stay_days_of_their_own(text, values):
    found = date_mentions(text, date(2025, 12, 1))
    assert [(m.role, m.value) for m in found] == [("point", v) for v in values]


@pytest.mark.parametrize(
    "text, values",
    [
        ("On May 3 and 17 delegates voted.", ["2025-05-03"]),
        ("The talks on June 28 and 30 people attended.", ["2025-06-28"]),
        ("The talks on June 28 and 30 address trade.", ["2025-06-28", "2025-06-30"]),  # a verb, not a counted noun
    ],
)
def test_a_number_after_and_before_a_plural_noun_counts_it_and_is_no_day(text, values):
    found = date_mentions(text, date(2025, 12, 1))
    assert [(m.role, m.value) for m in found] == [("point", v) for v in values]


def test_the_timexes_of_coordinated_days_carry_the_range_role():
    ts = tag_timexes("It is held on June 10 and June 11, 2026.", date(2025, 12, 1))
    assert [(t.text, t.role) for t in ts] == [("June 10", "range"), ("June 11, 2026", "range")]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Pupils were tutored during the 2019-20 and 2020-21 school years.", "2019-20 and 2020-21", "2019/2021"),
        ("It ran from 2001 to 2005 and from 2005 to 2010.", "from 2001 to 2005 and from 2005 to 2010", "2001/2010"),
    ],
)
def test_ranges_joined_by_and_that_meet_are_one_range(text, span, value):
    m = mention(text)
    assert (m.text, m.role, m.value) == (span, "range", value)


def test_ranges_joined_by_and_that_do_not_meet_stay_apart():
    found = date_mentions("It ran between 2001 and 2003 and between 2008 and 2010.", WED)
    assert [m.value for m in found] == ["2001/2003", "2008/2010"]


@pytest.mark.parametrize(
    "text, value, start, end",
    [
        ("Prices climbed in 2021 and 2022 across the sector.", "2021/2022", date(2021, 1, 1), date(2022, 12, 31)),
        ("Output doubled in the 1960s and 1970s.", "196/197", date(1960, 1, 1), date(1979, 12, 31)),
        ("Mills spread through the 12th and 13th centuries.", "11/12", date(1100, 1, 1), date(1299, 12, 31)),
        ("Trade grew in the late 17th and early 18th centuries.", "16/17", date(1600, 1, 1), date(1799, 12, 31)),
    ],
)
def test_two_periods_in_a_row_joined_by_and_are_one_range(text, value, start, end):
    (m,) = date_mentions(text, WED)
    assert (m.role, m.value, m.date_start, m.date_end) == ("range", value, start, end)


def test_periods_not_in_a_row_or_closing_a_list_stay_apart():
    assert [m.value for m in date_mentions("It ran in 2019 and 2022.", WED)] == ["2019", "2022"]
    assert [m.role for m in date_mentions("Sales in 2019, 2020 and 2021 rose.", WED)] == ["point"] * 3
    # not the clause's time: each year qualifies its own thing
    assert [m.value for m in date_mentions("The form for 2025 and 2026 claims is online.", WED)] == ["2025", "2026"]


@pytest.mark.parametrize("text", [
    "Acme won the cup in 2022 and 2023.",
    "He won in 2022 and 2023.",
    "The depot was shut in 2020 and 2021.",
    "Both novels were first published in 2013 and 2014.",
])
def test_two_years_of_a_one_off_happening_after_in_are_two_happenings(text):
    assert [m.role for m in date_mentions(text, WED)] == ["point", "point"]


def test_two_years_after_a_spanning_preposition_are_one_stretch_whatever_the_verb():
    (m,) = date_mentions("Acme won every race during 2022 and 2023.", WED)
    assert (m.role, m.value) == ("range", "2022/2023")


def test_adjacent_periods_switch_turns_the_years_join_off():
    from extractors.rule_switches import rules_off

    with rules_off(["adjacent-periods"]):
        assert [m.value for m in date_mentions("Prices climbed in 2021 and 2022.", WED)] == ["2021", "2022"]
        # two months in a row stay one stretch, as before the switch
        assert [m.role for m in date_mentions("We toured in late December and early January.", WED)] == ["range"]


def test_a_bare_last_day_is_no_date():
    assert date_mentions("Last day to send in the form.", WED) == []
    assert date_mentions("On your last day you visit the harbour.", WED) == []


def test_a_part_of_the_century_is_no_date_before_a_noun():
    assert date_mentions("The shop sells mid-century furniture and lamps.", WED) == []
    (m,) = date_mentions("Glaciers may vanish by late century.", WED)
    assert (m.value, m.precision) == ("20", "century")



def test_a_quarter_or_half_code_of_a_year_is_one_date_of_that_year():
    (m,) = date_mentions("Shipments slowed in Q4 of 2024 across the region.", WED)
    assert (m.value, m.date_start, m.date_end) == ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31))
    (h,) = date_mentions("The fund gained most in H2 of 2021.", WED)
    assert h.value == "2021-H2"
    # a bare half code is no date (a heading tag, a name)
    assert date_mentions("Use one H1 per page.", WED) == []


def test_the_last_day_names_no_day_by_itself():
    assert date_mentions("Registration ends and the last day to register is soon.", WED) == []
    assert date_mentions("The park marks the last day of service with a picnic.", WED) == []
    assert date_mentions("It was their final day at the old office.", WED) == []
    # the month or year it is the last day of stays a date
    assert [m.value for m in date_mentions("The gates shut on the last day of March 2024.", WED)] == ["2024-03"]


def test_this_season_in_january_is_the_winter_begun_in_december():
    jan = date(2025, 1, 14)
    for text in ("Snow fell hard this season.", "Snow fell hard this winter."):
        (m,) = date_mentions(text, jan)
        assert (m.value, m.date_start, m.date_end) == ("2024-WI", date(2024, 12, 1), date(2025, 2, 28))
    assert one("Rentals opened again next winter.", jan).value == "2025-WI"
    assert one("Rentals opened again next winter.", date(2025, 11, 3)).value == "2025-WI"
    assert one("The heat kept crowds away this season.", date(2025, 7, 2)).value == "2025-SU"
    assert one("Frost came early last season.", jan).value == "2024-FA"


def test_a_bare_season_of_play_is_a_years():
    from extractors.rule_switches import rules_off

    aug = date(2019, 8, 27)
    m = one("Ajax is likely to end up first this season.", aug)
    # a season of play straddles the turn of the year: the one begun in August 2019
    assert (m.value, m.date_start, m.date_end) == ("2019", date(2019, 1, 1), date(2020, 12, 31))
    # in a year's first half the season under way began the year before
    assert one("The Blues won the title last season.", date(2020, 3, 2)).value == "2018"
    assert one("The league altered its format last season.", aug).value == "2018"
    assert one("The show returns next season.", aug).value == "2020"
    # the weather's, the garden's or the wardrobe's season stays a calendar season
    assert one("Snow fell hard this season.", aug).value == "2019-SU"
    assert one("Plant tomatoes this season.", date(2019, 5, 10)).value == "2019-SP"
    assert one("This season's collection features bold colours.", date(2019, 3, 1)).value == "2019-SP"
    # a name is no weather word: the Heat, Jack Frost, a verb's "leaves"
    assert one("The Heat won the title last season.", date(2019, 10, 1)).value == "2018"
    assert one("Jack Frost scored 12 goals last season.", date(2019, 10, 1)).value == "2018"
    assert one("He leaves the club at the end of this season.", date(2019, 3, 1)).value == "2018"
    with rules_off(["season-of-play"]):
        assert one("The league altered its format last season.", aug).value == "2019-SP"


def test_winter_year_switch_restores_the_old_reading():
    from extractors.rule_switches import rules_off

    with rules_off(["winter-year", "the-last-day", "period-code-of-year"]):
        assert one("Snow fell hard this season.", date(2025, 1, 14)).value == "2025-WI"
        assert [m.value for m in date_mentions("On the last day we rested.", WED)] == ["2018-09-11"]


def test_the_century_of_a_story_is_the_pages_own_with_its_switch_off():
    from extractors.rule_switches import rules_off

    text = "The mill opened in 1850. By the end of the century, the town had grown."
    assert [t.value for t in tag_timexes(text, WED) if "century" in t.text] == ["18"]
    with rules_off(["century-of-story"]):
        assert [t.value for t in tag_timexes(text, WED) if "century" in t.text] == ["20"]


SAT = date(2025, 11, 8)  # a Saturday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a past verb right before the weekday dates it, whatever future follows
        ("Members will get access to the tools under the deal signed Tuesday.", date(2025, 11, 4)),
        ("The mayor announced Wednesday that the bridge will reopen.", date(2025, 11, 5)),
        ("The firm released on Thursday a plan it will carry out.", date(2025, 11, 6)),
        # a passive or a future keeps looking ahead
        ("The report will be released Wednesday.", date(2025, 11, 12)),
        ("The board is expected to decide Wednesday.", date(2025, 11, 12)),
    ],
)
def test_weekday_after_a_past_verb(text: str, day: date):
    from extractors.rule_switches import rules_on

    with rules_on(["verb-before-day"]):
        assert mention(text, SAT).date_start == day


def test_weekday_after_a_past_verb_switch_is_off_by_default():
    assert mention("Members will get access under the deal signed Tuesday.", SAT).date_start == date(2025, 11, 11)


@pytest.mark.parametrize(
    ("anchor", "year"),
    [(date(2025, 12, 15), 2026), (date(2025, 10, 2), 2026), (date(2025, 9, 20), 2025), (date(2026, 1, 8), 2026)],
)
def test_the_new_year_late_in_a_year_is_the_coming_one(anchor: date, year: int):
    m = mention("The second edition will be printed in the new year.", anchor)
    assert m.date_start == date(year, 1, 1) and m.date_end == date(year, 12, 31)


def test_the_year_before_counts_from_the_year_named():
    found = date_mentions("In 2019 the club had 40 members, up from 25 the year before.", date(2025, 6, 10))
    assert [(m.text, m.date_start) for m in found] == [("2019", date(2019, 1, 1)), ("the year before", date(2018, 1, 1))]


def test_the_year_before_an_event_is_not_counted_from_a_date():
    found = date_mentions("She was elected in 2016, the year before the crash.", date(2025, 6, 10))
    assert [m.text for m in found] == ["2016"]


def test_the_new_year_counts_from_the_page_not_a_year_named_before():
    found = date_mentions("The credit rises for tax year 2026. Plan your savings going into the new year.", date(2023, 10, 10))
    assert [(m.text, m.date_start.year) for m in found] == [("year 2026", 2026), ("the new year", 2024)]


def test_the_new_year_counts_from_a_date_named_earlier_in_its_sentence():
    found = date_mentions("On December 30, 1999, the town got ready for the new year.", date(2025, 10, 15))
    assert [(m.text, m.date_start.year) for m in found] == [("December 30, 1999", 1999), ("the new year", 2000)]


@pytest.mark.parametrize("text", [
    "Lessons for the new school year started in September.",
    "The council set its budget for the new fiscal year.",
])
def test_a_new_school_or_fiscal_year_is_not_the_coming_calendar_year(text: str):
    found = [m for m in date_mentions(text, date(2025, 10, 15)) if "new" in m.text]
    assert [m.date_start.year for m in found] == [2025]


def test_the_year_before_does_not_count_from_a_year_of_an_earlier_sentence():
    found = date_mentions("The club opened in 1987. It has 90 members now, up from 70 the year before.", date(2025, 10, 15))
    assert [m.text for m in found] == ["1987"]


def test_the_day_before_is_read_by_one_rule_whatever_the_year_before_switch():
    from extractors.rule_switches import rules_off
    from extractors.timex import RULES

    phrase = "the day before."
    assert [r.name for r in RULES if (m := r.pattern.match(phrase)) and m.group(0).endswith("before")] == ["day_after"]
    with rules_off(["the-year-before"]):
        found = date_mentions("The ferry sank on 4 June 2011. Storms had hit the day before.", date(2025, 10, 15))
    assert [(m.text, m.date_start) for m in found][-1] == ("the day before", date(2011, 6, 3))


def test_years_ahead_of_a_news_page_are_plans_not_a_story():
    from extractors.rule_switches import rules_off

    text = ("NASA plans to fly the rover in 2022. SNC could start missions in 2022. "
            "Another lander should be ready in 2023. In May, NASA awarded three task orders.")
    page = date(2019, 11, 18)

    def may() -> str:
        return next(m.value for m in date_mentions(text, page) if m.text == "May")

    assert may() == "2019-05"  # the May before the page's day, not one of the plan years
    with rules_off(["plans-no-story"]):
        assert may() == "2023-05"
    # years well before the page still make a story whose bare months follow them
    story = "The mill opened in 1850. It burned in 1862. It was rebuilt in 1871. In May, the mill reopened."
    assert next(m.value for m in date_mentions(story, page) if m.text == "May") == "1871-05"
    # and a story set far ahead of the page (a novel of 2070) is a story too
    novel = "The novel is set in 2070. In 2071 the colony grows. By 2075 the ship is built. In May, the ship lands."
    assert next(m.value for m in date_mentions(novel, date(2025, 3, 1)) if m.text == "May") == "2075-05"


def test_may_of_a_named_year_is_the_month():
    (m,) = date_mentions("Apple was still trying to fix it as recently as May of this year.", date(2019, 11, 19))
    assert (m.text, m.value) == ("May of this year", "2019-05")
    assert date_mentions("You May of course leave early.", date(2019, 11, 19)) == []


@pytest.mark.parametrize(("text", "first"), [
    ("Sales fell in May and June of 2022.", "2022-05"),
    ("It ran in March, April and May 2018.", "2018-03"),
    ("The store opened in spring and summer 2020.", "2020-SP"),
    ("Talks were held in June and in September 2019.", "2019-06"),
    ("Trips in December and January 2021 were cancelled.", "2020-12"),
])
def test_a_month_or_season_listed_before_a_year_takes_it(text, first):
    from extractors.rule_switches import rules_off

    assert tag_timexes(text, date(2024, 12, 1))[0].value == first
    with rules_off(["shared-year"]):
        assert tag_timexes(text, date(2024, 12, 1))[0].value != first


def test_a_month_in_another_clause_keeps_its_own_year():
    assert tag_timexes("In May, sales fell; in June 2022 they rose.", date(2024, 12, 1))[0].value == "2024-05"


@pytest.mark.parametrize(
    "text, value",
    [
        # a present that schedules puts a bare weekday in the coming week
        ("The show opens to the public on Friday.", "2018-09-14"),
        ("Tickets go on sale Friday.", "2018-09-14"),
        ("The Senate votes Tuesday on the bill.", "2018-09-18"),
        # a past tense, or no tense at all, keeps the last one
        ("The show opened Friday.", "2018-09-07"),
        ("The company said Monday it is closing the plant.", "2018-09-10"),
        ("on Monday", "2018-09-10"),
    ],
)
def test_a_present_that_schedules_puts_a_weekday_ahead(text, value):
    from extractors.rule_switches import rules_off

    assert next(t for t in tag_timexes(text, WED) if "day" in t.text).value == value
    with rules_off(["scheduled-weekday"]):
        assert next(t for t in tag_timexes(text, WED) if "day" in t.text).value <= "2018-09-12"
