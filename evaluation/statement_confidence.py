"""How much the ``confidence`` of dated statements means, and what its threshold costs.

A statement's confidence is meant as the probability that it is a real
dated statement with the right date (what ``factwatch eval statements``
counts as a match); the model and its threshold are fitted by
``evaluation.train_statement_model``. The figures here:

* Brier score and a 10-bin reliability table of the probabilities,
  **cross-validated by site** (5 folds of sites hashed; the feature set,
  its pruning, the strength and the threshold are chosen inside each
  training part: nested) and **leave one
  labelled set out** (the WCXB dev pages, the wcxb-heldout pages (a second dev set), each
  facts subject; per set: its share right against the mean confidence the
  other sets give it), beside the
  base rate of the training part scored the same way, and in-sample;
* statement precision and recall per page type without the threshold
  (every candidate kept, as before the model), and with it, in-sample and
  cross-validated the same two ways.

``python -m evaluation.statement_confidence DIR...`` prints them (the same
as ``python -m evaluation.train_statement_model --no-write DIR...``; add
``--features cues|cues+shape|general|cues+shape+general|all`` to measure
one feature set with no choice); the last line is one JSON object.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np

TRADEOFF = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8)  # fixed thresholds on the out-of-fold probabilities
BINS = tuple(round(b, 1) for b in np.linspace(0.0, 1.0, 11))


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return round(float(np.mean((p - y) ** 2)), 4) if len(y) else float("nan")


def reliability(p: np.ndarray, y: np.ndarray, bins: Sequence[float] = BINS) -> list[dict]:
    """Per bin of probability: how many, their mean probability, the share correct."""
    rows = []
    edges = list(bins[:-1]) + [bins[-1] + 1e-9]
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (p >= lo) & (p < hi)
        if m.any():
            rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": int(m.sum()),
                         "mean_confidence": round(float(p[m].mean()), 3), "share_correct": round(float(y[m].mean()), 3)})
    return rows


def ece(p: np.ndarray, y: np.ndarray, bins: Sequence[float] = BINS) -> float:
    """Expected calibration error: |mean probability - share right| per
    bin of ``reliability``, weighted by the bin's share of rows."""
    rows = reliability(p, y, bins)
    return round(sum(r["n"] * abs(r["mean_confidence"] - r["share_correct"]) for r in rows) / max(len(y), 1), 4)


def f1(m: dict) -> float | None:
    p, r = m["precision"], m["recall"]
    return None if p is None or r is None else (round(2 * p * r / (p + r), 4) if p + r else 0.0)


def _held_out_row(ds, pages: list[int], rows: np.ndarray, p: np.ndarray, base: np.ndarray, keep: np.ndarray) -> dict:
    """A left-out set's figures: its candidates, share right, mean held-out
    confidence against the base rate of the other sets, Brier of both,
    statement P/R/F1 without the threshold (the rules alone) and with it."""
    from evaluation.train_statement_model import counts_at

    y = ds.y
    without = counts_at(ds, pages, None)["overall"].metrics()
    with_t = counts_at(ds, pages, keep)["overall"].metrics()
    return {"candidates": int(rows.sum()), "share_correct": round(float(y[rows].mean()), 3),
            "mean_confidence": round(float(p[rows].mean()), 3), "base_rate": round(float(base[rows].mean()), 3),
            "brier": brier(p[rows], y[rows]), "brier_base_rate": brier(base[rows], y[rows]),
            "held_back": int((~keep[rows]).sum()),
            "precision_without": without["precision"], "recall_without": without["recall"], "f1_without": f1(without),
            "precision_with": with_t["precision"], "recall_with": with_t["recall"], "f1_with": f1(with_t)}


def _set_at(ds, pages: list[int], keep: np.ndarray) -> dict:
    from evaluation.train_statement_model import counts_at

    m = counts_at(ds, pages, keep)["overall"].metrics()
    return {"precision": m["precision"], "recall": m["recall"], "f1": f1(m)}


def _pr(rows) -> dict:
    return {k: {"precision": c.metrics()["precision"], "recall": c.metrics()["recall"], "system": c.system,
                "gold": c.gold} for k, c in rows.items()}


