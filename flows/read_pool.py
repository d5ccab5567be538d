"""Reading with every core of this machine.

A local run's tasks run in threads of one process, and spaCy holds a core
per pipeline: one process reads while the other cores idle. ``ReadPool`` reads
with as many processes as the run may use cores: the run's own process and
spawned reader processes, each loading the spaCy model once
(``extractors.nlp.load_models`` is cached per process) and reading whole
batches. A page's reading does not depend on the pages it is batched with,
so the tables are those of a one-process run, row for row and id for id
(the bench compares them).

What keeps the cores busy to the end:
- the readers start, and load their model, as soon as the run knows it has
  pages to read (before it fetches them, on a first run), not after the fetch;
- the batches go largest pages first and shrink towards the end
  (``schedule_batches``), and each goes to the next free reader in that order
  (``Readers``), so the readers finish together on small batches rather than
  one waiting for the other's big one; a batch waits (a second at most)
  for the batch whose turn comes before it, whatever order their tasks
  start in;
- no full pass of the garbage collector walks what lives on: the documents
  the run's process keeps (flows.heap) and a reader process's model.

Spawned, not forked: the run's process has threads (Prefect's, the fetcher's)
and a fork would copy their locks. Nothing here imports Prefect: a worker
imports this module and the extractors, nothing else. The pool is shut down
with the run (``with`` block), also when the run fails; a run killed outright
leaves workers that see their parent gone and exit within a second
(flows.child_guard.exit_with_parent), and the run's watchdog stops any that
do not.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from extractors.document import DocumentFailure, DocumentInput, ProcessedDocument, process_documents
from extractors.nlp import load_models
from extractors.reading import ReadingLimits
from flows import heap
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
    batch: int  # pages per read task (at most)
    processes: int  # processes that read, the run's own among them (0: the run's own, a batch at a time)


def plan_reading(pages: int, setting: int | None, local: bool) -> ReadPlan:
    """How a run reads ``pages`` pages: in batches of at most MAX_BATCH; on this
    machine (``local``: the run's tasks in its own threads) with the
    ``read_workers`` setting's processes, or one per usable core, split so
    every process has a batch -- but the run's own alone for fewer than two
    batches of MIN_BATCH (spawning a reader and loading its model costs more).
    On a cluster its workers read; the batches are MAX_BATCH."""
    if not local:
        return ReadPlan(MAX_BATCH, 0)
    wanted = usable_cores() if setting is None else setting
    if wanted < 2 or pages < 2 * MIN_BATCH:
        return ReadPlan(MAX_BATCH, 0)
    batch = min(MAX_BATCH, max(MIN_BATCH, -(-pages // wanted)))
    return ReadPlan(batch, min(wanted, -(-pages // batch)))


def schedule_batches(sizes: Sequence[int], batch: int, processes: int) -> list[list[int]]:
    """The pages to read (their ``sizes`` in bytes) as batches of their indices,
    in the order to read them. In one process (``processes`` 0 or 1): in the
    given order, ``batch`` at a time. In a pool: largest first, each batch
    taking pages until it has ``batch`` pages or its share of the bytes left
    (a ``processes``-th, and no more than an average batch of ``batch`` pages
    holds, so a reader's memory stays what it was), but at least
    MIN_BATCH // 2 pages: the batches shrink towards the end, and the readers
    finish together."""
    n = len(sizes)
    if processes < 2:
        return [list(range(i, min(i + batch, n))) for i in range(0, n, batch)]
    order = sorted(range(n), key=lambda i: (-sizes[i], i))
    left = sum(sizes)
    most = left * batch / n if n else 0
    out: list[list[int]] = []
    k = 0
    while k < n:
        share = min(left / processes, most)
        taken: list[int] = []
        got = 0
        while k < n and len(taken) < batch and (got < share or len(taken) < MIN_BATCH // 2):
            taken.append(order[k])
            got += sizes[order[k]]
            k += 1
        left -= got
        out.append(taken)
    return out


TURN_GRACE = 1.0  # seconds a free reader waits for the batch whose turn comes next before taking a later one


class Readers:
    """Which reader takes the next batch: this process (``here``) or one of
    ``spawned`` reader processes. ``take(turn)`` waits until a reader is free
    and every batch with an earlier turn has been taken, so batches go to the
    readers in the order of their turns whatever order their tasks come in (a
    batch with no turn goes after every waiting batch with one). A turn that
    does not come within TURN_GRACE seconds of a reader waiting for it (its
    task failed before it asked) is passed over."""

    def __init__(self, here: bool, spawned: int) -> None:
        self._here = here  # this process is free to read
        self._spawned = spawned  # reader processes free to read
        self._waiting: list[tuple[int, int]] = []  # heap of the waiting batches' (no turn, turn)
        self._arrivals = itertools.count()
        self._next = 0  # the turn that goes next
        self._cond = threading.Condition()

    def _may_go(self, key: tuple[int, int], late: float) -> bool:
        """``key`` is first in line and a reader is free, and its turn has come (or the
        turns before it are ``late``)."""
        if self._waiting[0] != key or not (self._here or self._spawned > 0):
            return False
        return key[0] == 1 or key[1] <= self._next or time.monotonic() >= late

    @contextlib.contextmanager
    def take(self, turn: int | None = None) -> Iterator[bool]:
        """Yields True when the batch is read here, False in a reader process."""
        key = (0, turn) if turn is not None else (1, next(self._arrivals))
        with self._cond:
            heapq.heappush(self._waiting, key)
            late = float("inf")
            while not self._may_go(key, late):
                if self._waiting[0] == key and (self._here or self._spawned > 0):  # only an earlier turn is missing
                    late = min(late, time.monotonic() + TURN_GRACE)
                    self._cond.wait(max(0.0, late - time.monotonic()))
                else:
                    late = float("inf")
                    self._cond.wait()
            heapq.heappop(self._waiting)
            if turn is not None:  # (turns passed over before it are not waited for again)
                self._next = max(self._next, turn + 1)
            here = self._here
            if here:
                self._here = False
            else:
                self._spawned -= 1
            self._cond.notify_all()
        try:
            yield here
        finally:
            with self._cond:
                if here:
                    self._here = True
                else:
                    self._spawned += 1
                self._cond.notify_all()


def _warm(model: str) -> bool:
    try:
        load_models(model)
    except Exception:  # noqa: BLE001 - the first batch read with it says what is wrong
        return False
    return True


def _warm_reader(model: str) -> None:
    """In a reader process: the model stays as long as the process, the garbage collector need not walk it
    again (in the run's process, the run sets aside what it keeps: flows.heap)."""
    if _warm(model):
        heap.keep()


def _read_batch(inputs: Sequence[DocumentInput], model: str,
                limits: ReadingLimits | None) -> list[ProcessedDocument | DocumentFailure]:
    """In a reader process: one batch, with the model this process loaded once."""
    return process_documents(inputs, load_models(model), limits)


class ReadPool:
    """``size`` readers: this process and ``size - 1`` spawned reader processes
    (this process has little else to do while the pages are read, and one
    reader fewer to start is one model fewer to load). ``read`` blocks the
    calling thread (a Prefect task's) until its batch is read, so several
    tasks read at once. With a ``model``, every reader loads it at once, while
    the run does other things (fetching)."""

    def __init__(self, size: int, model: str | None = None) -> None:
        self.size = size
        self._readers = Readers(here=True, spawned=size - 1)
        self._executor = ProcessPoolExecutor(max_workers=max(1, size - 1),
                                             mp_context=multiprocessing.get_context("spawn"),
                                             initializer=exit_with_parent, initargs=(os.getpid(),))
        self._warming: threading.Thread | None = None
        if model is not None:
            self._warming = threading.Thread(target=_warm, args=(model,), name="factwatch-model", daemon=True)
            self._warming.start()
            # the executor starts a process per task it has no idle process for: one task each
            for _ in range(size - 1):
                self._executor.submit(_warm_reader, model)

    def read(self, inputs: Sequence[DocumentInput], model: str, limits: ReadingLimits | None,
             turn: int | None = None) -> list[ProcessedDocument | DocumentFailure]:
        """``turn``: the batch's place in the reading order (0, 1, ...)."""
        with self._readers.take(turn) as here:
            if not here:
                return self._executor.submit(_read_batch, list(inputs), model, limits).result()
            if self._warming is not None:
                self._warming.join()  # (loading it twice at once would cost twice)
            return _read_batch(inputs, model, limits)

    def __enter__(self) -> ReadPool:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        # after a failure, wait for what the readers are doing; after the reading, idle
        # readers exit on their own while the run goes on (their model's memory is freed then)
        self._executor.shutdown(wait=exc_type is not None, cancel_futures=True)
