"""The help screen (key ``?``, and the palette's "Keys"): what to know, then every key.

It starts with what keys alone do not teach: the keys of the pane that has the focus
(given by the screen that opens the help, see :func:`pane_help`), how Enter, the mouse
and text boxes behave, the query language with examples, and what Q, A and R mean in
search results. Then every key, built from :data:`tui.keymap.KEYS`, the same table the
bindings and the command palette come from, so the help can never list a key that does
something else; an action the user's ``[keymap]`` (``config.toml``) rebound shows its new
keys. The command palette key (ctrl+p, Textual's own) is added because it is not in that
table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label

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
    "number_sign": "#",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "escape": "esc",
}


GUIDE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Enter, the mouse, text boxes",
        (
            "Enter on a briefing opens it and moves to its text; on a search result it opens "
            "the briefing at that answer; in a text box it confirms (the filter: opens the "
            "briefing under the cursor).",
            "The mouse: click a briefing to open it, an answer to select it, a person to "
            "choose them; the wheel scrolls the pane under the pointer.",
            "In a text box (the filter, the speaker finder, find, go to reference) keys type "
            "text. esc empties the box; esc in an empty box (or Enter, or tab) leaves it, "
            "and single keys are commands again.",
        ),
    ),
    (
        "Searching: / then ? and a query",
        (
            "?tariffs — every remark, question and answer with the word, newest first.",
            '?"belt and road" — a phrase · ?financ* — a prefix · ?tariffs NOT steel · '
            "?(quotas OR tariffs) AND steel",
            "?speaker:psaki · ?asker:reuters · ?from:2017 to:2019-06 · ?briefing:2017-10 — "
            "filters, combined with words: ?tariffs speaker:tang from:2018",
            "Case and accents are ignored; Chinese is searched character by character "
            "(?支持). ctrl+o orders by newest or by relevance.",
            "In the results, Q is a question, A an answer and R a remark (opening words, a "
            "moderator); each row ends with its reference, such as #q2.a1.",
        ),
    ),
    (
        "Find (f) and filter (/)",
        (
            "f finds text in the open briefing, as / does in less: part of a word, any "
            "case, Chinese too; Enter goes to the first match from the top of the view, "
            "n/N step (3/17), esc closes. It is f because / already filters the list of "
            "briefings (and starts a search with ?).",
        ),
    ),
)
"""What the help teaches before the key table: (heading, paragraphs)."""

_PANES = {
    "briefings": "The list of briefings: j/k move (the briefing under the cursor is shown), "
    "Enter opens it and moves to its text.",
    "qa": "The Q&A view: j/k scroll, n/p select the next/previous answer, which e, y and m "
    "act on; click an answer to select it.",
    "people": "The speaker filter: j/k move, Enter chooses the person (Enter again: everyone).",
    "search-hits": "The search results: j/k move, Enter opens the briefing at that answer, "
    "esc ends the search.",
}
_BOX = "A text box: keys type text; esc empties it, esc in an empty box leaves it."


def pane_help(screen: Screen[Any]) -> tuple[str, list[tuple[str, str]]] | None:
    """What the focused pane of ``screen`` is, and its own keys (key, what it does)."""
    focused = screen.focused
    if focused is None:
        return None
    if isinstance(focused, Input):
        return _BOX, []
    text = _PANES.get(focused.id or "", "")
    own: list[tuple[str, str]] = []
    for key, active in screen.active_bindings.items():
        node: DOMNode | None = active.node
        binding = active.binding
        if isinstance(node, Screen) or node is screen.app or not binding.description:
            continue
        if not binding.show:  # Textual's own (scrolling by arrow): the text says them
            continue
        if node is focused or node in focused.ancestors:
            own.append((key_label(key), binding.description))
    return (text, own) if text or own else None


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
    HelpScreen .topic { text-style: bold; color: $accent; margin-top: 1; }
    HelpScreen .topic-text { color: $text; padding-left: 2; width: 100%; }
    HelpScreen .pane-key { width: 16; color: $text; text-style: bold; padding-left: 2; }
    HelpScreen .pane-help { width: 1fr; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def __init__(self, pane: tuple[str, list[tuple[str, str]]] | None = None) -> None:
        super().__init__()
        self.pane = pane

    @property
    def rebound(self) -> Mapping[str, str]:
        """The keys the user's ``[keymap]`` gave actions, so the help shows what works."""
        config = getattr(self.app, "config", None)
        keymap = getattr(config, "keymap", None)
        return keymap if isinstance(keymap, Mapping) else {}

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("Help", id="help-title")
            with VerticalScroll(id="keys"):
                if self.pane is not None:
                    text, own = self.pane
                    yield Label("Here", classes="topic", markup=False)
                    if text:
                        yield Label(text, classes="topic-text", markup=False)
                    for name, description in own:
                        with Horizontal(classes="row"):
                            yield Label(name, classes="pane-key", markup=False)
                            yield Label(description, classes="pane-help", markup=False)
                for topic, paragraphs in GUIDE:
                    yield Label(topic, classes="topic", markup=False)
                    for paragraph in paragraphs:
                        yield Label(paragraph, classes="topic-text", markup=False)
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
