"""Exporting a collection from the clippings screen: a file name, and a question if it exists.

The format follows the file's extension (``.md``, ``.txt``, ``.json``, ``.csv``), the
same rule as ``briefing clips export -o``; the suggested name is
``exports/<collection>.md``. An existing file is never overwritten unasked: the dialog
turns into the question (Enter overwrites, Escape keeps the file and lets the name be
changed). The text is :func:`tui.clips.collection.render_collection`, so the reader and
the command line write the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.clips.collection import EXTENSIONS, Checked, render_collection
from tui.export_file import DestinationExists, ExportError, write_export
from tui.ids import slug

FOLDER = Path("exports")


def format_of(path: Path) -> str | None:
    """The collection format a file name implies, or None."""
    return next((key for key, ext in EXTENSIONS.items() if path.suffix.lower() == ext), None)


class CollectionExportDialog(ModalScreen[Path | None]):
    """Write collection ``name`` (its checked clippings) to a file the user names."""

    AUTO_FOCUS = "#path"

    DEFAULT_CSS = """
    CollectionExportDialog { align: center middle; }
    CollectionExportDialog #dialog {
        width: 80; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    CollectionExportDialog #heading { text-style: bold; }
    CollectionExportDialog #message { color: $error; height: auto; }
    CollectionExportDialog #message.-question { color: $warning; }
    CollectionExportDialog .hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str, items: Sequence[Checked]) -> None:
        super().__init__()
        self.collection = name
        self.items = list(items)
        self.confirming: Path | None = None

    def compose(self) -> ComposeResult:
        suggested = FOLDER / f"{slug(self.collection, fallback='clippings')}.md"
        with Vertical(id="dialog"):
            yield Label(Text(f"Export the collection {self.collection}"), id="heading")
            yield Label("Save to (.md, .txt, .json or .csv):")
            yield Input(str(suggested), id="path", select_on_focus=False)
            yield Static("", id="message")
            yield Static(Text("Enter: export · Escape: cancel"), classes="hint")

    def _say(self, message: str, *, question: bool = False) -> None:
        widget = self.query_one("#message", Static)
        widget.update(Text(message))
        widget.set_class(question, "-question")

    @on(Input.Changed, "#path")
    def _changed(self) -> None:
        if self.confirming is not None:
            self.confirming = None
            self._say("")

    @on(Input.Submitted, "#path")
    def action_export(self) -> None:
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        if not path.name:
            self._say("Type the file to write the collection to.")
            return
        fmt = format_of(path)
        if fmt is None:
            self._say(f"Name the file .md, .txt, .json or .csv (not '{path.suffix}').")
            return
        overwrite = self.confirming == path
        text = render_collection(self.collection, self.items, fmt)
        try:
            written = write_export(path, text, overwrite=overwrite)
        except DestinationExists:
            self.confirming = path
            self._say(
                f"{path} already exists. Enter overwrites it; Escape keeps it.", question=True
            )
            return
        except ExportError as error:
            self._say(f"Not exported: {error}")
            return
        self.app.notify(f"Exported {self.collection} to {written.resolve()}", markup=False)
        self.dismiss(written)

    def action_cancel(self) -> None:
        if self.confirming is not None:
            self.confirming = None
            self._say("Kept the existing file: choose another name.")
            return
        self.dismiss(None)
