"""Reading with every core of this machine.

A local run's tasks run in threads of one process, and spaCy holds a core
per pipeline: one process reads while the other cores idle. ``ReadPool`` is a
pool of reader processes sized to the cores the run may use, each loading the
spaCy model once (``extractors.nlp.load_models`` is cached per process) and
reading whole batches, so the results are the same batches' results as in one
process, table for table and id for id.

Spawned, not forked: the run's process has threads (Prefect's, the fetcher's)
and a fork would copy their locks. Nothing here imports Prefect: a worker
imports this module and the extractors, nothing else. The pool is shut down
with the run (``with`` block), also when the run fails; a run killed outright
leaves workers that see their parent gone and exit within a second
(flows.child_guard.exit_with_parent), and the run's watchdog stops any that
do not.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from extractors.document import DocumentFailure, DocumentInput, ProcessedDocument, process_documents
from extractors.nlp import load_models
from extractors.reading import ReadingLimits
from flows.child_guard import exit_with_parent


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


MAX_BATCH = 64  # pages per read task: a batch's strings are released when it is done (memory zones)
MIN_BATCH = 8  # a reader process's model costs more than reading fewer pages than this


@dataclass(frozen=True)
class ReadPlan:
    batch: int  # pages per read task
    processes: int  # reader processes (0: read in the run's own process)


def plan_reading(pages: int, setting: int | None, local: bool) -> ReadPlan:
    """How a run reads ``pages`` pages: in batches of at most MAX_BATCH; on this
    machine (``local``: the run's tasks in its own threads) with the
    ``read_workers`` setting's reader processes, or one per usable core, split
    so every process has a batch -- but none for fewer than two batches of
    MIN_BATCH (spawning a reader and loading its model costs more). On a
    cluster its workers read; the batches are MAX_BATCH."""
    if not local:
        return ReadPlan(MAX_BATCH, 0)
    wanted = usable_cores() if setting is None else setting
    if wanted < 2 or pages < 2 * MIN_BATCH:
        return ReadPlan(MAX_BATCH, 0)
    batch = min(MAX_BATCH, max(MIN_BATCH, -(-pages // wanted)))
    return ReadPlan(batch, min(wanted, -(-pages // batch)))


def _read_batch(inputs: Sequence[DocumentInput], model: str,
                limits: ReadingLimits | None) -> list[ProcessedDocument | DocumentFailure]:
    """In a reader process: one batch, with the model this process loaded once."""
    return process_documents(inputs, load_models(model), limits)


class ReadPool:
    """``size`` reader processes; ``read`` blocks the calling thread (a Prefect
    task's) until its batch is read, so several tasks read at once."""

    def __init__(self, size: int) -> None:
        self._executor = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=exit_with_parent, initargs=(os.getpid(),))

    def read(self, inputs: Sequence[DocumentInput], model: str,
             limits: ReadingLimits | None) -> list[ProcessedDocument | DocumentFailure]:
        return self._executor.submit(_read_batch, list(inputs), model, limits).result()

    def __enter__(self) -> ReadPool:
        return self

    def __exit__(self, *exc) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
