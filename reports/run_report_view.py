"""The run report's view: what each part of the page shows, prepared from a run's data.

Pure functions from ``ReportData`` to plain view records that the templates
in ``reports/templates/`` lay out: the timeline's geometry (axis, ticks, one
row per dated fact with its markers and bars), the encodings (colour = status,
size = number of sources), the order of candidates by rank, the counts and
summaries, every number and date already written as the page shows it, and
the stylesheet with its Content-Security-Policy hash. Nothing here is markup:
the templates escape every value.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from extractors.types import Precision
from facts.model import ChangeKind, Fact, FactStatus, FactValue, Rank, iso_value
from reports.run_report_data import ReportData, RunInfo, SourceStatus, Statement

# ------------------------------------------------------------ the encodings

STATUS_COLOURS = {
    FactStatus.CORROBORATED: "#1a9850",
    FactStatus.SINGLE_SOURCE: "#4575b4",
    FactStatus.CONFLICTING: "#d73027",
}
# a superseded value (what a page said before, a plan the outcome overtook): a grey hollow marker
SUPERSEDED_COLOUR = "#8c8c8c"
# a fact told only as plans (Fact.planned): its marker is pale, its label says "planned"
PLANNED_LABEL = "planned: told only as plans, not happened (yet)"
STATUS_LABELS = {
    FactStatus.CORROBORATED: "corroborated (2+ sources agree)",
    FactStatus.SINGLE_SOURCE: "single source",
    FactStatus.CONFLICTING: "conflicting (sources disagree)",
}
FETCH_ORDER = ("error", "changed", "new", "unchanged")
CHANGE_ORDER = (ChangeKind.CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED)


def point_radius(n_sources: int) -> float:
    """Marker radius in the timeline: grows with the number of sources, capped."""
    return 3.5 + 2.0 * min(max(n_sources, 1), 5)


def status_colour(status: str | None) -> str:
    return STATUS_COLOURS.get(status or "", "#555555")


# ------------------------------------------------------------------- helpers

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def css_token(key: str) -> str:
    """``key`` as a piece of a class name or an id."""
    return _ID_UNSAFE.sub("_", key)


def anchor(prefix: str, key: str) -> str:
    return f"{prefix}-{css_token(key)}"


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def short(text: str | None, limit: int) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def when(ts: datetime | None) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts else "—"


def fact_value(f: Fact) -> str:
    if f.date_start is None or f.date_end is None or f.precision is None:
        return "undated"
    return iso_value(f.date_start, f.date_end, f.precision)


@dataclass(frozen=True)
class Badge:
    css: str  # the b-<css> class that colours it
    text: str


def badge(kind: str, text: str | None = None) -> Badge:
    return Badge(css_token(kind), text or kind.replace("_", " "))


@dataclass(frozen=True)
class Sentence:
    """A sentence with its date expression marked: ``before<mark>marked</mark>after`` (nothing marked: ``before``)."""

    before: str
    marked: str = ""
    after: str = ""


def sentence(st: Statement) -> Sentence:
    s = one_line(st.sentence) if st.date_span is None else st.sentence
    if st.date_span is not None:
        a, b = st.date_span
        if 0 <= a < b <= len(s) and s[a:b] == st.date_text:
            return Sentence(s[:a], s[a:b], s[b:])
    return Sentence(s)


# ------------------------------------------------------------------ header


@dataclass(frozen=True)
class Count:
    label: str
    value: int
    alert: bool


@dataclass(frozen=True)
class Header:
    run_id: str
    status: Badge
    started: str
    finished: str
    previous_run_id: str | None
    code_version: str | None
    counts: tuple[Count, ...]


def header(run: RunInfo) -> Header:
    counts = (
        ("sources", run.sources_total),
        ("fetched", run.fetched),
        ("unchanged", run.unchanged),
        ("failed", run.failed),
        ("documents", run.documents),
        ("statements", run.events),
        ("facts", run.facts),
        ("conflicting", run.conflicts),
        ("changes", run.changes),
    )
    return Header(
        run_id=run.run_id, status=badge(run.status), started=when(run.started_at), finished=when(run.finished_at),
        previous_run_id=run.previous_run_id, code_version=run.code_version,
        counts=tuple(Count(k, v, bool(v) and k in ("failed", "conflicting")) for k, v in counts),
    )


@dataclass(frozen=True)
class NavLink:
    fragment: str
    text: str


def nav(data: ReportData) -> tuple[NavLink, ...]:
    conflicts = sum(1 for f in data.facts if f.status == FactStatus.CONFLICTING)
    return (
        NavLink("timeline", "Timeline"),
        NavLink("conflicts", f"Conflicting facts ({conflicts})"),
        NavLink("changes", f"Changes ({len(data.changes)})"),
        NavLink("sources", f"Sources ({len(data.sources)})"),
        NavLink("facts", f"All facts ({len(data.facts)}{planned_note(data.facts)})"),
    )


def planned_note(facts: Sequence[Fact]) -> str:
    """", 2 planned" when some facts are told only as plans (not happened yet)."""
    n = sum(1 for f in facts if f.planned)
    return f", {n} planned" if n else ""


# ------------------------------------------------------------------ timeline

_W = 1000  # viewBox width
_GUTTER = 350  # labels on the left
_PLOT_L = _GUTTER + 14
_PLOT_R = _W - 20
_ROW = 24
_TOP = 40
_MARK_X, _VALUE_X, _LABEL_X = 6, 20, 106  # added/changed mark, value, statement label
_LABEL_CHARS = 42


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span_years = (hi - lo).days / 365.25
    if span_years > 3:
        for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
            if span_years / step <= 12:
                break
        first = (lo.year // step + 1) * step
        return [(date(y, 1, 1), str(y)) for y in range(first, hi.year + 1, step)]
    for months in (1, 2, 3, 6):
        if span_years * 12 / months <= 12:
            break
    out = []
    y, m = lo.year, lo.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > hi:
            break
        if (m - 1) % months == 0:
            out.append((d, f"{y}-{m:02d}" if m != 1 else str(y)))
    return out


def dated(facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in facts if f.date_start is not None and f.date_end is not None]


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Marker:
    """One candidate value in a row: a circle (filled if preferred, hollow if not) over a bar for a range."""

    preferred: bool
    cx: float
    r: float
    n_sources: int
    dashed: bool  # a deprecated candidate
    superseded: bool  # a value overtaken (an earlier statement of a page, a plan the outcome replaced)
    tip: str
    bar_x: float | None  # the bar spanning the value's date range, when it is wide enough to see
    bar_width: float | None


@dataclass(frozen=True)
class Extent:
    """The dashed line of a fact that holds since / until a date."""

    x1: float
    x2: float


@dataclass(frozen=True)
class Row:
    status: str  # css token
    colour: str
    title: str
    statement: str
    planned: bool  # told only as plans: not happened (yet)
    cy: float
    text_y: float
    bar_y: float
    shade: str | None  # changed | stripe
    shade_y: float
    anchor: str
    mark: str  # + added, Δ changed
    value: str
    label: str
    extent: Extent | None
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    shade_height: int
    grid_top: int
    grid_bottom: int
    tick_y: int
    plot_left: int
    plot_right: int
    mark_x: int
    value_x: int
    label_x: int
    ticks: tuple[Tick, ...]
    as_of_x: float | None
    rows: tuple[Row, ...]


def _markers(f: Fact, x: Callable[[date], float]) -> tuple[Marker, ...]:
    values: list[FactValue] = list(f.values)
    if not values:  # a fact without value rows: draw the fact's own value
        values = [FactValue(f.fact_id, f.date_start, f.date_end, f.precision or Precision.DAY, Rank.PREFERRED, 1.0,
                            f.source_ids, f.event_ids, fact_value(f))]
    out = []
    preferred_done = False
    for v in values:
        is_preferred = v.rank == Rank.PREFERRED and not preferred_done
        if not is_preferred and f.status != FactStatus.CONFLICTING and not v.superseded:
            continue  # compatible alternatives (2012 ⊇ 2012-06) add nothing to the picture
        preferred_done = preferred_done or is_preferred
        x0, x1 = x(v.date_start), x(v.date_end + timedelta(days=1))
        n = f.n_sources if (is_preferred and f.status != FactStatus.CONFLICTING) else len(v.source_ids)
        wide = x1 - x0 >= 3
        out.append(Marker(
            preferred=is_preferred, cx=round((x0 + x1) / 2, 1), r=point_radius(n), n_sources=n,
            dashed=v.rank == Rank.DEPRECATED, superseded=v.superseded and not is_preferred,
            tip=f"{v.value} · {v.rank}{' · superseded' if v.superseded else ''} · score {v.score:.2f} · "
                f"{', '.join(v.source_ids)}",
            bar_x=x0 if wide else None, bar_width=round(x1 - x0, 1) if wide else None,
        ))
    return tuple(out)


def timeline(facts: Sequence[Fact], as_of: date | None, changed: dict[str, str]) -> Timeline | None:
    """One row per dated fact, in date order (None: no dated fact).

    Each row shows the fact's preferred value (and, for a conflicting fact,
    every other candidate as a hollow marker): a circle whose colour is the
    status and whose size is the number of sources, over a bar that spans the
    value's date range when its precision is coarser than a day. A fact that
    holds "since" a date trails a dashed line to the run date. Rows of facts
    added or changed in this run are shaded.
    """
    rows_of = sorted(dated(facts), key=lambda f: (f.date_start, f.date_end, f.fact_id))
    if not rows_of:
        return None
    spans: list[tuple[date, date]] = []
    for f in rows_of:
        spans.append((f.date_start, f.date_end))
        spans.extend((v.date_start, v.date_end) for v in f.values)
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    if as_of is not None and any(f.date_role == "since" for f in rows_of):
        hi = max(hi, as_of)
    pad = max(timedelta(days=30), (hi - lo) * 0.03)
    lo, hi = lo - pad, hi + pad
    total = (hi - lo).days or 1

    def x(d: date) -> float:
        return round(_PLOT_L + (d - lo).days / total * (_PLOT_R - _PLOT_L), 1)

    height = _TOP + _ROW * len(rows_of) + 12
    rows = []
    for i, f in enumerate(rows_of):
        cy = _TOP + _ROW * i + _ROW / 2
        colour = status_colour(f.status)
        others = ([v.value for v in f.values if v.rank != Rank.PREFERRED and not v.superseded]
                  if f.status == FactStatus.CONFLICTING else [])
        extent = None
        if f.date_role == "since" and as_of is not None and as_of > f.date_end:
            extent = Extent(x(f.date_end + timedelta(days=1)), x(as_of))
        elif f.date_role == "until":
            extent = Extent(_PLOT_L, x(f.date_start))
        planned = "planned · " if f.planned else ""
        rows.append(Row(
            status=css_token(f.status), colour=colour,
            title=f"{fact_value(f)} · {planned}{f.status.replace('_', ' ')} · {f.n_sources} source(s): {', '.join(f.source_ids)}",
            statement=one_line(f.statement), planned=f.planned, cy=cy, text_y=cy + 4, bar_y=cy - 4,
            shade="changed" if f.fact_id in changed else ("stripe" if i % 2 else None), shade_y=cy - _ROW / 2 + 1,
            anchor=anchor("f", f.fact_id), mark={ChangeKind.ADDED: "+", ChangeKind.CHANGED: "Δ"}.get(changed.get(f.fact_id, ""), ""),
            value=fact_value(f), label=short(planned + (f"vs {', '.join(others)} · " if others else "") + f.statement, _LABEL_CHARS),
            extent=extent, markers=_markers(f, x),
        ))
    return Timeline(
        width=_W, height=height, shade_height=_ROW - 2, grid_top=_TOP - 8, grid_bottom=height - 8, tick_y=_TOP - 14,
        plot_left=_PLOT_L, plot_right=_PLOT_R, mark_x=_MARK_X, value_x=_VALUE_X, label_x=_LABEL_X,
        ticks=tuple(Tick(x(d), label) for d, label in _ticks(lo, hi)),
        as_of_x=x(as_of) if as_of is not None and lo <= as_of <= hi else None, rows=tuple(rows),
    )


@dataclass(frozen=True)
class LegendKey:
    colour: str
    label: str


@dataclass(frozen=True)
class SizeKey:
    x: int
    r: float


@dataclass(frozen=True)
class Legend:
    statuses: tuple[LegendKey, ...]
    sizes: tuple[SizeKey, ...]
    candidate_colour: str
    superseded_colour: str
    planned_label: str


def legend() -> Legend:
    return Legend(
        statuses=tuple(LegendKey(status_colour(s), STATUS_LABELS[s]) for s in FactStatus),
        sizes=tuple(SizeKey(x, point_radius(n)) for n, x in ((1, 12), (2, 38), (3, 68), (5, 104))),
        candidate_colour=STATUS_COLOURS[FactStatus.CONFLICTING],
        superseded_colour=SUPERSEDED_COLOUR,
        planned_label=PLANNED_LABEL,
    )


@dataclass(frozen=True)
class TimelineSection:
    legend: Legend
    timeline: Timeline | None
    undated: int


# ------------------------------------------------------------------ conflicts


@dataclass(frozen=True)
class Said:
    """A statement of a candidate value: its sentence and source, or the id of a statement not in the run."""

    event_id: str
    sentence: Sentence | None
    source_id: str = ""


@dataclass(frozen=True)
class Candidate:
    rank_css: str
    value: str
    precision: str
    rank: Badge
    score: str
    sources: str
    said: tuple[Said, ...]
    superseded: bool = False


@dataclass(frozen=True)
class Conflict:
    anchor: str
    statement: str
    fact_id: str
    preferred: str
    confidence: str
    n_sources: int
    participants: str
    candidates: tuple[Candidate, ...]


def _said(event_ids: Sequence[str], statements: dict[str, Statement]) -> tuple[Said, ...]:
    out = []
    for eid in event_ids:
        st = statements.get(eid)
        out.append(Said(eid, None) if st is None else Said(eid, sentence(st), st.source_id))
    return tuple(out)


def conflicts(facts: Sequence[Fact], statements: dict[str, Statement]) -> tuple[Conflict, ...]:
    """The conflicting facts, each with its candidates ranked (preferred first, then by score)."""
    rank_order = {r: i for i, r in enumerate(Rank)}
    out = []
    for f in facts:
        if f.status != FactStatus.CONFLICTING:
            continue
        candidates = tuple(
            Candidate(rank_css=css_token(v.rank), value=v.value, precision=v.precision, rank=badge(v.rank),
                      score=f"{v.score:.3f}", sources=", ".join(v.source_ids), said=_said(v.event_ids, statements),
                      superseded=v.superseded)
            for v in sorted(f.values, key=lambda v: (rank_order.get(v.rank, 9), -v.score, v.value))
        )
        out.append(Conflict(
            anchor=anchor("c", f.fact_id), statement=one_line(f.statement), fact_id=f.fact_id, preferred=fact_value(f),
            confidence=f"{f.confidence:.2f}", n_sources=f.n_sources, participants=", ".join(f.participants) or "—",
            candidates=candidates,
        ))
    return tuple(out)


# ------------------------------------------------------------------ changes


@dataclass(frozen=True)
class Evidence:
    css: str  # before | after
    label: str  # before | now | says | said
    text: str


@dataclass(frozen=True)
class ChangeRow:
    change: str  # css token
    badge: Badge
    fact_id: str
    fact_anchor: str | None  # None: the fact is not in this run (removed)
    statement: str
    field: str
    before: str
    after: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ChangesSection:
    previous_run_id: str | None
    summary: str
    rows: tuple[ChangeRow, ...]


def _evidence(before: str | None, after: str | None) -> tuple[Evidence, ...]:
    ev_before, ev_after = one_line(before), one_line(after)
    out = []
    if ev_before and ev_before != ev_after:
        out.append(Evidence("before", "before", ev_before))
    if ev_after:
        out.append(Evidence("after", "now" if ev_before else "says", ev_after))
    elif ev_before:
        out.append(Evidence("before", "said", ev_before))
    return tuple(out)


def changes(data: ReportData) -> ChangesSection:
    counts: dict[str, int] = defaultdict(int)
    for c in data.changes:
        counts[c.change] += 1
    fact_ids = {f.fact_id for f in data.facts}
    order = {k: i for i, k in enumerate(CHANGE_ORDER)}
    rows = tuple(
        ChangeRow(
            change=css_token(c.change), badge=badge(c.change), fact_id=c.fact_id,
            fact_anchor=anchor("f", c.fact_id) if c.fact_id in fact_ids else None, statement=short(c.statement, 160),
            field=(c.field or "") if c.change == ChangeKind.CHANGED else "", before=c.before or "—", after=c.after or "—",
            evidence=_evidence(c.evidence_before, c.evidence_after),
        )
        for c in sorted(data.changes, key=lambda c: (order.get(c.change, 9), c.fact_id, c.field or ""))
    )
    summary = ", ".join(f"{counts[k]} {k}" for k in (ChangeKind.ADDED, ChangeKind.CHANGED, ChangeKind.REMOVED) if counts[k])
    return ChangesSection(previous_run_id=data.run.previous_run_id, summary=summary, rows=rows)


# ------------------------------------------------------------------ sources


@dataclass(frozen=True)
class SourceRow:
    status: str  # css token
    badge: Badge
    source_id: str
    url: str | None
    publisher: str | None
    title: str | None
    http_status: str
    size: str
    snapshot: str | None  # the sha256's first 12 hex digits
    error_kind: str | None
    error: str | None


@dataclass(frozen=True)
class SourcesSection:
    summary: str
    rows: tuple[SourceRow, ...]


def _source_row(s: SourceStatus) -> SourceRow:
    return SourceRow(
        status=css_token(s.status), badge=badge(s.status), source_id=s.source_id, url=s.url, publisher=s.publisher,
        title=short(s.title, 80) if s.title else None,
        http_status=str(s.http_status) if s.http_status is not None else "—",
        size=f"{s.bytes:,}" if s.bytes is not None else "—",
        snapshot=s.snapshot_sha256[:12] if s.snapshot_sha256 else None, error_kind=s.error_kind, error=s.error,
    )


def sources(data: ReportData) -> SourcesSection:
    """Each source's fetch, errors first."""
    order = {s: i for i, s in enumerate(FETCH_ORDER)}
    by_status: dict[str, int] = defaultdict(int)
    for s in data.sources:
        by_status[s.status] += 1
    return SourcesSection(
        summary=", ".join(f"{by_status[k]} {k}" for k in FETCH_ORDER if by_status[k]),
        rows=tuple(_source_row(s) for s in sorted(data.sources, key=lambda s: (order.get(s.status, 9), s.source_id))),
    )


