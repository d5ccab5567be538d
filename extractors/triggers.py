"""Triggers: the word that names the happening a date belongs to.

From the dependency parse of one sentence: up the tree from the date to the
first verb or event noun; a frame (copula, light, perception or reporting
verb; "according to"; "Read more") gives way to the content word it stands
for. Pure functions of a parsed sentence; the statement rules
(extractors/events.py) decide whether the clause states anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Token

from extractors.calendar_words import MONTH_NAMES, WEEKDAY_NAMES
from extractors.entity_rules import PERSON_TITLE_WORDS
from extractors.event_rules import (
    ANNOUNCE_VERBS,
    ANNOUNCED_NOUNS,
    DETACHED_FRAMES,
    EVENT_NOUN_SUFFIXES,
    EVENT_NOUNS,
    FRAME_VERBS,
    GO_ON_VERBS,
    HAPPENS_TO_NOUNS,
    LATER_MODIFIERS,
    LEMMA_REPAIRS,
    LIGHT_VERBS,
    LOOK_AHEAD_VERBS,
    NOT_EVENT_NOUNS,
    OCCUR_VERBS,
    PERSON_NOUNS,
    SOURCE_NOUNS,
    SUPPORT_VERBS,
    TIME_NOUNS,
    UNDERGO_VERBS,
    has_to_infinitive,
)
from extractors.modality import is_plan_verb as plans
from extractors.rule_switches import rule_on


@dataclass(frozen=True, slots=True)
class TriggerOptions:
    """Switches of the trigger rules, chosen by cross-validation on TimeBank
    (evaluation/attachment_eval.py --cv); the defaults are the chosen ones."""

    # a date that modifies a noun ("reported third-quarter income", "Friday's
    # offerings", "his 1996 campaign") dates that noun, whether or not it is a
    # known event noun (a date before the noun: after it, "issued a warrant
    # Monday", the parse's attachment is not to be trusted); not when the noun is the subject of a content verb
    # ("third-quarter income rose": the rise is what the date tells), nor a
    # noun that names no happening ("today's editions")
    noun_modifier: bool = False
    # an adjective the date qualifies ("debentures due March 1, 2011", "the
    # dividend will be payable Jan. 3", "weak during the quarter") names what holds then
    adjective: bool = True
    # a plan's date belongs to what is planned: "planned a demonstration on
    # Saturday" -> demonstration, "is scheduled to launch in May" -> launch
    planned_content: bool = True
    # a light participle after a noun ("remarks made last week", "charges
    # taken in the period") stands for that noun
    light_participle: bool = True
    # a date between a verb and the clause it governs ("Castro said Tuesday
    # his government told ...") belongs to that verb, not to the clause the
    # parse put it in
    before_complement: bool = True
    # a clause that names the date's time ("in 1968, when Soviet troops
    # invaded", "since August, when the shares traded at $10") tells a
    # happening of that date too: a second statement for it. Off: TimeBank
    # favours it, the labelled pages count one statement per sentence and date
    when_clause: bool = False
    # a date between a determiner and its singular noun ("strengthened the
    # 1959 trade embargo", "his Aug. 2 power grab") dates that noun: the
    # noun phrase names one dated thing, whatever the verb around it does now
    # (not the subject of a content verb: "its third-quarter income rose")
    determined_noun: bool = True
    # a participle completing a verb ("was found clinging to an inner tube
    # Nov. 25", "was found abandoned in December"): the date is the governing
    # verb's, the participle says in what state
    participle_matrix: bool = True
    # an infinitive completing a verb that does not look ahead ("voted to
    # support the republic Friday", "began to fall apart in mid-1996",
    # "invited them to join in July 1997"): the date is the governing
    # verb's; after a verb of wanting, promising or planning ("promised to
    # hold a referendum next year") it stays with what is looked ahead to
    infinitive_matrix: bool = True
    # a copula heading a subordinate clause ("said its business was weak
    # during the quarter", "estimated it would not be profitable until
    # 1994") dates that clause, not the verb it depends on
    clause_copula: bool = True
    # a date that qualifies the subject of a verb of change in amount
    # ("third-quarter sales dropped 11%", "capital expenditure in 1990 will
    # rise") dates the change, not the measure that changes
    measure_change: bool = True
    # a period introduced by "for" after a verb's object ("reported net income
    # of $27 million for the third quarter", "scheduled a vote for Tuesday")
    # is the object's period, not the time of the verb
    for_period_object: bool = True
    # a participle that works as a preposition ("compared with year-earlier
    # profit", "the week following last month's squeeze") names no happening:
    # the date on its object is that object's
    prepositional_participle: bool = True
    # a detached participle that frames a clause names no happening: "based
    # on", "according to" give the date to their object when it is a
    # happening or a source of figures ("based on an analysis from 2013" ->
    # analysis), else to the clause; "Starting May 1, ..." to the clause
    frame_participle: bool = True
    # "dating back to", "dates from" say how old a thing is: the date is the
    # thing's ("a legend dating back to 700 AD", "shootings dating to 1994")
    dating_verb: bool = True
    # a date in the possessive before a noun ("last year's embassy blasts",
    # "this year's results", "Friday's offerings") dates that noun: the noun
    # phrase names the dated thing, whatever the verb around it tells (not
    # the subject of a content verb: "last year's sales rose"; not a noun
    # that names no happening: "today's editions"). Off: TimeBank favours it
    # (+4 links), on the labelled pages it dates "this weekend's choices" and
    # "today's calendar" (statement precision WCXB dev 0.895 -> 0.872)
    possessive_noun: bool = False
    # a verb of scheduling in the passive whose subject is a common noun ("the
    # opening is now targeted for June", "the meeting is set for August 27"):
    # the date is that noun's, the verb only says it is planned (a name or a
    # pronoun as subject keeps the verb: "RE+ Southeast is set for March 31").
    # Off: on the labelled pages 3 more right triggers (wcxb-unseen 2, wcxb-fresh 1),
    # but TimeBank links the verb of scheduling (attachment 0.549 -> 0.550 off,
    # site CV does not choose it) and fact identity reads a plan by its verb: JWST
    # pairwise F1 0.989 -> 0.945, 3 -> 2 of 5 happenings merged whole
    planned_subject: bool = False
    # a verb of taking part whose "in" phrase names the happening ("have
    # engaged in mergers", "participated in the negotiations"): that noun.
    # Off: written for one labelled page, it fired on none of 300 WCXB dev
    # pages read label-free, so no site fold can choose it
    engaged_in: bool = False
    # a copula whose predicate is a noun ("were a big theme at the fair in 2024",
    # "are a registered dealer since 2004", "has been my favourite form of
    # therapy for the past decade"): that noun names what holds then; the clause's subject stays a
    # participant (extractors.events.copula_of)
    copula_noun: bool = True


DEFAULT_OPTIONS = TriggerOptions()

# verbs that say how an amount changed or where it stood ("sales dropped 11%",
# "losses totaled $5 million"): their subject names the measure, they the happening
CHANGE_VERBS = frozenset(
    """rise fall drop decline increase decrease jump climb slip soar plunge plummet tumble slump sink surge
    grow shrink double triple halve total reach gain ease edge advance rebound recover improve worsen widen
    narrow dip slide""".split()
)

class ParticipleRole(Enum):
    """What a participle that names no happening of its own does to a date under it."""

    PREPOSITION = "preposition"  # "compared with year-earlier profit": the date is its object noun's
    SOURCE = "source"  # "based on an analysis from 2013": the object is the source the date is on
    TIME = "time"  # "Starting January 1, ...": the date is the framed clause's


@dataclass(frozen=True, slots=True)
class ParticipleFrame:
    role: ParticipleRole
    # only as a participle with no subject hanging off the clause it frames
    # ("Based on ..., the firm claims"; not "the claim is based on ...")
    detached: bool


# participles that name no happening of their own, one table: those that work
# as prepositions ("compared with", "following", "including"), those that
# frame where a clause's claim comes from ("based on", "according to"), those
# that open the time from which the clause holds ("Starting January 1",
# "Beginning in May")
PARTICIPLE_FRAMES: dict[str, ParticipleFrame] = {
    **{lemma: ParticipleFrame(ParticipleRole.PREPOSITION, detached=False)
       for lemma in ("compare", "follow", "include", "precede", "exclude")},
    **{lemma: ParticipleFrame(ParticipleRole.SOURCE, detached=True) for lemma in ("accord", "base")},
    **{lemma: ParticipleFrame(ParticipleRole.TIME, detached=True) for lemma in ("start", "begin")},
}
# light verbs whose indefinite object names the happening ("never had an
# issue until this year"); "have" with a possessive or definite object ("I've
# had my car since 2015") is possession. Not "take" ("took a turn Thursday":
# TimeBank links the verb, 2 links lost) nor "no" ("has no intention of ...":
# no statement is right there)
LIGHT_OBJECT_VERBS = frozenset({"have"})
# verbs of taking part: their "in" phrase names the happening ("engaged in mergers")
ENGAGE_VERBS = frozenset({"engage", "participate", "partake"})
# nouns of a kind or a part whose "of" phrase names the thing ("a form of therapy", "a kind of festival")
# (not "source" nor "part": "a source of data", "part of the team" name the thing itself)
KIND_NOUNS = frozenset("form kind type sort".split())
_INDEFINITE = frozenset({"a", "an"})

# adverbs that, right after their verb, are its particle ("stepped down", "did away with", "came back")
ADVERB_PARTICLES = frozenset("up down out off away back over".split())

# parts of speech that head a verbless line with a date ("Available since July 2024")
VERBLESS_HEADS = ("ADJ",)


def is_event_noun(tok: Token) -> bool:
    """A noun that names a happening ("launch", "ratification", "bombing")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma in NOT_EVENT_NOUNS or _in_connection_with(tok):
        return False
    return (
        lemma in EVENT_NOUNS
        or lemma.endswith(EVENT_NOUN_SUFFIXES)
        or (tok.tag_ == "NN" and lemma.endswith("ing") and len(lemma) > 5)  # bombing, signing, opening
    )


