"""Date words that are not dates: model years, names and titles of works.

The tagger asks these rules before it turns a match into a date:

* a **model year**: a year right before a make or a model ("the 2026 Toyota
  Camry", "2025 Ford F-150 review") names a product, not a time;
* a **name or title** that holds a month, weekday, season or "today": "by
  Jane July", "The Thursday Murder Club", "One Golden Summer", "Psychology
  Today". A bare date word (no day, no year) is part of a name when the
  word before it is a capitalised word that is no date cue ("in", "on",
  "last", ...), or when it opens a capitalised run after "The"/"A", or when
  it stands inside a short quoted title-case phrase.

:func:`outside_spans` drops date mentions inside given spans: the pipeline
passes the entity mentions of the reading (persons, organisations, works of
art, products), so a date word inside a name found by NER is no date either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

from babel.numbers import list_currencies

from extractors.calendar_words import SEASON_WORDS
from extractors.event_rules import EVENT_NOUN_SUFFIXES, EVENT_NOUNS, NOT_EVENT_NOUNS
from extractors.rule_switches import rule_on

# Makes whose next word is a model: a year right before one is a model year.
VEHICLE_MAKES = (
    "Acura", "Alfa Romeo", "Aston Martin", "Audi", "Bentley", "BMW", "Buick", "BYD", "Cadillac",
    "Chevrolet", "Chevy", "Chrysler", "Citroen", "Citroën", "Cupra", "Dacia", "Dodge", "Ducati", "Ferrari",
    "Fiat", "Ford", "Genesis", "GMC", "Harley-Davidson", "Honda", "Hummer", "Hyundai", "Infiniti",
    "Jaguar", "Jeep", "Kawasaki", "Kia", "Lamborghini", "Land Rover", "Lexus", "Lincoln", "Lotus",
    "Lucid", "Maserati", "Mazda", "McLaren", "Mercedes", "Mercedes-Benz", "Mini", "Mitsubishi",
    "Nissan", "Opel", "Peugeot", "Polestar", "Porsche", "Ram", "Range Rover", "Renault", "Rivian",
    "Rolls-Royce", "Skoda", "Škoda", "Subaru", "Suzuki", "Tesla", "Toyota", "Vauxhall", "VinFast",
    "Volkswagen", "Volvo", "VW", "Yamaha",
)
# Words that end a "<year> <Name> <Model> ..." product phrase.
_PRODUCT_NOUNS = (
    r"review|reviews|specs|specifications|price|prices|pricing|trims?|MSRP|lease|sedan|SUV|crossover|"
    r"truck|pickup|hatchback|coupe|convertible|minivan|wagon|roadster|EV|hybrid|plug-in|first\s+drive|"
    r"test\s+drive|road\s+test|buyer['’]s\s+guide"
)
_MAKES = "|".join(sorted((re.escape(m) for m in VEHICLE_MAKES), key=len, reverse=True))
MODEL_YEAR_AFTER = re.compile(
    r"[ \t]+(?:(?:" + _MAKES + r")\b(?![ \t]+(?:and|&|said|says|announced|reported|had|has|was|is)\b)"
    r"|(?:[A-Z][\w-]*[ \t]+){1,3}(?:[A-Z0-9][\w-]*[ \t]+)?(?:" + _PRODUCT_NOUNS + r")\b)"
)
# A preposition before the year makes it a time again: "in 2026 Toyota sold ...".
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|on|since|by|from|until|till|during|before|after|through|to|of|between|and|early|late|mid|"
    r"year|fiscal|around|circa|c\.)\s*$",
    re.I,
)


# a make as written or in capitals and the name after it ("Nissan Sentra", "NISSAN SENTRA", "Toyota RAV4"): a
# model the page names
_MAKES_AS_WRITTEN = "|".join(sorted({re.escape(w) for m in VEHICLE_MAKES for w in (m, m.upper())}, key=len, reverse=True))
_MAKE_THEN_NAME = re.compile(r"\b(?:" + _MAKES_AS_WRITTEN + r")[ \t]+([A-Z][A-Za-z0-9-]{1,20})\b")
_NAME_AFTER_YEAR = re.compile(r"[ \t]+([A-Z][A-Za-z0-9-]{1,20})\b")


@lru_cache(maxsize=8)
def page_models(text: str) -> frozenset[str]:
    """The models a page names right after their make, casefolded: names the page never writes in lower case
    ("Sentra" of "Nissan Sentra"; not "Motor" of "Toyota Motor" on a page that writes "motor")."""
    names = {m.group(1) for m in _MAKE_THEN_NAME.finditer(text)}
    return frozenset(n.casefold() for n in names
                     if re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", text) is None)


def is_model_year(text: str, start: int, end: int) -> bool:
    """True when the year at ``text[start:end]`` names a product's model year: before a make or a model name
    and a product noun, or before a model the page names after its make elsewhere ("The 2020 Sentra, which
    goes on sale ..." on a page that names the Nissan Sentra: rule "page-models")."""
    if not rule_on("model-year"):
        return False
    if not MODEL_YEAR_AFTER.match(text, end):
        named = _NAME_AFTER_YEAR.match(text, end) if rule_on("page-models") else None
        if named is None or named.group(1).casefold() not in page_models(text):
            return False
    return not _TIME_PREPOSITION_BEFORE.search(text[max(0, start - 15) : start])


def is_glued_year(text: str, start: int) -> bool:
    """True when the year at ``text[start:]`` is glued to a word by ``.``, ``_``, ``@`` or ``#``
    ("@grillfatherbbq.2020", "report_2024", "#2025goals"): a handle, a file or a tag, not a time."""
    if not rule_on("glued-year") or start < 1:
        return False
    if text[start - 1] in "_@#":
        return True
    return text[start - 1] == "." and start >= 2 and text[start - 2].isalpha()


# "the <year> <Capitalised> ... <Code|Report|...>": the year belongs to the
# title of a work ("the 2017 National Electrical Code", "The 2024 Acme
# Benchmarking Report"), not to a happening of the sentence.
_TITLE_NOUNS = (
    r"Code|Codes|Report|Reports|Standard|Standards|Guide|Guidelines|Handbook|Manual|Edition|Survey|Index|"
    r"Census|Yearbook|Almanac|Outlook|Review|Benchmark|Benchmarks|Study|Rules|Regulations"
)
_TITLED_YEAR_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_TITLED_YEAR_AFTER = re.compile(r"[ \t]+(?:[A-Z][\w®&'’-]*[ \t]+){1,4}(?:" + _TITLE_NOUNS + r")\b")


# "<Capitalised ...> Act 2021": the year closes the short title of a
# statute ("the ... Act of 1989" says when it was enacted: a date).
_STATUTE_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*[ \t]+(?:Act|Acts|Law|Directive|Ordinance|Statute)[ \t]+$")
# "Orwell’s 1984." / "Kubrick's 2001," : a year standing alone after a
# name's possessive is the title of that person's work.
_POSSESSIVE_BEFORE = re.compile(r"\b[A-Z][a-z]+['’]s[ \t]+$")
_NOTHING_AFTER = re.compile(r"\s*(?:[.,;:!?)\]\"”]|$)")


def is_title_year(text: str, start: int, end: int) -> bool:
    """True when the year at ``text[start:end]`` belongs to the title of a
    work or the name of a statute (see the patterns above)."""
    if not rule_on("title-year"):
        return False
    before = text[max(0, start - 60) : start]
    if _TITLED_YEAR_BEFORE.search(before[-6:]) and _TITLED_YEAR_AFTER.match(text, end):
        return True
    if _STATUTE_BEFORE.search(before):
        return True
    if _POSSESSIVE_BEFORE.search(before) and _NOTHING_AFTER.match(text, end):
        return True
    return _in_capitalised_name(text, start, end) or _in_quoted_title(text, start, end)


# "The Soliant 2025 Best States ...", "Schwab's 2025 RIA Benchmarking Study":
# a year between a name word (no date cue, not opening the sentence) and a
# capitalised word is inside the name of a report, award or ranking. A
# named happening keeps its year ("the Paris 2024 Olympics").
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+|[A-Z]{2,})(?:['’]s)?[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+([A-Z][\w&'’-]*)")


_PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|FY|AD|BC|CE|BCE)")  # "Q3 2024", "AD 79": no name before the date


def _in_capitalised_name(text: str, start: int, end: int) -> bool:
    prev = _NAME_WORD_BEFORE.search(text[max(0, start - 40) : start])
    nxt = _CAPITALISED_AFTER.match(text, end)
    if prev is None or nxt is None:
        return False
    if prev.group(1).lower() in DATE_CUES or nxt.group(1).lower() in DATE_CUES or nxt.group(1).lower() == "today":
        return False
    if _PERIOD_CODE.fullmatch(prev.group(1)) or prev.group(1).lower() in _TIME_NAME_WORDS:
        return False
    if _EVENT_NAME_AFTER.match(text, end):
        return False
    opening = text[max(0, start - 40) : start][: prev.start()]
    return not _SENTENCE_START.search(opening)


# capitalised words before a date word that name a time, not a thing: a season, a holiday (this list's own: the
# first words of the calendar's holidays, extractors.timex.patterns.HOLIDAY_WORDS, hold "New" and "Good"), a year
# or a class
_TIME_NAME_WORDS = SEASON_WORDS | frozenset(
    {"thanksgiving", "halloween", "hanukkah", "ramadan", "diwali", "passover", "eid", "xmas", "fiscal", "year", "class",
     "season"})


