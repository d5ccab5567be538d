"""How a run reads: batches and reader processes (pure), and a pool of real
reader processes giving what one process gives."""

import threading
import time
from datetime import UTC, datetime

import pytest

from extractors.document import DocumentInput, process_documents
from extractors.nlp import load_models
from flows.read_pool import MAX_BATCH, MIN_BATCH, Readers, ReadPlan, ReadPool, plan_reading, schedule_batches
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


def test_one_process_reads_in_the_given_order_a_batch_at_a_time():
    assert schedule_batches([5, 1, 9, 2, 7], 2, 0) == [[0, 1], [2, 3], [4]]
    assert schedule_batches([5, 1, 9], 64, 1) == [[0, 1, 2]]
    assert schedule_batches([], 64, 2) == []


SIZES = [(k * 7919) % 1000 + 1 for k in range(500)]  # 500 pages of 1 to 1,000 bytes, in no order


def test_a_pool_reads_every_page_once_largest_first_in_batches_that_shrink():
    batches = schedule_batches(SIZES, MAX_BATCH, 2)
    assert sorted(i for b in batches for i in b) == list(range(len(SIZES)))
    flat = [SIZES[i] for b in batches for i in b]
    assert flat == sorted(SIZES, reverse=True)
    assert all(len(b) <= MAX_BATCH for b in batches)
    assert all(len(b) >= MIN_BATCH // 2 for b in batches[:-1])
    work = [sum(SIZES[i] for i in b) for b in batches]
    assert work[-1] < work[0] / 10  # the readers end on small batches ...
    assert max(work) <= sum(SIZES) * MAX_BATCH / len(SIZES) + max(SIZES)  # ... and none holds much more than an average one


def test_a_batch_of_large_pages_holds_fewer_pages():
    sizes = [100_000] * 10 + [1_000] * 190
    first, *_ = schedule_batches(sizes, MAX_BATCH, 2)
    assert MIN_BATCH // 2 <= len(first) < MAX_BATCH and set(first) <= set(range(10))


def test_batches_go_to_free_readers_in_the_order_of_their_turns():
    readers, order = Readers(here=True, spawned=0), []
    first = readers.take(0)
    assert first.__enter__() is True  # the one reader, here, is busy

    def take(turn):
        with readers.take(turn) as here:
            order.append((turn, here))

    threads = [threading.Thread(target=take, args=(k,)) for k in (3, None, 1, 2)]
    for t in threads:
        t.start()
        time.sleep(0.05)  # they come in the order 3, (no turn), 1, 2
    first.__exit__(None, None, None)
    for t in threads:
        t.join(10)
    assert order == [(1, True), (2, True), (3, True), (None, True)]


def _taking(readers: Readers, turn: int, order: list) -> threading.Thread:
    def take() -> None:
        with readers.take(turn):
            order.append(turn)
    thread = threading.Thread(target=take)
    thread.start()
    return thread


def test_a_free_reader_waits_for_the_batch_whose_turn_comes_first():
    readers, order = Readers(here=True, spawned=1), []
    late = _taking(readers, 1, order)  # its task asked first, with both readers free
    time.sleep(0.2)
    assert order == []
    early = _taking(readers, 0, order)
    for t in (late, early):
        t.join(10)
    assert order == [0, 1]


def test_a_turn_that_never_comes_is_passed_over(monkeypatch):
    monkeypatch.setattr("flows.read_pool.TURN_GRACE", 0.3)
    readers, order = Readers(here=True, spawned=0), []
    start = time.monotonic()
    threads = [_taking(readers, turn, order) for turn in (2, 1)]  # turn 0's task failed before it asked
    for t in threads:
        t.join(10)
    assert order == [1, 2]
    assert 0.3 <= time.monotonic() - start < 5  # turn 1 waited once for turn 0; turn 2 did not wait again
    assert readers.take(0).__enter__() is True  # a passed-over turn that comes after all is read at once


def test_a_batch_goes_to_a_reader_process_while_this_one_reads():
    readers = Readers(here=True, spawned=1)
    with readers.take(0) as a, readers.take(1) as b:
        assert (a, b) == (True, False)


PAGES = [f"<html><body><main><h1>Item {k}</h1><p>NATO and Country {k} signed a programme on {k + 1} June 2012. "
         f"It was renewed in {2014 + k}.</p></main></body></html>".encode() for k in range(6)]


@pytest.mark.slow
def test_a_pool_of_reader_processes_reads_what_one_process_reads():
    inputs = [DocumentInput(source_id=f"s{k}", snapshot_sha256=f"{k:064d}", content=page, url=f"https://example.org/{k}",
                            fetched_at=datetime(2024, 1, 1, tzinfo=UTC), content_type="text/html")
              for k, page in enumerate(PAGES)]
    alone = process_documents(inputs, load_models(DEFAULT_MODEL))
    halves: dict[int, list] = {}

    def read(half: int, pool: ReadPool) -> None:
        halves[half] = pool.read(inputs[3 * half: 3 * half + 3], DEFAULT_MODEL, None, turn=half)

    with ReadPool(2, DEFAULT_MODEL) as pool:  # both readers load the model at once, here and in a spawned process
        threads = [threading.Thread(target=read, args=(half, pool)) for half in (0, 1)]
        for t in threads:  # the first half is read here (once the model is loaded), the second meanwhile in the other
            t.start()
        for t in threads:
            t.join(120)
    assert halves[0] + halves[1] == alone
    assert sum(len(d.statements) for d in alone) >= 6
