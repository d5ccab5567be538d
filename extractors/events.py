"""Dated statements: one per date a sentence gives to a happening.

For every sentence that carries a date mention, the dependency parse says
which verb (or event noun) the date belongs to, the trigger, and which
clause that is; the entities of that clause are the participants. A sentence
with two dates can give two statements. Durations, sets, vague references and
page metadata never get here (the temporal tagger and the cleaner keep them
out), so there is no statement without a concrete date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from extractors.calendar_words import MONTHS, yearless_period
from extractors.citation_lines import (
    CITATION_TRIGGER,
    CITE_YEAR,
    author_names,
    citation_year_span,
    in_text_citation,
    is_access_date,
    reference_entry,
)
from extractors.coreference import Discourse, Resolution
from extractors.date_framings import (
    about_the_text,
    copulas_reached,
    dates_a_thing,
    evaluates_in_period,
    names_a_work,
    nowadays,
    period_described,
    period_promises,
    presents_what_follows,
    ranks_within_period,
    reader_possession,
)
from extractors.entities import EntityMention
from extractors.entity_rules import PLACE_LABELS
from extractors.event_rules import (
    ADVICE_VERBS,
    ANNOUNCE_VERBS,
    CLOCK_ONLY,
    CONDITION_MARKERS,
    DEICTIC_DATE,
    DEICTIC_NOW,
    FRAME_VERBS,
    GENERIC_DAY_PART,
    HABITUAL_ADVERBS,
    HEDGING_MODALS,
    IF_COMPLEMENT_VERBS,
    IMPERATIVE_OPENERS,
    INFINITIVE_HAPPENING_NOUNS,
    LIGHT_VERBS,
    META_VERBS,
    OCCUR_VERBS,
    OPINION_VERBS,
    PAST_SPAN,
    PERIOD_VERBS,
    POLICY_MODIFIERS,
    POSSESSIVE_PERIOD,
    POST_LABEL_VERBS,
    PROMOTION_LABEL_NOUNS,
    PROMOTION_NOUNS,
    QUALIFIER_PREPS,
    RATE_ADVERBS,
    READER_PROMISE_VERBS,
    SHOP_OWNERS,
    SUPPORT_VERBS,
    TERM_END_VERBS,
    TIME_NOUNS,
    UNDERGO_VERBS,
    has_own_subject,
    has_to_infinitive,
    subtree_range,
    trigger_kind,
)
from extractors.habits import habitual_present, writes_year
from extractors.modality import is_plan_noun, is_planned, told_done
from extractors.post_signatures import POST_TRIGGER, is_edit_note, is_post_header, post_signature
from extractors.roles import (
    agent_keys,
    author_key,
    is_partitive,
    participant_keys,
    relative_antecedent,
    reporter_keys,
    sentence_names,
)
from extractors.rule_switches import audit_log, rule_on, rules_now_off, rules_off
from extractors.statement_model import PARSE_FEATURES, calibrated_confidence, features_wanted, parse_features
from extractors.triggers import TriggerOptions, find_trigger, is_event_noun, since_holder, trigger_lemma, when_clauses
from extractors.types import DateMention

_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "acl"}
# deictic words that name one day other than the present era
_ONE_DAY_DEICTIC = frozenset({"tomorrow", "tonight"})


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
    features: tuple[float, ...] = ()  # the confidence model's inputs: PARSE_FEATURES, then FEATURES once judged (extractors.statement_model)
    planned: bool = False  # says the happening is planned for the date (extractors.modality)
    done: bool = False  # the date's own clause tells an announcement that is over: no plan (extractors.modality.told_done)
    agents: tuple[str, ...] = ()  # mention keys of the trigger's agent (extractors.roles)
    reporters: tuple[str, ...] = ()  # mention keys of who reports it ("..., Acme said": extractors.roles.reporter_keys)
    # participants the sentence names by a pronoun or description, resolved (extractors.coreference)
    resolved: tuple[Resolution, ...] = ()

    def written_participants(self) -> tuple[str, ...]:
        """The participants the sentence names as written (none resolved from elsewhere)."""
        only_resolved = {r.key for r in self.resolved}
        return tuple(p for p in self.participants if p not in only_resolved)


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

    The rules are tried in a fixed order, one group of rules a step (each
    rule behind its ``rule_on`` switch); the first that fires gives the reason.
    """
    reason = _date_shape_reason(trigger, date, date_root)
    if reason is not None:
        return reason
    clause_verb = _clause_verb(trigger)
    if rule_on("promotion-end") and promotion_end(clause_verb):
        return "promotion-end"
    reason = _sentence_mood_reason(trigger.sent, date_root) or _date_attachment_reason(trigger, date, date_root, clause_verb)
    if reason is not None:
        return reason
    # an event noun the date itself modifies ("the July 2025 incident") is
    # dated whatever the mood of the clause around it; not "today's" in a
    # clause of the simple present ("the script pulls today's meetings": a routine)
    if date_root is not None and trigger.pos_ == "NOUN" and (
        date_root.head == trigger or (date_root.head.dep_ == "prep" and date_root.head.head == trigger)
    ) and not (date.text.strip().lower() in DEICTIC_NOW and _simple_present(clause_verb)):
        return None
    children = list(clause_verb.children)
    return (
        _clause_mood_reason(trigger.sent, clause_verb)
        or _advice_or_belief_reason(clause_verb, children)
        or _hedged_or_negated_reason(date, clause_verb, children)
        or _present_or_habitual_reason(trigger, date, by_parse, clause_verb, children, date_root)
    )


def promotion_end(verb: Token) -> bool:
    """A shop's promotion ending: "Sale ends 03/31/2026.", "Offers expire 9/30/2017 at 11:59 P.M.", "Our
    garden discount expires on April 30": a verb of ending in the present or future whose subject is a
    promotion noun ("sale" only in the singular: "sales will end 2026 up 3%" are a market's figures) with a
    mark of a shop: owned by the shop ("our", "this", "the store's"), a bare label opening its line, or a
    price or a percentage in the sentence. Not a public measure, a treaty or a deal in finance ("the
    government's fuel discount", "the federal EV rebate", "Ceasefire deal expires Saturday": an owner, a
    proper noun or a word of policy before it), nor a sale "of" something (a transaction); "offer" and
    "deal" only bare ("the offer expires on May 13" may be a tender offer's term)."""
    if verb.lemma_.lower() not in TERM_END_VERBS or verb.tag_ in ("VBD", "VBN"):
        return False  # "the sale ended on May 3": a happening told, not a shop's term
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        lemma = subject.lemma_.lower()
        label = lemma in PROMOTION_LABEL_NOUNS
        if not (label or (lemma in PROMOTION_NOUNS and not (lemma == "sale" and subject.tag_ == "NNS"))):
            continue
        if _promotion_of_a_shop(subject, verb, label):
            return True
    return False