# ------------------------------------------------------------------ all facts


@dataclass(frozen=True)
class FactRow:
    anchor: str
    value: str
    precision: str | None
    role: str | None  # since | until (a point date says nothing more)
    status: Badge
    change: Badge | None  # added | changed in this run
    planned: Badge | None  # told only as plans: not happened (yet)
    candidates_anchor: str | None  # a conflicting fact links to its candidates
    confidence: str
    n_sources: int
    sources: str
    statement: str
    fact_id: str
    participants: str


def fact_rows(facts: Sequence[Fact], changed: dict[str, str]) -> tuple[FactRow, ...]:
    """Every fact, in date order (undated last)."""
    return tuple(
        FactRow(
            anchor=anchor("f", f.fact_id), value=fact_value(f), precision=f.precision,
            role=f.date_role if f.date_role and f.date_role != "point" else None, status=badge(f.status),
            change=badge(changed[f.fact_id]) if f.fact_id in changed else None,
            planned=badge("planned") if f.planned else None,
            candidates_anchor=anchor("c", f.fact_id) if f.status == FactStatus.CONFLICTING else None,
            confidence=f"{f.confidence:.2f}", n_sources=f.n_sources, sources=", ".join(f.source_ids),
            statement=one_line(f.statement), fact_id=f.fact_id, participants=", ".join(f.participants),
        )
        for f in sorted(facts, key=lambda f: (f.date_start is None, f.date_start or date.min, f.fact_id))
    )


