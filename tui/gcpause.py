"""Pause Python's cyclic garbage collector while a transcript is parsed, and while the
reader starts.

Parsing a briefing allocates hundreds of thousands of short-lived objects (YAML nodes,
strings, marks), and every few hundred allocations start a collection. In a bare script
those are cheap; in the reader, whose heap holds Textual's widgets, styles and caches,
a collection that reaches the oldest generation walks all of it, which made parsing in
the reader several times slower than in a script (the figures are in
docs/benchmarks.md, "Measurements behind the design").

Nothing the parser builds forms a reference cycle (checked: ``gc.collect()`` finds
nothing after a parsed briefing is dropped), so reference counting frees all of it and
the pause loses no memory. Parses may run in several threads at once (the reader's
workers, the indexer), so the pause is counted: the collector resumes when the last
pause ends, and only if it was running when the first began.

The reader's start is the same story at a larger scale: importing Textual and building
the first screen create tens of thousands of long-lived objects, and the collections
they trigger delay the first frame. So the command pauses the collector before it
imports Textual (:func:`hold_for_start`), and the reader ends the pause once its first
screen is up (:func:`start_finished`): one collection then frees the start's garbage
cycles (after the first paint), and the survivors are frozen
(``gc.freeze``), so later collections, during a parse or a scroll, no longer walk them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_start_held = False


def _pause() -> None:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def _resume() -> None:
    global _depth
    with _lock:
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off (reference counting still frees)."""
    _pause()
    try:
        yield
    finally:
        _resume()


def hold_for_start() -> None:
    """Pause the collector until :func:`start_finished` (once per process)."""
    global _start_held
    if not _start_held:
        _start_held = True
        _pause()


def start_finished() -> None:
    """End the start's pause: free its garbage, freeze what survives, resume.

    Does nothing when the start was not held (a reader built by a test or a program).
    """
    global _start_held
    if not _start_held:
        return
    _start_held = False
    gc.collect()
    gc.freeze()
    _resume()
