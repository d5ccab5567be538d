"""Habits and generic truths: a clause that tells what happens every year
(or every week, every night), not what happened or will happen at one date.

The evidence is the date's own shape and the clause's grammar, never a list
of topics: a date that names no year of its own (a month, a season, a
holiday, a clock time, or a list or range of them) in a clause of the simple
present, active, passive or copular ("ripe pears are picked in September",
"the hedge sheds its leaves in October and November", "... when the nights grow colder in
autumn"), or a recurring time ("on Mondays", "at all times of the year").
The past keeps its date ("Shoppers crowded the arcade in December"), so
does a date that writes its year ("In 2025 the firm employs 40 people"), a
headline, whose present tells a happening ("Ferry service returns in May,
council says"), a present a sentence reports ("The fair runs from May to
July, the city said") or a passive whose agent is named ("The hall is opened
in May by the mayor"), a deadline or a start ("The road is closed until June",
"The roof is finished by May": one end of one stretch of time), and a plan
(the caller asks extractors.modality).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from extractors.calendar_words import MONTHS, SEASONS, WEEKDAYS, yearless_period
from extractors.event_rules import TIME_NOUNS
from extractors.roles import REPORTING_VERBS
from extractors.rule_switches import rule_on

# a written year ("2025", "1990s", "'90s", "FY24" is no calendar year of this kind)
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d0s")
# the words that join the parts of a list or a range of dates ("until"/"through"
# only after a first part: "until August" alone is a deadline, no range)
_JOINERS = re.compile(r"\s*(?:,|&|\band\b|\bor\b|\bto\b|\bthrough\b|\bthru\b|\buntil\b|[-–—])\s*", re.I)
# a preposition opening the date's phrase (yearless_period reads the rest)
_LEAD = re.compile(r"^(?:between|from|throughout|on|at|in|during)\s+", re.I)
_CLOCK = re.compile(r"(?:at\s+|by\s+|around\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)|midnight|noon|midday)", re.I)
# a plural word of a recurring time ("Mondays", "summers", "weekends", "evenings")
_PLURAL_TIMES = frozenset(
    {w + "s" for w in (*WEEKDAYS, *SEASONS, *MONTHS) if w.isalpha() and len(w) > 3}
    | {"weekends", "evenings", "mornings", "nights", "afternoons", "weekdays", "holidays"}
)
# determiners that make a time noun recur ("every spring", "each month", "all times of the year")
_RECURRING_DETS = frozenset({"every", "each", "all"})


def writes_year(text: str) -> bool:
    """The date's words write a year of their own ("since 1976", "in 2029", "the 1990s")."""
    return bool(_WRITTEN_YEAR.search(text))


def time_of_every_year(text: str) -> bool:
    """A date that names no year and no word pointing at one ("in June and
    July", "late winter or early spring", "the winter months", "between
    midnight and 3 a.m."): each part of its list or range is a month, a
    season, a holiday or a clock time with no year ("this June", "last
    winter" and "next spring" point at one year and are not)."""
    body = _LEAD.sub("", text.strip())
    body = re.sub(r"\s+months?$", "", body, flags=re.I)
    split = _JOINERS.split(body)
    if not split or not split[0].strip():
        return False  # led by a joining word: "until August", "through December"
    parts = [p for p in split if p and p.strip()]
    return bool(parts) and all(yearless_period(p) or _CLOCK.fullmatch(p.strip()) for p in parts)


def recurs(text: str, date_root: Token | None) -> bool:
    """The date names a time that comes round again: a plural of a weekday,
    month, season or part of a day ("on Mondays", "in the summers"), or a
    time noun under "every", "each" or "all" around the date ("at all times
    of the year"); never with a written year ("the 2019-20 and 2020-21 school
    years" are two periods)."""
    if writes_year(text):
        return False
    words = text.lower().split()
    if words and words[-1].strip(".,") in _PLURAL_TIMES:
        return True
    if date_root is None:
        return False
    head = date_root.head
    # "all times of the year": the date is the object of "of" after a time noun "all"/"every"/"each" determines
    if date_root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TIME_NOUNS:
        return any(c.dep_ in ("det", "predet") and c.lower_ in _RECURRING_DETS for c in head.head.children)
    return False


