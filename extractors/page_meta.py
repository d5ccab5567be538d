"""Page metadata: title, published and updated instants.

Sources, most trusted first: JSON-LD (``datePublished``/``dateModified``,
also inside ``@graph``), meta tags (``article:published_time``,
``og:updated_time``, Dublin Core, ``date``, ``pubdate``, ``parsely-pub-date``,
``sailthru.date``, ...), ``itemprop`` microdata, ``<time datetime>`` of the
article, visible "Published ..." / "Last updated ..." lines, and a date in
the URL path. All instants are returned tz-aware and keep the offset the page
states, so that their ``.date()`` is the calendar day the page gives (a value
without a zone is taken as UTC; a bare date is midnight UTC).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from extractors.boilerplate_rules import DATE_LINE, UPDATED_LABELS
from extractors.calendar_words import MONTHS as CALENDAR_MONTHS
from extractors.calendar_words import MONTHS_OTHER_LANGUAGES
from extractors.rule_switches import rule_on

MONTHS = {**CALENDAR_MONTHS, **MONTHS_OTHER_LANGUAGES}  # a few common non-English names too
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
    r"(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-][01]\d:?[0-5]\d|[+-][01]\d|UTC|GMT)?)?"
)
_ISO_COMPACT = re.compile(r"\b(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T(?P<H>[0-2]\d)(?P<M>[0-5]\d))?\b")
_DMY_TEXT = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_MDY_TEXT = re.compile(
    rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_YMD_TEXT = re.compile(
    rf"\b(?P<y>(?:19|20)\d\d)\s+(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)\b(?!\s*[:.]\d)", re.IGNORECASE
)
_MY_TEXT = re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<y>(?:19|20)\d\d)(?!\d)")
_TIME = re.compile(
    r"\b(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-][01]\d:?[0-5]\d)?",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:[/\-+_.]|$)")


def _tz(value: str | None) -> timezone:
    if not value or value.upper() in {"Z", "UTC", "GMT"}:
        return UTC
    sign = -1 if value[0] == "-" else 1
    digits = value[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _build(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: timezone = UTC) -> datetime | None:
    try:
        value = datetime(y, m, d, hh, mm, ss, tzinfo=tz)
    except ValueError:
        return None
    if not (1990 <= value.year <= 2100):
        return None
    return value


def _time_after(text: str, pos: int) -> tuple[int, int, int, timezone]:
    match = _TIME.search(text, pos, min(len(text), pos + 20))
    if not match or match.start() - pos > 6:
        return 0, 0, 0, UTC
    hh, mm = int(match["H"]), int(match["M"])
    ss = int(match["S"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    if hh > 23:
        return 0, 0, 0, UTC
    return hh, mm, ss, _tz(match["tz"])


def parse_date(text: str | None) -> datetime | None:
    """First date (with time when given) in a short string, as UTC; None if none."""
    if not text:
        return None
    text = text.strip()[:200]
    match = _ISO.search(text)
    if match:
        hh = int(match["H"] or 0)
        mm = int(match["M"] or 0)
        ss = int(match["S"] or 0)
        return _build(int(match["y"]), int(match["m"]), int(match["d"]), hh, mm, ss, _tz(match["tz"]))
    candidates = []
    for pattern in (_DMY_TEXT, _MDY_TEXT, _YMD_TEXT):
        m = pattern.search(text)
        if m:
            candidates.append((m.start(), m))
    if candidates:
        _, m = min(candidates, key=lambda c: c[0])
        month = MONTHS[m["mon"].lower().rstrip(".")]
        hh, mm, ss, tz = _time_after(text, m.end())
        return _build(int(m["y"]), month, int(m["d"]), hh, mm, ss, tz)
    m = _NUMERIC.search(text)
    if m:
        a, b = int(m["a"]), int(m["b"])
        # day-first unless impossible (most of the world); US order when a <= 12 < b
        day, month = (b, a) if (a <= 12 < b) else (a, b)
        hh, mm, ss, tz = _time_after(text, m.end())
        return _build(int(m["y"]), month, day, hh, mm, ss, tz)
    m = _ISO_COMPACT.search(text)
    if m:
        return _build(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0))
    m = _MY_TEXT.search(text)
    if m:
        return _build(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], 1)
    return None


@dataclass(frozen=True, slots=True)
class DateSpan:
    value: datetime
    start: int
    end: int


def iter_day_dates(text: str) -> list[DateSpan]:
    """Dates with a day (ISO, "12 Sep 2018", "Sep 12, 2018", "12/09/2018") in a short text."""
    spans: list[DateSpan] = []
    for m in _ISO.finditer(text):
        v = _build(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0),
                   _tz(m["tz"]))
        if v:
            spans.append(DateSpan(v, m.start(), m.end()))
    for pattern in (_DMY_TEXT, _MDY_TEXT, _YMD_TEXT):
        for m in pattern.finditer(text):
            if any(s.start <= m.start() < s.end for s in spans):
                continue
            hh, mm, ss, tz = _time_after(text, m.end())
            v = _build(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["d"]), hh, mm, ss, tz)
            if v:
                spans.append(DateSpan(v, m.start(), m.end()))
    if not spans:
        for m in _NUMERIC.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            day, month = (b, a) if (a <= 12 < b) else (a, b)
            v = _build(int(m["y"]), month, day)
            if v:
                spans.append(DateSpan(v, m.start(), m.end()))
    spans.sort(key=lambda s: s.start)
    return spans


_CLOCK_WORDS = frozenset("am pm utc gmt est edt pst pdt cst cdt mst mdt cet cest bst ist aest hkt jst".split())
_GLUED_YEAR = re.compile(r"(?<=\d)(?=[^\W\d_]{3})")


# the words that label a page's date ("Updated", "Posted on", "Published:")
DATE_LABEL_WORDS = r"update[ds]?|modified|revised|reviewed|edited|published|posted|released|created|written|issued|dated?"
_LABEL_BEFORE = re.compile(
    r"(" + DATE_LABEL_WORDS + r")[\s:,\-–—]*(?:on|at)?(?:\s+the)?[\s:,\-–—]*$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]{2,}")
# a field's label right before its day that names something other than the page's publication: a profile's or
# a record's "Founded: Dec 11, 2021", "Joined: Mon Jan 01, 2018", "Member since: ...", "Born: ...", "Deadline: ..."
# (a closed list: an unknown label, "Uploaded:", "Datum:", "Publié le :", may well date the page)
_OTHER_FIELD_LABELS = (r"founded|joined|member\s+since|registered|born|died|established|incorporated|birthday|"
                       r"deadline|expires?|expiry|expiration|renews?|renewal|closing\s+date|due|last\s+(?:seen|visit|login)")
_FIELD_LABEL = re.compile(r"^\W*(?:" + _OTHER_FIELD_LABELS + r")\s*:\s*(?:[^\W\d_]{3,9}\.?,?\s+)?$", re.IGNORECASE)
_NON_BYLINE = re.compile(r"[a-z]{3,}[.!?]\s+[A-Z]|\b(?:since|until|from|between|before|after|during|in)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class VisibleDates:
    """Dates the page shows near its title."""

    published: datetime | None = None  # "Published March 3, 2021"
    updated: datetime | None = None  # "Last updated: 12 Sep. 2018"
    bare: datetime | None = None  # "May 31, 2024" alone in a byline
    shown: frozenset[date] = frozenset()  # every day the byline-like blocks near the title show


def classify_date_block(text: str) -> list[tuple[str, datetime]]:
    """Dates of a short byline-like block with their kind ("published"/"updated"/"bare").

    Empty for blocks that are sentences rather than bylines.
    """
    if len(text) > 120 or _NON_BYLINE.search(text):
        return []
    out: list[tuple[str, datetime]] = []
    spans = iter_day_dates(text)
    if not spans:
        return []
    rest = _WORDS.findall(text[: spans[0].start] + " " + text[spans[-1].end :])
    if rule_on("byline-words"):  # "By Jane Doe | May 3, 2024 -- 19:14 GMT (19:14 GMT)": a clock's zones are no words
        rest = [w for w in rest if w.lower() not in _CLOCK_WORDS]
    rest_words = len(rest)
    for span in spans:
        label = _LABEL_BEFORE.search(text[max(0, span.start - 30) : span.start])
        if not label and _field_of_something_else(text[: span.start]):
            continue
        if label:
            kind = "updated" if UPDATED_LABELS.search(label.group(1)) or label.group(1).lower().startswith("update") else "published"
        elif rest_words <= 6:
            kind = "bare"
        else:
            continue
        out.append((kind, span.value))
    return out


def _field_of_something_else(before: str) -> bool:
    """The day is a field's value whose label names something other than the
    page's publication or update ("Founded:", "Joined:", "Born:", "Deadline:"
    on a profile or a record): not a byline's date."""
    return bool(_FIELD_LABEL.match(before)) and rule_on("field-label-date")


