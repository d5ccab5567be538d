"""Who "it", "he" and "the agency" are: light, rule-based coreference within one page.

A dated sentence often names its actor by a pronoun or a definite
description ("It was later pushed back to October", "the company said on
Monday"). Its participant is the entity named before on the page:

- a personal pronoun in an argument slot (``he``/``she`` a person;
  ``it``/``its`` an organisation, place, product, work or law; ``they``/
  ``their`` an organisation, a place or a group) is the nearest compatible
  entity before it, searched as Hobbs' naive algorithm does without the
  parse of earlier sentences: earlier in the same sentence, then sentence by
  sentence backwards, each sentence left to right (its subject first);
- a definite description ("the telescope", "the agreement") whose head noun
  is the last word of a name named before is that name's entity (head match);
  one whose head noun names a kind of entity ("the company", "the agency",
  "the billionaire", "the country") is the nearest entity of that kind;
  failing both, the page's own topic when the description matches it.

Names of one entity are chained first (an acronym and its long form, a part
of a longer name: "Webb" and "James Webb Space Telescope", "Musk" and "Elon
Musk"), so an entity's type is what most of its mentions say and the page's
topic is the entity it names most. Pure functions of the page's text,
sentences and entity mentions; the resolution keeps where the pronoun or
description stands, so a reader can see what was resolved.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from spacy.tokens import Token

from extractors.acronyms import AcronymDefinition, acronym_key, initials, is_acronym, spells
from extractors.entities import EntityMention
from extractors.entity_rules import PERSON_TITLE_WORDS
from extractors.entity_rules import TITLE_PART_WORDS as _TITLE_PARTS
from extractors.event_rules import subtree_range

# the window an antecedent is looked for in: the sentence itself and this many before it, for a
# pronoun or a kind noun and for a description by its head noun ("the telescope"). Chosen leaving one
# facts subject out (participant F1 of the other two; windows 1, 2, 3, 5 and 3, 10, all): every fold chose 2 and 3
WINDOW_SENTENCES = 2
HEAD_MATCH_SENTENCES = 3
# a page's topic: of the entities its first sentences (headline, lede) name, the one it names most
# (at least this often, and more often than any other of them)
TOPIC_LEDE_SENTENCES = 2
TOPIC_MIN_MENTIONS = 2

# a surname is published under the person's full name on the page ("Musk" -> "Elon Musk")
SURNAME_FULL_NAME = True
# the label of a proper name the parse found where NER found none (extractors.roles): of no known type
UNTYPED = "PROPN"
_PERSON = frozenset({"PERSON"})
_THING = frozenset({"ORG", "PRODUCT", "FAC", "GPE", "LOC", "EVENT", "LAW", "WORK_OF_ART", UNTYPED})
_GROUP = frozenset({"ORG", "GPE", "NORP", UNTYPED})
# personal pronouns (subject, object and possessive forms) and the entity types they can stand for
PRONOUN_TYPES: dict[str, frozenset[str]] = {
    "he": _PERSON, "him": _PERSON, "his": _PERSON, "she": _PERSON, "her": _PERSON,
    "it": _THING, "its": _THING,
    "they": _GROUP, "them": _GROUP, "their": _GROUP,
}
# head nouns of definite descriptions that name a person: a title ("the president", "the minister", the title
# words of extractors.entity_rules, one list, but the words only part of one and "chair", as often a thing: "the
# chair" was furniture at all 5 of its uses in the main text of 1,457 WCXB dev pages) or another word for a person
PERSON_KIND_NOUNS = (PERSON_TITLE_WORDS - _TITLE_PARTS - {"chair"}) | frozenset(
    "billionaire executive entrepreneur actor actress singer author player coach".split())
# head nouns of definite descriptions that name a kind of entity, and the types of that kind
KIND_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("company", "firm", "corporation", "agency", "organisation", "organization", "group",
                     "startup", "business", "bank", "ministry", "department", "commission", "court", "union",
                     "alliance", "bloc", "platform", "network", "newspaper", "broadcaster", "institute",
                     "university", "council", "committee", "party", "club", "team", "government"),
                    frozenset({"ORG"})),
    **dict.fromkeys(sorted(PERSON_KIND_NOUNS), _PERSON),
    **dict.fromkeys(("country", "nation", "state", "city", "kingdom", "republic", "province", "region"),
                    frozenset({"GPE"})),
}
# the people of a body named by what they are ("Officials announced Thursday ...", "Authorities said"): the
# subject stands for the one body named before (officials and executives an organisation's; authorities and
# regulators a country's, not a company's: "Apple sold phones. Authorities announced ..." is not Apple); not
# with a phrase of their own after them ("officials at the airport", "regulators in Brussels"), nor when two
# bodies were named ("Tesla sued Ford. Officials announced ...": no telling whose)
MEMBERS_OF_A_BODY = True
MEMBER_NOUNS: dict[str, frozenset[str]] = {
    "official": frozenset({"ORG"}), "executive": frozenset({"ORG"}), "authority": frozenset({"GPE"}),
    "regulator": frozenset({"GPE"}),
}
# right modifiers that say whose people they are ("officials at the airport", "officials who met")
_OWN_PHRASE_DEPS = frozenset({"prep", "acl", "relcl", "appos"})
# slots in which a pronoun names a participant of its clause
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass"})
# slots of an object pronoun ("build it", "launch them"), which never stands for its own verb's subject
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "dative"})
# object forms of the pronouns read in an object slot (not the possessives "its", "their", "his")
_OBJECT_FORMS = frozenset({"it", "them", "him", "her"})
# argument slots in which a description names a participant of the clause
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "pobj", "agent", "dative"})


class Via(StrEnum):
    """How a participant named by no name of its own was resolved."""

    PRONOUN = "pronoun"  # "it", "he", "their"
    DESCRIPTION = "description"  # "the agency", "the telescope"
    TOPIC = "topic"  # a statement naming no one: the page's topic takes part ("The previous target date was next March")


@dataclass(frozen=True, slots=True)
class Resolution:
    """A participant the sentence names by a pronoun or a description."""

    key: str  # the entity's mention key (the name it was resolved to)
    char_start: int  # the pronoun or description, offsets into the document text
    char_end: int
    via: Via
    antecedent_start: int  # where that name stands before it in the document


@dataclass(frozen=True)
class Discourse:
    """The page's entities in reading order, chained by name, with each
    chain's type and the page's topic: what resolution looks back on."""

    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[EntityMention, ...]  # sorted by position
    chain_of: dict[str, str] = field(default_factory=dict)  # mention key -> the chain's name (its longest key)
    label_of: dict[str, str] = field(default_factory=dict)  # chain name -> the type most of its mentions have
    topic: str | None = None  # the chain the page names most, when it stands out
    long_form: dict[str, str] = field(default_factory=dict)  # acronym -> the name it stands for on the page
    lexicon: frozenset[str] = frozenset()  # the language's common words (extractors.nlp.lexicon_words)
    capitalised: dict[str, int] = field(default_factory=dict)  # how often the page writes each capitalised word

    @cached_property
    def _ner_keys(self) -> frozenset[str]:
        return frozenset(m.key for m in self.mentions if m.label != UNTYPED)

    def common_word(self, name: str) -> bool:
        """A lone capitalised common word ("Controversy", "Rises", "Signatories")
        that NER takes for a name nowhere on the page and the page writes once:
        no name ("Twitter", "Musk", words of the lexicon too, are names where NER
        names them or the page writes them again)."""
        low = name.casefold()
        if not low.isalpha() or name in self._ner_keys or self.capitalised.get(name, 0) > 1:
            return False
        forms = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low,
                 low[:-3] + "y" if low.endswith("ies") else low}
        return bool(forms & self.lexicon)

    def own_label(self, key: str) -> str:
        """The type most mentions of this very name have (not its chain's): UNTYPED when NER tags none."""
        return self._own_labels.get(key, UNTYPED)

    @cached_property
    def _own_labels(self) -> dict[str, str]:
        counts: dict[str, Counter] = {}
        for m in self.mentions:
            if m.label != UNTYPED:
                counts.setdefault(m.key, Counter())[m.label] += 1
        return {k: c.most_common(1)[0][0] for k, c in counts.items()}

    def also_a_thing(self, key: str) -> bool:
        """A one-word name that NER tags, somewhere on the page, as something
        other than a person ("Twitter", tagged a person once and a company
        elsewhere)."""
        root = self.chain(key)
        return " " not in root and root in self._thing_names

    @cached_property
    def _thing_names(self) -> frozenset[str]:
        return frozenset(self.chain(m.key) for m in self.mentions if m.label not in ("PERSON", UNTYPED))

    def sentence_index(self, pos: int) -> int:
        starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def label(self, key: str) -> str | None:
        return self.label_of.get(self.chain(key))

    def chain(self, key: str) -> str:
        """The chain's name of a mention key (the key itself when it is in no chain)."""
        return self.chain_of.get(key, key)

    def name_of_word(self, word: str) -> str | None:
        """The one name of the page, of two words or more, that ends in this
        capitalised word ("Agrawal" on a page naming Parag Agrawal): the
        word is that name's short form, whatever the tagger made of it."""
        if not word[:1].isupper() or not word[1:].islower() or len(word) < 3:
            return None
        names = self._names_by_last_word.get(word, set())
        return next(iter(names)) if len(names) == 1 else None

    @cached_property
    def _names_by_last_word(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in self.mentions:
            words = m.key.split()
            if m.label != UNTYPED and len(words) >= 2:
                out.setdefault(words[-1], set()).add(self.chain(m.key))
        return out

    def full_name(self, key: str) -> str:
        """The name an acronym stands for on this page ("JWST" -> "James Webb
        Space Telescope", defined or spelled by a longer name's initials); a
        person's surname the full name the page gives them ("Musk" -> "Elon
        Musk"); any other key as it is: a participant is published under its
        full name."""
        long = self.long_form.get(key)
        if long is not None:  # the long form itself, not a longer name of its chain that holds it
            return long
        root = self.chain(key)
        if SURNAME_FULL_NAME and root != key and self.is_surname(key, root):
            return root
        return key

    def is_surname(self, short: str, full: str) -> bool:
        """``short`` is the last word of ``full``, a person's name of this page ("Musk", "Elon Musk")."""
        words = full.split()
        return " " not in short and len(words) >= 2 and words[-1] == short and self.label(full) == "PERSON"


def _long_forms(mentions: Sequence[EntityMention], acronyms: Sequence[AcronymDefinition],
                spelled: dict[str, str]) -> dict[str, str]:
    """Each acronym of the page with the name it stands for: defined ("Long
    Form (ACR)") or spelled by the initials of one name of the page
    (``spelled``: ``_initialisms`` of the page's keys)."""
    keys = {m.key for m in mentions}
    out = {a.short: a.long for a in acronyms if a.short in keys and a.long in keys}
    return {**spelled, **out}


def _chains(mentions: Sequence[EntityMention], acronyms: Sequence[AcronymDefinition],
            spelled: dict[str, str]) -> dict[str, str]:
    """Each mention key's chain: an acronym joins its long form; a name whose
    words are all words of exactly one longer name (or of longer names of one
    chain) joins it, however often each is named ("Webb" -> "James Webb Space
    Telescope", "Musk" -> "Elon Musk"); not when two longer names of different
    chains hold it ("Twitter" beside "Twitter Board" and "Twitter UK Limited")."""
    keys = sorted({m.key for m in mentions}, key=lambda k: (-len(_words(k)), -len(k), k))
    words = {k: _words(k) for k in keys}
    chain: dict[str, str] = {}
    for k in keys:
        longer = [c for c in keys if len(words[c]) > len(words[k]) and set(words[k]) <= set(words[c])]
        roots = {chain.get(c, c) for c in longer}
        chain[k] = roots.pop() if len(roots) == 1 else k
    pairs = [(acr.short, acr.long) for acr in acronyms]
    defined = {a.short for a in acronyms}
    pairs += [(k, spelled[k]) for k in keys if k in spelled and k not in defined]
    for short, long in pairs:
        long_root = chain.get(long)
        if long_root is not None and short in chain:
            for k, v in list(chain.items()):
                if v == chain[short] or k == short:
                    chain[k] = long_root
    return chain


def _initialisms(keys: Sequence[str]) -> dict[str, str]:
    """Acronyms the page uses without defining them, each with the one longer
    name of the page whose initials it spells ("JWST" on a page that names the
    James Webb Space Telescope): a page's short name for it. An acronym two
    names spell joins neither."""
    by_initials: dict[str, list[str]] = {}
    for c in keys:  # each key's initials once, not once per pair of keys
        by_initials.setdefault(initials(c), []).append(c)
    out: dict[str, str] = {}
    for k in keys:
        if not is_acronym(k):
            continue
        spelled = [c for c in by_initials.get(acronym_key(k), ()) if c != k and spells(k, c)]
        if len(spelled) == 1:
            out[k] = spelled[0]
    return out


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", name.casefold())


_CAPITALISED = re.compile(r"(?<![\w-])([A-Z][a-z]+)(?![\w-])")
_PROSE_WORD = re.compile(r"(?<![\w.@/#-])([a-z]+)(?![\w@/-]|\.\w)")


def prose_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case as words of its prose ("the
    telescope"), not inside an address or a handle ("pic.twitter.com")."""
    return frozenset(_PROSE_WORD.findall(text))


def _retyped(root: str, label: str, common: frozenset[str]) -> str:
    """A name NER took for a person whose last word the page also writes as a
    common noun ("James Webb Space Telescope" on a page about "the
    telescope") names a thing: of no known type."""
    words = root.split()
    if label == "PERSON" and len(words) >= 2 and words[-1].casefold() in common:
        return UNTYPED
    return label


def page_discourse(sentences: Sequence[tuple[int, int]], mentions: Sequence[EntityMention],
                   acronyms: Sequence[AcronymDefinition] = (), text: str = "",
                   lexicon: frozenset[str] = frozenset()) -> Discourse:
    """What coreference needs of a page: built once, read by every dated sentence
    (``text``, the page's text: a person's name ending in a common noun of the page is a thing's)."""
    ordered = tuple(sorted(mentions, key=lambda m: (m.char_start, m.char_end)))
    common = prose_words(text)
    spelled = _initialisms(sorted({m.key for m in ordered}))  # once per page: chains and long forms read it
    chain_of = _chains(ordered, acronyms, spelled)
    labels: dict[str, Counter] = {}
    counts: Counter = Counter()
    for m in ordered:
        root = chain_of.get(m.key, m.key)
        labels.setdefault(root, Counter())[m.label] += 1
        counts[root] += 1
    # a chain's type: what NER says of most of its mentions (a name only the parse found has none)
    label_of = {root: _retyped(root, next((lb for lb, _ in c.most_common() if lb != UNTYPED), UNTYPED), common)
                for root, c in labels.items()}
    # the topic: of the entities the headline or lede names, the one the page names most
    ordered_sentences = sorted(sentences)
    lede_end = ordered_sentences[min(len(ordered_sentences), TOPIC_LEDE_SENTENCES) - 1][1] if ordered_sentences else 0
    in_lede = {chain_of.get(m.key, m.key) for m in ordered if m.char_end <= lede_end}
    ranked = sorted((root for root in in_lede if counts[root] >= TOPIC_MIN_MENTIONS), key=lambda r: -counts[r])
    topic = ranked[0] if ranked and (len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]) else None
    return Discourse(tuple(sorted(sentences)), ordered, chain_of, label_of, topic, _long_forms(ordered, acronyms, spelled), lexicon,
                     dict(Counter(_CAPITALISED.findall(text))))


def topic_participant(sentence: tuple[int, int], discourse: Discourse) -> Resolution | None:
    """A statement that names no participant at all tells of the page's topic
    (its most named entity, when it stands out): the resolution spans the
    whole sentence, which names it only by being on the page."""
    if discourse.topic is None:
        return None
    first = next((m for m in discourse.mentions if discourse.chain(m.key) == discourse.topic), None)
    return Resolution(discourse.topic, sentence[0], sentence[1], Via.TOPIC, first.char_start if first else -1)


def anaphor_kind(tok: Token) -> tuple[Via, frozenset[str] | None, str] | None:
    """Whether ``tok`` names an entity without a name: a personal pronoun or
    the head of a definite description, with the types it allows (None: any,
    by head match) and its head word."""
    if tok.dep_ not in ARGUMENT_DEPS:
        return None
    low = tok.lower_
    if tok.pos_ == "PRON" and low in PRONOUN_TYPES and not _quoted(tok):
        # a subject, or the possessor of a subject or of an event noun ("its launch"); a
        # pronoun deeper in the clause is most often bound by the clause's own subject
        if tok.dep_ in PRONOUN_DEPS or (tok.dep_ == "poss" and tok.head.dep_ in PRONOUN_DEPS | {"ROOT"}):
            return Via.PRONOUN, PRONOUN_TYPES[low], low
        if OBJECT_PRONOUNS and tok.dep_ in OBJECT_PRONOUN_DEPS and low in _OBJECT_FORMS:
            return Via.PRONOUN, PRONOUN_TYPES[low], low
        return None
    if MEMBERS_OF_A_BODY and tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_.lower() in MEMBER_NOUNS \
            and tok.dep_ in PRONOUN_DEPS and not any(t.pos_ in ("PROPN", "ADJ") or t.dep_ in ("poss", "compound")
                                                     for t in tok.lefts) \
            and not any(t.dep_ in _OWN_PHRASE_DEPS for t in tok.rights):
        return Via.DESCRIPTION, MEMBER_NOUNS[tok.lemma_.lower()], tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    left = list(tok.lefts)
    if not left or left[0].lower_ != "the" or any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in left):
        return None
    if any(t.dep_ == "compound" and not _hyphenated(t) for t in left):
        return None  # "the launch window": a compound names a thing of its own
    return Via.DESCRIPTION, KIND_NOUNS.get(tok.lemma_.lower()), tok.lemma_.lower()


def _hyphenated(tok: Token) -> bool:
    """The last part of a hyphenated modifier ("the next-generation telescope"):
    it describes the noun, it does not name another thing."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in "-‐‑" and tok.doc[tok.i - 1].idx + 1 == tok.idx


_QUOTES = frozenset('"“”')


def _quoted(tok: Token) -> bool:
    """The token stands inside a quotation of its sentence: the quoted speaker's
    "it" or "they" is theirs, not the page's."""
    before = tok.doc[tok.sent.start:tok.i]
    return sum(t.text in _QUOTES for t in before) % 2 == 1


def _candidates(discourse: Discourse, start: int, window: int) -> list[EntityMention]:
    """The mentions an anaphor at ``start`` may refer back to, in the order they
    are tried: its own sentence before it, then each of the ``window``
    sentences before it, each left to right (its subject first)."""
    here = discourse.sentence_index(start)
    first = discourse.sentences[max(0, here - window)][0] if discourse.sentences else 0
    before = [m for m in discourse.mentions if first <= m.char_start and m.char_end <= start]
    own_start = discourse.sentences[here][0] if discourse.sentences else 0
    out = [m for m in before if m.char_start >= own_start]
    for i in range(here - 1, max(-1, here - 1 - window), -1):
        s, e = discourse.sentences[i]
        out += [m for m in before if s <= m.char_start < e]
    return out


def _page_head_match(discourse: Discourse, start: int, head: str) -> EntityMention | None:
    """Beyond the window, the entity the page named before by a name with that
    head noun, named most often on the page ("the telescope" on a page that
    named the James Webb Space Telescope twice and the Hubble Space Telescope
    once); a tie names none."""
    before = [m for m in discourse.mentions if m.char_end <= start and _words(m.key)[-1:] == [head]]
    roots = {discourse.chain(b.key) for b in before}
    counts = Counter(r for r in (discourse.chain(m.key) for m in discourse.mentions) if r in roots)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return next(m for m in reversed(before) if discourse.chain(m.key) == ranked[0][0])


def _own_description(pronoun: Token, offset: int, discourse: Discourse, types: frozenset[str]) -> Resolution | None:
    """The first definite description before the pronoun in its own sentence
    that stands for an entity of a type the pronoun allows."""
    for t in pronoun.doc[:pronoun.i]:
        kind = anaphor_kind(t)
        if kind is None or kind[0] is not Via.DESCRIPTION:
            continue
        res = resolve(t, offset, discourse)
        if res is not None and discourse.label(res.key) in types:
            return res
    return None


# a personal pronoun ("he", "she") resolved to no one-word name the page also tags as a thing
# (Discourse.also_a_thing; "Musk met Cook. He said ..." is still Cook): participant F1 on the facts subjects
# JWST / Paris / Twitter off 0.677 / 0.638 / 0.752, on 0.677 / 0.638 / 0.756; no subject lower
PERSON_NAMED_IN_FULL = True
# an object pronoun resolved as a subject one is, minus its verb's subject (binding: "NASA launched it" is not NASA)
OBJECT_PRONOUNS = True


def _own_subject_chains(tok: Token, offset: int, discourse: Discourse) -> set[str]:
    """The entities the subject of an object pronoun's verb names: what the pronoun cannot stand for."""
    subj = next((c for c in tok.head.children if c.dep_ in PRONOUN_DEPS), None) if tok.dep_ in OBJECT_PRONOUN_DEPS else None
    if subj is None:
        return set()
    a, b = subtree_range(subj)
    return {discourse.chain(m.key) for m in discourse.mentions if offset + a <= m.char_start and m.char_end <= offset + b}


def resolve(tok: Token, offset: int, discourse: Discourse) -> Resolution | None:
    """The entity a pronoun or definite description (``tok``, in a sentence
    parsed from document offset ``offset``) stands for, or None."""
    kind = anaphor_kind(tok)
    if kind is None:
        return None
    via, types, head = kind
    if via is Via.DESCRIPTION:
        start = offset + tok.left_edge.idx
    else:
        start = offset + tok.idx
    end = offset + tok.idx + len(tok.text)
    head_match = via is Via.DESCRIPTION and types is None
    candidates = _candidates(discourse, start, HEAD_MATCH_SENTENCES if head_match else WINDOW_SENTENCES)
    if head_match:
        # the page's topic first when its head is the description's ("the telescope" on a page about
        # one telescope is that one, even right after another is named), else the nearest name with that head
        if discourse.topic is not None and _words(discourse.topic)[-1:] == [head]:
            first = next((m.char_start for m in discourse.mentions if discourse.chain(m.key) == discourse.topic), -1)
            return Resolution(discourse.topic, start, end, via, first)
        found = next((m for m in candidates if _words(m.key)[-1:] in ([head], [head + "s"])), None)
        if found is None:
            found = _page_head_match(discourse, start, head)
    else:
        # a kind noun that is the head of a name named before is that name ("the agency" after the
        # Environmental Protection Agency), else the nearest entity of its kind
        found = None
        if via is Via.DESCRIPTION:
            found = next((m for m in _candidates(discourse, start, HEAD_MATCH_SENTENCES)
                          if _words(m.key)[-1:] in ([head], [head + "s"])), None)
        if via is Via.PRONOUN:
            barred = _own_subject_chains(tok, offset, discourse)
            candidates = [m for m in candidates if discourse.chain(m.key) not in barred]
        if found is None and PERSON_NAMED_IN_FULL and types == _PERSON:
            # "he" or "she" stands for no one-word name the page also tags as a thing ("Twitter", a
            # person to the tagger once and a company elsewhere); a surname ("Cook") stays an antecedent
            candidates = [m for m in candidates if not discourse.also_a_thing(m.key)]
        if found is None:
            found = next((m for m in candidates if discourse.label(m.key) in (types or ())), None)
        if found is not None and via is Via.DESCRIPTION and tok.tag_ == "NNS" and head in MEMBER_NOUNS \
                and len({discourse.chain(m.key) for m in candidates
                         if discourse.label(m.key) in (types or frozenset()) | {UNTYPED}}) > 1:
            found = None  # the people of one of two bodies (one maybe a name NER left untyped): no telling which
        if via is Via.PRONOUN:
            # its own sentence first, a description there as much as a name ("The telescope was first
            # planned in the 1990s, and the contracts to build it came in 2002")
            own = _own_description(tok, offset, discourse, types or frozenset())
            if own is not None and (found is None or found.char_start < offset or own.char_start < found.char_start):
                return Resolution(own.key, start, end, via, own.antecedent_start)
    if found is None:
        return None
    # the name as it stands there ("NASA"), not its chain's longest ("NASA Goddard Space Flight Center")
    return Resolution(found.key, start, end, via, found.char_start)
