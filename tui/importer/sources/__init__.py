"""Where the importer's text comes from: plain text, standard input, HTML, PDF and URLs.

Each input kind is a module with a :class:`~tui.importer.sources.base.Kind` (how to
recognise it, how to get its text out); :data:`KINDS` is the registry and
:func:`choose` picks one the same way for every input: bytes that can only be one kind
(``%PDF-``, ``<!DOCTYPE html>``) decide first, then a server's content type, then the
file name's extension, and anything else is plain text. Adding a kind is adding a
module and a line to :data:`KINDS`.

:func:`import_input` is the whole road from an argument on the command line (a path,
``-`` or a URL) to an :class:`~tui.importer.pipeline.Imported`: it reads or fetches,
extracts, imports, and adds what the extraction left out to the word accounting.
"""

from __future__ import annotations

import dataclasses

from tui.importer.pipeline import Imported, Options, import_bytes, import_text
from tui.importer.sources import html, pdf, text, url
from tui.importer.sources.base import MAX_BYTES, Kind, Raw, SourceText

KINDS: tuple[Kind, ...] = (pdf.KIND, html.KIND, text.KIND)
"""Every input kind, in the order in which their first bytes are tried."""
DEFAULT = text.KIND
NO_OPTIONS = Options()


def choose(raw: Raw) -> Kind:
    head = raw.data[:1024]
    for pick in (
        lambda kind: kind.magic(head),
        lambda kind: raw.content_type in kind.content_types,
        lambda kind: raw.suffix in kind.extensions and kind.fits(head),
    ):
        for kind in KINDS:
            if pick(kind):
                return kind
    return DEFAULT


def read(argument: str, timeout: float = url.TIMEOUT) -> Raw:
    """The input named on the command line; :class:`OSError` for a file that cannot be
    read, :class:`~tui.importer.common.ImportFailed` for everything else."""
    if argument == "-":
        return text.read_stdin()
    if url.is_url(argument):
        return url.fetch(argument, timeout)
    return text.read_file(argument)


def extract(raw: Raw) -> SourceText:
    return choose(raw).extract(raw)


def import_raw(raw: Raw, options: Options = NO_OPTIONS) -> Imported:
    """Extract, import, and count the words the extraction left out."""
    source = extract(raw)
    if source.front:
        options = dataclasses.replace(options, front={**source.front, **options.front})
    if source.text is not None:
        result = import_text(source.text, raw.name, options)
    else:
        result = import_bytes(source.data or b"", raw.name, options)
    if not source.dropped and not source.notes:
        return result
    dropped = dict(source.dropped)
    for kind, count in result.accounting.dropped.items():
        dropped[kind] = dropped.get(kind, 0) + count
    return dataclasses.replace(
        result,
        accounting=dataclasses.replace(result.accounting, dropped=dropped),
        notes=source.notes + result.notes,
    )


def import_input(
    argument: str, options: Options = NO_OPTIONS, timeout: float = url.TIMEOUT
) -> Imported:
    return import_raw(read(argument, timeout), options)


__all__ = [
    "KINDS",
    "MAX_BYTES",
    "Kind",
    "Raw",
    "SourceText",
    "choose",
    "extract",
    "import_input",
    "import_raw",
    "read",
]
