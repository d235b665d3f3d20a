"""Snapshots of the help screen and the export dialog, on the bundled Shanghai briefing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tui.cli import bundled_transcripts
from tui.loader import load_file
from tui.model import Answer, Briefing
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from conftest import ScreenAppFactory


SHANGHAI = bundled_transcripts() / "2017-10-11-shanghai-belt-and-road.yaml"


def _shanghai_answer(ref: str) -> tuple[Briefing, Answer]:
    briefing, problems = load_file(SHANGHAI)
    assert briefing is not None, problems
    answer = briefing.find(ref)
    assert isinstance(answer, Answer)
    return briefing, answer


def test_help_screen(screen_app: ScreenAppFactory, snap_compare: Any) -> None:
    assert snap_compare(screen_app(HelpScreen()), terminal_size=(100, 40))


def test_export_dialog(screen_app: ScreenAppFactory, snap_compare: Any) -> None:
    briefing, answer = _shanghai_answer("2017-10-11-shanghai-belt-and-road#q2.a1")
    assert snap_compare(screen_app(ExportScreen(briefing, answer)), terminal_size=(120, 40))


def test_export_dialog_json_small_terminal(screen_app: ScreenAppFactory, snap_compare: Any) -> None:
    briefing, answer = _shanghai_answer("2017-10-11-shanghai-belt-and-road#q1.a1")

    async def choose_json(pilot: Any) -> None:
        await pilot.click("#json")
        await pilot.pause()

    app = screen_app(ExportScreen(briefing, answer))
    assert snap_compare(app, terminal_size=(80, 24), run_before=choose_json)


def test_export_dialog_whole_briefing_small_terminal(
    screen_app: ScreenAppFactory, snap_compare: Any
) -> None:
    briefing, answer = _shanghai_answer("2017-10-11-shanghai-belt-and-road#q1.a1")

    async def choose_akoma_ntoso(pilot: Any) -> None:
        await pilot.click("#scope-briefing")
        await pilot.pause()
        await pilot.click("#akn")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = screen_app(ExportScreen(briefing, answer))
    assert snap_compare(app, terminal_size=(80, 24), run_before=choose_akoma_ntoso)


def test_export_dialog_overwrite_question(
    screen_app: ScreenAppFactory, snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefing, answer = _shanghai_answer("2017-10-11-shanghai-belt-and-road#q2.a1")
    existing = tmp_path / "quote.md"
    existing.write_text("already here\n", encoding="utf-8")

    async def ask(pilot: Any) -> None:
        screen = pilot.app.dialog
        screen.query_one("#destination").value = "quote.md"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    monkeypatch.chdir(tmp_path)
    app = screen_app(ExportScreen(briefing, answer))
    assert snap_compare(app, terminal_size=(100, 30), run_before=ask)
    assert existing.read_text(encoding="utf-8") == "already here\n"
