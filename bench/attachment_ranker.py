"""Would a learned trigger ranker beat the trigger rules on TimeBank? An
experiment, not a product part: on every date of the attachment benchmark
that factwatch makes a statement for, the candidate words of the sentence
(verbs, event nouns, adjectives the date may qualify, and the rules'
trigger) get a logistic score from features of their place in the parse
(path to the date, part of speech, dependency, event-noun lexicon, frame or
reporting verb, the date's head verb); the best-scored candidate is the
date's trigger. Trained on one half of the documents and scored on the other
(the halves of ``factwatch eval attachment --cv``), both ways.

    PYTHONPATH=. python bench/attachment_ranker.py ../shared/eval/timex/tbaq

Prints, over all links, the share right with the rules' trigger and with
the ranker's, with and without the rules' choice as a feature, and with the
frame verbs (copula, light, perception) left out of the candidates as the
statement rules want. Scored like the benchmark, one trigger per date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from evaluation.attachment_eval import SKIPPED_DIRS, head_verb, parse_links, prepare_document, split_halves
from evaluation.logistic import fit_logistic, predict
from evaluation.timeml import iter_timeml_files
from extractors.event_rules import FRAME_VERBS
from extractors.events import statements_from_parse
from extractors.triggers import find_trigger, is_event_noun

REPORTING = frozenset("say tell report announce state add claim confirm disclose reveal declare insist".split())
DEPS = ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "dobj", "pobj", "nsubj", "nsubjpass", "amod", "compound")
POS = ("VERB", "AUX", "NOUN", "ADJ")


def features(tok, date_root, date_span: range, rule, head) -> list[float]:
    """The candidate ``tok``'s place in the parse relative to the date."""
    up = [a.i for a in date_root.ancestors]
    depth = up.index(tok.i) + 1 if tok.i in up else 0
    gap = tok.i - date_span.start if tok.i < date_span.start else tok.i - date_span.stop + 1
    lemma = tok.lemma_.lower()
    f = [rule is not None and tok.i == rule.i, head is not None and tok.i == head.i, tok.i in up, min(depth, 6) / 6,
         any(a.i == date_root.i for a in tok.ancestors), min(abs(gap), 20) / 20, gap < 0, is_event_noun(tok),
         lemma in FRAME_VERBS, lemma in REPORTING, tok.tag_ in ("VBG", "VBN"), tok.tag_ == "VBD"]
    f += [tok.pos_ == p for p in POS] + [tok.dep_ == d for d in DEPS]
    return [float(v) for v in f]


def dated_candidates(prepared) -> tuple[list, int]:
    """Per covered date: (doc id, its links, [(token, features, char offset)])."""
    out, n_links = [], 0
    for prep in prepared:
        text = prep.doc.text
        statements = [st for sent, ds in prep.grouped.items()
                      for st in statements_from_parse(text, sent, prep.parsed[sent], ds, prep.mentions)]
        by_date: dict = {}
        for lk in prep.links:
            n_links += 1
            ts, te = lk.timex
            own = [d for d in prep.dates if d.char_start < te and ts < d.char_end]
            sent = next((s, e) for s, e in prep.sentences if s <= ts < e)
            covered = any((st.date.char_start < te and ts < st.date.char_end) or (st.char_start == sent[0] and any(
                (st.date.date_start, st.date.date_end) == (d.date_start, d.date_end) for d in own)) for st in statements)
            if covered and own:
                by_date.setdefault(lk.timex, (sent, own[0], []))[2].append(lk)
        for sent, date, links in by_date.values():
            parsed = prep.parsed[sent]
            span = parsed.char_span(date.char_start - sent[0], date.char_end - sent[0], alignment_mode="expand")
            if span is None or not len(span):
                continue
            inside = range(span.start, span.end)
            rule, _ = find_trigger(span.root, inside)
            head = head_verb(span.root)
            cands = [t for t in parsed if t.i not in inside and (
                t.pos_ in ("VERB", "AUX") or is_event_noun(t) or (t.pos_ == "ADJ" and t.dep_ in ("acomp", "amod", "oprd"))
                or (rule is not None and t.i == rule.i))]
            out.append((prep.doc.doc_id, links, [(t, features(t, span.root, inside, rule, head), sent[0] + t.idx, t.i == (
                rule.i if rule is not None else -1)) for t in cands]))
    return out, n_links


def right(links, offset: int | None) -> int:
    return 0 if offset is None else sum(lk.event[0] <= offset < lk.event[1] for lk in links)


def ranker_score(dates, halves, use_rule: bool, allow) -> int:
    """Links right with the trigger the ranker picks, trained on the other half."""
    got = 0
    for train, test in (halves, halves[::-1]):
        rows = [(f if use_rule else [0.0] + f[1:], any(lk.event[0] <= c0 < lk.event[1] for lk in links))
                for doc, links, cands in dates if doc in train for t, f, c0, _ in cands if allow(t)]
        w, b = fit_logistic(np.array([r[0] for r in rows]), np.array([float(r[1]) for r in rows]), l2=1.0)
        for doc, links, cands in dates:
            pool = [(float(predict(np.array([f if use_rule else [0.0] + f[1:]]), w, b)[0]), c0)
                    for t, f, c0, _ in cands if allow(t)]
            if doc in test and pool:
                got += right(links, max(pool)[1])
    return got


def main(argv: list[str]) -> int:
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    directory = Path(argv[0]) if argv else Path("../shared/eval/timex/tbaq")
    models = load_models(DEFAULT_MODEL)
    prepared = []
    for p in iter_timeml_files(directory):
        if not any(s in p.parts for s in SKIPPED_DIRS):
            corpus = p.parent.name if p.parent != directory else directory.name
            prepared.append(prepare_document(parse_links(p.read_text(encoding="utf-8"), p.stem, corpus), models))
    dates, n = dated_candidates(prepared)
    halves = split_halves([p.doc.doc_id for p in prepared])
    rules = sum(right(links, next((c0 for t, f, c0, is_rule in cands if is_rule), None)) for _, links, cands in dates)
    print(f"links {n}; the rules' trigger: {rules / n:.4f}")
    for name, use_rule, allow in (("ranker with the rules' choice as a feature", True, lambda t: True),
                                  ("ranker without it", False, lambda t: True),
                                  ("ranker with it, no frame verb as a candidate", True,
                                   lambda t: t.lemma_.lower() not in FRAME_VERBS)):
        got = ranker_score(dates, halves, use_rule, allow)
        print(f"{name}: {got / n:.4f} held out ({got - rules:+d} links)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