_LABEL_ONLY = re.compile(
    r"^\W*(?:(?P<upd>(?:last |date )?(?:updated|modified|revised|reviewed)(?: on| date)?)|"
    r"(?:date )?(?:published|posted|released|first published|publication date|date)(?: on)?)\W*$",
    re.IGNORECASE,
)


def visible_dates(texts: list[str], later: list[str] | None = None) -> VisibleDates:
    """Published / updated / bare dates among short blocks near the title (in page order).

    A date alone in a block takes the label of the block before it
    ("Published" / "July 8, 2025"). ``later`` are the page's other short
    blocks: a date alone in one of them is the last resort.
    """
    published = updated = bare = None
    previous = ""
    shown: set[date] = set()
    for text in texts:
        if len(text) <= 120:  # "May 21, 2025April 24, 2025 by Jo": two days glued together
            shown.update(s.value.date() for s in iter_day_dates(_GLUED_YEAR.sub(" ", text)))
            for m in _NUMERIC.finditer(text):  # "09.10.2024" may be either day
                other = _build(int(m["y"]), int(m["a"]), int(m["b"])) if int(m["a"]) <= 12 else None
                if other is not None:
                    shown.add(other.date())
        label = _LABEL_ONLY.match(previous) if previous else None
        for kind, value in classify_date_block(text):
            if kind == "bare" and label:
                kind = "updated" if label["upd"] else "published"
            if kind == "published" and published is None:
                published = value
            elif kind == "updated" and updated is None:
                updated = value
            elif kind == "bare" and bare is None:
                bare = value
        previous = text
    if bare is None and published is None and later:
        for text in later:
            if is_date_only(text):
                bare = iter_day_dates(text)[0].value
                break
    return VisibleDates(published, updated, bare, frozenset(shown))


