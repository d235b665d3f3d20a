"""PDF files: the text layer, page after page, as the cleaner reads copied text.

Read with pypdf (pure Python, so it installs wherever Python does; BSD licence; measured
in ``docs/import.md``) in its layout mode, which keeps the gap between two paragraphs as a
blank line, so paragraphs stay paragraphs once the cleaner has joined the hard-wrapped
lines of each. Pages are joined by a line break, not a blank line, so that a
paragraph running over a page break is joined again by the cleaner's unwrapping, which
also drops the running headers and page numbers a PDF repeats on every page.

A PDF that cannot be read says so in one line: no text layer (a scanned PDF, whose
pages are pictures), encrypted with a password, or not a readable PDF at all. One
encrypted only against editing (an empty user password) is read as any other.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from typing import TYPE_CHECKING

from tui.importer.common import ImportFailed, words
from tui.importer.sources.base import Kind, Raw, SourceText

if TYPE_CHECKING:
    from pypdf import PageObject

logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
"""pypdf logs what it repaired or could not read in a damaged file (at every level, up to
errors with a page of detail); the importer reports its own one-line findings instead."""


PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
"""A page's first or last line when it is only its number (``7``, ``- 7 -``, ``Page 7 of 9``)."""


def magic(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def _pages(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # a damaged file can fail anywhere in the parser
        raise ImportFailed(f"not a readable PDF ({exc})") from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise ImportFailed(
                "the PDF is encrypted with AES: reading it needs the 'cryptography' package "
                "(pip install cryptography)"
            ) from None
        except Exception as exc:
            raise ImportFailed(f"the PDF is encrypted and cannot be opened ({exc})") from None
        if not opened:
            raise ImportFailed("the PDF is encrypted with a password: save a copy without one")
    out = []
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise ImportFailed(f"not a readable PDF: its page list is damaged ({exc})") from None
    for number, page in enumerate(pages, start=1):
        try:
            out.append(_page_text(page))
        except Exception as exc:
            raise ImportFailed(f"page {number}: its text cannot be read ({exc})") from None
    return out


def _page_text(page: PageObject) -> str:
    """The layout mode keeps a gap between paragraphs as a blank line (the plain mode
    runs them together); a page it cannot lay out is read the plain way."""
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:
        return page.extract_text()


def extract(raw: Raw) -> SourceText:
    if not magic(raw.data[:1024]):
        raise ImportFailed("not a PDF file (it does not start with %PDF-)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pages = _pages(raw.data)
    kept, numbers = _without_page_numbers(pages)
    text = "\n".join(kept)
    if not words(text) and not numbers:
        raise ImportFailed("no text layer (a scanned PDF?): run it through OCR first")
    dropped = {"page numbers": numbers} if numbers else {}
    return SourceText("pdf", text=text + "\n", dropped=dropped)


def _without_page_numbers(pages: list[str]) -> tuple[list[str], int]:
    """The pages' lines without a number standing alone at a page's top or bottom: the
    one place a bare number is furniture rather than something said."""
    kept: list[str] = []
    dropped = 0
    for page in pages:
        lines = page.strip("\n").split("\n")
        for index in (-1, 0):
            if lines and PAGE_NUMBER.fullmatch(lines[index].strip()):
                dropped += len(words(lines.pop(index)))
        kept.extend(lines)
    return kept, dropped


KIND = Kind(
    name="pdf",
    extensions=(".pdf",),
    content_types=("application/pdf", "application/x-pdf"),
    magic=magic,
    extract=extract,
)
