"""Where the index lives and how it is opened: never a crash, never a stale answer.

One SQLite file per archive root, in the platform's cache folder. The file is a cache, so
every way it can be unusable has the same cure: a damaged file or one written by another
schema version is deleted and rebuilt; a file that cannot be written (read-only folder,
another process holding the write lock past the timeout) is replaced by an in-memory
database that is rebuilt from the transcripts, and :attr:`Store.notice` says so in words a
reader can act on.

Concurrency: the file is in WAL mode and each thread gets its own connection, so the reader
queries while a worker thread refreshes. An in-memory database cannot be shared that way
(shared-cache mode fails readers with "table is locked" instead of letting them wait), so it
uses one connection guarded by a lock; writers hold it for one batch at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from tui.index.schema import DDL, SCHEMA_VERSION


def cache_dir() -> Path:
    """The platform's user cache folder, with a ``briefing`` subfolder."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "briefing"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "briefing"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base_dir = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base_dir / "briefing"


def default_index_path(root: Path) -> Path:
    """``<cache>/briefing/index-<hash of the resolved root>.sqlite3``: one file per archive."""
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / f"index-{digest[:16]}.sqlite3"


class StoreUnavailable(Exception):
    """The file cannot be used; the message says why, in words for the notice."""


class Store:
    """SQLite connections for one index: per-thread on a file, one locked one in memory."""

    def __init__(self, path: Path | None, *, busy_timeout: float = 5.0) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.notice: str | None = None
        self._local = threading.local()
        self._lock = threading.RLock()
        self._all: list[sqlite3.Connection] = []
        self._shared: sqlite3.Connection | None = None
        if path is None:
            self._shared = sqlite3.connect(
                ":memory:", check_same_thread=False, isolation_level=None
            )
            self._shared.executescript(DDL)
            self._set_version(self._shared)

    @property
    def in_memory(self) -> bool:
        return self.path is None

    def _open(self) -> sqlite3.Connection:
        assert self.path is not None
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        conn.execute("PRAGMA synchronous=NORMAL")
        with self._lock:
            self._all.append(conn)
        return conn

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for the calling thread (reads; autocommit)."""
        if self._shared is not None:
            with self._lock:
                yield self._shared
            return
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
        yield conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed on success, rolled back on any exception."""
        with self.connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
            if self._shared is not None:
                self._shared.close()
        self._local = threading.local()

    @staticmethod
    def _set_version(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )


def remove_files(path: Path) -> None:
    """Delete the index file with its WAL, shared-memory and journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _prepare(path: Path, busy_timeout: float) -> str | None:
    """Make ``path`` a writable index of this schema version; return a notice if rebuilt.

    Raises :class:`StoreUnavailable` when the file cannot be made usable.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"cannot create {path.parent}: {error.strerror}") from error
    notice: str | None = None
    for attempt in range(2):
        try:
            version = _check(path, busy_timeout)
        except sqlite3.OperationalError as error:
            raise StoreUnavailable(_explain(path, error)) from error
        except sqlite3.DatabaseError:
            version = "damaged"
        if version in (None, str(SCHEMA_VERSION)):
            return notice
        if attempt:
            break
        notice = (
            f"The index {path} was damaged and has been rebuilt."
            if version == "damaged"
            else f"The index {path} was made by another version of briefing and has been rebuilt."
        )
        try:
            remove_files(path)
        except OSError as error:
            raise StoreUnavailable(f"cannot replace {path}: {error.strerror}") from error
    raise StoreUnavailable(f"cannot rebuild {path}")


def _check(path: Path, busy_timeout: float) -> str | None:
    """Open, switch to WAL, create the tables of a new file; return a version that differs."""
    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None or row[0] != str(SCHEMA_VERSION):
                return "mismatch" if row is None else str(row[0])
            # A healthy index is opened without writing: a start-up must not queue behind
            # another process's refresh for the write lock.
            return None
        if tables:
            return "mismatch"
        conn.executescript(
            f"BEGIN IMMEDIATE; {DDL} INSERT OR REPLACE INTO meta (key, value) "
            f"VALUES ('schema_version', '{SCHEMA_VERSION}'); COMMIT;"
        )
        return None
    finally:
        conn.close()


def _explain(path: Path, error: sqlite3.OperationalError) -> str:
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"the index {path} is locked by another program"
    if "readonly" in text or "read-only" in text:
        return f"the index {path} is read-only"
    if "unable to open" in text:
        return f"the index {path} cannot be opened (is its folder writable?)"
    return f"the index {path} cannot be used ({text})"


def open_store(path: Path, *, busy_timeout: float = 5.0) -> Store:
    """The store at ``path``, rebuilt if needed, or an in-memory one with a notice."""
    try:
        notice = _prepare(path, busy_timeout)
    except StoreUnavailable as error:
        return memory_store(f"{str(error).capitalize()}; using a temporary in-memory index.")
    store = Store(path, busy_timeout=busy_timeout)
    store.notice = notice
    return store


def memory_store(notice: str | None) -> Store:
    store = Store(None)
    store.notice = notice
    return store
