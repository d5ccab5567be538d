"""Events for the tests of reasoning across pages: one builder, so that each test module
states only what its events share (a day, a trigger, a kind) and a new field is given once."""

from __future__ import annotations

import dataclasses
from datetime import date

from extractors.types import Precision
from facts.model import Event


def entity_id(name: str) -> str:
    """A test entity's id from its name: "New Zealand" -> "ent_new_zealand"."""
    return f"ent_{name.lower().replace(' ', '_')}"


def event(sentence: str, day: date, **fields) -> Event:
    """An Event of one sentence dated to one day (precision day, a point in time);
    every field not given a plain stand-in: ids "e" and "d", no trigger, no
    participants, the sentence's whole span, the date at its start."""
    base: dict = dict(
        event_id="e", doc_id="d", source_id="d", snapshot_sha256="sha", date_start=day, date_end=day,
        precision=Precision.DAY, date_text=str(day), date_role="point", date_value=day.isoformat(), trigger=None,
        trigger_text=None, kind="other", participants=(), participant_ids=(), sentence=sentence, char_start=0,
        char_end=len(sentence), date_char_start=0, date_char_end=4, confidence=0.9,
    )
    return Event(**(base | fields))


def page_event(eid, doc, day, trigger, sentence, participants=(), agents=(), planned=False, precision=Precision.DAY,
               end=None) -> Event:
    """The Event of one page's statement (the page its own source), its trigger as written, its clause the sentence."""
    return event(sentence, day, event_id=eid, doc_id=doc, source_id=doc, snapshot_sha256=f"sha_{doc}",
                 date_end=end or day, precision=precision, trigger=trigger, trigger_text=trigger,
                 participants=tuple(participants), participant_ids=tuple(map(entity_id, participants)),
                 summary=sentence, planned=planned, agent_ids=tuple(map(entity_id, agents)))


def timeline(doc, rows) -> list[Event]:
    """Statements of a timeline read as one sentence: (date, trigger, row text)."""
    text = " ".join(f"{d.strftime('%B')} {d.day} {row}" for d, _, row in rows)
    out, at = [], 0
    for k, (d, trigger, _row) in enumerate(rows):
        label = f"{d.strftime('%B')} {d.day}"
        start = text.index(label, at)
        at = start + len(label)
        e = page_event(f"{doc}{k}", doc, d, trigger, text)
        out.append(dataclasses.replace(e, date_char_start=start, date_char_end=at, date_text=label,
                                       trigger_text=trigger))
    return out
