"""Synthetic truth-discovery data sets, deterministic for a given seed, in
the benchmark layout (claims.csv + gold.csv; gold only for items two
sources or more speak about), and the behaviours every parameter set must
show.

Regimes (``GENERATED``), each a shape real claim sets take:

- ``copiers``: independent sources of mixed accuracy and a mediocre hub
  whose claims six copiers repeat, errors included.
- ``big-accurate``: one large careful source among 400 small noisy ones
  whose errors collide on a common wrong value (a prior that distrusts
  volume sinks it).
- ``small-accurate``: 1,500 small careful sources and three bulk feeds that
  share errors; dates stated at day, month or year precision.
- ``duplicated``: a weak source syndicated under six ids.
- ``flight-like``: flight times in mixed formats (below).

``write_flight_like``, modelled on the flight data of Li et al. ("Truth
finding on the deep web: is the problem solved?", VLDB 2013): items such as
``AA-1234-2011-12-01-sched-dep``, sources that write the same clock reading
as "7:10 AM", "07:10", "7:10a", "Dec 01 - 7:10 AM", "2011-12-01 07:10" or
"7:10 AMDec 01", sources of different accuracy, missing values, and a group
of sources that copy one mediocre source (errors included), so that a plain
majority is often wrong. The gold is in yet another format ("7:10 AM"), so
the benchmark's value matching is exercised too.
"""

from __future__ import annotations

import csv
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from extractors.types import Precision
from facts.truth import Claim
from facts.values import Number, Value

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


# --------------------------------------------------------------------------
# generated regimes: data sets of known shape, for choosing parameters that
# hold across regimes (leave one data set out) and for CI gates


