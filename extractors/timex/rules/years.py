"""Rules for years, eras, fiscal years, decades and centuries.
"""

from __future__ import annotations

import re

from extractors.not_dates import (
    YEAR_PREPOSITION_BEFORE,
    is_amount,
    is_bracketed_count,
    is_count_number,
    is_glued_year,
    is_layout_number,
    is_model_year,
    is_numbered_range_end,
    is_title_year,
)
from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res, date_res, group
from extractors.timex.numbers import mod_of, ordinal, year_num
from extractors.timex.patterns import AD, BC, MOD_G, ORDINALS, YEAR4, YEAR4_DIGITS, B, E, alternation
from extractors.timex.periods import Cal
from extractors.timex.rule import Rule, RuleBook

book = RuleBook()


# (early) 2012 / fiscal 1989 / 494 BC / AD 70
@book.rule("year", digits=YEAR4_DIGITS, window=(35, 20),
    pattern=B + MOD_G + r"?(?P<fiscal>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|(?:the\s+)?year|FY)\s*)?(?P<year>" + YEAR4 + r")" + r"(?P<ad>" + AD + r")?(?![\w%]|[.,]\d|\s*(?:%|percent|per\s*cent))")
def _n_year(m: re.Match, ctx: Ctx):
    y = int(m.group("year"))
    start, end = m.start(), m.end()
    before = ctx.text[max(0, start - 25) : start]
    after = ctx.text[end : end + 30]
    if not m.group("fiscal") and not m.group("ad"):
        if R.NOT_YEAR_BEFORE.search(before) or (R.NOT_YEAR_AFTER.match(after)
                                                and not YEAR_PREPOSITION_BEFORE.search(before)):
            return None
        if re.search(r"[A-Za-z]-$", before) and re.match(r"-\d", after):
            return None  # an identifier: "CVE-2025-11700"
        if not group(m, "mod") and is_model_year(ctx.text, m.start("year"), m.end("year")):
            return None  # "the 2026 Toyota Camry": a model year
        if not group(m, "mod") and is_glued_year(ctx.text, m.start("year")):
            return None  # "@grillfather.2020", "report_2024.pdf": part of a handle or a file name
        if not group(m, "mod") and is_title_year(ctx.text, m.start("year"), m.end("year")):
            return None  # "the 2017 National Electrical Code": a title
        if is_amount(ctx.text, m.start("year"), m.end("year")):
            return None  # "1500 AUD", "2000 watts": an amount
        if is_bracketed_count(ctx.text, m.start("year"), m.end("year")):
            return None  # "★★★★★(1300)", "Free Shipping (1383)In Stock (1554)": a count
        if is_numbered_range_end(ctx.text, m.start("year"), R.NOT_YEAR_BEFORE):
            return None  # "pages 1893-1894": the end of a range of page numbers
        if is_layout_number(ctx.text, m.start("year"), m.end("year")):
            return None  # "1920×1080", "855.822.1220", "1250 Oxford Ave": a size, a number's part, a street number
        if not group(m, "mod") and is_count_number(ctx.text, m.start("year"), m.end("year")):
            return None  # "Posts: 1725", "1797 reviews", "1000+ hours": a count
        if re.match(r"\s*(?:-|–|to)\s*\d{1,3}(?!\d)", after) and not re.match(r"\s*(?:-|–)\s*\d{2}\b", after):
            return None  # "1500-600" scores, ranges of quantities
        if re.search(r"\d[\d,.]*\s*(?:-|–|to)\s*$", before) and not re.search(r"\b(?:1[0-9]{3}|20[0-9]{2})\s*(?:-|–|to)\s*$", before):
            return None
        if re.match(r"[/:]\d", after) or re.search(r"\d[/:]$", before):
            return None
        if ctx.anchor is not None and y > ctx.anchor.year + 30 and not re.search(r"\b(?:in|by|until|to|from|of|the\s+year|after|before|since)\s*$", before, re.I):
            return None
    return date_res(Cal("year", y), mod_of(group(m, "mod")), explicit=True)


@book.rule("year_bc", triggers={"bc", "bce", "b"}, window=(30, 20), priority=3,
    pattern=B + MOD_G + r"?(?P<year>[1-9][0-9]{0,3})" + r"(?P<bc>" + BC + r")")
def _n_year_bc(m: re.Match, ctx: Ctx):
    y = int(m.group("year"))
    return date_res(Cal("year", -y), mod_of(group(m, "mod")), explicit=True)


@book.rule("year_ad", triggers={"ad", "d", "ce"}, window=(20, 20), priority=3,
    pattern=B + r"(?:(?P<ad>A\.?D\.?)\s+(?P<year>[1-9][0-9]{0,3})|(?P<year2>[1-9][0-9]{0,3})\s+(?P<ad2>A\.?D\.?|CE|(?<=\d\s)ce)(?![\w.]|\.\w))" + E)
def _n_year_ad(m: re.Match, ctx: Ctx):
    return date_res(Cal("year", int(m.group("year") or m.group("year2"))), explicit=True)


