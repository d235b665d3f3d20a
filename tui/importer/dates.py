"""Dates as published pages print them, and which of them is the day a briefing was held.

A page can carry several dates: the day held (in the title, a date line under it, the
introduction's "held ... on October 11" or "this morning (January 3)", a closing
``Ends/Saturday, January 3, 2015``) and the day the page was posted (``Posted on``,
``Updated:``, ``2010/10/27``, a numeric time stamp such as ``2010-10-27 17:48`` under the
title). This module finds them in text; :mod:`tui.importer.meta` decides between them.
A date printed without its year takes a year the record prints elsewhere, never one it
does not print.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)"
_M = r"[A-Z][a-zA-Z]{2,8}"
_CLOCK = (
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?"
    r"(?:\s*[+-]\d{4}|\s+[A-Z]{2,5})?)"
)
_SUFFIX = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"(?:{_WEEKDAY})?(?:"
    rf"(?P<m1>{_M})\.?\s+(?P<d1>\d{{1,2}}){_SUFFIX}\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
    rf"|(?P<d2>\d{{1,2}}){_SUFFIX}\s+(?:of\s+)?(?P<m2>{_M})\.?(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})\b"
    rf"|(?P<y4>\d{{4}})/(?P<m4>\d{{1,2}})/(?P<d4>\d{{1,2}})\b"
    rf"|(?P<y5>\d{{4}})\s*年\s*(?P<m5>\d{{1,2}})\s*月\s*(?P<d5>\d{{1,2}})\s*日"
    rf"|(?P<m6>\d{{1,2}})\s*月\s*(?P<d6>\d{{1,2}})\s*日)"
)
"""A date inside text, with or without its year and weekday."""
_LINE = re.compile(rf"\(?(?P<date>.+?){_CLOCK}?\)?\.?")
_NUMERIC_STAMP = re.compile(
    r"\d{4}/\d{1,2}/\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
)
POSTING = re.compile(
    r"(?:Last\s+)?(?:updated|modified|posted|published|released|release\s+date|issued"
    r"|date\s+of\s+(?:publication|release|issue)|publication\s+date)"
    r"(?:\s+(?:on|at))?\s*[:：]?\s+|(?:发布时间|更新时间|发布日期)\s*[:：]\s*",
    re.IGNORECASE,
)
"""The words a page puts before the day it was posted."""
ENDS = re.compile(r"[-–—\s]*(?:ends?|ENDS?)[-–—\s]*(?:/\s*(?P<date>.*?))?\s*", re.IGNORECASE)
"""``Ends``, ``-ENDS-``, ``Ends/Saturday, January 3, 2015``: a release's closing line."""
_YEAR = re.compile(r"(?<![\d/-])(?:19|20)\d{2}(?![\d/-])")


@dataclass(frozen=True, slots=True)
class Found:
    """A date found in text; ``year`` is ``None`` when the text printed none."""

    year: int | None
    month: int
    day: int
    start: int
    end: int

    def on(self, year: int | None = None) -> dt.date | None:
        """The date, in its own year or else ``year``; ``None`` if it has none or is not
        a day of the calendar."""
        chosen = self.year if self.year is not None else year
        if chosen is None:
            return None
        try:
            return dt.date(chosen, self.month, self.day)
        except ValueError:
            return None

    @property
    def date(self) -> dt.date | None:
        return self.on(None)


def month_number(name: str) -> int | None:
    return _MONTHS.get(name.rstrip(".").casefold())


def _found(m: re.Match[str]) -> Found | None:
    for i in range(1, 7):
        day = m.group(f"d{i}")
        if day is None:
            continue
        month_text = m.group(f"m{i}")
        month = int(month_text) if month_text.isdigit() else month_number(month_text)
        year_text = m.group(f"y{i}") if i != 6 else None
        if month is None or not 1 <= month <= 12 or not 1 <= int(day) <= 31:
            return None
        year = int(year_text) if year_text else None
        return Found(year, month, int(day), m.start(), m.end())
    return None


def find_dates(text: str) -> list[Found]:
    """Every date in ``text``, in order, with or without a year."""
    out: list[Found] = []
    position = 0
    while position < len(text):
        m = DATE.search(text, position)
        if m is None:
            break
        found = _found(m)
        if found is not None:
            out.append(found)
            position = m.end()
        else:
            position = m.start() + 1
    return out


