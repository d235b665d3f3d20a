"""The Q&A view: a briefing's text, wrapped at the pane width and painted line by line.

A 300-exchange briefing has thousands of paragraphs; one widget per paragraph takes
seconds to mount, and wrapping everything up front costs ~150 ms here. So the view
wraps *lazily* (:mod:`tui.widgets.qa_layout`): blocks are wrapped from the top only as
far as needed to paint the screen (or reach the selected answer), the rest is estimated
for the scrollbar, and wrapping continues in small steps between frames until it is
exact. Painted lines are kept as :class:`Strip`\\ s in an LRU
cache; a cursor move or a resize simply forgets them. That half (the state, the layout
and the painting) is :class:`~tui.widgets.qa_canvas.QACanvas`; this module adds what is
selected and where the view goes.

One answer is always the cursor (``▌`` in the left gutter, which stays visible without
colour); ``n``/``p`` move it and scroll it into view. With search terms, every match is
highlighted and :meth:`move_match` steps through them. While the find bar has text
(:meth:`find`), its matches take the place of the search's, in colours of their own, and
stepping puts each one on screen with a line of context above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from textual import events
from textual.message import Message

from tui.widgets.qa_canvas import (
    CONTEXT_LINES,
    FIND_CONTEXT,
    FIRST_STEP,
    FIRST_STEP_DELAY,
    GUTTER,
    STEP,
    QACanvas,
)
from tui.widgets.qa_document import Document, mark_found, mark_matches
from tui.widgets.qa_layout import answer_in_view

__all__ = [
    "CONTEXT_LINES",
    "FIND_CONTEXT",
    "FIRST_STEP",
    "FIRST_STEP_DELAY",
    "GUTTER",
    "STEP",
    "QAView",
]


class QAView(QACanvas, can_focus=True):
    """Shows a :class:`Document`; the cursor is an index into ``document.answers``."""

    """Shows a :class:`Document`; the cursor is an index into ``document.answers``."""

    DEFAULT_CSS = """
    QAView {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    """

    class CursorMoved(Message):
        """The selected answer (or the current search match) changed."""

        def __init__(self, ref: str | None, match: int, matches: int) -> None:
            super().__init__()
            self.ref = ref
            self.match = match
            self.matches = matches

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
