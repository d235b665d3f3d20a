"""``x``: the current search results, every hit, exported from the reader."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from index_samples import SAMPLE
from textual.widgets import Input

from tui.screens.search_export import SearchExportScreen

if TYPE_CHECKING:
    from conftest import Archive, Reader, Settle


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_x_writes_every_hit_of_the_search_as_csv(
    reader: Reader, settle: Settle, in_tmp: Path
) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?financing OR ports", "enter")
        await settle(pilot, 0.3)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SearchExportScreen)
        destination = dialog.query_one("#destination", Input)
        assert destination.value == str(Path("exports") / "search-financing-or-ports.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchExportScreen)
        every = screen.library.search("financing OR ports", limit=None)
        written = (in_tmp / "exports" / "search-financing-or-ports.csv").read_text("utf-8")
        rows = list(csv.DictReader(io.StringIO(written, newline="")))
        assert [row["reference"] for row in rows] == [hit.ref for hit in every]
        assert [row["text"] for row in rows] == [hit.text for hit in every]
        assert any(note.startswith(f"Exported {len(every)} hits to ") for note in app.notes)


async def test_x_switches_format_and_asks_before_overwriting(
    reader: Reader, settle: Settle, in_tmp: Path
) -> None:
    target = in_tmp / "exports" / "search-ports.jsonl"
    target.parent.mkdir()
    target.write_text("keep me\n", encoding="utf-8")
    async with reader() as (app, pilot, _screen):
        await pilot.press("slash", *"?ports", "enter")
        await settle(pilot, 0.3)
        await pilot.press("x")
        await settle(pilot)
        await pilot.click("#hits-jsonl")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#destination", Input).value == str(
            Path("exports") / "search-ports.jsonl"
        )
        await pilot.click("#export")
        await settle(pilot)
        assert dialog.has_class("-confirming")
        assert target.read_text(encoding="utf-8") == "keep me\n"
        await pilot.click("#overwrite")
        await settle(pilot)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["text"] for line in lines)


async def test_x_without_a_search_says_how_to_start_one(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, SearchExportScreen)
        assert any(note.startswith("No search to export") for note in app.notes)


async def test_x_in_the_filter_box_types_an_x(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?tax")
        await settle(pilot, 0.3)
        assert screen.filter_box.value == "?tax"
        assert not isinstance(app.screen, SearchExportScreen)


async def test_served_the_results_go_to_the_browser_and_nothing_is_written(
    archive: Archive, in_tmp: Path
) -> None:
    from test_served_export import ServedApp

    index = archive.indexed(SAMPLE)
    shown = index.search("budget", limit=2)
    app = ServedApp(SearchExportScreen(index, "budget", "newest", shown))
    before = sorted(p.name for p in in_tmp.iterdir())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.dialog.query_one("#destination", Input).value == "search-budget.csv"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    every = index.search("budget", limit=None)
    ((text, name),) = app.delivered
    assert name == "search-budget.csv"
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["reference"] for row in rows] == [hit.ref for hit in every]
    assert app.notes == [f"Sent {len(every)} hits to the browser as search-budget.csv"]
    assert sorted(p.name for p in in_tmp.iterdir()) == before
    index.close()


async def test_the_suggested_file_is_in_the_folder_given(archive: Archive) -> None:
    from conftest import ScreenApp

    index = archive.indexed(SAMPLE)
    dialog = SearchExportScreen(index, "budget", "newest", [], Path("press/cuts"))
    async with ScreenApp(dialog).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert dialog.query_one("#destination", Input).value == str(
            Path("press/cuts") / "search-budget.csv"
        )
    index.close()
