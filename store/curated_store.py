"""The curated table store.

Layout under ``<data>/curated``::

    history/<run_id>/<table>.parquet   every run's tables, written once
    current -> history/<run_id>        the last complete run (a symlink)
    <table>.parquet -> current/<table>.parquet
    reports/                            change reports

A run's tables are written into a temp folder, which is renamed to
``history/<run_id>`` when complete; then ``current`` is swapped atomically.
Every ``<table>.parquet`` resolves through ``current``, so all tables switch
to the new run at the same instant and a reader that resolves ``current``
once never mixes two runs.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from errors import StorageError
from store import atomic
from store.schemas import SCHEMAS, TABLE_NAMES

_RUN_ID_RE = re.compile(r"[0-9]{8}T[0-9]{6}[0-9]*Z(?:-[a-z0-9]+)?\Z")


class CuratedStoreError(StorageError, RuntimeError):
    """The curated store has not what was asked: no run yet, an unknown run or table."""

    exit_code = 2


class DamagedTable(CuratedStoreError):
    """A table file that exists but cannot be read (truncated, overwritten)."""

    exit_code = 1


@dataclass(frozen=True)
class ResolvedRun:
    """The run a command reads, and why it is not the current one when it is not."""

    run_id: str
    warning: str | None = None


@dataclass(frozen=True)
class TableSet:
    runs: pa.Table
    fetch_log: pa.Table
    documents: pa.Table
    blocks: pa.Table
    entities: pa.Table
    mentions: pa.Table
    events: pa.Table
    facts: pa.Table
    fact_values: pa.Table
    changes: pa.Table

    def items(self) -> Iterator[tuple[str, pa.Table]]:
        for f in fields(self):
            yield f.name, getattr(self, f.name)


def check_run_id(run_id: str) -> str:
    if not _RUN_ID_RE.match(run_id):
        raise CuratedStoreError(f"not a run id: {run_id!r} (expected like 20261123T190102123456Z)")
    return run_id


class CuratedStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.history = self.root / "history"
        self.reports = self.root / "reports"

    def current_run_id(self) -> str | None:
        link = self.root / "current"
        if not link.is_symlink():
            return None
        target = os.readlink(link)
        return Path(target).name

    def resolve_run(self, spec: str | None = None) -> ResolvedRun:
        """The run ``spec`` names: the id of a run under history/, or None for
        the run the tables stand on now (``current``, or the last readable run
        with a warning saying why). The one answer to "which run" for every
        reader (sql, diff, report). Raises CuratedStoreError naming the cause:
        nothing published yet, not a run id, no such run."""
        if spec is None:
            run_id, warning = self.readable_run_id()
            if run_id is None:
                raise CuratedStoreError(f"no run has been published in {self.root} yet: run `factwatch run` first")
            return ResolvedRun(run_id, warning)
        if not (self.history / check_run_id(spec)).is_dir():
            runs = self.run_ids()
            if not runs:
                raise CuratedStoreError(f"no run has been published in {self.root} yet: run `factwatch run` first")
            raise CuratedStoreError(f"unknown run {spec!r}; recent runs: {', '.join(runs[-5:])}")
        return ResolvedRun(spec)

    def run_ids(self, run_id: str | None = None) -> list[str]:
        """Complete runs, oldest first: those the runs table of ``run_id``
        (default: the current run, or the last readable one) records. A run
        folder that never became current (a run killed between its rename and
        the switch) is not one."""
        run_id = run_id or self.readable_run_id()[0]
        if run_id is None:
            return []
        runs = self.read("runs", run_id)
        done = set(runs.column("run_id").to_pylist())
        return sorted(r for r in done if _RUN_ID_RE.match(r) and (self.history / r).is_dir())

    def damage(self, run_id: str, *, full: bool = False) -> str | None:
        """What makes run ``run_id``'s tables unreadable, or None. The footers
        are checked; ``full`` reads every table through."""
        for name in TABLE_NAMES:
            path = self.history / run_id / f"{name}.parquet"
            if not path.exists():
                if name == "runs":
                    return f"{path} is missing"
                continue  # a table added after this run was published
            try:
                pq.read_table(path) if full else pq.read_metadata(path)
            except (OSError, ValueError, pa.ArrowException) as exc:
                return f"{path.name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        return None

    def readable_run_id(self, *, full: bool = False) -> tuple[str | None, str | None]:
        """The run to stand on, and a warning when it is not ``current``.

        ``current`` when its tables read; else the newest run under history/
        that reads (after a damaged table, or a deleted ``current`` link);
        (None, None) when nothing was ever published. Raises DamagedTable when
        runs exist but none can be read."""
        current = self.current_run_id()
        problem = None
        if current is not None:
            problem = self.damage(current, full=full)
            if problem is None:
                return current, None
        older = sorted((p.name for p in self.history.glob("*") if _RUN_ID_RE.match(p.name) and p.is_dir()),
                       reverse=True) if self.history.is_dir() else []
        if current is None and not older:
            return None, None
        what = (f"the current run {current} cannot be read ({problem})" if current is not None
                else f"{self.root / 'current'} is missing")
        for run_id in older:
            if run_id != current and (current is None or run_id < current) and self.damage(run_id, full=full) is None:
                return run_id, (f"{what}; using run {run_id}, the last readable one "
                                f"(the next `factwatch run` publishes a fresh current)")
        raise DamagedTable(f"{what} and no earlier run under {self.history} can be read: move {self.root} aside "
                           "and run `factwatch run` to start a new history")

    def path(self, table: str, run_id: str | None = None) -> Path:
        if table not in SCHEMAS:
            raise CuratedStoreError(f"unknown table {table!r} (tables: {', '.join(TABLE_NAMES)})")
        if run_id is None:
            run_id = self.current_run_id()
            if run_id is None:
                raise CuratedStoreError(f"no run has been published in {self.root} yet: run `factwatch run` first")
        return self.history / check_run_id(run_id) / f"{table}.parquet"

    def read(self, table: str, run_id: str | None = None) -> pa.Table:
        path = self.path(table, run_id)
        if not path.exists():
            raise CuratedStoreError(f"run {path.parent.name} has no table {table!r}")
        try:
            return pq.read_table(path)
        except (OSError, ValueError, pa.ArrowException) as exc:
            raise DamagedTable(f"table {table} of run {path.parent.name} cannot be read ({path}: "
                               f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}); "
                               "the next `factwatch run` publishes a fresh copy") from None

    def write_report(self, filename: str, text: str) -> Path:
        """A report file under reports/, written atomically."""
        if "/" in filename or filename.startswith("."):
            raise CuratedStoreError(f"not a report file name: {filename!r}")
        path = self.reports / filename
        atomic.write_text(path, text, atomic.staging_dir(self.root))
        return path

    def publish(self, run_id: str, tables: TableSet, before_commit: Callable[[], None] | None = None) -> Path:
        """Write the run's tables, then make them current in one step.

        ``before_commit`` runs when every file is written but nothing is
        visible yet (crash tests stop there)."""
        check_run_id(run_id)
        for name, table in tables.items():
            if not table.schema.equals(SCHEMAS[name], check_metadata=False):
                raise CuratedStoreError(f"table {name} does not match its schema:\n{table.schema}\n!=\n{SCHEMAS[name]}")
        self.history.mkdir(parents=True, exist_ok=True)
        final = self.history / run_id
        if final.exists():
            raise CuratedStoreError(f"run {run_id} is already published")
        staging = atomic.staging_dir(self.root)
        staging.mkdir(parents=True, exist_ok=True)
        tmp = staging / f"curated-{run_id}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        try:
            for name, table in tables.items():
                path = tmp / f"{name}.parquet"
                pq.write_table(table, path, compression="zstd")
                with open(path, "rb") as fh:
                    os.fsync(fh.fileno())
            atomic._fsync_dir(tmp)
            if before_commit is not None:
                before_commit()
            os.rename(tmp, final)
            atomic._fsync_dir(self.history)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        atomic.replace_symlink(self.root / "current", f"history/{run_id}")
        for name in TABLE_NAMES:
            link = self.root / f"{name}.parquet"
            if not link.is_symlink():
                if link.exists():
                    link.unlink()
                os.symlink(f"current/{name}.parquet", link)
        return final
