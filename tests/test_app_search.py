"""Search mode: a leading ? in the filter box searches all text; Enter on a hit opens it
with the matches highlighted, n/N step through them, escape ends the search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from reader_samples import long_briefing
from textual.widgets import ContentSwitcher, Label, Static

from tui.app import BriefingApp
from tui.cli import bundled_transcripts
from tui.index import Index, SearchHit
from tui.widgets.qa_document import briefing_document
from tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from conftest import Reader, Settle, ViewText


SHANGHAI = "2017-10-11-shanghai"
FINANCE = "2018-01-05-finance"


async def test_leading_question_mark_switches_to_search(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"?financing")
        await settle(pilot, 0.3)
        assert screen.search_query == "financing"
        assert screen.filter_text == ""
        assert len(screen.briefing_list.rows) == 3  # the list is not filtered by a search
        assert str(screen.query_one("#filter-mode", Label).render()) == "Search"
        assert screen.query_one("#main", ContentSwitcher).current == "search"
        results = screen.query_one("#search", SearchResults)
        assert results.query_text == "financing"
        assert {hit.ref for hit in results.hits} >= {f"{SHANGHAI}#q2", f"{SHANGHAI}#q2.a1"}


async def test_enter_on_a_hit_opens_it_with_matches_that_n_steps_through(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?insurers OR insurance", "enter")
        await settle(pilot, 0.3)
        results = screen.query_one("#search", SearchResults)
        assert app.focused is results.hit_list
        refs = [hit.ref for hit in results.hits]
        assert refs == [f"{FINANCE}#q2", f"{FINANCE}#q2.a1", f"{SHANGHAI}#q2.a2"]  # newest first
        for _ in range(6):
            hit = results.highlighted
            if hit is not None and hit.ref == f"{SHANGHAI}#q2.a2":
                break
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#main", ContentSwitcher).current == "qa"
        assert screen.briefing_id == SHANGHAI
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
        assert screen.qa.match_count == 1
        assert "match 1/1" in str(screen.query_one("#status").render())
        await pilot.press("n")
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"  # n wraps around the matches
        await pilot.press("escape")
        await settle(pilot)
        assert screen.terms == ()
        assert screen.qa.match_count == 0
        assert screen.filter_box.value == ""


async def test_n_and_N_step_through_several_matches(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"?ports", "enter")
        await settle(pilot, 0.3)
        results = screen.query_one("#search", SearchResults)
        assert [hit.ref for hit in results.hits][:1] == [f"{SHANGHAI}#q1"]
        await pilot.press("enter")
        await settle(pilot)
        assert screen.terms == ("ports",)
        assert screen.qa.match_count == 2  # the question and the answer
        assert screen.qa.match_index == 0
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q1.a1"  # a question selects its answer
        await pilot.press("n")
        assert screen.qa.match_index == 1
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q1.a1"
        await pilot.press("N")
        assert screen.qa.match_index == 0
        await pilot.press("N")
        assert screen.qa.match_index == 1
        await pilot.press("p")  # p stays "previous answer" during a search
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q1.a1"
        assert "Ports" in view_text(screen.qa)


async def test_a_match_in_a_question_selects_the_answer_that_follows(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (_app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        assert screen.briefing is not None
        doc = briefing_document(screen.briefing)
        screen.qa.show(doc, f"{SHANGHAI}#q2", ("financing",))
        await pilot.pause()
        assert screen.qa.match_count == 2
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a1"  # the question's first answer
        assert "match 1/2" in str(screen.query_one("#status").render())


async def test_escape_in_the_results_ends_the_search_and_keeps_a_focus(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?ports", "enter")
        await settle(pilot, 0.3)
        assert app.focused is screen.search_results.hit_list
        await pilot.press("escape")
        await settle(pilot)
        assert screen.search_query == ""
        assert screen.query_one("#main", ContentSwitcher).current == "qa"
        assert app.focused is screen.briefing_list
        await pilot.press("j")
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI


async def test_ctrl_o_orders_results_by_relevance_while_typing(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?financing")
        await settle(pilot, 0.3)
        results = screen.query_one("#search", SearchResults)
        assert results.order == "newest"
        await pilot.press("ctrl+o")
        await settle(pilot, 0.3)
        assert app.focused is screen.filter_box  # still typing
        assert screen.filter_box.value == "?financing"  # the key typed nothing
        assert results.order == "relevance"
        await pilot.press("ctrl+o")
        assert results.order == "newest"


async def test_ctrl_o_without_a_search_says_what_it_is_for(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert any("search results" in message for message in app.notes)


def assert_lands_on(hit: SearchHit, shown: str) -> None:
    """The hit's own words around its match are on screen, not another match's."""
    start, end = hit.spans[0]
    around = hit.snippet[max(start - 40, 0) : end + 40].strip("…").split()[1:-1]
    assert " ".join(around) in " ".join(shown.replace("▌", " ").split())


async def test_opening_a_hit_below_the_first_screen_scrolls_to_the_match(
    settle: Settle, view_text: ViewText, tmp_path: Path
) -> None:
    """The view was hidden behind the results when the hit is opened; the scroll to the
    match must still land (it used to be dropped, leaving the briefing's header), on the
    hit's own match whether the hit is an answer, a question or a remark."""
    index = Index(bundled_transcripts(), tmp_path / "index.sqlite")
    app = BriefingApp(index)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"?tariffs")
            await settle(pilot, 0.5)
            results = app.screen.query_one("#search", SearchResults)
            first = results.hits[0]
            await pilot.press("enter")  # to the results
            await pilot.press("enter")  # open the first hit
            await settle(pilot, 0.3)
            qa = app.screen.qa
            assert qa.scroll_offset.y > 0
            assert_lands_on(first, view_text(qa))
            if first.kind == "answer":
                assert qa.cursor_ref is not None
                assert qa.cursor_ref.startswith(first.ref)
    finally:
        index.close()


