"""Counts from a date ("three years later", "a day before the deal closed")
resolve against the date in focus, the last explicit date told before them
in the paragraph; with none, or with the focus in the same sentence before a
named event, they date nothing."""

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
    ],
)
def test_a_count_resolves_against_the_date_in_focus(text, phrase, start, end, precision):
    assert _dated(text)[phrase] == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Three years later, nobody remembered.",  # no date in focus: the anchor is unknown
        "It launched in March 2020. Three days later it failed.",  # a month cannot give a day
        "The firm was founded in 2010. It stayed private for three years after that.",  # a stretch, not a count
        "They handed over the documents on Sept. 3, 2016, a day before the summit.",  # dates the summit
        "It opened in May 2019.\n\nTwo years later the site closed.",  # another paragraph
        "Musk said on July 9 he would end the deal. This comes three months after his bid.",  # the clause's own date
        "The bid came on April 14, 2022. The deal ended less than three months later.",  # a round count
        "Rankings come out on Jan. 27, 2026, one week later than last year's.",  # a comparison
    ],
)
def test_a_count_without_a_known_anchor_dates_nothing(text):
    assert not [m for m in date_mentions(text, PAGE) if "later" in m.text or "before" in m.text]


def test_the_tagger_keeps_a_news_count_a_duration():
    # TimeML marks "three years" in "three years later" as a duration in news
    tx = tag_timexes("The deal was signed in December 2015. Three years later it ended.", PAGE)
    assert [t.type for t in tx if t.text.lower().startswith("three")] == ["DURATION"]
