"""Opening the clippings database: made if missing, read-only or moved aside when it must be.

The policy (see :mod:`tui.clips.store` for why clippings are never rebuilt like the index):

* a file or folder that cannot be written opens read-only, and the store's notice says so;
* a damaged file (not a database, or failing ``PRAGMA quick_check``) is renamed aside as
  ``clippings.sqlite3.damaged-<UTC time>`` with its WAL, where SQLite's own recovery tools
  can still read it, and a new database is started; if it cannot be moved, opening fails
  with :class:`~tui.clips.store.ClipsError` and the file is left as it was;
* a database locked while it is being created waits the busy timeout, then says so.

:func:`read_notes` is the light read the search filters use: no check, no creation.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from tui.clips.store import DDL, SCHEMA_VERSION, ClipsError, ClipStore, clips_path, explain


def read_notes(path: Path | None = None, busy_timeout: float = 5.0) -> list[tuple[str, str, str]]:
    """``(reference, collection, note)`` of every clipping, read as lightly as possible.

    For the search filters, which run as the user types: a read-only connection, no
    integrity check, no table created, the texts and citations left unread (about a
    tenth of the cost of :func:`open_clips` and :meth:`ClipStore.clippings`). No file
    yet means no clippings. Raises :class:`ClipsError` when the file cannot be read.
    """
    path = path if path is not None else clips_path()
    if not path.exists():
        return []
    try:
        conn = _connect_read_only(path, busy_timeout)
    except sqlite3.Error as error:
        raise ClipsError(f"the clippings database {path} cannot be read ({error})") from error
    try:
        return conn.execute(
            "SELECT c.ref, k.name, c.note FROM clippings c "
            "JOIN collections k ON k.id = c.collection"
        ).fetchall()
    except sqlite3.OperationalError as error:
        raise explain(path, error) from error
    except sqlite3.DatabaseError as error:
        raise ClipsError(f"the clippings database {path} is damaged ({error})") from error
    finally:
        conn.close()


def _writable(path: Path) -> bool:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _connect(path: Path, busy_timeout: float, read_only: bool) -> sqlite3.Connection:
    """The store's one connection (shared by the reader's worker threads, under a lock)."""
    if read_only:
        conn = _connect_read_only(path, busy_timeout)
    else:
        conn = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when even that fails.

    A WAL database needs its shared-memory file to be read; in a folder that cannot be
    written, and with no such file left, SQLite cannot make one, and only an immutable
    open (no locking, which nobody can be writing without write access anyway) reads it.
    """
    base = path.resolve().as_uri()
    conn = sqlite3.connect(
        base + "?mode=ro",
        uri=True,
        timeout=busy_timeout,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(
            base + "?immutable=1", uri=True, isolation_level=None, check_same_thread=False
        )
    return conn


def _check(conn: sqlite3.Connection, read_only: bool) -> None:
    """Raise :class:`sqlite3.DatabaseError` if damaged; create the tables of a new file."""
    result = conn.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise sqlite3.DatabaseError(str(result[0]) if result else "quick_check failed")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if "clippings" in tables or read_only:
        return
    if tables - {"meta", "collections", "clippings"}:
        raise sqlite3.DatabaseError("not a clippings database")
    conn.executescript(
        f"BEGIN IMMEDIATE; {DDL} INSERT OR REPLACE INTO meta (key, value) "
        f"VALUES ('schema_version', '{SCHEMA_VERSION}'); COMMIT;"
    )


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            companion.rename(Path(str(target) + suffix))
    return target


def _empty(path: Path, notice: str) -> ClipStore:
    """A read-only store with no clippings, when even the folder cannot be made."""
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    conn.executescript(DDL)
    store = ClipStore(conn, path, read_only=True)
    store.notice = notice
    return store


def open_clips(path: Path | None = None, *, busy_timeout: float = 5.0) -> ClipStore:
    """The clippings database at ``path`` (default :func:`clips_path`), made if missing.

    Raises :class:`ClipsError` (with one sentence to show) only when the file is damaged
    and cannot be moved aside, or is locked past ``busy_timeout`` while being created.
    """
    path = path if path is not None else clips_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _empty(
            path, f"Cannot create {path.parent} ({error.strerror}): clippings cannot be saved."
        )
    read_only = not _writable(path)
    if read_only and not path.exists():
        return _empty(path, f"{path.parent} is read-only: clippings cannot be saved.")
    notice: str | None = None
    for attempt in range(2):
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path, busy_timeout, read_only)
            _check(conn, read_only)
        except sqlite3.OperationalError as error:
            if conn is not None:
                conn.close()
            if "locked" in str(error) or "busy" in str(error) or read_only:
                raise explain(path, error) from error
            raise ClipsError(f"the clippings database {path} cannot be opened ({error})") from error
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            if attempt or read_only:
                raise ClipsError(
                    f"the clippings database {path} is damaged ({error}) and cannot be "
                    "replaced; it was left as it is"
                ) from error
            try:
                aside = _move_aside(path)
            except OSError as move_error:
                raise ClipsError(
                    f"the clippings database {path} is damaged and could not be moved aside "
                    f"({move_error.strerror}); it was left as it is"
                ) from move_error
            notice = (
                f"The clippings database was damaged: it was kept as {aside} and a new one "
                f"was started at {path}."
            )
            continue
        store = ClipStore(conn, path, read_only=read_only)
        store.notice = notice or (
            f"The clippings database {path} is read-only: clippings can be read but not changed."
            if read_only
            else None
        )
        return store
    raise ClipsError(f"the clippings database {path} cannot be opened")