def trigger_lemma(tok: Token) -> str:
    """The lemma a trigger is published under: a word the tokenizer split at a
    hyphen with no space ("co-founded", "meta-analysis") keeps its parts, the
    last one lemmatised ("co-found", "meta-analysis"); a phrasal verb keeps
    its particle ("wiped out" -> "wipe out"); a soft hyphen or a zero-width
    mark inside the word is dropped."""
    doc = tok.doc
    first = last = tok.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
            and not doc[first - 1].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ \
            and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha:
        last += 2
    if first == last:
        return _repaired(_unhidden(tok.lemma_.lower())) + _particle(tok)
    return _unhidden("-".join([doc[i].lower_ for i in range(first, last, 2)] + [_repaired(doc[last].lemma_.lower())]))


def _particle(verb: Token) -> str:
    """A phrasal verb's particle, with its space: the happening is "wipe out",
    "step down", "roll out", not "wipe", "step", "roll" (the parse marks the
    particle ``prt``, or calls it an adverb right after the verb: "stepped
    down", "did away with"; one particle, the first)."""
    if verb.pos_ != "VERB" or not rule_on("phrasal-trigger"):
        return ""
    particle = next((c for c in verb.children if c.i > verb.i and c.is_alpha and (
        c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES))), None)
    return f" {particle.lower_}" if particle is not None else ""


