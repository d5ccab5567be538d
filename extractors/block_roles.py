"""Block roles: where each block of a clean text stands and what it is, and
which blocks can state something.

Pure functions over ``CleanPage.blocks`` (``TextBlock``: a span of
``CleanPage.text`` and its ``BlockRole``):

- ``join_blocks`` lays out the blocks a cleaner kept as the clean text
  (blocks on their own lines separated by a blank line, the cells of a table
  row on one line) and records each block's span and role;
- ``line_role`` is the role a line of text takes by its words alone (a
  heading-like line, a byline, a call to action, an inline link list), used
  by both cleaners on top of what the markup says;
- ``role_at``/``block_at``: the block at an offset; ``place_dates``: each
  date's block and whether it may state, asked once per block;
- ``may_state``: whether a sentence in a block of a given role can carry a
  dated statement. Paragraphs, list items and quotes can; headings, titles,
  bylines, datelines, calls to action, link lists and code cannot; captions
  and table cells only when they are a full sentence ("An image NASA
  released on Monday, July 11, 2022, shows ..." is one; "2019" or "Webb
  image 7/12/22" are labels);
- ``dated_sections``: a marked-up heading that is a date ("10 April 2025,
  18:00" over a talk in an event listing) dates the first block its
  section describes;
- ``listing_entries``: the other way round, a listing whose entries are a
  title line then a date line ("Garden design talk" over "Thu, Apr 9,
  6:30 PM"): the date line dates its title line. A listing repeats
  the shape: one title over one date line (an article's headline over its
  dateline) is no listing;
- ``calendar_entries``: a run of lines opening with a day and a
  separator ("April 15: ...", "June 15: ...") whose days go forward is one
  year's calendar: a yearless entry takes the run's year;
- ``is_live_date_line``: a line that is only today/tonight/tomorrow and a
  clock time ("Tomorrow at 12:00 PM GMT"), the way a page
  served for the reader's now writes its dates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from extractors import boilerplate_rules as R
from extractors.calendar_words import MONTH_WORD
from extractors.page_meta import classify_date_block, is_date_only, parse_date
from extractors.timex.context import valid_day
from extractors.types import BlockRole, DateMention, Precision, TextBlock

ROW_SEPARATOR = " | "
BLOCK_SEPARATOR = "\n\n"

# Roles whose sentences are prose that may state something.
STATEMENT_ROLES = frozenset({BlockRole.PARAGRAPH, BlockRole.LIST_ITEM, BlockRole.QUOTE, BlockRole.STANDFIRST})
# Roles that state something only when the block is a full sentence.
SENTENCE_ROLES = frozenset({BlockRole.CAPTION, BlockRole.TABLE_CELL})

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w:./-]*")
LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# a line ending with a stop (a closing quote or bracket may follow it)
STOP_END = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_END = re.compile(STOP_END.pattern + r"|\)$")
_HEADING_END = re.compile(r"[.!?:;,…]$")
# words a sentence cut off mid-clause ends with (a heading never does)
OPEN_END = frozenset(
    "a an the and or but of to in on at by for with from as that which who it its their his her is are was were "
    "be been has have had will would can could may might not than".split()
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A block a cleaner kept, before layout: its text, role and heading level."""

    text: str
    role: BlockRole
    level: int | None = None
    when: date | None = None  # the day of the block's <time datetime> (TextBlock.when)


def join_blocks(lines: Sequence[Sequence[Piece]]) -> tuple[str, tuple[TextBlock, ...]]:
    """Lay out kept blocks: each line's pieces joined by " | " (the cells of a
    table row), lines separated by a blank line; every piece's span and role."""
    parts: list[str] = []
    blocks: list[TextBlock] = []
    pos = 0
    for line in lines:
        cells = [p for p in line if p.text]
        if not cells:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        for k, piece in enumerate(cells):
            if k:
                parts.append(ROW_SEPARATOR)
                pos += len(ROW_SEPARATOR)
            parts.append(piece.text)
            blocks.append(TextBlock(pos, pos + len(piece.text), piece.role, piece.level, piece.when))
            pos += len(piece.text)
    return "".join(parts), tuple(blocks)


