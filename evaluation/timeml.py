"""Reader for TimeML ``.tml`` documents (TempEval-3 layout).

A document holds its creation time as the TIMEX3 with
``functionInDocument="CREATION_TIME"`` (inside ``<DCT>``, outside ``<TEXT>``)
and its annotated text inside ``<TEXT>``. This reader returns the text with
every tag removed and XML entities decoded, the creation time, and the gold
TIMEX3s with character offsets into that text. EVENT, SIGNAL and every other
tag are dropped; their words stay in the text.

Both the TBAQ-cleaned corpora (TimeBank, AQUAINT) and WikiWars in TimeML form
read the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[^>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"|([\w:-]+)\s*=\s*\'([^\']*)\'')
_TEXT_BLOCK = re.compile(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT>", re.S)
_DCT_TIMEX = re.compile(r"<TIMEX3\b[^>]*functionInDocument\s*=\s*\"CREATION_TIME\"[^>]*>", re.S)
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated TIMEX3: its extent in the document text and attributes."""

    char_start: int
    char_end: int
    text: str
    type: str
    value: str
    tid: str = ""
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document: plain text, creation time and gold TIMEX3s."""

    doc_id: str
    text: str
    dct_value: str | None  # TIMEX3 value of the creation time, e.g. "1998-01-08"
    timexes: tuple[GoldTimex, ...]

    @property
    def dct(self) -> date | None:
        """The creation time as a date (time of day dropped), when it parses."""
        return parse_dct(self.dct_value)


# A creation-time TIMEX3 value: the day, and the time of day when it has one.
_DCT = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?")


def _dct_fields(value: str | None) -> tuple[int, ...] | None:
    """Year, month, day, hour, minute, second of a creation-time value (0 for a time it leaves out)."""
    m = _DCT.match(value) if value else None
    return tuple(int(g or 0) for g in m.groups()) if m else None


def parse_dct(value: str | None) -> date | None:
    """Parse a creation-time TIMEX3 value ("1998-01-08", "1998-01-08T12:00:00")."""
    fields = _dct_fields(value)
    if fields is None:
        return None
    try:
        return date(*fields[:3])
    except ValueError:
        return None


def attributes(raw: str) -> dict[str, str]:
    """The attributes of a tag, entity-decoded."""
    out: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        if m.group(1):
            out[m.group(1)] = html.unescape(m.group(2))
        else:
            out[m.group(3)] = html.unescape(m.group(4))
    return out


Element = tuple[str, int, int, dict[str, str]]  # name, start, end (offsets into the plain text), attributes


def tagged_spans(annotated: str, names: Collection[str]) -> tuple[str, list[Element]]:
    """The plain text of an annotated TimeML fragment (text between tags
    entity-decoded), and the elements named in ``names`` with their offsets
    into it, in the order they close. A closing tag closes the innermost
    open element of its name."""
    parts: list[str] = []
    length = 0
    pos = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    found: list[Element] = []
    for m in _TAG.finditer(annotated):
        chunk = html.unescape(annotated[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if name not in names or selfclosing:
            continue
        if not closing:
            stack.append((name, length, attributes(attrs)))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                _, start, a = stack.pop(k)
                found.append((name, start, length, a))
                break
    parts.append(html.unescape(annotated[pos:]))
    return "".join(parts), found


def strip_tags(annotated: str) -> tuple[str, list[GoldTimex]]:
    """Remove tags from an annotated TimeML fragment.

    Returns the plain text and the TIMEX3 elements found in it, with offsets
    into the plain text. Text between tags is entity-decoded.
    """
    text, elements = tagged_spans(annotated, ("TIMEX3",))
    found = [
        GoldTimex(char_start=start, char_end=end, text=text[start:end], type=a.get("type", ""),
                  value=a.get("value", ""), tid=a.get("tid", ""), mod=a.get("mod"))
        for _, start, end, a in elements
    ]
    found.sort(key=lambda t: (t.char_start, t.char_end))
    return text, found


def parse_timeml(source: str, doc_id: str = "") -> TimeMLDocument:
    """Parse the text of one ``.tml`` file."""
    block = _TEXT_BLOCK.search(source)
    annotated = block.group(1) if block else ""
    text, timexes = strip_tags(annotated)
    dct_value: str | None = None
    m = _DCT_TIMEX.search(source)
    if m:
        dct_value = attributes(m.group(0)).get("value")
    if not doc_id:
        d = _DOCID.search(source)
        doc_id = d.group(1).strip() if d else ""
    return TimeMLDocument(doc_id=doc_id, text=text, dct_value=dct_value, timexes=tuple(timexes))


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one ``.tml`` file (UTF-8)."""
    return parse_timeml(Path(path).read_text(encoding="utf-8"), doc_id=Path(path).stem)


def iter_timeml_files(directory: Path) -> list[Path]:
    """All ``.tml`` files under ``directory``, recursively, in a stable order."""
    return sorted(p for p in Path(directory).rglob("*.tml") if p.is_file())


def dct_datetime(value: str | None) -> datetime | None:
    """The creation time with its time of day when the value carries one."""
    fields = _dct_fields(value)
    if fields is None:
        return None
    try:
        return datetime(*fields)
    except ValueError:
        return None