def _repaired(lemma: str) -> str:
    """The dictionary form of a lemma the lemmatiser gets wrong ("instal" -> "install", "rebuilt" -> "rebuild")."""
    return LEMMA_REPAIRS.get(lemma, lemma) if rule_on("lemma-repairs") else lemma


# invisible marks inside a word: soft hyphens ("appli\u00adca\u00adtion") and zero-width spaces and joiners
_HIDDEN = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _unhidden(lemma: str) -> str:
    """A lemma without the invisible marks a page puts inside its words."""
    return lemma.translate(_HIDDEN)


def _is_word(tok: Token) -> bool:
    """The token has letters and is no unit's letter glued to its number: a symbol,
    punctuation or the "m" of "2h 13m" never names a happening."""
    if not any(ch.isalpha() for ch in tok.text):
        return False
    glued = tok.i > 0 and len(tok.text) == 1 and tok.nbor(-1).text[-1:].isdigit() and not tok.nbor(-1).whitespace_
    return not glued


def _participle_role(verb: Token) -> ParticipleRole | None:
    """The role of a participle that names no happening of its own, from PARTICIPLE_FRAMES."""
    frame = PARTICIPLE_FRAMES.get(verb.lemma_.lower())
    if frame is None or verb.pos_ != "VERB" or verb.tag_ not in ("VBN", "VBG"):
        return None
    if frame.detached and not _detached_participle(verb):
        return None
    return frame.role


def _opens_time(verb: Token, span_root: Token) -> bool:
    """A detached participle that opens the time of its clause and governs
    nothing but the date ("Starting May 1, ...", "Beginning in May, ..."; not
    "a cruise starting from London in June")."""
    if _participle_role(verb) is not ParticipleRole.TIME:
        return False
    words = [c for c in verb.children if c.dep_ != "punct"]
    return len(words) == 1 and span_root in words[0].subtree


def _detached_participle(verb: Token) -> bool:
    """A participle with no subject that hangs off the clause it frames
    ("Based on ..., the firm claims", "Starting May 1, fees rise")."""
    return (verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("prep", "advcl") and verb.head != verb
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _in_connection_with(tok: Token) -> bool:
    """"in connection with": a fixed phrase, not the happening of a
    connection ("arrested in connection with last year's blasts"; "the
    plant's grid connection in May" is one)."""
    return (tok.lemma_.lower() == "connection" and tok.head.lower_ == "in"
            and any(c.lower_ == "with" for c in tok.children))


def _told_state(verb: Token) -> bool:
    """A copula that tells a state of a time, not a present description: a past
    or perfect one ("was a big theme", "has been around"), or one holding since
    a time ("are a registered dealer since 2004"); a present "is a fundamental
    aspect in 2025" stays the copula (extractors.events judges it)."""
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)


def _predicate_noun(verb: Token) -> Token | None:
    """The common noun a copula's predicate names ("was a big theme", "a form of
    therapy" -> therapy); not a stretch of time, an amount or a date."""
    if verb.lemma_.lower() != "be":
        return None  # "are becoming key features": the change is what the date tells
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None or attr.pos_ != "NOUN" or not attr.is_alpha or _names_time(attr) or attr.like_num:
        return None
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _INDEFINITE) for c in attr.children):
        return None  # a predicate that classifies ("a big theme", "my form of therapy"), not a bare "was beer"
    if attr.lemma_.lower() in KIND_NOUNS:
        inner = _of_phrase(attr)
        return inner if inner is not None and inner.pos_ == "NOUN" else attr
    return attr


