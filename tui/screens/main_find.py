"""Find in the open briefing (key ``f``), as in ``less``: the main screen's side of it.

``/`` already belongs to the briefing list (its filter, and ``?`` search), so find takes
``f``. The bar (:class:`~tui.widgets.find_bar.FindBar`) reports what is typed; the view
(:class:`~tui.widgets.qa_view.QAView`) highlights and scrolls; this module decides: the
first match from the top of the view on Enter, ``n``/``N`` stepping while the bar is
open, wrapping round the ends with a notice, and Escape closing it. The rules of
matching and stepping are in :mod:`tui.finding`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import ContentSwitcher

from tui import finding
from tui.widgets.find_bar import FindBar

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class Finder:
    """The find bar of one :class:`~tui.screens.main.MainScreen`, and what its keys do."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    @property
    def bar(self) -> FindBar:
        return self.screen.query_one("#find-bar", FindBar)

    @property
    def active(self) -> bool:
        return self.bar.is_open

    def _view_shown(self) -> bool:
        """Whether the Q&A view is on screen (not the search results in its place)."""
        return self.screen.query_one("#main", ContentSwitcher).current == "qa"

    def open(self) -> None:
        screen = self.screen
        if screen.actions.typing("f"):
            return
        if not self._view_shown():
            screen.notify("Find looks in the open briefing: open a search result first.")
            return
        self.bar.open()
        screen.set_focus(self.bar.box)
        self.show_count()

    def changed(self, text: str) -> None:
        """Highlight as the reader types; the view stays where it is until Enter."""
        self.screen.qa.find(text)
        self.show_count()

    def submitted(self) -> None:
        """Enter: the first match from the top of the view; then ``n``/``N`` take over."""
        qa = self.screen.qa
        if self.bar.box.value.strip() and not self._say_none():
            lines = qa.match_lines()
            number, wrapped = finding.first_from(lines, round(qa.scroll_offset.y))
            self._go(number, 1 if wrapped else 0)
        self.screen.set_focus(qa)

    def step(self, delta: int) -> bool:
        """``n`` (1) or ``N`` (-1) while find is open; False when find is not in use."""
        if not self.active or not self.bar.box.value.strip() or not self._view_shown():
            return False
        if self._say_none():
            return True
        qa = self.screen.qa
        if qa.match_index >= 0:
            number, wrapped = finding.step(qa.match_count, qa.match_index, delta)
        else:  # no match reached yet: step from the top of the view
            lines = qa.match_lines()
            number, wrapped = finding.first_from(lines, round(qa.scroll_offset.y))
            if delta < 0 and wrapped:  # every match is above: the last one, no wrap
                number, wrapped = qa.match_count - 1, False
            elif delta < 0:
                number, wrapped = finding.step(qa.match_count, number, -1)
        self._go(number, delta if wrapped else 0)
        return True

    def _say_none(self) -> bool:
        if self.screen.qa.match_count:
            return False
        self.screen.notify(f"Not found in this briefing: {self.bar.box.value.strip()}", timeout=4)
        return True

    def _go(self, number: int, wrapped: int) -> None:
        self.screen.qa.go_to_match(number)
        if wrapped:
            self.screen.notify(finding.wrap_notice(wrapped), timeout=3)
        self.show_count()

    def close(self) -> bool:
        """Escape: close the bar and drop its highlights; False when it was not open."""
        if not self.active:
            return False
        screen = self.screen
        had_focus = screen.focused is self.bar.box
        self.bar.close()
        screen.qa.find("")
        if had_focus:
            screen.set_focus(screen.qa)
        return True

    def show_count(self) -> None:
        """The count beside the box: ``3/17``, ``17 matches`` or ``no match``."""
        if self.active:
            qa = self.screen.qa
            typed = bool(self.bar.box.value.strip())
            self.bar.show_count(finding.counter(qa.match_index, qa.match_count) if typed else "")


class FindActions:
    """The main screen's find actions and the find bar's messages."""

    finder: Finder

    def action_find(self) -> None:
        self.finder.open()

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        self.finder.changed(event.text)

    def on_find_bar_submitted(self, event: FindBar.Submitted) -> None:
        self.finder.submitted()
