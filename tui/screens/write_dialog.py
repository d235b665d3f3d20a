"""The part every "write to a file" dialog shares: destination, overwrite question, worker.

The quote export (``e``, :mod:`tui.screens.export`) and the search results export
(``x``, :mod:`tui.screens.search_export`) differ in what they write, not in how: the
destination box, Enter to write, the writing in a thread worker (a slow or network
folder must not freeze the reader), an existing file turning the dialog into a question
(overwrite or keep, the safe choice focused), and an unwritable destination reported
inside the dialog, which stays open so the path can be corrected
(:func:`tui.export_file.write_export` guarantees neither case leaves a partial file).
Served in a browser (``briefing serve``), the server's disk is not the reader's: the
text goes to the browser as a download (Textual's file delivery) under the name typed,
only its last part and made safe for a header (:func:`tui.export_file.download_name`).

A subclass composes its choices between the heading and ``Save to:``
(:meth:`WriteDialog.choices`), suggests a destination (:meth:`WriteDialog.suggested_path`),
says what to write (:meth:`WriteDialog.text_job`) and what to tell the user once it is
written or sent (:meth:`WriteDialog.written`, :meth:`WriteDialog.sent`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, Static
from textual.worker import Worker, WorkerState

from tui.export_file import DestinationExists, ExportError, download_name, write_export

PREVIEW_LINES = 8


class MarkedRadioButton(RadioButton):
    """A radio button whose mark, not only its colour, says it is chosen.

    Textual draws the same ``●`` in every radio button and tells the chosen one by its
    colour, so with ``NO_COLOR=1`` (or a monochrome terminal) the three formats looked
    alike. Here only the chosen one has the dot.
    """

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button


def preview_of(text: str) -> Content:
    """The first :data:`PREVIEW_LINES` lines of ``text``, and how many more there are."""
    lines = text.splitlines()
    shown = lines[:PREVIEW_LINES]
    if len(lines) > PREVIEW_LINES:
        shown.append(f"… ({len(lines) - PREVIEW_LINES} more lines)")
    return Content("\n".join(shown))


class WriteDialog(ModalScreen[Path | None]):
    """A dialog that writes one file; dismisses with the path written, or None."""

    AUTO_FOCUS = "#destination"
    """Focused as the dialog appears (not later, in ``on_mount``), so a file name typed
    ahead of it lands in the box."""

    DEFAULT_CSS = """
    WriteDialog { align: center middle; }
    WriteDialog #dialog {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    WriteDialog #heading { text-style: bold; width: 100%; }
    WriteDialog RadioSet { layout: horizontal; width: 100%; border: none; height: auto; }
    WriteDialog #preview {
        height: auto; max-height: 10; border: round $panel; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    WriteDialog #message { color: $error; height: auto; display: none; }
    WriteDialog #message.-shown { display: block; }
    WriteDialog #message.-question { color: $warning; }
    WriteDialog .buttons { height: auto; align-horizontal: right; }
    WriteDialog .buttons Button { margin-left: 1; }
    WriteDialog #confirm { display: none; }
    WriteDialog.-confirming #confirm { display: block; }
    WriteDialog.-confirming #actions { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    heading = "Export"
    what = "the quote"
    """Said in "Type the file to write ... to." """
    slow_text = False
    """Whether making the text takes a while (a query): then, served, it is made in a
    worker before it is sent; otherwise it is sent at once."""

    def __init__(self) -> None:
        super().__init__()
        self._suggested = ""  # set in compose, once it is known whether the app is served
        self._writing = False
        self._sending = Path()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(self.heading), id="heading")
            yield from self.choices()
            yield Label("Download as:" if self.app.is_web else "Save to:")
            self._suggested = self._suggestion()
            yield Input(self._suggested, id="destination", select_on_focus=False)
            yield Static(self.preview(), id="preview", markup=False)
            yield Static("", id="message", markup=False)
            with Horizontal(id="actions", classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")
            with Horizontal(id="confirm", classes="buttons"):
                yield Button("Overwrite", variant="warning", id="overwrite")
                yield Button("Keep the file", id="keep")

    def choices(self) -> ComposeResult:
        """The dialog's own choices (formats, styles), under the heading."""
        yield from ()

    def preview(self) -> Content:
        """What the preview box shows."""
        return Content("")

    def suggested_path(self) -> Path:
        """Where the file would go, for the current choices."""
        raise NotImplementedError

    def text_job(self) -> Callable[[], str]:
        """Called as writing starts, with the current choices: what makes the text (it may
        run in a worker thread, so it must not read the dialog)."""
        raise NotImplementedError

    def written(self, path: Path) -> str:
        """The notification once ``path`` is written."""
        return f"Exported to {path.resolve()}"

    def sent(self, name: str) -> str:
        """The notification once the text went to the browser as ``name``."""
        return f"Sent to the browser as {name}"

    def _suggestion(self) -> str:
        """The suggested destination: a path here, or only a file name for a download."""
        path = self.suggested_path()
        return path.name if self.app.is_web else str(path)

    @property
    def destination(self) -> Input:
        return self.query_one("#destination", Input)

    def suggest(self) -> None:
        """The choices changed: a new suggestion replaces the box only if the user kept the
        last one."""
        suggested = self._suggestion()
        if self.destination.value == self._suggested:
            self.destination.value = suggested
        self._suggested = suggested

    def refresh_preview(self) -> None:
        self.query_one("#preview", Static).update(self.preview())
        self._leave_confirm()

    def _say(self, message: str, *, question: bool = False) -> None:
        widget = self.query_one("#message", Static)
        # An empty message takes no row, so the dialog fits 80x24 with a choice focused.
        widget.set_class(bool(message), "-shown")
        widget.update(Text(message))
        widget.set_class(question, "-question")

    @on(Input.Changed, "#destination")
    def _destination_changed(self) -> None:
        self._leave_confirm()

    def _leave_confirm(self) -> None:
        if self.has_class("-confirming"):
            self.remove_class("-confirming")
            self._say("")

    @on(Input.Submitted, "#destination")
    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        self._start_write(overwrite=False)

    @on(Button.Pressed, "#overwrite")
    def _overwrite(self) -> None:
        self._start_write(overwrite=True)

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self._leave_confirm()
        self._say("Kept the existing file: choose another name.")
        self.destination.focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Escape leaves the overwrite question first (keeping the file), then the dialog."""
        if self._writing:
            return
        if self.has_class("-confirming"):
            self._keep()
        else:
            self.dismiss(None)

    def _start_write(self, *, overwrite: bool) -> None:
        if self._writing:
            return
        value = self.destination.value.strip()
        if not value:
            self._say(f"Type the file to write {self.what} to.")
            return
        path = Path(value).expanduser()
        make_text = self.text_job()
        if self.app.is_web and not self.slow_text:
            self._deliver(path, make_text())
            return
        self._writing = True
        self._say("Writing…", question=True)
        if self.app.is_web:
            self._sending = path
            self.run_worker(
                make_text, name="export", group="deliver", thread=True, exit_on_error=False
            )
            return

        def write() -> Path:
            return write_export(path, make_text(), overwrite=overwrite)

        self.run_worker(write, name="export", group="export", thread=True, exit_on_error=False)

    def _deliver(self, path: Path, text: str) -> None:
        """Served in a browser: hand the text to the browser as a download."""
        name = download_name(path)
        self.app.deliver_text(io.StringIO(text), save_filename=name)
        self.app.notify(self.sent(name), markup=False)
        self.dismiss(Path(name))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group not in ("export", "deliver") or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self._writing = False
        if event.worker.group == "deliver" and isinstance(event.worker.result, str):
            self._deliver(self._sending, event.worker.result)
            return
        error = event.worker.error
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Path):
            written = event.worker.result
            self.app.notify(self.written(written), markup=False)
            self.dismiss(written)
        elif isinstance(error, DestinationExists):
            self.add_class("-confirming")
            self._say(f"{error.path} already exists. Overwrite it?", question=True)
            # The safe choice has the focus: Enter pressed once too often keeps the file.
            self.query_one("#keep", Button).focus()
        elif isinstance(error, ExportError):
            self.remove_class("-confirming")
            self._say(f"Not exported: {error}")
            self.destination.focus()
        else:
            self._say(f"Not exported: {error}")
