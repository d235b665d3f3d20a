"""A whole briefing as JSON: the model as data, with keys that stay the same.

``briefing export ID --format json`` writes this, and :func:`briefing_from_data` reads it
back into the very :class:`~tui.model.Briefing` it came from, so a script can take a
briefing out, work on it and hand it to anything that speaks the model. The keys follow
the transcript format (``docs/format.md``) where the format has a name for the thing, and
add what the model computes: every remark, question and answer carries its ``reference``
and ``number``, answers and remarks the ``role`` the speaker held, questions the ``asker``
label. The keys are listed in ``docs/export.md``; ``format`` names this layout's version
(``briefing-document/1``) and changes only when a key changes meaning or goes away.

The text is kept exactly: JSON escapes control characters itself, so nothing is replaced.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, cast

from tui.model import (
    FIDELITIES,
    Answer,
    Briefing,
    Exchange,
    Fidelity,
    Item,
    Question,
    Remark,
    Speaker,
)
from tui.quote import fidelity_wording

DOCUMENT_FORMAT = "briefing-document/1"
"""The value of the ``format`` key: the version of this layout."""


def _statement(element: Remark | Answer) -> dict[str, object]:
    return {
        "reference": element.ref,
        "number": element.number,
        "by": element.by,
        "role": element.role,
        "text": element.text,
    }


def _question(question: Question) -> dict[str, object]:
    return {
        "reference": question.ref,
        "number": question.number,
        "by": question.by,
        "asker": question.asker,
        "text": question.text,
    }


def _item(item: Item) -> dict[str, object]:
    if isinstance(item, Remark):
        return {"remark": _statement(item)}
    return {"question": _question(item.question), "answers": [_statement(a) for a in item.answers]}


def briefing_to_data(briefing: Briefing) -> dict[str, object]:
    """The briefing as JSON-ready data (see the module docstring for the keys)."""
    return {
        "format": DOCUMENT_FORMAT,
        "id": briefing.id,
        "title": briefing.title,
        "date": briefing.date.isoformat(),
        "published": briefing.published.isoformat() if briefing.published else None,
        "organizer": briefing.organizer,
        "location": briefing.location,
        "language": briefing.language,
        "source": briefing.source,
        "fidelity": briefing.fidelity,
        "fidelity_note": fidelity_wording(briefing.fidelity),
        "summary": briefing.summary,
        "tags": list(briefing.tags),
        "speakers": [
            {"name": s.name, "role": s.role, "aliases": list(s.aliases)} for s in briefing.speakers
        ],
        "remarks": [_statement(remark) for remark in briefing.remarks],
        "exchanges": [_item(item) for item in briefing.items],
    }


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing_to_data(briefing), ensure_ascii=False, indent=2) + "\n"


# --- reading it back -------------------------------------------------------------------


class DocumentError(ValueError):
    """The data is not a briefing document of a layout this version reads."""


def _text(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise DocumentError(f"'{key}' must be a string, not {type(value).__name__}")
    return value


def _optional(raw: dict[str, Any], key: str) -> str | None:
    return None if raw.get(key) is None else _text(raw, key)


def _number(raw: dict[str, Any]) -> int:
    value = raw.get("number")
    if not isinstance(value, int) or isinstance(value, bool):
        raise DocumentError(f"'number' must be an integer, not {type(value).__name__}")
    return value


def _date(raw: dict[str, Any], key: str) -> dt.date:
    try:
        return dt.date.fromisoformat(_text(raw, key))
    except ValueError as error:
        raise DocumentError(f"'{key}' must be a date YYYY-MM-DD: {error}") from error


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DocumentError(f"{what} must be an object, not {type(value).__name__}")
    return value


def _list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise DocumentError(f"'{key}' must be a list, not {type(value).__name__}")
    return value


def _remark(raw: Any) -> Remark:
    raw = _object(raw, "a remark")
    return Remark(
        _text(raw, "reference"),
        _number(raw),
        _text(raw, "by"),
        _text(raw, "text"),
        _optional(raw, "role"),
    )


def _answer(raw: Any) -> Answer:
    raw = _object(raw, "an answer")
    return Answer(
        _text(raw, "reference"),
        _number(raw),
        _text(raw, "by"),
        _text(raw, "text"),
        _optional(raw, "role"),
    )


def _read_item(raw: Any) -> Item:
    raw = _object(raw, "an exchange")
    if "remark" in raw:
        return _remark(raw["remark"])
    question = _object(raw.get("question"), "'question'")
    return Exchange(
        Question(
            _text(question, "reference"),
            _number(question),
            _text(question, "text"),
            _optional(question, "by"),
        ),
        tuple(_answer(answer) for answer in _list(raw, "answers")),
    )


def _fidelity(raw: dict[str, Any]) -> Fidelity | None:
    value = raw.get("fidelity")
    if value is None:
        return None
    if value in FIDELITIES:
        return cast(Fidelity, value)
    raise DocumentError(f"'fidelity' must be one of {', '.join(FIDELITIES)}, not {value!r}")


def _speaker(raw: Any) -> Speaker:
    raw = _object(raw, "a speaker")
    aliases = _list(raw, "aliases")
    if not all(isinstance(alias, str) for alias in aliases):
        raise DocumentError("'aliases' must be a list of strings")
    return Speaker(_text(raw, "name"), _optional(raw, "role"), tuple(aliases))


def briefing_from_data(raw: Any) -> Briefing:
    """The :class:`Briefing` that :func:`briefing_to_data` made ``raw`` from.

    Raises :class:`DocumentError` naming the first key that is missing or of the wrong
    kind, or a ``format`` this version does not read.
    """
    raw = _object(raw, "a briefing document")
    if raw.get("format") != DOCUMENT_FORMAT:
        raise DocumentError(f"'format' must be {DOCUMENT_FORMAT!r}, not {raw.get('format')!r}")
    tags = _list(raw, "tags")
    if not all(isinstance(tag, str) for tag in tags):
        raise DocumentError("'tags' must be a list of strings")
    published = raw.get("published")
    return Briefing(
        id=_text(raw, "id"),
        title=_text(raw, "title"),
        date=_date(raw, "date"),
        speakers=tuple(_speaker(s) for s in _list(raw, "speakers")),
        items=tuple(_read_item(item) for item in _list(raw, "exchanges")),
        remarks=tuple(_remark(remark) for remark in _list(raw, "remarks")),
        published=None if published is None else _date(raw, "published"),
        organizer=_optional(raw, "organizer"),
        location=_optional(raw, "location"),
        language=_optional(raw, "language"),
        source=_optional(raw, "source"),
        fidelity=_fidelity(raw),
        summary=_optional(raw, "summary"),
        tags=tuple(tags),
    )


def briefing_from_json(text: str) -> Briefing:
    """:func:`briefing_from_data` of a JSON text (what ``--format json`` wrote)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentError(f"not JSON: {error}") from error
    return briefing_from_data(data)
