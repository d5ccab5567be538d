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

On an object store (``--data s3://bucket/prefix``) there are no renames nor
symlinks: a run writes its tables straight to ``history/<run_id>/`` (nothing
points there yet), then its manifest ``history/<run_id>/manifest.json`` (run
id, tables, row counts, sha256 of every file), and becomes current by one PUT
of the same manifest as ``current.json``. A run killed before that PUT leaves
the previous run current; a reader reads ``current.json`` once and every
table path in it. A local store writes ``current.json`` too (after switching
the ``current`` link, which stays what local readers resolve), so the same
reader code works on both.
"""

from __future__ import annotations

import io
import json
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
from store.filesystem import LocalStorage, Storage, parquet_bytes, sha256_hex
from store.schemas import SCHEMAS, TABLE_NAMES

POINTER = "current.json"  # the current run's manifest
MANIFEST = "manifest.json"  # a run's manifest, in its history folder

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


def manifest(run_id: str, files: dict[str, tuple[bytes, int]]) -> dict:
    """A run's manifest: its tables with row counts and checksums (``files``: table -> (bytes, rows))."""
    return {"run_id": run_id, "format": 1,
            "tables": {name: {"path": f"history/{run_id}/{name}.parquet", "rows": rows, "bytes": len(data),
                              "sha256": sha256_hex(data)} for name, (data, rows) in files.items()}}


class CuratedStore:
    """``root``: the curated/ folder, or a ``Storage`` (local or object store) holding it."""

    def __init__(self, root: Path | Storage):
        self.storage = root if isinstance(root, Storage) else LocalStorage(Path(root))
        self.local = self.storage.local
        # (local stores keep their Path attributes: the reports and tests use them)
        self.root = Path(self.storage.root) if self.local else self.storage.url
        self.history = self.root / "history" if self.local else self.storage.url_of("history")
        self.reports = self.root / "reports" if self.local else self.storage.url_of("reports")

    @property
    def filesystem(self):
        """The fsspec filesystem the table locations (``location``) are in."""
        return self.storage.fs

    def current_run_id(self) -> str | None:
        if not self.local:
            pointer = self.current_manifest()
            return pointer.get("run_id") if pointer else None
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
        if not self.has_run(spec):
            runs = self.run_ids()
            if not runs:
                raise CuratedStoreError(f"no run has been published in {self.root} yet: run `factwatch run` first")
            raise CuratedStoreError(f"unknown run {spec!r}; recent runs: {', '.join(runs[-5:])}")
        return ResolvedRun(spec)

    def current_manifest(self) -> dict | None:
        """The current run's manifest (``current.json``), read once; None before the first run."""
        try:
            text = self.storage.read_text(POINTER)
        except FileNotFoundError:
            return None  # (any other OSError is the store's, not the pointer's: it propagates)
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise DamagedTable(f"{self.storage.url_of(POINTER)} cannot be read ({exc}); the next `factwatch run` "
                               "publishes a fresh one") from None
        if not isinstance(data, dict) or not isinstance(data.get("run_id"), str) or not _RUN_ID_RE.match(data["run_id"]):
            raise DamagedTable(f"{self.storage.url_of(POINTER)} names no run; the next `factwatch run` publishes a "
                               "fresh one")
        return data

    def _key(self, table: str, run_id: str) -> str:
        return f"history/{check_run_id(run_id)}/{table}.parquet"

    def _has_run(self, run_id: str) -> bool:
        if self.local:
            return (self.history / run_id).is_dir()
        return self.storage.exists(f"history/{run_id}/{MANIFEST}")

    def _history_runs(self) -> list[str]:
        return [n for n in self.storage.listdir("history") if _RUN_ID_RE.match(n)
                and (not self.local or (self.history / n).is_dir())]

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
        return sorted(r for r in done if _RUN_ID_RE.match(r) and self._has_run(r))

    def damage(self, run_id: str, *, full: bool = False) -> str | None:
        """What makes run ``run_id``'s tables unreadable, or None. The footers
        are checked; ``full`` reads every table through."""
        if not self.local and not self.storage.exists(f"history/{run_id}/{MANIFEST}"):
            return f"{self.storage.url_of(f'history/{run_id}/{MANIFEST}')} is missing (the run never completed)"
        for name in TABLE_NAMES:
            key = self._key(name, run_id)
            if not self.storage.exists(key):
                if name == "runs":
                    return f"{self.storage.url_of(key)} is missing"
                continue  # a table added after this run was published
            try:
                if self.local:
                    path = self.history / run_id / f"{name}.parquet"
                    pq.read_table(path) if full else pq.read_metadata(path)
                else:
                    with self.storage.open(key) as fh:
                        pq.read_table(fh) if full else pq.read_metadata(fh)
            except (OSError, ValueError, pa.ArrowException) as exc:
                return f"{name}.parquet: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        return None

    def readable_run_id(self, *, full: bool = False) -> tuple[str | None, str | None]:
        """The run to stand on, and a warning when it is not ``current``.

        ``current`` when its tables read; else the newest run under history/
        that reads (after a damaged table, or a deleted ``current`` link);
        (None, None) when nothing was ever published. Raises DamagedTable when
        runs exist but none can be read."""
        problem = None
        try:
            current = self.current_run_id()
        except DamagedTable as exc:
            current, problem = None, str(exc)
        if current is not None:
            problem = self.damage(current, full=full)
            if problem is None:
                return current, None
        older = sorted(self._history_runs(), reverse=True)
        if current is None and not older:
            return None, None
        what = (f"the current run {current} cannot be read ({problem})" if current is not None
                else problem or f"{self.storage.url_of('current' if self.local else POINTER)} is missing")
        for run_id in older:
            if run_id != current and (current is None or run_id < current) and self.damage(run_id, full=full) is None:
                return run_id, (f"{what}; using run {run_id}, the last readable one "
                                f"(the next `factwatch run` publishes a fresh current)")
        raise DamagedTable(f"{what} and no earlier run under {self.history} can be read: move {self.root} aside "
                           "and run `factwatch run` to start a new history")

    def _run_or_current(self, run_id: str | None) -> str:
        if run_id is None:
            run_id = self.current_run_id()
            if run_id is None:
                raise CuratedStoreError(f"no run has been published in {self.root} yet: run `factwatch run` first")
        return check_run_id(run_id)

    def path(self, table: str, run_id: str | None = None) -> Path:
        if table not in SCHEMAS:
            raise CuratedStoreError(f"unknown table {table!r} (tables: {', '.join(TABLE_NAMES)})")
        run_id = self._run_or_current(run_id)
        if not self.local:
            raise CuratedStoreError(f"{self.root} is an object store: use location() for a table's URL")
        return self.history / run_id / f"{table}.parquet"

    def location(self, table: str, run_id: str | None = None) -> str:
        """Where table ``table`` of run ``run_id`` (default: current) is, in ``filesystem`` terms:
        a local path, or bucket/prefix/... on an object store."""
        if table not in SCHEMAS:
            raise CuratedStoreError(f"unknown table {table!r} (tables: {', '.join(TABLE_NAMES)})")
        return self.storage.full(self._key(table, self._run_or_current(run_id)))

    def url(self, table: str, run_id: str | None = None) -> str:
        """Table ``table`` of run ``run_id`` (default: current) as a reader names it: a local path, or
        s3://bucket/prefix/... (readers of an object store register ``filesystem`` first)."""
        if table not in SCHEMAS:
            raise CuratedStoreError(f"unknown table {table!r} (tables: {', '.join(TABLE_NAMES)})")
        return self.storage.url_of(self._key(table, self._run_or_current(run_id)))

    def has_table(self, table: str, run_id: str) -> bool:
        return self.storage.exists(self._key(table, run_id))

    def run_tables(self, run_id: str) -> frozenset[str]:
        """The tables run ``run_id`` published (on an object store: one read of its manifest)."""
        check_run_id(run_id)
        if self.local:
            return frozenset(n for n in TABLE_NAMES if (self.history / run_id / f"{n}.parquet").exists())
        try:
            listed = json.loads(self.storage.read_text(f"history/{run_id}/{MANIFEST}")).get("tables", {})
        except FileNotFoundError:
            return frozenset()
        except ValueError:
            raise DamagedTable(f"the manifest of run {run_id} cannot be read") from None
        return frozenset(n for n in listed if n in SCHEMAS)

    def has_run(self, run_id: str) -> bool:
        """Run ``run_id`` has a folder under history/ (on an object store: a complete one)."""
        return self._has_run(check_run_id(run_id))

    def read(self, table: str, run_id: str | None = None) -> pa.Table:
        if table not in SCHEMAS:
            raise CuratedStoreError(f"unknown table {table!r} (tables: {', '.join(TABLE_NAMES)})")
        run_id = self._run_or_current(run_id)
        key = self._key(table, run_id)
        where = self.storage.url_of(key)
        try:
            if self.local:
                return pq.read_table(self.history / run_id / f"{table}.parquet")
            return pq.read_table(io.BytesIO(self.storage.read_bytes(key)))
        except FileNotFoundError:
            raise CuratedStoreError(f"run {run_id} has no table {table!r}") from None
        except (OSError, ValueError, pa.ArrowException) as exc:
            raise DamagedTable(f"table {table} of run {run_id} cannot be read ({where}: "
                               f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}); "
                               "the next `factwatch run` publishes a fresh copy") from None

    def write_report(self, filename: str, text: str) -> Path | str:
        """A report file under reports/, written atomically; its path (a URL on an object store)."""
        if "/" in filename or filename.startswith("."):
            raise CuratedStoreError(f"not a report file name: {filename!r}")
        self.storage.write_text(f"reports/{filename}", text)
        return self.reports / filename if self.local else self.storage.url_of(f"reports/{filename}")

    def publish(self, run_id: str, tables: TableSet, before_commit: Callable[[], None] | None = None) -> Path:
        """Write the run's tables, then make them current in one step.

        ``before_commit`` runs when every file is written but nothing is
        visible yet (crash tests stop there)."""
        check_run_id(run_id)
        for name, table in tables.items():
            if not table.schema.equals(SCHEMAS[name], check_metadata=False):
                raise CuratedStoreError(f"table {name} does not match its schema:\n{table.schema}\n!=\n{SCHEMAS[name]}")
        if not self.local:
            return self._publish_to_objects(run_id, tables, before_commit)
        self.history.mkdir(parents=True, exist_ok=True)
        final = self.history / run_id
        if final.exists():
            raise CuratedStoreError(f"run {run_id} is already published")
        staging = atomic.staging_dir(self.root)
        staging.mkdir(parents=True, exist_ok=True)
        tmp = staging / f"curated-{run_id}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        files: dict[str, tuple[bytes, int]] = {}
        try:
            for name, table in tables.items():
                path = tmp / f"{name}.parquet"
                data = parquet_bytes(table, compression="zstd")
                files[name] = (data, table.num_rows)
                with open(path, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
            atomic.write_text(tmp / MANIFEST, _manifest_text(manifest(run_id, files)))
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
        # the same pointer an object store has, for readers that work on both
        atomic.write_text(self.root / POINTER, _manifest_text(manifest(run_id, files)), staging)
        return final

    def _publish_to_objects(self, run_id: str, tables: TableSet, before_commit: Callable[[], None] | None) -> str:
        """Tables under history/<run_id>/ (not yet pointed at), its manifest, then one PUT of current.json."""
        if self.storage.exists(f"history/{run_id}/{MANIFEST}"):
            raise CuratedStoreError(f"run {run_id} is already published")
        files: dict[str, tuple[bytes, int]] = {}
        for name, table in tables.items():
            data = parquet_bytes(table, compression="zstd")
            files[name] = (data, table.num_rows)
            self.storage.write_bytes(self._key(name, run_id), data)
        text = _manifest_text(manifest(run_id, files))
        self.storage.write_text(f"history/{run_id}/{MANIFEST}", text)
        if before_commit is not None:
            before_commit()
        self.storage.write_text(POINTER, text)  # the commit: one atomic PUT
        return self.storage.url_of(f"history/{run_id}")


def _manifest_text(obj: dict) -> str:
    return json.dumps(obj, indent=1, sort_keys=True) + "\n"
