"""The reader writes UTF-8 to the terminal, whatever the locale claims.

The screen is drawn with box-drawing characters and shows Chinese, Arabic and accented
text. Under a locale whose encoding cannot write them (``LANG=en_US.ISO-8859-1``, or
``PYTHONIOENCODING=latin-1``), Python's standard error, which Textual draws on, turns
every such character into an escape like ``\\u2502``: borders break and transcripts
become unreadable. Terminals that run such a locale almost always display UTF-8 anyway,
so the reader switches its output streams to UTF-8 and says so once, on the terminal,
before the screen is drawn; if the terminal really is not UTF-8, the message tells the
user what to set.
"""

from __future__ import annotations

import codecs
import io
from typing import TextIO

PROBE = "│▏…“”汪文斌"
"""Characters the reader always draws (borders, ellipsis, quotes) and CJK text."""


def _can_write(stream: TextIO) -> bool:
    encoding = stream.encoding or "ascii"
    try:
        codecs.lookup(encoding)
        PROBE.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def ensure_utf8(*streams: TextIO) -> str | None:
    """Switch each stream that cannot write the reader's characters to UTF-8.

    Returns the warning to show the user (naming the encoding found), or None when every
    stream could already write them. A stream that cannot be reconfigured (not a text
    file on a file descriptor) is left as it is.
    """
    found: str | None = None
    for stream in streams:
        if _can_write(stream):
            continue
        found = found or stream.encoding or "unknown"
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    if found is None:
        return None
    return (
        f"the terminal's encoding ({found}) cannot show the reader's text; writing UTF-8 "
        "instead. If the screen looks wrong, use a UTF-8 locale (e.g. LANG=C.UTF-8)."
    )
