"""The conference list: one line per briefing, newest first, filtered as you type.

A row is ``date  title…  12q``: the title is cut to the width left over with an ellipsis
so a long title never wraps into the next row. Filtering works on the summaries the
library gave (never on parsed briefings): every word typed must appear in the title,
organizer, location or a tag, or be a prefix of the date (``2017-10``). The lower-cased
text of each summary is computed once per list, so filtering 10,000 rows per keystroke
is a plain substring scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer

from tui.library import BriefingSummary
from tui.safetext import clean_line
from tui.widgets.virtual_list import VirtualList
from tui.wrap import cells, truncate


def haystack(summary: BriefingSummary) -> str:
    """The text a filter word is looked up in (lower case, one line)."""
    parts = [summary.title, summary.organizer or "", summary.location or "", *summary.tags]
    return " ".join(parts).casefold()


def matches(summary: BriefingSummary, text: str, hay: str | None = None) -> bool:
    """True when every word of ``text`` is in the summary's text or starts its date."""
    words = text.casefold().split()
    if not words:
        return True
    hay = haystack(summary) if hay is None else hay
    date = summary.date.isoformat()
    return all(word in hay or date.startswith(word) for word in words)


class BriefingList(VirtualList[BriefingSummary]):
    """The briefings, narrowed by ``filter_text``; ``opened_id`` is the one on screen."""

    filter_text: reactive[str] = reactive("", init=False)
    opened_id: reactive[str | None] = reactive(None, init=False)

    class Opened(Message):
        """The reader wants this briefing on screen (cursor rested on it, or Enter)."""

        def __init__(self, briefing_id: str, explicit: bool) -> None:
            super().__init__()
            self.briefing_id = briefing_id
            self.explicit = explicit

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *VirtualList.COMPONENT_CLASSES,
        "briefing-list--date",
        "briefing-list--count",
    }

    PREVIEW_DELAY = 0.12
    """Seconds the cursor must rest on a briefing before it opens: holding ``j`` moves
    the cursor at key-repeat speed without parsing every briefing it passes."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._preview: Timer | None = None
        self._all: Sequence[BriefingSummary] = ()
        self._hay: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    def set_summaries(self, summaries: Sequence[BriefingSummary]) -> None:
        """Replace the briefings (the archive changed or a person narrowed it)."""
        self._all = summaries
        # Both caches fill on demand: building them for every row here costs the UI
        # thread on every (re)list, for rows most sessions never filter or show.
        self._hay = {}
        self._titles = {}
        self._apply_filter()

    def _haystack(self, summary: BriefingSummary) -> str:
        hay = self._hay.get(summary.id)
        if hay is None:
            hay = self._hay[summary.id] = haystack(summary)
        return hay

    def _title(self, summary: BriefingSummary) -> str:
        title = self._titles.get(summary.id)
        if title is None:
            title = self._titles[summary.id] = clean_line(summary.title)
        return title

    @property
    def summaries(self) -> Sequence[BriefingSummary]:
        return self._all

    def _apply_filter(self) -> None:
        text = self.filter_text
        if text.strip():
            rows: Sequence[BriefingSummary] = [
                s for s in self._all if matches(s, text, self._haystack(s))
            ]
        else:
            rows = self._all
        position = self.index_of(self.opened_id, rows)
        self.set_rows(rows, position if position >= 0 else 0)

    @staticmethod
    def index_of(briefing_id: str | None, rows: Sequence[BriefingSummary]) -> int:
        if briefing_id is None:
            return -1
        for index, summary in enumerate(rows):
            if summary.id == briefing_id:
                return index
        return -1

    def watch_filter_text(self) -> None:
        self._apply_filter()

    def watch_opened_id(self, briefing_id: str | None) -> None:
        position = self.index_of(briefing_id, self.rows)
        if position >= 0 and position != self.cursor:
            self.set_reactive(VirtualList.cursor, position)
            self.scroll_to_row(position)
        self.invalidate()

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        if self._preview is not None:
            self._preview.stop()
        self._preview = self.set_timer(self.PREVIEW_DELAY, self._open_highlighted)

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        if self._preview is not None:
            self._preview.stop()
        row = self.highlighted
        if row is not None:
            self.post_message(self.Opened(row.id, explicit=True))

    def _open_highlighted(self) -> None:
        row = self.highlighted
        if row is not None and row.id != self.opened_id:
            self.post_message(self.Opened(row.id, explicit=False))

    @property
    def highlighted(self) -> BriefingSummary | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def row_style(self, index: int) -> Style:
        if self.rows[index].id == self.opened_id:
            return self.get_component_rich_style("list--chosen")
        return Style()

    def render_row(self, row: BriefingSummary, width: int, base: Style) -> list[Segment]:
        mark = "▸" if row.id == self.opened_id else " "
        date = row.date.isoformat()
        count = f"{row.questions}q"
        date_style = self.over(base, "briefing-list--date")
        count_style = self.over(base, "briefing-list--count")
        room = width - (len(date) + len(count) + 4)
        if room < 8:  # too narrow for a date column: the title matters more
            title = truncate(self._title(row), max(width - 2, 1))
            return [Segment(mark + " ", base), Segment(title, base)]
        title = truncate(self._title(row), room)
        pad = " " * (room - cells(title))
        return [
            Segment(mark, base),
            Segment(date, date_style),
            Segment(" ", base),
            Segment(title + pad, base),
            Segment(" ", base),
            Segment(count.rjust(len(count) + 1), count_style),
        ]
