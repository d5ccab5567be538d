"""Candidate spans and their selection: every rule runs in windows around its
trigger words, the longest non-overlapping matches are kept, and a refused
span frees its room for shorter candidates.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime

from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import Ctx, Res
from extractors.timex.periods import period_of
from extractors.timex.rule import Rule
from extractors.timex.rules import RULES
from extractors.types import Precision, Timex


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    rule: Rule
    match: re.Match


_RULES_BY_WORD: dict[str, list[int]] = {}
for _i, _rule in enumerate(RULES):
    for _w in _rule.triggers:
        _RULES_BY_WORD.setdefault(_w, []).append(_i)
_DIGIT_RULES = [(i, r.digits) for i, r in enumerate(RULES) if r.digits is not None]
_WINDOWS = tuple(r.window for r in RULES)


def _candidates(text: str) -> list[_Cand]:
    """Every match of every rule, found in windows around the rules' trigger words."""
    n = len(text)
    margins = _WINDOWS
    spans: list[list[tuple[int, int]]] = [[] for _ in RULES]
    digit_cache: dict[str, list[int]] = {}
    for m in R.TOKEN.finditer(text):
        tok = m.group(0)
        if tok[0].isdigit():
            idx = digit_cache.get(tok)
            if idx is None:
                idx = digit_cache[tok] = [i for i, rx in _DIGIT_RULES if rx.fullmatch(tok)]
        else:
            idx = _RULES_BY_WORD.get(tok.lower())
        if not idx:
            continue
        s, e = m.start(), m.end()
        for i in idx:
            left, right = margins[i]
            lst = spans[i]
            if lst and s - left <= lst[-1][1]:
                lst[-1] = (lst[-1][0], min(n, e + right))
            else:
                lst.append((max(0, s - left), min(n, e + right)))
    out: list[_Cand] = []
    for rule, windows in zip(RULES, spans):
        pat = rule.pattern
        for ws, we in windows:
            # start and end the window at a blank so no word is cut
            while ws > 0 and not text[ws - 1].isspace():
                ws -= 1
            while we < n and not text[we].isspace():
                we += 1
            for m in pat.finditer(text, ws, we):
                if m.end() > m.start():
                    s, e = m.start(), m.end()
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    out.append(_Cand(s, e, rule, m))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest non-overlapping candidates; priority breaks ties."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    size = max((c.end for c in cands), default=0)
    taken = bytearray(size)
    chosen: list[_Cand] = []
    for c in cands:
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


# how far ahead of a news page the years of its plans reach ("net zero by 2050" on a 2020 page)
PLAN_YEARS_AHEAD = 30


def _is_narrative(text: str, anchor: date | None, fetched: bool = False) -> bool:
    """True when relative expressions should follow the story's own dates.

    A text without an anchor is read as a narrative. With an anchor, a text
    is a narrative when most of the years it names lie far from the anchor
    and it has few signs of news writing (weekdays, "yesterday", "last
    week", years near the anchor), or when it names many years and hardly
    uses news deixis at all (a chronicle of recent events). Years a few to
    thirty years ahead of the anchor are plans a news page tells ("could
    fly in 2022"), neither the story's dates nor news signs (switch
    ``plans-no-story``); a story set further ahead (a novel of 2070) is one.
    A chronicle counts every year it names.
    """
    if anchor is None:
        return True
    years = [int(y) for y in R.YEAR_IN_TEXT.findall(text)] + [-int(y) for y in R.BC_YEAR_IN_TEXT.findall(text)]
    if fetched and years and max(years) < anchor.year - 1:
        # an undated page whose every year is long past: it was not written
        # the day it was fetched, its own dates are the reference
        return True
    told = years
    if rule_on("plans-no-story"):
        # a year ahead of the page ("a rover NASA plans to fly in 2022") is a plan told in news,
        # not the date of a story being told
        told = [y for y in years if not anchor.year + 2 < y <= anchor.year + PLAN_YEARS_AHEAD]
    far = sum(1 for y in told if abs(y - anchor.year) > 2)
    near = len(told) - far
    news = len(R.DEICTIC_IN_TEXT.findall(text)) + len(R.WEEKDAY_IN_TEXT.findall(text))
    if far >= 3 and far > 3 * (near + news):
        return True
    # a chronicle of recent years: many explicit years, hardly any news deixis
    return len(years) >= 15 and len(years) >= 10 * news


def _to_date(anchor: date | datetime | None) -> tuple[date | None, datetime | None]:
    if anchor is None:
        return None, None
    if isinstance(anchor, datetime):
        return anchor.date(), anchor
    return anchor, None


