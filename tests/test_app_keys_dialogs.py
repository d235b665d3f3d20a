"""Keys that open dialogs or quote: e, y, !, ?, escape on a dialog, and the palette."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from reader_samples import CORPUS

from tui.index import Index
from tui.screens.errors import ErrorsScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from conftest import Archive, Reader, ReaderApp, Settle


SHANGHAI = "2017-10-11-shanghai"
FINANCE = "2018-01-05-finance"


async def test_e_exports_the_selected_answer(
    reader: Reader, settle: Settle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with reader() as (app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        await pilot.press("n", "n")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.answer.ref == f"{SHANGHAI}#q2.a2"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    written = list((tmp_path / "exports").iterdir())
    assert [path.name for path in written] == [f"{SHANGHAI}-q2-a2-li-jun.md"]
    text = written[0].read_text(encoding="utf-8")
    assert "> 1\\. bonds;" in text  # Markdown-escaped, word for word
    assert f"{SHANGHAI}#q2.a2" in text
    assert "China Business News" in text


async def test_e_in_all_briefings_scope_loads_the_answers_briefing(
    reader: Reader, settle: Settle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with reader() as (app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        screen.select_person("li jun", "speaker")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("n", "e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.briefing.id == FINANCE
        assert app.screen.answer.ref == f"{FINANCE}#q1.a1"
        assert app.screen.answer.role == "director, Financial Service Office"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_y_copies_the_quote(
    reader: Reader, settle: Settle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    async with reader() as (app, pilot, screen):
        assert screen.qa.cursor_ref == f"{FINANCE}#q1.a1"
        await pilot.press("y")
        await settle(pilot)
        assert "Foreign banks are welcome this year." in app.clipboard
        assert f"{FINANCE}#q1.a1" in app.clipboard
        messages = app.notes
        assert any(f"Copied {FINANCE}#q1.a1" in m for m in messages)


async def test_failed_files_are_announced_and_listed_with_bang(
    reader: Reader, settle: Settle
) -> None:
    bad = "title: Broken\ndate: 2019-13-45\nspeakers: []\nexchanges: []\n"
    async with reader(extra=[("broken.yaml", bad)]) as (app, pilot, screen):
        messages = app.notes
        assert "1 file failed to load — press ! to see them" in messages
        assert len(screen.briefing_list.rows) == 3  # the good files still load
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, ErrorsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_index_notice_is_shown(
    settle: Settle, archive: Archive, reader_app: ReaderApp, tmp_path: Path
) -> None:
    root = archive.corpus(CORPUS)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be", encoding="utf-8")
    index = Index(root, blocker / "index.sqlite")
    app = reader_app(index)
    async with app.run_test() as pilot:
        await settle(pilot)
        messages = app.notes
        assert any("in-memory index" in message for message in messages)
        assert len(app.main.briefing_list.rows) == 3  # and the reader works from memory
        assert not app.main.query_one("#progress").display
    index.close()


async def test_question_mark_opens_help_and_escape_closes_it(reader: Reader) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_palette_opens_a_briefing_and_a_speaker(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open briefing: 2017-10-11")
        await settle(pilot, 0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Speaker: Li Jun")
        await settle(pilot, 0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.person == ("li jun", "speaker")