def _promotion_of_a_shop(subject: Token, verb: Token, label: bool) -> bool:
    """Whether a promotion noun subject of ``verb`` is a shop's own (see ``promotion_end``)."""
    owned = False
    bare = True
    for c in subject.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return False  # "the sale of the stake ends ...": a transaction
        if c.dep_ == "poss":
            if c.lower_ not in SHOP_OWNERS and c.lemma_.lower() not in SHOP_OWNERS:
                return False  # "the government's fuel discount"
            owned, bare = True, False
        elif c.dep_ == "det":
            owned = owned or c.lower_ == "this"
            bare = False
    for t in subject.subtree:
        if t.i < subject.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod") and (
                t.pos_ == "PROPN" or any(w in POLICY_MODIFIERS for w in re.split(r"[-–]", t.lower_))):
            return False  # "the 10% tariff discount", "US-China deal", "Takeover offer"
    if label and not bare:
        return False
    opens_line = subject.left_edge.i == subject.sent.start or subject.doc[subject.left_edge.i - 1].text.strip() == ""
    priced = re.search(r"\d\s*%|\bper\s*cent\b|\bpercent\b|[$£€¥]\s*\d", subject.sent.text, re.I) is not None
    if label:
        return opens_line or priced
    return owned or (bare and opens_line) or priced


def _date_shape_reason(trigger: Token, date: DateMention, date_root: Token | None) -> str | None:
    """Rules on the date's words and the line it stands in: a clock time,
    a title, a span up to now, a personal period, a part of a day, a post's label."""
    sent = trigger.sent
    if rule_on("clock-only") and CLOCK_ONLY.fullmatch(date.text.strip()):
        return "clock-only"  # "we left at 6am": no day of its own, not the page's day
    if rule_on("verbless-title") and date.precision != "day" and date.role == "point" and _verbless_title(sent):
        return "verbless-title"  # "summer training tips", "<Product> 2nd generation with USB-C 2023"
    if rule_on("count-title") and _count_title(sent.text):
        return "count-title"  # "20 Monday Night Dinner Recipes You'll Come Back To": a list article's title
    if rule_on("past-span") and date.role == "point" and PAST_SPAN.match(date.text.strip()):
        # "over the past year, the platform collapsed": up to now, not a dated happening; an exact
        # count ("over the past five years") is read as the range it spans (extractors.timex.count_back)
        return "past-span"
    if rule_on("possessive-period") and POSSESSIVE_PERIOD.match(date.text.strip()):
        return "possessive-period"  # "on his first day in office": no calendar date
    if GENERIC_DAY_PART.fullmatch(date.text.strip()) and not (
        date_root is not None and any(t.lower_ in ("earlier", "later") for t in date_root.doc[max(0, date_root.i - 4):date_root.i])
    ):  # "earlier in the day" is the page's day
        if rule_on("generic-day-part"):
            return "generic-day-part"
    # a post's label: "(2019-02-24, 05:31 PM) Bob Wrote:", "This post was last modified: 2024-01-05"
    nxt = trigger.nbor(1) if trigger.i + 1 < len(trigger.doc) else None
    if trigger.lemma_.lower() in POST_LABEL_VERBS and (
            (nxt is not None and nxt.text == ":") or _label_before_date(trigger, date_root)):
        if rule_on("byline"):
            return "byline"
    if rule_on("quote-header") and _quote_header(trigger, nxt):
        return "quote-header"  # "On 10/29/2025 at 2:07 PM, jdoe said:", "10 hours ago, jdoe said:" over a quoted post
    if rule_on("post-header") and is_post_header(sent.text):
        return "post-header"  # "jdoe (Jane Doe) November 8, 2024, 8:42pm 2": a forum post's header
    at = _date_offset_in_sentence(date, date_root, sent)
    if at >= 0 and is_edit_note(sent.text, at):
        if rule_on("byline"):
            return "byline"  # "Last edited by jdoe; Feb 17, 2026"
    # the parse may end the dateline's sentence at its dash: the date's own sentence is asked
    home = date_root.sent if date_root is not None else sent
    if rule_on("dateline") and in_dateline(home.text, _date_offset_in_sentence(date, date_root, home), len(date.text)):
        return "dateline"  # "WASHINGTON (January 24, 2017) — ...": the release's date stamp
    if at >= 0 and is_access_date(sent.text, at, sent):
        if rule_on("access-date"):
            return "access-date"  # "Accessed 4 Nov. 2025."
    return None


def _date_offset_in_sentence(date: DateMention, date_root: Token | None, sent: Span) -> int:
    """Where this date starts in its sentence's text (-1: unknown): found from
    the date's own root token, not by searching the text, where the same
    words may stand earlier ("visited 2019 lows ... closed in 2019"); with no
    root token, the first place its words stand in the sentence."""
    if date_root is None:
        return sent.text.find(date.text)
    inside = date.text.find(date_root.text)
    if inside < 0:
        return -1
    return date_root.idx - inside - sent.start_char


_POST_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\bago\b", re.I)


def _quote_header(trigger: Token, nxt: Token | None) -> bool:
    """"<when>, <name> said:" closing its sentence: a forum's header over a quoted
    post, not a saying (a quote said in the sentence itself follows the colon)."""
    if trigger.lemma_.lower() != "say" or nxt is None or nxt.text != ":":
        return False
    if not all(t.is_space for t in trigger.doc[nxt.i + 1 : trigger.sent.end]):
        return False
    # the header's shape: a clock time or an age ("at 2:07 PM", "10 hours ago"); a news quote's
    # "On Tuesday, the minister said:" over its words is a saying
    return _POST_TIME.search(trigger.doc[trigger.sent.start : trigger.i].text) is not None


def _label_before_date(trigger: Token, date_root: Token | None) -> bool:
    """A label naming the page's or a post's own date: "Posted on March 3,
    2024 by admin", "Last Updated June 3, 2023 at 4:15 PM": the verb opens
    its line (or follows "last"/"originally" or a separator), has no subject,
    and the date follows it at once."""
    if date_root is None or not 0 < date_root.i - trigger.i <= 4:
        return False
    doc = trigger.doc
    between = doc[trigger.i + 1:date_root.i]
    if not all(t.lower_ in ("on", ":", "at", "-", "for") or t.head == date_root for t in between):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return False
    before = doc[trigger.i - 1] if trigger.i > trigger.sent.start else None
    return before is None or before.lower_ in ("last", "originally", "first", "|", "·", "•", "\n")


