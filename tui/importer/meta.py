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

import re
from collections.abc import Sequence
from typing import Any

from tui.importer.common import DraftSpeaker, Meta, Note, words
from tui.importer.dates import find_dates, heading_date, is_posting_line, years
from tui.importer.furniture import Ledger
from tui.importer.held import Dates
from tui.importer.wrapped import ends_sentence

Line = tuple[int, str]

_WS = re.compile(r"\s+")
_SPEAKER_LINE = re.compile(r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3}),\s+([^:]+)")
_ORGANIZER = re.compile(
    r"^(?:The\s+)?(?P<org>[A-Z][^,.]*?)\s+(?:held|hosted|organi[sz]ed)\s+an?\s+"
    r"(?:press|news)\s+(?:conference|briefing)"
)
_INTRO = re.compile(
    r"\b(?:held|hosted|gave|chaired|presided\s+over|holds|hosts|gives)\s+(?:a|an|the|its|their)\b"
    r"[^.]{0,40}?\b(?:press|news|media)\s+(?:conference|briefing|availability|call)"
    r"|\bFollowing\s+(?:is|are)\b|\btranscript\b|\bhighlights\b",
    re.IGNORECASE,
)
"""An introduction describes the briefing; a paragraph that does not is an unlabelled
announcement read out before the first turn, and the sentences after it belong to it."""
_FIELD = re.compile(
    r"(?:From|By|Location|Venue|Place|Speakers?|Time|Topics?|Subject|Published|Updated)"
    r"\s*[:：]",
)
"""A heading's field line (``From: Ministry of Harbours``): never the title."""
_PLACE_FIELD = re.compile(r"(?:Location|Venue|Place)\s*[:：]\s*")
_FOLLOWING = re.compile(r"\s*Following (?:are|is) (?:the )?(?:highlights|excerpts)[^.]*[:.]?\s*$")
_NOT_NAMES = frozenset({"En", "Aboard", "Via", "At", "In", "On", "From", "The"})
PUBLISHER_KEYS = ("organizer", "publisher", "site_name")
"""Front-matter keys in which a page or a saved copy names who published it."""


def plain(text: object) -> str:
    """A one-line string: no-break spaces made plain, runs of white space collapsed."""
    return _WS.sub(" ", str(text).replace("\u00a0", " ")).strip()


def read_meta(
    front: dict[str, Any], header: list[Line], every: Sequence[Line] = ()
) -> tuple[Meta, Ledger, list[Note]]:
    """Metadata from front matter and header lines, with the lines each use took away.

    ``every`` is the whole record, furniture included, where the dates of a footer
    (``Ends/Saturday, January 3, 2015``, ``Posted on ...``) and the years it prints are
    found."""
    meta = Meta()
    ledger = Ledger()
    notes: list[Note] = []

    if front.get("title"):
        meta.title = plain(front["title"])
    source = front.get("source_url") or front.get("source") or front.get("url")
    if isinstance(source, str) and source.strip():
        meta.source = source.strip()

    lines = _unwrapped(header)
    dates = [(i, heading_date(t)) for i, (_, t) in enumerate(lines)]
    first_date = next((i for i, d in dates if d is not None), None)
    start = 0
    skip: set[int] = set()
    if meta.title is None and lines:
        title_at = first_date - 1 if first_date else 0
        while title_at > 0 and (
            is_posting_line(lines[title_at][1])
            or _FIELD.match(lines[title_at][1])
            or _speaker_line(lines[title_at][1])
            or _PLACE_LINE.fullmatch(lines[title_at][1])
        ):
            title_at -= 1
        dated = _dated_title(lines, first_date)
        if dated is not None:
            title_at = dated
            for number, text in lines[dated + 1 : (first_date or 1) - 1]:
                kind = "title and date" if _within(text, lines[dated][1]) else "heading block"
                ledger.drop(number, kind, text)
                skip.add(number)
        if title_at >= 0 and first_date != 0:
            meta.title, meta.title_line = plain(lines[title_at][1]), lines[title_at][0]
            above = lines[:title_at]
            if len(above) >= 2 and _named_with_role(above[-2][1], above[-1][1]):
                meta.podium.append(DraftSpeaker(plain(above[-2][1]), plain(above[-1][1])))
                for number, text in above[-2:]:
                    ledger.drop(number, "heading block", text)
                above = above[:-2]
            for number, text in above:
                ledger.drop(number, "navigation", text)
            ledger.drop(lines[title_at][0], "title and date", lines[title_at][1])
            start = title_at + 1
    found = Dates(front)
    intro: list[str] = []
    location: list[str] = []
    spoken = False
    for index in range(start, len(lines)):
        number, text = lines[index]
        if number in skip:
            continue
        if _INDEX_HEADING.fullmatch(text):
            for number, text in _topic_index(lines, index):
                ledger.drop(number, "navigation", text)
                skip.add(number)
            continue
        if found.read_line(text, dates[index][1]):
            ledger.drop(number, "title and date", text)
            continue
        if meta.title and (plain(text).strip("*_ ") == meta.title or _retitled(text, meta.title)):
            ledger.drop(number, "title and date", text)
            continue
        speaker = _speaker_line(text)
        if speaker is not None:
            meta.podium.append(DraftSpeaker(speaker.group(1), plain(speaker.group(2)).rstrip(",;")))
            ledger.drop(number, "podium list", text)
        elif len(words(text)) >= 12 or (spoken and _sentence(text)):
            intro.append(text)
            spoken = spoken or not _INTRO.search(text)
            ledger.drop(number, "introduction", text)
        elif len(words(text)) <= 10:
            location.append(_PLACE_FIELD.sub("", text.strip("*_ "), count=1))
            ledger.drop(number, "location", text)
        else:
            notes.append(Note(number, "a line before the first speaker label was left out"))
            ledger.drop(number, "unplaced header", text)
    for _, text in every:
        found.read_footer(text)
    intro_text = " ".join(intro)
    record = "\n".join(t for _, t in every) or "\n".join(t for _, t in header)
    found.settle(meta, intro_text, years(f"{meta.title or ''}\n{record}"), notes)
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
        # who published the page, when the page says so; never guessed from its address
        meta.organizer = next(
            (plain(front[key]) for key in PUBLISHER_KEYS if str(front.get(key) or "").strip()),
            None,
        )
    return meta, ledger, notes


