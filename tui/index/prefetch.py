"""Parsing the files of a refresh ahead of writing them, in a helper process.

A cold build spends about a third of its time parsing YAML and two thirds writing SQLite
(mostly the full-text index). A thread cannot overlap the two: parsing is Python code,
and sqlite3 takes the GIL back for every row it binds, so a busy parsing thread makes each
row wait for a GIL switch (measured: a one-second FTS insert took fourteen beside a
spinning thread). Helper processes (:mod:`tui.index.parse_helper`), one per core, parse
instead and send back the briefings as rows ready to insert, which unpickle in a tenth
of the time they take to build.

Helpers are used only for refreshes big enough to repay their start-up, are never more
than a few chunks ahead each, and their stderr goes nowhere (the reader owns the
terminal). If one cannot start or dies, the remaining files are parsed in-process:
slower, never wrong.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from tui.index import parse_helper
from tui.index.parse_helper import Loaded, load_chunk

PARALLEL_MIN = 64
"""Fewer files than this are parsed in-process: the helper costs ~0.3 s to start."""
CHUNK = 8
AHEAD = 8


def helper_count() -> int:
    """One helper per core: the writer mostly waits on SQLite's C code, which they share."""
    return max(1, os.cpu_count() or 1)


class _Helper:
    """One helper process, and a thread that drains its answers into a queue."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.frames: queue.Queue[bytes | None] = queue.Queue()
        # Without a reader the helper would block on its full pipe after one chunk and
        # never get ahead; this thread only moves bytes (the GIL is free during reads).
        self.drain = threading.Thread(target=self._drain, daemon=True)
        self.drain.start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        while True:
            try:
                frame = parse_helper.receive_frame(self.process.stdout)
            except (EOFError, OSError, ValueError):
                self.frames.put(None)
                return
            self.frames.put(frame)

    def send(self, chunk: list[str]) -> None:
        assert self.process.stdin is not None
        parse_helper.send(self.process.stdin, chunk)

    def receive(self, expected: int) -> list[Loaded]:
        frame = self.frames.get()
        if frame is None:
            raise EOFError
        loaded = pickle.loads(frame)
        if not isinstance(loaded, list) or len(loaded) != expected:
            raise EOFError
        return loaded

    def stop(self) -> None:
        process = self.process
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()  # the helper stops at the end of its input
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self.drain.join()  # the pipe is closed now: the reader sees its end
        if process.stdout is not None:
            process.stdout.close()


class Prefetcher:
    """Iterate ``(path, rows, problems)`` for ``paths``, in order.

    Chunks go to the helpers in turn (chunk ``i`` to helper ``i % n``) and are taken
    back in the same turn, so the order of ``paths`` is kept without any sorting.
    """

    def __init__(
        self, paths: Sequence[str], *, parallel: bool | None = None, helpers: int | None = None
    ) -> None:
        self._paths = paths
        self._helpers: list[_Helper] = []
        wanted = len(paths) >= PARALLEL_MIN and (os.cpu_count() or 1) > 1
        if parallel if parallel is not None else wanted:
            for _ in range(helpers or helper_count()):
                process = _start_helper()
                if process is None or process.stdin is None or process.stdout is None:
                    break
                self._helpers.append(_Helper(process))

    @property
    def parallel(self) -> bool:
        return bool(self._helpers)

    @property
    def helper_pid(self) -> int | None:
        """The first helper process's id (to watch or stop it from outside), if one runs."""
        return self._helpers[0].process.pid if self._helpers else None

    def __iter__(self) -> Iterator[Loaded]:
        chunks = [list(self._paths[i : i + CHUNK]) for i in range(0, len(self._paths), CHUNK)]
        sent = received = 0
        while received < len(chunks):
            helpers = self._helpers
            if not helpers:
                for chunk in chunks[received:]:  # no helpers (any more): parse here
                    yield from load_chunk(chunk)
                return
            try:
                while sent < len(chunks) and sent - received < AHEAD * len(helpers):
                    helpers[sent % len(helpers)].send(chunks[sent])
                    sent += 1
                loaded = helpers[received % len(helpers)].receive(len(chunks[received]))
            except (OSError, EOFError, ValueError, pickle.UnpicklingError):
                self._stop_helpers()  # then parse from chunk `received` on, here
                continue
            received += 1
            yield from loaded

    def _stop_helpers(self) -> None:
        helpers, self._helpers = self._helpers, []
        for helper in helpers:
            helper.stop()

    def close(self) -> None:
        """Stop the helpers (also when a refresh was stopped early)."""
        self._stop_helpers()


def _start_helper() -> subprocess.Popen[bytes] | None:
    """``python -P -m tui.index.parse_helper`` with this package importable, or None if it
    fails. ``-P``: ``-m`` would put the working folder first on the path, and a ``tui``
    package of the user's own there would be run instead."""
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    try:
        return subprocess.Popen(
            [sys.executable, "-P", "-m", "tui.index.parse_helper"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    except (OSError, ValueError):
        return None
