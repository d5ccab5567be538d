"""The pages of the public boilerplate benchmarks, as the statement label sets refer to them.

Two layouts under ``../shared/eval/boilerplate``:

* WCXB (``wcxb-dev``): ``html/<id>.html.gz`` and one ``ground-truth/<id>.json``
  per page (``url``, ``ground_truth.main_content``, ``_internal.page_type``);
* ScrapingHub's article benchmark (``scrapinghub``): ``html/<id>.html.gz`` and
  one ``ground-truth.json`` keyed by page id (``url``, ``articleBody``); every
  page is a news or blog article.

One reader for both, so a label set of either kind is loaded, checked and
selected the same way.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SINGLE_TRUTH = "ground-truth.json"


@dataclass(frozen=True)
class BenchmarkPage:
    page_id: str
    url: str
    page_type: str  # WCXB's primary page type; "article" for the ScrapingHub pages
    # the benchmark's main content in the forms it gives (WCXB: text, markdown, title; ScrapingHub: the body)
    main_texts: tuple[str, ...]

    @property
    def main_text(self) -> str:
        return self.main_texts[0] if self.main_texts else ""


@lru_cache(maxsize=8)
def _single_truth(pages_dir: Path) -> dict[str, dict]:
    return json.loads((pages_dir / SINGLE_TRUTH).read_text(encoding="utf-8"))


def html_path(pages_dir: Path, page_id: str) -> Path:
    return Path(pages_dir) / "html" / f"{page_id}.html.gz"


def read_html(pages_dir: Path, page_id: str) -> bytes:
    return gzip.decompress(html_path(pages_dir, page_id).read_bytes())


def benchmark_page(pages_dir: Path, page_id: str) -> BenchmarkPage | None:
    """The benchmark's record of one page (None when it has none)."""
    pages_dir = Path(pages_dir)
    if (pages_dir / SINGLE_TRUTH).is_file():
        record = _single_truth(pages_dir).get(page_id)
        if record is None:
            return None
        return BenchmarkPage(page_id, str(record.get("url") or ""), "article",
                             tuple(t for t in (record.get("articleBody"),) if t))
    path = pages_dir / "ground-truth" / f"{page_id}.json"
    if not path.is_file():
        return None
    record = json.loads(path.read_text(encoding="utf-8"))
    truth = record.get("ground_truth", record)
    kind = (record.get("_internal") or {}).get("page_type", {}).get("primary", "unknown")
    texts = tuple(str(truth[f]) for f in ("main_content", "main_content_markdown", "title") if truth.get(f))
    return BenchmarkPage(page_id, str(record.get("url") or ""), str(kind), texts)


def page_ids(pages_dir: Path) -> list[str]:
    """Every page of the benchmark, in id order."""
    pages_dir = Path(pages_dir)
    if (pages_dir / SINGLE_TRUTH).is_file():
        return sorted(_single_truth(pages_dir))
    return sorted(p.stem for p in (pages_dir / "ground-truth").glob("*.json"))
