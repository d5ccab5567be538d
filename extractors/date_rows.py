"""Date-led rows of a list: tour dates, schedules, release lists, timelines
written without verbs.

Many pages list happenings one per line, the date first, then a separator,
then what or where: "June 9 -- <Amphitheatre>, West Palm Beach, FL",
"Sept. 12 – <Venue>, Mountain View, CA", "September 24 2pm - 3pm <Room>
<Instructor>". No clause tells the happening: the list does, and its
introducing heading or sentence names it ("2020 tour dates:", "Schedule of
talks", "Releases").

``date_runs``: a run of at least ``MIN_RUN_ROWS`` consecutive blocks (a
paragraph, list item or heading: never a link list, byline, dateline, call
to action, caption, table cell or code) that each open with a date --
a month and a day, or a month and its year, or a numeric day ("1/27/2026") --
and go on, after a separator ("--", "–", "-", ":", "|", "@", "~") or after a
clock time ("12pm - 1pm"), with a short label that names something (a word
besides times, weekdays, "by" and a post's furniture: "Reply", "Comments"),
not a sentence. Fewer rows are no list: one "May 2024 - ..." line is a
heading or a note. Not rows: archive links ("March 2019 (12)": no
separator), "Posted on <date>" and bylines (the date does not lead the line),
a comment's timestamp ("March 3, 2024 at 5:12 pm Reply": nothing but
furniture after it), a listing's byline counting its post's comments
("7 March 10:07 AM - Hardware - 8 Comments"), a changelog's header with no content ("June 17, 2025 -
v1.4": no word), a line that is a sentence (the parse reads it).

Not rows: a line pricing something ("Jan 3 - $49 at <store>"); no list: one its intro or heading calls
birthdays or anniversaries ("Famous birthdays this week:").

``run_year``: the one year of a run's yearless rows: a year its intro (the block right above the run)
writes ("The 2020 tour dates:"), else the last year the page names before the run for the happening the
run lists ("a 2020 North American tour" above "Tour Dates") if the run's tense (``run_tense``) allows it,
else the year its tense puts it in (a list "Upcoming" on or after the page's day, one "Past" on or before
it), else the temporal tagger's year of its first yearless row. ``row_days``: each row's day in that year,
going on to the next year only where the run steps from a late month to an early one
(``calendar_words.year_offsets``: December, then January; not "Mar 10", then "Mar 8").

``run_trigger``: the happening a row is: the last event noun of the row
("Office hours workshop"), else of the run's intro ("Tour dates" -> tour,
"Schedule of talks" -> talk), else of the nearest marked-up heading above
the run ("Yoga series" -> series is none; then the default ``ROW_TRIGGER``,
an event: a dated row of a list is a happening on that day).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extractors.block_roles import LETTER_WORD, STOP_END, has_month_day
from extractors.calendar_words import MONTHS, year_offsets
from extractors.event_rules import EVENT_NOUNS
from extractors.timex.context import valid_day
from extractors.types import BlockRole, DateMention, Precision, TextBlock

# consecutive rows a list shows at least: a single "May 2024 - ..." line is a heading or a note
MIN_RUN_ROWS = 3
MAX_ROW_CHARS = 200
MAX_LABEL_WORDS = 16
MAX_INTRO_CHARS = 200
# roles a row may have: the cleaner makes some rows headings by their shape alone
ROW_ROLES = frozenset({BlockRole.PARAGRAPH, BlockRole.LIST_ITEM, BlockRole.HEADING})
# what a row is when neither it nor its list names the happening
ROW_TRIGGER = "event"

_BULLET = re.compile(r"\s*(?:[•·*▪►–—-]\s*)?")
_SEPARATOR = re.compile(r"\s*(?:--|[:–—|@~/-])\s*")
# joining words between a row's date and its clock times ("June 9, 2pm - 3pm", "June 9 at 7:30 PM")
_JOIN = re.compile(r"[\s,]*(?:(?:at|from|@)\s+)?")
# words that name nothing a row could list: times, weekdays, a post's or a comment's furniture
_NOT_LABEL = frozenset(
    "am pm at from to until till and on the noon midnight utc gmt bst cet cest est edt pst pdt cst cdt mst mdt "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "reply replies comment comments permalink edit edited posted updated said wrote by read more link quote "
    "views view likes like share".split()
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# a post's counters: a row that counts its comments or views is a listing's byline ("7 March 10:07 AM - AMD - 8 Comments")
_COUNTER = re.compile(r"(?i)\b(?:\d[\d,.]*|add an?|leave an?|no)\s*(?:comments?|repl(?:y|ies)|views?|likes?|shares?|responses?|answers?|votes?)\b")
# a row that prices something on a day ("Jan 3 - $49 at <store>") is a price list's, not a happening
_PRICE = re.compile(r"(?:[$€£¥]|(?:US|CA|AU)\$)\s?\d")
# a list of days that are no happenings of theirs: persons' birthdays ("Famous birthdays this week:")
_NOT_HAPPENINGS = re.compile(r"(?i)\b(?:birthdays?|born(?:\s+on)?\s+this|anniversaries)\b")
# a list of happenings still to come ("Upcoming tour dates:") or gone by ("Past tour dates:"), which puts its
# rows after or before the page's date ("New York" is a place)
_AHEAD = re.compile(r"(?i)\b(?:upcoming|forthcoming|future|next|coming|new(?!\s+(?-i:York|Jersey|Orleans|Zealand|"
                    r"Mexico|Hampshire|England|Year|Delhi|South)))\b")
_PAST = re.compile(r"(?i)\b(?:past|previous|last|earlier|former)\b")


@dataclass(frozen=True, slots=True)
class DateRow:
    """One row of a run: its block, the date opening it, and where its label starts."""

    block: TextBlock
    date: DateMention
    label_start: int


@dataclass(frozen=True, slots=True)
class DateRun:
    """A run of date-led rows, with the block right above it (its intro) and the nearest marked-up heading above."""

    rows: tuple[DateRow, ...]
    intro: TextBlock | None
    heading: TextBlock | None


def _is_sentence(label: str) -> bool:
    """A label that is a sentence: six words or more ending with a stop (a bracketed venue note is none)."""
    return len(label.split()) >= 6 and bool(STOP_END.search(label))


def _opening_date(text: str, block: TextBlock, inside: Sequence[DateMention]) -> DateRow | None:
    """The block as a row: a date at its start (after a bullet), clock times of the same day after it, then
    a separator (or, after a clock time, the label right away) and a label that is no sentence."""
    if block.role not in ROW_ROLES or block.char_end - block.char_start > MAX_ROW_CHARS or not inside:
        return None
    first = inside[0]
    lead = _BULLET.match(text, block.char_start, first.char_start)
    if lead is None or lead.end() != first.char_start:
        return None
    if first.role not in ("point", "range") or not any(ch.isdigit() for ch in first.text):
        return None
    if not (has_month_day(first.text) or (first.precision == Precision.MONTH and _YEAR.search(first.text))):
        return None  # a bare year or weekday leads a timeline's or a week's row, not a dated list's
    pos, timed = first.char_end, False
    for d in inside[1:]:
        join = _JOIN.match(text, pos, d.char_start)
        if join is None or join.end() != d.char_start or d.date_start != first.date_start:
            break
        pos, timed = d.char_end, True
    sep = _SEPARATOR.match(text, pos, block.char_end)
    if sep is not None and sep.end() > pos and sep.group().strip():
        start = sep.end()
    elif timed and text[pos : pos + 1].isspace():
        start = pos + 1
    else:
        return None
    label = text[start : block.char_end].strip()
    words = LETTER_WORD.findall(label)
    if (not label or len(label.split()) > MAX_LABEL_WORDS or _is_sentence(label)
            or not any(w.lower() not in _NOT_LABEL for w in words) or words[0].lower() == "by"
            or _COUNTER.search(label) or _PRICE.match(label)):
        return None
    return DateRow(block, first, start)


def date_runs(text: str, blocks: Sequence[TextBlock], dates: Sequence[DateMention]) -> list[DateRun]:
    """The page's runs of date-led rows (``dates``: the page's date mentions, in any order)."""
    dates = sorted(dates, key=lambda d: d.char_start)
    by_start = [d.char_start for d in dates]
    runs: list[DateRun] = []
    current: list[tuple[int, DateRow]] = []

    def close() -> None:
        if len(current) >= MIN_RUN_ROWS:
            i = current[0][0]
            intro = blocks[i - 1] if i > 0 and blocks[i - 1].char_end - blocks[i - 1].char_start <= MAX_INTRO_CHARS else None
            heading = next((b for b in reversed(blocks[:i]) if b.role is BlockRole.HEADING and b.level is not None), None)
            if not any(b is not None and _NOT_HAPPENINGS.search(text, b.char_start, b.char_end) for b in (intro, heading)):
                runs.append(DateRun(tuple(r for _, r in current), intro, heading))
        current.clear()

    for i, block in enumerate(blocks):
        lo = bisect.bisect_left(by_start, block.char_start)
        inside = dates[lo : bisect.bisect_left(by_start, block.char_end, lo)]
        row = _opening_date(text, block, inside)
        if row is None:
            close()
            continue
        current.append((i, row))
    close()
    return runs


def event_noun(words: str, names: bool = True) -> str | None:
    """The last event noun of a line's words, singular: the head of a compound ("50th Anniversary Tour
    dates" -> tour, "Schedule of talks" -> talk);
    without ``names``, only of its lowercase words (a row's capitalised words name its venue or city:
    "Cuyahoga Falls")."""
    found = None
    for w in LETTER_WORD.findall(words):
        if not names and not w.islower():
            continue
        lw = w.lower()
        if lw in MONTHS and not w.islower():
            continue  # "March" is a month
        for form in (lw, lw[:-1] if lw.endswith("s") else None, lw[:-2] if lw.endswith("es") else None):
            if form and form in EVENT_NOUNS and form != "talks":
                found = form
                break
    return found


def run_trigger(text: str, run: DateRun, row: DateRow) -> str:
    """The happening a row is: the row's own event noun, else its intro's, else its heading's, else an event."""
    for span in ((row.label_start, row.block.char_end), run.intro, run.heading):
        if span is None:
            continue
        start, end = span if isinstance(span, tuple) else (span.char_start, span.char_end)
        noun = event_noun(text[start:end], names=not isinstance(span, tuple))
        if noun is not None:
            return noun
    return ROW_TRIGGER


