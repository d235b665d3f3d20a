"""The collector pause around a parse: counted, and it restores what it found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from tui import gcpause
from tui.gcpause import collector_paused
from tui.loader import load_bytes


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_back_on_after_even_on_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_resume_only_when_the_last_one_ends() -> None:
    inner_done, outer_may_end = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inner_done.set()
            outer_may_end.wait(5)

    with collector_paused():
        thread = threading.Thread(target=other)
        thread.start()
        assert inner_done.wait(5)
    assert not gc.isenabled()  # the other thread's parse is still running
    outer_may_end.set()
    thread.join(5)
    assert gc.isenabled()


def test_loading_a_bad_file_leaves_the_collector_on() -> None:
    briefing, problems = load_bytes(b"date: [unclosed", "bad.yaml")
    assert briefing is None and problems
    assert gc.isenabled()


def test_the_start_hold_ends_once_with_the_survivors_frozen() -> None:
    frozen = gc.get_freeze_count()
    try:
        gcpause.hold_for_start()
        assert not gc.isenabled()
        gcpause.hold_for_start()  # a second hold is the same hold
        gcpause.start_finished()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
        gc.disable()
        gcpause.start_finished()  # already ended: leaves the collector alone
        assert not gc.isenabled()
    finally:
        gc.unfreeze()


def test_ending_a_start_that_was_not_held_changes_nothing() -> None:
    frozen = gc.get_freeze_count()
    gcpause.start_finished()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_parse_running_when_the_start_ends_keeps_the_collector_off() -> None:
    gcpause.hold_for_start()
    try:
        with collector_paused():
            gcpause.start_finished()
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
