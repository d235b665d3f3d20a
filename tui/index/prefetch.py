"""Parsing the files of a refresh ahead of writing them, in a helper process.

A cold build spends about a third of its time parsing YAML and two thirds writing SQLite
(mostly the full-text index). A thread cannot overlap the two: parsing is Python code,
and sqlite3 takes the GIL back for every row it binds, so a busy parsing thread makes each
row wait for a GIL switch (measured: a one-second FTS insert took fourteen beside a
spinning thread). A helper process (:mod:`tui.index.parse_helper`) parses instead and sends back
the finished briefings, which unpickle in a tenth of the time they take to parse.

The helper is used only for refreshes big enough to repay its start-up, is never more
than a few chunks ahead, and its stderr goes nowhere (the reader owns the terminal). If it
cannot start or dies, the remaining files are parsed in-process: slower, never wrong.
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
from typing import IO

from tui.index import parse_helper
from tui.index.parse_helper import Loaded, load_chunk

PARALLEL_MIN = 64
"""Fewer files than this are parsed in-process: the helper costs ~0.3 s to start."""
CHUNK = 8
AHEAD = 8


class Prefetcher:
    """Iterate ``(path, briefing, problems)`` for ``paths``, in order."""

    def __init__(self, paths: Sequence[str], *, parallel: bool | None = None) -> None:
        self._paths = paths
        self._helper: subprocess.Popen[bytes] | None = None
        self._frames: queue.Queue[bytes | None] = queue.Queue()
        self._drain: threading.Thread | None = None
        wanted = len(paths) >= PARALLEL_MIN and (os.cpu_count() or 1) > 1
        if parallel if parallel is not None else wanted:
            self._helper = _start_helper()
        if self._helper is not None and self._helper.stdout is not None:
            # Without a reader the helper would block on its full pipe after one chunk and
            # never get ahead; this thread only moves bytes (the GIL is free during reads).
            self._drain = threading.Thread(
                target=self._drain_frames, args=(self._helper.stdout,), daemon=True
            )
            self._drain.start()

    def _drain_frames(self, stream: IO[bytes]) -> None:
        while True:
            try:
                frame = parse_helper.receive_frame(stream)
            except (EOFError, OSError, ValueError):
                self._frames.put(None)
                return
            self._frames.put(frame)

    @property
    def parallel(self) -> bool:
        return self._helper is not None

    @property
    def helper_pid(self) -> int | None:
        """The helper process's id (to watch or stop it from outside), if one runs."""
        return self._helper.pid if self._helper is not None else None

    def __iter__(self) -> Iterator[Loaded]:
        chunks = [list(self._paths[i : i + CHUNK]) for i in range(0, len(self._paths), CHUNK)]
        sent = received = 0
        while received < len(chunks):
            helper = self._helper
            if helper is None or helper.stdin is None or helper.stdout is None:
                for chunk in chunks[received:]:  # no helper (any more): parse here
                    yield from load_chunk(chunk)
                return
            try:
                while sent < len(chunks) and sent - received < AHEAD:
                    parse_helper.send(helper.stdin, chunks[sent])
                    sent += 1
                frame = self._frames.get()
                if frame is None:
                    raise EOFError
                loaded = pickle.loads(frame)
                if not isinstance(loaded, list) or len(loaded) != len(chunks[received]):
                    raise EOFError
            except (OSError, EOFError, ValueError, pickle.UnpicklingError):
                self._stop_helper()  # then parse from chunk `received` on, here
                continue
            received += 1
            yield from loaded

    def _stop_helper(self) -> None:
        helper, self._helper = self._helper, None
        if helper is None:
            return
        if helper.stdin is not None:
            with contextlib.suppress(OSError):
                helper.stdin.close()  # the helper stops at the end of its input
        try:
            helper.wait(timeout=1)
        except subprocess.TimeoutExpired:
            helper.kill()
            helper.wait()
        if self._drain is not None:
            self._drain.join()  # the pipe is closed now: the reader sees its end
        if helper.stdout is not None:
            helper.stdout.close()

    def close(self) -> None:
        """Stop the helper (also when a refresh was stopped early)."""
        self._stop_helper()


def _start_helper() -> subprocess.Popen[bytes] | None:
    """``python -m tui.index.parse_helper`` with this package importable, or None if it fails."""
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "tui.index.parse_helper"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    except (OSError, ValueError):
        return None
