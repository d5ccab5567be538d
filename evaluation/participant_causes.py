"""Why a matched statement's participants disagree with the gold: a count by cause, per page type.

Offline tool for working on the participant rules::

    python -m evaluation.participant_causes ../shared/eval/facts evaluation/labels/statements/wcxb-dev [--list]
    python -m evaluation.participant_causes ../shared/eval/facts --scopes   # clause vs whole sentence
    python -m evaluation.participant_causes DIRS --folds   # each participant rule cross-validated by site

Each gold participant the system missed on a matched statement is put down to:

* ``other-form``: the system names the same entity in another form ("JWST"
  for "James Webb Space Telescope", "Delaware Chancery Court" for "Delaware
  Court of Chancery"): one of its extra names shares the gold's initials or
  a distinctive word;
* ``reporter``: a mention on the sentence names it as whoever says or
  announces what the statement tells ("NASA announced that the telescope
  will fly", "..., Foreign Minister Ana Silva said", "according to"),
  and the system left it out;
* ``out-of-clause``: a mention on the sentence names it, and the system
  left it out (another clause, a modifier);
* ``ner-miss``: the sentence writes the name, and no mention covers it;
* ``anaphor``: the sentence names it only by a pronoun or a description
  ("it", "the telescope", "the company");
* ``implied``: the sentence does not name it at all; the page names it
  elsewhere (an actor implied: the agency as planner of a launch date);
* ``absent``: neither the sentence nor the page names it.

Each system participant the gold lacks (a false participant) is put down to:

* ``other-form``: paired with an ``other-form`` miss;
* ``fragment``: not a name (a verb or a number in a table row, "Jumps",
  "Rises 2.3 per cent", a lone common word);
* ``resolved``: a pronoun or description resolved to it;
* ``place``: a place of the happening (GPE, LOC, FAC) the gold leaves out;
* ``topic``: the subject itself (a name sharing a word with a facts subject's
  folder name, "Paris Agreement" in ``paris-agreement``), which the gold leaves out;
* ``other``: a name of the clause the gold leaves out.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from evaluation.statements_eval import (
    PLACE_LABELS,
    GoldPage,
    load_gold,
    names_match,
    norm_name,
    participant_counts,
    place_names,
    score_page,
    system_participants,
)
from extractors.acronyms import initials
from extractors.roles import REPORTING_VERBS
from extractors.rule_switches import PARTICIPANT_RULES, RULES

_PLACE_LABELS = PLACE_LABELS
_ANAPHORS = re.compile(r"\b(?:it|its|they|their|he|his|she|her|them|him)\b", re.I)
_STOP = frozenset("the of and for on in to a an de la national international united states".split())


def _words(name: str) -> set[str]:
    return {w for w in norm_name(name).split() if w not in _STOP and len(w) >= 4}


def _initials(name: str) -> str:
    return initials(name).lower()


def same_entity(a: str, b: str) -> bool:
    """Two names that plausibly name one entity: shared initials ("JWST") or a distinctive word."""
    x, y = norm_name(a).replace(" ", ""), norm_name(b).replace(" ", "")
    if x == _initials(b) or y == _initials(a):
        return True
    return bool(_words(a) & _words(b))


def _written_in(name: str, text: str) -> bool:
    n = norm_name(name)
    return bool(n) and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", norm_name(text)) is not None


# the forms of a verb of saying the product reads (extractors.roles.REPORTING_VERBS); pasts not made by "-ed" by hand
_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "admit": "admitted"}


def _forms(lemma: str) -> set[str]:
    """The lemma, its third person and its past ("deny", "denies", "denied")."""
    stem = lemma[:-1] + "i" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma
    third = stem + ("es" if stem.endswith(("i", "s", "sh", "ch", "x")) else "s")
    past = _IRREGULAR_PAST.get(lemma) or (lemma + "d" if lemma.endswith("e") else stem + "ed")
    return {lemma, third, past}


# third persons that are as often common nouns ("the states", "reports", "posts", "notes", "claims"):
# a name before one of them is no speaker
_NOUN_FORMS = frozenset("states reports posts notes claims tweets".split())
_REPORTING = "(?:" + "|".join(sorted({f for v in REPORTING_VERBS for f in _forms(v)} - _NOUN_FORMS,
                                     key=lambda f: (-len(f), f))) + ")"


def _reports(gold: str, sentence: str, in_sentence) -> bool:
    """The sentence names ``gold`` (by one of its mentions) as whoever reports: the name
    right before a verb of saying ("NASA announced", "Silva said"), after the verb of a
    quotation's frame (", said Maria Gomez") or after "according to"."""
    text = " ".join(sentence.split())
    for m in in_sentence:
        if not names_match(m.key, gold):
            continue
        name = re.escape(" ".join(m.text.split()))
        # "NASA announced", "Silva said on Sunday"; a quotation's frame after it, "...,” said (Hubble's mission lead) Maria Gomez"
        if re.search(rf"(?<!\w){name}(?:\s+\w+)?\s+{_REPORTING}\b", text) or \
                re.search(rf"(?:[,”\"]\s*{_REPORTING}|\baccording to)(?:\s+\S+){{0,4}}?\s+{name}(?!\w)(?!['’]s)", text, re.I):
            return True
    return False


