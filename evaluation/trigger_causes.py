"""Where the statements benchmark's triggers go wrong: every matched statement whose trigger is not the
gold one, with the system's trigger, the gold's and a cause class.

Offline tool for working on the trigger rules (extractors/triggers.py)::

    python -m evaluation.trigger_causes evaluation/labels/statements/wcxb-dev evaluation/labels/statements/news-a [--list]

Each directory is scored as ``factwatch eval statements`` scores it (its table is printed too; a
phrasal verb's particle kept on one side only is no error there: ``same_trigger``), then
each matched statement with a wrong trigger is put down to one cause, read off the parse of its
sentence (the first cause that fits, in this order):

* ``no-trigger``: the system gives no trigger word;
* ``lemma-form``: the same word in another form ("employees" / "employee", "layoff" / "lay off",
  a lemmatiser's slip "hop" / "hope");
* ``label-frame``: the gold trigger is a frame word the README says is never a trigger (a copula,
  "accord", "read"): a label to check;
* ``other-gold``: the system's trigger is the gold trigger of another statement of the same sentence
  (two happenings of one sentence, the pairing took the other date);
* ``light-verb``: the system took a light verb ("held a meeting", "drew criticism") or the gold did
  where the system took its noun;
* ``aspectual``: the same with a verb of beginning, going on or ending ("layoffs will begin");
* ``reporting``: one side is a verb of saying or announcing ("announced that it would add");
* ``copula``: the system took a copula; ``frame``: a perception or citing frame ("see", "find");
* ``noun-verb``: two words of one family ("announce" / "announcement", "sign" / "signing");
* ``elsewhere``: the system's trigger is no word of the sentence (a dated heading's, a citation's);
* ``gold-absent``: no word of the sentence is the gold trigger (a happening the page names elsewhere);
* ``head``: the gold word governs the system's (the system stopped too low in the tree);
* ``dependent``: the gold word hangs under the system's (the system went too high);
* ``wrong-clause``: the two words are in different clauses, neither above the other.

A second table, the **frame verbs**, counts for every light, aspectual or reporting verb the system
gave as a trigger of a matched statement how often the gold agreed: where a verb is taken by the
gold about as often as it is refused, the labels' convention is unsettled there.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.statements_eval import same_trigger
from extractors.event_rules import LIGHT_VERBS

# verbs that carry a happening named by their object or subject noun ("held a meeting", "drew criticism")
LIGHT = LIGHT_VERBS | frozenset("hold draw receive conduct carry put pay suffer undergo face experience stage host".split())
# verbs of beginning, going on and ending: the happening is their subject or object noun ("layoffs will begin")
ASPECTUAL = frozenset("begin start end finish continue resume complete commence kick conclude stop cease "
                      "wrap".split())
# verbs of saying and announcing
REPORTING = frozenset("say announce report tell state add note confirm reveal claim explain write disclose "
                      "unveil declare insist argue accord".split())
COPULAS = frozenset({"be", "become", "remain", "seem"})
FRAMES = frozenset({"see", "read", "look", "find", "show", "feature", "include", "mark", "witness", "examine"})
# what the README says is never a trigger when a content word carries the date
NEVER_TRIGGERS = frozenset({"be", "accord", "read"})

CAUSES = ("no-trigger", "lemma-form", "label-frame", "other-gold", "light-verb", "aspectual", "reporting",
          "copula", "frame", "noun-verb", "elsewhere", "gold-absent", "head", "dependent", "wrong-clause")


@dataclass(frozen=True, slots=True)
class TriggerMiss:
    """One matched statement whose trigger is not the gold one."""

    page_id: str
    system: str | None
    gold: str
    cause: str
    sentence: str


def _squash(word: str) -> str:
    return word.replace("-", "").replace(" ", "").lower()


def _same_word(a: str, b: str) -> bool:
    """Two spellings or forms of one word: "layoff" / "lay off", "employees" / "employee", "hop" / "hope"."""
    a, b = _squash(a), _squash(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "e" or (long_.startswith(short) and len(long_) - len(short) <= 2 and len(short) >= 3)


def _family(a: str, b: str) -> bool:
    """Two words of one family ("announce" / "announcement", "sign" / "signing", "deliver" / "delivery")."""
    a, b = _squash(a), _squash(b)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def _token_of(doc, lemma: str, near: int | None):
    """The token of the sentence that is ``lemma`` (by its lemma or form; a phrasal verb by its verb), the
    nearest to ``near``."""
    first = lemma.split()[0]
    hits = [t for t in doc if t.lemma_.lower() in (lemma, first) or t.lower_ in (lemma, first)
            or (t.is_alpha and _same_word(t.lemma_, first))]
    if not hits:
        return None
    return min(hits, key=lambda t: abs(t.i - near)) if near is not None else hits[0]


def _one_of(words: frozenset[str], *lemmas: str | None) -> bool:
    return any(w is not None and w.split()[0] in words for w in lemmas)


def trigger_cause(doc, system: str | None, gold: str, system_at: int | None = None,
                  other_gold: Sequence[str] = ()) -> str:
    """The cause class of one wrong trigger (see the module's docstring): ``doc`` the parsed sentence,
    ``system_at`` the character offset of the system's trigger in it, ``other_gold`` the gold triggers
    of the sentence's other statements."""
    if not system:
        return "no-trigger"
    if _same_word(system, gold):
        return "lemma-form"
    if gold in NEVER_TRIGGERS:
        return "label-frame"
    if system in other_gold:
        return "other-gold"
    sys_tok = None
    if system_at is not None:
        sys_tok = next((t for t in doc if t.idx <= system_at < t.idx + max(len(t.text), 1)), None)
    if sys_tok is None:
        sys_tok = _token_of(doc, system, None)
    gold_tok = _token_of(doc, gold, sys_tok.i if sys_tok is not None else None)
    # a frame verb on one side and a noun on the other: the noun it carries
    noun_side = any(t is not None and t.pos_ in ("NOUN", "PROPN") for t in (gold_tok, sys_tok))
    if noun_side and _one_of(LIGHT, system, gold) and not _one_of(COPULAS, system):
        return "light-verb"
    if noun_side and _one_of(ASPECTUAL, system, gold):
        return "aspectual"
    if _one_of(REPORTING, system, gold):
        return "reporting"
    if system in COPULAS:
        return "copula"
    if system in FRAMES:
        return "frame"
    if _family(system, gold):
        return "noun-verb"
    if sys_tok is None:
        return "elsewhere"
    if gold_tok is None:
        return "gold-absent"
    if gold_tok in sys_tok.ancestors:
        return "head"
    if sys_tok in gold_tok.ancestors:
        return "dependent"
    return "wrong-clause"


def trigger_misses(report, parse) -> tuple[list[TriggerMiss], Counter]:
    """The wrong triggers of a scored report (evaluation.statements_eval.StatementsReport), each with its
    cause (``parse``: text -> a spaCy Doc), and the frame-verb counts: (verb, "agreed" | "refused") for
    every matched statement whose system trigger is a light, aspectual or reporting verb."""
    misses: list[TriggerMiss] = []
    frames: Counter = Counter()
    golds_of_sentence: dict[tuple[str, str], list[str]] = {}
    for j in report.judged:
        if j.correct and j.gold is not None and j.gold.trigger:
            golds_of_sentence.setdefault((j.page_id, j.gold.key), []).append(j.gold.trigger)
    for pid, g, _ in report.missed:
        if g.trigger:
            golds_of_sentence.setdefault((pid, g.key), []).append(g.trigger)
    for j in report.judged:
        if not j.correct or j.gold is None or not j.gold.trigger:
            continue
        st = j.statement
        system = st.trigger or None
        if system is not None and _one_of(LIGHT | ASPECTUAL | REPORTING, system):
            frames[(system.split()[0], "agreed" if same_trigger(system, j.gold.trigger) else "refused")] += 1
        if same_trigger(system, j.gold.trigger):
            continue
        sentence = " ".join(st.sentence.split())
        at = None
        if st.trigger_start is not None and st.trigger_text:
            at = sentence.find(st.trigger_text, max(0, len(" ".join(st.sentence[: st.trigger_start - st.char_start].split())) - 2))
            at = None if at < 0 else at
        others = [t for t in golds_of_sentence.get((j.page_id, j.gold.key), []) if t != j.gold.trigger]
        cause = trigger_cause(parse(sentence), system, j.gold.trigger, at, others)
        misses.append(TriggerMiss(j.page_id, system, j.gold.trigger, cause, sentence))
    return misses, frames


def cause_table(misses: Sequence[tuple[str, TriggerMiss]]) -> str:
    """Counts of (set, miss) pairs by cause, a column per set."""
    sets = list(dict.fromkeys(s for s, _ in misses))
    by = Counter((m.cause, s) for s, m in misses)
    total = Counter(m.cause for _, m in misses)
    heads = [s.replace("wcxb-", "")[:9] for s in sets]
    lines = [f"{'cause':<14}{'count':>6}" + "".join(f"{h:>10}" for h in heads)]
    for cause, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{cause:<14}{n:>6}" + "".join(f"{by.get((cause, s), 0) or '':>10}" for s in sets))
    return "\n".join(lines)


def frame_table(frames: Counter) -> str:
    verbs = sorted({v for v, _ in frames}, key=lambda v: -(frames[(v, "agreed")] + frames[(v, "refused")]))
    lines = [f"{'frame verb':<14}{'agreed':>8}{'refused':>8}"]
    lines += [f"{v:<14}{frames[(v, 'agreed')]:>8}{frames[(v, 'refused')]:>8}" for v in verbs]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from evaluation.statements_eval import run_statements_eval
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directories", type=Path, nargs="+")
    ap.add_argument("--pages", type=Path, default=None, help="the benchmark pages of the label dirs (default: each set's own)")
    ap.add_argument("--list", action="store_true", help="also list every wrong trigger")
    args = ap.parse_args(argv)
    models = load_models(DEFAULT_MODEL)
    rows: list[tuple[str, TriggerMiss]] = []
    frames: Counter = Counter()
    for d in args.directories:
        report = run_statements_eval([d], args.pages, models)
        m = report.metrics
        print(f"{d.name}: P {m['precision']} R {m['recall']} F1 {m['f1']} trigger {m['trigger_accuracy']} "
              f"({report.rows['overall'].trigger_ok}/{report.rows['overall'].trigger_n})", flush=True)
        misses, f = trigger_misses(report, models.parser)
        rows.extend((d.name, x) for x in misses)
        frames.update(f)
    if args.list:
        for s, x in rows:
            print(f"{s:<13} {x.cause:<13} sys={x.system} gold={x.gold} {x.page_id} :: {x.sentence[:140]}")
    print(cause_table(rows))
    print(frame_table(frames))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
