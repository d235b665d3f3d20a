"""The Textual application: one main screen over a :class:`tui.library.Library`.

``run_reader`` is what ``briefing [PATH]`` calls. It opens the SQLite index (a cheap
call: the scan of the files happens later, in a worker of the main screen) so the first
frame is painted before any transcript is read. Tests build :class:`BriefingApp` with an
:class:`~tui.index.Index` on a temporary database, never the user's cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.command import Provider
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from tui.config import Config, config_path, load_config
from tui.index import Index
from tui.library import Library
from tui.quote import use_wording
from tui.remembered import problem as remembered_problem
from tui.remembered import recall, remember
from tui.screens.main import MainScreen
from tui.screens.main_reload import POLL_SECONDS
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

    def __init__(
        self,
        library: Library,
        *,
        config: Config | None = None,
        watch: Sequence[Path] = (),
        poll_seconds: float = POLL_SECONDS,
        start: str | None = None,
    ) -> None:
        """``config``: the user's settings (read from ``config.toml`` when None);
        ``watch``: the archive's folders, polled every ``poll_seconds`` for changes;
        ``start``: a reference to open (``briefing REF``)."""
        super().__init__()
        self.library = library
        self.start = start
        self.watch_roots = tuple(watch)
        self.poll_seconds = poll_seconds
        self.config = config if config is not None else load_config(themes=self.available_themes)
        self.set_keymap(dict(self.config.keymap))
        use_wording(self.config.wording)
        theme = self.config.theme or recall("theme", "")
        if theme in self.available_themes:
            self.theme = theme

    def get_default_screen(self) -> MainScreen:
        """The reader's screen is the first one, so no key typed at launch lands elsewhere."""
        screen = MainScreen(self.library, self.watch_roots, self.poll_seconds)
        screen.references.start = self.start
        return screen

    def on_mount(self) -> None:
        for problem in (*self.config.problems, remembered_problem()):
            if problem:
                self.notify(problem, title="Settings", severity="warning", timeout=15)
        self.theme_changed_signal.subscribe(self, self._theme_picked)

    def _theme_picked(self, theme: Theme) -> None:
        """Remember a theme picked in the palette; the settings file's theme still wins
        at the next start (it is the user's explicit choice), so say so."""
        try:
            remember("theme", theme.name)
        except OSError as error:
            self.notify(f"The theme could not be remembered: {error}", severity="warning")
            return
        chosen = self.config.theme
        if chosen is not None and chosen != theme.name:
            self.notify(
                f"{config_path()} sets theme = {chosen!r}, which is used at the next start.",
                title="Theme",
                timeout=8,
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, but "Keys" shows the reader's help, not Textual's key panel
        (which lists the focused widget's internal bindings, such as the text box's)."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand(
                    "Keys", "Show the reader's keys and how to use it", self.show_keys
                )
            else:
                yield command

    def show_keys(self) -> None:
        from tui.screens.help import HelpScreen, pane_help

        below = self.main if isinstance(self.screen, ModalScreen) else self.screen
        self.push_screen(HelpScreen(pane_help(below)))

    @property
    def main(self) -> MainScreen:
        """The main screen (below any dialog)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not open")


def run_reader(
    path: Path | Sequence[Path], index_path: Path | None = None, start: str | None = None
) -> int:
    """Open the reader on ``path`` (a folder or one file, or several) with its index at
    ``index_path`` (``None``: the user's cache folder), at the reference ``start`` if
    given; returns the exit status."""
    paths = [p.resolve() for p in ([path] if isinstance(path, Path) else path)]
    index = Index(paths[0], index_path, more_roots=paths[1:])
    try:
        result = BriefingApp(index, watch=paths, start=start).run()
    finally:
        index.close()
    return int(result or 0)
