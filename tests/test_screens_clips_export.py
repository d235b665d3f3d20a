"""The collection export dialog (``e`` on the clippings screen), driven with Pilot."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from quoting_samples import A1, Q2_A1, sample_briefing
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet

from tui.citation import remembered_style
from tui.clips.collection import unchecked
from tui.clips.opening import open_clips
from tui.quote import quote_of
from tui.screens.clips_export import CollectionExportDialog

if TYPE_CHECKING:
    from conftest import ScreenApp, ScreenAppFactory


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def app(screen_app: ScreenAppFactory) -> ScreenApp:
    """The dialog on a collection of two clippings, one with a note."""
    store = open_clips()
    try:
        store.add("Trade piece", quote_of(sample_briefing(), A1), "lead", create=True)
        store.add("Trade piece", quote_of(sample_briefing(), Q2_A1))
        items = unchecked(store.clippings("Trade piece"))
    finally:
        store.close()
    return screen_app(CollectionExportDialog("Trade piece", items))


async def _settle(app: ScreenApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_style_chosen_cites_every_clipping_and_is_remembered(
    app: ScreenApp, in_tmp: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input)
        assert destination.value == str(Path("exports") / "trade-piece.md")
        await pilot.click("#style-apa")
        await _settle(app, pilot)
        assert remembered_style() == "apa"  # the next e, y and collection export start here
        await pilot.click("#export")
        await _settle(app, pilot)
    text = (in_tmp / "exports" / "trade-piece.md").read_text(encoding="utf-8")
    assert text.count("Cite as (APA") == 2
    # APA 7 for a speech: author, (year, month day). title [Speech transcript]. publisher
    assert text.count("(2019, March 5). Trade & tariffs") == 2
    assert text.count("\\[Speech transcript\\]. Ministry of Commerce.") == 2
    assert "**Note:** lead" in text


async def test_a_typed_extension_chooses_the_format(app: ScreenApp, in_tmp: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        destination = app.dialog.query_one("#destination", Input)
        destination.value = "piece.csv"
        await pilot.pause()
        pressed = app.dialog.query_one("#format", RadioSet).pressed_button
        assert pressed is not None and pressed.id == "csv"
        assert destination.value == "piece.csv"  # the typed name is the user's: kept
        await pilot.click("#export")
        await _settle(app, pilot)
        assert app.results == [Path("piece.csv")]
    rows = list(csv.DictReader(io.StringIO((in_tmp / "piece.csv").read_text(encoding="utf-8"))))
    assert [row["note"] for row in rows] == ["lead", ""]
