"""Page furniture: the lines of a published page that nobody said, found by their shape.

Each rule looks at a line's form, never at a site's wording: a breadcrumb trail
(``Home > Briefings``), a row of share buttons, a closing ``Ends`` line, a footer with the
posting date, a direct link or a copyright, an editor's note in parentheses that speaks
about the record (``(Unofficial translation)``), a "See also" box of headlines, a PDF's
running header glued to its page counter (``Page 3 of 12Hearing of May 2, 2024 ...``).
Every line dropped is kept in a :class:`Ledger` with its kind, so that the word accounting
can add it back and ``--dry-run`` can list it; speech is never matched: a line with a
speaker label, or one that reads as sentences, stays.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import ItemsView
from dataclasses import dataclass, field

from tui.importer.common import words
from tui.importer.dates import ends_date, is_posting_line, parse_date_line, posting_date

Line = tuple[int, str]


@dataclass(frozen=True, slots=True)
class Dropped:
    """One line left out of the record: its source line, kind and text."""

    line: int
    kind: str
    text: str


@dataclass(slots=True)
class Ledger:
    """The words left out, by kind, and every line they came from."""

    counts: dict[str, int] = field(default_factory=dict)
    lines: list[Dropped] = field(default_factory=list)

    def drop(self, line: int, kind: str, text: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + len(words(text))
        self.lines.append(Dropped(line, kind, text))

    def items(self) -> ItemsView[str, int]:
        return self.counts.items()

    def __getitem__(self, kind: str) -> int:
        return self.counts[kind]


PAGE_COUNTER = re.compile(r"(?:(?:Page|PAGE|p\.)\s*)?\d+\s*(?:of|/)\s*\d+")
_COUNTER_AT_START = re.compile(rf"({PAGE_COUNTER.pattern})\s*(?P<rest>\S.*)")
_COUNTER_AT_END = re.compile(rf"(?P<rest>.*\S)\s*({PAGE_COUNTER.pattern})")
_CRUMB_SEPARATOR = re.compile(r"\s+(?:>|»|›|→|/|\|)\s+|\s*[>»›]\s*")
_HOME = re.compile(r"(?:home|homepage|main page|首页|主页)\b", re.IGNORECASE)
_SHARE_TEXT = """share this page article story on via facebook twitter x linkedin whatsapp wechat
    weibo email e mail print copy link tweet reddit telegram pinterest sms save pdf line
    bluesky mastodon threads instagram youtube rss subscribe follow us"""
_SHARE_WORDS = frozenset(_SHARE_TEXT.split())
_SHARE_CORE_TEXT = "share facebook twitter linkedin whatsapp wechat weibo tweet reddit telegram"
_SHARE_CORE = frozenset(_SHARE_CORE_TEXT.split())
URL = re.compile(r"(?:https?://|www\.)\S+")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
_DIRECT_LINK = re.compile(
    r"(?:direct\s+link|permalink|permanent\s+link|short\s+link|link\s+to\s+this\s+page"
    r"|source|url|web\s*site|website)\s*[:：]?\s*(?:(?:https?://|www\.)\S+)?",
    re.IGNORECASE,
)
_SITE_LABEL = re.compile(r"(?P<name>[^:：]{2,60}?)\s*[:：]\s*(?P<rest>.*)")
_CLOSING = re.compile(
    r"(?:#\s*){3}|N{4}|\*\s*\*\s*\*|-\s*30\s*-"
    r"|[(\[]\s*(?:END|End|ENDS|Ends|Concludes?|CONCLUDES?|Concluded|CONCLUDED)\s*\.?\s*[)\]]"
    r"|[(\[]?\s*(?:End|END) of (?:the )?(?:transcript|briefing|press conference|"
    r"news conference|press briefing|TRANSCRIPT|BRIEFING)\s*\.?\s*[)\]]?"
)
_SEE_ALSO = re.compile(
    r"(?:(?:See|SEE)\s+(?:also|ALSO)|Related(?:\s+(?:[Aa]rticles?|[Ss]tories|[Ll]inks|[Nn]ews"
    r"|[Cc]ontent|[Rr]eading|[Pp]ages?))?|RELATED|Read\s+(?:more|also)|Also\s+read"
    r"|More\s+on\s+this(?:\s+topic)?|Further\s+reading|You\s+may\s+also\s+like"
    r"|相关(?:新闻|链接|阅读))(?:\s*[:：]\s*(?P<rest>.*))?"
)
"""The heading of a box of links: capitalised, alone or before a colon."""
_BRACKETED = re.compile(r"[(\[](?P<inner>[^()\[\]]+)[)\]]\.?")
_EDITORIAL_TEXT = """transcript transcription translation translated edited editor editors
    note notes unofficial recording recorded audio video webcast excerpt excerpts abridged
    unedited prepared delivery continued"""
_EDITORIAL = frozenset(_EDITORIAL_TEXT.split())
_NOTE_LINKS_TEXT = "check against as for only of and"
_NOTE_LINKS = frozenset(_NOTE_LINKS_TEXT.split())
BARE_NOTE_WORDS = 5
"""An unbracketed editor's note is a few words (``Check against delivery``)."""
_EOE = re.compile(r"E\s*&\s*O\s*E\.?|\(?E&OE\)?")
"""Errors and omissions excepted: a transcript service's disclaimer."""
_NOTE_LINE = re.compile(
    r"(?:editor[’']?s?\s+note|note\s+to\s+editors?|notes\s+to\s+editors?)\s*[:：]", re.IGNORECASE
)
CRUMB_CHARACTERS = 200
"""A breadcrumb trail or a row of buttons is never longer than this."""
NOTE_CHARACTERS = 60
"""An unbracketed editor's note is never longer than this."""
BOX_LINES = 8
"""A "See also" box holds at most this many headlines."""
HEADLINE_WORDS = 16
BOX_LINK_WORDS = 10
"""A link printed after ``See also:`` on the heading's line is this many words or fewer."""
"""A headline is this many words or fewer."""


