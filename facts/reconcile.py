"""Reconciliation: dated statements of all documents -> facts.

1. Topic entities: the configured subject plus entities that stand in a large
   share of all statements across many dates (the two parties of a
   relationship). They say little about *which* happening a statement tells.
2. Clustering: two statements tell the same happening when they are of the
   same kind (begin/end/change/meet; "other" only with the same trigger) and
   share a non-topic participant (the programme, the operation, the place),
   or, with no such participant, have the same trigger and participants. Two
   statements of one document with incompatible dates stay apart.
3. Truth discovery (facts.truth) over every fact at once chooses and ranks
   each fact's values, learning source trust from where sources meet;
   compatible dates (2012 ⊇ June 2012) corroborate, incompatible ones make
   the fact conflicting.
4. Recency: only current snapshots make facts. A statement an earlier
   snapshot made and the page no longer makes joins the happening it told
   as a superseded value (deprecated when incompatible with the preferred
   one); a page correcting itself is not a conflict.
5. Ids: a fact's id hashes its kind and its main participant (its trigger
   and participants when it has none), not its date, so a changed date is a
   change of the fact, not a new fact.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from extractors.ids import normalize_sentence, stable_id
from facts.model import Event, Fact, FactValue, iso_value
from facts.truth import Claim, discover_truth
from facts.values import DateInterval, compatible

TOPIC_SHARE = 0.4  # an entity in more than this share of statements is a topic entity
TOPIC_MIN_EVENTS = 3
TOPIC_MIN_DATES = 3  # ... and in statements of at least this many different years
DEFAULT_TRUST = 0.8
_LABEL_ORDER = ("LAW", "EVENT", "PRODUCT", "WORK_OF_ART", "ORG", "FAC", "NORP", "LOC", "PERSON", "GPE")


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


def _same_kind(a: Event, b: Event) -> bool:
    if a.kind != b.kind:
        return False
    return a.kind != "other" or (a.trigger is not None and a.trigger == b.trigger)


def _anchors(ev: Event, topic: frozenset[str]) -> frozenset[str]:
    return frozenset(ev.participant_ids) - topic


def _linked(a: Event, b: Event, topic: frozenset[str]) -> bool:
    if not _same_kind(a, b):
        return False
    aa, ab = _anchors(a, topic), _anchors(b, topic)
    if aa or ab:
        return bool(aa & ab)
    return a.trigger is not None and a.trigger == b.trigger and set(a.participant_ids) == set(b.participant_ids)


def cluster_events(events: Sequence[Event], topic: frozenset[str]) -> list[list[Event]]:
    """Groups of statements that tell one happening (deterministic in any input order)."""
    ordered = sorted(events, key=lambda e: e.event_id)
    index = {e.event_id: i for i, e in enumerate(ordered)}
    parent = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_anchor: dict[str, list[int]] = defaultdict(list)
    by_trigger: dict[tuple, list[int]] = defaultdict(list)
    for i, ev in enumerate(ordered):
        anchors = _anchors(ev, topic)
        for a in anchors:
            by_anchor[a].append(i)
        if not anchors:
            by_trigger[(ev.trigger, frozenset(ev.participant_ids))].append(i)
    pairs: set[tuple[int, int]] = set()
    for group in list(by_anchor.values()) + list(by_trigger.values()):
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                pairs.add((group[x], group[y]))
    for i, j in sorted(pairs):
        a, b = ordered[i], ordered[j]
        if not _linked(a, b, topic):
            continue
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        # two statements of one document with incompatible dates are two happenings
        clash = any(
            ordered[x].doc_id == ordered[y].doc_id and not compatible(_interval(ordered[x]), _interval(ordered[y]))
            for x in members[ri] for y in members[rj]
        )
        if clash:
            continue
        lo, hi = min(ri, rj), max(ri, rj)
        parent[hi] = lo
        members[lo].extend(members.pop(hi))
    groups = [sorted((ordered[i] for i in m), key=lambda e: e.event_id) for m in members.values()]
    return sorted(groups, key=lambda g: g[0].event_id)


def _main_anchor(group: Sequence[Event], topic: frozenset[str], labels: Mapping[str, str | None]) -> str | None:
    counts: Counter = Counter()
    for ev in group:
        counts.update(_anchors(ev, topic))
    if not counts:
        return None

    def order(eid: str) -> tuple:
        label = labels.get(eid)
        return (-counts[eid], _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER), eid)

    return sorted(counts, key=order)[0]


def _kind(group: Sequence[Event]) -> str:
    return Counter(ev.kind for ev in group).most_common(1)[0][0]


def fact_key(group: Sequence[Event], topic: frozenset[str], labels: Mapping[str, str | None]) -> tuple[str, ...]:
    kind = _kind(group)
    anchor = _main_anchor(group, topic, labels)
    trigger = Counter(ev.trigger or "" for ev in group).most_common(1)[0][0] if kind == "other" else ""
    if anchor is not None:
        return (kind, trigger, anchor)
    participants = sorted({p for ev in group for p in ev.participant_ids})
    return (kind, trigger, "|".join(participants), "no-anchor")


def _statement(ev: Event) -> str:
    s = normalize_sentence(ev.summary or ev.sentence)
    return s if len(s) <= 240 else s[:239].rstrip() + "…"


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
) -> Reconciliation:
    trust = dict(trust or {})
    labels = dict(entity_labels or {})
    current = [ev for ev in events if ev.current]
    old = _old_statements(events)
    topic = topic_entities(current, subject_ids)
    # earlier snapshots' statements join the happenings they tell; alone they make no fact
    groups = [g for g in cluster_events(current + old, topic) if any(ev.current for ev in g)]

    keyed: dict[tuple, list[list[Event]]] = defaultdict(list)
    for g in groups:
        keyed[fact_key([ev for ev in g if ev.current], topic, labels)].append(g)
    fact_groups: list[tuple[str, list[Event]]] = []
    for key, gs in sorted(keyed.items()):
        if len(gs) == 1:
            fact_groups.append((stable_id("fact", *key), gs[0]))
            continue
        # several happenings share a key (one page, same kind, different dates): tell them apart by date
        for g in gs:
            first = min((e for e in g if e.current), key=lambda e: (e.date_start, e.event_id))
            fact_groups.append((stable_id("fact", *key, iso_value(first.date_start, first.date_end, first.precision)), g))

    claims = []
    for fid, g in fact_groups:
        for ev in g:
            if ev.current:
                claims.append(Claim(item=fid, source=ev.source_id, value=_interval(ev)))
    priors = {s: t for s, t in trust.items() if t is not None}
    truth = discover_truth(claims, priors) if claims else None

    facts: list[Fact] = []
    fact_of_event: dict[str, str] = {}
    for fid, all_events in sorted(fact_groups):
        g = [ev for ev in all_events if ev.current]
        ranked = truth.ranked(fid) if truth else []
        values = []
        for rv in ranked:
            iv = rv.value
            evs = [ev for ev in g if _interval(ev) == iv]
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
                )
            )
        preferred = values[0]
        pref_iv = DateInterval(preferred.date_start, preferred.date_end, preferred.precision)
        # what pages said before and say no more: kept, ranked, marked superseded
        claimed = {(v.date_start, v.date_end, v.precision) for v in values}
        superseded: dict[tuple, list[Event]] = defaultdict(list)
        for ev in all_events:
            if not ev.current and (ev.date_start, ev.date_end, ev.precision) not in claimed:
                superseded[(ev.date_start, ev.date_end, ev.precision)].append(ev)
        for (start, end, precision), evs in sorted(superseded.items()):
            iv = DateInterval(start, end, precision)
            values.append(
                FactValue(
                    fact_id=fid, date_start=start, date_end=end, precision=precision,
                    rank="normal" if compatible(iv, pref_iv) else "deprecated", score=0.0,
                    source_ids=tuple(sorted({ev.source_id for ev in evs})),
                    event_ids=tuple(sorted(ev.event_id for ev in evs)),
                    value=iso_value(start, end, precision), superseded=True,
                )
            )
        sources = sorted({ev.source_id for ev in g})
        incompatible = [
            v for v in values
            if not v.superseded and not compatible(DateInterval(v.date_start, v.date_end, v.precision), pref_iv)
        ]
        if incompatible:
            status = "conflicting"
        elif len(sources) >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        agreeing = {}
        for ev in g:
            if compatible(_interval(ev), pref_iv):
                t = trust.get(ev.source_id) or DEFAULT_TRUST
                agreeing[ev.source_id] = max(agreeing.get(ev.source_id, 0.0), t * ev.confidence)
        doubt = 1.0
        for p in agreeing.values():
            doubt *= 1.0 - p
        confidence = (1.0 - doubt) * (1.0 - max((v.score for v in incompatible), default=0.0) * 0.8)
        stating = [ev for ev in g if ev.event_id in preferred.event_ids] or g
        best_ev = min(stating, key=lambda e: (-e.confidence, len(e.sentence), e.event_id))
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
