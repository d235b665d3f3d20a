"""The Q&A view: a briefing's text, wrapped at the pane width and painted line by line.

A 300-exchange briefing has thousands of paragraphs; one widget per paragraph takes
seconds to mount, and wrapping everything up front costs ~150 ms here. So the view
wraps *lazily* (:mod:`tui.widgets.qa_layout`): blocks are wrapped from the top only as
far as needed to paint the screen (or reach the selected answer), the rest is estimated
for the scrollbar, and wrapping continues in small steps between frames until it is
exact. Painted lines are kept as :class:`Strip`\\ s in an LRU
cache; a cursor move or a resize simply forgets them.

One answer is always the cursor (``▌`` in the left gutter, which stays visible without
colour); ``n``/``p`` move it and scroll it into view. With search terms, every match is
highlighted and :meth:`move_match` steps through them. While the find bar has text
(:meth:`find`), its matches take the place of the search's, in colours of their own, and
stepping puts each one on screen with a line of context above it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from tui.widgets.qa_document import Document, mark_found, mark_matches
from tui.widgets.qa_layout import Layout, answer_in_view
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


class QAView(UserScrollView, can_focus=True):
    """Shows a :class:`Document`; the cursor is an index into ``document.answers``."""

    DEFAULT_CSS = """
    QAView {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    """

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

    class CursorMoved(Message):
        """The selected answer (or the current search match) changed."""

        def __init__(self, ref: str | None, match: int, matches: int) -> None:
            super().__init__()
            self.ref = ref
            self.match = match
            self.matches = matches

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

    def show(self, doc: Document, target: str | None = None, terms: Sequence[str] = ()) -> None:
        """Display ``doc`` with the cursor on ``target`` (or the first answer)."""
        self._terms = tuple(terms)
        self._mark(doc)
        self._doc = doc
        self._message = ""
        chosen = doc.answer_for(target)
        self._cursor = doc.answers.index(chosen) if chosen in doc.answers else 0
        if not doc.answers:
            self._cursor = -1
        self._match = -1
        self._reset_layout()
        self.scroll_to(y=0, animate=False, immediate=True)
        if doc.matches and not self._finding:
            first = self._doc.first_match_from(target)
            self._go_to_match(first)
        elif chosen in doc.answers or doc.narrowed:
            self._scroll_to_answer(top=True)
        self._notify()

    def reshow(self, doc: Document, terms: Sequence[str] = ()) -> None:
        """Display ``doc``, a new reading of the document on screen, in place: the same
        answer stays selected (when it still exists) and the line at the top stays at the
        top, so a file saved by an editor never moves what is being read."""
        if self._doc is None:
            self.show(doc, None, terms)
            return
        ref = self.cursor_ref
        top_block, offset = self._layout.position(round(self.scroll_offset.y))
        self._terms = tuple(terms)
        self._mark(doc)  # the find bar's matches too, when it is open
        self._doc = doc
        last = len(doc.answers) - 1
        self._cursor = doc.answers.index(ref) if ref in doc.answers else min(self._cursor, last)
        self._match = -1
        self._reset_layout()
        if 0 <= top_block < len(doc.blocks):
            first = self._layout.line_of(top_block)
            if first is not None:
                line = min(first + offset, self._layout.end_of(top_block) - 1)
                self._update_size()
                self._scroll_exactly(max(line, 0))
        self._notify()

    def _mark(self, doc: Document) -> None:
        """Find the matches of the find bar's text, or else of the search terms."""
        if self._finding:
            mark_found(doc, self._finding)
        else:
            mark_matches(doc, self._terms)
        self._hits = {}
        for number, (block, start, end) in enumerate(doc.matches):
            self._hits.setdefault(block, []).append((start, end, number))

    def find(self, text: str) -> None:
        """Highlight every occurrence of ``text`` (the find bar's); ``""`` brings the
        search's matches back. The view does not move: :meth:`go_to_match` does."""
        self._finding = text
        self._match = -1
        if self._doc is not None:
            self._mark(self._doc)
        self._repaint()
        self._notify()

    def match_lines(self) -> list[int]:
        """The line of each match, in order (wrapping as far as the last one)."""
        if self._doc is None or not self._layout.usable:
            return []
        return [self._layout.line_at(block, start) or 0 for block, start, _ in self._doc.matches]

    def go_to_match(self, number: int) -> None:
        """Put match ``number`` on screen and select its answer."""
        if self._doc is not None and 0 <= number < len(self._doc.matches):
            self._go_to_match(number)
            self._notify()

    def place(self) -> tuple[str | None, int]:
        """The selected answer and the first line shown: where the reader is."""
        return self.cursor_ref, round(self.scroll_offset.y)

    def restore(self, answer: str | None, scroll: int | None) -> None:
        """Select ``answer`` and show line ``scroll`` first, as the reader left them
        (``scroll`` None: place the answer as :meth:`select` does)."""
        if self._doc is None:
            return
        if scroll is None:
            if answer is not None:
                self.select(answer)
            return
        if answer in self._doc.answers:
            self._cursor = self._doc.answers.index(answer)
            self._match = -1
        if not self._layout.usable:
            self._deferred = partial(self.restore, answer, scroll)
            return
        self._layout.through_line(scroll + self.scrollable_content_region.height, STEP)
        self._update_size()
        self._scroll_exactly(scroll)
        self._repaint()
        self._notify()

    def restyled(self) -> None:
        self._cache.clear()
        self.refresh()

    def show_message(self, text: str) -> None:
        """Display a message instead of a document (loading, nothing chosen, an error).

        It wraps at the pane's width like the transcript does: a message names files and
        problems, and one cut at the pane's edge would hide the part that matters.
        """
        self._doc = None
        self._message = text
        self._wrap_message()
        self._cursor = -1
        self._match = -1
        self._reset_layout()
        self._notify()

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

    # --- cursor and matches -------------------------------------------------------------

    def _notify(self) -> None:
        self.post_message(self.CursorMoved(self.cursor_ref, self._match, self.match_count))

    def _scroll_to_answer(self, top: bool = False) -> None:
        """Bring the selected answer into view with what was asked above it.

        An answer read without its question is easily misread (and misquoted), so
        whenever the view has to move (always, with ``top``) it shows the question from
        its label when that takes at most a third of the view, and otherwise the line
        just above the answer: the end of a long question, or of the answer before.
        """
        ref = self.cursor_ref
        if self._doc is None or ref is None:
            return
        if not self._layout.usable:
            self._deferred = partial(self._scroll_to_answer, top)
            return
        first, last = self._doc.blocks_of(ref)
        label = self._layout.line_of(first) or 0
        question = self._layout.line_of(self._doc.context_of(first))
        finish = self._layout.end_of(last - 1)
        self._update_size()
        height = self.scrollable_content_region.height
        view = self.scroll_offset.y
        if top or label < view or finish > view + height:
            if question is not None and label - question <= height // 3:
                begin = question - 1  # the question whole, with a line of space above
            else:
                begin = label - CONTEXT_LINES
            self._scroll_exactly(max(begin, 0))

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

    def select(self, ref: str) -> bool:
        """Put the cursor on the answer ``ref`` (or the first after a question or a
        remark ``ref``), if it is shown."""
        if self._doc is None:
            return False
        ref = self._doc.answer_for(ref) or ref
        if ref not in self._doc.answers:
            return False
        self._cursor = self._doc.answers.index(ref)
        if self._match >= 0 and self._doc.answer_of_match(self._match) != ref:
            self._match = -1  # the selection left the match: no "match 3/17" over another
        self._repaint()
        self._scroll_to_answer()
        self._notify()
        return True

    def move_answer(self, delta: int) -> None:
        if self._doc is None or not self._doc.answers:
            return
        target = min(max(self._cursor + delta, 0), len(self._doc.answers) - 1)
        if target != self._cursor:
            self.select(self._doc.answers[target])
        else:
            self._scroll_to_answer()

    def _go_to_match(self, number: int) -> None:
        assert self._doc is not None
        self._match = number
        block, start, _end = self._doc.matches[number]
        answer = self._doc.answer_of_match(number)
        if answer is not None:
            self._cursor = self._doc.answers.index(answer)
        if not self._layout.usable:
            self._deferred = partial(self._go_to_match, number)
            return
        line = self._layout.line_at(block, start) or 0
        self._update_size()
        height, top = self.scrollable_content_region.height, self.scroll_offset.y
        if self._finding:
            if not top + FIND_CONTEXT <= line < top + height:
                self._scroll_exactly(max(line - FIND_CONTEXT, 0))
        elif not top <= line < top + height:
            self._scroll_exactly(max(line - height // 3, 0))
        self._repaint()

    def move_match(self, delta: int) -> bool:
        """Step to the next/previous search match (wrapping); False if there is none.

        With no current match (the user moved to another answer), the step starts from
        the selected answer: the first match at or after it, or the last one before it.
        """
        if self._doc is None or not self._doc.matches:
            return False
        count = len(self._doc.matches)
        if self._match >= 0:
            target = (self._match + delta) % count
        else:
            after = self._doc.first_match_from(self.cursor_ref)
            target = after if delta > 0 else (after - 1) % count
        self._go_to_match(target)
        self._notify()
        return True

    def on_click(self, event: events.Click) -> None:
        """A click on an answer selects it (a click elsewhere only focuses the view)."""
        block, _ = self._layout.position(event.y + self.scroll_offset.y)
        if self._doc is not None and block >= 0:
            answer = self._doc.blocks[block].answer
            if answer is not None and answer != self.cursor_ref:
                self.select(answer)

    def follow_view(self) -> None:
        """Select an answer the user can see, if the selected one has left the view.

        ``e`` and ``y`` quote the selected answer, and the status line names it: after
        scrolling away from it they would quote something off screen. Only the user's own
        scrolling calls this (see :class:`~tui.widgets.user_scroll.UserScrollView`):
        placing the view on an answer never moves the selection.
        """
        if self._doc is None or not self._doc.answers or not self._layout.usable:
            return
        top = round(self.scroll_offset.y)
        bottom = top + self.scrollable_content_region.height
        self._layout.through_line(bottom, STEP)
        answer = answer_in_view(self._doc, self._layout, top, bottom, self.cursor_ref)
        if answer is not None and answer != self.cursor_ref:
            self._cursor = self._doc.answers.index(answer)
            self._repaint()
            self._notify()

    def extend_to_end(self) -> None:
        if self._doc is not None:
            self._layout.extend(len(self._doc.blocks))
            self._update_size()
