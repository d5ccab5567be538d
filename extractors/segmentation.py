"""Segmentation of an HTML page: parse, prune, cut into text blocks.

The DOM is lxml's (``lxml.etree.HTMLParser``), walked once with
``etree.iterwalk``: BeautifulSoup is 5-10x slower on the large pages of
the benchmarks and the 50 ms/page budget does not allow it.

1. prune: elements that never hold main text (scripts, forms controls,
   dialogs, ...), hidden elements, consent-manager containers (by id, class,
   attribute; see ``boilerplate_rules``);
2. segment the rest into text blocks (paragraphs, headings, list items,
   table cells, ...) with their element path, link text and the class/id
   vocabulary groups of their ancestors; sum the text statistics of the
   blocks up the element tree and find the page's main container.

What is kept of the blocks is decided by ``block_model`` (or the rules of
``html_text`` without a model) and assembled into text by ``html_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from extractors import boilerplate_rules as R
from extractors.plain_text import is_boilerplate_paragraph
from extractors.rule_switches import rule_on

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
    standfirst: bool = False  # the subtitle under the page's headline (extractors.html_text.promote_standfirst)
    features: list[float] = field(default_factory=list)
    times: tuple[str, ...] = ()  # the datetime attributes of the <time> elements inside, as written

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


# What one page may cost to segment grows with its elements (~12 kB each, 100,000
# one-word paragraphs took 1.3 GB): elements past MAX_ELEMENTS, in document
# order, are dropped, so a page is read up to there. The largest of the 1,678
# pages of the boilerplate benchmarks has 15,793 elements, the median 925.
MAX_ELEMENTS = 30_000


def limit_elements(root: etree._Element, limit: int = MAX_ELEMENTS) -> bool:
    """Drop every element after the ``limit``-th (document order) with its text; whether any was."""
    cut = None
    for k, el in enumerate(root.iter()):
        if k == limit:
            cut = el
            break
    if cut is None:
        return False
    node = cut
    while node is not None and node is not root:
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent
    cut.getparent().remove(cut)
    return True


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


# class names that name a look, not a part of the page: a block theme's preset font sizes and colours
# ("has-legal-font-size" is small print in the text, not a footer's legal links; "has-text-color")
_PRESENTATION_CLASS = re.compile(
    r"^has-(?:[a-z0-9-]+-)?(?:font-size|color|background-color|gradient-background|border-color|font-family)$"
    r"|^has-(?:text|link|background|border)-color$|^has-text-align-[a-z]+$"
)


def semantic_classes(cls: str) -> str:
    """The class names that may say what an element is (presentation presets left out)."""
    return " ".join(name for name in cls.split() if not _PRESENTATION_CLASS.match(name.lower()))


def _attr_info(el_id: str, cls: str) -> tuple[bool, int]:
    """(is a consent container by its id/class, class groups), memoised."""
    key = f"{el_id}\x00{cls}"
    info = _ATTR_CACHE.get(key)
    if info is None:
        info = (is_consent_name(el_id, cls), class_groups(f"{el_id} {semantic_classes(cls)}"))
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
    # aria-hidden keeps an element from screen readers; on a link it marks a duplicate of another link to the
    # same page (a card's teaser under its headline link), whose text is on the screen
    if attrib.get("aria-hidden") == "true" and el.tag != "a":
        return True
    style = attrib.get("style")
    if style and R.HIDDEN_STYLE.search(style):
        return True
    return False


def _open(el: etree._Element, tag: str, keep_hidden: bool) -> tuple[int, int] | None:
    """None when an element opening is pruned with its subtree (dropped tags,
    consent banners, hidden content, dialogs); else its class groups and the
    flags of its own (tag, groups, hidden, role, itemprop)."""
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
        return None
    flags = _TAG_FLAG.get(tag, 0) | groups
    if hidden:
        flags |= F_HIDDEN
    if role in R.FURNITURE_ROLES:
        flags |= F_ROLE_FURN
    elif role in R.MAIN_ROLES:
        flags |= F_ROLE_MAIN
    if attrib.get("itemprop") in ("articleBody", "text", "reviewBody", "description"):
        flags |= F_ITEMPROP_BODY
    return groups, flags


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
    buf_times: list[str] = []  # datetime attributes of the <time> elements in the block being read
    link_depth = 0
    skipped: set[int] = set()  # id() of pruned elements, to ignore their end event
    tr_stack: list[int] = []
    articles = 0

    def flush() -> None:
        nonlocal buf_link
        if not buf:
            buf_times.clear()
            return
        text = _WS.sub(" ", "".join(buf)).strip()
        buf.clear()
        times = tuple(buf_times)
        buf_times.clear()
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
        blocks.append(Block(text, tag, owner, path, min(link, len(text)), flags, row, len(blocks), times=times))

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
            opening = _open(el, tag, keep_hidden)
            if opening is None:
                skipped.add(id(el))
                walker.skip_subtree()
                if tag in R.BLOCK_TAGS:
                    flush()
                continue
            groups, own_flags = opening
            parent = stack[-1] if stack else -1
            inherited = elements[parent].flags if parent >= 0 else 0
            flags = inherited | own_flags
            if tag == "article":
                if articles == 0:
                    flags |= F_FIRST_ARTICLE
                articles += 1
            idx = len(elements)
            elements.append(Element(tag, parent, len(stack), groups, flags))
            if tag in R.BLOCK_TAGS:
                flush()  # the text so far belongs to the blocks already open
                block_stack.append(idx)
            stack.append(idx)
            if tag == "tr":
                tr_stack.append(idx)
            if tag == "a":
                link_depth += 1
            buf_times.extend(_machine_time(el, tag))
            # "<span class=item>2026</span><span class=item>1h 54m</span>": two items, not "20261h 54m"
            add(" " + (el.text or "") if _next_item(el, tag) else el.text)
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


def _machine_time(el: etree._Element, tag: str) -> tuple[str, ...]:
    """The datetime attribute of a ``<time>`` element, as written (none: empty)."""
    value = el.get("datetime") if tag == "time" else None
    return (value,) if value else ()


def _next_item(el: etree._Element, tag: str) -> bool:
    """An inline element right after a sibling of the same tag and class with nothing between
    them: the next of a run of items a layout sets apart by style alone (a chart row's year,
    running time and rating; a listing's tags). Two items of one or two characters each are
    letters a script split a word into, not items."""
    if tag in R.BLOCK_TAGS or not rule_on("inline-items"):
        return False
    prev = el.getprevious()
    cls = el.get("class")
    if prev is None or not cls or prev.tag != el.tag or prev.get("class") != cls or prev.tail:
        return False
    mine, theirs = "".join(el.itertext()).strip(), "".join(prev.itertext()).strip()
    return bool(mine) and bool(theirs) and max(len(mine), len(theirs)) > 2 and _apart(theirs[-1], mine[0])


def _apart(a: str, b: str) -> bool:
    """Whether the characters either side of two items' seam stand apart: "2026|1h",
    "Categories|Photography", "(38)|Canon", "stars|2"; not the halves of one word ("Co|rnell",
    "includin|g", "PA|TRICIA"), a word and its punctuation ("skills|,") or an opening bracket
    or sign and what it opens ("(|$100", "@|functools")."""
    if not (a.isalnum() or a in ".!?;,)]}%") or not (b.isalnum() or b in "$£€#(•"):
        return False
    if a.isalpha() and b.isalpha():
        return not b.islower() and not (a.isupper() and b.isupper())
    return True


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


def is_text_boilerplate(text: str) -> bool:
    """Text-level boilerplate: cookie notices, share bars, skip links, newsletter/paywall prompts."""
    return is_boilerplate_paragraph(text)


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
