"""The run's decisions, without a flow: ids, snapshots, reuse, unreadable pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from assembly.run import PreviousRun, RunContext
from assembly.tables import RunRecord, runs_table
from extractors.document import DocumentFailure, ProcessedDocument
from extractors.types import CleanPage
from flows.run_decisions import (
    current_snapshots,
    earlier_documents,
    earlier_snapshots,
    first_runs,
    new_run_id,
    same_as_last_run,
    settle_documents,
    snapshots_to_read,
)
from ingest.ingest import FetchRecord

T0 = datetime(2026, 11, 23, 19, 1, 2, 123456, tzinfo=UTC)
A, B, C = "a" * 64, "b" * 64, "c" * 64


def record(sid: str, sha: str | None, status: str = "changed") -> FetchRecord:
    return FetchRecord(source_id=sid, url=f"https://example.org/{sid}", status=status, fetched_at=T0,
                       http_status=200 if sha else 503, snapshot_sha256=sha, bytes=10 if sha else None)


def document(sid: str, sha: str, limited: str | None = None) -> ProcessedDocument:
    return ProcessedDocument(doc_id=f"doc_{sid}_{sha[:4]}", source_id=sid, snapshot_sha256=sha, url="file:///x",
                             fetched_at=T0, page=CleanPage(text="Text.", title=None), anchor=date(2026, 11, 23),
                             limited=limited)


# --- run ids ---------------------------------------------------------------------------------


def test_run_id_is_the_clock_in_utc():
    assert new_run_id(None, T0) == "20261123T190102123456Z"
    assert new_run_id("20261123T190102123455Z", T0) == "20261123T190102123456Z"


def test_run_ids_increase_strictly_when_the_clock_steps_back_again_and_again():
    ids = [new_run_id(None, T0)]
    for step in range(6):  # the clock goes back an hour, then stands still, then back again
        now = T0 - timedelta(hours=1 + step // 2)
        ids.append(new_run_id(ids[-1], now))
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(len(i) == len(ids[0]) for i in ids)  # one width: string order is time order
    assert ids[1] == "20261123T190102123457Z"
    # the clock catches up: its own time again
    assert new_run_id(ids[-1], T0 + timedelta(seconds=1)) == "20261123T190103123456Z"


def test_run_id_after_an_id_of_the_older_longer_form():
    """Ids once grew a digit when the clock stepped back ("...000Z" then "...0001Z");
    the next id still sorts after such an id."""
    older = "20261123T1901021234561Z"
    nxt = new_run_id(older, T0 - timedelta(days=1))
    assert nxt > older and nxt == "20261123T190102123457Z"


# --- snapshots -----------------------------------------------------------------------------


def test_a_failed_fetch_stands_on_the_last_runs_snapshot():
    records = {"x": record("x", B), "y": record("y", None, "error"), "z": record("z", None, "error")}
    assert current_snapshots(["x", "y", "z"], records, {"x": A, "y": A}) == {"x": B, "y": A}


def test_the_snapshot_before_the_current_one_is_read_too():
    current = {"x": B, "y": A}
    earlier = earlier_snapshots(current, {"x": [A, C, B], "y": [A]})
    assert earlier == {"x": C}
    assert snapshots_to_read(current, earlier) == [("x", B), ("x", C), ("y", A)]
    known = {("x", C): document("x", C), ("x", B): DocumentFailure("x", B, "no text", "not_readable")}
    assert earlier_documents(earlier, known) == [document("x", C)]


def _previous(code: str = "v1", config: str = "c1") -> PreviousRun:
    run = RunRecord(run_id="20261123T000000000000Z", started_at=T0, finished_at=T0, status="ok", sources_total=1,
                    fetched=1, unchanged=0, failed=0, documents=1, events=0, facts=0, documents_read=1, new=1,
                    changed=0, conflicts=0, changes=0, previous_run_id=None, code_version=code, config_version=config)
    return PreviousRun(run_id=run.run_id, runs=runs_table(None, run))


def _ctx(code: str = "v1", config: str = "c1") -> RunContext:
    return RunContext(run_id="20261124T000000000000Z", started_at=T0, code_version=code, config_version=config,
                      sources_total=1, trust={}, publishers={})


@pytest.mark.parametrize(
    ("current", "code", "config", "same"),
    [({"x": A}, "v1", "c1", True), ({"x": B}, "v1", "c1", False), ({"x": A}, "v2", "c1", False),
     ({"x": A}, "v1", "c2", False), ({"x": A, "y": B}, "v1", "c1", False)],
)
def test_the_last_runs_tables_stand_only_when_nothing_changed(current, code, config, same):
    assert same_as_last_run(_previous(), current, {"x": A}, _ctx(code, config)) is same


def test_no_last_run_means_nothing_stands():
    assert not same_as_last_run(PreviousRun(), {}, {}, _ctx())


# --- unreadable snapshots -------------------------------------------------------------------


def test_a_read_document_stands_and_a_limit_goes_to_its_fetch_record():
    records = {"x": record("x", B)}
    settled = settle_documents({"x": B}, {("x", B): document("x", B, limited="max_sentences")}, records, {},
                               lambda sid, sha: None)
    assert settled.docs == (document("x", B, limited="max_sentences"),)
    assert settled.records["x"].limited == "max_sentences" and records["x"].limited is None


def test_an_unreadable_new_snapshot_fails_its_fetch_and_the_last_good_document_stays():
    records = {"x": record("x", B)}
    failure = DocumentFailure("x", B, "not readable: PDF", "not_readable")
    old = document("x", A)
    cache = {("x", A): old}
    settled = settle_documents({"x": B}, {("x", B): failure}, records, {"x": A}, lambda sid, sha: cache.get((sid, sha)))
    assert settled.docs == (old,)
    rec = settled.records["x"]
    assert (rec.status, rec.error, rec.error_kind, rec.snapshot_sha256) == ("error", "not readable: PDF",
                                                                            "not_readable", B)


def test_an_unreadable_snapshot_the_last_run_stood_on_keeps_its_fetch_record():
    """The fetch failed and the stored snapshot cannot be read again: the
    fetch's own error stays, and there is no other document to fall back on."""
    records = {"x": record("x", None, "error")}
    failure = DocumentFailure("x", A, "snapshot lost", "snapshot_lost")
    settled = settle_documents({"x": A}, {("x", A): failure}, records, {"x": A}, lambda sid, sha: document("x", A))
    assert settled.docs == () and settled.records == records


def test_documents_keep_the_run_they_were_first_seen_in():
    previous = [{"doc_id": "doc_x_aaaa", "run_id": "20261101T000000000000Z"}]
    first = first_runs(previous, [document("x", A), document("y", B)], "20261124T000000000000Z")
    assert first == {"doc_x_aaaa": "20261101T000000000000Z", "doc_y_bbbb": "20261124T000000000000Z"}
