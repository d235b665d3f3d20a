"""Clipping in the reader (Pilot): ``c`` with a note, notes in the view, the ``C`` screen."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import DataTable, Input

from tui.clips.opening import open_clips
from tui.quote import quote_of
from tui.screens.clip_dialog import ClipDialog
from tui.screens.clippings import ClippingsScreen
from tui.screens.clips_export import CollectionExportDialog
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from conftest import Reader, Settle, ViewText

SHANGHAI = "2017-10-11-shanghai"
FINANCE = "2018-01-05-finance"


def stored(collection: str) -> list[tuple[str, str]]:
    store = open_clips()
    try:
        return [(clip.ref, clip.note) for clip in store.clippings(collection)]
    finally:
        store.close()


async def test_c_clips_the_selected_answer_with_a_note(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader() as (app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        await pilot.press("n", "n")
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ClipDialog)
        assert app.screen.query_one("#collection", Input).value == "Clippings"
        await pilot.press(*"three [bold]measures")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert stored("Clippings") == [(f"{SHANGHAI}#q2.a2", "three [bold]measures")]
        assert any("Clipped 2017-10-11-shanghai#q2.a2" in note for note in app.notes)
        # the note shows under its answer, as text (the brackets stay characters)
        text = view_text(screen.qa)
        assert "Note (Clippings): three [bold]measures" in text
        assert text.index("2. loans;") < text.index("Note (Clippings)")


async def test_c_into_another_collection_and_escape_cancels(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert open_clips().collections() == []
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#collection", Input).value = "Banks story"
        await pilot.press(*"lead", "enter")
        await settle(pilot)
        assert stored("Banks story") == [(f"{FINANCE}#q1.a1", "lead")]
        # the collection is remembered for the next clipping
        await pilot.press("n", "c")
        await settle(pilot)
        assert app.screen.query_one("#collection", Input).value == "Banks story"


async def test_c_on_a_clipped_answer_edits_its_note(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"first", "enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        box = app.screen.query_one("#note", Input)
        assert box.value == "first"
        box.value = "second"
        await pilot.press("enter")
        await settle(pilot)
        assert stored("Clippings") == [(f"{FINANCE}#q1.a1", "second")]


def _clip_three(library: object) -> list[str]:
    store = open_clips()
    refs = [f"{SHANGHAI}#q1.a1", f"{SHANGHAI}#q2.a1", f"{FINANCE}#q2.a1"]
    for number, ref in enumerate(refs, 1):
        briefing = library.load(ref.partition("#")[0])  # type: ignore[attr-defined]
        element = briefing.find(ref)
        store.add("Story", quote_of(briefing, element), f"note {number}", create=True)
    store.close()
    return refs


def _cells(screen: ClippingsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_the_clippings_screen_lists_reorders_edits_and_removes(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        first, second, third = _clip_three(screen.library)
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, ClippingsScreen)
        rows = _cells(app.screen)
        assert [row[1] for row in rows] == [first, second, third]
        assert rows[0][2:4] == ["Tang Zhiping", "2017-10-11"]
        assert rows[0][4].startswith("Ports will be")  # the first words, cut to fit
        assert "Ports will be opened further." in str(app.screen.query_one("#detail").render())
        assert rows[0][5] == "note 1"
        await pilot.press("J")  # the first moves down
        assert stored("Story")[:2] == [(second, "note 2"), (first, "note 1")]
        assert app.screen.selected is not None and app.screen.selected.ref == first
        await pilot.press("K", "K")  # back up, then nothing above the top
        assert [ref for ref, _ in stored("Story")] == [first, second, third]
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ClipDialog)
        app.screen.query_one("#note", Input).value = "edited"
        await pilot.press("enter")
        await settle(pilot)
        assert stored("Story")[0] == (first, "edited")
        assert _cells(app.screen)[0][5] == "edited"
        await pilot.press("d")
        await settle(pilot)
        assert [ref for ref, _ in stored("Story")] == [second, third]
        assert [row[1] for row in _cells(app.screen)] == [second, third]


async def test_enter_in_the_clippings_screen_opens_the_answer(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        refs = _clip_three(screen.library)
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert screen.briefing_id == SHANGHAI
        assert screen.qa.cursor_ref == refs[1]


async def test_a_changed_transcript_is_said_in_the_screen(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, screen):
        refs = _clip_three(screen.library)
        path = Path(screen.library.root) / f"{FINANCE}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("in the spring", "in the autumn"),
            encoding="utf-8",
        )
        screen.library.refresh()
        await pilot.press("C")
        await settle(pilot)
        rows = _cells(app.screen)
        assert [row[6] for row in rows] == ["", "", "changed"]
        assert rows[2][0] == "3!"
        assert rows[2][1] == refs[2]
        message = str(app.screen.query_one("#message").render())
        assert message.startswith("1 changed since clipped (marked !)")
        app.screen.query_one(DataTable).move_cursor(row=2)
        await pilot.pause()
        detail = str(app.screen.query_one("#detail").render())
        assert f"{refs[2]} · Li Jun, 2018-01-05 · CHANGED SINCE CLIPPED" in detail
        assert "Note: note 3" in detail


async def test_export_from_the_screen_asks_before_overwriting(
    reader: Reader, settle: Settle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with reader() as (app, pilot, screen):
        _clip_three(screen.library)
        target = tmp_path / "exports" / "story.md"
        target.parent.mkdir()
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, CollectionExportDialog)
        assert app.screen.query_one("#destination", Input).value == str(Path("exports/story.md"))
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        assert "already exists" in str(app.screen.query_one("#message").render())
        await pilot.press("enter")  # Enter pressed once too often keeps the file
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.has_class("-confirming")
        await pilot.click("#overwrite")
        await settle(pilot)
        assert isinstance(app.screen, ClippingsScreen)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Story")
    assert "**Note:** note 1" in text


async def test_a_damaged_database_is_kept_aside_and_said(
    reader: Reader, settle: Settle, user_dirs: tuple[Path, Path]
) -> None:
    data = user_dirs[1]
    data.mkdir(parents=True, exist_ok=True)
    (data / "clippings.sqlite3").write_bytes(b"not a database " * 300)
    async with reader() as (app, pilot, _screen):
        await pilot.press("c")
        await settle(pilot)
        [aside] = data.glob("clippings.sqlite3.damaged-*")
        assert any(str(aside) in note for note in app.notes)
        await pilot.press(*"still works", "enter")
        await settle(pilot)
    assert stored("Clippings") == [(f"{FINANCE}#q1.a1", "still works")]


async def test_a_read_only_database_refuses_to_clip_and_says_so(
    reader: Reader, settle: Settle
) -> None:
    open_clips().create("Story")
    real = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return False if mode & os.W_OK else real(path, mode)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "access", access)
        async with reader() as (app, pilot, _screen):
            await pilot.press("c")
            await settle(pilot)
            assert any("read-only" in note for note in app.notes)
            await pilot.press(*"x", "enter")
            await settle(pilot)
            assert any(note.startswith("Not clipped:") for note in app.notes)
            assert isinstance(app.screen, MainScreen)
    assert stored("Story") == []
    assert [c.name for c in open_clips().collections()] == ["Story"]