def run_tense(text: str, run: DateRun) -> int:
    """Whether the run's intro (else its heading) lists happenings still to come (1: "Upcoming tour dates:"),
    gone by (-1: "Past tour dates:", "on its last tour"), or says neither (0)."""
    for b in (run.intro, run.heading):
        if b is None:
            continue
        ahead = _AHEAD.search(text, b.char_start, b.char_end) is not None
        past = _PAST.search(text, b.char_start, b.char_end) is not None
        if ahead != past:
            return 1 if ahead else -1
    return 0


def _fits(year: int, days: Sequence[tuple[int, int]], offsets: Sequence[int], tense: int, page_day: date) -> bool:
    """Do the run's days in ``year`` (rolled by ``offsets``) lie where its tense puts them: all on or after the
    page's day for a list to come, all on or before it for one gone by?"""
    dated = [date(year + off, m, min(d, 28) if (m, d) == (2, 29) else d) for (m, d), off in zip(days, offsets)]
    return min(dated) >= page_day if tense > 0 else max(dated) <= page_day if tense < 0 else True


def run_year(text: str, run: DateRun, dates: Sequence[DateMention], page_day: date | None = None) -> int | None:
    """The year of a run's first row (the others follow by ``year_offsets``): one its intro writes, else the
    last the page names before the run with the happening the run lists ("a 2020 North American tour") when
    the run's tense (``run_tense``) allows it, else the year its tense puts it in against ``page_day`` (a list
    to come after it, one gone by before it), else the temporal tagger's year of its first yearless row."""
    if run.intro is not None:
        written = {d.date_start.year for d in dates
                   if run.intro.char_start <= d.char_start < run.intro.char_end and not d.anchored
                   and d.precision in (Precision.YEAR, Precision.MONTH, Precision.DAY)}
        if len(written) == 1:
            return written.pop()
    days = [(r.date.date_start.month, r.date.date_start.day) for r in run.rows]
    offsets = year_offsets(days)
    tense = run_tense(text, run) if page_day is not None else 0
    nouns = (event_noun(text[b.char_start : b.char_end]) for b in (run.intro, run.heading) if b is not None)
    noun = next((n for n in nouns if n is not None), None)
    if noun is not None:
        named = re.compile(r"\b((?:19|20)\d{2})(?:[’']s)?(?:\s+[\w&-]+){0,3}?\s+" + re.escape(noun) + r"s?\b", re.I)
        found = list(named.finditer(text, 0, run.rows[0].block.char_start))
        if found and (page_day is None or _fits(int(found[-1].group(1)), days, offsets, tense, page_day)):
            return int(found[-1].group(1))
    if page_day is not None and tense:
        year = page_day.year - max(offsets) - 1 if tense > 0 else page_day.year - min(offsets) + 1
        while not _fits(year, days, offsets, tense, page_day):
            year += tense
        return year
    first = next((k for k, r in enumerate(run.rows) if r.date.anchored and r.date.precision == Precision.DAY), None)
    return None if first is None else run.rows[first].date.date_start.year - offsets[first]


def row_days(text: str, run: DateRun, dates: Sequence[DateMention],
             page_day: date | None = None) -> list[tuple[TextBlock, date]]:
    """Each yearless day row of the run with its day in one year (``run_year``), going on to the next year
    where a run going forward steps from a late month to an early one (``year_offsets``), back to the year
    before where a run going back (newest first) does the reverse."""
    year = run_year(text, run, dates, page_day)
    if year is None:
        return []
    offsets = year_offsets([(r.date.date_start.month, r.date.date_start.day) for r in run.rows])
    out: list[tuple[TextBlock, date]] = []
    for row, off in zip(run.rows, offsets):
        if not row.date.anchored or row.date.precision != Precision.DAY:
            continue
        month, day = row.date.date_start.month, row.date.date_start.day
        if valid_day(year + off, month, day):
            out.append((row.block, date(year + off, month, day)))
    return out
