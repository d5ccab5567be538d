"""The stores on a real S3-compatible server (SeaweedFS on 127.0.0.1): raw
snapshots, the document cache, the curated tables with their pointer, the
lease lock. And the parsing of ``--data`` locations (no server needed)."""

from __future__ import annotations

import json
import pickle
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from store.curated_store import POINTER, CuratedStore, CuratedStoreError, DamagedTable, TableSet
from store.doc_cache import DocumentCache
from store.filesystem import DataLocationError, LocalStorage, ObjectStorage, StorageOptions, open_storage
from store.lock import DataDirBusy, StoreLock, store_lock
from store.raw_store import RawStore, StoreError, sha256_of
from tests.s3_server import SECRET_KEY
from tests.store.sample_tables import run_tables

RUN1, RUN2, RUN3 = "20261123T100000000000Z", "20261123T110000000000Z", "20261123T120000000000Z"


def tables(run_ids: tuple[str, ...], n_facts: int) -> TableSet:
    return run_tables(run_ids, [f"fact_{i}" for i in range(n_facts)])


# --data locations (pure)

def test_a_local_path_or_an_s3_url_and_nothing_else(tmp_path):
    local = open_storage(str(tmp_path / "d"))
    assert isinstance(local, LocalStorage) and local.local and local.staging == tmp_path / "d" / ".staging"
    obj = open_storage("s3://my-bucket/team/watch/")
    assert isinstance(obj, ObjectStorage) and obj.url == "s3://my-bucket/team/watch" and obj.bucket == "my-bucket"
    assert obj.sub("raw").url_of("objects/ab") == "s3://my-bucket/team/watch/raw/objects/ab"
    with pytest.raises(DataLocationError, match="unsupported scheme"):
        open_storage("ftp://host/x")
    with pytest.raises(DataLocationError, match="not a bucket URL"):
        open_storage("s3://")
    for escaping in ("s3://my-bucket/team/../other", "s3://my-bucket/./x", "s3://my-bucket/a//b", "s3://my-bucket/x\x7f"):
        with pytest.raises(DataLocationError):
            open_storage(escaping)


def test_a_secret_never_shows_in_a_repr_a_string_or_a_pickle_of_the_location():
    options = StorageOptions(endpoint_url="http://127.0.0.1:9", secret_access_key="s3cr3t-value",
                             access_key_id="AKIDEXAMPLE")
    storage = open_storage("s3://my-bucket/p", options)
    for text in (repr(options), repr(storage), str(storage), storage.url):
        assert "s3cr3t-value" not in text
    assert pickle.loads(pickle.dumps(storage)).options.secret_access_key == "s3cr3t-value"  # (to workers, not logs)


# the stores on the server

@pytest.fixture
def store_url(s3_env):
    return s3_env.prefix()


def test_raw_snapshots_and_state_round_trip_on_the_object_store(store_url):
    raw = RawStore(open_storage(store_url).sub("raw"))
    at = datetime(2026, 11, 23, 10, tzinfo=UTC)
    rec, new = raw.put("src-a", b"<p>hello</p>", url="https://x.test/a", fetched_at=at, http_status=200,
                       headers=(("etag", "1"),), content_type="text/html")
    assert new and raw.has(rec.sha256) and raw.intact(rec.sha256) and raw.read(rec.sha256) == b"<p>hello</p>"
    assert raw.put("src-a", b"<p>hello</p>", url="https://x.test/a", fetched_at=at, http_status=200)[1] is False
    raw.put("src-a", b"<p>v2</p>", url="https://x.test/a", fetched_at=at.replace(hour=11), http_status=200)
    assert [r.sha256 for r in raw.snapshots("src-a")] == [rec.sha256, sha256_of(b"<p>v2</p>")]
    assert raw.snapshot("src-a", rec.sha256) == rec
    with pytest.raises(StoreError, match="missing"):
        raw.read(sha256_of(b"never stored"))
    with pytest.raises(StoreError, match="not a valid id"):
        raw.snapshots("../etc")


def test_a_damaged_snapshot_on_the_object_store_is_never_used_and_is_replaced_by_the_fetched_bytes(store_url):
    storage = open_storage(store_url).sub("raw")
    raw = RawStore(storage)
    at = datetime(2026, 11, 23, 10, tzinfo=UTC)
    rec, _ = raw.put("src-a", b"<p>hello</p>", url="https://x.test/a", fetched_at=at, http_status=200)
    key = f"objects/{rec.sha256[:2]}/{rec.sha256}"
    storage.write_bytes(key, b"<p>hellp</p>")  # one flipped byte
    assert not raw.intact(rec.sha256)  # (ingest sends no validators for it: no 304 stands on it)
    with pytest.raises(StoreError, match="damaged"):
        raw.read(rec.sha256)
    raw.put("src-a", b"<p>hello</p>", url="https://x.test/a", fetched_at=at, http_status=200)
    assert raw.intact(rec.sha256) and raw.read(rec.sha256) == b"<p>hello</p>"


