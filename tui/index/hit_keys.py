"""Every hit of a saved search, as keys, and the hits that were not seen before.

A plain search stops after its first page; a saved search has to know every hit to tell
the new from the seen, so this reads them all. Each hit's key is digested from its
reference (which holds the briefing id) and its text when the element is indexed
(:func:`tui.index.rows.hit_key`) and stored beside it, so a look reads keys, never the
texts of the seen hits; only the new hits are then read whole. The cost still grows with
the number of hits, not with the archive; docs/benchmarks.md has the figure beside a
plain search. (Digesting at each look, in a function SQLite called per row, cost ~5-8 µs
a hit: 0.4 s for a word in 45,000 paragraphs.)

Keys rather than row ids or dates because row ids are handed out again when a file is
re-indexed or the index rebuilt, and a briefing dated last year can be added today: a
key changes exactly when what a hit says (or where it is) changes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Container

from tui.index.fts import compile_match
from tui.index.search import _cancellable, _plan
from tui.library import StopCheck, WatchedHit, WatchScan

CHUNK = 500  # row ids per IN (...) when reading the new hits whole


def watch(
    conn: sqlite3.Connection,
    query: str,
    seen: Container[bytes],
    *,
    limit: int = 100,
    should_stop: StopCheck | None = None,
) -> WatchScan:
    """Every hit of ``query`` as keys, and the first ``limit`` (newest first) not in ``seen``."""
    plan = _plan(conn, query)
    if plan is None:
        return WatchScan(frozenset(), (), 0)
    parsed, extra, extra_args, low, high = plan
    key = "e.hit_key"
    if parsed.match is None:
        sql = (
            f"SELECT e.rowid, {key} FROM elements e "
            f"WHERE e.rowid BETWEEN ? AND ?{extra} ORDER BY e.rowid DESC"
        )
        args: list[object] = [low, high, *extra_args]
    else:
        sql = (
            f"SELECT e.rowid, {key} FROM elements_fts f JOIN elements e ON e.rowid = f.rowid "
            f"WHERE elements_fts MATCH ? AND f.rowid BETWEEN ? AND ?{extra} "
            "ORDER BY f.rowid DESC"
        )
        args = [compile_match(parsed.match), low, high, *extra_args]
    with _cancellable(conn, should_stop):
        rows: list[tuple[int, bytes]] = conn.execute(sql, args).fetchall()
    new = [rowid for rowid, hit in rows if hit not in seen]
    return WatchScan(
        frozenset(hit for _, hit in rows), tuple(_whole(conn, new[: max(limit, 0)])), len(new)
    )


def _whole(conn: sqlite3.Connection, rowids: list[int]) -> list[WatchedHit]:
    """The hits at ``rowids``, in that order (one removed meanwhile is left out)."""
    found: dict[int, WatchedHit] = {}
    for start in range(0, len(rowids), CHUNK):
        chunk = rowids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        for rowid, briefing_id, title, date, ref, kind, by, role, text, key in conn.execute(
            "SELECT e.rowid, e.briefing_id, b.title, b.date, e.ref, e.kind, e.by, e.role, "
            f"e.text, e.hit_key FROM elements e JOIN briefings b ON b.id = e.briefing_id "
            f"WHERE e.rowid IN ({marks})",
            chunk,
        ):
            found[rowid] = WatchedHit(
                key=key,
                briefing_id=briefing_id,
                title=title,
                date=dt.date.fromisoformat(date),
                ref=ref,
                kind=kind,
                person=by,
                role=role,
                text=text,
            )
    return [found[rowid] for rowid in rowids if rowid in found]
