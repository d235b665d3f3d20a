"""Go to a reference (#), back and forward, and each briefing's place kept for the session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from find_samples import HARBOUR, harbour
from reader_samples import CORPUS

from tui.app import BriefingApp
from tui.index import Index
from tui.screens.goto import GoToScreen

if TYPE_CHECKING:
    from conftest import Archive, Reader, Settle

BRIEFINGS = {**CORPUS, HARBOUR: harbour()}
SHANGHAI = "2017-10-11-shanghai"
FINANCE = "2018-01-05-finance"


async def go_to(pilot: Any, settle: Settle, text: str) -> None:
    await pilot.press("number_sign")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GoToScreen)
    await pilot.press("ctrl+u", *text, "enter")
    await settle(pilot)


async def test_a_whole_reference_opens_its_briefing_at_the_answer(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        await go_to(pilot, settle, f"{SHANGHAI}#q2.a2")
        assert screen.briefing_id == SHANGHAI
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
        assert screen.focused is screen.qa


async def test_a_short_reference_is_in_the_open_briefing(reader: Reader, settle: Settle) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        screen.select_briefing(HARBOUR)
        await settle(pilot)
        await go_to(pilot, settle, "#q22.a1")
        assert screen.qa.cursor_ref == f"{HARBOUR}#q22.a1"
        top = round(screen.qa.scroll_offset.y)
        assert top > 0  # the view moved to it
        await go_to(pilot, settle, "q3")  # a question selects its answer
        assert screen.qa.cursor_ref == f"{HARBOUR}#q3.a1"


async def test_an_unknown_reference_is_said_and_nothing_changes(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (app, pilot, screen):
        before = (screen.briefing_id, screen.qa.cursor_ref)
        await go_to(pilot, settle, "#q99.a1")
        await go_to(pilot, settle, "nowhere#q1")
        await go_to(pilot, settle, "hello there")
        assert (screen.briefing_id, screen.qa.cursor_ref) == before
        assert any(f"Unknown reference {HARBOUR}#q99.a1" in note for note in app.notes)
        assert any("Unknown reference nowhere#q1" in note for note in app.notes)
        assert any("Not a reference" in note for note in app.notes)


async def test_back_and_forward_return_to_the_line_left(reader: Reader, settle: Settle) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        screen.select_briefing(HARBOUR)
        await settle(pilot)
        screen.set_focus(screen.qa)
        await pilot.press(*"nnnn", "j", "j", "j")
        await settle(pilot)
        left = (screen.qa.cursor_ref, round(screen.qa.scroll_offset.y))
        assert left[1] > 0
        await go_to(pilot, settle, f"{SHANGHAI}#q2.a2")
        await go_to(pilot, settle, f"{FINANCE}#q2.a1")
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
        await pilot.press("alt+left")
        await settle(pilot)
        assert screen.briefing_id == HARBOUR
        assert (screen.qa.cursor_ref, round(screen.qa.scroll_offset.y)) == left
        await pilot.press("alt+right", "alt+right")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{FINANCE}#q2.a1"
        await pilot.press("alt+right")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{FINANCE}#q2.a1"


async def test_reopening_a_briefing_returns_to_where_it_was_read(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        screen.select_briefing(HARBOUR)
        await settle(pilot)
        screen.qa.select(f"{HARBOUR}#q14.a1")
        await settle(pilot)
        left = (screen.qa.cursor_ref, round(screen.qa.scroll_offset.y))
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        screen.select_briefing(HARBOUR)
        await settle(pilot)
        assert (screen.qa.cursor_ref, round(screen.qa.scroll_offset.y)) == left


async def test_the_list_cursor_passing_over_briefings_is_one_step_back(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        screen.select_briefing(FINANCE)
        await settle(pilot)
        screen.set_focus(screen.briefing_list)
        await pilot.press("j", "j")  # previews two briefings
        await settle(pilot)
        previewed = screen.briefing_id
        assert previewed != FINANCE
        screen.set_focus(screen.qa)
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.briefing_id == FINANCE


async def test_the_command_line_reference_opens_the_reader_there(
    archive: Archive, settle: Settle
) -> None:
    index = archive.indexed([{**doc, "id": key} for key, doc in BRIEFINGS.items()])
    try:
        app = BriefingApp(index, start=f"{HARBOUR}#q17.a1")
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.main.briefing_id == HARBOUR
            assert app.main.qa.cursor_ref == f"{HARBOUR}#q17.a1"
    finally:
        index.close()


async def test_the_command_line_reference_waits_for_a_cold_index(
    archive: Archive, reader_app: Any, settle: Settle, tmp_path: Path
) -> None:
    root = archive([{**doc, "id": key} for key, doc in BRIEFINGS.items()])
    index = Index(root, tmp_path / "cold.sqlite")  # never refreshed: the reader scans it
    try:
        app = reader_app(index)
        app.start = f"{SHANGHAI}#q2.a2"
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.main.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
            assert not any("Unknown reference" in note for note in app.notes)
    finally:
        index.close()


async def test_an_unknown_command_line_reference_is_said_once_the_index_is_ready(
    archive: Archive, reader_app: Any, settle: Settle, tmp_path: Path
) -> None:
    root = archive([{**doc, "id": key} for key, doc in BRIEFINGS.items()])
    index = Index(root, tmp_path / "cold.sqlite")
    try:
        app = reader_app(index)
        app.start = f"{SHANGHAI}#q7.a1"
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.main.briefing_id == HARBOUR  # the newest, as without a reference
            notes = [note for note in app.notes if "Unknown reference" in note]
            assert notes == [f"Unknown reference {SHANGHAI}#q7.a1: {SHANGHAI} has no q7.a1"]
    finally:
        index.close()


async def test_the_palette_runs_go_to_reference_even_from_a_text_box(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        await pilot.press("/")  # the filter box has the focus: # would be typed there
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"go to reference")
        await settle(pilot, 0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, GoToScreen)
        assert screen.filter_box.value == ""


async def test_back_from_a_search_hit_in_the_same_briefing(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        screen.select_briefing(SHANGHAI, f"{SHANGHAI}#q3.a1")
        await settle(pilot)
        await pilot.press("/", *"?opened", "enter")
        await settle(pilot)
        await pilot.press("enter")  # the one hit: Tang Zhiping's answer to q1
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q1.a1"
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q3.a1"