# Words before a date word that keep it a date ("On Thursday", "Last Summer",
# "By July", "Early Monday", "Monday, July 5").
DATE_CUES = {
    "in", "on", "at", "by", "since", "until", "till", "from", "to", "during", "before", "after",
    "last", "next", "this", "that", "every", "each", "early", "late", "mid", "of", "through",
    "and", "or", "between", "around", "about", "circa", "for", "over", "throughout",
    "past", "previous", "following", "coming", "same", "then", "as", "but", "so", "when", "while",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "spring", "summer", "autumn", "fall", "winter",
    "christmas", "easter", "new", "midsummer", "updated", "published", "posted", "dated",
    "i", "we", "you", "he", "she", "it", "they", "is", "was", "are", "were", "will", "would",
    "did", "do", "does", "has", "have", "had", "said", "says", "announced", "later", "earlier",
}
_MONTH_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}
_WEEKDAY_NAMES = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
# A capitalised run ending in an event noun: a named happening ("the
# February Revolution", "the Spring Offensive", "the August Decrees").
_EVENT_NAME_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]*){0,3}?[ \t]+(?:Offensive|Revolution|Revolt|Rising|Uprising|Rebellion|Decrees?|"
    r"Fighting|Campaign|Crisis|War|Massacre|Riots?|Coup|Putsch|Strike|Elections?|Agreement|Accords?|Treaty|"
    r"Protests?|Talks|Summit|Storm|Flood|Battle|Siege|Days|Events|Operation|Manifesto|Theses|"
    r"Olympics|Olympic|Games|Cup|Championships?|Conference|Expo|Festival|Marathon|Open|Tour|Congress|Convention|"
    r"Fair|Show|Week|Forum|Meeting|Session)\b"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“”‘(]\s*)$")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]|(?:‘|(?<![\w’'])')([^‘’'\n]{1,80})(?:’|'(?![\w’']))")
_DATE_WORDS = DATE_CUES - {
    "in", "on", "at", "by", "since", "until", "till", "from", "to", "during", "before", "after",
} | {"today"}


