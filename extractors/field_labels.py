"""Labelled date fields: a short line that gives one day and a label naming
what the day is of.

Record and filing pages, data sheets and picture credits date things in
fields rather than sentences: a form's "March 8, 2021 (Charter Signing
Day)", "Date filed: March 8, 2021", "Date signed | 22 April 2016", a
picture's "Harbour bridge photo 3/14/21". The
cleaner gives such a line the role of a heading, caption or dateline, and
those blocks state nothing by their role; yet the label is the happening's
frame: the field's date is the date of the event, filing, signing or
picture the label names.

``labelled_field``: a block of at most ``MAX_FIELD_CHARS`` characters that
states nothing by its role, holds exactly one date -- a day written with
digits -- and besides it only a label of at most ``MAX_LABEL_WORDS`` words
before the date ("Date filed: ...", "Harbour bridge photo ...": at most
``MAX_LEADING_LABEL_WORDS``, ending in a separator or in its happening word,
which is a record's verb, an event noun or a picture noun) or in brackets
after it ("... (Charter Signing Day)"), a label, not a clause (no auxiliary
or copula), that names a happening (an event noun or verb of
``extractors.event_rules``, as a noun, a participle or a gerund: event,
filing, signed, release) or a picture (image, photo), and no word of an
account's, offer's or tracker's furniture (``FURNITURE_WORDS``: joined,
expires, renews, opened, sale ends, date of birth).
Not a field: the page's own dates ("Published: ...", "Last updated ...",
a post's timestamp: page metadata, ``extractors.page_meta``), a lone
"Filed" (a news dateline), a label ending in "date" whatever its separator
(a data sheet's row; page_meta reads "Release date:" as the page's date), a
date heading over a section (it dates what its section describes,
``extractors.block_roles.dated_sections``), a label with no happening word
("Price | July 8, 2022"), a label that is a sentence.

``field_statement``: the field as a dated statement; its trigger is the
label's first happening word as its verb whatever its tag ("Signing" ->
sign), its participants the entities of the line. ``with_field`` adds it to
the page's statements; a fallback field only when the parse gave its day no
trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.block_roles import PlacedDate, is_date_heading
from extractors.entities import EntityMention
from extractors.event_rules import EVENT_NOUNS, TRIGGER_KINDS
from extractors.events import DatedStatement, dated_statement
from extractors.page_meta import classify_date_block, is_date_only
from extractors.roles import line_participants
from extractors.rule_switches import rule_on
from extractors.types import BlockRole, CleanPage, DateMention, Precision, TextBlock

MAX_FIELD_CHARS = 120
MAX_LABEL_WORDS = 10
MAX_LEADING_LABEL_WORDS = 5  # a label before its day is short ("Date of filing:"); a longer line is a headline
# a field's statement is less sure than a sentence's: the label frames the happening, no clause tells it
FIELD_CONFIDENCE = 0.5

# Roles whose blocks state nothing by their role but may be a labelled field.
FIELD_ROLES = frozenset({BlockRole.HEADING, BlockRole.CAPTION, BlockRole.DATELINE, BlockRole.TABLE_CELL})
# Nouns for a picture: a picture's date is the day it was made or released.
PICTURE_NOUNS = frozenset("image photo photograph picture video footage rendering illustration snapshot".split())
# Verbs of labels that date the page or a post, not a happening it tells.
PAGE_LABEL_VERBS = frozenset(
    "publish post update modify revise review edit write create issue date submit reply comment".split()
)
_TRIGGER_VERBS = frozenset(w for ws in TRIGGER_KINDS.values() for w in ws)
# Words of an account's, a shop's or a tracker's furniture ("Joined:", "Expires", "Sale ends", "Opened:",
# "Date of birth:"): such a label dates the page's furniture, never a happening the page tells.
FURNITURE_WORDS = frozenset(
    "join expire expiry expiration renew renewal open close closure start end login logon log sign-up signup "
    "register registration birth born member sale offer deadline due valid last seen active".split()
)
# verbs whose participle names a record's happening, beside those with a trigger kind
_RECORD_VERBS = frozenset("file sign enact execute register record release award grant approve certify".split())
# words of a clause, never of a label: "Call for Proposals is Open Until July 31" is a headline
_CLAUSE_WORDS = frozenset("is are was were will would has have had be been being to".split())
_LABEL_WORD = re.compile(r"[^\W\d_]+")
_OPEN_BRACKET = re.compile(r"^\s*[(\[]")
_CLOSED_BRACKET = re.compile(r"[)\]]\s*$")
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?\b|h\b)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_LABEL_END = re.compile(r"[:|–—-]\s*$")
_CAPTION_AFTER = re.compile(r"\s*\(([^()]{3,100})\)")
_BRACKETED = re.compile(r"\(([^()]{3,100})\)")
# a form's fields each carry a caption in brackets ("(Name of Issuer)", "(CUSIP Number)"); a block with
# this many besides the day's is a form's layout flattened into one paragraph, not running text
MIN_FORM_CAPTIONS = 3


@dataclass(frozen=True, slots=True)
class LabelledField:
    """A field's date and where its label stands in the text."""

    block: TextBlock
    date: DateMention
    label_start: int
    label_end: int
    # a bracketed caption inside running text: read only when the sentence's parse gives its date no trigger
    fallback: bool = False


