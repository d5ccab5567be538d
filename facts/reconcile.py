"""Reconciliation: dated statements of all documents -> facts.

1. Topic entities: the configured subject plus entities that stand in a large
   share of all statements across many dates (the two parties of a
   relationship). They say little about *which* happening a statement tells.
2. Clustering: two statements tell the same happening when they are of the
   same kind (begin/end/change/meet; "other" only with the same trigger) and
   have the same main participant beyond the topic (the programme, the
   operation, the place: see ``main_anchor``), or, with none, the same
   trigger and participants. Two statements of one document with
   incompatible dates stay apart.
3. Truth discovery (facts.truth) over every fact at once chooses and ranks
   each fact's values, learning source trust from where sources meet;
   compatible dates (2012 ⊇ June 2012) corroborate, incompatible ones make
   the fact conflicting.
4. Recency: only current snapshots make facts. A statement an earlier
   snapshot made and the page no longer makes joins the happening it told
   as a superseded value (deprecated when incompatible with the preferred
   one); a page correcting itself is not a conflict.
5. Ids: a fact's id hashes its happening key (kind and main participant,
   or trigger and participants), not its date, so a changed date is a
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


def _anchors(ev: Event, topic: frozenset[str]) -> frozenset[str]:
    return frozenset(ev.participant_ids) - topic


def main_anchor(
    ev: Event, topic: frozenset[str], labels: Mapping[str, str | None], frequency: Mapping[str, int]
) -> str | None:
    """The participant that says most precisely which happening a statement
    tells: not a topic entity; a treaty, event or programme before an
    organisation, a place or a country; then the rarer one."""
    anchors = _anchors(ev, topic)
    if not anchors:
        return None

    def order(eid: str) -> tuple:
        label = labels.get(eid)
        rank = _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER)
        return (rank, frequency.get(eid, 0), eid)

    return min(anchors, key=order)


def happening_key(
    ev: Event, topic: frozenset[str], labels: Mapping[str, str | None], frequency: Mapping[str, int]
) -> tuple[str, ...]:
    """Statements with the same key tell the same happening: same kind (and
    trigger, for kind "other") about the same main participant; with no
    participant beyond the topic, the same trigger and participants."""
    trigger = (ev.trigger or "") if ev.kind == "other" else ""
    anchor = main_anchor(ev, topic, labels, frequency)
    if anchor is not None:
        return (ev.kind, trigger, anchor)
    return (ev.kind, ev.trigger or "", "|".join(sorted(set(ev.participant_ids))), "no-anchor")


def split_same_document_clashes(group: Sequence[Event]) -> list[list[Event]]:
    """Two statements of one document (snapshot) with incompatible dates are
    two happenings: the group is split, each part as early as it fits."""
    parts: list[list[Event]] = []
    for ev in sorted(group, key=lambda e: (e.date_start, e.date_end, e.event_id)):
        for part in parts:
            if not any(o.doc_id == ev.doc_id and not compatible(_interval(o), _interval(ev)) for o in part):
                part.append(ev)
                break
        else:
            parts.append([ev])
    return parts


def cluster_events(
    events: Sequence[Event], topic: frozenset[str], labels: Mapping[str, str | None] | None = None
) -> list[tuple[tuple[str, ...], list[Event]]]:
    """(key, statements) per happening, deterministic in any input order."""
    labels = labels or {}
    frequency: Counter = Counter(p for ev in events for p in set(ev.participant_ids))
    keyed: dict[tuple[str, ...], list[Event]] = defaultdict(list)
    for ev in sorted(events, key=lambda e: e.event_id):
        keyed[happening_key(ev, topic, labels, frequency)].append(ev)
    out = []
    for key, group in sorted(keyed.items()):
        parts = split_same_document_clashes(group)
        if len(parts) == 1:
            out.append((key, parts[0]))
            continue
        seen: Counter = Counter()
        for part in parts:  # several happenings of one kind about one participant: told apart by date
            first = min(part, key=lambda e: (e.date_start, e.date_end, e.event_id))
            sub_key = key + (iso_value(first.date_start, first.date_end, first.precision),)
            seen[sub_key] += 1
            out.append((sub_key + ((str(seen[sub_key]),) if seen[sub_key] > 1 else ()), part))
    return out


def _kind(group: Sequence[Event]) -> str:
    return Counter(ev.kind for ev in group).most_common(1)[0][0]


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
    previous: Sequence[Fact] = (),
) -> Reconciliation:
    trust = dict(trust or {})
    labels = dict(entity_labels or {})
    current = [ev for ev in events if ev.current]
    old = _old_statements(events)
    topic = topic_entities(current, subject_ids)
    # earlier snapshots' statements join the happenings they tell; alone they make no fact
    fact_groups = [
        (stable_id("fact", *key), group)
        for key, group in cluster_events(current + old, topic, labels)
        if any(ev.current for ev in group)
    ]

    claims = []
    for fid, g in fact_groups:
        for ev in g:
            if ev.current:
                claims.append(Claim(item=fid, source=ev.source_id, value=_interval(ev)))
    priors = {s: t for s, t in trust.items() if t is not None}
    truth = discover_truth(claims, priors) if claims else None

    facts: list[Fact] = []
    fact_of_event: dict[str, str] = {}
    for fid, all_events in sorted(fact_groups, key=lambda fg: fg[0]):
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
