"""Export formats: one table, read by the export dialog, ``briefing export`` and file names.

Each :class:`Format` says everything the rest of the program needs to know about it: the
key (``--format KEY``, the dialog's radio button), the label the dialog shows, the file
extensions that imply it (the first one names suggested files) and the function that
renders it. The export dialog lists :func:`formats`, the command line takes its
``--format`` choices and help from it, and :func:`format_for_path` reads it, so adding a
format is one renderer and one :func:`register` call (or one line in :data:`FORMATS`),
with no list or ``if`` chain to keep in step.

``scope`` says what a format renders. An ``"answer"`` format renders one answer,
question or remark with its citation (the dialog's "this answer", ``briefing export
REF``) and receives that element; a ``"briefing"`` format receives ``None`` and renders
the whole briefing (the dialog's "this briefing", ``briefing export ID``). The two scopes
share keys (``md`` is Markdown in both), so each has its own table: :data:`FORMATS` for
answers, :data:`BRIEFING_FORMATS` for whole briefings; :func:`register` files a format
by its scope and :func:`formats` lists one scope.

Files are written atomically and never over an existing file unasked
(:func:`tui.export_file.write_export`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.citation import DEFAULT_STYLE, with_style
from tui.document_akn import render_akn
from tui.document_json import render_json as briefing_json
from tui.document_text import render_markdown as briefing_markdown
from tui.document_text import render_text as briefing_text
from tui.export_file import DestinationExists, ExportError, write_export
from tui.ids import safe_id, slug
from tui.model import Answer, Briefing, Question, Remark
from tui.quote import (
    Quote,
    escape_markdown,
    fidelity_wording,
    quote_of,
    render_json,
    render_markdown,
    render_text,
)

__all__ = [
    "BRIEFING_FORMATS",
    "FORMATS",
    "DestinationExists",
    "ExportError",
    "Format",
    "Quote",
    "default_export_path",
    "default_format",
    "escape_markdown",
    "export",
    "fidelity_wording",
    "format_for_path",
    "formats",
    "quote_format",
    "quote_of",
    "register",
    "render",
    "render_briefing",
    "write_export",
]

Element = Answer | Question | Remark
Scope = Literal["answer", "briefing"]
Renderer = Callable[[Briefing, Element | None], str]

EXPORT_FOLDER = Path("exports")


@dataclass(frozen=True, slots=True)
class Format:
    """One export format; see the module docstring for what each field feeds."""

    key: str
    label: str
    extensions: tuple[str, ...]
    render: Renderer
    scope: Scope = "answer"
    quote: Callable[[Quote], str] | None = None
    """For an ``"answer"`` format built on a :class:`Quote` renderer: that renderer, so a
    quote carrying a styled citation (:func:`tui.citation.with_style`) can be rendered."""


def quote_format(
    key: str, label: str, extensions: tuple[str, ...], render_quote: Callable[[Quote], str]
) -> Format:
    """An ``"answer"`` format from a function of the element's :class:`Quote`."""
    return Format(key, label, extensions, of_quote(render_quote), quote=render_quote)


def of_quote(render_quote: Callable[[Quote], str]) -> Renderer:
    """An ``"answer"`` renderer from a function of the element's :class:`Quote`."""

    def render_element(briefing: Briefing, element: Element | None) -> str:
        if element is None:
            raise ValueError("this format renders one answer, question or remark")
        return render_quote(quote_of(briefing, element))

    return render_element


FORMATS: dict[str, Format] = {
    fmt.key: fmt
    for fmt in (
        quote_format("md", "Markdown", (".md", ".markdown"), render_markdown),
        quote_format("txt", "Plain text", (".txt",), render_text),
        quote_format("json", "JSON", (".json",), render_json),
    )
}
"""Every answer format by key, in the order they are offered; the first is the default."""


def of_briefing(render_whole: Callable[[Briefing], str]) -> Renderer:
    """A ``"briefing"`` renderer from a function of the whole briefing."""

    def render_document(briefing: Briefing, element: Element | None) -> str:
        return render_whole(briefing)

    return render_document