def _stems(word: str) -> tuple[str, ...]:
    """The word and what it may be the participle or gerund of ("filed" ->
    "file", "signing" -> "sign"); plurals as their singular."""
    w = word.lower()
    out = [w]
    for suffix, add in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.append(w[: -len(suffix)] + add)
    if len(w) > 5 and w.endswith("ied"):
        out.append(w[:-3] + "y")  # ratified -> ratify
    return tuple(out)


def happening_word(word: str) -> bool:
    """A label word that names a happening or a picture."""
    stems = _stems(word)
    if any(s in PAGE_LABEL_VERBS for s in stems):
        return False
    return (word.lower() in EVENT_NOUNS or word.lower() in PICTURE_NOUNS
            or any(s in _TRIGGER_VERBS or s in _RECORD_VERBS or s in PICTURE_NOUNS for s in stems))


def record_word(word: str) -> bool:
    """A label word before a day that names a record's happening, an event or
    a picture ("Date filed:", "Signing ceremony:", "<name> image"): a verb
    of a record (file, sign, release, ...), an event noun, a picture noun.
    Other verbs' participles ("Joined:", "Renews") are a page's furniture."""
    stems = _stems(word)
    return not any(s in PAGE_LABEL_VERBS for s in stems) and (
        word.lower() in EVENT_NOUNS or any(s in _RECORD_VERBS or s in PICTURE_NOUNS for s in stems))


def furniture_label(words: Sequence[str]) -> bool:
    """A label with a word of an account's, offer's or tracker's furniture."""
    return any(s in FURNITURE_WORDS for w in words for s in _stems(w))


def labelled_field(
    text: str, block: TextBlock | None, dates: Sequence[DateMention], repeated: frozenset[str] = frozenset()
) -> LabelledField | None:
    """The block as a labelled date field (``dates``: the page's dates), or None.
    ``repeated``: labels that stand before different days on several lines of
    the page (``repeated_labels``): the fields of a list's items, none of them
    the page's own date, and each may name its agent after the day
    ("Released: June 17, 2025 by Tor Books")."""
    if block is None or block.role not in FIELD_ROLES or block.char_end - block.char_start > MAX_FIELD_CHARS:
        return None
    inside = [d for d in dates if block.char_start <= d.char_start < block.char_end]
    if len(inside) != 1:
        return None
    date = inside[0]
    if not _written_day(date) or date.char_end > block.char_end:
        return None
    words = text[block.char_start : block.char_end]
    item_field = _label_key(text[block.char_start : date.char_start]) in repeated
    if not item_field and (is_date_only(words) or any(kind != "bare" for kind, _ in classify_date_block(words))):
        return None  # the page's or a post's own date (a page has one: a label repeated over days is an item's)
    if block.role is BlockRole.HEADING and block.level is not None and is_date_heading(text, date, block):
        return None  # a date heading dates its section
    before, after = text[block.char_start : date.char_start], text[date.char_end : block.char_end]
    label = _LABEL_WORD.findall(before)
    if label and (not after.strip(" \t.|") or (item_field and _BY_AGENT.fullmatch(after))):
        # "Date filed: July 8, 2022", "Webb image 7/12/22": the label ends in a separator or
        # in its happening word; not a headline ("India to ratify the pact on October 2")
        if not (_LABEL_END.search(before) or record_word(label[-1])) or len(label) > MAX_LEADING_LABEL_WORDS:
            return None
        if label[-1].lower() in ("date", "dated"):
            return None  # "Release date: ...", whatever the separator: a data sheet's row (page_meta reads "date:")
        if [w.lower() for w in label if w.lower() not in ("on", "at")] == ["filed"]:
            return None  # "Filed 2022-07-08": a news dateline; a record says "Date filed"
        if not any(record_word(w) for w in label):
            return None
        start, end = block.char_start, date.char_start
    elif not before.strip() and _OPEN_BRACKET.match(after) and _CLOSED_BRACKET.search(after):
        start, end = date.char_end, block.char_end  # "July 8, 2022 (Date of Event ...)"
    else:
        return None
    if not _happening_label(text[start:end]):
        return None
    return LabelledField(block, date, start, end)