def _finish(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " \t\n,;:":
        e -= 1
    while s < e and text[s] in " \t\n,;:":
        s += 1
    return s, e


def _timex_from(text: str, s: int, e: int, r: Res) -> Timex:
    ds: date | None = None
    de: date | None = None
    prec: Precision | None = None
    if r.cal is not None and r.type in ("DATE", "TIME"):
        p = r.period or period_of(r.cal)
        if p is not None:
            ds, de, prec = p[0], p[1], Precision(p[2])
    return Timex(
        char_start=s,
        char_end=e,
        text=text[s:e],
        type=r.type,
        value=r.value,
        mod=r.mod,
        date_start=ds,
        date_end=de,
        precision=prec,
        anchored=r.anchored,
        from_anchor=r.from_anchor,
    )


def tag_text(text: str, anchor: date | datetime | None, fetched: bool = False) -> list[tuple[Timex, Res]]:
    a_date, a_time = _to_date(anchor)
    narrative = _is_narrative(text, a_date, fetched)
    cands = _candidates(text)
    rejected: set[int] = set()
    while True:
        pool = [c for c in cands if id(c) not in rejected]
        out, refused = _normalise_all(text, _select(pool), Ctx(text, a_date, narrative, a_time, fetched))
        if not refused:
            break
        rejected.update(id(c) for c in refused)
        # a refused span frees room only for a candidate overlapping it
        if not _any_overlap([c for c in cands if id(c) not in rejected], refused):
            break
    out.sort(key=lambda t: t[0].char_start)
    # drop any overlap left by extent overrides
    kept: list[tuple[Timex, Res]] = []
    for t in out:
        if kept and t[0].char_start < kept[-1][0].char_end:
            continue
        kept.append(t)
    return kept


def _any_overlap(cands: list[_Cand], spans: list[_Cand]) -> bool:
    """True when some candidate overlaps some span (both lists of extents)."""
    spans = sorted(spans, key=lambda c: c.start)
    starts = [c.start for c in spans]
    max_len = max(c.end - c.start for c in spans)
    for c in cands:
        i = bisect.bisect_left(starts, c.start - max_len)
        while i < len(spans) and spans[i].start < c.end:
            if c.start < spans[i].end:
                return True
            i += 1
    return False


def _normalise_all(text: str, chosen: list[_Cand], ctx: Ctx) -> tuple[list[tuple[Timex, Res]], list[_Cand]]:
    out: list[tuple[Timex, Res]] = []
    refused: list[_Cand] = []
    for c in chosen:
        ctx.begin()
        res = c.rule.normalise(c.match, ctx)
        if res is None:
            refused.append(c)
            continue
        results = res if isinstance(res, list) else [res]
        from_anchor = [r.from_anchor or ctx.from_anchor for r in results]
        own: list[Res | None] = list(results)  # the values as the page alone gives them
        known = [not f for f in from_anchor]
        if ctx.fetched and any(from_anchor):
            # the anchor is only the fetch day: what the page's own dates give as well is the page's
            again, own_known = ctx.page_reading(c.rule.normalise, c.match)
            own = list(again) if isinstance(again, list) else [again]
            if len(own) != len(results):
                own = [None] * len(results)
            known = [own_known and o is not None for o in own]
            from_anchor = [f and not (k and _same_value(r, o)) for f, k, r, o in zip(from_anchor, known, results, own)]
        for r, f, o, k in zip(results, from_anchor, own, known):
            r.from_anchor = f
            s = c.start if r.start is None else r.start
            e = c.end if r.end is None else r.end
            s, e = _finish(text, s, e)
            if e <= s:
                continue
            out.append((_timex_from(text, s, e, r), r))
            if r.cal is not None and r.type in ("DATE", "TIME") and not (ctx.narrative and r.deictic):
                if r.cal.year is not None or r.cal.gran in ("decade", "century"):
                    ctx.remember(r.cal, s, r.explicit, r.focus, e, r.from_anchor)
            if ctx.fetched and o is not None:
                ctx.remember_own(o, k)
    return out, refused


def _same_value(a: Res, b: Res | None) -> bool:
    """Both results name the same calendar period over the same extent."""
    if b is None or (a.type, a.start, a.end) != (b.type, b.start, b.end):
        return False
    return _period(a) == _period(b) is not None


def _period(r: Res) -> tuple[date, date, str] | None:
    if r.cal is None or r.type not in ("DATE", "TIME"):
        return None
    return r.period or period_of(r.cal)
