"""The peer of the reader's terminal figures: a Textual app that paints one line.

Whatever a Textual reader does, it pays for the interpreter, ``import textual`` and the
first layout; this app pays for exactly that, so "start time beside the bare app"
isolates what the reader adds. Each ``j`` repaints the line with a counter, which gives
the floor of one key-to-paint step through the same terminal, for the ``j`` figure.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

READY = "bare textual app: ready"


def step_text(count: int) -> str:
    return f"{READY}, steps {count}"


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit"), ("j", "step", "Step")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static(READY, id="line")

    def action_step(self) -> None:
        self.count += 1
        self.query_one("#line", Static).update(step_text(self.count))


if __name__ == "__main__":
    BareApp().run()
