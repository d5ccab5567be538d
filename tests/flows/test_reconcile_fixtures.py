"""Multi-source fixtures through the whole pipeline: conflict, refinement, supersession."""

import pandas as pd
import pytest

from flows.pipeline import run_flow

pytestmark = pytest.mark.slow

PAGES = {
    "alpha": "Mongolia and NATO\n\nNATO and Mongolia signed the Individual Partnership and Cooperation Programme in 2012.\n",
    "beta": "Partners\n\nMongolia signed its Individual Partnership and Cooperation Programme with NATO on 4 June 2012.\n",
    "gamma": "Archive\n\nThe Individual Partnership and Cooperation Programme was signed by NATO and Mongolia in 2013.\n",
}


def write(root, pages):
    for name, text in pages.items():
        (root / f"{name}.txt").write_text(text)


def facts_about(data, name="Individual Partnership and Cooperation Programme"):
    facts = pd.read_parquet(data / "curated" / "facts.parquet")
    return facts[facts.participants.map(lambda p: name in p)]


def test_conflict_refinement_and_supersession(prefect_harness, tmp_path):
    write(tmp_path, PAGES)
    sources = tmp_path / "sources.toml"
    sources.write_text('subject = ["NATO", "Mongolia"]\n' + "".join(
        f'[[sources]]\nid = "{n}"\npath = "{n}.txt"\n' for n in PAGES))
    data = tmp_path / "data"

    run_flow(str(sources), str(data))
    (fact,) = facts_about(data).itertuples()
    assert fact.status == "conflicting" and fact.n_sources == 3
    values = pd.read_parquet(data / "curated" / "fact_values.parquet").set_index("value")
    assert values.loc["2012-06-04", "rank"] == "preferred"  # the most precise supported value
    assert values.loc["2012", "rank"] == "normal"  # compatible, coarser
    assert list(values.loc["2013", "source_ids"]) == ["gamma"] and values.loc["2013", "rank"] != "preferred"

    # gamma corrects itself: its old statement is superseded, the conflict is gone
    write(tmp_path, {"gamma": PAGES["gamma"].replace("in 2013", "in June 2012")})
    summary = run_flow(str(sources), str(data))
    (fact2,) = facts_about(data).itertuples()
    assert fact2.fact_id == fact.fact_id
    assert fact2.status == "corroborated" and fact2.n_sources == 3
    values = pd.read_parquet(data / "curated" / "fact_values.parquet").set_index("value")
    assert bool(values.loc["2013", "superseded"]) and values.loc["2013", "rank"] == "deprecated"
    changes = pd.read_parquet(data / "curated" / "changes.parquet")
    mine = changes[changes.run_id == summary.run_id]
    assert list(mine.field) == ["status"] and list(mine.after) == ["corroborated"]