_DATE_LABEL_WORDS = frozenset(
    "on at published posted updated last modified date by am pm utc gmt est edt pst pdt cst cdt mst mdt cet "
    "cest bst ist aest first released the monday tuesday wednesday thursday friday saturday sunday mon tue wed "
    "thu fri sat sun".split()
)


def is_date_only(text: str) -> bool:
    """A block that only states a date (with labels, or "by" and a name): page metadata, not text.

    "Published: 3 March 2021", "Monday November 18, 2019 7:45 am PST by Joe
    Rossignol" are; "In March 2021 the council met" is not.
    """
    if len(text) > 100:
        return False
    spans = iter_day_dates(text)
    if len(spans) != 1:
        return False
    rest = text[: spans[0].start] + " " + text[spans[0].end :]
    words = [w.lower() for w in _WORDS.findall(rest)]
    others = [w for w in words if w not in _DATE_LABEL_WORDS]
    if not others:
        return True
    # a byline: "by" followed by a short name (capitalised words)
    byline = re.search(r"\b[Bb]y\s+(?:[A-ZÀ-Þ][\w.'-]*\s*){1,4}$", rest.strip(" |·•-–—,"))
    return bool(byline) and len(others) <= 4


_JS_DATE = re.compile(
    r"""["']?(?P<key>datePublished|publishedDate|publishDate|published_at|publishedAt|published_on|publishedOn|"""
    r"""pubDate|date_published|first_published_at|firstPublishedAt|publication_date|publicationDate|"""
    r"""dateModified|modifiedDate|updatedAt|updated_at|lastModified|dateUpdated|last_published_at)["']?"""
    r"""\s*[:=]\s*["'](?P<value>(?:19|20)\d\d-[01]\d-[0-3]\d[^"']{0,30})["']"""
)
_JS_UPDATED = re.compile(r"modif|updat|last", re.IGNORECASE)


