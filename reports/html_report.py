"""The HTML run report: one self-contained page per run.

``curated/reports/<run_id>.html`` shows a run at a glance: its header and
counts, a timeline of the facts (x = date; colour = status; size = number of
sources; a bar spans a value's date range at its precision), the conflicting
facts with every candidate value and the sentences stating it, the changes
since the previous run, and each source's fetch status.

The page is plain HTML with inline CSS and inline SVG: no script, no external
resource, no link leaving the page (every ``href`` is a ``#fragment``), so it
works offline and prints. A strict Content-Security-Policy allows only the
page's own stylesheet (by hash). Page text is data, never markup: every value
is escaped, and source URLs are shown as text, never as links.

``render_run_report`` is pure; ``load_report_data`` reads a run's tables from
the curated store; ``write_run_report`` does both and writes the file
atomically.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from facts.model import RANKS, STATUSES, Change, Fact, FactValue, iso_value
from store import atomic
from store.curated_store import CuratedStore, CuratedStoreError
from store.tables import facts_from_table

# ---------------------------------------------------------------- the data


@dataclass(frozen=True)
class RunInfo:
    """A row of the runs table: what the report header shows."""

    run_id: str
    status: str  # ok | partial | failed
    started_at: datetime | None = None
    finished_at: datetime | None = None
    previous_run_id: str | None = None
    sources_total: int = 0
    fetched: int = 0
    unchanged: int = 0
    failed: int = 0
    documents: int = 0
    events: int = 0
    facts: int = 0
    conflicts: int = 0
    changes: int = 0
    code_version: str | None = None


@dataclass(frozen=True)
class Statement:
    """One dated statement (an events row): the sentence a source says a value in."""

    event_id: str
    source_id: str
    sentence: str
    date_text: str
    date_span: tuple[int, int] | None = None  # where date_text stands in sentence, if known


@dataclass(frozen=True)
class SourceStatus:
    """A source's fetch in this run (a fetch_log row), with its document's publisher and title."""

    source_id: str
    status: str  # new | changed | unchanged | error
    url: str | None = None
    http_status: int | None = None
    error: str | None = None
    error_kind: str | None = None
    bytes: int | None = None
    snapshot_sha256: str | None = None
    publisher: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class ReportData:
    """Everything the run report shows. ``facts`` carry their ranked candidate
    values in ``Fact.values``; ``changes`` are this run's rows of the changes
    table; ``sources`` this run's rows of fetch_log."""

    run: RunInfo
    facts: tuple[Fact, ...]
    statements: tuple[Statement, ...] = ()
    changes: tuple[Change, ...] = ()
    sources: tuple[SourceStatus, ...] = ()
    as_of: date | None = field(default=None)  # "since ..." lines run to this date (default: the run's start)


# ------------------------------------------------------------ the encodings

STATUS_COLOURS = {
    "corroborated": "#1a9850",
    "single_source": "#4575b4",
    "conflicting": "#d73027",
    "superseded": "#8c8c8c",
}
STATUS_LABELS = {
    "corroborated": "corroborated (2+ sources agree)",
    "single_source": "single source",
    "conflicting": "conflicting (sources disagree)",
    "superseded": "superseded",
}
FETCH_ORDER = ("error", "changed", "new", "unchanged")


def point_radius(n_sources: int) -> float:
    """Marker radius in the timeline: grows with the number of sources, capped."""
    return 3.5 + 2.0 * min(max(n_sources, 1), 5)


def _status_colour(status: str | None) -> str:
    return STATUS_COLOURS.get(status or "", "#555555")


# ------------------------------------------------------------------- helpers