def page_causes(page: GoldPage, result) -> list[tuple[str, str, str]]:
    """(kind, cause, what) for each missed and each false participant of the
    page's matched statements (``result``: the page's ProcessedDocument)."""
    places = place_names(result.mentions)
    _, judged = score_page(page, list(result.statements), places)
    text = result.page.text
    out = []
    for j in judged:
        if not j.correct or j.gold is None:
            continue
        st = j.statement
        sys_names = system_participants(page, st, places, j.gold.participants)
        missed = [g for g in j.gold.participants if not any(names_match(g, s) for s in sys_names)]
        extra = [s for s in sys_names if not any(names_match(s, g) for g in j.gold.participants)]
        in_sentence = [m for m in result.mentions if st.char_start <= m.char_start and m.char_end <= st.char_end]
        paired: set[str] = set()
        for g in missed:
            other = next((s for s in extra if s not in paired and same_entity(g, s)), None)
            if other is not None:
                paired.add(other)
                cause = "other-form"
            elif any(names_match(m.key, g) for m in in_sentence):
                cause = "reporter" if _reports(g, st.sentence, in_sentence) else "out-of-clause"
            elif _written_in(g, st.sentence) or any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", st.sentence)
                                                    for w in g.split() if len(w) >= 5 and w[:1].isupper()):
                cause = "ner-miss"
            elif _ANAPHORS.search(st.sentence) or any(
                    re.search(rf"\bthe {re.escape(w)}\b", st.sentence, re.I)
                    for w in list(_words(g))[-1:] + ["company", "agency", "agreement", "telescope", "court", "board"]):
                cause = "anaphor"
            elif any(names_match(m.key, g) for m in result.mentions) or _written_in(g, text):
                cause = "implied"
            else:
                cause = "absent"
            out.append(("miss", cause, f"{page.page_id} {g!r} trig={st.trigger} :: {' '.join(st.sentence.split())[:90]}"))
        resolved = {r.key for r in st.resolved}
        labels = {m.key: m.label for m in in_sentence}
        topic_words = _words(page.page_type.replace("-", " "))
        for s in extra:
            if s in paired:
                cause = "other-form"
            elif s in resolved and s not in st.written_participants():
                cause = "resolved"
            elif labels.get(s) == "PROPN" and (re.search(r"per cent|%", s) or re.match(r"^[A-Z][a-z]+s\b", s)):
                cause = "fragment"
            elif labels.get(s) in _PLACE_LABELS:
                cause = "place"
            elif _words(s) & topic_words:
                cause = "topic"
            else:
                cause = "other"
            out.append(("false", cause, f"{page.page_id} {s!r} ({labels.get(s)}) trig={st.trigger} :: "
                        f"{' '.join(st.sentence.split())[:90]}"))
    return out


