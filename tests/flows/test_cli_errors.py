"""Every error is one line naming its cause, with the right exit code; bad
settings fail when the sources file is read, before anything is fetched."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from facts.model import Change
from flows.cli import app
from ingest.sources import SourcesError, parse_sources
from reports.changes import DiffReport, render_diff

runner = CliRunner()
FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
ONE = '[[sources]]\nid = "a"\nurl = "https://example.org/"\n'


@pytest.mark.parametrize("text, key, words", [
    ("[settings]\ntimeout = 0\n" + ONE, "settings.timeout", "between"),
    ('[settings]\nuser_agent = "factwatch\\r\\nX-Evil: 1"\n' + ONE, "settings.user_agent", "control characters"),
    ('[settings]\nmodel = "en_core_web_nonexistent"\n' + ONE, "settings.model", "not installed"),
    ("sources = []\n", "sources", "empty"),
    ('[[sources]]\nid = "a"\nurl = "http://example.org:99999/"\n', "sources[1].url", "Port out of range"),
    ('[[sources]]\nid = "a"\nurl = "http://[::1/"\n', "sources[1].url", "malformed"),
    ('[[sources]]\nid = "a"\nurl = "http://exa mple.org/"\n', "sources[1].url", "spaces"),
    ("[settings]\nmax_bytes = 10_000_000_000\n" + ONE, "settings.max_bytes", "between"),
    ("[settings]\nmax_dates = 0\n" + ONE, "settings.max_dates", "between"),
])
def test_bad_settings_fail_when_the_file_is_read(tmp_path, text, key, words):
    with pytest.raises(SourcesError) as err:
        parse_sources(text, tmp_path / "sources.toml")
    assert f" {key}: " in str(err.value) and words in str(err.value) and "\n" not in str(err.value)
    (tmp_path / "sources.toml").write_text(text)
    out = runner.invoke(app, ["run", "--sources", str(tmp_path / "sources.toml"), "--data", str(tmp_path / "d")])
    assert out.exit_code == 2 and len(out.output.strip().splitlines()) == 1
    assert not (tmp_path / "d").exists()  # nothing fetched or written


def test_data_pointing_at_a_file_is_one_line(tmp_path):
    (tmp_path / "s.toml").write_text(ONE)
    (tmp_path / "file").write_text("x")
    for args in (["run", "--sources", str(tmp_path / "s.toml")], ["diff"], ["sql", "select 1"], ["report"]):
        out = runner.invoke(app, [*args, "--data", str(tmp_path / "file")])
        assert out.exit_code == 2 and "is a file, not a directory" in out.output, args
        assert len(out.output.strip().splitlines()) == 1


def test_an_unwritable_raw_dir_is_one_line(tmp_path):
    (tmp_path / "s.toml").write_text(ONE)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "raw").write_text("not a folder")
    out = runner.invoke(app, ["run", "--sources", str(tmp_path / "s.toml"), "--data", str(tmp_path / "data")])
    assert out.exit_code == 1 and "raw is not a directory" in out.output and len(out.output.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["boilerplate", "dates", "truth"])
def test_eval_commands_on_a_missing_dir_fail(tmp_path, command):
    out = runner.invoke(app, ["eval", command, str(tmp_path / "missing")])
    assert out.exit_code == 2 and "is not a directory" in out.output


@pytest.mark.slow
def test_a_full_disk_is_one_line_not_a_traceback(prefect_harness, tmp_path):
    """Files over 50 kB cannot be written (RLIMIT_FSIZE): what a full disk does to a run (the page, 11 kB,
    is stored; what its reading makes is over the limit)."""
    from prefect.settings import PREFECT_API_URL

    page = "Testland\n\n" + "".join(f"Testland signed agreement number {i} with NATO in {1990 + i % 30}.\n\n"
                                     for i in range(200))
    (tmp_path / "a.txt").write_text(page)
    (tmp_path / "s.toml").write_text('[[sources]]\nid = "a"\npath = "a.txt"\n')

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    proc = subprocess.run([FACTWATCH, "run", "--sources", "s.toml", "--data", "data"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=240, preexec_fn=limit)
    assert proc.returncode == 1, proc.stderr[-2000:]
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr and lines and all(line.startswith("factwatch: ") for line in lines), lines
    assert "File too large" in proc.stderr
    assert not (tmp_path / "data" / "curated" / "current").exists()


def test_diff_text_shows_control_characters_escaped():
    change = Change(fact_id="f1", change="added", field=None, before=None, after="2012",
                    statement="Signed\x1b[2J\x07 in 2012\u202e.")
    report = DiffReport(run_id="r2", against="r1", changes=(change,), sources=())
    for fmt in ("text", "markdown", "html"):
        text = render_diff(report, fmt)
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text, fmt
        assert "\\x1b" in text, fmt
    assert "\x1b" not in render_diff(report, "json") and "\\u202e" in render_diff(report, "json")
