"""Framings of a date that state no happening, read from the parse.

- The text speaking of itself (``about_the_text``): "this guide will
  cover the hiking trails worth a visit this year", "we've rounded up the
  top podcasts of 2023". The date is the list's scope; the sentence is its
  title or intro (label class ``list-title``). What the text says of its
  own past ("This guide was revised in May") stays a statement.
- A ranking within a period (``ranks_within_period``): "one of 2022's
  most-played albums", "the finest novels of the year", "the year's top
  stories": the date says what is ranked, not when anything happened
  (``opinion``). "for <year>" is left alone ("among the most wanted
  lamps for 2024" says what is in demand that year).
- A year naming a work (``names_a_work``): "the remake of 2019's <Title>":
  the year is the title's release, not the clause's happening
  (``title-of-work``).

Vocabularies live in extractors.event_rules; the switches that turn each
rule off for a benchmark run in extractors.rule_switches.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from extractors.event_rules import (
    ASSEMBLE_PARTICLES,
    ASSEMBLE_VERBS,
    DEICTIC_NOW,
    DEPENDENCE_VERBS,
    EVALUATIVE_WORDS,
    EVENT_NAME_TITLES,
    EVENT_NAME_WORDS,
    EVENT_NOUNS,
    FINITE_TAGS,
    PERIOD_COPULAS,
    PERIOD_GIVING_VERBS,
    PERIOD_PROMISE_VERBS,
    PERIOD_THING_NOUNS,
    RANK_WORDS,
    TEXT_DETERMINERS,
    TEXT_NOUNS,
    WORTH_ADJECTIVES,
    finite_clause,
    has_own_subject,
)
from extractors.triggers import is_event_noun
from extractors.types import Precision

_WRITER = frozenset({"we", "i"})
_WRITTEN_YEAR = re.compile(r"\d{4}(?:['’]s?)?")


def _text_noun(noun: Token) -> bool:
    """"this list", "our guide", "the following article": the text being read."""
    if noun.lemma_.lower() not in TEXT_NOUNS and noun.lower_ not in TEXT_NOUNS:
        return False
    return any((c.dep_ in ("det", "poss") and c.lower_ in TEXT_DETERMINERS)
               or (c.dep_ == "amod" and c.lower_ == "following") for c in noun.children)


def _not_past(verb: Token) -> bool:
    """No past tense, perfect or past passive on the verb ("will cover",
    "explores", "we're covering"; not "has been revised", "was published")."""
    if verb.tag_ in ("VBD",):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_.lower() == "have")
                   for c in verb.children)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _modifies(date_root: Token, verb: Token) -> bool:
    """The date is an adverbial of the verb itself ("In 2019 we compiled ...")."""
    return date_root.head == verb or (date_root.head.dep_ == "prep" and date_root.head.head == verb)


def _assembles(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in ASSEMBLE_VERBS:
        return False
    particle = ASSEMBLE_PARTICLES.get(lemma)
    return particle is None or any(c.lower_ == particle and c.dep_ in ("prt", "advmod") for c in verb.children)


def about_the_text(clause_verb: Token, date_root: Token | None) -> bool:
    """The sentence speaks of the text itself, not of a happening: its
    subject is the text and it says what the text does, not what was done
    to it ("this guide will cover ... this year"; not "this guide was
    revised in May"), or the writer puts the list together and the date
    belongs to what is listed, not to the putting together ("we've rounded
    up the top podcasts of 2023"; not "in 2019 we compiled ...")."""
    subject = _subject(clause_verb)
    if subject is None:
        return False
    # the date is the time of what the text does: a happening ("Our newsletter launches on March 3"), unless it
    # is the bare period of what the text presents ("this guide will feature some of the fairs ... this year")
    dated_verb = date_root is not None and _modifies(date_root, clause_verb)
    if _text_noun(subject) and _not_past(clause_verb) and not (dated_verb and not _presents(clause_verb, date_root)):
        return True
    return (subject.lower_ in _WRITER and _assembles(clause_verb) and date_root is not None
            and not dated_verb and _lists(clause_verb))


# Verbs by which a text presents things ("will feature", "covers", "rounds up"): a bare period is what is
# presented, not when the text acts ("Our blog will host a Q&A this Friday" is a happening).
PRESENT_VERBS = frozenset({"feature", "cover", "include", "list", "showcase", "highlight", "present", "spotlight"})
_PRESENT_PARTICLES = {"round": "up"}


def _presents(verb: Token, date_root: Token | None) -> bool:
    """The text presents things over a period: the date is a bare noun
    phrase of the verb, no preposition, and the verb is one of presenting or
    its object is a part of a set ("will feature the fairs this year",
    "will host some of the fairs this year"; not "launches on March 3", not
    "will host a live Q&A this Friday")."""
    if date_root is None or date_root.dep_ != "npadvmod" or date_root.head != verb:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if not objects:
        return False
    lemma = verb.lemma_.lower()
    particle = _PRESENT_PARTICLES.get(lemma)
    if lemma in PRESENT_VERBS or (particle is not None and any(
            c.lower_ == particle and c.dep_ in ("prt", "advmod") for c in verb.children)):
        return True
    return any(_some_of(o) for o in objects)


def _some_of(noun: Token) -> bool:
    """"some of the fairs", "many of the …": a part of a set."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
               for c in noun.children)


def _lists(verb: Token) -> bool:
    """The verb's object is a text or a ranked thing ("a list of ...", "the
    top podcasts of 2023"), not a winner selected or a crowd gathered."""
    return any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in TEXT_NOUNS or _ranked(c))
               for c in verb.children)


