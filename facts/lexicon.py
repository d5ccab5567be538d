"""What a statement says happened, as a concept: the trigger's lemma, or the
words of its clause, looked up in a lexicon of happenings
(facts/data/happenings.toml) that groups derivations and close synonyms
(sign/signature/signing, join/accession, launch/liftoff).

The kind is the clause's head event (``head_events``): not a happening it
negates ("won't be joining the board") nor the object of an abandonment, a
refusal, a suspension, an offer or a wait ("call off the purchase",
"rejected the offer to join", "offering to buy", "the acquisition is pending
approval"): a trigger so governed tells its governor's kind. A refusal keeps
what it refuses, and a clause whose only happening is negated tells a
refusal of it ("refuse:join"). A verb the lexicon does not know, in a clause
that reports ("he said in a statement posted ..."), tells the saying of what
its clause names, not that happening.

Pure string work: the words of a clause are matched by their written forms
(each verb's inflections are generated), no parser needed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from extractors.calendar_words import MONTH_NAMES, WEEKDAY_NAMES
from extractors.document_nouns import DOCUMENT_NOUNS
from extractors.field_labels import PICTURE_NOUNS

PLAN = "plan"
REPORT = "announce"
# a word; a plural genitive keeps its apostrophe before "own" ("the Joneses' own firm", see ``intensifier``)
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*(?:(?<=s)'(?=\s+own\b))?")


def base_concept(concept: str) -> str:
    """A concept less what it is of: "announce:launch" (the saying of a
    launch) is an announcement, "refuse:join" a refusal."""
    return concept.partition(":")[0]


def page_kind(doc_id: str, concept: str) -> tuple[str, str]:
    """The key under which a page's statements of one kind of happening go
    together: the page and the concept in full (the saying of a launch,
    "announce:launch", is not of the kind of the saying of a signing)."""
    return doc_id, concept


def normal(text: str) -> str:
    """Text as the lexicon reads it: lower case, typographic apostrophes plain."""
    return text.lower().replace("’", "'")


def tokens(text: str) -> list[str]:
    """The lexicon's words of ``text`` (``normal``)."""
    return _WORD.findall(normal(text))
_VOWELS = set("aeiou")
# "own" after a possessive ("on its own", "of their own", "the firm's own", "the Joneses' own") intensifies it: no verb of owning
_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their", "one's", "whose"})
_INTENSIFIERS = frozenset({"own"})


def intensifier(words: list[str], j: int) -> bool:
    """The word at ``j`` is an intensifying "own" after a possessive
    determiner or a genitive ("on its own", "a plan of his own", "the
    board's own review", "the Joneses' own firm"), not the verb of owning
    ("they own the firm", "the Joneses own the firm")."""
    if words[j] not in _INTENSIFIERS or j == 0:
        return False
    before = words[j - 1]
    return before in _POSSESSIVES or before.endswith(("'s", "s'"))


def inflections(word: str) -> set[str]:
    """A base form and its regular inflections (over-generating is harmless:
    the forms are only looked up)."""
    out = {word}
    if " " in word or "-" in word:
        head, sep, rest = word.partition(" " if " " in word else "-")
        return out | {f + sep + rest for f in inflections(head)}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        out |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith("e"):
        out |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        out |= {word + "es", word + "ed", word + "ing"}
    else:
        out |= {word + "s", word + "ed", word + "ing"}
        if len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            out |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stop -> stopped
    return out


