"""Bytes of a fetched page -> text, with the charset it was decoded with.

Order of evidence: byte-order mark; the HTTP ``Content-Type`` charset; a
``<meta charset>`` / ``http-equiv`` or XML declaration in the first bytes;
otherwise detection (UTF-8 first, then charset-normalizer). A declared
charset is not trusted blindly: bytes that are valid UTF-8 with multi-byte
sequences are UTF-8 whatever the label says (the usual wrong declaration is
"iso-8859-1" on UTF-8 pages, which would give "Ã©" mojibake), and a
declared charset that fails to decode falls through to detection. Labels
are mapped as browsers map them (latin-1/ascii -> windows-1252, ...).
Mojibake the bytes themselves carry (a page saved again after a wrong
decoding) is repaired by ftfy.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

import ftfy

from extractors.rule_switches import rule_on

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG-style label aliases for the labels that matter in practice.
_ALIASES = {
    "latin1": "cp1252", "latin-1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252", "cp1252": "cp1252", "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "windows-1254": "cp1254",
    "iso-8859-11": "cp874", "tis-620": "cp874", "windows-874": "cp874",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "cp932": "cp932", "csshiftjis": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "chinese": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "utf-8": "utf-8",
    "utf-16": "utf-16", "utf16": "utf-16", "unicode": "utf-16", "ucs-2": "utf-16",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    source: str  # "bom" | "http" | "meta" | "detected" | "fallback"


def normalize_label(label: str | None) -> str | None:
    """A charset label as a Python codec name, or None if unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    name = _ALIASES.get(key, key)
    try:
        return codecs.lookup(name).name if name not in _ALIASES.values() else name
    except LookupError:
        return None


def http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HTTP_CHARSET.search(content_type)
    return normalize_label(match.group(1)) if match else None


def declared_charset(head: bytes) -> str | None:
    """Charset from an XML declaration or a <meta> tag in the first bytes."""
    match = _XML_DECL.search(head[:200]) or _META_CHARSET.search(head)
    if not match:
        return None
    return normalize_label(match.group(1).decode("ascii", "ignore"))


def _bom(content: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(content: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes in every other position."""
    sample = content[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _strict(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(content: bytes) -> str | None:
    """UTF-8 with a few broken sequences (truncated page, one stray byte)."""
    text = content.decode("utf-8", errors="replace")
    errors = text.count("\ufffd") - content.count(b"\xef\xbf\xbd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if errors > 0 and non_ascii >= 20 * errors:
        return text
    return None


def _detect(content: bytes) -> tuple[str, str] | None:
    """charset-normalizer's guess, with windows-1252 preferred on a tie.

    windows-1252 is by far the most common legacy charset of the web; when
    another single-byte Latin charset decodes the bytes with no less chaos
    (short texts often tie), windows-1252 is taken.
    """
    from charset_normalizer import from_bytes

    sample = content if len(content) <= 200_000 else content[:200_000]
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        names = {normalize_label(n) or n for n in match.could_be_from_charset}
        if "cp1252" in names and match.percent_chaos <= best.percent_chaos + 0.5:
            best = match
            encoding = "cp1252"
            break
    else:
        encoding = normalize_label(best.encoding) or best.encoding
    text = content.decode(encoding, errors="replace")
    return text, encoding


def _is_single_byte(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in {
            "cp1252", "iso8859-1", "latin-1", "ascii", "cp1250", "cp1251", "cp1254", "iso8859-15",
            "iso8859-2", "cp874", "koi8-r", "mac-roman",
        } or encoding.startswith(("cp125", "iso8859"))
    except LookupError:
        return False


def _has_multibyte_utf8(content: bytes) -> bool:
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", content) is not None


# ftfy's repair of text that was decoded with the wrong charset before it reached us (UTF-8 bytes read as
# windows-1252 and saved again: "Africaâ€™s" -> "Africa’s"), and nothing else: entities stay for the HTML
# parser, quotes stay curly, widths, ligatures and line breaks as written
_MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False)


# what any repair above needs to find: a UTF-8 lead byte read as windows-1252 or latin-1 followed by a
# continuation byte read so ("â€", "Ã©"), a C1 control character (a windows-1252 byte read as latin-1:
# "\x92" for "’"), or the pair read as Mac Roman. A text with none is left as it is without asking ftfy,
# which reads every character (about 50 ms for a 280 kB page, its own badness test longer; the sign takes
# 1.4 ms, and on the 1,497 WCXB dev and 181 ScrapingHub pages ftfy changes no page without one)
_MOJIBAKE_SIGN = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]"
    # ... or read as Mac Roman ("v¬†Oakland" for a no-break space, "‚Äô" for "’", "√©" for "é")
    "|[\u00ac\u221a\u0192\u2248\u2206\u201a\u201e][\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e0-\u00fc"
    "\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e"
    "\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9]")


def decode_bytes(content: bytes, content_type: str | None = None) -> Decoded:
    """Decode page bytes, then repair mojibake the page itself carries (a
    page saved in UTF-8 after a wrong decoding: "South Africaâ€™s"); never
    raises."""
    decoded = _decode(content, content_type)
    if not rule_on("mojibake") or not _MOJIBAKE_SIGN.search(decoded.text):
        return decoded
    return replace(decoded, text=ftfy.fix_text(decoded.text, _MOJIBAKE_ONLY))


def _decode(content: bytes, content_type: str | None) -> Decoded:
    if not content:
        return Decoded("", "utf-8", "fallback")
    bom = _bom(content)
    if bom:
        name, skip = bom
        return Decoded(content[skip:].decode(name, errors="replace"), name, "bom")

    utf16 = _utf16_without_bom(content)
    candidates: list[tuple[str, str]] = []
    http = http_charset(content_type)
    if http:
        candidates.append((http, "http"))
    head = content[:4096]
    if utf16:
        try:
            head = content[:8192].decode(utf16, errors="ignore").encode("ascii", "ignore")
        except LookupError:
            head = b""
    meta = declared_charset(head)
    if meta:
        candidates.append((meta, "meta"))
    if utf16 and not any(c[0].startswith("utf-16") for c in candidates):
        candidates.insert(0, (utf16, "detected"))

    for encoding, source in candidates:
        if encoding == "utf-16" and utf16:
            encoding = utf16
        if encoding.startswith("utf-16") and not utf16:
            continue  # an HTML page saying utf-16 in ASCII bytes is not UTF-16
        if encoding == "utf-8":
            text = _strict(content, "utf-8") or _mostly_utf8(content)
            if text is not None:
                return Decoded(text, "utf-8", source)
            continue
        if not encoding.startswith("utf-16") and _has_multibyte_utf8(content):
            text = _strict(content, "utf-8")
            if text is not None:  # valid UTF-8 labelled as something else
                return Decoded(text, "utf-8", "detected")
        text = _strict(content, encoding)
        if text is not None:
            return Decoded(text, encoding, source)

    text = _strict(content, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "detected")
    text = _mostly_utf8(content)
    if text is not None:
        return Decoded(text, "utf-8", "detected")
    try:
        detected = _detect(content)
    except Exception:  # noqa: BLE001 - detection is best effort
        detected = None
    if detected is not None:
        return Decoded(detected[0], detected[1], "detected")
    for encoding, _source in candidates:
        if not _is_single_byte(encoding):
            try:
                return Decoded(content.decode(encoding, errors="replace"), encoding, "fallback")
            except LookupError:
                continue
    return Decoded(content.decode("cp1252", errors="replace"), "cp1252", "fallback")
