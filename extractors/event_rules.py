"""Vocabularies for events: what kind of happening a trigger names, and
which nouns name happenings. Kept apart from the logic in events.py; the one
parse test the rules share, ``has_to_infinitive``, lives here too."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def subtree_range(tok: Token) -> tuple[int, int]:
    """The character range of a token's phrase (its subtree), relative to the parsed text."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def has_to_infinitive(verb: Token) -> bool:
    """The verb is a to-infinitive ("to read", "is to launch"): "to" is its auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Penn tags of a finite verb (past, present, modal)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# the dependencies of a clause's subject: a nominal one, a passive's, an expletive "there"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})


def tensed(verb: Token) -> bool:
    """The verb carries a tense: a finite form or a finite auxiliary ("launched", "was launched", "will launch")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def has_own_subject(verb: Token) -> bool:
    """A subject hangs on the verb itself (not on a verb it completes)."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def finite_clause(verb: Token) -> bool:
    """A clause with a tense or a subject of its own ("the plan was signed", "Acme signing"; not "plans to consider")."""
    return tensed(verb) or has_own_subject(verb)

# Kind of happening, by trigger lemma. Events of different kinds about the
# same thing (the start and the end of a mission) are different facts.
TRIGGER_KINDS: dict[str, frozenset[str]] = {
    "begin": frozenset(
        """begin start launch establish found form create sign formalise formalize conclude adopt agree open
        join accede inaugurate introduce initiate set institute enter commence deploy ratify inaugurate
        signature signing launch establishment foundation formation creation adoption agreement accession
        inception start beginning opening deployment ratification engage""".split()
    ),
    "end": frozenset(
        """end complete finish terminate close withdraw leave expire conclude cease suspend dissolve disband
        completion end termination withdrawal closure expiry dissolution suspension""".split()
    ),
    "change": frozenset("update revise renew amend upgrade expand extend reform replace modify strengthen".split()),
    "meet": frozenset("meet visit hold attend host convene summit meeting visit conference talks".split()),
}

# Nouns that name a happening and can carry a date themselves
# ("the joint signature of ... in June 2012", "research by Houzz in 2022").
# Nominalisations by suffix, plus the nouns English makes from a verb with no
# suffix at all (research, launch, visit) and common happening nouns.
EVENT_NOUN_SUFFIXES = ("tion", "sion", "ment", "ure", "al", "ance", "ence")
EVENT_NOUNS = frozenset(
    """signature signing launch meeting summit visit war attack invasion election agreement treaty accord deal
    deployment mission operation exercise talks conference ceremony withdrawal start end beginning opening
    creation foundation formation establishment adoption accession ratification
    research study survey report review analysis audit census experiment inquiry interview
    release update change move merger buyout takeover acquisition sale purchase
    offer bid trial hearing verdict ruling lawsuit vote poll referendum attack raid strike bombing
    shooting crash collapse fire flood storm earthquake outbreak pandemic protest rally march concert show
    festival event celebration anniversary birth death wedding marriage divorce arrest murder killing
    rise fall drop increase decrease growth decline surge jump gain loss win victory defeat award prize
    debut premiere tour trip flight landing liftoff delay shutdown ban recall reform cut hike funding
    investment deal partnership collaboration expansion redesign rebrand rollout upgrade outage breach hack
    incident accident announcement decision approval appointment resignation retirement departure arrival
    founding opening closing closure graduation enrollment registration session workshop
    webinar talk lecture seminar competition tournament game match race
    comeback return revival breakthrough milestone
    inauguration coronation occupation independence revolution coup uprising ceasefire truce battle siege
    deposit transfer handover criticism backlash""".split()
)
# Words that head the name of a happening ("2012's London Olympics", "2016's Glastonbury Festival"): a year's
# possessive before such a name dates that edition, not a work's release (extractors.date_framings.names_a_work).
# Word forms, singular "war" only ("2015's Star Wars" is a film); no "show" or "series", which head titles.
EVENT_NAME_WORDS = frozenset(
    """hurricane typhoon cyclone storm superstorm tornado earthquake quake tsunami flood floods wildfire fire
    eruption blizzard olympics olympiad paralympics games festival fest carnival parade expo fair gala
    election elections referendum primary primaries caucus caucuses inauguration coronation
    war invasion revolution uprising rebellion riots protests protest massacre attack attacks bombing bombings
    crisis crash collapse disaster pandemic outbreak epidemic strike shutdown
    summit talks conference congress convention forum
    cup championship championships tournament marathon playoffs final finals bowl derby open prix rally
    regatta awards ceremony concert tour""".split()
)
# Titles that open the name of a storm or an operation ("2019's Hurricane Dorian", "Tropical Storm Alberto").
EVENT_NAME_TITLES = frozenset({"hurricane", "typhoon", "cyclone", "storm", "superstorm", "operation"})
# Words ending in an event suffix that do not name a happening.
NOT_EVENT_NOUNS = frozenset(
    """capital animal hospital total journal material manual rental portal signal individual interval editorial
    general official professional rival nature picture structure culture feature future
    temperature literature furniture figure measure pressure sentence science audience experience evidence
    distance balance licence license reference department government apartment equipment
    environment instrument document nation station position question section portion
    version region religion mansion pension television vision population information
    organization organisation association institution location application edition intention""".split()
)

# Verbs that say nothing on their own; the event is their complement.
LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "get", "give", "become", "remain", "continue", "seek"})

# Frames around a happening that are never its trigger when a content verb
# or event noun is at hand: copula and light verbs, perception and
# "time saw X" verbs, "according to", "Read more", "examine".
FRAME_VERBS = LIGHT_VERBS | frozenset(
    {"see", "witness", "mark", "bring", "accord", "read", "examine", "look", "find", "show", "feature", "include"}
)
# Verbs that look ahead to what their infinitive names ("promised to hold a
# referendum next year", "wants to sell in 2025") or bring it about ("led
# employers to raise wages last month", "requires the company to begin an
# auction in June"): the date is the complement's, not theirs.
LOOK_AHEAD_VERBS = frozenset(
    """want wish hope promise pledge vow swear offer agree threaten seek try attempt strive prepare decide
    choose resolve ask urge need propose plan intend aim expect schedule arrange mean
    lead cause prompt help enable allow permit require force compel order authorize encourage persuade""".split()
)
# Verbs of undergoing or carrying out whose object names the happening ("experienced an outage", "suffered a
# defeat", "conducted a survey in 2024"): the date is the object's when it is an event noun.
UNDERGO_VERBS = frozenset({"experience", "undergo", "suffer", "conduct"})
# Verbs that only say a happening came about: their subject names it ("the death occurred Saturday" -> death,
# "accidents have occurred since 2015" -> accidents)
OCCUR_VERBS = frozenset({"occur", "happen", "unfold", "recur"})
# Support verbs: with an event noun as object (or, passive, as subject) they say the happening was held, met
# or drawn, and the noun names it ("held talks on Monday" -> talks, "the vote will be held Tuesday" -> vote,
# "reached a settlement in May" -> settlement, "staged a protest", "drew criticism", "faced criticism"); the
# verbs of undergoing do the same in the passive ("testing conducted in April" -> testing)
SUPPORT_VERBS = frozenset({"hold", "stage", "reach", "draw", "face"})
# "go on <noun>": going on sale, strike or trial is that happening ("tickets go on sale Friday" -> sale)
GO_ON_VERBS = frozenset({"go"})
# Verbs of announcing: an object naming an act the announcing itself completes ("announced the selection of
# ...", "announced an order of 50 jets on Monday") is a happening of the announcement's own day, unless the noun
# is said to come later ("announced the upcoming selection"); any other happening announced keeps the
# announcing verb: it may be a plan ("announced the opening of a new store", "a review of the service") or wait
# on something ("announced the acquisition of Acme, pending approval").
ANNOUNCE_VERBS = frozenset({"announce"})
# The acts an announcement completes: a choice made known, an order or contract placed, a prize given
ANNOUNCED_NOUNS = frozenset({"selection", "appointment", "nomination", "winner", "award", "order", "contract"})
# Modifiers that put a happening after its announcement ("the upcoming launch", "a planned merger")
LATER_MODIFIERS = frozenset(
    "upcoming planned proposed future forthcoming coming next possible potential intended expected prospective".split())
# Nouns of persons: "my grandfather has been around since 1931" tells that he has lived since then, no
# happening (extractors.triggers, been-around); with the title words of extractors.entity_rules and words of
# the agent suffixes "-ist", "-ian" ("artist", "musician")
PERSON_NOUNS = frozenset(
    """person people man men woman women child children kid baby boy girl guy family friend neighbour neighbor
    father mother parent grandfather grandmother grandparent grandpa grandma dad mum mom son daughter brother
    sister uncle aunt cousin husband wife partner nephew niece ancestor relative teacher doctor nurse farmer
    worker member resident citizen customer client owner founder veteran""".split()
)
# Lemmas the lemmatiser gets wrong, by the form it gives ("installed" -> "instal", "axed" -> "ax",
# "rebuilt" -> "rebuilt"): the verb's dictionary form.
LEMMA_REPAIRS: dict[str, str] = {
    "instal": "install", "uninstalle": "uninstall", "ax": "axe", "greenlit": "greenlight", "relit": "relight",
    "rebuilt": "rebuild",
}

# Frames whose date belongs to the clause they stand in, not to them.
DETACHED_FRAMES = frozenset({"accord", "read", "see", "look"})

# Entity labels that describe rather than take part ("European", "Ethiopian").
NON_PARTICIPANT_LABELS = frozenset({"NORP"})

# Auxiliaries that make a sentence say what may, could or should happen,
# not what happened or is planned ("will", "is set to" stay statements).
HEDGING_MODALS = frozenset({"may", "might", "could", "should", "must", "can", "ought", "shall"})
# Date words that name the present moment; with no completed or planned
# happening in their clause they mean "nowadays", not a day.
DEICTIC_NOW = frozenset({"today", "now", "nowadays", "these days", "currently", "tonight", "tomorrow", "right now"})
# A part of a day with no day of its own ("in the morning", "the rest of the
# day", "the same day"): a routine or an unnamed day, never the page's date.
GENERIC_DAY_PART = re.compile(
    r"(?:(?:in|during|for|at|by|on)\s+)?the\s+(?:same\s+|whole\s+|entire\s+|rest\s+of\s+the\s+)?"
    r"(?:morning|afternoon|evening|night|day)",
    re.I,
)
# Verbs of a post's or a page's label when a colon follows them ("Bob
# wrote:", "Last modified: 2024-01-05", "Posted: ..."): a timestamp, not a happening.
POST_LABEL_VERBS = frozenset({"write", "post", "modify", "edit", "update", "publish", "reply", "comment", "submit"})
# Verbs whose "if" clause is what is learnt or asked, not a condition
# ("staff would find out by 9 a.m. if their jobs had been cut").
IF_COMPLEMENT_VERBS = frozenset({"find", "know", "ask", "see", "check", "wonder", "decide", "determine", "learn", "tell"})
# Subordinators of a condition: what follows may or may not happen.
CONDITION_MARKERS = frozenset({"if", "unless", "whenever", "provided", "should"})
# Verbs of advice: what they govern is recommended, not stated.
ADVICE_VERBS = frozenset({"recommend", "suggest", "advise", "urge", "encourage"})
# Verbs of a writer's own belief or wish: what "I think ...", "we hope to ..." governs is an opinion, not a statement.
OPINION_VERBS = frozenset({"think", "believe", "guess", "suppose", "reckon", "bet", "imagine", "hope", "wish"})
# Adverbs of a habit or a generality ("we usually meet in May").
HABITUAL_ADVERBS = frozenset(
    {"usually", "always", "often", "typically", "generally", "normally", "regularly", "frequently", "sometimes",
     "never", "rarely", "seldom", "annually", "yearly", "monthly", "weekly", "daily", "traditionally", "ever"}
)
# Of those, the adverbs of a rate ("grew 3% annually"): with a date that
# writes its year they measure a quantity per period, not a habit.
RATE_ADVERBS = frozenset({"annually", "yearly", "monthly", "weekly", "daily"})
# Verbs a writer uses to announce what the text itself does ("Today we'll
# take a close look at ...", "This season we're breaking down ..."): with
# "we"/"I" and no past tense, the date is the text's, not a happening's.
META_VERBS = frozenset(
    """look break explore discuss cover review share walk dive delve examine talk explain highlight compare unpack
    answer round recap revisit consider outline list rank test""".split()
)
# Nouns of a stretch of time ("had a great summer", "a decade of growth",
# "a lovely evening"): how a time went, never the happening a date belongs to.
TIME_NOUNS = frozenset(
    """year month week day quarter season time period night weekend summer spring autumn fall winter evening
    morning afternoon hour minute decade century fortnight semester term""".split()
)
# Nouns of what befalls someone: a light verb's indefinite object that names
# a happening although no event-noun rule knows it ("had a problem", "had an
# accident", "had a baby", "had a one-time charge"); any other object of "have"
# is owned ("had a car").
# ("fall" is a time noun: TIME_NOUNS)
HAPPENS_TO_NOUNS = frozenset(
    """problem issue accident baby stroke seizure crash breakdown setback incident injury illness outage
    scare miscarriage operation surgery charge""".split()
)
# Nouns naming a source of figures a "based on"/"according to" frame may
# cite ("according to figures from 2024", "based on data through June"):
# the date on them is the source's.
SOURCE_NOUNS = frozenset(
    """figure data report filing statistic estimate survey census record""".split()
)
# Relative date words whose day is the reader's or the writer's now
# ("today", "this week", "this season").
DEICTIC_DATE = re.compile(r"^(?:today|tonight|now|this\s+(?:week|weekend|month|season|year|spring|summer|autumn|fall|winter))\b", re.I)
# Nouns a date may qualify without dating any happening ("opinions for
# 2024", "styles from the 1920s", "books to read in 2025").
QUALIFIER_PREPS = frozenset({"from", "for"})
# A clock time with no day of its own ("at 6am", "at 18:30").
CLOCK_ONLY = re.compile(r"^(?:at\s+|by\s+|around\s+|about\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|h|hrs)?$", re.I)

# A span reaching back to the writer's now ("over the past year", "during
# the last two months", "in the past decade"): a duration up to the page's
# date, not a period something happened in.
PAST_SPAN = re.compile(
    r"^(?:(?:over|during|in|for|throughout|within)\s+)?the\s+(?:past|last|previous|preceding)\s+"
    r"(?:(?:\w+|\d+)\s+)?(?:years?|months?|decades?|weeks?|days?|century|centuries)$",
    re.I,
)
# A period counted from a person's own start ("on his first day in office",
# "her last week"): no calendar date of its own.
POSSESSIVE_PERIOD = re.compile(
    r"^(?:(?:on|in|during|for|by)\s+)?(?:his|her|their|its|my|our|your)\s+(?:first|last|final|second|third|"
    r"opening|early|\d+(?:st|nd|rd|th))\s+(?:full\s+)?(?:day|days|week|weeks|month|months|year|years|term|hours?)$",
    re.I,
)

# Words that start an imperative line of advice or a call to action even
# when the parser takes them for something else.
IMPERATIVE_OPENERS = frozenset(
    {"read", "see", "click", "learn", "join", "register", "sign", "subscribe", "download", "book", "visit", "call",
     "contact", "discover", "explore", "check", "find", "get", "shop", "buy", "order", "watch", "listen", "try",
     "make", "remember", "note", "start", "save", "apply", "enroll", "enrol", "follow", "share", "request",
     "schedule", "reserve", "grab", "claim", "don't", "do", "please", "let", "take", "consider", "choose", "keep",
     "avoid", "use", "go", "plan", "hurry", "act"}
)


def trigger_kind(lemma: str | None, role: str) -> str:
    if lemma:
        for kind, lemmas in TRIGGER_KINDS.items():
            if lemma in lemmas:
                return kind
    if role == "since":
        return "begin"
    if role == "until":
        return "end"
    return "other"

# Verbs whose object is a stretch of time they run through ("finish 2023 with
# $3 billion", "enter 2026", "spent 2019 in Paris"): the object is the time.
PERIOD_VERBS = frozenset({"finish", "end", "start", "begin", "close", "enter", "spend", "open", "kick", "ring"})

# Nouns whose to-infinitive tells a happening, planned or done ("plans to
# launch on 18 December", "his bid to buy Twitter in April", "the decision to
# withdraw in 2017"): the infinitive keeps its date.
INFINITIVE_HAPPENING_NOUNS = frozenset(
    """plan target schedule deadline timetable decision bid offer agreement deal intention commitment promise
    pledge proposal move effort attempt order request call vote approval permission motion""".split()
)

# A shop's promotions: "Sale ends 03/31/2026", "Offers expire 9/30/2017", "Offer ends Mar 09": the end of a
# promotion is the shop's furniture, no happening the page tells. "offer" and "deal" only bare (a shop's
# label): "the offer expires on May 13" may be a tender offer, "the deal expires" a contract.
PROMOTION_NOUNS = frozenset("sale discount promotion promo coupon voucher rebate saving savings markdown clearance".split())
PROMOTION_LABEL_NOUNS = frozenset({"offer", "deal"})
TERM_END_VERBS = frozenset({"end", "expire"})
# Words before a promotion noun that make it a public measure, a treaty or a deal in finance, not a shop's
# promotion ("the federal EV rebate", "the tariff discount", "a ceasefire deal", "the takeover offer").
POLICY_MODIFIERS = frozenset(
    """tariff ceasefire cease-fire truce trade takeover tender federal tax government state national public
    fuel energy peace nuclear merger buyout acquisition share stock bond debt loan treaty""".split()
)
# Owners that make a promotion the shop's own ("our sale", "the store's discount").
SHOP_OWNERS = frozenset({"our", "site", "store", "shop"})

# Nouns of the text itself ("this guide will cover ...", "we've compiled a
# list of ..."): what it says it does is no happening. Not "report", "study" or "survey": a text often cites another's.
TEXT_NOUNS = frozenset(
    """list article post guide roundup round-up rundown piece page blog video newsletter overview selection
    ranking tutorial write-up writeup recap countdown compilation""".split()
)
# Determiners that point at the text being read ("this list", "our guide").
TEXT_DETERMINERS = frozenset({"this", "our", "my"})
# Verbs of a writer putting a list together ("we've compiled a list of the
# finest ... of 2023", "we rounded up the top ... of the year"); "put", "throw"
# and "pull" only with "together", "round" only with "up".
ASSEMBLE_VERBS = frozenset({"compile", "curate", "round", "gather", "select", "handpick", "pick", "rank", "put", "throw",
                            "pull", "assemble"})
ASSEMBLE_PARTICLES = {"round": "up", "put": "together", "throw": "together", "pull": "together"}
# Words that rank a thing within a period ("2022's most-played albums", "the
# best novels of the year", "the year's top stories"), besides superlatives.
RANK_WORDS = frozenset({"top", "favorite", "favourite", "best", "worst"})

# Two kinds of promise, neither a happening. A period holding things out to the reader, its verb in the simple
# present with the period (or its coming) as subject: "2025 offers endless possibilities", "The arrival of 2025
# brings fresh opportunities" (extractors.date_framings, rule "period-promise"). The text assuring the reader of
# what a clause under the verb says will come: "This plan ensures you'll get steady support" (extractors.events,
# rule "reader-future"); there the subject is a thing of the text's, the promised clause the reader's future.
PERIOD_PROMISE_VERBS = frozenset({"offer", "bring", "promise", "hold", "herald", "usher", "invite", "beckon", "await"})
READER_PROMISE_VERBS = frozenset({"ensure", "guarantee", "promise", "assure"})

# Words that evaluate rather than tell: a period described by them ("2024 was a banner year", "The first half of
# 2025 has some truly amazing games") or a thing said to be them in a period ("In 2025, AI tools will be
# indispensable") asserts no happening (extractors.date_framings, rules "period-subject" and "evaluative-predicate").
# Adjectives of marked praise that judge how something is ("a biggie"); not the everyday "big", "good", "strong",
# "busy" nor intensifiers ("very", "truly"), which as often tell how much happened ("2025 has big changes ahead").
EVALUATIVE_WORDS = frozenset(
    """great amazing awesome impressive incredible fantastic excellent wonderful terrific stellar outstanding remarkable
    exciting thrilling banner memorable unforgettable exceptional spectacular phenomenal brilliant biggie standout
    favorite favourite""".split()
)
# Predicates that say how much a thing matters or is needed: "will be indispensable", "is key to", "relies on".
WORTH_ADJECTIVES = frozenset(
    """indispensable essential crucial vital critical important key necessary paramount pivotal invaluable
    valuable useful helpful beneficial relevant worthwhile imperative mandatory""".split()
)
DEPENDENCE_VERBS = frozenset({"rely", "depend", "hinge"})
# Verbs by which a period is described, not dated, with the period as subject: copulas, "have" and verbs of
# giving in the perfect or the future ("this year has already provided ..."); "saw", "marked" tell what happened.
PERIOD_COPULAS = frozenset({"be", "become", "remain", "seem", "look", "prove", "feel"})
PERIOD_GIVING_VERBS = frozenset({"have", "provide", "offer", "bring", "deliver", "give", "hold"})
# Nouns of a thing made for a period or sold by its year: a forecast, a budget, a list, a market, a model ("its
# 2025 forecast", "the 2026 housing market", "luxury pipelines for 2026", "the 2018 model"); a year qualifying one
# dates no happening (rule "thing-year"; the text's own nouns, TEXT_NOUNS, count too). Not measures ("2024 net
# income", "its 2025 average") nor nouns hiding a happening ("a 2017 graduate", "the 1999 bubble").
PERIOD_THING_NOUNS = frozenset(
    """forecast outlook projection prediction guidance budget roadmap pipeline lineup line-up calendar market trend
    insight priority edition model schedule landscape goal resolution strategy agenda""".split()
)
