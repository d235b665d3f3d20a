"""Pause Python's cyclic garbage collector while one transcript is parsed.

Parsing a briefing allocates hundreds of thousands of short-lived objects (YAML nodes,
strings, marks), and every few hundred allocations start a collection. In a bare script
those are cheap; in the reader, whose heap holds Textual's widgets, styles and caches,
a collection that reaches the oldest generation walks all of it. Opening the
300-exchange benchmark briefing spent 50–95 ms in ``load_file`` inside the reader,
against 16 ms in a script, and 35–39 ms of it with the collector off (timed around
``load_file`` in the headless reader, five runs each).

Nothing the parser builds forms a reference cycle (checked: ``gc.collect()`` finds
nothing after a parsed briefing is dropped), so reference counting frees all of it and
the pause loses no memory. Parses may run in several threads at once (the reader's
workers, the indexer), so the pause is counted: the collector resumes when the last
parse ends, and only if it was running when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off (reference counting still frees)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
