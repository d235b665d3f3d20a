"""The archive as a SQLite index: the :class:`tui.library.Library` the reader runs on.

Start-up reads summaries and people from tables (a tenth of a second at 10,000 briefings
instead of twenty seconds of parsing); a briefing is parsed only when it is opened, and the
"all briefings" scope is rebuilt from the ``elements`` table without touching a file.

Failure policy (see :mod:`tui.index.store`): whatever goes wrong with the database file,
the index falls back to a rebuilt file or an in-memory database and says so in
:attr:`Index.notice`; a query never fails because of the cache and never answers from rows
that do not match the files of the last refresh.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Container, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from tui.index.scan import unchanged
from tui.index.store import Store, default_index_path, memory_store, open_store, remove_files
from tui.index.summaries import SUMMARY_COLUMNS, Summaries
from tui.library import (
    BriefingSummary,
    CrossExchange,
    LoadFailed,
    Order,
    Person,
    PersonKind,
    Progress,
    RefreshStats,
    SearchHit,
    StopCheck,
    WatchScan,
)
from tui.model import Answer, Briefing, Exchange, Problem, Question, problems_from_json
from tui.sorting import natural_key
from tui.textmatch import tokens

T = TypeVar("T")


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


class Index:
    """A :class:`~tui.library.Library` over the transcripts under ``root``.

    ``Index(root)`` keeps its database in the user's cache folder; ``index_path`` chooses
    the file, ``memory=True`` keeps it in memory. Nothing is scanned until :meth:`refresh`,
    which the reader runs in a worker: every other method may be called from any thread
    while it runs and sees the briefings indexed so far.
    """

    def __init__(
        self,
        root: Path,
        index_path: Path | None = None,
        *,
        memory: bool = False,
        busy_timeout: float = 5.0,
        more_roots: Sequence[Path] = (),
    ) -> None:
        self.root = root
        # more_roots: further folders read into the same index (the settings' archives)
        self.roots = [root, *more_roots]
        joined = Path(os.pathsep.join(str(path.resolve()) for path in self.roots))
        self.path = None if memory else (index_path or default_index_path(joined))
        self.busy_timeout = busy_timeout
        self._swap = threading.Lock()
        self._refreshing = threading.Lock()
        self._stop = threading.Event()
        self._store = (
            open_store(self.path, busy_timeout=busy_timeout)
            if self.path is not None
            else memory_store(None)
        )

    @property
    def notice(self) -> str | None:
        """A sentence for the user when the index had to be rebuilt or moved to memory."""
        return self._store.notice

    @property
    def in_memory(self) -> bool:
        return self._store.in_memory

    def close(self) -> None:
        """Stop a running refresh at its next file and close every connection."""
        self._stop.set()
        with self._refreshing:
            self._store.close()

    # -- building ---------------------------------------------------------------------

    def refresh(self, progress: Progress | None = None, *, rebuild: bool = False) -> RefreshStats:
        """Bring the index up to date with the files; ``progress(done, total)`` per batch."""
        with self._refreshing:
            self._stop.clear()
            if rebuild:
                self._rebuild_file()
            return self._refresh_locked(progress)

    def _refresh_locked(self, progress: Progress | None = None) -> RefreshStats:
        """Refresh; a failing file is recreated or moved to memory and the refresh rerun.

        An archive that matches the stored snapshot is confirmed without the builder; the
        builder (and with it the loader and PyYAML) is imported only when something
        changed, not with this module: the reader opens the index before its first frame
        and refreshes after it.

        The last attempt is always in memory, which no file problem can reach.
        """
        for _ in range(2):
            try:
                same = self._confirm()
                if same is not None:
                    return same
                from tui.index.refresh import refresh

                return refresh(self._store, self.roots, progress, self._stop.is_set)
            except sqlite3.OperationalError as error:
                self._to_memory(_why(error))
            except sqlite3.DatabaseError:
                if self._store.in_memory:
                    raise
                self._recreate("was damaged and has been rebuilt")
        if not self._store.in_memory:
            self._to_memory("the index failed twice")
        from tui.index.refresh import refresh

        return refresh(self._store, self.roots, progress, self._stop.is_set)

    def _confirm(self) -> RefreshStats | None:
        """The stats of a refresh with nothing to do, if the archive matches the snapshot
        of the last complete refresh (:func:`tui.index.scan.unchanged`), else ``None``."""
        started = time.perf_counter()
        with self._store.connection() as conn:
            files = unchanged(conn, self.roots)
        if files is None:
            return None
        return RefreshStats(0, files, 0, 0, time.perf_counter() - started)

    def _rebuild_file(self) -> None:
        if self._store.in_memory or self.path is None:
            self._replace(memory_store(self._store.notice))
            return
        self._store.close()
        try:
            remove_files(self.path)
        except OSError as error:
            self._to_memory(f"cannot replace {self.path}: {error.strerror}")
            return
        self._replace(open_store(self.path, busy_timeout=self.busy_timeout))

    def _recreate(self, what: str) -> None:
        """Throw away a damaged file and start again (in memory if that fails too)."""
        self._store.close()
        if self.path is None:
            self._replace(memory_store(None))
            return
        try:
            remove_files(self.path)
        except OSError:
            self._to_memory(f"the index {self.path} {what.split(' and ')[0]}")
            return
        store = open_store(self.path, busy_timeout=self.busy_timeout)
        store.notice = store.notice or f"The index {self.path} {what}."
        self._replace(store)

    def _to_memory(self, why: str) -> None:
        self._store.close()
        self._replace(
            memory_store(f"{why[0].upper()}{why[1:]}; using a temporary in-memory index.")
        )

    def _replace(self, store: Store) -> None:
        with self._swap:
            self._store = store

    # -- reading ----------------------------------------------------------------------

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A read connection for the calling thread (used by :mod:`tui.index.search`)."""
        with self._store.connection() as conn:
            yield conn

    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read; if the database fails, rebuild it and answer from the new one.

        A damaged file is recreated; a file that cannot be read (locked past the timeout,
        an I/O error) is replaced by memory. Either way the new index is refreshed before
        the query runs again, so the answer is never one from a broken file. A closed
        connection only means another thread already swapped the store: just retry.
        """
        store = self._store
        try:
            with store.connection() as conn:
                return query(conn)
        except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
            if self._store is store:
                raise
        except sqlite3.DatabaseError as error:
            with self._refreshing:  # a second failing reader waits, then finds it rebuilt
                if self._store is store:
                    if isinstance(error, sqlite3.OperationalError) and "no such" not in str(error):
                        self._to_memory(_why(error))
                    else:
                        self._recreate("was damaged and has been rebuilt")
                    self._refresh_locked()
        with self._store.connection() as conn:
            return query(conn)

    def summaries(
        self, *, speaker: str | None = None, asker: str | None = None, limit: int | None = None
    ) -> Sequence[BriefingSummary]:
        sql = f"SELECT {SUMMARY_COLUMNS} FROM briefings b"
        args: list[object] = []
        if speaker is not None:
            sql += " WHERE b.id IN (SELECT briefing_id FROM speakers WHERE key = ?)"
            args.append(speaker)
        if asker is not None:
            sql += " AND" if args else " WHERE"
            sql += " b.id IN (SELECT briefing_id FROM askers WHERE key = ?)"
            args.append(asker)
        sql += " ORDER BY b.date DESC, b.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(max(limit, 0))
        return self._read(lambda c: list(map(Summaries(), c.execute(sql, args))))

    def summary(self, briefing_id: str) -> BriefingSummary | None:
        sql = f"SELECT {SUMMARY_COLUMNS} FROM briefings b WHERE b.id = ?"
        rows = self._read(lambda c: c.execute(sql, (briefing_id,)).fetchall())
        return Summaries()(rows[0]) if rows else None

    def people(self, kind: PersonKind) -> Sequence[Person]:
        if kind == "speaker":
            sql = (
                "SELECT s.key, (SELECT name FROM speakers s2 JOIN briefings b "
                "ON b.id = s2.briefing_id WHERE s2.key = s.key ORDER BY b.date DESC LIMIT 1), "
                "sum(s.answers), sum(s.answers > 0) FROM speakers s GROUP BY s.key"
            )
        else:
            sql = (
                "SELECT a.key, max(a.name), sum(a.questions), count(*) FROM askers a GROUP BY a.key"
            )
        # Made as the rows come, without a list of rows first: 83,000 askers at 100,000
        # generated briefings made that list a peak of its own.
        people = self._read(
            lambda c: [
                Person(str(k), str(n), kind, int(a), int(b)) for k, n, a, b in c.execute(sql)
            ]
        )
        people.sort(key=lambda p: (-p.count, natural_key(p.name)))
        return people

    def load(self, briefing_id: str) -> Briefing:
        from tui.loader import load_file

        rows = self._read(
            lambda c: c.execute(
                "SELECT path FROM briefings WHERE id = ?", (briefing_id,)
            ).fetchall()
        )
        if not rows:
            raise LoadFailed(
                [Problem(briefing_id, None, None, "unknown-id", f"no briefing {briefing_id!r}")]
            )
        briefing, problems = load_file(Path(rows[0][0]))
        if briefing is None:
            raise LoadFailed(problems)
        return briefing

    def exchanges_of(self, key: str, kind: PersonKind) -> Sequence[CrossExchange]:
        """Exchanges with an answer by (or the question of) ``key``, oldest first.

        The exchanges are found through the full-text table's ``speaker``/``asker`` column
        (an index lookup) and confirmed on the exact key, so a prolific spokesperson's
        thousand briefings are not scanned element by element.
        """
        from tui.index.fts import compile_match  # the query language loads with a search
        from tui.query import Term

        element_kind = "answer" if kind == "speaker" else "question"
        match = compile_match(Term(key, person=kind))
        find = (
            "SELECT DISTINCT e.briefing_id, e.qnum FROM elements_fts f "
            "JOIN elements e ON e.rowid = f.rowid WHERE elements_fts MATCH ? "
            "AND e.kind = ? AND e.by_key = ? AND e.qnum IS NOT NULL"
        )
        fetch = (
            "SELECT e.kind, e.ref, e.number, e.by, e.role, e.text, e.date FROM elements e "
            "WHERE e.briefing_id = ? AND e.qnum = ? ORDER BY e.ord"
        )

        def query(conn: sqlite3.Connection) -> list[tuple[str, str, list[Sequence[object]]]]:
            if not tokens(key):
                return []
            pairs = conn.execute(find, (match, element_kind, key)).fetchall()
            found = []
            for briefing_id, qnum in pairs:
                rows = conn.execute(fetch, (briefing_id, qnum)).fetchall()
                if rows:
                    found.append((str(rows[0][6]), str(briefing_id), rows))
            found.sort(key=lambda item: (item[0], item[1], int(str(item[2][0][2]))))
            return found

        summaries: dict[str, BriefingSummary | None] = {}
        out: list[CrossExchange] = []
        for _, briefing_id, rows in self._read(query):
            if briefing_id not in summaries:
                summaries[briefing_id] = self.summary(briefing_id)
            summary = summaries[briefing_id]
            exchange = _exchange(rows)
            if summary is not None and exchange is not None:
                out.append(CrossExchange(summary, exchange))
        return out

    def problems(self) -> Sequence[Problem]:
        def query(conn: sqlite3.Connection) -> list[Problem]:
            found: list[Problem] = []
            row = conn.execute("SELECT value FROM meta WHERE key = 'scan_problems'").fetchone()
            if row is not None:
                found.extend(problems_from_json(row[0]))
            for (text,) in conn.execute(
                "SELECT problems FROM files WHERE failed = 1 ORDER BY path"
            ):
                found.extend(problems_from_json(text))
            return found

        return self._read(query)

    # -- searching --------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int | None = 50,
        order: Order = "newest",
        should_stop: StopCheck | None = None,
    ) -> list[SearchHit]:
        """Run a query of the search language (:mod:`tui.query`).

        Raises ``QueryError`` when malformed, ``SearchCancelled`` once ``should_stop()``
        is true (the as-you-type widget passes "a newer query exists").
        """
        from tui.index.search import search

        return self._read(
            lambda c: search(c, query, limit=limit, order=order, should_stop=should_stop)
        )

    def hits_per_month(
        self, query: str, should_stop: StopCheck | None = None
    ) -> list[tuple[str, int]]:
        """``[("2017-10", 12), ...]`` oldest first, months without hits included as 0."""
        from tui.index.search import hits_per_month

        return self._read(lambda c: hits_per_month(c, query, should_stop))

    # -- saved searches ---------------------------------------------------------------

    @property
    def archive(self) -> str:
        """The resolved root: saved searches keep what was seen per archive by it."""
        return str(self.root.resolve())

    def watch(
        self,
        query: str,
        seen: Container[bytes],
        *,
        limit: int = 100,
        should_stop: StopCheck | None = None,
    ) -> WatchScan:
        """Every hit of ``query`` as keys, and the newest ``limit`` not in ``seen``."""
        from tui.index.hit_keys import watch

        return self._read(lambda c: watch(c, query, seen, limit=limit, should_stop=should_stop))


def _why(error: sqlite3.OperationalError) -> str:
    text = str(error)
    if "locked" in text or "busy" in text:
        return "the index is locked by another program"
    if "readonly" in text:
        return "the index cannot be written"
    return f"the index cannot be used ({text})"


def _exchange(rows: Sequence[Sequence[object]]) -> Exchange | None:
    question: Question | None = None
    answers: list[Answer] = []
    for kind, ref, number, by, role, text, _ in rows:
        if kind == "question":
            question = Question(str(ref), int(str(number)), str(text), _opt(by))
        elif kind == "answer":
            answers.append(Answer(str(ref), int(str(number)), str(by), str(text), _opt(role)))
    return Exchange(question, tuple(answers)) if question is not None else None
