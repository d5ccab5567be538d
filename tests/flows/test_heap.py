"""A run's long-lived objects are set aside from the garbage collector, and rejoin it when the run ends."""

import gc
import weakref

import pytest

from flows import heap


def test_what_is_kept_is_set_aside_until_the_run_ends():
    before = gc.get_freeze_count()
    with heap.long_lived():
        at_start = gc.get_freeze_count()
        kept = [[] for _ in range(1000)]  # noqa: F841 - alive at keep()
        heap.keep()
        assert gc.get_freeze_count() >= at_start + 1000 > before
    assert gc.get_freeze_count() == 0


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