def _e(value: object) -> str:
    """Escaped text for element content and quoted attribute values."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def _anchor(prefix: str, key: str) -> str:
    return f"{prefix}-{_ID_UNSAFE.sub('_', key)}"


def _value_text(start: date | None, end: date | None, precision: str | None) -> str:
    if start is None or end is None or precision is None:
        return "undated"
    return iso_value(start, end, precision)


def _fact_value(f: Fact) -> str:
    return _value_text(f.date_start, f.date_end, f.precision)


def _short(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(ts: datetime | None) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts else "—"


def _badge(kind: str, text: str | None = None) -> str:
    kind_class = _ID_UNSAFE.sub("_", kind)
    return f'<span class="badge b-{kind_class}">{_e(text or kind.replace("_", " "))}</span>'


def _sentence_html(st: Statement) -> str:
    """The sentence, escaped, with its date expression marked."""
    s = " ".join(st.sentence.split()) if st.date_span is None else st.sentence
    if st.date_span is not None:
        a, b = st.date_span
        if 0 <= a < b <= len(s) and s[a:b] == st.date_text:
            return f"{_e(s[:a])}<mark>{_e(s[a:b])}</mark>{_e(s[b:])}"
    return _e(s)


# ------------------------------------------------------------------ timeline

_W = 1000  # viewBox width
_GUTTER = 350  # labels on the left
_PLOT_L = _GUTTER + 14
_PLOT_R = _W - 20
_ROW = 24
_TOP = 40
_LABEL_X = 106  # statement labels start here (mark at 6, value at 20)
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


def _dated(facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in facts if f.date_start is not None and f.date_end is not None]


def render_timeline(facts: Sequence[Fact], as_of: date | None, changed: dict[str, str]) -> str:
    """An inline SVG: one row per dated fact, in date order.

    Each row shows the fact's preferred value (and, for a conflicting fact,
    every other candidate as a hollow marker): a circle whose colour is the
    status and whose size is the number of sources, over a bar that spans the
    value's date range when its precision is coarser than a day. A fact that
    holds "since" a date trails a dashed line to the run date. Rows of facts
    added or changed in this run are shaded.
    """
    dated = sorted(_dated(facts), key=lambda f: (f.date_start, f.date_end, f.fact_id))
    if not dated:
        return '<p class="empty">No dated facts in this run.</p>'
    spans: list[tuple[date, date]] = []
    for f in dated:
        spans.append((f.date_start, f.date_end))
        spans.extend((v.date_start, v.date_end) for v in f.values)
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    if as_of is not None and any(f.date_role == "since" for f in dated):
        hi = max(hi, as_of)
    pad = max(timedelta(days=30), (hi - lo) * 0.03)
    lo, hi = lo - pad, hi + pad
    total = (hi - lo).days or 1

    def x(d: date) -> float:
        return round(_PLOT_L + (d - lo).days / total * (_PLOT_R - _PLOT_L), 1)

    height = _TOP + _ROW * len(dated) + 12
    parts = [
        f'<svg class="timeline" viewBox="0 0 {_W} {height}" width="{_W}" height="{height}" '
        f'role="img" aria-labelledby="tl-title">',
        f'<title id="tl-title">Timeline of {len(dated)} dated facts</title>',
    ]
    # grid and axis
    for d, label in _ticks(lo, hi):
        xx = x(d)
        parts.append(f'<line class="grid" x1="{xx}" y1="{_TOP - 8}" x2="{xx}" y2="{height - 8}"/>')
        parts.append(f'<text class="tick" x="{xx}" y="{_TOP - 14}" text-anchor="middle">{_e(label)}</text>')
    parts.append(f'<line class="axis" x1="{_PLOT_L}" y1="{_TOP - 8}" x2="{_PLOT_R}" y2="{_TOP - 8}"/>')
    if as_of is not None and lo <= as_of <= hi:
        xa = x(as_of)
        parts.append(f'<line class="asof" x1="{xa}" y1="{_TOP - 8}" x2="{xa}" y2="{height - 8}"/>')

    for i, f in enumerate(dated):
        cy = _TOP + _ROW * i + _ROW / 2
        colour = _status_colour(f.status)
        row = [f'<g class="row s-{_ID_UNSAFE.sub("_", f.status)}">']
        row.append(f"<title>{_e(_fact_value(f))} · {_e(f.status.replace('_', ' '))} · "
                   f"{f.n_sources} source(s): {_e(', '.join(f.source_ids))}&#10;{_e(' '.join(f.statement.split()))}</title>")
        if f.fact_id in changed:
            row.append(f'<rect class="changed" x="0" y="{cy - _ROW / 2 + 1}" width="{_W}" height="{_ROW - 2}"/>')
        elif i % 2:
            row.append(f'<rect class="stripe" x="0" y="{cy - _ROW / 2 + 1}" width="{_W}" height="{_ROW - 2}"/>')
        mark = {"added": "+", "changed": "Δ"}.get(changed.get(f.fact_id, ""), "")
        others = [v.value for v in f.values if v.rank != "preferred"] if f.status == "conflicting" else []
        label = (f"vs {', '.join(others)} · " if others else "") + " ".join(f.statement.split())
        row.append(f'<a href="#{_anchor("f", f.fact_id)}">'
                   + (f'<text class="mark" x="6" y="{cy + 4}">{mark}</text>' if mark else "")
                   + f'<text class="value" x="20" y="{cy + 4}">{_e(_fact_value(f))}</text>'
                   f'<text class="label" x="{_LABEL_X}" y="{cy + 4}">{_e(_short(label, _LABEL_CHARS))}</text></a>')
        # "since"/"until" extents
        if f.date_role == "since" and as_of is not None and as_of > f.date_end:
            row.append(f'<line class="extent" x1="{x(f.date_end + timedelta(days=1))}" y1="{cy}" x2="{x(as_of)}" '
                       f'y2="{cy}" stroke="{colour}"/>')
        elif f.date_role == "until":
            row.append(f'<line class="extent" x1="{_PLOT_L}" y1="{cy}" x2="{x(f.date_start)}" y2="{cy}" stroke="{colour}"/>')
        values: list[FactValue] = list(f.values)
        if not values:  # a fact without value rows: draw the fact's own value
            values = [FactValue(f.fact_id, f.date_start, f.date_end, f.precision or "day", "preferred", 1.0,
                                f.source_ids, f.event_ids, _fact_value(f))]
        preferred_done = False
        for v in values:
            is_preferred = v.rank == "preferred" and not preferred_done
            if not is_preferred and f.status != "conflicting":
                continue  # compatible alternatives (2012 ⊇ 2012-06) add nothing to the picture
            preferred_done = preferred_done or is_preferred
            x0, x1 = x(v.date_start), x(v.date_end + timedelta(days=1))
            cx = round((x0 + x1) / 2, 1)
            n = f.n_sources if (is_preferred and f.status != "conflicting") else len(v.source_ids)
            r = point_radius(n)
            if x1 - x0 >= 3:
                row.append(f'<rect class="span" x="{x0}" y="{cy - 4}" width="{round(x1 - x0, 1)}" height="8" '
                           f'fill="{colour}"/>')
            tip = f"{v.value} · {v.rank} · score {v.score:.2f} · {', '.join(v.source_ids)}"
            if is_preferred:
                row.append(f'<circle class="pt" cx="{cx}" cy="{cy}" r="{r}" fill="{colour}" data-sources="{n}">'
                           f"<title>{_e(tip)}</title></circle>")
            else:
                dash = ' stroke-dasharray="3 2"' if v.rank == "deprecated" else ""
                row.append(f'<circle class="alt" cx="{cx}" cy="{cy}" r="{r}" stroke="{colour}"{dash} '
                           f'data-sources="{n}"><title>{_e(tip)}</title></circle>')
        row.append("</g>")
        parts.extend(row)
    parts.append("</svg>")
    return "\n".join(parts)


def _legend() -> str:
    items = []
    for status in STATUSES:
        items.append(
            f'<li><svg class="key" viewBox="0 0 20 20" width="20" height="20"><circle cx="10" cy="10" r="6" '
            f'fill="{_status_colour(status)}"/></svg>{_e(STATUS_LABELS[status])}</li>'
        )
    sizes = "".join(
        f'<circle cx="{x}" cy="14" r="{point_radius(n)}" fill="#777"/>' for n, x in ((1, 12), (2, 38), (3, 68), (5, 104))
    )
    items.append(f'<li><svg class="key" viewBox="0 0 124 28" width="124" height="28">{sizes}</svg>1, 2, 3, 5+ sources</li>')
    items.append('<li><svg class="key" viewBox="0 0 40 20" width="40" height="20"><rect x="2" y="6" width="36" height="8" '
                 'fill="#777" opacity="0.3"/><circle cx="20" cy="10" r="5" fill="#777"/></svg>bar: the date range at its '
                 'precision (a year, a month)</li>')
    items.append('<li><svg class="key" viewBox="0 0 20 20" width="20" height="20"><circle cx="10" cy="10" r="6" '
                 'fill="#fff" stroke="#d73027" stroke-width="2"/></svg>another candidate value (dashed: deprecated)</li>')
    items.append('<li><svg class="key" viewBox="0 0 40 20" width="40" height="20"><line x1="2" y1="10" x2="38" y2="10" '
                 'stroke="#777" stroke-width="2" stroke-dasharray="4 3"/></svg>holds since / until</li>')
    items.append('<li><svg class="key" viewBox="0 0 20 20" width="20" height="20"><rect x="1" y="3" width="18" height="14" '
                 'fill="#fff3bf"/></svg>added (+) or changed (Δ) in this run</li>')
    return '<ul class="legend">' + "".join(items) + "</ul>"


# ------------------------------------------------------------------ sections


def _header(run: RunInfo) -> str:
    counts = [
        ("sources", run.sources_total),
        ("fetched", run.fetched),
        ("unchanged", run.unchanged),
        ("failed", run.failed),
        ("documents", run.documents),
        ("statements", run.events),
        ("facts", run.facts),
        ("conflicting", run.conflicts),
        ("changes", run.changes),
    ]
    cells = "".join(
        f'<div class="count{" alert" if k in ("failed", "conflicting") and v else ""}"><b>{v}</b><span>{_e(k)}</span></div>'
        for k, v in counts
    )
    prev = (f"previous run <code>{_e(run.previous_run_id)}</code>" if run.previous_run_id else "first run")
    return (
        '<header id="run">'
        f'<h1>factwatch run <code>{_e(run.run_id)}</code> {_badge(run.status)}</h1>'
        f'<p class="meta">started {_e(_when(run.started_at))} · finished {_e(_when(run.finished_at))} · {prev}'
        + (f" · code <code>{_e(run.code_version)}</code>" if run.code_version else "")
        + f'</p><div class="counts">{cells}</div></header>'
    )


def _nav(data: ReportData) -> str:
    conflicts = sum(1 for f in data.facts if f.status == "conflicting")
    links = [
        ("timeline", "Timeline"),
        ("conflicts", f"Conflicting facts ({conflicts})"),
        ("changes", f"Changes ({len(data.changes)})"),
        ("sources", f"Sources ({len(data.sources)})"),
        ("facts", f"All facts ({len(data.facts)})"),
    ]
    return '<nav><ul>' + "".join(f'<li><a href="#{a}">{_e(t)}</a></li>' for a, t in links) + "</ul></nav>"


def _timeline_section(data: ReportData, changed: dict[str, str]) -> str:
    undated = len(data.facts) - len(_dated(data.facts))
    note = f'<p class="note">{undated} undated fact(s) are listed under “All facts” only.</p>' if undated else ""
    return (
        '<section id="timeline"><h2>Timeline</h2>'
        '<p class="note">Every dated fact, oldest first. Hover a marker for its value, rank and sources; '
        "click a label for the fact's details.</p>"
        f'{_legend()}<div class="tl-wrap">{render_timeline(data.facts, data.as_of, changed)}</div>{note}</section>'
    )


def _statements_html(event_ids: Sequence[str], statements: dict[str, Statement]) -> str:
    items = []
    for eid in event_ids:
        st = statements.get(eid)
        if st is None:
            items.append(f'<li class="missing">statement <code>{_e(eid)}</code> not in this run</li>')
            continue
        items.append(f'<li><blockquote>{_sentence_html(st)}</blockquote><cite>{_e(st.source_id)}</cite></li>')
    return '<ul class="said">' + "".join(items) + "</ul>" if items else ""


def _conflicts_section(data: ReportData, statements: dict[str, Statement]) -> str:
    conflicting = [f for f in data.facts if f.status == "conflicting"]
    if not conflicting:
        return '<section id="conflicts"><h2>Conflicting facts</h2><p class="empty">No conflicting facts in this run: ' \
               "where sources state the same happening, their dates agree.</p></section>"
    out = ['<section id="conflicts"><h2>Conflicting facts</h2>',
           f'<p class="note">{len(conflicting)} fact(s) whose sources give incompatible dates. Candidates are ranked by '
           "truth discovery (source trust learnt across all facts); the preferred value is the fact's date.</p>"]
    rank_order = {r: i for i, r in enumerate(RANKS)}
    for f in conflicting:
        rows = []
        for v in sorted(f.values, key=lambda v: (rank_order.get(v.rank, 9), -v.score, v.value)):
            rows.append(
                f'<tr class="r-{_ID_UNSAFE.sub("_", v.rank)}"><td class="val">{_e(v.value)}<br><small>{_e(v.precision)}</small></td>'
                f"<td>{_badge(v.rank)}</td><td class=\"num\">{v.score:.3f}</td>"
                f"<td>{_e(', '.join(v.source_ids))}</td><td>{_statements_html(v.event_ids, statements)}</td></tr>"
            )
        out.append(
            f'<article class="conflict" id="{_anchor("c", f.fact_id)}"><h3>{_e(" ".join(f.statement.split()))}</h3>'
            f'<p class="meta"><code>{_e(f.fact_id)}</code> · preferred {_e(_fact_value(f))} · confidence '
            f"{f.confidence:.2f} · {f.n_sources} source(s) · participants: {_e(', '.join(f.participants)) or '—'}</p>"
            '<table class="values"><thead><tr><th>value</th><th>rank</th><th>score</th><th>sources</th>'
            f'<th>what they say</th></tr></thead><tbody>{"".join(rows)}</tbody></table></article>'
        )
    out.append("</section>")
    return "".join(out)


def _changes_section(data: ReportData, fact_ids: set[str]) -> str:
    run = data.run
    title = "Changes since the previous run"
    if not data.changes:
        msg = ("No fact changed since the previous run." if run.previous_run_id
               else "First run: nothing to compare with.")
        return f'<section id="changes"><h2>{title}</h2><p class="empty">{_e(msg)}</p></section>'
    since = (f"since run <code>{_e(run.previous_run_id)}</code>" if run.previous_run_id
             else "(first run: every fact is new)")
    counts = defaultdict(int)
    for c in data.changes:
        counts[c.change] += 1
    summary = ", ".join(f"{counts[k]} {k}" for k in ("added", "changed", "removed") if counts[k])
    rows = []
    order = {"changed": 0, "added": 1, "removed": 2}
    for c in sorted(data.changes, key=lambda c: (order.get(c.change, 9), c.fact_id, c.field or "")):
        fact = (f'<a href="#{_anchor("f", c.fact_id)}"><code>{_e(c.fact_id)}</code></a>' if c.fact_id in fact_ids
                else f"<code>{_e(c.fact_id)}</code>")
        what = _e(c.field) if c.change == "changed" else ""
        ev_before = " ".join((c.evidence_before or "").split())
        ev_after = " ".join((c.evidence_after or "").split())
        evidence = []
        if ev_before and ev_before != ev_after:
            evidence.append(f'<p class="before"><span>before</span> {_e(ev_before)}</p>')
        if ev_after:
            evidence.append(f'<p class="after"><span>{"now" if ev_before else "says"}</span> {_e(ev_after)}</p>')
        elif ev_before:
            evidence.append(f'<p class="before"><span>said</span> {_e(ev_before)}</p>')
        rows.append(
            f'<tr class="c-{_ID_UNSAFE.sub("_", c.change)}"><td>{_badge(c.change)}</td><td>{fact}<br>'
            f'<span class="stmt">{_e(_short(c.statement, 160))}</span></td><td>{what}</td>'
            f'<td class="val">{_e(c.before) or "—"}</td><td class="val">{_e(c.after) or "—"}</td>'
            f'<td class="evidence">{"".join(evidence)}</td></tr>'
        )
    return (
        f'<section id="changes"><h2>{title}</h2><p class="note">{len(data.changes)} change(s) {since}: {_e(summary)}.</p>'
        '<table class="changes"><thead><tr><th>change</th><th>fact</th><th>field</th><th>before</th><th>after</th>'
        f'<th>evidence</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def _sources_section(data: ReportData) -> str:
    if not data.sources:
        return '<section id="sources"><h2>Sources</h2><p class="empty">No fetch records for this run.</p></section>'
    order = {s: i for i, s in enumerate(FETCH_ORDER)}
    rows = []
    for s in sorted(data.sources, key=lambda s: (order.get(s.status, 9), s.source_id)):
        error = ""
        if s.error or s.error_kind:
            error = (f"<code>{_e(s.error_kind)}</code> " if s.error_kind else "") + _e(s.error)
        size = f"{s.bytes:,}" if s.bytes is not None else "—"
        sha = f"<code>{_e(s.snapshot_sha256[:12])}</code>" if s.snapshot_sha256 else "—"
        who = _e(s.publisher) + (f"<br><small>{_e(_short(s.title, 80))}</small>" if s.title else "")
        rows.append(
            f'<tr class="f-{_ID_UNSAFE.sub("_", s.status)}"><td><b>{_e(s.source_id)}</b><br><span class="url">{_e(s.url)}</span></td>'
            f"<td>{who}</td><td>{_badge(s.status)}</td><td class=\"num\">{_e(s.http_status) or '—'}</td>"
            f'<td class="num">{size}</td><td>{sha}</td><td class="error">{error}</td></tr>'
        )
    by_status = defaultdict(int)
    for s in data.sources:
        by_status[s.status] += 1
    summary = ", ".join(f"{by_status[k]} {k}" for k in FETCH_ORDER if by_status[k])
    return (
        f'<section id="sources"><h2>Sources</h2><p class="note">{len(data.sources)} source(s): {_e(summary)}. '
        "A failed source keeps its last good snapshot in the tables.</p>"
        '<table class="sources"><thead><tr><th>source</th><th>publisher / title</th><th>fetch</th><th>HTTP</th>'
        f'<th>bytes</th><th>snapshot</th><th>error</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def _facts_section(data: ReportData, changed: dict[str, str]) -> str:
    if not data.facts:
        return '<section id="facts"><h2>All facts</h2><p class="empty">No facts in this run.</p></section>'
    rows = []
    facts = sorted(data.facts, key=lambda f: (f.date_start is None, f.date_start or date.min, f.fact_id))
    for f in facts:
        mark = f" {_badge(changed[f.fact_id])}" if f.fact_id in changed else ""
        link = (f' <a href="#{_anchor("c", f.fact_id)}">candidates</a>' if f.status == "conflicting" else "")
        rows.append(
            f'<tr id="{_anchor("f", f.fact_id)}"><td class="val">{_e(_fact_value(f))}<br><small>{_e(f.precision)}'
            f"{' · ' + _e(f.date_role) if f.date_role and f.date_role != 'point' else ''}</small></td>"
            f"<td>{_badge(f.status)}{mark}{link}</td><td class=\"num\">{f.confidence:.2f}</td>"
            f"<td>{f.n_sources}: {_e(', '.join(f.source_ids))}</td>"
            f'<td>{_e(" ".join(f.statement.split()))}<br><small><code>{_e(f.fact_id)}</code> · '
            f"{_e(', '.join(f.participants))}</small></td></tr>"
        )
    return (
        '<section id="facts"><h2>All facts</h2>'
        '<table class="facts"><thead><tr><th>date</th><th>status</th><th>confidence</th><th>sources</th>'
        f'<th>statement</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


# --------------------------------------------------------------------- page

_CSS = """
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #dcdcdc; --bg: #ffffff; --soft: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 1.2rem 1.5rem 3rem; }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem;
  border-bottom: 2px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1rem; margin: 0 0 .2rem; }
