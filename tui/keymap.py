"""Every key of the reader, in one table.

The main screen's bindings, the help screen and the command palette are all built from
this table, so a key can never be documented in one place and behave differently in
another. It holds no Textual import: it is plain data the UI turns into ``Binding``s.

Each entry's ``id`` is the stable name the user's ``[keymap]`` (``config.toml``) rebinds it
by; it is the action's name unless two entries share an action.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    """One command: the key(s) that run it, the action name, and how it is described."""

    keys: str  # Textual key names, comma-separated ("j,down")
    action: str  # action name on the main screen (without the "action_" prefix)
    description: str  # short, for the footer and the palette
    help: str  # one sentence for the help screen
    footer: bool = False  # shown in the footer
    group: str = "Reading"
    id: str = ""  # the binding's id, what the user's [keymap] names; "" means the action

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.action)


KEYS: tuple[Key, ...] = (
    Key("tab", "focus_next", "Next pane", "Move to the next pane.", group="Moving"),
    Key(
        "shift+tab", "focus_previous", "Previous pane", "Move to the previous pane.", group="Moving"
    ),
    Key(
        "j,down",
        "cursor_down",
        "Down",
        "Move down in a list, or scroll the view down.",
        group="Moving",
    ),
    Key("k,up", "cursor_up", "Up", "Move up in a list, or scroll the view up.", group="Moving"),
    Key("g,home", "cursor_top", "Top", "Go to the top.", group="Moving"),
    Key("G,end", "cursor_bottom", "Bottom", "Go to the bottom.", group="Moving"),
    # --- going places: references, back and forward ---
    Key(
        "number_sign",
        "go_to_reference",
        "Go to reference",
        "Open a reference: #q12.a1 in this briefing, or a whole one (2017-10-11-shanghai#q2.a1).",
        group="Moving",
    ),
    Key(
        "backspace,alt+left",
        "go_back",
        "Back",
        "Go back to what you read before (a briefing, a result, a reference), at its line.",
        group="Moving",
    ),
    Key("alt+right", "go_forward", "Forward", "Go forward again after going back.", group="Moving"),
    Key(
        "/",
        "focus_filter",
        "Filter",
        "Filter the briefings; start with ? to search all that was said (?tariffs).",
        footer=True,
        group="Finding",
    ),
    # --- find in the briefing ---
    Key(
        "f",
        "find",
        "Find",
        "Find text in the open briefing, as in less (/ filters the list): Enter goes to the "
        "next match, n/N step, esc closes.",
        group="Finding",
    ),
    Key(
        "s",
        "focus_speakers",
        "Speakers",
        "Choose a speaker or an asking outlet.",
        footer=True,
        group="Finding",
    ),
    Key(
        "a",
        "toggle_scope",
        "Scope",
        "Switch the Q&A view between this briefing and all briefings.",
        footer=True,
        group="Finding",
    ),
    Key(
        "ctrl+o",
        "toggle_order",
        "Order",
        "Order search results newest first, or by relevance (also o in the results).",
        group="Finding",
    ),
    # saved searches
    Key(
        "w",
        "save_search",
        "Save search",
        "Save the current search under a name, its hits marked seen.",
        group="Finding",
    ),
    Key(
        "W",
        "saved_searches",
        "Saved searches",
        "List saved searches with their new hits; Enter runs one and marks it seen.",
        group="Finding",
    ),
    Key(
        "n",
        "next_answer",
        "Next answer",
        "Select the next answer (or the next find or search match).",
        footer=True,
    ),
    Key("p", "previous_answer", "Prev answer", "Select the previous answer.", footer=True),
    Key("N", "previous_match", "Prev match", "Go to the previous find or search match."),
    Key(
        "e",
        "export",
        "Export",
        "Export the selected answer with its citation, or its whole briefing, to a file.",
        footer=True,
        group="Quoting",
    ),
    Key(
        "y",
        "copy",
        "Copy",
        "Copy the selected answer with its citation to the clipboard.",
        footer=True,
        group="Quoting",
    ),
    # search results as data
    Key(
        "x",
        "export_results",
        "Export results",
        "Export every hit of the current search to a file (CSV, JSON Lines or Markdown).",
        group="Quoting",
    ),
    # --- the archive and the layout ---
    Key(
        "ctrl+r",
        "reload",
        "Reload",
        "Read again the files added, changed or removed since the last look "
        "(this also happens by itself every few seconds).",
        group="Other",
    ),
    Key(
        "b",
        "toggle_side",
        "Side column",
        "Show or hide the briefing list and speaker filter (on narrow terminals).",
        footer=True,
        group="Moving",
    ),
    # --- bookmarks ---
    Key(
        "m",
        "bookmark",
        "Bookmark",
        "Bookmark the selected answer; m again removes the bookmark.",
        group="Quoting",
    ),
    Key(
        "M",
        "show_bookmarks",
        "Bookmarks",
        "List the bookmarks: Enter opens one, d deletes it.",
        group="Quoting",
    ),
    # Clippings
    Key(
        "c",
        "clip",
        "Clip",
        "Clip the selected answer into a collection, with a note.",
        group="Quoting",
    ),
    Key(
        "C",
        "show_clippings",
        "Clippings",
        "List the clippings: open, reorder, edit notes, remove, export a collection.",
        group="Quoting",
    ),
    Key("!", "show_errors", "Errors", "List the files that failed to load.", group="Other"),
    Key("question_mark", "show_help", "Help", "Show this help.", footer=True, group="Other"),
    Key(
        "escape",
        "clear",
        "Clear",
        "Clear the current filter; in an empty text box, leave it; or close a dialog.",
        group="Other",
    ),
    Key("q", "quit", "Quit", "Quit the reader.", footer=True, group="Other"),
)


TEXT_BOX_KEYS: tuple[Key, ...] = (
    Key(
        "enter",
        "submit",
        "Open",
        "In a text box: open the first briefing listed, or go to the search results.",
    ),
    Key("down", "cursor_down", "To list", "In a text box: go down to the list below it."),
    Key(
        "escape",
        "clear",
        "Leave box",
        "In a text box: clear the text; when it is empty, leave the box.",
    ),
)
"""What works while a text box has the focus, where every letter types itself: the
footer shows these instead of the letter keys, which would not do what they say."""
