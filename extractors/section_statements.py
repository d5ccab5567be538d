"""Which sentences of a page are read for statements, with which dates, by
the role of their block; and statements dated by a section's heading.

``sentences_with_dates``: a date in a block that states nothing (a heading,
byline, dateline, call to action, link list, code; a caption or table cell
that is not a full sentence; see ``extractors.block_roles.may_state``)
gives no statement; a date heading (an event listing's "10 April 2025,
18:00") dates the first sentence of the block its section describes
(``extractors.block_roles.dated_sections``) when that sentence has no date
of its own. A sentence's own date wins even when the page could not
resolve it ("Last month the society elected ..." on an undated page, whose
"last month" is dropped as known from the fetch day alone): such a sentence
is not dated by the heading. A labelled date field ("Filed: July 8, 2022",
a picture's "<name> image 7/12/22") is read by its label
(``extractors.field_labels``), whatever its block's role. The day a cited
source was looked at ("Accessed 4 Nov 2025", "consulted on ...",
"Retrieved ...") gives no statement (``is_access_date``).

``section_statement``: such a sentence becomes a dated statement whose
trigger is the sentence's main verb (or the event noun a light verb
carries) and whose participants are the sentence's entities. The date's
offsets point at the heading, the sentence's at the described text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from extractors.block_roles import DatedSection, PlacedDate, dated_sections, place_dates
from extractors.entities import EntityMention
from extractors.event_rules import LIGHT_VERBS
from extractors.events import DatedStatement, dated_statement, group_dates_by_sentence
from extractors.field_labels import LabelledField, labelled_fields
from extractors.rule_switches import rule_on
from extractors.timex import date_mentions
from extractors.types import CleanPage, DateMention


def sentences_with_dates(
    page: CleanPage, sentences: Sequence[tuple[int, int]], dates: Sequence[DateMention]
) -> list[tuple[tuple[int, int], list[DateMention] | DatedSection | LabelledField]]:
    """The sentences to parse for statements: each with the dates it gives
    (dates in blocks that may state), or with the date heading of its section."""
    dates = sorted(dates, key=lambda d: d.char_start)
    placed = place_dates(page.blocks, page.text, dates)  # each date's block, and may it state: asked once
    fields = labelled_fields(page, placed)  # "Filed: July 8, 2022" (extractors.field_labels): read by their label
    in_fields = {f.date.char_start for _, f in fields if not f.fallback}
    stating = [p.date for p in placed if p.stating and p.date.char_start not in in_fields
               and not (rule_on("access-date") and is_access_date(page.text, p))]
    out: list[tuple[tuple[int, int], list[DateMention] | DatedSection | LabelledField]] = [
        *group_dates_by_sentence(sentences, stating), *fields]
    dated = {sentence for sentence, _ in out}
    for section in dated_sections(page.text, page.blocks, dates):
        sentence = first_sentence(sentences, section)
        if sentence is not None and sentence not in dated and not has_own_date(page.text, sentence, section):
            out.append((sentence, section))
            dated.add(sentence)
    return out


# "Accessed 4 Nov 2025", "consulted on October 22, 2025", "Retrieved 5 May 2020", "last visited: ..."
_ACCESS_LABEL = re.compile(r"\b(?:accessed|consulted|retrieved|last visited|viewed)(?:\s+on)?\s*[:,]?\s*$", re.IGNORECASE)


def is_access_date(text: str, placed: PlacedDate) -> bool:
    """The date is the day a cited source was looked at: a reference's
    "Accessed 4 Nov 2025" or "consulted on October 22, 2025" says when the
    writer read the source, never when anything it tells happened."""
    start = placed.block.char_start if placed.block is not None else max(0, placed.date.char_start - 40)
    return bool(_ACCESS_LABEL.search(text[start : placed.date.char_start]))


def first_sentence(sentences: Sequence[tuple[int, int]], section: DatedSection) -> tuple[int, int] | None:
    """The first sentence of the block a date heading's section describes."""
    for s, e in sentences:
        if section.target.char_start <= s < section.target.char_end:
            return (s, e)
    return None


def has_own_date(text: str, sentence: tuple[int, int], section: DatedSection) -> bool:
    """Does the sentence name a calendar period of its own ("last month",
    "in 2019"), whether or not the page's anchoring kept it? (Read against
    the heading's day: only whether there is one matters.)"""
    s, e = sentence
    return bool(date_mentions(text[s:e], section.date.date_start))


# a statement dated by its section's heading is less sure than one whose sentence gives the date
SECTION_CONFIDENCE = 0.5


def section_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, date: DateMention, mentions: Sequence[EntityMention]
) -> DatedStatement:
    """The statement of a sentence dated by the heading of its section (an
    event listing's "10 April 2025, 18:00" over the talk it describes): the
    sentence's main verb (or the event noun a light verb carries) is the
    trigger, the entities of the sentence its participants."""
    s0, e0 = sentence
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    trigger = root if root is not None and root.pos_ in ("VERB", "AUX", "NOUN", "PROPN") else None
    if trigger is not None and trigger.lemma_.lower() in LIGHT_VERBS:
        noun = next((c for c in trigger.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"), None)
        trigger = noun if noun is not None else trigger
    lemma = trigger.lemma_.lower() if trigger is not None else None
    participants = tuple(dict.fromkeys(m.key for m in mentions if s0 <= m.char_start and m.char_end <= e0))
    return dated_statement(
        text, sentence, date, lemma, participants, " ".join(parsed.text.split()), confidence=SECTION_CONFIDENCE,
        trigger_text=trigger.text if trigger is not None else None,
        trigger_start=(s0 + trigger.idx) if trigger is not None else None,
    )
