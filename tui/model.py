"""The briefing model: plain, frozen dataclasses with no I/O and no UI.

Everything above this module (loader, index, exporter, importer, reader) speaks in these
types, so they are deliberately small and immutable: a loaded briefing can be shared between
a worker thread and the UI without copying or locking.

References (``<id>#r<N>``, ``<id>#q<N>``, ``<id>#q<N>.a<M>``) are computed once, when the
model is built, and stored on each element: the reference is the stable public name of a
remark, question or answer, used by exports, search results and the command line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tui.safetext import name_key

FORMAT_VERSION = "briefing-transcript/1"
SUPPORTED_FORMATS = (FORMAT_VERSION,)
FIDELITIES = ("verbatim", "edited", "highlights")
Fidelity = Literal["verbatim", "edited", "highlights"]

normalise_name = name_key
"""Return the key two spellings of one name share (see :func:`tui.safetext.name_key`).

Every lookup (``by`` fields, the corpus speaker index, search filters) goes through this
one function so they can never disagree.
"""


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person on the podium of one briefing, with the role they held that day."""

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return normalise_name(self.name)

    def label(self) -> str:
        """``Name, role`` (or just the name): how citations and headings show a speaker."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True, slots=True)
class Remark:
    """A statement that is not an answer: opening remarks, a moderator, closing words."""

    ref: str
    number: int
    by: str
    text: str
    role: str | None = None


UNNAMED_ASKER = "unnamed journalist"
"""How a question whose asker the record does not name is labelled, everywhere."""


def in_prose(asker: str) -> str:
    """An asker label inside a sentence: "a question from an unnamed journalist"."""
    return f"an {asker}" if asker == UNNAMED_ASKER else asker


@dataclass(frozen=True, slots=True)
class Question:
    """A question, with its asker as the record gives it (``None`` when unnamed)."""

    ref: str
    number: int
    text: str
    by: str | None = None

    @property
    def asker(self) -> str:
        """Who asked, as a label: the record's ``by``, or :data:`UNNAMED_ASKER`."""
        return self.by if self.by else UNNAMED_ASKER


@dataclass(frozen=True, slots=True)
class Answer:
    """One speaker's answer to a question; ``by`` is the speaker's canonical name."""

    ref: str
    number: int
    by: str
    text: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Exchange:
    """A question and the answers given to it, in order."""

    question: Question
    answers: tuple[Answer, ...] = ()

    @property
    def number(self) -> int:
        return self.question.number

    @property
    def ref(self) -> str:
        return self.question.ref


Item = Exchange | Remark
"""An entry of a briefing's ``exchanges`` list: an exchange, or a remark between them."""


@dataclass(frozen=True, slots=True)
class Briefing:
    """One press briefing, as one transcript file describes it."""

    id: str
    title: str
    date: dt.date
    speakers: tuple[Speaker, ...]
    items: tuple[Item, ...] = ()
    remarks: tuple[Remark, ...] = ()
    published: dt.date | None = None
    organizer: str | None = None
    location: str | None = None
    language: str | None = None
    source: str | None = None
    fidelity: Fidelity | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        return tuple(item for item in self.items if isinstance(item, Exchange))

    @property
    def question_count(self) -> int:
        return sum(1 for item in self.items if isinstance(item, Exchange))

    def speaker(self, name: str) -> Speaker | None:
        """Find a speaker by name or alias, compared the way the format says."""
        key = normalise_name(name)
        for speaker in self.speakers:
            if speaker.key == key or any(normalise_name(a) == key for a in speaker.aliases):
                return speaker
        return None

    def answers(self) -> Iterator[Answer]:
        for exchange in self.exchanges:
            yield from exchange.answers

    def find(self, ref: str) -> Remark | Question | Answer | None:
        """Resolve a reference of this briefing (``id#q2.a1``) to its element."""
        for element in self.elements():
            if element.ref == ref:
                return element
        return None

    def elements(self) -> Iterator[Remark | Question | Answer]:
        """Every remark, question and answer in reading order."""
        yield from self.remarks
        for item in self.items:
            if isinstance(item, Remark):
                yield item
            else:
                yield item.question
                yield from item.answers

    def exchange_of(self, answer: Answer) -> Exchange | None:
        """The exchange an answer belongs to (to cite the question it answers)."""
        for exchange in self.exchanges:
            if answer in exchange.answers:
                return exchange
        return None


