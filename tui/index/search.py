"""Running a parsed query against the index: hits with plain-text snippets, and hits per month.

"Newest first" is the default because it is cheap whatever the query: the full-text table
is scanned in descending rowid order (rowids encode the date, see :mod:`tui.index.schema`)
and the scan stops at ``limit``. Relevance (bm25) has to score every hit before it can
return the first, which costs close to a second for a word found in a fifth of all
paragraphs, so it is an explicit choice.

Snippets are plain text with match offsets, never markup: the UI styles the spans itself,
so a ``[bold]`` in a transcript stays four characters of text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Set

from tui.index.fts import compile_match
from tui.index.schema import SEQ_BITS, SEQ_MASK, day_base
from tui.library import Order, SearchCancelled, SearchHit, StopCheck
from tui.query import Query, parse
from tui.textmatch import snippet

PROGRESS_STEPS = 1000


@contextlib.contextmanager
def _cancellable(conn: sqlite3.Connection, should_stop: StopCheck | None) -> Iterator[None]:
    """Let SQLite abandon a query mid-way once ``should_stop()`` is true.

    A relevance-ordered query for a common word scores every hit (up to a second or two);
    typing on would start one per keystroke and they would all run to the end in their
    threads. The progress handler is polled every thousand SQLite steps (a fraction of a
    millisecond), which costs well under 1%.
    """
    if should_stop is None:
        yield
        return
    if should_stop():
        raise SearchCancelled()
    conn.set_progress_handler(lambda: 1 if should_stop() else 0, PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as error:
        if should_stop():
            raise SearchCancelled() from error
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _bounds(query: Query) -> tuple[int, int]:
    low = day_base(query.date_from) if query.date_from else 0
    high = day_base(query.date_to) + SEQ_MASK if query.date_to else (1 << 62)
    return low, high


def _plan(
    conn: sqlite3.Connection, query: str | Query, refs: Set[str] | None = None
) -> tuple[Query, str, list[object], int, int] | None:
    """What every search shares: the parsed query, its ``briefing:`` (and ``clipped:``)
    SQL and arguments, and its row-id bounds (dates); ``None`` when it cannot match
    anything. ``refs`` are the references the clippings filters allow; when the query has
    such filters and ``refs`` is None, they are read from the user's clippings."""
    parsed = parse(query) if isinstance(query, str) else query
    if parsed.empty:
        return None
    narrow = _briefing_clause(conn, parsed)
    if narrow is None:
        return None
    sql, args, narrow_low, narrow_high = narrow
    if parsed.clips is not None and refs is None:
        from tui.clips.matching import refs_for  # only a query with these filters reads them

        refs = refs_for(parsed.clips)
    if refs is not None:
        clipped = _clipped_clause(conn, refs)
        if clipped is None:
            return None
        sql, args = sql + clipped[0], [*args, *clipped[1]]
    low, high = _bounds(parsed)
    low, high = max(low, narrow_low), min(high, narrow_high)
    if low > high:
        return None
    return parsed, sql, args, low, high


_QNUM = re.compile(r"q(\d+)")
_ROWIDS: dict[object, tuple[str, list[object]] | tuple[()]] = {}
"""The last row ids found, by connection, database version and references: a query typed
letter by letter resolves them once, and any write to the index changes the version."""


def _clipped_clause(conn: sqlite3.Connection, refs: Set[str]) -> tuple[str, list[object]] | None:
    """SQL keeping only the elements ``refs`` name, by row id; ``None`` if none exists.

    The references become row ids first, each found through the (briefing, question)
    index its reference spells out, so the query itself only tests row ids and FTS5 and
    the rowid-ordered scan run as without the filter (``bench/clips_filter.py``).
    """
    version = (
        id(conn),
        conn.execute("PRAGMA data_version").fetchone()[0],
        conn.total_changes,
        frozenset(refs),
    )
    cached = _ROWIDS.get(version)
    if cached is not None:
        return cached or None
    keys = []
    for ref in sorted(refs):
        briefing_id, _, tail = ref.partition("#")
        qnum = _QNUM.match(tail)
        keys.append([briefing_id, int(qnum[1]) if qnum else None, ref])
    rowids = [
        row[0]
        for row in conn.execute(
            "SELECT e.rowid FROM json_each(?) j JOIN elements e "
            "ON e.briefing_id = json_extract(j.value, '$[0]') "
            "AND e.qnum IS json_extract(j.value, '$[1]') AND e.ref = json_extract(j.value, '$[2]')",
            (json.dumps(keys),),
        )
    ]
    clause: tuple[str, list[object]] = (
        " AND e.rowid IN (SELECT value FROM json_each(?))",
        [json.dumps(rowids)],
    )
    _ROWIDS.clear()  # one entry: the filter of the query being typed
    _ROWIDS[version] = clause if rowids else ()
    return clause if rowids else None


