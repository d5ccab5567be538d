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
* **ceiling**: one statement per trigger and date names one event, and a
  TIMEX3 is often linked to several ("paid tribute Tuesday ... on a visit"):
  the share of links any one event per covered date could get;
* **baseline**: the date's syntactic head verb: from the root of the gold
  TIMEX3's span, up the dependency tree to the first verb. It is scored on
  all links, and on the links factwatch has a statement for (``base|cov``,
  beside factwatch's ``acc|cov``).

``python -m evaluation.attachment_eval DIR --dates`` prints only how the
tagger reads the links' DATE TIMEX3 (not tagged; tagged with no dated
period; a value other than the gold's, by the shapes of the two values),
each such reading listed by cause.

``python -m evaluation.attachment_eval DIR [--errors N] [--cv]`` (or
``factwatch eval attachment DIR [--errors N] [--cv]``) prints a table per
corpus and the overall JSON last. ``--errors N`` lists wrong links with
factwatch's triggers for the date; ``--cv`` also chooses the trigger rules'
switches (extractors.triggers.TriggerOptions, by a greedy search from the
defaults, one switch at a time) on one half of the documents and scores them
on the other half, and the other way round.
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
    timex_value: str = ""  # the TIMEX3's value ("1998-08-07", "PRESENT_REF", "P1D")


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
    timexes: dict[str, tuple[int, int, str, str]] = {}
    for name, start, end, a in elements:
        if name == "EVENT" and a.get("eid"):
            events[a["eid"]] = (start, end)
        elif name == "TIMEX3" and a.get("tid"):
            timexes[a["tid"]] = (start, end, a.get("type", ""), a.get("value", ""))
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
        links.append(Link(doc_id, ev, tx, rel, text[ev[0]:ev[1]], text[tx[0]:tx[1]], timexes[t][3]))
    dct = None
    d = _DCT_TIMEX.search(source)
    if d:
        dct = attributes(d.group(0)).get("value")
    return TimeBankDoc(doc_id, corpus, text, dct, tuple(links))


def value_class(value: str) -> str:
    """What kind of time a TIMEX3 value names: a calendar period ("1998-08-07",
    "1998-Q3", "199X"), the present, past or future as such ("PRESENT_REF":
    "now", "currently", "recently", "soon"; factwatch makes no dated statement
    of them by design), or anything else (an unanchored "XXXX-WXX-1", "P1D")."""
    if value.endswith("_REF"):
        return "present/past/future ref"
    return "calendar" if value[:1].isdigit() else "other"


def head_verb(span_root):
    """The baseline: the first verb above a date's span root."""
    tok = span_root
    for _ in range(12):
        if tok.head == tok:
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
    ceiling: int = 0  # the most any one trigger per date could get: per covered date, its most linked event

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
            "one_trigger_ceiling": round(self.ceiling / n, 4),
        }


@dataclass(slots=True)
class Judged:
    """One link as scored: factwatch's triggers for that date and the baseline's verb."""

    link: Link
    ok: bool
    baseline_ok: bool
    triggers: tuple[str, ...]  # factwatch's triggers for that date (as written); () when no statement
    baseline: str | None
    sentence: str
    cause: str = ""  # why a wrong link is wrong (see miss_cause); "" when right
    detail: str = ""  # within a cause, how the gold event stands to the trigger ("verb conjoined with the trigger")


@dataclass(slots=True)
class PreparedDoc:
    """A document read, tagged and parsed once, to be judged under any trigger options."""

    doc: TimeBankDoc
    sentences: list[tuple[int, int]]
    links: list[Link]
    dates: list
    grouped: dict
    parsed: dict
    mentions: list


def prepare_document(doc: TimeBankDoc, models) -> PreparedDoc:
    from extractors.document import parsed_text
    from extractors.events import group_dates_by_sentence
    from extractors.reading import read_texts
    from extractors.timex import date_mentions

    text = doc.text
    (reading,) = read_texts([text], models.reader)
    sents = list(reading.sentences)

    def sent_of(pos: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in sents if s <= pos < e), None)

    links = [lk for lk in doc.links if sent_of(lk.timex[0]) is not None and sent_of(lk.timex[0]) == sent_of(lk.event[0])]
    dates = date_mentions(text, parse_dct(doc.dct))
    grouped = dict(group_dates_by_sentence(sents, dates))
    wanted = sorted(set(grouped) | {sent_of(lk.timex[0]) for lk in links})
    # parsed as the product parses a dated sentence (rule "plain-quotes")
    parsed = dict(zip(wanted, models.parser.pipe(parsed_text(text[s:e]) for s, e in wanted)))
    return PreparedDoc(doc, sents, links, dates, grouped, parsed, list(reading.mentions))


