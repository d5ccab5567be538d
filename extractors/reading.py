"""Reading a clean text with spaCy: sentences and entity mentions.

The text is read block by block (blocks are separated by blank lines in
CleanPage.text), so no sentence and no entity can run across a heading, a
list item or a paragraph break. Blocks of many documents go through one
``nlp.pipe`` call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from extractors.acronyms import AcronymDefinition, find_acronyms
from extractors.entities import EntityMention, mentions_from_spans
from extractors.nlp import REFERENCE_MARK, without_reference_marks

_BLOCK_SEP = re.compile(r"\n[ \t\u00a0]*\n")
MAX_BLOCK_CHARS = 5_000  # longer blocks (text without paragraph breaks) are cut at sentence ends


@dataclass(frozen=True, slots=True)
class ReadingLimits:
    """Per-page bounds on the work of reading (settings max_sentences,
    max_sentence_chars, max_dates): a page over one is read up to it."""

    max_sentences: int = 2_000
    max_sentence_chars: int = 1_000
    max_dates: int = 2_000


@dataclass(frozen=True, slots=True)
class Reading:
    sentences: tuple[tuple[int, int], ...]  # (char_start, char_end) into the text
    mentions: tuple[EntityMention, ...]
    acronyms: tuple[AcronymDefinition, ...]
    read_chars: int | None = None  # the text was read up to here (None: all of it)
    limited: str | None = None  # which limit stopped or cut the reading


def _split_long(s: int, e: int, text: str, limit: int) -> list[tuple[int, int]]:
    """A sentence longer than ``limit`` as pieces of at most ``limit`` characters, cut at spaces."""
    out = []
    while e - s > limit:
        cut = text.rfind(" ", s + limit // 2, s + limit)
        cut = cut if cut > s else s + limit
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


# a sentence end followed by reference marks ("... the purchase.[2] In 2017, ..."): the sentence splitter's model
# runs the two sentences together even with the marks blanked after a closing quote ('"How much is it?"[3] On ...')
_CITED_END = re.compile(rf"[.!?][\"”’)]?(?:{REFERENCE_MARK})+(?=\s+[\"“(]?[A-Z0-9])")


def _split_cited(s: int, e: int, text: str) -> list[tuple[int, int]]:
    """A sentence span cut after each sentence end that reference marks follow."""
    out = []
    for m in _CITED_END.finditer(text, s, e):
        out.append((s, m.end()))
        s = m.end()
        while s < e and text[s].isspace():
            s += 1
    out.append((s, e))
    return [(a, b) for a, b in out if b > a]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > MAX_BLOCK_CHARS:
        window = text[start : start + MAX_BLOCK_CHARS]
        cut = max(window.rfind(". "), window.rfind("\n"), window.rfind(" "))
        cut = start + (cut + 1 if cut > MAX_BLOCK_CHARS // 2 else MAX_BLOCK_CHARS)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def text_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank blocks of ``text``, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for m in list(_BLOCK_SEP.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.extend(_cut_long(text, s, e))
        pos = m.end() if m else len(text)
    return spans


def read_texts(texts: Sequence[str], nlp: Language, *, batch_size: int = 64,
               limits: ReadingLimits | None = None) -> list[Reading]:
    """Sentences and mentions of each text, with one batched pass of ``nlp``.

    Bounded per text by ``limits``: blocks stop being fed once the text has
    ``max_sentences`` sentences, and a sentence longer than
    ``max_sentence_chars`` is cut into pieces, so what one page costs does
    not grow past its limits whatever it holds."""
    limits = limits or ReadingLimits()
    sentences: list[list[tuple[int, int]]] = [[] for _ in texts]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    limited: list[str | None] = [None] * len(texts)

    def jobs():
        for i, text in enumerate(texts):
            for s, e in text_blocks(text):
                if len(sentences[i]) >= limits.max_sentences:
                    break  # (results arrive a batch behind: the surplus is dropped below)
                yield without_reference_marks(text[s:e]), (i, s, e)

    for doc, (i, offset, block_end) in nlp.pipe(jobs(), as_tuples=True, batch_size=batch_size):
        block = texts[i][offset:block_end]  # the doc's text (Doc.text joins its tokens again at every call)
        if len(sentences[i]) >= limits.max_sentences:
            limited[i] = f"read up to {limits.max_sentences:,} sentences (settings.max_sentences); the page has more"
            continue
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            while e > s and block[e - 1].isspace():
                e -= 1
            for a, b in _split_cited(s, e, block):
                if b - a > limits.max_sentence_chars:
                    limited[i] = limited[i] or (f"sentences longer than {limits.max_sentence_chars:,} characters were "
                                                "cut (settings.max_sentence_chars)")
                    sentences[i].extend((offset + x, offset + y) for x, y in _split_long(a, b, block,
                                                                                           limits.max_sentence_chars))
                else:
                    sentences[i].append((offset + a, offset + b))
        for ent in doc.ents:
            spans[i].append((offset + ent.start_char, offset + ent.end_char, ent.label_))
    readings = []
    for i, text in enumerate(texts):
        read_chars = None
        if len(sentences[i]) > limits.max_sentences:
            del sentences[i][limits.max_sentences:]
            limited[i] = f"read up to {limits.max_sentences:,} sentences (settings.max_sentences); the page has more"
        why = limited[i]
        if why and "max_sentences" in why:
            read_chars = sentences[i][-1][1]
            spans[i] = [sp for sp in spans[i] if sp[1] <= read_chars]
        acronyms = find_acronyms(text[:read_chars])
        readings.append(
            Reading(
                sentences=tuple(sentences[i]),
                mentions=tuple(mentions_from_spans(text, spans[i], acronyms)),
                acronyms=tuple(acronyms),
                read_chars=read_chars,
                limited=limited[i],
            )
        )
    return readings
