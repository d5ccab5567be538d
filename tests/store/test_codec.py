from datetime import UTC, date, datetime

from extractors.acronyms import AcronymDefinition
from extractors.document import RESULT_KINDS, DocumentFailure, ProcessedDocument
from extractors.entities import EntityMention
from extractors.events import DatedStatement
from extractors.types import CleanPage, DateMention
from store.doc_cache import DocumentCache


def doc() -> ProcessedDocument:
    dm = DateMention(10, 20, "since 2001", date(2001, 1, 1), date(2001, 12, 31), "year", "since", "2001", False)
    st = DatedStatement(0, 30, "NATO and NZ since 2001.", dm, "engage", "engaged", 5, "begin", ("NATO",), 0.9)
    return ProcessedDocument(
        doc_id="doc_1", source_id="a", snapshot_sha256="ab" * 32, url="file:///x",
        fetched_at=datetime(2026, 11, 23, tzinfo=UTC),
        page=CleanPage(text="NATO and NZ since 2001.", title="T", updated_at=datetime(2018, 9, 12, 13, 28, tzinfo=UTC)),
        anchor=date(2018, 9, 12), mentions=(EntityMention("NATO", "ORG", 0, 4, "NATO"),),
        acronyms=(AcronymDefinition("NZ", "New Zealand", 0, 5),), statements=(st,), event_ids=("ev_1",),
    )


def test_cached_documents_round_trip_exactly(tmp_path):
    cache = DocumentCache(tmp_path, "0123456789abcdef", RESULT_KINDS)
    d = doc()
    assert cache.get("a", d.snapshot_sha256) is None
    cache.put(d)
    assert cache.get("a", d.snapshot_sha256) == d
    f = DocumentFailure("b", "cd" * 32, "not readable: PDF", "not_readable")
    cache.put(f)
    assert cache.get("b", "cd" * 32) == f
    # another code version does not see them
    assert DocumentCache(tmp_path, "fedcba9876543210", RESULT_KINDS).get("a", d.snapshot_sha256) is None
