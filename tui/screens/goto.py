"""The "Go to reference" box (key ``#``): a one-line dialog for a typed or pasted reference.

It returns the text as typed (``None`` on Escape); the main screen
(:mod:`tui.screens.main_reference`) reads it with :func:`tui.references.parse` and says
what is wrong when it names nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.references import EXAMPLE


class GoToScreen(ModalScreen[str | None]):
    """``#q12.a1`` or ``id#q12.a1``; Enter goes, Escape leaves."""

    DEFAULT_CSS = """
    GoToScreen { align: center middle; }
    GoToScreen #goto {
        width: 72; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    GoToScreen #goto-hint { color: $text-muted; width: 100%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, initial: str = "#") -> None:
        super().__init__()
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="goto"):
            yield Label("Go to reference", markup=False)
            yield Input(
                value=self.initial, placeholder=EXAMPLE, id="reference", select_on_focus=False
            )
            yield Label(f"{EXAMPLE}. Enter goes, esc leaves.", id="goto-hint", markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#reference", Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Submitted, "#reference")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_close(self) -> None:
        self.dismiss(None)
