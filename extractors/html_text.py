"""Main text of an HTML page, boilerplate out.

The DOM is lxml's (``lxml.etree.HTMLParser``), walked once with
``etree.iterwalk``: BeautifulSoup is 5-10x slower on the large pages of
the benchmarks and the 50 ms/page budget does not allow it.

Steps:

1. prune: elements that never hold main text (scripts, forms controls,
   dialogs, ...), hidden elements, consent-manager containers (by id, class,
   attribute; see ``boilerplate_rules``);
2. segment the rest into text blocks (paragraphs, headings, list items,
   table cells, ...) with their element path, link text and the class/id
   vocabulary groups of their ancestors;
3. score: each block gets generic features (text length and density, link
   density, tag, ancestor furniture tags, class/id groups, position,
   membership in the page's densest content container, neighbours) and a
   probability of being main text from a small gradient-boosted model whose
   trees live in ``extractors/data/block_model.json`` (see
   ``evaluation/train_block_model.py``); without the model file a
   rule-based score is used;
4. assemble: a dropped heading that opens kept text in its section is
   kept; kept blocks joined by blank lines (table cells of one row on one
   line), each with its role (``block_role``: heading with its level,
   paragraph, list item, table cell, caption, quote, byline, dateline, call
   to action, link list, code); text-level boilerplate (cookie sentences,
   share bars, "skip to content", link markers) removed, visible date lines
   taken out as metadata unless they head a section (an event listing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from extractors import boilerplate_rules as R
from extractors.block_roles import ROW_SEPARATOR, Piece, is_dateline, join_blocks, line_role, looks_like_heading
from extractors.page_meta import (
    DateLine,
    VisibleDates,
    is_date_only,
    parse_date_line,
    visible_dates,
)
from extractors.plain_text import is_boilerplate_paragraph
from extractors.types import BlockRole, TextBlock

_WS = re.compile(r"\s+")
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)

# ancestor flag bits
F_NAV, F_HEADER, F_FOOTER, F_ASIDE, F_ARTICLE, F_MAIN, F_FORM, F_LI, F_TABLE, F_A = (1 << i for i in range(10))
F_FIGURE, F_BLOCKQUOTE, F_PRE, F_HEADING, F_LIST, F_DETAILS, F_ROLE_FURN, F_ROLE_MAIN, F_ITEMPROP_BODY, F_ADDRESS = (
    1 << i for i in range(10, 20)
)
F_NOSCRIPT, F_HIDDEN, F_SECTION, F_CODE, F_FIRST_ARTICLE = (1 << i for i in range(20, 25))
N_FLAGS = 25
GROUP_SHIFT = 25
GROUP_BIT = {name: 1 << (GROUP_SHIFT + i) for i, name in enumerate(R.CLASS_GROUP_NAMES)}

_TAG_FLAG = {
    "nav": F_NAV, "header": F_HEADER, "footer": F_FOOTER, "aside": F_ASIDE, "article": F_ARTICLE,
    "main": F_MAIN, "form": F_FORM, "li": F_LI, "table": F_TABLE, "a": F_A, "figure": F_FIGURE,
    "blockquote": F_BLOCKQUOTE, "pre": F_PRE, "ul": F_LIST, "ol": F_LIST, "dl": F_LIST,
    "details": F_DETAILS, "address": F_ADDRESS, "noscript": F_NOSCRIPT, "section": F_SECTION,
    "code": F_CODE,
    "h1": F_HEADING, "h2": F_HEADING, "h3": F_HEADING, "h4": F_HEADING, "h5": F_HEADING, "h6": F_HEADING,
}

_NEVER_PRUNE = frozenset({"html", "body", "main", "article"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(slots=True)
class Element:
    """What the walk remembers of an element that holds text."""

    tag: str
    parent: int  # index into Page.elements, -1 for the root
    depth: int
    groups: int  # class/id group bits of this element only
    flags: int  # inherited flags (own tag + ancestors)
    chars: int = 0  # text characters below (kept blocks only)
    link_chars: int = 0
    blocks: int = 0
    para_chars: int = 0  # characters of paragraph-like blocks below
    para_blocks: int = 0
    score: float = 0.0


@dataclass(slots=True)
class Block:
    text: str
    tag: str  # tag of the block's owner element
    owner: int  # index of the owner element
    path: tuple[int, ...]  # element indexes root -> owner
    link_chars: int
    flags: int
    row: int = -1  # index of the <tr> when the block is a cell
    index: int = 0
    boiler: bool = False  # text-level boilerplate (cookie notice, share bar, ...)
    prob: float = 0.0
    keep: bool = False
    features: list[float] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(frozen=True, slots=True)
class PageHints:
    """What the page's head says about it: title words and announced page kinds."""

    title_words: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()  # keys of boilerplate_rules.PAGE_KIND_TYPES


