"""Back and forward (``backspace``/``alt+left``, ``alt+right``), and each briefing's place.

The main screen tells :class:`Places` whenever a briefing is opened
(:meth:`Places.opening`, from ``open_briefing``) and whenever one is on screen
(:meth:`Places.shown`, once its text is shown); the rules of the list are
:class:`tui.history.History`'s. Before anything else is opened, the place being left
(selected answer and first line shown) is written into the list, so going back returns
to that line, not to the top. A briefing reopened without a target (from the list, the
palette) returns to where the reader last was in it this session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.history import History, Place

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class Places:
    """The history of one :class:`~tui.screens.main.MainScreen`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.history = History()
        self.pending: Place | None = None  # to restore once its briefing is shown
        self._moving = False  # going back or forward: not a new visit

    def here(self) -> Place | None:
        """Where the reader is, when the view shows the open briefing."""
        screen = self.screen
        briefing = screen.briefing
        if screen.scope != "briefing" or briefing is None or briefing.id != screen.briefing_id:
            return None
        if screen.qa.document is None:
            return None
        answer, scroll = screen.qa.place()
        if answer is not None and answer.partition("#")[0] != briefing.id:
            return None
        return Place(briefing.id, answer, scroll)

    def save(self) -> None:
        place = self.here()
        if place is not None:
            self.history.update(place)

    def opening(self, briefing_id: str, target: str | None, *, passing: bool) -> None:
        """``briefing_id`` is being opened (at ``target``); ``passing`` for a preview."""
        self.save()
        if self._moving:
            return
        self.pending = None
        self.history.visit(Place(briefing_id, target), passing=passing)
        if target is None and briefing_id != self.screen.briefing_id:
            self.pending = self.history.last_place(briefing_id)

    def shown(self, briefing_id: str) -> None:
        """The briefing's text is on screen: put the reader back at its place, if any."""
        place = self.pending
        if place is not None and place.briefing_id == briefing_id:
            self.pending = None
            self.screen.qa.restore(place.answer, place.scroll)

    def go(self, delta: int) -> None:
        """Back (-1) or forward (1) one entry."""
        screen = self.screen
        self.save()
        place = self.history.back() if delta < 0 else self.history.forward()
        if place is None:
            where = "back" if delta < 0 else "forward"
            screen.notify(f"Nothing to go {where} to.", timeout=3)
            return
        self._moving = True
        try:
            current = self.here()
            if current is not None and current.briefing_id == place.briefing_id:
                screen.qa.restore(place.answer, place.scroll)
            else:
                self.pending = place
                screen.select_briefing(place.briefing_id)
        finally:
            self._moving = False


class HistoryActions:
    """The main screen's back and forward actions."""

    places: Places

    def action_go_back(self) -> None:
        self.places.go(-1)

    def action_go_forward(self) -> None:
        self.places.go(1)
