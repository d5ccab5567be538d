"""Fit the statement model of ``extractors/statement_model.py`` on the labelled sets.

Offline tool (reads the gold; never used at prediction time); one command,
to rerun whenever the statement rules or features change::

    python -m evaluation.train_statement_model evaluation/labels/statements/wcxb-dev \
        evaluation/labels/statements/wcxb-heldout evaluation/labels/statements/wcxb-unseen \
        evaluation/labels/statements/wcxb-fresh ../shared/eval/facts --pages ../shared/eval/boilerplate/wcxb-dev \
        [--out extractors/data/statement_model.json] [--no-write]

Each directory is a labelled set (a facts directory: one set per subject);
leaving one set out asks whether what is learned on the others carries to
it. The four WCXB sets (dev, heldout, unseen, fresh) are dev data (rules
were written from their errors); a further held-out set is scored elsewhere,
never fitted here.

1. Every labelled page is read by the pipeline (``process_documents``) and
   every candidate statement, kept or held back by the model in place, is
   judged the way ``factwatch eval statements`` judges (``score_page``):
   1 = it matches a gold statement with the right date.
2. A logistic regression (evaluation.logistic, on standardised features)
   gives the probability. Its feature set, among the base rate (none) and
   the candidate sets of ``FEATURE_SETS`` (less the features too rare to
   learn from), and the L2 strength are chosen by cross-validation across
   labelled sets (one fold per set, ``inner_folds``; by site when a
   training part has fewer than ``MIN_SETS`` sets) on the Brier score; features that move the probability by less than
   ``MIN_EFFECT`` for a standard deviation's change are pruned and the model
   refitted (``prune``).
3. The threshold under which a candidate is held back from ``events`` is
   the one with the best statement F1 on out-of-fold probabilities (the
   same folds across sets), among those that lose at most
   ``MAX_RECALL_LOSS`` of recall.
4. The figures (evaluation.statement_confidence): Brier and a 10-bin
   reliability table, cross-validated by site folds and leave one labelled
   set out (each of the given sets: a facts directory gives one per
   subject), against the base rate; steps 2 and 3 (feature set, pruning,
   strength, threshold) are repeated inside every outer fold: the figures
   are nested. Per set left out: statement P/R/F1 with the threshold and
   without it (the rules alone), Brier against the base rate (a facts
   directory also pooled); statement P/R per page type with and without
   the threshold, in-sample and cross-validated; the expected calibration
   error.
5. What is kept is decided on the held-out figures of step 4 (one check,
   no choice among candidates): the learned features only when their Brier
   score beats the base rate's across site folds, leaving a set out, AND
   for every labelled set left out (``held_out_choice``: a set-wide shift,
   a whole kind of page the features mislead on, is what a model fitted on
   other sets meets; a bootstrap over sites would mostly resample sites of
   the sets the model already fits). Else the model written is the base
   rate: every candidate gets the share of candidates that are right. The
   threshold only when it raises statement F1 both across site folds and
   leaving one labelled set out, and on EVERY labelled set left out raises
   precision without lowering F1 (else 0: nothing is held back).
6. The output says what is kept and why, with the per-set figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from evaluation.logistic import fit_logistic, predict
from evaluation.statements_eval import GoldPage, load_gold, score_page
from extractors.statement_model import FEATURES, MODEL_PATH, collecting_features

L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.0, 0.71, 0.05))
MAX_RECALL_LOSS = 0.02  # of the recall without the threshold (absolute)
FOLDS = 5
# The feature sets cross-validation chooses among (beside the base rate,
# none, always a candidate). "cues": what says whether a sentence states a
# dated happening (mood, tense, modality, negation, question, person, a named
# subject, where the date stands, whether it was resolved against the page's
# date, a full sentence, the block's role). Every feature (FEATURES: the
# page's aggregates too) is no candidate: across sites it does worse than
# the base rate (its Brier score is printed beside the others,
# ``brier_cv_sites_all_features``).
CUES = (
    "no_trigger", "by_parse", "anchored", "date_fronted", "date_opens_sentence", "trigger_distance", "present_tense",
    "future", "passive", "modal", "negated", "question", "deictic_now", "first_person", "second_person",
    "subject_named", "sentence_ends", "short_sentence", "role_point", "coarse", "after_page_date",
    "in_list_item", "in_table_cell", "in_caption", "in_quote", "dated_by_section",
)
MIN_SETS = 3  # labelled sets in a training part for its choices to be cross-validated across sets
MIN_SUPPORT = 10  # rows on each side of a yes/no feature for it to take part
# "shape": how the date stands in its sentence and whether the sentence has a
# finite verb (a number read as a year, "2025 <name>", "Accessed 4 Nov.
# 2025."): what the false statements of the second dev set (wcxb-heldout) share.
SHAPE = ("date_after_preposition", "date_before_noun", "bare_number", "explicit_year", "no_finite_verb")
# "general": cues meant to carry across sites, whatever the rules already filter: the block (a heading,
# a byline or call to action, the first sentence of its block, how far into it), the trigger a copula, the
# date in a name, possessive ("2024's biggest games"), coordinated with another date, written without a
# digit, resolved against an anchor on an undated page, how far before the page's date; the sentence's
# length, its dates, the imperative.
GENERAL = ("in_heading", "in_other_block", "first_in_block", "block_offset", "trigger_copula", "date_in_name",
           "date_possessive", "date_coordinated", "date_without_digit", "anchored_undated", "days_before_page_date",
           "log_words", "dates_in_sentence", "imperative")
FEATURE_SETS: dict[str, tuple[str, ...]] = {"cues": CUES, "cues+shape": CUES + SHAPE, "general": GENERAL,
                                            "cues+shape+general": CUES + SHAPE + GENERAL}
CANDIDATES: tuple[tuple[str, ...], ...] = ((), *FEATURE_SETS.values())  # the base rate first
# A feature whose standard deviation moves the probability by less than this
# (|weight| * p(1-p) at the mean) carries nothing worth its place: pruned.
MIN_EFFECT = 0.02


@dataclass
class Dataset:
    pages: list[GoldPage]
    candidates: dict[str, tuple]  # page id -> its candidate statements, in page order
    x: np.ndarray  # one row per candidate, pages in order
    y: np.ndarray
    page_of_row: np.ndarray  # page index of each row
    sites: list[str]  # per row
    groups: list[str]  # per row: the labelled set (wcxb-dev, or the facts subject)
    page_groups: list[str]  # per page: its labelled set
    page_dirs: list[str] = field(default_factory=list)  # per page: the directory given (facts: all subjects)

    def rows_of(self, page_index: int) -> np.ndarray:
        return np.flatnonzero(self.page_of_row == page_index)


def _labelled_sets(directories: Sequence[Path]) -> list[tuple[str, Path, str]]:
    """(set name, its directory, the directory given) of each labelled set."""
    out = []
    for d in directories:
        d = Path(d)
        subjects = sorted(p for p in d.iterdir() if (p / "gold.yaml").is_file()) if d.is_dir() else []
        if subjects and not (d / "gold.yaml").is_file():
            out.extend((s.name, s, d.name) for s in subjects)
        else:
            out.append((d.name, d, d.name))
    return out


def read_candidates(pages: Sequence[GoldPage], models=None) -> dict[str, tuple]:
    """Every candidate statement of each page, the ones the model holds back
    included, in page order."""
    from extractors.document import DocumentFailure, DocumentInput, process_documents
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    inputs = [DocumentInput(source_id=p.page_id, snapshot_sha256=hashlib.sha256(p.content).hexdigest(),
                            content=p.content, url=p.url or f"file:///{p.page_id}", fetched_at=p.fetched_at,
                            content_type=p.content_type) for p in pages]
    out: dict[str, tuple] = {}
    for start in range(0, len(inputs), 16):
        with collecting_features():  # every candidate's features, whatever the stored model weighs
            results = process_documents(inputs[start:start + 16], models)
        for res in results:
            if isinstance(res, DocumentFailure):
                out[res.source_id] = ()
                continue
            both = list(res.statements) + list(res.held_back)
            out[res.source_id] = tuple(sorted(both, key=lambda s: (s.char_start, s.date.char_start)))
    return out


def collect(directories: Sequence[Path], pages_dir: Path | None = None, models=None) -> Dataset:
    pages, groups_of_page, dirs_of_page = [], [], []
    for name, d, given in _labelled_sets(directories):
        for p in load_gold(d, pages_dir):
            pages.append(p)
            groups_of_page.append(name)
            dirs_of_page.append(given)
    candidates = read_candidates(pages, models)
    xs, ys, rows_page, sites, groups = [], [], [], [], []
    for i, (page, group) in enumerate(zip(pages, groups_of_page)):
        _, judged = score_page(page, candidates.get(page.page_id, ()))
        for j in judged:
            if len(j.statement.features) != len(FEATURES):
                raise ValueError(f"page {page.page_id}: a statement with {len(j.statement.features)} features, "
                                 f"expected {len(FEATURES)}")
            xs.append(j.statement.features)
            ys.append(float(j.correct))
            rows_page.append(i)
            sites.append(page.site)
            groups.append(group)
    return Dataset(pages, candidates, np.array(xs, dtype=float).reshape(-1, len(FEATURES)), np.array(ys),
                   np.array(rows_page, dtype=int), sites, groups, groups_of_page, dirs_of_page)


# ---------------------------------------------------------------- fitting


@dataclass(frozen=True)
class Fitted:
    columns: tuple[int, ...]  # into FEATURES
    mean: np.ndarray
    scale: np.ndarray
    w: np.ndarray
    b: float
    l2: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probabilities for rows of all FEATURES."""
        return predict((x[:, list(self.columns)] - self.mean) / self.scale, self.w, self.b)