@dataclass(frozen=True)
class Lexicon:
    concept_of: dict[str, str]  # written form (one word or a phrase) -> concept
    longest: int  # words in the longest phrase
    related: frozenset[tuple[str, str]] = frozenset()  # concepts often told for one another (both orders)
    shift: frozenset[str] = frozenset()  # words and phrases that tell a plan's date moved ("delayed", "new date")
    shift_adverbs: frozenset[str] = frozenset()  # ... only next to a plan word ("originally scheduled", "now planned")
    adopting: frozenset[str] = frozenset()  # forms of adopting ("adopted", "adoption")
    texts: frozenset[str] = frozenset()  # what is agreed on when adopted ("agreement", "treaty")
    coming: frozenset[str] = frozenset()  # verbs of a text's coming ("followed", "came")
    coming_texts: frozenset[str] = frozenset()  # ... whose subject, a text, was agreed (extractors.document_nouns)

    def near(self, a: str, b: str) -> bool:
        return (a, b) in self.related

    def lookup(self, lemma: str | None) -> str | None:
        if not lemma:
            return None
        return self.concept_of.get(normal(lemma))

    def concepts_in(self, text: str) -> list[tuple[int, str]]:
        """(word position, concept) of every lexicon word or phrase in ``text``,
        longest match first, in order."""
        return [(i, c) for i, _, c in self.matches(text)]

    def matches(self, text: str) -> list[tuple[int, str, str]]:
        """(word position, the words matched, concept), as concepts_in; an
        intensifying "own" ("on its own") says nothing (``intensifier``)."""
        words = tokens(text)
        out: list[tuple[int, str, str]] = []
        i = 0
        while i < len(words):
            if intensifier(words, i):
                out.append((i, words[i], ""))
                i += 1
                continue
            for n in range(min(self.longest, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                c = self.concept_of.get(phrase)
                if c is not None:
                    out.append((i, phrase, c))
                    i += n
                    break
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("facts").joinpath("data/happenings.toml").read_text(encoding="utf-8"))
    concept_of: dict[str, str] = {}
    groups = [(c, words) for c, words in data["concepts"].items()]
    groups += [(PLAN, data["plan"]["words"]), (REPORT, data["report"]["words"])]
    for concept, words in groups:
        for w in words:
            for form in inflections(normal(w)):
                concept_of.setdefault(form, concept)
    for w in data["generic"]["words"]:
        for form in inflections(normal(w)):
            concept_of.setdefault(form, "")  # known, says nothing
    longest = max(len(k.split()) for k in concept_of)
    related = {(a, b) for a, bs in data.get("related", {}).items() for b in bs}

    def forms(words: list[str]) -> frozenset[str]:
        return frozenset(form for w in words for form in inflections(normal(w)))

    return Lexicon(concept_of=concept_of, longest=longest, related=frozenset(related | {(b, a) for a, b in related}),
                   shift=forms(data["plan"]["shift"]), shift_adverbs=frozenset(map(normal, data["plan"]["shift_adverbs"])),
                   adopting=forms(data["adopt_text"]["adopting"]), texts=frozenset(map(normal, data["adopt_text"]["texts"])),
                   coming=forms(data["text_comes"]["verbs"]), coming_texts=forms(sorted(DOCUMENT_NOUNS)))


def _nearest(found: list[tuple[int, str]], text: str, trigger: str | None, trigger_text: str | None) -> str:
    at = _position(tokens(text), trigger, trigger_text) or 0
    # what a plan or a report governs follows it ("scheduled for launch"); else the nearest before it
    after = [ic for ic in found if ic[0] > at]
    if after:
        return min(after)[1]
    return max(found)[1]


@lru_cache(maxsize=65536)  # clustering and fact-id matching both ask it of every statement
def happening_concept(trigger: str | None, clause: str, trigger_text: str | None = None,
                      sentence: str = "", names: tuple[str, ...] = (), date_at: int | None = None) -> str | None:
    """The kind of happening a statement tells (``_happening_concept``), an
    adoption of a text read as agreeing on it (``agreed``). ``date_at``: the
    character offset of the statement's date in ``sentence``, if known."""
    kind = _happening_concept(trigger, clause, trigger_text, sentence, names, date_at)
    return agreed(kind, clause if any(w in lexicon().adopting for w in tokens(clause)) else sentence)


def agreed(concept: str | None, text: str) -> str | None:
    """An adoption whose object is a text (an agreement, a treaty, a
    convention) is agreeing on it: "agree" ("adopted the Paris Agreement",
    "the accord was adopted"); any other adoption stays one ("adopted a new
    logo", "adopted the law")."""
    return "agree" if concept == "adopt" and adopts_a_text(text) else concept


ADOPTED_SPAN = 4  # the text adopted lies at most this many words after the adopting word
PASSIVE_SPAN = 3  # ... or, its subject in the passive, at most this many before it
# words between a text and its adopting word in the passive ("the accord was formally adopted")
_PASSIVE_GAP = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "formally",
                          "unanimously", "finally", "later", "then", "which", "that"})


def adopts_a_text(text: str) -> bool:
    """``text`` tells the adoption of a text: an adopting word with a text word
    as its object (after it, in its clause) or as its subject in the passive
    ("the Agreement was adopted", "the Agreement, adopted in Paris")."""
    lex = lexicon()
    words, opens = _words(text)
    for i, w in enumerate(words):
        if w not in lex.adopting:
            continue
        for k in range(i + 1, min(len(words), i + 1 + ADOPTED_SPAN)):
            if k in opens:
                break
            if words[k] in lex.texts:
                return True
        k = i - 1
        while k >= 0 and i - k <= PASSIVE_SPAN and words[k] in _PASSIVE_GAP:
            k -= 1
        if k >= 0 and words[k] in lex.texts:
            return True
    return False


def _happening_concept(trigger: str | None, clause: str, trigger_text: str | None,
                       sentence: str, names: tuple[str, ...], date_at: int | None) -> str | None:
    """The kind of happening a statement tells.

    - a trigger in the lexicon: its concept ("signature" -> sign); negated,
      a refusal of it ("did not withdraw" -> refuse:withdraw);
    - a trigger governed by another kind ("offering to buy" -> offer,
      "called off the purchase" -> terminate, "rejected the offer to join"
      -> refuse:join): the governor's, also when the clause was summarised
      without the governor (the sentence's governor);
    - a trigger the lexicon does not know: the concept its clause names
      nearest to it ("reversed course by proposing a purchase" -> offer;
      in a clause that reports, its report: "said in a statement posted"
      -> "announce:..."), else itself, marked "?" ("?shipment");
    - a plan or a generic verb: the concept its clause (else its sentence)
      names nearest to the trigger ("scheduled to launch" -> launch);
    - a report: "announce", with what is announced ("announce:withdraw").
    Participants' names are not read as words ("the Paris Agreement" says
    nothing of agreeing). None when nothing is known.
    """
    lex = lexicon()
    own = trigger_concept(trigger, clause, trigger_text)

    def named(text: str) -> str | None:
        text = without_names(without_asides(text), names)
        found = [(i, c) for i, c in head_events(text) if c not in ("", PLAN, REPORT)]
        return _nearest(found, text, trigger, trigger_text) if found else None

    if own is None and handed_out_picture(sentence or clause):
        return RELEASE  # "this image provided by NASA": the day it was put out
    if own is None and trigger and (normal(trigger) in _DENIALS or normal(trigger_text or "") in _DENIALS):
        return "?" + normal(trigger)  # "denied he was terminating the deal": nothing it names is done
    if own is None and trigger:  # a verb the lexicon does not know: what its clause names, else itself
        inner = named(clause)
        if inner and any(c == REPORT for _, _, c in lex.matches(without_names(clause, names))):
            return f"{REPORT}:{inner}"  # "he said in a statement posted ...": what was said, not what it names
        return inner or "?" + normal(trigger)
    if own is None:
        return None  # no trigger
    if own not in ("", PLAN, REPORT):
        words, found = _reading(clause, names)
        at = _position(words, trigger, trigger_text)
        if own == REQUEST and not _asks_for(words, found, at):
            return "?" + normal(trigger or trigger_text or "")  # "asked about the deal", "seeking a buyer": no request
        word, governor = _governed(found, at)
        if word is not None and word.negated and not word.governed:  # "did not withdraw": its own kind, refused
            return refused(own)
        if governor is not None:  # "offering to buy", "called off the purchase": what governs it
            return _kind(governor)
        if sentence and sentence != clause and not any(_governs(w) for w in found):
            # a clause summarised without its governor ("... began with Musk offering to buy"): the
            # sentence's word where the clause's trigger stands, not another of the same form
            s_words, s_found = _reading(sentence, names)
            in_sentence, governor = _governed(s_found, _aligned(words, at, s_words, trigger, trigger_text))
            if in_sentence is not None and not in_sentence.negated and governor is not None:
                return _kind(governor)
        return _kind(word) if word is not None else own  # "rejected the offer to join": a refusal to join

    if own == "" and text_came(clause, trigger, trigger_text):
        return AGREE  # "An Action Programme followed in 2013": the programme was agreed then
    if own == REPORT and sentence:
        attributed = _attribution(sentence, trigger_text or trigger, date_at)
        if attributed is not None and named(attributed):
            return named(attributed)  # "As previously disclosed, on 8 July the firm received ...": what it tells
    inner = named(clause) or (_antecedent(sentence, trigger, trigger_text, names) or named(sentence)
                              if sentence else None)
    if own == REPORT:
        if inner and told_in_progress(without_asides(clause), inner):
            return inner  # "said on 9 July that he was terminating the deal": the saying is the act
        return f"{REPORT}:{inner}" if inner else REPORT
    return inner or own or None