def _write(directory: Path, claims: list[tuple[str, str, str]], gold: list[tuple[str, str]], rng: random.Random) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    claims = sorted(set(claims))
    rng.shuffle(claims)
    with (directory / "claims.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("item", "source", "value"))
        w.writerows(claims)
    # gold only where two sources or more speak: elsewhere every method
    # returns the one claim, which would only dilute the comparison
    speakers: dict[str, set[str]] = {}
    for item, source, _ in claims:
        speakers.setdefault(item, set()).add(source)
    with (directory / "gold.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("item", "value"))
        w.writerows((item, value) for item, value in gold if len(speakers.get(item, ())) >= 2)
    return directory



def _fmt_date(rng: random.Random, day: date, precision: str) -> str:
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return day.strftime("%B %Y") if rng.random() < 0.5 else day.strftime("%Y-%m")
    style = rng.randrange(3)
    if style == 0:
        return f"{day.day} {day.strftime('%B')} {day.year}"
    if style == 1:
        return day.isoformat()
    return f"{day.strftime('%b')} {day.day}, {day.year}"


def _random_day(rng: random.Random) -> date:
    return date(1950, 1, 1) + timedelta(days=rng.randrange(75 * 365))


def _wrong_days(rng: random.Random, day: date) -> list[date]:
    """Plausible wrong dates for an item, most common first: a slip of a
    year, another day of the month, a date from elsewhere in the story."""
    slip = day.replace(year=day.year + rng.choice((-1, 1)), day=min(day.day, 28))
    other_day = day.replace(day=1 + (day.day + rng.randrange(1, 27)) % 28)
    far = day + timedelta(days=rng.choice((-1, 1)) * rng.randrange(40, 900))
    return [slip, other_day, far]


def _wrong_numbers(rng: random.Random, n: int) -> list[int]:
    """Plausible wrong counts, most common first: an older figure, a rounded
    or estimated one, a figure for somewhere else."""
    older = round(n * rng.uniform(0.88, 0.95))
    rounded = round(n * rng.uniform(1.05, 1.12))
    other = round(n * rng.uniform(0.3, 3.0)) or 1
    return [older, rounded, other]


def _pick_wrong(rng: random.Random, pool: list, common: float = 0.6) -> object:
    """Errors collide: the first (common) wrong value with probability ``common``."""
    roll = rng.random()
    if roll < common:
        return pool[0]
    return pool[1] if roll < common + (1 - common) * 0.6 else pool[2]


def _fmt_number(rng: random.Random, n: int) -> str:
    return f"{n:,}" if rng.random() < 0.5 else str(n)


def write_copiers(directory: Path, items: int = 1200, seed: int = 11) -> Path:
    """Ten independent sources (accuracy 0.60-0.88, each on half the items)
    and a mediocre hub (0.55, on 80 %) whose claims six copiers repeat,
    errors included (each copies 85 % of the hub's claims and says a little
    of its own). Values: counts in two formats. A plain vote follows the
    copied errors."""
    rng = random.Random(seed)
    claims: list[tuple[str, str, str]] = []
    gold: list[tuple[str, str]] = []
    independents = [(f"indep-{k}", 0.60 + 0.03 * k) for k in range(10)]
    for i in range(items):
        item = f"town-{i:05d}"
        truth = int(math.exp(rng.uniform(math.log(300), math.log(3_000_000))))
        pool = _wrong_numbers(rng, truth)
        gold.append((item, str(truth)))

        def say(source: str, accuracy: float) -> int:
            value = truth if rng.random() < accuracy else _pick_wrong(rng, pool)  # noqa: B023 - called within this iteration only
            claims.append((item, source, _fmt_number(rng, value)))  # noqa: B023 - called within this iteration only
            return value

        for name, accuracy in independents:
            if rng.random() < 0.5:
                say(name, accuracy)
        hub = say("hub", 0.55) if rng.random() < 0.8 else None
        for k in range(6):
            if hub is not None and rng.random() < 0.85:
                claims.append((item, f"copier-{k}", _fmt_number(rng, hub)))
            elif rng.random() < 0.1:
                say(f"copier-{k}", 0.55)
    return _write(directory, claims, gold, rng)


def write_big_accurate(directory: Path, items: int = 2000, seed: int = 12) -> Path:
    """One large careful source (accuracy 0.93, on 85 % of the items) among
    400 small noisy ones (2 to 60 claims each, heavy-tailed; accuracy
    0.40-0.70, errors colliding on a common wrong value). Values: dates at
    day precision in three formats. Here the big source is the accurate
    one: a prior that distrusts volume sinks it."""
    rng = random.Random(seed)
    claims: list[tuple[str, str, str]] = []
    gold: list[tuple[str, str]] = []
    truths = [_random_day(rng) for _ in range(items)]
    pools = [_wrong_days(rng, d) for d in truths]
    names = [f"item-{i:05d}" for i in range(items)]
    for i, day in enumerate(truths):
        gold.append((names[i], day.isoformat()))
        if rng.random() < 0.85:
            value = day if rng.random() < 0.93 else _pick_wrong(rng, pools[i])
            claims.append((names[i], "registry", _fmt_date(rng, value, Precision.DAY)))
    for k in range(400):
        size = min(items, max(2, int(2 * rng.paretovariate(1.2))))
        accuracy = rng.uniform(0.40, 0.70)
        for i in rng.sample(range(items), min(size, 60)):
            value = truths[i] if rng.random() < accuracy else _pick_wrong(rng, pools[i], common=0.7)
            claims.append((names[i], f"site-{k:03d}", _fmt_date(rng, value, Precision.DAY)))
    return _write(directory, claims, gold, rng)


def write_small_accurate(directory: Path, items: int = 2500, seed: int = 13) -> Path:
    """1,500 small careful sources (1 to 8 claims, accuracy 0.80) and three
    bulk feeds (on 70 %, 40 % and 40 % of the items, accuracy 0.70; the two
    smaller feeds take half their values from the largest, errors
    included). Values: dates, and the small sources state them at day,
    month or year precision (60/25/15 %): a coarse claim compatible with the
    day corroborates it. The gold is the day."""
    rng = random.Random(seed)
    claims: list[tuple[str, str, str]] = []
    gold: list[tuple[str, str]] = []
    truths = [_random_day(rng) for _ in range(items)]
    pools = [_wrong_days(rng, d) for d in truths]
    names = [f"event-{i:05d}" for i in range(items)]
    feed: dict[int, date] = {}
    for i, day in enumerate(truths):
        gold.append((names[i], day.isoformat()))
        if rng.random() < 0.7:
            feed[i] = day if rng.random() < 0.7 else _pick_wrong(rng, pools[i])
            claims.append((names[i], "feed-0", _fmt_date(rng, feed[i], Precision.DAY)))
        for k in (1, 2):
            if rng.random() < 0.4:
                if i in feed and rng.random() < 0.5:
                    value = feed[i]
                else:
                    value = day if rng.random() < 0.7 else _pick_wrong(rng, pools[i])
                claims.append((names[i], f"feed-{k}", _fmt_date(rng, value, Precision.DAY)))
    for k in range(1500):
        size = min(8, 1 + int(rng.expovariate(0.5)))
        for i in rng.sample(range(items), size):
            value = truths[i] if rng.random() < 0.8 else _pick_wrong(rng, pools[i])
            precision = rng.choices((Precision.DAY, Precision.MONTH, Precision.YEAR), weights=(60, 25, 15))[0]
            claims.append((names[i], f"writer-{k:04d}", _fmt_date(rng, value, precision)))
    return _write(directory, claims, gold, rng)


def write_duplicated(directory: Path, items: int = 1500, seed: int = 14) -> Path:
    """Six independent sources (accuracy 0.65-0.90, each on half the items)
    and one weak source (0.55, on 80 %) syndicated under six ids (mirrors
    repeating every claim), so that the mirrors hold the majority on most
    items they speak about. Values: dates at day precision."""
    rng = random.Random(seed)
    claims: list[tuple[str, str, str]] = []
    gold: list[tuple[str, str]] = []
    independents = (0.65, 0.70, 0.75, 0.80, 0.85, 0.90)
    for i in range(items):
        item = f"record-{i:05d}"
        day = _random_day(rng)
        pool = _wrong_days(rng, day)
        gold.append((item, day.isoformat()))
        for k, accuracy in enumerate(independents):
            if rng.random() < 0.5:
                value = day if rng.random() < accuracy else _pick_wrong(rng, pool)
                claims.append((item, f"source-{k}", _fmt_date(rng, value, Precision.DAY)))
        if rng.random() < 0.8:
            value = day if rng.random() < 0.55 else _pick_wrong(rng, pool)
            text = _fmt_date(rng, value, Precision.DAY)
            for copy in range(6):
                claims.append((item, "wire" + (f"-mirror-{copy}" if copy else ""), text))
    return _write(directory, claims, gold, rng)


GENERATED = {
    "copiers": write_copiers,
    "big-accurate": write_big_accurate,
    "small-accurate": write_small_accurate,
    "duplicated": write_duplicated,
    "flight-like": write_flight_like,
}


def write_generated(directory: Path) -> list[Path]:
    """Write every generated regime (default sizes and seeds) into
    ``directory/<name>``; return the folders in ``GENERATED`` order."""
    return [writer(Path(directory) / name) for name, writer in GENERATED.items()]


# --------------------------------------------------------------------------
# behaviours: small claim sets with a required outcome. A parameter set
# that fails one is not eligible in the leave-one-dataset-out choice; the
# unit tests check the shipped parameters against them too.


@dataclass(frozen=True, slots=True)
class Behaviour:
    name: str
    claims: tuple[Claim, ...]
    expected: tuple[tuple[str, Value], ...]  # (item, the value that must be chosen)
    min_share: float  # share of the expected items that must come out right


def _agreeing_pair_against_a_contrarian() -> Behaviour:
    claims = [Claim(f"i{k}", s, Number(k if s != "liar" else -k)) for k in range(60) for s in ("a", "b", "liar")]
    return Behaviour("two agreeing sources beat one that always differs", tuple(claims),
                     tuple((f"i{k}", Number(k)) for k in range(60)), 1.0)


def _copiers_against_independent_support() -> Behaviour:
    claims = []
    for i in range(40):
        item, truth = f"item-{i}", Number(1000 + i)
        copied = Number(5000 + i) if i < 15 else truth  # the copied source is wrong on 15 items
        claims.append(Claim(item, "reliable", truth))
        for source in ("bad", "copy-1", "copy-2", "copy-3"):
            claims.append(Claim(item, source, copied))
        for k, source in enumerate(("indep-1", "indep-2")):
            wrong = (i * 7 + k * 3) % 10 == 0
            claims.append(Claim(item, source, Number(9000 + 10 * i + k) if wrong else truth))
    return Behaviour("a reliable source with independent support beats a majority of copiers", tuple(claims),
                     tuple((f"item-{i}", Number(1000 + i)) for i in range(40)), 1.0)


def _mirrors_against_careful_sources() -> Behaviour:
    rng = random.Random(5)
    claims = []
    for i in range(120):
        item, truth = f"item-{i}", Number(1000 + i)
        weak = truth if rng.random() < 0.5 else Number(2000 + i)
        for mirror in range(4):  # one weak source published under four ids
            claims.append(Claim(item, f"weak-{mirror}", weak))
        for k in range(2):
            good = truth if rng.random() < 0.9 else Number(3000 + i + k)
            claims.append(Claim(item, f"careful-{k}", good))
    return Behaviour("four mirrors of a weak source do not outvote two careful sources", tuple(claims),
                     tuple((f"item-{i}", Number(1000 + i)) for i in range(120)), 110 / 120)


def _big_source_against_colliding_small_ones() -> Behaviour:
    rng = random.Random(9)
    claims = []
    truths = {f"item-{i}": Number(1000 + i) for i in range(300)}
    for item, truth in truths.items():
        claims.append(Claim(item, "registry", truth if rng.random() < 0.95 else Number(-1)))
    contested = set()
    for k in range(150):  # small sources: 6 claims each, 60 % right, errors mostly on one common value
        for item in rng.sample(sorted(truths), 6):
            wrong = Number(truths[item].value + 500 if rng.random() < 0.8 else -2 - k)
            claims.append(Claim(item, f"small-{k}", truths[item] if rng.random() < 0.6 else wrong))
            contested.add(item)
    return Behaviour("one big accurate source beats small sources whose errors collide", tuple(claims),
                     tuple((item, truths[item]) for item in sorted(contested)), 0.85)


def behaviours() -> list[Behaviour]:
    return [
        _agreeing_pair_against_a_contrarian(),
        _copiers_against_independent_support(),
        _mirrors_against_careful_sources(),
        _big_source_against_colliding_small_ones(),
    ]
