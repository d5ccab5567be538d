"""The errors factwatch names: one tree, each kind with the exit code the
command line ends with. The CLI catches ``FactwatchError`` once
(flows/cli.py, ``one_line_errors``) and prints its message as one line.

    FactwatchError      1  the work could not be done
    ├── UsageError      2  the command or its arguments need fixing (an unknown run, a rejected query)
    ├── ConfigError     2  the configuration needs fixing (sources.toml, a Prefect server for `serve`)
    ├── SourceError     1  a page cannot be fetched or read (`factwatch clean`)
    └── StorageError    1  the data dir's stores cannot be used (a damaged table, a busy lock, a full disk)

The leaves live where they are raised: ingest.sources.SourcesError and
flows.serve.ServeError (config), extractors.clean.NotReadable (source),
store.raw_store.StoreError, store.lock.DataDirBusy and
store.curated_store.CuratedStoreError (storage; 2 when what was asked is not
there: no run yet, an unknown run; its DamagedTable 1), reports.sql.SqlError
(usage). Within a run a source's failure is not raised: it is a row of
fetch_log, and the run goes on with the other sources.
"""

from __future__ import annotations


class FactwatchError(Exception):
    """An error factwatch names: its message says what and where, ``exit_code`` how the command ends."""

    exit_code = 1


class UsageError(FactwatchError):
    exit_code = 2


class ConfigError(FactwatchError, ValueError):
    exit_code = 2


class SourceError(FactwatchError, ValueError):
    exit_code = 1


class StorageError(FactwatchError):
    exit_code = 1