def corpus_with_a_late_remark_and_question() -> dict[str, Any]:
    briefing = long_briefing(exchanges=8, paragraphs=2)
    briefing["exchanges"][0]["answers"][0]["text"] += "\n\nWe discussed tariffs briefly."
    briefing["exchanges"].insert(
        6, {"remark": {"by": "Spokesperson", "text": "On tariffs, one note."}}
    )
    briefing["exchanges"][7]["question"]["text"] = "And what about tariffs on steel?"
    return briefing


@pytest.mark.parametrize(
    ("ref", "words"), [("#r1", "On tariffs, one note."), ("#q7", "tariffs on steel")]
)
async def test_a_remark_or_question_hit_lands_on_its_own_match(
    reader: Reader, settle: Settle, view_text: ViewText, ref: str, words: str
) -> None:
    async with reader({"2020-01-01-late": corpus_with_a_late_remark_and_question()}) as (
        _app,
        pilot,
        screen,
    ):
        assert screen.briefing is not None
        doc = briefing_document(screen.briefing, None)
        screen.qa.show(doc, f"2020-01-01-late{ref}", ("tariffs",))
        await settle(pilot, delay=0)
        shown = " ".join(view_text(screen.qa).replace("▌", " ").split())
        assert words in shown
        assert "We discussed tariffs briefly." not in shown  # not the briefing's first match
        assert screen.qa.match_index > 0


async def test_no_matches_shows_no_empty_sparkline(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"?zzyzxq")
        await settle(pilot, 0.5)
        assert "No matches." in str(screen.query_one("#search-status", Static).content)
        assert not screen.query_one("#search-months").display
        await pilot.press(*["backspace"] * 6, *"financing")
        await settle(pilot, 0.5)
        assert screen.query_one("#search-months").display


async def test_after_N_then_p_the_status_names_no_match_in_an_answer_without_one(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"?tariffs", "enter")
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await settle(pilot)
        qa = screen.qa
        assert qa.cursor_ref == f"{SHANGHAI}#q3.a1"
        await pilot.press("N")
        status = str(screen.query_one("#status", Static).content)
        assert f"match {qa.match_index + 1}/{qa.match_count}" in status
        await pilot.press("p")  # to q2.a2, which says nothing of tariffs
        await settle(pilot, 0)
        assert qa.cursor_ref == f"{SHANGHAI}#q2.a2"
        status = str(screen.query_one("#status", Static).content)
        assert f"{qa.match_count} matches" in status and "match 1/" not in status
        assert "match 2/" not in status
        await pilot.press("n")  # the next match is found from where the user is
        assert qa.match_index >= 0
        assert qa.cursor_ref == f"{SHANGHAI}#q3.a1"


async def test_clicking_a_hits_snippet_line_opens_that_hit(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"?insurers OR insurance", "enter")
        await settle(pilot, 0.3)
        results = screen.query_one("#search", SearchResults)
        refs = [hit.ref for hit in results.hits]
        third = refs.index(f"{SHANGHAI}#q2.a2")
        # two rows per hit: its heading, then its snippet
        await pilot.click(results.hit_list, offset=(10, 2 * third + 1))
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
