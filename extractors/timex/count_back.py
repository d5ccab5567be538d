"""Counts back from the page's date: an exact stretch up to the writer's now
dates where it began.

"Over the past five years, ..." on a page of 2025 runs from 2020 to 2025;
"has worked there for five years" (2017) holds since 2012, "I've been using
it for a month now" (December 2022) since November 2022; "ranked in the
list for four years running" (2023) since 2020, the count taking the page's
own year as its last. The tagger keeps these as durations (TimeML does);
the reading here turns them into date mentions when the count is exact and
its anchor is the page's own date (not the day the page was fetched).

The stretch may also be the sentence's subject ("The last decade was the
busiest in the port's history", "The past five years have seen ...") or what a
perfect or "spend" fills ("have spent the last 8 years building ..."), with
no preposition before it. (A count that ends at a date the sentence names,
"for the 10 years ending June 30, 2024", runs back from that date whatever
the page's date: :func:`extractors.timex.mentions._spans_ending`.)

What is not a count back stays a duration: a stretch that is not tied to
now ("takes five years", "a five-year plan", "will stay for two years",
"elected to serve for 3 years"), a round or vague one ("for over 8 years",
"the past few years", "the past 10 or so years", "for a couple of months"), a look-back window of
days or weeks (a statistic's "in the last 30 days" is anchored to its
survey, not the page) and "the past year" (one, unnumbered: round).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from extractors.timex.periods import cal_of, period_of, shift, timex_value
from extractors.types import DateMention, Precision, Timex

# the exact count of a duration value: P5Y, P8M, P10Y
_COUNT = re.compile(r"P([1-9]\d?)([YM])")
_UNITS = {"Y": "year", "M": "month"}

# "(over|in|during|for|throughout) the past|last five years": the timex text,
# with the preposition right before it
_PAST_SPAN = re.compile(r"the\s+(?:past|last|previous)\s+\S+\s+(?:years?|months?)", re.I)
_SPAN_PREP = re.compile(r"\b(?:over|in|during|for|throughout|within)\s+$", re.I)
# "the past decade": the tagger reads it as a decade; as a stretch up to now it is ten years
_PAST_DECADE = re.compile(r"the\s+(?:past|last)\s+decade", re.I)
# no preposition: the stretch as what "spend" fills ("have spent the last 8 years building"), or as
# the subject opening its sentence, a verb right after it ("The last decade was the busiest")
_SPENT_BEFORE = re.compile(r"\b(?:spent|spend|spends|spending)\s+$", re.I)
_OPENS_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)[\"“‘'(]?$")
_SUBJECT_VERB_AFTER = re.compile(
    r"\s+(?:was|were|has|have|had|saw|brought|marked|proved|showed|witnessed|delivered)\b", re.I)

# a count with a determiner names a stretch of its own ("the first nine months")
_DETERMINED = re.compile(r"(?:the|its|their|his|her|our|my|this|that|these|those)\b", re.I)
# "a couple of months": two, roughly (the labels' "for a couple months" is a duration)
_ROUND_COUNT = re.compile(r"\bcouple\b", re.I)

# "for four years running", "for three years in a row", "three consecutive years"
_RUNNING_AFTER = re.compile(r"\s+(?:running|in\s+a\s+row|straight)\b", re.I)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.I)

# A present perfect before "for N years" in the same clause: "has worked",
# "have been", "'ve had", "has not missed"; not "will have", "would have", "to have".
_PERFECT = re.compile(
    r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bshould\s)(?<!\bmight\s)(?<!\bmust\s)(?<!\bmay\s)(?<!\bto\s)"
    r"\b(?:has|have|hasn['’]t|haven['’]t|['’]ve)\s+(?:(?:not|never|also|now|already|\w+ly)\s+)?"
    r"(?:been|had|\w+ed|\w+en|\w+wn|made|run|led|held|kept|taught|built|spent|sold|done|won|lost|sat|stood|"
    r"lived|served|worked)\b",
    re.I,
)
# the participles of a set term: the stretch is the term's, still to run
_TERM_WORD = re.compile(
    r"\b(?:sentenced|banned|suspended|jailed|imprisoned|signed|agreed|extended|renewed|elected|re-elected|"
    r"appointed|contracted|hired|committed|pledged|promised|granted|awarded|licensed|leased|rented|barred)\b",
    re.I,
)
# what between the perfect and "for" opens another verb: "to" and a verb (not "to the", "to Berlin"),
# "and" before a verb of its own ("and moved", "and has", "and will"; not "life and annuities"),
# an auxiliary or a finite verb of saying or planning
_OTHER_VERB = re.compile(
    r"\bto\s+(?!(?:the|a|an|its|his|her|their|our|my|your|this|that|these|those|some|many|all|every|each|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|[A-Z0-9])\b)[a-z]+|"
    r"\band\s+(?:then\s+|now\s+|also\s+|later\s+)?(?:\w+ed|went|took|left|made|came|got|began|became|"
    r"is|are|was|were|will|would|can|could|has|have|had|plans?|wants?|hopes?|intends?|expects?)\b|"
    r"\b(?:is|are|was|were|will|would|can|could|shall|should|may|might|must|has|have|had|does|did|"
    r"plans?|wants?|hopes?|intends?|expects?|says?|said)\b"
)
_CLAUSE_START = re.compile(r"[.!?;:]\s|\n|\bbut\s|\bwhile\s|\bwhereas\s", re.I)
# words after the count that make it part of a plan or a measure, not a stretch up to now
_NOT_NOW_AFTER = re.compile(r"\s+(?:from\s+now|ahead|to\s+come|after|before|later|of\s+(?:the|its|their|his|her))\b", re.I)


def counted_back(text: str, tx: Sequence[Timex], anchor: date | datetime | None, *, fetched: bool = False
                 ) -> list[tuple[int, DateMention]]:
    """Mentions for the exact counts back from ``anchor`` among the timexes
    ``tx`` of ``text``, each with the index of the timex it reads (a mention
    for a DATE timex replaces that timex's own)."""
    day = anchor.date() if isinstance(anchor, datetime) else anchor
    out: list[tuple[int, DateMention]] = []
    for k, t in enumerate(tx):
        if day is None or fetched:
            continue
        found = _read(text, t, day)
        if found is not None:
            out.append((k, found))
    return out


def _read(text: str, t: Timex, day: date) -> DateMention | None:
    before = text[max(0, t.char_start - 20):t.char_start]
    prep = _SPAN_PREP.search(before)
    if prep is None and _unprepped_stretch(text, t, before):
        prep = re.search(r"$", before)  # the stretch starts at the timex
    if t.type == "DATE" and _PAST_DECADE.fullmatch(t.text) and prep is not None:
        return _span_back(text, t, t.char_start - len(prep.group(0)), day, 10, "year")
    if t.type != "DURATION" or t.mod is not None:
        return None
    cm = _COUNT.fullmatch(t.value)
    if cm is None or _ROUND_COUNT.search(t.text):
        return None
    n, unit = int(cm.group(1)), _UNITS[cm.group(2)]
    if _NOT_NOW_AFTER.match(text, t.char_end):
        return None
    if _PAST_SPAN.fullmatch(t.text):
        if prep is None:
            return None
        return _span_back(text, t, t.char_start - len(prep.group(0)), day, n, unit)
    for_ = _FOR_BEFORE.search(before)
    if for_ is None or _DETERMINED.match(t.text):
        return None  # "for the first nine months of 1997": a named stretch, no count up to now
    start = t.char_start - len(for_.group(0))
    running = _RUNNING_AFTER.match(text, t.char_end)
    if running is not None:
        # "for four years running" in 2023: 2020, 2021, 2022 and 2023
        return _since(text, t, start, running.end(), day, n - 1, unit) if unit == "year" else None
    if _perfect_before(text, start):
        # "has worked there for five years", "I've been using it for a month now"
        return _since(text, t, start, t.char_end, day, n, unit)
    return None


def _unprepped_stretch(text: str, t: Timex, before: str) -> bool:
    """"have spent the last 8 years building", "The last decade was the
    busiest": a stretch up to now with no preposition, what "spend" fills or
    the subject opening its sentence with its verb right after it."""
    if not (_PAST_DECADE.fullmatch(t.text) or _PAST_SPAN.fullmatch(t.text)):
        return False
    if _SPENT_BEFORE.search(before):
        return True
    return _OPENS_BEFORE.search(before) is not None and _SUBJECT_VERB_AFTER.match(text, t.char_end) is not None


def _perfect_before(text: str, start: int) -> bool:
    """A present perfect in the clause that ends at ``start`` and governs the
    "for" phrase itself: nothing between them that opens another verb ("to"
    and a verb, "and", another finite verb), and no verb of a set term
    ("has been sentenced to prison for five years", "has signed a contract
    for three years" look forward)."""
    clause_from = max(0, start - 160)
    cuts = [m.end() for m in _CLAUSE_START.finditer(text, clause_from, start)]
    s = cuts[-1] if cuts else clause_from
    found = list(_PERFECT.finditer(text, s, start))
    if not found:
        return False
    perfect = found[-1]
    head = _TERM_WORD.search(perfect.group(0))
    after = text[perfect.end():start]
    lead = re.match(r"\s*(\w+)", after)
    if head is not None or (lead is not None and _TERM_WORD.fullmatch(lead.group(1))):
        return False
    return _OTHER_VERB.search(after) is None


def _span_back(text: str, t: Timex, start: int, day: date, n: int, unit: str) -> DateMention | None:
    """"over the past five years" on ``day``: from n units back to the unit of ``day``."""
    now = cal_of(day, unit)
    first = shift(now, -n, unit)
    if first is None:
        return None
    a, b = period_of(first), period_of(now)
    if a is None or b is None:
        return None
    return DateMention(char_start=start, char_end=t.char_end, text=text[start:t.char_end], date_start=a[0],
                       date_end=b[1], precision=Precision(a[2]), role="range",
                       value=f"{timex_value(first)}/{timex_value(now)}", anchored=True, from_anchor=True)


def _since(text: str, t: Timex, start: int, end: int, day: date, n: int, unit: str = "year") -> DateMention | None:
    """Since the year (or month) ``n`` years (months) before ``day``'s."""
    first = shift(cal_of(day, unit), -n, unit)
    a = period_of(first) if first is not None else None
    if first is None or a is None:
        return None
    return DateMention(char_start=start, char_end=end, text=text[start:end], date_start=a[0], date_end=a[1],
                       precision=Precision(a[2]), role="since", value=timex_value(first), anchored=True,
                       from_anchor=True)
