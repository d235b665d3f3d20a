"""The index's tables, and how element row ids encode dates.

Row ids of ``elements`` (and of the full-text table, which shares them) are
``day_ordinal << 24 | (2**24 - 1 - seq)``: larger ids are newer briefings, and inside one
briefing a *descending* id scan yields elements in reading order. This lets "newest first"
be FTS5's native descending rowid scan with ``LIMIT``, which stops after the first rows
instead of collecting and sorting every hit (the measured difference for a common word is
~0.2 ms against ~0.9 s), and lets ``from:``/``to:`` become a rowid range FTS5 applies itself.

The full-text table is *contentless*: it indexes the search form of the text
(:func:`tui.textmatch.search_form`) plus the speaker key and the asker, but stores no copy;
snippets are cut in Python from ``elements.text``. Deleting from a contentless table needs
the indexed values again, which :func:`fts_values` recomputes deterministically.
"""

from __future__ import annotations

import datetime as dt

from tui.textmatch import search_form

SCHEMA_VERSION = 6
"""Bump whenever a table, the tokenizer or :func:`fts_values` changes: old files are rebuilt."""

SEQ_BITS = 24
SEQ_MASK = (1 << SEQ_BITS) - 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    briefing_id TEXT,
    problems TEXT NOT NULL DEFAULT '[]',
    failed INTEGER NOT NULL DEFAULT 0,
    retry INTEGER NOT NULL DEFAULT 0
);
-- The folders of the last complete refresh with the stamps of their transcripts, so an
-- unchanged archive is confirmed without reading ``files`` (see tui.index.scan).
CREATE TABLE IF NOT EXISTS snapshot (
    folder TEXT PRIMARY KEY,
    stamp BLOB NOT NULL,
    names TEXT NOT NULL,
    stamps BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS briefings (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    questions INTEGER NOT NULL,
    organizer TEXT,
    location TEXT,
    fidelity TEXT,
    language TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    source TEXT
);
CREATE INDEX IF NOT EXISTS briefings_by_date ON briefings (date DESC, id DESC);
CREATE TABLE IF NOT EXISTS speakers (
    briefing_id TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    answers INTEGER NOT NULL,
    PRIMARY KEY (briefing_id, key)
) WITHOUT ROWID;
-- Covering indexes: people() groups by key and reads only these columns.
CREATE INDEX IF NOT EXISTS speakers_by_key ON speakers (key, answers, name);
CREATE TABLE IF NOT EXISTS askers (
    briefing_id TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    questions INTEGER NOT NULL,
    PRIMARY KEY (briefing_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS askers_by_key ON askers (key, questions, name);
CREATE TABLE IF NOT EXISTS elements (
    rowid INTEGER PRIMARY KEY,
    briefing_id TEXT NOT NULL,
    ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    ord INTEGER NOT NULL,
    qnum INTEGER,
    number INTEGER NOT NULL,
    by TEXT,
    by_key TEXT,
    role TEXT,
    asker TEXT,
    text TEXT NOT NULL,
    date TEXT NOT NULL,
    hit_key BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS elements_by_briefing ON elements (briefing_id, qnum);
CREATE VIRTUAL TABLE IF NOT EXISTS elements_fts USING fts5 (
    text, speaker, asker,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);
-- Merge 16 segments at a time instead of 4, and buffer up to 16 MiB of new terms instead of
-- 1 MiB before writing a segment: fewer, larger merges during a cold build (measured
-- ~170 -> ~220 briefings/s, then ~8% less CPU); queries are unaffected.
INSERT INTO elements_fts (elements_fts, rank) VALUES ('automerge', 16);
INSERT INTO elements_fts (elements_fts, rank) VALUES ('hashsize', 16777216);
"""


def day_base(date: dt.date) -> int:
    """The smallest row id of elements of briefings held on ``date``."""
    return date.toordinal() << SEQ_BITS


def fts_values(kind: str, text: str, by_key: str | None, asker: str | None) -> tuple[str, str, str]:
    """What the full-text table indexes for one element (also needed to delete it).

    ``speaker`` holds who spoke (answers and remarks); ``asker`` holds who asked, both for
    the question and for the answers to it, so ``asker:reuters`` finds the answers Reuters
    got as well as its questions.
    """
    # In search form like the text and the asker, so a Chinese name is a phrase of
    # ideographs that ``speaker:汪文斌`` (compiled the same way) can match.
    speaker = search_form(by_key) if kind != "question" and by_key else ""
    return search_form(text), speaker, search_form(asker) if asker else ""