def _briefing_clause(
    conn: sqlite3.Connection, query: Query
) -> tuple[str, list[object], int, int] | None:
    """SQL narrowing to ``briefing:`` (exact id or id prefix) and the row-id range of the
    matching briefings' dates; ``None`` if nothing matches.

    The range lets FTS5 skip every hit outside those days itself: without it, a common
    word narrowed to ``briefing:2019`` walked (newest first) through every hit of the
    years after 2019, joining each to test its briefing id.
    """
    if query.briefing is None:
        return "", [], 0, 1 << 62
    prefix = query.briefing
    # Every id that starts with the prefix (the prefix itself included) sorts in this
    # range: one range scan of the primary key, where an "id = ? OR ..." scanned the table.
    args: list[object] = [prefix, prefix + "\U0010ffff"]
    where = "(id >= ? AND id < ?)"
    first, last = conn.execute(
        f"SELECT min(date), max(date) FROM briefings WHERE {where}", args
    ).fetchone()
    if first is None:
        return None
    low = day_base(dt.date.fromisoformat(first))
    high = day_base(dt.date.fromisoformat(last)) + SEQ_MASK
    return f" AND e.briefing_id IN (SELECT id FROM briefings WHERE {where})", args, low, high


_COLUMNS = (
    "e.briefing_id, b.title, b.date, e.ref, e.kind, e.by, e.role, e.text, b.organizer, "
    "b.source FROM elements e JOIN briefings b ON b.id = e.briefing_id"
)


def search(
    conn: sqlite3.Connection,
    query: str | Query,
    *,
    limit: int | None = 50,
    order: Order = "newest",
    should_stop: StopCheck | None = None,
    refs: Set[str] | None = None,
) -> list[SearchHit]:
    """The first ``limit`` hits of ``query`` (all of them when None), newest first or by
    relevance, among the elements ``refs`` names (when given: the clippings filters).

    Raises :class:`~tui.query.QueryError` for a malformed query and
    :class:`~tui.library.SearchCancelled` when ``should_stop()`` turned true while it ran.
    """
    plan = _plan(conn, query, refs)
    if plan is None or (limit is not None and limit <= 0):
        return []
    limit = -1 if limit is None else limit  # SQLite: a negative LIMIT is no limit
    parsed, extra, extra_args, low, high = plan
    if parsed.match is None:
        sql = (
            f"SELECT {_COLUMNS} WHERE e.rowid BETWEEN ? AND ?{extra} ORDER BY e.rowid DESC LIMIT ?"
        )
        args: list[object] = [low, high, *extra_args, limit]
    else:
        ranking = (
            "bm25(elements_fts, 1.0, 0.0, 0.0), f.rowid DESC"
            if order == "relevance"
            else "f.rowid DESC"
        )
        sql = (
            f"SELECT {_COLUMNS} JOIN elements_fts f ON f.rowid = e.rowid "
            f"WHERE elements_fts MATCH ? AND f.rowid BETWEEN ? AND ?{extra} "
            f"ORDER BY {ranking} LIMIT ?"
        )
        args = [compile_match(parsed.match), low, high, *extra_args, limit]
    hits: list[SearchHit] = []
    with _cancellable(conn, should_stop):
        rows = conn.execute(sql, args).fetchall()
    for briefing_id, title, date, ref, kind, by, role, text, organizer, source in rows:
        excerpt, spans = snippet(text, parsed.terms)
        hits.append(
            SearchHit(
                briefing_id=briefing_id,
                title=title,
                date=dt.date.fromisoformat(date),
                ref=ref,
                kind=kind,
                person=by,
                role=role,
                snippet=excerpt,
                spans=spans,
                terms=parsed.terms,
                text=text,
                organizer=organizer,
                url=source,
            )
        )
    return hits


def hits_per_month(
    conn: sqlite3.Connection,
    query: str | Query,
    should_stop: StopCheck | None = None,
    refs: Set[str] | None = None,
) -> list[tuple[str, int]]:
    """Hits per ``YYYY-MM``, oldest first, with empty months between the first and last."""
    plan = _plan(conn, query, refs)
    if plan is None:
        return []
    parsed, extra, extra_args, low, high = plan
    if parsed.match is None:
        source, where = "elements e", ""
        args: list[object] = [low, high]
    else:
        source = "elements_fts f" + (" JOIN elements e ON e.rowid = f.rowid" if extra else "")
        where, args = "elements_fts MATCH ? AND ", [compile_match(parsed.match), low, high]
    rowid = "e.rowid" if parsed.match is None else "f.rowid"
    sql = (
        f"SELECT {rowid} >> {SEQ_BITS} AS day, count(*) FROM {source} "
        f"WHERE {where}{rowid} BETWEEN ? AND ?{extra} GROUP BY day"
    )
    months: dict[str, int] = {}
    with _cancellable(conn, should_stop):
        days = conn.execute(sql, [*args, *extra_args]).fetchall()
    for day, count in days:
        key = dt.date.fromordinal(day).strftime("%Y-%m")
        months[key] = months.get(key, 0) + count
    return _fill(months)


def _fill(months: dict[str, int]) -> list[tuple[str, int]]:
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:])
    out: list[tuple[str, int]] = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append((key, months.get(key, 0)))
        if key >= last:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
