"""Dated statements: one per date a sentence gives to a happening.

For every sentence that carries a date mention, the dependency parse says
which verb (or event noun) the date belongs to, the trigger, and which
clause that is; the entities of that clause are the participants. A sentence
with two dates can give two statements. Durations, sets, vague references and
page metadata never get here (the temporal tagger and the cleaner keep them
out), so there is no statement without a concrete date.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from extractors.citation_lines import CITATION_TRIGGER, author_names, citation_year_span
from extractors.entities import EntityMention, normalize_name
from extractors.event_rules import (
    DETACHED_FRAMES,
    EVENT_NOUN_SUFFIXES,
    CLOCK_ONLY,
    DEICTIC_DATE,
    DEICTIC_NOW,
    META_VERBS,
    PAST_SPAN,
    POSSESSIVE_PERIOD,
    QUALIFIER_PREPS,
    EVENT_NOUNS,
    FRAME_VERBS,
    GENERIC_DAY_PART,
    HABITUAL_ADVERBS,
    HEDGING_MODALS,
    IF_COMPLEMENT_VERBS,
    ADVICE_VERBS,
    CONDITION_MARKERS,
    IMPERATIVE_OPENERS,
    NON_PARTICIPANT_LABELS,
    NOT_EVENT_NOUNS,
    OPINION_VERBS,
    POST_LABEL_VERBS,
    trigger_kind,
)
from extractors.modality import is_planned
from extractors.roles import agent_keys
from extractors.rule_switches import audit_log, rule_on, rules_now_off, rules_off
from extractors.types import DateMention

_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "acl"}


@dataclass(frozen=True, slots=True)
class DatedStatement:
    """A dated statement of one document, before cross-document canonicalisation."""

    char_start: int  # the sentence, offsets into the document text
    char_end: int
    sentence: str
    date: DateMention
    trigger: str | None  # lemma of the verb or event noun the date belongs to
    trigger_text: str | None  # the trigger as written
    trigger_start: int | None  # offsets of the trigger into the document text
    kind: str  # begin | end | change | meet | other
    participants: tuple[str, ...]  # mention keys of the clause, in order of appearance
    confidence: float
    summary: str = ""  # the clause of the trigger as a short readable sentence
    features: tuple[float, ...] = ()  # the confidence model's inputs, in CONFIDENCE_FEATURES order
    planned: bool = False  # says the happening is planned for the date (extractors.modality)
    agents: tuple[str, ...] = ()  # mention keys of the trigger's agent (extractors.roles)


def group_dates_by_sentence(
    sentences: Sequence[tuple[int, int]], dates: Sequence[DateMention]
) -> list[tuple[tuple[int, int], list[DateMention]]]:
    """Sentences that carry at least one date mention (a mention belongs to the sentence it starts in)."""
    out: dict[tuple[int, int], list[DateMention]] = {}
    for d in dates:
        for s, e in sentences:
            if s <= d.char_start < e:
                out.setdefault((s, e), []).append(d)
                break
    return sorted(out.items())


def _is_event_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma in NOT_EVENT_NOUNS:
        return False
    return (
        lemma in EVENT_NOUNS
        or lemma.endswith(EVENT_NOUN_SUFFIXES)
        or (tok.tag_ == "NN" and lemma.endswith("ing") and len(lemma) > 5)  # bombing, signing, opening
    )


def _content_of_frame(verb: Token) -> Token | None:
    """The event noun or content verb that a frame verb stands for:
    "2022 saw the launch" -> launch; "the meeting was on Tuesday" -> meeting;
    "had talks in May" -> talks."""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "oprd") and _is_event_noun(child):
            return child
    if verb.lemma_.lower() in ("be", "become", "remain"):
        for child in verb.children:  # "has been available since July 2015" -> available
            if child.dep_ == "acomp" and child.pos_ == "ADJ":
                return child
        for child in verb.children:  # "was in development until February" -> development
            if child.dep_ == "prep" and child.lower_ in ("in", "under"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and _is_event_noun(pobj):
                    return pobj
        if verb.tag_ == "VBD":  # "the median salary was $61,300 in May 2024" -> salary
            for child in verb.children:
                if child.dep_ == "nsubj" and child.pos_ == "NOUN":
                    return child
    for child in verb.children:  # "it was in 2019 that NASA launched ..."
        if child.dep_ in ("ccomp", "xcomp", "advcl") and child.pos_ == "VERB" and child.lemma_.lower() not in FRAME_VERBS:
            if child.dep_ != "advcl" or verb.lemma_.lower() == "be":
                return child
    return None


def _nearest_verb(span_root: Token, exclude: range) -> Token | None:
    """The content verb a date the parse leaves outside any clause belongs
    to: a timeline entry "March 14: His stake rises ..." or "March 27, 2022 -
    In a discussion, Musk questioned ..." (the root verb of the clause that
    follows), else the verb nearest to the date in the parsed text."""
    doc = span_root.doc
    sent = span_root.sent
    if sent.root.i in exclude and sent.end < len(doc):
        nxt = doc[sent.end].sent.root
        if nxt.pos_ in ("VERB", "AUX"):
            return nxt
    verbs = [t for t in doc if t.pos_ == "VERB" and t.i not in exclude]
    if not verbs:
        verbs = [t for t in doc if t.pos_ == "AUX" and t.dep_ == "ROOT" and t.i not in exclude]
    if not verbs:
        return None
    content = [t for t in verbs if t.lemma_.lower() not in FRAME_VERBS] or verbs
    return min(content, key=lambda t: abs(t.i - span_root.i))


def find_trigger(span_root: Token, span: range | None = None) -> tuple[Token | None, bool]:
    """The word that names the happening a date belongs to; (token, found_by_parse).

    Up the dependency tree from the date: the first event noun (the date
    modifies it: "the 2022 research", "research in 2022") or verb. A frame
    (copula, light, perception or reporting verb; "according to"; "Read
    more") gives way to the content word it stands for when there is one.
    """
    span = span if span is not None else range(span_root.i, span_root.i + 1)
    tok = span_root
    for _ in range(12):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.i in span:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            if lemma in FRAME_VERBS:
                if lemma in DETACHED_FRAMES and tok.dep_ in ("prep", "advcl", "parataxis") and tok.head is not tok:
                    continue  # "According to Reuters, ... sold in 2021": the date's clause is above
                content = _content_of_frame(tok)
                if content is not None:
                    return content, True
            return tok, True
        if _is_event_noun(tok):
            return tok, True
        if tok.pos_ == "AUX" and tok.dep_ == "ROOT":
            content = _content_of_frame(tok)
            return (content or tok), True
    near = _nearest_verb(span_root, span)
    if near is not None:
        return near, False
    # a verbless line with words of its own beside the date ("Available since
    # July 2024", "BLS median annual salary (2024): $61,300"): its head word
    root = span_root.sent.root
    words = [t for t in span_root.doc if t.is_alpha and t.i not in span and t.ent_type_ != "DATE"]
    if root.i not in span and root.pos_ in VERBLESS_HEADS and len(words) >= 1:
        return root, False
    if root.i not in span and root.pos_ == "NOUN" and _field_label_date(span_root, span):
        return root, False  # a data row "<field> (<date>): <value>": the field names what holds then
    return None, False


def _field_label_date(span_root: Token, span: range) -> bool:
    """The date closes the label of a data row: "Median salary (2024): $61,300"."""
    doc = span_root.doc
    after = [t.text for t in doc[span.stop : span.stop + 2]]
    return bool(after) and (after[0] in (":", "):") or after[:2] == [")", ":"]) and span.stop + 2 < len(doc)


def no_statement_reason(
    trigger: Token, date: DateMention, by_parse: bool = True, date_root: Token | None = None
) -> str | None:
    """Why the parse says a clause states nothing dated (None: it does).

    question, imperative/advice, hedged by a modal, negated, habitual,
    generic present ("in 2026 the best CRM is ...", "trends of 2025
    reflect ..."), "today"/"now" for the present era, a bare copula with no
    happening ("It's 2025!"). Plans ("will launch", "is set to open") stay
    statements; so does a timeline's historical present ("April 4: Musk
    discloses ...": the date stands outside the clause).
    """
    sent = trigger.sent
    text = sent.text.strip()
    if rule_on("clock-only") and CLOCK_ONLY.fullmatch(date.text.strip()):
        return "clock-only"  # "we left at 6am": no day of its own, not the page's day
    if rule_on("verbless-title") and date.precision != "day" and date.role == "point" and _verbless_title(sent):
        return "verbless-title"  # "summer training tips", "<Product> 2nd generation with USB-C 2023"
    if rule_on("past-span") and PAST_SPAN.match(date.text.strip()):
        return "past-span"  # "over the past year, the platform collapsed": up to now, not a dated happening
    if rule_on("possessive-period") and POSSESSIVE_PERIOD.match(date.text.strip()):
        return "possessive-period"  # "on his first day in office": no calendar date
    if GENERIC_DAY_PART.fullmatch(date.text.strip()) and not (
        date_root is not None and any(t.lower_ in ("earlier", "later") for t in date_root.doc[max(0, date_root.i - 4):date_root.i])
    ):  # "earlier in the day" is the page's day
        if rule_on("generic-day-part"):
            return "generic-day-part"
    # a post's label: "(2019-02-24, 05:31 PM) Bob Wrote:", "This post was last modified: 2024-01-05"
    nxt = trigger.nbor(1) if trigger.i + 1 < len(trigger.doc) else None
    if trigger.lemma_.lower() in POST_LABEL_VERBS and nxt is not None and nxt.text == ":":
        if rule_on("byline"):
            return "byline"
    clause_verb = trigger
    # an event noun stands in the clause of its verb
    for _ in range(4):
        if clause_verb.pos_ in ("VERB", "AUX") or clause_verb.head is clause_verb:
            break
        clause_verb = clause_verb.head
    children = list(clause_verb.children)
    # questions: the sentence asks ("When did ...?"), or a question opens the clause
    if text.endswith("?"):
        if rule_on("question"):
            return "question"
    # imperatives and advice: a bare verb opening the sentence with no subject
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is not None:
        fl = first.lower_
        subj = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in sent.root.children)
        if (first.tag_ == "VB" and first.dep_ == "ROOT" and not subj) or (
            fl in IMPERATIVE_OPENERS and first.i == sent.root.i and not subj and first.tag_ in ("VB", "VBP", "NN", "NNP")
        ):
            if rule_on("imperative"):
                return "imperative"
        if fl in ("please", "don't", "do") and not subj:
            if rule_on("imperative"):
                return "imperative"
    # the text announcing itself: "Today, we'll take a close look at ...", "This season we're breaking down ..."
    if rule_on("meta-discourse") and DEICTIC_DATE.match(date.text.strip()) and _announces_itself(trigger):
        return "meta-discourse"
    # a date that only qualifies a noun: "styles from the 1920s are making a
    # comeback", "(looking for 2024 opinions)"
    if (rule_on("noun-qualifier") and date_root is not None and _qualifies_noun(date_root, trigger)
            and (date.role == "point" or (date.role == "range" and " and " in date.text))):
        return "noun-qualifier"
    # an evaluation: a copular clause that ranks ("one of the best games of
    # the year", "2025 is shaping up to be one of the most innovative years",
    # "As of 2025 X is still the most important factor")
    if _ranks_in_copula(clause_verb):
        if rule_on("opinion"):
            return "opinion"
    # an event noun the date itself modifies ("the July 2025 incident") is
    # dated whatever the mood of the clause around it
    if date_root is not None and trigger.pos_ == "NOUN" and (
        date_root.head is trigger or (date_root.head.dep_ == "prep" and date_root.head.head is trigger)
    ):
        return None
    # a main clause in the imperative anywhere in the sentence ("If you have
    # questions, please don't hesitate to contact us from Saturday to Thursday")
    root = sent.root
    own_subject = False
    node = clause_verb
    for _ in range(6):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children):
            own_subject = True
            break
        if node.head is node:
            break
        node = node.head
    if (not own_subject and root.tag_ == "VB" and root.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass")
                                                              and c.lower_ not in ("do", "don't", "dont")
                                                              for c in root.children)):
        if rule_on("imperative"):
            return "imperative"
    if any(t.lower_ == "please" for t in sent):
        if rule_on("imperative"):
            return "imperative"
    # inside a condition ("If there are no meetings until noon, ...")
    node = clause_verb
    for _ in range(4):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in node.children):
            if rule_on("conditional"):
                return "conditional"
        if node.head is node:
            break
        node = node.head
    # advice: "I recommend catching up with ... of this year"
    node = clause_verb
    for _ in range(3):
        if node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in ADVICE_VERBS:
            if rule_on("advice"):
                return "advice"
    # the writer's belief: "I think many people are going to be talking about it in 2025"
    node = clause_verb
    for _ in range(6):
        if node.lemma_.lower() in OPINION_VERBS and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in node.children):
            if rule_on("opinion"):
                return "opinion"
        if node.head is node:
            break
        node = node.head
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in children) and any(
        c.dep_ == "aux" and c.lemma_.lower() in HEDGING_MODALS | {"need", "have"} for c in children
    ):
        if rule_on("advice"):
            return "advice"
    # hedged: "may/might/could/should launch in 2025", also through the verb a
    # complement completes ("shall not be deemed to be filed ... in 1934")
    governing = list(children)
    node = clause_verb
    for _ in range(2):
        if node.dep_ != "xcomp" or node.head is node:
            break
        node = node.head
        governing.extend(node.children)
    if any(c.dep_ == "aux" and c.lemma_.lower() in HEDGING_MODALS for c in governing):
        if rule_on("modal"):
            return "modal"
    if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in children) and any(
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in children
    ) and clause_verb.lemma_.lower() not in IF_COMPLEMENT_VERBS:  # "would find out by 9 a.m. if they had been laid off"
        if rule_on("modal"):
            return "modal"
    # negated: "did not launch in 2021" (but "not until 2024" dates a start)
    if date.role != "until" and any(c.dep_ == "neg" for c in governing):
        if rule_on("negated"):
            return "negated"
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    finite_past = False
    tensed = clause_verb
    for _ in range(3):  # "was slated to begin today": the tense of the verb the clause completes
        t_aux = [c for c in tensed.children if c.dep_ in ("aux", "auxpass")]
        if tensed.tag_ == "VBD" or any(a.tag_ in ("VBD", "MD") or a.lemma_.lower() == "have" or a.lower_ in ("'s", "’s")
                                       for a in t_aux):
            finite_past = True
            break
        if tensed.dep_ not in ("xcomp", "ccomp") or tensed.head is tensed:
            break
        tensed = tensed.head
    timeline = _timeline_entry(sent)
    # "today"/"now" in a clause that tells no completed or planned happening: the present era
    if date.text.strip().lower() in DEICTIC_NOW and not finite_past:
        if rule_on("generic-now"):
            return "generic-now"
    # generic present with a coarse date inside the clause: a state, a trend or an opinion
    verbal = trigger.pos_ in ("VERB", "AUX")
    if (verbal and by_parse and not timeline and not aux and clause_verb.tag_ in ("VBZ", "VBP")
            and date.precision not in ("day", "week") and date.role == "point"):
        if rule_on("generic"):
            return "generic"
    if verbal and by_parse and not aux and clause_verb.tag_ == "VB" and date.precision not in ("day", "week"):
        if rule_on("generic"):
            return "generic"
    # a bare copula: "It's 2025!", "2025 is a landmark year" (a state since/until a date stays)
    if trigger.lemma_.lower() == "be" and trigger.dep_ == "ROOT" and not finite_past and date.role == "point":
        if rule_on("copula"):
            return "copula"
    # habitual or generic: "usually meets in May", "every year in June"
    if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in HABITUAL_ADVERBS for c in children):
        if rule_on("habitual"):
            return "habitual"
    if any(t.lower_ in ("every", "each") and t.head.lower_ in ("year", "month", "week", "day", "time", "season")
           for t in sent):
        if rule_on("habitual"):
            return "habitual"
    return None


def _verbless_title(sent) -> bool:
    """A short line with no verb and no sentence end, no label colon or table
    bar: a title or a heading the markup did not mark, which names and does not say."""
    text = sent.text.strip()
    words = text.split()
    if not words or len(words) > 12 or text[-1] in ".!?;" or any(ch in text for ch in ":|"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _announces_itself(trigger: Token) -> bool:
    """"we'll take a close look at", "we're breaking down ... and <conjunct>":
    the writer (we/I) announcing what the text does, not in the past."""
    verb = trigger
    for _ in range(3):
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    lemma = verb.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "look" for c in verb.children):
        lemma = "look"
    return (lemma in META_VERBS and verb.tag_ not in ("VBD", "VBN")
            and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children))


def _qualifies_noun(date_root: Token, trigger: Token) -> bool:
    """The date hangs off a noun that names no happening ("styles from the
    1920s", "opinions for 2024", "2024 opinions"), not off the trigger."""
    head = date_root.head
    if date_root.dep_ == "prep" and date_root.lower_ in QUALIFIER_PREPS:  # the span is the whole "from ..." phrase
        noun = head
    elif date_root.dep_ == "pobj" and head.lower_ in QUALIFIER_PREPS and head.dep_ == "prep":
        noun = head.head
    elif date_root.dep_ in ("compound", "nummod", "amod") and date_root.tag_ == "CD":
        noun = head
    else:
        return False
    return noun is not trigger and noun.pos_ == "NOUN" and not _is_event_noun(noun) and noun.tag_ == "NNS"


def _ranks_in_copula(verb: Token) -> bool:
    """A copula ("be", "become", "remain", reached through "shaping up to be")
    whose complement holds a superlative: the clause evaluates, it tells no happening."""
    copulas = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    copulas += [g for c in copulas[1:] for g in c.children if g.dep_ == "xcomp"]
    for cop in copulas:
        if cop.lemma_.lower() not in ("be", "become", "remain") and cop.lower_ not in ("’s", "'s"):
            continue
        for comp in cop.children:
            if comp.dep_ in ("attr", "acomp") and any(t.tag_ in ("JJS", "RBS") for t in comp.subtree):
                return True
    return False


def _timeline_entry(sent) -> bool:
    """A timeline or dated-list entry: the line opens with its date and a
    colon or dash ("July 19: A judge orders ...", "March 27, 2022 - ...")."""
    doc = sent.doc
    for tok in doc[: min(len(doc), 6)]:
        if tok.text in (":", "-", "–", "—"):
            return tok.i > 0 and any(t.like_num or t.ent_type_ == "DATE" or t.text[:3].lower() in _MONTHS for t in doc[: tok.i])
    return False


VERBLESS_HEADS = ("ADJ",)
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


def subject_of(trigger: Token) -> Token | None:
    """The subject or agent of the trigger's clause, inherited from the verb a
    conjoined or complement verb depends on ("NASA built and launched it")."""
    tok = trigger
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if c.dep_ == "nsubjpass" or tok.pos_ == "NOUN":
                    agent = next((a for a in tok.children if a.dep_ == "agent"), None)
                    pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
                    if pobj is not None:
                        return pobj
                return c
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if tok.pos_ == "NOUN":  # "Houzz's research", "research by Houzz"
            for c in tok.children:
                if c.dep_ == "poss":
                    return c
                if c.dep_ == "prep" and c.lower_ == "by":
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
            if tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj") and tok.head is not tok:
                tok = tok.head
                continue
            return None
        if tok.dep_ == "pcomp" and tok.head.head is not tok.head:  # "credited with creating"
            tok = tok.head.head
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and tok.head is not tok:
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            tok = tok.head
            continue
        return None
    return None


def clause_char_ranges(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges (relative to the parsed text) of the trigger's clause:
    its subtree without nested clauses that have their own subject, plus the
    noun a relative/participial clause describes (and that noun's subject
    when it is the attribute of a copula)."""
    excluded: set[int] = set()
    for child in trigger.children:
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and (child.dep_ in ("conj", "advcl") or any(
            g.dep_ in ("nsubj", "nsubjpass") for g in child.children
        )):
            excluded.update(t.i for t in child.subtree)
    keep = {t.i for t in trigger.subtree} - excluded
    if trigger.dep_ in ("relcl", "acl") and trigger.head is not trigger:
        noun = trigger.head
        own = {t.i for t in trigger.subtree}
        for _ in range(3):
            keep |= {t.i for t in noun.subtree} - own
            if noun.dep_ == "pobj" and noun.head.head is not noun.head:
                noun = noun.head.head
                continue
            if noun.dep_ in ("attr", "acomp"):
                for sib in noun.head.children:
                    if sib.dep_ in ("nsubj", "nsubjpass"):
                        keep |= {t.i for t in sib.subtree}
            break
    doc = trigger.doc
    ranges = []
    for i in sorted(keep):
        t = doc[i]
        s, e = t.idx, t.idx + len(t.text)
        if ranges and s <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], e)
        else:
            ranges.append((s, e))
    return ranges


def clause_summary(parsed: Doc, trigger: Token, ranges: Sequence[tuple[int, int]]) -> str:
    """The trigger's clause as a short sentence: its words from first to last,
    led by the sentence's subject when the clause has none of its own
    ("New Zealand: first deploying alongside NATO in Bosnia-Herzegovina in 1996.")."""
    sentence = parsed.text.strip()
    if not ranges:
        return sentence
    start, end = ranges[0][0], ranges[-1][1]
    clause = parsed.text[start:end].strip(" ,;:-–—")
    clause = re.sub(r"^(?:and|but|or|which|who|that|since|while|as)\s+", "", clause, flags=re.I)
    if len(clause) >= 0.85 * len(sentence) or len(clause) < 12:
        return " ".join(sentence.split())
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in trigger.children) or trigger.dep_ in ("relcl", "acl")
    root = trigger.sent.root
    prefix = ""
    if not has_subject and root is not trigger:
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not (start <= subj.idx < end):
            words = parsed[subj.left_edge.i : subj.right_edge.i + 1].text
            prefix = words + ": "
    out = " ".join((prefix + clause).split())
    out = out[0].upper() + out[1:]
    return out if out.endswith((".", "!", "?")) else out + "."


def confidence_features(
    trigger: Token | None, by_parse: bool, date: DateMention, subject_named: bool, participants: int, n_dates: int
) -> dict[str, float]:
    """Simple, inspectable features of a statement; the calibrated model
    (extractors/data/statement_confidence.json) turns them into a probability
    that the statement is a real dated statement with the right date."""
    sent = trigger.sent if trigger is not None else None
    words = sum(1 for t in sent if not t.is_punct) if sent is not None else 0
    return {
        "trigger_verb": float(trigger is not None and trigger.pos_ == "VERB"),
        "trigger_noun": float(trigger is not None and trigger.pos_ == "NOUN"),
        "trigger_frame": float(trigger is not None and trigger.lemma_.lower() in FRAME_VERBS),
        "by_parse": float(by_parse),
        "past_tense": float(trigger is not None and (trigger.tag_ in ("VBD", "VBN")
                                                     or any(c.tag_ in ("VBD",) and c.dep_ in ("aux", "auxpass")
                                                            for c in trigger.children))),
        "anchored": float(date.anchored),
        "day": float(date.precision == "day"),
        "month": float(date.precision == "month"),
        "year": float(date.precision == "year"),
        "role_point": float(date.role == "point"),
        "subject_named": float(subject_named),
        "participants": float(min(participants, 4)) / 4,
        "short_sentence": float(words < 8),
        "log_words": math.log1p(words) / 4,
        "dates_in_sentence": float(min(n_dates, 5)) / 5,
        "sentence_ends": float(sent is not None and sent.text.rstrip().endswith((".", "!", '"', "”", ")"))),
    }


CONFIDENCE_FEATURES = (
    "trigger_verb", "trigger_noun", "trigger_frame", "by_parse", "past_tense", "anchored", "day", "month", "year",
    "role_point", "subject_named", "participants", "short_sentence", "log_words", "dates_in_sentence", "sentence_ends",
)


@lru_cache(maxsize=1)
def _calibration() -> dict | None:
    path = Path(__file__).with_name("data") / "statement_confidence.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def calibrated_confidence(features: dict[str, float], model: dict | None = None) -> float:
    """P(real dated statement with the right date | features), from a logistic
    model fitted on the labelled dev pages (cross-validated by site; see
    evaluation/statement_confidence.py). Without the model file: 0.5."""
    model = model if model is not None else _calibration()
    if not model:
        return 0.5
    z = model["intercept"] + sum(w * features.get(k, 0.0) for k, w in model["weights"].items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def shared_conjuncts(trigger: Token, span, parsed: Doc, dates: Sequence[DateMention], s0: int) -> list[Token]:
    """Verbs conjoined with the trigger that share its date: "On Sept. 2,
    police raided two homes and searched for a suspect" tells two
    happenings of that day. A conjunct with a date of its own, or with its
    own subject after a date that follows the first verb, keeps to itself."""
    if trigger.pos_ != "VERB":
        return []
    out = []
    fronted = span.end <= trigger.i
    for c in trigger.children:
        if c.dep_ != "conj" or c.pos_ != "VERB" or c.lemma_.lower() in FRAME_VERBS:
            continue
        lo, hi = c.left_edge.idx + s0, c.right_edge.idx + len(c.right_edge.text) + s0
        if any(lo <= d.char_start < hi for d in dates):
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not fronted:
            continue
        out.append(c)
    return out


def _statement(text: str, sentence: tuple[int, int], parsed: Doc, trigger: Token, by_parse: bool, date: DateMention,
               in_sentence: Sequence[EntityMention], n_dates: int, date_root: Token | None = None) -> DatedStatement:
    """One statement: the trigger's clause, its participants (subject or
    agent first, only from that clause) and its calibrated confidence."""
    s0, e0 = sentence
    local = clause_char_ranges(trigger)
    summary = clause_summary(parsed, trigger, local)
    subj = subject_of(trigger)
    subj_range = (s0 + subj.left_edge.idx, s0 + subj.right_edge.idx + len(subj.right_edge.text)) if subj is not None else None
    ranges = [(s0 + a, s0 + b) for a, b in local] + ([subj_range] if subj_range else [])
    clause = [m for m in in_sentence if any(a <= m.char_start and m.char_end <= b for a, b in ranges)
              and not (date.char_start <= m.char_start < date.char_end) and m.label not in NON_PARTICIPANT_LABELS]
    subject_mentions = [m for m in clause if subj_range and subj_range[0] <= m.char_start and m.char_end <= subj_range[1]]
    ordered = subject_mentions + [m for m in clause if m not in subject_mentions]
    participants = tuple(dict.fromkeys(m.key for m in ordered))
    lemma = trigger.lemma_.lower()
    features = confidence_features(trigger, by_parse, date, bool(subject_mentions), len(participants), n_dates)
    return DatedStatement(
        char_start=s0,
        char_end=e0,
        sentence=text[s0:e0],
        date=date,
        trigger=lemma,
        trigger_text=trigger.text,
        trigger_start=s0 + trigger.idx,
        kind=trigger_kind(lemma, date.role),
        participants=participants,
        confidence=calibrated_confidence(features),
        summary=summary,
        features=tuple(features[k] for k in CONFIDENCE_FEATURES),
        planned=is_planned(trigger, date_root),
        agents=agent_keys(trigger, s0, in_sentence),
    )


def statements_from_parse(
    text: str,
    sentence: tuple[int, int],
    parsed: Doc,
    dates: Sequence[DateMention],
    mentions: Sequence[EntityMention],
) -> list[DatedStatement]:
    """Statements of one sentence. ``parsed`` is the parse of ``text[s:e]``.

    One statement per (trigger, date). A date with no word naming a
    happening (a date-only line), or whose clause the parse says states
    nothing (question, imperative, hedged, negated, habitual), gives none.
    """
    s0, e0 = sentence
    audit = audit_log()
    cited = citation_statement(text, sentence, parsed, dates)
    if cited is not None:
        return [cited]
    in_sentence = [m for m in mentions if s0 <= m.char_start and m.char_end <= e0]
    out: list[DatedStatement] = []
    seen: set[tuple] = set()
    for date in dates:
        span = parsed.char_span(date.char_start - s0, date.char_end - s0, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head, by_parse = find_trigger(span.root, range(span.start, span.end))
        if head is None or span.start <= head.i < span.end:
            continue
        for trigger in [head, *shared_conjuncts(head, span, parsed, dates, s0)]:
            if audit is None:
                if no_statement_reason(trigger, date, by_parse, span.root) is not None:
                    continue
            else:
                fired = _fired_rules(trigger, date, by_parse, span.root)
            key = (trigger.i, date.date_start, date.role)
            if key in seen:
                continue
            seen.add(key)
            out.append(_statement(text, sentence, parsed, trigger, by_parse, date, in_sentence, len(dates), span.root))
            if audit is not None:
                audit[statement_key(out[-1])] = fired
    return out


def statement_key(st: DatedStatement) -> tuple:
    """What an audited run logs a statement under (see extractors.rule_switches.auditing)."""
    return (st.sentence, st.date.char_start, st.date.char_end, st.trigger_start)


def _fired_rules(trigger: Token, date: DateMention, by_parse: bool, date_root: Token) -> frozenset[str]:
    """Every rule of no_statement_reason that fires on the clause (each found by turning the ones before it off)."""
    fired: set[str] = set()
    base = rules_now_off()
    while True:
        with rules_off(base | fired):
            reason = no_statement_reason(trigger, date, by_parse, date_root)
        if reason is None or reason in fired:
            return frozenset(fired)
        fired.add(reason)


def citation_statement(
    text: str, sentence: tuple[int, int], parsed: Doc, dates: Sequence[DateMention]
) -> DatedStatement | None:
    """A reference line ("Nature 521 (7553), 436-444, 2015") states that the
    work was published in its closing year; its other numbers are no dates.
    Its participants are the authors on the line above, when there is one."""
    span = citation_year_span(parsed)
    if span is None:
        return None
    s0, e0 = sentence
    date = next((d for d in dates if d.char_start == s0 + span[0] and d.precision == "year"), None)
    if date is None:
        return None
    authors = author_names(text, s0) if s0 == 0 or text[s0 - 1] == "\n" else ()
    participants = tuple(dict.fromkeys(normalize_name(a) for a in authors))
    features = confidence_features(None, False, date, bool(participants), len(participants), 1)
    return DatedStatement(
        char_start=s0,
        char_end=e0,
        sentence=text[s0:e0],
        date=date,
        trigger=CITATION_TRIGGER,
        trigger_text=None,
        trigger_start=None,
        kind=trigger_kind(CITATION_TRIGGER, date.role),
        participants=participants,
        confidence=calibrated_confidence(features),
        summary=" ".join(parsed.text.split()),
        features=tuple(features[k] for k in CONFIDENCE_FEATURES),
    )
