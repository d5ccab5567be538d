"""Who did it: the agent of a dated statement's trigger, from the parse.

The subject of an active verb ("China ratified ..."), the by-phrase of a
passive one ("... was signed by Mongolia"), the possessor or by-phrase of
an event noun ("India's ratification", "the signature by New Zealand"); a
verb with none of its own takes the subject of the verb it complements
("NASA plans to launch" -> NASA). The agent is given as the keys of the
entity mentions inside that phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from extractors.acronyms import spells
from extractors.calendar_words import MONTHS, WEEKDAYS
from extractors.coreference import UNTYPED, Discourse, Resolution, resolve, topic_participant
from extractors.document_nouns import DOCUMENT_NOUNS
from extractors.entities import EntityMention, inside_word, is_fragment, normalize_name
from extractors.entity_rules import PERSON_TITLE_WORDS, QUANTITY_AFTER, TITLE_OF_BEFORE, TITLE_OF_WORDS
from extractors.entity_rules import TITLE_PART_WORDS as _TITLE_PARTS
from extractors.event_rules import NON_PARTICIPANT_LABELS, has_to_infinitive, subtree_range
from extractors.rule_switches import rule_on
from extractors.types import DateMention

_INHERIT = {"xcomp", "conj", "advcl", "acl"}
# the label of a proper name the parse found where NER found none
PARSE_NAME_LABEL = UNTYPED
# an initial before a surname ("A Krizhevsky"): not an article to strip
_INITIALS = re.compile(r"^(?:[A-Z]{1,3}\.?\s)+[A-Z][\w'-]+")


# a text or a programme as the subject of a verb a party does to it, with no object ("Our Programme, first agreed
# in 2013", "An Action Plan followed in 2013"): the thing agreed or that came, not the one who agreed (the parse
# reads a reduced passive or an event's coming as active). Such a verb keeps no agent from that subject.
DOCUMENT_SUBJECTS = True
PARTY_VERBS = frozenset(
    """agree sign ratify adopt conclude renew approve accept endorse formalise formalize negotiate follow come
    update revise""".split())


def _document_subject(trigger: Token, phrase: Token) -> bool:
    """The subject phrase names a text or programme (its head or a conjunct's head is one of DOCUMENT_NOUNS) and the
    trigger is a verb a party does to a text, with no object of its own (DOCUMENT_SUBJECTS)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in PARTY_VERBS \
            or any(c.dep_ in ("dobj", "obj") for c in trigger.children):
        return False
    heads = [phrase, *phrase.conjuncts]
    return any(h.lemma_.lower() in DOCUMENT_NOUNS or h.lower_ in DOCUMENT_NOUNS for h in heads)


def _agent_phrase(trigger: Token) -> Token | None:
    tok = trigger
    for _ in range(3):
        for c in tok.children:
            if c.dep_ == "nsubj" or c.dep_ == "poss":
                if DOCUMENT_SUBJECTS and c.dep_ == "nsubj" and _document_subject(trigger, c):
                    return None
                return c
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and tok.pos_ == "NOUN"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # a passive with no by-phrase: the agent is not said
        if tok.dep_ not in _INHERIT or tok.head == tok:
            return None
        tok = tok.head
    return None


# a relative clause's happening is the antecedent's, not the main clause's: "A was one of the contributors to B,
# which completed its mission" tells B's end (A took no part in it): only a climb over partitive "of"/"among"
# phrases ("A was one of the countries that signed") lets a copula's subject in (extractors.events.clause_char_ranges).
# Measured and not kept: also stopping the climb at a verb ("A contributed troops to B in C, which ..."): participant
# F1 on the facts subjects 0.711 -> 0.709 (it drops the U.S. from a "<country> was among the countries that signed" sentence)
RELATIVE_SCOPE = True
PARTITIVE_PREPOSITIONS = frozenset({"of", "among", "amongst"})
# the relative pronoun a parse hangs on a verb as its object when it missed the relative clause ("the Declaration
# that A and B signed", parsed as a complement of the main verb): the noun before it is what the verb acts on
RELATIVE_OBJECTS = True
_RELATIVE_PRONOUNS = frozenset({"that", "which", "whom"})


def is_partitive(preposition: Token) -> bool:
    """A preposition of a part among a whole ("one of the countries", "among the first"); any, RELATIVE_SCOPE off."""
    return not RELATIVE_SCOPE or preposition.lower_ in PARTITIVE_PREPOSITIONS


def relative_antecedent(trigger: Token) -> Token | None:
    """The noun a relative pronoun in the verb's object slot stands for, right before it ("the Declaration that
    Australia and NATO signed": Declaration), when the parse did not make the verb a relative clause of it
    (RELATIVE_OBJECTS); None otherwise."""
    if not RELATIVE_OBJECTS or trigger.dep_ in ("relcl", "acl"):
        return None
    for c in trigger.children:
        if c.dep_ in ("dobj", "obj") and c.lower_ in _RELATIVE_PRONOUNS and c.i > 0 and c.i < trigger.i:
            prev = trigger.doc[c.i - 1]
            if prev.pos_ in ("NOUN", "PROPN") and not trigger.is_ancestor(prev):
                return prev
    return None


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
            if tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj") and tok.head != tok:
                tok = tok.head
                if rule_on("noun-in-adjunct") and tok.pos_ == "ADP" and tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX") \
                        and tok.head.lemma_ != "be" and tok.lower_ not in _NOT_ADJUNCT_OWNER and tok.head != tok:
                    tok = tok.head  # "In a 2024 study, Acme found ...": Acme's study
                continue
            return None
        if tok.dep_ == "pcomp" and tok.head.head != tok.head:  # "credited with creating"
            tok = tok.head.head
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl", "acomp") and tok.head != tok:
            if _intended(tok):  # "NASA confirmed plans to launch": the planner
                tok = tok.head.head
                continue
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            tok = tok.head
            continue
        return None
    return None


def _intended(tok: Token) -> bool:
    """An infinitive completing the object of a verb ("confirmed plans to
    launch", "announced a bid to buy"): whoever has the plan does it."""
    return (tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.dep_ == "dobj"
            and has_to_infinitive(tok))


def sentence_names(parsed_tokens: Iterable[Token], offset: int, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """The sentence's entity mentions and the proper names its parse sees that
    NER left out (``parse_names``), once per sentence: the participants and
    the agent of each of its statements are read from these. ``offset``: where
    the parsed text starts in the document (mentions are document offsets)."""
    tokens = list(parsed_tokens)
    if not tokens:
        return list(mentions)
    text = tokens[0].doc.text
    covered = [(m.char_start, m.char_end) for m in mentions]
    extra = [EntityMention(text[s:e], PARSE_NAME_LABEL, offset + s, offset + e, normalize_name(text[s:e]))
             for s, e in parse_names(tokens)
             if not any(a < offset + e and offset + s < b for a, b in covered)]
    return sorted([*mentions, *extra], key=lambda m: (m.char_start, m.char_end))


def agent_keys(trigger: Token | None, offset: int, names: Sequence[EntityMention],
               discourse: Discourse | None = None) -> tuple[str, ...]:
    """Keys of the names (``sentence_names``) in the trigger's agent phrase,
    an acronym under the name it stands for on the page (as participants)."""
    if trigger is None:
        return ()
    phrase = _agent_phrase(trigger)
    return _names_in(phrase, offset, names, discourse) if phrase is not None else ()


def _shifted(span: tuple[int, int], offset: int) -> tuple[int, int]:
    """A range relative to the parsed text as a range into the document."""
    return span[0] + offset, span[1] + offset


def _names_in(phrase: Token, offset: int, names: Sequence[EntityMention], discourse: Discourse | None,
              skip_labels: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Keys of the names inside a phrase, in text order, each once, under the
    full name it stands for on the page."""
    start, end = _shifted(subtree_range(phrase), offset)
    found = sorted((m.char_start, m.key) for m in names if start <= m.char_start and m.char_end <= end
                   and m.label not in skip_labels)
    return tuple(dict.fromkeys(discourse.full_name(k) if discourse is not None else k for _, k in found))


# a statement naming no one tells of the page's topic (extractors.coreference.topic_participant): on, chosen
# leaving one facts subject out (each held-out subject's fold chose it); fact identity reads participants
# beyond the topic, so its figures do not move
TOPIC_PARTICIPANT = True

# the names of a verb's complement clause (ccomp) after it, in the same clause, take part in its happening,
# not only a reporting verb's (extractors.roles._reported). Participant F1 on the facts subjects JWST /
# Paris / Twitter, everything else on: off 0.677 / 0.638 / 0.749; a list of verbs of deciding and wanting
# 0.677 / 0.638 / 0.752; any complement after the verb, no ";" or ":" between, 0.677 / 0.638 / 0.756 (kept:
# no subject lower, each subject left out chooses it on the other two)
COMPLEMENT_NAMES = True
# one name per entity in a statement's participants: an acronym and the name it spells or stands for, a
# surname and the person's full name, two names of one chain NER gives one type, count once, under the
# longer name: the rule "one-name-per-entity". Off 0.673 / 0.638 / 0.756, on 0.677 / 0.638 / 0.756

# a name that only qualifies the title of the person the trigger's subject names right after it ("Tesla CEO
# Elon Musk said", "US President Joe Biden signed") is no participant of its own; an object's qualifier stays
# ("met European Commission President Ursula von der Leyen"): the rule "title-qualifiers". Off 0.677 / 0.636 /
# 0.754, on 0.677 / 0.638 / 0.756 (each subject left out chooses it; the gold keeps "NASA Administrator Bill
# Nelson"'s NASA where he is no subject and leaves out Tesla, the UN and the US of subjects)

# a happening noun in a prepositional phrase of a verb ("In a 2024 study, Acme and Jane Doe found ...") takes the
# verb's subject as its own (not an "according to" source's phrase: that is the source, not the subject's; not
# a copula's: "Acme lamps are among the fixtures for 2025" says what the lamps are), nor a temporal preposition's:
# "After the 2011 earthquake, Acme halted production" orders two happenings, the earthquake is not Acme's: the rule
# "noun-in-adjunct"
_NOT_ADJUNCT_OWNER = frozenset({"according", "to", "after", "following", "before", "since"})
# a name that only qualifies a title with no person named after it ("the Acme CEO had announced", "former Example
# Department Chairman"), or a name that is a title ("Ethics Chair"), is no participant: the rule "bare-titles"

# the names of an "according to" phrase are the source of what the clause tells, not participants in it ("According
# to a report by Acme, sales fell in 2013": the fall is not Acme's), unless the trigger is inside the phrase
# ("according to a 2013 study by Acme": the study is Acme's); a source that says or reports is one (REPORTING_VERBS)


def source_frames(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges (relative to the parsed text) of the "according to"
    phrases of the trigger's sentence that do not hold the trigger."""
    out = []
    for tok in trigger.doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
            continue
        words = [t for t in tok.subtree] + [t for t in tok.doc[tok.i + 1].subtree]
        lo, hi = min(t.i for t in words), max(t.i for t in words)
        if not lo <= trigger.i <= hi:
            out.append((tok.doc[lo].idx, tok.doc[hi].idx + len(tok.doc[hi].text)))
    return out


# a line written in title case (every word capitalised: an event's or a post's title) gives capitals no weight, and
# NER reads runs of its capitalised common words as names ("Blue Gears", "Code & Craft Crew"): there, only a person's
# name or a one-word name is a participant: the rule "title-case-lines" (switches: extractors.rule_switches)
_LINE_SMALL_WORDS = frozenset("a an the and or of for to in on at with from by vs via as".split())

# Verbs that report or make known what their complement clause says.
REPORTING_VERBS = frozenset(
    """say announce tell confirm report disclose reveal state declare inform notify claim add explain note
    write tweet post warn admit deny acknowledge insist""".split()
)

# Argument slots of a clause in which a proper noun names a participant.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative"})
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def parse_names(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Proper names the parse sees in argument slots that NER left out
    ("Twitter sued Elon Musk"): a proper-noun head in a subject, object,
    possessor or by-phrase slot, with the proper nouns compounded into it,
    or modifying the common noun of such a slot ("buying Twitter shares").
    Character ranges relative to the parsed text."""
    out = []
    for tok in tokens:
        # a proper noun modifying a common noun in an argument slot names a participant too ("Twitter executives")
        modifier = tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.dep_ in _ARGUMENT_DEPS
        if tok.pos_ != "PROPN" or (tok.dep_ not in _ARGUMENT_DEPS and not modifier) or (
                tok.dep_ == "conj" and tok.head.pos_ != "PROPN"):
            continue
        first = tok
        while first.i > 0:
            prev = tok.doc[first.i - 1]
            if prev.pos_ == "PROPN" and prev.dep_ in ("compound", "flat") and prev.head.i >= tok.i - 3 and prev.head.i <= tok.i:
                first = prev
            else:
                break
        if NAME_COORDINATION:
            first = _coordinated_start(tok, first)
        words = [t for t in tok.doc[first.i:tok.i + 1]]
        while words and (words[0].lower_.rstrip(".") in _CALENDAR_WORDS or not words[0].text[:1].isupper()):
            words = words[1:]
        if not words or any(t.lower_.rstrip(".") in _CALENDAR_WORDS or t.like_num for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        name = tok.doc.text[start:end]
        # the parse's own tests (NER's spans pass neither): a name of three characters
        # or more that is not all capitals ("AMENDMENT", "EXHIBIT" in a filing's header)
        if len(name) < 3 or not any(c.islower() for c in name) or is_fragment(name) \
                or inside_word(tok.doc.text, start, end) or QUANTITY_AFTER.match(tok.doc.text, end):
            continue  # nor the word before a quantity ("Rises 2.3 per cent" in a table of share prices)
        if len(words) == 1 and name.casefold() in PERSON_TITLE_WORDS:
            continue  # a person's title, not a name ("under then President, Jane Doe": "President")
        out.append((start, end))
    # a part of a longer name ("Investment" of "Trade and Investment Programme") is none of its own
    return [r for r in out if not any(o != r and o[0] <= r[0] and r[1] <= o[1] for o in out)]


# a name whose words the parse coordinates inside one noun phrase ("An Individual Partnership and Cooperation
# Programme followed": "Individual Partnership" a modifier of "Programme", "and" inside): one name, not its last part
NAME_COORDINATION = True


def _coordinated_start(tok: Token, first: Token) -> Token:
    """Where a name starts that the parse reads as one noun phrase with "and" or "&" inside it: the capitalised
    proper nouns before ``first`` that hang on the name's head (modifiers, and the conjuncts and conjunction of a
    modifier: "Individual Partnership and Cooperation Programme", "Trade and Investment Programme"); ``first``
    otherwise. Two names the parse coordinates as arguments ("Australia and NATO") are not one."""
    doc = tok.doc
    start, i = first, first.i - 1
    while i >= 0 and tok.is_ancestor(doc[i]):
        t = doc[i]
        if t.pos_ == "PROPN" and t.text[:1].isupper() and t.dep_ in ("compound", "flat", "nmod", "conj"):
            start = t
        elif not (t.dep_ == "cc" and t.lower_ in ("and", "&") and i > 0 and doc[i - 1].pos_ == "PROPN"):
            break
        i -= 1
    return start


def _as_title(before: str, m: EntityMention) -> EntityMention | None:
    """A person's title taken for a name: one title word ("President") names
    no one (None); what follows "of" in a title ("State" after "the Secretary
    of") names the title's holder by the whole title ("Secretary of State");
    another name after "of" is its own ("the President of France"). Any other
    name as it is. ``before``: the text right before the name."""
    low = m.key.casefold()
    if low in PERSON_TITLE_WORDS:
        return None
    title = TITLE_OF_BEFORE.search(before[-40:]) if low in TITLE_OF_WORDS else None
    return replace(m, key=" ".join((title.group(0) + m.key).split())) if title is not None else m


def participant_keys(trigger: Token, offset: int, clause: Sequence[tuple[int, int]], names: Sequence[EntityMention],
                     date: DateMention, discourse: Discourse | None = None
                     ) -> tuple[tuple[str, ...], bool, tuple[Resolution, ...]]:
    """Keys of the entities that take part in the trigger's happening, whether
    its subject or agent names one, and the participants it names only by a
    pronoun or a description ("it", "the agency"), resolved against the page
    (``discourse``; extractors.coreference). Only names (``sentence_names``)
    inside the clause (``clause``: character ranges relative to the parsed
    text, which starts at ``offset`` in the document) or inside the subject
    it inherits; subject or agent first (a resolved subject too); never the
    date itself or a nationality."""
    subj = subject_of(trigger)
    described = _participle_subject(trigger) if rule_on("participle-subject") else None
    subj_range = _shifted(subtree_range(subj), offset) if subj is not None else None
    described_range = [subtree_range(described)] if described is not None else []
    ranges = [_shifted(r, offset) for r in (*clause, *_reported(trigger), *described_range)]
    ranges += [subj_range] if subj_range is not None else []
    inside = [m for m in names if any(a <= m.char_start and m.char_end <= b for a, b in ranges)
              and m.label not in NON_PARTICIPANT_LABELS
              and not (date.char_start <= m.char_start < date.char_end)
              and not (m.label == PARSE_NAME_LABEL and date.char_start < m.char_end and m.char_start < date.char_end)
              and not (m.label == PARSE_NAME_LABEL and discourse is not None and discourse.common_word(m.key))]
    text = trigger.doc.text
    sources = [(offset + a, offset + b) for a, b in source_frames(trigger)]
    inside = [m for m in inside if not any(a <= m.char_start and m.char_end <= b for a, b in sources)]
    inside = [t for t in (_as_title(text[:max(0, m.char_start - offset)], m) for m in inside) if t is not None]
    subject = [m for m in inside if subj_range and subj_range[0] <= m.char_start and m.char_end <= subj_range[1]]
    if rule_on("title-qualifiers"):
        people = [m for m in subject if m.label == "PERSON"]
        inside = [m for m in inside if not (m in subject and _titles_a_person(text, offset, m, people))]
        subject = [m for m in subject if m in inside]
    if rule_on("bare-titles"):
        # the organisation whose officer is the subject acts through them ("The Acme CEO announced ...")
        inside = [m for m in inside if not _bare_title(text, offset, m, names) or _officers_organisation(m, subject)]
        subject = [m for m in subject if m in inside]
    if rule_on("title-case-lines") and title_cased(text):
        inside = _title_line_names(inside)
        subject = [m for m in subject if m in inside]
    written = [m.key for m in subject] + [m.key for m in inside if m not in subject]
    if discourse is not None:  # a short form of a name of the page the tagger took for a common noun
        written += _short_forms(trigger, offset, ranges, names, discourse)
    resolved = _resolved(trigger, offset, ranges, names, discourse, {discourse.chain(k) for k in written}) \
        if discourse is not None else []
    if discourse is not None and TOPIC_PARTICIPANT and not written and not resolved:
        sentence = (offset, offset + len(trigger.doc.text))
        resolved += [r for r in (topic_participant(sentence, discourse),) if r is not None]
    if discourse is not None:  # an acronym is published under the name it stands for on the page
        written = [discourse.full_name(k) for k in written]
        resolved = [replace(r, key=discourse.full_name(r.key)) for r in resolved]
    lead = [r.key for r in resolved if subj_range and not subject and subj_range[0] <= r.char_start < subj_range[1]]
    keys = tuple(dict.fromkeys([*lead, *written, *(r.key for r in resolved)]))
    if discourse is not None and rule_on("one-name-per-entity"):
        keys = _one_per_entity(keys, discourse)
    return keys, bool(subject), tuple(resolved)


def _one_per_entity(keys: Sequence[str], discourse: Discourse) -> tuple[str, ...]:
    """One name per entity, the same whichever the sentence writes first
    (where the first stood): an acronym and the name it spells or stands for
    on the page, under that name ("NASA", "National Aeronautics and Space
    Administration"); a surname and a person's full name, under the full
    name; two names of one chain of one type, under the shorter, the name
    they share ("Twitter", "Twitter Board"). Names of different types that
    share words ("Paris", "Paris Agreement") stay apart."""
    out: list[str] = []
    for k in keys:
        i = next((i for i, o in enumerate(out) if _same_entity(k, o, discourse)), None)
        if i is None:
            out.append(k)
        elif _preferred(k, out[i], discourse) == k:
            out[i] = k
    return tuple(dict.fromkeys(out))


def _spelled_out(a: str, b: str, discourse: Discourse) -> bool:
    """``a`` is an acronym of ``b`` or a surname of the person ``b``."""
    return spells(a, b) or discourse.long_form.get(a) == b or discourse.is_surname(a, b)


def _same_entity(a: str, b: str, discourse: Discourse) -> bool:
    """An acronym and its name, a surname and its person, or two names of one
    chain that NER does not tell apart by type ("Mercury", "Project Mercury";
    not the city "Paris" and the treaty "Paris Agreement")."""
    if _spelled_out(a, b, discourse) or _spelled_out(b, a, discourse):
        return True
    la, lb = discourse.own_label(a), discourse.own_label(b)
    return discourse.chain(a) == discourse.chain(b) and (la == lb or UNTYPED in (la, lb))


def _preferred(a: str, b: str, discourse: Discourse) -> str:
    """The name one entity is published under (``_one_per_entity``)."""
    if _spelled_out(a, b, discourse):
        return b
    if _spelled_out(b, a, discourse):
        return a
    return min(a, b, key=lambda n: (len(n), n))


def _titles_a_person(text: str, offset: int, m: EntityMention, people: Sequence[EntityMention]) -> bool:
    """The name (not a person's) only qualifies the title of the person named
    right after it: one to four title words between them, "of" and what
    follows it in a title too, no comma ("Tesla CEO Elon Musk", "US Secretary
    of State Antony Blinken"). ``people``: the persons the subject names (only
    a subject's qualifier goes: "met European Commission President Ursula von
    der Leyen" keeps the Commission); ``text``: the parsed sentence, which
    starts at ``offset`` in the document."""
    if m.label == "PERSON":
        return False
    nxt = next((p for p in people if p.char_start >= m.char_end), None)
    if nxt is None:
        return False
    gap = text[m.char_end - offset:nxt.char_start - offset]
    words = [w.casefold() for w in re.findall(r"[\w-]+", re.sub(r"['’]s\b", " ", gap))]
    titled = [w for w in words if w not in ("of", "the") and w not in TITLE_OF_WORDS]
    return "," not in gap and 1 <= len(words) <= 5 and bool(titled) and all(w in PERSON_TITLE_WORDS for w in titled)


def title_cased(line: str) -> bool:
    """A line of three words or more whose every word but the small function
    words starts with a capital (or a digit): a title, not a sentence."""
    words = re.findall(r"[^\W_][\w'’.&-]*", line)
    content = [w for w in words if w.casefold() not in _LINE_SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in content)


def line_participants(text: str, sentence: tuple[int, int], mentions: Sequence[EntityMention]) -> tuple[str, ...]:
    """The participants of a line the layout dates (a listing's entry, a
    labelled field, a sentence under a dated heading): the names of the line,
    on a title-cased line only a person's name or a one-word name
    (the rule "title-case-lines"). ``sentence``: the line's range in ``text``."""
    s0, e0 = sentence
    inside = [m for m in mentions if s0 <= m.char_start and m.char_end <= e0]
    if rule_on("title-case-lines") and title_cased(text[s0:e0]):
        inside = _title_line_names(inside)
    return tuple(dict.fromkeys(m.key for m in inside))


def _title_line_names(mentions: list[EntityMention]) -> list[EntityMention]:
    """The names a title-cased line may have as participants: a person's name or a one-word name."""
    return [m for m in mentions if m.label == "PERSON" or len(m.key.split()) == 1]


def _officers_organisation(m: EntityMention, subject: Sequence[EntityMention]) -> bool:
    """An organisation named before its officer's title in the clause's
    subject ("The Acme CEO announced ..."): it acts through its officer, so
    it is a participant; a name ending in a title ("Ethics Chair") is not."""
    return m in subject and m.label == "ORG" and m.key.casefold().split()[-1] not in PERSON_TITLE_WORDS


def _bare_title(text: str, offset: int, m: EntityMention, names: Sequence[EntityMention]) -> bool:
    """The name (not a person's nor a place's) is a title or only qualifies one that names
    no one after it: its last word is a title word ("Ethics Chair"), or one
    to three title words follow it with no comma and no name right after
    them ("the Acme CEO had said", "former Example Department Chairman")."""
    if m.label in ("PERSON", "GPE"):
        return False  # a place before a title names the office's seat ("a Delaware judge": its court)
    words = m.key.casefold().split()
    if len(words) > 1 and words[-1] in PERSON_TITLE_WORDS:
        return True
    after = text[m.char_end - offset:]
    title = re.match(r"(?:['’]s)?((?:[ \t]+[\w-]+){1,3})", after)
    if title is None:
        return False
    spans = list(re.finditer(r"[\w-]+", title.group(1)))
    found = [w.group().casefold() for w in spans]
    n = 0
    while n < len(found) and found[n] in PERSON_TITLE_WORDS:
        n += 1
    if n == 0 or found[n - 1] in _TITLE_PARTS:
        return False  # "Acme head office", "the Acme chief"
    end = m.char_end + title.start(1) + spans[n - 1].end()
    rest = text[end - offset:]
    return not any(o.char_start >= end and o.char_start - end <= 2 for o in names) and not re.match(r"[ \t]+[A-Z]", rest)


def _short_forms(trigger: Token, offset: int, ranges: Sequence[tuple[int, int]], names: Sequence[EntityMention],
                 discourse: Discourse) -> list[str]:
    """Capitalised words in argument slots of the clause that no name covers
    and that end one name of the page ("Agrawal announces that ..." tagged a
    common noun, on a page naming Parag Agrawal): that name."""
    out = []
    for tok in trigger.doc:
        pos = offset + tok.idx
        if tok.pos_ == "PROPN" or tok.dep_ not in _ARGUMENT_DEPS or not any(a <= pos < b for a, b in ranges) \
                or any(m.char_start <= pos < m.char_end for m in names):
            continue
        name = discourse.name_of_word(tok.text)
        if name is not None and name not in out:
            out.append(name)
    return out


def _participle_subject(trigger: Token) -> Token | None:
    """What a fronted passive participle tells of: the subject of the clause
    it opens ("Published by Hooded Horse and released in May 2025,
    Cataclismo is a game ..." -> Cataclismo, "Published in Poland in 2007,
    Ice has now been translated" -> Ice); the participle has no subject of
    its own, the thing published is the main clause's."""
    verb = trigger.head if trigger.dep_ == "conj" and trigger.head.tag_ == "VBN" else trigger
    if trigger.tag_ != "VBN" or verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.i > verb.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i), None)


def reporter_keys(trigger: Token | None, offset: int, names: Sequence[EntityMention],
                  discourse: Discourse | None = None) -> tuple[str, ...]:
    """Keys of the names that report the trigger's happening: the named
    subject of the reporting verb whose complement clause tells it
    ("Tipton said it should be running by mid 2027", "sales rose in 2019,
    Acme said" -> Tipton, Acme). The source of a statement, not a party to
    its happening: kept apart from the participants (``events.reported_by``),
    so fact identity never reads a spokesman as who did it."""
    source = _reporter(trigger) if trigger is not None and rule_on("reporter") else None
    return _names_in(source, offset, names, discourse, NON_PARTICIPANT_LABELS) if source is not None else ()


# verbs whose subject reports what their complement clause tells: the reporting verbs and those of predicting or
# sharing a finding ("Kuo has predicted that Apple will transition ...", "ClassPass shared that bookings spiked")
REPORTER_VERBS = REPORTING_VERBS | frozenset("predict estimate project forecast share argue".split())


def _reporter(trigger: Token) -> Token | None:
    """The named subject of the reporting verb whose complement clause the
    trigger's clause is; not through "according to" (a source frame) nor
    for a noun trigger's clause."""
    clause = trigger
    for _ in range(3):  # up through conjoined and open-complement verbs ("would rise and stay", "expects to grow")
        if clause.dep_ in ("conj", "xcomp") and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        else:
            break
    verb = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or verb.lemma_.lower() not in REPORTER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)


def _reported(trigger: Token) -> list[tuple[int, int]]:
    """The complement clauses whose names take part in the trigger's
    happening: what a reporting verb reports, before or after it ("said that
    he was ending the deal to buy Twitter", "..., the minister said"); what
    another verb's complement says after it, in the same clause ("decided it
    would buy Acme"), not a clause the parse hangs on it across a semicolon
    or a colon ("sold shares last week; Acme rose"). Character ranges
    relative to the parsed text."""
    reporting = trigger.lemma_.lower() in REPORTING_VERBS
    if not reporting and not (COMPLEMENT_NAMES and trigger.pos_ == "VERB"):
        return []
    out = []
    for c in trigger.children:
        if c.dep_ != "ccomp":
            continue
        after = c.i > trigger.i and not any(t.text in (";", ":") for t in trigger.doc[trigger.i + 1:c.left_edge.i])
        if reporting or after:
            out.append(subtree_range(c))
    return out


def _resolved(trigger: Token, offset: int, ranges: Sequence[tuple[int, int]], names: Sequence[EntityMention],
              discourse: Discourse, written: set[str]) -> list[Resolution]:
    """The pronouns and descriptions of the clause that stand for an entity named before."""
    out: list[Resolution] = []
    for tok in trigger.doc:
        pos = offset + tok.idx
        if not any(a <= pos < b for a, b in ranges) or any(m.char_start <= pos < m.char_end for m in names):
            continue
        res = resolve(tok, offset, discourse)
        if res is not None and discourse.chain(res.key) not in written and all(r.key != res.key for r in out):
            out.append(res)
    return out


def author_key(name: str) -> str:
    """The key of an author on a reference line: a name's form, keeping a
    leading initial that reads like an article ("A Krizhevsky")."""
    name = " ".join(name.split())
    return name.strip(" .,;:") if _INITIALS.match(name) else normalize_name(name)
