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

Three parts: what a run shows, read from the curated store
(``reports.run_report_data``); what the page shows of it, prepared as plain
view records (``reports.run_report_view``: the timeline's geometry, ranks,
colours, the stylesheet's hash); and the layout, Jinja2 templates with
autoescape (``reports/templates/run_report.html.j2`` and its partials).
``render_run_report`` is pure; ``write_run_report`` loads, renders and writes
the file atomically.
"""

from __future__ import annotations

from pathlib import Path

from reports import run_report_view
from reports.run_report_data import (
    ReportData,
    RunInfo,
    SourceStatus,
    Statement,
    load_report_data,
)
from reports.run_report_view import STATUS_COLOURS, STATUS_LABELS, point_radius
from reports.templating import render_template
from store.curated_store import CuratedStore

__all__ = [
    "STATUS_COLOURS",
    "STATUS_LABELS",
    "ReportData",
    "RunInfo",
    "SourceStatus",
    "Statement",
    "load_report_data",
    "point_radius",
    "render_run_report",
    "report_path",
    "write_run_report",
]


def render_run_report(data: ReportData) -> str:
    """The complete HTML page of one run (pure; deterministic for the same data)."""
    return render_template("run_report.html.j2", page=run_report_view.page(data))


def report_path(curated: CuratedStore, run_id: str) -> Path:
    return curated.reports / f"{run_id}.html"


def write_run_report(curated: CuratedStore, run_id: str | None = None) -> Path:
    """Render the report of ``run_id`` (default: the current run) to ``curated/reports/<run_id>.html``, atomically."""
    data = load_report_data(curated, run_id)
    return curated.write_report(f"{data.run.run_id}.html", render_run_report(data))
