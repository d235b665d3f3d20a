"""A list that draws only the rows on screen (the Line API), for lists of any length.

OptionList and DataTable build every row before the first paint (~0.9 s for 10,000 rows
on this kind of machine), so the conference list and the speaker filter are built on
``ScrollView.render_line`` instead: a row is turned into a :class:`Strip` only when it
scrolls into view, and the strip is kept in a small LRU cache keyed by what changes its
look (row, width, cursor, focus). Moving the cursor repaints two lines.

Subclasses say how a row looks (:meth:`render_row`) and which rows the cursor may rest on
(:meth:`selectable`); this class owns scrolling, the cursor and the messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from tui.widgets.scrolling import SteadyScrollView

RowT = TypeVar("RowT")


class RowMessage(Message):
    """A message about row ``index`` of ``list``, which is the message's ``control``."""

    def __init__(self, sender: VirtualList[Any], index: int) -> None:
        super().__init__()
        self.list = sender
        self.index = index

    @property
    def control(self) -> VirtualList[Any]:
        return self.list


class VirtualList(SteadyScrollView, Generic[RowT], can_focus=True):
    """A cursor over ``rows``, painted lazily. ``cursor`` is -1 when there is no row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
    ]

    DEFAULT_CSS = """
    VirtualList {
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "list--cursor",
        "list--cursor-blurred",
        "list--chosen",
        "list--dim",
        "list--heading",
    }

    cursor: reactive[int] = reactive(-1, init=False)

    class Highlighted(RowMessage):
        """The cursor moved to row ``index`` of ``list`` (the message's ``control``)."""

    class Selected(RowMessage):
        """Row ``index`` of ``list`` (the message's ``control``) was chosen (Enter, click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Sequence[RowT] = ()
        self._cache: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(1024)

    @property
    def rows(self) -> Sequence[RowT]:
        return self._rows

    def set_rows(self, rows: Sequence[RowT], cursor: int = 0) -> None:
        """Replace every row and put the cursor on ``cursor`` (or the nearest selectable).

        No :class:`Highlighted` is posted: whoever replaces the rows decides what follows.
        """
        self._rows = rows
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        target = self._nearest(min(max(cursor, 0), len(rows) - 1), 1) if rows else -1
        self.set_reactive(VirtualList.cursor, target)
        self.scroll_to(y=max(target - 2, 0), animate=False, immediate=True)
        self.refresh()

    def restyled(self) -> None:
        self.invalidate()

    def invalidate(self) -> None:
        """Forget every painted row (its look changed without the rows changing)."""
        self._cache.clear()
        self.refresh()

    # --- what subclasses provide ----------------------------------------------------

    def render_row(self, row: RowT, width: int, base: Style) -> list[Segment]:
        raise NotImplementedError

    def selectable(self, index: int) -> bool:
        return True

    def row_style(self, index: int) -> Style:
        """Extra style of a row besides the cursor (e.g. the briefing that is open)."""
        return Style()

    # --- painting -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index < 0 or index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor
        key = (index, width, is_cursor, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            style = self.rich_style + self.row_style(index)
            if is_cursor:
                name = "list--cursor" if self.has_focus else "list--cursor-blurred"
                style = self.over(style, name)
            segments = self.render_row(self._rows[index], width, style)
            strip = Strip(segments).adjust_cell_length(width, style)
            self._cache[key] = strip
        return strip

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        if new >= 0:
            self.scroll_to_row(new)
            self.post_message(self.Highlighted(self, new))

    def scroll_to_row(self, index: int) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif height > 0 and index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def on_focus(self) -> None:
        self.invalidate()

    def on_blur(self) -> None:
        self.invalidate()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows))
        self._cache.clear()

    # --- moving ---------------------------------------------------------------------

    def _nearest(self, index: int, step: int) -> int:
        """The first selectable row from ``index`` in direction ``step`` (or back)."""
        for direction in (step, -step):
            probe = index
            while 0 <= probe < len(self._rows):
                if self.selectable(probe):
                    return probe
                probe += direction
        return -1

    def move(self, delta: int) -> None:
        if not self._rows:
            return
        step = 1 if delta > 0 else -1
        target = min(max(self.cursor + delta, 0), len(self._rows) - 1)
        found = self._nearest(target, step)
        if found >= 0:
            self.cursor = found

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def action_cursor_top(self) -> None:
        if self._rows:
            self.cursor = self._nearest(0, 1)

    def action_cursor_bottom(self) -> None:
        if self._rows:
            self.cursor = self._nearest(len(self._rows) - 1, -1)

    def action_page_down(self) -> None:
        self.move(max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move(-max(self.scrollable_content_region.height - 1, 1))

    def action_select(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.post_message(self.Selected(self, self.cursor))

    def click_target(self, index: int) -> int | None:
        """The row a click on row ``index`` selects: itself when selectable. A subclass
        whose items span several rows sends a click on any of them to the item's row."""
        return index if self.selectable(index) else None

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if not 0 <= index < len(self._rows):
            return
        target = self.click_target(index)
        if target is not None:
            self.cursor = target
            self.action_select()
