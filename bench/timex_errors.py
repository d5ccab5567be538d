"""Error listing for the temporal expression tagger on TimeML corpora.

Runs the TempEval-3 benchmark (:func:`evaluation.timex_eval.run_dates_eval`)
and prints, per corpus, the tagger's mistakes grouped by pattern, largest
group first, each with the document, its creation time, gold and predicted
values and the text around the expression (gold extent in ``[[ ]]``, the
predicted one in ``{ }`` when it differs):

* ``value``: relaxed matches whose value differs, grouped by the shapes of
  the two values (digits as 9: "9999-W99" vs "9999-99-99");
* ``extent``: relaxed matches whose extents differ (strict misses);
* ``missed``: gold expressions nothing overlaps;
* ``spurious``: predictions no gold expression overlaps.

``--match REGEX`` keeps only expressions whose gold (or predicted) text
matches. Usage::

    PYTHONPATH=. python bench/timex_errors.py ../shared/eval/timex/tbaq [--kind value] [--match 'week']
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from evaluation.timex_eval import DocResult, Span, match_spans, run_dates_eval

KINDS = ("value", "extent", "missed", "spurious")


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def _context(text: str, start: int, end: int, other: Span | None = None, width: int = 60) -> str:
    shown = text[max(0, start - width) : start] + "[[" + text[start:end] + "]]"
    if other is not None and (other.start, other.end) != (start, end):
        shown += "{" + text[other.start : other.end] + "}"
    shown += text[end : end + 40]
    return shown.replace("\n", " ")


def errors(doc: DocResult, kind: str, match: re.Pattern[str] | None = None) -> list[tuple[tuple[str, ...], str]]:
    """(group key, line) for each mistake of ``kind`` in one document."""
    text = doc.doc.text
    gold = [Span(g.char_start, g.char_end, g.type, g.value) for g in doc.doc.timexes]
    pairs = match_spans(gold, doc.predicted)
    head = f"{doc.path.stem} dct={doc.doc.dct_value}"
    out: list[tuple[tuple[str, ...], str]] = []

    def keep(span: Span) -> bool:
        return match is None or bool(match.search(text[span.start : span.end]))

    if kind == "value":
        for g, s in pairs:
            if g.value != s.value and (keep(g) or keep(s)):
                key = (doc.corpus, _shape(g.value), _shape(s.value))
                out.append((key, f"{head} gold={g.value} sys={s.value} ({g.type}/{s.type}) :: {_context(text, g.start, g.end, s)}"))
    elif kind == "extent":
        for g, s in pairs:
            if (g.start, g.end) != (s.start, s.end) and (keep(g) or keep(s)):
                key = (doc.corpus, "extent")
                out.append((key, f"{head} gold={g.value} sys={s.value} :: {_context(text, g.start, g.end, s)}"))
    elif kind == "missed":
        paired = {id(g) for g, _ in pairs}
        for g in gold:
            if id(g) not in paired and keep(g):
                out.append(((doc.corpus, "missed", g.type), f"{head} gold={g.value} :: {_context(text, g.start, g.end)}"))
    elif kind == "spurious":
        paired = {id(s) for _, s in pairs}
        for s in doc.predicted:
            if id(s) not in paired and keep(s):
                out.append(((doc.corpus, "spurious", s.type), f"{head} sys={s.value} :: {_context(text, s.start, s.end)}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--kind", choices=KINDS, default="value")
    ap.add_argument("--match", help="regex the expression's text must match")
    args = ap.parse_args(argv)
    match = re.compile(args.match) if args.match else None
    report = run_dates_eval(args.directory)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for doc in report.documents:
        for key, line in errors(doc, args.kind, match):
            groups[key].append(line)
    for key, lines in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"=== {' | '.join(key)}  n={len(lines)}")
        for line in lines:
            print("   ", line)
    print(f"{sum(len(v) for v in groups.values())} {args.kind} errors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
