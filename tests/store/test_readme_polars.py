"""The README's polars examples, run as written: over a local data dir's
current tables, and over a bucket on the test S3 server (the pandas and
DuckDB examples are tested in test_object_store.py and tests/flows)."""

from __future__ import annotations

import re

import pytest

from store.curated_store import CuratedStore
from store.filesystem import open_storage
from tests.store.sample_tables import run_tables
from tests.support import REPO

pl = pytest.importorskip("polars")  # a dev extra: analysts bring their own

RUN1 = "20261123T100000000000Z"


def polars_examples() -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(), flags=re.S)
    return [b for b in blocks if "pl.read_parquet" in b]


def test_the_readme_has_a_local_and_a_bucket_polars_example():
    local, bucket = polars_examples()
    assert "curated/facts.parquet" in local and "current.json" in bucket


def test_polars_reads_the_current_tables_of_a_local_data_dir(tmp_path, monkeypatch):
    CuratedStore(open_storage(tmp_path).sub("curated")).publish(RUN1, run_tables((RUN1,), ["fact_0", "fact_1", "fact_2"]))
    monkeypatch.chdir(tmp_path)  # the examples name curated/ relative to the data dir
    scope: dict = {}
    exec(polars_examples()[0], scope)
    assert scope["facts"].height == 3 and scope["events"].height == 0


def test_polars_reads_the_current_tables_from_a_bucket(s3_env):
    store_url = s3_env.prefix()
    CuratedStore(open_storage(store_url).sub("curated")).publish(RUN1, run_tables((RUN1,), ["fact_0", "fact_1", "fact_2", "fact_3"]))
    code = polars_examples()[1].replace("team-bucket/factwatch", store_url.removeprefix("s3://"))
    scope: dict = {}
    exec(code, scope)  # s3fs.S3FileSystem() finds the server through the AWS_* variables, as the README says
    assert scope["facts"].height == 4
