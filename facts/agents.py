"""Who did it: a statement's WHO signature, and when two signatures name
different doers of one happening.

A statement's signature (``Who``) is read from what the reading gives it
(``Event.agent_ids``: the entities of the trigger's agent phrase, canonical
across pages by facts.entities) and from its own words:

- ``agents``: the canonical entities that did it, what the pages are about
  included (``Musk asked the court to stay the trial``: Musk). Which
  entities the pages are about depends on the pages of the run: a doer left
  out when it is part of that topic made a fact split or join as unrelated
  pages came and went. A statement
  naming its doer as one member of a counted group ("the U.S., one of 194
  countries to sign") has that member as its agent;
- ``group``: the doer is a counted group ("63 countries, including ... India,
  had ratified", "more than 190 nations had agreed"), whatever members it
  names: a count of a group's acts is not one member's act (``listed``: the
  members it names are named as in the group, "including ...");
- ``member_labels``: the entity types a member of that group has (countries
  are GPEs, companies ORGs).

``different_doers`` tells two signatures apart: a counted group and one named
member of it (the group's adoption is not the U.S.'s signature; "63 countries
had ratified" by 4 October is not India's ratification of 2 October). Two
named doers that differ are the identity rules' own test
(facts.identity.cannot_link): a doer is often misread or named by another
entity of its side (a company and its chief executive), and one page's
statements of one day share a cast.

``named_apart`` reads a page's own telling apart: a statement with no doer,
dated to a day, whose page names people in another statement of its kind
with no doer, on another day a few days off ("The first images were
released yesterday at a briefing attended by Joe Biden. The rest came out
today"): their act of the kind is the other
happening, so another page's statement with them as its every doer ("Biden
unveiled the first image", misdated to the release day) is not this one
(``different_doers``). What the pages are about and a doer acting on both
days ("NASA released the first image on Monday") set nothing apart.

``who_meets`` names who holds a meeting told with no doer: an organisation
that names the meeting, as its modifier or its of-complement ("the G20
summit", "the summit of the Group of 20"), with what it is about between
("the Marrakesh UN climate change conference"); two such meetings of one
kind named after two bodies, neither spelling the other (G7, "Group of
Seven") nor the other written with its place ("UN", "Marrakesh UN"), are
two meetings (facts.identity.cannot_link), unless one host may be a place
the tagger calls an organisation and the two are about one thing
(``one_host``). An organisation named elsewhere in the sentence is a topic
or a place, not a host ("the summit discussed the IMF quota reform").
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from importlib import resources

from extractors.acronyms import is_acronym, name_words, spells
from extractors.calendar_words import CARDINAL_WORDS
from extractors.types import Precision
from facts.lexicon import base_concept, page_kind
from facts.model import Event

# Collective nouns of counted doers, with the entity types of their members.
GROUP_MEMBERS: dict[str, frozenset[str]] = {
    "countries": frozenset({"GPE", "NORP"}),
    "nations": frozenset({"GPE", "NORP"}),
    "states": frozenset({"GPE", "NORP"}),
    "governments": frozenset({"GPE", "NORP", "ORG"}),
    "parties": frozenset({"GPE", "NORP", "ORG"}),
    "signatories": frozenset({"GPE", "NORP", "ORG"}),
    "members": frozenset({"GPE", "NORP", "ORG", "PERSON"}),
    "companies": frozenset({"ORG"}),
    "firms": frozenset({"ORG"}),
    "banks": frozenset({"ORG"}),
}
# a number written as a word -> its digits (zero to twenty, the tens to ninety, hundred, thousand)
_NUMBER_WORDS_DIGITS = {w: str(n) for w, n in CARDINAL_WORDS.items()}
# the words of a count of a group: a number from three, or a word of many
_NUMBER_WORDS = [w for w, n in CARDINAL_WORDS.items() if n >= 3] + "several dozens scores hundreds".split()
# "63 countries", "more than 190 nations", "some 40 parties", "dozens of companies", "among the 195
# parties"; a count of two names the two sides ("the two companies"), not a group; a four-digit number
# without a thousands comma is a year ("in 2016 nations adopted"), not a count; one lower-case word
# may qualify the noun ("27 member states")
COUNTED_GROUP = re.compile(
    r"\b(?P<lead>among|one of)?\s*(?:the |its |their )?"
    r"(?:(?:more|fewer|less) than |over |nearly |almost |about |around |some |at least |all )?"
    r"(?P<count>\d{1,3}(?:,\d{3})*(?!\d)|(?:" + "|".join(_NUMBER_WORDS) + r")(?:-\w+)?)(?: of)? "
    r"(?-i:(?:(?!the |its |their )[a-z-]+ )?)"
    r"(?P<noun>" + "|".join(GROUP_MEMBERS) + r")\b",
    re.IGNORECASE,
)
# a definite small group names known sides, not a count: "the two companies", "both parties"
_DEFINITE = re.compile(r"\b(?:the|both|these|those|its|their)\s*$", re.IGNORECASE)

# members named as in the group, right after it: "63 countries, including USA, China and India"
LISTED = re.compile(r",?\s*(?:including|such as|among them|among which|of which)\b", re.IGNORECASE)


# the kind of happening whose naming organisation is who holds it (facts/data/happenings.toml)
MEETING = "meet"
MEETING_HOSTS = frozenset({"ORG"})  # the tagger's places (GPE) are where a meeting is, not who holds it
# a written name: capitalised words, numbers, and the function words inside a name ("Group of 20")
_NAME_RUN = r"[A-Z0-9][\w&.’'-]*(?:\s+(?:of|for|and|on|the|de)\s+[A-Z0-9][\w&.’'-]*|\s+[A-Z0-9][\w&.’'-]*)*"
# what a meeting is about, between its host's name and its noun ("climate change"): at most three lower-case
# words, no function word, auxiliary or verb form ("the UN said the conference" names no conference)
_ABOUT = (r"(?:\s+(?!(?:the|a|an|its|their|his|her|this|that|to|of|and|or|with|by|on|in|for|at|as|is|was|are|were|"
          r"be|been|has|have|had|will|would|said|says|say|also|not|after|before|during)\b)[a-z][a-z-]*(?<!ed)(?<!ing)){0,3}")
# the kind's verbs have a doer, not a name ("The company met analysts"; "a host of"): a meeting's name is a noun's
_MEETING_VERBS = frozenset({"meet", "met", "convene", "host"})
NAME_WINDOW = 12  # a meeting's name before its word is at most this many words (a bounded look back)
# the words a name is not made of alone ("The" of "The company met"; an acronym of them would match anything)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
# words of what a meeting is about that any meeting may have ("the UN annual meeting", "the NATO annual summit")
_GENERIC_ABOUT = frozenset({"annual", "emergency", "first", "second", "third", "last", "final", "special", "regular",
                            "extraordinary", "informal", "high-level", "plenary", "ministerial", "leaders", "general",
                            "next", "new", "joint", "official", "virtual"})


@lru_cache(maxsize=1)
def _meeting_words() -> re.Pattern[str]:
    """The nouns that name a meeting of the meeting kind, as listed in facts
    /data/happenings.toml (its verbs left out), with their plurals."""
    listed = tomllib.loads(resources.files("facts").joinpath("data/happenings.toml").read_text(encoding="utf-8"))
    nouns = {w.lower() for w in listed["concepts"][MEETING] if w.lower() not in _MEETING_VERBS}
    forms = sorted(nouns | {w + "s" for w in nouns if not w.endswith("s")}, key=lambda w: (-len(w), w))
    return re.compile(r"\b(?i:" + "|".join(re.escape(w) for w in forms) + r")\b")


_BEFORE = re.compile(rf"(?P<before>{_NAME_RUN})(?:'s|’s)?(?P<about>{_ABOUT})\s+$")
_WORD = re.compile(r"\S+")
_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?P<after>{_NAME_RUN})")


def _meeting_names(sentence: str) -> list[tuple[str, bool, frozenset[str]]]:
    """Names a sentence gives a meeting (its words: ``_meeting_words``), with
    whether the name stands before the word and what the meeting is about
    (its words any meeting may have left out): a name before it, with what it
    is about between ("the G20 summit", "the Marrakesh UN climate change
    conference"), read back at most ``NAME_WINDOW`` words; or after it and
    "of" ("the summit of the Group of 20")."""
    out = []
    for m in _meeting_words().finditer(sentence):
        lead = sentence[max(0, m.start() - 40 * NAME_WINDOW):m.start()]
        words = list(_WORD.finditer(lead))
        b = _BEFORE.search(lead[words[-NAME_WINDOW].start() if len(words) >= NAME_WINDOW else 0:])
        if b:
            out.append((b.group("before"), True, frozenset(b.group("about").split()) - _GENERIC_ABOUT))
        a = _AFTER.match(sentence, m.end())
        if a:
            out.append((a.group("after"), False, frozenset()))
    return out


def _digits(name: str) -> str:
    """The name with its numbers written as digits ("Group of Seven" -> "Group of 7")."""
    return re.sub(r"[A-Za-z]+", lambda m: _NUMBER_WORDS_DIGITS.get(m.group().lower(), m.group()), name)


@dataclass(frozen=True)
class Host:
    """A name of who holds a meeting, in the forms two names are compared by:
    its letters ("GROUPOF20"), its numbers as digits ("Group of Seven" ->
    "Group of 7"), its words, and what the meeting is about ("ocean" of "the
    Tromso ocean conference")."""

    name: str
    letters: str
    digits: str
    words: tuple[str, ...]
    about: frozenset[str] = frozenset()

    @classmethod
    def of(cls, name: str, about: frozenset[str] = frozenset()) -> Host:
        digits = _digits(name)
        return cls(name, re.sub(r"[^A-Za-z0-9]", "", digits).upper(), digits,
                   tuple(w.casefold() for w in name_words(name)), about)

    @property
    def may_be_a_place(self) -> bool:
        """One word that is no acronym: a city the tagger may call an
        organisation ("Tromso"), not a body's name ("UN", "Group of 20")."""
        return len(self.words) == 1 and not is_acronym(self.name)


def _one_body(a: Host, b: Host) -> bool:
    """Two names of one body: alike, or one spells the other
    (extractors.acronyms.spells: "G7", "Group of Seven")."""
    return a.letters == b.letters or spells(a.name, b.digits) or spells(b.name, a.digits)


def _names(name: str, written: str, before: bool) -> bool:
    """``name`` (canonical) is the ``written`` name of a meeting, or its last
    words (before the meeting's word: "UN" of "Marrakesh UN ... conference")
    or its first (after "of": "the summit of the G20 leaders"), or another
    spelling of one body ("G20", written "Group of 20")."""
    n, w = name.casefold().split(), written.casefold().split()
    return (w[-len(n):] if before else w[:len(n)]) == n or _one_body(Host.of(name), Host.of(written))


def who_meets(ev: Event, concept: str | None, labels: Mapping[str, str | None]) -> dict[str, Host]:
    """Who holds a meeting: entity id -> ``Host`` of each organisation that names
    a meeting of the sentence (``_meeting_names``); none for another kind of
    happening. The caller asks only of statements with no doer."""
    if concept is None or base_concept(concept) != MEETING:
        return {}
    named = []
    for found, before, about in _meeting_names(ev.sentence):
        written = re.sub(r"^(?:the|a|an)\s+", "", found.rstrip("."), flags=re.I)
        if written and any(w.casefold() not in _FUNCTION_WORDS for w in name_words(written)):
            named.append((written, before, about))
    out: dict[str, Host] = {}
    for pid, name in zip(ev.participant_ids, ev.participants):
        if labels.get(pid) not in MEETING_HOSTS:
            continue
        for written, before, about in named:
            if _names(name, written, before):
                out[pid] = Host.of(name, about)
                break
    return out


def one_host(a: Host, b: Host) -> bool:
    """Two names of hosts that may be one body: one is the other's initials
    (an alias of the table is one entity already: facts/data/aliases.toml),
    or one name ends in the other, the host written with its place ("the
    Marrakesh UN climate conference", "the UN climate conference"); or a
    host that may be a place the tagger calls an organisation, of a meeting
    about one thing ("the UN ocean conference", "the Tromso ocean
    conference"). Two meetings about one thing held by two bodies ("the
    Marrakesh UN climate change conference", "the Paris UN climate change
    conference"; "the UN annual meeting", "the NATO annual summit") are two."""
    short, long = sorted((a.words, b.words), key=len)
    return (_one_body(a, b) or (bool(short) and long[-len(short):] == short)
            or ((a.may_be_a_place or b.may_be_a_place) and bool(a.about & b.about)))


@dataclass(frozen=True)
class Who:
    agents: frozenset[str] = frozenset()  # entity ids of who did it (what the pages are about included)
    group: bool = False  # the doer is a counted group
    member_labels: frozenset[str] = frozenset()  # entity types of that group's members
    listed: bool = False  # the group's members it names are listed as in it ("including ...")
    # no doer: the entities its page names in another statement of its kind on another day, not in it
    named_apart: frozenset[str] = frozenset()


NOBODY = Who()


def who_of(ev: Event, clause: str, labels: Mapping[str, str | None]) -> Who:
    """The statement's signature, from its agents (``Event.agent_ids``) and
    its own words (``clause``: facts.events.statement_clause). A counted
    group is the doer only when it comes before the trigger ("63 countries
    had ratified"; not "Musk secured financing from 7 banks"), and not a
    definite small one ("the two companies": the sides already named)."""
    agents = frozenset(ev.agent_ids)
    at = clause.find(ev.trigger_text) if ev.trigger_text else -1
    for m in COUNTED_GROUP.finditer(clause):
        if at >= 0 and m.start("count") > at:
            break
        members = GROUP_MEMBERS[m.group("noun").lower()]
        if m.group("lead"):
            # one of a group ("was among the nations that signed"): when the
            # parse found no doer, the only participant of a member's type
            # (none when several could be: "In Paris, the U.S. was among ...")
            if not agents:
                fits = {p for p in ev.participant_ids if labels.get(p) in members}
                agents = frozenset(fits) if len(fits) == 1 else agents
            return Who(agents=agents)
        if _DEFINITE.search(clause, 0, m.start()):
            continue
        return Who(agents=agents, group=True, member_labels=members,
                   listed=bool(LISTED.match(clause, m.end())))
    return Who(agents=agents)


APART_DAYS = 7  # another statement of the page's kind at most this many days off tells a happening of its own


def _apart_doers(o: Event, topic: frozenset[str], labels: Mapping[str, str | None]) -> frozenset[str]:
    """Whose part another statement of the page tells apart: the people a
    statement with no doer names ("... at a briefing attended by Joe Biden
    and Kamala Harris"), what the pages are about left out. A doer's act on
    another day is no other happening: the agency that released the first
    image on Monday releases the rest today."""
    if o.agent_ids:
        return frozenset()
    return frozenset(p for p in o.participant_ids if labels.get(p) == "PERSON") - topic


def named_apart(events: Sequence[Event], concepts: Mapping[str, str | None],
                labels: Mapping[str, str | None] | None = None,
                topic: frozenset[str] = frozenset()) -> dict[str, frozenset[str]]:
    """Event id -> for a statement with no doer, dated to a day, whose part
    its page gives to someone else in another statement of its kind on
    another day a few days off ("The first images were released yesterday
    at a briefing attended by Joe Biden. The rest came out
    today": Biden, for today's), the ones it gives it to:
    the people that statement names, not in this one.
    What the pages are about (``topic``: the agency releasing image after
    image) sets nothing apart."""
    labels = labels or {}
    by_kind: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in events:
        c = concepts.get(ev.event_id)
        if c and ev.precision == Precision.DAY:
            by_kind[page_kind(ev.doc_id, c)].append(ev)
    out: dict[str, frozenset[str]] = {}
    for group in by_kind.values():
        group.sort(key=lambda e: e.date_start)
        starts = [e.date_start for e in group]
        for ev in group:
            if ev.agent_ids:
                continue
            lo = bisect_left(starts, ev.date_start - timedelta(days=APART_DAYS))
            hi = bisect_right(starts, ev.date_start + timedelta(days=APART_DAYS))
            others = {p for o in group[lo:hi] if o.date_start != ev.date_start and not o.planned
                      for p in _apart_doers(o, topic, labels)} - set(ev.participant_ids)
            if others:
                out[ev.event_id] = frozenset(others)
    return out


def different_doers(a: Who, b: Who, labels: Mapping[str, str | None]) -> bool:
    """Two happenings: one is a counted group's act, the other one named
    member's (an agent of a type the group's members have) -- a member the
    group's statement does not name as a doer, or names as one of the group
    ("63 countries, including ... India"); not a doer beside the group ("28
    member states and New Zealand signed" is New Zealand's signing too)."""
    for x, y in ((a, b), (b, a)):
        if x.agents and not x.group and not y.agents and x.agents <= y.named_apart:
            return True  # the doer-less statement's page gives every doer's part to another happening
    for group, one in ((a, b), (b, a)):
        if not group.group or one.group:
            continue
        members = {p for p in one.agents if labels.get(p) in group.member_labels}
        if members and (group.listed or members - group.agents):
            return True
    return False