def present_clause_verb(verb: Token) -> Token | None:
    """The finite verb in the simple present the clause of ``verb`` hangs
    on: the verb itself ("fade", "is", "are picked": active, copular or
    passive) or, for a participle that adds to a clause ("..., giving colour
    all winter"), the verb of that clause. None when the clause is past,
    perfect, progressive, future or modal."""
    for _ in range(3):
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ in ("VBZ", "VBP") and not aux:
            return verb
        if verb.tag_ == "VBN" and aux and all(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in aux):
            return verb
        if aux or verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("advcl", "acl") or verb.head == verb:
            return None
        verb = verb.head
    return None


def habitual_present(clause_verb: Token, date_text: str, date_root: Token | None, role: str = "point") -> bool:
    """A habit or a generic truth: a recurring date (:func:`recurs`), or a
    date of every year (:func:`time_of_every_year`) in a clause of the simple
    present (:func:`present_clause_verb`), not in a headline (:func:`headline`),
    not a deadline or a start (:func:`bounds_one_stretch`), not told as one
    happening (:func:`told_once`). A plan told in the present ("the launch is
    scheduled for April") is the caller's to keep (extractors.modality.is_planned)."""
    if bounds_one_stretch(role, date_root):
        return False
    if recurs(date_text, date_root):
        return True
    if not time_of_every_year(date_text) or headline(clause_verb.sent.text):
        return False
    verb = present_clause_verb(date_verb(date_root) or clause_verb)
    return verb is not None and not told_once(verb, date_root)


def bounds_one_stretch(role: str, date_root: Token | None) -> bool:
    """The date ends or starts a stretch of time ("closed until June",
    "open since May", "finished by June"): a deadline of one stretch, not a
    time that comes round every year."""
    if role in ("until", "since"):
        return True
    return date_root is not None and date_root.head.lower_ == "by" and date_root.head.i < date_root.i


def told_once(verb: Token, date_root: Token | None) -> bool:
    """The present verb tells one happening: a sentence reports it in the
    past ("The fair runs from May to July, the city said", "Acme said the
    strike goes on in May"), or its passive names its agent, a proper noun
    or a noun with a determiner ("is opened in May by the mayor"; "picked
    by hand" names no one). Like a headline's present."""
    if rule_on("scheduled-release") and _scheduled_release(verb):
        return True
    reporting = [verb.head] if verb.dep_ in ("ccomp", "parataxis") else []
    reporting += [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if any(r.lemma_.lower() in REPORTING_VERBS and r.tag_ == "VBD" for r in reporting):
        return True
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in agent.children:
            if obj.dep_ == "pobj" and obj != date_root and (
                    obj.pos_ == "PROPN" or any(d.dep_ in ("det", "poss") for d in obj.children)):
                return True
    return False


# verbs of a release or an opening that a present tense schedules ("goes on sale", "debuts", "premieres")
_RELEASE_VERBS = frozenset("debut premiere launch arrive hit".split())
_ON_SALE = frozenset({"go", "come"})


def _scheduled_release(verb: Token) -> bool:
    """The present tells one release of one named thing: its subject names a product, a work or a model
    ("The 2020 Sentra, which goes on sale in late January", "Acme's X200 debuts in March"), a proper noun or
    a number in its phrase; not a kind of thing ("Tomatoes go on sale in June")."""
    lemma = verb.lemma_.lower()
    on_sale = lemma in _ON_SALE and any(c.dep_ == "prep" and c.lower_ == "on" and any(
        g.lower_ == "sale" for g in c.children) for c in verb.children)
    if not on_sale and lemma not in _RELEASE_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "relcl" and (subject is None or subject.tag_ in ("WDT", "WP")):
        subject = verb.head  # "The 2020 Sentra, which goes on sale ...": the noun the clause describes
    if subject is None:
        return False
    return any(t.pos_ == "PROPN" or t.like_num for t in subject.subtree if t.i < verb.i)


def date_verb(date_root: Token | None) -> Token | None:
    """The verb the date's phrase hangs on ("A poll taken in June finds ...":
    "taken", whose tense is the date's, not "finds")."""
    if date_root is None:
        return None
    node = date_root
    for _ in range(4):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def headline(text: str) -> bool:
    """A line with no sentence end: a headline, whose present tells a
    happening ("Harbour ferry returns in May, council says"), not a habit."""
    return not text.rstrip().rstrip("\"'”’)]»").endswith((".", "!", "?", ";", "…"))
