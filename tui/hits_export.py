"""Search results as data: every hit of a query as CSV, JSON Lines or a Markdown list.

``briefing search QUERY --format KEY`` and the reader's ``x`` both write through
:data:`HIT_FORMATS`, one table (key, label, file extension, renderer), so the command's
choices, the dialog's buttons and suggested file names all come from it; adding a format
is one :func:`register` call.

Each hit is one record (:func:`hit_record`, the same fields in every format): the date
held, the briefing's id and title, the reference, the kind (answer, question, remark),
who (the speaker, or the asker of a question), the role, the organizer, the element's
whole text and the briefing's URL.

Which text is exact, and why:

* CSV and JSON Lines are data for spreadsheets and scripts, so the text is the
  transcript's, character for character: a spreadsheet or a diff must see the words that
  are in the file, and the data is what a search of the CSV should find. CSV is RFC 4180
  (comma, double quotes doubled inside quoted fields, CRLF line ends, a header row even
  when there is no hit), UTF-8; JSON Lines is one JSON object per line, JSON's own
  escapes making control characters inert.
* Printed to a terminal, though, data would reach the screen raw, and an escape sequence
  in a transcript could rewrite it. ``terminal=True`` (the command passes it when stdout
  is a terminal) shows every field display-safe (:func:`tui.safetext.visible`), whose
  stand-ins are one character each, so the shape of the data is kept.
* Markdown is for people to read, like the quote export: the text is always display-safe
  and escaped so that Markdown renders the characters it is, and each hit carries its
  citation (speaker and role, briefing, date, organizer, reference, source).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.library import SearchHit
from tui.model import UNNAMED_ASKER
from tui.plural import count
from tui.quote import blockquote, escape_markdown, md_link
from tui.safetext import visible

FIELDS = (
    "date",
    "briefing",
    "title",
    "reference",
    "kind",
    "who",
    "role",
    "organizer",
    "text",
    "url",
)
"""The fields of a hit record, in the order of the CSV columns."""

HitRenderer = Callable[[Sequence[SearchHit], str, bool], str]
"""``render(hits, query, terminal)``: the whole file."""


@dataclass(frozen=True, slots=True)
class HitFormat:
    """One format of search results: ``--format KEY``, the dialog's label, the extension."""

    key: str
    label: str
    extension: str
    render: HitRenderer


def hit_record(hit: SearchHit) -> dict[str, str]:
    """The hit as a flat record of strings (an absent value is ``""``)."""
    who = hit.person or (UNNAMED_ASKER if hit.kind == "question" else "")
    return {
        "date": hit.date.isoformat(),
        "briefing": hit.briefing_id,
        "title": hit.title,
        "reference": hit.ref,
        "kind": hit.kind,
        "who": who,
        "role": hit.role or "",
        "organizer": hit.organizer or "",
        "text": hit.text,
        "url": hit.url or "",
    }


def _records(hits: Sequence[SearchHit], terminal: bool) -> list[dict[str, str]]:
    records = [hit_record(hit) for hit in hits]
    if terminal:
        records = [{key: visible(value) for key, value in r.items()} for r in records]
    return records


def render_csv(hits: Sequence[SearchHit], query: str, terminal: bool) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_records(hits, terminal))
    return out.getvalue()


_LINE_BREAKS = {ord(char): f"\\u{ord(char):04x}" for char in "\x85\u2028\u2029"}
"""Characters JSON leaves raw but that some readers take for line ends (``str.splitlines``
does): escaped, so one hit is always one line."""


def render_jsonl(hits: Sequence[SearchHit], query: str, terminal: bool) -> str:
    return "".join(
        json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"
        for record in _records(hits, terminal)
    )


def _md_hit(number: int, hit: SearchHit) -> list[str]:
    record = hit_record(hit)
    head = f"{record['date']}, {record['title']} ({record['reference']})"
    who = record["who"] + (f", {record['role']}" if record["role"] else "")
    cited = [escape_markdown(part) for part in (who, record["organizer"]) if part]
    if record["url"]:
        cited.append(md_link(record["url"]))
    lines = [f"{number}. **{escape_markdown(head)}**", ""]
    lines += [f"   {line}" for line in blockquote(record["text"])]
    return [*lines, "", f"   — {' · '.join(cited)}", ""]


def render_markdown(hits: Sequence[SearchHit], query: str, terminal: bool) -> str:
    lines = [f"# Search: {escape_markdown(query)}", "", f"{count(len(hits), 'hit')}.", ""]
    for number, hit in enumerate(hits, start=1):
        lines += _md_hit(number, hit)
    return "\n".join(lines).rstrip("\n") + "\n"


HIT_FORMATS: dict[str, HitFormat] = {
    fmt.key: fmt
    for fmt in (
        HitFormat("csv", "CSV", ".csv", render_csv),
        HitFormat("jsonl", "JSON Lines", ".jsonl", render_jsonl),
        HitFormat("md", "Markdown", ".md", render_markdown),
    )
}
"""Every format of search results by key, in the order they are offered."""


def register(fmt: HitFormat) -> None:
    """Add ``fmt`` to :data:`HIT_FORMATS` (a key already there is replaced)."""
    HIT_FORMATS[fmt.key] = fmt


def render_hits(hits: Sequence[SearchHit], query: str, fmt: str, *, terminal: bool = False) -> str:
    """Every hit in the format ``fmt``; ``terminal``: display-safe data (see the docstring)."""
    chosen = HIT_FORMATS.get(fmt)
    if chosen is None:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(HIT_FORMATS)}")
    return chosen.render(hits, query, terminal)
