"""The main screen: conference list, speaker filter and Q&A view, and the state they share.

The screen owns the reading state as reactives (open briefing, chosen person, scope,
filter text, search query) and binds what the children display down to them; children
never change each other, they post messages up (a briefing opened, a person chosen, the
cursor moved) and the screen decides. The work is done by three collaborators the screen
holds, each a plain class in its own module: :class:`~tui.screens.main_loading.Loading`
(every call into the library, in a thread worker, because at 10,000 briefings even a
SQLite query can take a visible tenth of a second), :class:`~tui.screens.main_search.Search`
(the search pane) and :class:`~tui.screens.main_actions.Actions` (what the keys do). This
module is the wiring, read top to bottom: state, panes, layout, then every message, each
handed to the collaborator that owns it; the keys' actions are listed in
:mod:`~tui.screens.main_keys`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, Label, ProgressBar, Static

from tui.keymap import KEYS
from tui.library import Library, PersonKind
from tui.model import Briefing
from tui.plural import count
from tui.safetext import clean_line
from tui.screens.main_actions import Actions, ProblemsRead, QuoteRead
from tui.screens.main_bookmarks import BookmarkActions, Marks
from tui.screens.main_clips import ClipActions
from tui.screens.main_find import FindActions, Finder
from tui.screens.main_history import HistoryActions, Places
from tui.screens.main_keys import KeyActions
from tui.screens.main_layout import LayoutActions, SideColumn
from tui.screens.main_loading import (
    BriefingFailed,
    BriefingRead,
    CrossRead,
    FailedFilesCounted,
    Loading,
    PeopleRead,
    Progressed,
    Refreshed,
    SummariesRead,
)
from tui.screens.main_reference import ReferenceActions, References
from tui.screens.main_reload import POLL_SECONDS, ReloadActions, Reloading
from tui.screens.main_results_export import ResultsExport
from tui.screens.main_search import SEARCH_PREFIX, Search
from tui.screens.main_watch import SavedSearchKeys
from tui.screens.palette_target import PaletteTarget
from tui.widgets.briefing_list import BriefingList
from tui.widgets.find_bar import FindBar
from tui.widgets.footer import SteadyFooter
from tui.widgets.qa_view import QAView
from tui.widgets.query_input import QueryInput
from tui.widgets.search_results import SearchResults
from tui.widgets.speaker_filter import Choice, SpeakerFilter

Scope = Literal["briefing", "all"]

FILTER_PLACEHOLDER = "title, tag, 2017-10 · ?words: search"


PRIORITY_ACTIONS = {
    "focus_filter": "/",
    "focus_speakers": "s",
    "export": "e",
    "export_results": "x",
    "clip": "c",
    "show_clippings": "C",
    "show_errors": "!",
    "show_help": "?",
    "save_search": "w",
    "saved_searches": "W",
    "toggle_side": "b",
    "find": "f",
    "go_to_reference": "#",
    "show_bookmarks": "M",
}
"""Actions bound with priority (they move the focus or open a screen), and the character
they type when a text box has focus.

Textual routes each key to the widget focused *when the key is read*; a key's binding
runs later. Typed quickly (``/2017`` or ``e`` and a file name arrive as one burst), the
keys after ``/`` would go to the list, not to the box ``/`` focuses, and the file name
typed after ``e`` to the screen below the export dialog. A priority binding runs as the
key is read, so the focus has moved, or the dialog is on the stack, before the next key
is routed (and :class:`~tui.typeahead.TypeAheadApp` holds that key until the dialog can
take it); inside a text box the key still types its character."""


def keymap_bindings() -> list[BindingType]:
    """The screen's bindings, straight from :data:`tui.keymap.KEYS`."""
    return [
        Binding(
            key.keys,
            key.action,
            key.description,
            show=key.footer,
            priority=key.action in PRIORITY_ACTIONS,
            id=key.id,
        )
        for key in KEYS
    ]


