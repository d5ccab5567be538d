"""Event-date attachment on TimeBank/AQUAINT (TBAQ-cleaned TimeML).

Gold: every TLINK between an EVENT instance and a DATE TIMEX3 of the same
sentence whose relType says the event happens at (in, over, from, until)
that date: IS_INCLUDED, DURING, BEGINS, ENDS, BEGUN_BY, ENDED_BY,
SIMULTANEOUS, INCLUDES (either direction of the link). Sentences are the
reader's own (``extractors.reading``); the document creation time anchors
the tagger.

Scores, over the same links in one run:

* **factwatch**: the link is right when one of factwatch's statements for
  that date (its date mention overlaps the gold TIMEX3, or it is the same
  sentence's statement for the same period: one statement per trigger and
  date) has its trigger inside the gold EVENT's extent. No statement for that date counts as wrong (coverage is
  reported beside it, with the accuracy where a statement exists);
* **baseline**: the date's syntactic head verb: from the root of the gold
  TIMEX3's span, up the dependency tree to the first verb. It is scored on
  all links, and on the links factwatch has a statement for (``base|cov``,
  beside factwatch's ``acc|cov``).

``python -m evaluation.attachment_eval DIR`` (or ``factwatch eval
attachment DIR``) prints a table per corpus and the overall JSON last.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.timeml import _DCT_TIMEX, _TAG, _TEXT_BLOCK, attributes, iter_timeml_files, parse_dct, tagged_spans

RELTYPES = frozenset({"IS_INCLUDED", "DURING", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "SIMULTANEOUS", "INCLUDES"})
SKIPPED_DIRS = ("testpipeline",)


@dataclass(frozen=True, slots=True)
class Link:
    doc: str
    event: tuple[int, int]  # extent of the EVENT in the plain text
    timex: tuple[int, int]
    rel: str
    event_text: str
    timex_text: str


@dataclass(frozen=True, slots=True)
class TimeBankDoc:
    doc_id: str
    corpus: str
    text: str
    dct: str | None
    links: tuple[Link, ...]


def parse_links(source: str, doc_id: str, corpus: str = "") -> TimeBankDoc:
    """Plain text of ``<TEXT>``, and the event-date links of the document."""
    block = _TEXT_BLOCK.search(source)
    annotated = block.group(1) if block else ""
    text, elements = tagged_spans(annotated, ("EVENT", "TIMEX3"))
    events: dict[str, tuple[int, int]] = {}
    timexes: dict[str, tuple[int, int, str]] = {}
    for name, start, end, a in elements:
        if name == "EVENT" and a.get("eid"):
            events[a["eid"]] = (start, end)
        elif name == "TIMEX3" and a.get("tid"):
            timexes[a["tid"]] = (start, end, a.get("type", ""))
    instance = {a["eiid"]: a.get("eventID", "") for a in
                (attributes(m.group(3)) for m in _TAG.finditer(source) if m.group(2) == "MAKEINSTANCE") if "eiid" in a}
    links = []
    seen = set()
    for m in _TAG.finditer(source):
        if m.group(2) != "TLINK":
            continue
        a = attributes(m.group(3))
        rel = a.get("relType", "")
        if rel not in RELTYPES:
            continue
        ei, t = a.get("eventInstanceID"), a.get("relatedToTime")
        if not (ei and t):
            ei, t = a.get("relatedToEventInstance"), a.get("timeID")
        if not (ei and t):
            continue
        eid = instance.get(ei)
        if eid not in events or t not in timexes or timexes[t][2] != "DATE":
            continue
        ev, tx = events[eid], timexes[t][:2]
        if (ev, tx) in seen:
            continue
        seen.add((ev, tx))
        links.append(Link(doc_id, ev, tx, rel, text[ev[0]:ev[1]], text[tx[0]:tx[1]]))
    dct = None
    d = _DCT_TIMEX.search(source)
    if d:
        dct = attributes(d.group(0)).get("value")
    return TimeBankDoc(doc_id, corpus, text, dct, tuple(links))


def head_verb(span_root):
    """The baseline: the first verb above a date's span root."""
    tok = span_root
    for _ in range(12):
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


@dataclass(slots=True)
class AttachCounts:
    docs: int = 0
    links: int = 0
    system_ok: int = 0
    covered: int = 0  # links with a factwatch statement for that date
    baseline_ok: int = 0
    baseline_ok_covered: int = 0  # the baseline on the links factwatch has a statement for

    def add(self, o: AttachCounts) -> None:
        for f in self.__slots__:
            setattr(self, f, getattr(self, f) + getattr(o, f))

    def metrics(self) -> dict:
        n = self.links or 1
        return {
            "docs": self.docs, "links": self.links,
            "attachment_accuracy": round(self.system_ok / n, 4),
            "baseline_accuracy": round(self.baseline_ok / n, 4),
            "coverage": round(self.covered / n, 4),
            "accuracy_where_covered": round(self.system_ok / self.covered, 4) if self.covered else None,
            "baseline_where_covered": round(self.baseline_ok_covered / self.covered, 4) if self.covered else None,
        }


