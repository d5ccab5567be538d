"""Days a page names relative to its own date ("last night", "on Monday",
"yesterday"), and how far such a day is to be trusted.

A day resolved from a relative expression is the page's day counted back or
on, in the page's time zone and as of when it was written: a wire story of
the evening before, a page dated by its last update, a report from another
time zone ("Twitter sued Musk last night", written in London, is the 12
July filing in Delaware) put it a day off as often as not. So an explicitly
written date is the better evidence of the two: when one happening has both
a day apart, the relative day is read as the written one (``written_day``),
so value choice never prefers it nor counts it as a rival.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from extractors.calendar_words import CARDINAL_WORDS
from extractors.types import DateMention, Precision
from facts.model import Event
from facts.values import DateInterval

SLACK_DAYS = 1  # a relative day may be this many days off the happening's written date
# ... and this many when its page has no date of its own: the tagger counted it
# from a dateline or a note on the page, or (rule fetch-dated off) from the
# day the page was fetched, which may be weeks after it was written
UNDATED_SLACK_DAYS = 31


def counted_day(mention: DateMention) -> bool:
    """The mention names a day without writing its number: the tagger counted
    it from the page's date or from a date before it ("yesterday", "last
    Friday", "two days ago", "the following day", "Friday's"), not a written
    day whose year alone was inferred ("July 12")."""
    if mention.precision != Precision.DAY or not mention.anchored:
        return False
    return re.search(rf"(?<!\d)0?{mention.date_start.day}(?:st|nd|rd|th)?(?!\d)", mention.text) is None


# "three years later", "a month earlier", "two years after": a whole count of months or years from a
# date, written alone (not "10-11 Months Before" in a checklist heading, nor "nearly two years after")
_COUNTED_UNITS = re.compile(
    r"^(?P<count>a|an|\w+|\d{1,3})\s+(?P<unit>years?|months?)\s+(?:later|earlier|afterwards?|after|before|prior)$",
    re.I)


def counted_unit(mention: DateMention) -> bool:
    """The mention is a month or a year counted in whole units from another
    date the page told ("His successor announced three years later", after
    "December 2015"): a count that rounds, so the happening may lie a unit
    either side of the one counted (not "last year", counted from the page's
    own date, nor a written year). The count is a number and the unit the
    mention's precision: a count of months is no year."""
    m = _COUNTED_UNITS.match(mention.text.strip())
    if not mention.anchored or m is None:
        return False
    count = m["count"].casefold()
    if not (count.isdigit() or count in ("a", "an") or count in CARDINAL_WORDS):
        return False
    unit = Precision.YEAR if m["unit"].casefold().startswith("year") else Precision.MONTH
    return mention.precision == unit


def relative_day(ev: Event) -> bool:
    """The statement's date is a day counted, not written (``counted_day``)."""
    return ev.precision == Precision.DAY and ev.counted_day


def written_day(ev: Event, standing: Iterable[Event]) -> DateInterval:
    """The date a statement claims for its happening (``standing``: the
    statements of that happening whose values compete, facts.reconcile.standing):
    its own, except a relative day within SLACK_DAYS of a date they write out
    (UNDATED_SLACK_DAYS when its page has no date), which is read as that date
    (the nearest; the earlier of two as near). Written days within its slack
    that tie (each written as many times) are read as the narrowest written
    date that holds them all (their month), when a page writes one. A plan is no written date of
    the happening: a relative day is never read as the day it was once
    planned for."""
    own = DateInterval(ev.date_start, ev.date_end, ev.precision)
    if not relative_day(ev):
        return own
    group = [e for e in standing if e.current and not e.planned]
    slack = SLACK_DAYS if ev.doc_date is not None else UNDATED_SLACK_DAYS
    near = [e.date_start for e in group if e.precision == Precision.DAY and not relative_day(e)
            and abs((e.date_start - ev.date_start).days) <= slack]
    written = sorted({(abs((d - ev.date_start).days), d) for d in near})
    if written:
        support = Counter(near)
        days = sorted(support)
        if len(days) > 1 and len(set(support.values())) == 1:
            # written days within its slack disagree ("July 8" and "July 9") as many times each: a
            # day that may be a day off cannot break the tie; it says what they agree on, if a page
            # writes it (with more support for one day, the nearest written day as below)
            wider = _narrowest_holding(group, days[0], days[-1])
            if wider is not None:
                return wider
        day = written[0][1]
        return DateInterval(day, day, Precision.DAY)
    # no written day near it: undisputed, it keeps its day ("last night" and
    # "in 2022" say 11 July 2022); disputed by a written day farther off, it is
    # read as the narrowest written date that holds it ("In July": what the
    # two agree on, not a day it may be off by)
    if not any(e.precision == Precision.DAY and not relative_day(e) for e in group):
        return own
    wider = _narrowest_holding(group, ev.date_start - timedelta(days=SLACK_DAYS),
                               ev.date_end + timedelta(days=SLACK_DAYS))
    return own if wider is None else wider


WIDEST_HOLDING = 31  # days: a written date wider than a month ("in 2022") says too little of a day to stand for it


def _narrowest_holding(group: Iterable[Event], start: date, end: date) -> DateInterval | None:
    """The narrowest written date coarser than a day, a month at most, among
    ``group`` that holds ``start`` .. ``end`` ("In July"), if any."""
    holding = sorted(
        ((e.date_end - e.date_start).days, e.date_start, e.date_end, e.precision) for e in group
        if not relative_day(e) and e.precision != Precision.DAY and e.date_start <= start and end <= e.date_end
        and (e.date_end - e.date_start).days < WIDEST_HOLDING
    )
    if not holding:
        return None
    _, first, last, precision = holding[0]
    return DateInterval(first, last, precision)