def _content_of_frame(verb: Token, options: TriggerOptions = DEFAULT_OPTIONS) -> Token | None:
    """The event noun or content verb that a frame verb stands for:
    "2022 saw the launch" -> launch; "the meeting was on Tuesday" -> meeting;
    "had talks in May" -> talks."""
    children = list(verb.children)
    if verb.lemma_.lower() not in ("be", "become", "remain"):  # "operations had a loss": the object first
        children.sort(key=lambda c: c.dep_ not in ("dobj", "attr", "oprd"))
    for child in children:
        if child.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "oprd"):
            if child.dep_ == "dobj" and _names_time(child):  # "had a great summer", "a decade of growth": how a time went
                continue
            if is_event_noun(child):
                return child
            inner = _of_phrase(child)  # "made a couple of improvements" -> improvements
            if inner is not None and is_event_noun(inner):
                return inner
    if verb.lemma_.lower() in LIGHT_OBJECT_VERBS:
        for child in verb.children:  # "the crew had an accident in March" -> accident
            if (child.dep_ == "dobj" and child.lemma_.lower() in HAPPENS_TO_NOUNS and not _names_time(child)
                    and any(d.dep_ == "det" and d.lower_ in _INDEFINITE for d in child.children)):
                return child
    if verb.lemma_.lower() in ("be", "become", "remain"):
        for child in verb.children:  # "has been available since July 2015" -> available
            if child.dep_ == "acomp" and child.pos_ == "ADJ":
                return child
        for child in verb.children:  # "was in development until February" -> development
            if child.dep_ == "prep" and child.lower_ in ("in", "under"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and is_event_noun(pobj):
                    return pobj
        existing = _existing_subject(verb)
        if existing is not None:
            return existing
        told = options.copula_noun and _told_state(verb)
        if told:
            noun = _predicate_noun(verb)
            if noun is not None:
                return noun
        if verb.tag_ == "VBD":
            # "the median salary was $61,300 in May 2024" -> salary; a perfect or present copula's subject only
            # when it names a happening (the loop above): not "the chairman has been in office since 2018"
            for child in verb.children:
                if child.dep_ == "nsubj" and child.pos_ == "NOUN" and not _names_time(child):
                    return child
    for child in verb.children:  # "it was in 2019 that NASA launched ..."
        if child.dep_ in ("ccomp", "xcomp", "advcl") and child.pos_ == "VERB" and child.lemma_.lower() not in FRAME_VERBS:
            if child.dep_ != "advcl" or verb.lemma_.lower() == "be":
                return child
    return None


def _object_happening(verb: Token, span: range) -> Token | None:
    """The event noun a verb of undergoing or announcing carries as its object: "experienced an outage" ->
    outage, "conducted a survey" -> survey; "announced the selection of ..." -> selection (an act the
    announcing completes, ANNOUNCED_NOUNS, of the announcement's own day: not a future announcement, nor a
    noun said to come later, "announced the upcoming selection", "announced an order of jets in 2026"; not
    another happening, which may be a plan, "announced the opening of a new store")."""
    lemma = verb.lemma_.lower()
    undergo = lemma in UNDERGO_VERBS and rule_on("undergone-happening")
    announce = lemma in ANNOUNCE_VERBS and rule_on("announced-happening") and _announced_done(verb)
    if not (undergo or announce):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or not obj.is_alpha or _names_time(obj):
        return None
    if announce:
        if any(c.lower_ in LATER_MODIFIERS for c in obj.children if c.dep_ in ("amod", "compound", "nmod")):
            return None
        if _has_own_time(obj, span) or any(c.dep_ == "acl" and has_to_infinitive(c) for c in obj.children):
            return None  # "announced a $75 billion investment in 2025", "announced its agreement to buy ...": later
        return obj if obj.lemma_.lower() in ANNOUNCED_NOUNS else None
    return obj if is_event_noun(obj) else None


def _carried_noun(verb: Token, options: TriggerOptions) -> Token | None:
    """The noun a light participle ("remarks made last week" -> remarks) or a support verb stands for."""
    if options.light_participle and verb.lemma_.lower() in LIGHT_VERBS and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return _supported_happening(verb)


def _supported_happening(verb: Token) -> Token | None:
    """The event noun a verb of occurring or a support verb stands for (event_rules OCCUR_VERBS,
    SUPPORT_VERBS, GO_ON_VERBS): "the death occurred Saturday" -> death, "held talks on Monday" and
    "the vote will be held Tuesday" -> talks, vote, "testing conducted in April" -> testing, "tickets go
    on sale Friday" -> sale. Only a noun that names a happening: "reached $5 million", "held the title"
    keep the verb."""
    if not rule_on("support-verb"):
        return None
    if _verb_in(verb, GO_ON_VERBS):
        on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
        return next((g for p in on for g in p.children if g.dep_ == "pobj" and _names_happening(g)), None)
    if _verb_in(verb, OCCUR_VERBS):
        deps: tuple[str, ...] = ("nsubj",)
    elif _verb_in(verb, SUPPORT_VERBS):
        deps = ("dobj", "nsubjpass")
    elif _verb_in(verb, UNDERGO_VERBS):
        deps = ("nsubjpass",)  # the active object of a verb of undergoing is the rule undergone-happening's
    else:
        return None
    candidates = [c for c in verb.children if c.dep_ in deps]
    if deps != ("nsubj",) and verb.dep_ == "acl" and verb.tag_ == "VBN":
        candidates.append(verb.head)  # "a conference held in May", "testing conducted by Bose in April"
    return next((c for c in candidates if _names_happening(c)), None)


def _names_happening(noun: Token) -> bool:
    """An event noun, or a noun of something that befalls ("an accident", "an outage"), not a stretch of time."""
    if noun.pos_ != "NOUN" or not noun.is_alpha or _names_time(noun):
        return False
    return is_event_noun(noun) or noun.lemma_.lower() in HAPPENS_TO_NOUNS


def _announced_done(verb: Token) -> bool:
    """An announcement told as made ("announced", "has announced", "announces"), not one to come ("will announce")."""
    if verb.tag_ not in ("VBD", "VBN", "VBZ") or has_to_infinitive(verb):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children)


