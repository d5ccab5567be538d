"""The statement label files follow their format (evaluation/labels/statements/README.md)
and quote only text that is on their pages; a broken file is reported."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from evaluation.statements_eval import pages_of
from tests.support import REPO, SHARED

LABELS = REPO / "evaluation" / "labels" / "statements"
WCXB = SHARED / "eval" / "boilerplate" / "wcxb-dev"

_spec = importlib.util.spec_from_file_location("check_labels", LABELS / "check_labels.py")
check_labels = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_labels)


@pytest.mark.parametrize(
    ("folder", "least"),
    [("wcxb-dev", 32), ("wcxb-heldout", 25), ("wcxb-unseen", 40), ("wcxb-fresh", 40), ("wcxb-fresh2", 40),
     ("wcxb-fresh3", 40), ("wcxb-fresh4", 39), ("wcxb-fresh5", 24), ("fresh4-second", 16),
     ("news-a", 32), ("news-b", 32), ("news-c", 16)],
)
def test_label_files_pass_the_format_checks(folder, least):
    files = sorted((LABELS / folder).glob("*.yaml"))
    assert len(files) >= least
    problems = {f.name: check_labels.check_file(f, None) for f in files}
    assert not {k: v for k, v in problems.items() if v}


@pytest.mark.parametrize("folder", ["wcxb-dev", "wcxb-heldout", "wcxb-unseen", "wcxb-fresh", "wcxb-fresh2", "wcxb-fresh3",
                                    "wcxb-fresh4", "wcxb-fresh5", "fresh4-second", "news-a", "news-b", "news-c"])
def test_keys_and_expressions_occur_on_their_pages(folder):
    pages = pages_of(LABELS / folder)  # the set's own benchmark (news-a: the ScrapingHub articles)
    if not (pages / "html").is_dir():
        pytest.skip(f"{pages} not found (../shared beside the repo, or FACTWATCH_SHARED)")
    assert check_labels.main([str(LABELS / folder)]) == 0


def test_checker_reports_a_broken_file(tmp_path):
    src = LABELS / "wcxb-dev" / "0078.yaml"
    bad = tmp_path / "0078.yaml"
    shutil.copy(src, bad)
    text = bad.read_text(encoding="utf-8")
    text = text.replace('date: "2026-Q1"', 'date: "2026-03"', 1)
    text = text.replace("role: point", "role: sometime", 1)
    text = text.replace("why: heading", "why: headline", 1)
    bad.write_text(text, encoding="utf-8")
    problems = " | ".join(check_labels.check_file(bad, None))
    assert "does not match precision quarter" in problems
    assert "role 'sometime'" in problems
    assert "why 'headline'" in problems
    if (WCXB / "html").is_dir():
        bad.write_text(text.replace("Forty-five cybersecurity", "Forty-six cybersecurity"), encoding="utf-8")
        assert any("key not found" in p for p in check_labels.check_file(bad, WCXB))