# Superlatives of recency rank nothing: "the latest 2023 census" is that census.
_RECENCY = frozenset({"latest", "earliest", "newest", "recent"})


def _ranked(noun: Token) -> bool:
    """The noun carries a superlative or a ranking word ("finest", "most
    daring", "top", "best"; not "latest", "most recent")."""
    for c in noun.children:
        if c.dep_ not in ("amod", "advmod", "compound") or _at_least(c) or c.lower_ in _RECENCY:
            continue
        if c.tag_ in ("JJS", "RBS") or c.lower_ in RANK_WORDS:
            return True
        if any(g.dep_ == "advmod" and g.tag_ == "RBS" for g in c.children):  # "most impressive"
            return True
    return False


def _at_least(tok: Token) -> bool:
    """"at least", "at most": a bound on a count, not a rank."""
    return tok.lower_ in ("least", "most") and (
        (tok.i > 0 and tok.nbor(-1).lower_ == "at") or any(c.lower_ == "at" for c in tok.children))


def ranks_within_period(date_root: Token | None) -> bool:
    """The date is the period something is ranked in: the possessive, the
    "of" object or a modifier of a noun that carries a superlative ("one of
    2022's most-played albums", "the finest novels of the year", "the most
    daring 2021 designs")."""
    if date_root is None:
        return False
    if date_root.dep_ == "poss" or (date_root.dep_ in ("compound", "nummod", "amod") and date_root.tag_ == "CD"):
        noun = date_root.head
    elif date_root.dep_ == "pobj" and date_root.head.dep_ == "prep" and date_root.head.lower_ == "of":
        noun = date_root.head.head
    elif date_root.dep_ == "prep" and date_root.lower_ == "of":
        noun = date_root.head
    else:
        return False
    return noun.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and _ranked(noun) and not _acts(noun)


def _acts(noun: Token) -> bool:
    """The ranked thing is the subject of a happening: the date is that
    happening's time ("the largest wildfire of the year destroyed ...",
    "one of the most important summits of 2019 took place ..."), not the
    period of a ranking."""
    head = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        head = noun.head.head  # "one of the ... summits"
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() != "be"


def names_a_work(date_root: Token | None, trigger: Token, date_text: str) -> bool:
    """A written year in the possessive before a name ("the remake of 2019's
    <Title>"): the year the named work came out, not the trigger's time. A
    deictic year ("Last year's <Name> drew ...") names the edition of an
    event, whose time it is, and so does a written year before the name of
    a happening ("2012's London Olympics drew ...")."""
    if date_root is None or not _WRITTEN_YEAR.fullmatch(date_text.strip()) or date_root.dep_ != "poss":
        return False
    name = date_root.head
    return name != trigger and name.pos_ == "PROPN" and not is_event_noun(name) and not names_a_happening(name)


