"""The Jinja2 environment the HTML reports are rendered with.

Templates are files in ``reports/templates/`` (shipped as package data).
Autoescape is on: every ``{{ value }}`` is escaped, so page text is data,
never markup. Values are escaped as ``html.escape`` does (quotes included:
``"`` as ``&quot;``, ``'`` as ``&#x27;``) and ``None`` renders as nothing;
markup built by a template itself (a macro's output) is not escaped twice.
A name a template uses but is not given is an error, not an empty string.
Block tags take their line with them (trim_blocks, lstrip_blocks); a
template keeps its final newline, so each partial ends its own line.
"""

from __future__ import annotations

import html
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup


def _escaped(value: object) -> object:
    """Every printed value, escaped (or passed through when it already is markup)."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=True,
        finalize=_escaped,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: object) -> str:
    """The template ``reports/templates/<name>`` rendered with ``context``."""
    return environment().get_template(name).render(**context)
