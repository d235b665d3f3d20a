"""An unusable index file is rebuilt or replaced in memory: never a crash, never a wrong answer.

The tests run as whatever user CI uses, often root, for whom permission bits do not stop a
write; an unwritable cache location is therefore made by putting it under a regular file,
which no user can create folders in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import SAMPLE, briefing

from tui.index import Index
from tui.index.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from conftest import Archive


EXPECTED_IDS = ["2021-06-15-trade", "2019-03-05-mfa", "2017-10-11-shanghai"]


def assert_correct(index: Index) -> None:
    """The answers the sample archive must give, whatever happened to the file."""
    assert [s.id for s in index.summaries()] == EXPECTED_IDS
    assert [h.ref for h in index.search("tariffs")] == [
        "2019-03-05-mfa#q1",
        "2019-03-05-mfa#q1.a1",
    ]
    assert [c.briefing.id for c in index.exchanges_of("li jun", "speaker")] == EXPECTED_IDS[1::-1]


@pytest.fixture
def root(archive: Archive) -> Path:
    return archive(SAMPLE)


@pytest.fixture
def built(root: Path, tmp_path: Path) -> Iterator[Path]:
    """The path of a complete, closed index of the sample archive."""
    path = tmp_path / "cache" / "index.sqlite3"
    index = Index(root, path)
    index.refresh()
    index.close()
    yield path


def test_a_fresh_index_has_no_notice(root: Path, tmp_path: Path) -> None:
    index = Index(root, tmp_path / "new" / "index.sqlite3")
    index.refresh()
    assert index.notice is None and not index.in_memory
    assert_correct(index)


def test_a_file_that_is_not_a_database_is_rebuilt(root: Path, built: Path) -> None:
    built.write_bytes(b"this is not an SQLite database, just text " * 100)
    index = Index(root, built)
    assert index.notice is not None and "damaged and has been rebuilt" in index.notice
    assert not index.in_memory
    index.refresh()
    assert_correct(index)
    assert Index(root, built).notice is None  # the rebuilt file is healthy


def _damage(path: Path) -> None:
    """Overwrite every page after the first two (header and schema stay readable)."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):
        data[start : start + page] = b"\xff" * page
    path.write_bytes(bytes(data))


def test_damaged_pages_found_at_opening_are_rebuilt(root: Path, built: Path) -> None:
    _damage(built)
    index = Index(root, built)
    assert index.notice is not None and "rebuilt" in index.notice
    index.refresh()
    assert_correct(index)


def test_damage_found_by_a_query_is_rebuilt_before_answering(root: Path, built: Path) -> None:
    index = Index(root, built)
    assert index.notice is None
    _damage(built)
    assert_correct(index)
    assert index.notice is not None and "rebuilt" in index.notice


def test_an_index_of_another_schema_version_is_rebuilt(root: Path, built: Path) -> None:
    conn = sqlite3.connect(built)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION + 1,))
    conn.execute("DELETE FROM briefings")  # what the old version would answer is wrong now
    conn.commit()
    conn.close()
    index = Index(root, built)
    assert index.notice is not None and "another version" in index.notice
    stats = index.refresh()
    assert stats.indexed == 3
    assert_correct(index)


def test_a_database_of_something_else_is_rebuilt(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    index = Index(root, path)
    assert index.notice is not None and "another version" in index.notice
    index.refresh()
    assert_correct(index)


def test_an_unwritable_cache_location_falls_back_to_memory(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    index = Index(root)
    assert index.in_memory
    assert index.notice is not None
    assert "Cannot create" in index.notice and "in-memory index" in index.notice
    index.refresh()
    assert_correct(index)


def test_an_index_path_that_is_a_folder_falls_back_to_memory(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "index-is-a-folder"
    folder.mkdir()
    index = Index(root, folder)
    assert index.in_memory and index.notice is not None
    assert "cannot be opened" in index.notice
    index.refresh()
    assert_correct(index)


def test_a_database_locked_by_another_program_falls_back_to_memory(root: Path, built: Path) -> None:
    other = sqlite3.connect(built, isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")  # so that the lock keeps readers out too
    other.execute("BEGIN EXCLUSIVE")
    try:
        index = Index(root, built, busy_timeout=0.05)
        assert index.in_memory
        assert index.notice is not None and "locked by another program" in index.notice
        index.refresh()
        assert_correct(index)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_lock_taken_during_a_refresh_moves_the_index_to_memory(
    archive: Archive, root: Path, built: Path
) -> None:
    index = Index(root, built, busy_timeout=0.05)
    assert not index.in_memory
    archive.write(root, "2022-01-01-new.yaml", briefing("2022-01-01-new", "2022-01-01"))
    other = sqlite3.connect(built, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        stats = index.refresh()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert index.in_memory
    assert index.notice is not None and "locked" in index.notice
    assert stats.indexed == 4
    assert [s.id for s in index.summaries()] == ["2022-01-01-new", *EXPECTED_IDS]


def test_a_read_blocked_past_the_timeout_is_answered_from_memory(root: Path, built: Path) -> None:
    index = Index(root, built, busy_timeout=0.05)
    other = sqlite3.connect(built, isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")  # a rollback-journal lock blocks readers too
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert_correct(index)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert index.in_memory
    assert index.notice is not None and "locked by another program" in index.notice


def test_a_healthy_index_opens_and_reads_while_another_process_writes(
    root: Path, built: Path
) -> None:
    other = sqlite3.connect(built, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # what a `briefing index` run holds during a batch
    try:
        index = Index(root, built, busy_timeout=0.05)
        assert not index.in_memory and index.notice is None
        assert_correct(index)
    finally:
        other.execute("ROLLBACK")
        other.close()
