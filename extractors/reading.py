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

_BLOCK_SEP = re.compile(r"\n[ \t\u00a0]*\n")
MAX_BLOCK_CHARS = 20_000  # longer blocks (text without paragraph breaks) are cut at sentence ends


@dataclass(frozen=True, slots=True)
class Reading:
    sentences: tuple[tuple[int, int], ...]  # (char_start, char_end) into the text
    mentions: tuple[EntityMention, ...]
    acronyms: tuple[AcronymDefinition, ...]


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


def read_texts(texts: Sequence[str], nlp: Language, *, batch_size: int = 256) -> list[Reading]:
    """Sentences and mentions of each text, with one batched pass of ``nlp``."""
    jobs = [(text[s:e], (i, s)) for i, text in enumerate(texts) for s, e in text_blocks(text)]
    sentences: list[list[tuple[int, int]]] = [[] for _ in texts]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for doc, (i, offset) in nlp.pipe(jobs, as_tuples=True, batch_size=batch_size):
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            while e > s and doc.text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences[i].append((offset + s, offset + e))
        for ent in doc.ents:
            spans[i].append((offset + ent.start_char, offset + ent.end_char, ent.label_))
    readings = []
    for i, text in enumerate(texts):
        acronyms = find_acronyms(text)
        readings.append(
            Reading(
                sentences=tuple(sentences[i]),
                mentions=tuple(mentions_from_spans(text, spans[i], acronyms)),
                acronyms=tuple(acronyms),
            )
        )
    return readings