def _title_case_share(words: Sequence[str]) -> float:
    content = [w for w in words if len(w) > 3 or w[:1].isupper()]
    if not content:
        return 0.0
    return sum(1 for w in content if w[:1].isupper()) / len(content)


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside a short quoted phrase in title case ("“Coming in 2025”", "“Top Picks of 2024”")."""
    for q in _QUOTED.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if q.start() < start and end < q.end():
            inner = re.findall(r"[A-Za-z][\w'’-]*", q.group(1) or q.group(2) or "")
            if 2 <= len(inner) <= 8 and _title_case_share(inner) >= 0.75:
                return True
    return False


def in_name_or_title(text: str, start: int, end: int) -> bool:
    """True when the date word ``text[start:end]`` (a month, weekday, season
    or "today" with no day or year of its own) is part of a name or a title.

    A named happening keeps its date: "the February Revolution", "the Spring
    Offensive of 1918" (a capitalised run after the word that ends in an
    event noun). News writes a weekday right after a name ("Clinton Friday
    vowed", "in Tokyo Monday"): for weekdays only the title patterns count.
    """
    word = text[start:end]
    if not rule_on("name-or-title"):
        return False
    if not word[:1].isupper():
        return False
    if _EVENT_NAME_AFTER.match(text, end):
        return False
    weekday = word.lower().rstrip("s") in _WEEKDAY_NAMES
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    headline = len(words) >= 3 and _title_case_share(words) >= 0.75 and not re.search(r"[.!?]\W*$", line)
    prev = _WORD_BEFORE.search(before)
    nxt = _WORD_AFTER.match(after)
    prev_w = prev.group(1) if prev else ""
    next_w = nxt.group(1) if nxt else ""
    # inside a short quoted phrase in title case: a title ("“One Golden Summer”")
    if _in_quoted_title(text, start, end):
        return True
    if headline:
        return False  # a title-case headline capitalises every word: no evidence either way
    if word.lower() == "today":
        # "Psychology Today", "USA Today": capitalised mid-sentence
        return prev is not None and prev_w[:1].isupper() and not _SENTENCE_START.search(before)
    if (
        not weekday
        and prev is not None
        and re.fullmatch(r"[A-Z][a-z]+", prev_w)  # a name word: not "U.S.", "EU", "Apple's"
        and prev_w.lower() not in DATE_CUES
        and prev_w.lower() not in ("the", "a", "an", "one")
        and not _SENTENCE_START.search(before[: prev.start()])
    ):
        return True  # "by Jane July", "One Golden Summer"
    month = word.lower().rstrip(".") in _MONTH_NAMES
    if prev is not None and prev_w.lower() in ("the", "a", "an", "one"):
        if next_w[:1].isupper() and next_w.lower() not in _DATE_WORDS and not month:
            # ("a November Thumbtack survey": a month before a name is a date)
            return True  # "The Thursday Murder Club": opens a capitalised run
        if prev_w[:1].isupper() and not _SENTENCE_START.search(before[: prev.start()]):
            return True  # "she read One Summer": a capitalised article mid-sentence
    return False


T = TypeVar("T")


def outside_spans(items: Iterable[T], spans: Sequence[tuple[int, int]]) -> list[T]:
    """Items (anything with ``char_start``/``char_end``) not lying inside one of ``spans``."""
    ordered = sorted(spans)
    out = []
    for it in items:
        s, e = it.char_start, it.char_end  # type: ignore[attr-defined]
        if any(a <= s and e <= b for a, b in ordered if a <= s):
            continue
        out.append(it)
    return out


# "ACMECON 2026 will be held from May 4 to May 7, 2026", "Widget
# North 2026 takes place on August 9": a bare year right after a capitalised
# word closes the name of an event or a product. Beside a fuller date of the
# same sentence it dates nothing of its own (the caller checks the sentence).
_NAME_WORD_BEFORE_YEAR = re.compile(r"(?<![\w'’.-])([A-Z][\w&+'’-]*)[ \t]+$")
# capitalised words before a year that make it a time, not part of a name
_TIME_OPENERS = frozenset({"starting", "beginning", "effective", "ending", "within", "ca", "year", "years",
                           "fy", "calendar", "copyright", "©", "est", "established", "founded", "vintage"})
# determiners capitalised at a sentence's start ("A 2019 study showed ...")
_DETERMINERS = frozenset({"a", "an", "the", "our", "its", "their", "his", "her", "my", "your", "one", "some", "any",
                          "no", "all", "these", "those"})


def closes_name(text: str, start: int, end: int) -> bool:
    """True when the bare year at ``text[start:end]`` closes a capitalised
    name: the word right before it is capitalised and is no date cue, month,
    weekday, season, holiday or period code ("ACMECON 2026", "Widget North
    2026", "ACME+ 2026"; not "In 2026", "March 2026", "Q3 2026", "Starting 2026")."""
    if not rule_on("name-year") or not re.fullmatch(r"\d{4}", text[start:end]):
        return False
    prev = _NAME_WORD_BEFORE_YEAR.search(text[max(0, start - 40) : start])
    if prev is None:
        return False
    word = prev.group(1)
    low = re.sub(r"['’]s$", "", word.lower())
    if low in DATE_CUES or low in _TIME_NAME_WORDS or low in _TIME_OPENERS or low in _DETERMINERS:
        return False
    if _PERIOD_CODE.fullmatch(word) or re.search(r"\d", word):
        return False
    return True


# A number next to a currency code is an amount, not a year ("1500 AUD",
# "CAD 1900"; units of measure, "2000 watts", are the temporal tagger's list
# of counted things, extractors.timex.patterns.NOT_YEAR_AFTER). The codes are
# ISO 4217 as Babel lists them, less those that are English words or
# abbreviations ("ALL", "TOP", "CUP", "SOS"). A year's preposition before the
# number ("In 2019", "since 2015") keeps it a year; so does a code in a name
# ("World CUP 2022") or in a line of capitals ("TOP 2024 TRENDS").
_WORD_CODES = frozenset({"ALL", "ARM", "BAD", "BAM", "BAN", "BOB", "COP", "CUP", "GEL", "MAD", "MOP", "PEN",
                         "PES", "PHP", "SIT", "SOS", "SUR", "TOP", "TRY", "XXX"})
_CURRENCY_CODES = frozenset(list_currencies()) - _WORD_CODES
# a year's preposition just before a number keeps it a year whatever follows
# (a code, or a unit of extractors.timex.patterns.NOT_YEAR_AFTER: "In 2000
# watts were installed", "since 1990 troops have ...")
YEAR_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?i:in|by|since|during|until|till)[ \t]+$")
_CURRENCY_AFTER = re.compile(r"[ \t]*([A-Z]{3})(?![\w-])")
_CAPITALS_WORD = re.compile(r"[A-Z]{2,}")
_WORD_NEXT_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]*$")


