"""The deterministic order in which benchmark pages are taken for statement labelling.

Candidates are English pages of a boilerplate benchmark (WCXB dev by default; ``--pages
../shared/eval/boilerplate/scrapinghub`` for news articles) whose ground-truth main content has
80–1500 words and a year or a month name. Per WCXB primary page type, ids are sorted by ``sha1("stmt" + id)``; a page whose host
is already labelled (in any folder under this one) or already taken is skipped. Prints the next
pages of each type, so a new held-out batch continues the order of the earlier ones.

    python evaluation/labels/statements/select_pages.py --pages ../shared/eval/boilerplate/wcxb-dev \
        --take article=24 forum=4 listing=4 service=4 collection=4
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

import yaml

LABELS = Path(__file__).resolve().parent
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_WORD = re.compile(rf"\b(?:1[89]\d\d|20\d\d)\b|\b(?:{MONTHS})\b")
MIN_WORDS, MAX_WORDS = 80, 1500


def candidates(pages: Path) -> dict[str, list[tuple[str, str]]]:
    """(id, host) per primary page type, in labelling order: English pages (the language factwatch
    reads; extractors.language) whose main content has 80-1500 words and a year or a month name."""
    from evaluation.benchmark_pages import benchmark_page, page_ids
    from extractors.language import guess_language

    by_type: dict[str, list[tuple[str, str, str]]] = {}
    for page_id in page_ids(pages):
        record = benchmark_page(pages, page_id)
        text = record.main_text if record is not None else ""
        if not MIN_WORDS <= len(text.split()) <= MAX_WORDS or not DATE_WORD.search(text):
            continue
        if guess_language(text) not in (None, "en"):
            continue
        key = hashlib.sha1(("stmt" + page_id).encode()).hexdigest()
        by_type.setdefault(record.page_type, []).append((key, page_id, urlparse(record.url).netloc))
    return {kind: [(page, host) for _, page, host in sorted(rows)] for kind, rows in by_type.items()}


def labelled_hosts(labels: Path) -> set[str]:
    hosts = set()
    for path in labels.glob("*/*.yaml"):
        site = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("site")
        if site:
            hosts.add(str(site))
    return hosts


def next_pages(pages: Path, take: dict[str, int], labels: Path = LABELS) -> dict[str, list[str]]:
    seen = labelled_hosts(labels)
    chosen: dict[str, list[str]] = {}
    for kind, rows in candidates(pages).items():
        picked = chosen.setdefault(kind, [])
        for page, host in rows:
            if len(picked) >= take.get(kind, 0):
                break
            if host in seen:
                continue
            seen.add(host)
            picked.append(page)
    return {kind: ids for kind, ids in chosen.items() if ids}


def main() -> None:
    from evaluation.statements_eval import DEFAULT_PAGES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--take", nargs="+", default=["article=24"], help="type=count ...")
    args = parser.parse_args()
    take = {kind: int(count) for kind, count in (item.split("=") for item in args.take)}
    for kind, ids in next_pages(args.pages, take).items():
        print(f"{kind:<14} {' '.join(ids)}")


if __name__ == "__main__":
    main()
