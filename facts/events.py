"""From documents' dated statements to canonical events (events table rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from extractors.document import ProcessedDocument
from extractors.types import Precision
from facts.entities import EntityIndex, EntityOccurrence
from facts.model import Event


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


def canonical_events(docs: Sequence[ProcessedDocument], index: EntityIndex, *, current: bool = True) -> list[Event]:
    events: list[Event] = []
    for d in docs:
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
            events.append(
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
                    planned=st.planned or dm.date_start > d.anchor,
                    agent_ids=agents,
                )
            )
    return events