@dataclass(slots=True)
class Segmented:
    blocks: list[Block]
    elements: list[Element]
    articles: int = 0  # number of <article> elements
    hints: PageHints = PageHints()


# libxml2's HTML parser stops building the tree at a nesting depth of 256 and
# drops what lies deeper, text included. Pages nested that deep (broken
# generators, hostile markup) are flattened before parsing: tags beyond
# MAX_NESTING levels are removed, their text kept.
MAX_NESTING = 200
_TOO_DEEP = etree.XPath("boolean(/" + "/*" * 240 + ")")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def flatten_deep_markup(text: str, limit: int = MAX_NESTING) -> str:
    """Remove the tags nested deeper than ``limit`` levels, keeping their text."""
    out: list[str] = []
    depth = 0
    last = 0
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        if not closing:
            depth += 1
            if depth > limit:
                out.append(text[last:m.start()])
                last = m.end()
            continue
        if depth > limit:
            out.append(text[last:m.start()])
            last = m.end()
        depth = max(depth - 1, 0)
    out.append(text[last:])
    return "".join(out)


def parse_html(text: str) -> etree._Element | None:
    """Parse HTML text leniently; None when nothing parseable is left."""
    if not text or not text.strip():
        return None
    root = _parse(text)
    if root is not None and _TOO_DEEP(root):
        root = _parse(flatten_deep_markup(text))
    return root


def _parse(text: str) -> etree._Element | None:
    try:
        return etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        try:
            return etree.fromstring(text.encode("utf-8", "replace"), parser=etree.HTMLParser(encoding="utf-8"))
        except Exception:  # noqa: BLE001 - give up on this document
            return None


_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_WORD_BITS: dict[str, int] = {}
for _name, _words in R.CLASS_GROUP_WORDS.items():
    for _word in _words:
        _WORD_BITS[_word] = _WORD_BITS.get(_word, 0) | GROUP_BIT[_name]

_ATTR_CACHE: dict[str, tuple[bool, int]] = {}


def class_groups(class_id: str) -> int:
    """Group bits of a class/id string (see ``boilerplate_rules.CLASS_GROUP_WORDS``)."""
    tokens = [t for t in _TOKEN_SPLIT.split(_CAMEL.sub("-", class_id).lower()) if t]
    bits = 0
    previous = ""
    for token in tokens:
        bits |= _WORD_BITS.get(token, 0)
        if token[-1].isdigit():
            bits |= _WORD_BITS.get(token.rstrip("0123456789"), 0)
        if previous:
            bits |= _WORD_BITS.get(previous + token, 0)
        previous = token
    return bits


def _attr_info(el_id: str, cls: str) -> tuple[bool, int]:
    """(is a consent container by its id/class, class groups), memoised."""
    key = f"{el_id}\x00{cls}"
    info = _ATTR_CACHE.get(key)
    if info is None:
        info = (is_consent_name(el_id, cls), class_groups(f"{el_id} {cls}"))
        if len(_ATTR_CACHE) > 50_000:
            _ATTR_CACHE.clear()
        _ATTR_CACHE[key] = info
    return info


def is_consent_name(el_id: str, cls: str) -> bool:
    """Whether an id or one class name is a consent manager's container name."""
    if el_id and el_id.lower() in R.CONSENT_IDS:
        return True
    for name in (el_id, *cls.split()):
        low = name.lower()
        if low and R.CONSENT_FRAGMENT_RE.match(low) and not R.CONSENT_STATE.search(low):
            return True
    return False


# Elements a lenient parser may wrongly extend over the rest of the page
# when their end tag is missing (a <button> holding <main>).
_SWALLOWING = frozenset({"button", "select", "option", "optgroup", "label", "dialog", "menu", "svg",
                         "object", "canvas", "picture", "map", "datalist", "output", "meter", "progress"})


def _holds_content(el: etree._Element) -> bool:
    if not len(el):
        return False
    return next(el.iter("p", "main", "article", "h1", "h2", "h3"), None) is not None


