"""Where the reader has been: back and forward as in a browser, and each briefing's place.

A reader follows a search hit, a reference, a bookmark, and wants to return to what they
were reading, at the line they left. :class:`History` is the browser's list: every place
opened is an entry; going back and forward moves along it, and opening something new
from the middle drops what was ahead. A briefing merely previewed (the list's cursor
passing over it) is a *passing* entry: the next preview replaces it rather than piling
up one entry per row crossed, but anything opened from it keeps it, since the reader was
looking at it.

Separately, the last place read in each briefing is kept for the session, so reopening
a briefing (from the list, the palette) puts the reader back where they were in it.
Plain data, no screen: the main screen (:mod:`tui.screens.main_history`) records and
restores places.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 500
"""Entries kept; the oldest are forgotten first (a session of a thousand hits stays small)."""


@dataclass(frozen=True, slots=True)
class Place:
    """A briefing, the answer selected in it and the first line shown (``None``: not known
    yet, the view places the answer itself)."""

    briefing_id: str
    answer: str | None = None
    scroll: int | None = None


@dataclass(slots=True)
class _Entry:
    place: Place
    passing: bool


class History:
    """The back/forward list and the last place of each briefing."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._entries: list[_Entry] = []
        self._index = -1
        self._limit = limit
        self._last: dict[str, Place] = {}

    @property
    def current(self) -> Place | None:
        return self._entries[self._index].place if self._index >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._entries) - 1

    def __len__(self) -> int:
        return len(self._entries)

    def visit(self, place: Place, *, passing: bool = False) -> None:
        """The reader opened ``place``.

        The briefing already current, opened again without an answer named, is the same
        entry (only no longer passing); a passing entry followed by another is replaced.
        """
        if self._index >= 0:
            entry = self._entries[self._index]
            if entry.place.briefing_id == place.briefing_id and place.answer is None:
                entry.passing = entry.passing and passing
                return
            if entry.passing and passing:
                entry.place = place
                return
        del self._entries[self._index + 1 :]
        self._entries.append(_Entry(place, passing))
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def update(self, place: Place) -> None:
        """The reader moved within the current entry's briefing: keep where they are now."""
        self._last[place.briefing_id] = place
        if self._index >= 0 and self._entries[self._index].place.briefing_id == place.briefing_id:
            self._entries[self._index].place = place

    def back(self) -> Place | None:
        """The previous entry (now current), or ``None`` at the first one."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._entries[self._index].place

    def forward(self) -> Place | None:
        """The next entry (now current), or ``None`` at the last one."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._entries[self._index].place

    def last_place(self, briefing_id: str) -> Place | None:
        """Where the reader last was in ``briefing_id`` this session, if anywhere."""
        return self._last.get(briefing_id)