def judge_document(prep: PreparedDoc, options=None) -> tuple[AttachCounts, list[Judged]]:
    """Score the links of a prepared document; ``options``: the trigger
    options (extractors.triggers.TriggerOptions), the default when None."""
    from extractors.events import statements_from_parse

    c = AttachCounts(docs=1)
    text = prep.doc.text
    statements = []
    for sent, ds in prep.grouped.items():
        statements.extend(statements_from_parse(text, sent, prep.parsed[sent], ds, prep.mentions,
                                                trigger_options=options))
    out = []
    for lk in prep.links:
        c.links += 1
        ts, te = lk.timex
        es, ee = lk.event
        # factwatch's statements for that date: on the mention that overlaps the
        # TIMEX3, or on the same period in the same sentence (one statement per
        # trigger and date, however often the date is repeated)
        own = [d for d in prep.dates if d.char_start < te and ts < d.char_end]
        sent = next((s, e) for s, e in prep.sentences if s <= ts < e)
        mine = [st for st in statements if (st.date.char_start < te and ts < st.date.char_end) or (
            st.char_start == sent[0] and any((st.date.date_start, st.date.date_end) == (d.date_start, d.date_end)
                                             for d in own))]
        c.covered += bool(mine)
        ok = any(st.trigger_start is not None and es <= st.trigger_start < ee for st in mine)
        c.system_ok += ok
        span = prep.parsed[sent].char_span(ts - sent[0], te - sent[0], alignment_mode="expand")
        hv = head_verb(span.root) if span is not None and len(span) else None
        base = hv is not None and es <= sent[0] + hv.idx < ee
        c.baseline_ok += base
        c.baseline_ok_covered += base and bool(mine)
        cause = "" if ok else miss_cause(prep, lk, sent, own, mine, options)
        out.append(Judged(lk, ok, base, tuple(st.trigger_text or "" for st in mine), hv.text if hv is not None else None,
                          " ".join(text[sent[0]:sent[1]].split()), cause))
    # a date linked to several events can name only one as the trigger of its statement
    by_date: dict[tuple[int, int], list[Judged]] = {}
    for j in out:
        by_date.setdefault(j.link.timex, []).append(j)
    for js in by_date.values():
        if any(j.ok for j in js):  # the date's statement names another of its events
            for j in js:
                if not j.ok and j.triggers:
                    # how the gold event stands to that trigger: "arrested ... and charged" (conjoined)
                    j.detail = j.cause.removeprefix("wrong trigger: ").removeprefix("gold ")
                    j.cause = OTHER_EVENT
        if js[0].triggers:
            events: dict[tuple[int, int], int] = {}
            for j in js:
                events[j.link.event] = events.get(j.link.event, 0) + 1
            c.ceiling += max(events.values())
    return c, out


# a wrong link whose date's statement names another event linked to that date (one trigger per date)
OTHER_EVENT = "wrong trigger: the date's other linked event is the trigger"

# what a wrong link's gold event and factwatch's trigger are to each other, in the order tried
_SETTING_PREPS = frozenset({"in", "at", "during", "on", "after", "before"})
_REPORTING = frozenset("say tell report announce state add claim confirm disclose reveal declare insist".split())


