"""A synthetic truth-discovery dataset of flight times in mixed formats.

Modelled on the flight data of Li et al. ("Truth finding on the deep web: is
the problem solved?", VLDB 2013): items such as ``AA-1234-2011-12-01-sched-dep``,
sources that write the same clock reading as "7:10 AM", "07:10", "7:10a",
"Dec 01 - 7:10 AM", "2011-12-01 07:10" or "7:10 AMDec 01", sources of
different accuracy, missing values, and a group of sources that copy one
mediocre source (errors included), so that a plain majority is often wrong.

Written in the benchmark layout (claims.csv + gold.csv) with the gold in yet
another format ("7:10 AM"), so the benchmark's value matching is exercised
too. Deterministic for a given seed.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ATTRIBUTES = ("sched-dep", "act-dep", "sched-arr", "act-arr")
_PAIRED = {"sched-dep": "act-dep", "act-dep": "sched-dep", "sched-arr": "act-arr", "act-arr": "sched-arr"}


@dataclass(frozen=True, slots=True)
class _Source:
    name: str
    accuracy: float
    style: str
    coverage: float
    copies: str | None = None  # name of the source it copies


def _fmt(style: str, day: date, minutes: int) -> str:
    h, m = divmod(minutes % 1440, 60)
    h12 = h % 12 or 12
    ampm = "AM" if h < 12 else "PM"
    mon = day.strftime("%b")
    if style == "ampm":
        return f"{h12}:{m:02d} {ampm}"
    if style == "24h":
        return f"{h:02d}:{m:02d}"
    if style == "short":
        return f"{h12}:{m:02d}{ampm[0].lower()}"
    if style == "dated":
        return f"{mon} {day.day:02d} - {h12}:{m:02d} {ampm}"
    if style == "iso":
        return f"{day.isoformat()} {h:02d}:{m:02d}"
    if style == "glued":
        return f"{h12}:{m:02d} {ampm}{mon} {day.day:02d}"
    if style == "zone":
        return f"{h:02d}:{m:02d} EST"
    raise ValueError(style)


def _sources() -> list[_Source]:
    styles = ("ampm", "24h", "short", "dated", "iso", "glued", "zone")
    out = [
        _Source("airline-site", 0.9, "ampm", 0.9),
        _Source("airport-a", 0.86, "24h", 0.6),
        _Source("airport-b", 0.84, "dated", 0.6),
        _Source("tracker-1", 0.8, "iso", 0.95),
    ]
    for k in range(8):
        out.append(_Source(f"travel-{k}", 0.45 + 0.04 * k, styles[k % len(styles)], 0.8))
    out.append(_Source("aggregator", 0.5, "short", 0.95))
    for k in range(6):
        out.append(_Source(f"mirror-{k}", 0.5, styles[(k + 2) % len(styles)], 0.9, copies="aggregator"))
    return out


def _wrong(rng: random.Random, truth: int, others: list[int]) -> int:
    roll = rng.random()
    if roll < 0.5 and others:
        return others[0]  # the paired attribute (scheduled for actual, ...)
    if roll < 0.8:
        return truth + rng.choice((-1, 1)) * rng.choice((5, 10, 15, 20, 30, 45, 60))
    return truth + rng.choice((-1, 1)) * rng.randrange(1, 240)


def write_flight_like(directory: Path, flights: int = 150, seed: int = 7) -> Path:
    """Write claims.csv and gold.csv for ``flights`` flights into ``directory``."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    sources = _sources()
    claims: list[tuple[str, str, str]] = []
    gold: list[tuple[str, str]] = []
    airlines = ("AA", "UA", "DL", "CO", "WN")
    for f in range(flights):
        day = date(2011, 12, 1) + timedelta(days=f % 31)
        flight = f"{airlines[f % len(airlines)]}-{100 + f * 7}-{day.isoformat()}"
        dep = rng.randrange(5 * 60, 22 * 60)
        arr = dep + rng.randrange(60, 330)
        truth = {
            "sched-dep": dep,
            "act-dep": dep + rng.choice((-5, 0, 0, 5, 10, 15, 25, 40)),
            "sched-arr": arr,
            "act-arr": arr + rng.choice((-15, -5, 0, 5, 10, 20, 35)),
        }
        said: dict[tuple[str, str], int | None] = {}
        for src in sources:
            for attr in ATTRIBUTES:
                item = f"{flight}-{attr}"
                if src.copies is not None and rng.random() < 0.9:
                    value = said.get((src.copies, item))
                else:
                    if rng.random() > src.coverage:
                        value = None
                    elif rng.random() < src.accuracy:
                        value = truth[attr]
                    else:
                        value = _wrong(rng, truth[attr], [truth[_PAIRED[attr]]])
                said[(src.name, item)] = value
                if value is None:
                    continue
                text = _fmt(src.style, day, value)
                if rng.random() < 0.01:
                    text = "Not Available"
                claims.append((item, src.name, text))
        for attr in ATTRIBUTES:
            gold.append((f"{flight}-{attr}", _fmt("ampm", day, truth[attr])))
    rng.shuffle(claims)
    with (directory / "claims.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("item", "source", "value"))
        w.writerows(claims)
    with (directory / "gold.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("item", "value"))
        w.writerows(gold)
    return directory
