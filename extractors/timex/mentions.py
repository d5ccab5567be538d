"""Public API: :func:`tag_timexes` and :func:`date_mentions` (concrete calendar
periods with the role their cue words give).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from extractors.event_rules import TRIGGER_KINDS
from extractors.not_dates import closes_name
from extractors.rule_switches import rule_on
from extractors.timex import patterns as R
from extractors.timex.context import sentence_bounds
from extractors.timex.count_back import counted_back
from extractors.timex.periods import cal_of, coarsen, period_of, shift, start_of_span_ending, timex_value
from extractors.timex.rules.clock import CLOCK_REST
from extractors.timex.rules.durations import span_ending_count
from extractors.timex.select import tag_text
from extractors.types import DateMention, Precision, Timex


def tag_timexes(text: str, anchor: date | datetime | None = None, *, fetched: bool = False) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text``.

    ``anchor`` is the document's creation date: relative expressions ("last
    month", "on Monday") resolve against it. Without it they resolve against
    the most recent date named in the text, or stay underspecified
    ("XXXX-06-28"). Returns TIMEX3s sorted by offset, non-overlapping; a
    timex's ``role`` is what its cue words make it ("since 2001" -> since,
    both ends of "from 2001 to 2014" -> range).

    ``fetched`` says the anchor is only the day the page was fetched (it
    shows no date of its own): the text was written on or before it, so a
    month or weekday without a year is put after it only when its clause
    looks ahead ("will", "scheduled").
    """
    tx = _shared_years(text, [t for t, _ in tag_text(text, anchor, fetched)])
    for mention, members in _mentions(text, tx):
        if mention.role != "point":
            for k in members:
                tx[k] = replace(tx[k], role=mention.role)
    return tx


# between two months or seasons of one list: "May and June of 2022", "March, April and May 2018",
# "in June and in September 2019"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|&)\s+)(?:in\s+)?$")
_LISTED = (Precision.MONTH, Precision.SEASON)


def _shared_years(text: str, tx: list[Timex]) -> list[Timex]:
    """A month or season without a year listed before one that writes its year takes that year
    ("May and June of 2022": May 2022; "spring and summer 2020"), the year before for a later
    month ("December and January 2021": December 2020); the last of the list says the year
    for all (switch ``shared-year``)."""
    if not rule_on("shared-year"):
        return tx
    out = list(tx)
    has_year = [bool(R.YEAR_WRITTEN.search(t.text)) for t in tx]  # written, or given by the list
    for i in range(len(out) - 2, -1, -1):
        t, u = out[i], out[i + 1]
        if (has_year[i] or not has_year[i + 1] or t.precision not in _LISTED or u.precision not in _LISTED
                or t.date_start is None or t.date_end is None or u.date_start is None
                or not _LIST_GAP.match(text[t.char_end : u.char_start])):
            continue
        has_year[i] = True
        year = u.date_start.year - (1 if t.precision == u.precision == Precision.MONTH
                                    and t.date_start.month > u.date_start.month else 0)
        shift_years = year - t.date_start.year
        if shift_years:
            out[i] = replace(t, value=str(year) + t.value[4:] if t.value[:4].isdigit() else t.value,
                             date_start=t.date_start.replace(year=t.date_start.year + shift_years),
                             date_end=t.date_end.replace(year=t.date_end.year + shift_years))
    return out


def _span(t: Timex) -> tuple[date, date, Precision] | None:
    """First day, last day and precision of a timex that names a concrete period."""
    if t.type in ("DATE", "TIME") and t.date_start is not None and t.date_end is not None and t.precision is not None:
        return t.date_start, t.date_end, t.precision
    return None


