"""Is a candidate dated statement real, with the right date? A learned,
calibrated probability (the ``confidence`` of ``events``) and the threshold
under which a candidate is held back from ``events``.

Two stages, both pure:

* ``parse_features``: what the parse of the sentence says about one
  candidate (trigger part of speech and kind, mood, tense, modality,
  negation, question, the date's precision, role and place in the
  sentence, ...), computed where the candidate is made (extractors.events);
* ``judge_statements``: once a page's candidates are all known, what the
  page says about each (the role of its block, its place on the page, how
  the date lies against the page's own date, how many dated statements the
  page has: a listing or a timeline says many), then the model's
  probability, and the split into kept and held back.

The model is a logistic regression whose features (a subset of FEATURES
chosen by cross-validation), standardisation, weights and threshold are
stored in ``extractors/data/statement_model.json`` (fitted by ``python -m
evaluation.train_statement_model``; inference here is plain arithmetic over
a few dozen numbers, the file read once). Without the file every candidate
gets 0.5 and all are kept. Held-back candidates stay on
``ProcessedDocument.held_back`` (for training and inspection), never in
``events``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from extractors.block_roles import block_at
from extractors.event_rules import (
    DEICTIC_NOW,
    EVENT_NOUNS,
    FRAME_VERBS,
    HEDGING_MODALS,
    TRIGGER_KINDS,
    has_own_subject,
    tensed,
)
from extractors.types import BlockRole, CleanPage, DateMention

if TYPE_CHECKING:  # extractors.events imports this module
    from extractors.events import DatedStatement

MODEL_PATH = Path(__file__).with_name("data") / "statement_model.json"
_COARSE = ("quarter", "season", "half", "decade", "century")

# What the parse says (in this order in DatedStatement.features before the page stage).
PARSE_FEATURES = (
    "trigger_verb", "trigger_noun", "trigger_aux", "trigger_frame", "trigger_event_noun", "trigger_kind_known",
    "by_parse", "no_trigger", "past_tense", "present_tense", "base_form", "perfect", "passive", "future",
    "modal", "negated", "question", "exclaims", "first_person", "second_person", "date_modifies_trigger",
    "date_fronted", "date_opens_sentence", "trigger_distance", "deictic_now",
    "anchored", "day", "week", "month", "year", "coarse", "role_point", "role_since", "role_until", "span_days",
    "subject_named", "participants", "short_sentence", "log_words", "title_case_share", "digit_share",
    "dates_in_sentence", "sentence_ends", "citation",
    # how the date stands in its sentence: after a preposition ("in 2025"), before a noun it qualifies
    # ("2025 Best States", "2000 watt"), a bare number, a written year; a sentence without a finite verb
    "date_after_preposition", "date_before_noun", "bare_number", "explicit_year", "no_finite_verb",
    # general cues added for pages of other sites: the trigger a copula; the date inside a name ("Office
    # 2024", "Psychology Today"), possessive ("2024's biggest games"), coordinated with another date
    # ("March 10 and March 11"), written without a digit ("this year", "summer"); the sentence's verb in
    # the imperative (a base form with no subject)
    "trigger_copula", "date_in_name", "date_possessive", "date_coordinated", "date_without_digit", "imperative",
)
# What the page says.
PAGE_FEATURES = (
    "in_paragraph", "in_list_item", "in_table_cell", "in_caption", "in_quote", "dated_by_section", "section_level",
    "block_words", "page_position", "page_dated", "after_page_date", "years_from_page_date", "statements_on_page",
    "statements_per_kchar", "same_date_on_page", "text_page", "later_in_sentence", "same_sentence",
    # the block and the sentence's place in it: a heading, a byline, dateline, call to action, link list or
    # code block; the first sentence of its block, how far into the block; a date resolved against an anchor
    # on a page with no date of its own; how far the date lies before the page's date (log days)
    "in_heading", "in_other_block", "first_in_block", "block_offset", "anchored_undated", "days_before_page_date",
)
FEATURES = PARSE_FEATURES + PAGE_FEATURES

_COLLECTING: ContextVar[bool] = ContextVar("factwatch_collecting_statement_features", default=False)


@contextmanager
def collecting_features() -> Iterator[None]:
    """Reading inside the block gives every candidate its full feature vector
    (for fitting the model: evaluation.train_statement_model), whatever
    the stored model uses."""
    token = _COLLECTING.set(True)
    try:
        yield
    finally:
        _COLLECTING.reset(token)


def features_wanted(model: dict | None = None) -> bool:
    """Are a candidate's features worth computing: the model weighs some,
    or a fitting run collects them? A model of the base rate alone gives
    every candidate the same probability, whatever the features say."""
    if _COLLECTING.get():
        return True
    model = model if model is not None else load_model()
    return bool(model and model.get("weights"))


def _clause_verb(tok: Token) -> Token:
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")
_PREPOSITIONS = ("in", "on", "at", "since", "by", "during", "until", "till", "from", "before", "after", "through")


def _date_before_noun(date_root: Token | None) -> bool:
    """The date qualifies a noun that follows it ("2025 Best States", "2000
    watt"): the date's own head is that noun, by a number, compound or
    adjective arc (not merely the next word: "by 2030 emissions")."""
    return bool(date_root is not None and date_root.dep_ in ("nummod", "compound", "amod")
                and date_root.head.pos_ in ("NOUN", "PROPN") and date_root.head.i > date_root.i)


def _date_after_preposition(date_root: Token | None, first_word: str) -> bool:
    """The date is the object of a preposition ("in 2025", "on 3 May")."""
    return first_word in _PREPOSITIONS or bool(
        date_root is not None and date_root.dep_ == "pobj" and date_root.head.pos_ == "ADP")


def _no_finite_verb(sent) -> bool:
    """The sentence's main clause has no finite verb ("Accessed 4 Nov.
    2025."): its root is no finite verb, has no finite auxiliary and no
    subject."""
    if sent is None:
        return False
    root = sent.root
    if tensed(root) or (root.pos_ in ("VERB", "AUX") and has_own_subject(root)):
        return False
    # "The heater launched on 3 May": parsed as a noun with a participle; a determined noun
    # followed by its past-form verb reads as subject and verb
    return not (root.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" for c in root.children)
                and any(c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i == root.i + 1 for c in root.children))


# entity types of a name: a date inside one names no time ("Office 2024", "Psychology Today")
_NAME_TYPES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})


def _date_in_name(date_root: Token | None) -> bool:
    """The date's word is part of a name span, or qualifies a name it stands in front of."""
    if date_root is None:
        return False
    return date_root.ent_type_ in _NAME_TYPES or (
        date_root.dep_ in ("compound", "nummod", "amod") and date_root.head.ent_type_ in _NAME_TYPES)


def parse_features(
    trigger: Token | None, by_parse: bool, date: DateMention, subject_named: bool, participants: int, n_dates: int,
    date_root: Token | None = None, citation: bool = False,
) -> dict[str, float]:
    """Inspectable features of one candidate from the parse of its sentence."""
    sent = trigger.sent if trigger is not None else (date_root.sent if date_root is not None else None)
    tokens = [t for t in sent if not t.is_punct and not t.is_space] if sent is not None else []
    words = len(tokens)
    alpha = [t for t in tokens if t.is_alpha]
    text = sent.text.strip() if sent is not None else ""
    lemma = trigger.lemma_.lower() if trigger is not None else ""
    verb = _clause_verb(trigger) if trigger is not None else None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] if verb is not None else []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    known = any(lemma in lemmas for lemmas in TRIGGER_KINDS.values())
    distance = abs(trigger.i - date_root.i) if trigger is not None and date_root is not None else 0
    span_days = (date.date_end - date.date_start).days + 1
    first_word = date.text.strip().split(" ", 1)[0].lower() if date.text.strip() else ""
    return {
        "trigger_verb": float(trigger is not None and trigger.pos_ == "VERB"),
        "trigger_noun": float(trigger is not None and trigger.pos_ in ("NOUN", "PROPN")),
        "trigger_aux": float(trigger is not None and trigger.pos_ == "AUX"),
        "trigger_frame": float(lemma in FRAME_VERBS),
        "trigger_event_noun": float(lemma in EVENT_NOUNS),
        "trigger_kind_known": float(known),
        "by_parse": float(by_parse),
        "no_trigger": float(trigger is None),
        "past_tense": float(verb is not None and (verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in aux))),
        "present_tense": float(verb is not None and verb.tag_ in ("VBZ", "VBP") and not aux),
        "base_form": float(verb is not None and verb.tag_ == "VB"),
        "perfect": float(any(a.lemma_.lower() == "have" for a in aux)),
        "passive": float(any(a.dep_ == "auxpass" for a in aux)),
        "future": float(any(a.lower_ in ("will", "'ll", "shall") for a in aux)),
        "modal": float(any(a.tag_ == "MD" and a.lower_ not in ("will", "'ll") for a in aux)
                       or any(t.lemma_.lower() in HEDGING_MODALS and t.tag_ == "MD" for t in tokens)),
        "negated": float(verb is not None and any(c.dep_ == "neg" for c in verb.children)),
        "question": float(text.endswith("?")),
        "exclaims": float(text.endswith("!")),
        "first_person": float(any(s.lower_ in ("i", "we") for s in subjects)),
        "second_person": float(any(s.lower_ == "you" for s in subjects) or any(t.lower_ in ("you", "your") for t in tokens)),
        "date_modifies_trigger": float(trigger is not None and date_root is not None and (
            date_root.head.i == trigger.i or (date_root.head.dep_ == "prep" and date_root.head.head.i == trigger.i))),
        "date_fronted": float(trigger is not None and date_root is not None and date_root.i < trigger.i),
        "date_opens_sentence": float(date_root is not None and sent is not None and date_root.i - sent.start <= 2),
        "trigger_distance": min(distance, 20) / 20,
        "deictic_now": float(date.text.strip().lower() in DEICTIC_NOW),
        "anchored": float(date.anchored),
        "day": float(date.precision == "day"),
        "week": float(date.precision == "week"),
        "month": float(date.precision == "month"),
        "year": float(date.precision == "year"),
        "coarse": float(date.precision in _COARSE),
        "role_point": float(date.role == "point"),
        "role_since": float(date.role == "since"),
        "role_until": float(date.role == "until"),
        "span_days": math.log1p(max(span_days, 0)) / 10,
        "subject_named": float(subject_named),
        "participants": float(min(participants, 4)) / 4,
        "short_sentence": float(words < 8),
        "log_words": math.log1p(words) / 4,
        "title_case_share": sum(1 for t in alpha if t.text[:1].isupper()) / len(alpha) if alpha else 0.0,
        "digit_share": sum(1 for t in tokens if any(ch.isdigit() for ch in t.text)) / words if words else 0.0,
        "dates_in_sentence": float(min(n_dates, 5)) / 5,
        "sentence_ends": float(text.endswith((".", "!", '"', "”", ")"))),
        "citation": float(citation),
        "date_after_preposition": float(_date_after_preposition(date_root, first_word)),
        "date_before_noun": float(_date_before_noun(date_root)),
        "bare_number": float(date.text.strip().isdigit()),
        "explicit_year": float(bool(_YEAR.search(date.text))),
        "no_finite_verb": float(bool(tokens) and _no_finite_verb(sent)),
        "trigger_copula": float(lemma == "be"),
        "date_in_name": float(_date_in_name(date_root)),
        "date_possessive": float(date_root is not None and any(c.tag_ == "POS" for c in date_root.children)),
        "date_coordinated": float(date_root is not None and (
            date_root.dep_ == "conj" or any(c.dep_ == "conj" for c in date_root.children))),
        "date_without_digit": float(not any(ch.isdigit() for ch in date.text)),
        "imperative": float(verb is not None and verb.tag_ == "VB" and not aux and not subjects
                            and verb.dep_ == "ROOT"),
    }


