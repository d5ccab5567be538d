from datetime import UTC, datetime

import pytest

from store.raw_store import RawStore, SourceState, StoreError, sha256_of

T = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_snapshots_are_content_addressed_and_never_rewritten(tmp_path):
    raw = RawStore(tmp_path / "raw")
    rec, new = raw.put("a", b"hello", url="http://x/", fetched_at=T, http_status=200, headers=(("etag", "1"),))
    assert new and rec.sha256 == sha256_of(b"hello") and rec.bytes == 5
    assert raw.read(rec.sha256) == b"hello"
    later = datetime(2026, 11, 30, tzinfo=UTC)
    rec2, new2 = raw.put("a", b"hello", url="http://x/", fetched_at=later, http_status=200)
    assert not new2
    # the metadata of the first fetch of a snapshot stays
    assert raw.snapshot("a", rec.sha256).fetched_at == T
    assert raw.snapshot("a", rec.sha256).headers == (("etag", "1"),)
    raw.put("a", b"world", url="http://x/", fetched_at=later, http_status=200)
    assert [s.bytes for s in raw.snapshots("a")] == [5, 5]
    assert not list((tmp_path / "raw").rglob("*.tmp"))


def test_state_round_trips_and_ids_are_confined(tmp_path):
    raw = RawStore(tmp_path / "raw")
    st = SourceState("a.b", "0" * 64, "http://x/", T, etag='"e"', last_modified=None)
    raw.set_state(st)
    assert raw.state("a.b") == st
    assert raw.state("other") is None
    for bad in ("../x", "a/b", ".hidden", ""):
        with pytest.raises(StoreError):
            raw.put(bad, b"x", url="u", fetched_at=T, http_status=None)


def test_corruption_is_detected(tmp_path):
    raw = RawStore(tmp_path / "raw")
    rec, _ = raw.put("a", b"hello", url="u", fetched_at=T, http_status=None)
    path = tmp_path / "raw" / "objects" / rec.sha256[:2] / rec.sha256
    path.write_bytes(b"tampered")
    with pytest.raises(StoreError, match="damaged"):
        raw.read(rec.sha256)
    assert not raw.intact(rec.sha256)


def test_a_damaged_snapshot_is_replaced_by_the_fetched_bytes(tmp_path):
    raw = RawStore(tmp_path / "raw")
    rec, _ = raw.put("a", b"hello", url="u", fetched_at=T, http_status=None)
    path = tmp_path / "raw" / "objects" / rec.sha256[:2] / rec.sha256
    path.write_bytes(b"hellp")  # one flipped byte
    raw.put("a", b"hello", url="u", fetched_at=T, http_status=None)
    assert raw.read(rec.sha256) == b"hello" and raw.intact(rec.sha256)
    path.unlink()
    with pytest.raises(StoreError, match="missing"):
        raw.read(rec.sha256)


def test_damaged_state_and_metadata_read_as_unknown(tmp_path):
    raw = RawStore(tmp_path / "raw")
    rec, _ = raw.put("a", b"hello", url="u", fetched_at=T, http_status=None)
    (tmp_path / "raw" / "snapshots" / "a" / f"{rec.sha256}.json").write_text("{not json")
    (tmp_path / "raw" / "state").mkdir(parents=True, exist_ok=True)
    (tmp_path / "raw" / "state" / "a.json").write_text("")
    assert raw.snapshot("a", rec.sha256) is None and raw.snapshots("a") == [] and raw.state("a") is None


def test_stored_files_follow_the_umask_not_0600(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        raw = RawStore(tmp_path / "raw")
        rec, _ = raw.put("a", b"hello", url="u", fetched_at=T, http_status=None)
    finally:
        os.umask(old)
    assert (tmp_path / "raw" / "objects" / rec.sha256[:2] / rec.sha256).stat().st_mode & 0o777 == 0o644
