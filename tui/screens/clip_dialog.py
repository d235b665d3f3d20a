"""The clip dialog (key ``c``) and the note editor of the clippings screen.

Small on purpose, because clipping happens in the middle of reading: the reference and
the first words of what is clipped, a note (focused, so typing starts it at once), and
the collection, shown and changeable (the last one used is offered). Enter clips, Escape
cancels. The dialog only asks; the caller writes, so a locked or read-only database is
reported in one place (:mod:`tui.screens.main_clips`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.clips.store import check_name
from tui.safetext import clean_line
from tui.wrap import truncate

FIRST_WORDS = 200  # the dialog's width cuts them, with an ellipsis


@dataclass(frozen=True, slots=True)
class ClipRequest:
    """What the user asked for: the note, and the collection to clip into."""

    note: str
    collection: str


class ClipDialog(ModalScreen[ClipRequest | None]):
    """Ask for a note (and a collection) for ``ref``; ``collection=None`` edits a note only."""

    AUTO_FOCUS = "#note"
    """Focused as the dialog appears, so a note typed straight after ``c`` lands in it."""

    DEFAULT_CSS = """
    ClipDialog { align: center middle; }
    ClipDialog #dialog {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ClipDialog #heading { text-style: bold; width: 100%; }
    ClipDialog #words {
        color: $text-muted; width: 100%; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ClipDialog #message { color: $error; height: auto; }
    ClipDialog .hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, ref: str, text: str, *, note: str = "", collection: str | None = None
    ) -> None:
        super().__init__()
        self.ref = ref
        self.text = text
        self.note = note
        self.collection = collection

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            verb = "Clip" if self.collection is not None else "Edit the note of"
            yield Label(Text(f"{verb} {self.ref}"), id="heading")
            first = truncate(clean_line(" ".join(self.text.split())), FIRST_WORDS)
            yield Static(Text(first), id="words")
            yield Label("Note:")
            yield Input(
                self.note, placeholder="why it matters (optional)", id="note", select_on_focus=False
            )
            if self.collection is not None:
                yield Label("Collection:")
                yield Input(self.collection, id="collection")
            yield Static("", id="message")
            yield Static(Text("Enter: clip · Escape: cancel"), classes="hint")

    @on(Input.Submitted)
    def action_submit(self) -> None:
        note = self.query_one("#note", Input).value
        if self.collection is None:
            self.dismiss(ClipRequest(note, ""))
            return
        try:
            name = check_name(self.query_one("#collection", Input).value)
        except ValueError as error:
            self.query_one("#message", Static).update(Text(f"Not clipped: {error}."))
            self.query_one("#collection", Input).focus()
            return
        self.dismiss(ClipRequest(note, name))

    def action_cancel(self) -> None:
        self.dismiss(None)
