"""The main screen: conference list, speaker filter and Q&A view, and the state they share.

The screen owns the reading state as reactives (open briefing, chosen person, scope,
filter text, search query; see :mod:`tui.screens.main_state`) and binds what the children
display down to them; children never change each other, they post messages up (a
briefing opened, a person chosen, the cursor moved) and the screen decides. Every call
into the library runs in a thread worker (:mod:`tui.screens.main_loading`), because at
10,000 briefings even a SQLite query can take a visible tenth of a second.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, Input, Label, ProgressBar, Static

from tui.keymap import KEYS
from tui.library import PersonKind
from tui.screens.main_actions import ReaderActions
from tui.screens.main_search import SEARCH_PREFIX
from tui.screens.palette_target import PaletteTarget
from tui.widgets.briefing_list import BriefingList
from tui.widgets.footer import SteadyFooter
from tui.widgets.qa_view import QAView
from tui.widgets.query_input import QueryInput
from tui.widgets.search_results import SearchResults
from tui.widgets.speaker_filter import SpeakerFilter

FILTER_PLACEHOLDER = "title, tag, 2017-10 · ?words: search"


PRIORITY_ACTIONS = {
    "focus_filter": "/",
    "focus_speakers": "s",
    "export": "e",
    "show_errors": "!",
    "show_help": "?",
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
        )
        for key in KEYS
    ]


class MainScreen(ReaderActions, PaletteTarget):
    """The reader. ``library`` is what every pane reads from; the palette drives it too.

    Focus moves with ``set_focus`` (immediate) rather than ``Widget.focus`` (queued), for
    the reason given at :data:`PRIORITY_ACTIONS`.
    """

    BINDINGS: ClassVar[list[BindingType]] = keymap_bindings()

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
            with ContentSwitcher(initial="qa", id="main"):
                yield QAView(id="qa")
                yield SearchResults(self.library, id="search")
        yield Static("", id="status", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.qa.show_message("Opening the archive…")
        self.set_focus(self.briefing_list)
        self.call_after_refresh(self.start_loading)

    def on_resize(self) -> None:
        self.query_one(SteadyFooter).compact = self.size.width < 100
        self.set_class(self.size.width < 100, "-narrow")
        self.set_class(self.size.height < 30, "-short")

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
            self.focus_search_results()
        else:
            self.set_focus(self.briefing_list)
            self.briefing_list.action_select()

    # --- state changes ------------------------------------------------------------------

    def select_person(self, key: str | None, kind: PersonKind = "speaker") -> None:
        """Narrow to a speaker or asker (``None``: everyone), as the speaker filter does."""
        self.person = None if key is None else (key, kind)

    def watch_person(self) -> None:
        self.load_summaries()
        self.render_view()

    def watch_scope(self) -> None:
        self.render_view()

    def watch_filter_text(self) -> None:
        self.update_status()