AGREE = "agree"
# a text or programme that "followed" or "came" tells its agreeing (facts/data/happenings.toml [text_comes], ``text_came``)


# what may follow a text's coming used alone, with no object or complement: the clause's end, or a time ("followed in
# 2013", "came shortly after", "came two years later"); "followed the summit", "came under fire", "came as a surprise",
# "came in for criticism" are other senses
_CAME_ALONE = frozenset({"in", "on", "during", "after", "later", "shortly", "soon", "then", "thereafter", "afterwards",
                         "subsequently", "next"})
# ... or a span counted in time units ("a year later", "two months after")
_CAME_COUNTS = frozenset({"a", "one", "some", "several", "two", "three", "four", "five", "six", "few"})
_CAME_TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"})


def text_came(clause: str, trigger: str | None, trigger_text: str | None) -> bool:
    """The clause's trigger is a verb of coming ("followed", "came") right after a text or a programme, its
    subject's last word (extractors.document_nouns), used alone: nothing follows it but a time ("An Individual
    Partnership Programme followed in 2013"; not "The declaration followed the summit", "The agreement came under
    fire")."""
    lex = lexicon()
    if normal(trigger_text or trigger or "") not in lex.coming and normal(trigger or "") not in lex.coming:
        return False
    words = tokens(clause)
    at = _position(words, trigger, trigger_text)
    if at is None or at == 0 or words[at - 1] not in lex.coming_texts:
        return False
    rest = words[at + 1:at + 4]
    if not rest:
        return True
    if rest[0] == "in":
        return rest[1:2] != ["for"]  # "came in 2013", "came in June"; not "came in for criticism"
    if rest[0] in _CAME_COUNTS or rest[0] in _CAME_TIME_UNITS:
        return any(w in _CAME_TIME_UNITS for w in rest[:2])  # "came a year later"; not "followed a summit"
    return rest[0] in _CAME_ALONE


_DENIALS = frozenset(inflections("deny") | {"denial", "denials"})
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
# a month's or weekday's name
_MONTH_WEEKDAY_NAMES = MONTH_NAMES | WEEKDAY_NAMES
# words between a verb of saying and what it says that date or frame the saying ("said on 9 July in a statement
# that ..."): anything else there ("said rumours that ...") says something else
_SAYING_FRAME = frozenset({"on", "in", "at", "late", "early", "last", "a", "an", "the", "its", "his", "her", "their",
                           "statement", "letter", "filing", "post", "tweet", "today", "yesterday", "night", "morning",
                           "afternoon", "evening", "that"}) | _MONTH_WEEKDAY_NAMES
# words that doubt or deny what is said, or say it is to come: then the progressive is no act done by the saying
_NOT_DONE = frozenset({"deny", "denies", "denied", "denial", "rumour", "rumours", "rumor", "rumors", "false",
                       "untrue", "not", "never", "no", "tomorrow", "next", "later", "soon", "coming", "upcoming",
                       "plan", "plans", "planned"})
_WORD_OR_NUMBER = re.compile(r"[a-z]+(?:[-'][a-z]+)*|\d+")


def told_in_progress(text: str, concept: str) -> bool:
    """The happening ``concept`` is told in the progressive as what a verb of
    saying says, by its sayer ("he said on 9 July that he was terminating
    the deal", "the club says it is suspending the sale"): the saying does
    it, so the statement tells that happening, not an announcement of it.
    Not a report of it done ("said it had signed"), nor of a plan ("said it
    will withdraw", "said she was leaving on Friday": a date or a word of
    time to come after it), nor one denied or doubted ("denied he was
    terminating", "said rumours that ..."), nor another's act told by the
    sayer ("Twitter said Musk was terminating": its subject a pronoun, the
    sayer's own when the sayer is one)."""
    words = _WORD_OR_NUMBER.findall(normal(text))
    if any(w in _NOT_DONE for w in words):
        return False
    concept_of = lexicon().concept_of
    for s, w in enumerate(words):
        if s == 0 or concept_of.get(w) != REPORT or words[s - 1] in ("a", "an", "the", "these", "those", "such"):
            continue  # a verb of saying after its sayer ("reports that ...": a noun, no sayer)
        k = s + 1
        while k < len(words) and (words[k] in _SAYING_FRAME or words[k].isdigit()) and words[k] not in _SUBJECTS:
            k += 1
        if k + 2 >= len(words) or words[k] not in _SUBJECTS:
            continue
        sayer = words[s - 1]
        if sayer in _SUBJECTS and sayer != words[k]:
            continue  # "she said he was ...": another's act
        be, act = words[k + 1], words[k + 2]
        if be in _BE_HAVE and act.endswith("ing") and concept_of.get(act) == concept:
            later = words[k + 3 :]
            return not any(_dates(later, i) for i in range(len(later)))
    return False