def _read(pages: Sequence[GoldPage], models=None) -> list:
    """The ProcessedDocument of each page that was read, with its gold page."""
    import hashlib

    from extractors.document import DocumentInput, ProcessedDocument, process_documents
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    by_id = {p.page_id: p for p in pages}
    inputs = [DocumentInput(source_id=p.page_id, snapshot_sha256=hashlib.sha256(p.content).hexdigest(),
                            content=p.content, url=p.url or f"file:///{p.page_id}", fetched_at=p.fetched_at,
                            content_type=p.content_type) for p in pages]
    out = []
    for start in range(0, len(inputs), 16):
        out += [(by_id[r.source_id], r) for r in process_documents(inputs[start:start + 16], models)
                if isinstance(r, ProcessedDocument)]
    return out


def causes(pages: Sequence[GoldPage], models=None) -> list[tuple[str, str, str, str]]:
    """(page type, kind, cause, what) over the pages."""
    return [(page.page_type, *c) for page, res in _read(pages, models) for c in page_causes(page, res)]


def scopes(pages: Sequence[GoldPage], models=None) -> dict[str, tuple[float, float, float]]:
    """Participant (P, R, F1) of the matched statements with the product's
    participants (``clause``), every name of the sentence (``sentence``) and
    both (``union``): which convention the gold follows."""
    from extractors.event_rules import NON_PARTICIPANT_LABELS

    tot = {k: [0, 0, 0] for k in ("clause", "sentence", "union")}
    for page, res in _read(pages, models):
        places = place_names(res.mentions)
        for j in score_page(page, list(res.statements), places)[1]:
            if not j.correct or j.gold is None:
                continue
            st = j.statement
            clause = system_participants(page, st, places, j.gold.participants)
            sentence = tuple(dict.fromkeys(m.key for m in res.mentions if st.char_start <= m.char_start
                                           and m.char_end <= st.char_end and m.label not in NON_PARTICIPANT_LABELS
                                           and (page.places_participate or m.label not in PLACE_LABELS)))
            for k, names in (("clause", clause), ("sentence", sentence), ("union", tuple(dict.fromkeys(clause + sentence)))):
                tp, ns, ng = participant_counts(j.gold.participants, names)
                tot[k][0] += tp
                tot[k][1] += ns
                tot[k][2] += ng
    out = {}
    for k, (tp, ns, ng) in tot.items():
        p, r = tp / max(ns, 1), tp / max(ng, 1)
        out[k] = (round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0)
    return out


# the participant rules that can be switched off (extractors.rule_switches.PARTICIPANT_RULES), cross-validated by
# ``--folds``: a rule is kept for a held-out site only when it helps participant F1 on the other sites
SWITCHES = tuple(r for r in RULES if r in PARTICIPANT_RULES)

Tally = tuple[int, int, int]  # true positives, system names, gold names


def site_counts(pages: Sequence[GoldPage], models=None) -> dict[str, Tally]:
    """(true positives, system, gold) participant counts of the matched
    statements, per site (the gold page's site, else its id)."""
    out: dict[str, list[int]] = {}
    for page, res in _read(pages, models):
        row = out.setdefault(page.site or page.page_id, [0, 0, 0])
        places = place_names(res.mentions)
        for j in score_page(page, list(res.statements), places)[1]:
            if j.correct and j.gold is not None:
                tp, ns, ng = participant_counts(j.gold.participants, system_participants(page, j.statement, places,
                                                                                      j.gold.participants))
                row[0] += tp
                row[1] += ns
                row[2] += ng
    return {k: (a, b, c) for k, (a, b, c) in out.items()}


