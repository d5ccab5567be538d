"""The reports' Jinja2 environment: values escaped, unknown names refused,
templates shipped with the package, and trusted markup confined to the
stylesheet."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import jinja2
import pytest

from reports.templating import environment, render_template

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "reports" / "templates"


def test_every_value_is_escaped_and_none_is_empty():
    env = environment()
    out = env.from_string('<p title="{{ x }}">{{ x }}|{{ y }}|{{ n }}</p>').render(x="<b onclick='a'>\"&", y=None, n=2.5)
    escaped = "&lt;b onclick=&#x27;a&#x27;&gt;&quot;&amp;"  # as html.escape writes it, quotes included
    assert out == f'<p title="{escaped}">{escaped}||2.5</p>'
    # a macro's markup is not escaped twice; the values inside it are escaped once
    macro = env.from_string('{% macro b(t) %}<i>{{ t }}</i>{% endmacro %}{{ b(x) }}')
    assert macro.render(x="<x>") == "<i>&lt;x&gt;</i>"


def test_a_name_the_template_is_not_given_is_an_error():
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ page.missing }}").render(page=object())
    with pytest.raises(jinja2.UndefinedError):
        render_template("change_report.html.j2")


def test_every_template_parses():
    env = environment()
    names = env.list_templates()
    assert "run_report.html.j2" in names and "change_report.html.j2" in names
    for name in names:
        if name.endswith(".j2"):
            env.get_template(name)


def test_templates_ship_as_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    globs = config["tool"]["setuptools"]["package-data"]["reports"]
    files = [p.relative_to(REPO / "reports").as_posix() for p in TEMPLATES.iterdir() if p.is_file()]
    assert files
    unshipped = [f for f in files if not any(fnmatch(f, g) for g in globs)]
    assert not unshipped, unshipped
    assert "jinja2" in " ".join(config["project"]["dependencies"])


def test_only_the_stylesheet_is_trusted_markup():
    """Page text must go through autoescape: no |safe, no autoescape off, except our own stylesheet."""
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text()
        assert "autoescape" not in text, path.name
        for m in re.finditer(r"\{\{[^}]*\|\s*safe[^}]*\}\}", text):
            assert m.group(0) == "{{ page.stylesheet|safe }}", (path.name, m.group(0))
