"""Vocabularies for events: what kind of happening a trigger names, and
which nouns name happenings. Kept apart from the logic in events.py."""

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
# ("the joint signature of ... in June 2012").
EVENT_NOUN_SUFFIXES = ("tion", "sion", "ment", "ure", "al", "ance", "ence")
EVENT_NOUNS = frozenset(
    """signature signing launch meeting summit visit war attack invasion election agreement treaty accord deal
    deployment mission operation exercise talks conference ceremony withdrawal start end beginning opening
    creation foundation formation establishment adoption accession ratification""".split()
)

# Verbs that say nothing on their own; the event is their complement.
LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "get", "give", "become", "remain", "continue", "seek"})


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
