"""Temporal expression benchmark over TimeML documents (TempEval-3 metrics).

Metrics follow the TempEval-3 entity scorer (``evaluate_entities.py`` of the
TE3 toolkit, UzZaman et al. 2013):

* a system TIMEX3 and a gold TIMEX3 *match relaxed* when their extents
  overlap (each is paired at most once; the toolkit's id normaliser pairs
  overlapping entities one to one). They *match strict* when the extents are
  identical.
* strict/relaxed precision = matches / system timexes, recall = matches /
  gold timexes, F1 their harmonic mean. Counts are summed over all documents
  before dividing (micro average), as the toolkit does.
* attribute F1 (value, type) = (attribute matches among relaxed matches /
  relaxed matches) x relaxed F1. Values compare as exact strings.

The runner tags each document's text with :func:`extractors.timex.tag_timexes`
anchored at its creation time, and reports a row per corpus (per
subdirectory holding ``.tml`` files) and overall, plus the tagger's speed in
milliseconds per 1,000 words (whitespace tokens). Speed is the CPU time of
the tagging calls (``time.process_time``), so other jobs on a shared machine
do not inflate it; on an idle machine it equals wall-clock time.

``python -m evaluation.timex_eval DIR`` prints the table, then one JSON
object of the overall metrics as the last line of stdout.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from evaluation.timeml import TimeMLDocument, dct_datetime, iter_timeml_files, read_timeml

# Directories skipped by the runner: TBAQ-cleaned ships "testpipeline", one
# TimeBank file repeated verbatim (AP900815-0044.tml) as a pipeline smoke test.
SKIPPED_DIRS = ("testpipeline",)


@dataclass(frozen=True, slots=True)
class Span:
    """A tagged or gold TIMEX3 reduced to what the metrics compare."""

    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class Counts:
    """Sums over documents; every metric is computed from these."""

    docs: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0  # value matches among relaxed matches
    type: int = 0  # type matches among relaxed matches
    words: int = 0
    seconds: float = 0.0

    def add(self, other: Counts) -> None:
        for f in ("docs", "gold", "predicted", "strict", "relaxed", "value", "type", "words", "seconds"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def match_spans(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pair overlapping gold and system spans one to one.

    Each gold span takes the first unpaired system span that overlaps it,
    preferring an identical extent when there is one.
    """
    pairs: list[tuple[Span, Span]] = []
    used: set[int] = set()
    sys_sorted = sorted(range(len(system)), key=lambda i: (system[i].start, system[i].end))
    for g in sorted(gold, key=lambda s: (s.start, s.end)):
        overlapping = [i for i in sys_sorted if i not in used and system[i].start < g.end and g.start < system[i].end]
        if not overlapping:
            continue
        exact = [i for i in overlapping if system[i].start == g.start and system[i].end == g.end]
        i = exact[0] if exact else overlapping[0]
        used.add(i)
        pairs.append((g, system[i]))
    return pairs


def score_document(gold: Sequence[Span], system: Sequence[Span]) -> Counts:
    """Counts for one document."""
    pairs = match_spans(gold, system)
    c = Counts(docs=1, gold=len(gold), predicted=len(system), relaxed=len(pairs))
    for g, s in pairs:
        if g.start == s.start and g.end == s.end:
            c.strict += 1
        if g.value == s.value:
            c.value += 1
        if g.type == s.type:
            c.type += 1
    return c


def metrics_of(c: Counts) -> dict[str, float | int]:
    """The flat metric dict of summed counts (F1s in percent)."""
    sp = c.strict / c.predicted if c.predicted else 0.0
    sr = c.strict / c.gold if c.gold else 0.0
    rp = c.relaxed / c.predicted if c.predicted else 0.0
    rr = c.relaxed / c.gold if c.gold else 0.0
    rf = _f1(rp, rr)
    value_acc = c.value / c.relaxed if c.relaxed else 0.0
    type_acc = c.type / c.relaxed if c.relaxed else 0.0
    ms = 1000.0 * c.seconds / (c.words / 1000.0) if c.words else 0.0
    return {
        "docs": c.docs,
        "gold": c.gold,
        "predicted": c.predicted,
        "strict_precision": round(100 * sp, 2),
        "strict_recall": round(100 * sr, 2),
        "strict_f1": round(100 * _f1(sp, sr), 2),
        "relaxed_precision": round(100 * rp, 2),
        "relaxed_recall": round(100 * rr, 2),
        "relaxed_f1": round(100 * rf, 2),
        "value_f1": round(100 * value_acc * rf, 2),
        "type_f1": round(100 * type_acc * rf, 2),
        "ms_per_1k_words": round(ms, 3),
    }


@dataclass(slots=True)
class DocResult:
    """One document's gold, prediction and counts (for error listings)."""

    path: Path
    corpus: str
    doc: TimeMLDocument
    predicted: list[Span]
    counts: Counts