class MainScreen(
    KeyActions,
    LayoutActions,
    ReloadActions,
    FindActions,
    HistoryActions,
    ReferenceActions,
    BookmarkActions,
    Screen[None],
    PaletteTarget,
    SavedSearchKeys,
    ResultsExport,
    ClipActions,
):
    """The reader. ``library`` is what every pane reads from; the palette drives it too.

    Focus moves with ``set_focus`` (immediate) rather than ``Widget.focus`` (queued), for
    the reason given at :data:`PRIORITY_ACTIONS`.
    """

    BINDINGS: ClassVar[list[BindingType]] = keymap_bindings()

    briefing_id: reactive[str | None] = reactive(None, init=False)
    person: reactive[Choice] = reactive(None, init=False)
    scope: reactive[Scope] = reactive("briefing", init=False)
    filter_text: reactive[str] = reactive("", init=False)
    search_query: reactive[str] = reactive("", init=False)

    def __init__(
        self, library: Library, watch: Sequence[Path] = (), poll_seconds: float = POLL_SECONDS
    ) -> None:
        """``watch``: the archive's folders, polled every ``poll_seconds`` for changes."""
        super().__init__()
        self._library = library
        self._watch = tuple(watch)
        self._poll_seconds = poll_seconds
        self.briefing: Briefing | None = None
        self.terms: tuple[str, ...] = ()
        self.names: dict[tuple[str, PersonKind], str] = {}
        """Display names of the people chosen so far (the speaker filter has them all)."""
        self.loader = Loading(self)
        self.search = Search(self)
        self.actions = Actions(self)
        self.reloading = Reloading(self)
        self.side_column = SideColumn(self)
        self.finder = Finder(self)
        self.places = Places(self)
        self.references = References(self)
        self.marks = Marks(self)

    # --- the panes ----------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The archive every pane reads from (the palette too)."""
        return self._library

    @property
    def briefing_list(self) -> BriefingList:
        return self.query_one("#briefings", BriefingList)

    @property
    def speaker_filter(self) -> SpeakerFilter:
        return self.query_one("#speakers", SpeakerFilter)

    @property
    def qa(self) -> QAView:
        return self.query_one("#qa", QAView)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#filter", Input)

    @property
    def search_results(self) -> SearchResults:
        return self.search.results

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="side"):
                with Horizontal(id="filter-row"):
                    yield Label("Filter", id="filter-mode")
                    yield QueryInput(placeholder=FILTER_PLACEHOLDER, compact=True, id="filter")
                yield ProgressBar(id="progress", show_eta=False)
                yield BriefingList(id="briefings").data_bind(
                    MainScreen.filter_text, opened_id=MainScreen.briefing_id
                )
                yield SpeakerFilter(id="speakers").data_bind(chosen=MainScreen.person)
            with Vertical(id="reader"):
                with ContentSwitcher(initial="qa", id="main"):
                    yield QAView(id="qa")
                    yield SearchResults(self.library, id="search")
                yield FindBar(id="find-bar")
        yield Static("", id="status", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.qa.show_message("Opening the archive…")
        self.set_focus(self.briefing_list)
        self.loader.start()
        self.call_after_refresh(self.reloading.start, self._watch, self._poll_seconds)

    def on_resize(self) -> None:
        self.query_one(SteadyFooter).compact = self.size.width < 100
        self.set_class(self.size.width < 100, "-narrow")
        self.set_class(self.size.height < 30, "-short")
        self.side_column.resized(self.size.width)

    def person_name(self) -> str:
        """The chosen person's name as the archive spells it (their key until it is known)."""
        if self.person is None:
            return ""
        name = self.names.get(self.person)
        if name is None:
            name = self.speaker_filter.name_of(self.person)
            if name is None:
                return self.person[0]
            self.names[self.person] = name
        return name

    def update_status(self) -> None:
        """The status line: the selected answer's reference first (it is what gets cited)."""
        qa = self.qa
        parts = [qa.cursor_ref or "no answer selected"]
        if qa.answers and qa.cursor_ref:
            parts.append(f"answer {qa.answers.index(qa.cursor_ref) + 1}/{len(qa.answers)}")
        if qa.match_count and qa.match_index >= 0:
            parts.append(f"match {qa.match_index + 1}/{qa.match_count}")
        elif qa.match_count:
            parts.append(count(qa.match_count, "match", "matches"))
        if self.person is not None:
            kind = "speaker" if self.person[1] == "speaker" else "asker"
            parts.append(f"{kind}: {clean_line(self.person_name())}")
        parts.append("all briefings" if self.scope == "all" else "this briefing")
        if self.filter_text.strip():
            shown, total = len(self.briefing_list.rows), len(self.briefing_list.summaries)
            parts.append(f"filter: {shown} of {total} briefings")
        self.query_one("#status", Static).update(" · ".join(parts))

    # --- messages from children -----------------------------------------------------------

    def on_briefing_list_opened(self, event: BriefingList.Opened) -> None:
        if event.explicit:
            self.select_briefing(event.briefing_id)
            self.set_focus(self.qa)
        else:
            self.open_briefing(event.briefing_id)

    def on_speaker_filter_chosen(self, event: SpeakerFilter.Chosen) -> None:
        self.person = event.choice
        if event.choice is not None and self.briefing_list.rows:
            self.set_focus(self.briefing_list)

    def on_qaview_cursor_moved(self, event: QAView.CursorMoved) -> None:
        # Across all briefings the list's marker follows the selected answer's briefing,
        # so the list says where the answer under the cursor comes from.
        shown = self.briefing_id
        if self.scope == "all" and event.ref:
            shown = event.ref.partition("#")[0]
        self.briefing_list.opened_id = shown
        self.update_status()
        self.finder.show_count()

    @on(SearchResults.Opened, "#search")
    def _open_hit(self, event: SearchResults.Opened) -> None:
        self.search.open_hit(event)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "filter":
            return
        text = event.value
        searching = text.startswith(SEARCH_PREFIX)
        self.query_one("#filter-mode", Label).update("Search" if searching else "Filter")
        self.set_class(searching, "-searching")
        if searching:
            self.filter_text = ""
            self.search_query = text[len(SEARCH_PREFIX) :].strip()
        else:
            self.search_query = ""
            self.filter_text = text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "filter":
            return
        if self.search_query:
            self.search.focus_results()
        else:
            self.set_focus(self.briefing_list)
            self.briefing_list.action_select()

    # --- messages from workers (posted from their threads, handled here) ----------------

    @on(Progressed)
    def _progressed(self, event: Progressed) -> None:
        self.loader.show_progress(event)

    @on(Refreshed)
    def _refreshed(self, event: Refreshed) -> None:
        self.loader.refreshed(event)

    @on(FailedFilesCounted)
    def _failed_files(self, event: FailedFilesCounted) -> None:
        self.loader.say_files_failed(event)

    @on(SummariesRead)
    def _summaries(self, event: SummariesRead) -> None:
        self.loader.apply_summaries(event)

    @on(PeopleRead)
    def _people(self, event: PeopleRead) -> None:
        self.loader.apply_people(event)

    @on(BriefingRead)
    def _briefing(self, event: BriefingRead) -> None:
        self.loader.apply_briefing(event)

    @on(BriefingFailed)
    def _briefing_failed(self, event: BriefingFailed) -> None:
        self.loader.briefing_failed(event)

    @on(CrossRead)
    def _cross(self, event: CrossRead) -> None:
        self.loader.apply_cross(event)

    @on(QuoteRead)
    def _quote(self, event: QuoteRead) -> None:
        self.actions.quote_read(event)

    @on(ProblemsRead)
    def _problems(self, event: ProblemsRead) -> None:
        self.actions.errors_read(event)

    # --- state changes ------------------------------------------------------------------

    def select_briefing(self, briefing_id: str, target: str | None = None) -> None:
        """Open a briefing in this-briefing scope (list Enter, palette, search result)."""
        self.scope = "briefing"
        self.open_briefing(briefing_id, target, passing=False)

    def open_briefing(
        self, briefing_id: str, target: str | None = None, *, passing: bool = True
    ) -> None:
        """Make ``briefing_id`` the open briefing (loading it if needed), scope unchanged;
        ``passing``: only previewed, as the list's cursor passes (see tui.history)."""
        self.places.opening(briefing_id, target, passing=passing)
        if briefing_id == self.briefing_id and self.briefing is not None:
            if target is not None:
                self.qa.select(target)
            return
        self.set_reactive(MainScreen.briefing_id, briefing_id)
        self.briefing_list.opened_id = briefing_id
        self.loader.load_briefing(briefing_id, target)

    def select_person(self, key: str | None, kind: PersonKind = "speaker") -> None:
        """Narrow to a speaker or asker (``None``: everyone), as the speaker filter does."""
        self.person = None if key is None else (key, kind)

    def render_view(self, target: str | None = None) -> None:
        """Show what the state asks for: one briefing or a person across all of them."""
        self.loader.render_view(target)

    def watch_person(self) -> None:
        self.loader.load_summaries()
        self.render_view()

    def watch_scope(self) -> None:
        self.render_view()

    def watch_filter_text(self) -> None:
        # The list gets the new filter through its data binding, after this watcher has
        # run: count its rows once it has, or the status lags one key behind the list.
        self.call_later(self.update_status)

    def watch_search_query(self, query: str) -> None:
        self.search.query_changed(query)

    # --- actions: those of tui.keymap.KEYS not in KeyActions ----------------------------

    def action_focus_next(self) -> None:
        self.focus_next()

    def action_focus_previous(self) -> None:
        self.focus_previous()

    def action_quit(self) -> None:
        self.app.exit(0)
