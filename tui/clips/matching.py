"""The search language's ``clipped:`` and ``note:`` filters, as the set of references
they allow.

Measured against attaching the clippings database to the index's connection
(``bench/clips_filter.py``, figures in docs/benchmarks.md): with 500 clippings, and the
references and notes kept until the file changes, as fast as a join on the attached
table. It is chosen because it keeps the two files apart: attached, a locked or damaged
clippings database would fail the index's own query, which the index answers by
rebuilding itself (:mod:`tui.index.index`); here it fails only the filtered search, with
a sentence, and every query without these filters never touches the clippings at all.

A note matches a word the way the text does (:func:`tui.textmatch.match_spans`: case,
accents and prefixes ``financ*`` alike).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from tui.clips.opening import read_notes
from tui.clips.store import ClipsError, clips_path
from tui.query import ClipFilter, QueryError
from tui.textmatch import match_spans


def matching_refs(clippings: Iterable[tuple[str, str, str]], wanted: ClipFilter) -> frozenset[str]:
    """References of the ``(reference, collection, note)`` clippings in
    ``wanted.collection`` whose note has every word."""
    collection = wanted.collection.casefold() if wanted.collection is not None else None
    found: set[str] = set()
    for ref, name, note in clippings:
        if collection is not None and name.casefold() != collection:
            continue
        if all(match_spans(note, [word]) for word in wanted.notes):
            found.add(ref)
    return frozenset(found)


_read: tuple[object, list[tuple[str, str, str]]] | None = None
_lock = threading.Lock()


def _stamp(path: Path) -> object:
    """What changes whenever the database does: size and time of the file and its WAL."""
    stamp: list[tuple[int, int] | None] = []
    for name in (path, Path(str(path) + "-wal")):
        try:
            info = name.stat()
        except OSError:
            stamp.append(None)
        else:
            stamp.append((info.st_mtime_ns, info.st_size))
    return (str(path), *stamp)


def clipped_refs(wanted: ClipFilter) -> frozenset[str]:
    """:func:`matching_refs` over the user's clippings database.

    The notes are read again only when the database has changed since the last search:
    a query typed letter by letter runs once per key.
    Raises :class:`tui.clips.store.ClipsError` when it cannot be read.
    """
    global _read
    path = clips_path()
    stamp = _stamp(path)
    with _lock:
        cached = _read
    if cached is None or cached[0] != stamp:
        cached = (stamp, read_notes(path))
        with _lock:
            _read = cached
    return matching_refs(cached[1], wanted)


def refs_for(wanted: ClipFilter) -> frozenset[str]:
    """:func:`clipped_refs`, with a database that cannot be read said as a query error.

    The search reports it like a malformed query: a sentence where the query is typed,
    never a failed search of the whole archive (nor, since no SQLite error reaches the
    index, a rebuild of it).
    """
    try:
        return clipped_refs(wanted)
    except ClipsError as error:
        raise QueryError(f"clipped:/note: cannot be answered: {error}", 0) from error
