"""The ingest stage for one source: fetch, keep the bytes, say what changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import httpx

from ingest.fetch import FetchOutcome, RobotsCache, Validators, fetch_file, fetch_url
from ingest.settings import Settings
from ingest.sources import Source
from ingest.url_safety import mask_url
from store.raw_store import RawStore, SourceState


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """One source's fetch in one run: a fetch_log row."""

    source_id: str
    url: str
    status: str  # new | changed | unchanged | error
    fetched_at: datetime
    http_status: int | None = None
    error: str | None = None
    error_kind: str | None = None
    snapshot_sha256: str | None = None  # the snapshot this fetch found (None on error)
    bytes: int | None = None
    attempts: int = 1
    content_type: str | None = None
    limited: str | None = None  # the page was read up to a per-page limit: which one


def _status(sha: str, previous_sha: str | None) -> str:
    if previous_sha is None:
        return "new"
    return "unchanged" if sha == previous_sha else "changed"


def _error(outcome: FetchOutcome) -> FetchRecord:
    return FetchRecord(
        source_id=outcome.source_id, url=outcome.url, status="error", fetched_at=outcome.fetched_at,
        http_status=outcome.http_status, error=outcome.error, error_kind=outcome.error_kind, attempts=outcome.attempts,
    )


def ingest_source(
    source: Source,
    settings: Settings,
    raw: RawStore,
    *,
    previous_sha: str | None,
    client: httpx.Client | None = None,
    robots: RobotsCache | None = None,
) -> FetchRecord:
    """Fetch ``source`` and store its bytes; ``previous_sha`` is the snapshot
    the last published run used for it."""
    state = raw.state(source.id)
    if source.url is not None:
        assert client is not None, "URL sources need an HTTP client"
        # validators only for a snapshot we still hold intact: a 304 must never stand on damaged bytes
        usable = state is not None and state.url == mask_url(source.url) and raw.intact(state.sha256)
        validators = Validators(state.etag, state.last_modified) if usable else None
        outcome = fetch_url(source, settings, client, validators=validators, robots=robots)
    else:
        outcome = fetch_file(source, settings)
    if not outcome.ok:
        return _error(outcome)
    if outcome.not_modified:
        if state is None or source.url is None or not raw.intact(state.sha256):
            return FetchRecord(
                source_id=source.id, url=outcome.url, status="error", fetched_at=outcome.fetched_at, http_status=304,
                error="HTTP 304 (not modified) but no intact snapshot of this page is stored; the next run asks "
                      "for the full page", error_kind="unexpected_304", attempts=outcome.attempts,
            )
        return FetchRecord(
            source_id=source.id, url=outcome.url, status=_status(state.sha256, previous_sha),
            fetched_at=outcome.fetched_at, http_status=304, snapshot_sha256=state.sha256,
            bytes=None, attempts=outcome.attempts,
        )
    content = outcome.content or b""
    if not content.strip():
        return FetchRecord(
            source_id=source.id, url=outcome.url, status="error", fetched_at=outcome.fetched_at,
            http_status=outcome.http_status, error="the page is empty (no content); check the source",
            error_kind="empty", bytes=len(content), attempts=outcome.attempts,
        )
    try:
        record, _ = raw.put(
            source.id, content, url=outcome.url, fetched_at=outcome.fetched_at, http_status=outcome.http_status,
            headers=outcome.headers, content_type=outcome.content_type,
        )
        new_state = SourceState(
            source_id=source.id, sha256=record.sha256, url=mask_url(source.location), fetched_at=outcome.fetched_at,
            etag=outcome.validators.etag, last_modified=outcome.validators.last_modified,
        )
        if state is None or (state.sha256, state.url, state.etag, state.last_modified) != (
            new_state.sha256, new_state.url, new_state.etag, new_state.last_modified
        ):
            raw.set_state(new_state)
    except OSError as exc:  # a full or read-only disk: this source fails, the run says why
        return FetchRecord(
            source_id=source.id, url=outcome.url, status="error", fetched_at=outcome.fetched_at,
            http_status=outcome.http_status, error=f"cannot store the page under {raw.root}: {exc.strerror or exc}",
            error_kind="store_error", bytes=len(content), attempts=outcome.attempts,
        )
    return FetchRecord(
        source_id=source.id, url=outcome.url, status=_status(record.sha256, previous_sha), fetched_at=outcome.fetched_at,
        http_status=outcome.http_status, snapshot_sha256=record.sha256, bytes=record.bytes,
        attempts=outcome.attempts, content_type=outcome.content_type,
    )
