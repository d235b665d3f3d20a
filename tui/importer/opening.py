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

from tui.importer.common import DraftSpeaker, Para, words

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
