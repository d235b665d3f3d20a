"""A parsed briefing as the rows the index stores, built where it was parsed.

A cold build is limited by the one process that writes SQLite; building rows there
(names normalised, every paragraph's search form computed) took over a third of its time.
The helper processes that parse (:mod:`tui.index.parse_helper`) now build the rows too
and send them ready to insert, so the writer only numbers them and hands them to SQLite.

Row ids depend on what the index already holds (see :mod:`tui.index.schema`), so the
rows carry their order inside the briefing and the writer adds the base.
"""

from __future__ import annotations

import hashlib
import json

from tui.index.schema import fts_values
from tui.model import Answer, Briefing, Question, Remark, normalise_name

KEY_SIZE = 8


def hit_key(ref: str, text: str) -> bytes:
    """The key of the remark, question or answer at ``ref`` that says ``text``.

    Saved searches tell new hits from seen ones by it (:mod:`tui.index.hit_keys`). It is
    stored with each element, computed here where the rows are built (in the parsing
    helpers, on every core), because computing it per hit at each look cost ~5-8 µs a
    hit: most of a look at a common word.
    """
    data = f"{ref}\0{text}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=KEY_SIZE).digest()


class Prepared:
    """Everything :func:`tui.index.refresh.insert_briefing` writes for one briefing."""

    __slots__ = ("askers", "briefing", "day", "elements", "fts", "id", "speakers")

    def __init__(self, briefing: Briefing) -> None:
        self.id = briefing.id
        self.day = briefing.date.toordinal()
        date = briefing.date.isoformat()
        self.briefing = (
            briefing.title,
            date,
            briefing.question_count,
            briefing.organizer,
            briefing.location,
            briefing.fidelity,
            briefing.language,
            json.dumps(list(briefing.tags), ensure_ascii=False),
            briefing.source,
        )
        answers: dict[str, int] = {}
        for answer in briefing.answers():
            key = normalise_name(answer.by)
            answers[key] = answers.get(key, 0) + 1
        self.speakers = [(s.key, s.name, s.role, answers.get(s.key, 0)) for s in briefing.speakers]
        askers: dict[str, list[object]] = {}
        for exchange in briefing.exchanges:
            if exchange.question.by:
                entry = askers.setdefault(
                    normalise_name(exchange.question.by), [exchange.question.by, 0]
                )
                entry[1] = int(str(entry[1])) + 1
        self.askers = [(key, str(name), int(str(n))) for key, (name, n) in askers.items()]
        self.elements: list[tuple[object, ...]] = []
        self.fts: list[tuple[str, str, str]] = []
        asker: str | None = None
        qnum: int | None = None
        for order, element in enumerate(briefing.elements()):
            by: str | None
            if isinstance(element, Question):
                kind, by, role = "question", element.by, None
                asker, qnum = element.by, element.number
            elif isinstance(element, Answer):
                kind, by, role = "answer", element.by, element.role
            else:
                assert isinstance(element, Remark)
                kind, by, role, asker, qnum = "remark", element.by, element.role, None, None
            by_key = normalise_name(by) if by else None
            self.elements.append(
                (
                    briefing.id,
                    element.ref,
                    kind,
                    order,
                    qnum,
                    element.number,
                    by,
                    by_key,
                    role,
                    asker,
                    element.text,
                    date,
                    hit_key(element.ref, element.text),
                )
            )
            self.fts.append(fts_values(kind, element.text, by_key, asker))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Prepared):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            setattr(self, name, value)