def fit(x: np.ndarray, y: np.ndarray, l2: float, columns: Sequence[int] | None = None) -> Fitted:
    """A model on the given columns of ``x`` (rows of all FEATURES), standardised."""
    columns = tuple(range(x.shape[1])) if columns is None else tuple(columns)
    xc = x[:, list(columns)]
    mean = xc.mean(axis=0)
    scale = xc.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    w, b = fit_logistic((xc - mean) / scale, y, l2)
    return Fitted(columns, mean, scale, w, b, l2)


def site_folds(sites: Sequence[str], k: int = FOLDS) -> np.ndarray:
    """Fold of each row: sites hashed into k folds (stable across runs)."""
    return np.array([int(hashlib.sha1(s.encode()).hexdigest(), 16) % k for s in sites], dtype=int)


def set_folds(groups: Sequence[str]) -> np.ndarray:
    """Fold of each row: its labelled set."""
    names = sorted(set(groups))
    return np.array([names.index(g) for g in groups], dtype=int)


def inner_folds(sites: Sequence[str], groups: Sequence[str]) -> np.ndarray:
    """The folds choices are made on: one per labelled set (what a model
    meets on pages of another set is a set-wide shift that folds of sites
    mixing all sets hide), by site when fewer than MIN_SETS sets are there."""
    return set_folds(groups) if len(set(groups)) >= MIN_SETS else site_folds(sites)


