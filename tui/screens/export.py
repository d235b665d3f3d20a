"""The export dialog (key ``e``) and the copy command (key ``y``).

The dialog is small on purpose: what to export (this answer or the whole briefing), a
format, a destination and a preview, with Enter to write. Everything it writes comes from
:mod:`tui.export`, so the dialog, the clipboard and ``briefing export`` can never disagree
about a quote or a briefing.

Decisions:

* "What to export" is a control of its own. Choosing it replaces the format buttons with
  that scope's formats (:func:`tui.export.formats`): a format both scopes write (Markdown)
  stays chosen, one only the other writes (Akoma Ntoso) falls back to the scope's
  default. The set is rebuilt rather than edited: a button pressed from code while the
  choice's own change is handled would not tell its set, and two buttons would look
  pressed. A whole briefing carries its own header, so the citation style row is hidden
  while it is chosen.
* A whole briefing is rendered in a thread worker, its preview too (a 300-exchange
  briefing takes a tenth of a second or more; the dialog must not stop for it); a
  preview overtaken by a later choice is dropped.
* The citation style (plain, APA, Chicago, MLA, CSL-JSON: :mod:`tui.citation`) is chosen
  here and remembered between runs, so ``e`` and ``y`` cite the way the user last chose;
  ``plain`` (the citation fields alone) is the default.
* The destination follows the format (``.md`` -> ``.json``) only while it is still the
  suggested one; once the user has typed a path, it is theirs and is left alone.
* Writing (in a thread worker), the overwrite question, errors shown in the dialog and,
  served in a browser, the download instead of a file are
  :class:`tui.screens.write_dialog.WriteDialog`'s, shared with the search results export.
* Served in a browser (``briefing serve``), a copy goes only to the browser's clipboard
  (OSC 52, which the page's terminal hands to the browser), never to a clipboard command
  on the server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Label, RadioSet, Static
from textual.worker import Worker, WorkerState

from tui.citation import remembered_style
from tui.clipboard import CopyReport, copy_report, copy_text, fits_osc52
from tui.export import (
    EXPORT_FOLDER,
    FORMATS,
    Scope,
    default_export_path,
    default_format,
    formats,
    render,
    render_briefing,
)
from tui.model import Answer, Briefing, Question, Remark
from tui.screens.cited_dialog import CitedWriteDialog
from tui.screens.write_dialog import PREVIEW_LINES, MarkedRadioButton, preview_of

__all__ = ["PREVIEW_LINES", "ExportScreen", "MarkedRadioButton", "copy_quote"]

Quotable = Answer | Question | Remark


class ExportScreen(CitedWriteDialog):
    """Export one answer (or question, or remark) with its citation, or its whole briefing.

    Dismisses with the path written, or None when cancelled.
    """

    DEFAULT_CSS = """
    ExportScreen.-whole #style-row { display: none; }
    """

    def __init__(
        self,
        briefing: Briefing,
        answer: Quotable,
        fmt: str | None = None,
        folder: Path | None = None,
    ) -> None:
        """``fmt`` and ``folder``: the format chosen first and the folder suggested (the
        user's settings); the defaults are Markdown and ``exports``."""
        self.briefing = briefing
        self.answer = answer
        self.scope: Scope = "answer"
        self.format: str = fmt if fmt in FORMATS else default_format()
        self.folder = folder if folder is not None else EXPORT_FOLDER
        self.heading = self._heading()
        super().__init__()

    def choices(self) -> ComposeResult:
        with RadioSet(id="scope"):
            kind = type(self.answer).__name__.lower()
            yield MarkedRadioButton(f"This {kind}", value=True, id="scope-answer")
            yield MarkedRadioButton("This briefing", id="scope-briefing")
        yield self._format_set()
        yield from self.style_row()

    def _format_set(self) -> RadioSet:
        """The format buttons of the current scope, the current format pressed."""
        buttons = [
            MarkedRadioButton(fmt.label, value=fmt.key == self.format, id=fmt.key)
            for fmt in formats(self.scope)
        ]
        return RadioSet(*buttons, id="format")

    def _heading(self) -> str:
        if self.scope == "briefing":
            return f"Export the whole briefing {self.briefing.id}"
        return f"Export {self.answer.ref}"

    @property
    def _what(self) -> str:
        """What the notifications name: the briefing's id or the answer's reference."""
        return self.briefing.id if self.scope == "briefing" else self.answer.ref

    def _renderer(self) -> Callable[[], str]:
        """What renders the current choice, fixed now (safe to call from a worker)."""
        briefing, answer, fmt, style = self.briefing, self.answer, self.format, self.style
        if self.scope == "briefing":
            return lambda: render_briefing(briefing, fmt)
        return lambda: render(briefing, answer, fmt, style)

    def preview(self) -> Content:
        if self.scope == "briefing":
            return Content("Preparing the preview…")
        return preview_of(self._renderer()())

    def refresh_preview(self) -> None:
        super().refresh_preview()
        if self.scope != "briefing":
            return
        render_now, chosen = self._renderer(), (self.scope, self.format)
        self.run_worker(
            lambda: (chosen, preview_of(render_now())),
            name="preview",
            group="preview",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    @on(Worker.StateChanged)
    def _preview_made(self, event: Worker.StateChanged) -> None:
        """A whole briefing's preview, from its worker (writing is the base class's)."""
        if event.worker.group != "preview":
            return
        result = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, tuple):
            if result[0] == (self.scope, self.format):  # else overtaken by a later choice
                self.query_one("#preview", Static).update(result[1])
        elif event.state == WorkerState.ERROR:
            self.query_one("#preview", Static).update(Content(f"No preview: {event.worker.error}"))

    def suggested_path(self) -> Path:
        element = self.answer if self.scope == "answer" else None
        return default_export_path(self.briefing, element, self.format, self.folder)

    def text_job(self) -> Callable[[], str]:
        render_now = self._renderer()
        if self.scope == "briefing":
            return render_now  # run in the writing worker
        text = render_now()
        return lambda: text

    def written(self, path: Path) -> str:
        return f"Exported {self._what} to {path.resolve()}"

    def sent(self, name: str) -> str:
        return f"Sent {self._what} to the browser as {name}"

    @on(RadioSet.Changed, "#scope")
    async def _scope_changed(self, event: RadioSet.Changed) -> None:
        scope: Scope = "briefing" if event.pressed.id == "scope-briefing" else "answer"
        if scope == self.scope:
            return
        self.scope = scope
        self.set_class(scope == "briefing", "-whole")
        # Whole briefings take a while to render: served, they are made before sending.
        self.slow_text = scope == "briefing"
        self.what = "the briefing" if scope == "briefing" else "the quote"
        if self.format not in [fmt.key for fmt in formats(scope)]:
            self.format = default_format(scope)
        await self.query_one("#format", RadioSet).remove()
        await self.query_one("#dialog").mount(self._format_set(), after="#scope")
        self.query_one("#heading", Label).update(Text(self._heading()))
        self.suggest()
        self.refresh_preview()

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.id
        if chosen is None or chosen not in [fmt.key for fmt in formats(self.scope)]:
            return
        self.format = chosen
        self.suggest()
        self.refresh_preview()


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
