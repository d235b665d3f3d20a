"""Second stage: what the record says about the briefing, read from its front matter and
from the lines before the first speaker label.

The header of a copied web page holds, in this order and each optional: site navigation,
the title, a date line, location lines, an introduction ("... held a press conference on
October 11 ... Following are the highlights:") and a list of the podium ("Name, role").
The title is the line just before the first date line, so everything above it is
navigation; the date line of a page is its publication date, and the introduction's
"held ... on October 11" is the date held when it gives one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tui.importer.clean import Line, month_number, parse_date_line
from tui.importer.common import DraftSpeaker, Meta, Note, words

_WS = re.compile(r"\s+")
_SPEAKER_LINE = re.compile(r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3}),\s+([^:]+)")
_HELD = re.compile(
    r"\b(?:held|hosted|gave|organi[sz]ed)\b.*?\bon\s+"
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8}))"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_ORGANIZER = re.compile(
    r"^(?:The\s+)?(?P<org>[A-Z][^,.]*?)\s+(?:held|hosted|organi[sz]ed)\s+an?\s+"
    r"(?:press|news)\s+(?:conference|briefing)"
)
_FOLLOWING = re.compile(r"\s*Following (?:are|is) (?:the )?(?:highlights|excerpts)[^.]*[:.]?\s*$")
_DOMAINS = {
    "whitehouse.gov": "The White House",
    "whitehouse.archives.gov": "The White House",
    "defense.gov": "U.S. Department of Defense",
    "state.gov": "U.S. Department of State",
    "fmprc.gov.cn": "Ministry of Foreign Affairs of the People’s Republic of China",
}
_TITLE_ORGS = {"dod": "U.S. Department of Defense", "pentagon": "U.S. Department of Defense"}
_NOT_NAMES = frozenset({"En", "Aboard", "Via", "At", "In", "On", "From", "The"})
VERBATIM_ORGANIZERS = frozenset(_DOMAINS.values())
"""Publishers whose transcripts are official verbatim records."""


def plain(text: object) -> str:
    """A one-line string: no-break spaces made plain, runs of white space collapsed."""
    return _WS.sub(" ", str(text).replace("\u00a0", " ")).strip()


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def read_meta(front: dict[str, Any], header: list[Line]) -> tuple[Meta, dict[str, int], list[Note]]:
    """Metadata from front matter and header lines, with the words each use took away."""
    meta = Meta()
    dropped: dict[str, int] = {}
    notes: list[Note] = []

    def drop(kind: str, text: str) -> None:
        dropped[kind] = dropped.get(kind, 0) + len(words(text))

    if front.get("title"):
        meta.title = plain(front["title"])
    front_date = _as_date(front.get("date"))
    published = _as_date(front.get("published_time") or front.get("published"))
    source = front.get("source_url") or front.get("source") or front.get("url")
    if isinstance(source, str) and source.strip():
        meta.source = source.strip()

    lines = [(n, t) for n, t in header if t]
    dates = [(i, parse_date_line(t)) for i, (_, t) in enumerate(lines)]
    first_date = next((i for i, d in dates if d is not None), None)
    start = 0
    if meta.title is None and lines:
        title_at = first_date - 1 if first_date else 0
        if title_at >= 0 and first_date != 0:
            meta.title, meta.title_line = plain(lines[title_at][1]), lines[title_at][0]
            for _, text in lines[:title_at]:
                drop("navigation", text)
            drop("title and date", lines[title_at][1])
            start = title_at + 1
    line_date: dt.date | None = None
    intro: list[str] = []
    location: list[str] = []
    for index in range(start, len(lines)):
        number, text = lines[index]
        found = dates[index][1]
        if found is not None:
            line_date = line_date or found
            drop("title and date", text)
            continue
        if meta.title and plain(text).strip("*_ ") == meta.title:
            drop("title and date", text)
            continue
        speaker = _SPEAKER_LINE.fullmatch(text)
        if speaker is not None and _is_speaker_line(speaker, text):
            meta.podium.append(DraftSpeaker(speaker.group(1), plain(speaker.group(2))))
            drop("podium list", text)
        elif len(words(text)) >= 12:
            intro.append(text)
            drop("introduction", text)
        elif len(words(text)) <= 10:
            location.append(text.strip("*_ "))
            drop("location", text)
        else:
            notes.append(Note(number, "a line before the first speaker label was left out"))
            drop("unplaced header", text)

    intro_text = " ".join(intro)
    held = _held_date(intro_text, line_date or published or front_date)
    meta.date = held or front_date or line_date
    pub = published or (line_date if held else None)
    if pub is not None and pub != meta.date:
        meta.published = pub
    if location:
        meta.location = " ".join(plain(x) for x in location)
    if intro_text:
        summary = _FOLLOWING.sub("", intro_text).strip()
        meta.summary = summary or None
        if re.search(r"\bhighlights\b", intro_text, re.IGNORECASE):
            meta.fidelity = "highlights"
        org = _ORGANIZER.search(intro_text)
        if org:
            meta.organizer = re.sub(r"[’']s\b", "", org.group("org")).strip()
    if meta.organizer is None:
        meta.organizer = _organizer_from(meta.source, meta.title)
    if meta.fidelity is None and meta.organizer in VERBATIM_ORGANIZERS:
        meta.fidelity = "verbatim"
    return meta, dropped, notes


def _is_speaker_line(match: re.Match[str], text: str) -> bool:
    """``Name, role``: a short line, a role of two words or more, no sentence or place."""
    if text.endswith(".") or len(words(text)) >= 40:
        return False
    first = match.group(1).split()[0]
    return first not in _NOT_NAMES and len(match.group(2).split()) >= 2


def _held_date(intro: str, near: dt.date | None) -> dt.date | None:
    m = _HELD.search(intro)
    if not m:
        return None
    month = month_number(m.group("month") or m.group("month2"))
    day = int(m.group("day") or m.group("day2"))
    year = int(m.group("year")) if m.group("year") else (near.year if near else None)
    if month is None or year is None:
        return None
    try:
        held = dt.date(year, month, day)
        if near is not None and not m.group("year") and held > near:
            held = dt.date(year - 1, month, day)
    except ValueError:
        return None
    return held


def _organizer_from(source: str | None, title: str | None) -> str | None:
    if source:
        host = re.sub(r"^[a-z]+://", "", source).split("/")[0].casefold()
        for domain, name in _DOMAINS.items():
            if host == domain or host.endswith("." + domain) or host.endswith(domain):
                return name
    for word in words(title or ""):
        if word.casefold() in _TITLE_ORGS:
            return _TITLE_ORGS[word.casefold()]
    return None
