"""Rules for entity mentions, kept apart from the logic in entities.py."""

import re

from extractors.calendar_words import CARDINAL_WORDS, MONTH_NAMES, SEASON_WORDS, WEEKDAY_NAMES

# NER labels that name things a fact can be about. Dates and numbers come
# from the temporal tagger; cardinals, money and percentages are not actors.
KEPT_LABELS = frozenset({"ORG", "GPE", "LOC", "PERSON", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# Labels of places: where a happening is held, not who takes part.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Leading words that are not part of a name ("the Indo-Pacific" -> "Indo-Pacific").
LEADING_DETERMINERS = re.compile(r"^(?:the|a|an|our|their|its|his|her|this|that|these|those)\s+", re.I)
TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

# A mention made only of these words is site furniture, not an entity
# ("Privacy Page", "Cookie Policy", "Main Menu"): dropped.
FURNITURE_WORDS = frozenset(
    """page pages privacy policy policies cookie cookies menu home login log sign subscribe newsletter
    contact search share tweet facebook twitter linkedin email print skip content navigation terms
    conditions accessibility sitemap copyright rights reserved click here more read back top next
    previous accept settings preferences consent""".split()
)

# Furniture words that are also the names of the services they link to: in a
# line of prose ("Elon Musk quietly starts buying Twitter shares") the name
# names the service; on a short line of its own ("Share on Twitter") it is a button.
SERVICE_NAMES = frozenset({"twitter", "facebook", "linkedin"})
# a line with at least this many words is prose, not a button or a menu
PROSE_LINE_WORDS = 6

# Two-letter names kept (well-known states and unions); any other two-letter
# span ("AI", "VC", "Q2") is a fragment or a common abbreviation, not an actor.
TWO_LETTER_NAMES = frozenset({"US", "UK", "EU", "UN", "UAE"})
TWO_LETTER_LABELS = frozenset({"GPE"})
# Period labels that NER takes for names: quarters, halves, fiscal years.
PERIOD_LABEL = re.compile(r"^(?:Q[1-4]|H[12]|FY ?\d{2,4}|[QH][1-4] ?(?:FY ?)?'?\d{2,4}|(?:Q[1-4]|H[12])/\d{2,4})$", re.I)
# A quantity NER takes for a name ("Rises 2.3 per cent", "Falls 0.8%" in a table of share prices).
QUANTITY = re.compile(r"\d\s*(?:%|per\s?cent\b|percent\b)", re.I)
# ... and what stands right before one is a label of it, not a name
QUANTITY_AFTER = re.compile(r"\s+\d[\d.,]*\s*(?:%|per\s?cent\b|percent\b)", re.I)
# A name cut short: its last word is a lone capital letter ("Stefanie M").
CUT_OFF_NAME = re.compile(r"\s[A-Z]$")

# Single words that NER sometimes labels but never name an entity here.
NOT_NAMES = frozenset({"cooperation", "partnership", "security", "defence", "defense", "peace", "today", "allies"})

# Function words skipped when matching an acronym to the initials of its long form.
ACRONYM_STOPWORDS = frozenset({"and", "of", "for", "the", "on", "in", "to", "&", "de", "du", "des", "la", "le", "at", "with"})

ACRONYM = r"[A-Z][A-Z0-9&]{1,9}s?"
# "Individual Partnership and Cooperation Programme (IPCP)"
LONG_THEN_SHORT = re.compile(
    r"((?:[A-Z][\w’'-]*|and|of|for|the|on|in|to|&)(?:[ \t]+(?:[A-Z][\w’'-]*|and|of|for|the|on|in|to|&)){1,12})"
    r"[ \t]*\((" + ACRONYM + r")\)"
)
# "NATO (North Atlantic Treaty Organisation)"
SHORT_THEN_LONG = re.compile(r"\b(" + ACRONYM + r")[ \t]*\(([A-Z][^()\n]{4,100})\)")

# A defined term of a filing or contract: a name, then the short form it goes by in quotes
# ("X Holdings I, Inc. ("Parent")", "the Foreign Capital Review Act 2019 (the "Review Act")")
_DEFINED_WORD = r"(?:[A-Z][\w’'&.-]*|\d[\w.-]*|and|of|for|the|on|in|to|&)"
DEFINED_TERM = re.compile(
    r"(" + _DEFINED_WORD + r"(?:[ \t]+" + _DEFINED_WORD + r"){0,12}?)"
    r"(,?[ \t]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|plc|PLC|L\.P|LP|S\.A|AG|GmbH|N\.V)\.?)?"
    r"[ \t]*\((the[ \t]+)?[\"“]([A-Z][\w’'&.-]*(?:[ \t]+[A-Z][\w’'&.-]*){0,3})[\"”]\)"
)

# A place or body named before a treaty noun names the treaty: "the Paris climate agreement", "the Kyoto
# protocol", "the Paris Climate Change agreement" (NER stops at the place, or before the lowercase noun)
# (the words between are the treaty's modifiers, "climate change": no article, preposition or verb form)
TREATY_AFTER = re.compile(
    r"((?:[ \t]+(?!(?:the|a|an|its|their|his|her|this|that|to|of|and|or|with|by|on|in|for)\b)[a-z]+(?<!ed)(?<!ing)){0,2}?"
    r"[ \t]+(?:agreement|accord|treaty|convention|pact|protocol)s?)\b")
TREATY_HEAD_LABELS = frozenset({"GPE", "ORG"})

# A name the tagger takes for an organisation that a locative "at" puts somewhere and whose last word names a
# building or grounds ("at the Georgia World Congress Center", "at Truist Park", "@ Bridgestone Arena") is a
# venue (FAC): where a happening is held, not who takes part. "Pew Research Center found" keeps ORG.
VENUE_BEFORE = re.compile(r"(?:\b(?:at|inside|outside)|@)\s+(?:the\s+)?$", re.I)
VENUE_WORDS = frozenset(
    """center centre arena stadium hall amphitheatre amphitheater theatre theater pavilion coliseum colosseum
    galleria park field auditorium ballpark dome speedway garden gardens plaza square hotel museum gallery
    convention palace ballroom""".split())

# Words of a person's title: a name right before them and a person's name only qualifies that person
# ("Tesla CEO Elon Musk", "UN Secretary General Ban Ki-moon", "US President Joe Biden": extractors.roles)
PERSON_TITLE_WORDS = frozenset(
    """ceo cfo coo president vice secretary general secretary-general administrator chief executive officer founder
    co-founder cofounder chairman chairwoman chair minister prime foreign spokesman spokeswoman spokesperson director
    head senator governor judge commissioner ambassador envoy owner""".split()
)
# Title words that make a title only with a word after them ("Vice President", "Chief Executive", "Prime
# Minister", "Foreign Minister", "Head of State", "General Counsel"): alone after "the" no kind of person
# (extractors.coreference), and a name before one ("Acme head office", "the Acme chief") no bare title
# (extractors.roles); "officer" and "chair" end a title ("Chief Executive Officer", "the Ethics Chair")
TITLE_PART_WORDS = frozenset("head vice prime foreign chief general".split())
# What follows "of" in a title ("Secretary of State", "Head of State", "Minister of Defence"): no name of its
# own, the whole title names its holder; any other name after "of" is one ("President of France", "head of Apple")
TITLE_OF_WORDS = frozenset(
    """state defense defence treasury commerce energy labor labour agriculture education transportation
    justice interior""".split()
)
_TITLE_OF = r"(?:secretary|minister|head)"
# the words right before a name that make it the end of a title ("Secretary of", "Head of the")
TITLE_OF_BEFORE = re.compile(rf"\b{_TITLE_OF}[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)

# A name whose number is part of it, that NER cuts before the number or tags the number alone: "the Group of"
# + "20", "the Group of Seven" ("Seven": CARDINAL). The name is a capitalised word, "of" and the number; it
# stands after a word, not first in a sentence or line (a sentence's "Out of 20 ..." is no name).
_NAME_NUMBER_WORDS = "|".join(w.capitalize() for w, n in CARDINAL_WORDS.items() if n)  # "One" .. "Thousand"
NAME_NUMBER_AFTER = re.compile(
    r"[ \t]+(\d{1,3}|(?:" + _NAME_NUMBER_WORDS + r")(?:-(?:" + _NAME_NUMBER_WORDS.lower() + r"))?)(?![\w-])")
NAME_OF_BEFORE = re.compile(r"(?<=[a-z,][ \t])[A-Z][a-z]+[ \t]+of[ \t]+$")
# the tagger reads a name's number as a count or as a year ("the Group of 77 and China": "77", DATE)
NUMBER_LABELS = frozenset({"CARDINAL", "DATE"})
NUMBERED_NAME_LABEL = "ORG"
# a count of a plural noun is no name's number ("a Committee of 12 experts", "a Union of 27 states", "20 people"),
# unless the text writes the name's initials ("G20"); a verb's third person is no plural ("the Group of 20 has")
COUNTED_PLURAL = re.compile(r"[ \t]+(?:(?!(?:is|has|was|does|says)\b)[a-z]+[^su\W]s|people|men|women|children|staff)\b")
# a calendar word before "of" and a number is a date ("Tuesday of 20 ...", "May of 20 ..."), never a name
CALENDAR_WORD = re.compile("|".join(w.capitalize() for w in sorted(MONTH_NAMES | WEEKDAY_NAMES | SEASON_WORDS)))