def test_document_cache_on_the_object_store(store_url, models):
    from extractors.document import RESULT_KINDS, DocumentInput, process_documents

    cache = DocumentCache(open_storage(store_url).sub("cache"), "0123abcd", RESULT_KINDS)
    content = b"Testland joined the Partnership Interoperability Initiative in 2014."
    doc = process_documents([DocumentInput(source_id="a", snapshot_sha256=sha256_of(content), content=content,
                                           url="file:a.txt", fetched_at=datetime(2026, 11, 23, tzinfo=UTC))], models)[0]
    assert cache.get("a", doc.snapshot_sha256) is None
    cache.put(doc)
    assert cache.get("a", doc.snapshot_sha256) == doc


def test_publish_points_current_at_a_complete_run_with_its_manifest(store_url):
    storage = open_storage(store_url).sub("curated")
    store = CuratedStore(storage)
    assert store.current_run_id() is None and store.readable_run_id() == (None, None)
    store.publish(RUN1, tables((RUN1,), 1))
    store.publish(RUN2, tables((RUN1, RUN2), 3))
    assert store.current_run_id() == RUN2 and store.run_ids() == [RUN1, RUN2]
    pointer = json.loads(storage.read_text(POINTER))
    assert pointer["run_id"] == RUN2 and pointer["tables"]["facts"]["rows"] == 3
    facts = pointer["tables"]["facts"]
    assert sha256_of(storage.read_bytes(facts["path"])) == facts["sha256"]
    assert store.read("facts").num_rows == 3 and store.read("facts", RUN1).num_rows == 1
    with pytest.raises(CuratedStoreError, match="already published"):
        store.publish(RUN2, tables((RUN1, RUN2), 3))


def test_a_run_killed_before_its_pointer_leaves_the_previous_run_current(store_url):
    store = CuratedStore(open_storage(store_url).sub("curated"))
    store.publish(RUN1, tables((RUN1,), 1))

    class Killed(Exception):
        pass

    def die():
        raise Killed

    with pytest.raises(Killed):
        store.publish(RUN2, tables((RUN1, RUN2), 3), before_commit=die)
    assert store.current_run_id() == RUN1 and store.read("facts").num_rows == 1
    assert store.run_ids() == [RUN1]
    store.publish(RUN3, tables((RUN1, RUN3), 2))  # the next run completes
    assert store.current_run_id() == RUN3 and store.run_ids() == [RUN1, RUN3]


def test_a_damaged_pointer_falls_back_to_the_last_complete_run(store_url):
    storage = open_storage(store_url).sub("curated")
    store = CuratedStore(storage)
    store.publish(RUN1, tables((RUN1,), 1))
    storage.write_text(POINTER, "{not json")
    with pytest.raises(DamagedTable):
        store.current_run_id()
    run_id, warning = store.readable_run_id()
    assert run_id == RUN1 and "cannot be read" in warning


def test_one_lock_per_prefix_waits_and_a_dead_holders_lease_lapses(store_url):
    storage = open_storage(store_url)
    with store_lock(storage):
        with pytest.raises(DataDirBusy, match="another factwatch run .* --wait"):
            with store_lock(storage):
                pass
    # released: the next one takes it at once; a waiting one gets it when the holder leaves
    held = StoreLock(storage, lease=30)
    held.__enter__()
    threading.Timer(1.5, held.__exit__, args=(None, None, None)).start()
    started = time.monotonic()
    with StoreLock(storage, wait_seconds=20):
        assert time.monotonic() - started >= 1.0
    # a holder that stops renewing (a killed run on another machine): taken over once its lease lapses
    storage.create(".factwatch.lock", json.dumps({"host": "elsewhere", "pid": 1}).encode())
    with pytest.raises(DataDirBusy):
        with StoreLock(storage, lease=2):
            pass
    with StoreLock(storage, lease=2, wait_seconds=20):  # (polls: taken over as soon as the lease has lapsed)
        pass
    assert not storage.exists(".factwatch.lock")


def test_credentials_are_in_no_object_of_the_store(store_url):
    storage = open_storage(store_url)
    with store_lock(storage):
        CuratedStore(storage.sub("curated")).publish(RUN1, tables((RUN1,), 1))
    fs = storage.fs
    for path in fs.find(storage.full("")):
        assert SECRET_KEY.encode() not in fs.cat_file(path)


