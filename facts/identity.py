"""Which statements tell the same happening: pairwise scores, then
clustering under constraints.

Two statements tell one happening when they agree on
- *what*: the kind of happening (facts.lexicon: the trigger's concept,
  with derivations and synonyms; for a plan, a report or a generic verb,
  the concept its clause names);
- *who*: the participants beyond the topic, weighted by how rare they are
  in the run (an entity in every statement says little);
- *when*: the same date, or one containing the other; incompatible dates
  count against, the more the further apart, except for plans (a plan
  for another date is a plan for the same happening);
- and how alike their sentences are (tf-idf cosine over content words).

The score is a weighted sum; statements are grouped by average-linkage
agglomerative clustering, merging while the best pair of groups averages
above the threshold, never across a cannot-link:
- two statements of one snapshot with incompatible dates (neither a plan);
- two statements whose agents are different entities (one country's
  ratification is not another's).
Must-link: the same sentence (normalised) with the same date in two pages.

Weights and threshold are chosen by leave-one-subject-out cross-validation
on the facts benchmark (`factwatch eval facts --loso`); DEFAULT_PARAMS holds
the choice, PARAM_GRID the candidates.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np

from extractors.ids import normalize_sentence
from facts.lexicon import clause_concepts, happening_concept
from facts.model import Event
from facts.values import DateInterval, compatible

_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:[-'][a-z0-9]+)*|\d+(?:[.,]\d+)*")
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after before since until
    during between through than then that this these those it its it's is are was were be been being has have had do
    does did will would shall should can could may might must not no nor so such which who whom whose what when where
    why how all any both each few more most other some own same too very just also only now once again there here he
    she they them their his her our we you your i me my us said says say according date today yesterday tomorrow
    week month year years last next earlier later first second new one two three""".split()
)
_CALENDAR = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
_CLAUSE_KEEP = {"", None}


@dataclass(frozen=True)
class IdentityParams:
    w_what: float = 1.0
    w_who: float = 0.5
    w_when: float = 1.0
    w_text: float = 1.0
    gap_days: float = 365.0  # incompatible dates this far apart count fully against
    plan_slack: float = 3.0  # ... times this much when one is a plan (plans move)
    unknown_what: float = -0.5  # what-score of two different words when one is not in the lexicon
    who_signed: bool = True  # participants none of which are shared count against
    threshold: float = 0.7

    def as_dict(self) -> dict:
        return dict(self.__dict__)


DEFAULT_PARAMS = IdentityParams()

PARAM_GRID: tuple[IdentityParams, ...] = tuple(
    IdentityParams(w_what=1.0, w_who=who, w_when=when, w_text=1.0, gap_days=gap, plan_slack=slack, unknown_what=unk,
                   who_signed=signed, threshold=t)
    for who, signed, when, gap, slack, unk, t in product(
        (0.5, 1.0), (True, False), (0.5, 1.0), (365.0, 1500.0), (3.0, 30.0), (0.0, -0.5), (0.5, 0.7, 0.9, 1.1)
    )
)


@dataclass(frozen=True)
class Profile:
    """What the scores need of one statement."""

    concept: str | None
    clause_concepts: frozenset[str]
    who: dict[str, float]  # non-topic participant -> weight
    agents: frozenset[str]
    interval: DateInterval
    planned: bool
    tokens: dict[str, float]  # tf-idf, unit length
    sentence_key: str


def _words(text: str) -> list[str]:
    out = []
    for w in _TOKEN.findall(text.lower().replace("’", "'")):
        if w in _STOP or w in _CALENDAR:
            continue
        if w.isdigit() and len(w) <= 4:  # days and years: the date score has them
            continue
        out.append(w)
    return out


def _interval(ev: Event) -> DateInterval:
    return DateInterval(ev.date_start, ev.date_end, ev.precision)


