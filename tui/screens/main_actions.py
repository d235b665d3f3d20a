"""The main screen's key actions, one per entry of :data:`tui.keymap.KEYS`.

Movement keys act on whichever pane has focus (a list moves its cursor, the Q&A view
scrolls), so ``j`` means "down here" everywhere. ``n`` steps to the next search match
while a search is active and to the next answer otherwise; ``p`` always goes to the
previous answer and ``N`` to the previous match.

Escape peels one layer at a time: the text of the focused box, then the search, then the
list filter, then the chosen person, then the "all briefings" scope.
"""

from __future__ import annotations

from textual import events, on, work
from textual.message import Message
from textual.widgets import Input

from tui.model import Answer, Briefing, Problem
from tui.screens.main_search import ReaderSearch
from tui.typeahead import hold_keys, release_keys


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


class ReaderActions(ReaderSearch):
    """Actions named as in the key table."""

    def _delegate(self, action: str) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            if action in ("cursor_down", "cursor_bottom") and focused.id == "filter":
                self.set_focus(self.briefing_list)
            return
        method = getattr(focused, f"action_{action}", None)
        if callable(method):
            method()

    def action_cursor_down(self) -> None:
        self._delegate("cursor_down")

    def action_cursor_up(self) -> None:
        self._delegate("cursor_up")

    def action_cursor_top(self) -> None:
        self._delegate("cursor_top")

    def action_cursor_bottom(self) -> None:
        self._delegate("cursor_bottom")

    def action_focus_next(self) -> None:
        self.focus_next()

    def action_focus_previous(self) -> None:
        self.focus_previous()

    def _typing(self, character: str) -> bool:
        """For the priority keys: in a text box, type the character instead.

        A priority binding runs as the key is read, before the keys typed just ahead of
        it have reached the box (they wait in its queue), so the character goes to the
        box as a key of its own, behind them: ``ab/cd`` typed fast stays ``ab/cd``.
        """
        if isinstance(self.focused, Input):
            self.focused.post_message(events.Key(character, character))
            return True
        return False

    def action_focus_filter(self) -> None:
        if not self._typing("/"):
            self.set_focus(self.filter_box)

    def action_focus_speakers(self) -> None:
        if not self._typing("s"):
            self.set_focus(self.speaker_filter.find_box)

    def action_toggle_scope(self) -> None:
        self.scope = "briefing" if self.scope == "all" else "all"

    def action_toggle_order(self) -> None:
        """Newest first or by relevance; works while typing the query, unlike ``o``."""
        if self.search_query:
            self.search_results.toggle_order()
        else:
            self.notify("Order applies to search results: search with / and a leading ?")

    def action_next_answer(self) -> None:
        if self.terms and self.qa.move_match(1):
            return
        self.qa.move_answer(1)

    def action_previous_answer(self) -> None:
        self.qa.move_answer(-1)

    def action_previous_match(self) -> None:
        if not self.qa.move_match(-1):
            self.notify("No search matches here: search with / and a leading ?", timeout=4)

    def action_quit(self) -> None:
        self.app.exit(0)

    def action_clear(self) -> None:
        focused = self.focused
        if focused is self.filter_box and self.filter_box.value:
            self.filter_box.value = ""
            return
        in_speakers = focused is not None and focused in self.speaker_filter.query("*")
        if in_speakers and self.speaker_filter.clear():
            return
        if self.terms or self.search_query:
            self.clear_search()
        elif self.filter_text:
            self.filter_box.value = ""
        elif self.person is not None:
            self.person = None
        elif self.scope == "all":
            self.scope = "briefing"

    # --- quoting --------------------------------------------------------------------------

    def action_export(self) -> None:
        if not self._typing("e"):
            self._quote("export")

    def action_copy(self) -> None:
        self._quote("copy")

    def _quote(self, how: str) -> None:
        ref = self.qa.cursor_ref
        if ref is None:
            self.notify("No answer is selected.", severity="warning", timeout=4)
            return
        briefing_id = ref.partition("#")[0]
        if self.briefing is not None and self.briefing.id == briefing_id:
            answer = self.briefing.find(ref)
            if isinstance(answer, Answer):
                self.quote(self.briefing, answer, how)
                return
        if how == "export":
            hold_keys(self.app)  # what is typed next belongs to the dialog
        self.load_for_quote(briefing_id, ref, how)

    @work(thread=True, exclusive=True, group="quote", exit_on_error=False)
    def load_for_quote(self, briefing_id: str, ref: str, how: str) -> None:
        """An answer shown across all briefings: parse its own briefing to cite it."""
        from tui.library import LoadFailed

        try:
            briefing = self.library.load(briefing_id)
        except LoadFailed as error:
            self.post_message(QuoteRead(None, how, str(error)))
            return
        answer = briefing.find(ref)
        found = (briefing, answer) if isinstance(answer, Answer) else None
        self.post_message(QuoteRead(found, how))

    @on(QuoteRead)
    def quote_read(self, event: QuoteRead) -> None:
        if event.quote is not None:
            self.quote(*event.quote, event.how)
            return
        release_keys(self.app)
        if event.why is not None:
            self.notify(event.why, severity="error", timeout=10)

    def quote(self, briefing: Briefing, answer: Answer, how: str) -> None:
        if how == "export":
            from tui.screens.export import ExportScreen

            self.app.push_screen(ExportScreen(briefing, answer))
        else:
            from tui.screens.export import copy_quote

            copy_quote(self.app, briefing, answer)

    def action_show_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not self._typing("?"):
            self.app.push_screen(HelpScreen())

    def action_show_errors(self) -> None:
        if not self._typing("!"):
            hold_keys(self.app)  # what is typed next belongs to the errors screen
            self.read_problems()

    @work(thread=True, exclusive=True, group="problems-screen", exit_on_error=False)
    def read_problems(self) -> None:
        self.post_message(ProblemsRead(list(self.library.problems())))

    @on(ProblemsRead)
    def show_errors(self, event: ProblemsRead) -> None:
        from tui.screens.errors import ErrorsScreen

        self.app.push_screen(ErrorsScreen(event.problems))
