"""Calibrating the ``confidence`` of dated statements on the labelled dev sets.

A statement's confidence is meant as the probability that it is a real
dated statement with the right date (what ``factwatch eval statements``
counts as a match). The model is a logistic regression over a few simple
features of the statement (``extractors.statement_model.CONFIDENCE_FEATURES``:
trigger part of speech, found by the parse, tense, date precision and role,
a named subject, sentence length, ...), L2-regularised, fitted by Newton's
method in numpy (a dozen weights: no learning library needed).

Honesty: the figures that matter are the **cross-validated** ones. Pages
are grouped by site and split into folds by site (a site is never in the
training and the test part of one fold); every statement gets an
out-of-fold probability, and the reliability table and Brier score are
computed on those. The feature set (``FEATURE_SETS``: all, a compact one,
none = the base rate) and the regularisation strength (``L2_GRID``) are
chosen by an inner cross-validation by site inside each outer fold
(nested), and for the stored model by cross-validation by site over all
pages. The reference is the base rate of the training folds, scored the same way. The
in-sample figures of the final model are printed beside them.

``python -m evaluation.statement_confidence [--write] DIR...`` prints the
tables and the last-line JSON; ``--write`` stores the model fitted on all
pages in ``extractors/data/statement_confidence.json``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from evaluation.statements_eval import DEFAULT_PAGES, load_gold, read_pages, score_page

MODEL_PATH = Path(__file__).resolve().parents[1] / "extractors" / "data" / "statement_confidence.json"
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
FOLDS = 5
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 50) -> tuple[np.ndarray, float]:
    """Weights and intercept of an L2-regularised logistic regression (intercept not penalised)."""
    n, k = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(k + 1)
    reg = np.full(k + 1, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(k + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], float(w[-1])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def site_folds(sites: Sequence[str], k: int = FOLDS) -> np.ndarray:
    """Fold of each row: sites hashed into k folds (stable across runs)."""
    return np.array([int(hashlib.sha1(s.encode()).hexdigest(), 16) % k for s in sites])


def reliability(p: np.ndarray, y: np.ndarray) -> list[dict]:
    rows = []
    for lo, hi in zip(BINS[:-1], BINS[1:]):
        m = (p >= lo) & (p < hi)
        if m.any():
            rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": int(m.sum()),
                         "mean_confidence": round(float(p[m].mean()), 3), "share_correct": round(float(y[m].mean()), 3)})
    return rows


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return round(float(np.mean((p - y) ** 2)), 4)


def collect(directories: Sequence[Path], pages_dir: Path = DEFAULT_PAGES) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, labels (1 = matched a gold statement with the right date) and site of every statement."""
    pages = [p for d in directories for p in load_gold(Path(d), pages_dir)]
    statements = read_pages(pages)
    xs, ys, sites = [], [], []
    for page in pages:
        _, judged = score_page(page, statements.get(page.page_id, ()))
        for j in judged:
            xs.append(j.statement.features)
            ys.append(1.0 if j.correct else 0.0)
            sites.append(page.site)
    return np.array(xs, dtype=float), np.array(ys), sites


# Feature sets the cross-validation chooses among (with the strength): all of
# them, a compact set of the parse's evidence, and none (the base rate).
FEATURE_SETS = {
    "all": None,
    "compact": ("by_parse", "past_tense", "day", "month", "year", "subject_named", "sentence_ends", "short_sentence"),
    "base-rate": (),
}


def _columns(names: Sequence[str] | None) -> list[int]:
    all_names = _names()
    return list(range(len(all_names))) if names is None else [all_names.index(n) for n in names]


def _cv_brier(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float) -> float:
    oof = np.full(len(y), np.nan)
    for f in np.unique(folds):
        test = folds == f
        if test.all():
            continue
        w, b = fit_logistic(x[~test], y[~test], l2)
        oof[test] = predict(x[test], w, b)
    ok = ~np.isnan(oof)
    return float(np.mean((oof[ok] - y[ok]) ** 2))


