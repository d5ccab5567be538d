"""Which statements tell the same happening: pairwise scores, then
clustering under constraints.

Two statements tell one happening when they agree on
- *what*: the kind of happening (facts.lexicon: the trigger's concept,
  with derivations and synonyms; for a plan, a report or a generic verb,
  the concept its clause names); an announcement of a kind ("said he had
  terminated the deal") is the saying of that kind, its own evidence
  (``what_told``), not the same kind (a happening said in the progressive,
  "said he was terminating the deal", is done by the saying: facts.lexicon);
- *who*: the participants beyond the topic, weighted by how rare they are
  in the run (an entity in every statement says little);
- *when*: the same date, or one containing the other (not one wider than
  a year: "this century" holds any date of the pages); incompatible dates
  count against, the more the further apart (midpoint to midpoint: two
  months in a row are a month apart), except for a plan and what came of
  it: a plan and a statement of the same kind of happening that is a plan
  too, or done after the plan's date or after the plan was told, are
  compatible (plans move; the happening they were for is one); a plan
  against one of its kind that did not come of it (done before the plan
  was told: the October trial is not the July suit) is its own evidence
  (``when_plan_apart``); a plan's date against another kind of happening
  says nothing either way; a day counted from its page's date ("last
  night") a day off the other's is its own evidence too (``when_counted``:
  a time zone or a dateline puts it a day off as often as not), unless its
  page gives its kind of happening the other's date too ("released
  yesterday ... The rest came out today": both days
  counted on purpose, two happenings). The
  announcement of a plan is a happening of its own, dated when it was
  told: it is no plan here; so is a change of plan told as done, no plan
  (facts.events: "the first shift in planning since 2011"): it names no
  kind of happening, only its words can join it to another telling;
- and the rare words their sentences share ("poison pill").
How alike their sentences are (tf-idf cosine over content words) opens the
gate to a pair with no kind of happening in common, but is not weighed:
its weight swung from 0.1 to 0.8 between cross-validation folds.

The score is the log-odds of a logistic model over these features (FEATURES);
statements are grouped by average-linkage agglomerative clustering,
merging while the best pair of groups averages above the threshold, never
across a cannot-link (``cannot_link``): another participant in one role --
two statements naming other participants of one type, none shared (two
countries, two people), or whose agents are different entities of one type
(one country's ratification is not another's; the agents of a trigger the
lexicon knows: those of "the launch faces delay" are not the launch's), or
two meetings with no doer named after two bodies ("the G20 summit" is not
"the BRICS summit": facts.agents.who_meets),
or a counted group's act and one named member's ("63 countries had
ratified" is not India's ratification: facts.agents), or what holds since a
date and the happening of another kind that opened it ("Since it launched on
25 December, Webb has been unfolding": the unfolding is not the launch, and
a since-statement is not redated to the happening its date's phrase names).
What the pages are about (``subject``: configured, or named by nearly every
source, facts.entities.page_topic) acts in many happenings and sets none
apart. The parties of the topic are the run's topic entities beyond the
subject, and each page's own (``page_parties``: named by half its
statements, the agent of one): pages on one alliance's partners name each partner on its own
pages only, too few of the run's statements to make it a topic entity.
Likely apart (``likely_apart``), scoring APART: never merged alone, but two
large groups that agree on everything else may still join over one misread
or misdated statement -- two statements of one snapshot with incompatible
dates (unless both are plans and one tells a move, a page telling how a date
was moved; or a plan and a report of the same kind of happening, what was
planned and when it came); two of the same kind of happening whose agents
are other entities of one type (in two pages; in one page other participants
of one type are a cannot-link); in one page, related kinds whose doers
differ ("Musk asked the court to stay the trial" is not "a judge paused the
trial"). Only agents: a place, a cause or an instrument the tagger
typed like one ("due to impacts from COVID-19") sets no happening apart.
Must-link: the same sentence (normalised) with the same date, role and trigger in two
pages (a sentence telling two happenings links each to its own).

Whether a statement is a plan, and what its own words are (in a timeline
or a table read as one sentence, its row), facts.events decides
(``Event.planned``, ``statement_clause``): identity and reconciliation read
the same decision.

Weights are fitted on the facts benchmark's statement pairs and the
threshold chosen there (evaluation/train_identity.py), with leave-one-
subject-out cross-validation for the figure to expect on a new subject
(`factwatch eval facts --loso`). The model is facts/data/identity_model.json.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources

import numpy as np

from extractors.ids import normalize_sentence
from extractors.types import Precision
from facts.agents import NOBODY, Host, Who, different_doers, named_apart, one_host, who_meets, who_of
from facts.events import WORD_TOKEN, statement_clause, timeline_rows
from facts.lexicon import (
    PLAN,
    REPORT,
    base_concept,
    clause_concepts,
    coordinated_concept,
    date_phrase_concept,
    happening_concept,
    lexicon,
    page_kind,
    says_moved,
    trigger_concept,
)
from facts.model import Event
from facts.relative_days import SLACK_DAYS, relative_day
from facts.values import DateInterval, compatible

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after before since until
    during between through than then that this these those it its it's is are was were be been being has have had do
    does did will would shall should can could may might must not no nor so such which who whom whose what when where
    why how all any both each few more most other some own same too very just also only now once again there here he
    she they them their his her our we you your i me my us said says say according date today yesterday tomorrow
    week month year years last next earlier later first second new one two three""".split()
)
_CALENDAR = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)


