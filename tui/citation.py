"""Citation styles: one table, and the one function every quote's citation comes from.

:data:`STYLES` names each style the program can cite in: ``plain`` (the citation fields
every export has always carried, the default, so nothing changes for whoever never
chooses), ``apa``, ``chicago`` and ``mla`` (rendered from CSL-JSON by a CSL processor
with the official style files, :mod:`tui.citeproc_render`), and ``csl-json`` (the data
itself, for reference managers). The export dialog lists them, ``briefing cite --style``
and ``briefing export --style`` take their keys, and :func:`cite` is what anything else
that quotes (the clipboard, clippings) calls. Adding a style is one :func:`register`
call.

Each CSL style reads the same item (:func:`tui.csl.csl_item`) less the variables that
style file would print twice: the host is both the event's organizer and the record's
publisher, and the day is both the event's and the issue's date, which is what the
item says, but each style file prints both sides of a pair (checked with citeproc-js
too). ``omit`` names, per style, the side the style's manual does not ask for: APA 7
names the publishing site and the date (no event); Chicago 17 (14.221) names the
event's host, place and date (no publisher); MLA 9 names the publisher, then the date
and place of the event.

The style a user picked last (the export dialog) is remembered between runs under
:data:`REMEMBER_KEY` (:mod:`tui.remembered`); ``y`` and ``e`` use it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from tui.csl import csl_item
from tui.model import Briefing
from tui.quote import Quote, StyledCitation, plain_citation, quote_of

REMEMBER_KEY = "citation_style"
DEFAULT_STYLE = "plain"

Render = Callable[[Quote, dt.date | None], str]


@dataclass(frozen=True, slots=True)
class CitationStyle:
    """One citation style: its key (``--style KEY``), its label, and its renderer."""

    key: str
    label: str
    render: Render
    code: str | None = None
    """Set for a style whose citation is data (``"json"``), shown as code in Markdown."""
    in_exports: bool = True
    """Whether an export adds this citation to its fields (``plain`` *is* those fields)."""


class UnknownStyle(ValueError):
    """A style key not in :data:`STYLES`; the message lists the known ones."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"unknown citation style {key!r}; known styles: {', '.join(STYLES)}")


def csl_style(
    file_name: str, omit: tuple[str, ...] = (), genre_joiner: str | None = None
) -> Render:
    """A renderer of the style file ``<file_name>.csl``, leaving out the ``omit`` variables
    (``genre_joiner``: see :func:`tui.citeproc_render.render_bibliography`)."""

    def render(quote: Quote, accessed: dt.date | None) -> str:
        from tui.citeproc_render import render_bibliography

        item = {k: v for k, v in csl_item(quote, accessed).items() if k not in omit}
        return render_bibliography(item, file_name, genre_joiner)

    return render


def _csl_json(quote: Quote, accessed: dt.date | None) -> str:
    return json.dumps([csl_item(quote, accessed)], ensure_ascii=False, indent=2)


STYLES: dict[str, CitationStyle] = {
    style.key: style
    for style in (
        CitationStyle(
            "plain", "Plain", lambda quote, _accessed: plain_citation(quote), in_exports=False
        ),
        CitationStyle("apa", "APA 7", csl_style("apa", omit=("event", "event-date"))),
        CitationStyle(
            "chicago",
            "Chicago 17",
            csl_style(
                "chicago-notes-bibliography-17th-edition",
                omit=("publisher", "event-date"),
                genre_joiner=", ",
            ),
        ),
        CitationStyle("mla", "MLA 9", csl_style("modern-language-association", omit=("event",))),
        CitationStyle("csl-json", "CSL-JSON", _csl_json, code="json"),
    )
}
"""Every citation style by key, in the order they are offered; ``plain`` is the default."""


def register(style: CitationStyle) -> None:
    """Add ``style`` to :data:`STYLES` (a key already there is replaced)."""
    STYLES[style.key] = style


def style_of(key: str) -> CitationStyle:
    """The style ``key`` names; :class:`UnknownStyle` when there is none."""
    style = STYLES.get(key)
    if style is None:
        raise UnknownStyle(key)
    return style


def citation_of(quote: Quote, style: str, accessed: dt.date | None = None) -> str:
    """The citation of ``quote`` in ``style``; ``accessed`` (default today) for CSL styles."""
    return style_of(style).render(quote, accessed)


def with_style(quote: Quote, style: str, accessed: dt.date | None = None) -> Quote:
    """``quote`` carrying its citation in ``style`` (unchanged for ``plain``)."""
    chosen = style_of(style)
    if not chosen.in_exports:
        return quote
    text = chosen.render(quote, accessed)
    return replace(quote, styled=StyledCitation(chosen.key, chosen.label, text, chosen.code))


def cite(briefing: Briefing, reference: str, style: str, accessed: dt.date | None = None) -> str:
    """The citation of the answer, question or remark ``reference`` of ``briefing``.

    Raises :class:`UnknownStyle` for a style not in :data:`STYLES` and :class:`LookupError`
    for a reference the briefing does not have.
    """
    style_of(style)
    element = next((e for e in briefing.elements() if e.ref == reference), None)
    if element is None:
        raise LookupError(f"{briefing.id} has no answer, question or remark {reference!r}")
    return citation_of(quote_of(briefing, element), style, accessed)


def remembered_style() -> str:
    """The style last chosen in the export dialog (``plain`` when none, or no longer known)."""
    from tui.remembered import recall

    key = recall(REMEMBER_KEY, DEFAULT_STYLE)
    return key if key in STYLES else DEFAULT_STYLE


def remember_style(key: str) -> None:
    """Keep ``key`` as the chosen style. Raises :class:`OSError` when it cannot be written."""
    from tui.remembered import remember

    remember(REMEMBER_KEY, style_of(key).key)
