"""The clippings database: named collections of clipped answers, and never a lost one.

Clippings are the user's own work, not a cache, so the rules are the opposite of the
index's (:mod:`tui.index.store`): nothing is ever deleted to make the file usable again.

* Durability: WAL with ``synchronous=FULL``, every change one ``BEGIN IMMEDIATE``
  transaction, so a clipping is on disk when :meth:`ClipStore.add` returns and a process
  killed at any moment leaves every clipping it had added (``tests/test_clips_store.py``
  kills one to prove it).
* Locked by another program: each write waits ``busy_timeout`` seconds, then raises
  :class:`ClipsBusy` with a sentence to show; nothing is half written.
* Read-only (the file or its folder): the store opens for reading, :attr:`ClipStore.notice`
  says so, and every change raises :class:`ClipsReadOnly`.
* Damaged: moved aside, never deleted (:mod:`tui.clips.opening`, which opens the file).

A clipping keeps the exact words it was clipped from and the citation of that moment
(``citation``, the JSON of :func:`tui.quote.quote_to_json`), so a collection can be
exported even after its briefing has been edited or removed, and
:mod:`tui.clips.collection` can say what changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.quote import Quote, quote_to_json
from tui.userdirs import data_dir

FILE_NAME = "clippings.sqlite3"
SCHEMA_VERSION = 1
MAX_NAME = 60

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clippings (
    id INTEGER PRIMARY KEY,
    collection INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    by TEXT NOT NULL,
    briefing_id TEXT NOT NULL,
    title TEXT NOT NULL,
    held TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    clipped TEXT NOT NULL,
    citation TEXT NOT NULL,
    UNIQUE (collection, ref)
);
CREATE INDEX IF NOT EXISTS clippings_by_ref ON clippings (ref);
CREATE INDEX IF NOT EXISTS clippings_by_briefing ON clippings (briefing_id);
"""


class ClipsError(Exception):
    """Something the user must be told, in one sentence (the message)."""


class ClipsBusy(ClipsError):
    """Another program held the database past the busy timeout."""


class ClipsReadOnly(ClipsError):
    """The database can be read but not changed."""


class NoSuchCollection(ClipsError):
    """A collection name that does not exist."""


class CollectionExists(ClipsError):
    """``new`` with a name already taken."""


class AlreadyClipped(ClipsError):
    """The reference is already in that collection."""


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    created: str
    size: int


@dataclass(frozen=True, slots=True)
class Clipping:
    """One clipped element, as it was when clipped; ``position`` orders a collection."""

    id: int
    collection: str
    ref: str
    kind: str
    text: str
    by: str
    briefing_id: str
    title: str
    held: str
    note: str
    position: int
    clipped: str
    citation: dict[str, Any]


def clips_path() -> Path:
    """``<data dir>/clippings.sqlite3``."""
    return data_dir() / FILE_NAME


def check_name(name: str) -> str:
    """The collection name, stripped; :class:`ValueError` says what is wrong with it."""
    name = name.strip()
    if not name:
        raise ValueError("a collection needs a name")
    if len(name) > MAX_NAME:
        raise ValueError(f"a collection name has at most {MAX_NAME} characters")
    if any(not ch.isprintable() for ch in name):
        raise ValueError("a collection name cannot hold control characters or line breaks")
    from tui.query import ANY_COLLECTION  # clipped:yes means any one: no name may be it

    if name.casefold() == ANY_COLLECTION:
        raise ValueError(
            f"'{ANY_COLLECTION}' cannot name a collection: clipped:{ANY_COLLECTION} means any one"
        )
    return name


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_COLUMNS = (
    "c.id, k.name, c.ref, c.kind, c.text, c.by, c.briefing_id, c.title, c.held, c.note, "
    "c.position, c.clipped, c.citation FROM clippings c JOIN collections k ON k.id = c.collection"
)


def _clipping(row: Sequence[Any]) -> Clipping:
    citation = json.loads(row[12])
    clip_id, name, ref, kind, text, by, briefing_id, title, held, note, position, clipped = row[:12]
    return Clipping(
        clip_id,
        name,
        ref,
        kind,
        text,
        by,
        briefing_id,
        title,
        held,
        note,
        position,
        clipped,
        citation if isinstance(citation, dict) else {},
    )