def _clause_verb(trigger: Token) -> Token:
    """The verb of the trigger's clause: an event noun stands in the clause of its verb."""
    clause_verb = trigger
    for _ in range(4):
        if clause_verb.pos_ in ("VERB", "AUX") or clause_verb.head == clause_verb:
            break
        clause_verb = clause_verb.head
    return clause_verb


def _sentence_mood_reason(sent: Span, date_root: Token | None = None) -> str | None:
    """The sentence asks, opens in the imperative, greets, or points at what
    follows (for a date of its pointing clause, ``date_root``)."""
    text = sent.text.strip()
    # questions: the sentence asks ("When did ...?"), or a question opens the clause
    if text.endswith("?"):
        if rule_on("question"):
            return "question"
    # a wish or a greeting: "Wishing all our members a calm and bright 2025!", "Happy New Year 2026!"
    if rule_on("greeting") and _greets(sent):
        return "greeting"
    # a list intro pointing at what follows: "Here are some resolutions to consider for the new year:"
    if rule_on("list-intro") and presents_what_follows(sent, date_root):
        return "list-intro"
    # imperatives and advice: a bare verb opening the sentence with no subject
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is not None:
        fl = first.lower_
        subj = has_own_subject(sent.root)
        if (first.tag_ == "VB" and first.dep_ == "ROOT" and not subj) or _verb_as_subject(first) or _mistagged_order(first, subj) or (
            fl in IMPERATIVE_OPENERS and first.i == sent.root.i and not subj and first.tag_ in ("VB", "VBP", "NN", "NNP")
        ):
            if rule_on("imperative"):
                return "imperative"
        if fl in ("please", "don't", "do") and not subj:
            if rule_on("imperative"):
                return "imperative"
    return None


def _mistagged_order(first: Token, subject: bool) -> bool:
    """A sentence opening with the parse's root, tagged an adjective or a noun, that governs a direct object
    and has no subject: a verb of an order the tagger did not know at a sentence's start ("Designate the
    months of January, April, July and October for ...")."""
    return (first.dep_ == "ROOT" and not subject and first.tag_ in ("JJ", "NN", "NNP")
            and any(c.dep_ == "dobj" for c in first.children))


# Words that open a greeting or a wish ("Happy holidays", "Merry Christmas", "Season's greetings").
_GREETING_OPENERS = frozenset({"happy", "merry", "wishing", "cheers", "greetings"})


def _greets(sent: Span) -> bool:
    """A wish or a greeting to the reader: the sentence opens with "Wishing"
    or "Happy"/"Merry" (no finite verb before "!" or the end), or its main
    verb is "wish" with the reader as its object ("We wish you a happy
    2025"). It states nothing about the date it names."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    root = sent.root
    if root.lemma_.lower() == "wish" and any(c.dep_ in ("dative", "dobj", "iobj") and c.lower_ in ("you", "everyone", "all")
                                              for c in root.children):
        return not any(c.dep_ == "nsubj" and c.lower_ not in ("i", "we") for c in root.children)
    if words[0].lower_ not in _GREETING_OPENERS or words[0].lower_ == "wishing" and root != words[0]:
        return False
    return words[0].lower_ == "wishing" or (len(words) <= 8 and not any(
        t.tag_ in ("VBD", "VBZ", "VBP") for t in words[1:]))


# A news dateline opening the sentence: "WASHINGTON (January 24, 2017) — ", "LONDON, March 3, 2024 — ".
_DATELINE_BEFORE = re.compile(r"^[\W_]*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*[(,]\s*$")
_DATELINE_AFTER = re.compile(r"^\s*\)?\s*[—–-]{1,2}(?:\s|$)")


def in_dateline(sent_text: str, at: int, length: int) -> bool:
    """The date stands in a news dateline that opens the sentence (a place in
    capitals, the date in brackets or after a comma, then a dash): the
    release's own date stamp (a ``byline``), not the time of the clause that
    follows ("SPRINGFIELD (January 24, 2017) — Brisk walking is a common habit
    among retirees.")."""
    return (at >= 0 and bool(_DATELINE_BEFORE.match(sent_text[:at]))
            and bool(_DATELINE_AFTER.match(sent_text[at + length:])))


def _verb_as_subject(first: Token) -> bool:
    """A base-form verb opening the sentence that the parse made the subject
    of the participle after it ("Get started today.": an imperative misread)."""
    head = first.head
    return (first.tag_ == "VB" and first.dep_ == "nsubj" and head.i == first.i + 1 and head.tag_ in ("VBD", "VBN")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c != first for c in head.children))


def _date_attachment_reason(trigger: Token, date: DateMention, date_root: Token | None, clause_verb: Token) -> str | None:
    """What the date belongs to says the clause tells no happening: the text
    announcing itself, the date as the verb's object or a noun's qualifier,
    a copula that ranks."""
    # the text announcing itself: "Today, we'll take a close look at ...", "This season we're breaking down ..."
    if rule_on("meta-discourse") and DEICTIC_DATE.match(date.text.strip()) and _announces_itself(trigger):
        return "meta-discourse"
    # the text speaking of itself: "this guide will cover ... this year", "we've rounded up the top ... of 2023"
    if rule_on("self-reference") and about_the_text(clause_verb, date_root):
        return "self-reference"
    # a group defined by when its members were born: "millennials (those born between 1981 and 1996)"
    if rule_on("birth-cohort") and _birth_cohort(trigger):
        return "birth-cohort"
    # a ranking within a period: "one of 2022's most-played albums", "the finest novels of the year"
    if rule_on("period-rank") and ranks_within_period(date_root):
        return "period-rank"
    # a period holding things out to the reader: "2025 offers endless possibilities", "The arrival of 2025 brings ..."
    if rule_on("period-promise") and period_promises(date_root):
        return "period-promise"
    # a period described, not dated: "2024 was a banner year", "The first half of 2025 has some truly amazing games"
    if rule_on("period-subject") and period_described(date_root, trigger, date.precision):
        return "period-subject"
    # how much a thing matters in a period: "In 2025, AI tools will be indispensable", "success in 2025 relies on ..."
    if rule_on("evaluative-predicate") and evaluates_in_period(date_root):
        return "evaluative-predicate"
    # a thing the year qualifies: "its 2025 forecast", "the 2026 housing market", "luxury pipelines for 2026"
    if rule_on("thing-year") and dates_a_thing(date_root, trigger, date.precision):
        return "thing-year"
    # a thing of the reader's: "make your 2025 fitness goals a habit"
    if rule_on("reader-possession") and reader_possession(date_root, clause_verb):
        return "reader-possession"
    # "today's" world, age, society: the present era ("In today's interconnected world, ... has transformed ...")
    if rule_on("nowadays-noun") and nowadays(date.text, date_root):
        return "nowadays-noun"
    # a year naming a work: "the remake of 2019's <Title> drew crowds"
    if rule_on("name-possessive") and names_a_work(date_root, trigger, date.text):
        return "name-possessive"
    # the date is what the verb acts on, not when it happens: "which reviewed
    # 2025 as a year of ...", "we celebrate Christmas" (a verb of a period's
    # course takes its time as object: "will finish 2023 with ...")
    if (rule_on("date-object") and date_root is not None and date_root.dep_ in ("dobj", "obj")
            and date_root.head == trigger and trigger.lemma_.lower() not in PERIOD_VERBS):
        return "date-object"
    # a date that only qualifies a noun: "styles from the 1920s are making a
    # comeback", "(looking for 2024 opinions)"
    if (rule_on("noun-qualifier") and date_root is not None and _qualifies_noun(date_root, trigger)
            and (date.role == "point" or (date.role == "range" and " and " in date.text))):
        return "noun-qualifier"
    # "this weekend's choices include ...": things of a period described in the present
    if (rule_on("noun-qualifier") and date_root is not None and date_root.dep_ == "poss" and date_root.head != trigger
            and date_root.head.tag_ == "NNS" and not is_event_noun(date_root.head) and _simple_present(clause_verb)):
        return "noun-qualifier"
    # an infinitive describing a noun asserts nothing: "places to visit in
    # 2025", "momentum for the pact to enter into force in 2016"; not a plan
    # or another happening's noun ("plans to launch on 18 December"), nor a
    # rank ("the first company to launch a rocket in 2019")
    if rule_on("noun-infinitive") and date_root is not None and _infinitive_of_noun(date_root):
        return "noun-infinitive"
    # an evaluation: a copular clause that ranks ("one of the best games of
    # the year", "2026 is shaping up to be the busiest year yet",
    # "As of 2025 X is still the most important factor")
    if _ranks_in_copula(clause_verb) or _ranks_in_copula(_copula_over_noun(clause_verb)):
        if rule_on("opinion"):
            return "opinion"
    return None


