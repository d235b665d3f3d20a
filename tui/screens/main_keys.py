"""The main screen's key actions, one per entry of :data:`tui.keymap.KEYS`.

Each hands the key to the collaborator that owns what it does (most to
:class:`~tui.screens.main_actions.Actions`), so the screen's module stays the wiring
and this list reads as the key map does. A mixin of :class:`~tui.screens.main.MainScreen`;
the few actions that are the screen's own (focus, quit) stay there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.screens.main_actions import Actions


class KeyActions:
    """``action_*`` methods of the main screen, each one line to its owner."""

    actions: Actions

    def action_cursor_down(self) -> None:
        self.actions.move("cursor_down")

    def action_cursor_up(self) -> None:
        self.actions.move("cursor_up")

    def action_cursor_top(self) -> None:
        self.actions.move("cursor_top")

    def action_cursor_bottom(self) -> None:
        self.actions.move("cursor_bottom")

    def action_focus_filter(self) -> None:
        self.actions.focus_filter()

    def action_focus_speakers(self) -> None:
        self.actions.focus_speakers()

    def action_toggle_scope(self) -> None:
        self.actions.toggle_scope()

    def action_toggle_order(self) -> None:
        self.actions.toggle_order()

    def action_next_answer(self) -> None:
        self.actions.next_answer()

    def action_previous_answer(self) -> None:
        self.actions.previous_answer()

    def action_previous_match(self) -> None:
        self.actions.previous_match()

    def action_clear(self) -> None:
        self.actions.clear()

    def action_export(self) -> None:
        self.actions.export()

    def action_copy(self) -> None:
        self.actions.quote_selected("copy")

    def action_show_help(self) -> None:
        self.actions.show_help()

    def action_show_errors(self) -> None:
        self.actions.show_errors()