def miss_cause(prep: PreparedDoc, lk: Link, sent: tuple[int, int], own: list, mine: list, options=None) -> str:
    """Why factwatch's statements miss the link: no statement (no date
    mention; no trigger; the reason a statement rule gives) or the wrong
    trigger (how the trigger picked stands to the gold event in the parse)."""
    from extractors.event_rules import FRAME_VERBS
    from extractors.events import no_statement_reason
    from extractors.triggers import find_trigger

    parsed = prep.parsed[sent]
    if not mine:
        if not own:
            return "no statement: the tagger finds no date there"
        d = own[0]
        span = parsed.char_span(d.char_start - sent[0], d.char_end - sent[0], alignment_mode="expand")
        if span is None or not len(span):
            return "no statement: the date crosses the sentence"
        head, by_parse = find_trigger(span.root, range(span.start, span.end), options)
        if head is None or span.start <= head.i < span.end:
            return "no statement: no trigger"
        reason = no_statement_reason(head, d, by_parse, span.root)
        return f"no statement: {reason}" if reason else "no statement: other"
    g_span = parsed.char_span(lk.event[0] - sent[0], lk.event[1] - sent[0], alignment_mode="expand")
    if g_span is None or not len(g_span):
        return "wrong trigger: gold event not a parse token"
    g = g_span.root
    ts = [t.root for st in mine if st.trigger_start is not None and sent[0] <= st.trigger_start < sent[1]
          for t in [parsed.char_span(st.trigger_start - sent[0], st.trigger_start - sent[0] + 1, alignment_mode="expand")]
          if t is not None and len(t)]
    if not ts:
        return "wrong trigger: trigger outside the sentence"
    t = ts[0]
    kind = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adjective"}.get(g.pos_, "other")

    def above(a, b) -> bool:  # a is an ancestor of b
        return any(x.i == a.i for x in b.ancestors)

    if g.lemma_.lower() in FRAME_VERBS and g.pos_ in ("VERB", "AUX") and above(g, t):
        # "had a loss in the quarter", "made a decision Wednesday": TimeBank links the frame, the
        # product names the word the frame stands for (issue 13: never a light or copula frame)
        return "wrong trigger: gold frame verb, its content word is the trigger"
    if g.pos_ == "NOUN" and g.dep_ == "pobj" and g.head.lower_ in _SETTING_PREPS and g.head.head.i == t.i:
        # "shares rose in early trading yesterday", "welcomed the figures at a news conference Friday"
        return "wrong trigger: gold noun is the setting of the trigger (in trading, at a conference)"
    if g.dep_ == "conj" and g.head.i == t.i or t.dep_ == "conj" and t.head.i == g.i:
        return f"wrong trigger: gold {kind} conjoined with the trigger"
    if t.lemma_.lower() in _REPORTING and above(t, g):
        return f"wrong trigger: a reporting verb picked, gold {kind} in its complement"
    if g.lemma_.lower() in _REPORTING and above(g, t):
        return "wrong trigger: gold reporting verb, trigger in its complement"
    if above(g, t):
        return f"wrong trigger: gold {kind} governs the trigger"
    if above(t, g):
        if g.pos_ == "NOUN":
            return "wrong trigger: gold noun below the trigger"
        return f"wrong trigger: gold {kind} in a clause below the trigger"
    return f"wrong trigger: gold {kind} elsewhere in the sentence"


def cause_counts(judged: Sequence[Judged]) -> dict[tuple[str, str], int]:
    """The wrong links counted by cause and detail ("" when the cause has none)."""
    counts: dict[tuple[str, str], int] = {}
    for j in judged:
        if not j.ok:
            counts[(j.cause, j.detail)] = counts.get((j.cause, j.detail), 0) + 1
    return counts


