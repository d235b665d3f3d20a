"""Hard-wrapped text (a PDF's text layer) joined back into paragraphs.

Text taken from a PDF breaks at every printed line and often has no blank line between
paragraphs, so the blank-line rule of web pages finds one paragraph per line, or one for
the whole record. The paragraph breaks are inferred the way a reader sees them:

- a speaker label at the start of a line (an upper-case label ending in a full stop or a
  colon, ``ANNA BERG.``, ``MR. OKAFOR:``) starts a new paragraph;
- a line that ends a sentence and leaves room for the next line's first word (a line
  filler would have put it there) ends its paragraph.

Lines are joined with a space, except after a dash (``flows—`` ``Treasury``) and after a
hyphen at the line end, which is kept when the word is hyphenated: the joined word is
looked up in the rest of the text, with and without its hyphen, and the hyphen goes only
when the text spells the word without it and never with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from tui.importer.common import Para

Line = tuple[int, str]

MIN_LINES = 4
"""Fewer lines than this say nothing about wrapping."""
LONG_BLOCK = 20
"""A block of this many lines with no blank line is no single paragraph."""
WRAPPED_SHARE = 0.5
"""A block is hard-wrapped when at least this share of its lines end mid-sentence."""
WIDTH_QUANTILE = 0.9
"""The column width is the length this share of the block's lines stay within."""
ROOM = 0.9
"""A proportional font fits a tenth more or fewer letters in a line than the average,
so the next word must fit with that much to spare."""

_SENTENCE_END = re.compile(r"[.?!:…][”’\"')\]]*$|[)\]][”’\"]*$")
_DASH_END = re.compile(r"(?<!\s)[—–]$")
_HYPHEN_END = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"\S+")
_LEAD_WORD = re.compile(r"\w+")
_UPPER_LABEL = re.compile(
    r"(?:[A-Z][A-Z'’\-]*\.?\s+){1,5}[A-Z][A-Z'’\-]*[A-Z][.:](?=\s)"
    r"|[A-Z][A-Z'’\-]*[A-Z]:(?=\s)"
)
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def starts_upper_label(text: str) -> bool:
    """``ANNA BERG. Thank you`` or ``MR. OKAFOR: ...``: an upper-case label opens the line.

    Two words or more with a full stop (one upper-case word with a full stop is as often
    an abbreviation, ``U.S.``), or any upper-case label with a colon."""
    return bool(_UPPER_LABEL.match(text + " "))


def is_hard_wrapped(block: Sequence[Line], starts_turn: Callable[[str], bool]) -> bool:
    """Most lines of the block stop mid-sentence (a line filler broke them), and the
    block is more than one paragraph: it holds two turns or more, or it is longer than
    paragraphs are (:data:`LONG_BLOCK` lines). A web page's wrapped paragraph, with its
    list items on lines of their own, is left to the blank-line rule."""
    if len(block) < MIN_LINES:
        return False
    turns = sum(1 for _, text in block if starts_turn(text) or starts_upper_label(text))
    if turns < 2 and len(block) < LONG_BLOCK:
        return False
    inner = block[:-1]
    open_lines = sum(1 for _, text in inner if not ends_sentence(text))
    return open_lines >= WRAPPED_SHARE * len(inner)


def column_width(block: Sequence[Line]) -> int:
    lengths = sorted(len(text) for _, text in block)
    return lengths[min(len(lengths) - 1, int(len(lengths) * WIDTH_QUANTILE))]


def _room_for_next(text: str, following: str, width: int) -> bool:
    first = _FIRST_WORD.match(following)
    need = len(first.group(0)) if first else 0
    return len(text) + 1 + need <= width * ROOM


class Vocabulary:
    """The words of the whole record, to judge a hyphen at a line end (counted on first
    use: most records have none)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._counts: tuple[Counter[str], Counter[str]] | None = None

    def _counted(self) -> tuple[Counter[str], Counter[str]]:
        if self._counts is None:
            joined = "\n".join(self._texts)
            hyphenated = Counter(m.group(0).casefold() for m in _HYPHENATED.finditer(joined))
            plain = Counter(m.group(0).casefold() for m in re.finditer(r"\w+", joined))
            self._counts = (hyphenated, plain)
        return self._counts

    def keeps_hyphen(self, before: str, after: str) -> bool:
        """Whether ``before-`` at a line end and ``after`` on the next are one hyphenated
        word. The pieces themselves are in the counts once each, so the plain spelling
        must be seen elsewhere and the hyphenated one nowhere for the hyphen to go."""
        hyphenated, plain = self._counted()
        if hyphenated[f"{before}-{after}".casefold()] > 0:
            return True
        return plain[f"{before}{after}".casefold()] == 0


def join_lines(pieces: Sequence[str], vocabulary: Vocabulary) -> str:
    """One paragraph from its printed lines."""
    out: list[str] = []
    for piece in pieces:
        if not out:
            out.append(piece)
            continue
        last = out[-1]
        hyphen = _HYPHEN_END.search(last) if last.endswith("-") else None
        lead = _LEAD_WORD.match(piece)
        if hyphen and lead and piece[:1].isalnum():
            if not vocabulary.keeps_hyphen(hyphen.group(1), lead.group(0)):
                out[-1] = last[:-1]
            out.append(piece)
        elif last.endswith(("—", "–")) and _DASH_END.search(last[-2:]):
            out.append(piece)
        else:
            out.append(" " + piece)
    return "".join(out)


def unwrap(
    block: Sequence[Line], vocabulary: Vocabulary, starts_turn: Callable[[str], bool]
) -> list[Para]:
    """Paragraphs of a hard-wrapped block (see the module's rules)."""
    width = column_width(block)
    out: list[Para] = []
    start = block[0][0]
    pieces: list[str] = []
    for index, (number, text) in enumerate(block):
        if pieces and (starts_turn(text) or starts_upper_label(text)):
            out.append(Para(start, join_lines(pieces, vocabulary)))
            pieces = []
        if not pieces:
            start = number
        pieces.append(text)
        following = block[index + 1][1] if index + 1 < len(block) else ""
        if following and ends_sentence(text) and _room_for_next(text, following, width):
            out.append(Para(start, join_lines(pieces, vocabulary)))
            pieces = []
    if pieces:
        out.append(Para(start, join_lines(pieces, vocabulary)))
    return out