def date_mentions(
    text: str,
    anchor: date | datetime | None = None,
    timexes: Sequence[Timex] | None = None,
    *,
    fetched: bool = False,
) -> list[DateMention]:
    """Concrete calendar periods of ``text`` with the role their cue words give.

    Durations, sets and vague references (PRESENT_REF, ...) are left out.
    "since 2012" -> role since; "until 2014" -> until; "from 2001 to 2014",
    "between 2001 and 2014", "2001–2014" and "June 28-30" -> one mention with
    role range spanning both ends. A mention's span includes its cue word.
    A count from a date the tagger keeps a duration ("three years later")
    is dated from the date in focus (:func:`_counted_from_focus`); an exact
    count back from the page's date ("over the past five years", "has worked
    there for five years") from ``anchor`` (:mod:`extractors.timex.count_back`).
    """
    tx = list(timexes) if timexes is not None else tag_timexes(text, anchor, fetched=fetched)
    tx.sort(key=lambda t: t.char_start)
    pairs = _mentions(text, tx)
    back = counted_back(text, tx, anchor, fetched=fetched)
    if back:
        read = {k for k, _ in back}  # a count back replaces its timex's own reading ("the past decade")
        pairs = [(m, ks) for m, ks in pairs if not read.intersection(ks)]
        pairs = sorted(pairs + [(m, (k,)) for k, m in back], key=lambda p: p[0].char_start)
    out = _spans_ending(text, _without_name_years(text, [m for m, _ in pairs]))
    then = _then_anaphora(text, out)
    then += _counted_from_focus(text, tx, sorted(out + then, key=lambda m: m.char_start))
    return sorted(out + then, key=lambda m: m.char_start) if then else out


