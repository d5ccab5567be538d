"""A run's long-lived objects are set aside from the garbage collector, and rejoin it when the run ends."""

import gc
import weakref

import pytest

from flows import heap


def _watched(obj: object) -> bool:
    """The collector's passes look at ``obj``."""
    return any(o is obj for o in gc.get_objects())


def test_what_is_kept_is_set_aside_until_the_run_ends():
    early = [1]
    with heap.long_lived():
        assert not _watched(early)
        kept = [2]
        assert _watched(kept)
        heap.keep()
        assert not _watched(kept)
    assert _watched(early) and _watched(kept) and gc.get_freeze_count() == 0


def test_a_failed_run_gives_its_objects_back_to_the_collector():
    with pytest.raises(RuntimeError), heap.long_lived():
        raise RuntimeError("the run failed")
    assert gc.get_freeze_count() == 0


def test_a_cycle_set_aside_is_collected_once_the_run_ends():
    class Node:
        pass

    with heap.long_lived():
        a, b = Node(), Node()
        a.other, b.other = b, a
        heap.keep()
        ref = weakref.ref(a)
        del a, b
        gc.collect()
        assert ref() is not None  # set aside: not collected within
    gc.collect()
    assert ref() is None
