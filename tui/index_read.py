"""Parsing the files of a refresh one step ahead of writing them.

About half of a cold build is SQLite writing (mostly the full-text index), and Python's
sqlite3 releases the GIL while SQLite works, so a thread that parses the next files while
the main thread writes the previous ones overlaps the two on a second core with no
processes to spawn. The queue is bounded so parsed briefings never pile up in memory,
and results come back in the order of ``paths``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from tui.model import Briefing, Problem

Loaded = tuple[str, Briefing | None, list[Problem]]
AHEAD = 16
_DONE = object()


class Prefetcher:
    """Iterate ``(path, briefing, problems)`` for ``paths``, parsed by a helper thread."""

    def __init__(self, paths: Sequence[str]) -> None:
        self._paths = paths
        self._queue: queue.Queue[object] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-parse", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from tui.loader import load_file

        for path in self._paths:
            if self._stop.is_set():
                break
            try:
                briefing, problems = load_file(Path(path))
                item: Loaded = (path, briefing, list(problems))
            except Exception as error:  # the loader reports problems; this is a last resort
                problem = Problem(path, None, None, "unreadable", f"cannot be read: {error}")
                item = (path, None, [problem])
            if not self._put(item):
                return
        self._put(_DONE)

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[Loaded]:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            yield item  # type: ignore[misc]

    def close(self) -> None:
        """Stop parsing (a refresh was stopped early) and let the thread end."""
        self._stop.set()
        self._thread.join()
