"""Saved searches: named queries, and for each archive which of their hits were last seen.

A saved search is a name and a query of :mod:`tui.query`. Names are global (one
"tariffs" whatever archive is open, compared without regard to case) because a query
means the same in any archive; what was *seen* is kept per archive (its resolved root),
because hits of one archive say nothing about another.

What is seen is stored as the set of hit keys the index gave at the last look
(:attr:`tui.library.WatchScan.keys`: 8 bytes per remark, question or answer, a digest of
its reference and text), sorted and joined into one blob. A hit is new when its key is
not in that set, so nothing here depends on dates or on the index's row ids, which a
re-indexed file does not keep.

This is the user's own data, unlike the index: it lives in ``data_dir()/searches.sqlite3``
(WAL, so the reader and a cron job can use it at once) and it is never deleted or rebuilt.
A damaged, locked, unreadable or newer file raises :class:`StoreProblem` with one line
that names the file and what to do; the file is left exactly as it was. Each call opens
its own short connection, so the store is safe from any thread or process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.userdirs import data_dir

FILE_NAME = "searches.sqlite3"
SCHEMA_VERSION = 1
KEY_SIZE = 8
MAX_NAME = 60
RESERVED = ("add", "remove", "list")
"""Words of ``briefing watch`` itself, so never names of saved searches."""

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS searches (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    query TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS looks (
    name TEXT NOT NULL COLLATE NOCASE,
    archive TEXT NOT NULL,
    looked_at TEXT NOT NULL,
    seen BLOB NOT NULL,
    PRIMARY KEY (name, archive)
) WITHOUT ROWID;
"""


class StoreProblem(Exception):
    """The file cannot be used as asked; the message is one line for the user."""


class SavedSearchError(ValueError):
    """A request the store refuses (a bad name, a malformed query, a taken or unknown name)."""


class UnknownSearch(SavedSearchError):
    """No saved search has this name; ``known`` are the names there are."""

    def __init__(self, name: str, known: list[str]) -> None:
        listed = ", ".join(known) if known else "none yet (add one with: briefing watch add)"
        super().__init__(f"no saved search named {name!r}; saved searches: {listed}")
        self.name = name
        self.known = known


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    saved_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Look:
    """The last look at one saved search in one archive: when, and the keys of its hits."""

    looked_at: dt.datetime
    seen: frozenset[bytes]


def store_path() -> Path:
    """Where saved searches are kept."""
    return data_dir() / FILE_NAME


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def check_name(name: str) -> str:
    """``name`` stripped, or :class:`SavedSearchError` saying what is wrong with it."""
    name = name.strip()
    if not name:
        raise SavedSearchError("give the saved search a name")
    if len(name) > MAX_NAME:
        raise SavedSearchError(f"a name has at most {MAX_NAME} characters")
    if not name.isprintable():
        raise SavedSearchError("a name cannot hold control characters or line breaks")
    if "/" in name or "\\" in name or name.startswith("-"):
        raise SavedSearchError(
            "a name cannot hold / or \\ or start with - (it would read as a path or an option)"
        )
    if name.lower() in RESERVED:
        raise SavedSearchError(f"{name!r} is a word of briefing watch; choose another name")
    return name


def check_query(query: str) -> str:
    """``query`` if it parses and can match something; else :class:`QueryError` or
    :class:`SavedSearchError`."""
    from tui.query import parse  # the query language, only when a query is saved

    if parse(query).empty:
        raise SavedSearchError("give a query to save")
    return query.strip()


def pack(keys: frozenset[bytes] | set[bytes]) -> bytes:
    return b"".join(sorted(keys))


def unpack(blob: bytes) -> frozenset[bytes]:
    return frozenset(blob[i : i + KEY_SIZE] for i in range(0, len(blob), KEY_SIZE))


