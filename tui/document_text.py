"""A whole briefing as a document to read: Markdown and plain text.

Both give the same parts in the same order: the header (title; date held and published;
organizer, location, source, fidelity in words, language, tags, the briefing's id), the
summary, the podium with each speaker's role, the opening remarks, then every exchange in
order: the question with its asker (the record's label, an outlet or a person, or
"unnamed journalist") and each answer with the speaker and the role they held, with the
remarks between exchanges where the record has them. Every remark, question and answer
carries its reference, so a passage found here can be cited and found again.

Wrapping. Plain text is wrapped to :data:`WIDTH` terminal cells with :mod:`tui.wrap` (CJK
aware, the same breaks as the reader), statements indented under their speaker. Markdown
is wrapped at spaces only: a soft line break renders as a space, so breaking inside a
word, a long address or a run of Chinese (which has no spaces) would change the words a
reader sees; such a line is left long for the renderer to wrap. Each wrapped piece is
escaped on its own, so a piece that happens to start with ``1.`` or ``#`` stays text.

As in quotes (:mod:`tui.quote`), text is shown through :func:`tui.safetext.visible_lines`
(a control character as its stand-in), and in Markdown escaped so that it renders as the
characters it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.model import Answer, Briefing, Exchange, Question, Remark, in_prose
from tui.quote import escape_markdown, fidelity_wording
from tui.safetext import visible_lines
from tui.wrap import cells, wrap_lines

WIDTH = 80
"""The width plain text is wrapped to, and Markdown at spaces, in terminal cells."""

INDENT = "    "
"""Plain text: statements are indented under the line that names their speaker."""

_URL = re.compile(r"^https?://[^\s<>]+$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t]+")


def _line(text: str) -> str:
    """A name, a title or a header value on one line, shown safely."""
    return " ".join(visible_lines(text).split())


def _header_fields(briefing: Briefing) -> list[tuple[str, str]]:
    fields: list[tuple[str, str | None]] = [
        ("Held", briefing.date.isoformat()),
        ("Published", briefing.published.isoformat() if briefing.published else None),
        ("Organizer", briefing.organizer),
        ("Location", briefing.location),
        ("Source", briefing.source),
        ("Fidelity", fidelity_wording(briefing.fidelity)),
        ("Language", briefing.language),
        ("Tags", ", ".join(briefing.tags) if briefing.tags else None),
        ("Briefing id", briefing.id),
    ]
    return [(name, value) for name, value in fields if value]


def _who(by: str, role: str | None) -> str:
    return f"{by}, {role}" if role else by


def _statement_role(briefing: Briefing, element: Remark | Answer) -> str | None:
    if element.role is not None:
        return element.role
    speaker = briefing.speaker(element.by)
    return speaker.role if speaker is not None else None


def _paragraphs(text: str) -> list[list[str]]:
    """The text's paragraphs (blank-line separated), each as its non-blank lines."""
    paragraphs = _PARAGRAPH_BREAK.split(visible_lines(text).strip("\n"))
    out = [[line for line in p.split("\n") if line.strip()] for p in paragraphs]
    return [lines for lines in out if lines]


# --- Markdown ---------------------------------------------------------------------------


def _at_spaces(line: str, width: int) -> list[str]:
    """``line`` cut at spaces into pieces of at most ``width`` cells where a space allows."""
    pieces: list[list[str]] = []
    used = 0
    for word in _SPACES.split(line.strip(" \t")):
        if not word:
            continue
        size = len(word) if word.isascii() else cells(word)
        if pieces and used + 1 + size <= width:
            pieces[-1].append(word)
            used += 1 + size
        else:
            pieces.append([word])
            used = size
    return [" ".join(words) for words in pieces]


def _md_text(text: str) -> list[str]:
    """Markdown paragraphs; the record's single line breaks become hard breaks."""
    out: list[str] = []
    for lines in _paragraphs(text):
        if out:
            out.append("")
        for number, line in enumerate(lines):
            pieces = [escape_markdown(piece) for piece in _at_spaces(line, WIDTH)] or [""]
            if number < len(lines) - 1:
                pieces[-1] += "\\"
            out.extend(pieces)
    return out or ["*(no text)*"]


def _md_value(name: str, value: str) -> str:
    if name == "Source" and _URL.match(value):
        return f"<{value}>"
    return escape_markdown(_line(value))


