"""Change reports between two runs, in text, Markdown, HTML and JSON.

Per fact: added, removed, changed (date, precision, status, sources,
candidates; and for a fact told only as plans, ``rescheduled``: the plan
moved to another date, and ``planned``: a source now tells it as done), with the evidence sentence before and after and the snapshots
it came from, and what an analyst checks it against (``ChangeBasis``): the
sources that state the fact's value before and after, and the fact's own
statements the pages gained and lost, each with its source, date and
sentence. A change of sources names the sources gained and lost, not the
two whole lists. Per source: the dated statements the page gained and
lost, and those it only reworded (a statement lost and one gained of the
same fact with the same date: the page says the same thing in other words,
which changes nothing in the facts). A fact told only as plans
(``Fact.planned``) is shown as such: "added, planned for 2021-12-18".

Page text is data, never markup: every value is escaped for the format it
is written in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import pyarrow as pa

from assembly.tables import facts_from_table
from facts.diff import diff_facts
from facts.model import Change, ChangeKind, Fact, Happening, Rank, iso_value
from reports.templating import render_template
from reports.terminal import json_printable, printable
from store.curated_store import CuratedStore


@dataclass(frozen=True, slots=True)
class EventBrief:
    event_id: str
    value: str  # ISO date value
    sentence: str
    snapshot_sha256: str
    fact_id: str | None = None
    source_id: str = ""
    planned: bool = False  # a plan for the date (a target, a schedule), not a report that it happened

    @property
    def dated(self) -> str:
        """The date as the report shows it: "2021-12-18, planned" for a plan."""
        return f"{self.value}, planned" if self.planned else self.value


@dataclass(frozen=True, slots=True)
class SourceEvents:
    source_id: str
    gained: tuple[EventBrief, ...]
    lost: tuple[EventBrief, ...]
    reworded: tuple[tuple[EventBrief, EventBrief], ...] = ()  # (before, after): same fact, same date


@dataclass(frozen=True, slots=True)
class ChangeBasis:
    """What one fact change rests on: the sources stating the fact's value
    (its preferred one) in the earlier run and in this one, and the fact's
    statements this run's pages make and the earlier run's did not
    (``gained``) and the reverse (``lost``); a statement only reworded
    (same fact, same date) is neither."""

    stated_before: tuple[str, ...] = ()
    stated_after: tuple[str, ...] = ()
    gained: tuple[EventBrief, ...] = ()
    lost: tuple[EventBrief, ...] = ()
    planned_before: bool = False  # the fact was told only as plans in the earlier run (not happened yet)
    planned_after: bool = False  # ... in this run


@dataclass(frozen=True)
class DiffReport:
    run_id: str
    against: str | None
    changes: tuple[Change, ...]
    sources: tuple[SourceEvents, ...] = ()
    bases: tuple[ChangeBasis, ...] = ()  # one per change, in order (empty: none known)

    def rows(self) -> list[tuple[Change, ChangeBasis]]:
        """Each change with what it rests on."""
        # a report cut to its first changes keeps their bases (more bases than changes); fewer: none known
        bases = self.bases[: len(self.changes)] if len(self.bases) >= len(self.changes) else ()
        return list(zip(self.changes, bases or (ChangeBasis(),) * len(self.changes)))

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {kind: 0 for kind in ChangeKind}
        for c in self.changes:
            out[c.change] += 1
        return out


def _briefs(events: pa.Table | None) -> dict[str, dict[str, EventBrief]]:
    by_source: dict[str, dict[str, EventBrief]] = {}
    if events is None:
        return by_source
    columns = ["event_id", "source_id", "date_start", "date_end", "precision", "sentence", "snapshot_sha256", "fact_id"]
    columns += ["planned"] if "planned" in events.column_names else []  # runs published before plans were marked
    for r in events.select(columns).to_pylist():
        by_source.setdefault(r["source_id"], {})[r["event_id"]] = EventBrief(
            r["event_id"], iso_value(r["date_start"], r["date_end"], r["precision"]),
            " ".join(r["sentence"].split()), r["snapshot_sha256"], r["fact_id"], r["source_id"], bool(r.get("planned")),
        )
    return by_source


def _rewordings(lost: list[EventBrief], gained: list[EventBrief]) -> list[tuple[EventBrief, EventBrief]]:
    """Pairs of a lost and a gained statement of one fact with one date, both
    plans or both reports, one to one, in order. (A run published before plans
    were marked reads every statement as a report: its plans pair as before.)"""
    pairs = []
    free = list(gained)
    for old in lost:
        new = next((g for g in free if old.fact_id is not None and g.fact_id == old.fact_id and g.value == old.value
                    and g.planned == old.planned), None)  # a plan come true on its date is no rewording
        if new is not None:
            free.remove(new)
            pairs.append((old, new))
    return pairs


def source_event_changes(before: pa.Table | None, after: pa.Table | None) -> tuple[SourceEvents, ...]:
    """Statements each page gained and lost between two events tables."""
    old, new = _briefs(before), _briefs(after)
    out = []
    for sid in sorted(old.keys() | new.keys()):
        a, b = old.get(sid, {}), new.get(sid, {})
        gained = sorted((b[e] for e in b.keys() - a.keys()), key=lambda x: (x.value, x.event_id))
        lost = sorted((a[e] for e in a.keys() - b.keys()), key=lambda x: (x.value, x.event_id))
        reworded = _rewordings(lost, gained)
        moved = {id(e) for pair in reworded for e in pair}
        gained = [e for e in gained if id(e) not in moved]
        lost = [e for e in lost if id(e) not in moved]
        if gained or lost or reworded:
            out.append(SourceEvents(sid, tuple(gained), tuple(lost), tuple(reworded)))
    return tuple(out)


def stating(fact: Fact | None) -> tuple[str, ...]:
    """The sources that state a fact's preferred value (all its sources when its values are not known)."""
    if fact is None:
        return ()
    preferred = [v for v in fact.values if v.rank == Rank.PREFERRED and not v.superseded]
    return tuple(sorted({s for v in preferred for s in v.source_ids})) if preferred else tuple(sorted(fact.source_ids))


