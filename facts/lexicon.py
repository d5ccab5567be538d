"""What a statement says happened, as a concept: the trigger's lemma, or the
words of its clause, looked up in a lexicon of happenings
(facts/data/happenings.toml) that groups derivations and close synonyms
(sign/signature/signing, join/accession, launch/liftoff).

Pure string work: the words of a clause are matched by their written forms
(each verb's inflections are generated), no parser needed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLAN = "plan"
REPORT = "announce"
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
_VOWELS = set("aeiou")


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

    def near(self, a: str, b: str) -> bool:
        return (a, b) in self.related

    def lookup(self, lemma: str | None) -> str | None:
        if not lemma:
            return None
        return self.concept_of.get(lemma.lower())

    def concepts_in(self, text: str) -> list[tuple[int, str]]:
        """(word position, concept) of every lexicon word or phrase in ``text``,
        longest match first, in order."""
        return [(i, c) for i, _, c in self.matches(text)]

    def matches(self, text: str) -> list[tuple[int, str, str]]:
        """(word position, the words matched, concept), as concepts_in."""
        words = _WORD.findall(text.lower().replace("’", "'"))
        out: list[tuple[int, str, str]] = []
        i = 0
        while i < len(words):
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
            for form in inflections(w.lower()):
                concept_of.setdefault(form, concept)
    for w in data["generic"]["words"]:
        for form in inflections(w.lower()):
            concept_of.setdefault(form, "")  # known, says nothing
    longest = max(len(k.split()) for k in concept_of)
    related = {(a, b) for a, bs in data.get("related", {}).items() for b in bs}
    return Lexicon(concept_of=concept_of, longest=longest, related=frozenset(related | {(b, a) for a, b in related}))


def _nearest(found: list[tuple[int, str]], text: str, trigger: str | None, trigger_text: str | None) -> str:
    words = _WORD.findall(text.lower().replace("’", "'"))
    at = 0
    for t in (trigger_text, trigger):
        if t and t.lower() in words:
            at = words.index(t.lower())
            break
    # what a plan or a report governs follows it ("scheduled for launch"); else the nearest before it
    after = [ic for ic in found if ic[0] > at]
    if after:
        return min(after)[1]
    return max(found)[1]


def happening_concept(trigger: str | None, clause: str, trigger_text: str | None = None,
                      sentence: str = "", names: tuple[str, ...] = ()) -> str | None:
    """The kind of happening a statement tells.

    - a trigger in the lexicon: its concept ("signature" -> sign);
    - a trigger the lexicon does not know: the concept its clause names
      nearest to it ("reversed course by proposing a purchase" -> offer),
      else itself, marked "?" ("?shipment");
    - a plan or a generic verb: the concept its clause (else its sentence)
      names nearest to the trigger ("scheduled to launch" -> launch);
    - a report: "announce", with what is announced ("announce:withdraw").
    Participants' names are not read as words ("the Paris Agreement" says
    nothing of agreeing). None when nothing is known.
    """
    lex = lexicon()
    own = lex.lookup(trigger)

    def named(text: str) -> str | None:
        text = without_names(text, names)
        found = [(i, c) for i, c in lex.concepts_in(text) if c not in ("", PLAN, REPORT)]
        return _nearest(found, text, trigger, trigger_text) if found else None

    if own is None and trigger:  # a verb the lexicon does not know: what its clause names, else itself
        return named(clause) or "?" + trigger.lower()
    if own not in ("", PLAN, REPORT):
        return own

    inner = named(clause) or (named(sentence) if sentence else None)
    if own == REPORT:
        return f"{REPORT}:{inner}" if inner else REPORT
    return inner or own or None


_NAME_WORD = re.compile(r"(?<=[a-z0-9,;’'\"] )[A-Z][A-Za-z'’-]*")


def without_names(text: str, names: tuple[str, ...] = ()) -> str:
    """The text without participants' names, nor capitalised words inside a
    sentence (names the tagger missed: "withdraws from the Climate
    Agreement" says nothing of agreeing)."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) > 2:
            text = text.replace(name, " ")
    # twice: a run of capitalised words ("Climate Agreement") loses one word a pass
    for _ in range(2):
        text = _NAME_WORD.sub(lambda m: " " * len(m.group()), text)
    return text


def clause_concepts(clause: str, names: tuple[str, ...] = ()) -> frozenset[str]:
    clause = without_names(clause, names)
    return frozenset(c for _, c in lexicon().concepts_in(clause) if c not in ("", PLAN))


MODALS = frozenset({"will", "shall", "would", "is to", "are to", "set to", "due to", "expected", "expect"})


def says_plan(clause: str, names: tuple[str, ...] = ()) -> bool:
    """The clause names a plan ("confirmed plans to launch", "long scheduled
    for October 2018"): what it tells was then to come. Not a modal verb: in
    a clause of several verbs it may govern another ("said he will withdraw
    from the 2015 agreement")."""
    return any(c == PLAN and w not in MODALS for _, w, c in lexicon().matches(without_names(clause, names)))
