"""Shared vocabulary of the import stages: notes, the refusal, and the draft transcript.

The stages pass plain data to each other (paragraphs with their source line, turns,
a draft transcript) so that each stage can be tested on its own with small inputs. The
draft is not :class:`tui.model.Briefing`: it has no references yet, keeps the source
line of every paragraph (for warnings) and carries the ``# check:`` comments that the
writer puts next to each uncertain item.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


class ImportFailed(Exception):
    """The input cannot be imported; the message says why, for people, with no traceback.

    ``line`` is the source line when the problem has one (``None`` for the file as a
    whole). The command prints ``path[:line]: error: message`` and exits with status 1.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Note:
    """Something the importer is unsure of, reported as ``file:line: warning: ...``."""

    line: int | None
    message: str

    def render(self, path: str) -> str:
        where = path if self.line is None else f"{path}:{self.line}"
        return f"{where}: warning: {self.message}"


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of the record: its first source line and its unwrapped text."""

    line: int
    text: str
    label: str = ""
    """A label printed just before this paragraph inside its turn: the second label of
    a bilingual turn (``Wang Wenbin:`` after ``汪文斌：`` and its Chinese text)."""


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text, as the no-word-lost check counts them.

    A word is a run of letters, digits or underscores, so punctuation, labels glued to
    their text (``汪文斌：今天``) and line wrapping cannot make two equal texts differ.
    """
    return _WORD.findall(text)


@dataclass(slots=True)
class Part:
    """A remark, question or answer being built: who, the paragraphs, and any checks.

    ``label`` is the speaker label exactly as the record printed it (``MS. PSAKI:``), or
    empty when the text had none; ``tail`` holds labels printed after it with no text of
    their own. The word accounting adds the words of both back.
    """

    by: str | None
    paras: list[Para]
    label: str = ""
    checks: list[str] = field(default_factory=list)
    tail: str = ""

    @property
    def line(self) -> int:
        return self.paras[0].line if self.paras else 0

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paras if p.text)


@dataclass(slots=True)
class DraftExchange:
    """A question with its answers, or (``remark`` set) a statement between exchanges."""

    question: Part | None = None
    answers: list[Part] = field(default_factory=list)
    remark: Part | None = None
    checks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DraftSpeaker:
    name: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    moderator: bool = False


@dataclass(slots=True)
class Meta:
    """What the record says about the briefing itself (all optional until checked)."""

    title: str | None = None
    title_line: int | None = None
    date: dt.date | None = None
    published: dt.date | None = None
    organizer: str | None = None
    location: str | None = None
    language: str = "en"
    source: str | None = None
    fidelity: str | None = None
    summary: str | None = None
    podium: list[DraftSpeaker] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Draft:
    """A whole transcript before it is written."""

    meta: Meta
    speakers: list[DraftSpeaker]
    remarks: list[Part]
    exchanges: list[DraftExchange]

    def parts(self) -> list[Part]:
        """Every remark, question and answer, in document order."""
        out: list[Part] = list(self.remarks)
        for item in self.exchanges:
            if item.remark is not None:
                out.append(item.remark)
            if item.question is not None:
                out.append(item.question)
            out.extend(item.answers)
        return out
