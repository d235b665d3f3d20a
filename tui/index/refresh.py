"""Bringing the index up to date with the files: re-read only what changed.

A file is keyed by its absolute path and known by its stamp ``(size, mtime_ns, ctime_ns,
inode)`` (:mod:`tui.index.scan`, which also confirms an unchanged archive before this
module is even imported); a file whose stamp is unchanged is not opened. Removed files
lose their rows first; then new and changed files are parsed and written in batches, each
batch one transaction (a changed file's old rows are deleted in the same transaction that
inserts its new ones, so a reader never sees it missing or doubled). In WAL mode readers
never wait for a writer, so a batch lasts about a second: long enough that FTS5 writes
few, large segments (less merging), short enough for a lively progress bar. The in-memory
fallback serialises readers behind the writer, so its batches are a quarter of that.

A big refresh (a cold build) lets the write-ahead log grow to :data:`BULK_WAL_PAGES`
before copying it into the database: each copy ends with an fsync, and at SQLite's
default of every 4 MB they took about half the wall time of a build on this kind of
machine (2,000 briefings written alone: 8.6 s with the default, 4.0 s with 256 MB).

Two files claiming the same briefing id: the first one indexed keeps it, the other is
reported as a problem and marked ``retry`` so it is read again on every refresh, and takes
the id over as soon as the first file is gone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.index.parse_helper import Loaded
from tui.index.prefetch import Prefetcher
from tui.index.rows import Prepared
from tui.index.scan import Stamp, store_snapshot, walk
from tui.index.schema import SEQ_BITS, SEQ_MASK, fts_values
from tui.index.store import Store
from tui.library import Progress, RefreshStats
from tui.model import (
    Problem,
    problems_to_json,
)

BATCH_FILES = 500
BATCH_SECONDS = 1.0
MEMORY_BATCH_SECONDS = 0.25
BULK_FILES = 64
BULK_WAL_PAGES = 65536


def delete_briefing(conn: sqlite3.Connection, briefing_id: str) -> None:
    """Remove every row of one briefing, the full-text entries included."""
    rows = conn.execute(
        "SELECT rowid, kind, text, by_key, asker FROM elements WHERE briefing_id = ?",
        (briefing_id,),
    ).fetchall()
    conn.executemany(
        "INSERT INTO elements_fts (elements_fts, rowid, text, speaker, asker) "
        "VALUES ('delete', ?, ?, ?, ?)",
        [(rowid, *fts_values(kind, text, key, asker)) for rowid, kind, text, key, asker in rows],
    )
    for table, column in (
        ("elements", "briefing_id"),
        ("speakers", "briefing_id"),
        ("askers", "briefing_id"),
        ("briefings", "id"),
    ):
        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (briefing_id,))


def forget_file(conn: sqlite3.Connection, path: str) -> None:
    row = conn.execute("SELECT briefing_id FROM files WHERE path = ?", (path,)).fetchone()
    if row is not None and row[0] is not None:
        delete_briefing(conn, row[0])
    conn.execute("DELETE FROM files WHERE path = ?", (path,))


FtsRow = tuple[int, str, str, str]


def flush_fts(conn: sqlite3.Connection, pending: list[FtsRow]) -> None:
    """Insert the batch's full-text rows in ascending rowid order.

    FTS5 flushes its in-memory buffer whenever a rowid is not larger than the previous one;
    fed in document order (descending ids) it would write one tiny segment per paragraph,
    which measured six times slower than one sorted insert per batch.
    """
    pending.sort()
    conn.executemany(
        "INSERT INTO elements_fts (rowid, text, speaker, asker) VALUES (?, ?, ?, ?)", pending
    )
    pending.clear()


def insert_briefing(
    conn: sqlite3.Connection, briefing: Prepared, path: str, pending: list[FtsRow]
) -> None:
    """Write one briefing's rows; its full-text rows are queued in ``pending``."""
    base = briefing.day << SEQ_BITS
    lowest = conn.execute(
        "SELECT min(rowid) FROM elements WHERE rowid BETWEEN ? AND ?", (base, base + SEQ_MASK)
    ).fetchone()[0]
    first = (lowest - 1) if lowest is not None else base + SEQ_MASK
    if first - len(briefing.elements) + 1 < base:
        raise OverflowError(f"too many elements on {briefing.briefing[1]}")
    ident = briefing.id
    conn.execute(
        "INSERT INTO briefings (id, path, title, date, questions, organizer, location, "
        "fidelity, language, tags, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ident, path, *briefing.briefing),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO speakers (briefing_id, key, name, role, answers) "
        "VALUES (?, ?, ?, ?, ?)",
        [(ident, *row) for row in briefing.speakers],
    )
    conn.executemany(
        "INSERT INTO askers (briefing_id, key, name, questions) VALUES (?, ?, ?, ?)",
        [(ident, *row) for row in briefing.askers],
    )
    conn.executemany(
        "INSERT INTO elements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(first - n, *row) for n, row in enumerate(briefing.elements)],
    )
    pending.extend((first - n, *row) for n, row in enumerate(briefing.fts))


