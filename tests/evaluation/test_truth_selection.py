"""Generated truth regimes and the leave-one-dataset-out choice of parameters."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest

from evaluation.truth_eval import (
    behaviour_failures,
    dataset_dirs,
    evaluate,
    read_dataset,
    run_cli,
    select_parameters,
    selection_score,
)
from evaluation.truth_fixtures import (
    GENERATED,
    write_big_accurate,
    write_copiers,
    write_duplicated,
    write_small_accurate,
)
from facts.truth import TruthParams, discover_truth


def _claims(directory):
    with (directory / "claims.csv").open(newline="", encoding="utf-8") as fh:
        return [(r["item"], r["source"], r["value"]) for r in csv.DictReader(fh)]


def test_generated_sets_are_deterministic(tmp_path):
    for name, writer in GENERATED.items():
        a = writer(tmp_path / "a" / name)
        b = writer(tmp_path / "b" / name)
        assert (a / "claims.csv").read_bytes() == (b / "claims.csv").read_bytes(), name
        assert (a / "gold.csv").read_bytes() == (b / "gold.csv").read_bytes(), name
    other = write_copiers(tmp_path / "c", seed=99)
    assert (other / "claims.csv").read_bytes() != (tmp_path / "a" / "copiers" / "claims.csv").read_bytes()


def test_copiers_repeat_the_hub_errors_included(tmp_path):
    ds = read_dataset(write_copiers(tmp_path / "copiers"))
    said = {(c.item, c.source): c.value for c in ds.claims}
    gold = dict(ds.gold)
    shared = [(item, v) for (item, source), v in said.items() if source == "copier-0" and (item, "hub") in said]
    assert sum(v == said[(item, "hub")] for item, v in shared) / len(shared) > 0.8
    hub_wrong = [item for (item, source), v in said.items() if source == "hub" and item in gold and v != gold[item]]
    assert len(hub_wrong) > 200  # the hub is mediocre, and its errors are copied


def test_big_accurate_has_one_big_source_among_small_ones(tmp_path):
    claims = _claims(write_big_accurate(tmp_path / "big"))
    per_source = defaultdict(int)
    for _, source, _ in claims:
        per_source[source] += 1
    sizes = sorted(per_source.values(), reverse=True)
    assert sizes[0] > 1500 and sizes[1] <= 60 and len(sizes) > 300


def test_duplicated_mirrors_repeat_every_claim(tmp_path):
    claims = _claims(write_duplicated(tmp_path / "dup"))
    by_source = defaultdict(set)
    for item, source, value in claims:
        by_source[source].add((item, value))
    assert by_source["wire"] == by_source["wire-mirror-5"]
    assert by_source["source-0"] != by_source["source-1"]


def test_small_accurate_states_dates_at_several_precisions(tmp_path):
    ds = read_dataset(write_small_accurate(tmp_path / "small"))
    precisions = {c.value.precision for c in ds.claims if hasattr(c.value, "precision")}
    assert {"day", "month"} <= precisions
    assert any(type(c.value).__name__ == "Number" for c in ds.claims)  # bare years


def test_selection_score_charges_shortfalls_below_majority_vote():
    assert selection_score([0.9, 0.8], [0.7, 0.7]) == pytest.approx(0.85)
    assert selection_score([0.9, 0.6], [0.7, 0.7]) == pytest.approx(0.75 - 2.0 * 0.1)


def test_leave_one_dataset_out_chooses_without_the_held_out_set(tmp_path):
    sets = [
        read_dataset(write_copiers(tmp_path / "copiers", items=200)),
        read_dataset(write_duplicated(tmp_path / "dup", items=200)),
        read_dataset(write_big_accurate(tmp_path / "big", items=300)),
    ]
    candidates = [TruthParams(), TruthParams(copy_prior=0.5, prior_strength=1.0), TruthParams(copy_rate=0.0)]
    report = select_parameters(sets, candidates)
    acc = [[evaluate(d, discover_truth(d.claims, params=p), 0.0).accuracy for d in sets] for p in candidates]
    eligible = [i for i, p in enumerate(candidates) if not behaviour_failures(p)]
    assert eligible and report.eligible == len(eligible)
    for j, row in enumerate(report.rows):
        others = [k for k in range(len(sets)) if k != j]
        best = max(
            eligible,
            key=lambda i: (selection_score([acc[i][k] for k in others], [report.rows[k].majority_vote for k in others]), -i),
        )
        assert row.held_out == pytest.approx(acc[best][j])
        assert row.held_out_params == candidates[best]
    assert "held out" in report.table() and "copiers" in report.table()


def test_dataset_dirs_expands_a_folder_of_data_sets(tmp_path):
    write_copiers(tmp_path / "sets" / "b", items=30)
    write_duplicated(tmp_path / "sets" / "a", items=30)
    assert [d.name for d in dataset_dirs([tmp_path / "sets"])] == ["a", "b"]
    with pytest.raises(FileNotFoundError, match="no claims.csv"):
        dataset_dirs([tmp_path])


def test_several_sets_print_one_row_each_and_their_figures(tmp_path):
    write_copiers(tmp_path / "sets" / "copiers", items=60)
    write_duplicated(tmp_path / "sets" / "duplicated", items=60)
    text, metrics = run_cli([tmp_path / "sets"])
    assert "majority vote" in text and "truth discovery" in text
    assert [line.split()[0] for line in text.splitlines()[2:]] == ["copiers", "duplicated"]
    assert set(metrics) == {"copiers", "duplicated"}
    assert {"accuracy", "majority_vote_accuracy"} <= set(metrics["copiers"])


def test_selection_needs_two_data_sets_or_more(tmp_path):
    with pytest.raises(ValueError, match="two or more"):
        run_cli([write_copiers(tmp_path / "copiers", items=30)], select=True)
    with pytest.raises(ValueError, match="no data set"):
        run_cli([])