# words that give a phrase a time of its own ("later this year", "next month", "beginning in May")
_OWN_TIME_WORDS = frozenset({"later", "next", "soon", "beginning", "starting", "today", "tomorrow", "tonight"})
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def _has_own_time(head: Token, span: range) -> bool:
    """A time word inside the phrase ``head`` heads, besides the date ``span``: a year, a month, a weekday, a
    stretch of time, "later"."""
    return any(t.i not in span and (t.lower_ in _OWN_TIME_WORDS | MONTH_NAMES | WEEKDAY_NAMES or _names_time(t)
                                    or bool(_YEAR.match(t.text)))
               for t in head.subtree)


def _existing_subject(verb: Token) -> Token | None:
    """"The idea has been around since the 1980s": the subject noun is what has existed since then; not a
    person's ("my grandfather has been around since 1931": he has lived, no happening)."""
    if not rule_on("been-around") or not any(c.dep_ == "advmod" and c.lower_ == "around" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not subject.is_alpha or _names_time(subject):
        return None
    return None if _names_person(subject) else subject


def _names_person(noun: Token) -> bool:
    """A noun of a person ("grandfather", "musician", "the founder"): one that has been around has lived."""
    lemma = noun.lemma_.lower()
    return (lemma in PERSON_NOUNS or lemma in PERSON_TITLE_WORDS or noun.ent_type_ == "PERSON"
            or (len(lemma) > 5 and lemma.endswith(("ist", "ian"))))


def _noun_of_verb(verb: Token, options: TriggerOptions) -> Token | None:
    """The noun a verb that only schedules or takes part gives way to: the
    common-noun subject of a passive verb of scheduling ("the opening is now
    targeted for June" -> opening), the happening of a verb of taking part's
    "in" phrase ("engaged in mergers" -> mergers)."""
    lemma = verb.lemma_.lower()
    if options.planned_subject and (plans(verb) or lemma == "set") and verb.tag_ == "VBN":
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.pos_ == "NOUN" and subject.is_alpha and not _names_time(subject):
            return subject
    if options.engaged_in and lemma in ENGAGE_VERBS:
        return _engaged_in(verb)
    return None


def _engaged_in(verb: Token) -> Token | None:
    """The happening noun of a verb of taking part's "in" phrase ("engaged in mergers and acquisitions")."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.pos_ != "NOUN" or _names_time(pobj):
        return None
    return pobj if is_event_noun(pobj) or any(is_event_noun(c) for c in pobj.conjuncts) else None


def _names_time(noun: Token) -> bool:
    """A noun of a stretch of time, or one the parser tags as part of a date or time ("a great summer")."""
    return noun.lemma_.lower() in TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME")


def _source_noun(noun: Token) -> bool:
    """What a source frame may cite: a happening ("an analysis from 2013") or figures ("data from 2024")."""
    return is_event_noun(noun) or noun.lemma_.lower() in SOURCE_NOUNS


def _of_phrase(noun: Token) -> Token | None:
    """The noun of an "of" phrase a quantity or collection noun heads ("a
    couple of improvements", "a series of talks")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in EVENT_NOUNS:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _nearest_verb(span_root: Token, exclude: range) -> Token | None:
    """The content verb a date the parse leaves outside any clause belongs
    to: a timeline entry "March 14: His stake rises ..." or "March 27, 2022 -
    In a discussion, Musk questioned ..." (the root verb of the clause that
    follows), else the verb nearest to the date in the parsed text."""
    doc = span_root.doc
    sent = span_root.sent
    if sent.root.i in exclude and sent.end < len(doc):
        nxt = doc[sent.end].sent.root
        if nxt.pos_ in ("VERB", "AUX") and _is_word(nxt):
            return nxt
    verbs = [t for t in doc if t.pos_ == "VERB" and t.i not in exclude]
    if not verbs:
        verbs = [t for t in doc if t.pos_ == "AUX" and t.dep_ == "ROOT" and t.i not in exclude]
    verbs = [t for t in verbs if _is_word(t)]  # a symbol the parser tags a verb names nothing
    if not verbs:
        return None
    content = [t for t in verbs if t.lemma_.lower() not in FRAME_VERBS] or verbs
    return min(content, key=lambda t: abs(t.i - span_root.i))


def find_trigger(span_root: Token, span: range | None = None, options: TriggerOptions | None = None
                 ) -> tuple[Token | None, bool]:
    """The word that names the happening a date belongs to; (token, found_by_parse).

    Up the dependency tree from the date: the first event noun (the date
    modifies it: "the 2022 research", "research in 2022") or verb. A frame
    (copula, light, perception or reporting verb; "according to"; "Read
    more") gives way to the content word it stands for when there is one.
    """
    span = span if span is not None else range(span_root.i, span_root.i + 1)
    options = options or DEFAULT_OPTIONS
    early = _by_position(span_root, span, options)
    if early is not None:
        return early, True
    tok = span_root
    noun_on_path: Token | None = None  # the last noun the walk passed (outside the date)
    for _ in range(12):
        if tok.head == tok:
            break
        if tok.i not in span and tok.pos_ == "NOUN" and tok.is_alpha:  # a word, not "%"
            noun_on_path = tok
        tok = tok.head
        if tok.i in span:
            continue
        lemma = tok.lemma_.lower()
        if options.dating_verb and tok.pos_ == "VERB" and lemma == "date" and noun_on_path is None:
            dated = _dated_thing(tok)
            if dated is not None:
                return dated, True
        role = _participle_role(tok)
        if options.prepositional_participle and noun_on_path is not None and role is ParticipleRole.PREPOSITION:
            return noun_on_path, True
        if options.adjective and tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd") and (
            span_root.head == tok or (span_root.head.dep_ == "prep" and span_root.head.head == tok)
        ):
            return tok, True
        # a bullet or a dash the parse made a head is never the happening;
        # "Starting January 1, the client will support ...": the clause above
        if not _is_word(tok) or (options.frame_participle and noun_on_path is None and _opens_time(tok, span_root)):
            continue
        if options.frame_participle and role is ParticipleRole.SOURCE:  # "Based on sales data through June 2024, the forecast was cut": the clause's
            if noun_on_path is not None and _source_noun(noun_on_path):
                return noun_on_path, True  # "based on an analysis from 2013" -> analysis
            continue  # "According to the head of the agency in 2019, sales fell": the clause's
        if tok.pos_ == "VERB":
            governor = _governing_verb(tok, options)
            if governor is not None:
                return governor, True
            carried = _carried_noun(tok, options)
            if carried is not None:
                return carried, True
            if options.planned_content and plans(tok):
                content = _planned(tok)
                if content is not None:
                    return content, True
                if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
                    return tok.head, True  # "a summit set for April", "the launch planned for May"
            if lemma in FRAME_VERBS:
                if lemma in DETACHED_FRAMES and tok.dep_ in ("prep", "advcl", "parataxis") and tok.head != tok:
                    continue  # "According to Reuters, ... sold in 2021": the date's clause is above
                content = _content_of_frame(tok, options)
                if content is not None:
                    return content, True
            return (_object_happening(tok, span) or _noun_of_verb(tok, options) or tok), True
        if is_event_noun(tok):
            if options.measure_change and _changing_measure(tok):
                return tok.head, True
            return tok, True
        if tok.pos_ == "AUX" and (tok.dep_ == "ROOT" or options.clause_copula and tok.dep_ in _CLAUSE_HEADS):
            content = _content_of_frame(tok, options)
            return (content or tok), True
    return _unparsed_trigger(span_root, span), False


def _unparsed_trigger(span_root: Token, span: range) -> Token | None:
    """The trigger of a date the walk up the parse found none for: the
    nearest content verb, else the head word of a verbless line."""
    near = _nearest_verb(span_root, span)
    if near is not None:
        return near
    # a verbless line with words of its own beside the date ("Available since
    # July 2024", "BLS median annual salary (2024): $61,300"): its head word
    root = span_root.sent.root
    words = [t for t in span_root.doc if t.is_alpha and t.i not in span and t.ent_type_ != "DATE"]
    if not _is_word(root):
        return None
    if root.i not in span and root.pos_ in VERBLESS_HEADS and len(words) >= 1:
        return root
    if root.i not in span and root.pos_ == "NOUN" and _field_label_date(span_root, span):
        return root  # a data row "<field> (<date>): <value>": the field names what holds then
    return None


# dependencies by which a clause hangs off the word it completes or describes
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "acl"})
_PRENOMINAL_DEPS = frozenset({"poss", "compound", "amod", "nmod", "nummod"})
_NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod", "npadvmod"})


