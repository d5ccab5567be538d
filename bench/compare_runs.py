"""Are two data dirs' curated tables the same, run by run? For changes that
must not change the tables (a refactoring): run the same sources into two
data dirs, before and after, and compare.

    PYTHONPATH=. python bench/compare_runs.py DATA_BEFORE DATA_AFTER

Runs are matched by position (oldest first). Run ids are compared as
positions too (RUN0, RUN1, ... wherever a value names a run), and the
columns that differ between any two runs of the same code are left out:
clock times and the code's version hash. Prints one line per table and,
last, IDENTICAL or DIFFERENT (exit code 0 or 1); a difference shows its
first differing row. Sources given by path should be absolute in both runs
(the file URL and the configuration fingerprint hold the path).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

IGNORED = {"started_at", "finished_at", "fetched_at", "code_version"}


def runs(data: Path) -> list[Path]:
    return sorted(p for p in (data / "curated" / "history").iterdir() if p.is_dir())


def _norm(value, ids: dict[str, str]):
    if isinstance(value, str) and value in ids:
        return ids[value]
    if isinstance(value, list):
        return [_norm(v, ids) for v in value]
    return value


def _rows(path: Path, ids: dict[str, str]) -> list[dict]:
    table = pq.read_table(path)
    cols = [c for c in table.column_names if c not in IGNORED]
    return [{c: _norm(r[c], ids) for c in cols} for r in table.to_pylist()]


def compare(before: Path, after: Path) -> bool:
    a, b = runs(before), runs(after)
    if len(a) != len(b):
        print(f"{len(a)} runs before, {len(b)} after")
        return False
    ids_a = {p.name: f"RUN{i}" for i, p in enumerate(a)}
    ids_b = {p.name: f"RUN{i}" for i, p in enumerate(b)}
    same = True
    for run_a, run_b in zip(a, b):
        names = sorted({p.name for p in run_a.glob("*.parquet")} | {p.name for p in run_b.glob("*.parquet")})
        for name in names:
            label = f"{ids_a[run_a.name]} {name}"
            if not (run_a / name).exists() or not (run_b / name).exists():
                print(f"MISSING {label}")
                same = False
                continue
            if pq.read_schema(run_a / name) != pq.read_schema(run_b / name):
                print(f"SCHEMA {label}")
                same = False
                continue
            rows_a, rows_b = _rows(run_a / name, ids_a), _rows(run_b / name, ids_b)
            if rows_a == rows_b:
                print(f"same {label}: {len(rows_a)} rows")
                continue
            same = False
            print(f"DIFF {label}: {len(rows_a)} rows before, {len(rows_b)} after")
            for x, y in zip(rows_a, rows_b):
                if x != y:
                    print("   first difference:", {k: (x[k], y.get(k)) for k in x if x[k] != y.get(k)})
                    break
    print("IDENTICAL" if same else "DIFFERENT")
    return same


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(0 if compare(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
