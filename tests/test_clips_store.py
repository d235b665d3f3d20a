"""The clippings database: collections, order, notes, and what it does when things go wrong."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from quoting_samples import A1, A2, BRIEFING_ID, Q1, REMARK_OPENING, sample_briefing

from tui.clips.opening import open_clips
from tui.clips.store import (
    AlreadyClipped,
    ClipsBusy,
    ClipsError,
    ClipsReadOnly,
    CollectionExists,
    NoSuchCollection,
    check_name,
    clips_path,
)
from tui.model import Answer, Question, Remark
from tui.quote import Quote, quote_of


def _quote(element: Answer | Question | Remark = A1) -> Quote:
    return quote_of(sample_briefing(), element)


def test_the_database_lives_in_the_users_data_folder(user_dirs: tuple[Path, Path]) -> None:
    store = open_clips()
    store.create("Tariffs")
    store.close()
    assert clips_path() == user_dirs[1] / "clippings.sqlite3"
    assert clips_path().exists()


def test_a_clipping_keeps_the_words_the_speaker_and_the_briefing() -> None:
    store = open_clips()
    store.create("Tariffs")
    store.add("Tariffs", _quote(A1), note="  lead quote  ")
    [clip] = store.clippings("Tariffs")
    assert (clip.ref, clip.kind, clip.by) == (A1.ref, "answer", "Gao Feng")
    assert clip.text == A1.text
    assert clip.note == "lead quote"
    assert clip.briefing_id == BRIEFING_ID
    assert clip.held == "2019-03-05"
    assert clip.citation["question"]["reference"] == Q1.ref
    assert store.collections()[0].size == 1


def test_questions_and_remarks_can_be_clipped_too() -> None:
    store = open_clips()
    store.add("Story", _quote(Q1), create=True)
    store.add("Story", _quote(REMARK_OPENING))
    assert [c.kind for c in store.clippings("Story")] == ["question", "remark"]


def test_collections_are_named_and_a_taken_name_is_refused() -> None:
    store = open_clips()
    store.create("Budget")
    with pytest.raises(CollectionExists, match="'Budget' already exists"):
        store.create("budget")  # names are compared without case
    with pytest.raises(NoSuchCollection, match="clips new"):
        store.add("Nowhere", _quote())


@pytest.mark.parametrize(
    ("name", "why"),
    [("   ", "needs a name"), ("x" * 61, "at most 60"), ("a\nb", "control"), ("Yes", "any one")],
)
def test_bad_collection_names_are_refused_with_the_reason(name: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        check_name(name)


def test_the_same_reference_twice_in_one_collection_is_refused() -> None:
    store = open_clips()
    store.add("One", _quote(), create=True)
    store.add("Two", _quote(), create=True)  # another collection is fine
    with pytest.raises(AlreadyClipped, match="already in 'One'"):
        store.add("One", _quote())


def test_reorder_edit_the_note_and_remove() -> None:
    store = open_clips()
    for element in (A1, A2, Q1):
        store.add("Story", _quote(element), create=True)
    first, second, third = store.clippings("Story")
    assert store.move(third.id, -1)
    assert [c.ref for c in store.clippings("Story")] == [A1.ref, Q1.ref, A2.ref]
    assert not store.move(first.id, -1)  # already at the top
    store.set_note(second.id, "check the figure")
    assert {c.ref: c.note for c in store.clippings("Story")}[A2.ref] == "check the figure"
    assert store.remove("Story", A1.ref)
    assert not store.remove("Story", A1.ref)
    assert [c.ref for c in store.clippings("Story")] == [Q1.ref, A2.ref]


def test_clippings_of_a_briefing_span_collections() -> None:
    store = open_clips()
    store.add("One", _quote(A1), note="first", create=True)
    store.add("Two", _quote(A1), note="second", create=True)
    assert sorted(c.note for c in store.of_briefing(BRIEFING_ID)) == ["first", "second"]
    assert store.of_briefing("another-briefing") == []


def test_durability_pragmas(tmp_path: Path) -> None:
    store = open_clips(tmp_path / "c.sqlite3")
    store.create("x")
    store.close()
    conn = sqlite3.connect(tmp_path / "c.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


KILLED = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from quoting_samples import A1, sample_briefing
    from tui.clips.opening import open_clips
    from tui.quote import quote_of
    store = open_clips()
    store.add("Survivors", quote_of(sample_briefing(), A1), note="kept", create=True)
    print("added", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_clipping_survives_a_killed_process(tmp_path: Path) -> None:
    """The process is killed straight after adding, with the store still open and its
    WAL never checkpointed: the clipping must be there when the database is reopened."""
    script = KILLED.format(tests=str(Path(__file__).parent))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=os.environ
    )
    assert done.stdout.strip() == "added", done.stderr
    assert done.returncode == -signal.SIGKILL
    store = open_clips()
    [clip] = store.clippings("Survivors")
    assert (clip.ref, clip.note) == (A1.ref, "kept")


def test_a_locked_database_waits_then_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    open_clips(path).create("Story")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store = open_clips(path, busy_timeout=0.2)
    try:
        with pytest.raises(ClipsBusy, match="locked by another program"):
            store.add("Story", _quote())
        assert [c.name for c in store.collections()] == ["Story"]  # reading still works
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.add("Story", _quote())
    assert len(store.clippings("Story")) == 1


def test_a_read_only_database_is_read_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.sqlite3"
    store = open_clips(path)
    store.add("Story", _quote(), note="n", create=True)
    store.close()
    real = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        return False if mode & os.W_OK else real(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    store = open_clips(path)
    assert store.read_only
    assert store.notice is not None and "read-only" in store.notice
    assert [c.note for c in store.clippings("Story")] == ["n"]
    with pytest.raises(ClipsReadOnly, match="read-only"):
        store.add("Story", _quote(A2))
    with pytest.raises(ClipsReadOnly):
        store.create("Other")
    store.close()
    assert len(open_clips(path).clippings("Story")) == 1  # nothing was lost or changed


def test_a_damaged_database_is_moved_aside_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    garbage = b"these bytes are not a database" * 200
    path.write_bytes(garbage)
    store = open_clips(path)
    assert store.notice is not None
    [aside] = tmp_path.glob("c.sqlite3.damaged-*")
    assert str(aside) in store.notice
    assert aside.read_bytes() == garbage  # kept, byte for byte
    store.add("Fresh", _quote(), create=True)
    assert len(store.clippings("Fresh")) == 1


def test_a_damaged_database_that_cannot_be_moved_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"not a database at all" * 100)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(ClipsError, match="could not be moved aside"):
        open_clips(path)
    assert path.read_bytes() == b"not a database at all" * 100
