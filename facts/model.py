"""The fact model: dated statements of documents (events), facts reconciled
across sources with ranked candidate values (Wikidata's statement model:
a value with precision, start/end qualifiers, references and a rank), and
the changes between two runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from extractors.types import Precision

_SEASON_CODES = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}


class FactStatus(StrEnum):
    """How the sources stand on a fact (the facts table's ``status``), in the report's order.

    A value that has been overtaken -- stated only by an earlier snapshot of a page, or a plan the
    outcome (or a newer plan) replaced -- is marked on the value (``FactValue.superseded``), not on
    the fact: the fact still stands, with the value that overtook it."""

    CORROBORATED = "corroborated"  # two or more sources agree
    SINGLE_SOURCE = "single_source"
    CONFLICTING = "conflicting"  # sources give incompatible values (superseded ones aside)


class Rank(StrEnum):
    """Rank of a candidate value of a fact (Wikidata's), best first."""

    PREFERRED = "preferred"
    NORMAL = "normal"  # compatible with the preferred value
    DEPRECATED = "deprecated"  # contradicts it


class ChangeKind(StrEnum):
    """What happened to a fact between two runs (the changes table's ``change``)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


# What a ``changed`` row of the diff says changed (``Change.field``):
# "candidates" is a conflicting fact gaining or losing a candidate value.
# "planned" is a fact told only as plans that a source now says happened (before "planned", after
# "happened"), or the reverse; "rescheduled" is the date of a fact told only as plans in both runs
# moving to another, incompatible date (a plan moved, not a correction).
CHANGE_FIELDS = ("date", "precision", "status", "sources", "candidates", "planned", "rescheduled")


class Happening(StrEnum):
    """The values of a ``planned`` change: whether the fact's happening is still to come."""

    PLANNED = "planned"
    HAPPENED = "happened"


@dataclass(frozen=True, slots=True)
class Event:
    """One dated statement of one document, with canonical participants."""

    event_id: str
    doc_id: str
    source_id: str
    snapshot_sha256: str
    date_start: date
    date_end: date  # inclusive
    precision: Precision
    date_text: str
    date_role: str  # point | since | until | range
    date_value: str  # TIMEX3 value
    trigger: str | None
    trigger_text: str | None
    kind: str  # begin | end | change | meet | other
    participants: tuple[str, ...]  # canonical names
    participant_ids: tuple[str, ...]  # entity ids, same order
    sentence: str
    char_start: int
    char_end: int
    date_char_start: int
    date_char_end: int
    confidence: float
    summary: str = ""  # the trigger's clause as a short sentence
    current: bool = True  # from the source's current snapshot (False: an earlier one)
    observed_at: datetime | None = None  # when the snapshot was fetched
    doc_date: date | None = None  # the document's own date (updated/published), if known
    planned: bool = False  # a plan for the date (a target, a schedule), not a report that it happened
    done: bool = False  # the date's own clause tells an announcement that is over ("announced on 27 June"): never a plan
    agent_ids: tuple[str, ...] = ()  # entity ids of the trigger's agent (who did it), when the parse says
    reported_by: tuple[str, ...] = ()  # canonical names of who reports it ("..., Acme said"): a source, not a party
    reported_by_ids: tuple[str, ...] = ()  # their entity ids, same order
    counted_day: bool = False  # a day counted from another date, not written ("yesterday", "the day before")
    counted_unit: bool = False  # a month or year counted in whole units from another date ("three years later")
    date_basis: str = "page"  # where its year comes from: the page ("page") or the run's other pages ("sources")


@dataclass(frozen=True, slots=True)
class FactValue:
    fact_id: str
    date_start: date
    date_end: date
    precision: Precision
    rank: Rank
    score: float
    source_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    value: str  # ISO form: 2012, 2012-06, 2012-06-04, 199X
    superseded: bool = False  # overtaken: stated only by an earlier snapshot of a page, or a plan the outcome (or a newer plan) replaced
    planned: bool = False  # stated only as a plan (a target, a schedule): no source says it happened on this date


@dataclass(frozen=True, slots=True)
class Fact:
    fact_id: str
    statement: str
    date_start: date | None
    date_end: date | None
    precision: Precision | None
    participants: tuple[str, ...]
    status: FactStatus
    confidence: float
    n_sources: int
    source_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    kind: str | None = None
    date_role: str | None = None
    evidence: str | None = None
    snapshots: tuple[str, ...] = ()  # sha256 of the snapshots whose statements support the fact
    values: tuple[FactValue, ...] = field(default=(), compare=False)
    # told only as plans: no source says the happening took place (yet); its date is a target.
    # None: not known (read from a run published before plans were marked)
    planned: bool | None = False
    # fingerprint of what ranked its values besides its statements: the code version and the
    # sources.toml trust of its sources (facts.reconcile.ranking_fingerprint); "" not known
    ranked_under: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Change:
    fact_id: str
    change: ChangeKind
    field: str | None  # for changed: one of CHANGE_FIELDS
    before: str | None
    after: str | None
    statement: str | None
    evidence_before: str | None = None
    evidence_after: str | None = None
    snapshots_before: tuple[str, ...] = ()
    snapshots_after: tuple[str, ...] = ()


def iso_value(start: date, end: date, precision: str) -> str:
    """The ISO 8601 / TIMEX-like form of a dated value at its precision."""
    if precision == Precision.DAY:
        return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    if precision == Precision.MONTH:
        s = f"{start.year:04d}-{start.month:02d}"
        e = f"{end.year:04d}-{end.month:02d}"
        return s if s == e else f"{s}/{e}"
    if precision == Precision.YEAR:
        return f"{start.year:04d}" if start.year == end.year else f"{start.year:04d}/{end.year:04d}"
    if precision == Precision.DECADE:
        s, e = f"{start.year // 10:03d}X", f"{end.year // 10:03d}X"
        return s if s == e else f"{s}/{e}"
    if precision == Precision.CENTURY:
        s, e = f"{start.year // 100:02d}XX", f"{end.year // 100:02d}XX"
        return s if s == e else f"{s}/{e}"
    if precision in (Precision.WEEK, Precision.QUARTER, Precision.HALF, Precision.SEASON):
        s, e = _period_code(start, precision), _period_code(end, precision)
        return s if s == e else f"{s}/{e}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _period_code(d: date, precision: str) -> str:
    """ISO 8601 / TIMEX3 code of the period of ``precision`` holding ``d``:
    2021-W12, 2021-Q3, 2021-H1, 2021-SU (a winter is named by the year it
    starts in)."""
    if precision == Precision.WEEK:
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if precision == Precision.QUARTER:
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if precision == Precision.HALF:
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    season = _SEASON_CODES[d.month]
    return f"{d.year - (1 if d.month <= 2 else 0):04d}-{season}"
