"""Briefing summaries from the index's rows: the conference list's data, held all along.

A module of its own because how much each summary costs in memory is a decision of its
own (see :class:`Summaries`), measured by ``python bench/run.py --only rss``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from tui.library import BriefingSummary

SUMMARY_COLUMNS = (
    "b.id, b.title, b.date, b.path, b.questions, b.organizer, b.location, b.fidelity, "
    "b.language, b.tags"
)


class Summaries:
    """Summaries from rows, sharing the values many briefings have in common.

    The list holds a summary of every briefing for as long as the reader runs, so at
    100,000 briefings each byte per summary is 100 kB. SQLite hands out a new string for
    every cell, but an archive has a few organizers, locations, languages and fidelities,
    a few thousand dates and tag lists: each distinct value is kept once (about 300 bytes
    less per summary). The file's path is interned: the reader's poller
    (:mod:`tui.poller`) holds the same path for every file and interns it too, so the two
    share one string (about 110 bytes less per briefing). Nothing is converted that need
    not be (``json`` only for tags).
    """

    def __init__(self) -> None:
        self._dates: dict[str, dt.date] = {}
        self._tags: dict[str, tuple[str, ...]] = {"[]": ()}
        self._values: dict[str, str] = {}

    def _shared(self, value: str | None) -> str | None:
        return None if value is None else self._values.setdefault(value, value)

    def __call__(self, row: tuple[Any, ...]) -> BriefingSummary:
        ident, title, date, path, questions, organizer, location, fidelity, language, tags = row
        day = self._dates.get(date)
        if day is None:
            day = self._dates[date] = dt.date.fromisoformat(date)
        listed = self._tags.get(tags)
        if listed is None:
            listed = self._tags[tags] = tuple(
                self._values.setdefault(t, t) for t in json.loads(tags)
            )
        return BriefingSummary(
            ident,
            title,
            day,
            sys.intern(path),
            questions,
            self._shared(organizer),
            self._shared(location),
            self._shared(fidelity),
            self._shared(language),
            listed,
        )