class SavedSearches:
    """The saved searches in ``path`` (default :func:`store_path`)."""

    def __init__(self, path: Path | None = None, *, busy_timeout: float = 5.0) -> None:
        self.path = path or store_path()
        self.busy_timeout = busy_timeout

    # -- connections ------------------------------------------------------------------

    @contextlib.contextmanager
    def _connect(self, *, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection in a transaction (``None`` for a read of a file not made yet).

        Every SQLite failure becomes a :class:`StoreProblem`; nothing is ever deleted.
        """
        if not write and not self.path.exists():
            yield None
            return
        conn: sqlite3.Connection | None = None
        try:
            if write:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
            if not self._prepare(conn, write):
                yield None  # an empty file, read before anything was saved in it
                return
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreProblem(self._explain(error)) from error
        except OSError as error:
            raise StoreProblem(f"{self.path}: cannot be opened ({error.strerror})") from error
        finally:
            if conn is not None:
                conn.close()

    def _prepare(self, conn: sqlite3.Connection, write: bool) -> bool:
        """Check the file's version, creating the tables on a first write; False when
        there are no tables yet (and none were made)."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None or row[0] != str(SCHEMA_VERSION):
                raise StoreProblem(
                    f"{self.path}: made by another version of briefing (schema "
                    f"{row[0] if row else 'unknown'}, this one reads {SCHEMA_VERSION}); "
                    "it was left as it is"
                )
            return True
        if tables:
            raise StoreProblem(f"{self.path}: not a file of saved searches; it was left as it is")
        if write:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(
                f"BEGIN IMMEDIATE; {DDL} INSERT OR REPLACE INTO meta (key, value) "
                f"VALUES ('schema_version', '{SCHEMA_VERSION}'); COMMIT;"
            )
        return write

    def _explain(self, error: sqlite3.Error) -> str:
        text = str(error)
        if "locked" in text or "busy" in text:
            return (
                f"{self.path}: locked by another program for {self.busy_timeout:g} s; "
                "nothing was changed, try again"
            )
        if "readonly" in text or "read-only" in text:
            return f"{self.path}: cannot be written (read-only); nothing was changed"
        if "unable to open" in text:
            return f"{self.path}: cannot be opened (is its folder writable?)"
        return (
            f"{self.path}: damaged ({text}); it was left as it is, so no saved search is "
            "lost: move it aside to start afresh, or recover it with sqlite3's .recover"
        )

    # -- the searches -----------------------------------------------------------------

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        with self._connect(write=False) as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT name, query, saved_at FROM searches ORDER BY name COLLATE NOCASE"
            ).fetchall()
        return [SavedSearch(n, q, dt.datetime.fromisoformat(s)) for n, q, s in rows]

    def get(self, name: str) -> SavedSearch:
        """The saved search called ``name`` (any case), or :class:`UnknownSearch`."""
        searches = self.all()
        for search in searches:
            if search.name.lower() == name.strip().lower():
                return search
        raise UnknownSearch(name, [search.name for search in searches])

    def add(self, name: str, query: str, *, replace: bool = False) -> SavedSearch:
        """Save ``query`` as ``name``. Refuses a malformed query (:class:`QueryError`) and a
        name in use unless ``replace`` (which also forgets what was seen: a new query)."""
        name, query = check_name(name), check_query(query)
        saved = SavedSearch(name, query, now())
        with self._connect(write=True) as conn:
            assert conn is not None
            row = conn.execute("SELECT name FROM searches WHERE name = ?", (name,)).fetchone()
            if row is not None and not replace:
                raise SavedSearchError(
                    f"a saved search named {row[0]!r} exists; give --replace to replace it"
                )
            conn.execute("DELETE FROM searches WHERE name = ?", (name,))
            conn.execute("DELETE FROM looks WHERE name = ?", (name,))
            conn.execute(
                "INSERT INTO searches (name, query, saved_at) VALUES (?, ?, ?)",
                (saved.name, saved.query, saved.saved_at.isoformat()),
            )
        return saved

    def remove(self, name: str) -> SavedSearch:
        """Forget the saved search ``name`` and what was seen of it."""
        search = self.get(name)
        with self._connect(write=True) as conn:
            assert conn is not None
            conn.execute("DELETE FROM searches WHERE name = ?", (search.name,))
            conn.execute("DELETE FROM looks WHERE name = ?", (search.name,))
        return search

    # -- what was seen ----------------------------------------------------------------

    def last_look(self, name: str, archive: str) -> Look | None:
        """The last look at ``name`` in ``archive``, or ``None`` if it was never looked at."""
        with self._connect(write=False) as conn:
            if conn is None:
                return None
            row = conn.execute(
                "SELECT looked_at, seen FROM looks WHERE name = ? AND archive = ?", (name, archive)
            ).fetchone()
        if row is None:
            return None
        return Look(dt.datetime.fromisoformat(row[0]), unpack(bytes(row[1])))

    def mark_seen(
        self, name: str, archive: str, keys: frozenset[bytes], when: dt.datetime | None = None
    ) -> Look:
        """Record ``keys`` as the hits of ``name`` seen in ``archive`` now (or ``when``).

        A search removed meanwhile (by another process) is not brought back.
        """
        look = Look(when or now(), keys)
        with self._connect(write=True) as conn:
            assert conn is not None
            if conn.execute("SELECT 1 FROM searches WHERE name = ?", (name,)).fetchone():
                conn.execute(
                    "INSERT OR REPLACE INTO looks (name, archive, looked_at, seen) "
                    "VALUES (?, ?, ?, ?)",
                    (name, archive, look.looked_at.isoformat(), pack(keys)),
                )
        return look