def script_dates(scripts: list[str]) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from date keys in inline script data (Next/Nuxt state, analytics)."""
    published = updated = None
    budget = 2_000_000
    for raw in scripts:
        if budget <= 0:
            break
        chunk = raw[:budget]
        budget -= len(chunk)
        for m in _JS_DATE.finditer(chunk):
            value = parse_date(m["value"])
            if value is None:
                continue
            if _JS_UPDATED.search(m["key"]):
                updated = updated or value
            else:
                published = published or value
            if published and updated:
                return published, updated
    return published, updated


def date_from_url(url: str | None) -> datetime | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    return _build(int(m["y"]), int(m["m"]), int(m["d"]))


@dataclass(frozen=True, slots=True)
class DateLine:
    """A visible "Published ..." / "Last updated ..." line."""

    kind: str  # "published" | "updated"
    value: datetime


def parse_date_line(line: str) -> DateLine | None:
    """Recognise a short line that only states the page's publication/update date."""
    line = line.strip()
    if len(line) > 90:
        return None
    m = DATE_LINE.match(line)
    if not m:
        return None
    value = parse_date(m["value"])
    if value is None:
        return None
    kind = "updated" if UPDATED_LABELS.search(m["label"]) else "published"
    return DateLine(kind, value)


# --------------------------------------------------------------------------
# HTML metadata
# --------------------------------------------------------------------------

PUBLISHED_META = (
    "article:published_time", "og:published_time", "published_time", "article.published",
    "datepublished", "date_published", "publishdate", "publish_date", "publish-date", "pubdate",
    "pub_date", "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date",
    "citation_publication_date", "citation_date", "article_date_original", "originalpublicationdate",
    "og:article:published_time", "cxenseparse:recs:publishtime", "rnews:datepublished",
    "article.created", "created", "creation_date", "displaydate", "dc.created", "post_date",
    "release_date", "datecreated", "timestamp", "original-publish-date", "bt:pubdate", "cludo:date",
    "article:published", "og:pubdate", "published", "publication-date", "post-date", "date.published", "dc.date.published", "published-date", "publish-date",
)
UPDATED_META = (
    "article:modified_time", "og:updated_time", "og:modified_time", "modified_time",
    "article.updated", "datemodified", "date_modified", "last-modified", "lastmod",
    "dc.date.modified", "dcterms.modified", "updated_time", "article:updated_time",
    "revised", "last_updated", "lastupdated", "dateupdated", "og:article:modified_time",
)


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    published_at: datetime | None
    updated_at: datetime | None
    dated_at: datetime | None = None  # the day the page shows as its own when not its publication day


def _jsonld_objects(raw: str) -> list[dict]:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        try:
            data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
        except (ValueError, RecursionError):
            return []
    out: list[dict] = []
    stack = [data]
    seen = 0
    while stack and seen < 500:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                value = item.get(key)
                if isinstance(value, (list, dict)):
                    stack.append(value)
    return out


_ARTICLE_TYPES = re.compile(
    r"article|posting|blog|report|news|webpage|creativework|review|recipe|howto|qapage|"
    r"question|discussionforum|techarticle|scholarly|event|product|course|faqpage",
    re.IGNORECASE,
)


