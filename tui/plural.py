"""Counts in prose: "1 file", "2 files", "0 briefings".

Every count the reader and the commands print goes through :func:`count`, so none of
them says "1 files" and the rule lives in one place.
"""

from __future__ import annotations


def noun_for(number: int, noun: str, plural: str | None = None) -> str:
    """The noun alone as it agrees with ``number`` ("hit" for 1, "hits" otherwise), for
    counts written some other way ("5+ hits")."""
    if number == 1:
        return noun
    return plural if plural is not None else noun + "s"


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun``, the noun in the plural unless ``number`` is exactly 1.

    ``plural`` is the plural form where adding "s" is wrong ("1 briefing", "2 speeches"
    needs ``plural="speeches"``).
    """
    return f"{number} {noun_for(number, noun, plural)}"
