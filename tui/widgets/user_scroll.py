"""Scrolling by the user, told apart from placing the view, so a selection can follow it.

A view that selects something (the Q&A view's answer cursor) must keep the selection on
screen when the user scrolls away from it, or a key that acts on the selection (quote,
export) acts on something the user cannot see. But the view also scrolls itself, to
place an answer or a match, and that must never move the selection. Watching
``scroll_y`` cannot tell the two apart, so this class routes every scroll the user can
make (the movement keys, page keys, the wheel, the scrollbar) through
:meth:`follow_view`, after the scroll has landed.
"""

from __future__ import annotations

from tui.widgets.scrolling import SteadyScrollView

SCROLLBAR_SETTLE = 0.3
"""Seconds after a scrollbar drag or click before the selection follows the view: Textual
glides those scrolls (0.1 s for a drag, longer for a page), and the selection must
follow where the view ends, not where it passes."""


class UserScrollView(SteadyScrollView):
    """A scroll view that calls :meth:`follow_view` after each scroll the user makes."""

    def follow_view(self) -> None:
        """The user scrolled: bring the selection into view (subclasses decide how)."""

    def extend_to_end(self) -> None:
        """Make the whole content measurable before going to its end (lazy layouts)."""

    def action_cursor_down(self) -> None:
        self.scroll_to(y=self.scroll_offset.y + 1, animate=False)
        self._follow_view_soon()

    def action_cursor_up(self) -> None:
        self.scroll_to(y=self.scroll_offset.y - 1, animate=False)
        self._follow_view_soon()

    def action_cursor_top(self) -> None:
        self.scroll_to(y=0, animate=False)
        self._follow_view_soon()

    def action_cursor_bottom(self) -> None:
        self.extend_to_end()
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True)
        self._follow_view_soon()

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)
        self._follow_view_soon()

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)
        self._follow_view_soon()

    def action_scroll_home(self) -> None:
        self.action_cursor_top()

    def action_scroll_end(self) -> None:
        self.action_cursor_bottom()

    def on_mouse_scroll_down(self) -> None:
        self._follow_view_soon()

    def on_mouse_scroll_up(self) -> None:
        self._follow_view_soon()

    def on_scroll_to(self) -> None:
        self._follow_view_soon(SCROLLBAR_SETTLE)  # the scrollbar dragged: a short glide

    def on_scroll_up(self) -> None:
        self._follow_view_soon(SCROLLBAR_SETTLE)  # the scrollbar clicked: a page, gliding

    def on_scroll_down(self) -> None:
        self._follow_view_soon(SCROLLBAR_SETTLE)

    def _follow_view_soon(self, delay: float = 0.0) -> None:
        if delay:
            self.set_timer(delay, self.follow_view)
        else:
            self.call_after_refresh(self.follow_view)
