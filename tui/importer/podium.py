"""Who stands at the podium, from what the record says besides its labels.

The title names the principal with their office ("Foreign Ministry Spokesperson Ma
Zhaoxu's Regular Press Conference", "Press Gaggle by President Trump"); a heading block
prints a name on a line of its own above the transcript ("John Kirby" over "Daily Press
Briefing"), perhaps with the office on the next line ("Deputy Spokesperson"); an answer
says "I'm joined by Name, role". These people answer; a label naming one of them (``A:``
when the title names one principal, ``MR KIRBY`` for John Kirby) is theirs.
"""

from __future__ import annotations

import re

from tui.importer.common import DraftSpeaker
from tui.importer.conventions.upper import HONORIFICS

_TITLES = frozenset(w.rstrip(".") for w in HONORIFICS)

_OFFICE = (
    r"(?:Spokesperson|Spokesman|Spokeswoman|Secretary|Minister|President|Chair|Chairman|"
    r"Chairwoman|Ambassador|Director|Governor|Mayor|Premier|Chancellor|Commissioner|"
    r"Representative|Administrator|General|Counselor|Councillor|Chief Executive)"
)
_FUNCTION = (
    r"(?!(?:On|By|With|At|In|For|To|From|And|Of|A|An|About|Remarks|Call|Gaggle|Conference|"
    r"Briefing|Press|Background|Transcript|Statement)\b)"
)
"""Title-case words a role never starts or runs through (``Call by ... On President``)."""
_NW = r"[A-Z][\w\-]*(?:[’'][A-Z][\w\-]*)?"
"""A name word: ``O’Grady`` keeps its apostrophe, ``Wenbin’s`` loses its possessive."""
_NAME = rf"{_NW}(?:\s+(?:[A-Z]\.\s+)?{_NW}){{0,2}}?"
_PRINCIPAL = re.compile(
    rf"(?P<role>(?:{_FUNCTION}[A-Z][\w’'\-]*\s+){{0,4}}?{_OFFICE})\s+(?P<name>{_NAME})"
    rf"(?=[’']s\b|\s+(?:held|holds|hosted|hosts|gave|gives|answered|briefed|and|with|at|in|on|to|for|before|after|aboard)\b|\s*$|\s*[,:;(|–—-])"
)
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_CHINESE_PRINCIPAL = re.compile(
    rf"(?P<role>[{_HAN}]{{0,6}}?(?:发言人|部长|外长|主任|司长|局长|主席|总理|总统|市长|秘书长))"
    rf"(?P<name>[{_HAN}]{{2,3}}?)(?=主持|答记者问|举行|出席|在|的|$)"
)
"""A Chinese title's principal: ``外交部发言人汪文斌主持例行记者会``."""
_JOINED = re.compile(
    rf"\bjoined (?:today )?by\s+(?:(?P<role>(?:[A-Z][\w’'\-]*\s+){{0,4}}?{_OFFICE})\s+)?"
    rf"(?P<name>{_NAME})(?:,\s+(?P<after>(?:the\s+)?[A-Z][^.,;]{{2,60}}))?"
)
_NAME_LINE = re.compile(r"[A-Z][a-z’'\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'\-]+){1,2}")
_ROLE_LINE = re.compile(
    rf"(?:[A-Z][\w’'\-]*\s+){{0,4}}{_OFFICE}(?:\s+(?:of|for)\s+[A-Z][\w\s]{{2,60}})?"
)
"""A heading block's line under a name: ``Deputy Spokesperson``, ``Secretary of State``."""
_NOT_NAME_WORDS = frozenset(
    [
        "Press",
        "Briefing",
        "Conference",
        "Daily",
        "Remarks",
        "Transcript",
        "Statement",
        "Department",
        "Ministry",
        "Office",
        "House",
        "Room",
        "Washington",
        "Home",
        "News",
        "Release",
        "Media",
        "Center",
        "Readout",
        "Gaggle",
        "Call",
        "Background",
        "Regular",
        "Special",
        "Joint",
        "United",
        "States",
    ]
)


def principals(title: str, header: list[str], texts: list[str]) -> list[DraftSpeaker]:
    """People the record names as speaking for the podium, first those of its title."""
    found: list[DraftSpeaker] = []

    def add(name: str, role: str | None) -> None:
        parts = name.split()
        while len(parts) > 1 and parts[0].upper().rstrip(".") in _TITLES:
            parts.pop(0)
        name = " ".join(parts)
        if any(s.name.casefold() == name.casefold() for s in found):
            return
        found.append(DraftSpeaker(name, " ".join(role.split()) if role else None))

    for line in [title, *header]:
        for m in _PRINCIPAL.finditer(line):
            add(m.group("name"), m.group("role"))
        for m in _CHINESE_PRINCIPAL.finditer(line):
            add(m.group("name"), m.group("role"))
    for index, line in enumerate(header):
        text = line.strip()
        if _NAME_LINE.fullmatch(text) and not set(text.split()) & _NOT_NAME_WORDS:
            below = header[index + 1].strip() if index + 1 < len(header) else ""
            add(text, below if _ROLE_LINE.fullmatch(below) else None)
    for text in texts:
        for m in _JOINED.finditer(text):
            add(m.group("name"), m.group("role") or m.group("after"))
    return found
