"""The day a briefing was held and the day its transcript was posted, from every date
the record prints.

The date held is, in this order: a full date in the title ("... Press Conference on
October 26, 2010"); the introduction's date of the event ("held a press conference on
October 11", "On the afternoon of October 26, 2010", "this morning (January 3)"); the
front matter's ``date``; a date line in the heading; a release's closing
``Ends/Saturday, January 3, 2015``. A date printed without a year takes the year of the
record's own dates (the date line, the footer, the posting date), and must not fall after
the day the record was posted; a year the record does not print is never used.

The posting date goes to ``published``: the front matter's ``published_time``, a line
that says so (``Posted on ...``, ``Updated: ...``) and is always written; a numeric stamp
(``2010-10-27 17:48``, ``2010/10/27``), or a date line or the front matter's ``date``
when the title or introduction gives another day held, is written when it differs from
the day held. When the record
gives only a posting date, it is used as the day held, with a check.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tui.importer.common import Meta, Note
from tui.importer.dates import (
    Found,
    ends_date,
    find_dates,
    is_numeric_stamp,
    is_posting_line,
    posting_date,
)

_HELD_CONTEXT = re.compile(
    r"\b(?:held|hosted|gave|gives|holds|hold|organi[sz]ed|delivered|took\s+place|met|made)\b"
    r"[^.]{0,120}?\b(?:on|of)\s+(?:the\s+\w+\s+of\s+)?$"
    r"|(?:^|[.;]\s+)On\s+(?:the\s+\w+\s+of\s+)?$"
    r"|\(\s*(?:on\s+)?$",
    re.IGNORECASE,
)


def as_date(value: object) -> dt.date | None:
    """A front matter value as a date (YAML dates and datetimes, ISO strings)."""
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


def intro_date(text: str) -> Found | None:
    """The date of the event an introduction describes, with or without its year."""
    for found in find_dates(text):
        if _HELD_CONTEXT.search(text[: found.start]):
            return found
    return None


class Dates:
    """The dates read from a record, settled into ``date`` and ``published``."""

    def __init__(self, front: dict[str, Any]) -> None:
        self.front = as_date(front.get("date"))
        self.published = as_date(front.get("published_time") or front.get("published"))
        self.lines: list[dt.date] = []
        self.stamps: list[dt.date] = []
        self.posted: list[dt.date] = []
        self.ends: list[dt.date] = []
        self._posting_next = False

    def read_line(self, text: str, parsed: dt.date | None) -> bool:
        """Take a heading line that is a date, or the word ``Published`` alone that says
        the next date line is the posting date; ``True`` when it was one of them."""
        posted = posting_date(text)
        if posted is not None:
            (self.stamps if is_numeric_stamp(text) else self.posted).append(posted)
            return True
        if parsed is not None:
            (self.posted if self._posting_next else self.lines).append(parsed)
            self._posting_next = False
            return True
        self._posting_next = is_posting_line(text) and len(text.split()) <= 3
        return self._posting_next

    def read_footer(self, text: str) -> None:
        """Take the dates of a footer line anywhere in the record."""
        if not text:
            return
        _, ended = ends_date(text)
        if ended is not None:
            self.ends.append(ended)
            return
        posted = posting_date(text)
        if posted is not None and not is_numeric_stamp(text) and posted not in self.posted:
            self.posted.append(posted)

    def _year_for(self, found: Found, anchors: list[dt.date], years: set[int]) -> dt.date | None:
        if found.year is not None:
            return found.date
        limit = min([*self.lines, *self.stamps, *self.posted, *self.ends], default=None)
        if self.published is not None:
            limit = min(limit or self.published, self.published)
        choices = [a.year for a in anchors] + sorted(years, reverse=True)
        for year in choices:
            date = found.on(year)
            if date is not None and (limit is None or date <= limit):
                return date
        return None

    def settle(self, meta: Meta, intro: str, years: set[int], notes: list[Note]) -> None:
        """Set ``meta.date`` and ``meta.published`` (see the module's order)."""
        title = find_dates(meta.title or "")
        anchors = [
            d
            for d in [
                *(f.date for f in title),
                *self.lines,
                *self.ends,
                self.front,
                *self.posted,
                *self.stamps,
                self.published,
            ]
            if d is not None
        ]
        held: dt.date | None = next((f.date for f in title if f.date is not None), None)
        from_text = held is not None
        partial = intro_date(intro) if held is None else None
        if partial is None and held is None and title:
            partial = title[0]
        if partial is not None:
            held = self._year_for(partial, anchors, years)
            from_text = held is not None
            if held is None:
                day = f"{partial.month:02d}-{partial.day:02d}"
                why = f"the record says it was held on month-day {day}, in no year it prints"
                meta.checks.append(f"{why}; no year was guessed")
                notes.append(Note(meta.title_line, f"{why}: no year was guessed (use --date)"))
        if held is None:
            held = self.front or next(iter(self.lines + self.ends), None)
        explicit = self.published or next(iter(self.posted), None)
        if held is None:
            held = explicit or next(iter(self.stamps), None)
            if held is not None:
                why = "the record gives only the day it was posted"
                meta.checks.append(f"{why}; {held.isoformat()} was written as the day held")
                notes.append(Note(None, f"{why}: {held.isoformat()} written as the day held"))
        meta.date = held
        if explicit is not None:
            meta.published = explicit
            return
        implicit = next(iter(self.stamps), None)
        if implicit is None and from_text and self.lines:
            implicit = self.lines[0]
        if implicit is None and from_text:
            # A scraper dates a page by when it went up; the text says when it was held.
            implicit = self.front
        if implicit is not None and implicit != held:
            meta.published = implicit
