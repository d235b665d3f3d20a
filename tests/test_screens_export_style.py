"""The citation style in the export dialog: chosen, shown, written, remembered, used by ``y``."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from quoting_samples import A1, BRIEFING_ID, sample_briefing
from textual.widgets import RadioSet, Static

from tui.citation import remember_style, remembered_style
from tui.export import render
from tui.screens.export import ExportScreen, copy_quote

if TYPE_CHECKING:
    from conftest import ScreenApp, ScreenAppFactory

DEFAULT_MD = Path("exports") / f"{BRIEFING_ID}-q1-a1-gao-feng.md"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_the_style_chosen_is_previewed_written_and_remembered(
    screen_app: ScreenAppFactory, in_tmp: Path
) -> None:
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        styles = app.dialog.query_one("#style", RadioSet)
        assert styles.pressed_button is not None and styles.pressed_button.id == "style-plain"
        await pilot.click("#style-mla")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert remembered_style() == "mla"
        preview = str(app.dialog.query_one("#preview", Static).content)
        assert "Cite as (MLA 9):" not in render(sample_briefing(), A1, "md")
        await pilot.click("#export")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = (in_tmp / DEFAULT_MD).read_text(encoding="utf-8")
    assert written == render(sample_briefing(), A1, "md", "mla")
    assert "Cite as (MLA 9):" in written
    assert "Gao, Feng. “Trade" in written
    assert preview.splitlines()[0] == written.splitlines()[0]


async def test_a_new_dialog_starts_on_the_remembered_style(screen_app: ScreenAppFactory) -> None:
    remember_style("chicago")
    app = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        pressed = app.dialog.query_one("#style", RadioSet).pressed_button
        assert pressed is not None and pressed.id == "style-chicago"


async def test_copy_cites_in_the_remembered_style(
    screen_app: ScreenAppFactory, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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
    remember_style("apa")
    app: ScreenApp = screen_app(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        copy_quote(app, sample_briefing(), A1)
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = received.read_text(encoding="utf-8")
    assert "Cite as (APA 7):" in text
    assert "Gao, F. (2019, March 5)." in text