def _clause_mood_reason(sent: Span, clause_verb: Token) -> str | None:
    """A main clause in the imperative anywhere in the sentence, a "please",
    or the clause inside a condition."""
    # a main clause in the imperative anywhere in the sentence ("If you have
    # questions, please don't hesitate to contact us from Saturday to Thursday")
    root = sent.root
    own_subject = False
    node = clause_verb
    for _ in range(6):
        if has_own_subject(node):
            own_subject = True
            break
        if node.head == node:
            break
        node = node.head
    if not own_subject and _imperative(root):
        if rule_on("imperative"):
            return "imperative"
    if any(t.lower_ == "please" for t in sent):
        if rule_on("imperative"):
            return "imperative"
    # inside a condition ("If there are no meetings until noon, ...")
    node = clause_verb
    for _ in range(4):
        if _opens_condition(node, CONDITION_MARKERS):
            if rule_on("conditional"):
                return "conditional"
        if node.head == node:
            break
        node = node.head
    return None


def _advice_or_belief_reason(clause_verb: Token, children: list[Token]) -> str | None:
    """Advice ("I recommend ...", "you need to ...") or the writer's belief ("I think ...")."""
    # an exhortation: "It's time for someone among you to rethink fashion in 2025"
    if _its_time_to(clause_verb):
        if rule_on("advice"):
            return "advice"
    # advice: "I recommend catching up with ... of this year"
    node = clause_verb
    for _ in range(3):
        if node.head == node:
            break
        node = node.head
        if node.lemma_.lower() in ADVICE_VERBS:
            if rule_on("advice"):
                return "advice"
    # the writer's belief: "I think lots of fans are going to be arguing over it in 2026"
    node = clause_verb
    for _ in range(6):
        if node.lemma_.lower() in OPINION_VERBS and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in node.children):
            if rule_on("opinion"):
                return "opinion"
        if node.head == node:
            break
        node = node.head
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in children) and any(
        c.dep_ == "aux" and c.lemma_.lower() in HEDGING_MODALS | {"need", "have"} for c in children
    ):
        if rule_on("advice"):
            return "advice"
    # a promise to the reader: "This plan ensures you'll get steady support throughout the year"
    # (only under a verb of promising: "Starting April 1, 2025, you will pay $2 more" is a rule the reader needs)
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in children) and any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll") for c in children
    ) and clause_verb.dep_ == "ccomp" and clause_verb.head.lemma_.lower() in READER_PROMISE_VERBS:
        if rule_on("reader-future"):
            return "reader-future"
    return None


def _hedged_or_negated_reason(date: DateMention, clause_verb: Token, children: list[Token]) -> str | None:
    """Hedged by a modal, or negated."""
    # hedged: "may/might/could/should launch in 2025", also through the verb a
    # complement completes ("shall not be deemed to be filed ... in 1934")
    governing = list(children)
    node = clause_verb
    for _ in range(2):
        if node.dep_ != "xcomp" or node.head == node:
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
    return None


def _simple_present(clause_verb: Token) -> bool:
    """The clause's verb is in the simple present, with no auxiliary."""
    return clause_verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in clause_verb.children)


def _finite_past(clause_verb: Token) -> bool:
    """The clause tells a completed (or modal) happening: past tense, a perfect
    or a modal, also on the verb the clause completes ("was slated to begin today")."""
    tensed = clause_verb
    for _ in range(3):
        t_aux = [c for c in tensed.children if c.dep_ in ("aux", "auxpass")]
        if tensed.tag_ == "VBD" or any(a.tag_ in ("VBD", "MD") or a.lemma_.lower() == "have" or a.lower_ in ("'s", "’s")
                                       for a in t_aux):
            return True
        if tensed.dep_ not in ("xcomp", "ccomp") or tensed.head == tensed:
            break
        tensed = tensed.head
    return False


def _imperative(verb: Token) -> bool:
    """A verb in the base form with no subject or auxiliary of its own ("do"
    of "don't hesitate" is no auxiliary of a mood): an order to the reader."""
    return verb.tag_ == "VB" and verb.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") and c.lower_ not in ("do", "don't", "dont")
        for c in verb.children)


