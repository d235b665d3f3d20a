"""The export dialog (key ``e``) and the copy command (key ``y``).

The dialog is small on purpose: what to export, a format, a destination and a preview,
with Enter to write. Everything it writes comes from :mod:`tui.export`, so the dialog, the
clipboard and ``briefing export`` can never disagree about a quote.

Decisions:

* "What to export" (this answer, or this briefing) is a control of its own. Choosing it
  replaces the format buttons with that scope's formats (:func:`tui.export.formats`); a
  format both scopes write (Markdown) stays chosen, one only the other writes (Akoma
  Ntoso) falls back to the scope's default. The set is rebuilt rather than edited: a
  button pressed from code while the choice's own change is handled would not tell its
  set, and two buttons would look pressed.

* The destination follows the format (``.md`` -> ``.json``) only while it is still the
  suggested one; once the user has typed a path, it is theirs and is left alone.
* Writing runs in a thread worker: a slow or network folder must not freeze the reader.
  A whole briefing is also rendered there, and so is its preview (a 300-exchange
  briefing takes a tenth of a second or more to render; the dialog must not stop for it).
* An existing file turns the dialog into a question (overwrite or keep) instead of
  failing, and an unwritable destination is reported inside the dialog, which stays open
  so the path can be corrected; :func:`tui.export.write_export` guarantees that neither
  case leaves a partial file.
"""

from __future__ import annotations

from collections.abc import Callable
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

from tui.clipboard import CopyReport, copy_report, copy_text, fits_osc52
from tui.export import (
    DestinationExists,
    ExportError,
    Scope,
    default_export_path,
    default_format,
    formats,
    render,
    render_briefing,
    write_export,
)
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
    /* Focus shows as a tint, not a border: a border would push the rows below down while
       the mouse is on them (two rows of choices fill an 80x24 terminal). */
    ExportScreen RadioSet:focus { border: none; background-tint: $foreground 8%; }
    ExportScreen #preview {
        height: auto; max-height: 10; border: round $panel; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    ExportScreen #message { color: $error; height: auto; }
    ExportScreen #message.-question { color: $warning; }
    ExportScreen .buttons { height: auto; align-horizontal: right; }
    ExportScreen .buttons Button { margin-left: 1; }
    ExportScreen #confirm { display: none; }
    ExportScreen.-confirming #confirm { display: block; }
    ExportScreen.-confirming #actions { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, briefing: Briefing, answer: Quotable) -> None:
        super().__init__()
        self.briefing = briefing
        self.answer = answer
        self.scope: Scope = "answer"
        self.format: str = default_format()
        self._suggested = self._default_path()
        self._writing = False
        self._written_what = answer.ref

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self._heading(), id="heading")
            with RadioSet(id="scope"):
                kind = type(self.answer).__name__.lower()
                yield MarkedRadioButton(f"This {kind}", value=True, id="scope-answer")
                yield MarkedRadioButton("This briefing", id="scope-briefing")
            yield self._format_set()
            yield Label("Save to:")
            yield Input(self._suggested, id="destination", select_on_focus=False)
            yield Static(self._preview(), id="preview", markup=False)
            yield Static("", id="message", markup=False)
            with Horizontal(id="actions", classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")
            with Horizontal(id="confirm", classes="buttons"):
                yield Button("Overwrite", variant="warning", id="overwrite")
                yield Button("Keep the file", id="keep")

    def _format_set(self) -> RadioSet:
        """The format buttons of the current scope, the current format pressed."""
        buttons = [
            MarkedRadioButton(fmt.label, value=fmt.key == self.format, id=fmt.key)
            for fmt in formats(self.scope)
        ]
        return RadioSet(*buttons, id="format")

    def _heading(self) -> Text:
        if self.scope == "briefing":
            return Text(f"Export the whole briefing {self.briefing.id}")
        return Text(f"Export {self.answer.ref}")

    def _default_path(self) -> str:
        element = self.answer if self.scope == "answer" else None
        return str(default_export_path(self.briefing, element, self.format))

    def _renderer(self) -> Callable[[], str]:
        """What renders the chosen text, fixed now (safe to call from a worker thread)."""
        briefing, answer, fmt = self.briefing, self.answer, self.format
        if self.scope == "briefing":
            return lambda: render_briefing(briefing, fmt)
        return lambda: render(briefing, answer, fmt)

    def _preview(self) -> Content:
        return _preview_of(self._renderer()())

    def _refresh_preview(self) -> None:
        preview = self.query_one("#preview", Static)
        if self.scope == "answer":
            preview.update(self._preview())
            return
        preview.update(Content("Preparing the preview…"))
        render_now, chosen = self._renderer(), (self.scope, self.format)
        self.run_worker(
            lambda: (chosen, _preview_of(render_now())),
            name="preview",
            group="preview",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    @property
    def destination(self) -> Input:
        return self.query_one("#destination", Input)

    def _say(self, message: str, *, question: bool = False) -> None:
        widget = self.query_one("#message", Static)
        widget.update(Text(message))
        widget.set_class(question, "-question")

    @on(RadioSet.Changed, "#scope")
    async def _scope_changed(self, event: RadioSet.Changed) -> None:
        scope: Scope = "briefing" if event.pressed.id == "scope-briefing" else "answer"
        if scope == self.scope:
            return
        self.scope = scope
        if self.format not in [fmt.key for fmt in formats(scope)]:
            self.format = default_format(scope)
        await self.query_one("#format", RadioSet).remove()
        await self.query_one("#dialog", Vertical).mount(self._format_set(), after="#scope")
        self.query_one("#heading", Label).update(self._heading())
        self._retarget()

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.id
        if chosen is None or chosen not in [fmt.key for fmt in formats(self.scope)]:
            return
        self.format = chosen
        self._retarget()

    def _retarget(self) -> None:
        """Follow a new scope or format: suggested path (unless edited) and preview."""
        suggested = self._default_path()
        if self.destination.value == self._suggested:
            self.destination.value = suggested
        self._suggested = suggested
        self._refresh_preview()
        self._leave_confirm()

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
        render_now = self._renderer()
        self._written_what = self.briefing.id if self.scope == "briefing" else self.answer.ref
        self._writing = True
        self._say("Writing…", question=True)
        self.run_worker(
            lambda: write_export(path, render_now(), overwrite=overwrite),
            name="export",
            group="export",
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "preview" and event.state == WorkerState.SUCCESS:
            result = event.worker.result
            # a preview overtaken by a later choice is dropped
            if isinstance(result, tuple) and result[0] == (self.scope, self.format):
                self.query_one("#preview", Static).update(result[1])
            return
        if event.worker.group != "export" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self._writing = False
        error = event.worker.error
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Path):
            written = event.worker.result
            self.app.notify(f"Exported {self._written_what} to {written.resolve()}", markup=False)
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


def _preview_of(text: str) -> Content:
    lines = text.splitlines()
    shown = lines[:PREVIEW_LINES]
    if len(lines) > PREVIEW_LINES:
        shown.append(f"… ({len(lines) - PREVIEW_LINES} more lines)")
    return Content("\n".join(shown))


def copy_quote(app: App[Any], briefing: Briefing, answer: Quotable) -> None:
    """Copy the Markdown quote of ``answer`` through every route available.

    OSC 52 goes out at once (it is only a write to the terminal; whether the terminal
    honours it cannot be known, so the notification says it was sent, not that it
    worked), unless the text is too large for any terminal to take. The platform command
    runs in a thread worker, since it starts a process.
    """
    text = render(briefing, answer, "md")
    if fits_osc52(text):
        app.copy_to_clipboard(text)

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
