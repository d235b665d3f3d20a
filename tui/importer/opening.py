"""Unlabelled announcements that open a briefing, read by the principal the title names.

Foreign ministries print the spokesperson's opening announcements with no label, between
the title and the first question ("At the invitation of ..., Vice President X will
attend ..."). They sit where a page's introduction sits, but an introduction describes
the briefing from outside and names the speaker ("On the afternoon of October 26,
Spokesperson X held a regular press conference."), while announcements do neither. So
paragraphs there that do not name the one principal of the title and do not speak of
the briefing itself are that principal's opening remarks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.importer.clean import Cleaned
from tui.importer.common import DraftSpeaker, Meta, Note, Para, words
from tui.importer.furniture import Dropped
from tui.importer.labels import Label
from tui.importer.podium import principals as podium_of
from tui.importer.turns import Turn

INTRODUCTION_WORDS = 12
"""The fewest words of a header paragraph that is prose (as :mod:`meta` counts it)."""
_ABOUT_THE_BRIEFING = re.compile(
    r"\b(?:press conference|news conference|briefing|following (?:is|are)|highlights|"
    r"transcript|excerpts?)\b",
    re.IGNORECASE,
)


def announcements(
    summary: str | None, header: Sequence[tuple[int, str]], principals: list[DraftSpeaker]
) -> list[Para]:
    """The header paragraphs that are the principal's announcements, or none."""
    if not summary or len(principals) != 1 or not principals[0].role:
        return []
    surname = principals[0].name.split()[-1]
    if re.search(rf"\b{re.escape(surname)}\b", summary) or _ABOUT_THE_BRIEFING.search(summary):
        return []
    return [
        Para(line, text)
        for line, text in header
        if len(words(text)) >= INTRODUCTION_WORDS and text in summary
    ]


def open_with_announcements(
    turns: list[Turn],
    cleaned: Cleaned,
    meta: Meta,
    dropped: dict[str, int],
    listed: list[Dropped],
) -> list[Note]:
    """Move the principal's announcements from the header into the body, as the first
    turn (with no label), out of the summary, the words counted as introduction and the
    lines ``--dry-run`` lists as left out."""
    principals = podium_of(meta.title or "", [], [])
    opening = announcements(meta.summary, cleaned.header, principals)
    if not opening:
        return []
    lead = Label(raw="", name=principals[0].name, kind="name", rest="")
    turns.insert(0, Turn(lead, opening[0].line, opening))
    cleaned.body = opening + cleaned.body
    moved = [w for p in opening for w in words(p.text)]
    cleaned.body_words = moved + cleaned.body_words
    dropped["introduction"] = dropped.get("introduction", 0) - len(moved)
    if dropped["introduction"] <= 0:
        del dropped["introduction"]
    meta.summary = None
    moved_lines = {p.line for p in opening}
    listed[:] = [d for d in listed if not (d.kind == "introduction" and d.line in moved_lines)]
    message = (
        "the unlabelled paragraphs before the first question are taken as "
        f"{principals[0].name}'s opening remarks"
    )
    return [Note(opening[0].line, message)]
