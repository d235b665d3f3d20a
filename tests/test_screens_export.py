"""The export dialog and the copy command, driven with Pilot."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from quoting_samples import A1, BRIEFING_ID, Q2_A1, REMARK_OPENING, sample_briefing
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, RadioSet, Static

from tui.export import render
from tui.screens.export import PREVIEW_LINES, ExportScreen, copy_quote

if TYPE_CHECKING:
    from conftest import ScreenApp, ScreenAppFactory


DEFAULT_MD = Path("exports") / f"{BRIEFING_ID}-q1-a1-gao-feng.md"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def no_clipboard_command(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A console session (no display) with no clipboard command on the PATH."""
    monkeypatch.setenv("PATH", str(in_tmp))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


@pytest.fixture
def xsel(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An X11 session whose only clipboard command is an ``xsel`` that saves what it is
    given; returns the file it saves to."""
    bin_dir = in_tmp / "bin"
    bin_dir.mkdir()
    received = in_tmp / "xsel.received"
    stub = bin_dir / "xsel"
    stub.write_text(f'#!/bin/sh\nexec /bin/cat > "{received}"\n', encoding="utf-8")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("WSL_DISTRO_NAME", raising=False)
    return received


@pytest.fixture
def app(screen_app: ScreenAppFactory) -> ScreenApp:
    """The export dialog on the first answer of the sample briefing."""
    return screen_app(ExportScreen(sample_briefing(), A1))


async def _settle(app: ScreenApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def _message(app: ScreenApp) -> str:
    return str(app.dialog.query_one("#message", Static).content)


async def test_defaults_and_preview(app: ScreenApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.dialog
        assert isinstance(screen, ExportScreen)
        assert screen.query_one("#format", RadioSet).pressed_button.id == "md"  # type: ignore[union-attr]
        assert screen.query_one("#destination", Input).value == str(DEFAULT_MD)
        preview = str(screen.query_one("#preview", Static).content)
        expected = render(sample_briefing(), A1, "md").splitlines()
        assert preview.splitlines()[:PREVIEW_LINES] == expected[:PREVIEW_LINES]
        assert app.focused is screen.query_one("#destination", Input)


async def test_enter_writes_the_markdown_and_notifies(app: ScreenApp, in_tmp: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.results == [DEFAULT_MD]
        assert (in_tmp / DEFAULT_MD).read_text(encoding="utf-8") == render(
            sample_briefing(), A1, "md"
        )
        # the full path: the user must be able to find the file whatever folder they are in
        assert app.notes == [f"Exported {BRIEFING_ID}#q1.a1 to {(in_tmp / DEFAULT_MD).resolve()}"]


async def test_format_switch_changes_the_extension_and_preview(
    app: ScreenApp, in_tmp: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#json")
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input)
        assert destination.value == str(DEFAULT_MD.with_suffix(".json"))
        assert str(app.dialog.query_one("#preview", Static).content).startswith(
            '{\n  "kind": "answer",'
        )
        await pilot.click("#txt")
        await pilot.pause()
        assert destination.value == str(DEFAULT_MD.with_suffix(".txt"))
        await pilot.click("#export")
        await _settle(app, pilot)
        written = in_tmp / DEFAULT_MD.with_suffix(".txt")
        assert written.read_text(encoding="utf-8") == render(sample_briefing(), A1, "txt")


async def test_an_edited_path_is_kept_across_format_changes(app: ScreenApp, in_tmp: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input)
        destination.value = ""
        await pilot.press(*"mine/quote.md")
        await pilot.click("#json")
        await pilot.pause()
        assert destination.value == "mine/quote.md"
        destination.focus()
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.results == [Path("mine/quote.md")]
        # the format chosen is what is written, whatever the name says
        assert (in_tmp / "mine" / "quote.md").read_text(encoding="utf-8") == render(
            sample_briefing(), A1, "json"
        )


async def test_existing_file_asks_before_overwriting(app: ScreenApp, in_tmp: Path) -> None:
    target = in_tmp / DEFAULT_MD
    target.parent.mkdir()
    target.write_text("my notes\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.results == []
        assert app.dialog.has_class("-confirming")
        assert _message(app) == f"{DEFAULT_MD} already exists. Overwrite it?"
        assert target.read_text(encoding="utf-8") == "my notes\n"
        # escape keeps the file and returns to the dialog
        await pilot.press("escape")
        await pilot.pause()
        assert not app.dialog.has_class("-confirming")
        assert app.results == []
        assert target.read_text(encoding="utf-8") == "my notes\n"
        # asking again and confirming overwrites
        await pilot.press("enter")
        await _settle(app, pilot)
        await pilot.click("#overwrite")
        await _settle(app, pilot)
        assert app.results == [DEFAULT_MD]
        assert target.read_text(encoding="utf-8") == render(sample_briefing(), A1, "md")


async def test_enter_at_the_overwrite_question_keeps_the_file(app: ScreenApp, in_tmp: Path) -> None:
    """``e``, Enter, Enter must not replace an earlier export: the safe choice is the default."""
    target = in_tmp / DEFAULT_MD
    target.parent.mkdir()
    target.write_text("my notes\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.dialog.has_class("-confirming")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert target.read_text(encoding="utf-8") == "my notes\n"
        assert app.results == []
        assert not app.dialog.has_class("-confirming")
        assert _message(app) == "Kept the existing file: choose another name."


async def test_unwritable_destination_is_reported_in_the_dialog(
    app: ScreenApp, in_tmp: Path
) -> None:
    (in_tmp / "report.txt").write_text("x", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input)
        destination.value = "report.txt/quote.md"
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.results == []
        assert app.screen is app.dialog
        message = _message(app)
        assert message.startswith("Not exported: cannot create folder report.txt")
        assert message.endswith("report.txt is a file, not a folder")
        assert sorted(p.name for p in in_tmp.iterdir()) == ["report.txt"]


async def test_empty_destination_is_asked_for(app: ScreenApp, in_tmp: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.dialog.query_one("#destination", Input).value = "  "
        await pilot.press("enter")
        await pilot.pause()
        assert _message(app) == "Type the file to write the quote to."
        assert list(in_tmp.iterdir()) == []


@pytest.mark.parametrize("how", ["escape", "button"])
async def test_cancelling_writes_nothing(app: ScreenApp, in_tmp: Path, how: str) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if how == "escape":
            await pilot.press("escape")
        else:
            await pilot.click("#cancel")
        await pilot.pause()
        assert app.results == [None]
        assert list(in_tmp.iterdir()) == []


async def test_copy_sends_osc52_and_the_platform_command(
    screen_app: ScreenAppFactory, xsel: Path
) -> None:
    received = xsel
    app = screen_app(ExportScreen(sample_briefing(), Q2_A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        copy_quote(app, sample_briefing(), Q2_A1)
        await _settle(app, pilot)
        expected = render(sample_briefing(), Q2_A1, "md")
        assert app.clipboard == expected
        assert received.read_text(encoding="utf-8") == expected
        assert app.notes == [
            f"Copied {BRIEFING_ID}#q2.a1 with its citation via xsel and the terminal (OSC 52)"
        ]


async def test_copy_without_a_command_says_osc52_only(
    screen_app: ScreenAppFactory, no_clipboard_command: None
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        copy_quote(app, sample_briefing(), A1)
        await _settle(app, pilot)
        assert app.clipboard == render(sample_briefing(), A1, "md")
        assert app.notes == [
            f"Copied {BRIEFING_ID}#q1.a1 with its citation via the terminal (OSC 52)"
        ]


async def test_an_answer_too_large_for_osc52_is_not_sent_there_and_the_user_is_told(
    screen_app: ScreenAppFactory, no_clipboard_command: None
) -> None:
    """A 1 MB answer through OSC 52 is dropped by every terminal: never claim that copy."""
    huge = replace(A1, text="word " * 200_000)
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        copy_quote(app, sample_briefing(), huge)
        await _settle(app, pilot)
        assert app.clipboard == ""
        assert len(app.notes) == 1
        note = app.notes[0]
        assert note.startswith(f"Not copied: {BRIEFING_ID}#q1.a1 is 1.0 MB")
        assert "too large for the terminal" in note
        assert "Export it with e" in note


async def test_a_large_answer_goes_by_the_platform_command_alone(
    screen_app: ScreenAppFactory, xsel: Path
) -> None:
    received = xsel
    huge = replace(A1, text="word " * 200_000)
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        copy_quote(app, sample_briefing(), huge)
        await _settle(app, pilot)
        assert app.clipboard == ""
        assert received.read_text(encoding="utf-8") == render(sample_briefing(), huge, "md")
        assert app.notes == [
            f"Copied {BRIEFING_ID}#q1.a1 with its citation via xsel "
            "(1.0 MB: too large for the terminal's clipboard)"
        ]


async def test_a_remark_can_be_exported_from_the_dialog(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), REMARK_OPENING))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        expected = Path("exports") / f"{BRIEFING_ID}-r1-gao-feng.md"
        assert app.dialog.query_one("#destination", Input).value == str(expected)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.results == [expected]
        text = (in_tmp / expected).read_text(encoding="utf-8")
        assert text == render(sample_briefing(), REMARK_OPENING, "md")


async def test_the_chosen_format_is_marked_without_colour(app: ScreenApp) -> None:
    """Only the chosen format's button has the dot, so NO_COLOR still tells them apart."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def marked() -> list[str]:
            buttons = app.dialog.query_one("#format", RadioSet).query(RadioButton)
            return [b.id or "" for b in buttons if "●" in b.render_line(0).text]

        assert marked() == ["md"]
        await pilot.click("#json")
        await pilot.pause()
        assert marked() == ["json"]