# a figure and what it counts: "40% Repeat buyers who ordered twice in 2023" (a statistic's callout)
_FIGURE_CALLOUT = re.compile(r"^[$€£]?\d[\d.,]*\s?%\s+\w")


def looks_like_heading(text: str) -> bool:
    """A short line that names rather than says: at most 12 words, no end
    punctuation (a question of at most 10 words may head a section: "What
    is NATO?"), not a sentence cut off mid-clause, not a statistic's callout
    (a percentage and what it counts: "40% Repeat buyers who ordered twice in 2023")."""
    t = text.strip()
    words = t.split()
    if not t or len(t) > 100 or len(words) > 12 or _FIGURE_CALLOUT.match(t):
        return False
    if t.endswith("?"):
        return len(words) <= 10 and not t[0].islower()
    if _HEADING_END.search(t):
        return False
    last = re.sub(r"\W+$", "", words[-1]).lower()
    return last not in OPEN_END and not t[0].islower()


def is_link_line(text: str) -> bool:
    """An inline list of short links: "Home | News | Sport"."""
    items = R.LINK_SEPARATORS.split(text.strip())
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items)


def line_role(text: str) -> BlockRole | None:
    """The role a line takes by its words alone, or None (then the markup decides)."""
    t = text.strip()
    if len(t) <= 120 and R.BYLINE.match(t):
        return BlockRole.BYLINE
    if len(t) <= 60 and len(t.split()) <= 7 and R.CALL_TO_ACTION.match(t):
        return BlockRole.CALL_TO_ACTION
    if len(t) <= 200 and is_link_line(t):
        return BlockRole.LINK_LIST
    return None


def is_dateline(text: str) -> bool:
    """A short line that dates the page with a label: "Updated 3 May 2024 | 5 min
    read", "Filed June 2, 2023 Last Updated June 3, 2023". A date leading a
    timeline entry ("March 14, 2022 - Musk's stake ...") is not one."""
    return len(text) <= 120 and any(kind != "bare" for kind, _ in classify_date_block(text))


def is_sentence_like(text: str) -> bool:
    """A full sentence: six words or more, ending like a sentence (or with a credit in brackets)."""
    t = text.strip()
    return len(_WORD.findall(t)) >= 6 and bool(SENTENCE_END.search(t))


def block_at(blocks: Sequence[TextBlock], offset: int, starts: Sequence[int] | None = None) -> TextBlock | None:
    """The block whose span holds ``offset`` (blocks are in text order;
    ``starts``: their starts, when the caller asks many times)."""
    i = bisect.bisect_right(starts if starts is not None else [b.char_start for b in blocks], offset) - 1
    if i >= 0 and blocks[i].char_start <= offset < blocks[i].char_end:
        return blocks[i]
    return None


@dataclass(frozen=True, slots=True)
class PlacedDate:
    """A date with the block it stands in (None: no block information) and
    whether a sentence there may state (``may_state`` of that block)."""

    date: DateMention
    block: TextBlock | None
    stating: bool


def place_dates(blocks: Sequence[TextBlock], text: str, dates: Sequence[DateMention]) -> list[PlacedDate]:
    """Each date with its block and whether that block may state: the
    blocks' starts are listed once, ``may_state`` asked once per block."""
    starts = [b.char_start for b in blocks]
    stating: dict[int, bool] = {}
    out = []
    for d in dates:
        block = block_at(blocks, d.char_start, starts)
        if block is not None and block.char_start not in stating:
            stating[block.char_start] = may_state(block, text)
        out.append(PlacedDate(d, block, True if block is None else stating[block.char_start]))
    return out


def role_at(blocks: Sequence[TextBlock], offset: int) -> BlockRole | None:
    block = block_at(blocks, offset)
    return block.role if block is not None else None


