"""Wrapping and cutting text by terminal columns (cells), for the screen and the CLI.

:func:`wrap_spans` breaks text into lines of at most ``width`` terminal cells. It returns
offsets into the original string instead of new strings, so a wrapped paragraph costs a
few integers and its lines are only materialised when they are drawn, and a caller that
highlights spans of the text (search matches) can cut the same offsets. Wide (CJK)
characters count two cells and are never split; text without spaces (Chinese) breaks
between characters; a word longer than the line is folded; and as Chinese and Japanese
typesetting require, a line never starts with closing punctuation.

The reader (:mod:`tui.widgets.qa_layout`) and ``briefing search`` both wrap with this
module, so a snippet breaks at the same places on screen and in a terminal.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

_WORD = re.compile(r"\s*\S+\s*|\s+")
# closing punctuation that must not begin a line (the CJK line-breaking rule, kinsoku)
_NO_LINE_START = frozenset("。，、；：？！）」』》〉】〕］｝”’…·・.,;:?!)]}")


def cells(text: str) -> int:
    """Terminal cells ``text`` occupies (ASCII fast path: one cell per character)."""
    return len(text) if text.isascii() else cell_len(text)


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` cells, ending with an ellipsis when anything was cut."""
    if width <= 0:
        return ""
    if cells(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        size = get_character_cell_size(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out).rstrip() + "…"


_SEPARATORS = frozenset("/-?&=#_.")
"""Where a long address or path may break: after one of these, as browsers and mail
readers break URLs, so no part of a path is split in the middle of a word."""


def _after_separator(text: str, line_start: int, cut: int, width: int) -> int:
    """``cut``, or just after the last separator in the second half of the line."""
    for index in range(cut - 1, line_start + width // 2, -1):
        if text[index] in _SEPARATORS:
            return index + 1
    return cut


def _fold(text: str, start: int, end: int, width: int, used: int) -> tuple[list[int], int]:
    """Break points needed to fit ``text[start:end]`` after ``used`` cells, and cells used
    on the last line. Breaks fall between characters, never inside a wide one.

    As Chinese and Japanese typesetting require, a line never starts with closing
    punctuation (``。``, ``，``, ``」`` ...): the character before it goes down with it.
    """
    breaks: list[int] = []
    line_start = start
    for index in range(start, end):
        char = text[index]
        size = 1 if char < "\u0300" else get_character_cell_size(char)
        if used + size > width and used > 0:
            cut = index
            if (
                char in _NO_LINE_START
                and cut - 1 > line_start
                and cells(text[cut - 1]) + size <= width
            ):
                cut -= 1
            else:
                cut = _after_separator(text, line_start, cut, width)
            breaks.append(cut)
            line_start = cut
            used = cells(text[cut:index])
        used += size
    return breaks, used


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Lines of ``text`` (no line breaks inside) as ``(start, end)`` offsets.

    Every line is at most ``width`` cells once trailing spaces are dropped (a line starts
    where the previous one broke, so leading spaces of the paragraph are kept).
    """
    width = max(width, 2)
    if not text:
        return [(0, 0)]
    if text.isascii() and len(text) <= width:
        return [(0, len(text))]
    ascii_only = text.isascii()
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group().rstrip()
        word_end = start + len(word)
        size = len(word) if ascii_only else cell_len(word)
        if used + size <= width:
            used += size + (end - word_end)
            continue
        if used > 0:
            breaks.append(start)
            used = 0
        if size <= width:
            used = size + (end - word_end)
            continue
        folded, used = _fold(text, start, word_end, width, 0)
        breaks.extend(folded)
        used += end - word_end
    bounds = [0, *breaks, len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def wrap_lines(text: str, width: int) -> list[tuple[int, int]]:
    """Like :func:`wrap_spans` for text with line breaks: each break is kept."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + a, offset + b) for a, b in wrap_spans(line, width))
        offset += len(line) + 1
    return spans