def jsonld_dates(scripts: list[str]) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from JSON-LD blocks, preferring article-like objects."""
    best: tuple[int, datetime | None, datetime | None] | None = None
    for raw in scripts:
        for obj in _jsonld_objects(raw):
            pub = obj.get("datePublished") or obj.get("dateCreated") or obj.get("uploadDate")
            mod = obj.get("dateModified")
            if not isinstance(pub, str):
                pub = None
            if not isinstance(mod, str):
                mod = None
            if not pub and not mod:
                continue
            kind = obj.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            rank = 0
            if re.search(r"article|posting|blog|news|report", kind, re.IGNORECASE):
                rank = 3
            elif _ARTICLE_TYPES.search(kind):
                rank = 2
            elif kind.lower() in {"webpage", ""}:
                rank = 1
            entry = (rank, parse_date(pub), parse_date(mod))
            if entry[1] is None and entry[2] is None:
                continue
            if best is None or rank > best[0]:
                best = entry
    if best is None:
        return None, None
    return best[1], best[2]


def meta_dates(meta: dict[str, str]) -> tuple[datetime | None, datetime | None]:
    published = updated = None
    for key in PUBLISHED_META:
        if key in meta:
            published = parse_date(meta[key])
            if published:
                break
    for key in UPDATED_META:
        if key in meta:
            updated = parse_date(meta[key])
            if updated:
                break
    return published, updated


_TITLE_SEPARATORS = re.compile(r"\s+(?:[|•·–—:»]|-{1,2}|::)\s+")


def clean_title(title: str | None, h1: str | None = None, site_name: str | None = None) -> str | None:
    """Page title without the " | Site name" part when it can be told apart."""
    if not title:
        return h1.strip() if h1 and h1.strip() else None
    title = re.sub(r"\s+", " ", title).strip()
    if h1:
        h1n = re.sub(r"\s+", " ", h1).strip()
        if h1n and (h1n.lower() in title.lower()) and len(h1n) >= 0.3 * len(title):
            return h1n
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        if site_name:
            kept = [p for p in parts if p.strip().lower() != site_name.strip().lower()]
            if kept and len(kept) < len(parts):
                return " - ".join(kept).strip() or title
        # keep the longest part when the rest looks like a site name
        longest = max(parts, key=len)
        if len(longest) >= 0.5 * len(title) or len(parts[0]) >= 15:
            return longest if len(longest) >= len(parts[0]) else parts[0]
    return title or None


def _text_of(el) -> str:
    try:
        return re.sub(r"\s+", " ", "".join(el.itertext())).strip()
    except (TypeError, ValueError):
        return ""


_TIME_HINT = re.compile(r"publish|posted|date|time|created|byline|meta|entry|article", re.IGNORECASE)
_UPDATED_HINT = re.compile(r"updat|modif|revis", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateCandidates:
    """Every publication/update date a page offers, by source."""

    marked_pub: datetime | None  # JSON-LD, meta tags, microdata, a <time> marked as publication
    marked_mod: datetime | None
    visible: VisibleDates  # dates shown beside the title
    script_pub: datetime | None = None  # date keys in inline script data
    script_mod: datetime | None = None
    time_any: datetime | None = None  # any <time> of the page
    url_date: datetime | None = None
    fetched: date | None = None  # the day the page was fetched (a site's date bar shows it)


def choose_published(dates: DateCandidates) -> datetime | None:
    """The page's publication date among its candidates (what its metadata says it was published)."""
    visible = dates.visible
    marked_pub, marked_mod = dates.marked_pub, dates.marked_mod
    if visible.published:
        # what the page states beside its title beats metadata
        return visible.published
    if (
        visible.bare and marked_pub and marked_mod and marked_pub.date() == marked_mod.date()
        and visible.bare.date() < marked_pub.date()
    ):
        # metadata stamped with one date for both (a build or export date) and
        # an earlier date shown beside the title: the shown date is the publication
        return visible.bare
    return marked_pub or dates.script_pub or visible.bare or dates.time_any or dates.url_date


