"""Truth discovery: which of the values sources claim for an item is true.

Family
------
An iterative source-trust algorithm of the Accu / TruthFinder family (Dong,
Berti-Equille & Srivastava 2009; Yin, Han & Yu 2008): values claimed by
trustworthy sources are believed, and sources whose claims are believed
become trustworthy. It alternates two steps until the source accuracies
settle.

E-step (values). Every source ``s`` has an accuracy ``A(s)``. Its claim is a
vote ``tau(s) = ln(1 + n * A / (1 - A))`` for the claimed value: Accu's vote
count ``ln(n * A / (1 - A))`` (``n`` = ``n_false`` wrong values per item)
kept positive, which for ``n = 1`` is TruthFinder's ``-ln(1 - A)``. (With
Accu's raw log-odds, sources below ``1 / (n + 1)`` get no or negative votes,
and on data where every value is spelled many ways -- book author lists --
all accuracies sank below that and every vote vanished.) A candidate
value's score is the votes for it plus a share of the votes for every other
candidate of the item that speaks for it (TruthFinder's implication;
``facts.values.support``): ``nested_weight`` for a compatible value (4 June
2012 speaks for June 2012 and 2012: claims at different precision
corroborate), ``similarity_weight`` for a merely close one (numbers within
2 %, clock readings minutes apart, author lists sharing names). Its
confidence is the posterior against the candidates it is *incompatible*
with, plus the ``n + 1 - k`` wrong values nobody claimed (score 0)::

    P(v) = e^score(v) / (e^score(v) + sum_{w incompatible with v} e^score(w) + unseen)

Nested dates are compatible, so 2012 and 4 June 2012 do not compete. A
rival inside another rival is counted once, in the outer one that holds
its votes: against 3 May 2011, "2012" and "June 2012" are one rival as
strong as two sources saying 2012, not two (counted twice, they left the
2011 value 0.39 instead of 0.5; on the generated regime of dates at day,
month and year precision 0.783 -> 0.787, every other set unchanged).

M-step (sources). A source's accuracy is the mean leave-one-out confidence
of its claims, shrunk towards the mean accuracy of the sources by the
amount of its evidence (a Beta prior worth ``prior_strength`` claims); the
update is damped (half old, half new) so the iteration settles instead of
flipping between two states.

Calibration: the first E-step gives every source ``default_trust`` (or its
``trust`` from sources.toml): a majority vote. Trust only moves away from
the mean where claims overlap; with no overlap evidence every source keeps
the same accuracy and the result is exactly a majority vote (compatible
values corroborating). There are no priors on a source's size: whether big
or small sources are the accurate ones differs between data sets (small
ones on the population set, big ones on others), so it is learnt from the
overlaps, not assumed.

Details, and why
----------------
1. Leave-one-out accuracy. A claim is scored by the confidence the *other,
   independent* sources give its value: the share of its dependents' votes
   (copy detection below) and ``1 - self_evidence`` of its own vote are
   taken out (``self_evidence = 1`` is plain EM, 0 a full leave-one-out),
   and the claim counts as evidence about its source only in the measure
   that other independent sources speak about the item. Otherwise a
   prolific source's vote decides every contest it is in and then confirms
   its own accuracy (EM's self-confirmation), and a source's copies vouch
   for it. The Beta prior bounds what self-confirmation can do to a source
   with few claims.
2. Leave-one-item-out votes. The accuracy a claim votes with leaves out
   the evidence of its own item: a source is not trusted on an item for
   agreeing with the others there. A source seen on one item only votes
   with the mean accuracy, so where sources never meet twice the result is
   exactly a majority vote.
3. Copy detection (Dong et al. 2009, simplified): for every pair of sources
   that claim values for the same items, the posterior that one copies the
   other, from how often they agree on false values (likely for copiers,
   unlikely for independent sources) and differ (unlikely for copiers).
   Agreeing on true values is what any two good sources do, but a copier
   agrees on them more often still (Dong et al.'s likelihood; weight
   ``shared_truth_weight``, 1 as in the paper, 0 not at all). The choice
   takes 1: on population the census bot's learned trust falls from 0.76
   to 0.62 with it (the editors who keep its figures count as its echoes). When dependent sources agree, their votes
   are discounted by ``1 - copy_rate * P(dependent)``, shared between the
   two in proportion to the other's vote (a continuous form of Dong et
   al.'s ordering, which made the iteration flip between states), so a
   group of copiers or mirrors does not outvote one accurate independent
   source.
4. Typed values: similarity and implication instead of string equality,
   and claims that state the same value in different formats merged into
   one candidate (``facts.values.canonical_values``).
5. Contested items (``agreement_weight``): an item on which every claim
   agrees (compatible values) says little about who is right where
   sources disagree, and sources that copy one another agree most (the
   population set's census bot, half the claims, is right on 151 of the
   197 disputed gold items; counting every item, its learned trust was
   0.999). With weight 0 only items with incompatible candidates count as
   evidence of accuracy.
6. Empirical Bayes by size (``class_pooling``): a source is shrunk towards
   the mean accuracy of the *other* sources of its size class
   (floor(log2(items it speaks about))), itself shrunk towards the mean of
   all sources by ``class_pooling`` pseudo-sources, instead of towards the
   mean of all. A source seen once votes with what the sources seen once
   have earned where they met others; a class of two or three sources
   stays near the mean of all (with one pseudo-source, a liar in a class
   of three was handed its two honest peers' accuracy). Whether small or
   big sources are the accurate ones is learnt per data set, not assumed
   (the former volume prior assumed it and sank the sets where it is the
   other way). Chosen with 4 pseudo-sources and a prior of 8 pseudo-claims:
   population 0.819 -> 0.847 in-sample, book and the regimes within 0.01
   of before; held out, population keeps 0.819 (the other sets alone do
   not choose it), so on population the gain is an in-sample one.

One algorithm, one parameter set (``TruthParams()``, chosen by
leave-one-dataset-out over the benchmark sets and generated regimes:
``factwatch eval truth DIR --generated --select``), no per-dataset switches.

Choosing and ranking (Wikidata's model)
---------------------------------------
- preferred: the most precise candidate whose confidence exceeds 1/2 (only
  pairwise compatible values can: incompatible values share a denominator).
  Precision is the calendar unit a date is stated in
  (``facts.values.granularity``): a day refines the month and the year
  that contain it, but a span stated to the day ("30 November - 12
  December") is not refined by one of its days; between two such values
  the one more sources state exactly wins, then the span (the happening's
  extent; its last day may be another happening told in the same breath);
  if none does, the candidate with the highest confidence (ties: more
  precise, then the value order of ``facts.values.sort_key``).
- normal: a candidate compatible with the preferred one (it contains it or
  states it too, e.g. "2012" when "4 June 2012" is preferred), or whose
  confidence is at least half the preferred one's (a real rival).
- deprecated: every other candidate (incompatible and weakly supported).

Determinism and cost
--------------------
Claims are deduplicated and sorted (item, value order, source) before any
arithmetic, so the result does not depend on input order. All arrays are
sparse: linear in claims, plus candidate pairs within an item (only among
its ``max_pair_candidates`` most claimed candidates) and source pairs within
an item (only among its first ``max_pair_sources`` sources).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from facts.model import Rank
from facts.values import (
    Value,
    canonical_values,
    compatible,
    granularity,
    more_precise,
    precision_days,
    sort_key,
    support,
)

_TIE = 1e-9  # confidences closer than this are equal (float summation noise)
# An incompatible candidate with at least this share of the preferred one's
# confidence is a real rival: ranked normal, not deprecated.
RIVAL_SHARE = 0.5


def real_rival(score: float, preferred: float) -> bool:
    """A candidate standing about as high as the preferred one (RIVAL_SHARE)."""
    return score >= RIVAL_SHARE * preferred - _TIE


@dataclass(frozen=True, slots=True)
class Claim:
    item: str
    source: str
    value: Value


@dataclass(frozen=True, slots=True)
class RankedValue:
    value: Value
    score: float  # confidence in [0, 1]
    sources: tuple[str, ...]  # sorted ids of the sources that claimed it
    rank: Rank


@dataclass(frozen=True, slots=True)
class TruthParams:
    """The one parameter set (no per-dataset switches). The defaults are the
    values ``factwatch eval truth ../shared/eval/truth --generated --select``
    chooses on every data set (see ``evaluation.truth_eval.PARAM_GRID``)."""

    n_false: float = 1.0  # wrong values an item is assumed to admit
    similarity_weight: float = 0.0  # rho: share of a close (incompatible) value's votes
    nested_weight: float = 1.0  # share of a compatible value's votes (a finer date for the coarser one)
    prior_strength: float = 8.0  # Beta pseudo-claims at the mean accuracy
    self_evidence: float = 1.0  # share of a claim's own vote in the confidence that scores its source
    default_trust: float = 0.8  # accuracy before any evidence (the first step is a majority vote)
    copy_rate: float = 0.8  # c: how much of its values a copier copies
    copy_prior: float = 0.2  # prior probability that two sources are dependent
    shared_truth_weight: float = 1.0  # how much agreeing on true values counts towards copying (1: Dong et al.)
    agreement_weight: float = 0.0  # how much an item all claims agree on counts as evidence of accuracy
    class_pooling: float = 4.0  # 0: shrink to the mean of all sources; > 0: to the mean of sources of like size (pseudo-sources)
    max_iterations: int = 100
    tolerance: float = 1e-4  # stop when no accuracy moves more than this
    damping: float = 0.5  # share of the new accuracy taken per step (no 2-cycles)
    max_pair_candidates: int = 200
    max_pair_sources: int = 64
    min_accuracy: float = 1e-3


@dataclass(frozen=True)
class TruthResult:
    _ranked: Mapping[str, tuple[RankedValue, ...]]
    trust: Mapping[str, float]  # learned accuracy per source, in (0, 1)
    iterations: int
    converged: bool

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(self._ranked)

    def ranked(self, item: str) -> list[RankedValue]:
        """Candidates of an item: preferred first, then by confidence."""
        return list(self._ranked.get(item, ()))

    def best(self, item: str) -> Value | None:
        ranked = self._ranked.get(item)
        return ranked[0].value if ranked else None


# --------------------------------------------------------------------------
# the problem as sparse arrays


@dataclass(frozen=True, slots=True)
class _Problem:
    items: list[str]
    sources: list[str]
    cand_values: list[Value]
    cand_sources: list[tuple[str, ...]]
    cand_item: np.ndarray  # item index per candidate (candidates grouped by item)
    item_start: np.ndarray  # first candidate index per item
    item_size: np.ndarray  # candidates per item
    claim_source: np.ndarray
    claim_cand: np.ndarray
    claim_share: np.ndarray  # 1 / values the source claims for the item
    claim_others: np.ndarray  # claims other sources make on the claim's item
    claim_row: np.ndarray  # index of the claim's (source, item) pair
    claim_contested: np.ndarray  # the claim's item has two incompatible candidates
    source_class: np.ndarray  # per source: its size class, floor(log2(items it claims values for))
    pair_from: np.ndarray  # candidate pairs with support > 0
    pair_to: np.ndarray
    pair_support: np.ndarray
    pair_nested: np.ndarray  # the two values are compatible (nested dates), not merely close
    compat_a: np.ndarray  # compatible candidate pairs, both directions
    compat_b: np.ndarray
    source_pairs: np.ndarray  # (n, 2) sources that co-claim an item
    co_pair: np.ndarray  # one row per (source pair, shared item)
    co_cand: np.ndarray  # the candidate both claim there, -1 if they differ
    agree_a: np.ndarray  # claim pairs of two sources on one candidate
    agree_b: np.ndarray
    agree_pair: np.ndarray
    inner_of: np.ndarray  # (candidate, rival) pairs: a rival of the candidate inside another of its rivals
    inner_rival: np.ndarray


def _group_claims(claims: Sequence[Claim]) -> dict[str, dict[Value, set[str]]]:
    raw: dict[str, dict[Value, set[str]]] = {}
    for c in claims:
        raw.setdefault(c.item, {}).setdefault(c.value, set()).add(c.source)
    by_item: dict[str, dict[Value, set[str]]] = {}
    for item, values in raw.items():
        canon = canonical_values(list(values))
        merged: dict[Value, set[str]] = {}
        for value, srcs in values.items():
            merged.setdefault(canon[value], set()).update(srcs)
        by_item[item] = merged
    return by_item


def _ragged_pairs(group_start: np.ndarray, group_size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All index pairs (i < j) within each group of consecutive positions."""
    position = np.arange(int(group_size.sum()), dtype=np.int64)
    start = np.repeat(group_start, group_size)
    end = start + np.repeat(group_size, group_size)
    counts = end - position - 1
    a = np.repeat(position, counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    b = a + 1 + (np.arange(a.size, dtype=np.int64) - first)
    return a, b


@dataclass(frozen=True, slots=True)
class _SourcePairs:
    sources: np.ndarray  # (n, 2) source indices, first < second
    co_pair: np.ndarray  # per (source pair, shared item): pair index
    co_cand: np.ndarray  # ... the candidate both claim there, -1 if they differ
    agree_a: np.ndarray  # claim pairs of two sources on one candidate
    agree_b: np.ndarray
    agree_pair: np.ndarray


def _source_pairs(
    claim_item: np.ndarray, claim_source: np.ndarray, claim_cand: np.ndarray, n_sources: int, params: TruthParams
) -> _SourcePairs:
    """Which sources meet on which items, and where they agree (vectorised:
    the pairs are quadratic in sources per item, capped at
    ``max_pair_sources`` sources an item)."""
    empty = np.zeros(0, dtype=np.int64)
    if claim_item.size == 0:
        return _SourcePairs(empty.reshape(0, 2), empty, empty, empty, empty, empty)
    # distinct (item, source) rows, sorted; keep an item's first sources only
    order = np.lexsort((claim_source, claim_item))
    item_s, source_s = claim_item[order], claim_source[order]
    new_row = np.r_[True, (np.diff(item_s) != 0) | (np.diff(source_s) != 0)]
    row_of_sorted = np.cumsum(new_row) - 1
    row_item, row_source = item_s[new_row], source_s[new_row]
    item_first_row = np.flatnonzero(np.r_[True, np.diff(row_item) != 0])
    rows_per_item = np.diff(np.r_[item_first_row, row_item.size])
    rank_in_item = np.arange(row_item.size) - np.repeat(item_first_row, rows_per_item)
    cap = params.max_pair_sources
    capped = np.minimum(rows_per_item, cap)
    a, b = _ragged_pairs(np.cumsum(capped) - capped, capped)
    # map positions within the capped groups back to rows
    kept_rows = np.flatnonzero(rank_in_item < cap)
    a, b = kept_rows[a], kept_rows[b]
    co_key = row_source[a] * n_sources + row_source[b]
    co_item = row_item[a]
    pair_keys, co_pair = np.unique(co_key, return_inverse=True)
    sources = np.stack([pair_keys // n_sources, pair_keys % n_sources], axis=1)

    # claims of two sources on the same candidate (claims sorted by candidate, source)
    claim_rank = np.empty(claim_item.size, dtype=np.int64)
    claim_rank[order] = rank_in_item[row_of_sorted]
    by_cand = np.lexsort((claim_source, claim_cand))
    by_cand = by_cand[claim_rank[by_cand] < cap]
    cand_s = claim_cand[by_cand]
    cand_first = np.flatnonzero(np.r_[True, np.diff(cand_s) != 0])
    ga, gb = _ragged_pairs(cand_first, np.diff(np.r_[cand_first, cand_s.size]))
    agree_a, agree_b = by_cand[ga], by_cand[gb]
    agree_pair = np.searchsorted(pair_keys, claim_source[agree_a] * n_sources + claim_source[agree_b])

    # per co row: a candidate both claim (the first), else -1
    n_pairs = pair_keys.size
    co_full = co_item * n_pairs + co_pair
    agree_full = claim_item[agree_a] * n_pairs + agree_pair
    co_cand = np.full(co_full.size, -1, dtype=np.int64)
    if agree_full.size:
        agree_order = np.lexsort((claim_cand[agree_a], agree_full))
        agree_sorted = agree_full[agree_order]
        hit = np.minimum(np.searchsorted(agree_sorted, co_full), agree_sorted.size - 1)
        found = agree_sorted[hit] == co_full
        co_cand[found] = claim_cand[agree_a][agree_order][hit[found]]
    return _SourcePairs(sources, co_pair.astype(np.int64), co_cand, agree_a, agree_b, agree_pair.astype(np.int64))


def _size_class(claim_source: np.ndarray, claim_item: np.ndarray, n_sources: int) -> np.ndarray:
    """Per source: floor(log2(number of items it claims values for))."""
    rows = np.unique(claim_source * (int(claim_item.max(initial=0)) + 1) + claim_item)
    items = np.bincount(rows // (int(claim_item.max(initial=0)) + 1), minlength=n_sources)
    return np.floor(np.log2(np.maximum(items, 1))).astype(np.int64)


def _inner_rivals(
    ordered: list[Value], first: int, compat: set[tuple[int, int]], inner_of: list[int], inner_rival: list[int]
) -> None:
    """Append the (candidate, rival) pairs of one item where the rival lies
    inside another rival of the candidate (June 2012 inside 2012, both
    against 2011)."""
    k = len(ordered)
    outer = {
        w: [o for o in range(first, first + k) if (w, o) in compat and more_precise(ordered[w - first], ordered[o - first])]
        for w in range(first, first + k)
    }
    for v in range(first, first + k):
        for w in range(first, first + k):
            if w != v and (v, w) not in compat and any((v, o) not in compat for o in outer[w]):
                inner_of.append(v)
                inner_rival.append(w)


def _build(claims: Sequence[Claim], params: TruthParams) -> _Problem:
    by_item = _group_claims(claims)
    items = sorted(by_item)
    sources = sorted({s for values in by_item.values() for srcs in values.values() for s in srcs})
    source_index = {s: i for i, s in enumerate(sources)}

    cand_values: list[Value] = []
    cand_sources: list[tuple[str, ...]] = []
    cand_item: list[int] = []
    item_start: list[int] = []
    claim_source: list[int] = []
    claim_cand: list[int] = []
    claim_share: list[float] = []
    pair_from: list[int] = []
    pair_to: list[int] = []
    pair_support: list[float] = []
    pair_nested: list[bool] = []
    compat_a: list[int] = []
    compat_b: list[int] = []
    contested: list[bool] = []
    inner_of: list[int] = []
    inner_rival: list[int] = []

    for item_idx, item in enumerate(items):
        values = by_item[item]
        ordered = sorted(values, key=sort_key)
        first = len(cand_values)
        item_start.append(first)
        per_source: dict[str, int] = {}
        for value in ordered:
            for s in values[value]:
                per_source[s] = per_source.get(s, 0) + 1
        for offset, value in enumerate(ordered):
            cand = first + offset
            srcs = tuple(sorted(values[value]))
            cand_values.append(value)
            cand_sources.append(srcs)
            cand_item.append(item_idx)
            for s in srcs:
                claim_source.append(source_index[s])
                claim_cand.append(cand)
                claim_share.append(1.0 / per_source[s])
        n_compat = len(compat_a)
        if len(ordered) > 1:
            pool = sorted(range(len(ordered)), key=lambda k: (-len(values[ordered[k]]), k))
            pool = sorted(pool[: params.max_pair_candidates])
            for i in pool:
                for j in pool:
                    if i == j:
                        continue
                    sup = support(ordered[i], ordered[j])
                    nested = compatible(ordered[i], ordered[j])
                    if sup > 0.0:
                        pair_from.append(first + i)
                        pair_to.append(first + j)
                        pair_support.append(sup)
                        pair_nested.append(nested)
                    if nested:
                        compat_a.append(first + i)
                        compat_b.append(first + j)
        contested.append(len(compat_a) - n_compat < len(ordered) * (len(ordered) - 1))
        if len(compat_a) > n_compat and len(ordered) > 2:
            _inner_rivals(ordered, first, set(zip(compat_a[n_compat:], compat_b[n_compat:])), inner_of, inner_rival)

    def ints(xs: list[int]) -> np.ndarray:
        return np.asarray(xs, dtype=np.int64)

    claim_source_arr = ints(claim_source)
    item_start_arr = ints(item_start)
    cand_item_arr = ints(cand_item)
    claim_cand_arr = ints(claim_cand)
    claim_share_arr = np.asarray(claim_share, dtype=np.float64)
    item_claims = np.bincount(cand_item_arr[claim_cand_arr], minlength=len(items)).astype(np.float64)
    claim_others = item_claims[cand_item_arr[claim_cand_arr]] - np.rint(1.0 / claim_share_arr)
    pairs = _source_pairs(cand_item_arr[claim_cand_arr], claim_source_arr, claim_cand_arr, len(sources), params)
    return _Problem(
        items=items,
        sources=sources,
        cand_values=cand_values,
        cand_sources=cand_sources,
        cand_item=cand_item_arr,
        item_start=item_start_arr,
        item_size=np.diff(np.append(item_start_arr, len(cand_values))),
        claim_source=claim_source_arr,
        claim_cand=claim_cand_arr,
        claim_share=claim_share_arr,
        claim_others=claim_others,
        claim_contested=np.asarray(contested, dtype=bool)[cand_item_arr[claim_cand_arr]],
        source_class=_size_class(claim_source_arr, cand_item_arr[claim_cand_arr], len(sources)),
        claim_row=np.unique(claim_source_arr * len(items) + cand_item_arr[claim_cand_arr], return_inverse=True)[1].astype(np.int64),
        pair_from=ints(pair_from),
        pair_to=ints(pair_to),
        pair_support=np.asarray(pair_support, dtype=np.float64),
        pair_nested=np.asarray(pair_nested, dtype=bool),
        compat_a=ints(compat_a),
        compat_b=ints(compat_b),
        source_pairs=pairs.sources,
        co_pair=pairs.co_pair,
        co_cand=pairs.co_cand,
        agree_a=pairs.agree_a,
        agree_b=pairs.agree_b,
        agree_pair=pairs.agree_pair,
        inner_of=ints(inner_of),
        inner_rival=ints(inner_rival),
    )


# --------------------------------------------------------------------------
# the two steps


@dataclass(frozen=True, slots=True)
class _State:
    confidence: np.ndarray  # per candidate
    loo_confidence: np.ndarray  # per claim: confidence the other, independent sources give its value
    evidence: np.ndarray  # per claim: how much that says about its source (0: nobody else, or only copies)
    claimed_confidence: np.ndarray  # per candidate, against the other claimed values only


def _confidence(
    problem: _Problem, claim_accuracy: np.ndarray, dependence: _Dependence | None, params: TruthParams
) -> _State:
    """E-step: confidence of every candidate given the accuracy of each
    claim's source (learnt on the source's other items)."""
    n_cand = len(problem.cand_values)
    acc = np.clip(claim_accuracy, params.min_accuracy, 1.0 - params.min_accuracy)
    tau = np.log1p(params.n_false * acc / (1.0 - acc))
    votes = tau * problem.claim_share
    dependent_votes = np.zeros_like(votes)
    dependent_claims = np.zeros_like(votes)
    if dependence is not None and problem.agree_pair.size:
        # independent vote count: when two dependent sources agree, the
        # weaker vote keeps 1 - c * P(dependent) of itself (Dong et al.
        # order the votes; here the discount is shared in proportion to
        # the other vote's strength, which is continuous: equal votes each
        # keep 1 - c * P / 2, a far weaker one 1 - c * P)
        va, vb = votes[problem.agree_a], votes[problem.agree_b]
        both = va + vb
        share_a = np.divide(vb, both, out=np.full_like(both, 0.5), where=both > 0)
        # only dependence beyond the prior discounts: two sources with no
        # shared history keep their whole votes (a majority vote)
        alpha = params.copy_prior
        excess = np.clip((dependence.on_other_items(problem) - alpha) / (1.0 - alpha), 0.0, 1.0)
        cp = params.copy_rate * excess
        log_keep = np.bincount(problem.agree_a, weights=np.log1p(-cp * share_a), minlength=len(votes))
        log_keep += np.bincount(problem.agree_b, weights=np.log1p(-cp * (1.0 - share_a)), minlength=len(votes))
        votes = votes * np.exp(log_keep)
        # what a claim's dependents say for it is no evidence about its source
        dependent_votes = np.bincount(problem.agree_a, weights=cp * votes[problem.agree_b], minlength=len(votes))
        dependent_votes += np.bincount(problem.agree_b, weights=cp * votes[problem.agree_a], minlength=len(votes))
        dependent_claims = np.bincount(problem.agree_a, weights=cp, minlength=len(votes))
        dependent_claims += np.bincount(problem.agree_b, weights=cp, minlength=len(votes))
    direct = np.bincount(problem.claim_cand, weights=votes, minlength=n_cand)
    score = direct
    if problem.pair_from.size:
        rho = np.where(problem.pair_nested, params.nested_weight, params.similarity_weight)
        implied = np.bincount(
            problem.pair_to, weights=rho * problem.pair_support * direct[problem.pair_from], minlength=n_cand
        )
        score = direct + implied
    shift = np.maximum.reduceat(score, problem.item_start)[problem.cand_item]
    e = np.exp(score - shift)
    total = np.add.reduceat(e, problem.item_start)[problem.cand_item]
    compat = e.copy()
    if problem.compat_a.size:
        compat += np.bincount(problem.compat_a, weights=e[problem.compat_b], minlength=n_cand)
    rivals = total - compat  # incompatible candidates
    if problem.inner_of.size:
        # a rival inside another rival is counted in the outer one, which
        # has its votes (``nested_weight``): June 2012 and 2012 against
        # 2011 are one rival, not two
        inner = np.bincount(problem.inner_of, weights=e[problem.inner_rival], minlength=n_cand)
        rivals = rivals - params.nested_weight * inner
    unseen = np.maximum(params.n_false + 1.0 - problem.item_size, 0.0)[problem.cand_item]
    unseen_e = unseen * np.exp(-shift)
    confidence = e / (e + rivals + unseen_e)
    claimed_confidence = e / (e + rivals)  # among the claimed values only
    # leave-one-out: the claim's own vote and its dependents' taken out of
    # its value's score, the rivals as they are (what the others say)
    ec_loo = e[problem.claim_cand] * np.exp(-(1.0 - params.self_evidence) * votes - dependent_votes)
    cc = problem.claim_cand
    loo = ec_loo / (ec_loo + rivals[cc] + unseen_e[cc])
    others = problem.claim_others
    independent = np.divide(
        np.maximum(others - dependent_claims, 0.0), others, out=np.zeros_like(others), where=others > 0
    )
    # an item where every claim agrees says less about who is accurate
    # where it matters (and sources that copy one another agree most)
    weight = np.where(problem.claim_contested, 1.0, params.agreement_weight)
    return _State(confidence, loo, problem.claim_share * independent * weight, claimed_confidence)


def _accuracy(
    problem: _Problem, state: _State, prior: np.ndarray, has_prior: np.ndarray, params: TruthParams
) -> tuple[np.ndarray, np.ndarray]:
    """M-step: each source's leave-one-out accuracy, shrunk towards the mean
    by the amount of its evidence (a Beta prior of ``prior_strength``
    pseudo-claims). The mean is that of the sources (each weighted by how
    well its own figure is known), itself anchored at ``default_trust``
    by one pseudo-source; a ``trust`` from sources.toml replaces it for its
    source. Without evidence every source has the same accuracy: a
    majority vote."""
    n_src = len(problem.sources)
    claim_earned = state.loo_confidence * state.evidence
    earned = np.bincount(problem.claim_source, weights=claim_earned, minlength=n_src)
    weight = np.bincount(problem.claim_source, weights=state.evidence, minlength=n_src)
    k = params.prior_strength
    known = weight / (weight + k)
    raw = np.divide(earned, weight, out=np.zeros_like(earned), where=weight > 0)
    mean = (float(np.sum(known * raw)) + params.default_trust) / (float(np.sum(known)) + 1.0)
    if params.class_pooling > 0.0:
        # empirical Bayes by size: the mean a source is shrunk to is that of
        # the *other* sources of its size class (each weighted by how well
        # its own figure is known, as in the mean of all), itself shrunk to
        # the mean of all by ``class_pooling`` pseudo-sources: a class of a
        # few sources stays near the mean of all, a class of hundreds has a
        # mean of its own; whether small or big sources are the accurate
        # ones is learnt, not assumed
        cls = problem.source_class
        n_cls = int(cls.max()) + 1
        cls_sum = np.bincount(cls, weights=known * raw, minlength=n_cls)[cls] - known * raw
        cls_known = np.bincount(cls, weights=known, minlength=n_cls)[cls] - known
        m = params.class_pooling
        mean = (cls_sum + m * mean) / (cls_known + m)
    target = np.where(has_prior, prior, mean)
    accuracy = (k * target + earned) / (k + weight)
    # the accuracy a claim votes with leaves out the evidence of its own
    # item: a source is not trusted on an item for agreeing there
    n_rows = int(problem.claim_row.max()) + 1
    row_earned = np.bincount(problem.claim_row, weights=claim_earned, minlength=n_rows)[problem.claim_row]
    row_weight = np.bincount(problem.claim_row, weights=state.evidence, minlength=n_rows)[problem.claim_row]
    src = problem.claim_source
    claim_accuracy = (k * target[src] + earned[src] - row_earned) / np.maximum(k + weight[src] - row_weight, 1e-12)
    return accuracy, claim_accuracy


@dataclass(frozen=True, slots=True)
class _Dependence:
    llr: np.ndarray  # per source pair: log-odds that the two are dependent
    agree_true: np.ndarray  # per pair: what one shared item agreeing on a true value adds
    agree_false: np.ndarray  # ... on a false value
    confidence: np.ndarray  # per candidate: the P the evidence was weighed with

    def on_other_items(self, problem: _Problem) -> np.ndarray:
        """Per agreeing claim pair: the posterior that its two sources are
        dependent, from the items they share *other* than this one (two
        sources that meet once have no history: they keep the prior)."""
        p = self.confidence[problem.claim_cand[problem.agree_a]]
        pair = problem.agree_pair
        llr = self.llr[pair] - p * self.agree_true[pair] - (1.0 - p) * self.agree_false[pair]
        return 1.0 / (1.0 + np.exp(-np.clip(llr, -50.0, 50.0)))


def _dependence(
    problem: _Problem, accuracy: np.ndarray, confidence: np.ndarray, params: TruthParams
) -> _Dependence:
    """Posterior that each co-claiming source pair is dependent (Dong et al.
    2009, symmetric form): shared items where the two agree on a value that
    is true (weight P, against the other claimed values) or false (1 - P),
    or differ. (A hard choice instead of P cannot see mirrors that hold the
    majority: their shared errors are never outvoted.)"""
    n_pairs = len(problem.source_pairs)
    agree = problem.co_cand >= 0
    p_true = confidence[problem.co_cand[agree]]
    k_true = np.bincount(problem.co_pair[agree], weights=p_true, minlength=n_pairs)
    k_false = np.bincount(problem.co_pair[agree], weights=1.0 - p_true, minlength=n_pairs)
    k_diff = np.bincount(problem.co_pair[~agree], minlength=n_pairs).astype(np.float64)
    acc = np.clip(accuracy, 0.01, 0.99)
    a1 = acc[problem.source_pairs[:, 0]]
    a2 = acc[problem.source_pairs[:, 1]]
    a = 0.5 * (a1 + a2)
    c = params.copy_rate
    pt = a1 * a2  # independent: both right
    pf = (1.0 - a1) * (1.0 - a2) / params.n_false  # independent: the same wrong value
    agree_true = params.shared_truth_weight * np.log((a * c + pt * (1.0 - c)) / pt)
    agree_false = np.log(((1.0 - a) * c + pf * (1.0 - c)) / pf)
    llr = (
        k_true * agree_true
        + k_false * agree_false
        + k_diff * np.log(1.0 - c)
        + np.log(params.copy_prior / (1.0 - params.copy_prior))
    )
    return _Dependence(llr, agree_true, agree_false, confidence)


@dataclass(frozen=True, slots=True)
class PreparedClaims:
    """Claims deduplicated, grouped and indexed once (what does not depend
    on the tunable parameters), so that several parameter sets can be tried
    on one claim set (``solve``)."""

    problem: _Problem | None


def prepare(claims: Sequence[Claim], params: TruthParams = TruthParams()) -> PreparedClaims:
    """Index the claims (only ``max_pair_candidates`` and ``max_pair_sources`` of ``params`` matter here)."""
    return PreparedClaims(_build(claims, params) if claims else None)


def discover_truth(
    claims: Sequence[Claim],
    prior_trust: Mapping[str, float] | None = None,
    params: TruthParams = TruthParams(),
) -> TruthResult:
    """Choose, rank and score the values of every item; learn source trust.

    ``prior_trust`` maps source ids to a prior accuracy in (0, 1] (the
    ``trust`` of sources.toml); a source without one is shrunk towards the
    mean accuracy of the sources.
    """
    return solve(prepare(claims, params), prior_trust, params)


def solve(
    prepared: PreparedClaims,
    prior_trust: Mapping[str, float] | None = None,
    params: TruthParams = TruthParams(),
) -> TruthResult:
    """``discover_truth`` on claims prepared once."""
    problem = prepared.problem
    if problem is None:
        return TruthResult(MappingProxyType({}), MappingProxyType({}), 0, True)
    priors = prior_trust or {}
    prior = np.asarray([float(priors.get(s, params.default_trust)) for s in problem.sources], dtype=np.float64)
    prior = np.clip(prior, params.min_accuracy, 1.0 - params.min_accuracy)
    has_prior = np.asarray([s in priors for s in problem.sources], dtype=bool)
    accuracy = prior
    claim_accuracy = prior[problem.claim_source]
    state = _confidence(problem, claim_accuracy, None, params)
    iterations, converged = 0, False
    d = params.damping
    for iterations in range(1, params.max_iterations + 1):  # noqa: B007 - the count is reported after the loop
        target, claim_target = _accuracy(problem, state, prior, has_prior, params)
        new_accuracy = (1.0 - d) * accuracy + d * target
        new_claim_accuracy = (1.0 - d) * claim_accuracy + d * claim_target
        dependence = _dependence(problem, new_accuracy, state.claimed_confidence, params)
        delta = max(float(np.max(np.abs(new_accuracy - accuracy))), float(np.max(np.abs(new_claim_accuracy - claim_accuracy))))
        accuracy, claim_accuracy = new_accuracy, new_claim_accuracy
        state = _confidence(problem, claim_accuracy, dependence, params)
        if delta < params.tolerance:
            converged = True
            break
    trust = {s: float(a) for s, a in zip(problem.sources, accuracy)}
    return TruthResult(_Ranking(problem, state.confidence), MappingProxyType(trust), iterations, converged)


# --------------------------------------------------------------------------
# ranking


class _Ranking(Mapping[str, tuple[RankedValue, ...]]):
    """Items to their ranked candidates, ranked when first asked for (a
    caller reading a few items does not pay for all of them)."""

    def __init__(self, problem: _Problem, confidence: np.ndarray) -> None:
        self._problem = problem
        self._confidence = confidence
        self._index = {item: k for k, item in enumerate(problem.items)}
        self._cache: dict[str, tuple[RankedValue, ...]] = {}

    def __getitem__(self, item: str) -> tuple[RankedValue, ...]:
        ranked = self._cache.get(item)
        if ranked is None:
            ranked = self._cache[item] = _rank_item(self._problem, self._confidence, self._index[item])
        return ranked

    def __iter__(self):
        return iter(self._problem.items)

    def __len__(self) -> int:
        return len(self._problem.items)

    def __contains__(self, item: object) -> bool:
        return item in self._index


def _rank_item(problem: _Problem, confidence: np.ndarray, item_idx: int) -> tuple[RankedValue, ...]:
    start = int(problem.item_start[item_idx])
    cands = range(start, start + int(problem.item_size[item_idx]))
    values = problem.cand_values
    conf = {c: float(confidence[c]) for c in cands}
    keys = {c: sort_key(values[c]) for c in cands}
    width = {c: precision_days(values[c]) for c in cands}
    likely = [c for c in cands if conf[c] > 0.5 + _TIE]
    if likely:
        # the finest stated unit; at one unit (a span and a day in it, both
        # to the day) the value more sources state as it is, then the span
        # (the happening's extent, not one day of it)
        unit = {c: granularity(values[c]) for c in likely}
        preferred = min(likely, key=lambda c: (unit[c], -len(problem.cand_sources[c]), -width[c], -conf[c], keys[c]))
    else:
        preferred = min(cands, key=lambda c: (-conf[c], width[c], keys[c]))
    best = values[preferred]
    rows = [RankedValue(best, conf[preferred], problem.cand_sources[preferred], Rank.PREFERRED)]
    for c in sorted((c for c in cands if c != preferred), key=lambda c: (-conf[c], width[c], keys[c])):
        normal = compatible(values[c], best) or real_rival(conf[c], conf[preferred])
        rows.append(RankedValue(values[c], conf[c], problem.cand_sources[c], Rank.NORMAL if normal else Rank.DEPRECATED))
    return tuple(rows)


__all__ = ["Claim", "PreparedClaims", "RankedValue", "TruthParams", "TruthResult", "discover_truth", "prepare", "solve"]
