"""Find in the open briefing, as ``less`` does: a plain substring, any case, any script.

Search (:mod:`tui.textmatch`) matches whole words, because that is what the index
stores; find is for the reader who wants *this* string where it is on screen: part of a
word (``tarif``), a number with its punctuation (``3.5%``), or two Chinese characters
inside a sentence, which have no word boundary to match on. Case and accents are ignored
with the same folding search uses (:func:`tui.textmatch.fold`), so ``ÉTÉ`` finds
``été``; spans are offsets into the original text, because the view highlights the text
as written.

The stepping rules (the next match from a position, wrapping around with a notice) are
here too, as plain functions of match positions, so they are tested without a screen.
"""

from __future__ import annotations

import functools
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence

from tui.textmatch import fold

Span = tuple[int, int]


class _FoldTable(dict[int, str]):
    """``str.translate`` table: each character to its folded form, computed once."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold(chr(code))
        return folded


class _OddTable(dict[int, str | None]):
    """``str.translate`` table keeping only the characters whose folded form is not one
    character (``ß`` to ``ss``, a combining accent to nothing): text without any keeps
    every offset when folded."""

    def __missing__(self, code: int) -> str | None:
        odd = self[code] = None if len(_FOLD[code]) == 1 else chr(code)
        return odd


_FOLD = _FoldTable()
_ODD = _OddTable()


@functools.lru_cache(maxsize=16384)
def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, and for each folded character the offset it came from (``None``
    when folding kept every offset, as it does for ASCII and for most other text).

    Two translations run at C speed once each character has been seen; only text with an
    odd character (see :class:`_OddTable`) takes the loop that maps offsets one by one.
    Each key typed in the find bar searches the same paragraphs again, so the folded
    forms of the last paragraphs searched are kept (the offsets list is never changed).
    """
    if text.isascii():
        return text.lower(), None
    folded = text.translate(_FOLD)
    if not text.translate(_ODD):
        return folded, None
    pieces: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        piece = _FOLD[ord(char)]
        pieces.append(piece)
        origin.extend([offset] * len(piece))
    return "".join(pieces), origin


def needle_of(text: str) -> str:
    """What a typed find string looks for: folded, outer spaces kept (``" tax"`` is a
    word start), an all-space string is nothing."""
    return "" if not text.strip() else _folded(text)[0]


def find_spans(text: str, needle: str) -> list[Span]:
    """Every non-overlapping occurrence of ``needle`` (folded, see :func:`needle_of`) in
    ``text``, as ``(start, end)`` offsets into ``text``."""
    if not needle:
        return []
    folded, origin = _folded(text)
    spans: list[Span] = []
    at = folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        if origin is None:
            spans.append((at, end))
        else:
            stop = origin[end - 1] + 1
            while stop < len(text) and unicodedata.combining(text[stop]):
                stop += 1  # an accent written after its letter belongs to the match
            spans.append((origin[at], stop))
        at = folded.find(needle, end)
    return spans


def find_all(texts: Sequence[str], text: str) -> list[tuple[int, int, int]]:
    """``(index, start, end)`` of every occurrence of the typed ``text`` in ``texts``, in
    reading order."""
    needle = needle_of(text)
    if not needle:
        return []
    found: list[tuple[int, int, int]] = []
    for index, item in enumerate(texts):
        if needle in _folded(item)[0]:
            found.extend((index, start, end) for start, end in find_spans(item, needle))
    return found


def first_from(lines: Sequence[int], line: int) -> tuple[int, bool]:
    """The first match on ``line`` or below (``lines``: each match's line, in order), and
    whether the search wrapped to the top to find it. ``lines`` must not be empty."""
    at = bisect_left(lines, line)
    return (at, False) if at < len(lines) else (0, True)


def step(count: int, current: int, delta: int) -> tuple[int, bool]:
    """The match ``delta`` (±1) from ``current`` among ``count``, and whether that
    wrapped around the end (or the start)."""
    target = current + delta
    return target % count, not 0 <= target < count


def counter(current: int, count: int) -> str:
    """The find bar's count: ``3/17`` on a match, ``17 matches`` before one is reached,
    ``no match`` when there is none."""
    if count == 0:
        return "no match"
    if current >= 0:
        return f"{current + 1}/{count}"
    return f"{count} match" if count == 1 else f"{count} matches"


def wrap_notice(delta: int) -> str:
    """What the reader is told when stepping went round the end of the briefing."""
    return "Find wrapped to the top" if delta > 0 else "Find wrapped to the bottom"
