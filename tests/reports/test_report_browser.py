"""The run report in a real browser: headless Chromium loads it, nothing goes
to the console, nothing is fetched, no dialog opens, and a screenshot is
saved (to $FACTWATCH_REPORT_SCREENSHOT when set — `make test-browser` sets it
to docs/report.png — else to a temp dir).

Skipped when Chromium is not installed; `make test-browser` installs
Debian's chromium and runs these tests. See tests/reports/headless.py for
how console errors are caught (the DevTools protocol).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reports.html_report import render_run_report, write_run_report
from tests.reports.headless import HEIGHT, WIDTH, HeadlessChromium, find_chromium
from tests.reports.sample_report import EVIL, sample
from tests.reports.sample_runs import RUN_2, build_sample_store

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (no chromium, chromium-browser or google-chrome "
                                                "on PATH, or $FACTWATCH_CHROMIUM): `make test-browser` installs Debian's "
                                                "chromium and runs this"),
]


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("websockets.sync.client", reason="the DevTools client needs websockets>=11 (Prefect brings it)")
    with HeadlessChromium(CHROMIUM) as b:
        yield b


def test_the_report_loads_clean_and_is_screenshotted(browser, tmp_path):
    store = build_sample_store(tmp_path / "curated")
    path = write_run_report(store)
    load = browser.load(path)
    assert load.console == [], load.console
    assert load.dialogs == []
    assert load.requests == [path.resolve().as_uri()], load.requests  # the page itself, nothing else
    assert load.elements["script"] == 0 and load.elements["img"] == 0
    assert load.elements["svg"] >= 2 and load.elements["mark"] >= 4 and load.elements["section"] == 5
    shot = Path(os.environ.get("FACTWATCH_REPORT_SCREENSHOT") or tmp_path / "report.png")
    png = browser.screenshot(shot)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(png) > 50_000  # a page of text and a chart, not a blank screen
    assert RUN_2 in path.name


def test_injected_page_text_stays_inert_in_the_browser(browser, tmp_path):
    path = tmp_path / "evil.html"
    path.write_text(render_run_report(sample(text=EVIL, source=EVIL)))
    load = browser.load(path, settle=1.0)
    assert load.dialogs == [], load.dialogs
    assert load.console == [], load.console
    assert load.requests == [path.resolve().as_uri()], load.requests
    assert load.elements["script"] == 0 and load.elements["img"] == 0
    assert load.elements["iframe"] == 0 and load.elements["object"] == 0 and load.elements["embed"] == 0


def test_the_harness_sees_errors_dialogs_and_requests(browser, tmp_path):
    """The checks above can fail: a broken stylesheet hash, a script and a remote image are all caught."""
    good = render_run_report(sample())
    tampered = tmp_path / "tampered.html"
    tampered.write_text(good.replace("<style>", "<style>body{color:red}", 1))  # no longer matches the CSP hash
    load = browser.load(tampered)
    assert any("Content Security Policy" in c or "Content-Security-Policy" in c for c in load.console), load.console

    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text("<!doctype html><title>x</title><img src='http://127.0.0.1:9/x.png'>"
                      "<script>alert('hi'); console.error('boom')</script>")
    load = browser.load(unsafe, settle=1.0)
    assert load.dialogs == ["alert: hi"]
    assert any("boom" in c for c in load.console)
    assert any(re.match(r"http://127\.0\.0\.1:9/", r) for r in load.requests)
