"""Find in the open briefing (f): highlights, the count, n/N to the exact line, wrapping."""

from __future__ import annotations

from typing import TYPE_CHECKING

from find_samples import CHINESE, HARBOUR, ZH, harbour
from reader_samples import CORPUS
from textual.widgets import Label

if TYPE_CHECKING:
    from conftest import Reader, Settle, ViewText

BRIEFINGS = {**CORPUS, HARBOUR: harbour(), ZH: CHINESE}


def count_text(screen: object) -> str:
    return str(screen.query_one("#find-count", Label).content)  # type: ignore[attr-defined]


async def open_harbour(screen: object, pilot: object, settle: Settle) -> None:
    screen.select_briefing(HARBOUR)  # type: ignore[attr-defined]
    await settle(pilot)


async def test_f_highlights_counts_and_n_goes_to_the_line_of_each_match(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader(BRIEFINGS) as (app, pilot, screen):
        await open_harbour(screen, pilot, settle)
        await pilot.press("f")
        assert screen.focused is screen.finder.bar.box
        await pilot.press(*"ANZIB")
        await settle(pilot)
        assert count_text(screen) == "3 matches"
        assert screen.qa.cursor_ref == f"{HARBOUR}#q1.a1"  # typing does not move the view
        await pilot.press("enter")
        await settle(pilot)
        assert count_text(screen) == "1/3"
        assert screen.focused is screen.qa
        assert screen.qa.cursor_ref == f"{HARBOUR}#q7.a1"
        lines = view_text(screen.qa).splitlines()
        assert "Zanzibar" in lines[1]  # the match's own line, one line of context above
        assert "Zanzibar" not in lines[0]
        await pilot.press("n")
        await settle(pilot)
        assert count_text(screen) == "2/3"
        assert screen.qa.cursor_ref == f"{HARBOUR}#q19.a1"
        assert "Zanzibar" in view_text(screen.qa).splitlines()[1]
        await pilot.press("n", "n")
        await settle(pilot)
        assert count_text(screen) == "1/3"
        assert screen.qa.cursor_ref == f"{HARBOUR}#q7.a1"
        assert "Find wrapped to the top" in app.notes
        await pilot.press("N")
        await settle(pilot)
        assert count_text(screen) == "3/3"
        assert screen.qa.cursor_ref == f"{HARBOUR}#q25.a1"
        assert "Find wrapped to the bottom" in app.notes


async def test_enter_goes_to_the_first_match_below_the_top_of_the_view(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        await open_harbour(screen, pilot, settle)
        screen.qa.select(f"{HARBOUR}#q12.a1")
        await settle(pilot)
        await pilot.press("f", *"zanzibar", "enter")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{HARBOUR}#q19.a1"
        assert count_text(screen) == "2/3"


async def test_escape_closes_the_bar_and_clears_the_highlights(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        await open_harbour(screen, pilot, settle)
        await pilot.press("f", *"zanzibar", "enter")
        await settle(pilot)
        assert screen.qa.match_count == 3
        await pilot.press("escape")
        await settle(pilot)
        assert not screen.finder.active
        assert not screen.finder.bar.display
        assert screen.qa.match_count == 0
        assert screen.qa.finding == ""
        await pilot.press("n")  # n is the next answer again
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{HARBOUR}#q8.a1"


async def test_escape_in_the_box_closes_it_too(reader: Reader, settle: Settle) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        await pilot.press("f", *"port", "escape")
        await settle(pilot)
        assert not screen.finder.active
        assert screen.focused is screen.qa


async def test_find_works_inside_chinese_sentences(reader: Reader, settle: Settle) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        screen.select_briefing(ZH)
        await settle(pilot)
        await pilot.press("f", *"外国银行")
        await settle(pilot)
        assert count_text(screen) == "3 matches"  # once in the question, twice in the answer


async def test_nothing_found_is_said_and_nothing_moves(reader: Reader, settle: Settle) -> None:
    async with reader(BRIEFINGS) as (app, pilot, screen):
        await open_harbour(screen, pilot, settle)
        before = screen.qa.cursor_ref
        await pilot.press("f", *"xylophone", "enter")
        await settle(pilot)
        assert count_text(screen) == "no match"
        assert screen.qa.cursor_ref == before
        assert any("Not found in this briefing: xylophone" in note for note in app.notes)


async def test_f_typed_in_the_filter_box_is_a_letter(reader: Reader, settle: Settle) -> None:
    async with reader(BRIEFINGS) as (_app, pilot, screen):
        await pilot.press("/", *"fin")
        await settle(pilot)
        assert screen.filter_box.value == "fin"
        assert not screen.finder.active


async def test_n_and_N_after_moving_away_step_from_where_the_view_is(
    reader: Reader, settle: Settle
) -> None:
    async with reader(BRIEFINGS) as (app, pilot, screen):
        await open_harbour(screen, pilot, settle)
        await pilot.press("f", *"zanzibar", "enter")
        await settle(pilot)
        screen.qa.select(f"{HARBOUR}#q29.a1")  # below every match; no match is current
        await settle(pilot)
        assert count_text(screen) == "3 matches"
        await pilot.press("N")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{HARBOUR}#q25.a1"
        assert count_text(screen) == "3/3"
        assert "Find wrapped to the bottom" not in app.notes  # the last match is just above
        screen.qa.select(f"{HARBOUR}#q10.a1")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert screen.qa.cursor_ref == f"{HARBOUR}#q19.a1"