# the UTC offsets time zones use: an instant falls on one of two or three calendar days across them
_EARLIEST_ZONE, _LATEST_ZONE = timedelta(hours=-12), timedelta(hours=14)


def in_some_zone(instant: datetime, day: date) -> bool:
    """Whether some UTC offset in [-12, +14] puts ``instant`` on ``day``."""
    utc = instant.astimezone(UTC) if instant.tzinfo is not None else instant
    if utc.time() == datetime.min.time():  # a stamp with no time of day is a day, its instant unknown
        return abs((utc.date() - day).days) <= 1
    return (utc + _EARLIEST_ZONE).date() <= day <= (utc + _LATEST_ZONE).date()


def choose_page_day(dates: DateCandidates) -> datetime | None:
    """The day the page shows as its own, which its relative dates count from.

    What the page shows comes first where the metadata bears it out: a day
    shown beside the title on which some time zone puts the metadata's
    publication instant (never the fetch day: a site's date bar shows it),
    the modified day the page shows while its publication day is nowhere
    shown, or a day between the two (none of them labelled "Updated": an
    update's day); a page that shows only "Updated <day>"
    and gives no publication date (a living page) counts from that day.
    Else its publication date (``choose_published``)."""
    visible = dates.visible
    marked_pub, marked_mod = dates.marked_pub, dates.marked_mod
    if visible.published:
        return visible.published
    hidden_pub = marked_pub is not None and marked_pub.date() not in visible.shown
    # a day shown only as "Updated <day>" is an update's, never the day of a page whose publication is known
    bare = visible.bare if not (visible.updated and visible.bare and visible.updated.date() == visible.bare.date()) \
        else None
    if bare and marked_pub and rule_on("shown-date-agrees") and (
        (bare.date() in visible.shown and bare.date() != dates.fetched and in_some_zone(marked_pub, bare.date()))
        or (hidden_pub and marked_mod is not None and bare.date() == marked_mod.date())
        or (hidden_pub and marked_mod is not None and bare.date() in visible.shown
            and marked_pub.date() < bare.date() < marked_mod.date())
    ):
        # the day the page shows is its day when the metadata bears it out: beside the title, the
        # metadata's instant in another time zone (not the fetch day a date bar shows) or a revision
        # between the hidden publication and the last modification; anywhere, the modified date the
        # page shows as its only date
        return bare
    if (
        visible.updated and rule_on("shown-update-only")
        and not (marked_pub or marked_mod or dates.script_pub or bare or dates.time_any or dates.url_date)
        and (visible.bare is None or visible.bare.date() == visible.updated.date())
    ):
        # a living page that shows only "Updated <day>" beside its title and gives no publication
        # or modified date anywhere: its text is that day's
        return visible.updated
    if (
        dates.url_date and marked_pub and not visible.bare and rule_on("url-day")
        and marked_pub.utcoffset() == timedelta(0) and marked_pub.hour < 12
        and (marked_pub.date() - dates.url_date.date()).days == 1
    ):
        # a URL's day and a UTC stamp of the small hours after it: the same evening in the
        # publisher's own time zone, the URL's day
        return dates.url_date
    return choose_published(dates)


def _time_by_title(times: list[tuple[int, datetime]], h1_at: int | None) -> datetime | None:
    """Of the <time> elements marked as a date (index in document order, value)
    that disagree on the day, the one nearest the page's title (its first
    <h1>, an element before it counting three times as far): a page's own
    date stands by its title, the dates of a menu or a list of other stories
    further off. None when they agree or no title is
    known (the first then serves)."""
    if h1_at is None or len({v.date() for _, v in times}) < 2 or not rule_on("time-by-title"):
        return None
    # a byline mostly follows the title: an element before it counts three times as far
    return min(times, key=lambda t: t[0] - h1_at if t[0] > h1_at else 3 * (h1_at - t[0]))[1]


