"""The archive as a SQLite index: :class:`Index` is the :class:`tui.library.Library`.

Callers import from here; the modules say what each part does:

- :mod:`~tui.index.index`: :class:`Index`, reads that survive a damaged or locked file;
- :mod:`~tui.index.store`: where the file lives, opening it, the in-memory fallback;
- :mod:`~tui.index.schema`: the tables, and how row ids encode dates;
- :mod:`~tui.index.scan`: finding the files, and confirming cheaply that none changed;
- :mod:`~tui.index.refresh`: bringing the tables up to date with the files;
- :mod:`~tui.index.prefetch`: parsing the files of a refresh ahead of writing them;
- :mod:`~tui.index.parse_helper`: the helper processes the prefetcher parses in;
- :mod:`~tui.index.rows`: a parsed briefing as ready-to-insert rows;
- :mod:`~tui.index.search`: the SQL of a search and of hits per month;
- :mod:`~tui.index.hit_keys`: every hit of a saved search as keys, and the new ones;
- :mod:`~tui.index.fts`: a parsed query as an FTS5 expression.

Only the index, the store, the freshness check and the library's vocabulary are imported
with this package: the reader opens the index before its first frame, and the refresh (with
the loader and PyYAML) and the search (with the query language) load when first used; an
unchanged archive is confirmed without the refresh. The parse helper runs as
``python -m tui.index.parse_helper``, so nothing here imports it.
"""

from __future__ import annotations

from tui.index.index import Index
from tui.index.store import cache_dir, default_index_path
from tui.library import Order, Progress, RefreshStats, SearchCancelled, SearchHit, StopCheck

__all__ = [
    "Index",
    "Order",
    "Progress",
    "RefreshStats",
    "SearchCancelled",
    "SearchHit",
    "StopCheck",
    "cache_dir",
    "default_index_path",
]
