"""Last stage: the draft as YAML for people.

The file is written by hand rather than by ``yaml.dump`` because it is meant to be read
and corrected: fields in the format's order, a blank line between sections, long or
multi-paragraph text as literal block scalars (``|-``) so that paragraphs look like
paragraphs, UTF-8 characters as they are, and a ``# check:`` comment just above each
item the importer is unsure of. Any text a literal block cannot hold exactly (tabs,
trailing spaces, control characters) falls back to a double-quoted scalar, and
:func:`document` gives the data the text must load back to, which the pipeline checks.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from tui.importer.common import Draft, DraftSpeaker, Part
from tui.model import FORMAT_VERSION

BLOCK_AFTER = 80
"""Texts longer than this (or with several paragraphs) are written as block scalars."""


def _literal_ok(text: str) -> bool:
    if not text or text[0].isspace() or text[-1].isspace():
        return False
    return all(
        line == line.rstrip() and (line == "" or line.isprintable()) for line in text.split("\n")
    )


def scalar(value: str, indent: int, block: bool = False) -> str:
    """``value`` as it follows ``key: `` at ``indent`` spaces.

    ``block`` asks for a literal block when the text is long; a text with line breaks
    is always one (when a literal block can hold it exactly).
    """
    long = block and len(value) > BLOCK_AFTER
    if (long or "\n" in value) and _literal_ok(value):
        pad = " " * (indent + 2)
        lines = [pad + line if line else "" for line in value.split("\n")]
        return "|-\n" + "\n".join(lines)
    if "\n" not in value and value.isprintable():
        dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000_000)
        dumped = dumped.removesuffix("\n...\n").rstrip("\n")
        if "\n" not in dumped:
            return dumped
    return quoted(value)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quoted(value: str) -> str:
    """A YAML double-quoted scalar: printable characters as they are, every other one
    escaped the YAML way (``\\x85``, ``\\u2028``, ``\\U000f4b69``), so that line
    separators, control and private-use characters survive the round trip."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _comment(checks: list[str], indent: int) -> list[str]:
    return [" " * indent + "# check: " + " ".join(c.split()) for c in checks]


_FLOW_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f\u3400-\u9fff][\w .’'\-]*")


def _flow(items: list[str]) -> str:
    """A flow sequence (``[Ms. Psaki, The President]``), quoting what needs it."""
    shown = []
    for item in items:
        plain = _FLOW_PLAIN.fullmatch(item) and scalar(item, 0) == item and item[-1] != " "
        shown.append(item if plain else quoted(item))
    return "[" + ", ".join(shown) + "]"


def _speaker(speaker: DraftSpeaker) -> list[str]:
    out = _comment(speaker.checks, 2)
    out.append(f"  - name: {scalar(speaker.name, 4)}")
    if speaker.role:
        out.append(f"    role: {scalar(speaker.role, 4)}")
    if speaker.aliases:
        out.append(f"    aliases: {_flow(speaker.aliases)}")
    return out


def _said(part: Part, indent: int, dash: str) -> list[str]:
    """``by`` and ``text`` of a remark or answer, the first line starting with ``dash``."""
    pad = " " * indent
    return [
        f"{pad}{dash}by: {scalar(part.by or '', indent + 2)}",
        f"{pad}{' ' * len(dash)}text: {scalar(part.text, indent + len(dash), block=True)}",
    ]


def render(draft: Draft, origin: list[str]) -> str:
    """The transcript file: ``origin`` lines become the comment at its top."""
    meta = draft.meta
    out = [f"# {line}" for line in origin]
    out.append(f"format: {FORMAT_VERSION}")
    out.append(f"title: {scalar(meta.title or '', 0)}")
    out.extend(_comment(meta.checks, 0))
    out.append(f"date: {meta.date.isoformat() if meta.date else ''}")
    if meta.published:
        out.append(f"published: {meta.published.isoformat()}")
    for key in ("organizer", "location", "language", "source", "fidelity"):
        value = getattr(meta, key)
        if value:
            out.append(f"{key}: {scalar(value, 0)}")
    if meta.summary:
        out.append(f"summary: {scalar(meta.summary, 0, block=True)}")
    out.append("")
    out.append("speakers:")
    for speaker in draft.speakers:
        out.extend(_speaker(speaker))
    if draft.remarks:
        out.append("")
        out.append("remarks:")
        for part in draft.remarks:
            out.extend(_comment(part.checks, 2))
            out.extend(_said(part, 2, "- "))
    out.append("")
    out.append("exchanges:" if draft.exchanges else "exchanges: []")
    for item in draft.exchanges:
        if item.remark is not None:
            out.extend(_comment(item.checks + item.remark.checks, 2))
            out.append("  - remark:")
            out.extend(_said(item.remark, 6, ""))
            continue
        question = item.question
        assert question is not None
        out.extend(_comment(item.checks + question.checks, 2))
        out.append("  - question:")
        if question.by:
            out.append(f"      by: {scalar(question.by, 6)}")
        out.append(f"      text: {scalar(question.text, 6, block=True)}")
        if not item.answers:
            out.append("    answers: []")
            continue
        out.append("    answers:")
        for answer in item.answers:
            out.extend(_comment(answer.checks, 6))
            out.extend(_said(answer, 6, "- "))
    return "\n".join(out) + "\n"


def document(draft: Draft) -> dict[str, Any]:
    """The data :func:`render`'s text must load back to (comments aside)."""
    meta = draft.meta
    data: dict[str, Any] = {"format": FORMAT_VERSION, "title": meta.title, "date": meta.date}
    for key in ("published", "organizer", "location", "language", "source", "fidelity", "summary"):
        value = getattr(meta, key)
        if value:
            data[key] = value
    data["speakers"] = []
    for s in draft.speakers:
        entry: dict[str, Any] = {"name": s.name}
        if s.role:
            entry["role"] = s.role
        if s.aliases:
            entry["aliases"] = list(s.aliases)
        data["speakers"].append(entry)
    if draft.remarks:
        data["remarks"] = [{"by": p.by, "text": p.text} for p in draft.remarks]
    exchanges: list[dict[str, Any]] = []
    for item in draft.exchanges:
        if item.remark is not None:
            exchanges.append({"remark": {"by": item.remark.by, "text": item.remark.text}})
            continue
        assert item.question is not None
        question: dict[str, Any] = {"text": item.question.text}
        if item.question.by:
            question = {"by": item.question.by, **question}
        answers = [{"by": a.by, "text": a.text} for a in item.answers]
        exchanges.append({"question": question, "answers": answers})
    data["exchanges"] = exchanges
    return data
