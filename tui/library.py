"""The archive as the reader sees it: summaries and people up front, briefings on demand.

The reader must start instantly on 10,000 briefings, so it never holds every parsed
briefing. It asks a :class:`Library` for cheap rows (one :class:`BriefingSummary` per
briefing, one :class:`Person` per speaker or asker) and parses a briefing only when it is
opened. The SQLite index (``tui.index``) is the implementation; this module holds only the
shared vocabulary, so the UI and the index can be written and tested apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from tui.model import Briefing, Exchange, Problem

PersonKind = Literal["speaker", "asker"]


@dataclass(frozen=True, slots=True)
class BriefingSummary:
    """One row of the conference list: what it takes to show and filter a briefing."""

    id: str
    title: str
    date: dt.date
    path: str  # the file, as indexed; a str because building 10,000 Paths costs 0.1 s
    questions: int
    organizer: str | None = None
    location: str | None = None
    fidelity: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A speaker (who answers) or an asker (who questions), counted across the archive.

    ``key`` is :func:`tui.model.normalise_name` of the name; ``name`` is a display form.
    ``count`` is answers given (speakers) or questions asked (askers).
    """

    key: str
    name: str
    kind: PersonKind
    count: int
    briefings: int


@dataclass(frozen=True, slots=True)
class CrossExchange:
    """An exchange shown outside its briefing (the "all briefings" scope).

    ``exchange`` keeps its own references and each answer the role its speaker held in
    that briefing, so a citation made from here is the same as one made in the briefing.
    """

    briefing: BriefingSummary
    exchange: Exchange


class LoadFailed(Exception):
    """A briefing could not be (re)loaded; ``problems`` say why, with locations."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "could not be loaded"
        super().__init__(first)


class Library(Protocol):
    """What the reader needs from an archive. Every method is safe to call from a worker."""

    def summaries(
        self, *, speaker: str | None = None, asker: str | None = None, limit: int | None = None
    ) -> Sequence[BriefingSummary]:
        """Briefings newest first; narrowed to those where the speaker/asker (a key) took part.

        ``limit`` returns only the newest few: the reader paints its first screenful from
        them before the whole list (10,000 rows, a tenth of a second) has been read.
        """
        ...

    def people(self, kind: PersonKind) -> Sequence[Person]:
        """Every speaker or every asker, most answers/questions first."""
        ...

    def load(self, briefing_id: str) -> Briefing:
        """Parse one briefing from its file; raises :class:`LoadFailed`."""
        ...

    def exchanges_of(self, key: str, kind: PersonKind) -> Sequence[CrossExchange]:
        """Exchanges a speaker answered in (or an asker asked), oldest first."""
        ...

    def problems(self) -> Sequence[Problem]:
        """Problems of files that failed to load, as of the last scan."""
        ...
