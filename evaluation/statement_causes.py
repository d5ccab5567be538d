"""Why the statements benchmark misses a gold statement or makes a false one: a count by cause.

Offline tool for working on the rules::

    python -m evaluation.statement_causes evaluation/labels/statements/wcxb-dev ../shared/eval/facts [--list]

The pages are read once in an audited run (extractors.rule_switches.auditing:
every candidate statement is kept, with the clause rules that fire on it),
so the product's output (candidates no rule stops, deduplicated, above the
statement model's threshold) and what stopped the others are both known.

A **miss** (a gold statement no output statement matches) is put down to:

* ``not-read``: the page was not read (its language);
* ``rule:<names>``: a candidate on its sentence had the right date, and these clause rules stopped it;
* ``model-threshold``: ... and the statement model held it back;
* ``one-for-two``: ... and each such candidate was kept and matched another
  gold statement of the same sentence and date (two happenings told with
  one date: "A and B said Saturday they have ratified", one statement given);
* ``merged``: ... and it was kept, then merged into an earlier statement of
  the same trigger and date (one row per trigger and date in a page);
* ``wrong-date``: candidates on its sentence, none with the right date;
* ``cleaner-drop``: its sentence is not in the page's main text;
* ``date-dropped``: its sentence is, but not its temporal expression (a
  date line the cleaner took for page metadata, a byline's date);
* ``no-candidate:date-not-read``: its sentence is there, with no candidate,
  and the temporal tagger reads no date on the gold's expression (a
  telegraphic "7/18", "in a month", a count of days from a date);
* ``no-candidate``: its sentence is there and its date is read, with no
  candidate (a block that may not state, a date dropped in anchoring such as
  an undated page's "March 24", no trigger).

A **false statement** is counted by the verdict of ``score_page``
(``trap:<why>`` for a labelled not-statement, ``no-key``, ``wrong-date``,
``duplicate``).
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from evaluation.statements_eval import (
    DEFAULT_FETCHED_AT,
    GoldPage,
    date_agrees,
    key_matches,
    load_gold_sets,
    norm_text,
    score_page,
)


def page_causes(page: GoldPage, result, log: dict) -> list[tuple[str, str, str]]:
    """(kind, cause, what) for each miss and false statement of one read page
    (``result``: a ProcessedDocument of an audited run, ``log`` its audit log)."""
    from extractors.document import _dedupe
    from extractors.events import statement_key

    candidates = list(result.statements) + list(result.held_back)
    held = {id(s) for s in result.held_back}
    fired = {id(s): log.get(statement_key(s), frozenset()) for s in candidates}
    unstopped = [s for s in result.statements if not fired[id(s)]]
    output = _dedupe(unstopped)
    _, judged = score_page(page, output)
    matched = {id(j.gold) for j in judged if j.correct}
    matched_sys = {id(j.statement) for j in judged if j.correct}
    text = norm_text(result.page.text)
    out = []
    for g in page.statements:
        if id(g) in matched:
            continue
        on_key = [s for s in candidates if key_matches(g.key, s.sentence)]
        good = [s for s in on_key if date_agrees(g, s)]
        if result.skipped:
            cause = "not-read"
        elif good and all(id(s) in matched_sys for s in good):
            cause = "one-for-two"
        elif good:
            s = next(s for s in good if id(s) not in matched_sys)
            cause = ("rule:" + "+".join(sorted(fired[id(s)])) if fired[id(s)]
                     else "model-threshold" if id(s) in held else "merged")
        elif on_key:
            cause = "wrong-date"
        elif norm_text(g.key) not in text:
            cause = "cleaner-drop"
        elif g.expr and norm_text(g.expr) not in text:
            cause = "date-dropped"
        elif not reads_date(result.page.text, g):
            cause = "no-candidate:date-not-read"
        else:
            cause = "no-candidate"
        out.append(("miss", cause, f"{page.page_id} {g.key!r} {g.expr!r} -> {g.date}"))
    for j in judged:
        if not j.correct:
            st = j.statement
            out.append(("false", j.verdict, f"{page.page_id} {st.date.text!r} trigger={st.trigger} :: {st.sentence[:100]!r}"))
    return out


def reads_date(text: str, g) -> bool:
    """Does the temporal tagger read a date on the gold's expression, in the
    text that follows the key on the page (read on its own, so that what the
    page's anchoring later drops still counts as read)? True when the
    expression is not there (a dateline elsewhere on the page)."""
    from extractors.timex import date_mentions

    flat = " ".join(text.split())
    at = norm_text(flat).find(norm_text(g.key))
    if at < 0 or not g.expr:
        return True
    line = flat[at : at + 600]
    expr = norm_text(g.expr)
    if expr not in norm_text(line):
        return True  # the date stands elsewhere (a dateline): not the tagger's to read here
    return any(expr in norm_text(d.text) or norm_text(d.text) in expr
               for d in date_mentions(line, DEFAULT_FETCHED_AT))


def causes(pages: Sequence[GoldPage], models=None) -> list[tuple[str, str, str, str]]:
    """(page type, kind, cause, what) for every miss and false statement of the pages."""
    from extractors.document import DocumentFailure, DocumentInput, process_documents
    from extractors.nlp import load_models
    from extractors.rule_switches import auditing
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    out = []
    for start in range(0, len(pages), 16):
        chunk = pages[start:start + 16]
        inputs = [DocumentInput(source_id=p.page_id, snapshot_sha256=hashlib.sha256(p.content).hexdigest(),
                                content=p.content, url=p.url or f"file:///{p.page_id}", fetched_at=p.fetched_at,
                                content_type=p.content_type) for p in chunk]
        with auditing() as log:
            results = {r.source_id: r for r in process_documents(inputs, models)}
        for p in chunk:
            r = results.get(p.page_id)
            if r is None or isinstance(r, DocumentFailure):
                out.extend((p.page_type, "miss", "not-read", f"{p.page_id} {g.key!r}") for g in p.statements)
                continue
            out.extend((p.page_type, kind, cause, what) for kind, cause, what in page_causes(p, r, log))
    return out


def table(rows: Sequence[tuple[str, str, str, str]]) -> str:
    """Counts by (kind, cause), with a column per page type (a facts subject is its own type)."""
    counts = Counter((kind, cause) for _, kind, cause, _ in rows)
    by_type = Counter((kind, cause, page_type) for page_type, kind, cause, _ in rows)
    types = sorted({page_type for page_type, *_ in rows})
    heads = [t[:10] for t in types]
    lines = [f"{'kind':<7}{'cause':<34}{'count':>6}" + "".join(f"{h:>11}" for h in heads)]
    for (kind, cause), n in sorted(counts.items(), key=lambda kv: (kv[0][0] != "miss", -kv[1], kv[0][1])):
        cells = "".join(f"{by_type.get((kind, cause, t), 0) or '':>11}" for t in types)
        lines.append(f"{kind:<7}{cause:<34}{n:>6}{cells}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directories", type=Path, nargs="+")
    ap.add_argument("--pages", type=Path, default=None, help="the benchmark pages of the label dirs (default: each set's own, else the WCXB dev pages)")
    ap.add_argument("--list", action="store_true", help="also list every miss and false statement")
    args = ap.parse_args(argv)
    pages = load_gold_sets(args.directories, args.pages)
    rows = causes(pages)
    if args.list:
        for page_type, kind, cause, what in rows:
            print(f"{kind:<6} {cause:<30} {page_type:<20} {what}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
