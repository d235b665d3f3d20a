"""What every input kind shares: the bytes as they came, and the text handed to the importer.

An input arrives as :class:`Raw` (a file's bytes, standard input or a fetched URL's body,
with the content type a server gave) and leaves its :class:`Kind` as
:class:`SourceText`: either bytes for the importer's own decoding (plain text) or text
already extracted (HTML, PDF), with the metadata found outside the text and the words
left out on the way, counted by kind so that the no-word-lost accounting stays whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from tui.importer.common import Note

MAX_BYTES = 20 * 1024 * 1024
"""The largest input read, from a file or a URL: a transcript is a few hundred kB."""


@dataclass(frozen=True, slots=True)
class Raw:
    """An input's bytes and what is known about them before looking inside."""

    name: str
    """How messages name the input: the path, ``-`` (standard input) or the URL."""
    data: bytes
    suffix: str = ""
    """The file name's extension, lower case with its dot (``.html``), or ``""``."""
    content_type: str | None = None
    """The media type a server sent (``text/html``), without parameters."""
    charset: str | None = None
    """The charset a server sent with the content type."""
    url: str | None = None
    """Where the bytes were fetched from, after redirects."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """What the importer reads: ``text`` when extracted, else ``data`` to decode."""

    kind: str
    data: bytes | None = None
    text: str | None = None
    front: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class Kind:
    """One input kind: how to recognise it and how to get its text out."""

    name: str
    extensions: tuple[str, ...]
    content_types: tuple[str, ...]
    magic: Callable[[bytes], bool]
    """True when the first bytes can only be this kind (``%PDF-``, ``<!DOCTYPE html``)."""
    extract: Callable[[Raw], SourceText]
    fits: Callable[[bytes], bool] = lambda head: True
    """Whether bytes the extension names as this kind can be it (copied text saved as
    ``.html`` has no tag at all, and is read as the text it is)."""


def suffix_of(name: str) -> str:
    """``.html`` for ``page.HTML`` or ``https://host/a/page.html?x=1``."""
    path = name.split("?", 1)[0].split("#", 1)[0]
    return PurePosixPath(path).suffix.lower()
