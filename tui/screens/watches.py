"""The saved-searches screen (``W``): each saved search with how many hits are new.

The counts are read without marking anything (a peek, in a thread worker: each count
runs the whole query, a fraction of a second for a common word at 10,000 briefings), so
opening the screen and leaving it changes nothing. Enter dismisses with the chosen
search; the main screen then runs it in the search pane and marks its hits seen.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.library import Library
from tui.new_hits import count_new
from tui.safetext import clean_line
from tui.saved_searches import SavedSearch, SavedSearches, StoreProblem


class Counted(Message):
    """The new hits of one saved search (``None``: never looked at in this archive)."""

    def __init__(self, index: int, new: int | None, problem: str | None = None) -> None:
        super().__init__()
        self.index = index
        self.new = new
        self.problem = problem


class Listed(Message):
    """The saved searches, or why they cannot be read."""

    def __init__(self, searches: list[SavedSearch], problem: str | None = None) -> None:
        super().__init__()
        self.searches = searches
        self.problem = problem


def describe(search: SavedSearch, new: int | None, problem: str | None = None) -> str:
    """One line of the list: the name, what is new, and the query."""
    if problem is not None:
        state = "cannot count"
    elif new is None:
        state = "not looked at here yet"
    else:
        state = f"{new} new"
    return f"{clean_line(search.name)}  ·  {state}  ·  {clean_line(search.query)}"


class WatchesScreen(ModalScreen[SavedSearch | None]):
    """Saved searches and their new hits; Enter runs one, escape (or W) closes."""

    DEFAULT_CSS = """
    WatchesScreen { align: center middle; }
    WatchesScreen #watches {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    WatchesScreen #watches-title { text-style: bold; width: 100%; }
    WatchesScreen #watches-list { height: auto; max-height: 20; border: none; }
    WatchesScreen #watches-message { color: $error; height: auto; }
    WatchesScreen #watches-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,W", "close", "Close")]

    def __init__(self, library: Library, store: SavedSearches | None = None) -> None:
        super().__init__()
        self.library = library
        self.store = store or SavedSearches()
        self.searches: list[SavedSearch] = []
        self.counts: dict[int, int | None] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="watches"):
            yield Label("Saved searches", id="watches-title")
            yield OptionList(id="watches-list")
            yield Static("", id="watches-message", markup=False)
            yield Label(
                "Enter runs a search and marks its hits seen · w saves a search · esc closes",
                id="watches-hint",
            )

    @property
    def options(self) -> OptionList:
        return self.query_one("#watches-list", OptionList)

    def on_mount(self) -> None:
        self.set_focus(self.options)
        self.run_worker(self._read, thread=True, group="watches", exit_on_error=False)

    def _read(self) -> None:
        """In a worker: the searches, then each one's count as it is known."""
        try:
            searches = self.store.all()
        except StoreProblem as error:
            self.post_message(Listed([], str(error)))
            return
        self.post_message(Listed(searches))
        for index, search in enumerate(searches):
            try:
                self.post_message(Counted(index, count_new(self.store, self.library, search)))
            except Exception as error:  # a broken index or store: say so on that line
                self.post_message(Counted(index, None, str(error)))

    @on(Listed)
    def _listed(self, event: Listed) -> None:
        self.searches = event.searches
        message = self.query_one("#watches-message", Static)
        if event.problem is not None:
            message.update(Content(event.problem))
        elif not event.searches:
            message.update(Content("No saved searches yet: search with / and ?, then press w."))
        self.options.set_options(
            Option(Content(describe(search, None) + "  …"), id=f"s{index}")
            for index, search in enumerate(event.searches)
        )
        if event.searches:
            self.options.highlighted = 0

    @on(Counted)
    def _counted(self, event: Counted) -> None:
        if not 0 <= event.index < len(self.searches):
            return
        self.counts[event.index] = event.new
        search = self.searches[event.index]
        line = describe(search, event.new, event.problem)
        self.options.replace_option_prompt(f"s{event.index}", Content(line))
        if event.problem is not None:
            self.query_one("#watches-message", Static).update(Content(event.problem))

    @on(OptionList.OptionSelected, "#watches-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.searches):
            self.dismiss(self.searches[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
