"""One fetched snapshot -> its clean text, mentions and dated statements.

The per-document work of a run, batched: cleaning each page, one spaCy pass
(sentences + NER) over all of them, the temporal tagger per page, and the
parser only over the sentences that carry a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from extractors.acronyms import AcronymDefinition
from extractors.anchoring import page_anchor, page_date_mentions
from extractors.block_roles import DatedSection, ListingEntry
from extractors.clean import NotReadable, clean_page
from extractors.coreference import UNTYPED, page_discourse
from extractors.entities import EntityMention
from extractors.events import DatedStatement, statements_from_parse
from extractors.field_labels import LabelledField, field_statement, with_field
from extractors.ids import normalize_sentence, stable_id
from extractors.nlp import Models, lexicon_words, parser_text
from extractors.reading import Reading, ReadingLimits, read_texts
from extractors.roles import sentence_names
from extractors.rule_switches import audit_log, rule_on
from extractors.section_statements import (
    ListedRow,
    entry_statement,
    row_statement,
    section_statement,
    sentences_with_dates,
)
from extractors.statement_model import judge_statements
from extractors.types import CleanPage, DateMention

ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class DocumentInput:
    source_id: str
    snapshot_sha256: str
    content: bytes
    url: str
    fetched_at: datetime
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    doc_id: str
    source_id: str
    snapshot_sha256: str
    url: str
    fetched_at: datetime
    page: CleanPage
    anchor: date  # the date relative expressions were resolved against
    mentions: tuple[EntityMention, ...] = ()
    acronyms: tuple[AcronymDefinition, ...] = ()
    statements: tuple[DatedStatement, ...] = ()
    event_ids: tuple[str, ...] = ()  # one per statement, same order
    held_back: tuple[DatedStatement, ...] = ()  # candidates under the statement model's threshold (not in events)
    # statements dated by a written day whose year the page does not give (DateMention.year_basis
    # "fetched"): not in events unless the run's other pages give the year (facts.source_years)
    yearless: tuple[DatedStatement, ...] = ()
    skipped: str | None = None  # why NLP stages did not run (e.g. not English)
    limited: str | None = None  # which per-page limit (ReadingLimits) cut the reading short


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    source_id: str
    snapshot_sha256: str
    error: str
    error_kind: str


# The two outcomes of reading a snapshot, by the name a stored result gives its kind.
RESULT_KINDS: dict[str, type] = {"document": ProcessedDocument, "failure": DocumentFailure}


def doc_id_of(source_id: str, snapshot_sha256: str) -> str:
    return stable_id("doc", source_id, snapshot_sha256)


# Entity labels whose names hold no dates: "by Jane July" (PERSON), "The
# Thursday Murder Club" (WORK_OF_ART), "Psychology Today" (ORG).
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT"})


def anchor_date(page: CleanPage, fetched_at: datetime) -> date:
    """The day relative expressions count from: published, else updated, else
    fetched (see :mod:`extractors.anchoring`)."""
    return page_anchor(page, fetched_at).day


def _dedupe(statements: Sequence[DatedStatement]) -> list[DatedStatement]:
    """One statement per (trigger, date) in a document: a phrase the page
    repeats (a teaser and its paragraph) gives one row. Different agents
    stay apart ("A was founded in 2001", "B was founded in 2001"); a repeat
    that names nobody joins the first. A trigger the text does not hold
    (a reference line's "publish") keeps each line apart."""
    seen: set[tuple] = set()
    seen_plain: set[tuple] = set()
    out = []
    for st in statements:
        plain = (st.trigger, st.date.date_start, st.date.date_end, st.date.role,
                 normalize_sentence(st.sentence) if st.trigger is None or st.trigger_start is None else "")
        named = st.written_participants()
        key = plain + (named,)
        if key in seen or (not named and plain in seen_plain):
            continue
        seen.add(key)
        seen_plain.add(plain)
        out.append(st)
    return out


def event_ids_for(source_id: str, statements: Sequence[DatedStatement]) -> tuple[str, ...]:
    """Ids that survive unrelated edits: the source, the sentence's words and
    the date phrase; not offsets, not the snapshot."""
    seen: dict[tuple[str, str, str], int] = {}
    ids = []
    for st in statements:
        key = (normalize_sentence(st.sentence), st.date.text, st.date.value)
        n = seen.get(key, 0)
        seen[key] = n + 1
        ids.append(stable_id("ev", source_id, *key, n))
    return tuple(ids)


def _read_all(indices: Sequence[int], pages: dict[int, CleanPage], models: Models,
              limits: ReadingLimits | None = None) -> dict[int, Reading]:
    """One batched spaCy pass; if it fails, page by page so one page cannot sink the rest."""
    try:
        return dict(zip(indices, read_texts([pages[i].text for i in indices], models.reader, limits=limits)))
    except Exception:  # noqa: BLE001
        out = {}
        for i in indices:
            try:
                out[i] = read_texts([pages[i].text], models.reader, limits=limits)[0]
            except Exception:  # noqa: BLE001
                continue
        return out


def process_documents(inputs: Sequence[DocumentInput], models: Models,
                      limits: ReadingLimits | None = None) -> list[ProcessedDocument | DocumentFailure]:
    """Read a batch of snapshots. spaCy's strings and vocabulary added for the
    batch are released when it is done (memory zones): a long run's memory
    does not grow with the number of pages read. ``limits`` bound each page."""
    with models.reader.memory_zone(), models.parser.memory_zone():
        return _process(inputs, models, limits or ReadingLimits())


def parsed_text(sentence: str) -> str:
    """A dated sentence as the parser reads it (extractors.nlp.parser_text, rule "plain-quotes")."""
    return parser_text(sentence) if rule_on("plain-quotes") else sentence


def _with_parse_names(mentions: Sequence[EntityMention], names: Sequence[EntityMention]) -> list[EntityMention]:
    """The page's mentions and the parse's names NER did not cover."""
    return [*mentions, *(n for n in names if not any(m.char_start < n.char_end and n.char_start < m.char_end
                                                      for m in mentions))]


def _process(inputs: Sequence[DocumentInput], models: Models,
             limits: ReadingLimits = ReadingLimits()) -> list[ProcessedDocument | DocumentFailure]:
    results: list[ProcessedDocument | DocumentFailure | None] = [None] * len(inputs)
    pages: dict[int, CleanPage] = {}
    for i, item in enumerate(inputs):
        try:
            pages[i] = clean_page(item.content, content_type=item.content_type, url=item.url,
                                  fetched_at=item.fetched_at)
        except NotReadable as exc:
            results[i] = DocumentFailure(item.source_id, item.snapshot_sha256, f"not readable: {exc}", "not_readable")
        except Exception as exc:  # noqa: BLE001 - one bad page must never cost the run
            results[i] = DocumentFailure(
                item.source_id, item.snapshot_sha256, f"cleaning failed: {type(exc).__name__}: {exc}", "clean_error"
            )

    english = [i for i in sorted(pages) if pages[i].language in (None, ENGLISH) and pages[i].text.strip()]
    readings: dict[int, Reading] = _read_all(english, pages, models, limits)
    limited = {i: r.limited for i, r in readings.items() if r.limited}
    limited |= {i: p.limited for i, p in pages.items() if p.limited and i not in limited}
    # a stage that fails on one page costs that page its statements, never the batch
    problems: dict[int, str] = {i: "entities could not be read" for i in english if i not in readings}

    anchors = {i: anchor_date(pages[i], inputs[i].fetched_at) for i in pages}
    # sentences with dates, parsed in one batch; dates in blocks that state
    # nothing (headings, bylines, calls to action, ...) make no statement, and
    # a date heading dates the item its section describes
    jobs: list[tuple[int, tuple[int, int], list | DatedSection | ListingEntry | LabelledField | ListedRow]] = []
    for i in readings:
        try:
            names = [(m.char_start, m.char_end) for m in readings[i].mentions if m.label in NAME_LABELS]
            undated: list[DateMention] = []
            anchor, dates = page_date_mentions(pages[i], inputs[i].fetched_at, names, undated)
            anchors[i] = anchor.day
        except Exception as exc:  # noqa: BLE001
            problems[i] = f"dates could not be read: {type(exc).__name__}: {exc}"
            continue
        read_chars = readings[i].read_chars
        if read_chars is not None:  # the page was read up to a limit: dates past it are not
            dates = [d for d in dates if d.char_start < read_chars]
            undated = [d for d in undated if d.char_start < read_chars]
        if len(dates) > limits.max_dates:
            dates = dates[: limits.max_dates]
            limited[i] = f"read up to {limits.max_dates:,} dates (settings.max_dates); the page has more"
            undated = []
        for sentence, ds in sentences_with_dates(pages[i], readings[i].sentences, dates):
            jobs.append((i, sentence, ds))
        # the written days with no year are read on their own, so the page's dated statements stay as they are
        for sentence, ds in sentences_with_dates(pages[i], readings[i].sentences, undated[: limits.max_dates]):
            jobs.append((i, sentence, ds))
    parsed = list(models.parser.pipe((parsed_text(pages[i].text[s:e]) for i, (s, e), _ in jobs), batch_size=128))
    # the page's entities in reading order (with the names the parse of its dated sentences found),
    # for participants named by a pronoun or a description
    found: dict[int, list[EntityMention]] = {i: [] for i in readings}
    for (i, (start, _end), _), doc in zip(jobs, parsed):
        found[i] += [m for m in sentence_names(doc, start, ()) if m.label == UNTYPED]
    lexicon = lexicon_words(models.name)
    discourses = {i: page_discourse(r.sentences, _with_parse_names(r.mentions, found[i]), r.acronyms, pages[i].text,
                                    lexicon)
                  for i, r in readings.items()}
    statements: dict[int, list[DatedStatement]] = {i: [] for i in english}
    for (i, sentence, ds), doc in zip(jobs, parsed):
        try:
            if isinstance(ds, DatedSection):
                statements[i].append(section_statement(pages[i].text, sentence, doc, ds.date, readings[i].mentions))
            elif isinstance(ds, ListingEntry):
                statements[i].append(entry_statement(pages[i].text, sentence, doc, ds.date, readings[i].mentions))
            elif isinstance(ds, ListedRow):
                statements[i].append(row_statement(pages[i].text, sentence, doc, ds, readings[i].mentions, anchors[i]))
            elif isinstance(ds, LabelledField):
                statements[i] = with_field(statements[i], ds, field_statement(pages[i].text, sentence, doc, ds,
                                                                              readings[i].mentions))
            else:
                statements[i].extend(statements_from_parse(pages[i].text, sentence, doc, ds, readings[i].mentions,
                                                           discourse=discourses[i]))
        except Exception as exc:  # noqa: BLE001
            problems[i] = f"statements could not be read: {type(exc).__name__}: {exc}"

    for i, page in pages.items():
        item = inputs[i]
        skipped = problems.get(i)
        if i not in english:
            skipped = (
                "page has no text" if not page.text.strip()
                else f"page language is '{page.language}': entities and dates are read in English only"
            )
        # an audited benchmark run (extractors.rule_switches.auditing) dedupes after choosing its rules
        candidates = statements.get(i, ()) if audit_log() is not None else _dedupe(statements.get(i, ()))
        kept, held = judge_statements(page, candidates)
        sts = tuple(st for st in kept if st.date.year_basis == "page")
        results[i] = ProcessedDocument(
            doc_id=doc_id_of(item.source_id, item.snapshot_sha256),
            source_id=item.source_id,
            snapshot_sha256=item.snapshot_sha256,
            url=item.url,
            fetched_at=item.fetched_at,
            page=page,
            anchor=anchors[i],
            mentions=readings[i].mentions if i in readings else (),
            acronyms=readings[i].acronyms if i in readings else (),
            statements=sts,
            event_ids=event_ids_for(item.source_id, sts),
            held_back=tuple(held),
            yearless=tuple(st for st in kept if st.date.year_basis != "page"),
            skipped=skipped,
            limited=limited.get(i),
        )
    return [r for r in results if r is not None]



