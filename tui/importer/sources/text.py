"""Plain text: a file, or standard input (``-``).

The text is handed to the importer as bytes, because its decoding (UTF-8, UTF-16 with a
byte order mark, else Windows-1252 with a warning) and its refusal of empty and binary
input are the importer's own. A server's charset, when it sent one, decides instead.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from tui.importer.common import ImportFailed, Note
from tui.importer.sources.base import MAX_BYTES, Kind, Raw, SourceText, suffix_of


def extract(raw: Raw) -> SourceText:
    if raw.charset and not raw.data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE)):
        try:
            return SourceText("text", text=raw.data.decode(raw.charset))
        except (LookupError, UnicodeDecodeError):
            note = Note(None, f"the server's charset {raw.charset!r} does not fit; read as UTF-8")
            return SourceText("text", data=raw.data, notes=(note,))
    return SourceText("text", data=raw.data)


KIND = Kind(
    name="text",
    extensions=(".txt", ".md", ".text", ".markdown"),
    content_types=("text/plain", "text/markdown"),
    magic=lambda head: False,
    extract=extract,
)


def too_large(size: int) -> ImportFailed:
    return ImportFailed(
        f"too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
    )


def read_file(path: str) -> Raw:
    """A file's bytes; :class:`OSError` when it cannot be read."""
    file = Path(path)
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise too_large(size)
    with file.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    return Raw(path, data, suffix_of(path))


def read_stdin() -> Raw:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    return Raw("-", data)
