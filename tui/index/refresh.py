"""Bringing the index up to date with the files: re-read only what changed.

A file is keyed by its absolute path and known by ``(size, mtime_ns)``; a file whose pair is
unchanged is not opened. Removed files lose their rows first; then new and changed files
are parsed and written in batches, each batch one transaction (a changed file's old rows
are deleted in the same transaction that inserts its new ones, so a reader never sees it
missing or doubled). In WAL mode readers never wait for a writer, so a batch lasts about a
second: long enough that FTS5 writes few, large segments (less merging), short enough for
a lively progress bar. The in-memory fallback serialises readers behind the writer, so
its batches are a quarter of that.

Two files claiming the same briefing id: the first one indexed keeps it, the other is
reported as a problem and marked ``retry`` so it is read again on every refresh, and takes
the id over as soon as the first file is gone.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.index.parse_helper import Loaded
from tui.index.prefetch import Prefetcher
from tui.index.scan import Stamp, store_snapshot, walk
from tui.index.schema import SEQ_MASK, day_base, fts_values
from tui.index.store import Store
from tui.library import Progress, RefreshStats
from tui.model import (
    Answer,
    Briefing,
    Problem,
    Question,
    Remark,
    normalise_name,
    problems_to_json,
)

BATCH_FILES = 500
BATCH_SECONDS = 1.0
MEMORY_BATCH_SECONDS = 0.25


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


def _element_rows(briefing: Briefing, first_rowid: int) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    date = briefing.date.isoformat()
    asker: str | None = None
    qnum: int | None = None
    for order, element in enumerate(briefing.elements()):
        if isinstance(element, Question):
            kind, by, role = "question", element.by, None
            asker, qnum = element.by, element.number
        elif isinstance(element, Answer):
            kind, by, role = "answer", element.by, element.role
        else:
            assert isinstance(element, Remark)
            kind, by, role, asker, qnum = "remark", element.by, element.role, None, None
        rows.append(
            (
                first_rowid - order,
                briefing.id,
                element.ref,
                kind,
                order,
                qnum,
                element.number,
                by,
                normalise_name(by) if by else None,
                role,
                asker,
                element.text,
                date,
            )
        )
    return rows


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
    conn: sqlite3.Connection, briefing: Briefing, path: str, pending: list[FtsRow]
) -> None:
    """Write one parsed briefing; its full-text rows are queued in ``pending``."""
    base = day_base(briefing.date)
    lowest = conn.execute(
        "SELECT min(rowid) FROM elements WHERE rowid BETWEEN ? AND ?", (base, base + SEQ_MASK)
    ).fetchone()[0]
    first = (lowest - 1) if lowest is not None else base + SEQ_MASK
    rows = _element_rows(briefing, first)
    if rows and int(str(rows[-1][0])) < base:
        raise OverflowError(f"too many elements on {briefing.date}")
    conn.execute(
        "INSERT INTO briefings (id, path, title, date, questions, organizer, location, "
        "fidelity, language, tags, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            briefing.id,
            path,
            briefing.title,
            briefing.date.isoformat(),
            briefing.question_count,
            briefing.organizer,
            briefing.location,
            briefing.fidelity,
            briefing.language,
            json.dumps(list(briefing.tags), ensure_ascii=False),
            briefing.source,
        ),
    )
    answers: dict[str, int] = {}
    for answer in briefing.answers():
        answers[normalise_name(answer.by)] = answers.get(normalise_name(answer.by), 0) + 1
    conn.executemany(
        "INSERT OR IGNORE INTO speakers (briefing_id, key, name, role, answers) "
        "VALUES (?, ?, ?, ?, ?)",
        [(briefing.id, s.key, s.name, s.role, answers.get(s.key, 0)) for s in briefing.speakers],
    )
    askers: dict[str, list[object]] = {}
    for exchange in briefing.exchanges:
        if exchange.question.by:
            entry = askers.setdefault(
                normalise_name(exchange.question.by), [exchange.question.by, 0]
            )
            entry[1] = int(str(entry[1])) + 1
    conn.executemany(
        "INSERT INTO askers (briefing_id, key, name, questions) VALUES (?, ?, ?, ?)",
        [(briefing.id, key, name, count) for key, (name, count) in askers.items()],
    )
    conn.executemany("INSERT INTO elements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    pending.extend(
        (int(str(row[0])), *fts_values(str(row[3]), str(row[11]), _opt(row[8]), _opt(row[10])))
        for row in rows
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


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
