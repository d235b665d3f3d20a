"""The export dialog (key ``e``) and the copy command (key ``y``).

The dialog is small on purpose: a format, a destination and a preview, with Enter to
write. Everything it writes comes from :mod:`tui.export`, so the dialog, the clipboard
and ``briefing export`` can never disagree about a quote.

Decisions:

* The citation style (plain, APA, Chicago, MLA, CSL-JSON: :mod:`tui.citation`) is chosen
  here and remembered between runs, so ``e`` and ``y`` cite the way the user last chose;
  ``plain`` (the citation fields alone) is the default.
* The destination follows the format (``.md`` -> ``.json``) only while it is still the
  suggested one; once the user has typed a path, it is theirs and is left alone.
* Writing runs in a thread worker: a slow or network folder must not freeze the reader.
* An existing file turns the dialog into a question (overwrite or keep) instead of
  failing, and an unwritable destination is reported inside the dialog, which stays open
  so the path can be corrected; :func:`tui.export.write_export` guarantees that neither
  case leaves a partial file.
* Served in a browser (``briefing serve``), the server's disk is not the reader's: the
  quote goes to the browser as a download (Textual's file delivery) under the name
  typed, and a copy goes only to the browser's clipboard (OSC 52, which the page's
  terminal hands to the browser), never to a clipboard command on the server.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static
from textual.worker import Worker, WorkerState

from tui.citation import STYLES, remember_style, remembered_style
from tui.clipboard import CopyReport, copy_report, copy_text, fits_osc52
from tui.export import (
    EXPORT_FOLDER,
    FORMATS,
    DestinationExists,
    ExportError,
    default_export_path,
    default_format,
    formats,
    render,
    write_export,
)
from tui.export_file import download_name
from tui.model import Answer, Briefing, Question, Remark

Quotable = Answer | Question | Remark

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


class ExportScreen(ModalScreen[Path | None]):
    """Export one answer (or question, or remark) with its citation.

    Dismisses with the path written, or None when cancelled.
    """

    AUTO_FOCUS = "#destination"
    """Focused as the dialog appears (not later, in ``on_mount``), so a file name typed
    ahead of it lands in the box."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen #dialog {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ExportScreen #heading { text-style: bold; width: 100%; }
    ExportScreen RadioSet { layout: horizontal; width: 100%; border: none; height: auto; }
    ExportScreen #style-row { height: auto; }
    ExportScreen #style-row Label { width: auto; padding: 0 1 0 0; }
    ExportScreen #style-row RadioSet { width: 1fr; }
    ExportScreen #preview {
        height: auto; max-height: 10; border: round $panel; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    ExportScreen #message { color: $error; height: auto; display: none; }
    ExportScreen #message.-shown { display: block; }
    ExportScreen #message.-question { color: $warning; }
    ExportScreen .buttons { height: auto; align-horizontal: right; }
    ExportScreen .buttons Button { margin-left: 1; }
    ExportScreen #confirm { display: none; }
    ExportScreen.-confirming #confirm { display: block; }
    ExportScreen.-confirming #actions { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        briefing: Briefing,
        answer: Quotable,
        fmt: str | None = None,
        folder: Path | None = None,
    ) -> None:
        """``fmt`` and ``folder``: the format chosen first and the folder suggested (the
        user's settings); the defaults are Markdown and ``exports``."""
        super().__init__()
        self.briefing = briefing
        self.answer = answer
        self.format: str = fmt if fmt in FORMATS else default_format()
        self.folder = folder if folder is not None else EXPORT_FOLDER
        self.style: str = remembered_style()
        self._suggested = ""  # set in compose, once it is known whether the app is served
        self._writing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(f"Export {self.answer.ref}"), id="heading")
            with RadioSet(id="format"):
                for fmt in formats():
                    yield MarkedRadioButton(fmt.label, value=fmt.key == self.format, id=fmt.key)
            with Horizontal(id="style-row"):
                yield Label("Cite as:")
                with RadioSet(id="style"):
                    for style in STYLES.values():
                        yield MarkedRadioButton(
                            style.label, value=style.key == self.style, id=f"style-{style.key}"
                        )
            yield Label("Download as:" if self.app.is_web else "Save to:")
            self._suggested = self._suggestion()
            yield Input(self._suggested, id="destination", select_on_focus=False)
            yield Static(self._preview(), id="preview", markup=False)
            yield Static("", id="message", markup=False)
            with Horizontal(id="actions", classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")
            with Horizontal(id="confirm", classes="buttons"):
                yield Button("Overwrite", variant="warning", id="overwrite")
                yield Button("Keep the file", id="keep")

    def _suggestion(self) -> str:
        """The suggested destination: a path here, or only a file name for a download."""
        path = default_export_path(self.briefing, self.answer, self.format, self.folder)
        return path.name if self.app.is_web else str(path)

    def _preview(self) -> Content:
        lines = render(self.briefing, self.answer, self.format, self.style).splitlines()
        shown = lines[:PREVIEW_LINES]
        if len(lines) > PREVIEW_LINES:
            shown.append(f"… ({len(lines) - PREVIEW_LINES} more lines)")
        return Content("\n".join(shown))

    @property
    def destination(self) -> Input:
        return self.query_one("#destination", Input)

    def _say(self, message: str, *, question: bool = False) -> None:
        widget = self.query_one("#message", Static)
        # An empty message takes no row, so the dialog fits 80x24 with a choice focused.
        widget.set_class(bool(message), "-shown")
        widget.update(Text(message))
        widget.set_class(question, "-question")

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.id
        if chosen is None or chosen not in FORMATS:
            return
        self.format = chosen
        suggested = self._suggestion()
        if self.destination.value == self._suggested:
            self.destination.value = suggested
        self._suggested = suggested
        self.query_one("#preview", Static).update(self._preview())
        self._leave_confirm()

    @on(RadioSet.Changed, "#style")
    def _style_changed(self, event: RadioSet.Changed) -> None:
        chosen = (event.pressed.id or "").removeprefix("style-")
        if chosen not in STYLES or chosen == self.style:
            return
        self.style = chosen
        self.query_one("#preview", Static).update(self._preview())
        self._leave_confirm()
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
            self._say("Type the file to write the quote to.")
            return
        path = Path(value).expanduser()
        text = render(self.briefing, self.answer, self.format, self.style)
        if self.app.is_web:
            self._deliver(path, text)
            return
        self._writing = True
        self._say("Writing…", question=True)
        self.run_worker(
            lambda: write_export(path, text, overwrite=overwrite),
            name="export",
            group="export",
            thread=True,
            exit_on_error=False,
        )

    def _deliver(self, path: Path, text: str) -> None:
        """Served in a browser: hand the quote to the browser as a download."""
        name = download_name(path)
        self.app.deliver_text(io.StringIO(text), save_filename=name)
        self.app.notify(f"Sent {self.answer.ref} to the browser as {name}", markup=False)
        self.dismiss(Path(name))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "export" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self._writing = False
        error = event.worker.error
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Path):
            written = event.worker.result
            self.app.notify(f"Exported {self.answer.ref} to {written.resolve()}", markup=False)
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


