"""Plain-text pages: paragraphs, boilerplate paragraphs out, date lines -> metadata.

A text page (a capture of a web page's visible text, a .txt file) is cut
into blocks at blank lines; a line opening with a bullet marker ("  • ")
is its own block with the marker dropped; a paragraph of three lines or
more that open with a day the line above does not run on into (a table or
a timeline captured as text, its cells wrapped onto the lines below:
"April 10 Musk says he will not join Twitter Falls 3.3 per cent / board")
is cut into rows, each from its day to the next and each a list item, the
lines above the first (the table's header) a block of their own; a
paragraph with a line longer than a hard wrap whose lines all end a
sentence or are short headings (the last line aside) is a capture written
one paragraph per line, each line a block (its heading lines are not glued
to the sentence under them). Each block is then judged alone
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
and a table's rows list items, "By <name>" lines bylines, a lone date before the text a
dateline (after it, a section's date heading), "Read more"-like lines
calls to action, "Home | News | Sport" link lists, the rest paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from extractors import boilerplate_rules as R
from extractors.block_roles import Piece, is_dateline, join_blocks, line_role, looks_like_heading
from extractors.calendar_words import MONTH_WORD
from extractors.page_meta import is_date_only, parse_date_line
from extractors.types import BlockRole, TextBlock

_BLANK = re.compile(r"\n\s*\n")
# a line that opens with its row's day, in a table or a timeline captured as text: "April 10 Musk says he will
# not join", "10 April: ...", "2022-04-10 ...", "4/10/2022 ..." (a capitalised month word, or a numeric day with
# its year: "3/4 of them" opens no row)
_ROW_DAY = re.compile(
    r"\s*(?:(?=[A-Z])(?i:" + MONTH_WORD + r")\s+\d{1,2}(?:st|nd|rd|th)?(?![\d:.,/-]?\d)"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?=[A-Z])(?i:" + MONTH_WORD + r")(?![a-z])"
    r"|\d{4}-\d{2}-\d{2}(?![\d/-])|\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
# a line longer than any hard wrap (72-100 columns): a text written one paragraph per line, whose line breaks
# are the paragraphs' ends ...
LONG_LINE = 120
# ... when its lines mostly end a sentence (a heading line between them does not: "Unveiling the Universe")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")
# a line that does not end its sentence: a comma, a hyphen, a word that needs what follows
_RUNS_ON = re.compile(r"(?:[,(–—-]|\b(?i:on|in|at|of|to|from|by|and|or|but|nor|the|a|an|since|until|till|between|"
                      r"before|after|during|than|that|which|who|with|for|as|had|has|have|was|were|is|are|be))\s*$")
# a heading's line between paragraphs written one per line is short
MAX_HEADING_LINE = 100
# day-led lines a paragraph holds at least for each to start a row of its own: one or two are a wrapped
# sentence's ("... and on\nMay 5 the board met")
MIN_ROW_LINES = 3
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
    """Blocks of a text page: blank-line paragraphs, each bullet line its own block, a
    table's or timeline's rows and a one-paragraph-per-line capture's lines cut apart."""
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


def _runs_on(line: str) -> bool:
    """The line's sentence goes on onto the next line: it ends in a comma, a
    hyphen or a word that needs what follows ("... hearings on", "... April 7 and")."""
    return bool(_RUNS_ON.search(line))


def dated_rows(lines: list[str]) -> list[list[str]]:
    """The lines of a paragraph grouped into rows when it is a flattened table or a
    timeline without blank lines: each line that opens with a day (and that the
    line above does not run on into: "hearings on / March 3, April 7 and / May 5")
    starts a row and the lines after it (its wrapped cells) go with it; the lines
    above the first row (the table's header) are a group of their own. A paragraph
    with fewer than ``MIN_ROW_LINES`` row starts is one group."""
    starts = [k for k, line in enumerate(lines) if _ROW_DAY.match(line) and not (k and _runs_on(lines[k - 1]))]
    if len(starts) < MIN_ROW_LINES:
        return [lines]
    cuts = ([0] if starts[0] > 0 else []) + starts + [len(lines)]
    return [lines[a:b] for a, b in zip(cuts, cuts[1:])]


def lines_are_paragraphs(lines: list[str]) -> bool:
    """The paragraph is a capture written one paragraph per line, without blank
    lines between them: a line is longer than a hard wrap makes them, and every
    line but the last ends a sentence or is a heading's (a short line that does not
    run on, the next line opening with a capital or a digit). Its headings are then lines
    of their own, not the start of the sentence below them; a line cut inside a
    sentence (a long URL, a wide wrap) keeps the paragraph whole."""
    lines = [line.strip() for line in lines]
    if len(lines) < 2 or max(len(line) for line in lines) <= LONG_LINE:
        return False
    for k, line in enumerate(lines[:-1]):  # the last line ends the paragraph whatever it ends with
        if _SENTENCE_END.search(line):
            continue
        nxt = lines[k + 1]
        if len(line) > MAX_HEADING_LINE or _runs_on(line) or not nxt[:1].isupper() and not nxt[:1].isdigit():
            return False
    return True


def _paragraph_blocks(lines: list[str]) -> list[tuple[list[str], bool]]:
    """The groups of lines a paragraph's blocks are made of, with whether each is an item:
    a bullet line, or a row of a table or timeline."""
    if any(R.BULLET.match(line) for line in lines):
        head = [([lines[0]], False)] if _title_then_text(lines) else []
        return head + _bullet_groups(lines[len(head):])
    if lines_are_paragraphs(lines):
        return [([line], False) for line in lines]
    rows = dated_rows(lines)
    if len(rows) > 1:
        header = not _ROW_DAY.match(rows[0][0])
        return [(row, not (header and k == 0)) for k, row in enumerate(rows)]
    if _title_then_text(lines):
        return [([lines[0]], False), (lines[1:], False)]
    return [(lines, False)]


def _bullet_groups(lines: list[str]) -> list[tuple[list[str], bool]]:
    """Each bullet line an item of its own; the lines between bullets one block."""
    groups: list[tuple[list[str], bool]] = []
    run: list[str] = []
    for line in lines:
        if not R.BULLET.match(line):
            run.append(line)
            continue
        if run:
            groups.append((run, False))
            run = []
        groups.append(([line], True))
    return groups + [(run, False)] if run else groups


def _bullet_text(line: str) -> str:
    """A bullet line without its marker ("• ", "- ")."""
    text = R.BULLET_SYMBOL.sub("", line, count=1) if R.BULLET_SYMBOL.match(line) else line
    return re.sub(r"^\s*[-–—]\s+", "", text, count=1).strip()


def split_marked_blocks(text: str) -> list[tuple[str, bool]]:
    """Blocks of a text page with whether each is an item (a bullet line, or a row of a
    table or timeline captured as text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks: list[tuple[str, bool]] = []
    for para in _BLANK.split(text):
        for group, is_item in _paragraph_blocks([line for line in para.split("\n") if line.strip()]):
            marked = is_item and len(group) == 1 and R.BULLET.match(group[0])
            blocks.append((_bullet_text(group[0]) if marked else " ".join(line.strip() for line in group), is_item))
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