def f1(t: Tally) -> float:
    p, r = t[0] / max(t[1], 1), t[0] / max(t[2], 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def _sum(rows: Sequence[Tally]) -> Tally:
    return (sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows))


def fold_choice(on: dict[str, Tally], off: dict[str, dict[str, Tally]],
                counts_off: Callable[[frozenset[str]], dict[str, Tally]] | None = None) -> tuple[Tally, dict[str, int]]:
    """Participant counts over all sites when each held-out site turns off
    every rule that, the others on, does not help F1 on the other sites (a
    tie keeps it); and how many folds turned each rule off. ``on``: per-site
    counts with all rules; ``off``: rule -> per-site counts with that rule
    off; ``counts_off``: per-site counts with several rules off at once, asked
    for only when a fold turns two or more off."""
    total: list[Tally] = []
    turned = {r: 0 for r in off}
    for site in on:
        rest_on = _sum([v for k, v in on.items() if k != site])
        dropped = frozenset(r for r, counts in off.items()
                            if f1(_sum([v for k, v in counts.items() if k != site])) > f1(rest_on))
        for r in dropped:
            turned[r] += 1
        if not dropped:
            chosen = on
        elif len(dropped) == 1:
            chosen = off[next(iter(dropped))]
        elif counts_off is None:
            raise ValueError(f"site {site} turns off {', '.join(sorted(dropped))}: their counts together are needed")
        else:
            chosen = counts_off(dropped)
        total.append(chosen.get(site, (0, 0, 0)))
    return _sum(total), turned


def folds(pages: Sequence[GoldPage], models=None) -> tuple[float, float, dict[str, float], dict[str, int]]:
    """In-sample and site-cross-validated participant F1 of the pages, the F1
    with each rule of ``SWITCHES`` off, and how many folds turned each off."""
    from extractors.nlp import load_models
    from extractors.rule_switches import rules_off
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    runs: dict[frozenset[str], dict[str, Tally]] = {}

    def counts_off(rules: frozenset[str]) -> dict[str, Tally]:
        if rules not in runs:
            with rules_off(rules):
                runs[rules] = site_counts(pages, models)
        return runs[rules]

    on = counts_off(frozenset())
    off = {rule: counts_off(frozenset({rule})) for rule in SWITCHES}
    cv, turned = fold_choice(on, off, counts_off)
    return f1(_sum(list(on.values()))), f1(cv), {r: f1(_sum(list(c.values()))) for r, c in off.items()}, turned


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--pages", type=Path, default=None)
    ap.add_argument("--list", action="store_true", help="list every miss and false participant")
    ap.add_argument("--scopes", action="store_true",
                    help="participant P/R/F1 from the clause (the product), the whole sentence and both")
    ap.add_argument("--folds", action="store_true",
                    help="participant F1 in-sample, cross-validated by site, and with each rule of SWITCHES off")
    args = ap.parse_args(argv)
    pages = [p for d in args.dirs for p in load_gold(d, args.pages)]
    if args.folds:
        ins, cv, without, turned = folds(pages)
        print(f"participant F1 in-sample {ins:.3f}, cross-validated by site {cv:.3f} ({len({p.site or p.page_id for p in pages})} sites)")
        for rule, f in without.items():
            print(f"  without {rule}: {f:.3f} (turned off in {turned[rule]} folds)")
        return
    if args.scopes:
        for k, (p, r, f) in scopes(pages).items():
            print(f"{k:9s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        return
    rows = causes(pages)
    counts = Counter((t, k, c) for t, k, c, _ in rows)
    for kind in ("miss", "false"):
        print(f"{kind}:")
        for t in sorted({t for t, _, _, _ in rows}):
            line = ", ".join(f"{c} {n}" for (tt, k, c), n in counts.most_common() if tt == t and k == kind)
            print(f"  {t}: {line}")
    if args.list:
        for t, k, c, what in sorted(rows):
            print(f"{t} {k} {c} {what}")


if __name__ == "__main__":
    main()