# an agent after an item field's day: "Released: June 17, 2025 by Tor Books"
_BY_AGENT = re.compile(r"\s*(?:by|from)\s+[A-Z][^\n|]{1,60}")
# the label before a field's day, as a key: "Released:" -> "released"
_KEY_LABEL = re.compile(r"^\s*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3})\s*[:|–—-]\s*$")


def _label_key(before: str) -> str:
    """The label before a day (at most four words ending in a separator), lowercased; "" when none."""
    m = _KEY_LABEL.match(before)
    return m.group(1).lower() if m else ""


def repeated_labels(text: str, placed: Sequence[PlacedDate]) -> frozenset[str]:
    """Labels that stand before two or more different days, each on a short
    line of its own (a field's role): the fields of a list's items ("Released:
    June 17, 2025" under each book of a list)."""
    days: dict[str, set] = {}
    for p in placed:
        block = p.block
        if block is None or block.role not in FIELD_ROLES or block.char_end - block.char_start > MAX_FIELD_CHARS:
            continue
        key = _label_key(text[block.char_start : p.date.char_start])
        if key and _written_day(p.date):
            days.setdefault(key, set()).add(p.date.date_start)
    return frozenset(k for k, v in days.items() if len(v) >= 2)


def _written_day(date: DateMention) -> bool:
    """A day written with digits of its own, not a clock time ("4PM" is today's)."""
    return date.precision == Precision.DAY and any(ch.isdigit() for ch in _CLOCK.sub(" ", date.text))


def _happening_label(label: str) -> bool:
    """A label (no clause: no auxiliary or copula) with a word that names a happening."""
    words = _LABEL_WORD.findall(label)
    return (0 < len(words) <= MAX_LABEL_WORDS and not any(w.lower() in _CLAUSE_WORDS for w in words)
            and not furniture_label(words) and any(happening_word(w) for w in words))


def bracketed_caption(text: str, block: TextBlock, date: DateMention) -> LabelledField | None:
    """A field's caption in brackets right after its day inside running
    text (a form's layout: "March 8, 2021 (Charter Signing Day)"): a label
    in title case (every word of four letters or more capitalised) that
    names a happening. A remark in brackets ("(the day of the vote)") is
    none. Unless the day and the caption stand on lines of their own, or the
    block is a form's layout run into one paragraph (``_flattened_form``),
    the field is a fallback: a sentence that tells the day keeps it ("The
    museum reopens on March 8, 2021 (Grand Opening Event) after ...")."""
    if not _written_day(date):
        return None
    m = _CAPTION_AFTER.match(text, date.char_end, block.char_end)
    if m is None:
        return None
    if not _title_case(m.group(1), need_long_word=False) or not _happening_label(m.group(1)):
        return None
    # the day alone on its line and the caption on the next, alone: a form's field; else a sentence may
    # tell the day ("The museum reopens on March 8, 2021 (Grand Opening Event) after ...") and keeps it
    line_start = text.rfind("\n", block.char_start, date.char_start) + 1 or block.char_start
    line_end = text.find("\n", m.end(), block.char_end)
    own_lines = (not text[max(line_start, block.char_start) : date.char_start].strip()
                 and "\n" in text[date.char_end : m.start(1)]
                 and not text[m.end() : block.char_end if line_end < 0 else line_end].strip())
    return LabelledField(block, date, date.char_end, m.end(), fallback=not (own_lines or _flattened_form(text, block, m)))


def _title_case(label: str, need_long_word: bool = True) -> bool:
    """A caption in title case: every word of four letters or more
    capitalised, and (``need_long_word``) one such word at least ("(CUSIP
    Number)"; not "(e)", "(a)")."""
    long_words = [w for w in _LABEL_WORD.findall(label) if len(w) >= 4]
    return (bool(long_words) or not need_long_word) and all(w[0].isupper() for w in long_words)