code { font: .86em/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
small, .meta, .note, .empty { color: var(--muted); } .meta { margin: .2rem 0 .6rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; margin: .6rem 0 0; }
nav a, a { color: #1a56a8; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; }
.count { background: var(--soft); border-radius: 6px; padding: .35rem .7rem; min-width: 6.2rem; }
.count b { display: block; font-size: 1.25rem; } .count span { color: var(--muted); font-size: .82rem; }
.count.alert { background: #fdecea; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .8rem; font-weight: 600;
  background: #e8eaed; color: #333; white-space: nowrap; }
.b-ok, .b-corroborated, .b-preferred, .b-unchanged { background: #dff3e4; color: #125e2f; }
.b-partial, .b-changed { background: #fff1cc; color: #7a5200; }
.b-failed, .b-error, .b-conflicting, .b-removed, .b-deprecated { background: #fde0dc; color: #a0231a; }
.b-single_source, .b-new, .b-added, .b-normal { background: #e1ebf7; color: #1f4f8a; }
.b-superseded { background: #eeeeee; color: #555; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.val { white-space: nowrap; font-weight: 600; } .url { color: var(--muted); font-size: .82rem; word-break: break-all; }
td.error { color: #a0231a; max-width: 26rem; } .stmt { color: var(--fg); }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: .3rem 0 .6rem;
  font-size: .85rem; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: .35rem; }
.tl-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.timeline { display: block; width: 100%; height: auto; min-width: 760px; font-size: 12px; }
svg.timeline .grid { stroke: #e6e6e6; } svg.timeline .axis { stroke: #999; }
svg.timeline .tick { fill: var(--muted); font-size: 11px; }
svg.timeline .asof { stroke: #999; stroke-dasharray: 2 3; }
svg.timeline .label { fill: var(--fg); } svg.timeline a:hover .label { fill: #1a56a8; text-decoration: underline; }
svg.timeline .value { fill: var(--fg); font-weight: 600; } svg.timeline .mark { fill: #7a5200; font-weight: 700; }
svg.timeline .stripe { fill: #fafafa; } svg.timeline .changed { fill: #fff3bf; }
svg.timeline .span { opacity: .3; } svg.timeline .pt { stroke: #fff; stroke-width: 1.5; }
svg.timeline .alt { fill: none; stroke-width: 2.5; }
svg.timeline .extent { stroke-width: 2; stroke-dasharray: 4 3; opacity: .7; }
svg.key { flex: none; }
.conflict { border: 1px solid #f3c4bf; border-left: 4px solid #d73027; border-radius: 6px; padding: .6rem .8rem;
  margin: .8rem 0; break-inside: avoid; }
.conflict table { margin-bottom: 0; } tr.r-preferred td.val { color: #125e2f; }
ul.said { list-style: none; margin: 0; padding: 0; } ul.said li { margin: 0 0 .4rem; }
blockquote { margin: 0; padding-left: .6rem; border-left: 3px solid var(--line); }
cite { font-style: normal; font-size: .8rem; color: var(--muted); padding-left: .6rem; }
mark { background: #fff3bf; padding: 0 .1em; }
.evidence p { margin: 0 0 .3rem; } .evidence span { font-size: .75rem; text-transform: uppercase; color: var(--muted);
  margin-right: .3rem; } .evidence .before { color: var(--muted); text-decoration: line-through; text-decoration-color: #bbb; }
tr.f-error td { background: #fff7f6; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 800px) { main { padding: .8rem; } .count { min-width: 4.8rem; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; } main { max-width: none; padding: 0; } nav { display: none; }
  a { color: inherit; text-decoration: none; } .tl-wrap { overflow: visible; border: none; }
  svg.timeline { min-width: 0; } tr, .conflict, .count { break-inside: avoid; } h2 { break-after: avoid; }
}
""".strip()


def _csp(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def render_run_report(data: ReportData) -> str:
    """The complete HTML page of one run (pure; deterministic for the same data)."""
    run = data.run
    as_of = data.as_of or (run.started_at.date() if run.started_at else None)
    data = replace(data, as_of=as_of)
    statements = {s.event_id: s for s in data.statements}
    changed: dict[str, str] = {}  # fact -> added | changed, marked in the timeline (not on a first run: all are new)
    for c in data.changes if run.previous_run_id else ():
        if c.change in ("added", "changed"):
            changed.setdefault(c.fact_id, c.change)
    fact_ids = {f.fact_id for f in data.facts}
    body = "\n".join(
        [
            _header(run),
            _nav(data),
            _timeline_section(data, changed),
            _conflicts_section(data, statements),
            _changes_section(data, fact_ids),
            _sources_section(data),
            _facts_section(data, changed),
        ]
    )
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(_CSS))}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>factwatch run {_e(run.run_id)} ({_e(run.status)})</title>\n"
        f"<style>{_CSS}</style>\n"
        f"</head><body><main>\n{body}\n"
        f'<footer>factwatch run report · tables of this run: <code>curated/history/{_e(run.run_id)}/</code> · '
        "a self-contained page: no script, nothing loaded from the network.</footer>\n"
        "</main></body></html>\n"
    )


# ------------------------------------------------------------------ loading


def _opt_int(v: object) -> int | None:
    return None if v is None else int(v)


def _run_info(row: dict) -> RunInfo:
    return RunInfo(
        run_id=row["run_id"], status=row["status"], started_at=row.get("started_at"),
        finished_at=row.get("finished_at"), previous_run_id=row.get("previous_run_id"),
        sources_total=row.get("sources_total") or 0, fetched=row.get("fetched") or 0,
        unchanged=row.get("unchanged") or 0, failed=row.get("failed") or 0, documents=row.get("documents") or 0,
        events=row.get("events") or 0, facts=row.get("facts") or 0, conflicts=row.get("conflicts") or 0,
        changes=row.get("changes") or 0, code_version=row.get("code_version"),
    )


def _statement(row: dict) -> Statement:
    span = None
    ds, de, cs = row.get("date_char_start"), row.get("date_char_end"), row.get("char_start")
    if ds is not None and de is not None and cs is not None:
        span = (ds - cs, de - cs)
    return Statement(event_id=row["event_id"], source_id=row["source_id"], sentence=row["sentence"],
                     date_text=row["date_text"], date_span=span)


def resolve_run(curated: CuratedStore, run_id: str | None) -> str:
    """The run to report: ``run_id`` if it is a published run, else the current one."""
    if run_id is None:
        current = curated.current_run_id()
        if current is None:
            raise CuratedStoreError(f"no run has been published in {curated.root} yet: run `factwatch run` first")
        return current
    runs = curated.run_ids()
    if run_id not in runs:
        raise CuratedStoreError(f"unknown run {run_id!r}; runs: {', '.join(runs[-5:]) or 'none'}")
    return run_id


def load_report_data(curated: CuratedStore, run_id: str | None = None) -> ReportData:
    """Read what the report of ``run_id`` (default: the current run) shows, from that run's tables in history."""
    run_id = resolve_run(curated, run_id)
    runs = [r for r in curated.read("runs", run_id).to_pylist() if r["run_id"] == run_id]
    if not runs:
        raise CuratedStoreError(f"run {run_id} does not record itself in its runs table")
    values: dict[str, list[FactValue]] = defaultdict(list)
    for r in curated.read("fact_values", run_id).to_pylist():
        values[r["fact_id"]].append(
            FactValue(
                fact_id=r["fact_id"], date_start=r["date_start"], date_end=r["date_end"], precision=r["precision"],
                rank=r["rank"], score=r["score"], source_ids=tuple(r["source_ids"] or ()),
                event_ids=tuple(r["event_ids"] or ()),
                value=r.get("value") or iso_value(r["date_start"], r["date_end"], r["precision"]),
            )
        )
    facts = tuple(replace(f, values=tuple(values.get(f.fact_id, ()))) for f in facts_from_table(curated.read("facts", run_id)))
    statements = tuple(_statement(r) for r in curated.read("events", run_id).to_pylist())
    changes = tuple(
        Change(
            fact_id=r["fact_id"], change=r["change"], field=r.get("field"), before=r.get("before"), after=r.get("after"),
            statement=r.get("statement"), evidence_before=r.get("evidence_before"),
            evidence_after=r.get("evidence_after"), snapshots_before=tuple(r.get("snapshots_before") or ()),
            snapshots_after=tuple(r.get("snapshots_after") or ()),
        )
        for r in curated.read("changes", run_id).to_pylist()
        if r["run_id"] == run_id
    )
    docs = {d["source_id"]: d for d in curated.read("documents", run_id).select(["source_id", "publisher", "title"]).to_pylist()}
    sources = tuple(
        SourceStatus(
            source_id=r["source_id"], status=r["status"], url=r.get("url"), http_status=_opt_int(r.get("http_status")),
            error=r.get("error"), error_kind=r.get("error_kind"), bytes=_opt_int(r.get("bytes")),
            snapshot_sha256=r.get("snapshot_sha256"), publisher=(docs.get(r["source_id"]) or {}).get("publisher"),
            title=(docs.get(r["source_id"]) or {}).get("title"),
        )
        for r in curated.read("fetch_log", run_id).to_pylist()
        if r["run_id"] == run_id
    )
    return ReportData(run=_run_info(runs[0]), facts=facts, statements=statements, changes=changes, sources=sources)


def report_path(curated: CuratedStore, run_id: str) -> Path:
    return curated.reports / f"{run_id}.html"


def write_run_report(curated: CuratedStore, run_id: str | None = None) -> Path:
    """Render the report of ``run_id`` (default: the current run) to ``curated/reports/<run_id>.html``, atomically."""
    data = load_report_data(curated, run_id)
    path = report_path(curated, data.run.run_id)
    atomic.write_text(path, render_run_report(data), atomic.staging_dir(curated.root))
    return path
