"""End to end through the real Prefect flow, on the seed pages."""

from datetime import date

import pandas as pd
import pytest

from flows.pipeline import run_flow

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_run(prefect_harness, tmp_path_factory):
    import shutil

    from tests.support import MFAT_PAGE, NATO_PAGE

    root = tmp_path_factory.mktemp("seeds")
    (root / "pages").mkdir()
    for p in (NATO_PAGE, MFAT_PAGE):
        shutil.copy(p, root / "pages" / p.name)
    sources = root / "sources.toml"
    sources.write_text(
        'subject = ["NATO", "New Zealand"]\n'
        f'[[sources]]\nid = "nato-nz"\npath = "pages/{NATO_PAGE.name}"\ntrust = 0.8\n'
        f'[[sources]]\nid = "mfat-nato"\npath = "pages/{MFAT_PAGE.name}"\ntrust = 0.8\n'
    )
    data = root / "data"
    first = run_flow(str(sources), str(data))
    tables = {t: pd.read_parquet(data / "curated" / f"{t}.parquet") for t in
              ("documents", "events", "facts", "fact_values", "entities", "mentions", "runs", "fetch_log", "changes")}
    return sources, data, first, tables


def test_first_run_reads_both_pages(seed_run):
    _, _, summary, t = seed_run
    assert summary.status == "ok" and summary.exit_code == 0
    assert summary.new == 2 and summary.documents == 2 and summary.documents_read == 2
    assert summary.facts == len(t["facts"]) > 0 and summary.changes == len(t["facts"])  # all added
    assert set(t["fetch_log"].status) == {"new"}


def test_clean_text_and_page_dates(seed_run):
    docs = seed_run[3]["documents"].set_index("source_id")
    mfat = docs.loc["mfat-nato", "text"]
    assert "cookie" not in mfat.lower() and "On this page" not in mfat and "(external link)" not in mfat
    assert "NATO (North Atlantic Treaty Organisation) is the world" in mfat
    nato = docs.loc["nato-nz"]
    assert nato.updated_at.date() == date(2018, 9, 12)
    assert "Last updated" not in nato.text


def _events(t, source, year, precision=None):
    e = t["events"]
    rows = e[(e.source_id == source) & (e.date_start.map(lambda d: d.year) == year)]
    if precision:
        rows = rows[rows.precision == precision]
    return rows


def test_expected_events(seed_run):
    t = seed_run[3]
    assert any("Individual Partnership" in " ".join(p) for p in _events(t, "mfat-nato", 2012).participants)
    assert any("Individual Partnership" in " ".join(p) for p in _events(t, "nato-nz", 2012).participants)
    assert any("Individually Tailored Partnership Programme" in p for p in _events(t, "mfat-nato", 2024).participants)
    assert any("Bosnia and Herzegovina" in p for p in _events(t, "mfat-nato", 1996).participants)
    since_2001 = _events(t, "nato-nz", 2001)
    assert len(since_2001) == 1 and since_2001.date_role.iloc[0] == "since"
    isaf = _events(t, "nato-nz", 2014, "month")
    assert len(isaf) == 1 and isaf.date_start.iloc[0] == date(2014, 12, 1)
    assert any("International Security Assistance Force" in p for p in isaf.participants)
    assert len(_events(t, "mfat-nato", 1949)) == 1


def test_no_false_events(seed_run):
    e = seed_run[3]["events"]
    assert not (e.date_start.map(lambda d: d.year) >= 2026).any()
    assert not e.sentence.str.contains("cookie|Last updated|Privacy", case=False).any()
    assert not (e.date_start.map(lambda d: d.year) == 2018).any()  # the "Last updated" date is metadata


def test_offsets_index_the_document_text(seed_run):
    t = seed_run[3]
    text = dict(zip(t["documents"].doc_id, t["documents"].text))
    for row in t["events"].itertuples():
        assert text[row.doc_id][row.char_start:row.char_end] == row.sentence
        assert row.char_start <= row.date_char_start < row.date_char_end <= row.char_end
    for row in t["mentions"].itertuples():
        assert text[row.doc_id][row.char_start:row.char_end] == row.text


def test_facts_reconciled_across_sources(seed_run):
    facts = seed_run[3]["facts"]
    ipcp = facts[facts.participants.map(lambda p: "Individual Partnership and Cooperation Programme" in p)]
    assert len(ipcp) == 1
    row = ipcp.iloc[0]
    assert row.status == "corroborated" and row.n_sources == 2 and row.date_start.year == 2012
    itpp = facts[facts.participants.map(lambda p: "Individually Tailored Partnership Programme" in p)]
    assert len(itpp) == 1 and itpp.iloc[0].status == "single_source" and itpp.iloc[0].date_start.year == 2024
    fv = seed_run[3]["fact_values"]
    assert set(fv.fact_id) == set(facts.fact_id) and set(fv["rank"]) <= {"preferred", "normal", "deprecated"}


