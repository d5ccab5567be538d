"""The layers of the folders, as import-linter contracts (pyproject.toml,
[tool.importlinter]): which package may import which."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extractors", "facts", "assembly", "ingest", "store", "flows", "reports", "evaluation")


def _lint(tree: Path) -> int:
    """lint-imports over the packages of ``tree`` with its pyproject.toml."""
    here = os.getcwd()
    sys.path.insert(0, str(tree))
    os.chdir(tree)
    try:
        return lint_imports(config_filename=str(tree / "pyproject.toml"), no_cache=True, no_logo=True)
    finally:
        os.chdir(here)
        sys.path.remove(str(tree))


def test_the_packages_keep_their_layers():
    assert _lint(ROOT) == 0


def test_storage_that_imports_facts_breaks_the_contracts(tmp_path):
    """The contracts bite: a copy of the tree where storage imports a domain package fails."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "store" / "leak.py").write_text("from facts.model import Fact\n")
    assert _lint(tmp_path) == 1
