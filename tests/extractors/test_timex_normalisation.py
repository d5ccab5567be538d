"""Normalisation rules of the temporal tagger (issue 13): news relatives,
centuries, anaphoric decades and centuries, pre-/post-, count ranges, the
last decade, weeks, halves, quarters, seasons, present-era "today", names and
titles that are no dates, and a page dated only by its fetch day. Each case
is (text, anchor date, expected period, precision, role)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors.timex import date_mentions, tag_timexes

FRI = date(2022, 10, 28)  # a Friday
NOT_DATES = Path(__file__).parent / "data" / "not_dates.txt"


def _only(text: str, anchor: date | None, **kw):
    found = date_mentions(text, anchor, **kw)
    assert len(found) == 1, [(m.text, m.date_start, m.date_end) for m in found]
    return found[0]


@pytest.mark.parametrize(
    "text, anchor, start, end, precision, role",
    [
        # news relatives against the page's date
        ("The deal closed late on Thursday.", FRI, "2022-10-27", "2022-10-27", "day", "point"),
        ("He resigned last Friday.", FRI, "2022-10-21", "2022-10-21", "day", "point"),
        ("The president on Thursday said he will withdraw.", FRI, "2022-10-27", "2022-10-27", "day", "point"),
        ("Protests erupted last night.", FRI, "2022-10-27", "2022-10-27", "day", "point"),
        ("Musk made a U-turn earlier this week.", date(2022, 10, 6), "2022-10-03", "2022-10-05", "week", "point"),
        ("The board will meet later this week.", date(2022, 10, 5), "2022-10-06", "2022-10-09", "week", "point"),
        # centuries and decades
        ("In the 1700s the town grew.", FRI, "1700-01-01", "1799-12-31", "century", "point"),
        ("The town grew in the early 1800s.", FRI, "1800-01-01", "1899-12-31", "century", "point"),
        ("The 18th century saw many wars.", FRI, "1700-01-01", "1799-12-31", "century", "point"),
        ("Sales peaked in the 2000s.", FRI, "2000-01-01", "2009-12-31", "decade", "point"),
        # a stretch up to now: ten years back to the page's year (extractors.timex.count_back)
        ("Over the last decade, sales doubled.", FRI, "2012-01-01", "2022-12-31", "year", "range"),
        # pre-/post-: until the year before, since the year after
        ("Prices were higher pre-2020.", FRI, "2019-01-01", "2019-12-31", "year", "until"),
        ("Post-2008 lending rules tightened.", FRI, "2009-01-01", "2009-12-31", "year", "since"),
        # count ranges back from the page's date
        ("The tree was planted 10–20 years ago.", FRI, "2002-01-01", "2012-12-31", "year", "point"),
        ("It opened two or three years ago.", FRI, "2019-01-01", "2020-12-31", "year", "point"),
        ("It opened a year or two ago.", FRI, "2020-01-01", "2021-12-31", "year", "point"),
        ("Then, a week or so ago, the plan changed.", FRI, "2022-10-17", "2022-10-23", "week", "point"),
        # "X or two ago" spans both ends whatever the unit, "about" or not
        ("It opened a day or two ago.", FRI, "2022-10-26", "2022-10-27", "day", "point"),
        ("It opened a week or two ago.", FRI, "2022-10-10", "2022-10-23", "week", "point"),
        ("It opened about a year or two ago.", FRI, "2020-01-01", "2021-12-31", "year", "point"),
        ("It opened a decade or two ago.", FRI, "2000-01-01", "2019-12-31", "decade", "point"),
        # a month and day inside a "since" phrase lies behind the page's day; a reason given by "since" does not
        ("Police have searched for him since shortly after the Oct. 23 slaying.", date(1999, 5, 6), "1998-10-23", "1998-10-23", "day", "point"),
        ("The plant has been shut since a fire on Oct. 23.", date(1999, 5, 6), "1998-10-23", "1998-10-23", "day", "point"),
        ("Since the vote is on Oct. 23, the board waits.", date(1999, 5, 6), "1999-10-23", "1999-10-23", "day", "point"),
        ("Since voters decide on Oct. 23, the board waits.", date(1999, 5, 6), "1999-10-23", "1999-10-23", "day", "point"),
        ("Since polls open on Oct. 23, the board waits.", date(1999, 5, 6), "1999-10-23", "1999-10-23", "day", "point"),
        ("The board waits, since voters decide on Oct. 23.", date(1999, 5, 6), "1999-10-23", "1999-10-23", "day", "point"),
        ("Since the Oct. 23 fire, the plant has been shut.", date(1999, 5, 6), "1998-10-23", "1998-10-23", "day", "since"),
        # near the page's day too: a since phrase's date is not after it, whatever the tense around
        ("Police have searched for him since shortly after the Oct. 23 slaying.", date(2022, 10, 20), "2021-10-23", "2021-10-23", "day", "point"),
        ("The plant has been closed since the Oct. 23 fire.", date(2022, 10, 20), "2021-10-23", "2021-10-23", "day", "since"),
        ("Officials will audit every payment made since the Jan. 5 meeting.", date(2023, 6, 10), "2023-01-05", "2023-01-05", "day", "since"),
        ("The plant has been closed since the November fire.", date(2022, 10, 20), "2021-11-01", "2021-11-30", "month", "since"),
        # "the week" just after a past day named is that day's week; alone, the page's week
        ("Stocks fell on Friday. For the week, the index dropped 3.8%.", date(1989, 10, 30), "1989-10-23", "1989-10-29", "week", "point"),
        ("For the week, the index dropped 3.8%.", date(1989, 10, 30), "1989-10-30", "1989-11-05", "week", "point"),
        ("Spend a few hours on Sunday preparing meals for the week.", date(2025, 5, 26), "2025-05-26", "2025-06-01", "week", "point"),
        # the end of a reported period is behind the page's day, however near the next one is
        # (and the period is the whole count of units the day closes)
        ("In the fiscal year ended Jan. 31, sales rose.", date(1989, 10, 31), "1988-02-01", "1989-01-31", "day", "range"),
        ("Net fell in the year that ended Oct. 31, the company said.", date(1989, 10, 27), "1987-11-01", "1988-10-31", "day", "range"),
        ("The offer will end Jan. 31.", date(1989, 10, 31), "1990-01-31", "1990-01-31", "day", "point"),
        # the latest fiscal year: the last one ended; half a decade dates the decade
        ("Sales were $7 billion in the latest fiscal year.", FRI, "2021-01-01", "2021-12-31", "year", "point"),
        ("Sales were flat in the last half of the 1980s.", FRI, "1980-01-01", "1989-12-31", "decade", "point"),
        ("Sales were flat in the second half of the '80s.", FRI, "1980-01-01", "1989-12-31", "decade", "point"),
        ("The town grew in the first half of the 1900s.", FRI, "1900-01-01", "1999-12-31", "century", "point"),
        ("The town grew in the second half of the 1800s.", FRI, "1800-01-01", "1899-12-31", "century", "point"),
        # weeks, quarters, halves, seasons keep their own precision
        ("In week 12 of 2021 the plant closed.", FRI, "2021-03-22", "2021-03-28", "week", "point"),
        ("Shipments began in 2021-W05.", FRI, "2021-02-01", "2021-02-07", "week", "point"),
        ("Sales rose in the third quarter of 2021.", FRI, "2021-07-01", "2021-09-30", "quarter", "point"),
        ("Sales rose in the first half of 2021.", FRI, "2021-01-01", "2021-06-30", "half", "point"),
        ("It rained all in the summer of 2021.", FRI, "2021-06-01", "2021-08-31", "season", "point"),
        # "today" with a completed happening on a dated page is that day
        ("The company announced today that it had sold the unit.", FRI, "2022-10-28", "2022-10-28", "day", "point"),
        ("Today, the board voted to sell the unit.", FRI, "2022-10-28", "2022-10-28", "day", "point"),
        # a cause is no plan: "due to impacts" does not put October in the future
        ("Webb was initially targeted to launch in March this year, NASA said. It was then pushed back to October due to impacts of COVID.",
         date(2021, 12, 26), "2021-10-01", "2021-10-31", "month", "point"),
    ],
)
def test_normalisation(text, anchor, start, end, precision, role):
    found = date_mentions(text, anchor)
    m = found[-1]
    assert (m.date_start.isoformat(), m.date_end.isoformat(), m.precision, m.role) == (start, end, precision, role), m


@pytest.mark.parametrize(
    "first, then, start, end",
    [
        ("In the 1800s the port grew.", "The following century brought war.", "1900-01-01", "1999-12-31"),
        ("In the 1990s the port grew.", "The following decade it shrank.", "2000-01-01", "2009-12-31"),
        ("In the 1990s the port grew.", "The previous decade it had shrunk.", "1980-01-01", "1989-12-31"),
        ("The treaty was signed in 1805.", "The previous century had seen three wars.", "1700-01-01", "1799-12-31"),
        ("The treaty was signed in 2015.", "The following year it entered into force.", "2016-01-01", "2016-12-31"),
        ("The treaty entered into force in March 2016.", "The previous year it was signed.", "2015-01-01", "2015-12-31"),
    ],
)
def test_following_and_previous_count_from_the_period_in_focus(first, then, start, end):
    found = date_mentions(first + " " + then, date(2024, 3, 6))
    last = found[-1]
    assert (last.date_start.isoformat(), last.date_end.isoformat()) == (start, end)


def test_timex_values_keep_timeml_readings():
    # the statement's period changes, the TIMEX3 value TimeML gives does not
    assert [t.value for t in tag_timexes("Over the last decade, sales doubled.", FRI)] == ["201"]
    assert [t.value for t in tag_timexes("In the 1700s the town grew.", FRI)] == ["17"]
    assert [t.value for t in tag_timexes("Sales rose in the first half of 2021.", FRI)] == ["2021-H1"]


@pytest.mark.parametrize(
    "text, values",
    [
        # a report compares its quarter with the same quarter a year before ...
        ("Net rose in the third quarter from $40 million a year earlier.", ["1989-Q3", "1988-Q3"]),
        ("For the nine months, net was $150 million. In the third quarter, net rose 5% from a year ago.",
         ["P9M", "1989-Q3", "1988-Q3"]),
        # ... and its months so far with the same months: no quarter of the year before
        ("Net rose in the third quarter. For the nine months, net was $150 million, compared with $120 million "
         "a year earlier.", ["1989-Q3", "P9M", "1988"]),
        ("Net rose in the third quarter. In the first nine months, net was $306 million, compared with a loss "
         "in the 1988 period.", ["1989-Q3", "P9M", "1988"]),
    ],
)
def test_a_year_earlier_compares_the_period_last_named(text, values):
    assert [t.value for t in tag_timexes(text, date(1989, 10, 26))] == values


@pytest.mark.parametrize(
    "text",
    [
        "Today, people use phones everywhere.",
        "Fewer people farm than today.",
        "These days everyone streams.",
        "Nowadays we stream.",
        "Now we stream.",
    ],
)
def test_present_era_gives_no_dated_statement(text):
    assert date_mentions(text, FRI) == []
    assert any(t.value == "PRESENT_REF" for t in tag_timexes(text, FRI))


def test_not_dates_corpus():
    lines = [ln for ln in NOT_DATES.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) >= 20
    dated = {ln: [m.text for m in date_mentions(ln, date(2024, 3, 6))] for ln in lines}
    assert {ln: found for ln, found in dated.items() if found} == {}


@pytest.mark.parametrize(
    "text, expected",
    [
        # news writes a weekday right after a name: still a date
        ("President Bill Clinton Saturday vowed to act.", "2022-10-22"),
        ("Trading in Paris resumed Tuesday.", "2022-10-25"),
        ("On Thursday Musk said it.", "2022-10-27"),
        # a named happening keeps its date
        ("The Chinese Spring Offensive began with three armies.", "2022-03-01"),
        ("He met Theresa May in June.", "2022-06-01"),
        ("In 2026 Toyota sold more cars than ever.", "2026-01-01"),
        ("Apple's September event drew crowds.", "2022-09-01"),
        ("The U.S. July jobs report was strong.", "2022-07-01"),
        ("In a November Thumbtack survey of owners, most agreed.", "2022-11-01"),
        ("As of today, this is the best model.", "2022-10-28"),
        ("Read today's editions of the paper.", "2022-10-28"),
        ("The flaw CVE-2025-11700 was fixed in 2025.", "2025-01-01"),
    ],
)
def test_dates_next_to_names_stay_dates(text, expected):
    found = date_mentions(text, FRI)
    assert found and found[-1].date_start.isoformat() == expected, found


@pytest.mark.parametrize(
    "text, fetched, start",
    [
        # undated page, fetched in December: a past happening never lands next year
        ("January 31: the company begins to buy shares.", date(2026, 12, 1), "2026-01-31"),
        ("Organisers announced in January that the fair would move.", date(2026, 12, 1), "2026-01-01"),
        ("The store closed on Monday.", date(2026, 12, 2), "2026-11-30"),
        # a clause that looks ahead still can
        ("The fair will open on January 31.", date(2026, 12, 1), "2027-01-31"),
    ],
)
def test_a_fetch_day_anchor_puts_past_happenings_before_it(text, fetched, start):
    m = _only(text, fetched, fetched=True)
    assert m.date_start.isoformat() == start


@pytest.mark.parametrize(
    "text, start, known",
    [
        # the weekday settles the year, an abbreviated one before a comma too: known from the page
        ("Wed, Mar 18, 12:00 AM GMT", "2026-03-18", True),
        ("Saturday, April 11: the plant sale", "2026-04-11", True),
        # a weekday that fits no year near the fetch day leaves the fetch day's guess
        ("Thu, Mar 18, 12:00 AM GMT", "2025-03-18", False),
        # on a page dated by its fetch day only the anchor's year or the next: a weekday fitting
        # the year before does not make the date the page's own
        ("Mon, Mar 17, 9:00 AM GMT", "2025-03-17", False),
    ],
)
def test_a_weekday_beside_a_yearless_date_gives_its_year(text, start, known):
    found = date_mentions(text, date(2026, 3, 15), fetched=True)
    assert found[0].date_start.isoformat() == start and found[0].from_anchor is not known


def test_an_abbreviated_weekday_is_read_only_before_a_date():
    assert [m.text for m in date_mentions("Sun, sand and sea on Mar 18.", date(2026, 3, 15))] == ["Mar 18"]


def test_an_undated_page_about_long_past_years_follows_its_own_dates():
    # fetched in 2026, the page names only 2019: its month-days are 2019's,
    # also one told before the year is named
    text = "The founder said on July 9 that he would step down. Here is a timeline.\n\nApril 15, 2019: the board met.\n\nMay 2: the shares fell."
    found = date_mentions(text, date(2026, 12, 1), fetched=True)
    assert [m.date_start.isoformat() for m in found] == ["2019-07-09", "2019-04-15", "2019-05-02"]


@pytest.mark.parametrize(("text", "value"), [
    ("The lever was first made in the 1770s. Two firms refined it over the following century.", "1800"),
    ("Mills spread in the 18th century. The previous century had few.", "1600"),
])
def test_a_period_counted_from_a_decade_or_century_of_an_undated_page_is_the_page_own(text, value):
    found = date_mentions(text, date(2026, 3, 15), fetched=True)
    assert (found[-1].date_start.isoformat()[:4], found[-1].from_anchor) == (value, False)


def test_black_friday_is_a_named_day_not_that_weekday():
    (m,) = date_mentions("Prices fell on Black Friday 2024.", date(2026, 12, 1))
    assert m.date_start.isoformat() == "2024-11-29"


def test_a_year_glued_to_a_handle_or_file_name_is_no_date():
    from datetime import date as _date

    from extractors.timex import date_mentions

    text = "@grillfatherbbq.2020 Great post. See report_2024.pdf for 2023 figures."
    assert [m.text for m in date_mentions(text, _date(2025, 1, 1))] == ["2023"]


@pytest.mark.parametrize("text, value", [
    ("It opened a decade or two ago.", "200/201"),  # the value names both ends, as its span does
    ("It opened two or three years ago.", "2019/2020"),
])
def test_a_count_range_back_has_both_ends_in_its_value(text, value):
    assert [t.value for t in tag_timexes(text, FRI)] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        # the day just told of in the paragraph, not the page's own day
        ("The offensive began on 8 August 1918. Ludendorff referred to this day as a black day.", "1918-08-08"),
        # no day told before it in the paragraph: the text gives no date
        ("We had one clear day in the week. So we went up the mountain on this day.", "XXXX-XX-XX"),
        ("The offensive began on 8 August 1918.\nWe went up the mountain on this day.", "XXXX-XX-XX"),
        # the present era, the time after it
        ("To this day, the museum keeps the letter.", "PRESENT_REF"),
        ("The case remains unsolved to this day.", "PRESENT_REF"),
        ("In this day and age, few write letters.", "PRESENT_REF"),
        ("The strike began on 7 February 1965. From this day forward the war spread.", "FUTURE_REF"),
        # "to this day" after an earlier sentence or inside one is still the present era
        ("The pact was signed on 3 June 1921. To this day it binds both towns.", "PRESENT_REF"),
        ("The pact of 3 June 1921 is in force to this day for most towns.", "PRESENT_REF"),
        # the almanac's "this day" in another year: the page's month and day in that year
        ("On this day in 1969, the crew landed.", "1969-10-28"),
        ("This day last year, we launched.", "2021-10-28"),
    ],
)
def test_this_day_is_the_day_in_focus(text, value):
    this_day = [t for t in tag_timexes(text, FRI) if "this day" in t.text.lower()]
    assert [t.value for t in this_day] == [value]
    if value == "XXXX-XX-XX":
        assert [m.text for m in date_mentions(text, FRI) if "day" in m.text] == []


@pytest.mark.parametrize(
    "text, values",
    [
        ("NIH - 7/18", ["2022-07-18"]),
        ("The library reopens 5/3 – 7/31.", ["2022-05-03", "2022-07-31"]),
        ("Closed 5/24-5/25.", ["2022-05-24", "2022-05-25"]),
        ("Pset 0 (due 08/29 at 11:59pm)", ["2022-08-29", "2022-08-29T23:59"]),
        # fractions, scores and ratings are no dates
        ("Add 1 3/4 cups of flour and cut 1/16 inch off.", []),
        ("Plants need 1/16 to 1/9 of a square foot.", []),
        ("Rated 4/5 by users and 10/10 for cooling.", []),
        ("The stock closed at 24 7/8.", []),
        ("The National 9/11 Memorial reopened.", []),
        # a date cue is needed: scores, ratios, pages and sections are no dates
        ("She went 3/13 from the field.", []),
        ("The film was rated 7/18 by critics.", []),
        ("See pages 12/15 and sections 3/14 and 3/15.", []),
        # a range is checked at both ends: fraction days, a unit after the second end
        ("Drill bits 1/16 - 3/16 inch.", []),
        ("Bolt sizes 1/4 - 5/16", []),
        ("He scored 3/13 - 5/17 pts.", []),
        # a whole number of its own before it makes a mixed number, a label's number does not
        ("Mark it on 2 5/25 boards.", []),
        ("Week 3 7/18 - 7/22 update", ["2022-07-18", "2022-07-22"]),
        ("Closed 5/24 – 5/25 6/19 – 6/21.", ["2022-05-24", "2022-05-25", "2022-06-19", "2022-06-21"]),
        ("Meeting Mon 7/18, then on 7/25 (Mon).", ["2022-07-18", "2022-07-25"]),
    ],
)
def test_a_numeric_month_and_day_is_read_where_no_fraction_can_be_meant(text, values):
    assert [t.value for t in tag_timexes(text, FRI) if t.type in ("DATE", "TIME")] == values


def test_a_quarter_told_by_its_last_day_is_the_three_months_up_to_it():
    # the TIMEX3 value keeps the fiscal number TimeML gives; the period is the calendar's
    q, end = date_mentions("Delta earned $100 million in the fiscal first quarter ended Sept. 30.", date(1989, 10, 26))
    assert (q.value, q.date_start, q.date_end, q.precision) == ("1989-Q1", date(1989, 7, 1), date(1989, 9, 30), "quarter")
    assert end.date_start == date(1989, 9, 30)
    (q,) = date_mentions("Sales rose in the third quarter.", date(1989, 10, 26))
    assert (q.date_start, q.date_end) == (date(1989, 7, 1), date(1989, 9, 30))


MON = date(1989, 10, 30)  # a Monday; the Friday before is in the week of Oct. 23


@pytest.mark.parametrize(
    "text, start",
    [
        # "the week" after a past day is the page's week unless it reports that day's week
        ("The vote was on Friday. The week ahead will be quiet.", "1989-10-30"),
        ("The vote was on Friday. This is the week we recover.", "1989-10-30"),
        ("The vote was on Friday. For the week, we intend to recover.", "1989-10-30"),
        ("The vote was on Friday. For the week to come, little is planned.", "1989-10-30"),
        # a report of the past day's week: at the head of the next sentence, or in the day's own clause
        ("Bonds slipped on Friday. For the week, the yield climbed to 8%.", "1989-10-23"),
        ("Bonds slipped on Friday, ending down a point for the week.", "1989-10-23"),
    ],
)
def test_the_week_after_a_past_day_is_that_days_week_only_in_a_report_of_it(text, start):
    (week,) = [m for m in date_mentions(text, MON) if m.precision == "week"]
    assert week.date_start.isoformat() == start, week


def test_a_quarter_ended_on_a_day_short_of_the_months_end_starts_the_day_after_three_months_back():
    q, _ = date_mentions("Acme lost money in its fourth quarter ended March 28.", date(1990, 5, 10))
    assert (q.date_start, q.date_end) == (date(1989, 12, 29), date(1990, 3, 28))
    q, _ = date_mentions("Acme lost money in its third quarter ended Feb. 28.", date(1990, 5, 10))
    assert (q.date_start, q.date_end) == (date(1989, 12, 1), date(1990, 2, 28))  # February's last day


def test_a_quarter_with_no_number_ended_on_a_day_is_valued_by_that_day():
    q, _ = date_mentions("Acme lost money in the quarter ended March 31.", date(1990, 2, 10))
    assert (q.value, q.date_start, q.date_end) == ("1989-Q1", date(1989, 1, 1), date(1989, 3, 31))


def test_only_a_reported_span_of_months_is_compared_with_the_same_months():
    # "9 months of cash" is an amount, not the period the report compares
    text = ("Net rose in the third quarter. The company, which has 9 months of cash, said net was $5 million, "
            "up from a year earlier.")
    assert [t.value for t in tag_timexes(text, date(1989, 10, 26))][-1] == "1988-Q3"
    text = "Net rose in the third quarter. In the six-month period, net was $9 million, up from a year earlier."
    assert [t.value for t in tag_timexes(text, date(1989, 10, 26))][-1] == "1988"


def test_a_quarter_which_ended_on_a_day_after_a_comma_is_the_three_months_up_to_it():
    q, _ = date_mentions("Acme lost money in the third quarter, which ended June 30, 1990.", date(1990, 8, 1))
    assert (q.date_start, q.date_end) == (date(1990, 4, 1), date(1990, 6, 30))


def test_a_quarter_with_no_number_ended_on_a_day_keeps_the_fiscal_quarter_in_focus():
    text = "Acme posted a loss for its fiscal first quarter. Sales for the quarter ended Sept. 29 rose 39%."
    values = [m.value for m in date_mentions(text, date(1989, 10, 20))]
    assert values[:2] == ["1989-Q1", "1989-Q1"]


@pytest.mark.parametrize(
    "text, anchor, span, start, end, precision",
    [
        # a count of units closed by a day or a month is the span ending there
        ("The index, for the 10 years ending June 30, 2024, had a return of 12%.", date(2024, 9, 1),
         "10 years ending June 30, 2024", "2014-07-01", "2024-06-30", "day"),
        ("U.S. hotel results for week ending 13 December", date(2025, 12, 20),
         "week ending 13 December", "2025-12-07", "2025-12-13", "day"),
        ("Sales for the twelve months ended June 2024 rose.", date(2024, 8, 1),
         "twelve months ended June 2024", "2023-07-01", "2024-06-30", "month"),
        # a range "from <day> at <time> <zone> to <day> at <time>" is one range of days
        ("Tickets are on sale from March 3, 2025 at 9:00 AM Eastern Standard Time (“EST”) to March 7, 2025 "
         "at 10:30 PM EST.", date(2025, 2, 10),
         "from March 3, 2025 at 9:00 AM Eastern Standard Time (“EST”) to March 7, 2025 at 10:30",
         "2025-03-03", "2025-03-07", "day"),
        ("The sale runs from May 4, 2026 at 9:00 a.m. to May 7, 2026 at 5:00 p.m.", date(2026, 4, 1),
         "from May 4, 2026 at 9:00 a.m. to May 7, 2026 at 5:00", "2026-05-04", "2026-05-07", "day"),
        # two periods compared by "between" span both
        ("Flood losses rose 40% between 1995-1999 and 2015-2019.", date(2022, 11, 1),
         "between 1995-1999 and 2015-2019", "1995-01-01", "2019-12-31", "year"),
        # two days next to each other joined by "or": the day is open between them
        ("Whatever build went out last night or today crashes on start.", date(2024, 9, 5),
         "last night or today", "2024-09-04", "2024-09-05", "day"),
        ("The board met on June 10 or June 11, 2026.", date(2025, 12, 1), "June 10 or June 11, 2026",
         "2026-06-10", "2026-06-11", "day"),
    ],
)
def test_spans_told_by_their_ends(text, anchor, span, start, end, precision):
    (m,) = date_mentions(text, anchor)
    assert (m.text, m.role, m.date_start.isoformat(), m.date_end.isoformat(), m.precision) == (
        span, "range", start, end, precision)


def test_a_count_of_units_with_no_closing_day_is_no_span():
    # "postponed by two weeks to March 5": a shift, not a span ending there
    found = date_mentions("The launch was postponed by two weeks to March 5, 2026.", date(2026, 1, 1))
    assert [(m.role, m.date_start.isoformat(), m.date_end.isoformat()) for m in found] == [
        ("point", "2026-03-05", "2026-03-05")]


@pytest.mark.parametrize(
    "text, value",
    [
        # a weekday right after a reporting verb in the past is the report's day (Wednesday 20 Nov 2019),
        # whatever future the reported words tell
        ('The president said on Tuesday that China "is going to have to make a deal that I like."', "2019-11-19"),
        ("The house will be turned into a police station, the minister said on Tuesday.", "2019-11-19"),
        ("The firm announced Monday it will close two plants.", "2019-11-18"),
        # not after "to", a modal or "will"
        ("The minister will say on Tuesday that prices rise.", "2019-11-26"),
        ("He is expected to announce Tuesday that he will run.", "2019-11-26"),
    ],
)
def test_a_weekday_after_a_past_reporting_verb_is_the_reports_day(text, value):
    assert [t.value for t in tag_timexes(text, date(2019, 11, 20))] == [value]


@pytest.mark.parametrize(
    "day, value",
    [
        # "last fall" is the latest fall over by then: in November a fall is still on
        (date(2019, 11, 18), "2018-FA"),
        (date(2019, 10, 1), "2018-FA"),
        (date(2019, 12, 5), "2019-FA"),
    ],
)
def test_last_season_is_the_latest_one_over(day, value):
    assert [t.value for t in tag_timexes("She left the label last fall.", day)] == [value]


def test_a_clock_time_on_a_weekday_with_its_month_and_day_reads_the_day():
    # the month and day name the day as written without the weekday: one that does not fit moves no year
    assert [t.value for t in tag_timexes("It happened at 6:38 p.m. Friday, May 18.", date(2019, 5, 20))] == [
        "2019-05-18T18:38"]
    # an impossible day leaves the weekday
    assert [t.value for t in tag_timexes("At 2:15 p.m. on Thursday, Feb. 30 the vote was held.", date(2019, 5, 20))] == [
        "2019-05-16T14:15"]


@pytest.mark.parametrize(
    "text, decade_start",
    [
        # a target year ahead named before: the next decade is the page's
        ("The plan aims to cut costs by 2030. It also aims to reach 24% by the end of the next decade.", "2020-01-01"),
        # a time told of before the page's: the next decade is that time's
        ("In 1990 the mill closed. By the end of the next decade it was a museum.", "2000-01-01"),
    ],
)
def test_the_next_decade_counts_from_a_past_focus_but_not_from_a_target_ahead(text, decade_start):
    found = [m for m in date_mentions(text, date(2019, 11, 20)) if "decade" in m.text]
    assert [m.date_start.isoformat() for m in found] == [decade_start]


@pytest.mark.parametrize(
    "text, day",
    [
        # a near day before the page's in a clause that tells the future: the next one
        ("The band will loop into Shoreline Amphitheatre for a hometown show on Sept. 12.", "2020-09-12"),
        # a past clause leaves a near day where it is, after the page's as before it
        ("The service ruled that he must be returned by Jan. 14.", "2020-01-14"),
        ("The company said sales rose on Sept. 12.", "2019-09-12"),
        # a future seen from the past may be over
        ("He failed to deliver on his vow that Britain would leave the EU on Oct. 31.", "2019-10-31"),
    ],
)
def test_a_day_without_a_year_the_future_tense_puts_ahead(text, day):
    assert _only(text, date(2019, 11, 19)).date_start.isoformat() == day


@pytest.mark.parametrize(
    "text, week_start",
    [
        # a time within the week told in the past: the week of the past day in focus
        ("The service launched on Nov. 12. It signed up subscribers throughout the week.", "2019-11-11"),
        ("On Friday, Finland clinched. And earlier in the week, Turkey drew Iceland.", "2019-11-11"),
        # no past day in focus: the page's week
        ("The index fell this morning. Stocks have been weak for most of the week.", "2019-11-18"),
    ],
)
def test_the_week_is_the_week_of_the_day_in_focus(text, week_start):
    found = [m for m in date_mentions(text, date(2019, 11, 19)) if m.text.endswith("the week")]
    assert [m.date_start.isoformat() for m in found] == [week_start]


@pytest.mark.parametrize(
    "text, month",
    [
        ("The redesigned sedan goes on sale in late January.", "2020-01-01"),  # a present that schedules
        ("The mill shut in January.", "2019-01-01"),  # the past
    ],
)
def test_a_month_without_a_year_in_a_scheduling_present_is_the_next_one(text, month):
    assert _only(text, date(2019, 11, 20)).date_start.isoformat() == month


@pytest.mark.parametrize(
    "text, season_start",
    [
        ("The hybrid goes on sale in the summer.", "2020-06-01"),  # a scheduling present, the summer is over
        ("The pool will reopen in the spring.", "2020-03-01"),
        ("The mill closed in the summer.", "2019-06-01"),  # the past stays in the page's year
    ],
)
def test_a_bare_season_over_by_the_page_date_told_ahead_is_next_years(text, season_start):
    assert _only(text, date(2019, 11, 20)).date_start.isoformat() == season_start