def profiles(events: Sequence[Event], topic: frozenset[str]) -> list[Profile]:
    n = len(events)
    df: Counter = Counter()
    for ev in events:
        df.update(set(ev.participant_ids) - topic)
    token_lists = [_words(ev.sentence) for ev in events]
    tdf: Counter = Counter()
    for toks in token_lists:
        tdf.update(set(toks))
    out = []
    for ev, toks in zip(events, token_lists):
        clause = ev.summary or ev.sentence
        concept = happening_concept(ev.trigger, clause, ev.trigger_text, ev.sentence, ev.participants)
        named = clause_concepts(clause, ev.participants) | ({concept} if concept else set())
        who = {p: math.log((n + 1) / (df[p] + 0.5)) for p in set(ev.participant_ids) - topic}
        tf = Counter(toks)
        vec = {t: (1 + math.log(c)) * math.log((n + 1) / (tdf[t] + 0.5)) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append(
            Profile(
                concept=concept,
                clause_concepts=named,
                who=who,
                agents=frozenset(ev.agent_ids),
                interval=_interval(ev),
                planned=ev.planned,
                tokens={t: v / norm for t, v in vec.items()},
                sentence_key=normalize_sentence(ev.sentence).lower() + "|" + ev.date_value,
            )
        )
    return out


def what_score(a: Profile, b: Profile, unknown: float = -0.5) -> float:
    """1: the same kind of happening; 0.5: one names the other's in its
    clause, or one is an announcement of unknown content; 0: unknown;
    -0.5: different words, one unknown to the lexicon; -1: known to differ."""
    ca, cb = a.concept, b.concept
    if ca in (None, "plan") or cb in (None, "plan"):
        return 0.0  # a plan that does not say of what
    if ca == cb:
        return 1.0
    ra, rb = ca.partition(":"), cb.partition(":")
    if ra[0] == rb[0] == "announce" and not (ra[2] and rb[2]):
        return 0.5
    if ca in b.clause_concepts or cb in a.clause_concepts:
        return 0.5
    if ca.startswith("?") or cb.startswith("?"):
        return unknown  # a word the lexicon does not know, other than the other's
    return -1.0


def who_score(a: Profile, b: Profile, signed: bool = True) -> float:
    """Weighted Jaccard of the participants beyond the topic; ``signed``:
    mapped to [-1, 1] (the same: 1, none shared: -1); 0 when either names none."""
    if not a.who or not b.who:
        return 0.0
    keys = a.who.keys() | b.who.keys()
    total = sum(max(a.who.get(k, 0.0), b.who.get(k, 0.0)) for k in keys)
    shared = sum(min(a.who[k], b.who[k]) for k in a.who.keys() & b.who.keys())
    if not total:
        return 0.0
    return 2.0 * shared / total - 1.0 if signed else shared / total


def when_score(a: Profile, b: Profile, gap_days: float, plan_slack: float = 1.0) -> float:
    ia, ib = a.interval, b.interval
    if (ia.date_start, ia.date_end) == (ib.date_start, ib.date_end):
        return 1.0
    if compatible(ia, ib):
        return 0.5
    gap = max((ib.date_start - ia.date_end).days, (ia.date_start - ib.date_end).days)
    if a.planned or b.planned:
        gap /= plan_slack
    return -min(1.0, gap / gap_days)


def text_score(a: Profile, b: Profile) -> float:
    small, large = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    return sum(v * large.get(t, 0.0) for t, v in small.items())


def pair_score(a: Profile, b: Profile, p: IdentityParams) -> float:
    return (p.w_what * what_score(a, b, p.unknown_what) + p.w_who * who_score(a, b, p.who_signed) + p.w_when * when_score(a, b, p.gap_days, p.plan_slack)
            + p.w_text * text_score(a, b))


def cannot_link(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    if ea.doc_id == eb.doc_id and not (a.planned or b.planned) and not compatible(a.interval, b.interval):
        return True
    if a.agents and b.agents and not (a.agents & b.agents):
        # different agents, unless one names the other's agent among its participants
        return not (a.agents & set(eb.participant_ids) or b.agents & set(ea.participant_ids))
    return False


def must_link(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    return ea.doc_id != eb.doc_id and a.sentence_key == b.sentence_key


def cluster(events: Sequence[Event], topic: frozenset[str] = frozenset(),
            params: IdentityParams = DEFAULT_PARAMS) -> list[list[Event]]:
    """Groups of statements, one per happening; deterministic in any input order."""
    evs = sorted(events, key=lambda e: e.event_id)
    n = len(evs)
    if n == 0:
        return []
    prof = profiles(evs, topic)
    score = np.full((n, n), -np.inf)
    banned = np.zeros((n, n), dtype=bool)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            a, b = prof[i], prof[j]
            if cannot_link(evs[i], evs[j], a, b):
                banned[i, j] = banned[j, i] = True
                continue
            s = 1e6 if must_link(evs[i], evs[j], a, b) else pair_score(a, b, params)
            score[i, j] = score[j, i] = s
            if s > params.threshold:
                parent[find(i)] = find(j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        components[find(i)].append(i)
    groups: list[list[Event]] = []
    for members in components.values():
        for part in _average_linkage(members, score, banned, params.threshold):
            groups.append([evs[i] for i in sorted(part)])
    return sorted(groups, key=lambda g: g[0].event_id)


def _average_linkage(members: list[int], score: np.ndarray, banned: np.ndarray, threshold: float) -> list[list[int]]:
    clusters = [[i] for i in members]
    if len(clusters) == 1:
        return clusters
    idx = np.array(members)
    sums = np.where(np.isfinite(score[np.ix_(idx, idx)]), score[np.ix_(idx, idx)], 0.0)
    # pairs that were never scored (cannot-link) are banned; -inf elsewhere cannot occur inside
    ban = banned[np.ix_(idx, idx)].copy()
    sizes = np.ones(len(clusters))
    alive = np.ones(len(clusters), dtype=bool)
    while True:
        avg = sums / np.outer(sizes, sizes)
        mask = ban | ~np.outer(alive, alive) | np.eye(len(clusters), dtype=bool)
        avg = np.where(mask, -np.inf, avg)
        k = int(np.argmax(avg))
        i, j = divmod(k, len(clusters))
        if not np.isfinite(avg[i, j]) or avg[i, j] <= threshold:
            break
        i, j = min(i, j), max(i, j)
        clusters[i] += clusters[j]
        clusters[j] = []
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums[i, i] = 0.0
        ban[i, :] |= ban[j, :]
        ban[:, i] |= ban[:, j]
        sizes[i] += sizes[j]
        alive[j] = False
    return [c for c, a in zip(clusters, alive) if a]
