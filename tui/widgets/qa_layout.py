"""Lines of a Q&A document at one width, wrapped lazily from the top.

Wrapping every paragraph of a 300-exchange briefing costs ~150 ms here, too much before
the first paint. A :class:`Layout` wraps blocks in order only as far as someone asks (the
lines on screen, the selected answer, a search match); the height of the rest is an
estimate from its length, good enough for the scrollbar, and is replaced by exact counts
as the view wraps more between frames. Wrapped lines are ``(start, end)`` offsets into the
block's text, so a wrapped paragraph costs a few integers.

Free of widgets, so line arithmetic is tested on its own.
"""

from __future__ import annotations

from bisect import bisect_right

from tui.widgets.qa_document import Block, Document
from tui.wrap import wrap_lines


def estimate(block: Block, width: int) -> int:
    """Lines a block will probably take: used for the part not wrapped yet."""
    if block.blank:
        return 1
    room = max(width - block.indent, 2)
    chars = len(block.text) if block.text.isascii() else 2 * len(block.text)
    return max(1, -(-chars // room) + block.text.count("\n"))


class Layout:
    """Wrapped lines of ``doc`` at ``width`` cells; blocks are wrapped on demand."""

    def __init__(self, doc: Document | None, width: int) -> None:
        self.doc = doc
        self.width = width
        self.spans: list[list[tuple[int, int]]] = []  # per wrapped block: its lines
        self.starts: list[int] = []  # per wrapped block: its first line
        self.lines = 0  # lines of the wrapped blocks
        self.rest = 0  # estimated lines of the others
        if doc is not None and width > 0:
            self.rest = sum(estimate(block, width) for block in doc.blocks)

    @property
    def usable(self) -> bool:
        return self.doc is not None and self.width > 0

    @property
    def wrapped(self) -> int:
        return len(self.spans)

    @property
    def complete(self) -> bool:
        return self.doc is not None and len(self.spans) == len(self.doc.blocks)

    @property
    def total(self) -> int:
        """Lines of the whole document: exact once complete, estimated before."""
        return self.lines if self.complete else self.lines + max(self.rest, 0)

    def extend(self, count: int) -> None:
        """Wrap the next ``count`` blocks."""
        if self.doc is None or self.width <= 0:
            return
        blocks = self.doc.blocks
        for index in range(len(self.spans), min(len(self.spans) + count, len(blocks))):
            block = blocks[index]
            spans = [(0, 0)] if block.blank else wrap_lines(block.text, self.width - block.indent)
            self.starts.append(self.lines)
            self.spans.append(spans)
            self.lines += len(spans)
            self.rest -= estimate(block, self.width)

    def through_line(self, line: int, step: int) -> None:
        """Wrap (``step`` blocks at a time) until ``line`` exists or nothing is left."""
        while self.usable and self.lines <= line and not self.complete:
            self.extend(step)

    def line_of(self, block: int) -> int | None:
        """The first line of ``block`` (wrapping up to it), or None when unusable."""
        if len(self.spans) <= block:
            self.extend(block + 1 - len(self.spans))
        return self.starts[block] if block < len(self.starts) else None

    def end_of(self, block: int) -> int:
        """The line after ``block``'s last one (wrapping up to it)."""
        self.line_of(block)
        return self.starts[block] + len(self.spans[block]) if block < len(self.starts) else 0

    def position(self, line: int) -> tuple[int, int]:
        """(block, line within it) of a wrapped line, or (-1, 0)."""
        if not self.starts or line < 0 or line >= self.lines:
            return -1, 0
        block = bisect_right(self.starts, line) - 1
        return block, line - self.starts[block]

    def line_at(self, block: int, offset: int) -> int | None:
        """The line showing character ``offset`` of ``block``."""
        first = self.line_of(block)
        if first is None:
            return None
        for row, (start, end) in enumerate(self.spans[block]):
            if start <= offset <= end:
                return first + row
        return first


def answer_in_view(
    doc: Document, layout: Layout, top: int, bottom: int, current: str | None
) -> str | None:
    """The answer to select for a view of lines ``top`` to ``bottom`` (exclusive).

    ``current`` while any line of it is in view; otherwise the first answer with a line
    in view, or, when the view shows none (a long question fills it), the next answer
    below. None when there is no answer from the view down.
    """
    if current is not None:
        first, last = doc.blocks_of(current)
        start = layout.line_of(first)
        if start is not None and start < bottom and layout.end_of(last - 1) > top:
            return current
    block, _ = layout.position(top)
    if block < 0:
        return None
    for index in range(block, len(doc.blocks)):
        answer = doc.blocks[index].answer
        if answer is not None:
            return answer
    return None
