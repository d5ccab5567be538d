"""Reference lines: a bibliographic citation ("Nature 521 (7553), 436-444,
2015", "arXiv preprint arXiv:1503.02531, 2015", "Proceedings of the ...
conference, 2010") states that a work was published in the year that ends
it. Such a line has no verb of its own, so the parse finds no happening; and
its other numbers (volume, issue, page range "1929-1958", a year inside a
venue's name) are no dates of the line.

A source list's access date ("Accessed 4 Nov. 2025.", "Retrieved on
March 3, 2024", "Archived from the original on ...") is metadata of the
citation: the day a reader looked the source up, no happening of the page.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.event_rules import FINITE_TAGS, has_own_subject  # a line with a finite verb (and a subject) is a sentence, not a reference

# a line that ends with ", <year>" (a reference list's year column)
_TRAILING_YEAR = re.compile(r",\s*((?:1[5-9]|20)\d\d)\s*\.?\s*$")
CITATION_TRIGGER = "publish"
# a line of fewer words is a reference whatever its parse
_SHORT = 5


def citation_year_span(parsed: Doc) -> tuple[int, int] | None:
    """Character span (in the parsed text) of the publication year of a
    reference line, or None when the text is not one: it ends with ", <year>",
    has words before it, and no finite verb with a subject."""
    text = parsed.text
    m = _TRAILING_YEAR.search(text)
    if m is None or len(text) > 300 or "\n" in text.strip():
        return None
    words = [t for t in parsed if t.is_alpha]
    if not words:
        return None
    if len(words) < _SHORT:  # "arXiv preprint arXiv:1503.02531, 2015": too short to be a clause
        return m.start(1), m.end(1)
    for t in parsed:
        if t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX") and has_own_subject(t):
            return None
    return m.start(1), m.end(1)


# the words that make the date after them a citation's access or archive
# day; the verb opens its line or follows a citation's punctuation
_ACCESS_VERB = r"(?:last\s+|date\s+)?(?:accessed|retrieved|consulted|viewed|visited)|archived(?:\s+from\s+the\s+original)?"
_ACCESS_BEFORE = re.compile(
    r"(?:^|[.;,(\[])\s*(?i:" + _ACCESS_VERB + r")(?:\s+(?i:on|from\s+\S+\s+on))?\s*:?\s*$"
)
_ACCESS_WORDS = frozenset({"accessed", "retrieved", "consulted", "viewed", "visited", "archived", "access", "retrieve",
                           "consult", "view", "visit", "archive"})


def is_access_date(text: str, date_start: int, parsed: Span | None = None) -> bool:
    """True when the date starting at ``text[date_start:]`` is a citation's
    access or archive date ("Accessed 4 Nov. 2025", "Retrieved on ...").

    The access verb opens the line or follows a citation's punctuation
    ("Port Office. Accessed ..."), never a subject ("The files were
    retrieved on ..."); with the parse of the sentence (``parsed``), a
    finite verb other than the access verb makes it a sentence, not a
    citation line ("Retrieved on 3 May, the files were sent ...")."""
    if _ACCESS_BEFORE.search(text[max(0, date_start - 60) : date_start]) is None:
        return False
    if parsed is None:
        return True
    return not any(t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX") and t.lower_ not in _ACCESS_WORDS
                   and t.lemma_.lower() not in _ACCESS_WORDS for t in parsed)


# an author: initials and a surname, or given names and a surname ("GE Hinton", "L van der Maaten", "Jane Smith")
_AUTHOR = re.compile(r"(?:[A-Z][\w'’.-]*|van|von|der|de|da|di|la|le)(?:\s+(?:[A-Z][\w'’.-]*|van|von|der|de|da|di|la|le)){1,3}")


def author_names(text: str, line_start: int) -> tuple[str, ...]:
    """The authors of a reference line: the line just above it when that line
    is a comma-separated list of names ("GE Hinton, S Osindero, YW Teh"), else ()."""
    above_end = text.rfind("\n", 0, line_start)
    while above_end > 0 and text[above_end - 1] == "\n":
        above_end -= 1
    if above_end <= 0:
        return ()
    above = text[text.rfind("\n", 0, above_end) + 1 : above_end].strip()
    items = [i.strip() for i in re.split(r",|\band\b", above.rstrip("…. ")) if i.strip()]
    if not items or len(items) > 15 or not all(len(i) <= 40 and _AUTHOR.fullmatch(i) for i in items):
        return ()
    return tuple(items)