def _dates(words: list[str], i: int) -> bool:
    """``words[i]`` starts a date: a month's or weekday's name, a year, or a
    number after a preposition of time ("on 12", "by 2024"; not "$44
    billion")."""
    w = words[i]
    return w in _MONTH_WEEKDAY_NAMES or (w.isdigit() and (len(w) == 4 or (i > 0 and words[i - 1] in _TIME_PREPOSITIONS)))


_TIME_PREPOSITIONS = frozenset({"on", "in", "by", "until", "till", "from", "before", "after"})


RELEASE = "release"
PICTURES = frozenset(f for w in PICTURE_NOUNS for f in inflections(w))
_PICTURE_WORDS = "|".join(sorted(PICTURES, key=len, reverse=True))
# a picture handed out ("this image provided by the agency", "photo courtesy of the city") or a credit line
# naming a handout ("Handout via the agency", "Photo: Handout"): its release. Not "provided a glimpse", "a cash handout"
_HANDED_OUT = re.compile(
    rf"\b(?:{_PICTURE_WORDS})\s+(?:(?:provided|supplied|released|distributed|handed\s+out)\s+by|courtesy\s+of)\b"
    rf"|\bhandout\s*(?:via\b|/)|\b(?:{_PICTURE_WORDS}|credit)\s*[:/]\s*handout\b",
    re.IGNORECASE,
)


def handed_out_picture(text: str) -> bool:
    """``text`` tells a picture handed out by its maker (``_HANDED_OUT``)."""
    return _HANDED_OUT.search(text) is not None


def trigger_concept(trigger: str | None, clause: str = "", trigger_text: str | None = None) -> str | None:
    """The lexicon's concept of a statement's trigger: the phrase it starts in
    its clause ("kick off", "called off": a verb's particle is part of it),
    else its lemma, else its written form (a lemma the parse got wrong:
    "slated" read as "slat"). None when the lexicon knows none of them."""
    lex = lexicon()
    if clause and lex.longest > 1:
        words = tokens(clause)
        at = _position(words, trigger, trigger_text)
        if at is not None and intensifier(words, at):
            return ""  # "on its own": known, says nothing
        if at is not None:
            for n in range(min(lex.longest, len(words) - at), 1, -1):
                phrase = lex.concept_of.get(" ".join(words[at : at + n]))
                if phrase is not None:
                    return phrase
    own = lex.lookup(trigger)
    return own if own is not None else lex.lookup(trigger_text)


# An attribution opening a sentence ("As previously disclosed,", "As reported by the agency,"): its
# verb of saying is no happening the sentence tells
_ATTRIBUTION = re.compile(r"^\W*as\s+(?P<said>[^,;:]{1,60}?)\s*,", re.IGNORECASE)


def _attribution(sentence: str, trigger: str | None, date_at: int | None = None) -> str | None:
    """The rest of a sentence whose opening attribution holds the trigger, a
    verb of saying; None when it opens with none, the trigger is elsewhere or
    the statement's date (at ``date_at``) is the attribution's own ("As
    announced on 3 May, ...": the announcement is what it dates)."""
    m = _ATTRIBUTION.match(sentence)
    if m is None or not trigger or normal(trigger) not in tokens(m.group("said")):
        return None
    if date_at is not None and date_at < m.end():
        return None
    return sentence[m.end() :]


_RELATIVES = frozenset({"which", "that", "who"})
RELATIVE_SPAN = 4  # a relative clause's plan or generic verb lies at most this many words after its pronoun


def _antecedent(sentence: str, trigger: str | None, trigger_text: str | None, names: tuple[str, ...]) -> str | None:
    """What a relative clause's plan or generic verb tells: the happening its
    pronoun stands for, the lexicon word just before it ("stay the trial,
    which was scheduled to kick off on 17 October": the trial), whatever
    governs that word in its own clause."""
    text = without_names(sentence, names)
    words = tokens(text)
    at = _position(words, trigger, trigger_text)
    if at is None:
        return None
    rel = next((k for k in range(at - 1, max(-1, at - 1 - RELATIVE_SPAN), -1) if words[k] in _RELATIVES), None)
    if rel is None:
        return None
    before = [(i + n, c) for i, phrase, c in lexicon().matches(" ".join(words[:rel]))
              for n in (len(phrase.split()),)]
    return next((c for end, c in before if end == rel and c not in ("", PLAN, REPORT)), None)


# The head event of a clause is not a happening it negates or one that an
# abandonment, a refusal, a suspension, an offer or a wait governs: "concluded
# he no longer wished to buy Twitter and sought to call off the deal"
# tells a termination, "rejected the offer to join the board" a refusal to
# join, "offering to buy Twitter" an offer, "the acquisition is pending
# approval" a wait -- none tells an acquisition or a joining. A trigger so
# governed tells its governor's kind. A negation or a governor reaches only
# into its own clause: "did not sign but ratified", "terminated the deal and
# Twitter sued" keep the ratification and the suit; nor past a be or have verb
# ("the offer was accepted" tells the acceptance). An offer governs "to" and a
# verb or a noun or gerund object, not a participle ("the proposal approved
# by parliament"); "pending" waits only after a linking verb ("is still
# pending"), not before a noun ("the pending acquisition") nor after a clause
# ("halted pending the ruling").
REFUSE = "refuse"
REQUEST = "request"
PENDING = "pending"
GOVERNING = frozenset({"terminate", REFUSE, "suspend", "offer", REQUEST, PENDING})  # their objects are not the happening
# ... nor, of these words, the happening just before them ("the acquisition is pending approval")
POSTPOSITIVE = frozenset({PENDING})
# of a suspension, only its own words govern: "stay", "ban", "halt", "pause" are suspensions
# too, but "will stay on to complete the acquisition" tells the completion
SUSPENDING = frozenset(inflections("suspend") | {"suspension"})
OBJECT_SPAN = 4  # a governed word lies at most this many words after its governor (or the governed word before)
NEGATION_SPAN = 3  # a negated word lies at most this many words after the negation ("no longer wanted to buy")
_NEGATIONS = frozenset({"not", "never", "cannot"})
# words that open another clause: what follows is neither negated nor governed by what comes before
_CLAUSE_WORDS = frozenset({"and", "but", "or", "nor", "which", "that", "who", "whom", "whose", "while", "whereas",
                           "although", "though", "because", "then", "after", "before", "when", "until", "unless"})
