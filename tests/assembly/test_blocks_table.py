"""The blocks table: one row per block of a document (assembly/tables.py),
with the schema of store/schemas.py; blocks survive the document cache with
their roles."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyarrow as pa

from assembly.tables import blocks_table
from extractors.document import RESULT_KINDS, ProcessedDocument
from extractors.types import BlockRole, CleanPage, TextBlock
from store.doc_cache import DocumentCache
from store.schemas import SCHEMAS

TEXT = "Bridge news\n\nThe council met in 2023.\n\nYear | Visitors"
BLOCKS = (
    TextBlock(0, 11, BlockRole.HEADING, 1),
    TextBlock(13, 37, BlockRole.PARAGRAPH, when=date(2023, 5, 4)),
    TextBlock(39, 43, BlockRole.TABLE_CELL),
    TextBlock(46, 54, BlockRole.TABLE_CELL),
)


def doc(source_id: str = "a") -> ProcessedDocument:
    return ProcessedDocument(
        doc_id=f"doc_{source_id}", source_id=source_id, snapshot_sha256="ab" * 32, url="file:///x",
        fetched_at=datetime(2026, 11, 23, tzinfo=UTC),
        page=CleanPage(text=TEXT, title="Bridge news", blocks=BLOCKS), anchor=date(2026, 11, 23),
    )


def test_blocks_table_rows_and_schema():
    table = blocks_table([doc("b"), doc("a")], {"doc_a": "20261123T000000Z", "doc_b": "20261123T000000Z"})
    assert table.schema.equals(SCHEMAS["blocks"])
    rows = table.to_pylist()
    assert [(r["source_id"], r["block_index"]) for r in rows] == [("a", 0), ("a", 1), ("a", 2), ("a", 3),
                                                                  ("b", 0), ("b", 1), ("b", 2), ("b", 3)]
    first = rows[0]
    assert first["role"] == "heading" and first["level"] == 1
    assert TEXT[first["char_start"] : first["char_end"]] == "Bridge news"
    assert [TEXT[r["char_start"] : r["char_end"]] for r in rows[2:4]] == ["Year", "Visitors"]
    assert rows[1]["level"] is None and rows[1]["role"] == "paragraph"
    assert rows[1]["machine_date"] == date(2023, 5, 4) and first["machine_date"] is None
    assert first["snapshot_sha256"] == "ab" * 32 and first["run_id"] == "20261123T000000Z"
    assert set(table.column("role").to_pylist()) <= {r.value for r in BlockRole}


def test_blocks_schema_is_explicit():
    schema = SCHEMAS["blocks"]
    assert schema.field("block_index").type == pa.int32()
    assert schema.field("level").nullable and not schema.field("role").nullable
    assert {"doc_id", "source_id", "snapshot_sha256", "run_id", "char_start", "char_end"} <= set(schema.names)


def test_document_cache_round_trips_blocks(tmp_path):
    cache = DocumentCache(tmp_path, "0123456789abcdef", RESULT_KINDS)
    d = doc()
    cache.put(d)
    back = cache.get("a", d.snapshot_sha256)
    assert back == d
    assert all(isinstance(b.role, BlockRole) for b in back.page.blocks)
    assert back.page.blocks[0].level == 1 and back.page.blocks[1].when == date(2023, 5, 4)