def _opens_condition(verb: Token, markers: frozenset[str]) -> bool:
    """The verb heads an adverbial clause one of ``markers`` opens ("If you order by noon, ...")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in verb.children)


# the markers of a condition put to the reader ("If you order by noon", "once you sign up")
_READER_CONDITION = frozenset({"if", "when", "once"})


def _present_above(token: Token) -> bool:
    """The nearest finite verb above ``token`` is in the present (simple or
    progressive: "shows", "are juggling")."""
    verb = token.head
    for _ in range(8):
        if verb.tag_ in ("VBZ", "VBP"):
            return True
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                                 for c in verb.children):
            return True
        if verb.tag_ in ("VBD", "MD") or verb.head == verb:
            return False
        verb = verb.head
    return False


# the words of a group of anyone who fits ("those born in 1990", "anyone born after 2000", "people born ...")
_ANYONE = frozenset("those anyone anybody everyone everybody people persons individuals".split())


def _birth_cohort(trigger: Token) -> bool:
    """The trigger is "born" describing a group by its years of birth, not a person's birth: "those born
    between 1981 and 1996", "people born after 2000", "workers born in the 1960s" (a bare plural)."""
    if trigger.lemma_.lower() != "bear" or trigger.tag_ != "VBN" or trigger.dep_ not in ("acl", "relcl"):
        return False
    group = trigger.head
    return group.lower_ in _ANYONE or (group.tag_ == "NNS" and _bare_generic(group))


def _bare_generic(noun: Token) -> bool:
    """A plural or mass noun with no determiner, possessive or number: a kind,
    not one thing the text singles out ("workers", "jobs", "new collections")."""
    return noun.tag_ in ("NNS", "NN") and not any(
        c.dep_ in ("det", "poss", "predet", "nummod") for c in noun.children)


def _call_to_act(sent: Span) -> bool:
    """A sentence that tells the reader what to do beyond its main clause's
    mood (``_clause_mood_reason``): a second-person condition ("If you order
    by noon, we ship tomorrow") or an imperative conjunct of its main verb."""
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.lower_ == "you" and _opens_condition(tok.head, _READER_CONDITION):
            return True
        if tok.dep_ == "conj" and tok.head == sent.root and _imperative(tok):
            return True
    return False


def _names_one_day(trigger: Token, date: DateMention, clause_verb: Token, date_root: Token | None) -> bool:
    """"Tomorrow" or "tonight" said of a happening with its own actor names
    one day ("I am willing to leave tomorrow", "tomorrow's vote"), not the
    future in general: said of the happening (an adverb of its verb or the
    possessive of its noun, not "the leaders of tomorrow", not "the grid
    that powers tomorrow"), in a sentence with a subject ("De-risk tomorrow
    by ..." has none) that is no call to act ("Order within 1 day to have
    it shipped tomorrow")."""
    if date.text.strip().lower() not in _ONE_DAY_DEICTIC or date_root is None:
        return False
    sent = trigger.sent
    if not _has_subject(sent.root) or _call_to_act(sent):
        return False
    if date_root.dep_ == "poss":
        return date_root.head == trigger
    return (date_root.dep_ in ("npadvmod", "advmod") and date_root.head in (trigger, clause_verb)
            and _has_subject(clause_verb) and not _object_slot(date_root))


def _object_slot(date_root: Token) -> bool:
    """A bare "tomorrow" right after a relative clause's verb with no object
    of its own stands where the object would ("the grid that powers
    tomorrow"), whatever verb the parse hangs it on."""
    if date_root.dep_ != "npadvmod" or date_root.i == 0:
        return False
    prev = date_root.doc[date_root.i - 1]
    return prev.dep_ == "relcl" and not any(c.dep_ in ("dobj", "obj") for c in prev.children)


def _has_subject(verb: Token) -> bool:
    """The verb, or the verb whose complement it is ("willing to leave"), has a subject."""
    for _ in range(3):
        if has_own_subject(verb):
            return True
        if verb.dep_ not in ("xcomp", "acomp") or verb.head == verb:
            return False
        verb = verb.head
    return False


def _present_or_habitual_reason(
    trigger: Token, date: DateMention, by_parse: bool, clause_verb: Token, children: list[Token],
    date_root: Token | None = None,
) -> str | None:
    """The present era, a generic present, a bare copula, a habit."""
    sent = trigger.sent
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    finite_past = _finite_past(clause_verb)
    timeline = _timeline_entry(sent)
    # "today"/"now" in a clause that tells no completed or planned happening:
    # the present era ("tomorrow"/"tonight" of a happening name one day)
    if (date.text.strip().lower() in DEICTIC_NOW and not finite_past
            and not _names_one_day(trigger, date, clause_verb, date_root)):
        if rule_on("generic-now"):
            return "generic-now"
    # generic present with a coarse date inside the clause: a state, a trend or an opinion
    verbal = trigger.pos_ in ("VERB", "AUX")
    if (verbal and by_parse and not timeline and not aux and clause_verb.tag_ in ("VBZ", "VBP")
            and date.precision not in ("day", "week") and date.role == "point"):
        if rule_on("generic"):
            return "generic"
    if (verbal and by_parse and not aux and clause_verb.tag_ == "VB" and date.precision not in ("day", "week")
            and not finite_past):  # not a bare infinitive a past verb governs ("helped end the war four years ago")
        if rule_on("generic"):
            return "generic"
    # a bare copula: "It's 2025!", "2025 is a landmark year" (a state since/until a date stays)
    if trigger.lemma_.lower() == "be" and trigger.dep_ == "ROOT" and not finite_past and date.role == "point":
        if rule_on("copula"):
            return "copula"
    # the date is the copula's subject and the predicate only describes it:
    # "Today was no different.", "Yesterday was a good day" (no happening)
    if (date_root is not None and date_root.dep_ == "nsubj" and date_root.head.lemma_ == "be"
            and (trigger == date_root.head or (trigger.head == date_root.head and trigger.dep_ in ("acomp", "attr")))):
        if rule_on("copula"):
            return "copula"
    # a relative clause that only gives its noun's date: "the date, which is next Sunday"
    if (trigger.lemma_.lower() == "be" and trigger.dep_ == "relcl" and date.role == "point"
            and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in children)
            and all(c.dep_ in ("nsubj", "attr", "npadvmod", "punct") for c in children)):
        if rule_on("copula"):
            return "copula"
    # a yearless month, season or holiday told by a non-finite verb that
    # describes a bare plural or generic noun (no determiner), in a
    # present-tense sentence: what is done every year ("new collections coming
    # in summer", "orders filled before Easter"); not a noun the sentence
    # singles out ("The report published in March shows ...") nor a plan
    # ("plans to open in June": a plan noun)
    if (trigger.dep_ == "acl" and trigger.tag_ in ("VBG", "VBN", "VB") and date.role == "point"
            and yearless_period(date.text) and _bare_generic(trigger.head) and not is_plan_noun(trigger.head)
            and _present_above(trigger)):
        if rule_on("habitual"):
            return "habitual"
    # habitual or generic: "usually meets in May", "every year in June"; not
    # with a span of written years the habit holds over ("every day since
    # 1976", "from 1925 through 2024"), nor a rate to a written year ("grew
    # 3% annually to ... in 2029")
    year_span = writes_year(date.text) and date.role != "point"
    adverbs = [c for c in children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in HABITUAL_ADVERBS]
    if adverbs and not year_span and not (writes_year(date.text) and all(a.lower_ in RATE_ADVERBS for a in adverbs)):
        if rule_on("habitual"):
            return "habitual"
    if not year_span and any(t.lower_ in ("every", "each") and t.head.lower_ in ("year", "month", "week", "day", "time", "season")
           for t in clause_verb.subtree):  # in the clause, not elsewhere in the sentence
        if rule_on("habitual"):
            return "habitual"
    # a recurring date, or a date of every year in a clause of the simple
    # present ("ripe pears are picked in September", "on Mondays":
    # extractors.habits); a plan keeps its date ("is scheduled for April")
    if (rule_on("habitual-present") and by_parse and not timeline and habitual_present(clause_verb, date.text, date_root, date.role)
            and not is_planned(trigger, date_root)):
        return "habitual-present"
    return None


