"""Truth discovery: which of the values sources claim for an item is true.

Family
------
An iterative source-trust algorithm of the Accu / TruthFinder / Investment
family (Dong, Berti-Equille & Srivastava 2009; Yin, Han & Yu 2008;
Pasternack & Roth 2010): values claimed by trustworthy sources are believed,
and sources whose claims are believed become trustworthy. It alternates two
steps until the source accuracies settle.

E-step (values). Every source ``s`` has an accuracy ``A(s)``. Its claim is a
vote ``tau(s) = ln(1 + n * A / (1 - A))`` for the claimed value: Accu's vote
count ``ln(n * A / (1 - A))`` (``n`` = ``n_false`` wrong values per item)
kept positive, which for ``n = 1`` is TruthFinder's ``-ln(1 - A)``. (With
Accu's raw log-odds, sources below ``1 / (n + 1)`` get no or negative votes,
and on data where every value is spelled many ways -- book author lists --
all accuracies sank below that and every vote vanished.) A candidate
value's score is the votes for it plus
``rho * support(other -> it)`` of the votes for every other candidate of the
item (TruthFinder's implication; ``facts.values.support``: close numbers,
equal clock readings, a finer date implying the coarser one). Its
confidence is the posterior against the candidates it is *incompatible*
with, plus the ``n + 1 - k`` wrong values nobody claimed (score 0)::

    P(v) = e^score(v) / (e^score(v) + sum_{w incompatible with v} e^score(w) + unseen)

Nested dates are compatible, so 2012 and 4 June 2012 do not compete.

M-step (sources). A source's accuracy is the mean confidence of its claims,
smoothed towards a prior with ``prior_strength`` pseudo-claims; the update
is damped (half old, half new) so the iteration settles instead of
flipping between two states.

What changed against the textbook versions, and why
---------------------------------------------------
1. Leave-one-out accuracy. A claim is scored with the source's own vote
   taken out (the confidence the *other* sources give its value), and only
   claims on items other sources also speak about count. Otherwise a
   prolific source's vote decides every contest it is in and then confirms
   its own accuracy (EM's self-confirmation); an uncontested claim says
   nothing about a source.
2. Priors by volume (the "dampening" of low-evidence sources). Sources are
   grouped by the order of magnitude of their claim count
   (``floor(log2(claims))``); each group's prior is the accuracy its members
   earn together (smoothed towards ``default_trust`` with
   ``group_prior_strength`` pseudo-claims), and a source is smoothed
   towards its group's prior. A one-claim source thus starts from what
   one-claim sources are worth in this data, not from a constant. A
   ``trust`` prior from sources.toml replaces the group prior of its source.
3. Volume dilution (Investment's "a source spreads its credibility over its
   claims", softened): a source with more claims than the typical source of
   a contested claim (``volume_ref``, the median over contested claims of
   their source's claim count) votes with
   ``(volume_ref / claims) ** volume_exponent`` of its weight. Bulk sources
   (bots, aggregators, feeds) make systematic errors that repeat across
   many items; a source that claims little is likelier to have looked.
   Sources of similar size are unaffected. This is a prior, and it has a
   price: when one big source really is the most accurate among many small
   noisy ones, it is outvoted (on a synthetic set of that shape, 0.75
   against 0.94 without dilution, majority vote 0.86). On population it is
   what lifts accuracy from 0.82 to 0.89; on sources of similar volume
   (flight-like data) it does nothing.
4. Copy detection (Dong et al. 2009, simplified): for every pair of sources
   that claim values for the same items, the posterior that one copies the
   other, from how often they agree on true values, agree on false values
   (likely for copiers, unlikely for independent sources) and differ. When
   dependent sources agree, their votes are discounted by
   ``1 - copy_rate * P(dependent)``, shared between the two in proportion
   to the other's vote (a continuous form of Dong et al.'s ordering, which
   made the iteration flip between states), so a group of copiers does not
   outvote one accurate independent source.
5. Typed values: similarity and implication instead of string equality,
   and claims that state the same value in different formats merged into
   one candidate (``facts.values.canonical_values``).

The first E-step uses the priors (``default_trust`` for every source without
one: a majority vote). One algorithm, one parameter set
(``TruthParams()``), no per-dataset switches.

Choosing and ranking (Wikidata's model)
---------------------------------------
- preferred: the most precise candidate whose confidence exceeds 1/2 (only
  pairwise compatible values can: incompatible values share a denominator);
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

from facts.values import (
    Value,
    canonical_values,
    compatible,
    precision_days,
    sort_key,
    support,
)

RANKS = ("preferred", "normal", "deprecated")
_TIE = 1e-9  # confidences closer than this are equal (float summation noise)


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
    rank: str  # one of RANKS


@dataclass(frozen=True, slots=True)
class TruthParams:
    """The one parameter set (no per-dataset switches). The defaults are the
    values ``python -m evaluation.truth_select`` chooses by leave-one-dataset-out
    over the benchmark and generated regimes."""

    n_false: float = 1.0  # wrong values an item is assumed to admit
    similarity_weight: float = 0.5  # rho: share of a similar value's votes
    prior_strength: float = 4.0  # Beta pseudo-claims at the mean accuracy
    default_trust: float = 0.8  # accuracy before any evidence (the first step is a majority vote)
    copy_rate: float = 0.8  # c: how much of its values a copier copies
    copy_prior: float = 0.2  # prior probability that two sources are dependent
    shared_truth_weight: float = 0.0  # how much agreeing on true values counts towards copying
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
    pair_from: np.ndarray  # candidate pairs with support > 0
    pair_to: np.ndarray
    pair_support: np.ndarray
    compat_a: np.ndarray  # compatible candidate pairs, both directions
    compat_b: np.ndarray
    source_pairs: np.ndarray  # (n, 2) sources that co-claim an item
    co_pair: np.ndarray  # one row per (source pair, shared item)
    co_cand: np.ndarray  # the candidate both claim there, -1 if they differ
    agree_a: np.ndarray  # claim pairs of two sources on one candidate
    agree_b: np.ndarray
    agree_pair: np.ndarray


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
    compat_a: list[int] = []
    compat_b: list[int] = []

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
        if len(ordered) > 1:
            pool = sorted(range(len(ordered)), key=lambda k: (-len(values[ordered[k]]), k))
            pool = sorted(pool[: params.max_pair_candidates])
            for i in pool:
                for j in pool:
                    if i == j:
                        continue
                    sup = support(ordered[i], ordered[j])
                    if sup > 0.0:
                        pair_from.append(first + i)
                        pair_to.append(first + j)
                        pair_support.append(sup)
                    if compatible(ordered[i], ordered[j]):
                        compat_a.append(first + i)
                        compat_b.append(first + j)

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
        pair_from=ints(pair_from),
        pair_to=ints(pair_to),
        pair_support=np.asarray(pair_support, dtype=np.float64),
        compat_a=ints(compat_a),
        compat_b=ints(compat_b),
        source_pairs=pairs.sources,
        co_pair=pairs.co_pair,
        co_cand=pairs.co_cand,
        agree_a=pairs.agree_a,
        agree_b=pairs.agree_b,
        agree_pair=pairs.agree_pair,
    )


# --------------------------------------------------------------------------
# the two steps


@dataclass(frozen=True, slots=True)
class _State:
    confidence: np.ndarray  # per candidate
    loo_confidence: np.ndarray  # per claim: confidence the other, independent sources give its value
    evidence: np.ndarray  # per claim: how much that says about its source (0: nobody else, or only copies)


def _confidence(
    problem: _Problem, accuracy: np.ndarray, dependence: np.ndarray | None, params: TruthParams
) -> _State:
    """E-step: confidence of every candidate given source accuracies."""
    n_cand = len(problem.cand_values)
    acc = np.clip(accuracy, params.min_accuracy, 1.0 - params.min_accuracy)
    tau = np.log1p(params.n_false * acc / (1.0 - acc))
    votes = tau[problem.claim_source] * problem.claim_share
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
        cp = params.copy_rate * dependence[problem.agree_pair]
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
        implied = np.bincount(
            problem.pair_to, weights=problem.pair_support * direct[problem.pair_from], minlength=n_cand
        )
        score = direct + params.similarity_weight * implied
    shift = np.maximum.reduceat(score, problem.item_start)[problem.cand_item]
    e = np.exp(score - shift)
    total = np.add.reduceat(e, problem.item_start)[problem.cand_item]
    compat = e.copy()
    if problem.compat_a.size:
        compat += np.bincount(problem.compat_a, weights=e[problem.compat_b], minlength=n_cand)
    rivals = total - compat  # incompatible candidates
    unseen = np.maximum(params.n_false + 1.0 - problem.item_size, 0.0)[problem.cand_item]
    unseen_e = unseen * np.exp(-shift)
    confidence = e / (e + rivals + unseen_e)
    # leave-one-out: the claim's own vote and its dependents' taken out of
    # its value's score, the rivals as they are (what the others say)
    ec_loo = e[problem.claim_cand] * np.exp(-votes - dependent_votes)
    cc = problem.claim_cand
    loo = ec_loo / (ec_loo + rivals[cc] + unseen_e[cc])
    others = problem.claim_others
    independent = np.divide(
        np.maximum(others - dependent_claims, 0.0), others, out=np.zeros_like(others), where=others > 0
    )
    return _State(confidence, loo, problem.claim_share * independent)


def _accuracy(
    problem: _Problem, state: _State, prior: np.ndarray, has_prior: np.ndarray, params: TruthParams
) -> np.ndarray:
    """M-step: each source's leave-one-out accuracy, shrunk towards the mean
    by the amount of its evidence (a Beta prior of ``prior_strength``
    pseudo-claims). The mean is that of the sources (each weighted by how
    well its own figure is known), itself anchored at ``default_trust``
    by one pseudo-source; a ``trust`` from sources.toml replaces it for its
    source. Without evidence every source has the same accuracy: a
    majority vote."""
    n_src = len(problem.sources)
    earned = np.bincount(problem.claim_source, weights=state.loo_confidence * state.evidence, minlength=n_src)
    weight = np.bincount(problem.claim_source, weights=state.evidence, minlength=n_src)
    k = params.prior_strength
    known = weight / (weight + k)
    raw = np.divide(earned, weight, out=np.zeros_like(earned), where=weight > 0)
    mean = (float(np.sum(known * raw)) + params.default_trust) / (float(np.sum(known)) + 1.0)
    target = np.where(has_prior, prior, mean)
    return (k * target + earned) / (k + weight)


def _dependence(
    problem: _Problem, accuracy: np.ndarray, confidence: np.ndarray, params: TruthParams
) -> np.ndarray:
    """Posterior that each co-claiming source pair is dependent (Dong et al.
    2009, symmetric form): shared items where the two agree on a value that
    is true (weight P) or false (weight 1 - P), or differ."""
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
    llr = (
        params.shared_truth_weight * k_true * np.log((a * c + pt * (1.0 - c)) / pt)
        + k_false * np.log(((1.0 - a) * c + pf * (1.0 - c)) / pf)
        + k_diff * np.log(1.0 - c)
        + np.log(params.copy_prior / (1.0 - params.copy_prior))
    )
    return 1.0 / (1.0 + np.exp(-np.clip(llr, -50.0, 50.0)))


def discover_truth(
    claims: Sequence[Claim],
    prior_trust: Mapping[str, float] | None = None,
    params: TruthParams = TruthParams(),
) -> TruthResult:
    """Choose, rank and score the values of every item; learn source trust.

    ``prior_trust`` maps source ids to a prior accuracy in (0, 1] (the
    ``trust`` of sources.toml); sources without one get a prior learned
    from sources of similar volume.
    """
    if not claims:
        return TruthResult(MappingProxyType({}), MappingProxyType({}), 0, True)
    problem = _build(claims, params)
    priors = prior_trust or {}
    prior = np.asarray([float(priors.get(s, params.default_trust)) for s in problem.sources], dtype=np.float64)
    prior = np.clip(prior, params.min_accuracy, 1.0 - params.min_accuracy)
    has_prior = np.asarray([s in priors for s in problem.sources], dtype=bool)
    accuracy = prior
    state = _confidence(problem, accuracy, None, params)
    iterations, converged = 0, False
    for iterations in range(1, params.max_iterations + 1):
        target = _accuracy(problem, state, prior, has_prior, params)
        new_accuracy = (1.0 - params.damping) * accuracy + params.damping * target
        dependence = _dependence(problem, new_accuracy, state.confidence, params)
        delta = float(np.max(np.abs(new_accuracy - accuracy)))
        accuracy = new_accuracy
        state = _confidence(problem, accuracy, dependence, params)
        if delta < params.tolerance:
            converged = True
            break
    trust = {s: float(a) for s, a in zip(problem.sources, accuracy)}
    return TruthResult(MappingProxyType(_rank(problem, state.confidence)), MappingProxyType(trust), iterations, converged)


# --------------------------------------------------------------------------
# ranking


def _rank(problem: _Problem, confidence: np.ndarray) -> dict[str, tuple[RankedValue, ...]]:
    ranked: dict[str, tuple[RankedValue, ...]] = {}
    conf = confidence.tolist()
    values = problem.cand_values
    keys = [sort_key(v) for v in values]
    width = [precision_days(v) for v in values]
    for item_idx, item in enumerate(problem.items):
        start = int(problem.item_start[item_idx])
        cands = range(start, start + int(problem.item_size[item_idx]))
        likely = [c for c in cands if conf[c] > 0.5 + _TIE]
        if likely:
            preferred = min(likely, key=lambda c: (width[c], -conf[c], keys[c]))
        else:
            preferred = min(cands, key=lambda c: (-conf[c], width[c], keys[c]))
        best = values[preferred]
        rows = [RankedValue(best, conf[preferred], problem.cand_sources[preferred], "preferred")]
        for c in sorted((c for c in cands if c != preferred), key=lambda c: (-conf[c], width[c], keys[c])):
            normal = compatible(values[c], best) or conf[c] >= 0.5 * conf[preferred] - _TIE
            rows.append(
                RankedValue(values[c], conf[c], problem.cand_sources[c], "normal" if normal else "deprecated")
            )
        ranked[item] = tuple(rows)
    return ranked


__all__ = ["RANKS", "Claim", "RankedValue", "TruthParams", "TruthResult", "discover_truth"]
