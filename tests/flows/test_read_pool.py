"""How a run reads: batches and reader processes (pure), and a pool of real
reader processes giving what one process gives."""

from datetime import UTC, datetime

import pytest

from extractors.document import DocumentInput, process_documents
from extractors.nlp import load_models
from flows.read_pool import MAX_BATCH, MIN_BATCH, ReadPlan, ReadPool, plan_reading
from ingest.settings import DEFAULT_MODEL


def test_a_cluster_reads_in_full_batches_on_its_workers():
    assert plan_reading(1000, None, local=False) == ReadPlan(MAX_BATCH, 0)


def test_little_to_read_or_one_core_reads_in_the_runs_own_process():
    assert plan_reading(2 * MIN_BATCH - 1, 4, local=True).processes == 0
    assert plan_reading(500, 1, local=True).processes == 0
    assert plan_reading(500, 0, local=True).processes == 0


def test_every_core_gets_a_batch_and_no_batch_is_over_the_maximum():
    assert plan_reading(20, 2, local=True) == ReadPlan(10, 2)
    assert plan_reading(500, 2, local=True) == ReadPlan(MAX_BATCH, 2)
    plan = plan_reading(17, 4, local=True)
    assert plan.batch == MIN_BATCH and plan.processes == 3  # 17 pages: three batches, three readers


PAGES = [f"<html><body><main><h1>Item {k}</h1><p>NATO and Country {k} signed a programme on {k + 1} June 2012. "
         f"It was renewed in {2014 + k}.</p></main></body></html>".encode() for k in range(6)]


@pytest.mark.slow
def test_a_pool_of_reader_processes_reads_what_one_process_reads():
    inputs = [DocumentInput(source_id=f"s{k}", snapshot_sha256=f"{k:064d}", content=page, url=f"https://example.org/{k}",
                            fetched_at=datetime(2024, 1, 1, tzinfo=UTC), content_type="text/html")
              for k, page in enumerate(PAGES)]
    alone = process_documents(inputs, load_models(DEFAULT_MODEL))
    with ReadPool(2) as pool:
        halves = pool.read(inputs[:3], DEFAULT_MODEL, None) + pool.read(inputs[3:], DEFAULT_MODEL, None)
    assert halves == alone
    assert sum(len(d.statements) for d in alone) >= 6
