"""Turning one composed YAML document into a :class:`~tui.model.Briefing`.

This is the format (``../shared/transcript-format.md``, described in ``docs/format.md``)
as code. It keeps walking after a problem so that one pass reports everything wrong with
a file; a later check that only makes sense when an earlier part was sound (a ``by``
needs a readable ``speakers`` list) is skipped rather than reported as a cascade.

``by`` is resolved to the speaker's canonical ``name`` (aliases are for writing, not
for reading), and the speaker's ``role`` is copied onto every answer and remark, so an
answer shown outside its briefing still says who the person was that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from yaml.nodes import Node

from tui.ids import ID_PATTERN, ID_RULE
from tui.model import (
    FIDELITIES,
    SUPPORTED_FORMATS,
    Answer,
    Briefing,
    Exchange,
    Fidelity,
    Item,
    Problem,
    Question,
    Remark,
    Speaker,
    normalise_name,
)
from tui.yamlnodes import NodeReader, short, suggest

TOP_KEYS = (
    "format",
    "id",
    "title",
    "date",
    "published",
    "organizer",
    "location",
    "language",
    "source",
    "fidelity",
    "summary",
    "tags",
    "speakers",
    "remarks",
    "exchanges",
)
TOP_REQUIRED = ("title", "date", "speakers", "exchanges")
SPEAKER_KEYS = ("name", "role", "aliases")
STATEMENT_KEYS = ("by", "text")
ENTRY_KEYS = ("question", "answers", "remark")

_FIDELITY = re.compile("|".join(FIDELITIES))
LANGUAGE_PATTERN = re.compile(
    r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
)
URL_PATTERN = re.compile(r"https?://[^\s/?#]+[^\s]*")


@dataclass
class Document:
    """The outcome of reading one document: a briefing (if sound) and its problems."""

    briefing: Briefing | None
    problems: list[Problem]
    id_line: int = 1
    id_column: int = 1


@dataclass
class _Builder:
    reader: NodeReader
    briefing_id: str = ""
    known: dict[str, Speaker] = field(default_factory=dict)
    speakers_ok: bool = True
    remark_count: int = 0
    question_count: int = 0

    @property
    def problems(self) -> list[Problem]:
        return self.reader.problems

    def text(self, fields: dict[str, tuple[Node, Node]], name: str, where: str) -> str | None:
        entry = fields.get(name)
        return self.reader.expect_text(entry[1], f"{where}{name}") if entry else None

    def speaker(self, node: Node, where: str) -> Speaker | None:
        """The speaker a ``by`` names, or ``None`` after reporting who is known."""
        if not isinstance(value := self.reader.expect_text(node, where), str):
            return None
        found = self.known.get(normalise_name(value))
        if found is None and self.speakers_ok:
            guess = suggest(value, [s.name for s in self.known.values()])
            hint = f"did you mean {guess!r}? " if guess else ""
            self.reader.report(
                node,
                "unknown-speaker",
                f"{where}: unknown speaker {short(value)!r}; {hint}expected one of the speakers: "
                f"{self.known_names()} (or add {short(value)!r} to 'speakers')",
            )
        return found

    def known_names(self) -> str:
        seen: list[Speaker] = []
        for speaker in self.known.values():
            if speaker not in seen:
                seen.append(speaker)
        parts = [f"{s.name} (also {', '.join(s.aliases)})" if s.aliases else s.name for s in seen]
        return "; ".join(parts) if parts else "none listed"

    def speakers(self, node: Node) -> tuple[Speaker, ...]:
        before = len(self.problems)
        entries = self.reader.expect_sequence(node, "speakers", "speakers (name, role)")
        if entries is None:
            self.speakers_ok = False
            return ()
        if not entries:
            self.reader.report(
                node, "no-speakers", "speakers: is empty; expected at least one speaker"
            )
        result: list[Speaker] = []
        owner: dict[str, tuple[Speaker, Node]] = {}
        for number, entry in enumerate(entries, 1):
            where = f"speakers[{number}]"
            fields = self.reader.expect_mapping(entry, where, SPEAKER_KEYS, ("name",))
            if fields is None:
                continue
            name = self.text(fields, "name", f"{where}.")
            role = self.text(fields, "role", f"{where}.")
            aliases: list[tuple[str, Node]] = []
            if "aliases" in fields:
                items = self.reader.expect_sequence(
                    fields["aliases"][1], f"{where}.aliases", "names"
                )
                for index, item in enumerate(items or (), 1):
                    alias = self.reader.expect_text(item, f"{where}.aliases[{index}]")
                    if alias is not None:
                        aliases.append((alias, item))
            if name is None:
                continue
            speaker = Speaker(name, role, tuple(alias for alias, _ in aliases))
            name_node = fields["name"][1]
            for spelling, at, kind in [
                (name, name_node, "name"),
                *((a, n, "alias") for a, n in aliases),
            ]:
                key = normalise_name(spelling)
                if key in owner and owner[key][0] is not speaker:
                    other, other_node = owner[key]
                    line = other_node.start_mark.line + 1
                    self.reader.report(
                        at,
                        "duplicate-speaker",
                        f"{where}.{kind}: {short(spelling)!r} is already a name or alias of "
                        f"speaker {other.name!r} (line {line}); expected each name to mean "
                        "one speaker",
                    )
                elif key not in owner:
                    owner[key] = (speaker, at)
            result.append(speaker)
        self.known = {key: speaker for key, (speaker, _) in owner.items()}
        self.speakers_ok = len(self.problems) == before
        return tuple(result)

    def statement(self, node: Node, where: str) -> tuple[Speaker, str] | None:
        """A ``{by, text}`` mapping: a remark or an answer."""
        fields = self.reader.expect_mapping(node, where, STATEMENT_KEYS, STATEMENT_KEYS)
        if fields is None:
            return None
        speaker = self.speaker(fields["by"][1], f"{where}.by") if "by" in fields else None
        text = self.text(fields, "text", f"{where}.")
        return (speaker, text) if speaker is not None and text is not None else None

    def remark(self, node: Node, where: str) -> Remark | None:
        statement = self.statement(node, where)
        if statement is None:
            return None
        speaker, text = statement
        self.remark_count += 1
        number = self.remark_count
        return Remark(f"{self.briefing_id}#r{number}", number, speaker.name, text, speaker.role)

    def exchange(self, node: Node, where: str) -> Item | None:
        fields = self.reader.expect_mapping(node, where, ENTRY_KEYS, ())
        if fields is None:
            return None
        if "remark" in fields:
            if "question" in fields or "answers" in fields:
                self.reader.report(
                    fields["remark"][0],
                    "mixed-entry",
                    f"{where}: has both 'remark' and 'question'/'answers'; expected either "
                    "a question with its answers or a remark on its own",
                )
                return None
            return self.remark(fields["remark"][1], f"{where}.remark")
        for name in ("question", "answers"):
            if name not in fields and name not in self.reader.suggested:
                alternative = " (or a 'remark')" if name == "question" else ""
                self.reader.report(
                    node, "missing-key", f"{where}: missing required field {name!r}{alternative}"
                )
        self.question_count += 1
        number = self.question_count
        ref = f"{self.briefing_id}#q{number}"
        question: Question | None = None
        if "question" in fields:
            qfields = self.reader.expect_mapping(
                fields["question"][1], f"{where}.question", STATEMENT_KEYS, ("text",)
            )
            if qfields is not None:
                asker = self.text(qfields, "by", f"{where}.question.")
                text = self.text(qfields, "text", f"{where}.question.")
                if text is not None:
                    question = Question(ref, number, text, asker)
        answers: list[Answer] = []
        if "answers" in fields:
            entries = self.reader.expect_sequence(
                fields["answers"][1], f"{where}.answers", "answers"
            )
            for index, entry in enumerate(entries or (), 1):
                statement = self.statement(entry, f"{where}.answers[{index}]")
                if statement is not None:
                    speaker, text = statement
                    answers.append(
                        Answer(f"{ref}.a{index}", index, speaker.name, text, speaker.role)
                    )
        return Exchange(question, tuple(answers)) if question is not None else None


def build(root: Node, path: str, stem: str, data: bytes = b"") -> Document:
    """Read a composed document into a briefing, collecting every problem on the way."""
    reader = NodeReader(path, data)
    builder = _Builder(reader)
    fields = reader.expect_mapping(root, "top level", TOP_KEYS, TOP_REQUIRED)
    if fields is None:
        return Document(None, reader.problems)
    document = Document(None, reader.problems)

    def text(name: str) -> str | None:
        return builder.text(fields, name, "")

    def checked(name: str, pattern: re.Pattern[str], expected: str) -> str | None:
        value = text(name)
        if value is not None and not pattern.fullmatch(value):
            reader.report(
                fields[name][1],
                f"bad-{name}",
                f"{name}: {short(value)!r} is not valid; expected {expected}",
            )
            return None
        return value

    if (version := text("format")) is not None and version not in SUPPORTED_FORMATS:
        reader.report(
            fields["format"][1],
            "bad-format",
            f"format: {short(version)!r} is not a format this version understands; expected "
            f"{' or '.join(SUPPORTED_FORMATS)}",
        )
    if "id" in fields:
        mark = fields["id"][1].start_mark
        document.id_line, document.id_column = mark.line + 1, mark.column + 1
        briefing_id = checked("id", ID_PATTERN, ID_RULE)
    elif ID_PATTERN.fullmatch(stem):
        briefing_id = stem
    else:
        briefing_id = None
        reader.problems.append(
            Problem(
                path,
                1,
                1,
                "bad-id",
                f"the file name {short(stem)!r} cannot serve as the id (ASCII letters, "
                "digits, '-', '_' and '.' only); expected an 'id:' field or a file name "
                "made of those",
            )
        )
    builder.briefing_id = briefing_id or stem
    title = text("title")
    date = reader.expect_date(fields["date"][1], "date") if "date" in fields else None
    published = (
        reader.expect_date(fields["published"][1], "published") if "published" in fields else None
    )
    if date is not None and published is not None and published < date:
        reader.report(
            fields["published"][1],
            "published-before-date",
            f"published: {published} is before the briefing was held ({date}); expected "
            "the day the transcript was published",
            "warning",
        )
    organizer, location, summary = text("organizer"), text("location"), text("summary")
    fidelity = checked("fidelity", _FIDELITY, " or ".join(repr(f) for f in FIDELITIES))
    language = checked("language", LANGUAGE_PATTERN, "a BCP 47 language tag such as en or zh-Hans")
    source = checked("source", URL_PATTERN, "an http:// or https:// URL")
    tags: list[str] = []
    if "tags" in fields:
        for index, node in enumerate(
            reader.expect_sequence(fields["tags"][1], "tags", "topics") or (), 1
        ):
            if (tag := reader.expect_text(node, f"tags[{index}]")) is not None:
                tags.append(tag)
    speakers = builder.speakers(fields["speakers"][1]) if "speakers" in fields else ()
    if "speakers" not in fields:
        builder.speakers_ok = False
    remarks: list[Remark] = []
    if "remarks" in fields:
        entries = reader.expect_sequence(fields["remarks"][1], "remarks", "remarks (by, text)")
        for index, node in enumerate(entries or (), 1):
            if (remark := builder.remark(node, f"remarks[{index}]")) is not None:
                remarks.append(remark)
    items: list[Item] = []
    if "exchanges" in fields:
        entries = reader.expect_sequence(
            fields["exchanges"][1], "exchanges", "exchanges (question and answers, or remark)"
        )
        for index, node in enumerate(entries or (), 1):
            if (item := builder.exchange(node, f"exchanges[{index}]")) is not None:
                items.append(item)
    if any(p.severity == "error" for p in reader.problems):
        return document
    assert title is not None and date is not None and briefing_id is not None
    document.briefing = Briefing(
        id=briefing_id,
        title=title,
        date=date,
        speakers=speakers,
        items=tuple(items),
        remarks=tuple(remarks),
        published=published,
        organizer=organizer,
        location=location,
        language=language,
        source=source,
        fidelity=cast(Fidelity | None, fidelity),
        summary=summary,
        tags=tuple(tags),
    )
    return document