# --------------------------------------------------------------------- page


@cache
def stylesheet() -> str:
    """The page's stylesheet (``reports/templates/run_report.css``), as the page inlines and hashes it."""
    return (resources.files("reports") / "templates" / "run_report.css").read_text(encoding="utf-8").strip()


def csp(css: str) -> str:
    """A Content-Security-Policy that allows the page's own stylesheet (by hash) and nothing else."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class Page:
    run_id: str
    status: str
    stylesheet: str
    csp: str
    header: Header
    nav: tuple[NavLink, ...]
    timeline: TimelineSection
    conflicts: tuple[Conflict, ...]
    changes: ChangesSection
    sources: SourcesSection
    facts: tuple[FactRow, ...]


def page(data: ReportData) -> Page:
    """Everything the run report shows, ready to lay out."""
    run = data.run
    as_of = data.as_of or (run.started_at.date() if run.started_at else None)
    data = replace(data, as_of=as_of)
    statements = {s.event_id: s for s in data.statements}
    changed: dict[str, str] = {}  # fact -> added | changed, marked in the timeline (not on a first run: all are new)
    for c in data.changes if run.previous_run_id else ():
        if c.change in (ChangeKind.ADDED, ChangeKind.CHANGED):
            changed.setdefault(c.fact_id, c.change)
    css = stylesheet()
    return Page(
        run_id=run.run_id, status=run.status, stylesheet=css, csp=csp(css), header=header(run), nav=nav(data),
        timeline=TimelineSection(legend(), timeline(data.facts, data.as_of, changed),
                                 len(data.facts) - len(dated(data.facts))),
        conflicts=conflicts(data.facts, statements), changes=changes(data), sources=sources(data),
        facts=fact_rows(data.facts, changed),
    )
