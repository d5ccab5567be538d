"""The run's tasks on a real Dask cluster (scheduler + two worker processes on 127.0.0.1)."""

import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.support import MFAT_PAGE, NATO_PAGE

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
# columns that say when and in which run, not what: they differ between any two runs
RUN_COLUMNS = {"run_id", "fetched_at", "started_at", "finished_at"}
TABLES = ("documents", "entities", "mentions", "events", "facts", "fact_values")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def project(tmp_path, shared_dir):
    pages = tmp_path / "pages"
    pages.mkdir()
    entries = []
    for p in (NATO_PAGE, MFAT_PAGE):
        shutil.copy(p, pages / p.name)
        entries.append(f'[[sources]]\nid = "{p.stem[:3]}"\npath = "pages/{p.name}"\n')
    for gz in sorted((shared_dir / "eval" / "boilerplate" / "wcxb-dev" / "html").glob("*.html.gz"))[:50]:
        name = gz.name[:-3]
        (pages / name).write_bytes(gzip.decompress(gz.read_bytes()))
        entries.append(f'[[sources]]\nid = "w{name.split(".")[0]}"\npath = "pages/{name}"\n')
    (tmp_path / "sources.toml").write_text("\n".join(entries))
    return tmp_path


def table(data: Path, name: str) -> pd.DataFrame:
    df = pd.read_parquet(data / "curated" / f"{name}.parquet")
    return df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS]).reset_index(drop=True)


def test_a_dask_cluster_gives_the_same_tables_as_a_local_run(project, prefect_harness):
    from prefect.settings import PREFECT_API_URL

    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
    workers = subprocess.Popen([str(BIN / "dask"), "worker", address, "--nworkers", "2", "--nthreads", "1",
                                "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "2GiB"],
                               env=env, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        from distributed import Client

        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout=5) as client:
                    if len(client.scheduler_info()["workers"]) == 2:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "Dask cluster did not come up"
            time.sleep(1)
        local = subprocess.run([str(BIN / "factwatch"), "run", "--data", "local", "--json"], cwd=project, env=env,
                               capture_output=True, text=True, timeout=900)
        assert local.returncode in (0, 3), local.stderr[-3000:]
        on_dask = subprocess.run([str(BIN / "factwatch"), "run", "--data", "dask", "--json", "--runner", "dask",
                                  "--dask-address", address], cwd=project, env=env, capture_output=True, text=True,
                                 timeout=900)
        assert on_dask.returncode == local.returncode, on_dask.stderr[-3000:]
    finally:
        for proc in (workers, scheduler):
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    summaries = [json.loads(p.stdout.strip().splitlines()[-1]) for p in (local, on_dask)]
    assert summaries[0]["documents"] == summaries[1]["documents"] == 52
    assert summaries[0]["documents_read"] == summaries[1]["documents_read"] == 52
    for name in TABLES:
        a, b = table(project / "local", name), table(project / "dask", name)
        assert len(a) > 0, name
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)
