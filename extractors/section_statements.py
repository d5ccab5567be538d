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
is not dated by the heading. A listing written the other way round, title
line then date line ("Garden design talk" over "Thu, Apr 9, 6:30 PM"),
dates each title by its line (``extractors.block_roles.listing_entries``,
passed on as a ``ListingEntry``). A run of rows led by their dates ("June 9
-- <venue>, <city>" under "Tour dates") makes each row a statement
(``extractors.date_rows``, passed on as a ``ListedRow``). A labelled date field ("Filed: July 8, 2022",
a picture's "<name> image 7/12/22") is read by its label
(``extractors.field_labels``), whatever its block's role.

``section_statement``: such a sentence becomes a dated statement whose
trigger is the sentence's main verb (or the event noun a light verb
carries) and whose participants are the sentence's entities. The date's
offsets point at the heading, the sentence's at the described text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from extractors.block_roles import DatedSection, ListingEntry, dated_sections, listing_entries, place_dates
from extractors.date_rows import ROW_TRIGGER, DateRow, date_runs, run_trigger
from extractors.entities import EntityMention
from extractors.event_rules import EVENT_NOUNS, LIGHT_VERBS
from extractors.events import DatedStatement, group_dates_by_sentence
from extractors.field_labels import LabelledField, labelled_fields, layout_statement
from extractors.roles import line_participants
from extractors.rule_switches import rule_on
from extractors.timex import date_mentions
from extractors.types import CleanPage, DateMention, TextBlock


@dataclass(frozen=True, slots=True)
class ListedRow:
    """A date-led row of a list (``extractors.date_rows``) and the happening its row, intro or heading names."""

    row: DateRow
    trigger: str


Layout = list[DateMention] | DatedSection | ListingEntry | LabelledField | ListedRow


def sentences_with_dates(
    page: CleanPage, sentences: Sequence[tuple[int, int]], dates: Sequence[DateMention]
) -> list[tuple[tuple[int, int], Layout]]:
    """The sentences to parse for statements: each with the dates it gives
    (dates in blocks that may state), the date heading of its section, the
    listing entry it is the title of, the labelled field it reads, or the
    list row it is."""
    dates = sorted(dates, key=lambda d: d.char_start)
    placed = place_dates(page.blocks, page.text, dates)  # each date's block, and may it state: asked once
    fields = labelled_fields(page, placed)  # "Filed: July 8, 2022" (extractors.field_labels): read by their label
    in_fields = {f.date.char_start for _, f in fields if not f.fallback}
    entries = listing_entries(page.text, page.blocks, dates)
    lines = {e.line.char_start for e in entries}  # an entry's date line dates its title, and states nothing itself
    rows = listed_rows(page, dates) if rule_on("date-rows") else []
    lines |= {r.row.block.char_start for r in rows}  # a row is read as a row, its dates with it
    stating = [p.date for p in placed if p.stating and p.date.char_start not in in_fields
               and (p.block is None or p.block.char_start not in lines)]
    out: list[tuple[tuple[int, int], Layout]] = [
        *group_dates_by_sentence(sentences, stating), *fields,
        *(((r.row.block.char_start, r.row.block.char_end), r) for r in rows)]
    dated = {sentence for sentence, _ in out}
    for section in dated_sections(page.text, page.blocks, dates):
        sentence = first_sentence(sentences, section.target)
        if sentence is not None and sentence not in dated and not has_own_date(page.text, sentence, section):
            out.append((sentence, section))
            dated.add(sentence)
    for entry in entries:
        # the title's own date words name the item ("Workshop - Summer 2026"); its date line dates it
        sentence = first_sentence(sentences, entry.title)
        if sentence is not None and sentence not in dated:
            out.append((sentence, entry))
            dated.add(sentence)
    return out


def listed_rows(page: CleanPage, dates: Sequence[DateMention]) -> list[ListedRow]:
    """The rows of the page's date-led lists, each with its happening (``extractors.date_rows``)."""
    return [ListedRow(row, run_trigger(page.text, run, row))
            for run in date_runs(page.text, page.blocks, dates) for row in run.rows]


def first_sentence(sentences: Sequence[tuple[int, int]], block: TextBlock) -> tuple[int, int] | None:
    """The first sentence of a block (the one a date heading's section describes, a listing entry's title);
    ``sentences`` in the order of the text."""
    i = bisect.bisect_left(sentences, block.char_start, key=lambda se: se[0])
    if i < len(sentences) and sentences[i][0] < block.char_end:
        return sentences[i]
    return None


def has_own_date(text: str, sentence: tuple[int, int], section: DatedSection) -> bool:
    """Does the sentence name a calendar period of its own ("last month",
    "in 2019"), whether or not the page's anchoring kept it? (Read against
    the heading's day: only whether there is one matters.)"""
    s, e = sentence
    return bool(date_mentions(text[s:e], section.date.date_start))


# a statement dated by the layout (its section's heading, its listing entry's date line) is less sure
# than one whose sentence gives the date
LAYOUT_DATED_CONFIDENCE = 0.5


def _layout_dated(
    text: str, sentence: tuple[int, int], parsed: Doc, date: DateMention, mentions: Sequence[EntityMention],
    lemma: str | None, trigger: Token | None,
) -> DatedStatement:
    """The statement of a sentence the layout dates: the entities of the
    sentence are its participants."""
    return layout_statement(text, sentence, parsed, date, lemma, trigger, line_participants(text, sentence, mentions),
                            LAYOUT_DATED_CONFIDENCE)


def section_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, date: DateMention, mentions: Sequence[EntityMention]
) -> DatedStatement:
    """The statement of a sentence dated by the heading of its section (an
    event listing's "10 April 2025, 18:00" over the talk it describes): the
    sentence's main verb (or the event noun a light verb carries) is the
    trigger, the entities of the sentence its participants."""
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    trigger = root if root is not None and root.pos_ in ("VERB", "AUX", "NOUN", "PROPN") else None
    if trigger is not None and trigger.lemma_.lower() in LIGHT_VERBS:
        noun = next((c for c in trigger.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"), None)
        trigger = noun if noun is not None else trigger
    lemma = trigger.lemma_.lower() if trigger is not None else None
    return _layout_dated(text, sentence, parsed, date, mentions, lemma, trigger)


# a capitalised word right before or after a name, or a region's code after its comma ("Cuyahoga Falls, OH")
_NAME_BEFORE = re.compile(r"[A-Z][\w&.'’-]*\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z]|,\s*[A-Z]{2}\b")


def whole_name(text: str, mention: EntityMention) -> bool:
    """The name stands on its own: no capitalised word right before or after it, no region's code after it
    (a piece of a venue's or a city's name is none)."""
    return not (_NAME_BEFORE.search(text, max(0, mention.char_start - 40), mention.char_start)
                or _NAME_AFTER.match(text, mention.char_end))


# what a listing's entry is when its title names no happening ("How to get clients from networking")
ENTRY_TRIGGER = "event"


def entry_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, date: DateMention, mentions: Sequence[EntityMention]
) -> DatedStatement:
    """A listing's entry: its title's first event noun ("Spring Seed Swap Workshop"
    -> workshop) is the trigger, else the entry is an ``event``; the title's
    names are its participants."""
    noun = next((t for t in parsed if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in EVENT_NOUNS), None)
    lemma = noun.lemma_.lower() if noun is not None else ENTRY_TRIGGER
    return _layout_dated(text, sentence, parsed, date, mentions, lemma, noun)


def row_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, row: ListedRow, mentions: Sequence[EntityMention], page_day: date | None
) -> DatedStatement:
    """A list's row as a statement: the happening its row, intro or heading
    names (the row's own word as the trigger's text when it names it), the
    row's persons its participants (an instructor, a guest: its other names
    are its venue and city, where and not who, whatever tag NER gives them;
    a "person" inside a longer name or before a region's code is a piece of
    a venue or a city: "Jiffy Lube Live", "Cuyahoga Falls, OH"),
    planned when its day is after the page's (``page_day``)."""
    s0 = sentence[0]
    token = next((t for t in parsed if s0 + t.idx >= row.row.label_start and t.pos_ in ("NOUN", "PROPN")
                  and t.lemma_.lower() == row.trigger), None) if row.trigger != ROW_TRIGGER else None
    persons = [m for m in mentions if m.label == "PERSON" and whole_name(text, m)]
    day = row.row.date
    statement = layout_statement(text, sentence, parsed, day, row.trigger, token,
                                 line_participants(text, sentence, persons), LAYOUT_DATED_CONFIDENCE)
    return replace(statement, planned=page_day is not None and day.date_start > page_day)
