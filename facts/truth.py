"""Truth discovery: which of the values sources claim for an item is true.

Family and model
----------------
An iterative source-trust algorithm of the TruthFinder / Accu family
(Yin et al. 2008; Dong, Berti-Equille & Srivastava 2009): values claimed by
trustworthy sources are believed, and sources whose claims are believed
become trustworthy. The shape is Accu's Bayesian vote:

- every source ``s`` has an accuracy ``A(s)``; its claim counts as a vote of
  ``tau(s) = ln(n * A / (1 - A))`` for the claimed value, where ``n`` is the
  number of wrong values an item is assumed to admit (``n_false``). A vote is
  never negative (``tau >= 0``).
- a candidate value's score adds the votes for it and, TruthFinder's
  implication, a share ``rho * support(other -> it)`` of the votes for every
  other candidate of the item (``facts.values.support``: close numbers, equal
  clock readings, a finer date implying the coarser one), so that a cluster of
  near-identical claims outweighs one isolated value.
- a candidate's confidence is the Bayesian posterior with the candidates it is
  *incompatible* with as the alternatives: ``P(v) = e^score(v) / (e^score(v) +
  sum_{w incompatible with v} e^score(w) + unseen)``, ``unseen`` counting the
  ``n + 1 - k`` wrong values nobody claimed (score 0). Nested dates are
  compatible, so 2012 and 4 June 2012 do not compete.
- a source's accuracy is the mean confidence of its claims, smoothed towards
  its prior with ``prior_strength`` pseudo-claims:
  ``A(s) = (alpha * A0(s) + sum P) / (alpha + |claims(s)|)``.
  ``A0(s)`` is the ``trust`` prior of sources.toml when given, else
  ``default_trust``. A source that claims several values for one item splits
  one claim's weight among them (in its vote and in its accuracy).

What changed against the textbook versions, and why
---------------------------------------------------
- Smoothing with pseudo-claims (the "dampening" of low-evidence sources).
  Most web sources make one or two claims; unsmoothed, a lone claim that
  nobody contradicts makes its source perfectly trustworthy and a lone
  contradicted claim makes it worthless, so ties between small sources are
  decided by noise. With pseudo-claims a small source stays near the prior
  and only sources with many claims earn (or lose) trust.
- Accu's posterior fixes TruthFinder's runaway: an uncontested claim gets
  ``P = A(s)`` back, not a confidence near 1, so sources that mostly make
  uncontested claims do not inflate their own trust; trust is learned where
  sources meet.
- Similarity and implication between typed values instead of string
  equality (numbers close, clock times equal after normalisation, dates
  nested), and compatibility-aware posteriors for nested dates.

Choosing and ranking (Wikidata's model)
---------------------------------------
- preferred: the most precise candidate whose confidence exceeds 1/2 (at
  most one chain of pairwise compatible values can: incompatible values
  share a denominator). If no candidate exceeds 1/2, the candidate with the
  highest confidence (ties: more precise, then the value order).
- normal: a candidate compatible with the preferred one (it contains it or
  matches it, e.g. "2012" when "4 June 2012" is preferred) or whose
  confidence is at least half the preferred one's (a real rival).
- deprecated: every other candidate (incompatible and weakly supported).

Determinism and cost
--------------------
Claims are deduplicated and sorted (item, source, value order) before any
arithmetic, so the result does not depend on input order. Arrays are sparse,
linear in claims plus candidate pairs within an item (pairs are only formed
among the ``max_pair_candidates`` most claimed candidates of an item).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from facts.values import Value, compatible, more_precise, precision_days, sort_key, support

RANKS = ("preferred", "normal", "deprecated")


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
    """The one parameter set (no per-dataset switches)."""

    n_false: float = 10.0  # wrong values an item is assumed to admit
    similarity_weight: float = 0.5  # rho: share of a similar value's votes
    prior_strength: float = 2.0  # alpha: pseudo-claims at the prior accuracy
    default_trust: float = 0.8  # A0 of a source without a prior
    max_iterations: int = 50
    tolerance: float = 1e-6
    max_pair_candidates: int = 200
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
        """Candidates of an item, preferred first, then by confidence."""
        return list(self._ranked.get(item, ()))

    def best(self, item: str) -> Value | None:
        ranked = self._ranked.get(item)
        return ranked[0].value if ranked else None


@dataclass(slots=True)
class _Problem:
    items: list[str]
    sources: list[str]
    cand_values: list[Value]
    cand_item: np.ndarray  # item index per candidate (candidates grouped by item)
    item_start: np.ndarray  # first candidate index per item
    item_size: np.ndarray  # candidates per item
    claim_source: np.ndarray
    claim_cand: np.ndarray
    claim_share: np.ndarray  # 1 / values the source claims for the item
    pair_from: np.ndarray
    pair_to: np.ndarray
    pair_support: np.ndarray
    compat_a: np.ndarray  # compatible (a, b) pairs, a != b, both directions
    compat_b: np.ndarray
    cand_sources: list[tuple[str, ...]] = field(default_factory=list)


def _build(claims: Sequence[Claim], params: TruthParams) -> _Problem:
    unique = {(c.item, c.source, c.value) for c in claims}
    by_item: dict[str, dict[Value, set[str]]] = {}
    for item, source, value in unique:
        by_item.setdefault(item, {}).setdefault(value, set()).add(source)
    items = sorted(by_item)
    sources = sorted({s for _, s, _ in unique})
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
            cand_values.append(value)
            cand_item.append(item_idx)
            srcs = tuple(sorted(values[value]))
            cand_sources.append(srcs)
            for s in srcs:
                claim_source.append(source_index[s])
                claim_cand.append(cand)
                claim_share.append(1.0 / per_source[s])
        if len(ordered) > 1:
            # pairs among the most claimed candidates only (bounded cost)
            pool = sorted(
                range(len(ordered)), key=lambda k: (-len(values[ordered[k]]), k)
            )[: params.max_pair_candidates]
            pool.sort()
            for i in pool:
                for j in pool:
                    if i == j:
                        continue
                    a, b = ordered[i], ordered[j]
                    sup = support(a, b)
                    if sup > 0.0:
                        pair_from.append(first + i)
                        pair_to.append(first + j)
                        pair_support.append(sup)
                    if compatible(a, b):
                        compat_a.append(first + i)
                        compat_b.append(first + j)

    item_start_arr = np.asarray(item_start, dtype=np.int64)
    item_size = np.diff(np.append(item_start_arr, len(cand_values)))
    return _Problem(
        items=items,
        sources=sources,
        cand_values=cand_values,
        cand_item=np.asarray(cand_item, dtype=np.int64),
        item_start=item_start_arr,
        item_size=item_size,
        claim_source=np.asarray(claim_source, dtype=np.int64),
        claim_cand=np.asarray(claim_cand, dtype=np.int64),
        claim_share=np.asarray(claim_share, dtype=np.float64),
        pair_from=np.asarray(pair_from, dtype=np.int64),
        pair_to=np.asarray(pair_to, dtype=np.int64),
        pair_support=np.asarray(pair_support, dtype=np.float64),
        compat_a=np.asarray(compat_a, dtype=np.int64),
        compat_b=np.asarray(compat_b, dtype=np.int64),
        cand_sources=cand_sources,
    )


def _confidence(problem: _Problem, accuracy: np.ndarray, params: TruthParams) -> np.ndarray:
    n_cand = len(problem.cand_values)
    acc = np.clip(accuracy, params.min_accuracy, 1.0 - params.min_accuracy)
    tau = np.maximum(np.log(params.n_false * acc / (1.0 - acc)), 0.0)
    votes = tau[problem.claim_source] * problem.claim_share
    direct = np.bincount(problem.claim_cand, weights=votes, minlength=n_cand)
    score = direct
    if problem.pair_from.size:
        implied = np.bincount(
            problem.pair_to,
            weights=problem.pair_support * direct[problem.pair_from],
            minlength=n_cand,
        )
        score = direct + params.similarity_weight * implied
    top = np.maximum.reduceat(score, problem.item_start)
    shift = top[problem.cand_item]
    e = np.exp(score - shift)
    total = np.add.reduceat(e, problem.item_start)[problem.cand_item]
    compat = e.copy()
    if problem.compat_a.size:
        compat += np.bincount(problem.compat_a, weights=e[problem.compat_b], minlength=n_cand)
    unseen = np.maximum(params.n_false + 1.0 - problem.item_size, 0.0)[problem.cand_item]
    denominator = e + (total - compat) + unseen * np.exp(-shift)
    return e / denominator


def _accuracy(
    problem: _Problem, confidence: np.ndarray, prior: np.ndarray, params: TruthParams
) -> np.ndarray:
    n_src = len(problem.sources)
    earned = np.bincount(
        problem.claim_source,
        weights=confidence[problem.claim_cand] * problem.claim_share,
        minlength=n_src,
    )
    weight = np.bincount(problem.claim_source, weights=problem.claim_share, minlength=n_src)
    return (params.prior_strength * prior + earned) / (params.prior_strength + weight)


def discover_truth(
    claims: Sequence[Claim],
    prior_trust: Mapping[str, float] | None = None,
    params: TruthParams = TruthParams(),
) -> TruthResult:
    """Choose, rank and score the values of every item; learn source trust."""
    if not claims:
        return TruthResult(MappingProxyType({}), MappingProxyType({}), 0, True)
    problem = _build(claims, params)
    priors = prior_trust or {}
    prior = np.asarray(
        [float(priors.get(s, params.default_trust)) for s in problem.sources], dtype=np.float64
    )
    prior = np.clip(prior, params.min_accuracy, 1.0 - params.min_accuracy)
    accuracy = prior.copy()
    confidence = _confidence(problem, accuracy, params)
    iterations, converged = 0, False
    for iterations in range(1, params.max_iterations + 1):
        new_accuracy = _accuracy(problem, confidence, prior, params)
        delta = float(np.max(np.abs(new_accuracy - accuracy)))
        accuracy = new_accuracy
        confidence = _confidence(problem, accuracy, params)
        if delta < params.tolerance:
            converged = True
            break
    ranked = _rank(problem, confidence)
    trust = {s: float(a) for s, a in zip(problem.sources, accuracy)}
    return TruthResult(MappingProxyType(ranked), MappingProxyType(trust), iterations, converged)


def _rank(problem: _Problem, confidence: np.ndarray) -> dict[str, tuple[RankedValue, ...]]:
    ranked: dict[str, tuple[RankedValue, ...]] = {}
    conf = confidence.tolist()
    for item_idx, item in enumerate(problem.items):
        start = int(problem.item_start[item_idx])
        cands = list(range(start, start + int(problem.item_size[item_idx])))
        values = problem.cand_values

        def order(c: int) -> tuple:
            return (-conf[c], precision_days(values[c]), sort_key(values[c]))

        likely = [c for c in cands if conf[c] > 0.5]
        if likely:
            preferred = min(likely, key=lambda c: (precision_days(values[c]), -conf[c], sort_key(values[c])))
        else:
            preferred = min(cands, key=order)
        rows = [
            RankedValue(values[preferred], conf[preferred], problem.cand_sources[preferred], "preferred")
        ]
        for c in sorted((c for c in cands if c != preferred), key=order):
            v = values[c]
            if (
                compatible(v, values[preferred])
                or more_precise(values[preferred], v)
                or conf[c] >= 0.5 * conf[preferred]
            ):
                rank = "normal"
            else:
                rank = "deprecated"
            rows.append(RankedValue(v, conf[c], problem.cand_sources[c], rank))
        ranked[item] = tuple(rows)
    return ranked


__all__ = ["RANKS", "Claim", "RankedValue", "TruthParams", "TruthResult", "discover_truth"]
