"""Counts from a date ("three years later", "a day before the deal closed")
resolve against the date in focus, the nearest date told before them in the
paragraph (of any kind, a resolved count too), or the date inside the phrase
they count from; when that one cannot serve as a base, with none, with the
focus in the same sentence before a named event, or with the clause telling
its own year, they date nothing."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.timex import date_mentions, tag_timexes

PAGE = date(2021, 1, 21)


def _dated(text: str, anchor: date = PAGE, **kw) -> dict[str, tuple[str, str, str]]:
    return {m.text: (m.date_start.isoformat(), m.date_end.isoformat(), m.precision.value)
            for m in date_mentions(text, anchor, **kw)}


@pytest.mark.parametrize(
    "text, phrase, start, end, precision",
    [
        ("The country signed the Agreement in December 2015. His successor announced three years later that it "
         "would withdraw.", "three years later", "2018-01-01", "2018-12-31", "year"),
        ("The deal closed on Oct. 27, 2022. A day before the deal closed, he fired staff.", "A day before",
         "2022-10-26", "2022-10-26", "day"),
        ("Webb launched on December 25, 2021. Two weeks later the mirror unfolded.", "Two weeks later",
         "2022-01-08", "2022-01-08", "day"),
        ("Launched on 5 June 2020, it was retired two months later.", "two months later", "2020-08-01",
         "2020-08-31", "month"),
        ("The fund opened on 10 March 2019. Two days prior to the opening, it raised cash.", "Two days prior",
         "2019-03-08", "2019-03-08", "day"),
        # a count resolved before it is the date in focus
        ("He was born in 1950. Thirty years later he married. He died 20 years later.", "20 years later",
         "2000-01-01", "2000-12-31", "year"),
        # a date inside the phrase counted from is the base
        ("Parliament met on 28 April 2021. Two days after the 3 May vote, protests began.", "Two days after",
         "2021-05-05", "2021-05-05", "day"),
        ("Two days after Oct. 27, 2022, he fired staff.", "Two days after", "2022-10-29", "2022-10-29", "day"),
    ],
)
def test_a_count_resolves_against_the_date_in_focus(text, phrase, start, end, precision):
    assert _dated(text)[phrase] == (start, end, precision)


@pytest.mark.parametrize(
    "text, page, phrase, day",
    [
        ("The bid came on April 14, 2022. Musk said on July 8 he would end the deal. Four days later, Twitter sued.",
         date(2022, 8, 1), "Four days later", "2022-07-12"),
        ("The deal was signed on 1 March 2020. On 5 March, the board met. Two days later, it resigned.",
         date(2020, 6, 1), "Two days later", "2020-03-07"),
    ],
)
def test_a_count_counts_from_the_nearest_date_not_the_last_with_a_year(text, page, phrase, day):
    assert _dated(text, page)[phrase] == (day, day, "day")


@pytest.mark.parametrize(
    "text, told",
    [
        ("Three years later, nobody remembered.", []),  # no date in focus: the anchor is unknown
        ("It launched in March 2020. Three days later it failed.", ["March 2020"]),  # a month cannot give a day
        ("The firm was founded in 2010. It stayed private for three years after that.", ["2010"]),  # a stretch
        ("They handed over the documents on Sept. 3, 2016, a day before the summit.", ["Sept. 3, 2016"]),  # the summit
        ("It opened in May 2019.\n\nTwo years later the site closed.", ["May 2019"]),  # another paragraph
        ("Musk said on July 9 he would end the deal. This comes three months after his bid.", ["July 9"]),
        ("The bid came on April 14, 2022. The deal ended less than three months later.", ["April 14, 2022"]),  # round
        ("Rankings come out on Jan. 27, 2026, one week later than last year's.", ["Jan. 27, 2026", "last year"]),  # a comparison
        # the nearest date cannot serve as a base: nothing, not the older date
        ("The firm was founded in 1990. It has been listed since 2005. Two years later it merged.",
         ["1990", "since 2005"]),
        # the date inside the phrase counted from cannot give a day
        ("Parliament met on 28 April 2021. Two days after the June vote, protests began.", ["28 April 2021", "June"]),
        # a chain broken by a round count
        ("He was born in 1950. About thirty years later he married. He died 20 years later.", ["1950"]),
        # the count before it gives a month only: no day, and not the older day either
        ("The bid came on April 14, 2022. Three months later, he left. Two weeks later, Twitter sued.",
         ["April 14, 2022", "Three months later"]),
        # the clause tells its own year
        ("The plant opened in 2014. Five years later, in 2020, it closed.", ["2014", "2020"]),
    ],
)
def test_a_count_without_a_known_anchor_dates_nothing(text, told):
    # strict: the explicit dates and nothing else (no count, no other anchored mention)
    assert [m.text for m in date_mentions(text, PAGE)] == told


def test_the_tagger_keeps_a_news_count_a_duration():
    # TimeML marks "three years" in "three years later" as a duration in news
    tx = tag_timexes("The deal was signed in December 2015. Three years later it ended.", PAGE)
    assert [t.type for t in tx if t.text.lower().startswith("three")] == ["DURATION"]