def report(ds, model, threshold: float, sets, fixed: bool = False) -> dict:
    """All figures for a dataset (train_statement_model.Dataset) and the model
    fitted on all of it; ``sets``: the candidate feature sets, chosen among
    inside every outer fold."""
    from evaluation.train_statement_model import counts_at, out_of_fold, site_folds, train

    y = ds.y
    all_pages = list(range(len(ds.pages)))
    # cross-validated by site: model, threshold and strength from the other sites
    page_folds = site_folds([p.site for p in ds.pages])
    row_folds = page_folds[ds.page_of_row]
    p_cv = np.zeros(len(y))
    base_cv = np.zeros(len(y))
    keep_cv = np.ones(len(y), dtype=bool)
    thresholds_cv = []
    for f in np.unique(page_folds):
        test = row_folds == f
        m, t = train(ds, np.flatnonzero(page_folds != f), sets, fixed)
        p_cv[test] = m.predict(ds.x[test])
        base_cv[test] = y[~test].mean()
        keep_cv[test] = p_cv[test] >= t
        thresholds_cv.append(t)
    # leave one labelled set out
    p_lo = np.zeros(len(y))
    base_lo = np.zeros(len(y))
    keep_lo = np.ones(len(y), dtype=bool)
    by_set = {}
    page_groups = np.array(ds.page_groups)
    row_groups = page_groups[ds.page_of_row]
    for g in sorted(set(ds.page_groups)):
        test = row_groups == g
        if (page_groups == g).all():
            continue
        m, t = train(ds, np.flatnonzero(page_groups != g), sets, fixed)
        p_lo[test] = m.predict(ds.x[test])
        base_lo[test] = y[~test].mean()
        keep_lo[test] = p_lo[test] >= t
        by_set[g] = _held_out_row(ds, np.flatnonzero(page_groups == g).tolist(), test, p_lo, base_lo, keep_lo)
        by_set[g]["threshold"] = t
    # a directory of several sets (the facts subjects) also as one row, its sets' held-out figures pooled
    page_dirs = np.array(ds.page_dirs) if len(ds.page_dirs) == len(ds.pages) else page_groups
    pooled = {}
    for d in sorted(set(page_dirs.tolist())):
        if len(set(page_groups[page_dirs == d].tolist())) > 1 and all(g in by_set for g in set(page_groups[page_dirs == d])):
            pooled[d] = _held_out_row(ds, np.flatnonzero(page_dirs == d).tolist(), page_dirs[ds.page_of_row] == d,
                                      p_lo, base_lo, keep_lo)
    p_in = model.predict(ds.x)
    p_all = out_of_fold(ds.x, y, ds.sites, ds.groups, tuple(range(ds.x.shape[1])))
    return {
        "candidates": int(len(y)), "pages": len(ds.pages), "sites": len(set(ds.sites)),
        "share_correct": round(float(y.mean()), 4), "l2": model.l2, "threshold": threshold,
        "brier_in_sample": brier(p_in, y), "brier_cv_sites": brier(p_cv, y), "brier_cv_sites_base_rate": brier(base_cv, y),
        "brier_cv_sites_all_features": brier(p_all, y), "brier_loso": brier(p_lo, y), "brier_loso_base_rate": brier(base_lo, y),
        "thresholds_cv_sites": thresholds_cv, "loso": by_set, "loso_pooled": pooled,
        "ece_cv_sites": ece(p_cv, y), "ece_loso": ece(p_lo, y), "ece_loso_base_rate": ece(base_lo, y),
        "reliability_cv_sites": reliability(p_cv, y), "reliability_loso": reliability(p_lo, y),
        "reliability_in_sample": reliability(p_in, y),
        "pr_without": _pr(counts_at(ds, all_pages, None)),
        "pr_in_sample": _pr(counts_at(ds, all_pages, p_in >= threshold)),
        "pr_cv_sites": _pr(counts_at(ds, all_pages, keep_cv)),
        "pr_loso": _pr(counts_at(ds, all_pages, keep_lo)),
        "tradeoff_loso": {g: {t: _set_at(ds, np.flatnonzero(page_groups == g).tolist(), p_lo >= t) for t in TRADEOFF}
                          for g in by_set},
        "tradeoff_cv_sites": {t: {k: v for k, v in _pr(counts_at(ds, all_pages, p_cv >= t))["overall"].items()
                                  if k in ("precision", "recall")} for t in TRADEOFF},
    }


