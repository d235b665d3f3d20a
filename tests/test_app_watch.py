"""Saved searches in the reader: ``w`` names the current search, ``W`` lists the saved ones
with their new hits, and Enter there runs one and marks it seen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from reader_samples import DEFENSE
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from tui.new_hits import count_new
from tui.saved_searches import SavedSearches
from tui.screens.main import MainScreen
from tui.screens.save_search import SaveSearchScreen
from tui.screens.watches import WatchesScreen

if TYPE_CHECKING:
    from conftest import Reader, Settle


def option_lines(screen: WatchesScreen) -> list[str]:
    options = screen.query_one("#watches-list", OptionList)
    lines = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        lines.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return lines


def message(screen: WatchesScreen | SaveSearchScreen, selector: str) -> str:
    content = screen.query_one(selector, Static).render()
    return content.plain if isinstance(content, Content) else str(content)


def add_financing_briefing(root: Path) -> None:
    doc = dict(DEFENSE, date="2001-02-03", title="An old briefing, archived late")
    doc["exchanges"] = [
        {
            "question": {"by": "AFP", "text": "And financing?"},
            "answers": [{"by": "Geoff Morrell", "text": "No comment."}],
        }
    ]
    (root / "2001-02-03-late.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")


async def test_w_without_a_search_says_how_to_start_one(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any("No search to save" in note for note in app.notes)


async def test_w_saves_the_search_by_name_with_its_hits_seen(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?financing", "enter")
        await settle(pilot, 0.3)
        await pilot.press("w")
        assert isinstance(app.screen, SaveSearchScreen)
        assert app.focused is app.screen.query_one("#search-name", Input)
        await pilot.press(*"money", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        store = SavedSearches()
        assert [(s.name, s.query) for s in store.all()] == [("money", "financing")]
        look = store.last_look("money", screen.library.archive)
        assert look is not None and len(look.seen) == 2  # a question and an answer
        assert any("Saved the search 'money' (2 hits now" in note for note in app.notes)


async def test_w_asks_before_replacing_a_name_and_refuses_a_bad_one(
    reader: Reader, settle: Settle
) -> None:
    SavedSearches().add("money", "insurers")
    async with reader() as (app, pilot, _screen):
        await pilot.press("slash", *"?financing", "enter")
        await settle(pilot, 0.3)
        await pilot.press("w", *"add", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SaveSearchScreen)
        assert "is a word of briefing watch" in message(dialog, "#save-message")
        dialog.name_box.value = "Money"
        await pilot.press("enter")
        await settle(pilot)
        assert "'money' exists: Enter again replaces it" in message(dialog, "#save-message")
        assert SavedSearches().get("money").query == "insurers"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [(s.name, s.query) for s in SavedSearches().all()] == [("Money", "financing")]


async def test_w_and_big_w_in_the_filter_box_are_letters(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"?wage", "W")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert screen.filter_box.value == "?wageW"


async def test_big_w_lists_new_hits_and_enter_runs_and_marks_the_search(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        store = SavedSearches()
        store.add("money", "financing")
        store.add("ports", "ports")
        store.mark_seen("money", screen.library.archive, frozenset())
        await pilot.press("W")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, WatchesScreen)
        assert option_lines(listing) == [
            "money  ·  2 new  ·  financing",
            "ports  ·  not looked at here yet  ·  ports",
        ]
        await pilot.press("escape")
        await settle(pilot)
        assert count_new(store, screen.library, store.get("money")) == 2  # only looked

        store.mark_seen("money", screen.library.archive, frozenset())
        add_financing_briefing(Path(screen.library.root))
        screen.library.refresh()
        await pilot.press("W")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, WatchesScreen)
        assert option_lines(listing)[0] == "money  ·  3 new  ·  financing"
        await pilot.press("enter")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, MainScreen)
        assert screen.filter_box.value == "?financing"
        assert screen.search_query == "financing"
        assert app.focused is screen.search_results.hit_list
        assert [hit.briefing_id for hit in screen.search_results.hits][-1] == "2001-02-03-late"
        assert count_new(store, screen.library, store.get("money")) == 0


async def test_big_w_without_saved_searches_says_how_to_save_one(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("W")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, WatchesScreen)
        assert option_lines(listing) == []
        assert "No saved searches yet" in message(listing, "#watches-message")
        await pilot.press("W")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_big_w_on_a_damaged_store_says_so_and_keeps_it(
    reader: Reader, settle: Settle
) -> None:
    path = SavedSearches().path
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not sqlite " * 100)
    async with reader() as (app, pilot, _screen):
        await pilot.press("W")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, WatchesScreen)
        assert message(listing, "#watches-message").startswith(f"{path}: damaged (")
    assert path.read_bytes() == b"not sqlite " * 100


async def test_w_on_a_malformed_search_says_why_it_is_not_saved(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("slash", *"?(tariffs", "enter")
        await settle(pilot, 0.3)
        await pilot.press("w", *"tariffs", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SaveSearchScreen)
        assert message(dialog, "#save-message") == (
            "Not saved: column 1: this '(' is never closed; add a ')'"
        )
        assert SavedSearches().all() == []
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
