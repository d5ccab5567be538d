"""The layers of the folders, as import-linter contracts (pyproject.toml,
[tool.importlinter]): which package may import which."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("errors", "extractors", "facts", "assembly", "ingest", "store", "flows", "reports", "evaluation")
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"


def lint(tree: Path) -> subprocess.CompletedProcess:
    """lint-imports over the packages of ``tree`` with its pyproject.toml, in a
    fresh interpreter (the packages this test process imported must not stand in)."""
    env = os.environ | {"PYTHONPATH": str(tree)}
    return subprocess.run([sys.executable, "-c", LINT], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_packages_keep_their_layers():
    out = lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_storage_that_imports_facts_breaks_the_contracts(tmp_path):
    """The contracts bite: a copy of the tree where storage imports a domain package fails."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "store" / "leak.py").write_text("from facts.model import Fact\n")
    out = lint(tmp_path)
    assert out.returncode == 1 and "store.leak -> facts.model" in out.stdout, out.stdout + out.stderr
