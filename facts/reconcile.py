"""Reconciliation: dated statements of all documents -> facts.

1. Topic entities: the configured subject plus entities that stand in a large
   share of all statements across many dates (the two parties of a
   relationship). They say little about *which* happening a statement tells.
2. Identity (facts.identity): pairwise scores over what, who, when and the
   sentences' words, then constrained average-linkage clustering: one group
   per happening, across wordings and pages.
3. Plans and outcomes: a plan ("is scheduled for", "will") and the outcome
   are one happening. When the fact has an outcome, plans are superseded
   values ranked below it, never rivals; a fact of plans alone prefers the
   plan of the newest document (the latest date it names, within one) and
   is marked planned (``Fact.planned``: no source says it happened yet). A
   plan its page still expected after the page's date is overtaken only by
   an outcome dated on or after that page's date (an earlier one is not its
   outcome): otherwise it stays a rival value and the fact conflicts.
4. Truth discovery (facts.truth) over every fact at once chooses and ranks
   each fact's values, learning source trust from where sources meet;
   compatible dates (2012 ⊇ June 2012) corroborate, incompatible ones make
   the fact conflicting. A statement whose year the run's other pages gave
   (``Event.date_basis`` "sources", facts.source_years) votes only where no
   statement dated by its own page disputes it (an incompatible date): its
   year was chosen because its days coincide with those pages', so in a
   dispute among them it is no independent witness (it sides with the pages
   its year was taken from, against pages of the same run). Its day is its
   page's own, so where it only refines what the dated pages say (the 4th
   in "this week"), it votes. Disputed, it is listed with the value it states
   (ranked with it, or, when no voting statement states that value, as a
   value of score 0: normal when it fits the preferred one, else deprecated),
   does not add to the fact's confidence, and is no written date that a
   relative day of the happening is read as (facts.relative_days).
   A finer value is preferred over a coarser one it
   refines only when no real rival disputes it: when 8 July and 9 July
   stand about even (the rival has at least ``facts.truth.RIVAL_SHARE`` of the
   preferred one's confidence, truth discovery's own mark of a real rival)
   and a source says July, July is preferred -- what the disputing sources
   agree on -- and the fact is conflicting, both days its rivals. A fact
   holding the statements it held in the last run keeps the value it
   preferred then while that value stays within a near tie of the new top
   and the code and its sources' configured trust are those that ranked it
   then (``keep_last_choice``): trust learned elsewhere in the run must not
   tip a coin toss the fact's own statements did not change.
5. Recency: only current snapshots make facts. A statement an earlier
   snapshot made and the page no longer makes joins the happening it told
   as a superseded value (deprecated when incompatible with the preferred
   one); a page correcting itself is not a conflict.
6. Confidence of a fact: the chance that at least one of the sources
   stating its preferred value (or a compatible one) is right, each with
   the trust truth discovery learned for it (its accuracy where sources
   meet, shrunk towards its sources.toml ``trust`` or the mean) times the
   statement's own confidence; scaled down by the confidence of the
   strongest incompatible rival.
7. Ids (facts.fact_ids): groups are matched to the previous run's facts by
   their statements and content, so a fact keeps its id through rewordings,
   page versions and date changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from extractors.ids import normalize_sentence
from facts.fact_ids import assign_fact_ids
from facts.identity import IdentityModel, cluster
from facts.model import Event, Fact, FactStatus, FactValue, Rank, iso_value
from facts.relative_days import written_day
from facts.truth import Claim, RankedValue, TruthParams, discover_truth, real_rival
from facts.values import DateInterval, compatible, granularity, precision_days, sort_key

TOPIC_SHARE = 0.4  # an entity in more than this share of statements is a topic entity
TOPIC_MIN_EVENTS = 3
TOPIC_MIN_DATES = 3  # ... and in statements of at least this many different years


@dataclass(frozen=True)
class Reconciliation:
    facts: tuple[Fact, ...]
    fact_of_event: Mapping[str, str]  # event_id -> fact_id
    topic_entities: tuple[str, ...]  # entity ids treated as topic
    trust: Mapping[str, float]  # learned source trust


def topic_entities(events: Sequence[Event], subject_ids: Sequence[str] = ()) -> frozenset[str]:
    """The configured subject, plus entities that stand in a large share of
    all statements *across many years*: a relationship's parties appear
    across its whole timeline, while a programme or an operation that every
    source mentions still belongs to one or two years."""
    counts: Counter = Counter()
    dates: dict[str, set] = defaultdict(set)
    for ev in events:
        for p in set(ev.participant_ids):
            counts[p] += 1
            dates[p].add(ev.date_start.year)
    n = len(events)
    frequent = {
        e for e, c in counts.items()
        if c >= TOPIC_MIN_EVENTS and c > TOPIC_SHARE * n and len(dates[e]) >= TOPIC_MIN_DATES
    }
    return frozenset(frequent | set(subject_ids))


def _interval(ev: Event) -> DateInterval:
    return DateInterval(ev.date_start, ev.date_end, ev.precision)


def borrowed_year(ev: Event) -> bool:
    """The statement's year was taken from the run's other pages (facts.source_years)."""
    return ev.date_basis == "sources"


def voting(competing: Sequence[Event]) -> list[Event]:
    """The statements whose values vote in truth discovery: those dated by
    their own pages, and one whose year other pages gave where none of those
    disputes its date (it refines or repeats what they say; see the module
    doc, step 4)."""
    own = [ev for ev in competing if not borrowed_year(ev)]
    return [ev for ev in competing
            if not borrowed_year(ev) or all(compatible(_interval(ev), _interval(o)) for o in own)]


def _newest_plans(plans: Sequence[Event]) -> list[Event]:
    """Of a fact told only as plans, the plans that still stand: those of the
    newest document; within it, the latest date (a rescheduled happening
    moves to its latest target)."""
    def when(ev: Event):
        return ev.doc_date or (ev.observed_at.date() if ev.observed_at else None) or ev.date_start.min

    newest = max(when(ev) for ev in plans)
    latest = [ev for ev in plans if when(ev) == newest]
    last = max(latest, key=lambda e: (e.date_start, e.date_end))
    return [ev for ev in latest if compatible(_interval(ev), _interval(last))]


def _could_fulfil(outcome: Event, plan: Event) -> bool:
    """Whether ``outcome`` can be what ``plan`` announced: a page that, on
    its date, still expects the happening on a later day says it had not
    happened by then, so an outcome dated before that page's date is not
    this plan's outcome."""
    if plan.doc_date is None or plan.date_start <= plan.doc_date:
        return True  # no page date, or a plan told after its day (retold history)
    return outcome.date_end >= plan.doc_date


