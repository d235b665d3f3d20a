"""The dialog of ``w``: save the current search under a name.

Saving also records the search's current hits in this archive as seen (the user is
looking at them), so the first ``W`` or ``briefing watch`` afterwards lists only what
came in since. The store is SQLite on disk and can wait on a lock for seconds, so saving
runs in a thread worker; the dialog stays open with the reason when it fails (a name in
use asks before replacing; a damaged or locked store says so and loses nothing).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.worker import Worker, WorkerState

from tui.library import Watching
from tui.plural import count
from tui.saved_searches import SavedSearchError, SavedSearches, check_name


class NameTaken(Exception):
    """A saved search already has the name typed (asked before replacing)."""


class SaveSearchScreen(ModalScreen[str | None]):
    """Name and save ``query``; dismisses with the name saved, or None when cancelled."""

    AUTO_FOCUS = "#search-name"

    DEFAULT_CSS = """
    SaveSearchScreen { align: center middle; }
    SaveSearchScreen #save-dialog {
        width: 70; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    SaveSearchScreen #save-heading { text-style: bold; width: 100%; }
    SaveSearchScreen #save-query { color: $text-muted; width: 100%; }
    SaveSearchScreen #save-message { color: $error; height: auto; }
    SaveSearchScreen #save-message.-question { color: $warning; }
    SaveSearchScreen #save-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, query: str, library: Watching, store: SavedSearches | None = None) -> None:
        super().__init__()
        self.search_query = query
        self.library = library
        self.store = store or SavedSearches()
        self._replace_name: str | None = None
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog"):
            yield Label("Save this search as:", id="save-heading")
            yield Static(Content(self.search_query), id="save-query")
            yield Input(placeholder="a name, e.g. tariffs", id="search-name")
            yield Static("", id="save-message", markup=False)
            yield Label(
                "Enter saves · W lists saved searches with their new hits · esc cancels",
                id="save-hint",
            )

    @property
    def name_box(self) -> Input:
        return self.query_one("#search-name", Input)

    def _say(self, message: str, *, question: bool = False) -> None:
        widget = self.query_one("#save-message", Static)
        widget.update(Content(message))
        widget.set_class(question, "-question")

    @on(Input.Changed, "#search-name")
    def _name_changed(self) -> None:
        if self._replace_name is not None:
            self._replace_name = None
            self._say("")

    @on(Input.Submitted, "#search-name")
    def action_save(self) -> None:
        if self._saving:
            return
        try:
            name = check_name(self.name_box.value)
        except SavedSearchError as error:
            self._say(str(error).capitalize() + ".")
            return
        replace = (self._replace_name or "").lower() == name.lower()
        self._saving = True
        self._say("Saving…", question=True)
        self.run_worker(
            lambda: self._save(name, replace),
            group="save-search",
            thread=True,
            exit_on_error=False,
        )

    def _save(self, name: str, replace: bool) -> tuple[str, int]:
        """In the worker: save, then record what the search finds now as seen."""
        taken = [s.name for s in self.store.all() if s.name.lower() == name.lower()]
        if taken and not replace:
            raise NameTaken(taken[0])
        saved = self.store.add(name, self.search_query, replace=replace)
        scan = self.library.watch(saved.query, (), limit=0)
        self.store.mark_seen(saved.name, self.library.archive, scan.keys)
        return saved.name, len(scan.keys)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "save-search" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self._saving = False
        error = event.worker.error
        result = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, tuple):
            name, hits = result
            self.app.notify(
                f"Saved the search {name!r} ({count(hits, 'hit')} now, marked seen).",
                markup=False,
            )
            self.dismiss(name)
        elif isinstance(error, NameTaken):
            self._replace_name = error.args[0]
            self._say(
                f"A saved search named {error.args[0]!r} exists: Enter again replaces it.",
                question=True,
            )
        else:  # a malformed query, a damaged or locked store: nothing was changed
            self._say(f"Not saved: {error}")

    def action_cancel(self) -> None:
        if not self._saving:
            self.dismiss(None)
