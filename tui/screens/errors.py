"""The errors screen (key ``!``): files that failed to load, as ``file:line:col: message``.

The lines are the same text ``briefing check`` prints, so a person can go from the
reader to an editor with the location in hand. Messages quote file content (an unknown
key, a bad value), so they are shown as plain text, never as markup, and control
characters in them are shown as symbols rather than sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.model import Problem
from tui.plural import count
from tui.safetext import visible


def summary(problems: Sequence[Problem]) -> str:
    """One line saying how much failed, or that nothing did."""
    if not problems:
        return "Nothing failed to load: every transcript file was read."
    files = len({problem.path for problem in problems})
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = len(problems) - errors
    parts = [count(errors, "error")] if errors else []
    if warnings:
        parts.append(count(warnings, "warning"))
    return f"{' and '.join(parts)} in {count(files, 'file')}"


class ErrorsScreen(ModalScreen[None]):
    """A scrollable list of load problems; escape (or q, or !) closes it."""

    DEFAULT_CSS = """
    ErrorsScreen { align: center middle; }
    ErrorsScreen #errors {
        width: 110; max-width: 100%; height: auto; max-height: 100%;
        border: round $error; background: $surface; padding: 0 1;
    }
    ErrorsScreen #errors-title { text-style: bold; width: 100%; }
    ErrorsScreen #problems-scroll { height: auto; max-height: 1fr; }
    ErrorsScreen #problems { width: 100%; height: auto; }
    ErrorsScreen #errors-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,exclamation_mark", "close", "Close"),
    ]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = tuple(problems)

    def compose(self) -> ComposeResult:
        with Vertical(id="errors"):
            yield Label(summary(self.problems), id="errors-title", markup=False)
            if self.problems:
                lines = "\n".join(visible(str(problem)) for problem in self.problems)
                with VerticalScroll(id="problems-scroll"):
                    yield Static(Content(lines), id="problems")
            yield Label("esc closes this list.", id="errors-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
