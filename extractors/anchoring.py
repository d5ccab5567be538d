"""Which day a page's relative expressions count from, and its date mentions.

* The **publication date** anchors the page: "last October" in an article
  published in 2018 and updated in 2024 is October 2017.
* The **updated date** anchors only text that belongs to the update: an
  update note ("Update:", "UPDATE (March 5):", "Editor's note:" opening a
  block) and a living page that shows a "Last updated" date and no
  publication date. A note that names its own day counts from that day.
* **A thread's post** counts from its own dateline
  (``extractors.block_roles.post_sections``), not from the thread's first post.
* **Reported speech with its own date** keeps it: in ``"We signed it
  yesterday," she said on 3 March 2021`` the quote's "yesterday" is
  2 March 2021, whatever the page's date.
* **A listing's item** (a news topic page's teaser, a news index's excerpt)
  counts from its own date line, above or below its teaser
  (``extractors.block_roles.item_sections``), not from the page's date.
* **A calendar's entries** ("April 15: ...", "June 15: ...": lines opening
  with a day, going forward) are one year's: a yearless entry counts from
  its own day in the year of the run's first entry, not from a year an
  earlier entry's sentence named (``extractors.block_roles.calendar_entries``).
* **A list's date-led rows** ("June 9 -- <venue>, <city>" under "The 2020
  tour dates:") take the year the list's intro writes, or the page names for
  what the list lists ("a 2020 tour"): ``extractors.date_rows.row_days``.
* With **no page date** the fetch day anchors the page, and the tagger knows
  it (``fetched``): the page was written on or before it, so a date without
  a year is put after it only when its clause looks ahead. (Anchoring such a
  page at the latest full date its text gives was tried: it dated a
  retrospective piece, "launched four years ago today", to its history.)
  A date whose calendar value comes from the fetch day alone (a month and
  day with no year on the page, "last year") is not known from the page:
  it is dropped (rule ``fetch-dated``), so that an undated timeline
  ("March 24: ...") is never dated to the year it happened to be fetched.
  Its written days ("March 24", not "yesterday") are kept aside
  (``written_yearless_day``, ``DateMention.year_basis`` "fetched"): the run's
  other pages may give their year (rule ``sources-year``, facts.source_years).
  The tagger says which values those are (``DateMention.from_anchor``): a
  value that used the fetch day, unless the page's own dates give it too
  ("July 9" after "in 2022"). A line that is only a day word and a clock
  time ("Tomorrow at 12:00 PM GMT", an event listing's) is kept: such a page
  writes its dates for the day it is served, and it was served that day.

Date words with no digits (a month, weekday, season, "today") lying inside
given spans (entity names: persons, organisations, works of art, products)
are dropped: "by Jane July", "The Thursday Murder Club".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from extractors.block_roles import block_at, calendar_entries, is_live_date_line, item_sections, post_sections
from extractors.date_rows import date_runs, row_days
from extractors.not_dates import outside_spans
from extractors.rule_switches import rule_on
from extractors.timex import date_mentions
from extractors.types import CleanPage, DateMention, Precision

# A block opening with an update label: "Update:", "UPDATE 2 -", "Updated
# (March 5, 2024):", "Editor's note:", "Correction:".
UPDATE_NOTE = re.compile(
    r"^[\W_]*(?P<label>(?:(?:last\s+)?update[sd]?|editor['’]?s\s+note|correction|clarification)\b"
    r"(?P<when>[^:\n]{0,40}?))\s*(?::|—|–|\s-\s)",
    re.I,
)
_BLOCK = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# A quotation and a reporting verb near it.
_QUOTE = re.compile(r"[\"“]([^\"“”]{10,600})[\"”]")
_REPORTING = re.compile(
    r"\b(?:said|says|told|wrote|tweeted|posted|stated|added|declared|explained|announced|remarked|"
    r"according\s+to|in\s+an?\s+(?:interview|statement|speech|letter|post|tweet))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date
    basis: str  # published | updated | fetched


def page_anchor(page: CleanPage, fetched_at: datetime) -> Anchor:
    """The day relative expressions count from: the day the page shows as its
    own (``CleanPage.dated_at``), else published, else updated (a living
    page), else the fetch day."""
    if page.dated_at is not None:
        return Anchor(page.dated_at.date(), "published")
    if page.published_at is not None:
        return Anchor(page.published_at.date(), "published")
    if page.updated_at is not None:
        return Anchor(page.updated_at.date(), "updated")
    return Anchor(fetched_at.date(), "fetched")


def update_notes(text: str) -> list[tuple[int, int, int]]:
    """(block start, block end, label end) of the blocks that are update notes."""
    out = []
    for b in _BLOCK.finditer(text):
        m = UPDATE_NOTE.match(b.group(0))
        if m:
            out.append((b.start(), b.end(), b.start() + m.end()))
    return out


def _retag(text: str, start: int, end: int, anchor: date) -> list[DateMention]:
    """Date mentions of ``text[start:end]`` against ``anchor``, offsets into ``text``."""
    out = []
    for m in date_mentions(text[start:end], anchor):
        out.append(replace(m, char_start=m.char_start + start, char_end=m.char_end + start))
    return out


def _splice(mentions: list[DateMention], start: int, end: int, new: list[DateMention], only_anchored: bool = False) -> list[DateMention]:
    """Replace the mentions inside [start, end) by ``new`` (only the anchored ones when asked)."""
    if only_anchored:
        keep_new = [m for m in new if m.anchored]
        kept = [m for m in mentions if not (start <= m.char_start < end and m.anchored)]
    else:
        keep_new = new
        kept = [m for m in mentions if not (start <= m.char_start < end)]
    return sorted(kept + keep_new, key=lambda m: (m.char_start, m.char_end))


def _note_anchor(text: str, start: int, label_end: int, fallback: date | None) -> date | None:
    """A note's own day ("UPDATE (March 5, 2024):"), else the page's updated day."""
    for m in date_mentions(text[start:label_end], fallback):
        if m.precision == Precision.DAY and not m.anchored:
            return m.date_start
    return fallback


def _speech_dates(text: str, mentions: Sequence[DateMention], page_day: date) -> list[tuple[int, int, date]]:
    """(quote start, quote end, day) for quotations reported on a day of their own."""
    out = []
    for q in _QUOTE.finditer(text):
        s, e = q.start(1), q.end(1)
        lo = max(0, text.rfind("\n", 0, q.start()) + 1, q.start() - 160)
        hi = text.find("\n", q.end())
        hi = min(len(text) if hi < 0 else hi, q.end() + 160)
        around = [
            m for m in mentions
            if (lo <= m.char_start < q.start() or q.end() <= m.char_start < hi)
            and m.precision == Precision.DAY and not m.anchored and m.role == "point"
        ]
        if not around or not _REPORTING.search(text, lo, hi):
            continue
        # the nearest explicit day outside the quotation
        best = min(around, key=lambda m: min(abs(m.char_start - q.end()), abs(q.start() - m.char_end)))
        if best.date_start != page_day:
            out.append((s, e, best.date_start))
    return out


def _live_line(page: CleanPage, mention: DateMention, starts: Sequence[int]) -> bool:
    """The mention stands in a line that is only a day word and a clock time
    ("Tomorrow at 12:00 PM GMT"): the page was served for its reader's now,
    the fetch day (``extractors.block_roles.is_live_date_line``); ``starts``:
    the page's blocks' starts."""
    block = block_at(page.blocks, mention.char_start, starts)
    return block is not None and is_live_date_line(page.text[block.char_start : block.char_end])


def written_yearless_day(mention: DateMention) -> bool:
    """The mention writes a month and a day and no year ("April 4", "4 April",
    "June 28-30"): a day another page of the run may give the year of
    (facts.source_years), unlike a counted day ("yesterday") or a bare month."""
    return (mention.precision == Precision.DAY and _YEAR_WRITTEN.search(mention.text) is None
            and re.search(rf"(?<!\d)0?{mention.date_start.day}(?:st|nd|rd|th)?(?!\d)", mention.text) is not None)


_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:\d{4}|['’]\d{2})(?!\d)")


def page_date_mentions(
    page: CleanPage,
    fetched_at: datetime,
    not_date_spans: Sequence[tuple[int, int]] = (),
    yearless: list[DateMention] | None = None,
) -> tuple[Anchor, list[DateMention]]:
    """The page's anchor and its date mentions, each resolved against the
    day its text counts from (see the module doc). ``yearless`` (when given)
    receives the written days dropped by rule ``fetch-dated`` (``written_yearless_day``),
    marked ``year_basis="fetched"``: never the page's dates, kept for a year
    the run's other pages may give them (rule ``sources-year``)."""
    text = page.text
    anchor = page_anchor(page, fetched_at)
    mentions = date_mentions(text, anchor.day, fetched=anchor.basis == "fetched")
    if anchor.basis == "fetched" and rule_on("fetch-dated"):
        starts = [b.char_start for b in page.blocks]
        dropped = [m for m in mentions if m.from_anchor and not _live_line(page, m, starts)]
        mentions = [m for m in mentions if not m.from_anchor or _live_line(page, m, starts)]
        if yearless is not None and rule_on("sources-year"):
            yearless.extend(replace(m, year_basis="fetched") for m in dropped if written_yearless_day(m))
    if rule_on("post-dateline"):  # a thread's post counts from its own dateline
        for start, end, post_day in post_sections(text, page.blocks):
            if post_day != anchor.day:
                mentions = _splice(mentions, start, end, _retag(text, start, end, post_day), only_anchored=True)
    if rule_on("item-dateline"):  # a listing's item counts from its own date line
        for start, end, item_day in item_sections(text, page.blocks, mentions):
            if item_day != anchor.day:
                mentions = _splice(mentions, start, end, _retag(text, start, end, item_day), only_anchored=True)
    if rule_on("calendar-year"):  # a calendar's yearless entries take the year of its first entry
        for start, end, entry_day in calendar_entries(text, page.blocks, mentions):
            mentions = _splice(mentions, start, end, _retag(text, start, end, entry_day), only_anchored=True)
    if rule_on("row-year"):  # a list's date-led rows take the year its intro names for them
        for run in date_runs(text, page.blocks, mentions):
            for block, row_day in row_days(text, run, mentions, anchor.day):
                mentions = _splice(mentions, block.char_start, block.char_end,
                                   _retag(text, block.char_start, block.char_end, row_day), only_anchored=True)
    updated = page.updated_at.date() if page.updated_at is not None else None
    for start, end, label_end in update_notes(text):
        day = _note_anchor(text, start, label_end, updated if anchor.basis == "published" else None)
        if day is not None and day != anchor.day:
            mentions = _splice(mentions, start, end, _retag(text, start, end, day), only_anchored=True)
    for start, end, day in _speech_dates(text, mentions, anchor.day):
        mentions = _splice(mentions, start, end, _retag(text, start, end, day), only_anchored=True)
    if not_date_spans:
        # only bare date words: NER spans sometimes swallow a full date
        # ("the Agreement as of 4 November 2020" read as a work of art)
        bare = [m for m in mentions if not any(ch.isdigit() for ch in m.text)]
        named = set(map(id, bare)) - set(map(id, outside_spans(bare, not_date_spans)))
        mentions = [m for m in mentions if id(m) not in named]
    if yearless:
        # a span the page's own dates came to hold (a post's dateline dated it) is no longer yearless
        kept = [m for m in yearless if not any(k.char_start < m.char_end and m.char_start < k.char_end for k in mentions)]
        yearless[:] = kept
    return anchor, mentions
