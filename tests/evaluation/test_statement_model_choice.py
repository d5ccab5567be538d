"""The statement model keeps its features and threshold only where held-out figures say they help."""

from __future__ import annotations

import numpy as np

from evaluation.train_statement_model import Dataset, fit, held_out_choice, prune


def _dataset() -> Dataset:
    x = np.array([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    return Dataset([], {}, x, y, np.zeros(6, dtype=int), ["a"] * 6, ["g"] * 6, [])


def _result(brier_site, base_site, brier_loso, base_loso, f1_with, f1_without, f1_with_by_set=None, loso=None,
            per_set=None) -> dict:
    """Held-out figures as statement_confidence.report gives them; ``per_set``:
    {set: (precision without, F1 without, precision with, F1 with)} (default:
    every set helped as the pooled figures say)."""
    def pr(f1):
        return {"overall": {"precision": f1, "recall": f1}}

    loso = loso if loso is not None else {"a": (brier_loso, base_loso), "b": (brier_loso, base_loso)}
    with_by_set = f1_with if f1_with_by_set is None else f1_with_by_set
    per_set = per_set or {g: (f1_without, f1_without, with_by_set, with_by_set) for g in loso}
    return {"brier_cv_sites": brier_site, "brier_cv_sites_base_rate": base_site, "brier_loso": brier_loso,
            "brier_loso_base_rate": base_loso, "pr_cv_sites": pr(f1_with), "pr_without": pr(f1_without),
            "pr_loso": pr(with_by_set),
            "loso": {g: {"brier": b, "brier_base_rate": base, "precision_without": per_set[g][0], "f1_without": per_set[g][1],
                         "precision_with": per_set[g][2], "f1_with": per_set[g][3]} for g, (b, base) in loso.items()}}


def test_features_and_threshold_that_do_not_help_held_out_are_dropped():
    ds = _dataset()
    model = fit(ds.x, ds.y, 1.0, (0,))
    kept, threshold, notes = held_out_choice(ds, model, 0.6, _result(0.124, 0.123, 0.131, 0.126, 0.836, 0.836))
    assert kept.columns == () and threshold == 0.0 and len(notes) == 2
    # the base rate: every candidate gets the share that is right
    assert np.allclose(kept.predict(ds.x), ds.y.mean(), atol=1e-3)


def test_features_and_threshold_that_help_held_out_stay():
    ds = _dataset()
    model = fit(ds.x, ds.y, 1.0, (0,))
    kept, threshold, notes = held_out_choice(ds, model, 0.6, _result(0.10, 0.12, 0.11, 0.12, 0.85, 0.83))
    assert kept is model and threshold == 0.6 and [n.split(":")[0] for n in notes] == ["features kept", "threshold 0.6 kept"]
    # a threshold that raises F1 across site folds but lowers it leaving a labelled set out: dropped
    kept, threshold, notes = held_out_choice(ds, model, 0.6, _result(0.10, 0.12, 0.11, 0.12, 0.85, 0.83, 0.80))
    assert kept is model and threshold == 0.0 and notes[-1].startswith("threshold 0.6 dropped")
    # better across sites but not across labelled sets: dropped
    kept, _, _ = held_out_choice(ds, model, 0.6, _result(0.10, 0.12, 0.13, 0.12, 0.85, 0.83))
    assert kept.columns == ()


def test_features_better_overall_but_worse_than_the_base_rate_on_one_set_left_out_are_dropped():
    ds = _dataset()
    model = fit(ds.x, ds.y, 1.0, (0,))
    # the whole margin from one set: better by site and leaving a set out, worse on "paris"
    result = _result(0.12, 0.14, 0.150, 0.155, 0.85, 0.83, loso={"paris": (0.149, 0.139), "heldout": (0.40, 0.42)})
    kept, threshold, notes = held_out_choice(ds, model, 0.6, result)
    assert kept.columns == () and threshold == 0.0
    assert notes[0].startswith("features dropped (paris ") and "heldout 0.4 vs 0.42" in notes[0]


def test_features_that_move_the_probability_by_less_than_the_floor_are_pruned():
    rng = np.random.default_rng(0)
    signal = rng.integers(0, 2, 400).astype(float)
    noise = rng.integers(0, 2, 400).astype(float)
    y = np.where(rng.random(400) < np.where(signal == 1, 0.9, 0.4), 1.0, 0.0)
    x = np.column_stack([signal, noise])
    model = fit(x, y, 30.0, (0, 1))
    assert prune(x, y, model).columns == (0,)
    # nothing carries: the base rate
    flat = prune(x, y, fit(x, y, 30.0, (1,)))
    assert flat.columns == () and np.allclose(flat.predict(x), y.mean(), atol=1e-3)


def test_a_threshold_is_kept_only_when_every_set_left_out_gains_precision_without_losing_f1():
    ds = _dataset()
    model = fit(ds.x, ds.y, 1.0, (0,))
    # better pooled, but on set "b" it holds back nothing (precision and F1 as they were): dropped
    per_set = {"a": (0.80, 0.80, 0.90, 0.85), "b": (0.90, 0.85, 0.90, 0.85)}
    kept, threshold, notes = held_out_choice(ds, model, 0.6, _result(0.10, 0.12, 0.11, 0.12, 0.85, 0.83, per_set=per_set))
    assert kept is model and threshold == 0.0 and notes[-1].startswith("threshold 0.6 dropped") and notes[-1].endswith(": b")
    # precision up on "b" but its F1 down: dropped
    per_set["b"] = (0.90, 0.85, 0.95, 0.84)
    _, threshold, _ = held_out_choice(ds, model, 0.6, _result(0.10, 0.12, 0.11, 0.12, 0.85, 0.83, per_set=per_set))
    assert threshold == 0.0
    # precision up and F1 held on both: kept
    per_set["b"] = (0.90, 0.85, 0.95, 0.85)
    _, threshold, _ = held_out_choice(ds, model, 0.6, _result(0.10, 0.12, 0.11, 0.12, 0.85, 0.83, per_set=per_set))
    assert threshold == 0.6
