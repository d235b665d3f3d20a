"""What a label convention is: a pattern at the start of a paragraph, and a test.

A convention's pattern captures the label's ``name`` (and an optional ``note`` such as
``retranslated``); its ``accept`` test sees the name and the labels the record prints
elsewhere with a colon (``known``), so a shape prose can also take (``CHAIR POWELL.``,
``Finally:``) counts only where the record shows it is a label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

LabelKind = Literal["question", "answer", "name"]

COLON = r"(?:[:：﹕]|ï¼š|\ufffd)"
"""A label's colon: ASCII, full-width, small, or mangled by a wrong decoding (the UTF-8
bytes of ``：`` read as Windows-1252, or a replacement character)."""

NOTE = r"(?:[ \t]*[(（](?P<note>[^()（）\n]{1,80})[)）])?"
"""A parenthesised note after a label: ``Name (retranslated):``, ``Q (via phone):``, or the
asker and outlet, ``Journalist (Jennifer Schonberger, Yahoo Finance):``: long enough for
a full name and a long outlet's name, never across a line."""

Accept = Callable[[str, frozenset[str]], bool]


def always(name: str, known: frozenset[str]) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Convention:
    """One labelling family: how it looks and whether a captured name counts."""

    family: str
    pattern: re.Pattern[str]
    kind: LabelKind | None = None
    """The kind every label of this family has; ``None``: decided from its words."""
    accept: Accept = always


@dataclass(frozen=True, slots=True)
class Found:
    """A convention's match: the name, where the label ends, and the convention."""

    name: str
    end: int
    convention: Convention
    note: str | None = None


def letters(name: str) -> int:
    return sum(ch.isalpha() for ch in name)
