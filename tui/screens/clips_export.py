"""Exporting a collection from the clippings screen: a format, a citation style, a file.

The same dialog as the answer export (:class:`~tui.screens.cited_dialog.CitedWriteDialog`):
the format (Markdown, plain text, JSON, CSV), the citation style last chosen in either
dialog, the destination ``exports/<collection>.<ext>`` following the format until the
user types their own, and a name typed with a known extension (``.csv``) choosing that
format, the same rule as ``briefing clips export -o``. Writing runs in a worker (a
styled citation takes 10-20 ms per clipping to render, and a folder may be slow); an
existing file turns the dialog into the question, as everywhere. The text is
:func:`tui.clips.collection.render_collection`, so the reader and the command line write
the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet

from tui.clips.collection import EXTENSIONS, Checked, render_collection
from tui.ids import slug
from tui.screens.cited_dialog import CitedWriteDialog
from tui.screens.write_dialog import MarkedRadioButton, preview_of

FOLDER = Path("exports")
LABELS = {"md": "Markdown", "txt": "Plain text", "json": "JSON", "csv": "CSV"}
PREVIEW_CLIPPINGS = 2
"""The preview renders this many clippings, not the collection: it shows the first lines."""


def format_of(path: Path) -> str | None:
    """The collection format a file name implies, or None."""
    return next((key for key, ext in EXTENSIONS.items() if path.suffix.lower() == ext), None)


class CollectionExportDialog(CitedWriteDialog):
    """Write collection ``name`` (its checked clippings) to a file the user names."""

    what = "the collection"
    slow_text = True

    def __init__(self, name: str, items: Sequence[Checked], folder: Path | None = None) -> None:
        """``folder``: where the file is suggested (the user's export folder setting)."""
        self.collection = name
        self.items = list(items)
        self.folder = folder if folder is not None else FOLDER
        self.format = "md"
        self.heading = f"Export the collection {name}"
        super().__init__()

    def choices(self) -> ComposeResult:
        with RadioSet(id="format"):
            for key, label in LABELS.items():
                yield MarkedRadioButton(label, value=key == self.format, id=key)
        yield from self.style_row()

    def preview(self) -> Content:
        shown = self.items[:PREVIEW_CLIPPINGS]
        return preview_of(render_collection(self.collection, shown, self.format, self.style))

    def suggested_path(self) -> Path:
        return (
            self.folder / f"{slug(self.collection, fallback='clippings')}{EXTENSIONS[self.format]}"
        )

    def text_job(self) -> Callable[[], str]:
        name, items, fmt, style = self.collection, list(self.items), self.format, self.style
        return lambda: render_collection(name, items, fmt, style)

    def written(self, path: Path) -> str:
        return f"Exported {self.collection} to {path.resolve()}"

    def sent(self, name: str) -> str:
        return f"Sent {self.collection} to the browser as {name}"

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.id
        if chosen is None or chosen not in LABELS or chosen == self.format:
            return
        self.format = chosen
        self.suggest()
        self.refresh_preview()

    @on(Input.Changed, "#destination")
    def _typed_extension(self, event: Input.Changed) -> None:
        """A name typed with a known extension chooses that format (``story.csv``)."""
        implied = format_of(Path(event.value.strip()))
        if implied is not None and implied != self.format:
            self.query_one(f"#{implied}", RadioButton).value = True
