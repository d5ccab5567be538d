"""The statement model keeps its features and threshold only where held-out figures say they help."""

from __future__ import annotations

import numpy as np

from evaluation.train_statement_model import Dataset, Tried, fit, held_out_choice, pick_feature_set


def _dataset() -> Dataset:
    x = np.array([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    return Dataset([], {}, x, y, np.zeros(6, dtype=int), ["a"] * 6, ["g"] * 6, [])


def _result(brier_site, base_site, brier_loso, base_loso, f1_with, f1_without, f1_with_by_set=None) -> dict:
    def pr(f1):
        return {"overall": {"precision": f1, "recall": f1}}

    return {"brier_cv_sites": brier_site, "brier_cv_sites_base_rate": base_site, "brier_loso": brier_loso,
            "brier_loso_base_rate": base_loso, "pr_cv_sites": pr(f1_with), "pr_without": pr(f1_without),
            "pr_loso": pr(f1_with if f1_with_by_set is None else f1_with_by_set)}


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


def test_the_kept_feature_set_with_the_lowest_brier_leaving_a_set_out_is_written():
    ds = _dataset()
    learned, base = fit(ds.x, ds.y, 1.0, (0,)), fit(ds.x, ds.y, 1.0, ())
    a = Tried("a", learned, 0.0, [], {"brier_loso": 0.15})
    b = Tried("b", learned, 0.0, [], {"brier_loso": 0.14})
    dropped = Tried("c", base, 0.0, [], {"brier_loso": 0.10})
    assert pick_feature_set([a, dropped, b]).name == "b"
    assert pick_feature_set([dropped, Tried("d", base, 0.0, [], {"brier_loso": 0.2})]).name == "c"