_CLAUSE_MARKS = re.compile(r"[,;:()]")
# a past tense after one of these is a participle or an infinitive ("the signed treaty", "was
# rejected", "to sign"), not the finite verb of another clause
_NOT_FINITE_AFTER = frozenset({"to", "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those",
                               "be", "been", "being", "is", "are", "was", "were", "get", "got", "not", "never"})
_IRREGULAR_PAST = frozenset({"withdrew", "left", "flew", "bought", "took", "built", "won", "lost", "met", "laid",
                             "began", "went", "came", "made", "did", "had", "said", "told", "sold", "quit", "set"})
_IRREGULAR_PARTICIPLES = frozenset({"withdrawn", "flown", "begun", "taken", "given", "done", "known", "shown", "seen",
                                    "chosen", "written", "gone", "overtaken", "undertaken"})
# a be or have verb between a governor and a later word ends the governor's reach ("the offer was
# accepted": the offer is the subject, the acceptance the head event), unless it is an infinitive's
# ("declined to be acquired")
_BE_HAVE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having"})
# "pending" waits for something only after a linking verb ("the acquisition is (still) pending
# approval"); before a noun ("the pending acquisition") or after a clause ("halted pending the
# ruling") it governs nothing
_LINKING = frozenset({"is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "remaining",
                      "stay", "stays", "stayed"})
_STILL = frozenset({"still", "now", "yet"})


@dataclass(frozen=True)
class _Word:
    """A lexicon match of a clause and what the clause does with it."""

    at: int  # word position
    n: int  # words matched
    phrase: str
    concept: str
    negated: bool = False
    governed: bool = False
    object: str = ""  # of a governor: the concept of the last word it governs ("rejected the offer to join": join)
    by: int = -1  # of a governed word: its governor's position


def _words(text: str) -> tuple[list[str], set[int]]:
    """The text's words and the positions of words that open a clause (a
    comma, a semicolon, a colon or a bracket before them, or a clause word)."""
    text = normal(text)
    words: list[str] = []
    opens: set[int] = set()
    last = 0
    for m in _WORD.finditer(text):
        if _CLAUSE_MARKS.search(text, last, m.start()) or m.group() in _CLAUSE_WORDS:
            opens.add(len(words))
        words.append(m.group())
        last = m.end()
    return words, opens


def _negation_at(words: list[str], j: int) -> bool:
    """A negation at ``j``; "not yet" tells a happening still to come, not one refused."""
    w = words[j]
    if j + 1 < len(words) and words[j + 1] == "yet":
        return False
    return w in _NEGATIONS or w.endswith("n't") or (w == "longer" and j > 0 and words[j - 1] == "no")


def _finite(words: list[str], j: int) -> bool:
    """Whether the word at ``j`` looks like the past-tense verb of a clause of its own."""
    w = words[j]
    if not (w.endswith("ed") or w in _IRREGULAR_PAST):
        return False
    return j == 0 or words[j - 1] not in _NOT_FINITE_AFTER


def _governs(w: _Word) -> bool:
    return w.concept in GOVERNING and (w.concept != "suspend" or w.phrase in SUSPENDING)


def _linked(words: list[str], j: int) -> bool:
    """The word at ``j`` follows a linking verb ("is pending", "remains still pending")."""
    k = j - 1
    while k >= 0 and words[k] in _STILL:
        k -= 1
    return k >= 0 and words[k] in _LINKING


def _participle(word: str) -> bool:
    """A past tense or participle ("accepted", "withdrawn"): no noun or gerund object."""
    return word.endswith("ed") or word in _IRREGULAR_PAST or word in _IRREGULAR_PARTICIPLES


