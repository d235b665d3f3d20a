"""Text boxes and keys: what is typed lands where the user was typing, and stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.widgets import Input, Static

from tui.app import BriefingApp
from tui.screens.export import ExportScreen
from tui.widgets.briefing_list import BriefingList

if TYPE_CHECKING:
    from conftest import Reader, Settle


@pytest.mark.parametrize(
    ("key", "box_id", "first", "more"),
    [("/", "#filter", "2017", "-10"), ("s", "#people-find", "li", " jun")],
    ids=["filter", "speaker finder"],
)
async def test_a_box_focused_again_keeps_its_text_and_appends(
    reader: Reader, settle: Settle, key: str, box_id: str, first: str, more: str
) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press(key, *first)
        await settle(pilot)
        box = screen.query_one(box_id, Input)
        assert box.value == first
        screen.set_focus(screen.query_one(BriefingList))
        await pilot.pause()
        await pilot.press(key, *more)
        await settle(pilot)
        assert box.value == first + more
        assert box.cursor_position == len(first + more)


KEY_NAMES = {"/": "slash", "?": "question_mark", "!": "exclamation_mark", ".": "full_stop"}
"""Textual's names of the punctuation keys typed here (letters are named by themselves)."""


def burst(app: BriefingApp, text: str) -> None:
    """Keys arriving together, as from a paste or a fast typist: all queued at once."""
    for character in text:
        app.post_message(events.Key(KEY_NAMES.get(character, character), character))


async def test_keys_typed_together_keep_their_order_in_the_filter(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        burst(app, "/ab/cd?ef!g")
        await settle(pilot)
        assert screen.query_one("#filter", Input).value == "ab/cd?ef!g"


async def test_a_file_name_typed_ahead_of_the_export_dialog_lands_in_it(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        box = screen.query_one("#filter", Input)
        burst(app, "e/x.md")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#destination", Input).value.endswith(".md/x.md")
        assert box.value == ""


async def test_typed_ahead_of_a_dialog_opened_after_a_load_lands_in_it(
    reader: Reader, settle: Settle
) -> None:
    """Across all briefings, ``e`` first parses the answer's briefing in a worker."""
    async with reader() as (app, pilot, screen):
        await pilot.press("s", *"li jun", "enter")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen.set_focus(screen.qa)
        await pilot.pause()
        burst(app, "eXYZ")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#destination", Input).value.endswith("XYZ")
        assert screen.query_one("#filter", Input).value == ""


async def test_editing_keys_typed_fast_act_in_their_place(reader: Reader, settle: Settle) -> None:
    """Backspace and ctrl+u are the box's bindings: they act when the key has travelled
    back up to the App, and the letters typed after them must not overtake them."""
    async with reader() as (app, pilot, screen):
        await pilot.press("/")
        burst(app, "abx")
        app.post_message(events.Key("backspace", None))
        burst(app, "c")
        await settle(pilot)
        box = screen.query_one("#filter", Input)
        assert box.value == "abc"
        app.post_message(events.Key("ctrl+u", None))
        burst(app, "2017")
        await settle(pilot)
        assert box.value == "2017"


async def test_the_status_counts_the_rows_the_list_shows_after_every_key(
    reader: Reader,
) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash")
        for key in "2018-0":
            await pilot.press(key)
            shown = len(screen.query_one(BriefingList).rows)
            status = str(screen.query_one("#status", Static).content)
            assert f"filter: {shown} of " in status, (key, status)


async def test_escape_hands_the_keys_back_from_a_text_box(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("/", *"2017")
        await settle(pilot)
        box = screen.query_one("#filter", Input)
        await pilot.press("escape")  # first the text goes
        assert box.value == "" and screen.focused is box
        await pilot.press("escape")  # then the box gives the keys back
        assert screen.focused is screen.query_one(BriefingList)
        await pilot.press("s", *"li")
        await pilot.press("escape", "escape")
        assert screen.focused is screen.speaker_filter.people
        await pilot.press("a")  # a single-key command again, not a letter typed
        await settle(pilot)
        assert screen.scope == "all"
        assert screen.speaker_filter.find_box.value == ""