def _without_name_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"ACMECON 2026 will be held from May 4 to May 7, 2026": a year
    that closes a name (:func:`extractors.not_dates.closes_name`) dates
    nothing when its sentence tells a finer date inside that year; the name
    is the subject, the fuller date the time. Alone in its sentence ("at
    Paris 2024") the year stays."""
    drop: set[int] = set()
    for k, m in enumerate(mentions):
        if m.role != "point" or m.precision != Precision.YEAR or not closes_name(text, m.char_start, m.char_end):
            continue
        s, e = sentence_bounds(text, m.char_start, m.char_end)
        if any(o is not m and s <= o.char_start and o.char_end <= e and o.precision.coarseness < m.precision.coarseness
               and m.date_start <= o.date_start and o.date_end <= m.date_end for o in mentions):
            drop.add(k)
    return [m for k, m in enumerate(mentions) if k not in drop] if drop else mentions


def _spans_ending(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"for the 10 years ending June 30, 2024", "the twelve months ended June
    2024", "week ending 13 December": a count of units closed by a day or a
    month (:func:`extractors.timex.rules.durations.span_ending_count`) is
    one range, from the first day of the count to the date's last day."""
    out = []
    for m in mentions:
        count = None
        if m.role == "point" and m.precision in (Precision.DAY, Precision.MONTH):
            lo = max(0, m.char_start - 60)
            count = span_ending_count(text[lo : m.char_start])
        first = start_of_span_ending(m.date_end, count[0], count[1]) if count is not None else None
        s = lo + count[2] if count is not None else m.char_start
        if count is None or first is None or any(o is not m and s < o.char_end <= m.char_start for o in mentions):
            out.append(m)  # (a period named already: "the fiscal first quarter ended Sept. 30" is that quarter)
            continue
        out.append(_mention(text, (s, m.char_end, first, m.date_end, m.precision), "range",
                            f"{first.isoformat() if m.precision == Precision.DAY else first.strftime('%Y-%m')}/{m.value}",
                            m.anchored, m.from_anchor))
    return out


_COUNT_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_UNIT_GRAN = {"year": Precision.YEAR, "month": Precision.MONTH, "week": Precision.WEEK, "day": Precision.DAY}


def _counted_from_focus(text: str, tx: Sequence[Timex], mentions: Sequence[DateMention]) -> list[DateMention]:
    """"They signed it in December 2015. Three years later, ...": a count from
    a date ("three years later", "a day before the deal closed", "two weeks
    prior") resolves against the date in focus: the nearest date told before
    it in the paragraph, of any kind (a month and day without a year, "last
    year", a count resolved before it: "born in 1950. Thirty years later he
    married. He died 20 years later." dates the death 1990). When that one
    cannot serve as a base (a stretch "since 2005", a range, a date the
    tagger could not resolve, a count that dates nothing) the count dates
    nothing rather than reaching further back. The tagger keeps such counts
    as durations where TimeML does (news); the mention here dates the
    clause. With no date before it (the anchor is unknown) the count dates
    nothing.

    A date inside the phrase the count is counted from ("two days after the
    3 May vote") is its base, or the count dates nothing. Otherwise, when a
    noun phrase follows ("a day before the summit") the count names the
    clause's date only when it opens its sentence or clause after a sentence
    that told the date in focus; with the focus in the same sentence
    ("submitted it on Saturday, a day before the summit") or inside the
    predicate ("This comes three months after his bid") it dates the named
    event, not the clause: no mention. A date written with its year later in
    the same sentence ("Five years later, in 2020, it closed") dates the
    clause itself: no mention. Round counts ("less than three months after",
    "about a year later") date nothing. A count coarser than its unit's
    granularity cannot be told ("three days later" after "in March"): no
    mention. The date is given at the unit's granularity ("three years
    later" after "December 2015" is 2018)."""
    out: list[DateMention] = []
    # what was told, in order: a mention, or None for a date or count that names no period
    told: list[tuple[int, int, DateMention | None]] = [(m.char_start, m.char_end, m) for m in mentions]
    told += [(t.char_start, t.char_end, None) for t in tx if t.type in ("DATE", "TIME") and _span(t) is None]
    for t in tx:
        if t.type != "DURATION":
            continue
        cm = _COUNT_VALUE.fullmatch(t.value)
        dm = R.COUNTED_DIR.match(text, t.char_end)
        if cm is None or dm is None:
            continue
        mention = _count(text, t, cm, dm, told)
        told.append((t.char_start, mention.char_end if mention is not None else dm.end(), mention))
        if mention is not None:
            out.append(mention)
    return out


def _count(text: str, t: Timex, cm: re.Match[str], dm: re.Match[str],
           told: Sequence[tuple[int, int, DateMention | None]]) -> DateMention | None:
    """The date of one count (see :func:`_counted_from_focus`), or None."""
    if t.mod is not None or R.COUNT_NOT_FROM.search(text, max(0, t.char_start - 12), t.char_start):
        return None  # "less than three months", "for three years after": round, or a stretch
    d = dm.group("dir").lower()
    np = dm.group("np")
    if d == "prior" and not (np or "").strip().lower().startswith("to"):
        return None
    after = dm.start("np") if np else dm.end()
    sentence = R.COUNT_SENTENCE_END.search(text, after)
    sentence_end = sentence.start() if sentence else len(text)
    base: DateMention | None = None
    inside = []
    if np and d in ("before", "after", "prior"):
        phrase = R.COUNT_PHRASE_END.search(text, after)
        phrase_end = phrase.start() if phrase else len(text)
        inside = sorted(x for x in told if after <= x[0] < phrase_end)
    if inside:
        base = inside[0][2]  # "two days after the 3 May vote": from 3 May, or nothing
        if base is None:
            return None
    else:
        prior = sorted(x for x in told if x[1] <= t.char_start)
        if not prior:
            return None
        base = prior[-1][2]
        if base is None:
            return None
        if not _in_paragraph(text, base.char_end, t.char_start):
            return None
        same_sentence = not _sentence_break(text, base.char_end, t.char_start)
        if np and d in ("before", "after", "prior") and (
                same_sentence or not R.COUNT_OPENS.search(text, max(0, t.char_start - 12), t.char_start)):
            return None  # "This comes three months after his bid": the clause has its own date
    if base.role != "point":
        return None
    if any(x[2] is not None and x[2] is not base and not x[2].anchored for x in told if after <= x[0] < sentence_end):
        return None  # "Five years later, in 2020, it closed": the clause tells its own date
    n, unit = int(cm.group(1)), _COUNT_UNITS[cm.group(2)]
    gran = _UNIT_GRAN[unit]
    if unit == "week" and base.precision == Precision.DAY:
        gran = Precision.DAY
    if base.precision.coarseness > gran.coarseness:
        return None
    cal = coarsen(cal_of(base.date_start, base.precision.value), gran.value)
    moved = shift(cal, -n if d in ("earlier", "before", "prior") else n, unit)
    period = period_of(moved) if moved is not None else None
    if moved is None or period is None:
        return None
    end = dm.start("np") if np else dm.end()
    return DateMention(char_start=t.char_start, char_end=end, text=text[t.char_start:end], date_start=period[0],
                       date_end=period[1], precision=Precision(period[2]), role="point", value=timex_value(moved),
                       anchored=True, from_anchor=base.from_anchor)


_COUNT_VALUE = re.compile(r"P([1-9]\d{0,2})([YMWD])")


def _then_anaphora(text: str, mentions: Sequence[DateMention]) -> list[DateMention]:
    """"Coffee reached Europe in the 17th century. Before then, ...": the
    period named just before (in an earlier sentence of the same paragraph,
    a point), with the role the cue gives (since, or until for "before",
    "until", "by"). A "since" told last is the period it starts from: "a
    dealer since 2004. I have used it since then" is since 2004; "then"
    after a range or an "until" names no one period (nothing)."""
    out = []
    for m in R.THEN_ANAPHOR.finditer(text):
        prior = [d for d in mentions if d.char_end <= m.start() and d.role in ("point", "since")]
        if not prior:
            continue
        ante = prior[-1]
        if ante.role == "since" and ("since" not in m.group("cue").lower()
                                     or any(d.char_end <= m.start() and d.char_start > ante.char_start
                                            for d in mentions)):
            continue
        # the period of an earlier sentence of the paragraph (within one sentence the date is told already)
        if not _in_paragraph(text, ante.char_end, m.start()) or not _sentence_break(text, ante.char_end, m.start()):
            continue
        role = "since" if "since" in m.group("cue").lower() else "until"
        out.append(DateMention(char_start=m.start(), char_end=m.end(), text=m.group(0), date_start=ante.date_start,
                               date_end=ante.date_end, precision=ante.precision, role=role, value=ante.value,
                               anchored=True, from_anchor=ante.from_anchor))
    return out


def _mentions(text: str, tx: list[Timex]) -> list[tuple[DateMention, tuple[int, ...]]]:
    """Date mentions of sorted timexes, each with the indices of its timexes."""
    out: list[tuple[DateMention, tuple[int, ...]]] = []
    spans = [_span(t) for t in tx]
    i = 0
    n = len(tx)
    while i < n:
        t = tx[i]
        span = spans[i]
        if span is None:
            i += 1
            continue
        t_start, t_end, t_precision = span
        before = text[max(0, t.char_start - 40) : t.char_start]
        u_span = spans[i + 1] if i + 1 < n else None
        # a clock time and its day: "until 5 p.m. on Oct. 28" is one time of that day
        if u_span is not None and t.type == "TIME" and "T" in t.value and u_span[2] == Precision.DAY and "T" not in tx[i + 1].value \
                and R.CLOCK_DAY_GAP.match(text[t.char_end:tx[i + 1].char_start]):
            u = tx[i + 1]
            role, s = _cued_role(t, before)
            value = f"{u.value}T{t.value.split('T', 1)[1]}"
            out.append((_mention(text, (s, u.char_end, u_span[0], u_span[1], Precision.DAY), role, value, u.anchored,
                                 u.from_anchor), (i, i + 1)))
            i += 2
            continue
        # ranges: "from X to Y", "between X and Y", "X-Y"
        if u_span is not None:
            u = tx[i + 1]
            u_end, u_precision = u_span[1], u_span[2]
            gap = text[t.char_end : u.char_start]
            if t.type == "TIME":  # "from May 4 at 7:00 AM EST to May 7 at 11:59 PM": past the time's a.m. and zone
                gap = gap[CLOCK_REST.match(gap).end():]  # type: ignore[union-attr]
            fm = R.FROM_RX.search(before)
            if ((R.JOIN_RX.match(gap) and (fm or R.DASH_RX.match(gap) or R.TO_RX.match(gap))) or (R.DASH_RX.match(gap) and not gap.strip() == "/")
                    or _adjacent_months(gap, span, u_span, text[max(0, t.char_start - 150) : t.char_start])):
                if u_end >= t_start:
                    s = _cue_start(t, before, fm)
                    extent = (s, u.char_end, t_start, u_end, _coarser(t_precision, u_precision))
                    out.append((_mention(text, extent, "range", f"{t.value}/{u.value}", t.anchored or u.anchored,
                                         t.from_anchor or u.from_anchor), (i, i + 1)))
                    i += 2
                    continue
        # "in 2024 compared to 2023", "in 2024, compared with the previous year": a change from an earlier
        # month, quarter, half or year to a later one of the same size spans both (switch ``compared-periods``;
        # not days: "Black Friday 2025 compared to Black Friday 2024" compares two days; not a later period:
        # "sales in 2025 compared to 2030 targets")
        if (u_span is not None and t_precision == u_span[2] and t_precision in _COMPARED_PRECISIONS
                and u_span[1] < t_start and rule_on("compared-periods")
                and _COMPARED_GAP.match(text[t.char_end : tx[i + 1].char_start]) and _cued_role(t, before)[0] == "point"):
            u = tx[i + 1]
            (first, last), (v0, v1) = (u_span[0], t_end), (u.value, t.value)
            s = _cued_role(t, before)[1]
            out.append((_mention(text, (s, u.char_end, first, last, t_precision), "range", f"{v0}/{v1}",
                                 t.anchored or u.anchored, t.from_anchor or u.from_anchor), (i, i + 1)))
            i += 2
            continue
        # "went out last night or today", "on Monday or Tuesday": two days next to each other joined by
        # "or" leave the day open between them: one stretch of both
        if (u_span is not None and t_precision == u_span[2] == Precision.DAY and (u_span[0] - t_end).days == 1
                and _OR_GAP.match(text[t.char_end : tx[i + 1].char_start])):
            u = tx[i + 1]
            role, s = _cued_role(t, before)
            out.append((_mention(text, (s, u.char_end, t_start, u_span[1], Precision.DAY), "range",
                                 f"{t_start.isoformat()}/{u_span[1].isoformat()}", t.anchored or u.anchored,
                                 t.from_anchor or u.from_anchor), (i, i + 1)))
            i += 2
            continue
        # "on May 4 and May 5, 2026", "June 30 and July 1": consecutive days joined by "and" are one stretch
        days = _coordinated_days(text, tx, spans, i) if t_precision == Precision.DAY else None
        if days is not None:
            j, first, last = days
            members = tuple(range(i, j + 1))
            u = tx[j]
            from_anchor = u.from_anchor if R.YEAR_WRITTEN.search(u.text) else any(tx[k].from_anchor for k in members)
            s = _cue_start(t, before, R.FROM_RX.search(before))
            out.append((_mention(text, (s, u.char_end, first, last, Precision.DAY), "range",
                                 f"{first.isoformat()}/{last.isoformat()}", any(tx[k].anchored for k in members),
                                 from_anchor), members))
            i = j + 1
            continue
        # "June 28-30": a day number after a day-precision date
        if t_precision == Precision.DAY:
            dm = R.DAYNUM_AFTER.match(text, t.char_end)
            nxt_start = tx[i + 1].char_start if i + 1 < n else len(text)
            if dm and R.counts_after_and(dm.group("join"), text, dm.end()):
                dm = None  # "On May 3 and 17 delegates voted": a count after "and", not a second day
            if dm and dm.end() <= nxt_start:
                d2 = int(dm.group("day"))
                try:
                    end_day: date | None = t_start.replace(day=d2)
                except ValueError:
                    end_day = None
                if end_day is not None and end_day > t_start + _ONE_DAY and dm.group("join").lower() in ("and", "&"):
                    # "on June 28 and 30": two days, not the stretch between them
                    role, s = _cued_role(t, before)
                    out.append((_mention(text, (s, t.char_end, t_start, t_start, Precision.DAY), role, t.value, t.anchored,
                                         t.from_anchor), (i,)))
                    out.append((_mention(text, (dm.start("day"), dm.end(), end_day, end_day, Precision.DAY), "point",
                                         end_day.isoformat(), t.anchored, t.from_anchor), ()))
                    i += 1
                    continue
                if end_day is not None and end_day > t_start:
                    s = _cue_start(t, before, R.FROM_RX.search(before))
                    extent = (s, dm.end(), t_start, end_day, Precision.DAY)
                    out.append((_mention(text, extent, "range", f"{t.value}/{end_day.isoformat()}", t.anchored, t.from_anchor),
                                (i,)))
                    i += 1
                    continue
        pp = R.PRE_POST_RX.search(before) if t_precision == Precision.YEAR and t.value.isdigit() else None
        if pp is not None:
            # "pre-2020": until the year before; "post-2020": since the year after
            y = int(t.value) + (-1 if pp.group("w").lower() == "pre" else 1)
            s = _cue_start(t, before, pp)
            extent = (s, t.char_end, date(y, 1, 1), date(y, 12, 31), Precision.YEAR)
            role = "until" if pp.group("w").lower() == "pre" else "since"
            out.append((_mention(text, extent, role, "%04d" % y, t.anchored, t.from_anchor), (i,)))
            i += 1
            continue
        role, s = _cued_role(t, before)
        out.append((_mention(text, (s, t.char_end, t_start, t_end, t_precision), role, t.value, t.anchored, t.from_anchor),
                     (i,)))
        i += 1
    return _joined_ranges(text, out)


def _cue_start(t: Timex, before: str, cue: re.Match[str] | None) -> int:
    """Where a mention starts: at its cue word (a match in ``before``, the
    text right before the timex ``t``), or at the timex when it has none."""
    return t.char_start - (len(before) - cue.start()) if cue is not None else t.char_start


def _cued_role(t: Timex, before: str) -> tuple[str, int]:
    """The role the cue words before a timex give it, and where its mention
    starts: "since 2012" -> since; "until 2014", "by the end of 2014" ->
    until; "(for) two years now" -> since; else a point at the timex.

    One reading for a date and for a clock time joined to its day ("since
    9 a.m. Monday"): the clock path, which once read only "since"/"until",
    now also reads "(for) ... now" and "by the end of" (a clock time's text
    holds neither, so no output changed on the tests and eval sets tried)."""
    since = R.SINCE_RX.search(before)
    if since:
        return "since", _cue_start(t, before, since)
    if R.COUNT_NOW_TEXT.search(t.text):
        return "since", t.char_start
    until = R.UNTIL_RX.search(before)
    if until is None and re.match(r"(?:the\s+)?end\s+of\b", t.text, re.I):
        until = R.BY_RX.search(before)
    if until:
        return "until", _cue_start(t, before, until)
    return "point", t.char_start


# how far, in characters, a date in focus reaches forward
_FOCUS_REACH = 400
_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _in_paragraph(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stays within one paragraph (no blank line) and
    within the reach of a date in focus."""
    return end - start <= _FOCUS_REACH and "\n\n" not in text[start:end]


def _sentence_break(text: str, start: int, end: int) -> bool:
    """A sentence ends somewhere in ``text[start:end]``."""
    return _SENTENCE_BREAK.search(text[start:end]) is not None


_ONE_DAY = timedelta(days=1)


def _plain_day(t: Timex, span: tuple[date, date, Precision] | None) -> bool:
    """A date of one calendar day with no clock time."""
    return span is not None and span[2] == Precision.DAY and t.type == "DATE" and "T" not in t.value


def _coordinated_days(text: str, tx: Sequence[Timex], spans: Sequence[tuple[date, date, Precision] | None],
                      i: int) -> tuple[int, date, date] | None:
    """"The fair is held on May 4 and May 5, 2026", "June 30 and July
    1", "May 4, May 5 and May 6": days listed with commas and a closing
    "and" or "&", each the day after the one before, tell one stretch (the
    index of the last, the first and the last day), or None. A day written
    with no year takes the year of the day after it ("December 31 and
    January 1, 2026": the 31st of 2025). Days that are not consecutive ("on
    May 3 and May 17") stay days of their own."""
    members = [i]
    j = i
    while True:
        if j + 1 >= len(tx) or not _plain_day(tx[j + 1], spans[j + 1]):
            return None
        gap = text[tx[j].char_end : tx[j + 1].char_start]
        closing = R.DAY_LIST_AND.match(gap) is not None
        if not closing and R.DAY_LIST_COMMA.match(gap) is None:
            return None
        j += 1
        members.append(j)
        if closing:
            break
    days = [spans[k][0] for k in members]  # type: ignore[index]
    for k in range(len(days) - 2, -1, -1):
        if R.YEAR_WRITTEN.search(tx[members[k]].text) is None:
            nxt, d = days[k + 1], days[k]
            try:
                d = d.replace(year=nxt.year)
                if d > nxt:
                    d = d.replace(year=nxt.year - 1)
            except ValueError:
                return None  # a 29 February in a year without one
            days[k] = d
    if any((b - a) != _ONE_DAY for a, b in zip(days, days[1:])):
        return None
    return j, days[0], days[-1]


_BETWEEN = re.compile(r"between\s", re.I)
_CUED = re.compile(r"(?:between|from|since|until|till|to|through|by)\s", re.I)
_OR_GAP = re.compile(r"\s+or\s+$", re.I)
# between two periods compared: "in 2024 compared to 2023", "Q3 2025, as compared with Q3 2024"
_COMPARED_PRECISIONS = frozenset({Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR})
_COMPARED_GAP = re.compile(r"\s*,?\s*(?:(?:as|when)\s+)?compared\s+(?:to|with)\s+$", re.I)


def _joined_ranges(text: str, found: list[tuple[DateMention, tuple[int, ...]]]) -> list[tuple[DateMention, tuple[int, ...]]]:
    """"during the 2019-20 and 2020-21 school years": two ranges joined by
    "and", the second starting within the first or right after it, are one
    stretch from the first's start to the second's end. So are two periods
    compared by "between" ("rose 40% between 1995-1999 and 2015-2019": the
    change spans both), however far apart."""
    out: list[tuple[DateMention, tuple[int, ...]]] = []
    for m, members in found:
        if out:
            p, p_members = out[-1]
            # "between 1995-1999 and 2015-2019" (not "between 2001 and 2003 and between 2008 and 2010")
            compared = _BETWEEN.match(p.text) is not None and not _CUED.match(m.text) and p.date_end < m.date_start
            if (p.role == m.role == "range" and p.precision == m.precision
                    and p.date_start < m.date_start and (m.date_start <= p.date_end + _ONE_DAY or compared)
                    and m.date_end > p.date_end and R.DAY_LIST_AND.match(text[p.char_end : m.char_start])):
                value = f"{p.value.split('/')[0]}/{m.value.split('/')[-1]}"
                out[-1] = (_mention(text, (p.char_start, m.char_end, p.date_start, m.date_end, p.precision), "range",
                                    value, p.anchored or m.anchored, p.from_anchor or m.from_anchor), p_members + members)
                continue
        out.append((m, members))
    return out


_NEXT_PERIODS = (Precision.YEAR, Precision.DECADE, Precision.CENTURY)
# the pair as the clause's time ("in 2021 and 2022, ..."): a preposition of time right before the first; elsewhere
# each year is its own ("a winner of 2022 and 2023", "for 2025 and 2026 tax returns", "in 2019, 2020 and 2021")
_TIME_ADVERBIAL = re.compile(r"\b(?:in|during|throughout|through|over|across|around)\s+(?:the\s+)?"
                             r"(?:(?:early|late|mid)[\s-]+)?$", re.I)
# a verb of a one-off happening: the kinds that start or end something (extractors.event_rules) and the
# achievements that have no kind there; two years after one are two happenings ("won the cup in 2022 and 2023")
_ONE_OFF_LEMMAS = sorted(
    {w for k in ("begin", "end") for w in TRIGGER_KINDS[k] if " " not in w}
    | {"win", "elect", "appoint", "name", "award", "release", "publish", "acquire", "buy", "sell", "shut", "hire", "fire",
       "resign", "retire", "die", "marry", "graduate", "score", "crown", "beat", "defeat", "host", "visit"})
_IRREGULAR_ONE_OFF = "won|began|begun|sold|bought|shut|founded|left|set|died|beat|beaten|held|met"
_ONE_OFF_VERB = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in _ONE_OFF_LEMMAS) + r")(?:e?d|s|es|ing)?\b|\b(?:"
    + _IRREGULAR_ONE_OFF + r")\b", re.I)
# two years are one stretch only after a preposition that spans them ("during 2021 and 2022"); after
# plain "in" two years may be two happenings ("won the cup in 2022 and 2023", "was shut in 2020 and 2021")
_SPAN_ADVERBIAL = re.compile(r"\b(?:during|throughout|through|over|across|between)\s+(?:the\s+)?"
                             r"(?:(?:early|late|mid)[\s-]+)?$", re.I)


def _adjacent_months(gap: str, first: tuple[date, date, Precision], second: tuple[date, date, Precision],
                     before: str = "") -> bool:
    """"in late December and early January": two months joined by "and",
    the second right after the first, tell one stretch of time. So do two
    decades or centuries in a row after a preposition of time ("during the
    1980s and 1990s", "throughout the 16th and 17th centuries"), and two
    years after one that spans them ("during 2021 and 2022"; switch
    ``adjacent-periods``), or after plain "in" when the clause tells no
    one-off happening ("prices climbed in 2021 and 2022"; not "won the cup
    in 2022 and 2023", two wins); elsewhere each is its own ("a winner of
    2022 and 2023", "for 2025 and 2026 tax returns", "in 2019, 2020 and 2021")."""
    if not R.AND_RX.match(gap) or first[2] != second[2] or (second[0] - first[1]).days != 1:
        return False
    if first[2] == Precision.MONTH:
        return True
    if first[2] not in _NEXT_PERIODS or not rule_on("adjacent-periods"):
        return False
    if first[2] == Precision.YEAR:
        if _SPAN_ADVERBIAL.search(before) is not None:
            return True
        # plain "in": one stretch unless the clause tells a one-off happening
        clause = re.split(r"[.;:!?]\s|\n", before)[-1]
        return re.search(r"\bin\s+$", before, re.I) is not None and _ONE_OFF_VERB.search(clause) is None
    return _TIME_ADVERBIAL.search(before) is not None


def _mention(text: str, span: tuple[int, int, date, date, Precision], role: str, value: str, anchored: bool,
             from_anchor: bool) -> DateMention:
    """The mention of ``span`` (first and last character, first and last day, precision)."""
    s, e, first, last, precision = span
    return DateMention(char_start=s, char_end=e, text=text[s:e], date_start=first, date_end=last, precision=precision,
                       role=role, value=value, anchored=anchored, from_anchor=from_anchor)


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if a.coarseness >= b.coarseness else b