def names_a_happening(name: Token) -> bool:
    """A proper name of a happening: NER types it an event, its head is a
    word that heads such names ("London Olympics", "Glastonbury Festival",
    "Iowa Caucuses"), or a storm's title opens it ("Hurricane Dorian"). A
    capitalised "The" in it marks a title ("2012's The Hunger Games")."""
    if any(c.dep_ == "det" and c.text == "The" for c in name.children):
        return False
    parts = [c for c in name.children if c.dep_ in ("compound", "flat")]
    return (name.ent_type_ == "EVENT" or name.lower_ in EVENT_NAME_WORDS
            or any(c.lower_ in EVENT_NAME_TITLES for c in parts))


# "Here are ...", "Below, you'll find ...": adverbs that point at what follows on the page.
_POINTERS = frozenset({"here", "below", "following"})
# Verbs by which the text hands the reader what follows ("you'll find", "you can see").
_READER_FINDS = frozenset({"find", "see", "discover", "read", "get"})


# An issue's intro: a deictic period, "on"/"in" a named show, newsletter or blog, a colon, then the issue's
# contents ("This week on the Ledger: the price of eggs in spring, and ...", "Today on the podcast: ...").
_ISSUE_INTRO = re.compile(
    r"^\s*(?i:(?:this|next|last)\s+(?:week|weekend|month|season|issue|episode)|today|tonight|tomorrow)"
    r"\s+(?i:on|in)\s+(?i:the\s+|our\s+)?(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][\w'’.-]*|(?i:podcast|show|newsletter|blog))(?:\s+[A-Z][\w'’.-]*){0,3}\s*:")


# clauses below the pointer's own: a date inside one dates that clause's happening ("Here is what happened in
# Parliament on Tuesday", "the results Acme reported on 3 March"), not the list's scope
_CLAUSES_BELOW = frozenset({"relcl", "ccomp", "pcomp", "acl", "advcl", "csubj"})


def in_pointers_clause(date_root: Token | None, root: Token) -> bool:
    """The date stands in the pointing clause itself: not inside a finite
    clause below it ("Here is where the treaty was signed in 1648"), nor on
    a noun naming a happening ("Here are the results of the March 2024
    election")."""
    if date_root is None:
        return True
    node, past_verb = date_root, False
    while node != root and node.head != node:
        if node.dep_ in _CLAUSES_BELOW and node.pos_ in ("VERB", "AUX") and finite_clause(node):
            return False
        if node != date_root and not past_verb and node.pos_ == "NOUN" and is_event_noun(node):
            return False
        past_verb = past_verb or node.pos_ in ("VERB", "AUX")
        node = node.head
    return True


def _tells_after_colon(sent) -> bool:
    """A finite verb after the intro's colon heads a clause of its own ("Last week in
    Ukraine: Russia launched ..."): news, not an issue's list of contents."""
    colon = next((t.i for t in sent if t.text == ":"), None)
    return colon is not None and any(t.tag_ in FINITE_TAGS and t.dep_ not in ("relcl", "acl")
                                     for t in sent if t.i > colon)


def presents_what_follows(sent, date_root: Token | None = None) -> bool:
    """A list intro: the sentence points at what follows on the page rather
    than telling a happening ("Here are some habits to try in
    the new year:", "As of now, in <month year>, here's what to do!",
    "Below, you'll find the winners of this year"): its main verb is a
    copula (or a misread "'s") with "here"/"below" on it, or a verb of
    finding whose subject is the reader, in the future or with "can", with
    "here"/"below" on it. The date is the scope of the list (label class
    ``list-title``); the list's own lines tell the happenings. Only a date
    of the pointer's own clause (``date_root``; ``in_pointers_clause``); an
    issue's intro only when no clause of its own follows the colon."""
    if _ISSUE_INTRO.match(sent.text):
        return not _tells_after_colon(sent)
    root = sent.root
    if not in_pointers_clause(date_root, root):
        return False
    # the pointer before the verb ("Here are ..."); after it, "here" is where a thing is ("Summer is here")
    pointer = any(c.dep_ in ("advmod", "expl") and c.lower_ in _POINTERS and c.i < root.i for c in root.children)
    if not pointer:
        return False
    if root.lemma_.lower() == "be" or root.lower_ in ("’s", "'s"):
        return not any(c.dep_ == "neg" for c in root.children)
    return (root.lemma_.lower() in _READER_FINDS
            and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in root.children)
            and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll", "can") for c in root.children))