_OTHER_BLOCKS = frozenset({BlockRole.BYLINE, BlockRole.DATELINE, BlockRole.CALL_TO_ACTION, BlockRole.LINK_LIST,
                           BlockRole.CODE})
_ROLE_FEATURES = {
    BlockRole.PARAGRAPH: "in_paragraph", BlockRole.LIST_ITEM: "in_list_item", BlockRole.TABLE_CELL: "in_table_cell",
    BlockRole.CAPTION: "in_caption", BlockRole.QUOTE: "in_quote", BlockRole.HEADING: "in_heading",
    BlockRole.STANDFIRST: "in_paragraph",  # the subtitle under the headline states like a paragraph
}


def page_features(page: CleanPage, statements: Sequence[DatedStatement]) -> list[dict[str, float]]:
    """What the page says about each of its candidates."""
    text = page.text
    n = len(statements)
    stamp = page.published_at or page.updated_at
    page_day = stamp.date() if stamp is not None else None
    dates = [(st.date.date_start, st.date.date_end) for st in statements]
    sentences = [st.char_start for st in statements]
    starts = [b.char_start for b in page.blocks]
    out = []
    for k, st in enumerate(statements):
        block = block_at(page.blocks, st.char_start, starts)
        # a statement dated by its section's heading: the date stands outside the sentence
        by_section = not st.char_start <= st.date.char_start < st.char_end
        f = {name: 0.0 for name in PAGE_FEATURES}
        if block is not None and block.role in _ROLE_FEATURES:
            f[_ROLE_FEATURES[block.role]] = 1.0
        if block is not None:
            f["block_words"] = math.log1p(len(text[block.char_start:block.char_end].split())) / 6
            f["in_other_block"] = float(block.role in _OTHER_BLOCKS)
            f["first_in_block"] = float(not text[block.char_start:st.char_start].strip())
            f["block_offset"] = (st.char_start - block.char_start) / max(block.char_end - block.char_start, 1)
        if by_section:
            f["dated_by_section"] = 1.0
            head = block_at(page.blocks, st.date.char_start, starts)
            f["section_level"] = (head.level or 7) / 7 if head is not None and head.role == BlockRole.HEADING else 0.0
        f["page_position"] = st.char_start / max(len(text), 1)
        if page_day is not None:
            f["page_dated"] = 1.0
            f["after_page_date"] = float(st.date.date_start > page_day)
            f["years_from_page_date"] = min(abs((st.date.date_start - page_day).days) / 365.25, 50.0) / 50
            f["days_before_page_date"] = math.log1p(max((page_day - st.date.date_end).days, 0)) / 10
        elif st.date.anchored:
            f["anchored_undated"] = 1.0
        f["statements_on_page"] = math.log1p(n) / 5
        f["statements_per_kchar"] = min(n / max(len(text), 1) * 1000, 10.0) / 10
        f["same_date_on_page"] = min(dates.count((st.date.date_start, st.date.date_end)) - 1, 5) / 5
        f["text_page"] = float(page.kind == "text")
        # another candidate of the same sentence comes first (a sentence states one happening more often than two)
        f["later_in_sentence"] = float(st.char_start in sentences[:k])
        f["same_sentence"] = min(sentences.count(st.char_start) - 1, 3) / 3
        out.append(f)
    return out


