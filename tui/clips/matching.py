"""The search language's ``clipped:`` and ``note:`` filters, as the set of references
they allow.

Measured against attaching the clippings database to the index's connection
(``bench/clips_filter.py``, figures in docs/benchmarks.md): a user's clippings number in
the hundreds or thousands, so reading them all and matching notes here costs well under a
millisecond, and the index then only checks membership. It also keeps the two files
apart: a locked or damaged clippings database never makes a search fail, only the
filtered one, and the index's own recovery never has to know about it. A note matches a
word the way the text does (:func:`tui.textmatch.match_spans`: case, accents and
prefixes ``financ*`` alike).
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.clips.store import Clipping, ClipsError, open_clips
from tui.query import ClipFilter, Query, QueryError, parse
from tui.textmatch import match_spans


def matching_refs(clippings: Iterable[Clipping], wanted: ClipFilter) -> frozenset[str]:
    """References of the clippings in ``wanted.collection`` whose note has every word."""
    collection = wanted.collection.casefold() if wanted.collection is not None else None
    found: set[str] = set()
    for clip in clippings:
        if collection is not None and clip.collection.casefold() != collection:
            continue
        if all(match_spans(clip.note, [word]) for word in wanted.notes):
            found.add(clip.ref)
    return frozenset(found)


def clipped_refs(wanted: ClipFilter) -> frozenset[str]:
    """:func:`matching_refs` over the user's clippings database (opened for this call).

    Raises :class:`tui.clips.store.ClipsError` when it cannot be read.
    """
    store = open_clips()
    try:
        return matching_refs(store.clippings(), wanted)
    finally:
        store.close()


def parse_with_clippings(query: str) -> tuple[Query, frozenset[str] | None]:
    """The parsed query and, when it has ``clipped:``/``note:``, the references they allow.

    Only such a query opens the clippings database, so every other search runs as
    before. A database that cannot be read is reported like a malformed query: a sentence
    where the query is typed, never a failed search of the whole archive.
    """
    parsed = parse(query)
    if parsed.clips is None:
        return parsed, None
    try:
        return parsed, clipped_refs(parsed.clips)
    except ClipsError as error:
        raise QueryError(f"clipped:/note: cannot be answered: {error}", 0) from error