# Nouns of a period's coming: "the arrival of 2025", "the start of the new year".
_ONSET_NOUNS = frozenset({"arrival", "start", "beginning", "dawn", "onset", "turn", "advent", "coming"})


def period_promises(date_root: Token | None) -> bool:
    """The period (or its arrival) is the subject of a verb of holding out,
    in the simple present: "2025 offers endless possibilities for ...",
    "The arrival of 2025 brings fresh opportunities", "the new year holds
    ...". The past ("2024 brought record sales") tells what happened and is
    left alone. A date the parse hangs elsewhere but that stands right
    before such a verb with no subject of its own counts as its subject."""
    if date_root is None or date_root.lower_ in DEICTIC_NOW:
        return False  # "today offers": the present era (generic-now), not a period holding things out
    subject = date_root
    if date_root.dep_ == "pobj" and date_root.head.lower_ == "of" and date_root.head.head.lemma_.lower() in _ONSET_NOUNS:
        subject = date_root.head.head
    verb = subject.head
    if subject.dep_ not in ("nsubj",):
        # "2025 offers ...": the parse took the year for an adverbial of the words before it
        nxt = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
        if (subject.dep_ != "npadvmod" or nxt is None or nxt.pos_ != "VERB"
                or has_own_subject(nxt)):
            return False
        verb = nxt
    return (verb.lemma_.lower() in PERIOD_PROMISE_VERBS and verb.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and not any(c.dep_ == "dobj" and _names_happening(c) for c in verb.children))


def _names_happening(noun: Token) -> bool:
    """The object names a happening, itself or through "of" ("brings a 3% tariff
    increase", "brings back memories of the floods"): the period dates it."""
    if is_event_noun(noun):
        return True
    return any(g.dep_ == "pobj" and is_event_noun(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children)


def reader_possession(date_root: Token | None, clause_verb: Token | None = None) -> bool:
    """The date qualifies a thing of the reader's ("your 2025 dental
    resolutions", "your summer holidays"): what the reader has or plans for
    that period, told to win them over, not a happening the text reports.
    Not in a clause told in the past ("Your 2025 membership fee rose by 10%")."""
    if date_root is None or date_root.dep_ not in ("nummod", "compound", "amod", "npadvmod", "poss"):
        return False
    if clause_verb is not None and (clause_verb.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause_verb.children)):
        return False
    noun = date_root.head
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ == "your" for c in noun.children)


# Nouns that "today's" turns into the present era: "in today's interconnected world", "today's consumers".
NOWADAYS_NOUNS = frozenset(
    """world age era society landscape environment economy market marketplace climate culture times generation
    consumer consumers workforce workplace business businesses reality life""".split())


def nowadays(date_text: str, date_root: Token | None) -> bool:
    """"today's <world|age|society|market|...>": the present era, whatever the
    tense of the clause ("In today's busy world, cheap sensors have changed
    how we cook")."""
    if date_root is None or date_text.strip().lower().rstrip("'’s") not in ("today", "today’", "today'"):
        return False
    if date_root.dep_ != "poss":
        return False
    return date_root.head.lemma_.lower() in NOWADAYS_NOUNS or date_root.head.lower_ in NOWADAYS_NOUNS


# clauses below a noun or a verb: what they hold is told on its own ("the year the plant closed")
_OWN_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})