def _by_position(span_root: Token, span: range, options: TriggerOptions) -> Token | None:
    """A trigger the date's own position gives, before the walk up the tree."""
    head = span_root.head
    if options.before_complement and span_root.dep_ not in _PRENOMINAL_DEPS:  # not "said Friday's focus ..."
        verb = _verb_before(span_root.doc, span.start)
        if verb is not None:
            comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i >= span.stop), None)
            if comp is not None and span_root.i in {t.i for t in comp.subtree}:
                return verb
    if options.for_period_object:
        obj = _object_of_for_period(span_root)
        if obj is not None:
            return obj
    setting = _setting_of(span_root, span)
    if setting is not None:
        return setting
    if options.determined_noun and _determined_noun(span_root, span):
        return head
    if ((options.possessive_noun and span_root.dep_ == "poss")
            or (options.noun_modifier and span_root.dep_ in _NOUN_MODIFIER_DEPS)):
        return _modified_noun(span_root, span)
    return None


def _modified_noun(span_root: Token, span: range) -> Token | None:
    """The noun after a date that modifies it ("last year's embassy blasts",
    "the 1998 blasts"): the dated thing, unless the noun names no happening
    ("today's editions": where, not what) or is the subject of a content
    verb ("last year's sales rose": the change is what the date tells)."""
    head = span_root.head
    if head.i < span.stop or head.pos_ != "NOUN" or head.lemma_.lower() in NOT_EVENT_NOUNS:
        return None
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() not in FRAME_VERBS:
        return None
    return head


