"""The search results widget in a small app: type, see hits, open one with Enter."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from index_samples import SAMPLE
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Sparkline, Static

from tui.index import Index
from tui.library import Order, SearchHit, Searching, StopCheck
from tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from conftest import Archive


class SearchApp(App[None]):
    """An input feeding the widget, as the reader's search box does."""

    def __init__(self, library: Searching) -> None:
        super().__init__()
        self.library = library
        self.opened: list[SearchResults.Opened] = []

    def compose(self) -> ComposeResult:
        yield Input(id="box")
        yield SearchResults(self.library, id="search")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(SearchResults).query_text = event.value

    def on_search_results_opened(self, event: SearchResults.Opened) -> None:
        self.opened.append(event)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the search workers (superseded ones are cancelled) and their messages."""
    for _ in range(2):
        live = [worker for worker in pilot.app.workers if not worker.is_cancelled]
        await pilot.app.workers.wait_for_complete(live)
        await pilot.pause()


def status(app: App[None]) -> str:
    return str(app.query_one("#search-status", Static).render())


async def test_typing_shows_hits_and_enter_opens_one(archive: Archive) -> None:
    app = SearchApp(archive.indexed(SAMPLE))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press(*"budget")
        await settle(pilot)
        results = app.query_one(SearchResults)
        assert [h.ref for h in results.hits] == ["2021-06-15-trade#q1", "2019-03-05-mfa#q1.a1"]
        assert status(app) == "2 hits, newest first (ctrl+o: switch order)"
        assert results.months[0] == ("2019-03", 1) and len(results.months) == 28
        assert app.query_one(Sparkline).data is not None
        results.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [(e.ref, e.terms) for e in app.opened] == [("2019-03-05-mfa#q1.a1", ("budget",))]


async def test_rows_show_heading_and_snippet_with_styled_matches(archive: Archive) -> None:
    app = SearchApp(archive.indexed(SAMPLE))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press(*"financ*")
        await settle(pilot)
        hits = app.query_one(SearchResults).hit_list
        head = hits.render_line(0).text
        assert head.startswith("2017-10-11 A Tang Zhiping  #q1.a1  Briefing 2017-10-11-shanghai")
        line = hits.render_line(1)
        assert line.text.startswith("    The Belt and Road strategy brings financing to Shanghai.")
        styled = [seg.text for seg in line if seg.style is not None and seg.style.reverse]
        assert styled == ["financing"]


async def test_a_malformed_query_shows_its_message_and_no_hits(archive: Archive) -> None:
    app = SearchApp(archive.indexed(SAMPLE))
    async with app.run_test() as pilot:
        await pilot.press(*"tax AND")
        await settle(pilot)
        assert status(app) == "column 5: AND needs a term after it"
        assert app.query_one("#search-status").has_class("error")
        assert app.query_one(SearchResults).hits == []


async def test_only_the_newest_query_is_shown_and_o_toggles_the_order(archive: Archive) -> None:
    app = SearchApp(archive.indexed(SAMPLE))
    async with app.run_test() as pilot:
        results = app.query_one(SearchResults)
        for text in ("budget", "tariffs", "zebra", "welcome"):
            results.query_text = text
        await settle(pilot)
        assert [h.ref for h in results.hits] == ["2017-10-11-shanghai#r1"]
        results.focus()
        await pilot.press("o")
        await settle(pilot)
        assert results.order == "relevance"
        assert status(app) == "1 hit, by relevance (ctrl+o: switch order)"
        results.query_text = "zebra"
        await settle(pilot)
        assert status(app) == "No matches."


class BrokenArchive:
    """A library whose every search fails, as a damaged index past recovery would."""

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        order: Order = "newest",
        should_stop: StopCheck | None = None,
    ) -> Sequence[SearchHit]:
        raise sqlite3.DatabaseError("disk I/O error")

    def hits_per_month(
        self, query: str, should_stop: StopCheck | None = None
    ) -> Sequence[tuple[str, int]]:
        raise sqlite3.DatabaseError("disk I/O error")


async def test_a_failing_search_says_why_and_the_reader_goes_on() -> None:
    app = SearchApp(BrokenArchive())
    async with app.run_test() as pilot:
        await pilot.press(*"tax")
        await settle(pilot)
        assert status(app) == "Search failed: disk I/O error"
        assert app.query_one(SearchResults).hits == []


def test_the_index_satisfies_what_the_widget_calls(archive: Archive) -> None:
    index: Index = archive.indexed(SAMPLE)
    assert callable(index.search) and callable(index.hits_per_month)