def _period_subject_of(date_root: Token) -> Token | None:
    """The verb whose subject the period is: its nominal subject, or a period
    opening its clause that the parse took for an adverbial of a verb with no
    subject of its own ("This year will be a biggie": be)."""
    if date_root.dep_ == "nsubj":
        return date_root.head
    verb = date_root.head
    if date_root.dep_ != "npadvmod" or verb.pos_ not in ("VERB", "AUX") or verb.i < date_root.i or has_own_subject(verb):
        return None
    first = date_root.left_edge
    opens = first.i == first.sent.start or first.nbor(-1).is_punct or first.nbor(-1).dep_ == "cc"
    return verb if opens else None


def _evaluated(noun: Token) -> bool:
    """The noun (or the thing of its "of" phrase, "plenty of great games")
    carries a word of praise, blame or size, or a superlative ("a banner
    year", "some truly amazing games", "a biggie")."""
    if noun.lower_ in EVALUATIVE_WORDS or noun.lemma_.lower() in EVALUATIVE_WORDS:
        return True
    nouns = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for n in nouns:
        for c in n.children:
            if c.dep_ not in ("amod", "compound", "advmod", "nmod"):
                continue
            words = [c, *(g for g in c.children if g.dep_ == "advmod")]
            if any(w.lower_ in EVALUATIVE_WORDS or w.tag_ in ("JJS", "RBS") for w in words):
                return True
    return False


