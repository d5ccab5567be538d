"""Consent managers: each fixture page carries one manager's banner/dialog markup.

The fixtures (tests/fixtures/consent/<manager>.html) are written for these
tests in the markup style of each consent manager; none is a copy of a real
site. Every page has a three-paragraph article, a header with navigation,
breadcrumbs, a share bar, a related-articles list and a footer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.clean import clean_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "consent"
MANAGERS = (
    "onetrust", "cookiebot", "didomi", "quantcast", "trustarc",
    "usercentrics", "complianz", "borlabs", "osano", "termly",
)

CONSENT_WORDS = re.compile(
    r"cookie|consent|privacy|partners|accept|reject|decline|deny|agree|preferences|tracking|"
    r"personal data|legitimate interest",
    re.IGNORECASE,
)


def article_paragraphs(html: str) -> list[str]:
    body = html.split('<div class="article-body">', 1)[1].split("</div>", 1)[0]
    return re.findall(r"<p>(.*?)</p>", body, re.DOTALL)


@pytest.mark.parametrize("manager", MANAGERS)
def test_consent_manager_markup_is_removed(manager: str) -> None:
    path = FIXTURES / f"{manager}.html"
    html = path.read_text(encoding="utf-8")
    page = clean_page(path.read_bytes(), content_type="text/html; charset=utf-8")
    paragraphs = article_paragraphs(html)
    assert len(paragraphs) == 3
    for paragraph in paragraphs:
        assert paragraph in page.text, f"{manager}: article text lost"
    leaked = CONSENT_WORDS.findall(page.text)
    assert not leaked, f"{manager}: consent text leaked: {leaked}"


@pytest.mark.parametrize("manager", MANAGERS)
def test_page_furniture_is_removed(manager: str) -> None:
    page = clean_page((FIXTURES / f"{manager}.html").read_bytes())
    for junk in ("Skip to content", "Share on Facebook", "Related articles", "All rights reserved",
                 "Port traffic doubles", "Opinion"):
        assert junk not in page.text, f"{manager}: {junk!r} leaked"
    assert page.title is not None and "Harbour Gazette" not in page.title
    assert page.published_at is not None