def _shouted(word: str | None) -> bool:
    return word is not None and _CAPITALS_WORD.fullmatch(word) is not None


def is_amount(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` is an amount: a currency
    code before or after it, and no year's preposition before it."""
    if not rule_on("amount-year"):
        return False
    if YEAR_PREPOSITION_BEFORE.search(text[max(0, start - 10) : start]):
        return False  # "In 2000 watts were installed", "In 2019 ALL staff were laid off"
    word_before = _WORD_NEXT_BEFORE.search(text[max(0, start - 30) : start])
    word_after = _WORD_AFTER.match(text, end)
    after = _CURRENCY_AFTER.match(text, end)
    if after is not None and after.group(1) in _CURRENCY_CODES:
        following = _WORD_AFTER.match(text, after.end())
        return not (_shouted(word_before and word_before.group(1)) or _shouted(following and following.group(1)))
    if word_before is None or word_before.group(1) not in _CURRENCY_CODES:
        return False
    code_start = max(0, start - 30) + word_before.start(1)
    preceding = _WORD_NEXT_BEFORE.search(text[max(0, code_start - 30) : code_start])
    if preceding is not None and preceding.group(1)[:1].isupper():
        return False  # "the Asia CUP 2022": a code inside a name
    return not _shouted(word_after and word_after.group(1))


# A number in brackets is a count, not a year, in two layouts: right after a
# rating ("★★★★★(1300)", "Rated 4 stars out of 5(1007)", "reviews (1543)"), and
# in a run of bracketed counts of which some cannot be years (a catalogue's
# facets: "Free Shipping (1383)In Stock (1554)Kits only (1042)Specials (616)").
# A work's or a citation's year in brackets ("Dream Revealed (1968)",
# "Redfin (2025).") stands alone or among other years, and stays a year.
_RATING_BEFORE = re.compile(r"(?i)(?:[★☆]|\bstars?|\bout\s+of\s+\d+(?:\.\d)?|\breviews?|\bratings?|\bvotes?)\s*$")
_BRACKETED_NUMBER = re.compile(r"\((\d[\d,.]*)\)")
_YEAR_LIKE = re.compile(r"1\d{3}|20\d\d")
COUNT_WINDOW = 150  # characters either side searched for other bracketed counts


def is_bracketed_count(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` stands in brackets as a
    count: after a rating, or among two or more other bracketed numbers of
    which one at least is no year."""
    if not rule_on("bracketed-count") or text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    if _RATING_BEFORE.search(text[max(0, start - 31) : start - 1]):
        return True
    lo = max(0, start - COUNT_WINDOW)
    others = [m.group(1) for m in _BRACKETED_NUMBER.finditer(text[lo : end + COUNT_WINDOW]) if lo + m.start() != start - 1]
    return len(others) >= 2 and any(not _YEAR_LIKE.fullmatch(o) for o in others)


# The end of a range whose start is a page, item or other number, not a year
# ("Hard Copy pages 1893-1894", "No. 1200-1263"): the temporal tagger refuses
# the start by the word before it (extractors.timex.patterns.NOT_YEAR_BEFORE),
# and the end goes with it.
_RANGE_START_BEFORE = re.compile(r"(\d{4})[ \t]*(?:-|–|—|to)[ \t]*$")


def is_numbered_range_end(text: str, start: int, not_year_before: re.Pattern[str]) -> bool:
    """True when the number at ``text[start:]`` ends a range ("1893-1894")
    whose start follows a word that makes a number no year ("pages", "No.":
    ``not_year_before``, the tagger's cue list, matched at the end of the text before the start)."""
    if not rule_on("numbered-range"):
        return False
    lo = max(0, start - 12)
    m = _RANGE_START_BEFORE.search(text[lo:start])
    if m is None:
        return False
    range_start = lo + m.start(1)
    return not_year_before.search(text[max(0, range_start - 25) : range_start]) is not None


# Numbers that layouts write where a year could stand, never meaning one:
# a screen or image size ("1920×1080", "2560 x 1600 pixels"), a part of a
# longer number (a phone number "855.822.1220" or "1784 5348469", an amount's
# decimals "$1.1075", a DOI "10.1016/j.tins..."),
# and the number of a street address ("1250 Oxford Ave", "1121 N. 2nd St.").
_SIZE_BEFORE = re.compile(r"\d{3,4}[ \t]*[x×X][ \t]*$")
_SIZE_AFTER = re.compile(r"[ \t]*[x×X][ \t]*\d{3,4}(?!\d)")
# no day or month before the dot; an amount's or a zero's decimals ("$1.1075", "0.2019") neither
_NUMBER_PART_BEFORE = re.compile(r"(?<!\d)(?:\d{3,}|3[2-9]|[4-9]\d)\.\Z|(?:[$£€¥]\d{1,3}|(?<![\d.])0)\.\Z")
# a phone number's parts: a long run of digits right after, a word of calling before ("calling: 1784 5348469")
_LONG_NUMBER_AFTER = re.compile(r"[ \t]\d{5,}(?![\d.,])")
_PHONE_BEFORE = re.compile(r"(?i)\b(?:call|calling|phone|tel|telephone|mobile|cell|whatsapp|fax|dial)\b[^\n\d]{0,12}\Z")
_PATH_AFTER = re.compile(r"/[A-Za-z]+[\d._-]")  # "10.1016/j.tins", ".../2019/A-Name" (not "2022/early 2023")
_STREET_AFTER = re.compile(
    r"[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'’.-]*[ \t]+){1,3}"
    r"(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Blvd|Boulevard|Ln|Lane|Way|Pkwy|Parkway|Ct|Court|Pl|Place|Hwy|Highway|"
    r"Terrace|Ter|Cir|Circle|Sq|Square)\b(?:[.,]|[ \t]+(?:#|Suite|Ste|Apt|Unit)|[ \t]*$)",
    re.M,
)
_LINE_OPENS = re.compile(r"(?:^|\n|[|•·,;:(])[ \t]*$")


def is_layout_number(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` is a size, a part of a
    longer number, or a street number (see the patterns above)."""
    if not rule_on("layout-number"):
        return False
    before = text[max(0, start - 12) : start]
    if _SIZE_BEFORE.search(before) or _SIZE_AFTER.match(text, end):
        return True  # "1920×1080", "2560 x 1600"
    if _NUMBER_PART_BEFORE.search(before) or _PATH_AFTER.match(text, end):
        return True  # "855.822.1220", "$1.1075", "doi: 10.1016/j.tins"
    if _LONG_NUMBER_AFTER.match(text, end) and _PHONE_BEFORE.search(text[max(0, start - 30) : start]):
        return True  # "calling: 1784 5348469" (not "During 2019 123456 cases")
    # a street number opens its line or follows a separator: "1250 Oxford Ave, Sparks"
    return _LINE_OPENS.search(text[max(0, start - 3) : start]) is not None and _STREET_AFTER.match(text, end) is not None


# A number that counts: a count label before it ("Posts: 1725", "Number of
# reviews: 1620"), a noun of counted things after it ("1797 reviews", "1000
# nits"), or an open count ("1000+ hours"). A year's preposition before it
# ("in 2019 reviews were mixed") keeps it a year.
_COUNT_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:posts|reviews|ratings|votes|views|likes|comments|replies|answers|messages|topics|threads|followers|"
    r"following|members|points|reputation|karma|downloads|subscribers|results|items|products|listings))[ \t]*:[ \t]*$"
)
_COUNT_NOUN_AFTER = re.compile(
    r"\+|[ \t]+(?i:reviews|ratings|posts|views|likes|comments|replies|answers|followers|subscribers|downloads|"
    r"results|products|listings|nits|projects|clients|customers|companies|locations|professionals|participants|"
    r"respondents|users|visitors|orders|sold)\b"
)


_DETERMINER_BEFORE = re.compile(r"(?<![\w'’-])(?i:a|an|the|its|their|his|her|our|whose|this|that)[ \t]+$")


def is_count_number(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` counts something (see the patterns above)."""
    if not rule_on("count-number"):
        return False
    if YEAR_PREPOSITION_BEFORE.search(text[max(0, start - 10) : start]) or _DETERMINER_BEFORE.search(text[max(0, start - 8) : start]):
        return False  # "in 2019 reviews were mixed", "the 2024 results": a year
    return _COUNT_LABEL_BEFORE.search(text[max(0, start - 30) : start]) is not None or \
        _COUNT_NOUN_AFTER.match(text, end) is not None


# A season word with no year and no word before it that makes it a time
# ("in", "this", "last", "early", ...) names a kind of thing, not a time:
# bound to the next word by a hyphen ("spring-loaded"), modifying a noun
# ("summer school", "a summer term", "spring cleaning"), or listed with no
# time word before the list ("two terms (fall and spring)").
_SEASON_CUES = frozenset({
    "in", "during", "by", "until", "till", "since", "through", "throughout", "over", "before", "after",
    "from", "to", "this", "last", "next", "early", "late", "mid", "the", "that", "every", "each", "of",
    "past", "coming", "previous", "following", "same", "for", "around", "between",
})
# Words after a season word that do not make it a modifier: function words,
# verbs a season is the subject of, and the year or time nouns.
_NOT_MODIFIED = frozenset({
    "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "than",
    "the", "a", "an", "this", "that", "these", "those", "we", "i", "you", "he", "she", "it", "they",
    "is", "was", "are", "were", "will", "would", "can", "could", "may", "might", "has", "had", "have",
    "be", "been", "comes", "came", "arrives", "arrived", "begins", "began", "starts", "started", "ends",
    "ended", "brings", "brought", "sees", "saw", "when", "while", "where", "which", "who", "so", "then",
    "after", "before", "until", "through", "into", "onto", "there", "here", "again", "too", "also",
    "last", "next", "only", "just", "not", "months", "season", "semester", "quarter", "break",
    "holidays", "holiday", "vacation", "solstice", "equinox", "time", "period",
})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _kind_noun(word: str) -> bool:
    """A lowercase noun a season word can modify to name a kind of thing:
    no function word, verb form ("-ed", "-ing") or adverb, and no noun of a
    happening ("the summer offensive", "the winter campaign" are dated)."""
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if not word.islower() or word in _NOT_MODIFIED or stem in _NOT_MODIFIED or word.endswith(("ly", "ed", "ing", "’s", "'s")):
        return False  # ("the winter and spring seasons": time nouns in the plural too)
    if stem in EVENT_NOUNS or stem in _SEASON_EVENT_NOUNS or word in _SEASON_EVENT_NOUNS:
        return False
    return not (stem.endswith(EVENT_NOUN_SUFFIXES) and stem not in NOT_EVENT_NOUNS)


# happening and campaigning nouns a season word dates ("the winter quarters" of an army)
_SEASON_EVENT_NOUNS = frozenset({"offensive", "counter-offensive", "counteroffensive", "campaign", "quarters",
                                 "assault", "drive", "push", "thaw", "retreat", "advance"})


_HYPHENATED = re.compile(r"-[A-Za-z]")
_HYPHEN_SEASON = re.compile(r"-(?:spring|summer|autumn|fall|winter)\b", re.I)
_SEASON_LISTED_AFTER = re.compile(r",?[ \t]+(?:and[ \t]+|or[ \t]+)?(?:spring|summer|autumn|fall|winter)\b", re.I)
_SEASON_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’]*)[ \t,]*$")
_SENTENCE_OPENS = re.compile(r"[.!?:\n]\s*$|^\s*$")


def is_season_kind(text: str, start: int, end: int) -> bool:
    """True when the bare season word ``text[start:end]`` (no year and no
    relative word of its own: the caller checks) names a kind of thing."""
    if not rule_on("season-kind") or text[start:end].lower() not in SEASON_WORDS:
        return False
    if _HYPHENATED.match(text[end : end + 2]) and not _HYPHEN_SEASON.match(text[end : end + 8]):
        return True  # "spring-loaded", "summer-like"
    nxt = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if nxt is not None and _kind_noun(nxt.group(0)):
        return True  # "summer school", "a summer term"
    # a list of seasons ("fall and spring") with no time word before it
    i = start
    listed = _SEASON_LISTED_AFTER.match(text[end : end + 20]) is not None
    while True:
        before = _SEASON_WORD_BEFORE.search(text[max(0, i - 30) : i])
        if before is None:
            # at the start of a sentence or after a bracket: no cue
            return listed and not _SENTENCE_OPENS.search(text[max(0, i - 5) : i])
        word = before.group(1).lower()
        if word in ("and", "or") or word in SEASON_WORDS:
            listed = listed or word in SEASON_WORDS
            i = max(0, i - 30) + before.start(1)
            continue
        return listed and word not in _SEASON_CUES


# "the Year of the Horse", "the Day of the Dead", "the Week of Action": a
# capitalised unit word mid-sentence, then "of" and a capitalised word, is a name.
_NAMED_UNIT_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")


def is_named_unit(text: str, start: int, end: int) -> bool:
    """True when the unit word ``text[start:end]`` ("Year", "Day", ...) opens a name."""
    if not rule_on("name-or-title") or not text[start:start + 1].isupper():
        return False
    return _NAMED_UNIT_AFTER.match(text, end) is not None
