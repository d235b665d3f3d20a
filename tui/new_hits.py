"""Looking at saved searches: the hits added since the last look, then marking them seen.

"Added since" is decided by keys, not dates (see :class:`tui.library.WatchScan`): a hit is
new when its key was not among the hits of the same search in the same archive at the
last look. So a file added today with a briefing held years ago counts as new; a file
re-indexed unchanged, or an index rebuilt from scratch, brings nothing new; an answer
edited (or renumbered) so that it still matches is new again, since what it says
changed; a deleted briefing's hits simply stop being hits, and a look forgets them (the
seen set is replaced by the current hits, so it never grows beyond them).

The first look at a saved search in an archive has nothing to compare with: it records
every current hit as seen and lists none (the reader's ``w`` does this when it saves),
so a weekly job reports what came in since, not the archive's whole history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tui.library import Library, LoadFailed, WatchedHit
from tui.query import QueryError
from tui.saved_searches import SavedSearch, SavedSearches, StoreProblem


class _Everything:
    """A container holding every key: a first look lists nothing as new."""

    def __contains__(self, key: object) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class NewHit:
    hit: WatchedHit
    url: str | None  # the briefing's source, when its file says


@dataclass(frozen=True, slots=True)
class Report:
    """One saved search looked at in one archive.

    ``last_looked`` is ``None`` at the first look (``first_look``). ``marked`` says the
    hits were recorded as seen (not with ``peek``, nor when the store failed: then
    ``problem`` says why).
    """

    search: SavedSearch
    archive: str
    last_looked: dt.datetime | None
    hits_now: int
    new: tuple[NewHit, ...]
    new_count: int
    marked: bool
    problem: str | None = None
    ran: bool = True  # False: the query could not be run (``problem`` says why)

    @property
    def first_look(self) -> bool:
        return self.last_looked is None


def look(
    store: SavedSearches,
    library: Library,
    searches: Sequence[SavedSearch],
    *,
    peek: bool = False,
    limit: int = 100,
) -> list[Report]:
    """Look at each of ``searches`` in ``library``'s archive (refreshed by the caller).

    Raises :class:`StoreProblem` when what was seen cannot be read; a failure to record
    the look, or a query that no longer parses, is reported in :attr:`Report.problem`
    instead, and the other searches are looked at all the same.
    """
    archive = library.archive
    urls: dict[str, str | None] = {}
    reports = []
    for search in searches:
        last = store.last_look(search.name, archive)
        try:
            scan = library.watch(
                search.query, _Everything() if last is None else last.seen, limit=limit
            )
        except QueryError as error:  # saved by a version that read queries otherwise
            looked = None if last is None else last.looked_at
            why = f"{search.name!r}: its query cannot be run: {error}"
            reports.append(Report(search, archive, looked, 0, (), 0, False, why, ran=False))
            continue
        new = tuple(NewHit(hit, _url(library, hit.briefing_id, urls)) for hit in scan.new)
        marked = False
        problem: str | None = None
        if not peek:
            try:
                store.mark_seen(search.name, archive, scan.keys)
                marked = True
            except StoreProblem as error:
                problem = f"{search.name!r}: not marked as seen: {error}"
        reports.append(
            Report(
                search,
                archive,
                None if last is None else last.looked_at,
                len(scan.keys),
                new,
                scan.new_count,
                marked,
                problem,
            )
        )
    return reports


def mark_seen(store: SavedSearches, library: Library, search: SavedSearch) -> int:
    """Record every current hit of ``search`` as seen (the reader, on running it); returns
    how many there are. Raises :class:`StoreProblem`."""
    scan = library.watch(search.query, _Everything(), limit=0)
    store.mark_seen(search.name, library.archive, scan.keys)
    return len(scan.keys)


def count_new(store: SavedSearches, library: Library, search: SavedSearch) -> int | None:
    """How many hits of ``search`` are new, without marking them; ``None`` if it was never
    looked at in this archive."""
    last = store.last_look(search.name, library.archive)
    if last is None:
        return None
    return library.watch(search.query, last.seen, limit=0).new_count


def _url(library: Library, briefing_id: str, cache: dict[str, str | None]) -> str | None:
    if briefing_id not in cache:
        try:
            cache[briefing_id] = library.load(briefing_id).source
        except LoadFailed:
            cache[briefing_id] = None
    return cache[briefing_id]