def test_table_of_a_local_store_is_written_as_before(tmp_path):
    """The manifest a local store writes beside its tables does not change them."""
    store = CuratedStore(tmp_path / "curated")
    store.publish(RUN1, tables((RUN1,), 2))
    assert (tmp_path / "curated" / "current").is_symlink()
    assert json.loads((tmp_path / "curated" / POINTER).read_text())["run_id"] == RUN1
    assert pa.parquet.read_table(tmp_path / "curated" / "facts.parquet").num_rows == 2


def test_analysts_read_the_current_tables_with_pandas_and_duckdb_as_the_readme_shows(store_url, s3_server):
    import duckdb
    import pandas as pd
    import pyarrow.fs

    CuratedStore(open_storage(store_url).sub("curated")).publish(RUN1, tables((RUN1,), 4))
    fs = s3_server.fs()
    root = store_url.removeprefix("s3://") + "/curated"
    current = json.loads(fs.cat_file(f"{root}/current.json"))
    pafs = pyarrow.fs.PyFileSystem(pyarrow.fs.FSSpecHandler(fs))
    assert len(pd.read_parquet(f"{root}/{current['tables']['facts']['path']}", filesystem=pafs)) == 4
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    con.register_filesystem(fs)
    run = current["run_id"]
    assert con.sql(f"SELECT count(*) FROM 's3://{root}/history/{run}/facts.parquet'").fetchall() == [(4,)]


def test_refused_credentials_are_named_without_the_secret(s3_env, monkeypatch):
    from store.filesystem import store_error_message

    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wrong-secret-value")
    with pytest.raises(Exception) as refused:
        CuratedStore(open_storage(s3_env.prefix()).sub("curated")).current_run_id()
    message = store_error_message(refused.value)
    assert message is not None and "refused the credentials" in message and "wrong-secret-value" not in message


def test_an_error_carrying_another_librarys_response_is_not_a_store_error():
    """An HTTP client's error (a Prefect API call) has a ``response`` that is not botocore's dict."""
    import httpx

    from store.filesystem import store_error_message

    request = httpx.Request("POST", "http://127.0.0.1:1/api/flow_runs/")
    error = httpx.HTTPStatusError("500", request=request, response=httpx.Response(500, request=request))
    assert store_error_message(RuntimeError("run failed")) is None
    assert store_error_message(error) is None


def test_a_run_that_lost_its_lease_is_told_before_it_publishes(store_url):
    storage = open_storage(store_url)
    stalled = StoreLock(storage, lease=600)
    stalled.__enter__()
    stalled.confirm()  # still ours: renewed
    stalled._stop.set()
    # another run took the lock over meanwhile (as after a lapsed lease)
    _, etag, _ = storage.stat(".factwatch.lock")
    assert storage.replace(".factwatch.lock", b'{"host": "elsewhere", "pid": 1}', etag) is not None
    with pytest.raises(DataDirBusy, match="lost its lock"):
        stalled.confirm()
    stalled.__exit__(None, None, None)
    assert storage.exists(".factwatch.lock")  # (the other run's lock is not deleted)


def test_the_sources_file_names_the_data_dir_and_how_to_reach_the_store(tmp_path):
    from flows.cli import data_location
    from ingest.sources import SourcesError, load_sources, parse_sources

    text = ('[settings]\ndata = "s3://team-bucket/watch"\n[storage]\nendpoint_url = "http://127.0.0.1:9000"\n'
            'region = "eu-west-1"\n[[sources]]\nid = "a"\npath = "a.txt"\n')
    parsed = parse_sources(text, tmp_path / "sources.toml")
    assert parsed.settings.data == "s3://team-bucket/watch"
    assert parsed.storage.s3fs_kwargs()["endpoint_url"] == "http://127.0.0.1:9000"
    assert parsed.storage.s3fs_kwargs()["client_kwargs"] == {"region_name": "eu-west-1"}
    with pytest.raises(SourcesError, match="storage.*unknown key"):
        parse_sources(text.replace("region", "regoin"), tmp_path / "sources.toml")
    (tmp_path / "sources.toml").write_text(text)
    assert data_location(None, load_sources(tmp_path / "sources.toml")) == "s3://team-bucket/watch"
    assert data_location("elsewhere", load_sources(tmp_path / "sources.toml")) == str(Path("elsewhere").resolve())
    (tmp_path / "sources.toml").write_text(text.replace("s3://team-bucket/watch", "data-dir"))
    assert data_location(None, load_sources(tmp_path / "sources.toml")) == str(tmp_path / "data-dir")
