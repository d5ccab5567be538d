"""From documents' dated statements to canonical events (events table rows).

Here it is decided, once, what a statement's own words are and whether it
tells a plan; identity (facts.identity) and reconciliation (facts.reconcile)
both read ``Event.planned``:

- its own words (``statement_clause``): the trigger's clause; in a timeline
  or a table read as one sentence (TIMELINE_DATES dates or more), its row
  (``timeline_rows``);
- a plan: the reading says so (a modal, "is scheduled to"), its date is
  after the document's own date, or its own words name a plan
  (facts.lexicon.says_plan: "confirmed plans to launch"); never with a date
  that tells since when something holds ("since 2011": ``target_date``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from extractors.document import ProcessedDocument
from extractors.types import Precision
from facts.entities import EntityIndex, EntityOccurrence
from facts.lexicon import says_plan
from facts.model import Event
from facts.relative_days import counted_day, counted_unit

WORD_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:[-'][a-z0-9]+)*|\d+(?:[.,]\d+)*")  # a word or a number


def contract_precision(precision: str, start: date, end: date) -> Precision:
    """The table's precision of a date mention: the tagger's own (week,
    quarter, half and season are contract values, date_start/date_end span
    the period); anything else the narrowest calendar unit holding the span."""
    if Precision.known(precision):
        return Precision(precision)
    if (start.year, start.month) == (end.year, end.month):
        return Precision.MONTH
    if start.year == end.year:
        return Precision.YEAR
    return Precision.DECADE if start.year // 10 == end.year // 10 else Precision.CENTURY


def occurrences(docs: Iterable[ProcessedDocument]) -> list[EntityOccurrence]:
    return [EntityOccurrence(m.key, m.label, d.source_id) for d in docs for m in d.mentions]


def acronym_pairs(docs: Iterable[ProcessedDocument]) -> list[tuple[str, str]]:
    return sorted({(a.short, a.long) for d in docs for a in d.acronyms})


TIMELINE_DATES = 5  # a "sentence" with this many dates is a timeline or a table read as one sentence ...
ROW_MIN_WORDS = 4  # ... whose row is the text from a date to the next, when it has this many words


def timeline_rows(events: Sequence[Event]) -> dict[str, str]:
    """event id -> its row, for statements of a sentence that holds TIMELINE_DATES
    or more dates: a timeline or a table read as one sentence ("April 4 Musk
    discloses stake ... April 5 Twitter says Musk will join ..."), where the
    sentence says nothing of one happening. A row runs from its date to the
    next date; when that is too short to say anything (the date ends its
    row: "Musk discloses stake, April 4; ..."), from the previous date."""
    by_sentence: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for ev in events:
        by_sentence[(ev.doc_id, ev.char_start)].append(ev)
    out: dict[str, str] = {}
    for evs in by_sentence.values():
        starts = sorted({ev.date_char_start for ev in evs})
        if len(starts) < TIMELINE_DATES:
            continue
        for ev in evs:
            k = starts.index(ev.date_char_start)
            end = starts[k + 1] if k + 1 < len(starts) else ev.char_end
            row = ev.sentence[ev.date_char_start - ev.char_start : end - ev.char_start]
            if len(WORD_TOKEN.findall(row)) - len(WORD_TOKEN.findall(ev.date_text)) < ROW_MIN_WORDS and k > 0:
                row = ev.sentence[starts[k - 1] - ev.char_start : ev.date_char_end - ev.char_start]
            out[ev.event_id] = row
    return out



def statement_clause(ev: Event, rows: Mapping[str, str] | None = None) -> str:
    """A statement's own words: its row in a timeline (``rows``, of
    ``timeline_rows``), else the trigger's clause, else its sentence."""
    return (rows or {}).get(ev.event_id) or ev.summary or ev.sentence


SINCE_CUE = re.compile(r"\bsince\b", re.IGNORECASE)


def target_date(role: str, text: str) -> bool:
    """Whether a date of this role and phrase (``text``: the date's words with
    its cue) can be what a plan is for: not one that tells since when
    something holds ("the first major shift in planning since 2011" tells of
    the shift, a happening of 2011, not a plan for 2011). "Starting in",
    "beginning in", "as of" share the role and often open a plan ("will apply
    starting in 2030"): they can."""
    return not (role == "since" and SINCE_CUE.search(text))


def mark_plans(events: list[Event]) -> list[Event]:
    """Statements whose own words name a plan are plans ("plans to launch on
    31 October"), when their date can be the plan's (``target_date``) and
    the date's own clause does not tell an act that is over (``Event.done``:
    "In March 2021 NASA confirmed plans to launch" dates the confirmation,
    which happened)."""
    rows = timeline_rows(events)
    return [ev if ev.planned or ev.done or not target_date(ev.date_role, ev.date_text)
            or not says_plan(statement_clause(ev, rows), ev.participants)
            else replace(ev, planned=True) for ev in events]


def canonical_events(docs: Sequence[ProcessedDocument], index: EntityIndex, *, current: bool = True) -> list[Event]:
    events: list[Event] = []
    for d in docs:
        own: list[Event] = []
        doc_date = None
        for dt in (d.page.updated_at, d.page.published_at):
            if dt is not None:
                doc_date = dt.date()
                break
        for st, event_id in zip(d.statements, d.event_ids):
            names: list[str] = []
            ids: list[str] = []
            for key in st.participants:
                ent = index.get(key)
                if ent is None or ent.entity_id in ids:
                    continue
                names.append(ent.name)
                ids.append(ent.entity_id)
            dm = st.date
            agents = tuple(dict.fromkeys(ent.entity_id for key in st.agents if (ent := index.get(key)) is not None))
            reporters = {ent.entity_id: ent.name for key in st.reporters
                         if (ent := index.get(key)) is not None and ent.entity_id not in ids}
            own.append(
                Event(
                    event_id=event_id,
                    doc_id=d.doc_id,
                    source_id=d.source_id,
                    snapshot_sha256=d.snapshot_sha256,
                    date_start=dm.date_start,
                    date_end=dm.date_end,
                    precision=contract_precision(dm.precision, dm.date_start, dm.date_end),
                    date_text=dm.text,
                    date_role=dm.role,
                    date_value=dm.value,
                    trigger=st.trigger,
                    trigger_text=st.trigger_text,
                    kind=st.kind,
                    participants=tuple(names),
                    participant_ids=tuple(ids),
                    sentence=st.sentence,
                    char_start=st.char_start,
                    char_end=st.char_end,
                    date_char_start=dm.char_start,
                    date_char_end=dm.char_end,
                    confidence=st.confidence,
                    summary=st.summary or st.sentence,
                    current=current,
                    observed_at=d.fetched_at,
                    doc_date=doc_date,
                    # a date after the document's own date can only be a plan
                    planned=dm.date_start > d.anchor or (st.planned and target_date(dm.role, dm.text)),
                    done=st.done and not dm.date_start > d.anchor,
                    agent_ids=agents,
                    reported_by=tuple(reporters.values()),
                    reported_by_ids=tuple(reporters),
                    counted_day=counted_day(dm),
                    counted_unit=counted_unit(dm),
                    date_basis=dm.year_basis,
                )
            )
        events += mark_plans(own)
    return events