def _revealable(el_id: str, cls: str, role: str) -> bool:
    """A hidden element whose content a script shows as part of the page."""
    if role == "tabpanel":
        return True
    if el_id and R.STREAMING_SEGMENT_ID.match(el_id):
        return True
    return bool((el_id or cls) and R.REVEALABLE_CLASS.search(f"{el_id} {cls}"))


def _is_consent_attrs(el: etree._Element) -> bool:
    attrib = el.attrib
    for name in R.CONSENT_ATTRS:
        if name in attrib:
            return True
    label = attrib.get("aria-label")
    if label and _CONSENT_LABEL.search(label):
        return True
    return False


_CONSENT_LABEL = re.compile(r"cookie|consent|privacy (?:settings|preferences)", re.IGNORECASE)


def _is_hidden(el: etree._Element) -> bool:
    attrib = el.attrib
    if "hidden" in attrib:
        return True
    if attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    if style and R.HIDDEN_STYLE.search(style):
        return True
    return False


def segment(root: etree._Element, keep_hidden: bool = False) -> Segmented:
    """Walk the DOM once: prune, and cut the text into blocks.

    With ``keep_hidden`` hidden elements are kept (flagged): some pages
    render their content into hidden containers that scripts reveal.
    """
    elements: list[Element] = []
    blocks: list[Block] = []
    stack: list[int] = []  # element indexes of open, kept elements
    block_stack: list[int] = []  # indexes (into elements) of open block-level elements
    buf: list[str] = []
    buf_link = 0
    link_depth = 0
    skipped: set[int] = set()  # id() of pruned elements, to ignore their end event
    tr_stack: list[int] = []
    articles = 0

    def flush() -> None:
        nonlocal buf_link
        if not buf:
            return
        text = _WS.sub(" ", "".join(buf)).strip()
        buf.clear()
        link = buf_link
        buf_link = 0
        if not text or not any(ch.isalnum() for ch in text):
            return
        owner = block_stack[-1] if block_stack else (stack[-1] if stack else 0)
        path = tuple(stack)
        owner_el = elements[owner] if elements else None
        tag = owner_el.tag if owner_el else "body"
        row = -1
        if tag in ("td", "th") and tr_stack:
            row = tr_stack[-1]
        flags = elements[stack[-1]].flags if stack else 0
        blocks.append(Block(text, tag, owner, path, min(link, len(text)), flags, row, len(blocks)))

    def add(text: str | None) -> None:
        nonlocal buf_link
        if text:
            buf.append(text)
            if link_depth:
                buf_link += len(text.strip())

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions
            if event == "start":
                walker.skip_subtree()
            else:
                add(el.tail)
            continue
        tag = tag.lower()
        if event == "start":
            attrib = el.attrib
            el_id = attrib.get("id", "") or ""
            cls = attrib.get("class", "") or ""
            role = (attrib.get("role") or "").lower()
            consent, groups = _attr_info(el_id, cls) if (el_id or cls) else (False, 0)
            if consent and tag in _NEVER_PRUNE:
                consent = False
            hidden = bool(len(attrib)) and _is_hidden(el)
            prune_hidden = hidden and not keep_hidden and not _revealable(el_id, cls, role)
            if (
                (tag in R.DROP_TAGS and not (tag in _SWALLOWING and _holds_content(el)))
                or consent
                or prune_hidden
                or (len(attrib) and _is_consent_attrs(el))
                or role in ("dialog", "alertdialog")
            ):
                skipped.add(id(el))
                walker.skip_subtree()
                if tag in R.BLOCK_TAGS:
                    flush()
                continue
            parent = stack[-1] if stack else -1
            inherited = elements[parent].flags if parent >= 0 else 0
            flags = inherited | _TAG_FLAG.get(tag, 0) | groups
            if hidden:
                flags |= F_HIDDEN
            if tag == "article":
                if articles == 0:
                    flags |= F_FIRST_ARTICLE
                articles += 1
            if role in R.FURNITURE_ROLES:
                flags |= F_ROLE_FURN
            elif role in R.MAIN_ROLES:
                flags |= F_ROLE_MAIN
            if attrib.get("itemprop") in ("articleBody", "text", "reviewBody", "description"):
                flags |= F_ITEMPROP_BODY
            idx = len(elements)
            elements.append(Element(tag, parent, len(stack), groups, flags))
            if tag in R.BLOCK_TAGS:
                flush()
            stack.append(idx)
            if tag in R.BLOCK_TAGS:
                block_stack.append(idx)
            if tag == "tr":
                tr_stack.append(idx)
            if tag == "a":
                link_depth += 1
            add(el.text)
        else:
            if id(el) in skipped:
                skipped.discard(id(el))
                add(el.tail)
                continue
            if tag in R.BLOCK_TAGS:
                flush()
                if block_stack:
                    block_stack.pop()
            if tag == "a" and link_depth:
                link_depth -= 1
            if tag == "tr" and tr_stack:
                tr_stack.pop()
            if stack:
                stack.pop()
            add(el.tail)
    flush()
    return Segmented(blocks, elements, articles)


