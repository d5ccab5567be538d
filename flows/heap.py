"""A run's long-lived objects and Python's cyclic garbage collector.

The run's process keeps every document it reads until the tables are
published (a large heap of small objects: pages, mentions, statements), while
reading makes and drops many more. Each full pass of the collector walks the
whole heap, and a full pass comes each time the heap grows by a quarter: in a
run of 500 pages those passes cost seconds of the process's CPU (time taken
from its own reading) and more in the assembly after the reading, where the
other cores wait.

What the run keeps is alive until the run ends; the collector need not look at
it again. Within ``long_lived()``, the objects alive when it starts and at each
``keep()`` are set aside from the collector (``gc.freeze``); they rejoin it
when the run ends (``gc.unfreeze``), also when it fails. Objects set aside are
still freed as soon as nothing refers to them; only reference cycles among
them wait for the end of the run to be collected. A reader process sets its
loaded model aside once (``keep()`` after the load).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def keep() -> None:
    """Set what is alive now aside from the collector's passes."""
    gc.freeze()


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """What is alive at the start and at each ``keep()`` within is left out of the
    collector's passes until the end."""
    keep()
    try:
        yield
    finally:
        gc.unfreeze()