def parse_date_line(text: str) -> dt.date | None:
    """The date of a line that is only a date (``Oct 31, 2017``, ``(March 9, 2025)``,
    ``Wednesday, July 6, 2016, 4:13 p.m.``), with its year; else ``None``."""
    text = text.strip()
    m = _LINE.fullmatch(text)
    if m is None:
        return None
    inner = m.group("date").strip().rstrip(",")
    full = DATE.fullmatch(inner)
    if full is None:
        return None
    found = _found(full)
    return found.date if found is not None else None


_DATE_FIELD = re.compile(
    r"(?:Date|Dated|DATE|(?:Delivered|Held|Recorded)(?:\s+on)?)\s*[:：]\s*", re.IGNORECASE
)
HEADING_WORDS = 16
"""A heading line this short that opens with a full date is a date line with a place or
time after it (``February 21, 2023, 13:00, Moscow``)."""


def heading_date(text: str) -> dt.date | None:
    """The date of a heading line: a date line, ``Date: Tuesday, 21 May 2024``, or a
    short line that opens with a full date (``March 3, 2021 – Ottawa``) or ends with one
    after a comma (``Valletta, 12 September 2024``); after a dash it is a title that
    carries its date (``Daily Briefing - May 2, 2019``)."""
    text = _DATE_FIELD.sub("", text.strip(), count=1)
    date = parse_date_line(text)
    if date is not None or len(text.split()) > HEADING_WORDS:
        return date
    found = find_dates(text)
    if found and found[0].start == 0 and found[0].year is not None:
        rest = text[found[0].end :].strip()
        if not rest or rest[0] in ",–—-|(/" or _POSTING_TIME.match(rest):
            return found[0].date
    if found and found[-1].year is not None and not text[found[-1].end :].strip(" .)"):
        before = text[: found[-1].start].rstrip()
        if before.endswith(","):
            return found[-1].date
    return None


POSTING_WORDS = 8
"""A posting line is short: ``Issued at HKT 18:30``, not a sentence that starts so."""
_POSTING_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


def is_posting_line(text: str) -> bool:
    """``Posted on ...``, ``Issued at 18:30``, ``Updated`` alone: the words a page puts
    before its posting date or time, with a date, a time or nothing after them."""
    text = text.strip()
    m = POSTING.match(text + " ")
    if m is None or not text[:1].isupper() or len(text.split()) > POSTING_WORDS:
        return False
    rest = text[m.end() :].strip() if m.end() <= len(text) else ""
    return not rest or posting_date(text) is not None or bool(_POSTING_TIME.search(rest))


def is_numeric_stamp(text: str) -> bool:
    """``2010/10/27`` or ``2010-10-27 17:48`` alone: a page's posting stamp."""
    return bool(_NUMERIC_STAMP.fullmatch(text.strip()))


def posting_date(text: str) -> dt.date | None:
    """The date of a posting line (``Posted on March 3, 2021``, ``Updated: 2024-03-18``,
    ``Posted on 3 March 2021 by the press office``, ``2010-10-27 17:48``); ``None`` for
    any other line, and for a sentence that happens to start with such a word."""
    text = text.strip()
    if is_numeric_stamp(text):
        found = find_dates(text)
        return found[0].date if found else None
    m = POSTING.match(text)
    if m is None or not text[:1].isupper() or len(text.split()) > POSTING_WORDS + 4:
        return None
    rest = text[m.end() :]
    found = find_dates(rest)
    if found and found[0].start == 0 and found[0].year is not None:
        return found[0].date
    return heading_date(rest)


def ends_date(text: str) -> tuple[bool, dt.date | None]:
    """Whether the line is an ``Ends`` line, and the date it carries."""
    m = ENDS.fullmatch(text)
    if m is None:
        return False, None
    rest = m.group("date")
    if not rest:
        return True, None
    date = parse_date_line(rest)
    return (date is not None), date


def years(text: str) -> set[int]:
    """The years ``text`` prints (four digits, 1900 to 2099)."""
    return {int(y) for y in _YEAR.findall(text)}