def score_document(doc: TimeBankDoc, models) -> tuple[AttachCounts, list[tuple[Link, bool, bool]]]:
    from extractors.events import group_dates_by_sentence, statements_from_parse
    from extractors.reading import read_texts
    from extractors.timex import date_mentions

    c = AttachCounts(docs=1)
    text = doc.text
    (reading,) = read_texts([text], models.reader)
    sents = list(reading.sentences)

    def sent_of(pos: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in sents if s <= pos < e), None)

    links = [lk for lk in doc.links if sent_of(lk.timex[0]) is not None and sent_of(lk.timex[0]) == sent_of(lk.event[0])]
    dct = parse_dct(doc.dct)
    dates = date_mentions(text, dct)
    grouped = dict(group_dates_by_sentence(sents, dates))
    wanted = sorted(set(grouped) | {sent_of(lk.timex[0]) for lk in links})
    parsed = dict(zip(wanted, models.parser.pipe(text[s:e] for s, e in wanted)))
    statements = []
    for sent, ds in grouped.items():
        statements.extend(statements_from_parse(text, sent, parsed[sent], ds, reading.mentions))
    out = []
    for lk in links:
        c.links += 1
        ts, te = lk.timex
        es, ee = lk.event
        # factwatch's statements for that date: on the mention that overlaps the
        # TIMEX3, or on the same period in the same sentence (one statement per
        # trigger and date, however often the date is repeated)
        own = [d for d in dates if d.char_start < te and ts < d.char_end]
        sent = sent_of(ts)
        mine = [st for st in statements if (st.date.char_start < te and ts < st.date.char_end) or (
            st.char_start == sent[0] and any((st.date.date_start, st.date.date_end) == (d.date_start, d.date_end)
                                             for d in own))]
        c.covered += bool(mine)
        ok = any(st.trigger_start is not None and es <= st.trigger_start < ee for st in mine)
        c.system_ok += ok
        span = parsed[sent].char_span(ts - sent[0], te - sent[0], alignment_mode="expand")
        hv = head_verb(span.root) if span is not None and len(span) else None
        base = hv is not None and es <= sent[0] + hv.idx < ee
        c.baseline_ok += base
        c.baseline_ok_covered += base and bool(mine)
        out.append((lk, ok, base))
    return c, out


@dataclass
class AttachmentReport:
    rows: dict[str, AttachCounts]
    metrics: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)

    def table(self) -> str:
        lines = [f"{'corpus':<12}{'docs':>6}{'links':>7}{'factwatch':>11}{'baseline':>10}{'coverage':>10}{'acc|cov':>9}"
                 f"{'base|cov':>10}"]
        for name, c in self.rows.items():
            m = c.metrics()
            awc = m["accuracy_where_covered"]
            lines.append(f"{name:<12}{m['docs']:>6}{m['links']:>7}{m['attachment_accuracy']:>11.3f}"
                         f"{m['baseline_accuracy']:>10.3f}{m['coverage']:>10.3f}{(awc or 0):>9.3f}"
                         f"{(m['baseline_where_covered'] or 0):>10.3f}")
        return "\n".join(lines)


def run_attachment_eval(directory: Path, files: Sequence[str] | None = None, models=None) -> AttachmentReport:
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    directory = Path(directory)
    paths = [directory / f for f in files] if files else [
        p for p in iter_timeml_files(directory) if not any(s in p.parts for s in SKIPPED_DIRS)]
    rows: dict[str, AttachCounts] = {}
    overall = AttachCounts()
    misses = []
    for p in paths:
        corpus = p.parent.name if p.parent != directory else directory.name
        doc = parse_links(p.read_text(encoding="utf-8"), p.stem, corpus)
        with models.reader.memory_zone(), models.parser.memory_zone():
            c, judged = score_document(doc, models)
        rows.setdefault(corpus, AttachCounts()).add(c)
        overall.add(c)
        misses.extend((lk, ok, base) for lk, ok, base in judged if not ok)
    rows = dict(sorted(rows.items()))
    rows["overall"] = overall
    return AttachmentReport(rows=rows, metrics=overall.metrics() | {
        "margin_over_baseline": round((overall.system_ok - overall.baseline_ok) / (overall.links or 1), 4),
        "per_corpus": {k: v.metrics() for k, v in rows.items() if k != "overall"}}, misses=misses)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 1:
        print("usage: python -m evaluation.attachment_eval DIR", file=sys.stderr)
        return 2
    report = run_attachment_eval(Path(argv[0]))
    print(report.table())
    print(json.dumps(report.metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