def _most_first(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def cause_table(judged: Sequence[Judged], detailed: bool = False) -> list[tuple[str, int]]:
    """The wrong links counted by cause, most frequent first; ``detailed``:
    by cause and detail ("<cause> (<detail>)"; each link counted once either way)."""
    counts: dict[str, int] = {}
    for (cause, detail), n in cause_counts(judged).items():
        key = f"{cause} ({detail})" if detailed and detail else cause
        counts[key] = counts.get(key, 0) + n
    return _most_first(counts)


def score_document(doc: TimeBankDoc, models, options=None) -> tuple[AttachCounts, list[Judged]]:
    return judge_document(prepare_document(doc, models), options)


def split_halves(doc_ids: Sequence[str]) -> tuple[set[str], set[str]]:
    """Two halves of the documents for cross-validation: every other document
    in the order of their ids (each corpus falls into both halves)."""
    ordered = sorted(doc_ids)
    return set(ordered[0::2]), set(ordered[1::2])


@dataclass
class AttachmentReport:
    rows: dict[str, AttachCounts]
    metrics: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)
    by_value: dict[str, AttachCounts] = field(default_factory=dict)  # the links by the kind of their TIMEX3's value

    def values(self) -> str:
        """The scores by what kind of time the gold TIMEX3 names (see value_class)."""
        lines = [f"{'date value':<36}{'links':>7}{'factwatch':>11}{'baseline':>10}{'coverage':>10}{'acc|cov':>9}"]
        for name, c in sorted(self.by_value.items(), key=lambda kv: (":" in kv[0], kv[0])):
            m = c.metrics()
            lines.append(f"{name:<36}{m['links']:>7}{m['attachment_accuracy']:>11.3f}{m['baseline_accuracy']:>10.3f}"
                         f"{m['coverage']:>10.3f}{(m['accuracy_where_covered'] or 0):>9.3f}")
        return "\n".join(lines)

    def causes(self) -> str:
        """The wrong links by cause, with their share of all links; a cause
        with details is followed by its links split by detail (indented)."""
        n = self.rows["overall"].links or 1 if "overall" in self.rows else 1
        counts = cause_counts(self.misses)
        lines = ["wrong links by cause (share of all links):"]
        for k, v in cause_table(self.misses):
            details = {d: dv for (c, d), dv in counts.items() if c == k and d}
            lines.append(f"  {k:<72}{v:>6}{v / n:>8.3f}")
            for d, dv in _most_first(details):
                lines.append(f"      of which {d:<59}{dv:>6}{dv / n:>8.3f}")
        return "\n".join(lines)

    def table(self) -> str:
        lines = [f"{'corpus':<12}{'docs':>6}{'links':>7}{'factwatch':>11}{'baseline':>10}{'coverage':>10}{'acc|cov':>9}"
                 f"{'base|cov':>10}{'ceiling':>9}"]
        for name, c in self.rows.items():
            m = c.metrics()
            awc = m["accuracy_where_covered"]
            lines.append(f"{name:<12}{m['docs']:>6}{m['links']:>7}{m['attachment_accuracy']:>11.3f}"
                         f"{m['baseline_accuracy']:>10.3f}{m['coverage']:>10.3f}{(awc or 0):>9.3f}"
                         f"{(m['baseline_where_covered'] or 0):>10.3f}{m['one_trigger_ceiling']:>9.3f}")
        return "\n".join(lines + [self.values(), self.causes()])


def neighbours(options):
    """The trigger options with one switch of ``options`` turned the other way
    (extractors.triggers.TriggerOptions)."""
    from dataclasses import fields, replace

    return [replace(options, **{f.name: not getattr(options, f.name)}) for f in fields(options)]


def search_switches(score, start):
    """Greedy search over the trigger switches: from ``start``, turn the one
    switch that raises ``score`` most, until none does (ties keep the
    configuration reached first). ``score``: options -> number of links right."""
    best, best_score = start, score(start)
    while True:
        cands = [(score(o), -k, o) for k, o in enumerate(neighbours(best))]
        top = max(cands, key=lambda c: (c[0], c[1]))
        if top[0] <= best_score:
            return best
        best, best_score = top[2], top[0]


def _switches(options) -> str:
    from dataclasses import asdict

    on = [k for k, v in asdict(options).items() if v]
    return "+".join(on) or "none"


def cross_validate(prepared: Sequence[PreparedDoc], start=None) -> dict:
    """Choose the trigger switches on one half of the documents (greedy
    search from the defaults) and score them on the other half (and the other
    way round); beside it, the choice made on all documents, and what turning
    each switch of the default the other way does on all documents."""
    from extractors.triggers import DEFAULT_OPTIONS

    start = start if start is not None else DEFAULT_OPTIONS
    links = {p.doc.doc_id: len(p.links) for p in prepared}
    cache: dict = {}

    def per_doc(opts) -> dict[str, int]:
        if opts not in cache:
            cache[opts] = {p.doc.doc_id: judge_document(p, opts)[0].system_ok for p in prepared}
        return cache[opts]

    total = sum(links.values()) or 1
    halves = split_halves(list(links))
    held_out_ok = 0
    folds = []
    for train, test in (halves, halves[::-1]):
        chosen = search_switches(lambda o, ids=train: sum(per_doc(o)[d] for d in ids), start)
        got = sum(per_doc(chosen)[d] for d in test)
        held_out_ok += got
        folds.append({"chosen": _switches(chosen), "train_accuracy": round(sum(per_doc(chosen)[d] for d in train) /
                      (sum(links[d] for d in train) or 1), 4),
                      "test_accuracy": round(got / (sum(links[d] for d in test) or 1), 4)})
    everywhere = search_switches(lambda o: sum(per_doc(o).values()), start)
    return {"cv_attachment_accuracy": round(held_out_ok / total, 4),
            "in_sample_best": _switches(everywhere),
            "in_sample_best_accuracy": round(sum(per_doc(everywhere).values()) / total, 4),
            "default_accuracy": round(sum(per_doc(start).values()) / total, 4),
            "folds": folds,
            "one_switch_flipped": {_flipped(start, o): round(sum(per_doc(o).values()) / total, 4) for o in neighbours(start)}}