def table(result: dict) -> str:
    r = result
    lines = [
        f"{r['candidates']} candidate statements on {r['pages']} pages of {r['sites']} sites, {r['share_correct']:.3f} correct",
        f"Brier: cross-validated by site {r['brier_cv_sites']:.4f} (base rate {r['brier_cv_sites_base_rate']:.4f}); "
        f"leave one set out {r['brier_loso']:.4f} (base rate {r['brier_loso_base_rate']:.4f}); in-sample {r['brier_in_sample']:.4f}",
        f"every feature instead of the chosen ones: {r['brier_cv_sites_all_features']:.4f} cross-validated across sets",
        f"fitted threshold, before the held-out check {r['threshold']} (chosen per site fold: {r['thresholds_cv_sites']}), L2 {r['l2']}",
        f"expected calibration error (10 bins): by site {r['ece_cv_sites']:.4f}; leave one set out {r['ece_loso']:.4f} "
        f"(base rate {r['ece_loso_base_rate']:.4f})",
        "reliability (cross-validated by site | leave one set out):",
        f"{'bin':<9}{'n':>5}{'conf':>7}{'right':>7}   {'n':>5}{'conf':>7}{'right':>7}",
    ]
    lo = {b["bin"]: b for b in r["reliability_loso"]}
    cv = {b["bin"]: b for b in r["reliability_cv_sites"]}
    for name in sorted(set(lo) | set(cv)):
        a, b = cv.get(name), lo.get(name)
        left = f"{a['n']:>5}{a['mean_confidence']:>7.3f}{a['share_correct']:>7.3f}" if a else f"{'':>19}"
        right = f"{b['n']:>5}{b['mean_confidence']:>7.3f}{b['share_correct']:>7.3f}" if b else ""
        lines.append(f"{name:<9}{left}   {right}")
    lines.append("each labelled set held out, the model and threshold fitted on the other sets: candidates, share right, "
                 "mean confidence (base rate of the others), Brier (base rate's), threshold, held back, "
                 "statement P/R/F1 without (the rules alone) -> with")
    for g, s in list(r["loso"].items()) + [(f"{d} (pooled)", v) for d, v in r.get("loso_pooled", {}).items()]:
        lines.append(f"  {g:<22}{s['candidates']:>5} {s['share_correct']:.3f} {s['mean_confidence']:.3f} ({s['base_rate']:.3f}) "
                     f"{s['brier']:.4f} ({s['brier_base_rate']:.4f}) t={s.get('threshold', '-')!s:<5}{s['held_back']:>4}  "
                     f"{s['precision_without']}/{s['recall_without']}/{s['f1_without']} -> "
                     f"{s['precision_with']}/{s['recall_with']}/{s['f1_with']}")
    lines.append("statement P/R per page type: without threshold | in-sample | CV by site | leave one set out")

    def cell(d):
        return f"{d['precision'] if d['precision'] is not None else '-'!s:>6}/{d['recall'] if d['recall'] is not None else '-'!s:<6}"

    for k in r["pr_without"]:
        lines.append(f"  {k:<22}" + " | ".join(cell(r[c][k]) for c in ("pr_without", "pr_in_sample", "pr_cv_sites", "pr_loso")))
    lines.append("each set left out, P/R/F1 at fixed thresholds on its held-out probabilities:")
    for g, by_t in r.get("tradeoff_loso", {}).items():
        lines.append(f"  {g:<22}" + ", ".join(f"{t}: {v['precision']}/{v['recall']}/{v['f1']}" for t, v in by_t.items()))
    lines.append("overall P/R at fixed thresholds on the probabilities cross-validated by site: " + ", ".join(
        f"{t}: {v['precision']}/{v['recall']}" for t, v in r["tradeoff_cv_sites"].items()))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from evaluation.train_statement_model import main as train_main

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m evaluation.statement_confidence DIR...", file=sys.stderr)
        return 2
    return train_main(["--no-write", *args])


if __name__ == "__main__":
    raise SystemExit(main())
