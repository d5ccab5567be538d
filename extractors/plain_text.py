"""Plain-text pages: paragraphs, boilerplate paragraphs out, date lines -> metadata.

A text page (a capture of a web page's visible text, a .txt file) is cut
into blocks at blank lines; a line opening with a bullet marker ("  • ")
is its own block with the marker dropped, and so is a line that does not
run on into the next unless the paragraph is hard-wrapped prose (the rows
of an infobox, the entries of a timeline: ``line_breaks``). Each block is then judged alone
(paragraph-level decisions): cookie/consent notices, newsletter and
paywall prompts, share bars, "skip to content", "On this page" and
similar navigation remnants go; "(external link)" markers are cut out of
the sentence they sit in; a short line that only states when the page was
published or last updated becomes metadata and leaves the text.

The title is the first block when it is a short line (no sentence end,
at most 15 words) that is not boilerplate; it stays as the first block of
the text too, so headings keep their place in the text. A paragraph whose
first line is a short title over longer lines is cut after that line.

Each block gets a role from its words and layout (``text_role``): the
title and short naming lines above longer text are headings, bullet lines
list items, "By <name>" lines bylines, a lone date before the text a
dateline (after it, a section's date heading), "Read more"-like lines
calls to action, "Home | News | Sport" link lists, the rest paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from extractors import boilerplate_rules as R
from extractors.block_roles import Piece, is_dateline, join_blocks, line_role, looks_like_heading
from extractors.page_meta import is_date_only, parse_date_line
from extractors.types import BlockRole, TextBlock

_BLANK = re.compile(r"\n\s*\n")
_INLINE_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


@dataclass(frozen=True, slots=True)
class TextPage:
    text: str
    blocks: tuple[str, ...]
    title: str | None
    published_at: datetime | None
    updated_at: datetime | None
    text_blocks: tuple[TextBlock, ...] = ()  # span and role of every block of ``text``


def split_blocks(text: str) -> list[str]:
    """Blocks of a text page: blank-line paragraphs, each bullet line its own block."""
    return [block for block, _ in split_marked_blocks(text)]


def _title_then_text(lines: list[str]) -> bool:
    """A paragraph whose first line is a short title over longer text (a
    caption's label, a subheading without a blank line after it)."""
    if len(lines) < 2:
        return False
    first, second = lines[0].strip(), lines[1].strip()
    return (
        len(first.split()) <= 10
        and len(first) <= 0.6 * len(second)
        and second[:1].isupper()
        and looks_like_heading(first)
    )


# Line breaks inside a paragraph. Hard-wrapped prose breaks its lines at a
# width (most lines near the longest one, which has 60 to 100 characters):
# its breaks mean nothing. Other line breaks end a block unless the line runs
# on into the next (a comma, a hyphen or an open word at its end, or the next
# line opening in lower case or with a bracket): the rows of an infobox ("Signed 22 April 2016"
# / "Location New York"), paragraphs a capture puts one per line. When two
# lines or more open with a day ("April 5 Twitter says ...") the paragraph is
# a timeline or a flattened table: its rows begin there, and the lines between
# (cells wrapped over several lines) belong to the row above.
_WRAP_WIDTH = 100
_MIN_WRAP = 60  # text is not wrapped narrower than this
_WRAPPED_SHARE = 0.6  # share of lines (the last apart) near the longest in wrapped prose
_NEAR_LONGEST = 0.7
_RUNS_ON = re.compile(r"[,;\-–—/&(]$")
_NEW_LINE_START = re.compile(r"^[\"'“‘\[]?[A-Z0-9]")  # "(Name of Issuer)" labels the line above
_OPEN_END = frozenset(
    "a an the and or but nor of to in on at by for with from as that which who whom whose into onto upon "
    "its their his her our your my is are was were be been being has have had will would shall should can "
    "could may might must not than this these those".split()
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_OPENING = re.compile(
    rf"^(?:{_MONTH} \d{{1,2}}\b|\d{{1,2}} {_MONTH}(?:\s|$)|\d{{4}}-\d\d-\d\d\b)", re.IGNORECASE
)


def is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: most lines (the last apart) nearly as long as the longest, none over the wrap width."""
    lengths = [len(line.strip()) for line in lines]
    longest = max(lengths)
    if len(lines) < 2 or not _MIN_WRAP <= longest <= _WRAP_WIDTH:
        return False
    near = sum(1 for n in lengths[:-1] if n >= _NEAR_LONGEST * longest)
    return near >= _WRAPPED_SHARE * (len(lines) - 1)


def _runs_on(previous: str, line: str) -> bool:
    p, n = previous.strip(), line.strip()
    if n.startswith("(") and len(p) > _WRAP_WIDTH:
        return False  # "(Reuters) - ..." after a paragraph
    if not p or not n or not _NEW_LINE_START.match(n) or _RUNS_ON.search(p):
        return True
    return re.sub(r"\W+$", "", p.split()[-1]).lower() in _OPEN_END


def line_breaks(lines: list[str]) -> set[int]:
    """Indexes of the lines of a paragraph that begin a block of their own (the first apart)."""
    if len(lines) < 2 or is_wrapped(lines):
        return set()
    dated = {k for k in range(1, len(lines)) if _DATE_OPENING.match(lines[k].strip())}
    first_row = min(dated) if len(dated) >= 2 else len(lines)
    ordinary = {k for k in range(1, first_row) if not _runs_on(lines[k - 1], lines[k])}
    return ordinary | ({first_row} | dated if first_row < len(lines) else set())


def split_marked_blocks(text: str) -> list[tuple[str, bool]]:
    """Blocks of a text page with whether each is a bullet item."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks: list[tuple[str, bool]] = []
    for para in _BLANK.split(text):
        current: list[str] = []
        lines = [line for line in para.split("\n") if line.strip()]
        if _title_then_text(lines):
            blocks.append((lines[0].strip(), False))
            lines = lines[1:]
        breaks = line_breaks(lines)
        for k, line in enumerate(lines):
            if current and k in breaks:
                blocks.append((" ".join(current), False))
                current = []
            if R.BULLET.match(line):
                if current:
                    blocks.append((" ".join(current), False))
                    current = []
                item = R.BULLET_SYMBOL.sub("", line, count=1) if R.BULLET_SYMBOL.match(line) else line
                if re.match(r"^\s*[-–—]\s+", item):
                    item = re.sub(r"^\s*[-–—]\s+", "", item, count=1)
                blocks.append((item.strip(), True))
                continue
            current.append(line.strip())
        if current:
            blocks.append((" ".join(current), False))
    out = []
    for block, bullet in blocks:
        block = _INLINE_WS.sub(" ", block).strip()
        if block:
            out.append((block, bullet))
    return out


def is_boilerplate_paragraph(block: str) -> bool:
    t = block.strip()
    if not t:
        return True
    if len(t) < 80 and (R.SKIP_TEXT.match(t) or R.CONSENT_SHORT.match(t) or R.SHARE_TEXT.match(t)):
        return True
    if R.COOKIE_TEXT.search(t) and len(t) < 1500:
        return True
    if len(t) < 300 and (R.NEWSLETTER_TEXT.search(t) or R.PAYWALL_TEXT.search(t)):
        return True
    if not any(ch.isalnum() for ch in t):
        return True
    return False


def _is_title_line(block: str) -> bool:
    words = block.split()
    return 0 < len(words) <= 15 and len(block) <= 120 and not re.search(r"[.!?:;,]$", block)


def text_role(block: str, bullet: bool, first: bool, prose_before: bool, next_block: str | None) -> tuple[BlockRole, int | None]:
    """The role of a block of a text page, from its words and layout alone.

    The first block, a title line, is the level-1 heading; a line that only
    gives a date dates the page before the text has begun (a dateline) and
    heads a section after it; a short line that names rather than says,
    above a longer block, is a heading."""
    if first and _is_title_line(block):
        return BlockRole.HEADING, 1
    by_words = line_role(block)
    if by_words is not None:
        return by_words, None
    if len(block) <= 100 and is_date_only(block):
        return (BlockRole.HEADING if prose_before else BlockRole.DATELINE), None
    if bullet:
        return BlockRole.LIST_ITEM, None
    if is_dateline(block):
        return BlockRole.DATELINE, None
    if next_block is not None and len(next_block) > len(block) and looks_like_heading(block):
        return BlockRole.HEADING, None
    return BlockRole.PARAGRAPH, None


def text_page(text: str) -> TextPage:
    """Clean a plain-text page."""
    published = updated = None
    kept: list[tuple[str, bool]] = []
    for block, bullet in split_marked_blocks(text):
        date_line = parse_date_line(block) if len(block) <= 90 else None
        if date_line is not None:
            if date_line.kind == "updated":
                updated = updated or date_line.value
            else:
                published = published or date_line.value
            continue
        if is_boilerplate_paragraph(block):
            continue
        block = R.LINK_MARKER.sub("", block).strip()
        block = re.sub(r"\s{2,}", " ", block)
        if block:
            kept.append((block, bullet))
    lines: list[list[Piece]] = []
    prose = False
    for k, (block, bullet) in enumerate(kept):
        nxt = kept[k + 1][0] if k + 1 < len(kept) else None
        role, level = text_role(block, bullet, k == 0, prose, nxt)
        prose = prose or (role is BlockRole.PARAGRAPH and len(block) >= 60)
        lines.append([Piece(block, role, level)])
    joined, spans = join_blocks(lines)
    texts = tuple(block for block, _ in kept)
    title = texts[0] if texts and _is_title_line(texts[0]) else None
    return TextPage(joined, texts, title, published, updated, spans)
