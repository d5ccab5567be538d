"""The clean stage: bytes of a fetched page -> ``CleanPage``.

``clean_page`` sniffs whether the bytes are HTML or plain text (the
content type may be missing or wrong; local files have none), decodes them
(``extractors.decode``), extracts the main text (``extractors.html_text`` or
``extractors.plain_text``), the title and page dates
(``extractors.page_meta``) and guesses the language
(``extractors.language``).

It raises ``NotReadable`` for empty content, binary content (PDF, images,
archives, ...) and content types that are neither HTML nor text, and never
raises anything else: malformed, deeply nested or garbage input degrades to
less (or no) text.
"""

from __future__ import annotations

import re
from datetime import datetime

from errors import SourceError
from extractors.decode import decode_bytes
from extractors.language import guess_language
from extractors.types import CleanPage

__all__ = ["NotReadable", "clean_page", "sniff_kind"]


class NotReadable(SourceError):
    """The content is not a page we can read text from (empty, binary, other media type)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Magic bytes of binary formats (prefix -> what it is).
_MAGIC: tuple[tuple[bytes, str | None], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # BMP only with a plausible header, checked below
    (b"\x00\x00\x01\x00", "an ICO image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x7fELF", "an executable"),
    (b"MZ", None),  # Windows executable, checked below
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|h[1-6]|"
    rb"article|section|table|ul|span|a|br|!--|\?xml[^>]*>\s*(?:<!doctype\s+html|<html))",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    rb"<(?:html|head|body|div|p|br|a\s|span|table|ul|li|h[1-6]|meta|script|title|article)\b[^>]*>", re.IGNORECASE
)


def _binary_kind(content: bytes) -> str | None:
    head = content[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            if magic == b"BM":
                if len(content) > 26 and content[6:10] == b"\x00\x00\x00\x00":
                    return "a BMP image"
                continue
            if magic == b"MZ":
                if len(content) > 64 and b"PE\x00\x00" in content[:1024]:
                    return "an executable"
                continue
            return what
    if head[4:12] in (b"ftypisom", b"ftypmp42", b"ftypM4A ", b"ftypheic", b"ftypavif", b"ftypqt  ") or (
        head[4:8] == b"ftyp"
    ):
        return "an MP4/HEIF media file"
    if head.startswith(b"RIFF") and content[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[content[8:12]]
    return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\x1b")
    return controls / len(text)


def _plausible_text(text: str) -> bool:
    """Decoded UTF-16/32 that reads as text: some ASCII, or mostly CJK/kana/hangul."""
    ascii_ = sum(1 for ch in text if " " <= ch <= "~" or ch in "\t\n\r")
    cjk = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return ascii_ >= 0.05 * len(text) or cjk >= 0.5 * len(text)


def _looks_binary(content: bytes) -> bool:
    """Many control bytes in the first KBs (UTF-16/32 text is judged once decoded)."""
    sample = content[:8192]
    if not sample:
        return False
    if sample.count(0) == 0:
        controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
        return controls > 0.1 * len(sample)
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        try:
            text = sample[: len(sample) // 4 * 4].decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and _control_ratio(text) < 0.05 and "\x00" not in text and _plausible_text(text):
            return False
    return True


def sniff_kind(content: bytes, content_type: str | None = None) -> str:
    """"html" or "text" for readable content; raises NotReadable otherwise."""
    if not content or not content.strip():
        raise NotReadable("empty content: the page has no bytes (or only whitespace)")
    binary = _binary_kind(content)
    if binary:
        raise NotReadable(f"binary content: the bytes are {binary}, not an HTML or text page")
    mime = (content_type or "").split(";")[0].strip().lower()
    head = content[:4096]
    # strip a BOM / UTF-16 NULs for sniffing
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(0) > 40:
        head = head.replace(b"\x00", b"")
        head = head.lstrip(b"\xff\xfe").lstrip(b"\xfe\xff")
    head = head.lstrip(b"\xef\xbb\xbf")
    looks_html = bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3
    if mime in _HTML_TYPES:
        # a wrong content type is common; trust the bytes when they are clearly text
        return "html" if looks_html or b"<" in head else "text"
    if mime in _TEXT_TYPES or mime.startswith("text/") or not mime or mime in (
        "application/octet-stream", "binary/octet-stream", "application/unknown", "unknown/unknown",
    ):
        if _looks_binary(content):
            raise NotReadable("binary content: the bytes are not text (control bytes in the first kilobytes)")
        if mime in ("text/css", "text/javascript", "text/csv", "text/calendar", "text/xml"):
            if looks_html:
                return "html"
            raise NotReadable(f"content type {mime} is neither an HTML nor a text page")
        return "html" if looks_html else "text"
    if mime in ("application/xml", "text/xml") and looks_html:
        return "html"
    if looks_html and not _looks_binary(content):
        return "html"  # mislabelled HTML (e.g. application/json on an HTML error page)
    raise NotReadable(f"content type {mime} is neither an HTML nor a text page")


def clean_page(content: bytes, *, content_type: str | None = None, url: str | None = None,
               fetched_at: datetime | None = None) -> CleanPage:
    """Clean one fetched page (fetched at ``fetched_at`` when known). Raises NotReadable; never anything else."""
    if content is None:
        raise NotReadable("empty content: no bytes")
    if isinstance(content, str):
        content = content.encode("utf-8", "replace")
    kind = sniff_kind(content, content_type)
    try:
        decoded = decode_bytes(content, content_type)
    except Exception:  # noqa: BLE001 - decoding is best effort
        from extractors.decode import Decoded

        decoded = Decoded(content.decode("utf-8", "replace"), "utf-8", "fallback")
    text = decoded.text.replace("\x00", "")
    try:
        if kind == "html":
            page = _clean_html(text, url, fetched_at)
        else:
            page = _clean_text(text)
    except NotReadable:
        raise
    except Exception:  # noqa: BLE001 - degrade, never crash the pipeline on one page
        page = _fallback(text, kind)
    language = None
    try:
        language = guess_language(page.text)
    except Exception:  # noqa: BLE001
        language = None
    return CleanPage(
        text=page.text,
        title=page.title,
        published_at=page.published_at,
        updated_at=page.updated_at,
        language=language,
        kind=kind,
        encoding=decoded.encoding,
        blocks=page.blocks,
        limited=page.limited,
        dated_at=page.dated_at,
    )


def _clean_text(text: str) -> CleanPage:
    from extractors.plain_text import text_page

    page = text_page(text)
    return CleanPage(page.text, page.title, page.published_at, page.updated_at, kind="text", blocks=page.text_blocks)


def _clean_html(text: str, url: str | None, fetched_at: datetime | None = None) -> CleanPage:
    from extractors.html_text import html_main_text
    from extractors.page_meta import html_meta
    from extractors.segmentation import MAX_ELEMENTS, limit_elements, parse_html

    root = parse_html(text)
    if root is None:
        return CleanPage("", None, kind="html")
    limited = None
    if limit_elements(root, MAX_ELEMENTS):
        limited = f"read up to {MAX_ELEMENTS:,} HTML elements; the page has more"
    main = html_main_text(root)
    try:
        meta = html_meta(root, url, main.visible, fetched_at.date() if fetched_at is not None else None)
    except Exception:  # noqa: BLE001 - metadata is optional
        from extractors.page_meta import PageMeta

        meta = PageMeta(None, None, None)
    published, updated = meta.published_at, meta.updated_at
    for line in main.date_lines:
        if line.kind == "updated" and updated is None:
            updated = line.value
        elif line.kind == "published" and published is None:
            published = line.value
    title = meta.title or main.h1
    return CleanPage(main.text, title, published, updated, kind="html", blocks=main.text_blocks, limited=limited,
                     dated_at=meta.dated_at)


_TAG = re.compile(r"<[^>]*>")


def _fallback(text: str, kind: str) -> CleanPage:
    """Last resort after an unexpected failure: tags stripped, blank-line blocks."""
    try:
        if kind == "html":
            text = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", text)
            text = _TAG.sub("\n", text)
            import html as _html

            text = _html.unescape(text)
        from extractors.block_roles import Piece, join_blocks
        from extractors.types import BlockRole

        lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
        blocks = [line for line in lines if line and any(ch.isalnum() for ch in line)]
        joined, spans = join_blocks([[Piece(b, BlockRole.PARAGRAPH)] for b in blocks])
        return CleanPage(joined, None, kind=kind, blocks=spans)
    except Exception:  # noqa: BLE001
        return CleanPage("", None, kind=kind)
