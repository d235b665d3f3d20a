"""Moving to an answer keeps what was asked in view: an answer read without its question
is easily misread and misquoted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader_samples import long_briefing

from tui.widgets.briefing_list import BriefingList
from tui.widgets.speaker_filter import PeopleList

if TYPE_CHECKING:
    from conftest import Reader, Settle, ViewText


LONG_QUESTION = " ".join(f"clause{n} of a question that goes on and on" for n in range(40))


def with_a_long_question() -> dict[str, Any]:
    briefing = long_briefing(exchanges=6, paragraphs=6)
    briefing["exchanges"][3]["question"]["text"] = LONG_QUESTION + " final words?"
    return briefing


async def test_n_shows_a_short_question_above_the_answer(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader({"2020-01-01-long": long_briefing(6, 6)}) as (_a, pilot, screen):
        for number in (2, 3, 4):
            await pilot.press("n")
            await settle(pilot, delay=0)
            text = view_text(screen.qa)
            assert f"Question number {number}?" in text
            assert text.index(f"Question number {number}?") < text.index(f"Answer {number}.")


async def test_n_shows_the_end_of_a_long_question(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader({"2020-01-01-long": with_a_long_question()}) as (_a, pilot, screen):
        for _ in range(3):
            await pilot.press("n")
        await settle(pilot, delay=0)
        text = view_text(screen.qa)
        assert "Answer 4." in text
        assert "words?" in text  # the question's last line (it wraps before "words?")
        assert text.index("words?") < text.index("Answer 4.")
        assert "clause0 " not in text  # a long question is not shown whole


def outlets_briefing() -> dict[str, Any]:
    briefing = long_briefing(exchanges=3, paragraphs=1)
    for exchange, outlet in zip(
        briefing["exchanges"], ["Outlet 10", "Outlet 2", "Outlet 1"], strict=True
    ):
        exchange["question"]["by"] = outlet
    return briefing


async def test_outlets_sort_naturally_and_counts_keep_off_the_edge(reader: Reader) -> None:
    async with reader({"2020-01-01-o": outlets_briefing()}) as (_a, _p, screen):
        people = screen.query_one(PeopleList)
        askers = [row.label for row in people.rows if row.person and row.person.kind == "asker"]
        assert askers == ["Outlet 1", "Outlet 2", "Outlet 10"]
        assert not people.show_vertical_scrollbar
        for pane in (people, screen.query_one(BriefingList)):
            # Rows (and so their right-aligned counts) end a cell short of the pane's edge.
            assert pane.scrollable_content_region.right < pane.region.right


async def test_the_selection_follows_the_view_when_the_user_scrolls(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader({"2020-01-01-long": long_briefing(12, 6)}) as (_a, pilot, screen):
        screen.set_focus(screen.qa)
        await pilot.pause()
        assert screen.qa.cursor_ref == "2020-01-01-long#q1.a1"
        await pilot.press("G")
        await settle(pilot, delay=0)
        assert screen.qa.cursor_ref == "2020-01-01-long#q12.a1"
        assert "Answer 12." in view_text(screen.qa)
        await pilot.press("g")
        await settle(pilot, delay=0)
        assert screen.qa.cursor_ref == "2020-01-01-long#q1.a1"
        await pilot.press("pagedown", "pagedown")
        await settle(pilot, delay=0)
        assert screen.qa.cursor_ref != "2020-01-01-long#q1.a1"
        assert "▌" in view_text(screen.qa)  # the selected answer's bar is on screen
        for _ in range(4):
            await pilot.press("pageup")
        await settle(pilot, delay=0)
        assert screen.qa.cursor_ref == "2020-01-01-long#q1.a1"
        assert "▌" in view_text(screen.qa)


async def test_placing_the_view_on_an_answer_keeps_the_selection(
    reader: Reader, settle: Settle
) -> None:
    async with reader({"2020-01-01-long": long_briefing(12, 6)}) as (_a, pilot, screen):
        screen.set_focus(screen.qa)
        for _ in range(5):
            await pilot.press("n")
        await settle(pilot, delay=0)
        assert screen.qa.cursor_ref == "2020-01-01-long#q6.a1"
