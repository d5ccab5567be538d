"""Which pages a page-date rule changes: label-free, over a benchmark's pages.

Offline tool for working on extractors/page_meta.py::

    python -m evaluation.page_date_audit RULE ../shared/eval/boilerplate/wcxb-dev

With ``--values``, for a rule of the date tagger (extractors/timex): every
date value on a dated page that the rule changes, with a stretch of the text
around it (each page's text tagged against its own day, both ways).

Every page of the folder (``html/<id>.html.gz``) is cleaned twice, with the
rule switched as the product runs it and with it switched the other way
(off when it is on by default, on when ``DEFAULT_OFF`` holds it), and every page whose
publication, update or anchor day differs is printed with both days and the
benchmark's ground-truth publish date where it has one (WCXB's
``ground-truth/<id>.json``). A rule that changes one page, the page it was
written from, and no other is neutral elsewhere: site folds can neither
choose it nor show a loss.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from extractors.clean import NotReadable, clean_page
from extractors.rule_switches import rule_on, rules_off, rules_on
from extractors.timex import tag_timexes
from extractors.types import CleanPage


def page_day(page: CleanPage) -> date | None:
    """The day the page's text counts from (as ``page_anchor`` takes it, less the fetch day)."""
    day = page.dated_at or page.published_at or page.updated_at
    return day.date() if day else None


def _ground_truth(directory: Path, page_id: str) -> dict:
    path = directory / "ground-truth" / f"{page_id}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _pages(directory: Path) -> Iterator[tuple[str, dict, bytes]]:
    """(page id, ground truth, HTML) of every page of a benchmark folder, in id order."""
    for path in sorted((directory / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        yield page_id, _ground_truth(directory, page_id), gzip.decompress(path.read_bytes())


def changed_pages(rule: str, directory: Path) -> tuple[int, list[tuple[str, date | None, date | None, str | None]]]:
    """(pages read, [(page id, day as run, day switched, ground-truth publish date)] of the pages that change)."""
    switched = rules_off if rule_on(rule) else rules_on
    read, changed = 0, []
    for page_id, truth, content in _pages(directory):
        try:
            as_run = clean_page(content, content_type="text/html", url=truth.get("url"))
            with switched([rule]):
                other = clean_page(content, content_type="text/html", url=truth.get("url"))
        except NotReadable:
            continue
        read += 1
        dates = lambda p: (p.published_at, p.updated_at, p.dated_at)  # noqa: E731
        if dates(as_run) != dates(other):
            changed.append((page_id, page_day(as_run), page_day(other),
                            (truth.get("ground_truth") or {}).get("publish_date")))
    return read, changed


def changed_values(rule: str, directory: Path) -> tuple[int, list[tuple[str, date, str | None, str | None, str]]]:
    """(dated pages read, [(page id, page day, value as run, value switched, text around)] of the date values
    that change)."""
    switched = rules_off if rule_on(rule) else rules_on
    read, changed = 0, []
    for page_id, truth, content in _pages(directory):
        try:
            page = clean_page(content, content_type="text/html", url=truth.get("url"))
        except NotReadable:
            continue
        day = page_day(page)
        if day is None:
            continue
        read += 1
        as_run = {(t.char_start, t.char_end): t.value for t in tag_timexes(page.text, day)}
        with switched([rule]):
            other = {(t.char_start, t.char_end): t.value for t in tag_timexes(page.text, day)}
        for start, end in sorted(as_run.keys() | other.keys()):
            if as_run.get((start, end)) != other.get((start, end)):
                around = page.text[max(0, start - 80):end + 40].replace("\n", " ")
                changed.append((page_id, day, as_run.get((start, end)), other.get((start, end)), around))
    return read, changed


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rule", help="a page-date rule of extractors.rule_switches (time-by-title, field-label-date, ...)")
    ap.add_argument("directory", type=Path, help="a benchmark folder with html/<id>.html.gz")
    ap.add_argument("--values", action="store_true", help="a rule of the date tagger: the date values it changes")
    args = ap.parse_args(argv)
    other = "off" if rule_on(args.rule) else "on"
    if args.values:
        read, values = changed_values(args.rule, args.directory)
        for page_id, day, value, switched_value, around in values:
            print(f"{page_id}  {day}  as run {value}  {other} {switched_value}  | {around}")
        print(f"{read} dated pages read, {len(values)} date values changed when {args.rule} is {other}")
        return
    read, changed = changed_pages(args.rule, args.directory)
    for page_id, day, switched_day, truth in changed:
        print(f"{page_id}  as run {day}  {other} {switched_day}  ground truth {truth}")
    print(f"{read} pages read, {len(changed)} with another page date when {args.rule} is {other}")


if __name__ == "__main__":
    main()