# --------------------------------------------------------------------------
# Container statistics
# --------------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?。！？:;…)\"'”’]$")


def is_paragraph_like(block: Block) -> bool:
    return block.chars >= 60 and block.link_density < 0.35 and not (block.flags & (F_A))


def aggregate(seg: Segmented) -> None:
    """Sum text statistics of blocks up the element tree."""
    elements = seg.elements
    for block in seg.blocks:
        n = block.chars
        link = block.link_chars
        block.boiler = is_text_boilerplate(block.text)
        para = is_paragraph_like(block) and not block.boiler
        score = 0.0
        if para:
            score = 1 + block.text.count(",") + min(n // 100, 3)
        for depth, idx in enumerate(reversed(block.path)):
            el = elements[idx]
            el.chars += n
            el.link_chars += link
            el.blocks += 1
            if para:
                el.para_chars += n
                el.para_blocks += 1
                if depth == 0 or depth == 1:
                    el.score += score
                elif depth == 2:
                    el.score += score / 2
                elif depth == 3:
                    el.score += score / 3


_POSITIVE_GROUPS = GROUP_BIT["content"]
_NEGATIVE_GROUPS = (
    GROUP_BIT["nav"] | GROUP_BIT["footer"] | GROUP_BIT["side"] | GROUP_BIT["share"] | GROUP_BIT["related"]
    | GROUP_BIT["comment"] | GROUP_BIT["ad"] | GROUP_BIT["modal"] | GROUP_BIT["newsletter"] | GROUP_BIT["consent"]
)


def main_container(seg: Segmented) -> int:
    """Index of the element that holds most of the page's paragraph text.

    The deepest element holding at least 75% of all paragraph-like text,
    unless a readability-style score points to a better one inside it.
    """
    elements = seg.elements
    if not elements:
        return -1
    total_para = max((el.para_chars for el in elements), default=0)
    if total_para == 0:
        return 0
    best = 0
    best_depth = -1
    for idx, el in enumerate(elements):
        if el.para_chars >= 0.75 * total_para and el.depth > best_depth:
            best, best_depth = idx, el.depth
    return best


# --------------------------------------------------------------------------
# Rule-based block decision (fallback when no model file is present)
# --------------------------------------------------------------------------

_FURNITURE = F_NAV | F_FOOTER | F_ASIDE | F_ROLE_FURN


def rule_keep(seg: Segmented, container: int) -> None:
    elements = seg.elements
    for block in seg.blocks:
        inside = container in block.path
        keep = inside
        if block.flags & _FURNITURE and not (block.flags & (F_ARTICLE | F_MAIN | F_ITEMPROP_BODY)):
            keep = False
        if block.link_density > 0.6 and block.chars < 200:
            keep = False
        owner_groups = 0
        for idx in block.path[-4:]:
            owner_groups |= elements[idx].groups
        if owner_groups & _NEGATIVE_GROUPS and not (owner_groups & _POSITIVE_GROUPS) and block.chars < 150:
            keep = False
        block.keep = keep
        block.prob = 1.0 if keep else 0.0


def is_text_boilerplate(text: str) -> bool:
    """Text-level boilerplate: cookie notices, share bars, skip links, newsletter/paywall prompts."""
    return is_boilerplate_paragraph(text)


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    blocks: tuple[str, ...]
    date_lines: tuple[DateLine, ...]
    h1: str | None
    visible: VisibleDates = VisibleDates()
    text_blocks: tuple[TextBlock, ...] = ()  # span and role of every block of ``text``


_COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
_HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}


def _is_consent_heading(blocks: list[Block], i: int) -> bool:
    """A short line about cookies ("About cookies on this site") heading a consent notice."""
    block = blocks[i]
    return (
        block.chars <= 80
        and i + 1 < len(blocks)
        and blocks[i + 1].boiler
        and _COOKIE_WORD.search(block.text) is not None
    )


