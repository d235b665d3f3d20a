"""The find bar (key ``f``): one line at the foot of the Q&A view, as in ``less``.

It is hidden until ``f`` opens it. Typing highlights every match as it goes (the count,
``17 matches``, beside the box); Enter goes to the first match from the top of the view
and gives the keys back to the view, where ``n``/``N`` step through the matches (``3/17``)
while the bar stays open; Escape closes it and the highlights go with it. The bar only
says what was typed; the main screen (:mod:`tui.screens.main_find`) decides what it
does.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from tui.widgets.query_input import QueryInput


class FindBar(Horizontal):
    """``Find [text ] 3/17``; ``display`` is False while find is not in use."""

    DEFAULT_CSS = """
    FindBar { height: 1; display: none; background: $panel; }
    FindBar.-open { display: block; }
    FindBar > #find-label { width: auto; padding: 0 1; background: $accent 40%; }
    FindBar > #find { width: 1fr; }
    FindBar > #find-count { width: auto; min-width: 12; padding: 0 1; color: $text-muted; }
    """

    class Changed(Message):
        """The text to find changed."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Submitted(Message):
        """Enter in the box: go to the first match from here."""

    def compose(self) -> ComposeResult:
        yield Label("Find", id="find-label")
        yield QueryInput(placeholder="text in this briefing", compact=True, id="find")
        yield Label("", id="find-count", markup=False)

    @property
    def box(self) -> Input:
        return self.query_one("#find", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")

    def close(self) -> None:
        self.remove_class("-open")
        self.box.value = ""
        self.show_count("")

    def show_count(self, text: str) -> None:
        self.query_one("#find-count", Label).update(text)

    @on(Input.Changed, "#find")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())