def feature_vector(st: DatedStatement, page_f: dict[str, float]) -> tuple[float, ...]:
    """All features of a candidate, in FEATURES order."""
    parse = st.features if len(st.features) == len(PARSE_FEATURES) else (0.0,) * len(PARSE_FEATURES)
    return tuple(parse) + tuple(round(page_f[k], 6) for k in PAGE_FEATURES)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict | None:
    """The fitted model: {"features": [...], "mean": [...], "scale": [...],
    "weights": [...], "intercept": x, "threshold": t}; None when absent or
    unreadable. A model naming a feature this code does not compute is an
    error (``probability`` would silently weigh it at its mean)."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(model, dict) and "weights" in model):
        return None
    unknown = [k for k in (model["weights"] if isinstance(model["weights"], dict) else model.get("features", []))
               if k not in FEATURES]
    if unknown:
        raise ValueError(f"{path}: the statement model weighs features this code does not compute: {unknown}")
    return model


def probability(features: dict[str, float], model: dict | None) -> float:
    """P(a real dated statement with the right date | features). The model's
    weights apply to standardised features; a feature missing from
    ``features`` counts as its mean (before the page stage, the page's
    features are not known yet)."""
    if not model:
        return 0.5
    weights = model["weights"]
    if isinstance(weights, dict):  # a plain {name: weight} model
        z = model["intercept"] + sum(w * features.get(k, 0.0) for k, w in weights.items())
    else:
        z = model["intercept"] + sum(
            w * (features.get(k, m) - m) / s for k, w, m, s in zip(model["features"], weights, model["mean"], model["scale"]))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def calibrated_confidence(features: dict[str, float], model: dict | None = None) -> float:
    """The probability rounded for the ``confidence`` column."""
    return round(probability(features, model if model is not None else load_model()), 3)


def judge_statements(
    page: CleanPage, statements: Sequence[DatedStatement], model: dict | None = None
) -> tuple[list[DatedStatement], list[DatedStatement]]:
    """Each candidate with its confidence and full feature vector; split into
    (kept, held back): held back are those under the model's threshold."""
    model = model if model is not None else load_model()
    threshold = float(model.get("threshold", 0.0)) if model else 0.0
    kept: list[DatedStatement] = []
    held: list[DatedStatement] = []
    if not features_wanted(model):  # the base rate: one probability for all, no features to compute
        p = probability({}, model)
        judged_all = [replace(st, confidence=round(p, 3), features=()) for st in statements]
        return (judged_all, []) if p >= threshold else ([], judged_all)
    for st, pf in zip(statements, page_features(page, statements)):
        vector = feature_vector(st, pf)
        p = probability(dict(zip(FEATURES, vector)), model)
        judged = replace(st, confidence=round(p, 3), features=vector)
        (kept if p >= threshold else held).append(judged)
    return kept, held
