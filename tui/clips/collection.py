"""A collection for a story: each clipping checked against the transcript, then rendered.

A clipping is quoted with the words it was clipped from, never silently with newer ones:
if the transcript now reads differently (a correction, a re-import), the export keeps the
clipped words and says "changed since clipped", so the writer can look before quoting.
:func:`check` compares each clipping with the current text through a ``load`` function
(the reader passes its library, ``briefing clips`` the index), so this module reads no
file itself.

Formats: Markdown and plain text (each clipping with the citation of
:mod:`tui.quote`, then its note and any drift), JSON (the citation structured, plus note
and status) and CSV (one row a clipping, for a spreadsheet). A citation style (APA,
Chicago, MLA: :mod:`tui.citation`) adds the styled citation to each, as the export
dialog does for one answer, so a reading list goes out in the house style.

``docx`` is not offered: no small, maintained library writes it without heavy
dependencies (python-docx pulls in lxml), and Markdown converts to it with any word
processor or pandoc.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from tui.citation import DEFAULT_STYLE, with_style
from tui.clips.store import Clipping
from tui.model import Briefing, Fidelity, Question
from tui.plural import count
from tui.quote import Quote, QuoteKind, escape_markdown, render_markdown, render_text
from tui.safetext import visible_lines

Status = Literal["same", "changed", "missing", "unchecked"]
FORMATS = ("md", "txt", "json", "csv")
EXTENSIONS = {"md": ".md", "txt": ".txt", "json": ".json", "csv": ".csv"}

STATUS_LABELS: dict[Status, str] = {
    "changed": "changed since clipped",
    "missing": "no longer in the archive",
}
"""What the screen and every export say of a clipping whose words no longer stand as
clipped (nothing is said of the others)."""
STATUS_DETAILS: dict[Status, str] = {
    "changed": "the transcript now reads differently; these are the words as clipped",
    "missing": "the reference or its briefing is gone; these are the words as clipped",
}


@dataclass(frozen=True, slots=True)
class Checked:
    """A clipping and how the transcript compares with it now (``current``: its text)."""

    clipping: Clipping
    status: Status
    current: str | None = None


def check(clippings: Sequence[Clipping], load: Callable[[str], Briefing | None]) -> list[Checked]:
    """Compare each clipping with the transcript; ``load(briefing_id)`` is None when gone.

    Each briefing is loaded once, however many of its answers were clipped.
    """
    loaded: dict[str, Briefing | None] = {}
    out: list[Checked] = []
    for clipping in clippings:
        if clipping.briefing_id not in loaded:
            loaded[clipping.briefing_id] = load(clipping.briefing_id)
        briefing = loaded[clipping.briefing_id]
        element = briefing.find(clipping.ref) if briefing is not None else None
        if element is None:
            out.append(Checked(clipping, "missing"))
        elif element.text == clipping.text:
            out.append(Checked(clipping, "same", element.text))
        else:
            out.append(Checked(clipping, "changed", element.text))
    return out


def unchecked(clippings: Sequence[Clipping]) -> list[Checked]:
    return [Checked(clipping, "unchecked") for clipping in clippings]


def quote_of_clipping(clipping: Clipping) -> Quote:
    """The quote as it was clipped: the stored words and the citation of that moment."""
    cited = clipping.citation
    about: dict[str, Any] = cited.get("briefing") or {}

    def day(value: object) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    briefing = Briefing(
        id=str(about.get("id") or clipping.briefing_id),
        title=str(about.get("title") or clipping.title),
        date=day(about.get("date")) or day(clipping.held) or dt.date.min,
        speakers=(),
        published=day(about.get("published")),
        organizer=about.get("organizer"),
        location=about.get("location"),
        language=about.get("language"),
        source=about.get("source"),
        fidelity=cast(Fidelity | None, cited.get("fidelity")),
    )
    asked: dict[str, Any] | None = cited.get("question")
    question = None
    if asked:
        by = asked.get("by")
        question = Question(
            str(asked.get("reference", "")), 0, str(asked.get("text", "")), by and str(by)
        )
    kind = cast(QuoteKind, clipping.kind)
    role = cited.get("role")
    return Quote(kind, clipping.ref, clipping.text, clipping.by, role, briefing, question)


def cite(quote: Quote, fmt: str, style: str = DEFAULT_STYLE) -> str:
    """The quote with its citation in Markdown or plain text, also in ``style`` (APA ...:
    :mod:`tui.citation`) when it is not the plain one, exactly as ``e`` writes it."""
    styled = with_style(quote, style)
    return render_markdown(styled) if fmt == "md" else render_text(styled)


def styled_citation(clipping: Clipping, style: str) -> str:
    """The clipping's citation in ``style`` alone ("" for the plain style)."""
    styled = with_style(quote_of_clipping(clipping), style).styled
    return "" if styled is None else styled.text


