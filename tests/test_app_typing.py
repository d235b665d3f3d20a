"""Text boxes and keys: what is typed lands where the user was typing, and stays."""

from __future__ import annotations

from pathlib import Path

from reader_samples import reader, settle
from textual.widgets import Input

from tui.widgets.briefing_list import BriefingList


async def test_slash_on_an_existing_filter_keeps_it_and_appends(tmp_path: Path) -> None:
    async with reader(tmp_path) as (_app, pilot, screen):
        await pilot.press("/", *"2017")
        await settle(pilot)
        box = screen.query_one("#filter", Input)
        assert box.value == "2017"
        screen.set_focus(screen.query_one(BriefingList))
        await pilot.pause()
        await pilot.press("/", *"-10")
        await settle(pilot)
        assert box.value == "2017-10"
        assert box.cursor_position == len("2017-10")


async def test_the_speaker_finder_keeps_its_text_on_focus(tmp_path: Path) -> None:
    async with reader(tmp_path) as (_app, pilot, screen):
        await pilot.press("s", *"li")
        await settle(pilot)
        box = screen.query_one("#people-find", Input)
        assert box.value == "li"
        screen.set_focus(screen.query_one(BriefingList))
        await pilot.pause()
        await pilot.press("s", *" jun")
        await settle(pilot)
        assert box.value == "li jun"