def _oof_fixed(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float, columns: Sequence[int]) -> np.ndarray:
    p = np.full(len(y), float(y.mean()) if len(y) else 0.5)
    for f in np.unique(folds):
        test = folds == f
        if test.all() or len(np.unique(y[~test])) < 2:
            continue
        p[test] = fit(x[~test], y[~test], l2, columns).predict(x[test]) if columns else y[~test].mean()
    return p


def _cv_brier(x, y, folds, l2, columns) -> float:
    return float(np.mean((_oof_fixed(x, y, folds, l2, columns) - y) ** 2))


def _supported(column: np.ndarray) -> bool:
    """A feature the data can say something about: a graded one that
    varies, or a yes/no one with MIN_SUPPORT rows on each side."""
    values = np.unique(column)
    if len(values) > 2:
        return True
    on = int((column != values[0]).sum())
    return min(on, len(column) - on) >= MIN_SUPPORT


def choose_features(x: np.ndarray, y: np.ndarray, folds: np.ndarray, sets: Sequence[Sequence[str]]) -> tuple[int, ...]:
    """The feature set (of ``sets``, less the features too rare in these
    rows to learn from; the base rate always a candidate) with the lowest
    Brier score, cross-validated over ``folds``, each at its best strength."""
    best, best_score = (), _cv_brier(x, y, folds, 1.0, ())
    for names in sets:
        columns = tuple(c for c in (FEATURES.index(n) for n in names) if _supported(x[:, c]))
        if not columns:
            continue
        score = min(_cv_brier(x, y, folds, l2, columns) for l2 in L2_GRID)
        if score < best_score - 1e-9:
            best, best_score = columns, score
    return best