class ClipStore:
    """One open clippings database; safe to share between threads (one locked connection)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *, read_only: bool) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only
        self.notice: str | None = None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- reading ------------------------------------------------------------------------

    def _rows(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.OperationalError as error:
                raise explain(self.path, error) from error

    def collections(self) -> list[Collection]:
        rows = self._rows(
            "SELECT k.name, k.created, count(c.id) FROM collections k "
            "LEFT JOIN clippings c ON c.collection = k.id GROUP BY k.id ORDER BY k.name"
        )
        return [Collection(*row) for row in rows]

    def collection(self, name: str) -> Collection | None:
        return next(
            (c for c in self.collections() if c.name.casefold() == name.strip().casefold()),
            None,
        )

    def clippings(self, name: str | None = None) -> list[Clipping]:
        """The clippings of collection ``name`` in their order (all, by collection, if None)."""
        if name is None:
            rows = self._rows(f"SELECT {_COLUMNS} ORDER BY k.name, c.position")
            return [_clipping(row) for row in rows]
        if self.collection(name) is None:
            raise NoSuchCollection(_no_collection(name))
        rows = self._rows(f"SELECT {_COLUMNS} WHERE k.name = ? ORDER BY c.position", (name,))
        return [_clipping(row) for row in rows]

    def of_briefing(self, briefing_id: str) -> list[Clipping]:
        """Every clipping of one briefing, for the notes shown beside its answers."""
        rows = self._rows(
            f"SELECT {_COLUMNS} WHERE c.briefing_id = ? ORDER BY k.name, c.position",
            (briefing_id,),
        )
        return [_clipping(row) for row in rows]

    # --- changing -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ClipsReadOnly(f"the clippings database {self.path} is read-only")
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise explain(self.path, error) from error
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.OperationalError as error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise explain(self.path, error) from error

    def create(self, name: str) -> Collection:
        """A new, empty collection; :class:`CollectionExists` if the name is taken."""
        name = check_name(name)
        with self._write() as conn:
            taken = conn.execute("SELECT name FROM collections WHERE name = ?", (name,)).fetchone()
            if taken is not None:
                raise CollectionExists(f"a collection named {taken[0]!r} already exists")
            created = _now()
            conn.execute("INSERT INTO collections (name, created) VALUES (?, ?)", (name, created))
        return Collection(name, created, 0)

    def add(self, name: str, quote: Quote, note: str = "", *, create: bool = False) -> Clipping:
        """Clip ``quote`` into collection ``name`` (made first with ``create``), at its end."""
        name = check_name(name)
        citation = quote_to_json(quote)
        briefing = quote.briefing
        with self._write() as conn:
            find = "SELECT id, name FROM collections WHERE name = ?"
            row = conn.execute(find, (name,)).fetchone()
            if row is None and not create:
                raise NoSuchCollection(_no_collection(name))
            if row is None:
                cursor = conn.execute(
                    "INSERT INTO collections (name, created) VALUES (?, ?)", (name, _now())
                )
                row = (cursor.lastrowid, name)
            collection, name = row
            if conn.execute(
                "SELECT 1 FROM clippings WHERE collection = ? AND ref = ?",
                (collection, quote.reference),
            ).fetchone():
                raise AlreadyClipped(f"{quote.reference} is already in {name!r}")
            (last,) = conn.execute(
                "SELECT coalesce(max(position), 0) FROM clippings WHERE collection = ?",
                (collection,),
            ).fetchone()
            values = (
                collection,
                quote.reference,
                quote.kind,
                quote.text,
                quote.by,
                briefing.id,
                briefing.title,
                briefing.date.isoformat(),
                note.strip(),
                last + 1,
                _now(),
                json.dumps(citation, ensure_ascii=False),
            )
            cursor = conn.execute(
                "INSERT INTO clippings (collection, ref, kind, text, by, briefing_id, title, "
                "held, note, position, clipped, citation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                values,
            )
            clip_id = cursor.lastrowid
        assert clip_id is not None
        return Clipping(clip_id, name, *values[1:11], citation=citation)

    def remove(self, name: str, ref: str) -> bool:
        """Take ``ref`` out of collection ``name``; False if it was not there."""
        with self._write() as conn:
            found = conn.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
            if found is None:
                raise NoSuchCollection(_no_collection(name))
            cursor = conn.execute(
                "DELETE FROM clippings WHERE collection = ? AND ref = ?", (found[0], ref)
            )
            return cursor.rowcount > 0

    def set_note(self, clip_id: int, note: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE clippings SET note = ? WHERE id = ?", (note.strip(), clip_id))

    def move(self, clip_id: int, delta: int) -> bool:
        """Swap a clipping with its neighbour above (``-1``) or below (``1``); False at an end."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT collection, position FROM clippings WHERE id = ?", (clip_id,)
            ).fetchone()
            if row is None:
                return False
            collection, position = row
            compare, order = ("<", "DESC") if delta < 0 else (">", "ASC")
            other = conn.execute(
                f"SELECT id, position FROM clippings WHERE collection = ? AND position "
                f"{compare} ? ORDER BY position {order} LIMIT 1",
                (collection, position),
            ).fetchone()
            if other is None:
                return False
            conn.execute("UPDATE clippings SET position = ? WHERE id = ?", (other[1], clip_id))
            conn.execute("UPDATE clippings SET position = ? WHERE id = ?", (position, other[0]))
            return True


def _no_collection(name: str) -> str:
    return f"no collection named {name.strip()!r} (create it with: briefing clips new NAME)"


def explain(path: Path | None, error: sqlite3.OperationalError) -> ClipsError:
    text = str(error)
    if "locked" in text or "busy" in text:
        return ClipsBusy(
            f"the clippings database {path} is locked by another program; try again in a moment"
        )
    if "readonly" in text or "read-only" in text:
        return ClipsReadOnly(f"the clippings database {path} is read-only")
    return ClipsError(f"the clippings database {path} cannot be used ({text})")