def _read(text: str) -> tuple[list[str], list[_Word]]:
    """The clause's words and its lexicon matches, each marked negated (the
    first word of a happening after a negation, in its clause and
    NEGATION_SPAN words of it: "no longer wanted to buy", "did not sign but
    ratified") or governed (an object of a governor that is not negated, in
    its clause, chained OBJECT_SPAN words at a time: "rejected the offer to
    join"; a finite verb starts another clause; a postpositive governor also
    governs the happening just before it: "the acquisition is pending
    approval")."""
    lex = lexicon()
    words, opens = _words(text)
    found = [_Word(i, len(phrase.split()), phrase, c) for i, phrase, c in lex.matches(text)]
    # "pending" not after a linking verb ("the pending acquisition", "halted pending the ruling") says nothing
    found = [_Word(w.at, w.n, w.phrase, "") if w.phrase in POSTPOSITIVE and not _linked(words, w.at) else w
             for w in found]

    def apart(a: int, b: int) -> bool:  # a clause opens after position a, up to b
        return any(a < k <= b for k in opens)

    negated: set[int] = set()
    for j in range(len(words)):
        if not _negation_at(words, j):
            continue
        # the first word after the negation that says something (not "be", "do", "make")
        first = next((w for w in found if w.at > j and w.concept != ""), None)
        if first is not None and first.at - j <= NEGATION_SPAN and not apart(j, first.at):
            negated.add(first.at)

    def reaches(a: int, b: int, linked: bool = False) -> bool:  # a governor or governed word ending at a governs a word at b
        return b - a <= OBJECT_SPAN and not apart(a, b) and not any(_finite(words, k) for k in range(a + 1, b + 1)) \
            and (linked or not any(words[k] in _BE_HAVE and words[k - 1] != "to" for k in range(a + 1, b)))

    def object_of(concept: str, b: int) -> bool:  # an offer or a request governs "to" + a verb, or a noun or gerund object
        return concept not in ("offer", REQUEST) or (b > 0 and words[b - 1] == "to") or not _participle(words[b])

    governed: dict[int, int] = {}  # governed word's position -> its governor's
    objects: dict[int, str] = {}  # governor's position -> the concept of the last word it governs
    last = -1  # end of the last governor or governed word, -1: none governs
    governor = -1
    concepts = {w.at: w.concept for w in found}
    before: _Word | None = None  # the last happening read
    for w in found:
        if w.concept in ("", PLAN, REPORT):
            continue
        postpositive = w.phrase in POSTPOSITIVE and _governs(w) and w.at not in negated
        if last >= 0 and reaches(last, w.at) and not postpositive and object_of(concepts[governor], w.at):
            governed[w.at] = governor
            objects[governor] = w.concept
            last = w.at + w.n - 1
        else:
            last = -1
            if _governs(w) and w.at not in negated:  # a negated governor governs nothing
                last, governor = w.at + w.n - 1, w.at
            if postpositive and before is not None and reaches(before.at + before.n - 1, w.at, linked=True):
                governed[before.at] = w.at  # "the acquisition is pending approval"
            passive = w.concept == REFUSE and w.at > 0 and words[w.at - 1] in _BE_HAVE and _participle(words[w.at])
            if passive and w.at not in negated and before is not None and before.at not in governed \
                    and w.at - before.at <= OBJECT_SPAN and not apart(before.at, w.at):
                governed[before.at] = w.at  # "the bid was rejected": a refusal of the offer
                objects[w.at] = before.concept
        before = w
    return words, [_Word(w.at, w.n, w.phrase, w.concept, w.at in negated, w.at in governed, objects.get(w.at, ""),
                         governed.get(w.at, -1)) for w in found]


def refused(concept: str) -> str:
    """A refusal of a kind of happening, kept apart from refusals of others
    ("refuse:join": "won't join the board", "rejected the offer to join")."""
    return f"{REFUSE}:{concept}" if concept else REFUSE


def _kind(w: _Word) -> str:
    """A word's kind as the clause's head event: a refusal is of what it governs."""
    return refused(w.object) if w.concept == REFUSE else w.concept


def head_events(text: str) -> list[tuple[int, str]]:
    """(word position, concept) of the lexicon words of ``text`` that may be
    its head event: not a happening it negates ("won't be joining the
    board") nor the object of an abandonment, a refusal, a suspension, an
    offer or a wait ("called off the purchase", "rejected the offer to join",
    "offering to buy", "the acquisition is pending approval"). A refusal is
    of what it governs ("refuse:join"); a clause whose only happening is
    negated tells a refusal of it ("won't be joining": "refuse:join")."""
    _, found = _read(text)
    kept = [(w.at, _kind(w)) for w in found if not (w.negated or w.governed)]
    if not [c for _, c in kept if c not in ("", PLAN, REPORT)]:
        negated = [w for w in found if w.negated and not w.governed and w.concept not in (PLAN, REPORT)]
        if negated:
            kept.append((negated[0].at, refused(negated[0].concept)))
            kept.sort()
    return kept


# after a request word, these open a question, not what is asked for ("asked about the deal")
_QUESTION = frozenset({"about", "on", "over", "of", "after", "around", "into", "why", "how", "what", "whether", "if",
                       "when", "where", "who"})


def _asks_for(words: list[str], found: list[_Word], at: int | None) -> bool:
    """The request word at ``at`` asks for something: a happening it governs
    or a "to" + verb within OBJECT_SPAN words ("asked the court to stay the
    trial", "filed a motion to dismiss", "sought approval"); not a question
    ("asked about the deal") nor a thing sought ("seeking a buyer")."""
    if at is None:
        return True  # the word is not found: as the lexicon reads it
    word = next((w for w in found if w.at <= at < w.at + w.n), None)
    end = at + (word.n if word else 1)
    if end < len(words) and words[end] in _QUESTION:
        return False
    span = range(end, min(len(words), end + OBJECT_SPAN + 1))
    return (any(w.at in span and w.concept != "" for w in found)
            or any(words[k] == "to" and k + 1 < len(words) for k in span))


def _position(words: list[str], trigger: str | None, trigger_text: str | None) -> int | None:
    """The word position of the trigger in the clause (its written form first; a phrase: its first word)."""
    for t in (trigger_text, trigger):
        tw = tokens(t or "")
        for p in range(len(words) - len(tw) + 1) if tw else ():
            if words[p : p + len(tw)] == tw:
                return p
    return None


def _reading(text: str, names: tuple[str, ...]) -> tuple[list[str], list[_Word]]:
    return _read(without_names(without_asides(text), names))


def _governed(found: list[_Word], at: int | None) -> tuple[_Word | None, _Word | None]:
    """The lexicon match at word position ``at``, if any, and the word that governs it, if any."""
    if at is None:
        return None, None
    word = next((w for w in found if w.at <= at < w.at + w.n), None)
    if word is None or not word.governed:
        return word, None
    return word, next(w for w in found if w.at == word.by)


