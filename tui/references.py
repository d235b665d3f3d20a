"""References as people type them: ``#q12.a1`` in the open briefing, ``<id>#q12.a1`` anywhere.

A reference (docs/format.md, "References") is a briefing id, ``#``, and an element:
``r<N>`` (a remark), ``q<N>`` (a question) or ``q<N>.a<M>`` (an answer). The reader
takes one typed or pasted into its "Go to reference" box, and one on the command line
(``briefing 2023-05-04-mfa#q2.a1``). On the command line a reference must never be
mistaken for a path, so the rule there is strict and needs no look at the disk:
:func:`is_reference` holds only for ``<id>#<element>`` exactly, and an id never contains
``/``; anything else, and anything written with a slash (``./a#q1``), is a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.ids import ID_CHARACTERS

ELEMENT = r"(?:r[1-9][0-9]*|q[1-9][0-9]*(?:\.a[1-9][0-9]*)?)"
"""The part after ``#``, as a regular expression."""

_FULL = re.compile(f"([{ID_CHARACTERS}]+)#({ELEMENT})")
_TYPED = re.compile(f"(?:([{ID_CHARACTERS}]*)#)?({ELEMENT})", re.IGNORECASE)

EXAMPLE = "#q2.a1 in this briefing, or 2017-10-11-shanghai#q2.a1"


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed reference: its briefing and the whole reference (``id#q2.a1``)."""

    briefing_id: str
    ref: str


def is_reference(argument: str) -> bool:
    """Whether a command-line argument is a reference rather than a path (see above)."""
    return _FULL.fullmatch(argument) is not None


def parse(text: str, current: str | None) -> Reference | str:
    """The reference ``text`` names, or why it names none (one line).

    ``#q2.a1`` (or ``q2.a1``) is in the ``current`` briefing; ``id#q2.a1`` is complete.
    Surrounding spaces, a pasted ``<...>`` or quotes, and a ``#`` doubled by pasting
    after the one the box starts with are ignored; the element's letters may be in any
    case (``Q2.A1``).
    """
    cleaned = text.strip().strip("<>\"'`").strip()
    while cleaned.startswith("#") and "#" in cleaned[1:]:
        cleaned = cleaned[1:]  # "#" typed into a box that already held one
    if not cleaned:
        return f"Type a reference: {EXAMPLE}"
    found = _TYPED.fullmatch(cleaned)
    if found is None:
        return f"Not a reference: {cleaned!r} (for example {EXAMPLE})"
    briefing_id, element = found.group(1), found.group(2).lower()
    if not briefing_id:
        if current is None:
            return f"No briefing is open: give the whole reference ({EXAMPLE})"
        briefing_id = current
    return Reference(briefing_id, f"{briefing_id}#{element}")
