"""The helper process that parses transcripts for a refresh: ``python -m tui.index.parse_helper``.

It reads requests from stdin and answers on stdout, both as length-prefixed pickles: a
request is a list of file paths, the answer the list of ``(path, rows, problems)`` for
them, in order, where ``rows`` is the briefing as ready-to-insert rows
(:class:`tui.index.rows.Prepared`), so the one process that writes the index does as
little as possible. Several helpers run side by side, one per core. It stops at the end
of its input. Only the index that started it talks to
it, through pipes nobody else holds, so pickle is safe here and fast to decode.

A plain command rather than :mod:`multiprocessing`: ``spawn`` re-imports the parent's main
script in the child, and a script without a ``__main__`` guard, or one that cannot be found
(a zip app), would run again or print a traceback over the reader's screen.
"""

from __future__ import annotations

import pickle
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from tui.index.rows import Prepared
from tui.model import Problem

Loaded = tuple[str, Prepared | None, list[Problem]]

HEADER = struct.Struct("<Q")


def load(path: str) -> Loaded:
    """Parse one file; the loader reports problems instead of raising, this is a backstop."""
    from tui.loader import load_file

    try:
        briefing, problems = load_file(Path(path))
        return path, None if briefing is None else Prepared(briefing), list(problems)
    except Exception as error:
        return path, None, [Problem(path, None, None, "unreadable", f"cannot be read: {error}")]


def load_chunk(paths: Sequence[str]) -> list[Loaded]:
    return [load(path) for path in paths]


def send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def receive_frame(stream: IO[bytes]) -> bytes:
    """The next pickled value, undecoded; raises EOFError when the other side has gone."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EOFError
    size = HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def receive(stream: IO[bytes]) -> object:
    return pickle.loads(receive_frame(stream))


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    while True:
        try:
            paths = receive(requests)
        except EOFError:
            return
        assert isinstance(paths, list)
        send(answers, load_chunk(paths))


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
