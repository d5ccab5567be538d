"""Dates of the hand-labelled statements (evaluation/labels/statements) as the
temporal tagger and the page anchoring read them, without the parse.

For each labelled page (WCXB dev HTML, cleaned as the pipeline cleans it):

* statements: the label's ``expr``, looked for after its sentence ``key`` in
  the clean text; found when a date mention overlaps it; right when that
  mention's period is the label's (``date``..``date_end`` in the label's
  notation: 2024, 2024-03, 2024-03-05, 2024-W10, 2024-Q1, 2024-H1, 2024-SU,
  199 for a decade, 17 for a century);
* not-dates: ``not_statements`` whose ``why`` says the expression is no date
  of the page's happenings (model-year, title-of-work, name, generic-now,
  not-a-date): the share still given a date mention (lower is better).

A stand-in until ``factwatch eval statements`` lands; usage::

    PYTHONPATH=. python bench/label_dates.py evaluation/labels/statements/wcxb-dev \\
        /work/shared/eval/boilerplate/wcxb-dev [--errors]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import yaml

from evaluation.gold_dates import gold_period
from extractors.clean import clean_page

FETCHED = datetime(2026, 12, 1, tzinfo=UTC)
NOT_DATE_WHY = ("model-year", "title-of-work", "name", "generic-now", "not-a-date")


def _mentions(page):
    import extractors

    if (Path(extractors.__file__).parent / "anchoring.py").exists():  # the page's anchoring
        from extractors.anchoring import page_date_mentions

        return page_date_mentions(page, FETCHED)[1]
    from extractors.timex import date_mentions  # earlier code: updated, else published, else fetched

    dt = page.updated_at or page.published_at or FETCHED
    return date_mentions(page.text, dt.date())


def _rx(s: str) -> str:
    s = s.replace("’", "'").replace("“", '"').replace("”", '"')
    return r"\s+".join(re.escape(w) for w in s.split())


def _norm(t: str) -> str:
    return t.replace("’", "'").replace("“", '"').replace("”", '"')


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels", type=Path)
    ap.add_argument("pages", type=Path)
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    n = found = right = nd = nd_dated = 0
    errors: list[str] = []
    for f in sorted(args.labels.glob("*.yaml")):
        lab = yaml.safe_load(f.read_text(encoding="utf-8"))
        html = args.pages / "html" / f"{lab['page']}.html.gz"
        page = clean_page(gzip.decompress(html.read_bytes()), content_type="text/html")
        text = _norm(page.text)
        mentions = _mentions(page)

        def locate(item):
            k = re.search(_rx(item["key"]), text)  # noqa: B023 - called within this iteration only
            if k is None:
                return None
            e = re.search(_rx(item["expr"]), text[k.start():])  # noqa: B023 - called within this iteration only
            return None if e is None else (k.start() + e.start(), k.start() + e.end())

        for st in lab.get("statements") or []:
            if st.get("date") is None:
                continue
            n += 1
            span = locate(st)
            if span is None:
                continue
            hits = [m for m in mentions if m.char_start < span[1] and span[0] < m.char_end]
            if not hits:
                continue
            found += 1
            want = gold_period(st["date"])
            if st.get("date_end"):
                want = (want[0], gold_period(st["date_end"])[1])
            if any((m.date_start, m.date_end) == want for m in hits):
                right += 1
            elif args.errors:
                got = ", ".join(f"{m.text!r} {m.date_start}..{m.date_end}" for m in hits)
                errors.append(f"date {lab['page']} doc={lab.get('doc_date')} expr={st['expr']!r} want={want[0]}..{want[1]} got={got}")
        for ns in lab.get("not_statements") or []:
            if ns.get("why") not in NOT_DATE_WHY:
                continue
            span = locate(ns)
            if span is None:
                continue
            nd += 1
            hit = [m for m in mentions if m.char_start < span[1] and span[0] < m.char_end]
            nd_dated += bool(hit)
            if hit and args.errors:
                errors.append(f"not-a-date {lab['page']} why={ns['why']} expr={ns['expr']!r} got={hit[0].date_start}")
    out = {
        "statements": n, "found": found, "date_right_where_found": round(right / found, 3) if found else 0.0,
        "not_dates": nd, "not_dates_dated": nd_dated, "not_dates_dated_share": round(nd_dated / nd, 3) if nd else 0.0,
    }
    if args.errors:
        print("\n".join(errors))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
