"""The mentions table: names as written, and the pronouns and descriptions a
statement's participants were resolved from, with their offsets and how."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assembly.tables import mentions_table
from extractors.coreference import Resolution, Via
from extractors.document import RESULT_KINDS, ProcessedDocument
from extractors.entities import EntityMention
from extractors.events import DatedStatement
from extractors.types import CleanPage, DateMention
from facts.entities import canonicalize
from facts.events import acronym_pairs, occurrences
from store.doc_cache import DocumentCache
from store.schemas import SCHEMAS

TEXT = "NASA built the telescope. It was launched in 2021."


def doc() -> ProcessedDocument:
    it = TEXT.index("It")
    dm = DateMention(TEXT.index("2021"), TEXT.index("2021") + 4, "2021", date(2021, 1, 1), date(2021, 12, 31), "year",
                     "point", "2021", False)
    st = DatedStatement(it, len(TEXT), TEXT[it:], dm, "launch", "launched", TEXT.index("launched"), "begin", ("NASA",),
                        0.9, resolved=(Resolution("NASA", it, it + 2, Via.PRONOUN, 0),))
    return ProcessedDocument(
        doc_id="doc_a", source_id="a", snapshot_sha256="ab" * 32, url="file:///x",
        fetched_at=datetime(2026, 11, 23, tzinfo=UTC), page=CleanPage(text=TEXT, title="T"), anchor=date(2026, 11, 23),
        mentions=(EntityMention("NASA", "ORG", 0, 4, "NASA"),), statements=(st,), event_ids=("ev_1",),
    )


def test_a_resolved_pronoun_is_a_mention_of_its_entity_with_its_offsets(tmp_path):
    d = doc()
    index = canonicalize(occurrences([d]), acronym_pairs([d]))
    table = mentions_table([d], index)
    assert table.schema.equals(SCHEMAS["mentions"], check_metadata=False)
    rows = table.to_pylist()
    assert [(r["text"], r["resolved"]) for r in rows] == [("NASA", None), ("It", "pronoun")]
    assert rows[0]["entity_id"] == rows[1]["entity_id"]
    # the resolution survives the document cache
    cache = DocumentCache(tmp_path, "0123456789abcdef", RESULT_KINDS)
    cache.put(d)
    assert cache.get("a", d.snapshot_sha256) == d
