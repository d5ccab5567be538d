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
from extractors.rule_switches import rule_on

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
_SURNAME_PARTICLE = r"van|von|der|de|da|di|la|le"
_AUTHOR = re.compile(r"(?:[A-Z][\w'’.-]*|" + _SURNAME_PARTICLE + r")(?:\s+(?:[A-Z][\w'’.-]*|" + _SURNAME_PARTICLE + r")){1,3}")


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


# ---------------------------------------------------------------------------
# Cited works inside running text and reference entries

_UPPER = "A-ZÀ-ÖØ-Þ"
# a word of a cited name: capitalised ("Lynch", "Bøg", "McKinsey", "O'Neil", "IBM"), or a particle inside it
_NAME_WORD = r"[" + _UPPER + r"][\w'’&.-]*"
_PARTICLE = r"(?:" + _SURNAME_PARTICLE + r"|den|du|of|for|the|in|on|and|&)"
_CITED_NAME = _NAME_WORD + r"(?:\s+(?:" + _NAME_WORD + "|" + _PARTICLE + r")){0,5}"
CITE_YEAR = r"(?:1[5-9]|20)\d\d"  # a year a citation may name
# "(Lynch et al, 2019)", "(Nickow, Oreopoulos and Quan, 2020)", "(Oxford University Press, 1997)", "(see Cook et al., 2015, p. 4)"
_IN_TEXT_ITEM = re.compile(
    r"\s*(?:(?i:see|e\.g\.|cf\.|i\.e\.)\s*,?\s*)?(?P<names>" + _CITED_NAME + r"(?:\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)"
    + _CITED_NAME + r"){0,7}(?:,?\s+et\.?\s+al\.?)?)(?:\s*,\s*|(?<=al)\s+|(?<=al\.)\s+)(?P<year>" + CITE_YEAR + r")[a-z]?"
    r"(?:\s*,\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?)?\s*$"
)
# words that make a bracketed name and year something else: a date's parts, a label, a number's
_NOT_CITED = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday spring summer fall autumn winter
    est established founded since updated published revised copyright photo image source season class vol no edition
    ed eds rev est. q1 q2 q3 q4 fy""".split()
)


# the end of a firm's name: "Sargent & Co.", "Russell & Erwin Mfg. Co.", "Harris Brothers Co."
_FIRM_END = re.compile(r"(?:Co|Company|Cos|Inc|Ltd|LLC|Sons|Bros|Brothers|Mfg|Corp|Corporation|Publishers|Press)\.?$")


def _split_names(names: str) -> list[str]:
    """The names of a citation's author part, one per author: "et al." dropped;
    "&" inside a firm's name ("Sargent & Co.", "W. & J. Tiebout") joins one name."""
    names = re.sub(r",?\s+et\.?\s+al\.?$", "", names.strip())
    if _FIRM_END.search(names.rstrip(" .,")) or re.search(r"\b[" + _UPPER + r"]\.\s*&", names):
        parts = [names]
    else:
        parts = re.split(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+(?=[" + _UPPER + r"])|\s*&\s*(?=[" + _UPPER + r"])", names)
    return [p for p in (p.strip(" ,") for p in parts) if p]


def in_text_citation(text: str, year_start: int, year_end: int) -> tuple[str, ...] | None:
    """The cited names when the year at ``text[year_start:year_end]`` closes
    an in-text citation: a bracketed author or publisher and year ("(Lynch
    et al, 2019)", "(Global Industry Analysts, 2020)"), alone or among
    several ("(Cook et al, 2015; Lynch et al, 2019)"). The year dates the
    cited work's publication, not the sentence around it (the rule
    ``in-text-citation``). None when it is no such citation."""
    if not rule_on("in-text-citation"):
        return None
    line_start = text.rfind("\n", 0, year_start) + 1
    opened = text.rfind("(", line_start, year_start)
    if opened < 0 or ")" in text[opened:year_start]:
        return None
    closed = text.find(")", year_end)
    line_end = text.find("\n", year_end)
    if closed < 0 or (0 <= line_end < closed) or "(" in text[year_end:closed]:
        return None
    # the item of the bracket (items split by ";") that holds the year, and nothing but its rest after the year
    item_start = max(opened, text.rfind(";", opened, year_start)) + 1
    item_end = min([i for i in (text.find(";", year_end, closed), closed) if i >= 0])
    m = _IN_TEXT_ITEM.match(text[item_start:item_end])
    if m is None or item_start + m.start("year") != year_start:
        return None
    names = _split_names(m.group("names"))
    if not names or any(w.lower().strip(".") in _NOT_CITED for n in names for w in n.split()):
        return None
    # one capitalised word that the page also writes in lower case is a common word, no author ("(Peace, 1973)")
    if len(names) == 1 and " " not in names[0] and not re.search(r"\bet\.?\s+al\.?$", m.group("names")) \
            and re.search(r"\b" + re.escape(names[0].lower()) + r"\b", text) is not None and not names[0].isupper():
        return None
    # "(The Company, 1902)" names the firm named before it: a citation, but no name of its own
    return tuple(n for n in names if not _BACK_REFERENCE.fullmatch(n))


_BACK_REFERENCE = re.compile(r"The\s+(?:Co|Company|Corporation|Firm|Publishers?|Authors?|Society|Institute)\.?")


# a reference entry as APA writes it: authors, the year in brackets, a full stop, the title ("CrowdStrike. (2025).
# Global Threat Report.", "Cerra, J., Wien, H. C., & Skelly, S. (2015). Making change ...")
_ENTRY_LEAD = re.compile(r"\s*(?:\d{1,3}[.)]?\s+|[-–•*]\s+)?")
_APA_PERSON = r"(?P<sur>[" + _UPPER + r"][\w'’-]+(?:[ -][" + _UPPER + r"][\w'’-]+)?),\s+(?P<ini>(?:[" + _UPPER + r"]\.\s*(?:-\s*)?){1,3})"
_APA_PERSONS = re.compile(r"(?:" + _APA_PERSON + r"\s*,?\s*(?:&\s*|and\s+)?){1,8}")
_APA_ORG = re.compile(_CITED_NAME + r"\.")
_ENTRY_YEAR = re.compile(r"\s*\((?P<year>" + CITE_YEAR + r")[a-z]?(?:,\s*[" + _UPPER + r"][a-z]+\.?(?:\s+\d{1,2})?)?\)\s*\.")


def reference_entry(text: str, year_start: int) -> tuple[int, tuple[str, ...]] | None:
    """Where a reference entry starts and its authors, when the year at
    ``text[year_start:]`` is the bracketed year of an entry that opens its
    line with its authors ("CrowdStrike. (2025). Global Threat Report.",
    "Cerra, J., & Skelly, S. (2015). Title."): the year dates the work's
    publication (the rule ``reference-entry``). None when it is not."""
    if not rule_on("reference-entry"):
        return None
    line_start = text.rfind("\n", 0, year_start) + 1
    paren = text.rfind("(", line_start, year_start)
    if paren < 0:
        return None
    ym = _ENTRY_YEAR.match(text, paren)
    if ym is None or ym.start("year") != year_start:
        return None
    lead = _ENTRY_LEAD.match(text, line_start, paren)
    start = lead.end() if lead else line_start
    authors = text[start:paren].strip()
    persons = _APA_PERSONS.fullmatch(authors)
    if persons is not None:
        found = [(p.group("sur"), p.group("ini")) for p in re.finditer(_APA_PERSON, authors)]
        return line_start, tuple(" ".join([*re.findall(r"[" + _UPPER + r"]", ini), sur]) for sur, ini in found)
    if _APA_ORG.fullmatch(authors) and not any(w.lower().strip(".") in _NOT_CITED for w in authors.split()):
        return line_start, (authors.rstrip("."),)
    return None