BRIEFING_FORMATS: dict[str, Format] = {
    fmt.key: fmt
    for fmt in (
        Format("md", "Markdown", (".md", ".markdown"), of_briefing(briefing_markdown), "briefing"),
        Format("txt", "Plain text", (".txt",), of_briefing(briefing_text), "briefing"),
        Format("json", "JSON", (".json",), of_briefing(briefing_json), "briefing"),
        Format("akn", "Akoma Ntoso", (".xml", ".akn"), of_briefing(render_akn), "briefing"),
    )
}
"""Every whole-briefing format by key, in the order they are offered."""

_TABLES: dict[Scope, dict[str, Format]] = {"answer": FORMATS, "briefing": BRIEFING_FORMATS}


def register(fmt: Format) -> None:
    """Add ``fmt`` to the table of its scope (a key already there is replaced)."""
    _TABLES[fmt.scope][fmt.key] = fmt


def formats(scope: Scope = "answer") -> list[Format]:
    """The formats of ``scope``, in the order they are offered."""
    return [fmt for fmt in _TABLES[scope].values() if fmt.scope == scope]


def format_keys() -> list[str]:
    """Every format key of either scope, once each, answers' first (``--format`` choices)."""
    return list(dict.fromkeys(fmt.key for scope in _TABLES for fmt in formats(scope)))


def default_format(scope: Scope = "answer") -> str:
    """The key of the format chosen when nothing says otherwise (Markdown)."""
    return formats(scope)[0].key


def render(briefing: Briefing, element: Element, fmt: str, style: str = DEFAULT_STYLE) -> str:
    """The quote of ``element`` in the format whose key is ``fmt``, its citation also in
    the citation ``style`` (:mod:`tui.citation`; the default adds nothing)."""
    chosen = FORMATS.get(fmt)
    if chosen is None or chosen.scope != "answer":
        keys = ", ".join(f.key for f in formats())
        raise ValueError(f"unknown export format {fmt!r}; expected one of {keys}")
    if style == DEFAULT_STYLE or chosen.quote is None:
        return chosen.render(briefing, element)
    return chosen.quote(with_style(quote_of(briefing, element), style))


def render_briefing(briefing: Briefing, fmt: str) -> str:
    """The whole of ``briefing`` in the whole-briefing format whose key is ``fmt``."""
    chosen = BRIEFING_FORMATS.get(fmt)
    if chosen is None or chosen.scope != "briefing":
        keys = ", ".join(f.key for f in formats("briefing"))
        raise ValueError(f"unknown format {fmt!r} for a whole briefing; expected one of {keys}")
    return chosen.render(briefing, None)


def format_for_path(path: Path, scope: Scope = "answer") -> str | None:
    """The key of the format a file name implies (``.md``/``.markdown``, ``.txt`` ...)."""
    suffix = path.suffix.lower()
    return next((fmt.key for fmt in formats(scope) if suffix in fmt.extensions), None)


def _element_part(element: Element) -> str:
    tail = element.ref.rpartition("#")[2]
    if isinstance(element, Answer):
        match = re.fullmatch(r"q(\d+)\.a(\d+)", tail)
        return f"q{match[1]}-a{match[2]}" if match else f"a{element.number}"
    prefix = "q" if isinstance(element, Question) else "r"
    return tail if re.fullmatch(rf"{prefix}\d+", tail) else f"{prefix}{element.number}"


def default_export_path(
    briefing: Briefing, answer: Element | None, fmt: str, folder: Path = EXPORT_FOLDER
) -> Path:
    """``exports/<briefing id>-q<N>-a<M>-<speaker slug>.<ext>`` (``r<N>`` for a remark);
    for the whole briefing (``answer`` None), ``exports/<briefing id>.<ext>``."""
    if answer is None:
        return folder / f"{safe_id(briefing.id)}{BRIEFING_FORMATS[fmt].extensions[0]}"
    who = answer.asker if isinstance(answer, Question) else answer.by
    extension = FORMATS[fmt].extensions[0]
    return folder / f"{safe_id(briefing.id)}-{_element_part(answer)}-{slug(who)}{extension}"


def export(
    briefing: Briefing,
    element: Element,
    fmt: str,
    path: Path,
    *,
    overwrite: bool = False,
    style: str = DEFAULT_STYLE,
) -> Path:
    """Render the quote of ``element`` and write it to ``path``."""
    return write_export(path, render(briefing, element, fmt, style), overwrite=overwrite)