def running_headers(lines: list[Line]) -> dict[int, str]:
    """Lines that are a page counter glued to a header the record repeats, and the lines
    that print that header alone (the first page's): index -> kind.

    The header is the text beside ``Page N of M`` (before or after it); it counts as a
    running header when it is printed at least twice, so one page counter beside a line
    of speech takes only the counter with it (see :func:`split_counter`).
    """
    rests: dict[str, int] = {}
    counted: dict[int, str] = {}
    for index, (_, text) in enumerate(lines):
        rest = _counter_rest(text)
        if rest is not None:
            counted[index] = rest
            rests[rest] = rests.get(rest, 0) + 1
    alone = {text: 0 for _, text in lines}
    for _, text in lines:
        if text in rests:
            alone[text] += 1
    headers = {r for r, n in rests.items() if n + alone.get(r, 0) >= 2 and len(words(r)) >= 2}
    out: dict[int, str] = {}
    for index, (_, text) in enumerate(lines):
        if counted.get(index) in headers or text in headers:
            out[index] = "page artefacts"
    out.update(dict.fromkeys(page_numbers(lines), "page artefacts"))
    return out


_BARE_NUMBER = re.compile(r"\d{1,4}")


def page_numbers(lines: list[Line]) -> list[int]:
    """Numbers standing alone on lines that count up through the record (``2``, ``3``,
    ``4``): a PDF's page numbers. One number alone, or numbers out of order, may be
    something said, and stay."""
    found = [(i, int(t)) for i, (_, t) in enumerate(lines) if _BARE_NUMBER.fullmatch(t)]
    if len(found) < 2:
        return []
    values = [v for _, v in found]
    if any(b <= a for a, b in itertools.pairwise(values)):
        return []
    return [i for i, _ in found]


_GLUED_COUNTER = re.compile(r"(?:Page|PAGE)\s*\d+\s*(?:of|/)\s*\d+(?=[^\W\d_])")


def split_counter(text: str) -> tuple[str, str]:
    """``Page 4 of 9`` glued to the next page's first line (``Page 4 of 9and then``):
    the counter and the text. A PDF's text layer glues a page's footer to the next
    page's first line when no running header stands between them."""
    m = _GLUED_COUNTER.match(text)
    if m is None:
        return "", text
    return m.group(0), text[m.end() :].strip()


def _counter_rest(text: str) -> str | None:
    m = _COUNTER_AT_START.fullmatch(text) or _COUNTER_AT_END.fullmatch(text)
    return m.group("rest").strip() if m else None


def _only_words(text: str, vocabulary: frozenset[str]) -> bool:
    found = [w.casefold() for w in words(text)]
    return bool(found) and all(w in vocabulary for w in found)


