"""Plans: does a dated statement say something is to happen on its date
(a plan, a schedule, a target, a rescheduling), rather than that it did?

Read from the parse: a future or conditional auxiliary on the trigger or a
verb that governs it ("will launch", "would close"); a verb of planning,
scheduling or rescheduling on the path from the date to the sentence's root
("scheduled to launch", "delayed the launch to March", "plans to sign");
a planning modifier on an event noun ("the planned deposit", "the target
launch date"); "be to"/"be due to"/"be set to"; and bounds that only a
plan has ("no earlier than 2021", "at the earliest 25 December").

A date after the document's own date makes a plan as well; that needs the
document's date and is decided where it is known (facts.events).

The date's own clause decides: "NASA announced on 27 June 2018 that the
telescope would launch in 2021" tells an announcement that happened on 27
June 2018 (``told_done``: the verb the date hangs on is in the past and no
plan), and a plan for 2021 ("would launch", the complement's own clause).
A plan word in the complement does not make the announcement a plan.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.event_rules import has_to_infinitive
from extractors.roles import REPORTING_VERBS

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "ll"})
PLAN_VERBS = frozenset(
    """plan schedule reschedule target slate expect aim intend delay postpone defer slip push move
    anticipate project envisage envision forecast""".split()
)
SHIFT_PARTICLES = frozenset({"back", "forward"})  # "pushed back", "moved forward"
PLAN_MODIFIERS = frozenset(
    """planned scheduled expected upcoming proposed targeted target intended anticipated projected
    future prospective""".split()
)
PLAN_NOUNS = frozenset({"target", "plan", "schedule", "deadline", "timetable"})
EARLIER_PLAN = frozenset({"originally", "previously", "initially"})
BOUNDS = ("no earlier than", "not before", "at the earliest", "on track for", "on course for", "in time for")


CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "conj", "parataxis", "csubj"})


def _governors(tok: Token, limit: int = 8) -> list[Token]:
    """``tok`` and the tokens above it, up to the head of its own clause."""
    chain = [tok]
    while tok.head != tok and len(chain) <= limit and tok.dep_ not in CLAUSE_DEPS:
        tok = tok.head
        chain.append(tok)
    return chain


def _future(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    return has_to_infinitive(verb) and verb.head != verb and verb.head.lemma_ == "be"  # "is to launch", "is due to"


def is_plan_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if lemma in ("push", "move"):
        return any(c.lower_ in SHIFT_PARTICLES for c in tok.children)
    if lemma == "set":
        return any(c.dep_ == "xcomp" for c in tok.children)  # "is set to launch"
    if lemma == "due":
        return True
    return lemma in PLAN_VERBS


def is_plan_noun(tok: Token) -> bool:
    if tok.lemma_.lower() in PLAN_NOUNS:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in PLAN_MODIFIERS for c in tok.children)


def is_planned(trigger: Token | None, date_root: Token | None) -> bool:
    """True when the statement says its happening is planned for its date."""
    tokens: list[Token] = []
    if date_root is not None:
        tokens += _governors(date_root)
    if trigger is not None:
        tokens += _governors(trigger)
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if tok.pos_ != "VERB" and any(c.dep_ == "advmod" and c.lower_ in EARLIER_PLAN for c in tok.children):
            # "was originally for 2010", "originally toward a 2010 launch"; on a verb only a plan
            # verb makes a plan ("previously planned", below): "originally released in 1990" is
            # the first release, "as previously disclosed" an earlier report
            return True
        if tok.pos_ in ("VERB", "AUX"):
            if _future(tok) or is_plan_verb(tok):
                return True
            # "the previous target date was next March"
            if tok.lemma_ == "be" and any(c.dep_ == "nsubj" and is_plan_noun(c) for c in tok.children):
                return True
            # "defined 18 December as the target launch date"
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                if any(p.dep_ == "pobj" and is_plan_noun(p) for p in prep.children):
                    return True
        if tok.pos_ in ("NOUN", "PROPN") and is_plan_noun(tok):
            return True
    head = trigger or date_root
    sent = head.sent.text.lower() if head is not None else ""
    if date_root is not None:
        start = date_root.sent.start_char
        before = sent[: max(0, date_root.idx - start)][-40:]
        if any(b in before for b in BOUNDS):
            return True
    return False


def _past(verb: Token) -> bool:
    """A verb in the past: "announced", "has confirmed", "was unveiled"."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        (c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "auxpass" and c.tag_ == "VBD") for c in verb.children)


def told_done(trigger: Token | None, date_root: Token | None) -> bool:
    """True when the date's own clause tells an announcement that is over:
    the verb the date hangs on is the statement's trigger, a verb of saying
    or making known (extractors.roles.REPORTING_VERBS) in the past, with no
    future or planning word on it ("NASA announced on 27 June 2018 that the
    telescope would launch in 2021": the announcement happened on 27 June;
    "In March 2021 NASA confirmed plans to launch"). Such a statement is no
    plan, whatever words of planning its complement holds. Only verbs of
    saying: any past verb ("a judge on Thursday paused the upcoming trial")
    was measured and not kept (it split statements the fact identity model
    was fitted with as plans; eval facts, Twitter, fell)."""
    if trigger is None or date_root is None or is_planned(trigger, date_root):
        return False
    verb = next((t for t in _governors(date_root) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb != trigger:
        return False  # the date hangs on another word than the statement's trigger
    return (verb.lemma_.lower() in REPORTING_VERBS and _past(verb)
            and not is_plan_verb(verb) and not _future(verb))
