"""Change reports between two runs, in text, Markdown, HTML and JSON.

Page text is data, never markup: every value is escaped for the format it
is written in.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass

from facts.diff import diff_facts
from facts.model import Change
from store.curated_store import CuratedStore, CuratedStoreError
from store.tables import facts_from_table


@dataclass(frozen=True)
class DiffReport:
    run_id: str
    against: str | None
    changes: tuple[Change, ...]


def build_diff(curated: CuratedStore, run_id: str | None, against: str | None) -> DiffReport:
    runs = curated.run_ids()
    if not runs:
        raise CuratedStoreError(f"no run has been published in {curated.root} yet: run `factwatch run` first")
    run_id = run_id or runs[-1]
    if run_id not in runs:
        raise CuratedStoreError(f"unknown run {run_id!r}; runs: {', '.join(runs[-5:])}")
    if against is None:
        earlier = [r for r in runs if r < run_id]
        against = earlier[-1] if earlier else None
    elif against not in runs:
        raise CuratedStoreError(f"unknown run {against!r}; runs: {', '.join(runs[-5:])}")
    after = facts_from_table(curated.read("facts", run_id))
    before = facts_from_table(curated.read("facts", against)) if against else []
    return DiffReport(run_id=run_id, against=against, changes=tuple(diff_facts(before, after)))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_escape(text: str | None) -> str:
    """Markdown-inert text: special characters escaped, no raw HTML, one line."""
    if text is None:
        return ""
    text = re.sub(r"\s+", " ", text).strip()
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def _describe(c: Change) -> tuple[str, str]:
    if c.change == "added":
        return "+", f"added {c.after or ''}".strip()
    if c.change == "removed":
        return "-", f"removed (was {c.before or 'undated'})"
    return "~", f"{c.field}: {c.before} → {c.after}"


def render_diff(report: DiffReport, fmt: str) -> str:
    title = f"Changes in run {report.run_id}" + (f" since {report.against}" if report.against else " (first run)")
    if fmt == "json":
        return json.dumps(
            {"run_id": report.run_id, "against": report.against, "changes": [asdict(c) for c in report.changes]},
            ensure_ascii=False, default=str,
        )
    if fmt == "text":
        lines = [title, f"{len(report.changes)} change(s)"]
        for c in report.changes:
            mark, what = _describe(c)
            lines.append(f"{mark} {c.fact_id}  {what}")
            if c.statement:
                lines.append("    " + " ".join(c.statement.split()))
        return "\n".join(lines)
    if fmt == "markdown":
        lines = [f"# {md_escape(title)}", "", f"{len(report.changes)} change(s).", ""]
        if report.changes:
            lines += ["| change | fact | what | statement |", "|---|---|---|---|"]
            for c in report.changes:
                _, what = _describe(c)
                lines.append(f"| {c.change} | `{c.fact_id}` | {md_escape(what)} | {md_escape(c.statement)} |")
        return "\n".join(lines) + "\n"
    if fmt == "html":
        e = html.escape
        rows = "".join(
            f"<tr><td>{e(c.change)}</td><td><code>{e(c.fact_id)}</code></td><td>{e(_describe(c)[1])}</td>"
            f"<td>{e(c.statement or '')}</td></tr>"
            for c in report.changes
        )
        return (
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + e(title) + "</title></head><body>"
            f"<h1>{e(title)}</h1><p>{len(report.changes)} change(s).</p>"
            "<table><thead><tr><th>change</th><th>fact</th><th>what</th><th>statement</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></body></html>"
        )
    raise ValueError(f"unknown format {fmt!r}")
