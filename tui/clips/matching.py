"""The search language's ``clipped:`` and ``note:`` filters, as the set of references
they allow.

Measured against attaching the clippings database to the index's connection
(``bench/clips_filter.py``, figures in docs/benchmarks.md): with 500 clippings, reading
their references and notes costs about 1 ms and turning them into row ids about 3 ms, a
few milliseconds more than a join on the attached table. It is chosen because it keeps
the two files apart: attached, a locked or damaged clippings database would fail the
index's own query, which the index answers by rebuilding itself (:mod:`tui.index.index`);
here it fails only the filtered search, with a sentence, and every query without these
filters never touches the clippings at all. A note matches a
word the way the text does (:func:`tui.textmatch.match_spans`: case, accents and
prefixes ``financ*`` alike).
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.clips.store import ClipsError, read_notes
from tui.query import ClipFilter, Query, QueryError, parse
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


def clipped_refs(wanted: ClipFilter) -> frozenset[str]:
    """:func:`matching_refs` over the user's clippings database.

    Raises :class:`tui.clips.store.ClipsError` when it cannot be read.
    """
    return matching_refs(read_notes(), wanted)


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
