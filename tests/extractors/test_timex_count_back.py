"""An exact count back from the page's date dates where its stretch began
("over the past five years", "has worked there for five years", "for four
years running"); a duration that is not a count back up to now dates nothing
("takes five years", "a five-year plan", "will stay for two years")."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.timex import date_mentions

PAGE = date(2025, 11, 7)


def _dated(text: str, anchor: date | None = PAGE, **kw) -> dict[str, tuple[str, str, str, str]]:
    return {m.text: (m.role, m.value, m.date_start.isoformat(), m.precision.value)
            for m in date_mentions(text, anchor, **kw)}


@pytest.mark.parametrize(
    "text, phrase, role, value, start, precision",
    [
        ("Over the past five years, the firms merged.", "Over the past five years", "range", "2020/2025",
         "2020-01-01", "year"),
        ("The company has started to ship over the past 8 months.", "over the past 8 months", "range",
         "2025-03/2025-11", "2025-03-01", "month"),
        ("Music has been my therapy for the past decade.", "for the past decade", "range", "2015/2025",
         "2015-01-01", "year"),
        ("He has worked on the team for five years.", "for five years", "since", "2020", "2020-01-01", "year"),
        ("She has been a consultant with the firm for two years.", "for two years", "since", "2023", "2023-01-01",
         "year"),
        ("We've had the same supplier for three years.", "for three years", "since", "2022", "2022-01-01", "year"),
        ("He has lived in Berlin for 10 years.", "for 10 years", "since", "2015", "2015-01-01", "year"),
        ("She has been married to the painter for ten years.", "for ten years", "since", "2015", "2015-01-01",
         "year"),
        # the page's own year is the last of the run: 2022, 2023, 2024, 2025
        ("Ranked among the top franchises for four years running.", "for four years running", "since", "2022",
         "2022-01-01", "year"),
        # months: since the month the count reaches back to
        ("I've been using the watch for a month now with no complaints.", "for a month", "since", "2025-10",
         "2025-10-01", "month"),
        ("The shop has been closed for three months.", "for three months", "since", "2025-08", "2025-08-01", "month"),
        # "and" joining two nouns opens no verb of its own
        ("She has been a consultant in life and pensions for the firm for two years.", "for two years", "since",
         "2023", "2023-01-01", "year"),
        # no preposition: what "spend" fills, or the subject opening its sentence
        ("Our lab has spent the last 8 years testing kettles.", "the last 8 years", "range", "2017/2025",
         "2017-01-01", "year"),
        ("Intro. The last decade was the busiest in the port's history.", "The last decade", "range", "2015/2025", "2015-01-01",
         "year"),
        ("The past five years have seen a surge in claims.", "The past five years", "range", "2020/2025",
         "2020-01-01", "year"),
        # a count that ends at a date the sentence names runs back from it
        ("The index for the 10 years ending June 30, 2024, returned 12.5 percent.",
         "10 years ending June 30, 2024", "range", "2014-07-01/2024-06-30", "2014-07-01", "day"),
        ("Revenue in the 12 months ended June 2024 rose.", "12 months ended June 2024", "range",
         "2023-07/2024-06", "2023-07-01", "month"),
    ],
)
def test_count_back_dates_its_start(text, phrase, role, value, start, precision):
    assert _dated(text)[phrase] == (role, value, start, precision)


@pytest.mark.parametrize(
    "text",
    [
        "The project takes five years.",
        "It is a five-year plan.",
        "We will stay in the city for two years.",
        "By June we will have lived here for two years.",
        "Elected to serve on the board for 3 years.",
        "We plan to run the trial for two years.",
        "After working with companies for over 8 years, we know the trade.",
        "ClickUp delivered a return over three years.",
        "In the past few years, things changed.",
        "Sales rose 4% in the last 30 days.",  # a look-back window of days: the statistic's, not the page's
        "He has worked there for five years before he left.",
        "She has lived there. Then she moved for three years to Spain.",  # the perfect is another sentence's
        # the perfect does not govern the stretch, or the stretch is a set term's, still to run
        "He has been sentenced to prison for five years.",
        "The club has been banned from Europe for two years.",
        "The company has signed a contract for three years with the city.",
        "They have agreed to extend the lease for five years.",
        "She has worked at the firm since college and plans to stay for five years.",
        "The minister has been appointed for four years.",
        "The deal has been extended for two years.",
        "He has retired and moved to Spain for two years.",
        "He has been suspended for three months.",
        "Applications have been trending up for a couple of months.",  # round: a duration
        "The economy has been creating jobs after averaging 242,000 for the first nine months of 1997.",
        "He has lived here for a couple of years.",
        # no preposition, and neither filled by "spend" nor a subject with its verb
        "We compare the last 8 years with the decade before.",
        "The Last Decade",
    ],
)
def test_durations_that_are_not_counts_back_date_nothing(text):
    assert not [m for m in date_mentions(text, PAGE) if m.role in ("since", "range")]


def test_no_count_back_without_the_pages_own_date():
    text = "He has worked on the team for five years."
    assert _dated(text, None) == {}
    assert _dated(text, fetched=True) == {}  # the fetch day is no writer's now
    # a count ending at a date it names needs no page date
    ending = "The index for the 10 years ending June 30, 2024, returned 12.5 percent."
    assert _dated(ending, None)["10 years ending June 30, 2024"][1] == "2014-07-01/2024-06-30"
    assert _dated(ending, fetched=True)["10 years ending June 30, 2024"][1] == "2014-07-01/2024-06-30"


def test_the_past_year_stays_a_point_the_span_rule_drops():
    # one, unnumbered: a round stretch; the tagger's own reading stays
    assert _dated("The CIOB reports 94% felt stress in the past year.")["the past year"][0] == "point"


def test_a_count_ending_at_a_date_replaces_the_dates_own_mention():
    dated = _dated("The index for the 10 years ending June 30, 2024, returned 12.5 percent.")
    assert list(dated) == ["10 years ending June 30, 2024"]
    # "the fiscal year ended Jan. 31" is the one year that ended then, no count back from the page
    assert _dated("In the fiscal year ended Jan. 31, sales rose.", date(1989, 3, 1))["year ended Jan. 31"][:2] == (
        "range", "1988-02-01/1989-01-31")
