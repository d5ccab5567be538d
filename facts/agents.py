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

``named_apart`` reads a page's own telling apart: a statement with no doer
whose page names an entity in another statement of its kind a few days off,
not in it ("The first images were released yesterday at a briefing attended
by Joe Biden. This was followed today by the release of the others"): that
entity's act of the kind is the other happening, so another page's statement
with it as doer ("Biden unveiled the first image", misdated to the release
day) is not this one (``different_doers``).

``who_meets`` names who holds a meeting told with no doer: an organisation
that names the meeting, as its modifier or its of-complement ("the G20
summit", "the summit of the Group of 20"), with what it is about between
("the Marrakesh UN climate change conference"); two such meetings of one
kind named after two bodies that share no initials, and not about one thing
("climate"), are two meetings (facts.identity.cannot_link). Each name's
forms are read once (``Host``). An organisation named elsewhere in the
sentence is a topic or a place, not a host ("the summit discussed the IMF
quota reform").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.acronyms import initials, is_acronym, name_words
from facts.lexicon import lexicon
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
_NUMBER_WORDS = ("three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                 "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
                 "several dozens scores hundreds").split()
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
          r"be|been|has|have|had|will|would|said|says|say|also|not|after|before|during)\b)[a-z][a-z-]*(?<!ed)(?<!ing)){0,3}?")


@lru_cache(maxsize=1)
def _meeting_names() -> re.Pattern[str]:
    """Names a sentence gives a meeting of the meeting kind (its words: facts
    /data/happenings.toml): a name before the meeting's word, with what it is
    about between ("the G20 summit", "the Marrakesh UN climate change
    conference"), or after it and "of" ("the summit of the Group of 20")."""
    forms = sorted((w for w, c in lexicon().concept_of.items() if c == MEETING), key=lambda w: (-len(w), w))
    t = "(?i:" + "|".join(re.escape(w) for w in forms) + ")"
    return re.compile(rf"(?P<before>{_NAME_RUN})(?:'s|’s)?(?P<about>{_ABOUT})\s+{t}\b"
                      rf"|\b{t}\s+of\s+(?:the\s+)?(?P<after>{_NAME_RUN})")


@dataclass(frozen=True)
class Host:
    """A name of who holds a meeting, in the forms two names are compared by:
    its letters ("GROUPOF20"), its initials ("G20"; a name that is one acronym
    is its own: "UNFCCC"), and what the meeting is about ("climate change" of
    "the Marrakesh UN climate change conference")."""

    name: str
    letters: str
    initials: str
    about: frozenset[str] = frozenset()

    @classmethod
    def of(cls, name: str, about: frozenset[str] = frozenset()) -> Host:
        words = name_words(name)
        own = words[0] if len(words) == 1 and is_acronym(words[0]) else initials(name)
        return cls(name, re.sub(r"[^A-Za-z0-9]", "", name).upper(), own.upper(), about)


def _one_body(a: Host, b: Host) -> bool:
    """Two names of one body: alike, or one the other's initials."""
    return a.letters == b.letters or a.initials == b.letters or b.initials == a.letters or a.initials == b.initials


def _names(name: str, written: str, before: bool) -> bool:
    """``name`` (canonical) is the ``written`` name of a meeting, or its last
    words (before the meeting's word: "UN" of "Marrakesh UN ... conference")
    or its first (after "of": "the summit of the G20 leaders"), or another
    spelling of one body ("G20", written "Group of 20")."""
    n, w = name.casefold().split(), written.casefold().split()
    return (w[-len(n):] if before else w[:len(n)]) == n or _one_body(Host.of(name), Host.of(written))


def who_meets(ev: Event, concept: str | None, labels: Mapping[str, str | None]) -> dict[str, Host]:
    """Who holds a meeting: entity id -> name of each organisation that names
    a meeting of the sentence (``_meeting_names``), with what the meeting is
    about; none for another kind of happening. The caller asks only of
    statements with no doer."""
    if concept is None or concept.partition(":")[0] != MEETING:
        return {}
    named = []
    for m in _meeting_names().finditer(ev.sentence):
        written = re.sub(r"^(?:the|a|an)\s+", "", (m.group("before") or m.group("after")).rstrip("."), flags=re.I)
        if written and written[0].isupper() or written[:1].isdigit():
            named.append((written, m.group("before") is not None, frozenset((m.group("about") or "").split())))
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
    (an alias of the table is one entity already: facts/data/aliases.toml);
    or two meetings about one thing, as a place and a body may name one ("the
    UN climate conference", "the Marrakesh climate conference")."""
    return _one_body(a, b) or bool(a.about & b.about)


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


def named_apart(events: Sequence[Event], concepts: Mapping[str, str | None]) -> dict[str, frozenset[str]]:
    """Event id -> for a statement with no doer, the entities its page names
    in another statement of its kind on another day and not in it ("The first
    images were released yesterday at a briefing attended by Joe Biden. This
    was followed today by the release of the others": Biden, for today's)."""
    by_kind: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in events:
        c = concepts.get(ev.event_id)
        if c:
            by_kind[(ev.doc_id, c.partition(":")[0])].append(ev)
    out: dict[str, frozenset[str]] = {}
    for group in by_kind.values():
        for ev in group:
            if ev.agent_ids:
                continue
            others = {p for o in group if (o.date_start, o.date_end) != (ev.date_start, ev.date_end)
                      and abs((o.date_start - ev.date_start).days) <= APART_DAYS and not o.planned
                      for p in o.participant_ids}
            if others - set(ev.participant_ids):
                out[ev.event_id] = frozenset(others - set(ev.participant_ids))
    return out


def different_doers(a: Who, b: Who, labels: Mapping[str, str | None]) -> bool:
    """Two happenings: one is a counted group's act, the other one named
    member's (an agent of a type the group's members have) -- a member the
    group's statement does not name as a doer, or names as one of the group
    ("63 countries, including ... India"); not a doer beside the group ("28
    member states and New Zealand signed" is New Zealand's signing too)."""
    for x, y in ((a, b), (b, a)):
        if x.agents and not x.group and not y.agents and x.agents & y.named_apart:
            return True  # the doer-less statement's page tells the doer's part as another happening
    for group, one in ((a, b), (b, a)):
        if not group.group or one.group:
            continue
        members = {p for p in one.agents if labels.get(p) in group.member_labels}
        if members and (group.listed or members - group.agents):
            return True
    return False
