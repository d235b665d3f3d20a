"""The main screen's key actions, one per entry of :data:`tui.keymap.KEYS`.

Movement keys act on whichever pane has focus (a list moves its cursor, the Q&A view
scrolls), so ``j`` means "down here" everywhere. ``n`` steps to the next search match
while the find bar or a search is active and to the next answer otherwise; ``p`` always
goes to the previous answer and ``N`` to the previous match.

Escape peels one layer at a time: the text of the focused box, then the find bar, then
the search, then the list filter, then the chosen person, then the "all briefings" scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.keys import key_to_character
from textual.message import Message
from textual.widgets import Input

from tui.config import Config
from tui.library import LoadFailed
from tui.model import Answer, Briefing, Problem
from tui.typeahead import hold_keys, release_keys

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class QuoteRead(Message):
    """The briefing of an answer to quote was read: quote ``answer``, or say ``why`` not."""

    def __init__(
        self, quote: tuple[Briefing, Answer] | None, how: str, why: str | None = None
    ) -> None:
        super().__init__()
        self.quote = quote
        self.how = how
        self.why = why


class ProblemsRead(Message):
    """The problems of every file that failed to load, for the errors screen."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems


class Actions:
    """What the keys of one :class:`~tui.screens.main.MainScreen` do, named as in the key
    table; the screen's ``action_*`` methods (what its bindings call) hand over to these."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def move(self, action: str) -> None:
        """A movement key: the focused pane moves its cursor or scrolls."""
        focused = self.screen.focused
        if isinstance(focused, Input):
            if action in ("cursor_down", "cursor_bottom") and focused.id == "filter":
                self.screen.set_focus(self.screen.briefing_list)
            return
        method = getattr(focused, f"action_{action}", None)
        if callable(method):
            method()

    def config(self) -> Config:
        """The user's settings, as the app read them (the defaults on another app)."""
        config = getattr(self.screen.app, "config", None)
        return config if isinstance(config, Config) else Config()

    def typing(self, character: str) -> bool:
        """For the priority keys: in a text box, type the character instead.

        A priority binding runs as the key is read, before the keys typed just ahead of
        it have reached the box (they wait in its queue), so the character goes to the
        box as a key of its own, behind them: ``ab/cd`` typed fast stays ``ab/cd``.
        """
        focused = self.screen.focused
        if not isinstance(focused, Input):
            return False
        character = self._rebound(character)
        if not character:
            return False  # rebound to a key that types nothing: it acts, even here
        focused.post_message(events.Key(character, character))
        return True

    def _rebound(self, character: str) -> str:
        """The character the key of a priority action types, once the user's keymap
        may have given that action another key (the first of its keys)."""
        from tui.screens.main import PRIORITY_ACTIONS

        action = next((a for a, c in PRIORITY_ACTIONS.items() if c == character), None)
        keys = self.config().keymap.get(action or "")
        if keys is None:
            return character
        return key_to_character(keys.split(",")[0]) or ""

    def focus_filter(self) -> None:
        if not self.typing("/"):
            self.screen.side_column.reveal()
            self.screen.set_focus(self.screen.filter_box)

    def focus_speakers(self) -> None:
        if not self.typing("s"):
            self.screen.side_column.reveal()
            self.screen.set_focus(self.screen.speaker_filter.find_box)

    def toggle_scope(self) -> None:
        screen = self.screen
        screen.scope = "briefing" if screen.scope == "all" else "all"

    def previous_answer(self) -> None:
        self.screen.qa.move_answer(-1)

    def toggle_order(self) -> None:
        """Newest first or by relevance; works while typing the query, unlike ``o``."""
        if self.screen.search_query:
            self.screen.search_results.toggle_order()
        else:
            self.screen.notify("Order applies to search results: search with / and a leading ?")

    def next_answer(self) -> None:
        qa = self.screen.qa
        if self.screen.finder.step(1):
            return
        if self.screen.terms and qa.move_match(1):
            return
        qa.move_answer(1)

    def previous_match(self) -> None:
        if self.screen.finder.step(-1):
            return
        if not self.screen.qa.move_match(-1):
            self.screen.notify("No search matches here: search with / and a leading ?", timeout=4)

    def clear(self) -> None:
        """Escape: one layer at a time (see the module docstring)."""
        screen = self.screen
        focused, box = screen.focused, screen.filter_box
        if focused is box and box.value:
            box.value = ""
            return
        # An empty text box gives the keys back: Escape leaves it for the list below it,
        # so the single-key commands work again instead of being typed as text.
        if focused is box:
            screen.set_focus(screen.briefing_list)
            return
        if screen.finder.close():
            return
        finder = screen.speaker_filter.find_box
        if focused is finder and not finder.value:
            screen.set_focus(screen.speaker_filter.people)
            return
        in_speakers = focused is not None and focused in screen.speaker_filter.query("*")
        if in_speakers and screen.speaker_filter.clear():
            return
        if screen.terms or screen.search_query:
            screen.search.clear()
        elif screen.filter_text:
            box.value = ""
        elif screen.person is not None:
            screen.person = None
        elif screen.scope == "all":
            screen.scope = "briefing"

    # --- quoting --------------------------------------------------------------------------

    def export(self) -> None:
        if not self.typing("e"):
            self.quote_selected("export")

    def quote_selected(self, how: str) -> None:
        screen = self.screen
        ref = screen.qa.cursor_ref
        if ref is None:
            screen.notify("No answer is selected.", severity="warning", timeout=4)
            return
        briefing_id = ref.partition("#")[0]
        if screen.briefing is not None and screen.briefing.id == briefing_id:
            answer = screen.briefing.find(ref)
            if isinstance(answer, Answer):
                self.quote(screen.briefing, answer, how)
                return
        if how in ("export", "clip"):
            hold_keys(screen.app)  # what is typed next belongs to the dialog
        library = screen.library

        def work() -> None:
            """An answer shown across all briefings: parse its own briefing to cite it."""
            try:
                briefing = library.load(briefing_id)
            except LoadFailed as error:
                screen.post_message(QuoteRead(None, how, str(error)))
                return
            answer = briefing.find(ref)
            found = (briefing, answer) if isinstance(answer, Answer) else None
            screen.post_message(QuoteRead(found, how))

        screen.run_worker(work, thread=True, group="quote", exclusive=True, exit_on_error=False)

    def quote_read(self, event: QuoteRead) -> None:
        if event.quote is not None:
            self.quote(*event.quote, event.how)
            return
        release_keys(self.screen.app)
        if event.why is not None:
            self.screen.notify(event.why, severity="error", timeout=10)

    def quote(self, briefing: Briefing, answer: Answer, how: str) -> None:
        if how == "clip":
            self.screen.open_clip_dialog(briefing, answer)
        elif how == "export":
            from tui.screens.export import ExportScreen

            config = self.config()
            self.screen.app.push_screen(
                ExportScreen(briefing, answer, config.export_format, config.export_folder)
            )
        else:
            from tui.screens.export import copy_quote

            copy_quote(self.screen.app, briefing, answer)

    def show_help(self) -> None:
        from tui.screens.help import HelpScreen, pane_help

        if not self.typing("?"):
            self.screen.app.push_screen(HelpScreen(pane_help(self.screen)))

    def show_errors(self) -> None:
        if self.typing("!"):
            return
        screen = self.screen
        hold_keys(screen.app)  # what is typed next belongs to the errors screen
        library = screen.library

        def work() -> None:
            screen.post_message(ProblemsRead(list(library.problems())))

        screen.run_worker(
            work, thread=True, group="problems-screen", exclusive=True, exit_on_error=False
        )

    def errors_read(self, event: ProblemsRead) -> None:
        from tui.screens.errors import ErrorsScreen

        self.screen.app.push_screen(ErrorsScreen(event.problems))
