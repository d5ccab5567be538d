"""Why factwatch reads dates with its own tagger and pages with lxml: the
measurements behind the README's "Dependencies not taken".

    python bench/dependency_choices.py dates ../shared/eval/timex/tbaq
        TempEval-3 scores of dateparser's search_dates (the best-known
        multilingual date parser; installed with Prefect) beside
        extractors.timex, on the same documents and anchors.
    python bench/dependency_choices.py dom ../shared/eval/boilerplate/wcxb-dev [--n 300]
        Seconds to parse the same HTML pages with lxml.html (what
        extractors.html_text walks) and with BeautifulSoup (html.parser and
        lxml backends); needs `pip install beautifulsoup4`.

Each prints one JSON object a line, the figures the README quotes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from evaluation.timex_eval import run_dates_eval


@dataclass(frozen=True, slots=True)
class _Found:
    char_start: int
    char_end: int
    type: str
    value: str


def dateparser_tagger():
    """search_dates as a tagger: each found phrase, located left to right,
    valued as the day dateparser gives (it has no coarser precision)."""
    from dateparser.search import search_dates

    def tag(text: str, anchor: date | datetime | None) -> list[_Found]:
        base = anchor if isinstance(anchor, datetime) else datetime(anchor.year, anchor.month, anchor.day) if anchor else None
        settings = {"RELATIVE_BASE": base} if base else {}
        found = search_dates(text, languages=["en"], settings=settings) or []
        out, pos = [], 0
        for phrase, when in found:
            at = text.find(phrase, pos)
            if at < 0:
                continue
            pos = at + len(phrase)
            out.append(_Found(at, pos, "DATE", when.date().isoformat()))
        return out

    return tag


def dates(directory: Path) -> None:
    for name, tagger in (("extractors.timex", None), ("dateparser", dateparser_tagger())):
        report = run_dates_eval(directory, tagger=tagger)
        m = report.metrics
        print(json.dumps({"tagger": name, "value_f1": m["value_f1"], "relaxed_f1": m["relaxed_f1"],
                          "strict_f1": m["strict_f1"], "ms_per_1k_words": m["ms_per_1k_words"]}))


def dom(directory: Path, n: int) -> None:
    import lxml.html
    from bs4 import BeautifulSoup

    pages = [gzip.decompress(p.read_bytes()) for p in sorted((directory / "html").glob("*.html.gz"))[:n]]
    parsers = {
        "lxml.html": lambda b: lxml.html.fromstring(b),
        "bs4 html.parser": lambda b: BeautifulSoup(b, "html.parser"),
        "bs4 lxml": lambda b: BeautifulSoup(b, "lxml"),
    }
    for name, parse in parsers.items():
        t0 = time.process_time()
        for b in pages:
            parse(b)
        print(json.dumps({"parser": name, "pages": len(pages), "seconds": round(time.process_time() - t0, 2)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("dates", "dom"))
    ap.add_argument("directory", type=Path)
    ap.add_argument("--n", type=int, default=300, help="pages parsed (dom)")
    args = ap.parse_args()
    dates(args.directory) if args.what == "dates" else dom(args.directory, args.n)


if __name__ == "__main__":
    main()