def _verbless_title(sent) -> bool:
    """A short line with no verb and no sentence end, no label colon or table
    bar: a title or a heading the markup did not mark, which names and does not say."""
    text = sent.text.strip()
    words = text.split()
    if not words or len(words) > 12 or text[-1] in ".!?;" or any(ch in text for ch in ":|"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


# a list article's title: a count, then words in title case ("25 Southern Sunday Suppers the Whole Family Will Love")
_COUNT_OPENER = re.compile(r"\d{1,3}\+?\s")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_COUNT_TITLE_WORDS, MAX_COUNT_TITLE_WORDS = 4, 16


def _count_title(text: str) -> bool:
    """A line that opens with a count and goes on in title case (every word of four letters or more
    capitalised, two such words at least), with no sentence end: the title of a list article or of
    a list's card ("9 Best Course Platforms For Creators (2026)"), which names and does not say. A
    day of a month ("7 March 12:46 PM ...") opens no title."""
    t = text.strip()
    words = t.split()
    if not (MIN_COUNT_TITLE_WORDS <= len(words) <= MAX_COUNT_TITLE_WORDS) or t[-1] in ".!?;:" or not _COUNT_OPENER.match(t):
        return False
    if words[1].lower().rstrip(".,") in MONTHS:
        return False  # "7 March 12:46 PM ...": the count is a day of the month
    long_words = [w for w in _TITLE_WORD.findall(t) if len(w) >= 4]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def _announces_itself(trigger: Token) -> bool:
    """"we'll take a close look at", "we're breaking down ... and <conjunct>":
    the writer (we/I) announcing what the text does, not in the past."""
    verb = trigger
    for _ in range(3):
        if verb.dep_ != "conj" or verb.head == verb:
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
    if noun.lemma_.lower() in TIME_NOUNS:
        return False  # "during the 2019-20 and 2020-21 school years": the date and its time noun are the time
    return noun != trigger and noun.pos_ == "NOUN" and not is_event_noun(noun) and noun.tag_ == "NNS"


def _infinitive_of_noun(date_root: Token) -> bool:
    """The date belongs to a to-infinitive that modifies a noun naming no
    happening, with no ordinal or superlative that makes it a rank."""
    verb = date_root.head.head if date_root.dep_ == "pobj" and date_root.head.dep_ == "prep" else date_root.head
    if date_root.dep_ == "prep":
        verb = date_root.head
    if verb.tag_ != "VB" or verb.dep_ not in ("acl", "relcl") or not has_to_infinitive(verb):
        return False
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN") or is_event_noun(noun) or noun.lemma_.lower() in INFINITIVE_HAPPENING_NOUNS:
        return False
    return not any(c.dep_ in ("amod", "advmod") and (c.tag_ in ("JJS", "RBS") or c.lower_ in ("first", "last", "only", "next"))
                   for c in noun.children)


def _copula_over_noun(verb: Token) -> Token:
    """The copula whose complement a restrictive reduced or relative clause
    describes ("X is the most original work of fiction generated in the 21st
    century": generated -> fiction -> of -> work -> is), else the verb itself."""
    if verb.dep_ not in ("acl", "relcl"):
        return verb
    first = verb.left_edge
    if first.i > 0 and first.nbor(-1).text == ",":
        return verb  # set off by a comma, the clause tells a fact of its own ("the largest alliance, formed in 1949")
    node = verb.head
    for _ in range(4):
        if node.dep_ in ("attr", "acomp"):
            return node.head
        if node.dep_ not in ("pobj", "prep", "conj", "appos") or node.head == node:
            break
        node = node.head
    return verb


def _its_time_to(clause_verb: Token) -> bool:
    """An exhortation: "It's time (for X) to <verb> ..."."""
    verb = clause_verb
    if not has_to_infinitive(verb):
        return False
    for node in (verb.head, verb.head.head):
        if node.lemma_.lower() == "time" and node.dep_ == "attr":
            node = node.head
        if (node.lemma_.lower() == "be" or node.lower_ in ("’s", "'s")) and any(c.dep_ == "attr" and c.lemma_.lower() == "time" for c in node.children) and any(
                c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in node.children):
            return True
    return False


def _ranks_in_copula(verb: Token) -> bool:
    """A copula ("be", "become", "remain", reached through "shaping up to be")
    whose complement holds a superlative: the clause evaluates, it tells no happening."""
    for cop in copulas_reached(verb):
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


_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


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
    if trigger.dep_ in ("relcl", "acl") and trigger.head != trigger:
        noun = trigger.head
        own = {t.i for t in trigger.subtree}
        other: set[int] = set()
        partitive = True  # climbed over partitive phrases only ("one of the countries that ...")
        for _ in range(3):
            # the noun with its words, not its other clauses ("a study covered by X, which found that ...")
            other |= {t.i for c in noun.children if c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")
                      and c.i != trigger.i for t in c.subtree}
            keep |= {t.i for t in noun.subtree} - own - other
            if noun.dep_ == "pobj" and noun.head.head != noun.head:
                partitive = partitive and is_partitive(noun.head)
                noun = noun.head.head
                continue
            if noun.dep_ in ("attr", "acomp") and partitive:
                for sib in noun.head.children:
                    if sib.dep_ in ("nsubj", "nsubjpass"):
                        keep |= {t.i for t in sib.subtree}
            break
    antecedent = relative_antecedent(trigger)
    if antecedent is not None:  # "the Declaration that A and B signed", parsed as no relative clause
        keep |= {t.i for t in antecedent.subtree} - {t.i for t in trigger.subtree}
    doc = trigger.doc
    ranges: list[tuple[int, int]] = []
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
    # the conjunction before a next clause with its own subject is not the clause's ("... in June 2012, and")
    clause = re.sub(r"[\s,;]+(?:and|but|or)$", "", clause, flags=re.I)
    if len(clause) >= 0.85 * len(sentence) or len(clause) < 12:
        return " ".join(sentence.split())
    has_subject = has_own_subject(trigger) or trigger.dep_ in ("relcl", "acl")
    root = trigger.sent.root
    prefix = ""
    if not has_subject and root != trigger:
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not (start <= subj.idx < end):
            words = parsed[subj.left_edge.i : subj.right_edge.i + 1].text
            prefix = words + ": "
    out = " ".join((prefix + clause).split())
    out = out[0].upper() + out[1:]
    return out if out.endswith((".", "!", "?")) else out + "."


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
        lo, hi = (s0 + x for x in subtree_range(c))
        if any(lo <= d.char_start < hi for d in dates):
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and not fronted:
            continue
        out.append(c)
    return out


def dated_statement(
    text: str,
    sentence: tuple[int, int],
    date: DateMention,
    trigger: str | None,
    participants: tuple[str, ...],
    summary: str,
    *,
    features: dict[str, float] | None = None,
    confidence: float | None = None,
    trigger_text: str | None = None,
    trigger_start: int | None = None,
    planned: bool = False,
    done: bool = False,
    agents: tuple[str, ...] = (),
    reporters: tuple[str, ...] = (),
    resolved: tuple[Resolution, ...] = (),
) -> DatedStatement:
    """The statement of the sentence ``text[s:e]`` (``sentence`` = (s, e))
    that ``trigger`` (a lemma, or a line's own trigger such as a citation's)
    happened at ``date``; its kind follows from the trigger and the date's
    role. Its confidence is calibrated from the parse ``features`` (kept in
    the row as the model's inputs), or is the fixed ``confidence`` given:
    exactly one of the two."""
    if features is not None and confidence is None:
        score, inputs = calibrated_confidence(features), tuple(features[k] for k in PARSE_FEATURES)
    elif features is None and confidence is not None:
        score, inputs = confidence, ()
    else:
        raise ValueError("a statement's confidence comes from its parse features or is given, exactly one of the two")
    s0, e0 = sentence
    return DatedStatement(
        char_start=s0,
        char_end=e0,
        sentence=text[s0:e0],
        date=date,
        trigger=trigger,
        trigger_text=trigger_text,
        trigger_start=trigger_start,
        kind=trigger_kind(trigger, date.role),
        participants=participants,
        confidence=score,
        summary=summary,
        features=inputs,
        planned=planned,
        done=done,
        agents=agents,
        reporters=reporters,
        resolved=resolved,
    )


def _base_rate(features: dict[str, float] | None) -> float | None:
    """The confidence of a candidate whose features are not computed (the
    stored model weighs none: extractors.statement_model.features_wanted):
    the model's probability with no features; None when they are."""
    return calibrated_confidence({}) if features is None else None


_COPULAS = frozenset({"be", "become", "remain"})


def copula_of(trigger: Token) -> Token | None:
    """The copula whose predicate noun is the trigger ("Smith was the company's
    chief executive" -> was; "a form of therapy" through "of"), so that the
    clause's subject stays a participant."""
    noun = trigger
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr":
        noun = noun.head.head
    if noun.pos_ == "NOUN" and noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS:
        return noun.head
    return None


# verbs that carry a happening their object names (any verb: "reported third-quarter income" lost more than it won)
_CARRIERS = LIGHT_VERBS | SUPPORT_VERBS | OCCUR_VERBS | UNDERGO_VERBS | ANNOUNCE_VERBS


def carrier_of(trigger: Token) -> Token | None:
    """The verb whose object or passive subject the trigger noun is, when
    that verb only carries the happening ("Djokovic and Murray will make
    their first appearance" -> make, "the rally drew criticism" -> draw,
    "Emirates announced an order" -> announce), so that the clause's subject
    or agent stays a participant."""
    if not rule_on("carrier-verb") or trigger.pos_ != "NOUN" or trigger.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = trigger.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _CARRIERS else None


def _statement(text: str, sentence: tuple[int, int], parsed: Doc, trigger: Token, by_parse: bool, date: DateMention,
               in_sentence: Sequence[EntityMention], n_dates: int, date_root: Token | None = None,
               discourse: Discourse | None = None) -> DatedStatement:
    """One statement: the trigger's clause, its participants (subject or
    agent first, only from that clause) and its calibrated confidence."""
    s0 = sentence[0]
    own = clause_char_ranges(trigger)
    summary = clause_summary(parsed, trigger, own)
    clause = copula_of(trigger) or carrier_of(trigger) or trigger  # a predicate or object noun's: its verb's clause
    local = own if clause is trigger else clause_char_ranges(clause)
    participants, subject_named, resolved = participant_keys(clause, s0, local, in_sentence, date, discourse)
    lemma = trigger_lemma(trigger)
    # the confidence model reads the participants as written, of the trigger's own clause (it was fitted on them)
    fitted = (participants, subject_named, resolved) if clause is trigger else participant_keys(
        trigger, s0, own, in_sentence, date, discourse)
    written = len(fitted[0]) - len({r.key for r in fitted[2]})
    subject_named = fitted[1]
    features = parse_features(trigger, by_parse, date, subject_named, written, n_dates, date_root) if features_wanted() else None
    return dated_statement(
        text, sentence, date, lemma, participants, summary, features=features, confidence=_base_rate(features),
        trigger_text=trigger.text, trigger_start=s0 + trigger.idx,
        planned=is_planned(trigger, date_root), done=told_done(trigger, date_root), agents=agent_keys(trigger, s0, in_sentence, discourse), resolved=resolved,
        reporters=tuple(k for k in reporter_keys(trigger, s0, in_sentence, discourse) if k not in participants),
    )


def statements_from_parse(
    text: str,
    sentence: tuple[int, int],
    parsed: Doc,
    dates: Sequence[DateMention],
    mentions: Sequence[EntityMention],
    trigger_options: TriggerOptions | None = None,
    discourse: Discourse | None = None,
) -> list[DatedStatement]:
    """Statements of one sentence. ``parsed`` is the parse of ``text[s:e]``;
    ``trigger_options`` switch the trigger rules (extractors.triggers; None: the default);
    ``discourse``: the page's entities, for participants named by a pronoun
    or a description (extractors.coreference; None: as written only).

    One statement per (trigger, date). A date with no word naming a
    happening (a date-only line), or whose clause the parse says states
    nothing (question, imperative, hedged, negated, habitual), gives none.
    """
    s0, e0 = sentence
    audit = audit_log()
    cited = citation_statement(text, sentence, parsed, dates) or signature_statement(text, sentence, dates)
    if cited is not None:
        return [cited]
    places = [(m.char_start, m.char_end) for m in mentions
              if m.label in PLACE_LABELS and s0 <= m.char_start and m.char_end <= e0]
    works = cited_works(text, sentence, dates, places)
    if works:
        # a cited work's year dates its publication, never the sentence's own verb
        dates = [d for d in dates if all(w.date is not d for w in works)]
        if not dates:
            return works
    in_sentence = sentence_names(parsed, s0, [m for m in mentions if s0 <= m.char_start and m.char_end <= e0])
    out: list[DatedStatement] = []
    seen: set[tuple] = set()
    for date in dates:
        span = parsed.char_span(date.char_start - s0, date.char_end - s0, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head, by_parse = find_trigger(span.root, range(span.start, span.end), trigger_options)
        if head is None or span.start <= head.i < span.end:
            continue
        extra = when_clauses(span.root, range(span.start, span.end), trigger_options)
        since = _since_statement(head, date, parsed, dates, s0, trigger_options)
        # verbs conjoined with the dated one: read only when they may state (the rule off, or an audited run)
        conjuncts = (shared_conjuncts(head, span, parsed, dates, s0)
                     if audit is not None or not rule_on("conjunct-date") else [])
        for trigger in [head, *conjuncts, *extra, *[h for h, _ in since]]:
            # a when-clause tells what happened at the date itself ("since 2011, when ... replaced")
            stated = replace(date, role="point") if trigger in extra else date
            date_root = span.root
            if since and trigger is since[0][0]:
                # the clause a "since <happening>" phrase opens holds from the happening's date on
                stated, date_root = replace(date, role="since"), since[0][1]
            own = {"conjunct-date"} if trigger in conjuncts and trigger not in extra else set()
            if audit is None:
                if any(rule_on(r) for r in own) or no_statement_reason(trigger, stated, by_parse, date_root) is not None:
                    continue
            else:
                fired = _fired_rules(trigger, stated, by_parse, date_root) | own
            key = (trigger.i, stated.date_start, stated.role)
            if key in seen:
                continue
            seen.add(key)
            out.append(_statement(text, sentence, parsed, trigger, by_parse, stated, in_sentence, len(dates), date_root,
                                  discourse))
            if audit is not None:
                audit[statement_key(out[-1])] = fired
    return works + out


def _since_statement(head: Token, date: DateMention, parsed: Doc, dates: Sequence[DateMention], s0: int,
                     trigger_options: TriggerOptions | None) -> list[tuple[Token, Token]]:
    """The (trigger, phrase root) of the clause that a "since <happening>"
    phrase opens, when the date's trigger ``head`` is that happening ("Since
    the gadget launched in 2016, buyers have been asking ..." -> asking,
    from 2016 on); none when the clause has a date of its own in the
    sentence, or the date is not a point ("since 2016" is the clause's own)."""
    if not rule_on("since-happening") or date.role != "point":
        return []
    found = since_holder(head, trigger_options)
    if found is None:
        return []
    holder, phrase = found
    for other in dates:
        if other is date:
            continue
        span = parsed.char_span(other.char_start - s0, other.char_end - s0, alignment_mode="expand")
        if span is None or not len(span):
            continue
        own = find_trigger(span.root, range(span.start, span.end), trigger_options)[0]
        if own is not None and own.i == holder.i:  # a Token is made anew on each access: compare positions
            return []
    return [found]


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
    participants = tuple(dict.fromkeys(author_key(a) for a in authors))
    features = (parse_features(None, False, date, bool(participants), len(participants), 1, citation=True)
                if features_wanted() else None)
    return dated_statement(text, sentence, date, CITATION_TRIGGER, participants, " ".join(parsed.text.split()),
                           features=features, confidence=_base_rate(features))


_BARE_YEAR = re.compile(CITE_YEAR)


def cited_works(text: str, sentence: tuple[int, int], dates: Sequence[DateMention],
                places: Sequence[tuple[int, int]] = ()) -> list[DatedStatement]:
    """The works a sentence cites with their years: an in-text citation
    ("... (Lynch et al, 2019)") or a reference entry ("CrowdStrike. (2025).
    Global Threat Report.") states that the work was published that year,
    its authors (then its publisher) taking part. A reference entry's
    statement spans its line from the authors on (the sentence splitter may
    cut it at the authors' full stop). ``places``: the spans the reader tags
    as places; a place in a citation ("(Brooklyn, 1900)") tells where the
    work was published: no participant."""
    out: list[DatedStatement] = []
    s0, e0 = sentence
    for date in dates:
        if date.precision != "year" or not _BARE_YEAR.fullmatch(date.text):
            continue
        names = in_text_citation(text, date.char_start, date.char_end)
        if names and all(_names_a_place(text, n, date.char_start, places) for n in names):
            names = ()  # "(Brooklyn, N.Y., 1900)" in a catalogue: where it was published, no author
        span = sentence
        if names is None:
            entry = reference_entry(text, date.char_start)
            if entry is None:
                continue
            span, names = (min(s0, entry[0]), e0), entry[1]
        participants = tuple(dict.fromkeys(author_key(n) for n in names))
        features = (parse_features(None, False, date, bool(participants), len(participants), 1, citation=True)
                    if features_wanted() else None)
        out.append(dated_statement(text, span, date, CITATION_TRIGGER, participants, f"{', '.join(participants)} published.",
                                   features=features, confidence=_base_rate(features)))
    return out


def _names_a_place(text: str, name: str, year_start: int, places: Sequence[tuple[int, int]]) -> bool:
    """The cited name, written just before the year, is a span the reader tags as a place."""
    at = text.rfind(name, 0, year_start)
    return at >= 0 and any(s <= at and at + len(name) <= e for s, e in places)


def signature_statement(text: str, sentence: tuple[int, int], dates: Sequence[DateMention]) -> DatedStatement | None:
    """An embedded post's signature ("— Jane Smith (@jsmith) June 1, 2017")
    states that its author posted on that day (extractors.post_signatures)."""
    s0, e0 = sentence
    # the sentence splitter may have cut the signature before its date: read the line up to the sentence's end
    line_start = text.rfind("\n", 0, s0) + 1
    sig = post_signature(text[line_start:e0])
    if sig is None:
        return None
    name, start, ds, de = sig
    date = next((d for d in dates if d.char_start == line_start + ds and d.char_end == line_start + de
                 and d.precision == "day"), None)
    if date is None:
        return None
    s0 = min(s0, line_start + start)
    features = parse_features(None, False, date, True, 1, len(dates), citation=True) if features_wanted() else None
    return dated_statement(text, (s0, e0), date, POST_TRIGGER, (name,), f"{name} posted.", features=features,
                           confidence=_base_rate(features))