def choose_l2(x: np.ndarray, y: np.ndarray, folds: np.ndarray, columns: Sequence[int]) -> float:
    """The strength with the lowest Brier score, cross-validated over ``folds``."""
    return min(L2_GRID, key=lambda l2: (_cv_brier(x, y, folds, l2, columns), -l2))


def out_of_fold(x: np.ndarray, y: np.ndarray, sites: Sequence[str], groups: Sequence[str],
                columns: Sequence[int]) -> np.ndarray:
    """Out-of-fold probabilities on the given features over the inner folds
    (one per labelled set), the strength chosen inside each training part."""
    folds = inner_folds(sites, groups)
    p = np.full(len(y), float(y.mean()) if len(y) else 0.5)
    for f in np.unique(folds):
        test = folds == f
        if test.all() or len(np.unique(y[~test])) < 2:
            continue
        train_sites = [s for s, t in zip(sites, test) if not t]
        train_groups = [g for g, t in zip(groups, test) if not t]
        l2 = choose_l2(x[~test], y[~test], inner_folds(train_sites, train_groups), columns) if columns else 1.0
        p[test] = fit(x[~test], y[~test], l2, columns).predict(x[test]) if columns else y[~test].mean()
    return p


# ---------------------------------------------------------------- threshold


def counts_at(ds: Dataset, page_indices: Sequence[int], keep_row: np.ndarray | None):
    """Summed statement counts (statements_eval.Counts) per page type and
    overall of the given pages, keeping the candidates whose row is True in
    ``keep_row`` (None: all)."""
    from evaluation.statements_eval import Counts

    rows: dict[str, Counts] = {}
    overall = Counts()
    for i in page_indices:
        page = ds.pages[i]
        cands = ds.candidates.get(page.page_id, ())
        idx = ds.rows_of(i)
        keep = [c for c, r in zip(cands, idx) if keep_row is None or keep_row[r]]
        c, _ = score_page(page, keep)
        rows.setdefault(page.page_type, Counts()).add(c)
        overall.add(c)
    rows = dict(sorted(rows.items()))
    rows["overall"] = overall
    return rows


def choose_threshold(ds: Dataset, page_indices: Sequence[int], p: np.ndarray) -> float:
    """The threshold with the best F1 among those losing at most
    MAX_RECALL_LOSS of recall (ties: the lower threshold)."""
    base = counts_at(ds, page_indices, None)["overall"].metrics()
    best, best_key = 0.0, None
    for t in THRESHOLDS:
        m = counts_at(ds, page_indices, p >= t)["overall"].metrics()
        if (m["recall"] or 0.0) < (base["recall"] or 0.0) - MAX_RECALL_LOSS:
            continue
        key = (m["f1"] or 0.0, -t)
        if best_key is None or key > best_key:
            best, best_key = float(t), key
    return best