def _flattened_form(text: str, block: TextBlock, caption: re.Match[str]) -> bool:
    """A form's layout run into one paragraph (its lines joined by the
    cleaner): besides the day's caption, the block holds at least
    ``MIN_FORM_CAPTIONS`` other bracketed captions in title case ("(Name of
    Issuer) ... (CUSIP Number)"). There the day's caption labels its day as
    it does on lines of its own; the parse's sentence is the run of fields."""
    others = [m for m in _BRACKETED.finditer(text, block.char_start, block.char_end)
              if m.start() != caption.start(1) - 1 and _title_case(m.group(1))]
    return len(others) >= MIN_FORM_CAPTIONS


def with_field(statements: list[DatedStatement], field: LabelledField, statement: DatedStatement) -> list[DatedStatement]:
    """The page's statements with the field's: a fallback field's only when
    no statement read from its sentence gives its date a trigger (then in
    place of those without one)."""
    same = [s for s in statements if s.date.char_start == field.date.char_start]
    if field.fallback and any(s.trigger for s in same):
        return statements
    return [s for s in statements if s not in same] + [statement]


def field_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, field: LabelledField, mentions: Sequence[EntityMention]
) -> DatedStatement:
    """The field as a statement: the label's first happening word is the
    trigger (its lemma), the entities of the line its participants."""
    s0 = sentence[0]
    trigger = next(
        (t for t in parsed if field.label_start <= s0 + t.idx < field.label_end and happening_word(t.text)), None
    )
    lemma = None
    if trigger is not None:  # "Filed", "Signing", "Opening": the verb, whatever the tag
        lemma = next((s for s in (*_stems(trigger.text)[1:], trigger.text.lower())
                      if s in _TRIGGER_VERBS or s in _RECORD_VERBS), trigger.lemma_.lower())
    participants = _agents(text, field, mentions) or line_participants(text, sentence, mentions)
    return layout_statement(text, sentence, parsed, field.date, lemma, trigger, participants, FIELD_CONFIDENCE)


def layout_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, date: DateMention, lemma: str | None, trigger: Token | None,
    participants: tuple[str, ...], confidence: float,
) -> DatedStatement:
    """The statement of a line or sentence the page's layout dates (a field's
    label, a section's heading, a listing's entry): ``lemma`` its trigger,
    written by ``trigger`` (a token of ``parsed``, the parse of the sentence;
    None: no word of it), at the fixed ``confidence`` of its kind."""
    return dated_statement(
        text, sentence, date, lemma, participants, " ".join(parsed.text.split()), confidence=confidence,
        trigger_text=trigger.text if trigger is not None else None,
        trigger_start=(sentence[0] + trigger.idx) if trigger is not None else None,
    )


def _agents(text: str, field: LabelledField, mentions: Sequence[EntityMention]) -> tuple[str, ...]:
    """The names in an item field's "by <agent>" after its day ("Released: June 17, 2025 by Tor Books"): the
    agent of the happening the label names, whatever the title case of the line."""
    start, end = field.date.char_end, field.block.char_end
    if not _BY_AGENT.fullmatch(text[start:end]):
        return ()
    return tuple(dict.fromkeys(m.key for m in mentions if start <= m.char_start and m.char_end <= end))


def labelled_fields(page: CleanPage, placed: Sequence[PlacedDate]) -> list[tuple[tuple[int, int], LabelledField]]:
    """The page's labelled date fields, each with its line as the sentence to
    read (``placed``: the page's dates in text order, each with its block,
    ``extractors.block_roles.place_dates``)."""
    dates = [p.date for p in placed]
    repeated = repeated_labels(page.text, placed) if rule_on("item-fields") else frozenset()
    out: list[tuple[tuple[int, int], LabelledField]] = []
    seen: set[int] = set()
    for p in placed:
        d, block = p.date, p.block
        if block is None:
            continue
        if block.char_start in seen and not p.stating:
            continue
        seen.add(block.char_start)
        if p.stating:
            field = bracketed_caption(page.text, block, d)
            if field is not None:
                out.append(((d.char_start, field.label_end), field))
            continue
        field = labelled_field(page.text, block, dates, repeated)
        if field is not None:
            out.append(((block.char_start, block.char_end), field))
    return out