def _heading_level(block: Block, elements: Sequence[Element]) -> int | None:
    """1-6 for a block inside <h1>..<h6> (the nearest), None otherwise."""
    if block.tag in _HEADING_LEVEL:
        return _HEADING_LEVEL[block.tag]
    if block.flags & F_HEADING and elements:
        for idx in reversed(block.path):
            level = _HEADING_LEVEL.get(elements[idx].tag)
            if level:
                return level
    return None


def block_role(block: Block, text: str, elements: Sequence[Element] = ()) -> tuple[BlockRole, int | None]:
    """The role of a kept block by its markup, then by its words (bylines,
    calls to action and link lists whatever element holds them)."""
    level = _heading_level(block, elements)
    if level is not None:
        role = BlockRole.HEADING
    elif block.tag in ("figcaption", "caption") or block.flags & F_FIGURE or _near_group(block, elements, "caption"):
        role = BlockRole.CAPTION
    elif block.tag == "blockquote" or block.flags & F_BLOCKQUOTE:
        role = BlockRole.QUOTE
    elif block.tag in ("pre", "code") or block.flags & F_PRE:
        role = BlockRole.CODE
    elif block.tag in ("td", "th"):
        role = BlockRole.TABLE_CELL
    elif block.tag in ("li", "dd", "dt") or block.flags & F_LI:
        role = BlockRole.LINK_LIST if block.link_density >= 0.7 and block.chars <= 100 else BlockRole.LIST_ITEM
    elif block.link_density >= 0.8 and len(text.split()) <= 8:
        role = BlockRole.LINK_LIST  # a link standing alone
    else:
        role = BlockRole.PARAGRAPH
    by_words = line_role(text)
    if by_words is not None and role is not BlockRole.CODE:
        return by_words, None
    if role is BlockRole.PARAGRAPH and is_dateline(text):
        return BlockRole.DATELINE, None
    return role, level


def _near_group(block: Block, elements: Sequence[Element], group: str) -> bool:
    bit = GROUP_BIT[group]
    return bool(elements) and any(elements[idx].groups & bit for idx in block.path[-3:])


def _date_only(text: str) -> bool:
    return len(text) <= 100 and is_date_only(text)


def promote_headings(seg: Segmented) -> None:
    """Keep a dropped section heading that opens kept text in its own section
    (its parent element holds the next block, which is kept): section
    headings of long lists and dated headings of event listings are main
    content. Not the page's <h1> (the title, kept apart as metadata) and not
    a heading that is a link (a teaser of another page)."""
    blocks = seg.blocks
    elements = seg.elements
    for i in range(len(blocks) - 2, -1, -1):
        block = blocks[i]
        if block.keep or block.boiler or block.chars > 200 or not (block.flags & F_HEADING):
            continue
        if block.tag == "h1" or block.link_density >= 0.5:
            continue
        if block.flags & _FURNITURE or R.RELATED_HEADING.match(block.text):
            continue
        nxt = blocks[i + 1]
        parent = elements[block.owner].parent if 0 <= block.owner < len(elements) else -1
        if nxt.keep and parent >= 0 and parent in nxt.path:
            block.keep = True


def assemble_lines(blocks: list[Block], elements: Sequence[Element] = ()) -> tuple[list[list[Piece]], list[DateLine]]:
    """Kept blocks -> lines of pieces (the cells of a table row share a line),
    each with its role; "Published"/"Updated" lines taken out as page dates.

    A block that only states a date is page metadata (a byline's date)
    unless it heads a section: an <h2>-<h6> after the text has begun, or one
    of several such lines (the dates of an event listing)."""
    lines: list[list[Piece]] = []
    dates: list[DateLine] = []
    last_row = -1
    kept: list[tuple[Block, str]] = []
    for i, block in enumerate(blocks):
        if not block.keep or block.boiler or _is_consent_heading(blocks, i):
            kept.append((block, ""))
            continue
        kept.append((block, R.LINK_MARKER.sub("", block.text).strip()))
    listing = sum(1 for b, t in kept if t and _date_only(t) and parse_date_line(t) is None) >= 2
    prose = False
    for block, text in kept:
        if not text:
            last_row = -1
            continue
        date_line = parse_date_line(text) if len(text) <= 90 else None
        if date_line is not None:
            dates.append(date_line)
            continue
        if _date_only(text):
            level = _heading_level(block, elements)
            if not (listing or (level is not None and level > 1 and prose)):
                continue
            piece = Piece(text, BlockRole.HEADING, level)
        else:
            piece = Piece(text, *block_role(block, text, elements))
            prose = prose or piece.role is BlockRole.PARAGRAPH and len(text) >= 60
        if block.row >= 0 and block.row == last_row and lines:
            lines[-1].append(piece)
        else:
            lines.append([piece])
        last_row = block.row
    return _headings_by_layout(lines), dates