def prune(x: np.ndarray, y: np.ndarray, model: Fitted, min_effect: float = MIN_EFFECT) -> Fitted:
    """The model refitted without the features whose standard deviation
    moves the probability by less than ``min_effect`` (|w| * p(1-p) at the
    base rate): they carry nothing a reader of the confidence would notice.
    All of them gone: the base rate."""
    if not model.columns:
        return model
    share = float(np.clip(y.mean(), 1e-6, 1 - 1e-6))
    keep = tuple(c for c, w in zip(model.columns, model.w) if abs(w) * share * (1 - share) >= min_effect)
    return model if keep == model.columns else fit(x, y, model.l2, keep)


def train(ds: Dataset, page_indices: Sequence[int], sets: Sequence[Sequence[str]],
          fixed: bool = False) -> tuple[Fitted, float]:
    """Model and threshold from the given pages: feature set and strength
    by CV across their labelled sets, pruned; the threshold on the
    out-of-fold probabilities of these pages (with the features chosen here:
    selection is not repeated inside the threshold's folds). ``fixed``: the
    one feature set of ``sets`` (less the rare features), no choice and no
    pruning (to measure that set)."""
    pages = list(page_indices)
    rows = np.flatnonzero(np.isin(ds.page_of_row, pages))
    x, y = ds.x[rows], ds.y[rows]
    sites = [ds.sites[r] for r in rows]
    groups = [ds.groups[r] for r in rows]
    folds = inner_folds(sites, groups)
    if fixed:
        columns = tuple(c for c in (FEATURES.index(n) for n in sets[-1]) if _supported(x[:, c]))
        model = fit(x, y, choose_l2(x, y, folds, columns), columns)
    else:
        columns = choose_features(x, y, folds, sets)
        model = prune(x, y, fit(x, y, choose_l2(x, y, folds, columns), columns))
    if not model.columns:
        return model, 0.0
    p = np.zeros(len(ds.y))
    p[rows] = out_of_fold(x, y, sites, groups, model.columns)
    return model, choose_threshold(ds, pages, p)


def as_json(model: Fitted, threshold: float, ds: Dataset) -> dict:
    return {
        "features": [FEATURES[c] for c in model.columns],
        "mean": [round(float(v), 6) for v in model.mean],
        "scale": [round(float(v), 6) for v in model.scale],
        "weights": [round(float(v), 5) for v in model.w],
        "intercept": round(model.b, 5),
        "l2": model.l2,
        "threshold": threshold,
        "fitted_on": {"candidates": int(len(ds.y)), "pages": len(ds.pages), "sites": len(set(ds.sites)),
                      "sets": sorted(set(ds.groups))},
    }


def _f1(pr: dict) -> float:
    p, r = pr["overall"]["precision"] or 0.0, pr["overall"]["recall"] or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _sets_worse(result: dict) -> list[str]:
    """The labelled sets whose Brier score, left out, is no better than the base rate's."""
    return [g for g, v in result["loso"].items() if v["brier"] >= v["brier_base_rate"]]


def _sets_not_helped(result: dict) -> list[str]:
    """The labelled sets on which, left out, the threshold fitted on the
    other sets does not raise statement precision or lowers F1 (against the
    rules alone). Strict: a set on which it holds back nothing leaves
    precision as it is and so is one of them."""
    out = []
    for g, v in result["loso"].items():
        p0, p1 = v.get("precision_without") or 0.0, v.get("precision_with") or 0.0
        f0, f1 = v.get("f1_without") or 0.0, v.get("f1_with") or 0.0
        if p1 <= p0 + 1e-9 or f1 < f0 - 1e-9:
            out.append(g)
    return out