def change_bases(changes: Sequence[Change], before: Sequence[Fact], after: Sequence[Fact],
                 sources: Sequence[SourceEvents]) -> tuple[ChangeBasis, ...]:
    """What each change rests on (``ChangeBasis``), from the two runs' facts
    and the statements each page gained and lost; a fact with several
    changed fields lists its gained and lost statements under its first row."""
    old = {f.fact_id: f for f in before}
    new = {f.fact_id: f for f in after}
    gained: dict[str, list[EventBrief]] = {}
    lost: dict[str, list[EventBrief]] = {}
    for s in sources:
        for e in s.gained:
            if e.fact_id is not None:
                gained.setdefault(e.fact_id, []).append(e)
        for e in s.lost:
            if e.fact_id is not None:
                lost.setdefault(e.fact_id, []).append(e)
    def planned(fact: Fact | None) -> bool:
        return fact is not None and fact.planned

    out = []
    listed: set[str] = set()  # facts whose statements a row already lists: one fact's rows list them once
    for c in changes:
        first = c.fact_id not in listed
        listed.add(c.fact_id)
        out.append(ChangeBasis(stating(old.get(c.fact_id)), stating(new.get(c.fact_id)),
                               tuple(gained.get(c.fact_id, ())) if first else (),
                               tuple(lost.get(c.fact_id, ())) if first else (),
                               planned(old.get(c.fact_id)), planned(new.get(c.fact_id))))
    return tuple(out)


