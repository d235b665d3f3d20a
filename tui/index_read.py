"""Parsing the files of a refresh in a helper process, ahead of writing them.

A cold build spends about a third of its time parsing YAML and two thirds writing SQLite
(mostly the full-text index). A thread cannot overlap the two: parsing is Python code,
and sqlite3 takes the GIL back for every row it binds, so a busy parsing thread makes each
row wait for a GIL switch (measured: a one-second FTS insert took fourteen beside a
spinning thread). A helper process parses instead and sends back the finished briefings,
which unpickle in a tenth of the time they take to parse.

The helper is started with ``spawn`` (never ``fork``: the reader refreshes from a worker
thread, and forking a threaded process can deadlock), only for refreshes big enough to
repay its start-up, and never holds more than a few chunks ahead. If it cannot start or
dies, the remaining files are parsed in-process: slower, never wrong.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from tui.model import Briefing, Problem

Loaded = tuple[str, Briefing | None, list[Problem]]
PARALLEL_MIN = 64
"""Fewer files than this are parsed in-process: the helper costs ~0.3 s to start."""
CHUNK = 8
AHEAD = 4


def load(path: str) -> Loaded:
    """Parse one file; the loader reports problems instead of raising, this is a backstop."""
    from tui.loader import load_file

    try:
        briefing, problems = load_file(Path(path))
        return path, briefing, list(problems)
    except Exception as error:
        return path, None, [Problem(path, None, None, "unreadable", f"cannot be read: {error}")]


def load_chunk(paths: Sequence[str]) -> list[Loaded]:
    return [load(path) for path in paths]


class Prefetcher:
    """Iterate ``(path, briefing, problems)`` for ``paths``, in order."""

    def __init__(self, paths: Sequence[str], *, parallel: bool | None = None) -> None:
        self._paths = paths
        self._pool: ProcessPoolExecutor | None = None
        wanted = len(paths) >= PARALLEL_MIN and (os.cpu_count() or 1) > 1
        if parallel if parallel is not None else wanted:
            try:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            except (OSError, ValueError, ImportError, NotImplementedError):
                self._pool = None

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def __iter__(self) -> Iterator[Loaded]:
        chunks = [self._paths[i : i + CHUNK] for i in range(0, len(self._paths), CHUNK)]
        if self._pool is None:
            for chunk in chunks:
                yield from load_chunk(chunk)
            return
        waiting: deque[tuple[Sequence[str], Future[list[Loaded]]]] = deque()
        position = 0
        while position < len(chunks) or waiting:
            while position < len(chunks) and len(waiting) < AHEAD and self._pool is not None:
                chunk = chunks[position]
                try:
                    waiting.append((chunk, self._pool.submit(load_chunk, chunk)))
                except RuntimeError:  # the pool broke or was shut down
                    self._drop_pool()
                    break
                position += 1
            if not waiting:
                for chunk in chunks[position:]:  # no helper any more: parse here
                    yield from load_chunk(chunk)
                return
            chunk, future = waiting.popleft()
            try:
                loaded = future.result()
            except Exception:  # the helper died (killed, out of memory): parse here
                self._drop_pool()
                loaded = load_chunk(chunk)
            yield from loaded

    def _drop_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        """Stop the helper (also when a refresh was stopped early)."""
        self._drop_pool()
