"""One tree of errors, each with its exit code, caught once by the command line."""

from __future__ import annotations

import pytest
import typer

from errors import ConfigError, FactwatchError, SourceError, StorageError, UsageError
from extractors.clean import NotReadable
from flows.cli import exit_code_of, one_line_errors
from ingest.sources import SourcesError
from reports.sql import SqlError
from store.curated_store import CuratedStoreError, DamagedTable
from store.lock import DataDirBusy
from store.raw_store import StoreError


@pytest.mark.parametrize(
    ("error", "kind", "code"),
    [
        (SourcesError("sources.toml, line 3: bad"), ConfigError, 2),
        (NotReadable("a PDF document"), SourceError, 1),
        (StoreError("snapshot missing"), StorageError, 1),
        (DataDirBusy("another run holds the lock"), StorageError, 1),
        (CuratedStoreError("unknown run"), StorageError, 2),
        (DamagedTable("facts.parquet cannot be read"), StorageError, 1),
        (SqlError("Parser Error"), UsageError, 2),
    ],
)
def test_every_named_error_is_in_the_tree_with_its_exit_code(error, kind, code):
    assert isinstance(error, kind) and isinstance(error, FactwatchError)
    assert error.exit_code == code == exit_code_of(error)


def test_the_errors_keep_their_builtin_kinds():
    """Code that caught the built-in kinds still catches them."""
    assert isinstance(SourcesError("x"), ValueError) and isinstance(StoreError("x"), ValueError)
    assert isinstance(CuratedStoreError("x"), RuntimeError) and isinstance(NotReadable("x"), ValueError)


def test_a_command_ends_with_its_errors_exit_code_and_one_line(capsys):
    @one_line_errors
    def command(error: Exception) -> None:
        raise error

    with pytest.raises(typer.Exit) as ended:
        command(ConfigError("sources.toml, line 2: settings.timeout must be positive\nsecond line"))
    assert ended.value.exit_code == 2
    err = capsys.readouterr().err
    assert err.startswith("factwatch: sources.toml, line 2") and err.count("\n") == 1
    with pytest.raises(typer.Exit) as ended:
        command(DamagedTable("the current run cannot be read"))
    assert ended.value.exit_code == 1
    with pytest.raises(KeyError):  # not a named error: main() reports it as unexpected
        command(KeyError("x"))
    assert exit_code_of(KeyError("x")) == 1


def test_a_sql_error_says_so():
    assert str(SqlError("Catalog Error: Table nope does not exist")).startswith("SQL error: Catalog Error")
