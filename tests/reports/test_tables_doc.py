"""docs/tables.md lists exactly the tables, columns, types and nullability
of store/schemas.SCHEMAS, in order, each with a meaning and an example."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from store.schemas import SCHEMAS

DOC = Path(__file__).resolve().parents[2] / "docs" / "tables.md"
HEADER = ["column", "type", "null", "meaning", "example"]


@dataclass(frozen=True)
class DocColumn:
    name: str
    type: str
    nullable: bool
    meaning: str
    example: str


def doc_type(t: pa.DataType) -> str:
    """How docs/tables.md writes an Arrow type."""
    if pa.types.is_timestamp(t):
        return f"timestamp[{t.unit}, {t.tz}]" if t.tz else f"timestamp[{t.unit}]"
    if pa.types.is_date32(t):
        return "date32"
    if pa.types.is_list(t):
        return f"list<{doc_type(t.value_type)}>"
    return str(t)  # string, int32, int64, double, ...


def _cells(line: str) -> list[str]:
    line = line.strip()
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


def parse_tables_doc(text: str) -> dict[str, list[DocColumn]]:
    """``## <table>`` sections, each with one Markdown table of columns."""
    tables: dict[str, list[DocColumn]] = {}
    current: str | None = None
    for line in text.splitlines():
        heading = re.match(r"^## (\S+)\s*$", line)
        if heading:
            current = heading.group(1)
            assert current not in tables, f"table {current} documented twice"
            tables[current] = []
            continue
        if current is None or not line.startswith("|"):
            continue
        cells = _cells(line)
        if cells == HEADER or set("".join(cells)) <= set("-: "):
            continue
        assert len(cells) == len(HEADER), f"{current}: expected {len(HEADER)} cells in {line!r}"
        name = re.fullmatch(r"`([a-z0-9_]+)`", cells[0])
        assert name, f"{current}: column name must be `code`: {cells[0]!r}"
        assert cells[2] in ("yes", "no"), f"{current}.{name.group(1)}: null must be yes or no, not {cells[2]!r}"
        tables[current].append(DocColumn(name.group(1), cells[1], cells[2] == "yes", cells[3], cells[4]))
    return tables


def test_the_dictionary_matches_the_schemas():
    documented = parse_tables_doc(DOC.read_text(encoding="utf-8"))
    assert list(documented) == list(SCHEMAS), "docs/tables.md must have one `## <table>` section per table, in order"
    for table, schema in SCHEMAS.items():
        got = [(c.name, c.type, c.nullable) for c in documented[table]]
        want = [(f.name, doc_type(f.type), f.nullable) for f in schema]
        assert got == want, f"docs/tables.md, table {table}: columns differ from store/schemas.py"
        for c in documented[table]:
            assert len(c.meaning.split()) >= 2, f"{table}.{c.name}: say what it means"
            assert c.example.startswith("`"), f"{table}.{c.name}: give an example value in `code`"


def test_the_parser_notices_drift():
    text = DOC.read_text(encoding="utf-8")
    parsed = parse_tables_doc(text.replace("| `n_sources` | int32 |", "| `n_sources` | int64 |"))
    assert ("n_sources", "int64", False) in [(c.name, c.type, c.nullable) for c in parsed["facts"]]
    assert doc_type(pa.list_(pa.string())) == "list<string>"
    assert doc_type(pa.timestamp("us", tz="UTC")) == "timestamp[us, UTC]"
    assert doc_type(pa.date32()) == "date32"
