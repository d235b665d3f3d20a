"""Briefing ids and the file-name forms built from them and from people's names.

A briefing id is the public name of a briefing: the first part of every reference
(``<id>#q2.a1``), a file name, a URL-safe token. Its alphabet is defined here once, and
the transcript checker, ``briefing export``'s raw-bytes id scan, the exporter's file
names and the JSON schema (checked by a test) all use it.
"""

from __future__ import annotations

import re
import unicodedata

ID_CHARACTERS = "A-Za-z0-9._-"
"""The characters of a briefing id, as a regular-expression class body."""

ID_PATTERN = re.compile(f"[{ID_CHARACTERS}]+")
"""A whole briefing id (use ``fullmatch``)."""

ID_RULE = "ASCII letters, digits, '-', '_' and '.' only"
""":data:`ID_PATTERN` in words, for error messages."""

NEW_ID_PATTERN = re.compile(f"[A-Za-z0-9_][{ID_CHARACTERS}]*")
"""An id the project gives a new file (the importer's output): :data:`ID_PATTERN`, but
not starting with '.' (a hidden file) or '-' (read as an option on a command line)."""


def slug(name: str, *, limit: int = 40, fallback: str | None = "speaker") -> str:
    """An ASCII file-name form of a name or title ("Wang Sizheng" -> "wang-sizheng").

    Accents are dropped, nothing is transliterated: a name with no Latin letters
    ("李军") becomes ``<fallback>-`` plus a short hash of the name, so it stays ASCII-safe
    and two such names still get different forms; with ``fallback=None`` it becomes ""
    (for callers that try another source next).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    if result or fallback is None:
        return result
    import hashlib  # here: OpenSSL takes ~3 ms to load, and most commands never need it

    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{fallback}-{digest}"


def safe_id(briefing_id: str) -> str:
    """``briefing_id`` as a file-name part: no path separators, no leading dot."""
    cleaned = re.sub(r"[^\w.-]+", "-", briefing_id).lstrip(".")
    return cleaned or "briefing"
