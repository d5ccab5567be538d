"""Typed values that cross the boundary of the per-document extractors.

Everything here is plain data: frozen dataclasses with no behaviour beyond
small derived properties. Offsets (``char_start``/``char_end``) always index
the cleaned document text (``CleanPage.text``), half-open like Python slices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Precision(StrEnum):
    """Granularity of a calendar value, finest first (a closed set).
    ``Timex.precision`` uses all of them and so do the events and facts
    tables: date_start/date_end span the period ("2021-Q3":
    2021-07-01..2021-09-30, precision quarter)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @classmethod
    def known(cls, value: object) -> bool:
        """Whether ``value`` (a member or its string) is a precision."""
        return value in cls._value2member_map_

    @property
    def coarseness(self) -> int:
        """0 for day, rising to century: a larger number is a coarser unit."""
        return _PRECISION_ORDER[self]


_PRECISION_ORDER = {p: i for i, p in enumerate(Precision)}

# How a date relates to the statement it qualifies.
DATE_ROLES = ("point", "since", "until", "range")

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


class BlockRole(StrEnum):
    """What a block of the clean text is on its page (a closed set)."""

    HEADING = "heading"  # a title or section heading (``TextBlock.level`` 1-6 when the page says)
    STANDFIRST = "standfirst"  # the subtitle under the page's headline, a sentence that sums the story up
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    CAPTION = "caption"  # of a figure, image or table
    QUOTE = "quote"  # a block quotation
    BYLINE = "byline"  # "By <name>", author lines
    DATELINE = "dateline"  # a line that dates the page ("Updated 3 May 2024 | 5 min read")
    CALL_TO_ACTION = "call_to_action"  # "Book your place", "Read more", "Sign up"
    LINK_LIST = "link_list"  # an item of a list of links (tags, menus left in the main text)
    CODE = "code"  # preformatted text, program code


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block of ``CleanPage.text``: its span (half-open) and its role."""

    char_start: int
    char_end: int
    role: BlockRole
    level: int | None = None  # heading level 1-6 as marked up; None when the layout alone says heading
    # the day the block's one <time datetime> gives, machine-readable whatever the text shows ("1 year ago")
    when: date | None = None


@dataclass(frozen=True, slots=True)
class CleanPage:
    """The readable part of one fetched page.

    ``text`` is the main content only, blocks (paragraphs, headings, list
    items, table rows) separated by a blank line, so no sentence runs across
    a heading. Page dates come from metadata or visible "Published"/"Last
    updated" lines and are never part of ``text``. ``blocks`` says where
    each block stands in ``text`` and what it is (heading, paragraph, ...);
    the cells of a table row share one line, one block each.
    """

    text: str
    title: str | None = None
    published_at: datetime | None = None  # UTC, tz-aware
    updated_at: datetime | None = None  # UTC, tz-aware
    language: str | None = None  # ISO 639-1 when known
    kind: str = "html"  # "html" | "text"
    encoding: str | None = None  # charset the bytes were decoded with
    blocks: tuple[TextBlock, ...] = ()  # every block of ``text`` in order, with its role
    limited: str | None = None  # the page was read up to a limit of cleaning (segmentation.MAX_ELEMENTS)
    # the day the page shows as its own when it is not its publication day and its metadata bears it out
    # (``page_meta.choose_page_day``): a shown day on which some UTC offset puts the metadata's publication
    # instant (never the fetch day), a shown modified day while the publication day is shown nowhere, the
    # "Updated" day of a living page with no publication date. Its text counts from it (``page_anchor``:
    # dated_at, else published_at, else updated_at, else the fetch day)
    dated_at: datetime | None = None

    @property
    def body(self) -> str:
        """``text`` less its standfirst (the subtitle under the headline, ``BlockRole.STANDFIRST``): the
        article body as the main-text benchmarks define it. Statements read ``text`` whole."""
        cut = [(b.char_start, b.char_end) for b in self.blocks if b.role is BlockRole.STANDFIRST]
        if not cut:
            return self.text
        parts, at = [], 0
        for start, end in cut:
            parts.append(self.text[at:start])
            at = end
        parts.append(self.text[at:])
        return "\n\n".join(p.strip("\n") for p in parts if p.strip())


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text, normalised as TIMEX3.

    ``value`` follows TimeML/TIMEX3: "2012", "2012-06", "2012-06-04",
    "2012-Q2", "2012-SU", "199" (the 1990s), "19" (the 1900s), "PRESENT_REF",
    "PAST_REF", "FUTURE_REF", durations "P75Y"/"P1D"/"PXY", sets "P1Y"
    (with type SET), times "2012-06-04T13:28", and "XXXX-06-28" when the year
    cannot be resolved.

    ``date_start``/``date_end`` (inclusive) are the calendar period the value
    denotes, set only for DATE/TIME values that name a concrete period; the
    precision says its granularity and is never finer than the text: "2012"
    is the whole of 2012 with precision "year", not 2012-01-01.
    """

    char_start: int
    char_end: int
    text: str
    type: str  # one of TIMEX_TYPES
    value: str
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, START, MID, END, APPROX, ...
    date_start: date | None = None
    date_end: date | None = None
    precision: Precision | None = None  # when date_start is set
    role: str = "point"  # one of DATE_ROLES: "since 2001" -> since
    anchored: bool = False  # value computed relative to the anchor date
    # the value came from the anchor (the document's date) itself, directly or
    # through a date that did: "yesterday", "March 24" with no year in sight
    from_anchor: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar period a statement is dated with, as the events stage needs it.

    Built from timexes: only values that name a concrete period (no
    durations, sets, or vague PRESENT_REF), with the role the surrounding
    words give ("since 2012" -> since, "until 2014" -> until, "from 2001 to
    2014" and "June 28-30" -> one range mention). The span covers the whole
    phrase including the cue word ("since 2012").
    """

    char_start: int
    char_end: int
    text: str
    date_start: date
    date_end: date  # inclusive
    precision: Precision
    role: str = "point"  # one of DATE_ROLES
    value: str = ""  # TIMEX3 value, "2001/2014" for a range
    anchored: bool = False
    from_anchor: bool = False  # its value came from the anchor (see Timex.from_anchor)
    # where its year comes from: "page" (the page's own words or date); "fetched" (the fetch day
    # alone: never published, kept for facts.source_years); "sources" (the run's other pages)
    year_basis: str = "page"