def build_diff(curated: CuratedStore, run_id: str | None = None, against: str | None = None) -> DiffReport:
    """Compare any two published runs; default: the current run against the one before it."""
    run_id = curated.resolve_run(run_id).run_id
    if against is None:
        earlier = [r for r in curated.run_ids(run_id) if r < run_id]
        against = earlier[-1] if earlier else None
    else:
        against = curated.resolve_run(against).run_id
    after = facts_from_table(curated.read("facts", run_id), curated.read("fact_values", run_id))
    before = facts_from_table(curated.read("facts", against), curated.read("fact_values", against)) if against else []
    events_before = curated.read("events", against) if against else None
    changes = tuple(diff_facts(before, after))
    sources = source_event_changes(events_before, curated.read("events", run_id))
    return DiffReport(run_id=run_id, against=against, changes=changes, sources=sources,
                      bases=change_bases(changes, before, after, sources))


# --- rendering -----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_escape(text: str | None) -> str:
    """Markdown-inert text: special characters escaped, no raw HTML, one line."""
    if text is None:
        return ""
    text = printable(" ".join(text.split()), one_line=True)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _listed(text: str | None) -> list[str]:
    return [s for s in (text or "").split(", ") if s]


def _what(c: Change, b: ChangeBasis) -> str:
    if c.change == ChangeKind.ADDED:
        return (f"added, {'planned for' if b.planned_after else 'dated'} {c.after}" if c.after
                else "added" + (", planned" if b.planned_after else ""))
    if c.change == ChangeKind.REMOVED:
        return (f"removed (was {'planned for' if b.planned_before else 'dated'} {c.before})" if c.before
                else "removed" + (" (was planned)" if b.planned_before else ""))
    if c.field == "planned":
        return ("no longer only a plan: a source now tells it as done" if c.after == Happening.HAPPENED
                else "only a plan again: no source tells it as done any more")
    if c.field == "sources":
        was, now = _listed(c.before), _listed(c.after)
        parts = [f"gained {', '.join(x for x in now if x not in was)}" if set(now) - set(was) else "",
                 f"lost {', '.join(x for x in was if x not in now)}" if set(was) - set(now) else ""]
        return "sources: " + "; ".join(p for p in parts if p)
    return f"{c.field}: {c.before} → {c.after}"


def _said_by(c: Change, b: ChangeBasis) -> str:
    """Who states the fact's value: for an added or removed fact, and before
    → after for a change of its value or status (a change of sources or
    candidates names them itself)."""
    if c.change == ChangeKind.REMOVED:
        return f"said by {', '.join(b.stated_before)}" if b.stated_before else ""
    if c.change == ChangeKind.ADDED:
        return f"said by {', '.join(b.stated_after)}" if b.stated_after else ""
    if c.field not in ("date", "precision", "status", "rescheduled", "planned") or not (b.stated_before or b.stated_after):
        return ""
    if b.stated_before == b.stated_after:
        return f"said by {', '.join(b.stated_after)}"
    return f"said by {', '.join(b.stated_before) or '-'} → {', '.join(b.stated_after) or '-'}"


def _brief(e: EventBrief) -> str:
    return f"[{e.dated}] {e.source_id + ': ' if e.source_id else ''}{e.sentence}"


def _statements(b: ChangeBasis) -> list[str]:
    """The fact's statements the pages gained (+) and lost (-), one line each."""
    return [f"+ {_brief(e)}" for e in b.gained] + [f"- {_brief(e)}" for e in b.lost]


def _title(report: DiffReport) -> str:
    return f"Changes in run {report.run_id}" + (f" since run {report.against}" if report.against else " (first run)")


def _summary(counts: dict[str, int]) -> str:
    """'2 added, 1 changed, 0 removed'."""
    return ", ".join(f"{counts[kind]} {kind}" for kind in (ChangeKind.ADDED, ChangeKind.CHANGED, ChangeKind.REMOVED))


def _short(sha: Sequence[str]) -> str:
    return ", ".join(s[:12] for s in sha)


