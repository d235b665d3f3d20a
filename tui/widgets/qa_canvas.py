"""The Q&A view's canvas: a document's lines, wrapped lazily and painted one by one.

The half of the Q&A view (:mod:`tui.widgets.qa_view`) that turns a :class:`Document` into
lines on screen, separate from the half that decides what is selected and where the view
goes: that keeps each under the size one can read in a sitting. Wrapping is lazy
(:mod:`tui.widgets.qa_layout`): blocks are wrapped from the top only as far as needed to
paint the screen, the rest is estimated for the scrollbar, and wrapping continues in
small steps between frames until it is exact. Painted lines are kept as
:class:`Strip`\\ s in an LRU cache; a cursor move or a resize simply forgets them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip

from tui.widgets.qa_document import Document
from tui.widgets.qa_layout import Layout
from tui.widgets.user_scroll import UserScrollView
from tui.wrap import wrap_lines

GUTTER = 2
CONTEXT_LINES = 2
"""Lines kept above an answer the view moves to when its question is too long to show
whole: the question's (or the previous answer's) last line and the blank line after it."""
FIND_CONTEXT = 1
"""Lines kept above a find match the view moves to."""
FIRST_STEP = 120  # blocks laid out before the first paint (more if the screen needs it)
STEP = 300  # blocks laid out per background step (~10-15 ms)
FIRST_STEP_DELAY = 0.1  # seconds between showing a document and its background layout


class QACanvas(UserScrollView):
    """The state of the Q&A view and its painting; :class:`~tui.widgets.qa_view.QAView`
    adds the selection, the matches and the moves on top."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "qa--title",
        "qa--meta",
        "qa--summary",
        "qa--heading",
        "qa--briefing",
        "qa--question-label",
        "qa--question",
        "qa--answer-label",
        "qa--answer",
        "qa--remark-label",
        "qa--remark",
        "qa--notice",
        "qa--note",
        "qa--text",
        "qa--cursor",
        "qa--match",
        "qa--match-current",
        "qa--find",
        "qa--find-current",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._doc: Document | None = None
        self._message = ""
        self._message_lines: list[str] = []
        self._cursor = -1
        self._match = -1
        self._layout = Layout(None, 0)
        self._hits: dict[int, list[tuple[int, int, int]]] = {}
        self._cache: LRUCache[int, Strip] = LRUCache(512)
        self._stepping = False
        self._height = 0
        self._deferred: Callable[[], None] | None = None  # a scroll asked for while hidden
        self._terms: tuple[str, ...] = ()
        self._finding = ""  # the find bar's text: its matches replace the search's

    # --- public state -----------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._doc

    @property
    def answers(self) -> Sequence[str]:
        """References of the answers shown, in order."""
        return self._doc.answers if self._doc else ()

    @property
    def cursor_ref(self) -> str | None:
        if self._doc and 0 <= self._cursor < len(self._doc.answers):
            return self._doc.answers[self._cursor]
        return None

    @property
    def match_index(self) -> int:
        return self._match

    @property
    def match_count(self) -> int:
        return len(self._doc.matches) if self._doc else 0

    @property
    def wrapped_blocks(self) -> int:
        """How many blocks are wrapped so far (the rest is estimated)."""
        return self._layout.wrapped

    @property
    def laid_out(self) -> bool:
        return self._layout.complete

    @property
    def finding(self) -> str:
        return self._finding

    def restyled(self) -> None:
        self._cache.clear()
        self.refresh()

    # --- layout -----------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER, 0)

    def _reset_layout(self) -> None:
        self._deferred = None
        self._layout = Layout(self._doc, self._text_width())
        self._layout.extend(FIRST_STEP)
        self._cache.clear()
        self._update_size()
        # The first background step waits a little: each step resizes the view, and a
        # step run straight after the first refresh delays the first paint of a long
        # briefing (docs/benchmarks.md, "Measurements behind the design").
        self._schedule(FIRST_STEP_DELAY)
        self.refresh()

    def _wrap_message(self) -> None:
        text, width = self._message, self._text_width()
        self._message_lines = (
            [text[a:b].rstrip() for a, b in wrap_lines(text, width)] if text else []
        )

    def _update_size(self) -> None:
        total = self._layout.total if self._doc is not None else len(self._message_lines)
        self.virtual_size = Size(self.scrollable_content_region.width, max(total, 1))

    def _schedule(self, delay: float = 0.0) -> None:
        if not self._stepping and self._layout.usable and not self._layout.complete:
            self._stepping = True
            if delay:
                self.set_timer(delay, self._step)
            else:
                self.call_after_refresh(self._step)

    def _step(self) -> None:
        """One background layout step; the next one is queued after the next frame."""
        self._stepping = False
        if not self._layout.usable or self._layout.complete:
            return
        self._layout.extend(STEP)
        self._update_size()
        self._schedule()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap at the new width, keeping the reader's place.

        The place is the selected answer's label if it was on screen, otherwise the
        line that was at the top.
        """
        width = self._text_width()
        if width <= 0 < self._layout.width:
            return  # hidden (the search results took the place): keep the layout as it is
        old_height, self._height = self._height, self.scrollable_content_region.height
        if self._doc is None:
            self._wrap_message()
        if width == self._layout.width:
            self._update_size()
            return
        top = self.scroll_offset.y
        top_block, offset = self._layout.position(top)
        label = self._label_line()
        keep_label = label is not None and top <= label < top + old_height
        deferred = self._deferred
        self._reset_layout()
        if deferred is not None and self._layout.usable:
            deferred()
            return
        first = self._layout.line_of(top_block) if top_block >= 0 else None
        if first is None:
            return
        line = min(first + offset, self._layout.end_of(top_block) - 1)
        label = self._label_line()
        if keep_label and label is not None and not line <= label < line + self._height:
            line = max(label - 1, 0)
        self._update_size()
        self.scroll_to(y=line, animate=False, immediate=True)

    def _label_line(self) -> int | None:
        """The line of the selected answer's label (wrapping up to it)."""
        ref = self.cursor_ref
        if self._doc is None or ref is None:
            return None
        return self._layout.line_of(self._doc.answer_block[ref])

    # --- painting ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        base = self.rich_style
        if self._doc is None:
            lines = self._message_lines
            text = lines[line] if 0 <= line < len(lines) else ""
            style = self.over(base, "qa--notice")
            return Strip([Segment("  " + text, style)]).adjust_cell_length(width, base)
        if not self._layout.usable:
            return Strip.blank(width, base)
        self._layout.through_line(line, STEP)
        strip = self._cache.get(line)
        if strip is None:
            block, row = self._layout.position(line)
            if block < 0:
                return Strip.blank(width, base)
            strip = self._paint(block, row, width, base)
            self._cache[line] = strip
        return strip

    def _paint(self, index: int, row: int, width: int, base: Style) -> Strip:
        assert self._doc is not None
        block = self._doc.blocks[index]
        start, end = self._layout.spans[index][row]
        style = self.over(base, block.style)
        selected = block.answer is not None and block.answer == self.cursor_ref
        if selected:
            cursor_style = self.over(base, "qa--cursor")
            segments = [Segment("▌ ", cursor_style)]
        else:
            segments = [Segment(" " * GUTTER, base)]
        if block.indent:
            segments.append(Segment(" " * block.indent, base))
        text = block.text[start:end].rstrip()
        end = start + len(text)
        position = start
        for hit_start, hit_end, number in self._hits.get(index, ()):
            a, b = max(hit_start, start), min(hit_end, end)
            if a >= b:
                continue
            name = "qa--find" if self._finding else "qa--match"
            if number == self._match:
                name += "-current"
            if a > position:
                segments.append(Segment(block.text[position:a], style))
            segments.append(Segment(block.text[a:b], style + self.get_component_rich_style(name)))
            position = b
        if position < end:
            segments.append(Segment(block.text[position:end], style))
        return Strip(segments).adjust_cell_length(width, base)

    def _repaint(self) -> None:
        self._cache.clear()
        self.refresh()

    def _scroll_exactly(self, y: int) -> None:
        """Scroll to line ``y``, again after the next refresh if it was cut short.

        Right after a new document is shown, Textual has not yet decided that the view
        needs a scrollbar (it does so at the next layout), and until then it ignores
        scrolls unless they are forced; the new height may also not have reached the
        scroll limits yet, so a scroll cut short is made again after the next refresh.
        Without both, opening a search hit or narrowing to a speaker sometimes left the
        view at the top.
        """
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        if self.scroll_offset.y != y:
            self.call_after_refresh(self.scroll_to, y=y, animate=False, immediate=True, force=True)
