"""A year for an undated page's written days, from the run's other pages.

An undated timeline writes its days without a year ("April 4: the investor
discloses a stake", "October 28: the buyer takes control") and the page
alone cannot date them: the tagger drops them (rule ``fetch-dated``,
extractors.anchoring) and keeps them aside (``ProcessedDocument.yearless``).
A reader with the subject's other pages can: when several of the page's days
are days on which other, dated pages tell the same happening, all in one
year, the page's days are of that year.

- A day of the page **coincides** in year Y with a statement of another page
  that is dated to that very day of Y (a written day, not a counted one:
  "yesterday" may be a day off; not a plan), and tells the same happening:
  the same kind (facts.identity's happening kinds; the same kind of saying
  or plan: "announce:launch" is not "announce:sign") or a participant in
  common that is not what the whole run is about. A kind that any group
  does on any day (``COMMON_KINDS``: a meeting; "held", "was", "had", a
  bare saying or an unknown noun have no kind) is no sign of one happening:
  two clubs meet on the same days.
- The page's days are read in its order: going forward, a day of January
  after one of the last quarter is of the next year ("December 20: ...",
  "January 3: ..."); going back (newest first), of the year before.
- A year Y is inferred when at least ``MIN_DAYS`` different days coincide in
  it and at least ``LEAD`` times as many as in any other year, and its
  coincidences come from at least ``MIN_URLS`` other addresses or one of
  them shares a participant (not the topic) with the page: one unrelated
  page whose happenings fall on the same days is no evidence. Else none,
  and the days stay undated. One coinciding day is never enough.
- Evidence comes from other addresses only: a stored version of the same URL
  is the same page, not a second source.

The dated statements then carry the year with ``year_basis`` "sources"
(events.date_basis) and a lower confidence (``CONFIDENCE``), and take part in
facts like any other. Ids are the statement's as if the page had written the
year (source, sentence, date phrase, value): the same inputs, the same ids.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from extractors.calendar_words import year_offsets
from extractors.document import ProcessedDocument, event_ids_for
from extractors.events import DatedStatement
from extractors.rule_switches import rule_on
from extractors.types import DateMention, Precision
from facts.entities import EntityIndex
from facts.events import canonical_events
from facts.identity import happening_kinds
from facts.lexicon import PLAN, REPORT

# different days that must coincide in the inferred year: the smallest count whose inferred years are
# right 90% of the time on dated pages with their years taken away (python -m evaluation.source_years_eval:
# 2 on all three facts subjects, 2, 2 and 6 leaving each out; no count from 2 to 6 gave a wrong year, and
# each dates the one undated timeline of the subjects alike)
MIN_DAYS = 2
LEAD = 2.0  # ... at least this many times as many as in the next best year
CONFIDENCE = 0.8  # a statement's confidence is multiplied by this when its year comes from other pages
MIN_URLS = 2  # other addresses the coinciding days must come from, unless one of them shares a participant
# kinds of happening any group has on any day: the same kind on the same day is no sign of the same happening
COMMON_KINDS = frozenset({"meet"})


@dataclass(frozen=True, slots=True)
class Day:
    """A written day of a page with no year, as the inference sees it."""

    month: int
    day: int
    kind: str | None  # the kind of happening its statement tells (facts.identity.happening_kinds)
    parties: frozenset[str]  # entity ids of its participants


@dataclass(frozen=True, slots=True)
class Dated:
    """A day-precision statement of another page, as evidence of a year."""

    on: date
    kind: str | None
    parties: frozenset[str]
    url: str


def _known(kind: str | None) -> str | None:
    """A kind of happening that says what happened (not a plan or a saying of
    unknown kind, not one of ``COMMON_KINDS`` nor a saying or plan of one)."""
    if not kind or kind.startswith("?"):
        return None
    base, _, of = kind.partition(":")
    if base in (PLAN, REPORT) and not of:
        return None
    return None if (of or base) in COMMON_KINDS else kind


def shares_party(a: Day, b: Dated, topic: frozenset[str] = frozenset()) -> bool:
    """A participant in common that is not one of ``topic`` (what the whole run is about: it takes part in everything)."""
    return bool((a.parties & b.parties) - topic)


def same_happening(a: Day, b: Dated, topic: frozenset[str] = frozenset()) -> bool:
    """The two tell the same happening, as far as a day's coincidence needs:
    the same kind of happening (a saying or plan: of the same kind), or a
    participant in common that is not one of ``topic``."""
    ka, kb = _known(a.kind), _known(b.kind)
    if ka is not None and ka == kb:
        return True
    return shares_party(a, b, topic)


def infer_year(days: Sequence[Day], url: str, dated: Sequence[Dated], topic: frozenset[str] = frozenset(),
               min_days: int = MIN_DAYS) -> int | None:
    """The year of the page's first day (``days`` in page order; the others
    follow by ``year_offsets``), when enough of its days coincide with other
    pages' statements of one year (see the module doc); else None."""
    offsets = year_offsets([(d.month, d.day) for d in days])
    by_day: dict[tuple[int, int], list[Dated]] = defaultdict(list)
    for e in dated:
        if e.url != url:
            by_day[(e.on.month, e.on.day)].append(e)
    support: dict[int, set[tuple[int, int, int]]] = defaultdict(set)  # first day's year -> days that coincide
    sources: dict[int, set[str]] = defaultdict(set)  # first day's year -> addresses of its coincidences
    shared: set[int] = set()  # years with a coincidence that shares a participant
    for d, off in zip(days, offsets):
        for e in by_day.get((d.month, d.day), ()):
            if same_happening(d, e, topic):
                year = e.on.year - off
                support[year].add((off, d.month, d.day))
                sources[year].add(e.url)
                if shares_party(d, e, topic):
                    shared.add(year)
    ranked = sorted(((len(v), y) for y, v in support.items()), reverse=True)
    if not ranked or ranked[0][0] < max(min_days, 2):
        return None
    if len(ranked) > 1 and ranked[0][0] < LEAD * ranked[1][0]:
        return None
    best = ranked[0][1]
    return best if len(sources[best]) >= MIN_URLS or best in shared else None