def render_text(report: DiffReport) -> str:
    n = report.counts
    lines = [_title(report), _summary(n)]
    marks = {ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.CHANGED: "~"}
    for c, b in report.rows():
        lines.append(f"{marks[c.change]} {c.fact_id}  {_what(c, b)}")
        if c.statement:
            lines.append(f"    {' '.join(c.statement.split())}")
        listed = {e.sentence for e in (*b.gained, *b.lost)}  # a sentence listed below is not repeated
        before, after = (" ".join((x or "").split()) for x in (c.evidence_before, c.evidence_after))
        if c.change == ChangeKind.CHANGED and before and before != after and not {before, after} <= listed:
            lines.append(f"    before: {before}")
            lines.append(f"    after:  {after}")
        if said := _said_by(c, b):
            lines.append(f"    {said}")
        lines += [f"    {s}" for s in _statements(b)]
    for s in report.sources:
        lines.append(f"source {s.source_id}: {len(s.gained)} statement(s) gained, {len(s.lost)} lost"
                     + (f", {len(s.reworded)} reworded" if s.reworded else ""))
        lines += [f"  + [{e.dated}] {e.sentence}" for e in s.gained]
        lines += [f"  - [{e.dated}] {e.sentence}" for e in s.lost]
        lines += [f"  = [{new.dated}] {new.sentence} (was: {old.sentence})" for old, new in s.reworded]
    return "\n".join(printable(line, one_line=True) for line in lines)  # page text never drives the terminal


def render_markdown(report: DiffReport) -> str:
    lines = [f"# {md_escape(_title(report))}", "", f"{_summary(report.counts)}.", ""]
    if report.changes:
        lines += ["| change | fact | what | statement | evidence before | evidence after | said by | "
                  "statements gained and lost | snapshots |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for c, b in report.rows():
            snaps = " → ".join(x for x in (_short(c.snapshots_before), _short(c.snapshots_after)) if x)
            said = " · ".join(_statements(b))
            lines.append(
                f"| {c.change} | `{c.fact_id}` | {md_escape(_what(c, b))} | {md_escape(c.statement)} | "
                f"{md_escape(c.evidence_before)} | {md_escape(c.evidence_after)} | {md_escape(_said_by(c, b))} | "
                f"{md_escape(said)} | {md_escape(snaps)} |"
            )
        lines.append("")
    if report.sources:
        lines += ["## Statements gained and lost, per source", ""]
        for s in report.sources:
            lines.append(f"### {md_escape(s.source_id)}")
            lines += [f"- gained \\[{md_escape(e.dated)}\\] {md_escape(e.sentence)}" for e in s.gained]
            lines += [f"- lost \\[{md_escape(e.dated)}\\] {md_escape(e.sentence)}" for e in s.lost]
            lines += [f"- reworded \\[{md_escape(new.dated)}\\] {md_escape(new.sentence)} (was: {md_escape(old.sentence)})"
                      for old, new in s.reworded]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_html(report: DiffReport) -> str:
    """A plain HTML page (reports/templates/change_report.html.j2; autoescaped)."""
    return printable(render_template("change_report.html.j2", title=_title(report), counts=report.counts,
                           rows=[(c, _what(c, b), _said_by(c, b), _statements(b)) for c, b in report.rows()],
                           sources=report.sources))


def render_json(report: DiffReport) -> str:
    return json_printable(json.dumps(
        {"run_id": report.run_id, "against": report.against, "counts": report.counts,
         "changes": [asdict(c) | {"basis": asdict(b)} for c, b in report.rows()],
         "sources": [asdict(s) for s in report.sources]},
        ensure_ascii=False, default=str,
    ))


RENDERERS = {"text": render_text, "markdown": render_markdown, "html": render_html, "json": render_json}


def render_diff(report: DiffReport, fmt: str) -> str:
    try:
        return RENDERERS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (formats: {', '.join(RENDERERS)})") from None
