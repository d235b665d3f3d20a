"""Bookmarks in the reader: m toggles, M lists (Enter opens, d deletes), a bad file is said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import OptionList

from tui.bookmarks import bookmarks_path
from tui.screens.bookmarks import BookmarksScreen

if TYPE_CHECKING:
    from conftest import Reader, Settle

SHANGHAI = "2017-10-11-shanghai"
FINANCE = "2018-01-05-finance"


def stored() -> list[str]:
    data = json.loads(bookmarks_path().read_text(encoding="utf-8"))
    return [entry["ref"] for entry in data["bookmarks"]]


async def test_m_bookmarks_the_selected_answer_and_m_again_removes_it(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        screen.select_briefing(SHANGHAI, f"{SHANGHAI}#q2.a2")
        await settle(pilot)
        screen.set_focus(screen.qa)
        await pilot.press("m")
        await settle(pilot)
        assert stored() == [f"{SHANGHAI}#q2.a2"]
        entry = json.loads(bookmarks_path().read_text(encoding="utf-8"))["bookmarks"][0]
        assert entry["speaker"] == "Li Jun"
        assert entry["date"] == "2017-10-11"
        assert entry["words"].startswith("We take three measures:")
        await pilot.press("m")
        await settle(pilot)
        assert stored() == []
        assert any(f"Bookmark removed: {SHANGHAI}#q2.a2" in note for note in app.notes)


async def test_the_bookmarks_screen_opens_and_deletes(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        screen.set_focus(screen.qa)
        await pilot.press("m")  # the first answer of the newest briefing
        screen.select_briefing(SHANGHAI, f"{SHANGHAI}#q3.a1")
        await settle(pilot)
        await pilot.press("m", "M")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BookmarksScreen)
        options = pilot.app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert rows[0].startswith(f"{FINANCE}#q1.a1 · Li Jun · 2018-01-05 · Foreign banks")
        assert rows[1].startswith(f"{SHANGHAI}#q3.a1 · Tang Zhiping · 2017-10-11")
        await pilot.press("d")
        await settle(pilot)
        assert options.option_count == 1
        assert stored() == [f"{SHANGHAI}#q3.a1"]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, BookmarksScreen)
        assert screen.briefing_id == SHANGHAI
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q3.a1"


def write_bookmarks(text: str) -> Path:
    path = bookmarks_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_bad_file_is_reported_and_kept_aside_before_a_write(
    reader: Reader, settle: Settle
) -> None:
    path = write_bookmarks('{"bookmarks": [\n  {"ref": "2018-01-05-finance#q2.a1"},\n  oops]}')
    async with reader() as (app, pilot, screen):
        screen.set_focus(screen.qa)
        await pilot.press("m")
        await settle(pilot)
        assert any(note.startswith(f"{path}:3:3: not valid JSON") for note in app.notes)
        assert stored() == [f"{FINANCE}#q1.a1"]
        assert "oops" in path.with_name("bookmarks.json.bad").read_text(encoding="utf-8")


async def test_bookmarks_of_briefings_not_here_are_pointed_at_and_listed(
    reader: Reader, settle: Settle
) -> None:
    path = write_bookmarks(
        json.dumps({"bookmarks": [{"ref": f"{FINANCE}#q2.a1"}, {"ref": "elsewhere#q1.a1"}]})
    )
    async with reader() as (app, pilot, _screen):
        await pilot.press("M")
        await settle(pilot)
        assert any(
            note.startswith(f"{path}:1:") and "unknown reference elsewhere#q1.a1" in note
            for note in app.notes
        )
        options = pilot.app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert "(not in this archive)" in str(options.get_option_at_index(1).prompt)
        assert "(not in this archive)" not in str(options.get_option_at_index(0).prompt)