def test_unchanged_rerun_reads_nothing_and_changes_nothing(seed_run):
    sources, data, first, t = seed_run
    again = run_flow(str(sources), str(data))
    assert again.unchanged == 2 and again.new == again.changed == 0
    assert again.documents_read == 0 and again.changes == 0
    assert again.facts == first.facts
    facts2 = pd.read_parquet(data / "curated" / "facts.parquet")
    assert list(facts2.fact_id) == list(t["facts"].fact_id)
    runs = pd.read_parquet(data / "curated" / "runs.parquet")
    assert list(runs.run_id) == [first.run_id, again.run_id]
    log = pd.read_parquet(data / "curated" / "fetch_log.parquet")
    assert set(log[log.run_id == again.run_id].status) == {"unchanged"}


def test_entities_are_canonical_with_their_aliases(seed_run):
    ents = seed_run[3]["entities"].set_index("name")
    assert "North Atlantic Treaty Organisation" in ents.loc["NATO", "aliases"]
    assert "IPCP" in ents.loc["Individual Partnership and Cooperation Programme", "aliases"]
    assert "ITPP" in ents.loc["Individually Tailored Partnership Programme", "aliases"]
    assert "Bosnia-Herzegovina" in ents.loc["Bosnia and Herzegovina", "aliases"]
    assert set(ents.loc["Bosnia and Herzegovina", "sources"]) == {"nato-nz", "mfat-nato"}
    for alias in ("IPCP", "ITPP", "North Atlantic Treaty Organisation", "Bosnia-Herzegovina", "Privacy Page"):
        assert alias not in ents.index
    assert ents.index.is_unique and seed_run[3]["entities"].entity_id.is_unique


def test_statements_are_short_readable_sentences(seed_run):
    facts = seed_run[3]["facts"]
    bosnia = facts[facts.participants.map(lambda p: "Bosnia and Herzegovina" in p)].iloc[0]
    assert bosnia.statement == "New Zealand: first deploying alongside NATO in Bosnia-Herzegovina in 1996."
    assert (facts.statement.str.len() <= 240).all() and facts.statement.str.endswith(".").all()


PARTNER_V1 = """Relations with Mongolia

  • Last updated: 3 Mar. 2025 10:00

Having held talks since 2005, Mongolia and NATO signed an Individual Partnership \
and Cooperation Programme in 2012. In 2024, Mongolia and NATO agreed an Individually Tailored Partnership Programme.

Mongolian troops served with the International Security Assistance Force in Afghanistan from 2009.
"""
# the next version: the first sentence split in two and reworded, a paragraph moved, one new dated statement
PARTNER_V2 = """Relations with Mongolia

  • Last updated: 9 Jun. 2025 10:00

Mongolian troops served with the International Security Assistance Force in Afghanistan from 2009.

Mongolia and NATO have held regular talks since 2005. In 2012, Mongolia and NATO signed an \
Individual Partnership and Cooperation Programme. In 2024, Mongolia and NATO agreed an Individually Tailored \
Partnership Programme.

In May 2025, Mongolia hosted a NATO science workshop in Ulaanbaatar.
"""


def test_another_partners_page_and_its_next_version(prefect_harness, tmp_path):
    """A page on another partner of the alliance names the same programmes the
    same years: its happenings stay its own, the seeds' programme stays one
    fact of both seed pages, and the partner page's next version (a sentence
    split, a paragraph moved, one new dated statement) reports only the new one."""
    import shutil

    from reports.changes import build_diff
    from store.curated_store import CuratedStore
    from tests.support import MFAT_PAGE, NATO_PAGE

    (tmp_path / "pages").mkdir()
    for p in (NATO_PAGE, MFAT_PAGE):
        shutil.copy(p, tmp_path / "pages" / p.name)
    partner = tmp_path / "pages" / "partner.txt"
    partner.write_text(PARTNER_V1, encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        'subject = ["NATO", "New Zealand"]\n'
        f'[[sources]]\nid = "nato-nz"\npath = "pages/{NATO_PAGE.name}"\n'
        f'[[sources]]\nid = "mfat-nato"\npath = "pages/{MFAT_PAGE.name}"\n'
        '[[sources]]\nid = "partner"\npath = "pages/partner.txt"\n'
    )
    data = tmp_path / "data"
    assert run_flow(str(sources), str(data)).status == "ok"
    facts = pd.read_parquet(data / "curated" / "facts.parquet")
    by_sources = {tuple(sorted(f.source_ids)): f for f in facts.itertuples()}
    ipcp = by_sources[("mfat-nato", "nato-nz")]
    assert ipcp.date_start.year == 2012 and "Mongolia" not in ipcp.participants
    for programme in ("Individual Partnership and Cooperation Programme", "Individually Tailored Partnership Programme"):
        told = facts[facts.participants.map(lambda p, name=programme: name in p)]
        assert len(told) == 2, programme  # New Zealand's and Mongolia's
        assert sorted(len(s) for s in told.source_ids) == ([1, 2] if "Cooperation" in programme else [1, 1])
        assert all(("Mongolia" in p) == ("partner" in s) for p, s in zip(told.participants, told.source_ids))

    partner.write_text(PARTNER_V2, encoding="utf-8")
    second = run_flow(str(sources), str(data))
    report = build_diff(CuratedStore(data / "curated"))
    assert [(c.change, c.after) for c in report.changes] == [("added", "2025-05")], report.changes
    assert second.changes == 1
