"""Speaker labels at the start of a paragraph, in the conventions real transcripts use.

A label is recognised only at the start of a paragraph (or of a line, for records that
print one turn per line) and only in a shape that prose rarely takes. The shapes are the
families of :mod:`tui.importer.conventions` (generic ``Q``/``A`` labels, upper-case
names, title-case names and outlets, Chinese labels), tried in the registry's order;
this module gives the stages one entry point, :func:`match_label`, and finds the labels
a record prints in a reliable form (:func:`colon_labels`), which make the ambiguous forms
count elsewhere in the same record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tui.importer.conventions import REGISTRY
from tui.importer.conventions.base import LabelKind
from tui.importer.conventions.generic import ANSWER_WORDS, ASKER_WORDS
from tui.importer.conventions.mixed import ROLE_WORDS
from tui.importer.conventions.upper import HONORIFICS, UPPER_NAME

__all__ = [
    "ANSWER_WORDS",
    "HONORIFICS",
    "QUESTION_WORDS",
    "ROLE_WORDS",
    "Label",
    "LabelKind",
    "colon_labels",
    "match_label",
]

QUESTION_WORDS = ASKER_WORDS


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a text.

    ``raw`` is the label as printed, separator included (``MS. PSAKI:``), so that the
    word accounting can add its words back; ``name`` is the label without separator or
    note; ``note`` is a parenthesised remark printed with it (``retranslated``);
    ``family`` names the convention it was read by.
    """

    raw: str
    name: str
    kind: LabelKind
    rest: str
    note: str | None = None
    family: str = ""


def match_label(text: str, known: Iterable[str] = ()) -> Label | None:
    """The label at the start of ``text``, or ``None`` when the text starts with prose.

    ``known`` holds label names (compared case-insensitively) seen elsewhere in the
    record in a reliable form; they are recognised here in their other printed forms too.
    """
    keys = frozenset(k.casefold() for k in known)
    for convention in REGISTRY:
        m = convention.pattern.match(text)
        if m is None:
            continue
        name = " ".join(m.group("name").split())
        if not name or not convention.accept(name, keys):
            continue
        kind = convention.kind or _kind(name)
        note = m.groupdict().get("note")
        return Label(
            raw=text[: m.end()].rstrip(),
            name=name,
            kind=kind,
            rest=text[m.end() :].strip(),
            note=note.strip() if note else None,
            family=convention.family,
        )
    return None


_NUMBERED = re.compile(r"(?P<base>.+?)[ \t]*(?:#?\d{1,3}|[A-Z])")
"""``Reporter 2``, ``Journalist B``, ``Q1``: one of several people of the same kind."""


def _kind(name: str) -> LabelKind:
    key = name.strip().casefold()
    numbered = _NUMBERED.fullmatch(name.strip())
    if numbered and numbered.group("base").casefold() in ASKER_WORDS - {"a"}:
        return "question"
    if key in ASKER_WORDS or key.endswith("记者"):
        return "question"
    if key in ANSWER_WORDS:
        return "answer"
    return "name"


_UPPER_COLON = re.compile(
    rf"({UPPER_NAME})[ \t]*(?:[(（][^()（）]{{1,30}}[)）][ \t]*)?[:：](?=\s|$)"
)
_UPPER_STOP = re.compile(rf"({UPPER_NAME})\.(?:[ \t]+\S|$)")
_SINGLE = re.compile(r"([A-Z][\w’'\-]+)[ \t]*:(?=\s|$)")
_NOT_LABEL_WORDS = """finally however first second third fourth fifth next last note notes
    example update
    correction today yesterday tomorrow also additionally background context summary subject
    date time location source photo video watch read listen related topics tags editor
    transcript remarks statement announcement notice warning result results conclusion
    meanwhile moreover furthermore therefore thus still yes no well so now then here there
    why what how when where who which this that these those it he she they we you i
    again anyway actually basically look sorry okay ok please quote unquote"""
_NOT_LABELS = frozenset(_NOT_LABEL_WORDS.split())
STOP_LABEL_REPEATS = 2
"""An upper-case name followed by a full stop at the start of this many lines is a label."""


def colon_labels(lines: Iterable[str]) -> set[str]:
    """Label names printed in a reliable form somewhere in the record.

    Upper-case names with a colon always count. Where the record labels turns with
    upper-case names and a full stop (``CHAIR POWELL.``), such a name counts once the
    convention shows: one of them starts with a title or role word, or a name starts
    :data:`STOP_LABEL_REPEATS` lines; then every name of two words or more printed that
    way counts (a journalist who asks once, ``CLAIRE JONES.``). Where the record labels
    turns with title-case names of several words (``Tang Zhiping:``), one-word outlets in
    the same form count too (``Bloomberg:``, ``Xinhua:``), unless the word is one that
    starts prose (``Finally:``, ``Note:``).
    """
    found: set[str] = set()
    singles: set[str] = set()
    stops: dict[str, int] = {}
    mixed = False
    for line in lines:
        text = line.strip()
        m = _UPPER_COLON.match(text)
        if m and sum(ch.isalpha() for ch in m.group(1)) >= 2:
            found.add(" ".join(m.group(1).split()))
            continue
        stop = _UPPER_STOP.match(text)
        if stop and len(stop.group(1).split()) >= 2:
            name = " ".join(stop.group(1).split())
            stops[name] = stops.get(name, 0) + 1
        label = match_label(text)
        if label is not None and label.kind == "name" and len(label.name.split()) > 1:
            mixed = mixed or label.name.upper() != label.name
        single = _SINGLE.match(text)
        if single and single.group(1).casefold() not in _NOT_LABELS:
            singles.add(single.group(1))
    convention = any(
        n.split()[0] in HONORIFICS or count >= STOP_LABEL_REPEATS for n, count in stops.items()
    )
    if convention:
        found |= set(stops)
    return found | singles if mixed else found
