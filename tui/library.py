"""The archive as the reader sees it: the one seam between the UI and the index.

The reader must start instantly on 10,000 briefings, so it never holds every parsed
briefing. It asks a :class:`Reading` library for cheap rows (one :class:`BriefingSummary`
per briefing, one :class:`Person` per speaker or asker) and parses a briefing only when it
is opened; it brings the archive up to date through :class:`Refreshing` and searches it
through :class:`Searching`. :class:`Library` is all three. The SQLite index
(:class:`tui.index.Index`, on a file or in memory) implements them; this module holds only
the protocols and their vocabulary, so the UI, the subcommands and the index are written
and tested apart, and a screen or a command asks for no more than it uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from tui.model import Briefing, Exchange, Problem

PersonKind = Literal["speaker", "asker"]
Order = Literal["newest", "relevance"]
"""Search results newest first (cheap whatever the query) or by relevance (bm25)."""
StopCheck = Callable[[], bool]
"""Asked while a search runs: true once its answer is no longer wanted."""
Progress = Callable[[int, int], None]
"""Called with ``(done, total)`` files as a refresh goes."""


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


@dataclass(frozen=True, slots=True)
class RefreshStats:
    """What a refresh did; ``failed`` counts files that could not be indexed."""

    indexed: int
    unchanged: int
    removed: int
    failed: int
    seconds: float
    stopped: bool = False

    @property
    def changed(self) -> bool:
        """Whether the lists may differ from before the refresh."""
        return bool(self.indexed or self.removed or self.failed)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching remark, question or answer.

    ``person`` is the speaker of an answer or remark and the asker of a question (``None``
    when the record does not name the asker); ``role`` is the speaker's role in that
    briefing. ``snippet`` is one line of plain text and ``spans`` are ``(start, end)``
    offsets of the matches in it. ``terms`` are the query's words, phrases and prefixes
    (``financ*``) for :func:`tui.textmatch.match_spans`, to highlight the opened briefing.
    ``text`` is the element's whole text, exactly as the transcript has it, and
    ``organizer`` and ``url`` (the briefing's source) complete a hit as data
    (:mod:`tui.hits_export`).
    """

    briefing_id: str
    title: str
    date: dt.date
    ref: str
    kind: str
    person: str | None
    role: str | None
    snippet: str
    spans: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]
    text: str = ""
    organizer: str | None = None
    url: str | None = None


class SearchCancelled(Exception):
    """``should_stop`` said the query is no longer wanted (a newer one was typed)."""


class Reading(Protocol):
    """What the reader reads from an archive. Every method is safe to call from a worker."""

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


class Refreshing(Protocol):
    """Bringing an archive up to date with its files, from a worker."""

    @property
    def notice(self) -> str | None:
        """A sentence for the user when the archive could not be kept where it should be
        (an index rebuilt, or moved to memory); ``None`` when all is well."""
        ...

    def refresh(self, progress: Progress | None = None, *, rebuild: bool = False) -> RefreshStats:
        """Read what changed; ``progress(done, total)`` as it goes. ``rebuild`` starts over."""
        ...


class Searching(Protocol):
    """Full-text search in the query language of :mod:`tui.query`; safe from a worker."""

    def search(
        self,
        query: str,
        *,
        limit: int | None = 50,
        order: Order = "newest",
        should_stop: StopCheck | None = None,
    ) -> Sequence[SearchHit]:
        """The first ``limit`` hits (every hit when ``limit`` is None). Raises
        :class:`tui.query.QueryError` when malformed, :class:`SearchCancelled` once
        ``should_stop()`` is true."""
        ...

    def hits_per_month(
        self, query: str, should_stop: StopCheck | None = None
    ) -> Sequence[tuple[str, int]]:
        """``[("2017-10", 12), ...]`` oldest first, months without hits included as 0."""
        ...


@dataclass(frozen=True, slots=True)
class WatchedHit:
    """A hit of a saved search, whole: ``text`` is the full remark, question or answer.

    ``key`` is the hit's key (see :class:`WatchScan`); ``person`` and ``role`` are as in
    :class:`SearchHit`.
    """

    key: bytes
    briefing_id: str
    title: str
    date: dt.date
    ref: str
    kind: str
    person: str | None
    role: str | None
    text: str


@dataclass(frozen=True, slots=True)
class WatchScan:
    """Every hit of a query, as keys, and the hits whose key was not seen before.

    A key is 8 bytes digested from the hit's reference and text: the same while the
    remark, question or answer says the same, whatever happens to the index's rows (a
    re-indexed or rebuilt index), and different once it is edited or renumbered.
    ``new`` is newest first and holds at most the ``limit`` asked for; ``new_count``
    counts them all.
    """

    keys: frozenset[bytes]
    new: tuple[WatchedHit, ...]
    new_count: int


class Watching(Protocol):
    """What saved searches need of an archive: its identity and every hit of a query."""

    @property
    def archive(self) -> str:
        """What the archive is known by where saved searches keep what was seen (its
        resolved root folder)."""
        ...

    def watch(
        self,
        query: str,
        seen: Container[bytes],
        *,
        limit: int = 100,
        should_stop: StopCheck | None = None,
    ) -> WatchScan:
        """Every hit of ``query`` as keys, and those not in ``seen``. Raises
        :class:`tui.query.QueryError` when malformed, :class:`SearchCancelled` as
        :meth:`Searching.search` does."""
        ...


class Library(Reading, Refreshing, Searching, Watching, Protocol):
    """An archive the reader can read, refresh, search and watch: what the main screen runs on."""
