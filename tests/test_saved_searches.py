"""The store of saved searches: names, queries, what was seen, and a file that misbehaves.

The file is the user's own data, so every failure must leave it byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tui.query import QueryError
from tui.saved_searches import (
    SavedSearchError,
    SavedSearches,
    StoreProblem,
    UnknownSearch,
    pack,
    store_path,
    unpack,
)

A = "/archives/one"
B = "/archives/two"
KEYS = frozenset({b"\x00" * 8, b"\xff" * 8, b"abcdefgh"})


@pytest.fixture
def store() -> SavedSearches:
    return SavedSearches()


def test_the_store_lives_in_the_data_folder(user_dirs: tuple[Path, Path]) -> None:
    assert store_path() == user_dirs[1] / "searches.sqlite3"


def test_reading_before_anything_is_saved_creates_no_file(store: SavedSearches) -> None:
    assert store.all() == []
    assert store.last_look("x", A) is None
    assert not store.path.exists()


def test_saved_searches_come_back_by_name_in_any_case(store: SavedSearches) -> None:
    store.add("Tariffs", "tariff* NOT steel")
    store.add("budget", '"budget deficit" from:2017')
    assert [(s.name, s.query) for s in store.all()] == [
        ("budget", '"budget deficit" from:2017'),
        ("Tariffs", "tariff* NOT steel"),
    ]
    assert store.get("tariffs").name == "Tariffs"
    assert store.get(" TARIFFS ").query == "tariff* NOT steel"


def test_the_file_is_in_wal_mode(store: SavedSearches) -> None:
    store.add("x", "budget")
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_a_taken_name_is_refused_unless_replaced(store: SavedSearches) -> None:
    store.add("tariffs", "tariff*")
    store.mark_seen("tariffs", A, KEYS)
    with pytest.raises(SavedSearchError, match="'tariffs' exists; give --replace"):
        store.add("TARIFFS", "duty")
    assert store.get("tariffs").query == "tariff*"
    store.add("Tariffs", "duty OR duties", replace=True)
    assert [(s.name, s.query) for s in store.all()] == [("Tariffs", "duty OR duties")]
    assert store.last_look("tariffs", A) is None  # a new query starts afresh


def test_a_malformed_query_is_refused_with_the_parsers_message(store: SavedSearches) -> None:
    with pytest.raises(QueryError, match="column 1: this quote is never closed"):
        store.add("x", '"belt and road')
    with pytest.raises(QueryError, match="too short a prefix"):
        store.add("x", "fi*")
    with pytest.raises(SavedSearchError, match="give a query"):
        store.add("x", "   ")
    assert store.all() == []


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "give the saved search a name"),
        ("  ", "give the saved search a name"),
        ("a" * 61, "at most 60 characters"),
        ("line\nbreak", "control characters"),
        ("bell\x07", "control characters"),
        ("some/where", "cannot hold /"),
        ("-x", "start with -"),
        ("add", "is a word of briefing watch"),
        ("List", "is a word of briefing watch"),
    ],
)
def test_bad_names_are_refused(store: SavedSearches, name: str, why: str) -> None:
    with pytest.raises(SavedSearchError, match=why):
        store.add(name, "budget")


def test_an_unknown_name_lists_the_known_ones(store: SavedSearches) -> None:
    with pytest.raises(UnknownSearch, match="none yet"):
        store.get("nope")
    store.add("budget", "budget")
    store.add("trade", "trade")
    with pytest.raises(UnknownSearch) as caught:
        store.remove("nope")
    assert caught.value.known == ["budget", "trade"]
    assert "saved searches: budget, trade" in str(caught.value)


def test_what_was_seen_is_kept_per_archive(store: SavedSearches) -> None:
    store.add("budget", "budget")
    when = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    store.mark_seen("budget", A, KEYS, when)
    store.mark_seen("budget", B, frozenset({b"12345678"}))
    look = store.last_look("BUDGET", A)
    assert look is not None and look.looked_at == when and look.seen == KEYS
    other = store.last_look("budget", B)
    assert other is not None and other.seen == {b"12345678"}
    store.mark_seen("budget", A, frozenset())
    again = store.last_look("budget", A)
    assert again is not None and again.seen == frozenset() and again.looked_at > when


def test_removing_forgets_the_search_and_what_was_seen(store: SavedSearches) -> None:
    store.add("budget", "budget")
    store.mark_seen("budget", A, KEYS)
    assert store.remove("Budget").query == "budget"
    assert store.all() == []
    store.mark_seen("budget", A, KEYS)  # a look finishing after the removal
    assert store.last_look("budget", A) is None
    store.add("budget", "budget")
    assert store.last_look("budget", A) is None


def test_keys_pack_into_one_blob_and_back() -> None:
    blob = pack(KEYS)
    assert len(blob) == 24
    assert unpack(blob) == KEYS
    assert unpack(b"") == frozenset()


def _damaged(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = b"this is not a database, it was saved by something else\n" * 100
    path.write_bytes(data)
    return data


def test_a_damaged_file_is_reported_and_left_untouched(store: SavedSearches) -> None:
    data = _damaged(store.path)
    for attempt in (store.all, lambda: store.add("x", "budget"), lambda: store.get("x")):
        with pytest.raises(StoreProblem) as caught:
            attempt()
        message = str(caught.value)
        assert message.startswith(f"{store.path}: damaged (")
        assert "left as it is" in message and "\n" not in message
    assert store.path.read_bytes() == data


def test_a_file_of_another_version_is_refused_and_kept(store: SavedSearches) -> None:
    store.add("budget", "budget")
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreProblem, match=r"another version of briefing.*left as it is"):
        store.add("trade", "trade")
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT name, query FROM searches").fetchall() == [("budget", "budget")]
    finally:
        conn.close()


def test_another_database_is_not_taken_over(store: SavedSearches) -> None:
    store.path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store.path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreProblem, match="not a file of saved searches"):
        store.add("x", "budget")


def test_a_locked_file_says_so_and_keeps_every_search(store: SavedSearches) -> None:
    store.add("budget", "budget")
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        quick = SavedSearches(busy_timeout=0.1)
        with pytest.raises(StoreProblem, match=r"locked by another program .* try again"):
            quick.add("trade", "trade")
        with pytest.raises(StoreProblem, match="locked"):
            quick.mark_seen("budget", A, KEYS)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert [s.name for s in store.all()] == ["budget"]
    store.add("trade", "trade")
    assert [s.name for s in store.all()] == ["budget", "trade"]