def copy_quote(app: App[Any], briefing: Briefing, answer: Quotable) -> None:
    """Copy the Markdown quote of ``answer`` through every route available, cited in the
    style last chosen in the export dialog.

    OSC 52 goes out at once (it is only a write to the terminal; whether the terminal
    honours it cannot be known, so the notification says it was sent, not that it
    worked), unless the text is too large for any terminal to take. The platform command
    runs in a thread worker, since it starts a process.
    """
    text = render(briefing, answer, "md", remembered_style())
    if fits_osc52(text):
        app.copy_to_clipboard(text)
    if app.is_web:
        # served: a command here would copy onto the server's desktop, not the reader's
        _notify_copied(app, copy_report(answer.ref, text, None, browser=True))
        return

    def copy_with_command() -> None:
        route = copy_text(text)
        # App.notify only posts a message, which is safe from any thread: the worker
        # reports back the way every worker of the reader does, by a message.
        _notify_copied(app, copy_report(answer.ref, text, route))

    app.run_worker(
        copy_with_command, name="copy", group="clipboard", thread=True, exit_on_error=False
    )


def _notify_copied(app: App[Any], report: CopyReport) -> None:
    severity: Literal["information", "warning"] = "information" if report.copied else "warning"
    app.notify(report.message, markup=False, severity=severity)