def _md_ref(ref: str) -> str:
    return f"`{ref}`" if "`" not in ref else escape_markdown(ref)


def _md_statement(briefing: Briefing, element: Remark | Answer, label: str) -> list[str]:
    who = escape_markdown(_line(_who(element.by, _statement_role(briefing, element))))
    return [f"**{label}{who}** ({_md_ref(element.ref)}):", "", *_md_text(element.text), ""]


def _md_question(question: Question) -> list[str]:
    asker = escape_markdown(_line(in_prose(question.asker)))
    heading = f"### Question {question.number}, from {asker} ({_md_ref(question.ref)})"
    return [heading, "", *_md_text(question.text), ""]


def render_markdown(briefing: Briefing) -> str:
    lines = [f"# {escape_markdown(_line(briefing.title))}", ""]
    lines += [f"- {name}: {_md_value(name, value)}" for name, value in _header_fields(briefing)]
    lines.append("")
    if briefing.summary:
        lines += [*_md_text(briefing.summary), ""]
    lines += ["## Podium", ""]
    lines += [f"- {escape_markdown(_line(speaker.label()))}" for speaker in briefing.speakers]
    lines.append("")
    if briefing.remarks:
        lines += ["## Opening remarks", ""]
        for remark in briefing.remarks:
            lines += _md_statement(briefing, remark, "")
    lines += ["## Questions and answers", ""]
    if not briefing.items:
        lines += ["The record has no questions.", ""]
    for item in briefing.items:
        if isinstance(item, Remark):
            lines += _md_statement(briefing, item, "Remark: ")
            continue
        lines += _md_question(item.question)
        if not item.answers:
            lines += ["*The record gives no answer.*", ""]
        for answer in item.answers:
            lines += _md_statement(briefing, answer, "Answer: ")
    return "\n".join(lines).rstrip("\n") + "\n"


# --- plain text -------------------------------------------------------------------------


def _wrapped(text: str, width: int, indent: str = "") -> Iterator[str]:
    """Each line of ``text`` wrapped to ``width`` cells (after ``indent``)."""
    for start, end in wrap_lines(text, width - cells(indent)):
        yield (indent + text[start:end]).rstrip()


def _txt_text(text: str) -> list[str]:
    out: list[str] = []
    for lines in _paragraphs(text):
        if out:
            out.append("")
        for line in lines:
            out.extend(_wrapped(line.strip(" \t"), WIDTH, INDENT))
    return out or [f"{INDENT}(no text)"]


def _txt_statement(briefing: Briefing, element: Remark | Answer, label: str) -> list[str]:
    who = _line(_who(element.by, _statement_role(briefing, element)))
    return [*_wrapped(f"{label}{who} [{element.ref}]", WIDTH), *_txt_text(element.text), ""]


def _txt_exchange(briefing: Briefing, exchange: Exchange) -> list[str]:
    question = exchange.question
    asker = _line(in_prose(question.asker))
    heading = f"Question {question.number}, from {asker} [{question.ref}]"
    lines = [*_wrapped(heading, WIDTH), *_txt_text(question.text), ""]
    if not exchange.answers:
        lines += ["(The record gives no answer.)", ""]
    for answer in exchange.answers:
        lines += _txt_statement(briefing, answer, "Answer from ")
    return lines


def _section(title: str) -> list[str]:
    return [title.upper(), "-" * cells(title), ""]


def render_text(briefing: Briefing) -> str:
    title = list(_wrapped(_line(briefing.title), WIDTH))
    lines = [*title, "=" * max((cells(line) for line in title), default=1), ""]
    for name, value in _header_fields(briefing):
        lines += _wrapped(f"{name}: {_line(value)}", WIDTH)
    lines.append("")
    if briefing.summary:
        lines += [*_txt_text(briefing.summary), ""]
    lines += _section("Podium")
    for speaker in briefing.speakers:
        lines += _wrapped(_line(speaker.label()), WIDTH)
    lines.append("")
    if briefing.remarks:
        lines += _section("Opening remarks")
        for remark in briefing.remarks:
            lines += _txt_statement(briefing, remark, "")
    lines += _section("Questions and answers")
    if not briefing.items:
        lines += ["(The record has no questions.)", ""]
    for item in briefing.items:
        if isinstance(item, Remark):
            lines += _txt_statement(briefing, item, "Remark by ")
        else:
            lines += _txt_exchange(briefing, item)
    return "\n".join(lines).rstrip("\n") + "\n"