def standing(group: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    """(statements whose values compete, plans overtaken by them). A plan
    no outcome can fulfil stays a rival value."""
    outcomes = [ev for ev in group if not ev.planned]
    if outcomes:
        plans = [ev for ev in group if ev.planned]
        open_plans = [p for p in plans if not any(_could_fulfil(o, p) for o in outcomes)]
        open_ids = {p.event_id for p in open_plans}
        return outcomes + open_plans, [p for p in plans if p.event_id not in open_ids]
    kept = _newest_plans(group)
    keep_ids = {ev.event_id for ev in kept}
    return kept, [ev for ev in group if ev.event_id not in keep_ids]


def _rivals(ranked: Sequence[RankedValue]) -> list[RankedValue]:
    """Candidates incompatible with the preferred one that stand about as high."""
    top = ranked[0]
    return [rv for rv in ranked[1:]
            if not compatible(rv.value, top.value) and real_rival(rv.score, top.score)]


def settle_disputed(ranked: Sequence[RankedValue]) -> list[RankedValue]:
    """Truth discovery's ranking, except when its preferred value has real
    rivals and a coarser candidate holds them all (8 and 9 July about even,
    and July): then the finest such candidate is preferred -- what the
    disputing sources agree on, not a coin toss between them -- and every
    candidate compatible with it ranks normal."""
    ranked = list(ranked)
    if len(ranked) < 3:
        return ranked
    disputed = [ranked[0], *_rivals(ranked)]
    if len(disputed) < 2:
        return ranked
    common = [rv for rv in ranked if all(compatible(rv.value, d.value) for d in disputed)]
    if not common:
        return ranked
    best = min(common, key=lambda rv: (granularity(rv.value), precision_days(rv.value), -rv.score, sort_key(rv.value)))
    return _prefer(ranked, best)


def _prefer(ranked: Sequence[RankedValue], best: RankedValue) -> list[RankedValue]:
    """``best`` preferred; the others normal when they fit it or rival it for
    real (``facts.truth.real_rival``), else deprecated."""
    return [replace(best, rank=Rank.PREFERRED)] + [
        replace(rv, rank=Rank.NORMAL if compatible(rv.value, best.value) or real_rival(rv.score, best.score)
                else Rank.DEPRECATED)
        for rv in ranked if rv is not best
    ]


KEEP_BAND = 0.9  # the last run's value stays preferred only while it scores at least this share of the new top


def ranking_fingerprint(code_version: str, trust: Mapping[str, float], sources: Iterable[str]) -> str:
    """What ranks a fact's values besides its statements: the code (truth
    discovery's rules) and the sources.toml trust of the fact's sources. A
    fact keeps the last run's choice only when this is unchanged."""
    blob = repr((code_version, sorted((s, trust.get(s)) for s in set(sources))))
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def keep_last_choice(ranked: Sequence[RankedValue], last: Fact | None, event_ids: Iterable[str],
                     ranked_under: str) -> list[RankedValue]:
    """Truth discovery's ranking, except when the fact holds the statements
    it held in the last run (``event_ids``), was ranked then under the same
    code and trust settings (``ranked_under``, ``ranking_fingerprint``), and
    the value it preferred then disputes the new top value and stands within
    a near tie of it (at least KEEP_BAND of its score): then it stays
    preferred. Between about even rivals the choice is a coin toss that
    trust learned elsewhere in the run tips (a page on another happening
    makes one of two sources look a little better); a change report must
    not say the fact changed when none of its statements did. A fact that
    gained or lost a statement is ranked afresh, and so is one whose
    configured trust or code changed (a fresh run would choose as it does);
    a value that trust has put clearly below the top yields."""
    ranked = list(ranked)
    if (last is None or last.date_start is None or last.date_end is None or last.precision is None
            or len(ranked) < 2 or not ranked_under or last.ranked_under != ranked_under
            or set(last.event_ids) != set(event_ids)):
        return ranked
    before = DateInterval(last.date_start, last.date_end, last.precision)
    top = ranked[0]
    kept = next((rv for rv in ranked[1:] if rv.value == before), None)
    if kept is None or compatible(kept.value, top.value) or kept.score < KEEP_BAND * top.score:
        return ranked
    return _prefer(ranked, kept)


def _kind(group: Sequence[Event]) -> str:
    return Counter(ev.kind for ev in group).most_common(1)[0][0]


def _statement(ev: Event) -> str:
    s = normalize_sentence(ev.summary or ev.sentence)
    return s if len(s) <= 240 else s[:239].rstrip() + "…"


def _shown_first(ev: Event) -> tuple:
    """Which statement of a fact's preferred value the fact shows (its
    statement and evidence): one that names a participant before one that
    names none ("This: a Dec. 25 launch." says little on its own), then the
    most confident, then the shortest sentence."""
    return (not ev.participants, -ev.confidence, len(ev.sentence), ev.event_id)


def _old_statements(events: Sequence[Event]) -> list[Event]:
    """Statements of earlier snapshots that the page's current snapshot no longer makes."""
    made_now = {(ev.source_id, ev.event_id) for ev in events if ev.current}
    return [ev for ev in events if not ev.current and (ev.source_id, ev.event_id) not in made_now]


def reconcile(
    events: Sequence[Event],
    *,
    trust: Mapping[str, float] | None = None,
    subject_ids: Sequence[str] = (),
    entity_labels: Mapping[str, str | None] | None = None,
    previous: Sequence[Fact] = (),
    model: IdentityModel | None = None,
    grouping: Callable[..., list[list[Event]]] = cluster,
    code_version: str = "",
) -> Reconciliation:
    """``previous``: the last run's facts, whose ids this run's happenings keep.
    ``code_version``: the code's fingerprint (flows.code_version), stored with
    each fact in ``ranked_under`` so a later run knows what ranked it.
    ``grouping``: statements -> happenings, called as facts.identity.cluster
    (which it is, but for benchmarks that hold identity fixed to measure what
    comes after it)."""
    trust = dict(trust or {})
    labels = dict(entity_labels or {})
    current = [ev for ev in events if ev.current]
    old = _old_statements(events)
    topic = topic_entities(current, subject_ids)
    last_run = {eid: f.fact_id for f in previous for eid in f.event_ids}
    # earlier snapshots' statements join the happenings they tell; alone they make no fact
    groups = [g for g in grouping(current + old, topic, model, labels, last_run, frozenset(subject_ids))
              if any(ev.current for ev in g)]
    fact_groups = list(zip(assign_fact_ids(groups, previous), groups))

    claims = []
    claimed_as: dict[str, dict[str, DateInterval]] = {}  # fact id -> event id -> the value it claims
    for fid, g in fact_groups:
        competing, _ = standing([ev for ev in g if ev.current])
        # a relative day beside a written date of the happening is read as it (facts.relative_days);
        # a day whose year other pages gave is no independent written date either
        voters = voting(competing)
        claimed_as[fid] = {ev.event_id: written_day(ev, voters) for ev in competing}
        for ev in voters:
            claims.append(Claim(item=fid, source=ev.source_id, value=claimed_as[fid][ev.event_id]))
    priors = {s: t for s, t in trust.items() if t is not None}
    truth = discover_truth(claims, priors) if claims else None
    # the trust the reconciliation learned (a source's accuracy where
    # sources meet, shrunk towards its sources.toml trust or the mean)
    learned = dict(truth.trust) if truth else {}
    default_trust = TruthParams().default_trust

    last_fact = {f.fact_id: f for f in previous}
    facts: list[Fact] = []
    fact_of_event: dict[str, str] = {}
    for fid, all_events in sorted(fact_groups, key=lambda fg: fg[0]):
        g = [ev for ev in all_events if ev.current]
        competing, overtaken = standing(g)
        claim_of = claimed_as[fid]  # an overtaken plan claims nothing: its own date
        ranked_under = ranking_fingerprint(code_version, priors, (ev.source_id for ev in g))
        ranked = (keep_last_choice(settle_disputed(truth.ranked(fid)), last_fact.get(fid), (ev.event_id for ev in g),
                                   ranked_under)
                  if truth else [])
        values = []
        claim = {ev.event_id: claim_of[ev.event_id] if ev.event_id in claim_of else _interval(ev) for ev in g}
        for rv in ranked:
            iv = rv.value
            assert isinstance(iv, DateInterval)  # the claims are the events' dates
            evs = [ev for ev in g if claim[ev.event_id] == iv]
            values.append(
                FactValue(
                    fact_id=fid,
                    date_start=iv.date_start,
                    date_end=iv.date_end,
                    precision=iv.precision,
                    rank=rv.rank,
                    score=round(float(rv.score), 4),
                    source_ids=tuple(sorted({ev.source_id for ev in evs})),
                    event_ids=tuple(sorted(ev.event_id for ev in evs)),
                    value=iso_value(iv.date_start, iv.date_end, iv.precision),
                    planned=bool(evs) and all(ev.planned for ev in evs),
                )
            )
        preferred = values[0]
        pref_iv = DateInterval(preferred.date_start, preferred.date_end, preferred.precision)
        voting_ids = {ev.event_id for ev in voting(competing)}
        # values stated only by statements that do not vote (a year other pages gave)
        unvoted: dict[DateInterval, list[Event]] = defaultdict(list)
        ranked_values = {rv.value for rv in ranked}
        for ev in competing:
            if ev.event_id not in voting_ids and claim[ev.event_id] not in ranked_values:
                unvoted[claim[ev.event_id]].append(ev)
        for iv, evs in sorted(unvoted.items(), key=lambda kv: sort_key(kv[0])):
            values.append(
                FactValue(
                    fact_id=fid, date_start=iv.date_start, date_end=iv.date_end, precision=iv.precision,
                    rank=Rank.NORMAL if compatible(iv, pref_iv) else Rank.DEPRECATED, score=0.0,
                    source_ids=tuple(sorted({ev.source_id for ev in evs})),
                    event_ids=tuple(sorted(ev.event_id for ev in evs)),
                    value=iso_value(iv.date_start, iv.date_end, iv.precision),
                    planned=all(ev.planned for ev in evs),
                )
            )
        # what pages said before and say no more: kept, ranked, marked superseded
        claimed = {(v.date_start, v.date_end, v.precision) for v in values}
        superseded: dict[tuple, list[Event]] = defaultdict(list)
        for ev in [*overtaken, *(ev for ev in all_events if not ev.current)]:
            if (ev.date_start, ev.date_end, ev.precision) not in claimed:
                superseded[(ev.date_start, ev.date_end, ev.precision)].append(ev)
        for (start, end, precision), evs in sorted(superseded.items()):
            iv = DateInterval(start, end, precision)
            values.append(
                FactValue(
                    fact_id=fid, date_start=start, date_end=end, precision=precision,
                    rank=Rank.NORMAL if compatible(iv, pref_iv) else Rank.DEPRECATED, score=0.0,
                    source_ids=tuple(sorted({ev.source_id for ev in evs})),
                    event_ids=tuple(sorted(ev.event_id for ev in evs)),
                    value=iso_value(start, end, precision), superseded=True,
                    planned=all(ev.planned for ev in evs),
                )
            )
        sources = sorted({ev.source_id for ev in g})
        incompatible = [
            v for v in values
            if not v.superseded and not compatible(DateInterval(v.date_start, v.date_end, v.precision), pref_iv)
        ]
        standing_values = [DateInterval(v.date_start, v.date_end, v.precision) for v in values if not v.superseded]
        if incompatible or any(not compatible(a, b) for i, a in enumerate(standing_values) for b in standing_values[i + 1:]):
            status = FactStatus.CONFLICTING
        elif len(sources) >= 2:
            status = FactStatus.CORROBORATED
        else:
            status = FactStatus.SINGLE_SOURCE
        agreeing: dict[str, float] = {}
        for ev in competing:
            if ev.event_id in voting_ids and compatible(claim_of[ev.event_id], pref_iv):
                t = learned.get(ev.source_id, default_trust)
                agreeing[ev.source_id] = max(agreeing.get(ev.source_id, 0.0), t * ev.confidence)
        doubt = 1.0
        for p in agreeing.values():
            doubt *= 1.0 - p
        confidence = (1.0 - doubt) * (1.0 - max((v.score for v in incompatible), default=0.0))
        stating = [ev for ev in competing if ev.event_id in preferred.event_ids] or competing
        best_ev = min(stating, key=_shown_first)
        part_counts: Counter = Counter(p for ev in g for p in ev.participants)
        participants = tuple(sorted(part_counts, key=lambda p: (-part_counts[p], p)))
        roles = Counter(ev.date_role for ev in g if ev.event_id in preferred.event_ids)
        facts.append(
            Fact(
                fact_id=fid,
                statement=_statement(best_ev),
                date_start=preferred.date_start,
                date_end=preferred.date_end,
                precision=preferred.precision,
                participants=participants,
                status=status,
                confidence=round(min(1.0, max(0.0, confidence)), 4),
                n_sources=len(sources),
                source_ids=tuple(sources),
                event_ids=tuple(sorted(ev.event_id for ev in g)),
                kind=_kind(g),
                date_role=roles.most_common(1)[0][0] if roles else None,
                evidence=best_ev.sentence,
                snapshots=tuple(sorted({ev.snapshot_sha256 for ev in g})),
                values=tuple(values),
                planned=bool(competing) and all(ev.planned for ev in competing),
                ranked_under=ranked_under,
            )
        )
        for ev in g:
            fact_of_event[ev.event_id] = fid
    return Reconciliation(
        facts=tuple(facts),
        fact_of_event=fact_of_event,
        topic_entities=tuple(sorted(topic)),
        trust=dict(truth.trust) if truth else {},
    )
