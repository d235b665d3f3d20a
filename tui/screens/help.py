"""The help screen (key ``?``): every key of the reader, grouped.

It is built from :data:`tui.keymap.KEYS`, the same table the bindings and the command
palette come from, so the help can never list a key that does something else; an action
the user's ``[keymap]`` (``config.toml``) rebound shows its new keys. The
command palette key (ctrl+p, Textual's own) is added because it is not in that table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.keymap import KEYS, Key

PALETTE = Key(
    "ctrl+p",
    "command_palette",
    "Commands",
    "Open the command palette: run any command, open a briefing or choose a person by name.",
    group="Other",
)

_NAMES = {
    "question_mark": "?",
    "exclamation_mark": "!",
    "slash": "/",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "escape": "esc",
}


def key_label(keys: str) -> str:
    """How a comma-separated list of Textual key names is written for people."""
    return " / ".join(_NAMES.get(key, key) for key in keys.split(","))


def help_groups() -> list[tuple[str, list[Key]]]:
    """The keys by group, groups in the order the table first mentions them."""
    groups: dict[str, list[Key]] = {}
    for key in (*KEYS, PALETTE):
        groups.setdefault(key.group, []).append(key)
    return list(groups.items())


class HelpScreen(ModalScreen[None]):
    """A modal list of every key; escape, q or ? close it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; width: 100%; }
    HelpScreen #keys { height: auto; max-height: 1fr; }
    HelpScreen .group { text-style: bold; color: $accent; margin-top: 1; }
    HelpScreen .row { height: auto; }
    HelpScreen .key { width: 16; color: $text; text-style: bold; }
    HelpScreen .help { width: 1fr; color: $text-muted; }
    HelpScreen #help-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    @property
    def rebound(self) -> Mapping[str, str]:
        """The keys the user's ``[keymap]`` gave actions, so the help shows what works."""
        config = getattr(self.app, "config", None)
        keymap = getattr(config, "keymap", None)
        return keymap if isinstance(keymap, Mapping) else {}

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("Keys", id="help-title")
            with VerticalScroll(id="keys"):
                for group, keys in help_groups():
                    yield Label(group, classes="group", markup=False)
                    for key in keys:
                        with Horizontal(classes="row"):
                            keys_now = self.rebound.get(key.id, key.keys)
                            yield Label(key_label(keys_now), classes="key", markup=False)
                            yield Label(key.help, classes="help", markup=False)
            yield Label("esc, q or ? closes this help.", id="help-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