def html_meta(root, url: str | None = None, visible: VisibleDates | None = None,
              fetched: date | None = None) -> PageMeta:
    """Title and dates of a parsed page (lxml root) from its markup and visible bylines.

    Published: JSON-LD, meta tags, microdata, a <time> marked as publication,
    a visible "Published ..." line, date keys in inline script data, a bare
    date in the byline near the title, any <time>, the URL. Updated: the
    same sources for modification dates. ``fetched`` is the day the page was
    fetched: a day shown beside the title that is that day (a site's date
    bar) is never the page's own.
    """
    visible = visible or VisibleDates()
    meta: dict[str, str] = {}
    jsonld: list[str] = []
    scripts: list[str] = []
    title_tag = None
    h1 = None
    site_name = None
    itemprop_pub = itemprop_mod = None
    time_pub = time_mod = None
    time_any = None
    time_pubs: list[tuple[int, datetime]] = []  # (element index, value) of each <time> marked as publication
    h1_at: int | None = None
    for at, el in enumerate(root.iter("meta", "title", "script", "h1", "time", "*")):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        attrib = el.attrib
        if tag == "meta":
            key = (attrib.get("property") or attrib.get("name") or attrib.get("itemprop")
                   or attrib.get("http-equiv") or "").strip().lower()
            content = attrib.get("content")
            if key and content and key not in meta:
                meta[key] = content.strip()
            continue
        if tag == "title" and title_tag is None:
            title_tag = _text_of(el)
            continue
        if tag == "script":
            kind = (attrib.get("type") or "").lower().strip()
            if kind == "application/ld+json" and el.text:
                jsonld.append(el.text)
            elif el.text and "src" not in attrib and len(el.text) > 40:
                scripts.append(el.text)
            continue
        if tag == "h1" and h1 is None:
            text = _text_of(el)
            if text:
                h1, h1_at = text, at
        prop = attrib.get("itemprop")
        if prop in ("datePublished", "dateCreated") and itemprop_pub is None:
            itemprop_pub = parse_date(attrib.get("content") or attrib.get("datetime") or _text_of(el))
        elif prop == "dateModified" and itemprop_mod is None:
            itemprop_mod = parse_date(attrib.get("content") or attrib.get("datetime") or _text_of(el))
        if tag == "time":
            value = parse_date(attrib.get("datetime") or _text_of(el))
            if value is None:
                continue
            hint = " ".join(
                filter(None, [attrib.get("class"), attrib.get("itemprop"), el.getparent().get("class")
                              if el.getparent() is not None else None])
            )
            if _UPDATED_HINT.search(hint):
                time_mod = time_mod or value
            elif "pubdate" in attrib or _TIME_HINT.search(hint):
                time_pub = time_pub or value
                time_pubs.append((at, value))
            elif time_any is None:
                time_any = value
    time_pub = _time_by_title(time_pubs, h1_at) or time_pub
    site_name = meta.get("og:site_name") or meta.get("application-name")
    raw_title = meta.get("og:title") or meta.get("twitter:title") or title_tag
    title = clean_title(raw_title, h1, site_name)
    ld_pub, ld_mod = jsonld_dates(jsonld)
    m_pub, m_mod = meta_dates(meta)
    js_pub = js_mod = None
    if not (ld_pub or m_pub or itemprop_pub or time_pub or visible.published):
        js_pub, js_mod = script_dates(scripts)
    dates = DateCandidates(
        marked_pub=ld_pub or m_pub or itemprop_pub or time_pub,
        marked_mod=ld_mod or m_mod or itemprop_mod or time_mod,
        visible=visible,
        script_pub=js_pub,
        script_mod=js_mod,
        time_any=time_any,
        url_date=date_from_url(url),
        fetched=fetched,
    )
    published = choose_published(dates)
    updated = dates.marked_mod or visible.updated or dates.script_mod
    day = choose_page_day(dates)
    dated = day if day is not None and (published is None or day.date() != published.date()) else None
    return PageMeta(title, published, updated, dated)
