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

``who_meets`` names who holds a meeting told with no doer: an organisation
that names the meeting, as its modifier or its of-complement ("the G20
summit", "the summit of the Group of 20"); two such meetings of one kind
named after two bodies that share no initials are two meetings (facts.identity
.cannot_link). An organisation named elsewhere in the sentence is a topic or a
place, not a host ("the summit discussed the IMF quota reform").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

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
# the nouns of that kind that name a meeting (its verbs, "met", "convene", have a doer instead)
_MEETING_NOUN = r"(?:meetings?|summits?|talks|conferences?|briefings?)"


def _names_meeting(name: str, sentence: str) -> bool:
    """``name`` is a meeting noun's own modifier ("the G20 summit") or its
    of-complement ("the summit of the G20"); a word between ("the UN climate
    conference") is not read."""
    n, t = re.escape(name), _MEETING_NOUN
    return bool(re.search(rf"\b{n}(?:'s|’s)?\s+{t}\b|\b{t}\s+of\s+(?:the\s+)?{n}\b", sentence, re.IGNORECASE))


def who_meets(ev: Event, concept: str | None, labels: Mapping[str, str | None]) -> dict[str, str]:
    """Who holds a meeting: entity id -> name of each organisation that names
    a meeting noun of the sentence (none for another kind of happening).
    The caller asks only of statements with no doer."""
    if concept is None or concept.partition(":")[0] != MEETING:
        return {}
    return {pid: name for pid, name in zip(ev.participant_ids, ev.participants)
            if labels.get(pid) in MEETING_HOSTS and _names_meeting(name, ev.sentence)}


def _initials(name: str) -> str:
    """"United Nations Framework Convention on Climate Change" -> "UNFCCC",
    "Group of 20" -> "G20", "UNFCCC" -> "UNFCCC"."""
    words = re.findall(r"[A-Za-z]+|\d+", name)
    if len(words) == 1 and words[0].isupper():
        return words[0]
    return "".join(w if w.isdigit() else w[0].upper() for w in words if w.isdigit() or w[0].isupper())


def one_host(a: str, b: str) -> bool:
    """Two names of hosts that may be one body: one is the other's initials
    (an alias of the table is one entity already: facts/data/aliases.toml)."""
    ia, ib = re.sub(r"[^A-Za-z0-9]", "", a).upper(), re.sub(r"[^A-Za-z0-9]", "", b).upper()
    return ia == ib or _initials(a) == ib or _initials(b) == ia or _initials(a) == _initials(b)


@dataclass(frozen=True)
class Who:
    agents: frozenset[str] = frozenset()  # entity ids of who did it (what the pages are about included)
    group: bool = False  # the doer is a counted group
    member_labels: frozenset[str] = frozenset()  # entity types of that group's members
    listed: bool = False  # the group's members it names are listed as in it ("including ...")


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


def different_doers(a: Who, b: Who, labels: Mapping[str, str | None]) -> bool:
    """Two happenings: one is a counted group's act, the other one named
    member's (an agent of a type the group's members have) -- a member the
    group's statement does not name as a doer, or names as one of the group
    ("63 countries, including ... India"); not a doer beside the group ("28
    member states and New Zealand signed" is New Zealand's signing too)."""
    for group, one in ((a, b), (b, a)):
        if not group.group or one.group:
            continue
        members = {p for p in one.agents if labels.get(p) in group.member_labels}
        if members and (group.listed or members - group.agents):
            return True
    return False