def held_out_choice(ds: Dataset, model: Fitted, threshold: float, result: dict) -> tuple[Fitted, float, list[str]]:
    """Keep the learned features and the threshold only where the held-out
    figures of ``result`` (statement_confidence.report) say they help (step 5):
    features only when better than the base rate by site, leaving a set out
    and on every labelled set left out; the threshold only when it raises
    statement F1 across site folds and leaving a set out, and on EVERY
    labelled set left out holds back something, raises precision and does
    not lower F1."""
    notes = []
    per_set = "; ".join(f"{g} {v['brier']} vs {v['brier_base_rate']}" for g, v in result["loso"].items())
    figures = (f"held-out Brier {result['brier_cv_sites']} by site, {result['brier_loso']} leaving a set out, vs base "
               f"rate {result['brier_cv_sites_base_rate']}, {result['brier_loso_base_rate']}; each set left out: {per_set}")
    worse = _sets_worse(result)
    if model.columns and (result["brier_cv_sites"] >= result["brier_cv_sites_base_rate"]
                          or result["brier_loso"] >= result["brier_loso_base_rate"] or worse):
        notes.append(f"features dropped ({', '.join(worse) or 'overall'} no better than the base rate): {figures}")
        model = fit(ds.x, ds.y, model.l2, ())
        if threshold > 0.0:
            notes.append(f"threshold {threshold} dropped: the base rate gives every candidate one probability")
        return model, 0.0, notes
    if model.columns:
        notes.append(f"features kept: {figures}")
    else:
        notes.append(f"no learned feature beats the base rate by site on all pages: {figures}")
    without, by_site, by_set = _f1(result["pr_without"]), _f1(result["pr_cv_sites"]), _f1(result["pr_loso"])
    f1s = f"statement F1 {by_site:.4f} across site folds, {by_set:.4f} leaving a set out, {without:.4f} without"
    failing = _sets_not_helped(result)
    if threshold > 0.0 and (by_site <= without + 1e-9 or by_set <= without + 1e-9 or failing):
        notes.append(f"threshold {threshold} dropped: {f1s}; precision not up or F1 down left out: "
                     f"{', '.join(failing) or 'none'}")
        threshold = 0.0
    elif threshold > 0.0:
        notes.append(f"threshold {threshold} kept: {f1s}")
    return model, threshold, notes


def main(argv: Sequence[str] | None = None) -> int:
    from evaluation.statement_confidence import report, table

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directories", type=Path, nargs="+")
    ap.add_argument("--pages", type=Path, default=None, help="the benchmark pages of the label dirs (default: each set's own, else the WCXB dev pages)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-write", action="store_true", help="measure only")
    ap.add_argument("--features", choices=(*FEATURE_SETS, "all"),
                    help="measure this one feature set, no choice (implies --no-write)")
    args = ap.parse_args(argv)
    if args.features:
        args.no_write = True
    ds = collect(args.directories, args.pages)
    # the feature set (base rate included), pruning, strength and threshold chosen on all pages across sets,
    # and again inside every outer fold of the report (nested); then one check on the held-out figures
    sets = ((FEATURE_SETS.get(args.features, FEATURES),) if args.features else CANDIDATES)
    fixed = bool(args.features)
    fitted, t = train(ds, range(len(ds.pages)), sets, fixed)
    result = report(ds, fitted, t, sets=sets, fixed=fixed)
    model, threshold, notes = held_out_choice(ds, fitted, t, result)
    result["kept"] = {"features": [FEATURES[c] for c in model.columns], "threshold": threshold, "notes": notes}
    if not args.no_write:
        args.out.write_text(json.dumps(as_json(model, threshold, ds), indent=1) + "\n", encoding="utf-8")
    print(table(result))
    what = (", ".join(result["kept"]["features"]) if model.columns
            else f"the base rate only (every candidate's confidence {float(model.predict(ds.x[:1])[0]):.3f})")
    print(f"fitted on all pages: {', '.join(FEATURES[c] for c in fitted.columns) or 'the base rate'}")
    print(f"kept: {what}; threshold {threshold}" + ("" if threshold else " (nothing held back)")
          + ("" if args.no_write else f"; written to {args.out}"))
    for note in notes:
        print("  " + note)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