def _object_of_for_period(span_root: Token) -> Token | None:
    """The object noun a "for <date>" phrase of its verb belongs to:
    "reported a loss for the quarter" -> loss."""
    prep = span_root.head
    if span_root.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    if prep.head.pos_ == "NOUN" and prep.head.dep_ == "dobj" and prep.head.head.pos_ == "VERB":
        # "reported a profit for the quarter": the parse puts the period on the object
        return prep.head if not _bare_verb(prep.head.head) else None
    if prep.head.pos_ != "VERB" or _bare_verb(prep.head):
        return None
    obj = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _bare_verb(verb: Token) -> bool:
    """A verb in its bare form with no "to" (or the first of its conjuncts
    is): an imperative ("strengthen resilience for 2026"), whose mood the
    clause keeps whatever word is the trigger."""
    for _ in range(4):
        if verb.dep_ != "conj" or verb.head == verb or verb.head.pos_ != "VERB":
            break
        verb = verb.head
    return verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children)


# prepositions whose dated noun is the setting of the clause's happening ("in a Nov. 5 letter", "in its Friday issue")
SETTING_PREPOSITIONS = frozenset({"in", "during"})
# verbs whose "in" phrase is their argument, not a setting ("resulted in a fourth-quarter charge", "put the issue in
# his 1996 campaign"): the noun there is what the date dates
IN_ARGUMENT_VERBS = ENGAGE_VERBS | frozenset({"result", "put", "place", "invest", "involve", "include"})


def _setting_of(span_root: Token, span: range) -> Token | None:
    """The content verb a dated noun phrase that names no happening sets the
    scene for: "In a Nov. 5 letter, the doctors pleaded" -> plead, "In its
    Friday issue, the paper quoted" -> quote: the clause tells what happened
    in that letter or issue; the date dates it. A dated happening keeps its
    date ("injured in the 1998 bombing" -> bombing: TimeBank links it so)."""
    noun = span_root.head
    if not rule_on("setting-noun") or span_root.dep_ not in _PRENOMINAL_DEPS or noun.i < span.stop \
            or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or is_event_noun(noun):
        return None
    prep = noun.head
    verb = prep.head
    # not a participle describing a noun: "a course based on the kit during the Fall 2025 term"
    if prep.lower_ not in SETTING_PREPOSITIONS or prep.dep_ != "prep" or verb.pos_ != "VERB" \
            or verb.dep_ == "acl" or verb.lemma_.lower() in FRAME_VERBS | IN_ARGUMENT_VERBS:
        return None
    return verb


def _determined_noun(span_root: Token, span: range) -> bool:
    """The date stands between a determiner or possessor and the singular
    noun they belong to: "the 1959 trade embargo", "his 1996 campaign"."""
    head = span_root.head
    if span_root.dep_ not in ("compound", "nummod", "nmod", "amod") or head.i < span.stop or head.tag_ not in ("NN", "NNS"):
        return False
    verb = head.head
    if head.dep_ == "poss":
        return False  # "this 2015 artist's rendering": the date is the rendering's
    if head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() not in FRAME_VERBS:
        return False  # "Travelers' third-quarter net income rose 11%": the rise is what the date tells
    if head.dep_ == "dobj" and verb.pos_ == "VERB":
        return True  # "reported third-quarter net income of $27 million": the income is the quarter's
    return head.tag_ == "NN" and any(c.dep_ in ("det", "poss") and c.i < span.start for c in head.children)


def _dated_thing(verb: Token) -> Token | None:
    """What "dating back to" or "dates from" tells the age of: the noun the
    participle describes, or the verb's subject."""
    if verb.tag_ == "VBN":
        return None  # "a letter dated Monday": the day it was written, a happening of its own
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


def _changing_measure(noun: Token) -> bool:
    """The noun is the subject of a verb of change in amount: "sales dropped"."""
    verb = noun.head
    return noun.dep_ == "nsubj" and verb.pos_ == "VERB" and _verb_in(verb, CHANGE_VERBS)