FEATURES = (
    "bias",
    "what_same",  # the same kind of happening
    "what_near",  # one names the other's kind in its clause; or an announcement of unknown content
    "what_told",  # one tells the saying of the other's kind ("said he had terminated the deal" ~ "terminated")
    "who_shared",  # weighted Jaccard of the participants beyond the topic (0 when either names none)
    "when_same",  # the same date
    "when_within",  # one date contains the other
    "when_gap",  # incompatible dates (neither a plan): log-scaled distance, 1 = ten years
    "when_counted",  # a day counted from its page's date ("last night") a day off the other's (facts.relative_days)
    "when_plan_apart",  # a plan and a statement of its kind on another date that did not come of it
    "text",  # tf-idf cosine of the sentences' content words (the gate's; UNWEIGHED)
    "rare_words",  # words both use that at most RARE_DF statements of the run use ("poison pill"), up to 2
)
# Features the gate (``related``) reads but the model does not weigh: fitted
# without one subject, the weight of ``text`` ranged 0.1..0.8 and cost
# held-out F1 (evaluation/train_identity.py fits these at zero).
UNWEIGHED = frozenset({"text"})


@dataclass(frozen=True)
class IdentityModel:
    """A logistic model of "same happening" over FEATURES, and the average
    log-odds above which groups merge."""

    weights: tuple[float, ...]
    threshold: float = 0.0

    def as_dict(self) -> dict:
        return {"weights": dict(zip(FEATURES, self.weights)), "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> IdentityModel:
        return cls(weights=tuple(float(data["weights"].get(f, 0.0)) for f in FEATURES),
                   threshold=float(data.get("threshold", 0.0)))


@lru_cache(maxsize=1)
def default_model() -> IdentityModel:
    """The model fitted on the facts benchmark (evaluation/train_identity.py)."""
    text = resources.files("facts").joinpath("data/identity_model.json").read_text(encoding="utf-8")
    return IdentityModel.from_dict(json.loads(text))


@dataclass(frozen=True)
class Profile:
    """What the scores need of one statement."""

    concept: str | None
    clause_concepts: frozenset[str]
    who: dict[str, float]  # non-topic participant -> weight
    roles: dict[str, str | None]  # non-topic participant -> its entity type
    parties: dict[str, str | None]  # topic participants (not the subject) -> entity type
    agents: frozenset[str]
    interval: DateInterval
    planned: bool  # a plan whose date may move (not the announcement of one)
    told: date | None  # the date of the page that tells the statement, if known
    tokens: dict[str, float]  # tf-idf, unit length
    rare: frozenset[str]  # words of the sentence that few statements of the run use
    sentence_key: str
    sentence_at: tuple[str, int]  # (document, offset) of its sentence
    doers: Who = NOBODY  # who did it (facts.agents)
    counted: bool = False  # its date is a day counted from its page's date, not written (facts.relative_days)
    counted_unit: bool = False  # a month or year counted in whole units from another date (facts.relative_days)
    # the other dates its page gives its kind of happening: a counted day a day off one of them was
    # counted on purpose ("released yesterday ... The rest came out today")
    page_kind_dates: frozenset[tuple[date, date]] = frozenset()
    moved: bool = False  # its sentence (its row) tells that a plan's date moved (facts.lexicon.says_moved)
    hosts: dict[str, Host] = field(default_factory=dict)  # no doer: who holds the meeting, id -> Host (cannot_link only)
    # who did it, for the cannot-link only: ``agents`` and the countries among the doers,
    # what the pages are about included (``_states``)
    acting: frozenset[str] = frozenset()
    # what holds since a date that its phrase gives to another happening ("Since it launched on
    # <day>, it has been unfolding"): the kind of that happening (``_opened_by``)
    opened_by: str | None = None


def _words(text: str) -> list[str]:
    out = []
    for w in WORD_TOKEN.findall(text.lower().replace("’", "'")):
        if w in _STOP or w in _CALENDAR:
            continue
        if w.isdigit() and len(w) <= 4:  # days and years: the date score has them
            continue
        out.append(w)
    return out


def _interval(ev: Event) -> DateInterval:
    return DateInterval(ev.date_start, ev.date_end, ev.precision)


def profiles(events: Sequence[Event], topic: frozenset[str],
             labels: Mapping[str, str | None] | None = None, subject: frozenset[str] = frozenset()) -> list[Profile]:
    """``subject``: what the pages are about (configured, or named by nearly
    every source); it acts in many happenings, so it sets none apart, as an
    agent or as a participant (it is part of the topic)."""
    labels = labels or {}
    topic = topic | subject
    n = len(events)
    df: Counter = Counter()
    for ev in events:
        df.update(set(ev.participant_ids) - topic)
    rows = timeline_rows(events)
    token_lists = [_words(rows.get(ev.event_id, ev.sentence)) for ev in events]
    tdf: Counter = Counter()
    for toks in token_lists:
        tdf.update(set(toks))
    redated: set[str] = set()
    concepts = _concepts_in_context(events, rows, redated)
    own = page_parties(events)
    apart = named_apart(events, concepts, labels, topic)
    kind_dates: dict[tuple[str, str], set[tuple[date, date]]] = defaultdict(set)
    for ev in events:  # what a page tells done (not a plan, nor one its page overtook)
        if concepts[ev.event_id] and not ev.planned and ev.current:
            kind_dates[page_kind(ev.doc_id, concepts[ev.event_id] or "")].add((ev.date_start, ev.date_end))
    out = []
    for ev, toks in zip(events, token_lists):
        clause = statement_clause(ev, rows)
        concept = concepts[ev.event_id]
        named = clause_concepts(clause, ev.participants) | ({concept} if concept else set())
        agents = frozenset(ev.agent_ids) if _trigger_names(ev, rows, clause) else frozenset()
        who = {p: math.log((n + 1) / (df[p] + 0.5)) for p in set(ev.participant_ids) - topic}
        out.append(
            Profile(
                concept=concept,
                clause_concepts=named,
                who=who,
                roles={p: labels.get(p) for p in who},
                parties={p: labels.get(p) for p in set(ev.participant_ids) & (topic | own[ev.doc_id]) - subject},
                agents=agents - subject,
                acting=(agents - subject) | _states(ev.agent_ids, labels),
                hosts={} if agents - subject else {p: name for p, name in who_meets(ev, concept, labels).items()
                                                   if p not in subject},
                interval=_interval(ev),
                planned=ev.planned and not _announcement(concept),
                told=ev.doc_date,
                tokens=_tfidf(toks, tdf, n),
                rare=frozenset(t for t in toks if tdf[t] <= RARE_DF),
                # one sentence may tell two happenings ("Since it launched on <day>, it has been ..."): the
                # same sentence is one happening for the same date, role and trigger only
                sentence_key="|".join((normalize_sentence(ev.sentence).lower(), ev.date_value, ev.date_role,
                                       ev.trigger or "")),
                sentence_at=(ev.doc_id, ev.char_start),
                doers=replace(who_of(ev, clause, labels), named_apart=apart.get(ev.event_id, frozenset())),
                moved=says_moved(rows.get(ev.event_id, ev.sentence)),
                counted=relative_day(ev),
                counted_unit=ev.counted_unit and not ev.planned,
                page_kind_dates=frozenset(kind_dates.get(page_kind(ev.doc_id, concept or ""), set())
                                          - {(ev.date_start, ev.date_end)}),
                opened_by=_opened_by(ev, concept),
            )
        )
        if ev.event_id in redated:
            # the date is of a happening the clause only names: the clause's
            # participants, agents and plan are its verb's, not that happening's
            out[-1] = replace(out[-1], clause_concepts=frozenset({concept} if concept else ()), who={}, roles={},
                              parties={}, agents=frozenset(), acting=frozenset(), planned=False, doers=NOBODY)
    return out


STATES = frozenset({"GPE", "NORP"})  # doers that act for themselves only: one country's act is not another's


def _states(ids: Sequence[str], labels: Mapping[str, str | None]) -> frozenset[str]:
    """The countries among a statement's doers, whatever its verb and even when
    the pages are about them: an agent of a verb the lexicon does not know may
    be no doer of the happening ("ESA and NASA have defined the date"), and
    what the pages are about is often the grammatical subject of what befell
    it ("Webb launched"), but a country that updated a programme with an
    alliance did it itself, and another country in its place tells another
    happening."""
    return frozenset(p for p in ids if labels.get(p) in STATES)


def _tfidf(toks: Sequence[str], tdf: Mapping[str, int], n: int) -> dict[str, float]:
    tf = Counter(toks)
    vec = {t: (1 + math.log(c)) * math.log((n + 1) / (tdf[t] + 0.5)) for t, c in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


PAGE_PARTY_SHARE = 0.5  # an entity named by at least this share of a page's statements ...
PAGE_PARTY_MIN = 2  # ... and by at least this many is a party of the page's topic


def page_parties(events: Sequence[Event]) -> dict[str, frozenset[str]]:
    """doc id -> the parties its page is about: named by PAGE_PARTY_SHARE of
    its statements (PAGE_PARTY_MIN at least) and the agent of one of them (a
    partner country on its own page of an alliance's partners; not the
    launch site every statement of a page on a launch names)."""
    named: dict[str, Counter] = defaultdict(Counter)
    acting: dict[str, set[str]] = defaultdict(set)
    size: Counter = Counter()
    for ev in events:
        named[ev.doc_id].update(set(ev.participant_ids))
        acting[ev.doc_id].update(ev.agent_ids)
        size[ev.doc_id] += 1
    return defaultdict(frozenset, {
        d: frozenset(p for p, c in cnt.items()
                     if p in acting[d] and c >= max(PAGE_PARTY_MIN, PAGE_PARTY_SHARE * size[d]))
        for d, cnt in named.items()
    })


def _announcement(concept: str | None) -> bool:
    """A statement that something was announced ("NASA announced that the
    launch now slips to no earlier than 2021"): its date is the
    announcement's, a happening of its own, not a plan that moves."""
    return concept is not None and base_concept(concept) == REPORT


def _opened_by(ev: Event, concept: str | None) -> str | None:
    """The kind of happening whose date a statement of what holds since then
    takes from its date's own phrase, when it is not the statement's own kind
    ("Since it launched on <day>, Webb has been unfolding": launch; "in
    development since its conception in 1996" is the conception's own kind)."""
    if ev.date_role != "since":
        return None
    date_at = ev.date_char_start - ev.char_start
    opened = date_phrase_concept(ev.sentence, date_at, ev.date_char_end - ev.char_start, ev.participants)
    return opened if opened != concept else None


def _trigger_names(ev: Event, rows: Mapping[str, str], clause: str) -> bool:
    """Whether the statement's trigger itself is a word of the lexicon (its
    agents did the happening, planned it or told it); the agents of a verb
    the lexicon does not know ("the launch faces delay", "ESA and NASA have
    defined the date") are not the happening's."""
    row = rows.get(ev.event_id)
    if row is not None and not (ev.trigger_text and ev.trigger_text in row):
        return False
    return bool(trigger_concept(ev.trigger, clause, ev.trigger_text))


def _change_of_plan(ev: Event, row: str | None, redated: set[str] | None) -> bool:
    """A plan word told as done since a date not after the page's own ("the
    first major shift in planning since 2011"): the change is the happening
    the date tells. Not a timeline's row, nor a statement whose date's own
    phrase names its happening ("planned since its launch on 25 December
    2021" dates the launch), nor a plan."""
    return (not ev.planned and row is None and ev.date_role == "since" and bool(ev.trigger)
            and trigger_concept(ev.trigger, statement_clause(ev), ev.trigger_text) == PLAN and ev.event_id not in (redated or set())
            and (ev.doc_date is None or ev.date_start <= ev.doc_date))


def happening_kinds(events: Sequence[Event]) -> dict[str, str | None]:
    """event id -> the kind of happening it tells, read in its page's context
    as fact identity reads it (``_concepts_in_context``)."""
    return _concepts_in_context(events, timeline_rows(events))


def _concepts_in_context(events: Sequence[Event], rows: Mapping[str, str] | None = None,
                         redated: set[str] | None = None) -> dict[str, str | None]:
    """Each statement's kind of happening. A plan that does not say of what
    ("it was delayed again to 24 December", "the previous target date was
    next March") is about what the page's last plan before it named (before
    the first that names one: what that one names). When
    the date's own phrase names another kind of happening than the clause
    ("notified ... that it would quit the Paris Agreement of 12 December
    2015"), the date dates that one (facts.lexicon.date_phrase_concept); its
    id goes into ``redated``."""
    out: dict[str, str | None] = {}
    last: dict[str, str] = {}  # doc -> concept of its last plan that named one
    pending: dict[str, list[str]] = defaultdict(list)  # doc -> its plans before the first that named one
    for ev in sorted(events, key=lambda e: (e.doc_id, e.char_start, e.date_char_start, e.event_id)):
        row = (rows or {}).get(ev.event_id)
        if row is not None:  # a timeline's row: what it names (the parse's trigger may lie in another row)
            trigger = ev.trigger if ev.trigger_text and ev.trigger_text in row else None
            concept = happening_concept(trigger, row, ev.trigger_text if trigger else None, row, ev.participants)
        else:
            date_at = ev.date_char_start - ev.char_start
            concept = happening_concept(ev.trigger, ev.summary or ev.sentence, ev.trigger_text, ev.sentence,
                                        ev.participants, date_at)
            # a state that holds from a date is not the happening its date's phrase names ("Since it
            # launched on <day>, it has been unfolding"): only a point is dated by the phrase's happening
            dated = (date_phrase_concept(ev.sentence, date_at, ev.date_char_end - ev.char_start, ev.participants)
                     if ev.date_role != "since" else None)
            if dated and dated != concept and not (concept or "").startswith(REPORT):
                concept = dated  # the date's own phrase names what it dates
                if redated is not None:
                    redated.add(ev.event_id)
            elif not dated and ev.trigger_text and ev.date_role != "since":
                later = coordinated_concept(ev.sentence, ev.trigger, ev.trigger_text, date_at, ev.participants)
                if later and later != concept and not (concept or "").startswith(REPORT):
                    concept = later  # "launched on ... and arrived ... in January": the arrival's date
                    if redated is not None:
                        redated.add(ev.event_id)
        if _change_of_plan(ev, row, redated):
            # a change of plan told as done, not what it was for ("the rescheduling is the
            # first shift in planning since 2011"): a happening of its own, of unknown kind
            concept = PLAN
        if ev.planned:
            if concept in (None, PLAN) or concept.startswith("?"):
                if ev.doc_id in last:
                    concept = last[ev.doc_id]
                else:
                    pending[ev.doc_id].append(ev.event_id)
            elif not _announcement(concept):
                last[ev.doc_id] = concept
                for eid in pending.pop(ev.doc_id, ()):  # the page's first plans: what its first named plan names
                    out[eid] = concept
        out[ev.event_id] = concept
    # one sentence giving one date to two verbs: a verb the lexicon does not
    # know ("as the world celebrated Christmas, the telescope set off") tells
    # what the other, known one does
    # (only when the sentence gives that date to one known kind: with two, which
    # one the unknown verb tells is not known)
    known: dict[tuple, set[str]] = defaultdict(set)
    for ev in events:
        c = out[ev.event_id]
        if c and not c.startswith("?") and base_concept(c) not in (PLAN, REPORT):
            known[(ev.doc_id, ev.char_start, ev.date_start, ev.date_end, ev.date_role)].add(c)
    for ev in events:
        c = out[ev.event_id]
        # (of one role: what holds since a date is not the happening the sentence dates there)
        kinds = known.get((ev.doc_id, ev.char_start, ev.date_start, ev.date_end, ev.date_role), set())
        if (c is None or c.startswith("?")) and len(kinds) == 1:
            out[ev.event_id] = next(iter(kinds))
    return out


def _what(a: Profile, b: Profile) -> str:
    ca, cb = a.concept, b.concept
    if ca in (None, PLAN) or cb in (None, PLAN):
        return "none"  # a plan that does not say of what
    ra, rb = ca.partition(":"), cb.partition(":")
    if ca == cb:
        return "what_near" if ca == "announce" else "what_same"  # two sayings of unknown content
    if ra[0] == rb[0] == "announce" and not (ra[2] and rb[2]):
        return "what_near"
    if (ra[0] == REPORT and ra[2] == cb) or (rb[0] == REPORT and rb[2] == ca):
        return "what_told"  # "said he had terminated the deal" and the termination
    if ca in b.clause_concepts or cb in a.clause_concepts or lexicon().near(ra[0], rb[0]):
        return "what_near"
    if ca.startswith("?") or cb.startswith("?"):
        return "what_unknown"
    return "what_differ"


def unrelated_kinds(a: Profile, b: Profile) -> bool:
    """Both statements tell a kind of happening the lexicon knows, and the
    lexicon does not relate the two: no synonym or derivation, no related
    kind, neither named in the other's clause, no plan of unknown content and
    no announcement (an announcement, of a kind or of unknown content, is
    ``what_told`` or names no kind of its own). "Australia has taken part in
    the initiative since 2014" (take part) is no launch of the initiative."""
    if _what(a, b) != "what_differ":
        return False
    return REPORT not in {base_concept(a.concept or ""), base_concept(b.concept or "")}


def _names_kind_of(ev: Event, other: Profile) -> bool:
    """``ev``'s sentence names ``other``'s kind of happening somewhere."""
    return any(c == other.concept for _, c in lexicon().concepts_in(ev.sentence))


def _who(a: Profile, b: Profile) -> float:
    if not a.who or not b.who:
        return 0.0
    keys = a.who.keys() | b.who.keys()
    total = sum(max(a.who.get(k, 0.0), b.who.get(k, 0.0)) for k in keys)
    shared = sum(min(a.who[k], b.who[k]) for k in a.who.keys() & b.who.keys())
    return shared / total if total else 0.0


def _rivals_in(a: Mapping[str, str | None], b: Mapping[str, str | None]) -> bool:
    """Each names an entity of one type the other does not name, and they name
    none of that type in common."""
    own_a = {a[k] for k in a.keys() - b.keys()} - {None}
    own_b = {b[k] for k in b.keys() - a.keys()}
    return bool((own_a & own_b) - {a[k] for k in a.keys() & b.keys()})


def _rivals(a: Profile, b: Profile, x: np.ndarray) -> bool:
    """Another participant in the same role: each names a participant of one
    type (two countries, two people) the other does not, and they share none
    (``x``: the pair's features); or each names one of the topic's parties the
    other does not, of one type, and no party of that type in common, whatever
    else they share (pages on two countries' relations with one alliance: "In
    2024, New Zealand and NATO updated the programme" is not "In 2024, Testland
    and NATO agreed the programme")."""
    return ((x[_INDEX["who_shared"]] == 0.0 and _rivals_in(a.roles, b.roles))
            or _rivals_in(a.parties, b.parties))


def text_score(a: Profile, b: Profile) -> float:
    small, large = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    return sum(v * large.get(t, 0.0) for t, v in small.items())


_INDEX = {f: i for i, f in enumerate(FEATURES)}


def pair_features(a: Profile, b: Profile) -> np.ndarray:
    x = np.zeros(len(FEATURES))
    x[0] = 1.0
    what = _what(a, b)
    if what in _INDEX:  # kinds that differ, or one unknown to the lexicon: the bias
        x[_INDEX[what]] = 1.0
    who = _who(a, b)
    x[_INDEX["who_shared"]] = who
    ia, ib = a.interval, b.interval
    if max(_span(ia), _span(ib)) > WIDEST_WHEN and compatible(ia, ib):
        pass  # a span wider than a year (a decade, "this century", "2021-2022") holds nearly any
        # date of the pages, or is the same wide span: it says nothing of when
    elif (ia.date_start, ia.date_end) == (ib.date_start, ib.date_end):
        x[_INDEX["when_same"]] = 1.0
    elif compatible(ia, ib):
        x[_INDEX["when_within"]] = 1.0
    else:
        gap = gap_days(ia, ib)
        scaled = min(1.0, math.log1p(gap) / math.log1p(3650))
        if not (a.planned or b.planned) and ((gap <= COUNTED_SLACK and (_counted_off(a, b) or _counted_off(b, a)))
                                              or _unit_off(a, b) or _unit_off(b, a)):
            x[_INDEX["when_counted"]] = 1.0  # a day counted from the page's date, a day off a date told; a
            # month or year counted from another date ("three years later"), a unit off
        elif not (a.planned or b.planned):
            x[_INDEX["when_gap"]] = scaled
        elif what == "what_same" and _came_of(a, b):
            x[_INDEX["when_within"]] = 1.0  # plans move: the date the plan named is not kept
        elif what == "what_same":
            x[_INDEX["when_plan_apart"]] = 1.0  # a plan and one of its kind it cannot have been for
        # else: a plan's date against another kind of happening, or one of the
        # same kind whose date is not kept, says nothing either way
    if a.sentence_at != b.sentence_at:  # two statements of one sentence share its words whatever they tell
        x[_INDEX["text"]] = text_score(a, b)
        x[_INDEX["rare_words"]] = min(2, len(a.rare & b.rare)) / 2
    return x


def _came_of(a: Profile, b: Profile) -> bool:
    """A plan and what came of it, or two plans: statements of the same kind
    of happening where one is a plan and the other a plan too, or the
    happening done at a date after the plan's (or after the plan was told:
    "originally scheduled for 2007" told in 2022). Plans move; the
    happening they were for is one (a plan is superseded, not a rival).
    Not when both name participants and share none (one party's planned
    deposit is not another's notification)."""
    if a.who and b.who and not a.who.keys() & b.who.keys():
        return False
    for plan, other in ((a, b), (b, a)):
        if not plan.planned:
            continue
        if other.planned or plan.told is None:
            return True
        if other.interval.date_end >= min(plan.told, plan.interval.date_start):
            return True
    return False


COUNTED_SLACK = SLACK_DAYS  # days a counted day may be off the happening's


def _counted_off(a: Profile, b: Profile) -> bool:
    """``a``'s day is counted from its page's date ("yesterday") and may be
    ``b``'s told a day off, unless its page gives its kind of happening
    ``b``'s date too: a page that tells "released yesterday" and "The rest
    came out today" counted both days on purpose, two
    happenings."""
    return a.counted and (b.interval.date_start, b.interval.date_end) not in a.page_kind_dates


def _unit_off(a: Profile, b: Profile) -> bool:
    """``a``'s month or year is counted in whole units from another date its
    page told ("three years later" after "December 2015": 2018), and ``b``'s
    date lies within a unit of it (2017-06-01): a count rounds, and so does
    the date it is counted from."""
    if not a.counted_unit:
        return False
    unit = 366 if a.interval.precision == Precision.YEAR else 31
    return (b.interval.date_end.toordinal() >= a.interval.date_start.toordinal() - unit
            and b.interval.date_start.toordinal() <= a.interval.date_end.toordinal() + unit)


WIDEST_WHEN = 366  # days: a date wider than a year is no evidence that it holds another


def _span(i: DateInterval) -> int:
    return (i.date_end - i.date_start).days + 1


def gap_days(a: DateInterval, b: DateInterval) -> int:
    """How far apart two dates are, midpoint to midpoint: two months in a
    row are a month apart (not a day, as their edges are), so a coarse date
    is not made cheap by its width."""
    mid_a = a.date_start.toordinal() + a.date_end.toordinal()
    mid_b = b.date_start.toordinal() + b.date_end.toordinal()
    return max(1, abs(mid_a - mid_b) // 2)


WORDING_GATE = 0.3  # without a what-match, sentences must be at least this alike to merge ...
RARE_DF = 3  # ... or share two words that at most this many statements of the run use


def related(x: np.ndarray) -> bool:
    """The gate: the pair says something of what happened in common -- a kind
    of happening, much the same words, two rare words; or all it names beyond
    the topic (a named programme, a mission), the same on both sides, on the
    same date ("Since 2012, work is taken forward through the programme" and
    "formalised its cooperation in 2012 with the programme", when pages on
    other partners name the programme too and make its words common)."""
    return bool(x[_INDEX["what_same"]] or x[_INDEX["what_near"]] or x[_INDEX["what_told"]]
                or x[_INDEX["text"]] >= WORDING_GATE
                or x[_INDEX["rare_words"]] >= 1.0
                or (x[_INDEX["who_shared"]] >= 1.0 and x[_INDEX["when_same"]]))
UNRELATED = -3.0  # the score of a pair with nothing said of what happened in common


def pair_score(x: np.ndarray, model: IdentityModel) -> float:
    """Log-odds that two statements of features ``x`` (pair_features) tell
    one happening. Agreeing on when and who is not enough: without the same
    (or a named) kind of happening, or much the same words, two statements
    are unrelated (a dense timeline has many happenings a day)."""
    score = float(x @ np.asarray(model.weights))
    if not related(x):
        return min(score, UNRELATED)
    return score


AGENT_ROLES = ("PERSON", "ORG", "GPE", "NORP")  # entity types that act; one of each type is one role


def _plan_and_outcome(a: Profile, b: Profile) -> bool:
    """Both plans, one told as moved (a page telling how a date was moved:
    "delayed to", "originally scheduled for"; two plans of one page with two
    dates and no word of a move are two happenings: a trial set for one date
    and fallback dates for another), or a plan and a report of the same kind
    of happening (what was planned, and when it came)."""
    if a.planned and b.planned:
        return a.moved or b.moved
    return (a.planned or b.planned) and a.concept is not None and a.concept == b.concept and a.concept != PLAN


def one_page_conflict(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    """One page, two dates: two happenings, unless a rescheduling or a plan
    and what came of it."""
    return ea.doc_id == eb.doc_id and not compatible(a.interval, b.interval) and not _plan_and_outcome(a, b)


def likely_apart(ea: Event, eb: Event, a: Profile, b: Profile, x: np.ndarray) -> bool:
    """Two happenings, unless many statements say otherwise: one page giving
    two dates (``one_page_conflict``); related kinds of happening (what_near)
    whose agents are other entities, none shared, of any type ("the European
    Parliament approved" is not "63 countries ratified" that day); or, in two pages, the same kind of
    happening whose agents are other entities of one type, none shared ("the
    US signed" is not "France signed" on the same day), or naming other
    parties of the topic; or kinds of happening the lexicon knows and does
    not relate, done by others ("NATO launched the initiative" is not
    "Australia has taken part in it since 2014": ``_other_kinds_by_others``). Agents only: the other participants of a clause
    are places, causes and instruments as often ("pushed back due to
    COVID-19" is not another launch than "launched from Kourou"); and a
    participant's type is often misread, so a large group is not split over
    it."""
    if one_page_conflict(ea, eb, a, b):
        return True
    if _other_kinds_by_others(ea, eb, a, b):
        return True  # "NATO launched the initiative" is not "Australia has taken part in it since"
    near = x[_INDEX["what_near"]] or x[_INDEX["what_told"]]
    if near and a.agents and b.agents and not (a.agents & b.agents):
        return True  # related kinds done by others: "the Parliament approved" is not "63 countries ratified"
    if near and ea.doc_id == eb.doc_id and _other_doers(a, b):
        return True  # one page: "Musk asked the court to stay the trial" is not "a judge paused the trial"
    if not x[_INDEX["what_same"]]:
        return False
    return _rivals_in(_agent_roles(a), _agent_roles(b)) or _rivals_in(a.parties, b.parties)


def _other_kinds_by_others(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    """Kinds of happening the lexicon knows and does not relate
    (``unrelated_kinds``), done by others (``_other_doers``), and neither
    sentence naming the other's kind (a sentence of two happenings may give
    one's date to the other's word: "was launched on 25 December and arrived
    at L2 in January"). Likely apart, not a ban: the kind is read from one
    word, which may be read wrong ("a thruster firing" read as a dismissal)."""
    return (unrelated_kinds(a, b) and _other_doers(a, b)
            and not _names_kind_of(ea, b) and not _names_kind_of(eb, a))


def _other_doers(a: Profile, b: Profile) -> bool:
    """Both name who did it (what the pages are about included: facts.agents),
    none the same."""
    return bool(a.doers.agents and b.doers.agents and not (a.doers.agents & b.doers.agents))


def _agent_roles(p: Profile) -> dict[str, str | None]:
    """The statement's agents beyond the topic, with their entity types."""
    return {k: p.roles.get(k) for k in p.agents}


# The score of a pair likely_apart: below any pair's evidence (the model's best
# is about 7), so never merged alone, yet one misread statement does not veto
# two large groups that agree on the rest.
APART = -10.0


def cannot_link(ea: Event, eb: Event, a: Profile, b: Profile, x: np.ndarray,
                labels: Mapping[str, str | None] | None = None) -> bool:
    """Two happenings, whatever else the pair shares (``x``: its pair_features):
    another participant in one role.
    - other participants of one type, none shared (two countries, two
      people: ``_rivals``), and not the same kind of happening or in one
      page: "the US signed" is not "the treaty was opened for signature in
      New York" on the same day; one page that tells a happening twice
      names its cast alike ("Nigel Farage posted" is not another's post);
    - different agents in one role: each statement has an agent of a type
      whose agent the other does not name at all (one country's
      ratification is not another's), agents of a trigger the lexicon
      knows, what the pages are about among them (``Profile.acting``: a
      partner's programme with the alliance is not the subject country's);
    - two meetings with no doer, each named after a body the other does
      not name and whose names share no initials ("the G20 summit" is not
      "the BRICS summit"; "the UNFCCC conference" may be "the United
      Nations Framework Convention on Climate Change conference";
      ``Profile.hosts``, facts.agents.who_meets);
    - a counted group's act and one named member's ("63 countries had
      ratified" is not India's ratification; facts.agents);
    - a doer's act and a statement with no doer whose page tells that
      doer's part as another happening of its kind, days off
      (facts.agents.named_apart);
    - what holds since a date and a happening of another kind that opened
      it: the one its sentence dates as a point on that date, or one of the
      kind the date's phrase names ("Since it launched on 25 December, Webb
      has been unfolding" is not the launch: ``_state_and_its_start``)."""
    if (not x[_INDEX["what_same"]] or ea.doc_id == eb.doc_id) and _rivals(a, b, x):
        return True
    if _state_and_its_start(ea, eb, a, b) or _state_and_its_start(eb, ea, b, a):
        return True
    if different_doers(a.doers, b.doers, labels or {}):
        return True  # a counted group's act and one member's (facts.agents)
    own_a = a.acting - set(eb.participant_ids)
    own_b = b.acting - set(ea.participant_ids)
    if own_a and own_b:
        labels = labels or {}
        roles_a = {labels.get(p) for p in own_a} & set(AGENT_ROLES)
        roles_b = {labels.get(p) for p in own_b} & set(AGENT_ROLES)
        return bool(roles_a & roles_b)
    return _other_hosts(ea, eb, a, b)


def _state_and_its_start(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    """``a`` tells what holds since a date and ``b`` a happening that it is
    not: one sentence giving the date to ``b``'s verb as a point and to
    ``a``'s as the start of what holds since ("Since the app launched on 3
    March, its makers have been adding features": two statements the
    sentence tells apart, whatever kinds they are read as; an unknown verb
    takes its clause's kind), or ``b`` of another kind, the one ``a``'s date
    phrase names (``Profile.opened_by``: a launch another page tells is not
    what has held since it)."""
    if ea.date_role != "since" or eb.date_role == "since":
        return False
    told_apart = (a.sentence_at == b.sentence_at and ea.trigger != eb.trigger
                  and (ea.date_start, ea.date_end) == (eb.date_start, eb.date_end))
    return told_apart or (a.opened_by is not None and a.opened_by == b.concept and a.concept != b.concept)


def _other_hosts(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    """Two meetings each named after a body the other does not name, no
    two of their names one body's (facts.agents.one_host)."""
    own_a = {p: n for p, n in a.hosts.items() if p not in eb.participant_ids}
    own_b = {p: n for p, n in b.hosts.items() if p not in ea.participant_ids}
    if not own_a or not own_b or len(own_a) < len(a.hosts) or len(own_b) < len(b.hosts):
        return False
    return not any(one_host(na, nb) for na in own_a.values() for nb in own_b.values())


def must_link(ea: Event, eb: Event, a: Profile, b: Profile) -> bool:
    return ea.doc_id != eb.doc_id and a.sentence_key == b.sentence_key


STICKY = 5.0  # log-odds that the last run's decision on two unchanged statements still holds


BLOCK_WINDOW = 50  # in a crowded block, a statement is compared with this many neighbours by date
TOP_WORDS = 3  # each statement is indexed under its this many weightiest words ...
WORD_BLOCK_SHARE = 0.02  # ... that at most this share of the run's statements use


def _keys(p: Profile, common: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """Blocking keys: two statements are scored only if they share one (a
    kind of happening or a related one, a rare word, a weighty word, the
    sentence). Pairs sharing none would fail the what-gate anyway."""
    lex = lexicon()
    keys = {("s", p.sentence_key)}
    for c in p.clause_concepts | ({p.concept} if p.concept else set()):
        base = base_concept(c)
        keys.add(("c", base))
        keys |= {("c", b) for a, b in lex.related if a == base}
    keys |= {("r", w) for w in p.rare}
    keys |= {("p", e) for e in p.who}  # all named beyond the topic shared on one date opens the gate too
    weighty = [t for t, _ in sorted(p.tokens.items(), key=lambda tv: (-tv[1], tv[0])) if t not in common]
    keys |= {("w", t) for t in weighty[:TOP_WORDS]}
    return keys


def candidate_pairs(evs: Sequence[Event], prof: Sequence[Profile],
                    previous: Mapping[str, str] | None = None) -> set[tuple[int, int]]:
    """Pairs to score: those sharing a blocking key, and those the last run put in one fact."""
    previous = previous or {}
    df: Counter = Counter(t for p in prof for t in p.tokens)
    common = frozenset(t for t, c in df.items() if c > max(5, WORD_BLOCK_SHARE * len(prof)))
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(prof):
        for k in _keys(p, common):
            blocks[k].append(i)
        if evs[i].event_id in previous:
            blocks[("fact", previous[evs[i].event_id])].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > BLOCK_WINDOW:
            members = sorted(members, key=lambda i: (evs[i].date_start, i))
            for x, i in enumerate(members):
                for j in members[x + 1 : x + 1 + BLOCK_WINDOW]:
                    pairs.add((min(i, j), max(i, j)))
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def cluster(events: Sequence[Event], topic: frozenset[str] = frozenset(),
            model: IdentityModel | None = None, labels: Mapping[str, str | None] | None = None,
            previous: Mapping[str, str] | None = None, subject: frozenset[str] = frozenset()) -> list[list[Event]]:
    """Groups of statements, one per happening; deterministic in any input order.

    ``previous``: event id -> fact id of the last run. Two statements the
    last run also saw keep its decision (together or apart) unless the
    evidence against it is overwhelming, so a page update regroups only
    what it touches."""
    previous = previous or {}
    model = model or default_model()
    evs = sorted(events, key=lambda e: e.event_id)
    n = len(evs)
    if n == 0:
        return []
    prof = profiles(evs, topic, labels, subject)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[tuple[int, int], float] = {}
    banned_pairs: set[tuple[int, int]] = set()  # cannot-links
    for i, j in sorted(candidate_pairs(evs, prof, previous)):
        a, b = prof[i], prof[j]
        feats = pair_features(a, b)
        if cannot_link(evs[i], evs[j], a, b, feats, labels):
            banned_pairs.add((i, j))
            continue
        if likely_apart(evs[i], evs[j], a, b, feats):
            scores[(i, j)] = APART
            continue
        s = 1e6 if must_link(evs[i], evs[j], a, b) else pair_score(feats, model)
        was_i, was_j = previous.get(evs[i].event_id), previous.get(evs[j].event_id)
        if was_i is not None and was_j is not None and s < 1e6:
            s = s + STICKY if was_i == was_j else s - STICKY
        scores[(i, j)] = s
        if s > model.threshold:
            parent[find(i)] = find(j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        components[find(i)].append(i)
    groups: list[list[Event]] = []
    for members in components.values():
        k = len(members)
        if k == 1:
            groups.append([evs[members[0]]])
            continue
        score = np.full((k, k), UNRELATED)
        banned = np.zeros((k, k), dtype=bool)
        for x in range(k):
            for y in range(x + 1, k):
                i, j = members[x], members[y]
                if (i, j) in banned_pairs:
                    banned[x, y] = banned[y, x] = True
                    continue
                if (i, j) in scores:
                    score[x, y] = score[y, x] = scores[(i, j)]
                    continue
                feats = pair_features(prof[i], prof[j])
                if cannot_link(evs[i], evs[j], prof[i], prof[j], feats, labels):
                    banned[x, y] = banned[y, x] = True
                elif likely_apart(evs[i], evs[j], prof[i], prof[j], feats):
                    score[x, y] = score[y, x] = APART
        for part in _average_linkage(score, banned, model.threshold):
            groups.append([evs[members[x]] for x in sorted(part)])
    return sorted(groups, key=lambda g: g[0].event_id)


def _average_linkage(score: np.ndarray, banned: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the two groups of highest average score while it is above the
    threshold and no cannot-link joins them; indices into ``score``. Each
    row keeps its best partner, so a merge costs O(k), not O(k²)."""
    k = len(score)
    clusters = [[i] for i in range(k)]
    sums = np.where(banned, 0.0, score)
    np.fill_diagonal(sums, 0.0)
    ban = banned.copy()
    np.fill_diagonal(ban, True)
    sizes = np.ones(k)
    alive = np.ones(k, dtype=bool)
    avg = np.where(ban, -np.inf, sums)
    arg = avg.argmax(axis=1)
    best = avg[np.arange(k), arg]
    while True:
        i = int(np.argmax(best))
        if not np.isfinite(best[i]) or best[i] <= threshold:
            break
        j = int(arg[i])
        i, j = min(i, j), max(i, j)
        clusters[i] += clusters[j]
        clusters[j] = []
        alive[j] = False
        sums[i, :] += sums[j, :]
        sums[:, i] = sums[i, :]
        sums[i, i] = 0.0
        ban[i, :] |= ban[j, :]
        ban[:, i] = ban[i, :]
        sizes[i] += sizes[j]
        row = np.where(ban[i] | ~alive, -np.inf, sums[i] / (sizes[i] * sizes))
        row[i] = -np.inf
        avg[i, :] = row
        avg[:, i] = row
        avg[j, :] = -np.inf
        avg[:, j] = -np.inf
        best[j] = -np.inf
        # rows whose best partner was i or j look again; the others may only gain i
        stale = np.flatnonzero(alive & ((arg == i) | (arg == j)))
        for r in stale:
            arg[r] = int(np.argmax(avg[r]))
            best[r] = avg[r, arg[r]]
        gain = alive & (row > best)
        gain[i] = False
        arg[gain] = i
        best[gain] = row[gain]
        arg[i] = int(np.argmax(avg[i]))
        best[i] = avg[i, arg[i]]
    return [c for c, a in zip(clusters, alive) if a]