def choose_model(x: np.ndarray, y: np.ndarray, sites: Sequence[str]) -> tuple[str, float]:
    """The feature set and strength with the lowest Brier score, cross-validated by site."""
    folds = site_folds(sites)
    grid = [(name, l2) for name in FEATURE_SETS for l2 in (L2_GRID if FEATURE_SETS[name] != () else (1.0,))]
    return min(grid, key=lambda c: _cv_brier(x[:, _columns(FEATURE_SETS[c[0]])], y, folds, c[1]))


def calibrate(x: np.ndarray, y: np.ndarray, sites: Sequence[str]) -> dict:
    """Nested cross-validation by site: in each outer fold, the feature set and
    strength are chosen by an inner cross-validation on the training sites
    only, so the out-of-fold probabilities never saw their own sites."""
    folds = site_folds(sites)
    oof = np.zeros(len(y))
    base_oof = np.zeros(len(y))
    for f in range(FOLDS):
        test = folds == f
        if not test.any() or test.all():
            continue
        train_sites = [s for s, t in zip(sites, test) if not t]
        name, l2 = choose_model(x[~test], y[~test], train_sites)
        cols = _columns(FEATURE_SETS[name])
        w, b = fit_logistic(x[~test][:, cols], y[~test], l2)
        oof[test] = predict(x[test][:, cols], w, b)
        base_oof[test] = y[~test].mean()
    name, l2 = choose_model(x, y, sites)
    cols = _columns(FEATURE_SETS[name])
    w, b = fit_logistic(x[:, cols], y, l2)
    ins = predict(x[:, cols], w, b)
    old = _previous_heuristic(x)
    names = [_names()[c] for c in cols]
    return {
        "brier_previous_heuristic": brier(old, y),
        "statements": int(len(y)), "share_correct": round(float(y.mean()), 4), "sites": len(set(sites)),
        "brier_cv": brier(oof, y), "brier_in_sample": brier(ins, y), "brier_base_rate": brier(base_oof, y),
        "reliability_cv": reliability(oof, y), "reliability_in_sample": reliability(ins, y),
        "model": {"weights": dict(zip(names, (round(float(v), 4) for v in w))), "intercept": round(b, 4),
                  "feature_set": name, "l2": l2, "fitted_on": int(len(y))},
    }


def _previous_heuristic(x: np.ndarray) -> np.ndarray:
    """The hand-set score confidence was before calibration (for comparison)."""
    f = {n: x[:, i] for i, n in enumerate(_names())}
    verbal = np.maximum(f["trigger_verb"], f["trigger_noun"])
    c = 0.45 + f["by_parse"] * np.where(verbal > 0, 0.25, 0.1) + 0.15 * (1 - f["anchored"])
    c += 0.1 * (f["participants"] > 0) + 0.04 * np.maximum(f["day"], f["month"])
    return np.clip(c, 0.05, 0.99)


def _names() -> tuple[str, ...]:
    from extractors.statement_model import CONFIDENCE_FEATURES

    return CONFIDENCE_FEATURES


def table(result: dict) -> str:
    lines = [f"{result['statements']} statements from {result['sites']} sites, {result['share_correct']:.3f} correct",
             f"Brier: cross-validated by site {result['brier_cv']:.4f}, in-sample {result['brier_in_sample']:.4f}, "
             f"base rate (of the training folds) {result['brier_base_rate']:.4f}, previous hand-set score {result['brier_previous_heuristic']:.4f}",
             f"{'bin':<10}{'n':>5}{'conf(cv)':>10}{'correct':>9}"]
    for r in result["reliability_cv"]:
        lines.append(f"{r['bin']:<10}{r['n']:>5}{r['mean_confidence']:>10.3f}{r['share_correct']:>9.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    write = "--write" in args
    dirs = [Path(a) for a in args if a != "--write"]
    if not dirs:
        print("usage: python -m evaluation.statement_confidence [--write] DIR...", file=sys.stderr)
        return 2
    x, y, sites = collect(dirs)
    result = calibrate(x, y, sites)
    if write:
        MODEL_PATH.write_text(json.dumps(result["model"], indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(json.dumps({k: v for k, v in result.items() if k != "reliability_in_sample"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