def may_state(block: TextBlock | None, text: str) -> bool:
    """Whether a sentence in ``block`` (a span of ``text``) can carry a dated
    statement. Text with no block information is not judged (True)."""
    if block is None or block.role in STATEMENT_ROLES:
        return True
    words = text[block.char_start : block.char_end]
    if block.role in SENTENCE_ROLES:
        return is_sentence_like(words) or (block.role is BlockRole.TABLE_CELL and is_labelled_date_cell(text, block))
    return False


def is_labelled_date_cell(text: str, block: TextBlock) -> bool:
    """A cell that only states a date, after its row's label cell: the row of
    a data sheet ("First Listed on Newegg | February 10, 2023") reads as a
    sentence whose label names the happening."""
    words = text[block.char_start : block.char_end]
    if len(words) > 60 or not is_date_only(words):
        return False
    line = text[text.rfind("\n", 0, block.char_start) + 1 : block.char_start]
    return line.endswith(ROW_SEPARATOR) and bool(LETTER_WORD.search(line))


def heading_rank(block: TextBlock) -> int:
    """h1 = 1 ... h6 = 6; a heading the layout alone shows ranks below them all."""
    return block.level if block.level is not None else 7


def is_date_heading(text: str, date: DateMention, block: TextBlock) -> bool:
    """A heading that is a day and little else (two words at most besides
    weekdays and times): "10 April 2025, 18:00", "Thursday 10 April, 6pm",
    "Conference on 10 April 2025"."""
    if date.precision != Precision.DAY or not any(ch.isdigit() for ch in date.text):
        return False  # "Today at the museum" heads a section, it does not date it
    before = text[block.char_start : date.char_start]
    after = text[date.char_end : block.char_end]
    return len(_words_besides_times((before, after))) <= 2  # "5 March 12:20 PM - Software - 31 Comments" is a listing's byline


