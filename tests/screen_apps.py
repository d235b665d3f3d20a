"""Small apps that show one quoting screen, for Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


class ScreenApp(App[None]):
    """Pushes one screen over a plain background and records results and notifications."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.dialog = screen
        self.results: list[Path | None] = []
        self.notes: list[str] = []

    def compose(self) -> Any:
        yield Static("background")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)

    def notify(self, message: str, **kwargs: Any) -> None:
        self.notes.append(message)
        super().notify(message, **kwargs)
