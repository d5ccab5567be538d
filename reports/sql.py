"""SQL over the curated tables, with DuckDB in process.

``open_views`` gives a connection where every table is a view named after
it (``facts``, ``events``, ...), all bound to one run: ``curated/current`` is
resolved once, so a query never mixes the tables of two runs even if a new
run is published meanwhile. ``history_<table>`` views hold every run's copy
of a table, with a ``history_run_id`` column naming the run the copy
belongs to (the name does not clash with the ``run_id`` columns some tables
already have: in ``documents`` it names the run that first read a snapshot).

``run_query`` runs one query and returns a ``QueryResult``; ``format_result``
renders it as CSV or JSON for scripts, ``rich_table`` for the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import duckdb

from errors import UsageError
from reports.terminal import printable
from store.curated_store import CuratedStore, DamagedTable
from store.schemas import TABLE_NAMES

HISTORY_PREFIX = "history_"
HISTORY_RUN_COLUMN = "history_run_id"


class SqlError(UsageError, RuntimeError):
    """A query DuckDB rejected, with DuckDB's message."""

    def __str__(self) -> str:
        return f"SQL error: {super().__str__()}"


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    types: tuple[str, ...]  # DuckDB type names
    rows: tuple[tuple, ...]
    warning: str | None = None  # the views stand on an earlier run (a damaged current table)


@dataclass(frozen=True)
class Views:
    connection: duckdb.DuckDBPyConnection
    run_id: str  # the run the plain views are bound to
    tables: tuple[str, ...]  # plain views
    history: tuple[str, ...]  # history_<table> views
    warning: str | None = None


