"""Display-safe text: one policy for the screen, the command line, the clipboard and files.

Transcript text comes from files anyone can write. Rich/Textual never read a plain string
we hand them as markup, but a raw ESC, BEL or C1 control would still reach the terminal
and could move the cursor, set the window title or write the clipboard (OSC 52); a
bidirectional override (U+202E) could make the words that follow it read backwards; a
zero-width space hides inside a name. Every place that shows transcript text (the reader,
``briefing search``, ``briefing export``, the clipboard, exported files) passes it through
:func:`visible`, so a hostile transcript shows as the characters it is, the same way
everywhere.

The stand-ins, and why this form:

* C0 controls become the Unicode "control pictures" (ESC shows as ``␛``, BEL as ``␇``),
  DEL as ``␡``: one character each that names the control.
* C1 controls, bidirectional controls (the Unicode ``Bidi_Control`` set: embeddings,
  overrides, isolates and the LRM/RLM/ALM marks) and invisible zero-width characters
  (zero-width space, word joiner, BOM) become U+FFFD ``�``.

Every stand-in is exactly one character of one terminal cell, so offsets into the text
(search-match spans, wrapped line offsets) stay valid after :func:`visible`, and a column
count computed on the original is the column count on screen. A longer form such as
``<U+202E>`` would say more but would shift every offset after it and change line widths
between the screen and the files, which is the disagreement this module removes.

The zero-width joiner and non-joiner (U+200D, U+200C) are kept: Persian, Indic scripts and
emoji sequences need them to be spelled right, and they cannot reorder anything. For
*matching* names, :func:`name_key` drops them with every other invisible character.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"

BIDI_CONTROLS = frozenset(
    chr(code) for code in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
"""The Unicode ``Bidi_Control`` characters: each can change the order text is shown in."""

ZERO_WIDTH = frozenset("\u200b\u2060\ufeff\u180e")
"""Invisible characters that are neither joiners nor bidi controls."""

_JOINERS = "\u200c\u200d"

# The one-for-one map: tab and newline are text, everything else below is a stand-in.
_VISIBLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
del _VISIBLE[0x09], _VISIBLE[0x0A]
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_VISIBLE.update({ord(char): REPLACEMENT for char in BIDI_CONTROLS | ZERO_WIDTH})

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS | ZERO_WIDTH)) + "]"
)

# On screen only: a tab is four spaces, and the Unicode line and paragraph separators are
# line breaks, so the layout stays predictable.
_SCREEN = {0x09: "    ", 0x2028: "\n", 0x2029: "\n"}

_INVISIBLE = re.compile("[" + "".join(sorted(BIDI_CONTROLS | ZERO_WIDTH)) + _JOINERS + "\u00ad]")
_WS = re.compile(r"\s+")


def visible(text: str) -> str:
    """``text`` with every unsafe character replaced by its stand-in, one for one.

    Tab and newline are kept; offsets into ``text`` are offsets into the result.
    """
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_VISIBLE)


def visible_lines(text: str) -> str:
    """:func:`visible` after reading ``\\r\\n`` as one line break (Windows files)."""
    return visible(text.replace("\r\n", "\n") if "\r" in text else text)


def clean(text: str) -> str:
    """:func:`visible_lines` laid out for the screen: tabs as spaces, separators as breaks."""
    text = visible_lines(text)
    if "\t" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_SCREEN)
    return text


def clean_line(text: str) -> str:
    """:func:`clean`, then fold line breaks into spaces (titles, names, list rows)."""
    return " ".join(clean(text).split("\n"))


def name_key(name: str) -> str:
    """The key two spellings of one name share, for matching (never for display).

    Canonical composition (NFC), so an accent typed as a combining mark matches the
    precomposed letter; invisible characters (zero-width, joiners, bidi controls, soft
    hyphen) dropped, so a name with a hidden character is not a different person; runs of
    whitespace collapsed; case folded.
    """
    key = unicodedata.normalize("NFC", name) if not name.isascii() else name
    if not name.isascii():
        key = _INVISIBLE.sub("", key)
    return _WS.sub(" ", key).strip().casefold()
