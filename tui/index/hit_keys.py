"""Every hit of a saved search, as keys, and the hits that were not seen before.

A plain search stops after its first page; a saved search has to know every hit to tell
the new from the seen, so this reads them all. Each hit's key is digested from its
reference (which holds the briefing id) and its text, inside the query, by a function
registered on the connection, so the texts of the seen hits never become Python rows;
only the new hits are then read whole. The cost grows with the number of hits (~8 µs
each on this project's machine: a word in 45,000 paragraphs takes ~0.4 s), not with the
archive; docs/benchmarks.md has the figure beside a plain search.

Keys rather than row ids or dates because row ids are handed out again when a file is
re-indexed or the index rebuilt, and a briefing dated last year can be added today: a
key changes exactly when what a hit says (or where it is) changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Container

from tui.index.fts import compile_match
from tui.index.search import _cancellable, _plan
from tui.library import StopCheck, WatchedHit, WatchScan

KEY_FUNCTION = "briefing_hit_key"
KEY_SIZE = 8
CHUNK = 500  # row ids per IN (...) when reading the new hits whole


def hit_key(ref: str, text: str) -> bytes:
    """The key of the remark, question or answer at ``ref`` that says ``text``."""
    data = f"{ref}\0{text}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=KEY_SIZE).digest()


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
    conn.create_function(KEY_FUNCTION, 2, hit_key, deterministic=True)
    key = f"{KEY_FUNCTION}(e.ref, e.text)"
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
        for rowid, briefing_id, title, date, ref, kind, by, role, text in conn.execute(
            "SELECT e.rowid, e.briefing_id, b.title, b.date, e.ref, e.kind, e.by, e.role, "
            f"e.text FROM elements e JOIN briefings b ON b.id = e.briefing_id "
            f"WHERE e.rowid IN ({marks})",
            chunk,
        ):
            found[rowid] = WatchedHit(
                key=hit_key(ref, text),
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