def _literal(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def glob_escaped(path: Path | str) -> str:
    """``path`` as a DuckDB file pattern that matches only itself: a data dir
    named ``runs[1]`` or ``a*`` must not read its siblings."""
    return re.sub(r"([\[*?{}])", r"[\1]", str(path))


_ALLOWED_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
# EXPLAIN ANALYZE runs the statement it explains (a COPY would write): only a plain EXPLAIN plans
_ANALYZE = re.compile(r"\banaly[sz]e\b", re.IGNORECASE)


def _refusal(statement) -> str | None:
    """Why ``statement`` may not run here, or None."""
    if statement.type not in _ALLOWED_STATEMENTS:
        return f"this is a {statement.type.name} statement"
    if statement.type is duckdb.StatementType.EXPLAIN and _ANALYZE.search(statement.query):
        return "EXPLAIN ANALYZE runs the statement it explains (use EXPLAIN, or the SELECT itself)"
    return None


def open_views(curated: CuratedStore, run_id: str | None = None) -> Views:
    """An in-memory DuckDB connection with a view per table of ``run_id``
    (default: the current run, resolved once; the last readable run when a
    current table is damaged) and a ``history_<table>`` view per table over
    every run that became current.

    Once the views exist the connection is locked down: it may read the
    tables' files and nothing else (``enable_external_access = false`` with
    ``allowed_paths``, then ``lock_configuration = true``), so no query can
    read or write another file, attach a database or install an extension."""
    resolved = curated.resolve_run(run_id)
    run_id, warning = resolved.run_id, resolved.warning
    runs = curated.run_ids()
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    if not curated.local:  # s3://... read through the store's fsspec filesystem (no extension to download)
        con.register_filesystem(curated.filesystem)
    tables, history, allowed = [], [], []
    published = {r: curated.run_tables(r) for r in {*runs, run_id}}
    try:
        for name in TABLE_NAMES:
            if name not in published[run_id]:
                continue
            path = curated.url(name, run_id)
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_literal(glob_escaped(path))})")
            allowed += [str(path), glob_escaped(path)]
            tables.append(name)
            # every run's copy that became current: history/<run_id>/<table>.parquet, listed by name
            files = [curated.url(name, r) for r in runs if name in published[r]]
            if not files:
                continue
            allowed += [str(p) for p in files] + [glob_escaped(p) for p in files]
            listed = ", ".join(_literal(glob_escaped(p)) for p in files)
            con.execute(
                f"CREATE VIEW {HISTORY_PREFIX}{name} AS "
                f"SELECT regexp_extract(filename, '([^/\\\\]+)[/\\\\][^/\\\\]+$', 1) AS {HISTORY_RUN_COLUMN}, "
                f"* EXCLUDE (filename) FROM read_parquet([{listed}], filename = true, union_by_name = true)"
            )
            history.append(f"{HISTORY_PREFIX}{name}")
        con.execute(f"SET allowed_paths = [{', '.join(_literal(a) for a in sorted(set(allowed)))}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        con.close()
        raise DamagedTable(f"the tables of run {run_id} cannot be opened: {str(exc).splitlines()[0]}; "
                                "the next `factwatch run` publishes a fresh copy") from None
    return Views(connection=con, run_id=run_id, tables=tuple(tables), history=tuple(history), warning=warning)


def run_query(curated: CuratedStore, query: str, run_id: str | None = None) -> QueryResult:
    """Run ``query`` over the views of ``open_views``; a rejected query raises ``SqlError``.
    Only SELECT (and plain EXPLAIN) statements run: the tables are read, never written. (The
    locked connection lets the tables' own files be read, and DuckDB's allowed paths are
    writable too: this check is what keeps a COPY off them.)"""
    views = open_views(curated, run_id)
    con = views.connection
    try:
        statements = con.extract_statements(query)
        for st in statements:
            why = _refusal(st)
            if why is not None:
                raise SqlError(f"only SELECT queries run here (factwatch sql is read-only); {why}")
        if not statements:
            raise SqlError("empty query")
        cur = con.execute(query)
        if cur.description is None:
            return QueryResult(columns=(), types=(), rows=(), warning=views.warning)
        columns = tuple(d[0] for d in cur.description)
        types = tuple(str(d[1]) for d in cur.description)
        rows = tuple(tuple(r) for r in cur.fetchall())
    except duckdb.Error as exc:
        message = str(exc).strip()
        if isinstance(exc, duckdb.CatalogException):
            message += (f"\nviews: {', '.join(views.tables)}; "
                        f"{HISTORY_PREFIX}<table> for every run's copy (column {HISTORY_RUN_COLUMN})")
        if isinstance(exc, duckdb.PermissionException):
            message = ("factwatch sql reads the tables only: files, databases and extensions are out of reach "
                       f"({message.splitlines()[0]})")
        raise SqlError(message) from None
    finally:
        con.close()
    return QueryResult(columns=columns, types=types, rows=rows, warning=views.warning)


def plain(value: object) -> object:
    """A JSON-ready form of a DuckDB value: dates and instants in ISO 8601, lists and structs kept."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


def cell_text(value: object) -> str:
    """One value as text for CSV and tables: lists and structs as JSON, NULL as empty."""
    v = plain(value)
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def format_result(result: QueryResult, fmt: str) -> str:
    """``csv`` (header row, RFC 4180 quoting) or ``json`` (an array of objects, one per row)."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, (plain(v) for v in row))) for row in result.rows],
                          ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([cell_text(v) for v in row])
        return buf.getvalue().rstrip("\n")
    raise ValueError(f"unknown format {fmt!r}")


def rich_table(result: QueryResult, max_cell: int = 120):
    """The result as a ``rich`` table for the terminal (column types under the names; cells are text, never markup)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold", caption=f"{len(result.rows)} row(s)", caption_justify="left")
    for name, typ in zip(result.columns, result.types):
        numeric = any(t in typ for t in ("INT", "DOUBLE", "FLOAT", "DECIMAL", "REAL"))
        table.add_column(Text(f"{printable(name)}\n{typ.lower()}"), justify="right" if numeric else "left", overflow="fold")
    for row in result.rows:
        cells = []
        for v in row:
            if v is None:
                cells.append(Text("NULL", style="dim"))
                continue
            s = printable(cell_text(v))  # page text never drives the terminal
            cells.append(Text(s if len(s) <= max_cell else s[: max_cell - 1] + "…"))
        table.add_row(*cells)
    return table