def _past_told(verb: Token) -> bool:
    """The verb tells a completed happening in the simple past ("2024 brought
    record sales", "2024 had three elections"), not a perfect or a future."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _in_own_clause(trigger: Token, verb: Token) -> bool:
    """The trigger is the verb, its predicate or object, or the thing of their
    "of" phrase: not a clause hung below ("2024 was the year when ... an app
    entered the stage")."""
    words = [verb] + [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd", "dobj", "obj")]
    words += [g for w in words[1:] for c in w.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    return trigger in words


def period_described(date_root: Token | None, trigger: Token, precision: str) -> bool:
    """A period coarser than a day is the subject of a clause that only
    describes it: a copula ("2024 was a banner year", "This year will be a
    biggie for ..."), "have" or a verb of giving whose object is no happening
    or is judged ("The first half of 2025 has some truly amazing games", "this
    year has already provided plenty of great games"). Left alone: a day ("Tuesday
    was a good day for the market": what happened that day); verbs that tell a
    happening with the period as subject ("2024 saw record growth", "This year
    marks the 10th anniversary"); the simple past of a verb of giving ("2024
    brought big changes to the club"), and of "have" unless its object is
    judged ("2024 had three elections"); a predicate naming a happening, judged
    or not ("2025 is the 50th anniversary", "2024 was a huge win for the
    union"); a clause on it ("2024 was the year the plant closed", "... the
    year when the plant closed": the trigger must stand in the period's own
    clause)."""
    if date_root is None or date_root.lower_ in DEICTIC_NOW:
        return False
    if not Precision.known(precision) or Precision(precision).coarseness <= Precision.DAY.coarseness:
        return False
    verb = _period_subject_of(date_root)
    if verb is None or not _in_own_clause(trigger, verb):
        return False
    lemma = verb.lemma_.lower()
    if verb.lower_ in ("’s", "'s"):
        lemma = "be"
    if lemma in PERIOD_COPULAS:
        preds = [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")]
        if not preds:
            return False
        for pred in preds:
            if any(c.dep_ in _OWN_CLAUSES and finite_clause(c) for c in pred.children):
                return False
            if pred.pos_ == "NOUN" and is_event_noun(pred):
                return False
        return True
    if lemma in PERIOD_GIVING_VERBS and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if not objects:
            return False
        if _past_told(verb):
            return lemma == "have" and any(_evaluated(o) for o in objects)
        return any(_evaluated(o) for o in objects) or not any(_names_happening(o) for o in objects)
    return False


def copulas_reached(verb: Token) -> list[Token]:
    """The copulas ("be", "become", "remain", a clitic "'s") of ``verb`` itself or
    reached through up to two open complements ("is set to become", "shaping up
    to be")."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    verbs += [g for c in verbs[1:] for g in c.children if g.dep_ == "xcomp"]
    return [v for v in verbs if v.lemma_.lower() in ("be", "become", "remain") or v.lower_ in ("’s", "'s")]


def _worth_predicate(verb: Token) -> bool:
    """The copula (or "become"/"remain", through "set to"/"likely to") says
    how much a thing matters: "will be indispensable", "are set to become
    even more critical", "is key to", "is the key to"."""
    for v in copulas_reached(verb):
        for c in v.children:
            if c.dep_ == "acomp" and c.lemma_.lower() in WORTH_ADJECTIVES:
                return True
            if c.dep_ == "attr" and c.lemma_.lower() == "key":
                return True
    return False


def evaluates_in_period(date_root: Token | None) -> bool:
    """A prediction or an evaluation whose predicate says how much a thing
    matters or what it depends on, with a date that only scopes it: "In 2025,
    AI tools will be indispensable for ...", "these platforms are set to
    become even more critical in 2024", "SEO success in 2025 relies on
    understanding ...". Not in the past ("was essential to the 2019 rescue"
    tells of a happening that was). The date stands in the clause of that
    predicate, as its adverbial or inside its subject: the first verb above
    the date, up through the verbs it completes ("set to become")."""
    if date_root is None:
        return False
    verb = date_root.head
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or _depends(verb) or verb.head == verb:
            break
        if verb.pos_ == "NOUN" and is_event_noun(verb):
            return False  # "the outcome of the 2024 election depends on ...": the date is the election's
        verb = verb.head
    for _ in range(3):
        if verb.dep_ != "xcomp" or verb.head == verb:
            break
        verb = verb.head
    if _past_told(verb) or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return False
    if _depends(verb):
        return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children)
    return verb.pos_ in ("VERB", "AUX") and _worth_predicate(verb)


def _depends(verb: Token) -> bool:
    """A verb of dependence in the present ("relies on", "depends on"; the parse may tag "relies" a plural noun)."""
    return verb.lower_ in ("relies", "rely", "depends", "depend", "hinges", "hinge") and (
        verb.lemma_.lower() in DEPENDENCE_VERBS or verb.tag_ in ("NNS", "VBZ", "VBP"))


def _year_on_noun(date_root: Token, noun: Token) -> bool:
    """The date pre-modifies the noun ("its 2025 forecast", "the 2026 housing
    market", "my full 2024 list") or is its "for" object ("luxury pipelines
    for 2026")."""
    if date_root.head == noun and date_root.i < noun.i and date_root.dep_ in ("nummod", "compound", "amod", "nmod"):
        return True
    return (date_root.dep_ == "pobj" and date_root.head.lower_ == "for" and date_root.head.dep_ == "prep"
            and date_root.head.head in (noun, noun.head))


def dates_a_thing(date_root: Token | None, trigger: Token, precision: str) -> bool:
    """The trigger is a noun naming a thing made for the period or sold by its
    year (a forecast, a budget, a list, a market, a model: PERIOD_THING_NOUNS,
    TEXT_NOUNS), not a happening, and a year is its qualifier: "JLL raised its
    2025 forecast", "the outlook for the 2026 housing market", "revealed
    their luxury pipelines for 2026", "my full 2024 list". Not a noun a
    happening qualifies ("the 2025 election forecast") nor the thing of a
    happening ("the adoption of a 2026 model"); a day is left alone
    ("Twitter's April 1 closing price": a state of that day)."""
    if precision != "year" or date_root is None or trigger.pos_ != "NOUN" or not _year_on_noun(date_root, trigger):
        return False
    lemma = trigger.lemma_.lower()
    if lemma not in PERIOD_THING_NOUNS and lemma not in TEXT_NOUNS:
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in EVENT_NOUNS for c in trigger.children):
        return False  # "the 2025 election forecast": a happening's
    return not _inside_happening(trigger)


def _inside_happening(noun: Token) -> bool:
    """The noun stands inside the phrase of a happening noun, below no
    finite verb ("the adoption of a charging port for 2026"): the date is the
    happening's."""
    node = noun
    for _ in range(5):
        if node.head == node or node.dep_ not in ("pobj", "prep", "dobj", "acl", "compound", "appos"):
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and finite_clause(node):
            return False
        if is_event_noun(node):
            return True
    return False