def _aligned(words: list[str], at: int | None, s_words: list[str], trigger: str | None,
             trigger_text: str | None) -> int | None:
    """The position in the sentence's words of the clause's trigger at ``at``:
    inside the stretch of the sentence the clause's words around it match
    (the clause may be summarised). Without the trigger in the clause, the
    trigger's only occurrence in the sentence; None when it cannot be told."""
    if at is None:
        first = _position(s_words, trigger, trigger_text)
        if first is None:
            return None
        again = _position(s_words[first + 1 :], trigger, trigger_text)
        return first if again is None else None
    for block in SequenceMatcher(None, words, s_words, autojunk=False).get_matching_blocks():
        if block.size and block.a <= at < block.a + block.size:
            return block.b + at - block.a
    return None


# A non-restrictive relative clause between commas ("The telescope, much of
# which was built at Goddard, is now scheduled to ...") tells of a participant,
# not of the happening the clause's verb (or plan) governs.
_ASIDE = re.compile(r",[^,;:]*?\b(?:which|who|whom|whose)\b[^,;:]*,")
# ... and one that ends the text, read away by says_plan only: a plan in it is its antecedent's
# ("stayed the trial, which was scheduled for May"); elsewhere its verb may tell a happening of its
# own ("launched the telescope, which arrived at L2 in January")
_TRAILING_ASIDE = re.compile(r",[^,;:]*?\b(?:which|who|whom|whose)\b[^,;:]*[.!?]?\s*$")


def without_asides(text: str, trailing: bool = False) -> str:
    text = _ASIDE.sub(",", text)
    return _TRAILING_ASIDE.sub("", text) if trailing else text


_NAME_WORD = re.compile(r"(?<=[a-z0-9,;’'\"] )[A-Z][A-Za-z'’-]*")
# a genitive before an intensifying "own" ("Acme's own", "the Joneses' own"): a possessive, kept when names go
_GENITIVE_OWN = re.compile(r"\b[A-Za-z][\w-]*(?:['’]s|s['’])(?=\s+own\b)")


def without_names(text: str, names: tuple[str, ...] = ()) -> str:
    """The text without participants' names, nor capitalised words inside a
    sentence (names the tagger missed: "withdraws from the Climate
    Agreement" says nothing of agreeing). A name's genitive before "own"
    stays a possessive ("Acme's own plant" reads "its own plant", see
    ``intensifier``), as long as the text."""
    text = _GENITIVE_OWN.sub(lambda m: "its".rjust(len(m.group())), text)
    for name in sorted(names, key=len, reverse=True):
        if len(name) > 2:
            text = text.replace(name, " ")
    # twice: a run of capitalised words ("Climate Agreement") loses one word a pass
    for _ in range(2):
        text = _NAME_WORD.sub(lambda m: " " * len(m.group()), text)
    return text


