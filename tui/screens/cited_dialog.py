"""A write dialog that also asks how to cite: the "Cite as:" row, chosen and remembered.

The answer export (``e``) and the collection export (``e`` on the clippings screen)
both cite what they write, so both offer the same row of styles (plain, APA, Chicago,
MLA, CSL-JSON: :data:`tui.citation.STYLES`), start on the style last chosen in either,
and remember a new choice for the next ``e`` and ``y``. The choice is remembered in a
thread worker because it writes a file.

It is a :class:`~tui.screens.write_dialog.WriteDialog` subclass rather than a mixin:
Textual collects ``@on`` handlers per message-pump class, so a handler on a plain mixin
would never be called.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, RadioSet

from tui.citation import STYLES, remember_style, remembered_style
from tui.screens.write_dialog import MarkedRadioButton, WriteDialog


class CitedWriteDialog(WriteDialog):
    """A :class:`WriteDialog` with a citation style; ``self.style`` is the one chosen."""

    DEFAULT_CSS = """
    CitedWriteDialog #style-row { height: auto; }
    CitedWriteDialog #style-row Label { width: auto; padding: 0 1 0 0; }
    CitedWriteDialog #style-row RadioSet { width: 1fr; }
    /* Focus shows as a tint, not a border: a border would push the rows below down while
       the mouse is on them (three rows of choices fill an 80x24 terminal). */
    CitedWriteDialog RadioSet:focus { border: none; background-tint: $foreground 8%; }
    """

    def __init__(self) -> None:
        self.style: str = remembered_style()
        super().__init__()

    def style_row(self) -> ComposeResult:
        """The "Cite as:" row, the current style pressed (a subclass places it)."""
        with Horizontal(id="style-row"):
            yield Label("Cite as:")
            with RadioSet(id="style"):
                for style in STYLES.values():
                    yield MarkedRadioButton(
                        style.label, value=style.key == self.style, id=f"style-{style.key}"
                    )

    @on(RadioSet.Changed, "#style")
    def _style_changed(self, event: RadioSet.Changed) -> None:
        chosen = (event.pressed.id or "").removeprefix("style-")
        if chosen not in STYLES or chosen == self.style:
            return
        self.style = chosen
        self.refresh_preview()
        self.run_worker(
            lambda: self._remember(chosen),
            name="remember style",
            group="remember",
            thread=True,
            exit_on_error=False,
        )

    def _remember(self, style: str) -> None:
        """Keep the chosen style for the next ``e`` and ``y`` (a worker: it writes a file)."""
        try:
            remember_style(style)
        except OSError as error:
            self.app.notify(f"The citation style could not be remembered: {error}", markup=False)
