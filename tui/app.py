"""The Textual application: one main screen over a :class:`tui.library.Library`.

``run_reader`` is what ``briefing [PATH]`` calls. It opens the SQLite index (a cheap
call: the scan of the files happens later, in a worker of the main screen) so the first
frame is painted before any transcript is read. Tests build :class:`BriefingApp` with an
:class:`~tui.index.Index` on a temporary database, never the user's cache.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.command import Provider

from tui.index import Index
from tui.library import Library
from tui.screens.main import MainScreen
from tui.timer_guard import guard_timers
from tui.typeahead import TypeAheadApp

guard_timers()


def _briefing_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens, not at start."""
    from tui.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(TypeAheadApp[int]):
    """The reader. ``library`` is read by every pane; nothing else holds briefings."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        _briefing_commands,
    }
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def get_default_screen(self) -> MainScreen:
        """The reader's screen is the first one, so no key typed at launch lands elsewhere."""
        return MainScreen(self.library)

    @property
    def main(self) -> MainScreen:
        """The main screen (below any dialog)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not open")


def run_reader(path: Path, index_path: Path | None = None) -> int:
    """Open the reader on ``path`` (a folder or one file) with its index at ``index_path``
    (``None``: the user's cache folder); returns the exit status."""
    index = Index(path.resolve(), index_path)
    try:
        result = BriefingApp(index).run()
    finally:
        index.close()
    return int(result or 0)