def clause_concepts(clause: str, names: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(agreed(c, clause) or c for _, c in lexicon().concepts_in(without_names(clause, names))
                     if c not in ("", PLAN))


def says_moved(text: str) -> bool:
    """The text tells that a plan's date moved ("was delayed to", "originally
    scheduled for", "now targets"): two plans of one kind in its page may be
    one happening told at two dates."""
    lex = lexicon()
    words = tokens(text)
    plans = {i for i, _, c in lex.matches(" ".join(words)) if c == PLAN}

    def by_a_plan(i: int, n: int) -> bool:  # "now scheduled", "delayed again", "no longer planned"
        return i - 1 in plans or i + n in plans

    return any(" ".join(words[i : i + n]) in lex.shift
               or (" ".join(words[i : i + n]) in lex.shift_adverbs and by_a_plan(i, n))
               for i in range(len(words)) for n in (1, 2, 3))


MODALS = frozenset({"will", "shall", "would", "is to", "are to", "set to", "due to", "expected", "expect"})


def says_plan(clause: str, names: tuple[str, ...] = ()) -> bool:
    """The clause names a plan ("confirmed plans to launch", "long scheduled
    for October 2018"): what it tells was then to come. Not a modal verb: in
    a clause of several verbs it may govern another ("said he will withdraw
    from the 2015 agreement")."""
    return any(c == PLAN and w not in MODALS
               for _, w, c in lexicon().matches(without_names(without_asides(clause, trailing=True), names)))


COORDINATE_SPAN = 3  # a coordinated clause's verb lies at most this many words after "and", "but" or a comma


def coordinated_concept(sentence: str, trigger: str | None, trigger_text: str | None, date_start: int,
                        names: tuple[str, ...] = ()) -> str | None:
    """The kind of happening of a clause coordinated after the trigger's and
    before the date, which dates it, not the trigger ("launched on 25
    December 2021 ... and arrived at the L2 point in January 2022": January
    dates the arrival): the last known word, a verb in the past, that opens
    such a clause between the trigger (its last whole-word occurrence
    before the date) and ``date_start`` (a character offset in
    ``sentence``): at most COORDINATE_SPAN words after "and" or "but", in the
    active or after "was" or "were" ("signed in 2015 and was ratified in
    2016"), with a word of the trigger's own between the two ("signed and
    closed the deal on 3 May": one date for both verbs). None when there is
    none."""
    if not 0 <= date_start <= len(sentence):
        return None
    end = trigger_end(sentence[:date_start], trigger, trigger_text)
    if end is None:
        return None
    words, _ = _words(without_names(sentence[end:date_start], names))
    found = [(i, c) for i, _, c in lexicon().matches(" ".join(words))
             if c not in ("", PLAN, REPORT) and _participle(words[i])]
    for i, c in reversed(found):
        passive = words[i - 1] in ("was", "were") if i > 0 else False
        if _passive(words, i) and not passive:
            continue
        verb = i - 1 if passive else i
        if any(words[k] in ("and", "but") for k in range(max(1, verb - COORDINATE_SPAN), verb)):
            return agreed(c, sentence)
    return None


def trigger_end(text: str, trigger: str | None, trigger_text: str | None) -> int | None:
    """The character offset in ``text`` just after the trigger's last
    whole-word occurrence (its written form, else its lemma); None when absent."""
    low = normal(text)
    spans = [m.span() for m in _WORD.finditer(low)]
    words = [low[a:b] for a, b in spans]
    for t in (trigger_text, trigger):
        tw = tokens(t or "")
        if not tw:
            continue
        hits = [p for p in range(len(words) - len(tw) + 1) if words[p : p + len(tw)] == tw]
        if hits:
            return spans[hits[-1] + len(tw) - 1][1]
    return None


def _passive(words: list[str], i: int) -> bool:
    """A participle after a be or have verb or a determiner ("was adopted", "the signed text")."""
    return i > 0 and words[i - 1] in _NOT_FINITE_AFTER


# Prepositions by which a date complements the word before it ("adopted on 12
# December", "its launch in 2021", "since its launch on 25 December").
_DATE_PREPS = frozenset({"on", "in", "of", "since", "at", "from"})
_FRAME = re.compile(r"(?:^|[,;:(])\s*(?:during|at|throughout|amid)\b[^,;:()]*$", re.IGNORECASE)  # "During the meet in ..."
_YEAR = re.compile(r"\d{4}")
_PLACE = re.compile(r"(?:,\s*)?\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*)+$")  # "in Paris", "at the Centre Spatial"
_TAIL_WORD = re.compile(r"([A-Za-z]+(?:[-'’][A-Za-z]+)*)\W*$")
# What sets a word before a date apart from the clause's arguments: a comma
# (a participle or appositive: ", adopted in Paris on"), or a temporal
# preposition heading the word's phrase ("since its launch on", "after the
# signing in"), with at most a determiner or possessive between.
_DETACHED = re.compile(r"(?:,|\b(?:since|after|before|following|until|upon|from))\s*"
                       r"(?:(?:the|its|their|his|her|this|that|a|an)\s+)?(?:[a-z]+(?:ly)?\s+)?$", re.IGNORECASE)
PREMODIFIER_SPAN = 3  # "the landmark 2015 global agreement": the noun a year modifies is this many words on at most


def date_phrase_concept(sentence: str, start: int, end: int, names: tuple[str, ...] = ()) -> str | None:
    """The kind of happening the date's own phrase names (``_date_phrase_kind``),
    an adoption of a text read as agreeing on it (``agreed``)."""
    return agreed(_date_phrase_kind(sentence, start, end, names), sentence[:end])


def _date_phrase_kind(sentence: str, start: int, end: int, names: tuple[str, ...]) -> str | None:
    """The kind of happening the date's own phrase names, if it names one: the
    word the date complements ("the Paris Agreement, adopted in Paris on 12
    December 2015"; "since its launch on 25 December") or the noun a year
    modifies ("the 2015 Paris accord"). Such a date dates that happening,
    whatever the clause's verb ("notified ... of its withdrawal from the
    Paris Agreement, adopted ... on 12 December 2015" is dated by the
    adoption). None when the date stands on its own ("On 25 December, ...")
    or its word says nothing (a plan, a report, a generic verb)."""
    lex = lexicon()
    if not 0 <= start <= end <= len(sentence):
        return None  # a date outside the sentence (its section heading's) has no phrase in it

    def known(concept: str | None) -> str | None:
        return concept if concept not in (None, "", PLAN, REPORT) else None

    before = sentence[:start].rstrip()
    m = _TAIL_WORD.search(before)
    if m and m.group(1).lower() in _DATE_PREPS and m.end(1) == len(before):
        head = _PLACE.sub("", before[: m.start(1)].rstrip()).rstrip()
        last = _TAIL_WORD.search(head)
        # a name ("buy Twitter on") is no phrase of the date, but a named
        # agreement's own date is ("the Paris Agreement of 12 December 2015")
        named_of = m.group(1).lower() == "of" and last is not None and last.group(1)[:1].isupper()
        # "During the climate meet in December, nations agreed": the meet
        # frames the clause's happening; the date is the clause's
        framed = _FRAME.search(head) is not None
        # "opened for signature on 22 April": a purpose's noun; the date is the verb's
        purpose = re.search(r"\b(?:for|to)\s+\S+$", head, re.IGNORECASE) is not None
        # the word must be the date's own, not an argument of the clause's verb:
        # "Twitter sued Musk over the acquisition in July 2022" dates the suit,
        # "the Agreement, adopted in Paris on 12 December" the adoption
        detached = last is not None and (named_of or _DETACHED.search(head[: last.start(1)]) is not None)
        if last and (last.group(1).islower() or named_of) and last.end(1) == len(head) and detached \
                and not (framed or purpose):
            head_words = tokens(head if named_of else without_names(head, names))
            if head_words:
                for i, phrase, concept in lex.matches(" ".join(head_words[-lex.longest :])):
                    if i + len(phrase.split()) == len(head_words[-lex.longest :]) and known(concept):
                        return concept
        return None
    if m and m.end(1) == len(before) and m.start(1) > 0 and m.group(1)[0].isupper() and m.group(1).endswith("ed") \
            and before[: m.start(1)].rstrip()[-1:].isalnum():
        # a label of a table or an infobox read as one sentence ("... Sealed
        # 12 December 2015 Effective ..."): the label's happening,
        # known to the lexicon or not
        label = lex.lookup(m.group(1))
        return known(label) if label is not None else "?" + normal(m.group(1))
    if _YEAR.fullmatch(sentence[start:end].strip()):
        prev = tokens(before[-20:])
        if prev and prev[-1] in _DATE_PREPS | {"to", "by", "until", "after", "before", "between", "and", "for"}:
            return None
        # names kept: "the 2015 Climate Accord" is the accord of 2015
        after = tokens(sentence[end:])[:PREMODIFIER_SPAN]
        for _, _, concept in lex.matches(" ".join(after)):
            return known(concept)
    return None
