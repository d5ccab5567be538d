"""Plain-text pages: paragraphs, boilerplate paragraphs out, date lines -> metadata.

A text page (a capture of a web page's visible text, a .txt file) is cut
into blocks at blank lines; a line opening with a bullet marker ("  • ")
is its own block with the marker dropped. Each block is then judged alone
(paragraph-level decisions): cookie/consent notices, newsletter and
paywall prompts, share bars, "skip to content", "On this page" and
similar navigation remnants go; "(external link)" markers are cut out of
the sentence they sit in; a short line that only states when the page was
published or last updated becomes metadata and leaves the text.

The title is the first block when it is a short line (no sentence end,
at most 15 words) that is not boilerplate; it stays as the first block of
the text too, so headings keep their place in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from extractors import boilerplate_rules as R
from extractors.page_meta import parse_date_line

_BLANK = re.compile(r"\n\s*\n")
_INLINE_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


@dataclass(frozen=True, slots=True)
class TextPage:
    text: str
    blocks: tuple[str, ...]
    title: str | None
    published_at: datetime | None
    updated_at: datetime | None


def split_blocks(text: str) -> list[str]:
    """Blocks of a text page: blank-line paragraphs, each bullet line its own block."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks: list[str] = []
    for para in _BLANK.split(text):
        current: list[str] = []
        for line in para.split("\n"):
            if not line.strip():
                continue
            if R.BULLET.match(line):
                if current:
                    blocks.append(" ".join(current))
                    current = []
                item = R.BULLET_SYMBOL.sub("", line, count=1) if R.BULLET_SYMBOL.match(line) else line
                if re.match(r"^\s*[-–—]\s+", item):
                    item = re.sub(r"^\s*[-–—]\s+", "", item, count=1)
                blocks.append(item.strip())
                continue
            current.append(line.strip())
        if current:
            blocks.append(" ".join(current))
    out = []
    for block in blocks:
        block = _INLINE_WS.sub(" ", block).strip()
        if block:
            out.append(block)
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


def text_page(text: str) -> TextPage:
    """Clean a plain-text page."""
    published = updated = None
    kept: list[str] = []
    for block in split_blocks(text):
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
            kept.append(block)
    title = kept[0] if kept and _is_title_line(kept[0]) else None
    return TextPage("\n\n".join(kept), tuple(kept), title, published, updated)