def _flipped(start, options) -> str:
    """The switch ``options`` turns the other way from ``start``: "noun_modifier on"."""
    from dataclasses import asdict

    a, b = asdict(start), asdict(options)
    return ", ".join(f"{k} {'on' if b[k] else 'off'}" for k in a if a[k] != b[k])


def run_attachment_eval(directory: Path, files: Sequence[str] | None = None, models=None, options=None,
                        cv: bool = False) -> AttachmentReport:
    """Score every TimeML file under ``directory`` (or ``files`` in it) with the
    trigger ``options`` (None: the default); ``cv``: also cross-validate the
    trigger switches over two halves of the documents (metrics["cv"])."""
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    directory = Path(directory)
    paths = [directory / f for f in files] if files else [
        p for p in iter_timeml_files(directory) if not any(s in p.parts for s in SKIPPED_DIRS)]
    rows: dict[str, AttachCounts] = {}
    overall = AttachCounts()
    misses = []
    prepared = []
    by_value: dict[str, AttachCounts] = {}
    for p in paths:
        corpus = p.parent.name if p.parent != directory else directory.name
        doc = parse_links(p.read_text(encoding="utf-8"), p.stem, corpus)
        if cv:  # the parses are kept to be judged again under every configuration
            prep = prepare_document(doc, models)
            prepared.append(prep)
            c, judged = judge_document(prep, options)
        else:
            with models.reader.memory_zone(), models.parser.memory_zone():
                c, judged = score_document(doc, models, options)
        rows.setdefault(corpus, AttachCounts()).add(c)
        overall.add(c)
        misses.extend(j for j in judged if not j.ok)
        for j in judged:  # by the kind of date, over all corpora and per corpus
            for key in (value_class(j.link.timex_value), f"{corpus}: {value_class(j.link.timex_value)}"):
                v = by_value.setdefault(key, AttachCounts())
                v.links += 1
                v.system_ok += j.ok
                v.covered += bool(j.triggers)
                v.baseline_ok += j.baseline_ok
                v.baseline_ok_covered += j.baseline_ok and bool(j.triggers)
    rows = dict(sorted(rows.items()))
    rows["overall"] = overall
    metrics = overall.metrics() | {
        "margin_over_baseline": round((overall.system_ok - overall.baseline_ok) / (overall.links or 1), 4),
        "per_corpus": {k: v.metrics() for k, v in rows.items() if k != "overall"},
        "per_date_value": {k: {m: v for m, v in c.metrics().items() if m != "one_trigger_ceiling"}
                           for k, c in sorted(by_value.items())},
        "miss_causes": dict(cause_table(misses)), "miss_cause_details": dict(cause_table(misses, detailed=True))}
    if cv:
        metrics["cv"] = cross_validate(prepared)
    return AttachmentReport(rows=rows, metrics=metrics, misses=misses, by_value=by_value)


def error_lines(report: AttachmentReport, n: int) -> list[str]:
    """The first ``n`` links factwatch got wrong: the gold event and date,
    factwatch's triggers for that date (none: no statement), the baseline's verb."""
    out = []
    for j in report.misses[:n]:
        lk = j.link
        fw = ",".join(j.triggers) if j.triggers else "(no statement)"
        out.append(f"{lk.doc} {lk.rel} event={lk.event_text!r} date={lk.timex_text!r} factwatch={fw} "
                   f"baseline={j.baseline!r}{' (right)' if j.baseline_ok else ''} [{j.cause}{f' ({j.detail})' if j.detail else ''}] | {j.sentence[:240]}")
    return out


@dataclass(frozen=True, slots=True)
class DateReading:
    """How the tagger reads the DATE TIMEX3 of an attachment link (each TIMEX3 once)."""

    doc: str
    dct: str | None
    timex_text: str
    gold: str  # the TIMEX3's value
    tagged: str  # the tagger's value there ("" when it tags nothing)
    cause: str  # see date_reading_cause
    context: str


def value_shape(value: str) -> str:
    """A value with its digits as 9: "1998-08-07" -> "9999-99-99", "1988-Q3" -> "9999-Q9"."""
    return "".join("9" if ch.isdigit() else ch for ch in value)