def _heading(checked: Checked) -> str:
    clip = checked.clipping
    return f"{clip.by}, {clip.held}"


def render_markdown_collection(
    name: str, items: Sequence[Checked], style: str = DEFAULT_STYLE
) -> str:
    lines = [f"# {escape_markdown(name)}", "", f"{count(len(items), 'clipping')}.", ""]
    for number, checked in enumerate(items, 1):
        clip = checked.clipping
        lines += [f"## {number}. {escape_markdown(_heading(checked))}", ""]
        lines.append(cite(quote_of_clipping(clip), "md", style).rstrip("\n"))
        lines.append("")
        if clip.note:
            lines += [f"**Note:** {escape_markdown(clip.note)}", ""]
        if checked.status in STATUS_LABELS:
            label, detail = STATUS_LABELS[checked.status], STATUS_DETAILS[checked.status]
            lines += [f"**{label.capitalize()}:** {detail} ({clip.clipped}).", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_text_collection(name: str, items: Sequence[Checked], style: str = DEFAULT_STYLE) -> str:
    lines = [visible_lines(name), "=" * min(len(name), 72), "", f"{count(len(items), 'clipping')}."]
    for number, checked in enumerate(items, 1):
        clip = checked.clipping
        lines += ["", f"{number}. {visible_lines(_heading(checked))}", ""]
        lines.append(cite(quote_of_clipping(clip), "txt", style).rstrip("\n"))
        if clip.note:
            lines += ["", f"Note: {visible_lines(clip.note)}"]
        if checked.status in STATUS_LABELS:
            label, detail = STATUS_LABELS[checked.status], STATUS_DETAILS[checked.status]
            lines += ["", f"{label.upper()}: {detail} ({clip.clipped})."]
    return "\n".join(lines) + "\n"


def _record(number: int, checked: Checked, style: str) -> dict[str, object]:
    clip = checked.clipping
    record: dict[str, object] = {
        "position": number,
        "reference": clip.ref,
        "collection": clip.collection,
        "note": clip.note,
        "clipped": clip.clipped,
        "status": checked.status,
        "changed_since_clipped": checked.status == "changed",
        "current_text": checked.current if checked.status == "changed" else None,
        "quote": clip.citation | {"text": clip.text},
    }
    citation = styled_citation(clip, style)
    if citation:
        record["citation"] = {"style": style, "text": citation}
    return record


def render_json_collection(name: str, items: Sequence[Checked], style: str = DEFAULT_STYLE) -> str:
    data = {
        "collection": name,
        "clippings": [_record(number, checked, style) for number, checked in enumerate(items, 1)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "position",
    "reference",
    "kind",
    "by",
    "role",
    "briefing",
    "title",
    "held",
    "text",
    "note",
    "clipped",
    "status",
    "citation",
)
"""``citation`` is the citation in the style asked for (empty for the plain style, whose
fields are the other columns)."""


def render_csv_collection(name: str, items: Sequence[Checked], style: str = DEFAULT_STYLE) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for number, checked in enumerate(items, 1):
        clip = checked.clipping
        status = STATUS_LABELS.get(checked.status, "")
        writer.writerow(
            [
                number,
                clip.ref,
                clip.kind,
                clip.by,
                clip.citation.get("role") or "",
                clip.briefing_id,
                clip.title,
                clip.held,
                clip.text,
                clip.note,
                clip.clipped,
                status,
                styled_citation(clip, style),
            ]
        )
    return out.getvalue()


RENDERERS: dict[str, Callable[[str, Sequence[Checked], str], str]] = {
    "md": render_markdown_collection,
    "txt": render_text_collection,
    "json": render_json_collection,
    "csv": render_csv_collection,
}


def render_collection(
    name: str, items: Sequence[Checked], fmt: str, style: str = DEFAULT_STYLE
) -> str:
    """Collection ``name`` in format ``fmt`` (one of :data:`FORMATS`), each citation also
    in ``style`` (:data:`tui.citation.STYLES`)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](name, items, style)