def _in_year(d: date, year: int) -> date:
    """``d`` in ``year`` (29 February in a common year: the 28th)."""
    return d.replace(year=year, day=min(d.day, 28)) if (d.month, d.day) == (2, 29) else d.replace(year=year)


def redated(mention: DateMention, year: int) -> DateMention:
    """A yearless day mention in ``year`` (a range's end in the next year when it runs over New Year)."""
    start = _in_year(mention.date_start, year)
    end_year = year + (mention.date_end.year - mention.date_start.year)
    end = _in_year(mention.date_end, end_year)
    years = iter((start.year, end.year))
    value = re.sub(r"\b\d{4}(?=-\d\d)", lambda _: f"{next(years, end.year):04d}", mention.value)
    return replace(mention, date_start=start, date_end=end, value=value, year_basis="sources")


def _url(doc: ProcessedDocument) -> str:
    return doc.url or doc.source_id


def with_source_years(docs: Sequence[ProcessedDocument], index: EntityIndex, topic: frozenset[str] = frozenset(),
                      min_days: int = MIN_DAYS) -> list[ProcessedDocument]:
    """The documents, each undated page whose written days the others date
    (``infer_year``) with those statements among its own (``year_basis``
    "sources", confidence times ``CONFIDENCE``); the rest as they are."""
    if not rule_on("sources-year") or not any(d.yearless for d in docs):
        return list(docs)
    evidence: list[Dated] = []
    dated_events = canonical_events([d for d in docs if d.statements], index)
    kinds = happening_kinds(dated_events)
    url_of = {d.doc_id: _url(d) for d in docs}
    for ev in dated_events:
        if ev.precision == Precision.DAY and ev.date_start == ev.date_end and not ev.counted_day and not ev.planned:
            evidence.append(Dated(ev.date_start, kinds.get(ev.event_id), frozenset(ev.participant_ids),
                                  url_of[ev.doc_id]))
    out = []
    for doc in docs:
        if not doc.yearless:
            out.append(doc)
            continue
        year_of = _years(doc, index, evidence, topic, min_days)
        if not year_of:
            out.append(doc)
            continue
        news = tuple(replace(st, date=redated(st.date, year_of[k]), confidence=round(st.confidence * CONFIDENCE, 3))
                     for k, st in enumerate(doc.yearless))
        out.append(replace(doc, statements=doc.statements + news,
                           event_ids=doc.event_ids + event_ids_for(doc.source_id, news), yearless=()))
    return out


def _years(doc: ProcessedDocument, index: EntityIndex, evidence: Sequence[Dated], topic: frozenset[str],
           min_days: int) -> dict[int, int]:
    """Statement index in ``doc.yearless`` -> its year, when the run's other pages give one."""
    order = sorted(range(len(doc.yearless)), key=lambda k: (doc.yearless[k].date.char_start, k))
    sts: list[DatedStatement] = [doc.yearless[k] for k in order]
    ids = tuple(f"yearless-{k}" for k in order)
    events = canonical_events([replace(doc, statements=tuple(sts), event_ids=ids)], index)
    kinds = happening_kinds(events)
    # one day per date phrase, in page order (a sentence's two statements of one day are one day)
    phrases: dict[int, int] = {}  # date char_start -> position among the page's days
    days: list[Day] = []
    for ev in events:
        at = phrases.setdefault(ev.date_char_start, len(phrases))
        day = Day(ev.date_start.month, ev.date_start.day, kinds.get(ev.event_id), frozenset(ev.participant_ids))
        if at == len(days):
            days.append(day)
        elif day.kind and not days[at].kind:
            days[at] = day
    first = infer_year(days, _url(doc), evidence, topic, min_days)
    if first is None:
        return {}
    offsets = year_offsets([(d.month, d.day) for d in days])
    return {k: first + offsets[phrases[st.date.char_start]] for k, st in zip(order, sts)}

