"""The import, stage by stage, with the checks that make its output trustworthy.

:func:`import_bytes` runs decode -> clean -> metadata -> turns -> cast -> attribute ->
embedded questions -> write, then refuses to hand back anything it cannot vouch for:

- the YAML must read back to exactly the data that was meant (:func:`write.document`);
- every word of the body must be in the output, in order: the body's words equal the
  speaker labels' words plus the words written as remarks, questions and answers (read
  back from the YAML, so the writer is checked too). Words outside the body (navigation,
  front matter, title, dates, time stamps, introduction, podium list, location) are
  counted by kind, so that ``--dry-run`` can show where every word went;
- the loader (``tui.loader``) must find no error in it.
Any failure is an :class:`ImportFailed` with a message for people; nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml

from tui import ids
from tui.importer import bilingual
from tui.importer.attribute import attribute
from tui.importer.clean import Dropped, clean, decode
from tui.importer.common import Draft, ImportFailed, Note, Part, words
from tui.importer.embedded import embedded_questions
from tui.importer.meta import read_meta
from tui.importer.opening import open_with_announcements
from tui.importer.speakers import Hint, cast
from tui.importer.turns import split_turns
from tui.importer.write import document, render


@dataclass(frozen=True, slots=True)
class Options:
    hints: tuple[Hint, ...] = ()
    split_embedded: bool = False
    id: str | None = None
    date: dt.date | None = None
    front: dict[str, str] = field(default_factory=dict)
    """Metadata found outside the text (an HTML page's title, published date and URL),
    read as the text's own front matter is; the text's front matter wins."""


@dataclass(frozen=True, slots=True)
class Accounting:
    """Where the words of the input went."""

    body: int
    labels: int
    written: int
    dropped: dict[str, int] = field(default_factory=dict)
    lines: tuple[Dropped, ...] = field(default=(), compare=False)
    """Every line left out, with its kind, in source order (``--dry-run`` lists them);
    not compared, since the same words can stand on other lines in another format."""


@dataclass(frozen=True, slots=True)
class Imported:
    id: str
    text: str
    notes: tuple[Note, ...]
    accounting: Accounting
    speakers: int
    remarks: int
    exchanges: int


_READ_BACK = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
"""libyaml's loader when there is one: reading the output back was half the import's time."""
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def slug(text: str) -> str:
    """A part of a derived id: :func:`tui.ids.slug`, longer, and empty when nothing
    ASCII is left (so the next source of a name is tried)."""
    return ids.slug(text, limit=60, fallback=None)


def derive_id(name: str, date: dt.date, title: str | None) -> str:
    """``<date held>-<organisation>-<slug>`` from a file name like
    ``shanghai-2017-10-11-belt-and-road.txt``; the date moves to the front."""
    stem = PurePath(name).stem if name not in ("", "-") else ""
    m = _ISO.search(stem)
    if m:
        parts = [m.group(0), slug(stem[: m.start()]), slug(stem[m.end() :])]
        return "-".join(p for p in parts if p)
    rest = slug(stem) or slug(title or "") or "briefing"
    return f"{date.isoformat()}-{rest}"


_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _cjk_share(text: str) -> float:
    """The share of the letters that are Chinese characters (counted by the regex engine:
    a loop over every character in Python was a sixth of an import's time)."""
    letters = len(_LETTER.findall(text))
    return len(_CJK.findall(text)) / letters if letters else 0.0


def import_text(text: str, name: str, options: Options = Options()) -> Imported:
    return _run(text, [], name, options)


def import_bytes(data: bytes, name: str, options: Options = Options()) -> Imported:
    text, notes = decode(data)
    return _run(text, notes, name, options)


def _run(text: str, notes: list[Note], name: str, options: Options) -> Imported:
    cleaned = clean(text)
    notes = notes + cleaned.notes
    front = {**options.front, **cleaned.front}
    meta, header_dropped, meta_notes = read_meta(front, cleaned.header, cleaned.every)
    notes += meta_notes
    dropped = dict(cleaned.dropped)
    for kind, count in header_dropped.items():
        dropped[kind] = dropped.get(kind, 0) + count
    turns, twins = bilingual.pair_translations(split_turns(cleaned.body, cleaned.labels))
    notes += open_with_announcements(turns, cleaned, meta, dropped, header_dropped.lines)
    context = f"{meta.title or ''}\n{meta.summary or ''}"
    people = cast(
        [(t.label, t.line) for t in turns],
        meta.podium,
        list(options.hints),
        context,
        ["\n\n".join(p.text for p in t.paras) for t in turns],
        [text for _, text in cleaned.header if text],
    )
    notes += people.notes
    bilingual.alias_twins(people.speakers, twins)
    remarks, items, attributed = attribute(turns, people.roles, people.speakers)
    notes += attributed
    notes += embedded_questions(items, options.split_embedded)
    used = {p.by for p in [*remarks, *(a for i in items for a in i.answers)]}
    used |= {i.remark.by for i in items if i.remark is not None}
    speakers = [s for s in people.speakers if s.name in used or s in meta.podium]
    if not any(s.name in used for s in speakers):
        raise ImportFailed(
            "no one answers: every turn is a question; name who answers with "
            "--speaker 'LABEL=Name, role'"
        )
    if meta.date is None:
        meta.date = options.date or dt.date.today()
        why = "no date found in the record"
        meta.checks.append(f"{why}; {meta.date.isoformat()} was written, correct it")
        notes.append(Note(None, f"{why}: {meta.date.isoformat()} written (use --date)"))
    elif options.date is not None:
        meta.date = options.date
    if not meta.title:
        meta.title = PurePath(name).stem if name not in ("", "-") else "Untitled briefing"
        meta.checks.append("no title found in the record; the file name was written")
        notes.append(Note(None, "no title found: the file name is used as the title"))
    if _cjk_share(" ".join(p.text for p in cleaned.body)) > 0.3:
        meta.language = "zh"
    draft = Draft(meta, speakers, remarks, items)
    ident = options.id or derive_id(name, meta.date, meta.title)
    if not ids.NEW_ID_PATTERN.fullmatch(ident):
        raise ImportFailed(f"id {ident!r}: use only letters, digits, '-', '_' and '.'")
    source = "standard input" if name in ("", "-") else PurePath(name).name
    origin = [f"Imported with `briefing import` from {source}."]
    if meta.source:
        origin.append(f"Source: {meta.source}")
    if any("# check:" in line for line in render(draft, []).splitlines()):
        origin.append("Read each '# check:' comment against the record, then delete it.")
    rendered = render(draft, origin)
    loaded = yaml.load(rendered, Loader=_READ_BACK)
    if loaded != document(draft):
        raise ImportFailed("the transcript did not read back as it was built (importer bug)")
    written = account(cleaned.body, draft.parts(), loaded)
    _validate(rendered, ident)
    inner = sum(len(words(q.label)) for p in draft.parts() for q in p.paras)
    labels = sum(len(words(p.label)) + len(words(p.tail)) for p in draft.parts())
    result = Imported(
        id=ident,
        text=rendered,
        notes=tuple(sorted(notes, key=lambda n: n.line or 0)),
        accounting=Accounting(len(cleaned.body_words), labels + inner, written, dropped),
        speakers=len(speakers),
        remarks=len(remarks) + sum(1 for i in items if i.remark is not None),
        exchanges=sum(1 for i in items if i.question is not None),
    )
    listed = sorted([*cleaned.dropped_lines, *header_dropped.lines], key=lambda d: d.line)
    return dataclasses.replace(
        result, accounting=dataclasses.replace(result.accounting, lines=tuple(listed))
    )


def _texts(loaded: dict[str, Any]) -> list[str]:
    out = [r["text"] for r in loaded.get("remarks", [])]
    for item in loaded["exchanges"]:
        if "remark" in item:
            out.append(item["remark"]["text"])
        else:
            out.append(item["question"]["text"])
            out.extend(a["text"] for a in item["answers"])
    return out


def account(body: list[Any], parts: list[Part], loaded: dict[str, Any]) -> int:
    """Check that the written texts hold every word of the body, in order.

    Returns the number of words written; raises :class:`ImportFailed` naming the first
    word (and its source line) that was lost, changed or moved.
    """
    expected: list[tuple[str, int]] = [(w, p.line) for p in body for w in words(p.text)]
    texts = _texts(loaded)
    if len(texts) != len(parts):
        raise ImportFailed("the transcript's texts do not match its turns (importer bug)")
    actual: list[str] = []
    written = 0
    for part, text in zip(parts, texts, strict=True):
        found = words(text)
        written += len(found)
        if found != [w for p in part.paras for w in words(p.text)]:
            raise ImportFailed("a text was not written as its paragraphs (importer bug)", part.line)
        inner = [w for p in part.paras for w in words(p.label) + words(p.text)]
        actual += words(part.label) + inner + words(part.tail)
    for index, (word, line) in enumerate(expected):
        if index >= len(actual) or actual[index] != word:
            raise ImportFailed(f"word {index + 1} ({word!r}) of the body was lost or moved", line)
    if len(actual) != len(expected):
        raise ImportFailed(f"{len(actual) - len(expected)} words were added to the body")
    return written


def _validate(rendered: str, ident: str) -> None:
    from tui.loader import load_bytes

    _, problems = load_bytes(rendered.encode("utf-8"), f"{ident}.yaml")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        listed = "; ".join(f"line {p.line}: {p.message}" for p in errors[:5])
        raise ImportFailed(f"the transcript would not load ({listed}) (importer bug)")