@dataclass(frozen=True, slots=True)
class Appearance:
    """A speaker's presence in one briefing: the index entry behind "narrow to a speaker"."""

    briefing_id: str
    date: dt.date
    name: str
    role: str | None
    answers: int


@dataclass(frozen=True)
class Corpus:
    """A set of briefings, newest first, with indexes of speakers and askers.

    The speaker index is keyed by :func:`normalise_name`, so "Li Jun" and "li  jun" in
    two files are the same person, and each appearance keeps the role held that day.
    """

    briefings: tuple[Briefing, ...]
    by_id: dict[str, Briefing] = field(default_factory=dict, repr=False)
    speakers: dict[str, tuple[Appearance, ...]] = field(default_factory=dict, repr=False)
    askers: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, briefings: Sequence[Briefing]) -> Corpus:
        ordered = tuple(sorted(briefings, key=lambda b: (b.date, b.id), reverse=True))
        by_id: dict[str, Briefing] = {}
        speakers: dict[str, list[Appearance]] = {}
        askers: dict[str, list[int | str]] = {}
        for briefing in ordered:
            by_id.setdefault(briefing.id, briefing)
            counts: dict[str, int] = {}
            for answer in briefing.answers():
                key = normalise_name(answer.by)
                counts[key] = counts.get(key, 0) + 1
            for speaker in briefing.speakers:
                speakers.setdefault(speaker.key, []).append(
                    Appearance(
                        briefing.id,
                        briefing.date,
                        speaker.name,
                        speaker.role,
                        counts.get(speaker.key, 0),
                    )
                )
            for exchange in briefing.exchanges:
                if exchange.question.by:
                    key = normalise_name(exchange.question.by)
                    entry = askers.setdefault(key, [exchange.question.by, 0])
                    entry[1] = int(entry[1]) + 1
        return cls(
            briefings=ordered,
            by_id=by_id,
            speakers={k: tuple(v) for k, v in speakers.items()},
            askers={k: (str(v[0]), int(v[1])) for k, v in askers.items()},
        )

    def __len__(self) -> int:
        return len(self.briefings)

    def get(self, briefing_id: str) -> Briefing | None:
        return self.by_id.get(briefing_id)

    def resolve(self, ref: str) -> tuple[Briefing, Remark | Question | Answer] | None:
        """Resolve a full reference (``id#q2.a1``) across the corpus."""
        briefing_id, sep, _ = ref.partition("#")
        briefing = self.by_id.get(briefing_id)
        if briefing is None or not sep:
            return None
        element = briefing.find(ref)
        return (briefing, element) if element is not None else None


Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a file, located as precisely as the input allows.

    ``line`` and ``column`` count from 1; they are ``None`` only when the problem is
    about the file as a whole (it cannot be read, it is not UTF-8 before any line ...).
    ``code`` is a short, stable identifier (``unknown-key``, ``bad-date``) for tests and
    ``--json`` consumers; ``message`` is for people and says what was expected.
    """

    path: str
    line: int | None
    column: int | None
    code: str
    message: str
    severity: Severity = "error"

    def location(self) -> str:
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.location()}: {prefix}{self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Problem:
        """The inverse of :meth:`to_json`; a missing code or severity gets the default."""
        return cls(
            path=str(raw["path"]),
            line=raw.get("line"),
            column=raw.get("column"),
            code=str(raw.get("code", "problem")),
            message=str(raw["message"]),
            severity="warning" if raw.get("severity") == "warning" else "error",
        )


def problems_to_json(problems: Sequence[Problem]) -> str:
    """Problems as one JSON text (the index stores them per file)."""
    return json.dumps([p.to_json() for p in problems], ensure_ascii=False)


def problems_from_json(text: str) -> list[Problem]:
    return [Problem.from_json(raw) for raw in json.loads(text)]