def _governing_verb(verb: Token, options: TriggerOptions) -> Token | None:
    """The verb a non-finite complement completes, when the date is that
    verb's rather than the complement's (see TriggerOptions)."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or head == verb or head.pos_ != "VERB" or head.i > verb.i:
        return None
    if _verb_in(head, LIGHT_VERBS) or _verb_in(head, LOOK_AHEAD_VERBS) or plans(head):
        return None
    to = has_to_infinitive(verb)
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
    if subject or verb.tag_ == "VB" and not to:
        return None
    if to:
        return head if options.infinitive_matrix else None
    return head if options.participle_matrix and verb.tag_ in ("VBG", "VBN") else None


def _verb_in(verb: Token, words: frozenset[str]) -> bool:
    """The verb is one of ``words``, by its lemma or, where the lemmatiser
    slips ("hopes" -> "hop"), by its form less an inflection."""
    form = verb.lower_
    return verb.lemma_.lower() in words or form in words or any(
        form.endswith(suffix) and form[: -len(suffix)] in words for suffix in ("s", "es", "d", "ed", "ing"))


def _planned(verb: Token) -> Token | None:
    """What a verb of planning governs: its complement verb or its event-noun object."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            return c
    for c in verb.children:
        if c.dep_ == "dobj" and is_event_noun(c):
            return c
    return None


def _verb_before(doc, start: int) -> Token | None:
    """The verb right before a date ("said Tuesday", "said on Tuesday")."""
    i = start - 1
    if i >= 0 and doc[i].dep_ == "prep" and doc[i].pos_ == "ADP":
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ == "VERB" else None


def _field_label_date(span_root: Token, span: range) -> bool:
    """The date closes the label of a data row: "Median salary (2024): $61,300"."""
    doc = span_root.doc
    after = [t.text for t in doc[span.stop : span.stop + 2]]
    return bool(after) and (after[0] in (":", "):") or after[:2] == [")", ":"]) and span.stop + 2 < len(doc)


def when_clauses(span_root: Token, span: range, options: TriggerOptions | None = None) -> list[Token]:
    """Verbs of the clauses that say what happened at the date: a relative
    clause of the date ("last fall, when he was shot") or a clause opened by
    "when" right after it. Their happening is dated by the date whatever
    else the date's own clause tells."""
    options = options or DEFAULT_OPTIONS
    if not options.when_clause:
        return []
    doc = span_root.doc
    i = span.stop
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "when" or doc[i].dep_ != "advmod":
        return []
    verb = doc[i].head
    if verb.pos_ not in ("VERB", "AUX") or verb.i in span or verb.i < i:
        return []
    if verb.lemma_.lower() in FRAME_VERBS:
        verb = _content_of_frame(verb, options) or verb
    return [verb]


# dependencies a walk from a happening climbs to reach the "since" that governs it: "since the release of the app
# in 2022" (release), "since his decision to retire last fall" (retire -> decision)
_INSIDE_SINCE = frozenset({"acl", "xcomp", "prep", "pobj", "compound"})


def since_phrase(trigger: Token) -> Token | None:
    """The root of the "since" phrase that names the trigger's happening as
    the start of another clause's ("Since the gadget launched in 2016, buyers
    have asked ..." -> launched; "since the release of the app in 2022" ->
    since): the clause above holds from the trigger's date on. None when the
    trigger is in no such phrase."""
    tok = trigger
    for _ in range(4):
        if tok.head == tok:
            return None
        if tok.dep_ == "advcl" and tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            return tok if _simple_past(tok) else None  # "since I've already picked one, ...": a reason
        if tok.dep_ == "pobj" and tok.head.lower_ == "since" and tok.head.dep_ == "prep":
            return tok.head
        if tok.dep_ not in _INSIDE_SINCE:
            return None
        tok = tok.head
    return None


def _simple_past(verb: Token) -> bool:
    """A clause told in the simple past ("launched", "was introduced"): the
    "since" that opens it tells a time; before a present or a perfect ("since
    it is", "since I've picked") it gives a reason."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "VBD" for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBN")  # the tagger reads a bare past as a participle too ("first launched")


def _holds_on(verb: Token) -> bool:
    """A clause told as holding up to its time: a perfect ("has grown"), a
    progressive ("are asking", "have been asking") or a present state ("is",
    "is closed"). A "since" before a simple past main clause gives its reason
    ("Since the shop closed on March 3, I bought my bread at the market")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_.lower() == "have" for c in auxes):
        return True
    if verb.tag_ == "VBG" and any(c.lemma_.lower() == "be" for c in auxes):
        return True
    be = [verb] if verb.lemma_.lower() == "be" else [c for c in auxes if c.lemma_.lower() == "be"]
    return any(b.tag_ in ("VBZ", "VBP") for b in be)


def since_holder(trigger: Token, options: TriggerOptions | None = None) -> tuple[Token, Token] | None:
    """(the trigger of the clause a "since <happening>" phrase opens, the
    phrase's root): "Since the gadget launched in 2016, buyers have been
    asking for more" -> (asking, launched). The date of the happening is
    the start of what that clause tells. The clause's trigger is found as
    for a date standing where the phrase stands ("since 2016")."""
    phrase = since_phrase(trigger)
    if phrase is None or phrase.head.pos_ not in ("VERB", "AUX"):
        return None
    if phrase.i < phrase.head.i and not _holds_on(phrase.head):
        return None  # a "since" clause put before a simple past gives its reason; after one, its start ("put in place since the war started in 2018")
    span = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    holder, by_parse = find_trigger(phrase, span, options)
    if holder is None or not by_parse or holder.i in span:
        return None
    return holder, phrase