# fiscal '89, fiscal 89
@book.rule("year_short", triggers={"fiscal", "fy"}, window=(20, 20), priority=1,
    pattern=B + r"(?P<fiscal>(?i:fiscal|FY))\s*(?P<year>['’]?[0-9]{2})" + E)
def _n_year_short(m: re.Match, ctx: Ctx):
    return date_res(Cal("year", year_num(m.group("year"), ctx)), explicit=True)


# "'10 best chefs'": words after the number and a closing quote before the sentence ends
_QUOTE_OPENED = re.compile(r"\s+[^'’\n.!?]{0,60}?[^\W\d]['’](?!\w)")


# in '02, since ’99, from '04 and '05: a two-digit year after an apostrophe, led by a preposition
# or a coordinating word (the year itself is the mention: "'02")
@book.rule("year_apostrophe", digits=r"[0-9]{2}", window=(12, 3), priority=1,
    pattern=B + r"(?P<lead>(?i:in|since|of|from|by|until|till|to|through|during|before|after|and|or))\s+"
        + r"(?P<year>['’][0-9]{2})(?![\w%'’]|[.,:/-]\d|\s*(?:%|percent|per\s*cent|inch|in\.|ft\b|feet|foot|cm|mm|kg|lbs?\b))")
def _n_year_apostrophe(m: re.Match, ctx: Ctx):
    """The latest such year not after the year in focus (a story's, else the page's): "in '02" in
    a page of 2015 is 2002, "in '99" 1999, "the Club of '89" in a story of the 1780s 1789; up to
    ten years after it when the clause looks ahead or the year ends a stretch ("will reopen in
    '31", "by '27") or a story's year is in focus, never after "since" ("since '30" in a page of
    2025 is 1930)."""
    if not rule_on("apostrophe-year"):
        return None
    saved = ctx.from_anchor  # any day of the century gives the same: the value is not the anchor's
    base, told = ctx.underspecified_base(m.start("year"))
    ctx.from_anchor = saved
    by = base.year if base is not None and base.year is not None else 2000
    if _QUOTE_OPENED.match(ctx.text, m.end("year")):
        return None  # "the title of '10 best chefs'": a quotation opens, the number is its first word
    yy = int(m.group("year")[1:])
    lead = m.group("lead").lower()
    tense = "" if lead == "since" else ctx.direction(m.start("year"), m.end("year"))
    ahead = lead != "since" and (tense == "future" or (lead in ("by", "until", "till") and tense != "past"))
    latest = by + 10 if ahead or (told and lead != "since") else by  # a story goes on past its year
    y = max(c for c in ((by // 100) * 100 + yy + k for k in (-100, 0, 100)) if c <= latest)
    r = date_res(Cal("year", y), explicit=True)
    r.start = m.start("year")
    return r


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


# the 1990s / the '80s / the early 1930s / mid-1990s / 1990's
@book.rule(
    "decade",
    triggers={"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"},
    digits=r"\d{1,3}0",
    window=(35, 20),
    priority=2,
    pattern=B + r"(?:(?i:the)\s+)?" + MOD_G + r"?(?P<decade>(?:1[0-9]{2}|20[0-9])0['’]?s|[1-9][0-9]{0,1}0s(?=\s*(?:BC|B\.C\.|BCE))|['’][0-9]0['’]?s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?P<bc>" + BC + r")?" + E)
def _n_decade(m: re.Match, ctx: Ctx):
    t = m.group("decade").lower()
    mod = mod_of(group(m, "mod"))
    if t in _DECADE_WORDS:
        base = ctx.deictic() or ctx.anaphoric()
        by = base.year if base is not None and base.year is not None else 1950
        dec = (by // 100) * 10 + _DECADE_WORDS[t]
        if dec * 10 > by:
            dec -= 10
        # "the sixties" in an ordinary sentence is more often an age/temperature
        if not re.match(r"(?:the\s+)", m.group(0), re.I):
            return None
        return Res("DATE", "%03d" % dec, Cal("decade", decade=dec), mod, True)
    digits = re.sub(r"\D", "", t)
    if m.group("bc"):
        dec = int(digits) // 10  # the 490s BC: "BC049"
        return Res("DATE", "BC%03d" % dec, Cal("decade", decade=-dec), mod, False, explicit=True)
    return decade_res(t, ctx, mod)


def decade_res(t: str, ctx: Ctx, mod: str | None = None) -> Res:
    """The period "the 1980s", "the 1700s" or "the '80s" names (``t`` the
    decade's word, "1980s", "1700s", "'80s"): "the 1700s" are the years
    1700-1799 (the 18th century), not 1700-1709; "the '80s" the latest such
    decade not after the page's year (or the year in focus)."""
    digits = re.sub(r"\D", "", t)
    if len(digits) == 4 and digits.endswith("00") and int(digits) < 2000:
        cent = int(digits[:2])
        return Res("DATE", "%02d" % cent, Cal("century", century=cent), mod, False, explicit=True)
    if len(digits) == 4:
        dec = int(digits[:3])
        return Res("DATE", "%03d" % dec, Cal("decade", decade=dec), mod, False, explicit=True)
    d = int(digits[0])
    base = ctx.deictic() or ctx.anaphoric()
    by = base.year if base is not None and base.year is not None else 1950
    dec = (by // 100) * 10 + d
    if dec * 10 > by:
        dec -= 10
    return Res("DATE", "%03d" % dec, Cal("decade", decade=dec), mod, True)


# the 20th century / the nineteenth century / 4th century BC / eighteenth-century
@book.rule("century", triggers={"century"}, window=(35, 25), priority=2,
    pattern=B + r"(?:(?i:the)\s+)?" + MOD_G + r"?(?P<cent>\d{1,2}(?:st|nd|rd|th)|" + alternation([k for k, v in ORDINALS.items() if 0 < v <= 21]) + r")[\s-](?i:century)(?P<bc>" + BC + r")?" + E)
def _n_century(m: re.Match, ctx: Ctx):
    n = ordinal(m.group("cent"))
    if n is None or n < 1:
        return None
    mod = mod_of(group(m, "mod"))
    if m.group("bc"):
        return Res("DATE", "BC%02d" % (n - 1), Cal("century", century=-n), mod, explicit=True)
    return Res("DATE", "%02d" % (n - 1), Cal("century", century=n - 1), mod, explicit=True)



_CENT = r"(?:\d{1,2}(?:st|nd|rd|th)|" + alternation([k for k, v in ORDINALS.items() if 0 < v <= 21]) + r")"
_CENT_MOD = r"(?:(?i:early|mid|late)[\s-]+)"


# the 16th and 17th centuries / the late 19th and early 20th centuries / the 18th to 19th centuries
@book.rule("century_pair", triggers={"centuries"}, window=(60, 15), priority=3,
    pattern=B + r"(?:(?i:the)\s+)?(?P<mod1>" + _CENT_MOD + r")?(?P<c1>" + _CENT + r")(?P<join>\s+(?i:and|to|through|or)\s+|\s*[-–]\s*)"
        + r"(?:(?i:the)\s+)?(?P<mod2>" + _CENT_MOD + r")?(?P<c2>" + _CENT + r")[\s-](?i:centuries)(?P<bc>" + BC + r")?" + E)
def _n_century_pair(m: re.Match, ctx: Ctx):
    """Two centuries under one plural noun: each its own century (the first
    ends before the joining word), so that the mention joins them into one
    stretch when the words between them join a range ("and" of two centuries
    in a row, "to", a dash)."""
    n1, n2 = ordinal(m.group("c1")), ordinal(m.group("c2"))
    bc = m.group("bc")
    if n1 is None or n2 is None or min(n1, n2) < 1 or max(n1, n2) > 21 or (n1 <= n2 if bc else n2 <= n1):
        return None
    out = []
    for n, mod, (s, e) in ((n1, group(m, "mod1"), (m.start(), m.end("c1"))), (n2, group(m, "mod2"), (m.end("join"), m.end()))):
        c = n - 1
        r = (Res("DATE", "BC%02d" % c, Cal("century", century=-n), mod_of(mod), explicit=True) if bc
             else Res("DATE", "%02d" % c, Cal("century", century=c), mod_of(mod), explicit=True))
        r.start, r.end = s, e
        out.append(r)
    return out


# "... in the 15th century and in Constantinople in the 16th": an ordinal left bare after a century
# of its sentence is the century the sentence leaves out, when a preposition of time leads it and it
# lies near the century named ("reopens on the 21st" is a day, "was ranked the 2nd" a rank)
_CENT_LEAD = re.compile(r"\b(?i:in|into|by|until|from|to)\s+$")
@book.rule("century_ellipsis", triggers={"st", "nd", "rd", "th"} | {k for k, v in ORDINALS.items() if 0 < v <= 21 and " " not in k},
    window=(8, 3), priority=-1,
    pattern=B + r"(?i:the)\s+(?P<cent>" + _CENT + r")(?=\s*(?:[.,;:!?)]|$)|\s+(?i:and|or)\b)")
def _n_century_ellipsis(m: re.Match, ctx: Ctx):
    n = ordinal(m.group("cent"))
    named = ctx.coarse_named()
    if n is None or not 1 <= n <= 21 or named is None or not rule_on("century-ellipsis"):
        return None
    c, pos = named
    if c.gran != "century" or c.century is None or c.century < 0 or not 0 < m.start() - pos <= 200:
        return None
    if R.SENTENCE_END.search(ctx.text, pos, m.start()):
        return None  # the century was named in an earlier sentence
    if abs(n - 1 - c.century) > 3 or not _CENT_LEAD.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # "reopens on the 21st", "ranked the 2nd": a day or a rank
    r = Res("DATE", "%02d" % (n - 1), Cal("century", century=n - 1), explicit=True)
    r.start = m.start()
    return r


RULES: tuple[Rule, ...] = book.rules()