@dataclass(slots=True)
class DatesReport:
    """Benchmark result: a row per corpus and the overall metrics."""

    directory: Path
    corpora: dict[str, dict[str, float | int]]
    metrics: dict[str, float | int]
    skipped: list[str] = field(default_factory=list)
    documents: list[DocResult] = field(default_factory=list, repr=False)

    def table(self) -> str:
        """A fixed-width text table, one row per corpus and the overall row."""
        cols = [
            ("corpus", "{:<24}", None),
            ("docs", "{:>5}", "docs"),
            ("gold", "{:>6}", "gold"),
            ("pred", "{:>6}", "predicted"),
            ("str_P", "{:>6}", "strict_precision"),
            ("str_R", "{:>6}", "strict_recall"),
            ("str_F1", "{:>7}", "strict_f1"),
            ("rel_P", "{:>6}", "relaxed_precision"),
            ("rel_R", "{:>6}", "relaxed_recall"),
            ("rel_F1", "{:>7}", "relaxed_f1"),
            ("val_F1", "{:>7}", "value_f1"),
            ("type_F1", "{:>8}", "type_f1"),
            ("ms/1kw", "{:>8}", "ms_per_1k_words"),
        ]
        head = " ".join(fmt.replace(">", ">").format(name) if i else fmt.format(name) for i, (name, fmt, _) in enumerate(cols))
        lines = [head, "-" * len(head)]

        def row(name: str, m: dict[str, float | int]) -> str:
            cells = []
            for _, fmt, key in cols:
                v = name if key is None else m[key]
                if isinstance(v, float):
                    v = f"{v:.2f}"
                cells.append(fmt.format(v))
            return " ".join(cells)

        for name, m in self.corpora.items():
            lines.append(row(name, m))
        if len(self.corpora) != 1:
            lines.append(row("overall", self.metrics))
        if self.skipped:
            lines.append("skipped: " + ", ".join(self.skipped))
        return "\n".join(lines)


Tagger = Callable[[str, "date | datetime | None"], Sequence]


def _default_tagger():
    from extractors.timex import tag_timexes

    return tag_timexes


def _corpus_name(directory: Path, path: Path) -> str:
    """The folder holding the file, relative to the run's directory."""
    rel = path.parent.relative_to(directory)
    return rel.as_posix() if rel.parts else directory.name


def run_dates_eval(
    directory: Path,
    tagger: Tagger | None = None,
    files: Sequence[Path] | None = None,
) -> DatesReport:
    """Tag every ``.tml`` file under ``directory`` and score it against its gold.

    Each folder holding ``.tml`` files is a corpus row, named by its path
    under ``directory`` (files directly in ``directory`` form a row named
    after it). Folders named in ``SKIPPED_DIRS`` are left out and listed in
    the report. ``files`` (paths under ``directory``) restricts the run to a
    fixed subset.
    """
    directory = Path(directory)
    tag = tagger or _default_tagger()
    per_corpus: dict[str, Counts] = {}
    total = Counts()
    skipped: set[str] = set()
    docs: list[DocResult] = []
    paths = iter_timeml_files(directory) if files is None else sorted(directory / Path(f) for f in files)
    for path in paths:
        corpus = _corpus_name(directory, path)
        skip = [part for part in path.relative_to(directory).parts[:-1] if part in SKIPPED_DIRS]
        if skip:
            skipped.add(corpus)
            continue
        doc = read_timeml(path)
        anchor = dct_datetime(doc.dct_value) or doc.dct
        t0 = time.process_time()
        predicted = tag(doc.text, anchor)
        elapsed = time.process_time() - t0
        sys_spans = [Span(t.char_start, t.char_end, t.type, t.value) for t in predicted]
        gold_spans = [Span(g.char_start, g.char_end, g.type, g.value) for g in doc.timexes]
        c = score_document(gold_spans, sys_spans)
        c.words = len(doc.text.split())
        c.seconds = elapsed
        per_corpus.setdefault(corpus, Counts()).add(c)
        total.add(c)
        docs.append(DocResult(path, corpus, doc, sys_spans, c))
    corpora = {name: metrics_of(c) for name, c in sorted(per_corpus.items())}
    return DatesReport(directory, corpora, metrics_of(total), sorted(skipped), docs)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m evaluation.timex_eval DIR", file=sys.stderr)
        return 2
    directory = Path(args[0])
    if not directory.is_dir():
        print(f"not a directory: {directory}", file=sys.stderr)
        return 2
    report = run_dates_eval(directory)
    print(report.table())
    keys = ("docs", "gold", "predicted", "strict_f1", "relaxed_f1", "value_f1", "type_f1", "ms_per_1k_words")
    flat = {k: report.metrics[k] for k in keys}
    flat.update({k: v for k, v in report.metrics.items() if k not in flat})
    print(json.dumps(flat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