def _headings_by_layout(lines: list[list[Piece]]) -> list[list[Piece]]:
    """A short line that names rather than says (no end punctuation, a dozen
    words at most) above a longer block is a heading: subtitles, <p><b>…</b></p>."""
    for k in range(len(lines) - 1):
        line = lines[k]
        if len(line) != 1 or line[0].role is not BlockRole.PARAGRAPH:
            continue
        nxt = lines[k + 1][0]
        if looks_like_heading(line[0].text) and len(nxt.text) > len(line[0].text):
            lines[k] = [Piece(line[0].text, BlockRole.HEADING, None)]
    return lines


def assemble(blocks: list[Block]) -> tuple[list[str], list[DateLine]]:
    """Kept blocks -> list of text blocks; date lines taken out."""
    lines, dates = assemble_lines(blocks)
    return [ROW_SEPARATOR.join(p.text for p in line) for line in lines], dates


_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,300}\]|"[^"]{1,60}")')
_WORDS_RE = re.compile(r"\w+")


def page_hints(root: etree._Element) -> PageHints:
    """Title words and schema.org / Open Graph page kinds of a parsed page."""
    title = ""
    types: set[str] = set()
    head = root.find("head")
    if head is not None:
        for el in head.iter("title", "meta"):
            if el.tag == "title" and not title:
                title = "".join(el.itertext())
            elif el.tag == "meta" and (el.get("property") or el.get("name") or "").lower() == "og:type":
                types.add((el.get("content") or "").strip().lower().split(".")[-1])
    for el in root.iter("script"):
        if (el.get("type") or "").lower().strip() == "application/ld+json" and el.text:
            for m in _LD_TYPE.finditer(el.text[:20000]):
                types.update(t.lower() for t in re.findall(r"[A-Za-z]+", m.group(1)))
    kinds = frozenset(kind for kind, names in R.PAGE_KIND_TYPES.items() if types & names)
    return PageHints(frozenset(w.lower() for w in _WORDS_RE.findall(title)), kinds)


# Below this many characters of text the page is segmented again with hidden
# elements kept (script-revealed content).
MIN_VISIBLE_CHARS = 1000


def extract_blocks(root: etree._Element) -> Segmented:
    seg = segment(root)
    if sum(b.chars for b in seg.blocks) < MIN_VISIBLE_CHARS:
        relaxed = segment(root, keep_hidden=True)
        if sum(b.chars for b in relaxed.blocks) > 2 * sum(b.chars for b in seg.blocks) + 200:
            seg = relaxed
    seg.hints = page_hints(root)
    aggregate(seg)
    return seg


def html_main_text(root: etree._Element) -> HtmlText:
    """Main text of a parsed page."""
    seg = extract_blocks(root)
    h1 = next((b.text for b in seg.blocks if b.tag == "h1"), None)
    from extractors import block_model

    if not block_model.apply(seg):
        rule_keep(seg, main_container(seg))
    promote_headings(seg)
    lines, dates = assemble_lines(seg.blocks, seg.elements)
    text, text_blocks = join_blocks(lines)
    texts = [ROW_SEPARATOR.join(p.text for p in line) for line in lines]
    later = [b.text for b in seg.blocks if b.chars <= 60]
    return HtmlText(text, tuple(texts), tuple(dates), h1, visible_dates(byline_window(seg.blocks), later), text_blocks)


def byline_window(blocks: list[Block]) -> list[str]:
    """Short blocks around the page's first <h1>, where bylines and dates sit."""
    h1s = [i for i, b in enumerate(blocks) if b.tag == "h1"][:3]
    if not h1s:
        return [b.text for b in blocks[:30] if b.chars <= 120]
    chosen: dict[int, Block] = {}
    for h1 in h1s:
        for i in range(max(0, h1 - 4), min(len(blocks), h1 + 20)):
            chosen[i] = blocks[i]
    return [chosen[i].text for i in sorted(chosen) if chosen[i].chars <= 120]