def date_reading_cause(gold: str, tagged: str, dated: bool) -> str:
    """Why the tagger's reading of a link's TIMEX3 is not the gold's: "not
    tagged", "tagged, no dated period" (a duration, PRESENT_REF: no statement
    can carry it), "value differs (<gold shape> / <tagged shape>)", or "same
    value"; ``dated``: the tagger gives a calendar period there."""
    if not tagged:
        return "not tagged"
    if not dated:
        return "tagged, no dated period"
    if tagged == gold:
        return "same value"
    return f"value differs ({value_shape(gold)} / {value_shape(tagged)})"


def date_readings(doc: TimeBankDoc) -> list[DateReading]:
    """The tagger's reading of every DATE TIMEX3 the document's links use
    (tagging only: no parse)."""
    from extractors.timex import date_mentions, tag_timexes

    anchor = parse_dct(doc.dct)
    timexes = tag_timexes(doc.text, anchor)
    mentions = date_mentions(doc.text, anchor)
    out = []
    seen = set()
    for lk in doc.links:
        if lk.timex in seen:
            continue
        seen.add(lk.timex)
        ts, te = lk.timex
        dated = [m for m in mentions if m.char_start < te and ts < m.char_end]
        tagged = [t for t in timexes if t.char_start < te and ts < t.char_end]
        value = dated[0].value if dated else ",".join(t.value for t in tagged)
        context = " ".join(doc.text[max(0, ts - 70) : te + 40].split())
        out.append(DateReading(doc.doc_id, doc.dct, lk.timex_text, lk.timex_value, value,
                               date_reading_cause(lk.timex_value, value, bool(dated)), context))
    return out


def date_reading_table(directory: Path) -> str:
    """The link dates of every document under ``directory`` counted by the
    kind of their value and the tagger's reading, then every reading that is
    not the gold's, by cause."""
    directory = Path(directory)
    readings = []
    for p in iter_timeml_files(directory):
        if not any(s in p.parts for s in SKIPPED_DIRS):
            readings.extend(date_readings(parse_links(p.read_text(encoding="utf-8"), p.stem)))
    counts: dict[tuple[str, str], int] = {}
    for r in readings:
        key = (value_class(r.gold), r.cause if not r.cause.startswith("value differs") else "value differs")
        counts[key] = counts.get(key, 0) + 1
    lines = [f"link dates by the tagger's reading ({len(readings)} TIMEX3):"]
    lines += [f"  {k[0]:<26}{k[1]:<26}{v:>6}" for k, v in sorted(counts.items())]
    by_cause: dict[str, list[DateReading]] = {}
    for r in readings:
        if r.cause != "same value":
            by_cause.setdefault(r.cause, []).append(r)
    for cause, rs in sorted(by_cause.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"== {cause}  n={len(rs)}")
        lines += [f"    {r.doc} dct={r.dct} gold={r.gold} tagged={r.tagged or '-'} {r.timex_text!r} | {r.context}"
                  for r in rs]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m evaluation.attachment_eval", description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--errors", type=int, default=0, help="list this many links factwatch got wrong (stderr)")
    ap.add_argument("--cv", action="store_true", help="cross-validate the trigger switches over two halves of the documents")
    ap.add_argument("--dates", action="store_true", help="only the tagger's reading of the links' dates, each not read "
                    "as the gold reads it listed by cause (no parse)")
    args = ap.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.dates:
        print(date_reading_table(args.directory))
        return 0
    report = run_attachment_eval(args.directory, cv=args.cv)
    for line in error_lines(report, args.errors):
        print(line, file=sys.stderr)
    print(report.table())
    if args.cv:
        print(cv_table(report.metrics["cv"]))
    print(json.dumps(report.metrics))
    return 0


def cv_table(cv: dict) -> str:
    lines = [f"cross-validated (switches chosen on one half of the documents, scored on the other): "
             f"{cv['cv_attachment_accuracy']:.3f}; chosen on all documents {cv['in_sample_best_accuracy']:.3f} "
             f"({cv['in_sample_best']}); default {cv['default_accuracy']:.3f}"]
    for k, f in enumerate(cv["folds"], 1):
        lines.append(f"  fold {k}: chose {f['chosen']}: train {f['train_accuracy']:.3f}, held out {f['test_accuracy']:.3f}")
    for name, acc in cv["one_switch_flipped"].items():
        lines.append(f"  default with {name}: {acc:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