_OPEN_END = re.compile(r"(?:[’']s|\b(?:of|on|for|and|the|to|at|in|with|by|a|an|from))$")


def _unwrapped(header: list[Line]) -> list[Line]:
    """The heading's non-blank lines, a line joined to the one before it when that one
    stops mid-sentence and the line starts in lower case (an opening statement printed
    above the first label in hard-wrapped text), or when that one ends in a possessive
    or a word that cannot end a title (``Spokesperson Lin’s`` / ``Regular Press
    Conference on ...``)."""
    out: list[Line] = []
    previous_blank = True
    for number, text in header:
        if not text:
            previous_blank = True
            continue
        joins = out and not previous_blank
        joins = joins and (text[:1].islower() or bool(_OPEN_END.search(out[-1][1])))
        if joins and not ends_sentence(out[-1][1]):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((number, text))
        previous_blank = False
    return out


def _sentence(text: str) -> bool:
    return text.endswith((".", "?", "!", "。", "？", "！")) and len(words(text)) >= 4


def _retitled(text: str, title: str) -> bool:
    """The title again, in another language: a heading line with the title's full date
    that is no sentence (``Regular Press Conference on August 19, 2022`` under
    ``2022年8月19日...``)."""
    dates = {f.date for f in find_dates(title) if f.date is not None}
    return bool(dates & {f.date for f in find_dates(text)}) and not ends_sentence(text)


def _dated_title(lines: list[Line], first_date: int | None) -> int | None:
    """A heading block (title with its date, then name, office and place, then the date
    alone): the first line that prints the date of the date line is the title."""
    if not first_date:
        return None
    date = heading_date(lines[first_date][1])
    for index in range(first_date - 1):
        if any(f.date == date for f in find_dates(lines[index][1])):
            return index
    return None


_PLACE_LINE = re.compile(
    r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3},\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}"
)
"""``Washington, DC``, ``Kuala Lumpur, Malaysia``: the place line of a heading block,
printed between the title and the date."""
_NAME_LINE = re.compile(r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]*){1,3}")
_ROLE_TEXT = """spokesperson spokesman spokeswoman secretary minister director ambassador
    president chair chairman chairwoman commissioner governor mayor chief official deputy
    press counselor counsellor envoy representative adviser advisor coordinator"""
_ROLE_WORDS = frozenset(_ROLE_TEXT.split())


_INDEX_HEADING = re.compile(
    r"(?:Index|Contents|Table of contents|Topics|Subjects|In this (?:briefing|issue))"
    r"(?:\s+(?:for|of)\s+[^.?!]{0,40})?\s*:?",
    re.IGNORECASE,
)
"""The heading of a page's list of the briefing's topics (``Index for Today's Briefing``)."""
TOPIC_WORDS = 6
"""A topic in such a list is a few words, never a sentence."""


def _topic_index(lines: list[Line], start: int) -> list[Line]:
    """The index heading at ``lines[start]`` and the short topic lines that follow it."""
    end = start + 1
    while end < len(lines):
        text = lines[end][1]
        if len(words(text)) > TOPIC_WORDS or text.endswith((".", "?", "!", ":")):
            break
        if heading_date(text) is not None or _speaker_line(text) is not None:
            break
        end += 1
    return lines[start:end]


def _named_with_role(name: str, role: str) -> bool:
    """A heading block's two lines above the title: a name alone (``Laura Bennett``)
    then an office (``Deputy Spokesperson``), as department pages print the briefer."""
    office = [w.casefold() for w in words(role)]
    return (
        _NAME_LINE.fullmatch(name) is not None
        and not set(w.casefold() for w in words(name)) & _ROLE_WORDS
        and 1 <= len(office) <= 8
        and bool(set(office) & _ROLE_WORDS)
        and not role.endswith((".", "?", "!"))
    )


def _within(text: str, title: str) -> bool:
    return plain(text).casefold() in plain(title).casefold()


def _speaker_line(text: str) -> re.Match[str] | None:
    speaker = _SPEAKER_LINE.fullmatch(text)
    return speaker if speaker is not None and _is_speaker_line(speaker, text) else None


def _is_speaker_line(match: re.Match[str], text: str) -> bool:
    """``Name, role``: a short line, a role of two words or more, no sentence or place."""
    if text.endswith(".") or len(words(text)) >= 40:
        return False
    first = match.group(1).split()[0]
    return first not in _NOT_NAMES and len(match.group(2).split()) >= 2
