"""The export dialog's "this briefing": the whole briefing, in the whole-briefing formats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from quoting_samples import A1, BRIEFING_ID, Q2, sample_briefing
from textual.pilot import Pilot
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from tui.document_json import briefing_from_json

if TYPE_CHECKING:
    from conftest import ScreenApp, ScreenAppFactory

from tui.screens.export import ExportScreen


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _offered(app: ScreenApp) -> list[str]:
    """The ids of the format buttons the user can see and choose."""
    buttons = app.dialog.query_one("#format", RadioSet).query(RadioButton)
    return [str(b.id) for b in buttons if b.display and not b.disabled]


def _pressed(app: ScreenApp, radio_set: str) -> str | None:
    button = app.dialog.query_one(radio_set, RadioSet).pressed_button
    return None if button is None else button.id


async def _settle(app: ScreenApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_this_briefing_offers_the_briefing_formats_and_writes_the_whole_briefing(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _pressed(app, "#scope") == "scope-answer"
        assert _offered(app) == ["md", "txt", "json"]

        await pilot.click("#scope-briefing")
        await _settle(app, pilot)  # a whole briefing's preview is rendered in a worker
        assert _offered(app) == ["md", "txt", "json", "akn"]
        assert _pressed(app, "#format") == "md"  # Markdown is written by both: kept
        destination = app.dialog.query_one("#destination", Input)
        assert destination.value == str(Path("exports") / f"{BRIEFING_ID}.md")
        heading = str(app.dialog.query_one("#heading", Label).content)
        assert BRIEFING_ID in heading and "whole briefing" in heading
        preview = str(app.dialog.query_one("#preview", Static).content)
        assert preview.startswith("# Trade & tariffs: the \\*new\\* rules\n")

        await pilot.click("#txt")
        await pilot.click("#akn")  # before the plain-text preview is shown: it is dropped
        await _settle(app, pilot)
        assert destination.value == str(Path("exports") / f"{BRIEFING_ID}.xml")
        assert "<akomaNtoso" in str(app.dialog.query_one("#preview", Static).content)

        await pilot.click("#json")
        await pilot.pause()
        await pilot.click("#export")
        await _settle(app, pilot)
        written = in_tmp / "exports" / f"{BRIEFING_ID}.json"
        assert app.results == [Path("exports") / f"{BRIEFING_ID}.json"]
        assert briefing_from_json(written.read_text(encoding="utf-8")) == sample_briefing()
        assert app.notes == [f"Exported {BRIEFING_ID} to {written.resolve()}"]


async def test_back_to_this_answer_leaves_a_format_only_briefings_have(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), Q2))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        scope_labels = [str(b.label) for b in app.dialog.query_one("#scope").query(RadioButton)]
        assert scope_labels == ["This question", "This briefing"]
        await pilot.click("#scope-briefing")
        await pilot.pause()
        await pilot.click("#akn")
        await pilot.pause()
        await pilot.click("#scope-answer")
        await pilot.pause()
        assert _offered(app) == ["md", "txt", "json"]
        assert _pressed(app, "#format") == "md"
        destination = app.dialog.query_one("#destination", Input).value
        assert destination == str(Path("exports") / f"{BRIEFING_ID}-q2-unnamed-journalist.md")
        await pilot.click("#export")
        await _settle(app, pilot)
        assert (
            (in_tmp / destination)
            .read_text(encoding="utf-8")
            .startswith("> A question whose asker the record does not name.\n")
        )


async def test_a_typed_path_is_kept_when_the_scope_changes(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input)
        destination.value = "mine/whole.md"
        await pilot.click("#scope-briefing")
        await pilot.pause()
        assert destination.value == "mine/whole.md"
        await pilot.click("#export")
        await _settle(app, pilot)
        text = (in_tmp / "mine" / "whole.md").read_text(encoding="utf-8")
        assert text.startswith("# Trade & tariffs")
        assert "## Questions and answers" in text


async def test_an_existing_whole_briefing_file_asks_before_overwriting(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    target = in_tmp / "exports" / f"{BRIEFING_ID}.md"
    target.parent.mkdir()
    target.write_text("already here\n", encoding="utf-8")
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#scope-briefing")
        await pilot.pause()
        await pilot.click("#export")
        await _settle(app, pilot)
        assert app.dialog.has_class("-confirming")
        assert target.read_text(encoding="utf-8") == "already here\n"
        await pilot.click("#overwrite")
        await _settle(app, pilot)
        assert target.read_text(encoding="utf-8").startswith("# Trade & tariffs")


async def test_the_scope_is_chosen_from_the_keyboard(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab")  # from the destination back to the citation styles
        await pilot.press("shift+tab")  # the format buttons
        await pilot.press("shift+tab")  # and the scope
        assert app.focused is app.dialog.query_one("#scope", RadioSet)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert app.dialog.scope == "briefing"
        assert _offered(app) == ["md", "txt", "json", "akn"]
        # a whole briefing carries its own header: no citation style to choose
        assert not app.dialog.query_one("#style-row").display
        await pilot.press("left", "enter")
        await pilot.pause()
        assert app.dialog.scope == "answer"
        assert app.dialog.query_one("#style-row").display