def is_breadcrumb(text: str) -> bool:
    """``Home > News > Briefings``: path segments, short, none a sentence."""
    if not any(mark in text for mark in ">»›→/|") or len(text) > CRUMB_CHARACTERS:
        return False
    parts = [p for p in _CRUMB_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2 or any(len(words(p)) > 8 for p in parts):
        return False
    if not re.search(r"[>»›→]|\s/\s|\s\|\s", text):
        return False
    return bool(_HOME.match(parts[0])) or len(parts) >= 3


def is_share_row(text: str) -> bool:
    """``Share: Facebook Twitter Email``: only the words of share buttons."""
    if len(text) > CRUMB_CHARACTERS:
        return False
    found = {w.casefold() for w in words(text)}
    return _only_words(text, _SHARE_WORDS) and bool(found & _SHARE_CORE)


def is_editors_note(text: str) -> bool:
    """A whole line in brackets about the record itself (``(Unofficial translation)``,
    ``[Transcript edited for clarity]``), a few words that only say so (``Check against
    delivery``, ``E&OE``), or a line that says it is an editor's note.
    Notes about the room (``(Laughter.)``, ``(Inaudible.)``) are part of what was said
    and stay."""
    if _NOTE_LINE.match(text) or _EOE.fullmatch(text):
        return True
    if len(text) > CRUMB_CHARACTERS or (text[:1] not in "([" and len(text) > NOTE_CHARACTERS):
        return False
    said = [w.casefold() for w in words(text)]
    bare = bool(said) and len(said) <= BARE_NOTE_WORDS and text[:1].isupper()
    if bare and all(w in _EDITORIAL | _NOTE_LINKS for w in said) and set(said) & _EDITORIAL:
        return True
    m = _BRACKETED.fullmatch(text)
    if m is None:
        return False
    found = {w.casefold() for w in words(m.group("inner"))}
    return bool(found & _EDITORIAL) and len(found) <= 20


def footer_kind(text: str) -> str | None:
    """The kind of a footer line (posting date, direct link, copyright, closing mark,
    ``Ends``), or ``None``. These shapes are furniture wherever they stand."""
    if posting_date(text) is not None or is_posting_line(text):
        return "footer"
    is_ends, _ = ends_date(text)
    if is_ends or _CLOSING.fullmatch(text):
        return "ends lines"
    if URL.fullmatch(text) or (_DIRECT_LINK.fullmatch(text) and URL.search(text)):
        return "footer"
    if _COPYRIGHT.search(text) and len(words(text)) <= HEADLINE_WORDS and not text.endswith("?"):
        return "footer"
    site = _SITE_LABEL.fullmatch(text)
    if site is not None and URL.fullmatch(site.group("rest").strip() or "-"):
        return "footer"
    return None


_TAIL_FIELD = re.compile(
    r"(?:Tags?|Topics?|Categor(?:y|ies)|Keywords?|Filed\s+under|Posted\s+in|Source|Editors?"
    r"|Responsible\s+editor|Photos?|Video|Contact|Media\s+contact|Press\s+office)"
    r"\s*[:：]\s*[^.?!]*",
    re.IGNORECASE,
)
TAIL_FIELD_WORDS = 10


def tail_footer(text: str) -> bool:
    """A line that belongs to a page's closing block when it stands after the last
    words said: a date alone, a site name with an empty colon (``Newsroom:``), a short
    field of the page (``Tags: ferries, ports``, ``Source: Harbour Office``)."""
    if parse_date_line(text) is not None or classify(text) is not None:
        return True
    if _TAIL_FIELD.fullmatch(text) and len(words(text)) <= TAIL_FIELD_WORDS:
        return True
    site = _SITE_LABEL.fullmatch(text)
    return site is not None and not site.group("rest") and len(words(site.group("name"))) <= 6


_PLACE = re.compile(r"[A-Z][\w’'.\-]*(?:,?\s+(?:[A-Z][\w’'.\-]*|of|de|la|du|da|al|el)){0,4}")
"""A place as a release signs off with it: capitalised words (``New Delhi``,
``Port of Spain``, ``Washington, DC``), no digits, no sentence."""
_INITIALS_END = re.compile(r"\b[A-Z]\.[A-Z]\.$")
"""A place may end with initials (``Washington, D.C.``); a sentence ends otherwise."""


def is_sign_off_place(text: str) -> bool:
    """A short line naming a place, which a release prints above its closing date."""
    if text.endswith(("!", "?")) or (text.endswith(".") and not _INITIALS_END.search(text)):
        return False
    return _PLACE.fullmatch(text) is not None and not any(ch.isdigit() for ch in text)


def see_also(lines: list[Line], start: int) -> int:
    """The number of lines of a "See also" box opening at ``lines[start]`` (0 if none):
    the heading, then headlines up to a blank line, a long sentence or a speaker label
    (the caller stops the box at a label). A heading with its one link after a colon is
    a box of one line, unless the next line carries on its sentence (in lower case)."""
    m = _SEE_ALSO.fullmatch(lines[start][1])
    if m is None:
        return 0
    rest = m.group("rest")
    if rest:
        following = lines[start + 1][1] if start + 1 < len(lines) else ""
        carried = following[:1].islower() or rest.endswith((",", ";"))
        return 0 if carried or len(words(rest)) > BOX_LINK_WORDS else 1
    count = 1
    while start + count < len(lines) and count <= BOX_LINES:
        text = lines[start + count][1]
        if not text or len(words(text)) > HEADLINE_WORDS or text.endswith((".", ":")):
            break
        count += 1
    return count if count > 1 else 0


def structural(text: str) -> str | None:
    """The kind of a line whose shape no speech takes, even after a label's colon
    (``Share: Facebook Email``, ``Editor's note: ...``)."""
    if is_breadcrumb(text):
        return "navigation"
    if is_share_row(text):
        return "share buttons"
    if is_editors_note(text):
        return "editors' notes"
    return None


def classify(text: str, footers: bool = True) -> str | None:
    """The kind of a furniture line that is recognised on its own, else ``None``;
    ``footers`` says whether footer lines count (not in a page's heading)."""
    return structural(text) or (footer_kind(text) if footers else None)
