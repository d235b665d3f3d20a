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

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, RadioSet

from tui.citation import STYLES, remember_style, remembered_style
from tui.clipboard import CopyReport, copy_report, copy_text, fits_osc52
from tui.export import (
    EXPORT_FOLDER,
    FORMATS,
    default_export_path,
    default_format,
    formats,
    render,
)
from tui.model import Answer, Briefing, Question, Remark
from tui.screens.write_dialog import PREVIEW_LINES, MarkedRadioButton, WriteDialog, preview_of

__all__ = ["PREVIEW_LINES", "ExportScreen", "MarkedRadioButton", "copy_quote"]

Quotable = Answer | Question | Remark


class ExportScreen(WriteDialog):
    """Export one answer (or question, or remark) with its citation.

    Dismisses with the path written, or None when cancelled.
    """

    DEFAULT_CSS = """
    ExportScreen #style-row { height: auto; }
    ExportScreen #style-row Label { width: auto; padding: 0 1 0 0; }
    ExportScreen #style-row RadioSet { width: 1fr; }
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
        self.format: str = fmt if fmt in FORMATS else default_format()
        self.folder = folder if folder is not None else EXPORT_FOLDER
        self.style: str = remembered_style()
        self.heading = f"Export {answer.ref}"
        super().__init__()

    def choices(self) -> ComposeResult:
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

    def preview(self) -> Content:
        return preview_of(render(self.briefing, self.answer, self.format, self.style))

    def suggested_path(self) -> Path:
        return default_export_path(self.briefing, self.answer, self.format, self.folder)

    def text_job(self) -> Callable[[], str]:
        text = render(self.briefing, self.answer, self.format, self.style)
        return lambda: text

    def written(self, path: Path) -> str:
        return f"Exported {self.answer.ref} to {path.resolve()}"

    def sent(self, name: str) -> str:
        return f"Sent {self.answer.ref} to the browser as {name}"

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.id
        if chosen is None or chosen not in FORMATS:
            return
        self.format = chosen
        self.suggest()
        self.refresh_preview()

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