_TIME_WORDS = frozenset(
    "am pm at from to until till and on the noon midnight utc gmt bst cet cest est edt pst pdt "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_CLOCK = re.compile(r"\d:\d")


def _words_besides_times(pieces: Iterable[str]) -> list[str]:
    """The words of a line's pieces around its dates that are no weekday,
    time or joining word."""
    return [w for w in LETTER_WORD.findall(" ".join(pieces)) if w.lower() not in _TIME_WORDS]


@dataclass(frozen=True, slots=True)
class DatedSection:
    """A date heading and the block its section describes."""

    heading: TextBlock
    date: DateMention
    target: TextBlock  # the first block under the heading that may state something


def dated_sections(text: str, blocks: Sequence[TextBlock], dates: Sequence[DateMention]) -> list[DatedSection]:
    """Sections opened by a date heading, each with the first block that may
    state something before the next heading of the same or a higher rank."""
    out: list[DatedSection] = []
    by_start = [d.char_start for d in dates]
    for i, block in enumerate(blocks):
        if block.role is not BlockRole.HEADING or block.level is None:
            continue  # only a marked-up heading (<h2>..<h6>): a post's timestamp does not describe the post
        lo = bisect.bisect_left(by_start, block.char_start)
        inside = [d for d in dates[lo:] if d.char_start < block.char_end]
        if len(inside) != 1 or not is_date_heading(text, inside[0], block):
            continue
        rank = heading_rank(block)
        for later in blocks[i + 1 :]:
            if later.role is BlockRole.HEADING:
                if heading_rank(later) <= rank or _has_date(later, dates, by_start):
                    break
                continue
            if later.role in STATEMENT_ROLES:
                out.append(DatedSection(block, inside[0], later))
                break
    return out


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """A listing's entry: its title line and the date line under it."""

    title: TextBlock
    date: DateMention
    line: TextBlock


# besides dates and times, a listing's date line holds at most a counter ("+ 9 more");
# a name ("jdoe 6 May 2025 17:42": a post's byline) or a label ("Updated 6 days ago") makes it none
DATE_LINE_WORDS = frozenset({"more"})
MAX_TITLE_WORDS = 16


def date_line(text: str, block: TextBlock, inside: Sequence[DateMention]) -> DateMention | None:
    """The day a line states and nothing else (times, zones, a counter
    aside), written with digits: "Wed, Mar 18, 12:00 AM GMT", "Tomorrow at
    9:30 AM EDT + 3 more"."""
    words = text[block.char_start : block.char_end]
    if not inside or len(words) > 80 or not any(ch.isdigit() for ch in words):
        return None  # a weekday alone ("Monday" under "Typical week") is a schedule's day, not a date
    if any(d.precision != Precision.DAY or d.date_start != inside[0].date_start for d in inside):
        return None
    rest, pos = [], block.char_start
    for d in inside:
        rest.append(text[pos : d.char_start])
        pos = d.char_end
    rest.append(text[pos : block.char_end])
    others = _words_besides_times(rest)
    if any(w.lower() not in DATE_LINE_WORDS for w in others) or any(":" in r for r in rest if not _CLOCK.search(r)):
        return None  # "Start date: ...", "Posted: ...": a labelled field, not an entry's date
    return inside[0]


def _is_title(text: str, block: TextBlock) -> bool:
    """A heading that names an item: not the page's headline (h1), a few words, no date line itself."""
    if block.role is not BlockRole.HEADING or block.level == 1:
        return False
    words = text[block.char_start : block.char_end]
    return 2 <= len(LETTER_WORD.findall(words)) and len(words.split()) <= MAX_TITLE_WORDS


# a date line of a listing's entry names a month and a day ("Wed, Mar 18", "18 March", "3/18"):
# a weekday with a clock time ("Sunday at 10:30 AM") is a weekly schedule's, not a dated entry's
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY = re.compile(
    r"(?i)\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
    + r"(?![a-z])|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}/\d{1,2}\b"
)
# entries with a month and a day a listing shows at least
MIN_DATED_ENTRIES = 2


def has_month_day(line: str) -> bool:
    """The line names a month and a day ("Wed, Mar 18, 2:00 PM", "18 March")."""
    return bool(_MONTH_DAY.search(line))


def listing_entries(text: str, blocks: Sequence[TextBlock], dates: Sequence[DateMention]) -> list[ListingEntry]:
    """The entries of a listing written title line then date line: a heading
    directly over a line that only states a day. A listing shows at least
    two entries with different titles whose lines name a month and a day; a
    line of a relative day ("Tomorrow at 9:30 AM") counts only among them,
    and a bare weekday ("Sunday at 10:30 AM": a weekly schedule) never.
    Fewer are none (a headline over its dateline, a post's title over its
    timestamp). A page whose first title has a date line above it as well
    as below ("Tue, Mar 17" / "Conference" / "Wed, Mar 18" / "Workshop")
    may write each date above its title: it is read no way."""
    by_start = [d.char_start for d in dates]

    days: dict[int, DateMention | None] = {}

    def day_of(i: int) -> DateMention | None:
        if i not in days:
            days[i] = _day_line(blocks[i])
        return days[i]

    def _day_line(line: TextBlock) -> DateMention | None:
        lo = bisect.bisect_left(by_start, line.char_start)
        inside = dates[lo : bisect.bisect_left(by_start, line.char_end, lo)]
        day = date_line(text, line, inside)
        if day is None:
            return None
        words = text[line.char_start : line.char_end]
        return day if has_month_day(words) or is_live_date_line(words) else None

    out: list[ListingEntry] = []
    for i in range(1, len(blocks)):
        title, line = blocks[i - 1], blocks[i]
        if not _is_title(text, title) or line.role is BlockRole.HEADING:
            continue  # a date line the cleaner made a heading dates what follows it (a post's timestamp)
        day = day_of(i)
        if day is None:
            continue
        if not out and i >= 2 and day_of(i - 2) is not None:
            return []  # the first title has a date line above it too (whatever role the cleaner gave it)
        out.append(ListingEntry(title, day, line))
    dated = [e for e in out if has_month_day(text[e.line.char_start : e.line.char_end])]
    titles = {text[e.title.char_start : e.title.char_end].strip().lower() for e in dated}
    return out if len(dated) >= MIN_DATED_ENTRIES and len(titles) >= MIN_DATED_ENTRIES else []


_RELATIVE_DAY = r"(?i:today|tonight|tomorrow)"
_LIVE_DATE_LINE = re.compile(
    r"^\s*" + _RELATIVE_DAY + r",?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?i:am|pm)?"
    r"(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?(?:\s*\+\s*\d+\s+more)?\s*$"
)


def is_live_date_line(line: str) -> bool:
    """A line that is only today/tonight/tomorrow and a clock time ("Tomorrow
    at 12:00 PM GMT", "Today at 4:00 PM EDT + 3 more"): a page served for
    the reader's now (an event listing) writes its dates so, counting from
    the day it is served. A weekday with a time ("Friday at 6:00 PM") is
    not one: the next Friday or a weekly Friday, the page does not say."""
    return bool(_LIVE_DATE_LINE.match(line))


def _has_date(block: TextBlock, dates: Sequence[DateMention], by_start: list[int]) -> bool:
    lo = bisect.bisect_left(by_start, block.char_start)
    return lo < len(dates) and dates[lo].char_start < block.char_end


def post_sections(text: str, blocks: Sequence[TextBlock]) -> list[tuple[int, int, date]]:
    """The posts of a thread, each as (start, end, day): the text after a
    post's dateline (a line that only states a day, a heading only the
    layout shows) up to the next one. A thread shows two datelines or more;
    a page with one has none (its date is the page's). Relative dates in a
    post count from its day ("November of last year" in a post of
    2026-02-21 on a thread begun in 2024 is 2025-11)."""
    lines: list[tuple[TextBlock, date]] = []
    for b in blocks:
        if b.role is not BlockRole.HEADING or b.level is not None:
            continue
        words = text[b.char_start : b.char_end]
        if len(words) > 100 or not is_date_only(words):
            continue
        day = parse_date(words)
        if day is not None:
            lines.append((b, day.date()))
    if len(lines) < 2:
        return []
    ends = [b.char_start for b, _ in lines[1:]] + [len(text)]
    return [(b.char_end, end, day) for (b, day), end in zip(lines, ends)]


# an item's date line: a short line ("By Jane Doe • Nov. 5, 2025", "11/06/2025 | Source", "19 December 2025Acme")
MAX_ITEM_LINE_CHARS = 100
MAX_ITEM_LINE_WORDS = 14


def _item_date_line(text: str, block: TextBlock, inside: Sequence[DateMention]) -> date | None:
    """The day a short line under an item's title writes out in full (with its year), and no other date:
    the item's date line. A sentence (ending with its stop) is none."""
    words = text[block.char_start : block.char_end]
    if block.role is BlockRole.HEADING and block.level is not None:
        return None
    if len(words) > MAX_ITEM_LINE_CHARS or len(words.split()) > MAX_ITEM_LINE_WORDS or SENTENCE_END.search(words.rstrip()):
        return None
    if block.when is not None and len(inside) == 1:
        # "Malcolm Owen 1 year ago" over <time datetime="2024-06-04T12:42:37+00:00">: the machine's day
        return block.when
    if len(inside) != 1 or inside[0].precision != Precision.DAY or inside[0].role != "point":
        return None
    day = inside[0].date_start
    if inside[0].anchored:
        # a year glued to the words after it ("19 December 2025Acme"): the tagger could not read it
        glued = _GLUED_YEAR.match(text, inside[0].char_end)
        if glued is None:
            return None
        year = int(glued.group(1))
        return date(year, day.month, day.day) if valid_day(year, day.month, day.day) else None
    return day


def _outside(text: str, block: TextBlock, inside: Sequence[DateMention]) -> list[str]:
    """The pieces of a block's text outside its date mentions."""
    rest, pos = [], block.char_start
    for d in inside:
        rest.append(text[pos : d.char_start])
        pos = d.char_end
    rest.append(text[pos : block.char_end])
    return rest


_GLUED_YEAR = re.compile(r",?\s*((?:19|20)\d{2})(?=[A-Z])")


def item_sections(text: str, blocks: Sequence[TextBlock], dates: Sequence[DateMention]) -> list[tuple[int, int, date]]:
    """The items of a listing or a news topic page, each as (start, end, day): the text from an item's
    title (a marked-up heading) to the next marked-up heading, when it holds exactly one date line of the
    item's own (``_item_date_line``) above or below its teaser. A page shows at least
    ``MIN_DATED_ENTRIES`` such items on different days; fewer are none (an article's headline over its
    byline: its date is the page's). Relative dates inside an item count from the item's day."""
    dates = sorted(dates, key=lambda d: d.char_start)
    by_start = [d.char_start for d in dates]
    titles = [i for i, b in enumerate(blocks) if b.role is BlockRole.HEADING and b.level is not None]
    out: list[tuple[int, int, date]] = []
    for n, i in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else len(blocks)
        days: list[date | None] = []
        for k, b in enumerate(blocks[i + 1 : stop]):
            lo = bisect.bisect_left(by_start, b.char_start)
            inside = dates[lo : bisect.bisect_left(by_start, b.char_end, lo)]
            day = _item_date_line(text, b, inside)
            if day is not None:
                # a line that is only a date and stands further down may be the next item's, written over
                # its title ("March 2, 2026" / "What's new"): only a line naming more than its day (an author,
                # a source: "By Jane Doe • Nov. 5, 2025") is the item's wherever it stands
                days.append(day if k == 0 or _words_besides_times(_outside(text, b, inside)) else None)
        if len(days) == 1 and days[0] is not None:  # two date lines: items whose titles are no headings
            end = blocks[stop].char_start if stop < len(blocks) else len(text)
            out.append((blocks[i].char_start, end, days[0]))
    return out if len({d for _, _, d in out}) >= MIN_DATED_ENTRIES else []


# a calendar's entry opens its line with a day and a separator: "June 15: Second quarter payment is due",
# "Sept. 15 - Third quarter payment"
_ENTRY_OPENER = re.compile(
    r"\s*(?:[•·*-]\s*)?" + MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\s*[:–—-]\s+\S", re.I
)


def calendar_entries(text: str, blocks: Sequence[TextBlock], dates: Sequence[DateMention]) -> list[tuple[int, int, date]]:
    """The entries of a calendar whose lines run forward within one year, each
    as (start, end, day): consecutive blocks (at least ``MIN_DATED_ENTRIES``)
    that open with a day and a separator ("April 15: ...", "June 15: ...",
    "Oct. 15: ..."), whose days never go back. Such a run is one year's
    calendar: an entry with no year of its own takes the year of the run's
    first entry, not one a sentence of an earlier entry named ("... to
    November 15, 2024." closing the May entry does not make the June entry
    2024), and the entry's relative dates count from its day. Only the
    entries whose year that changes are given. A run whose
    days go back (a timeline newest first, two years' calendars) or whose
    written years differ is read no way."""
    dates = sorted(dates, key=lambda d: d.char_start)
    by_start = [d.char_start for d in dates]

    def opener(block: TextBlock) -> DateMention | None:
        if not _ENTRY_OPENER.match(text, block.char_start, block.char_end):
            return None
        lo = bisect.bisect_left(by_start, block.char_start)
        first = dates[lo] if lo < len(dates) else None
        if first is None or first.char_end > block.char_end or text[block.char_start : first.char_start].strip(" •·*-"):
            return None
        return first if first.precision == Precision.DAY and first.role == "point" else None

    runs: list[list[tuple[TextBlock, DateMention]]] = [[]]
    for block in blocks:
        day = opener(block)
        if day is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((block, day))
    out: list[tuple[int, int, date]] = []
    for run in runs:
        if len(run) < MIN_DATED_ENTRIES:
            continue
        days = [d.date_start for _, d in run]
        if any((b.month, b.day) < (a.month, a.day) for a, b in zip(days, days[1:])):
            continue  # the days go back: not one year's calendar in order
        written = {d.date_start.year for _, d in run if not d.anchored}
        year = days[0].year
        if written - {year}:
            continue
        for block, d in run:
            if not d.anchored or d.date_start.year == year or not valid_day(year, d.date_start.month, d.date_start.day):
                continue
            out.append((block.char_start, block.char_end, date(year, d.date_start.month, d.date_start.day)))
    return out
