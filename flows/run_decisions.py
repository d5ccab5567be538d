"""The decisions of a run, as pure functions (no Prefect, no I/O).

The flow (flows/pipeline.py) fetches, reads and publishes; what it does with
what it finds is decided here: the run's id, the snapshot each source stands
on, which snapshots to read, whether the last run's tables stand as they are,
what a snapshot that cannot be read leaves in the run (its fetch_log row says
why; the source's last good document stays), and the run each document was
first seen in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from assembly.run import PreviousRun, RunContext
from extractors.document import DocumentFailure, ProcessedDocument
from extractors.reading import ReadingLimits
from ingest.ingest import FetchRecord
from ingest.settings import Settings
from ingest.sources import SourcesFile

RUN_ID_FORMAT = "%Y%m%dT%H%M%S%fZ"  # fixed width: the ids sort as the runs were made
_STAMP_CHARS = 21  # the date, time and microseconds of a run id, without the "Z"

Result = ProcessedDocument | DocumentFailure


def new_run_id(previous: str | None, now: datetime) -> str:
    """The id of a run made at ``now``: its UTC time to the microsecond, or,
    when the clock stands at or before the ``previous`` run's id (a clock
    stepped back, or two runs in one microsecond), one microsecond after it.
    Ids increase strictly as strings however often the clock steps back, so
    the newest run is always the highest id."""
    run_id = now.astimezone(UTC).strftime(RUN_ID_FORMAT)
    if previous is None or run_id > previous:
        return run_id
    stamp = datetime.strptime(previous[:_STAMP_CHARS], RUN_ID_FORMAT[:-1]).replace(tzinfo=UTC)
    return (stamp + timedelta(microseconds=1)).strftime(RUN_ID_FORMAT)


def reading_limits(settings: Settings) -> ReadingLimits:
    return ReadingLimits(max_sentences=settings.max_sentences, max_sentence_chars=settings.max_sentence_chars,
                         max_dates=settings.max_dates)


def config_fingerprint(config: SourcesFile) -> str:
    """What shapes facts besides the pages and the code: sources, priors, subject, aliases."""
    parts = [(src.id, src.location, src.trust, src.publisher) for src in config.sources]
    blob = repr((parts, config.subject, [(a.canonical, a.aliases) for a in config.aliases]))
    limits = reading_limits(config.settings)
    if limits != ReadingLimits():  # (the default limits keep the fingerprints runs already carry)
        blob += repr(limits)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def current_snapshots(source_ids: Iterable[str], records: Mapping[str, FetchRecord],
                      previous_sha: Mapping[str, str]) -> dict[str, str]:
    """The snapshot each source stands on now: this fetch's, or, when the fetch
    failed, the one the last run used (none for a source never fetched)."""
    current: dict[str, str] = {}
    for sid in source_ids:
        sha = records[sid].snapshot_sha256
        if sha is not None:
            current[sid] = sha
        elif sid in previous_sha:
            current[sid] = previous_sha[sid]
    return current


def same_as_last_run(previous: PreviousRun, current: Mapping[str, str], previous_sha: Mapping[str, str],
                     ctx: RunContext) -> bool:
    """Every page as the last run left it, the same code, the same configuration:
    the last run's tables stand as they are."""
    if previous.run_id is None or previous.runs is None or dict(current) != dict(previous_sha):
        return False
    last = previous.runs.slice(previous.runs.num_rows - 1).to_pylist()[0]
    return last["code_version"] == ctx.code_version and last.get("config_version") == ctx.config_version


def earlier_snapshots(current: Mapping[str, str], stored: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Each source's snapshot before its current one (``stored``: each source's
    snapshots, oldest first): the statements it made that the page no longer
    makes become superseded values."""
    earlier: dict[str, str] = {}
    for sid, sha in current.items():
        older = [s for s in stored.get(sid, ()) if s != sha]
        if older:
            earlier[sid] = older[-1]
    return earlier


def snapshots_to_read(current: Mapping[str, str], earlier: Mapping[str, str]) -> list[tuple[str, str]]:
    """(source, snapshot) pairs the run needs read, in a stable order."""
    return sorted(set(current.items()) | set(earlier.items()))


def earlier_documents(earlier: Mapping[str, str], known: Mapping[tuple[str, str], Result]) -> list[ProcessedDocument]:
    return [d for sid, sha in sorted(earlier.items()) if isinstance(d := known.get((sid, sha)), ProcessedDocument)]


@dataclass(frozen=True)
class Settled:
    """The documents a run stands on, and its fetch records as the reading left them."""

    docs: tuple[ProcessedDocument, ...]
    records: dict[str, FetchRecord]


def settle_documents(
    current: Mapping[str, str],
    known: Mapping[tuple[str, str], Result],
    records: Mapping[str, FetchRecord],
    previous_sha: Mapping[str, str],
    cached: Callable[[str, str], object | None],
) -> Settled:
    """What each source's current snapshot gives the run.

    A document read: it stands (read up to a limit, its fetch record says
    which). A snapshot that could not be read: when this fetch brought it, its
    fetch record becomes an error that says why; the source's last good
    document (``cached(source_id, sha)`` of the last run's snapshot) stays."""
    docs: list[ProcessedDocument] = []
    out = dict(records)
    for sid, sha in sorted(current.items()):
        res = known[(sid, sha)]
        if isinstance(res, ProcessedDocument):
            docs.append(res)
            if res.limited:  # the page was read up to a limit: its fetch_log row says which
                out[sid] = replace(out[sid], limited=res.limited)
            continue
        rec = out[sid]
        if rec.snapshot_sha256 == res.snapshot_sha256:
            out[sid] = FetchRecord(
                source_id=sid, url=rec.url, status="error", fetched_at=rec.fetched_at,
                http_status=rec.http_status, error=res.error, error_kind=res.error_kind,
                snapshot_sha256=rec.snapshot_sha256, bytes=rec.bytes, attempts=rec.attempts,
                content_type=rec.content_type,
            )
        fallback = previous_sha.get(sid)
        if fallback and fallback != res.snapshot_sha256:
            old = cached(sid, fallback)
            if isinstance(old, ProcessedDocument):
                docs.append(old)
    return Settled(tuple(docs), out)


def first_runs(previous_docs: Iterable[Mapping[str, str]], docs: Iterable[ProcessedDocument],
               run_id: str) -> dict[str, str]:
    """The run each document was first seen in: the last run's documents
    table says it for the documents it had; the others are new in ``run_id``."""
    first = {d["doc_id"]: d["run_id"] for d in previous_docs}
    for d in docs:
        first.setdefault(d.doc_id, run_id)
    return first
