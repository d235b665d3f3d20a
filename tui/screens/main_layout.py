"""The main screen on a narrow terminal: the side column folds away.

Below :data:`NARROW` columns the briefing list and speaker filter share the width with
the Q&A view badly: titles cut to a few characters, answers wrapped at forty. So there the
side column is hidden and the Q&A view takes the whole width; ``b`` brings the column
back over the Q&A view (wide enough to read titles, see ``app.tcss``) and hides it again.
The Q&A view keeps its width underneath, so showing the column never re-wraps or moves
what is being read.

The column also comes back by itself when a key needs it (``/`` the filter, ``s`` the
speakers), and folds away again once the focus leaves it (Enter on a briefing gives the
focus to the Q&A view). On a wide terminal the column is always shown and ``b`` is off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from tui.screens.main import MainScreen
    from tui.screens.main_actions import Actions

NARROW = 100
"""Below this many columns the side column folds away."""


class SideColumn:
    """Whether the side column of one :class:`~tui.screens.main.MainScreen` is shown."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.narrow = False
        self.shown_narrow = False  # shown over the Q&A view on a narrow terminal

    @property
    def side(self) -> Widget:
        return self.screen.query_one("#side")

    @property
    def visible(self) -> bool:
        return not self.narrow or self.shown_narrow

    def resized(self, width: int) -> None:
        narrow = width < NARROW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.shown_narrow = False
        self._apply()
        self.screen.refresh_bindings()  # `b` is on only when narrow

    def toggle(self) -> None:
        if not self.narrow:
            return
        if self.shown_narrow:
            self.hide()
        else:
            self.reveal()
            self.screen.set_focus(self.screen.briefing_list)

    def reveal(self) -> None:
        """Show the column (a key is about to focus something in it)."""
        if self.narrow and not self.shown_narrow:
            self.shown_narrow = True
            self._apply()

    def hide(self) -> None:
        if self.narrow and self.shown_narrow:
            self.shown_narrow = False
            self._apply()

    def _apply(self) -> None:
        screen = self.screen
        screen.set_class(self.narrow and self.shown_narrow, "-side-shown")
        self.side.display = self.visible
        focused = screen.focused
        if not self.visible and focused is not None and self._inside(focused):
            screen.set_focus(screen.qa)

    def _inside(self, widget: Widget) -> bool:
        side = self.side
        return widget is side or side in widget.ancestors

    def focus_moved(self, widget: Widget) -> None:
        """Fold the column away once the focus leaves it on a narrow terminal."""
        if self.narrow and self.shown_narrow and not self._inside(widget):
            self.hide()


class LayoutActions:
    """The main screen's part of the narrow layout: ``b`` and following the focus."""

    side_column: SideColumn
    actions: Actions

    def action_toggle_side(self) -> None:
        if not self.actions.typing("b"):
            self.side_column.toggle()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``b`` is off (and out of the footer) while the column has room of its own."""
        if action == "toggle_side":
            return self.side_column.narrow
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.side_column.focus_moved(event.widget)