def index_file(
    conn: sqlite3.Connection, loaded: Loaded, stat: Stamp, pending: list[FtsRow]
) -> bool:
    """(Re)index one parsed file inside the caller's transaction; True if it is searchable."""
    path, briefing, problems = loaded
    forget_file(conn, path)
    briefing_id: str | None = None
    retry = 0
    if briefing is not None:
        owner = conn.execute("SELECT path FROM briefings WHERE id = ?", (briefing.id,)).fetchone()
        if owner is None:
            insert_briefing(conn, briefing, path, pending)
            briefing_id = briefing.id
        else:
            retry = 1
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    "duplicate-id",
                    f"briefing id {briefing.id!r} is already used by {owner[0]}; "
                    "give one of them another 'id:'",
                )
            )
    failed = int(briefing_id is None)
    conn.execute(
        "INSERT INTO files (path, size, mtime_ns, ctime_ns, inode, briefing_id, problems, "
        "failed, retry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (path, *stat, briefing_id, problems_to_json(problems), failed, retry),
    )
    return briefing_id is not None


def plan(conn: sqlite3.Connection, found: dict[str, Stamp]) -> tuple[list[str], list[str], int]:
    """``(removed, to_read, unchanged)``; files waiting on a duplicate id are read last."""
    known = {
        path: ((size, mtime, ctime, inode), retry)
        for path, size, mtime, ctime, inode, retry in conn.execute(
            "SELECT path, size, mtime_ns, ctime_ns, inode, retry FROM files"
        )
    }
    removed = sorted(set(known) - set(found))
    fresh: list[str] = []
    retries: list[str] = []
    for path in sorted(found):
        old = known.get(path)
        if old is None or old[0] != found[path]:
            fresh.append(path)
        elif old[1]:
            retries.append(path)
    return removed, fresh + retries, len(found) - len(fresh) - len(retries)


def refresh(
    store: Store,
    roots: Sequence[Path],
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RefreshStats:
    """Scan ``roots`` and apply every difference; see the module docstring."""
    started = time.perf_counter()
    found = walk(roots, time.time_ns())
    scan_problems = found.problems
    with store.connection() as conn:
        removed, to_read, unchanged = plan(conn, found.files)
    with store.transaction() as conn:
        conn.execute("DELETE FROM snapshot")  # until this refresh is complete
        for path in removed:
            forget_file(conn, path)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('scan_problems', ?)",
            (problems_to_json(scan_problems),),
        )
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('indexed_at', ?)",
            (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),),
        )
    total = len(to_read)
    if progress is not None and total:
        progress(0, total)
    done = indexed = failed = 0
    stopped = False
    pending: list[FtsRow] = []
    batch_seconds = MEMORY_BATCH_SECONDS if store.in_memory else BATCH_SECONDS
    parsed = Prefetcher(to_read)
    files = iter(parsed)
    bulk = total >= BULK_FILES
    if bulk:
        with store.connection() as conn:
            conn.execute(f"PRAGMA wal_autocheckpoint={BULK_WAL_PAGES}")
    try:
        while done < total and not stopped:
            batch_start = time.perf_counter()
            with store.transaction() as conn:
                for loaded in files:
                    ok = index_file(conn, loaded, found.files[loaded[0]], pending)
                    indexed += ok
                    failed += not ok
                    done += 1
                    if should_stop is not None and should_stop():
                        stopped = True
                        break
                    if done % BATCH_FILES == 0 or time.perf_counter() - batch_start > batch_seconds:
                        break
                else:
                    stopped = done < total  # the parser ended early: never loop on nothing
                flush_fts(conn, pending)
            if progress is not None:
                progress(done, total)
    finally:
        parsed.close()
        if bulk:
            with store.connection() as conn:
                conn.execute("PRAGMA wal_autocheckpoint=1000")
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    if not stopped:
        with store.transaction() as conn:
            waiting = conn.execute("SELECT 1 FROM files WHERE retry = 1 LIMIT 1").fetchone()
            found.trusted = found.trusted and waiting is None
            store_snapshot(conn, roots, found)
    return RefreshStats(
        indexed=indexed,
        unchanged=unchanged,
        removed=len(removed),
        failed=failed,
        seconds=time.perf_counter() - started,
        stopped=stopped,
    )
