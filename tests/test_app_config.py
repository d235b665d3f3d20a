"""The reader applies the user's settings: keymap, theme, export defaults, and says what is
wrong with them as a notice rather than failing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.widgets import Input

from tui import quote
from tui.config import config_path
from tui.index import Index
from tui.remembered import recall
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from conftest import Archive, Reader, ReaderApp


@pytest.fixture
def settings(user_dirs: tuple[Path, Path]) -> Iterator[Path]:
    old = quote.use_wording(quote.Wording())
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    yield path
    quote.use_wording(old)


async def test_a_remapped_key_runs_its_action_and_the_old_key_does_not(
    settings: Path, reader: Reader
) -> None:
    settings.write_text('[keymap]\ntoggle_scope = "ctrl+t"\nfocus_filter = "ctrl+g"\n')
    async with reader() as (app, pilot, screen):
        assert screen.scope == "briefing"
        await pilot.press("a")
        assert screen.scope == "briefing"
        await pilot.press("ctrl+t")
        assert screen.scope == "all"
        await pilot.press("slash")
        assert not isinstance(screen.focused, Input)
        await pilot.press("ctrl+g")
        assert screen.focused is screen.filter_box
        await pilot.press("x", "/", "y")
        assert screen.filter_box.value == "x/y"  # `/` is a plain character now
        assert not [note for note in app.notes if "config.toml" in note]


async def test_the_help_shows_the_keys_the_keymap_gave(settings: Path, reader: Reader) -> None:
    settings.write_text('[keymap]\ntoggle_scope = "ctrl+t"\n')
    async with reader() as (app, pilot, _screen):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = [str(label.render()) for label in app.screen.query(".key")]
        assert "ctrl+t" in shown
        assert "a" not in shown
        assert "s" in shown  # the others keep theirs


async def test_a_remapped_priority_key_types_its_own_character_in_a_text_box(
    settings: Path, reader: Reader
) -> None:
    settings.write_text('[keymap]\nshow_help = "H"\n')
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", "a", "H", "?")
        assert screen.filter_box.value == "aH?"


async def test_a_bad_setting_is_a_notice_with_its_line_and_the_rest_applies(
    settings: Path, reader: Reader
) -> None:
    settings.write_text('theme = 4\n[keymap]\ntoggle_scope = "ctrl+t"\nexpot = "x"\n')
    async with reader() as (app, pilot, screen):
        notes = [note for note in app.notes if str(settings) in note]
        assert len(notes) == 2
        assert notes[0].startswith(f"{settings}:1:1: theme must be a one-line text")
        assert notes[1].startswith(f"{settings}:4:1: unknown action 'expot'")
        await pilot.press("ctrl+t")
        assert screen.scope == "all"


async def test_a_file_that_is_not_toml_is_one_notice_and_the_reader_runs(
    settings: Path, reader: Reader
) -> None:
    settings.write_text('theme = "nord"\n[keymap\n')
    async with reader() as (app, pilot, screen):
        (note,) = [note for note in app.notes if str(settings) in note]
        assert note.startswith(f"{settings}:2:")
        assert app.theme != "nord"
        await pilot.press("a")
        assert screen.scope == "all"


async def test_an_unknown_theme_is_a_notice_with_its_line(settings: Path, reader: Reader) -> None:
    settings.write_text('\ntheme = "no-such-theme"\n')
    async with reader() as (app, _pilot, _screen):
        (note,) = [note for note in app.notes if str(settings) in note]
        assert note.startswith(f"{settings}:2:1: unknown theme 'no-such-theme'")


async def run_once(app: Any) -> str:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        return str(app.theme)


async def test_a_theme_picked_is_restored_in_the_next_run(
    archive: Archive, reader_app: ReaderApp, tmp_path: Path, settings: Path
) -> None:
    index = Index(archive.corpus({}), tmp_path / "index.sqlite")
    try:
        first = reader_app(index)
        async with first.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert first.theme != "nord"
            first.theme = "nord"  # what choosing it in the palette does
            await pilot.pause()
        assert recall("theme", "") == "nord"
        assert await run_once(reader_app(index)) == "nord"
        # the settings file is the user's explicit choice: it wins at start
        settings.write_text('theme = "gruvbox"\n')
        second = reader_app(index)
        async with second.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert second.theme == "gruvbox"
            second.theme = "textual-light"
            await pilot.pause()
            assert any("which is used at the next start" in note for note in second.notes)
        assert recall("theme", "") == "textual-light"
        assert await run_once(reader_app(index)) == "gruvbox"
    finally:
        index.close()


async def test_the_export_dialog_starts_from_the_settings_format_and_folder(
    settings: Path, reader: Reader, tmp_path: Path
) -> None:
    settings.write_text(f'[export]\nformat = "txt"\nfolder = "{tmp_path / "quotes"}"\n')
    async with reader() as (app, pilot, _screen):
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.format == "txt"
        destination = dialog.query_one("#destination", Input).value
        assert destination.startswith(str(tmp_path / "quotes") + "/")
        assert destination.endswith(".txt")
