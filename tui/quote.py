"""Quotes with citations: the text of what `e`, `y` and ``briefing export`` produce.

A quote is only useful to a journalist if it can be checked, so every format carries the
words exactly as the transcript has them plus everything needed to find them again: who
said it and in what role, which briefing (title, date held, organizer, location, source),
the reference, and for an answer the question it answers with its asker. The record's
fidelity is always stated in words, so a summary ("highlights") is never passed off as a
verbatim record.

Three formats share one :class:`Quote` (the table that names them, with their labels and
file extensions, is :data:`tui.export.FORMATS`):

* Markdown (the default): the words as a blockquote. Transcript text is escaped so that it
  renders as the characters it is (``*``, ``[x](y)``, ``<b>``, ``# ``, ``1.`` stay text),
  and single line breaks become hard breaks so numbered lists keep their lines. Markdown
  would otherwise renumber a list, which would change the words.
* Plain text: the words unchanged, then the citation as ``Field: value`` lines.
* JSON: the same fields, structured, for tools.

Control, bidi and zero-width characters are shown in Markdown and plain text exactly as the
reader shows them (:func:`tui.safetext.visible`): these files are printed to terminals and
pasted into editors, where a raw escape sequence could rewrite the screen. JSON escapes
them itself, so it keeps them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from tui.model import Answer, Briefing, Question, Remark, in_prose
from tui.safetext import visible_lines

QuoteKind = Literal["answer", "question", "remark"]

FIDELITY_WORDING: dict[str | None, str] = {
    "verbatim": "verbatim (a word-for-word record)",
    "edited": "edited (an edited record, not verbatim)",
    "highlights": "highlights (not a verbatim record)",
    None: "not stated (the record does not say whether it is verbatim)",
}
"""How each fidelity is said in every export; the parenthesis is what a reader must know."""


@dataclass(frozen=True, slots=True)
class Wording:
    """The fixed words of a citation in Markdown and plain text (JSON keys never change).

    A user whose newsroom cites in other words sets them in ``config.toml`` (``[citation]``);
    the reader applies them with :func:`use_wording` at start.
    """

    question_from: str = "Question from"
    in_answer_to: str = "In answer to a question from"
    briefing: str = "Briefing"
    held: str = "Held"
    organizer: str = "Organizer"
    location: str = "Location"
    source: str = "Source"
    fidelity: str = "Fidelity"
    reference: str = "Reference"


_wording = Wording()


def use_wording(wording: Wording) -> Wording:
    """Make ``wording`` the words of every citation rendered from now; returns the old."""
    global _wording
    old, _wording = _wording, wording
    return old


def wording() -> Wording:
    """The words citations are rendered with now."""
    return _wording


@dataclass(frozen=True, slots=True)
class StyledCitation:
    """A quote's citation in a named style (:mod:`tui.citation`), carried beside the fields."""

    style: str
    label: str
    text: str
    code: str | None = None
    """Set for a style that is data (``"json"``): Markdown shows it as a code block."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotable element with the citation that goes with it.

    ``by`` and ``role`` are who said the words (for a question: the asker as the record
    gives it, or :data:`~tui.model.UNNAMED_ASKER`). ``question`` is set for answers only.
    ``styled`` is the citation in the style the user chose, when it is not the plain one.
    """

    kind: QuoteKind
    reference: str
    text: str
    by: str
    role: str | None
    briefing: Briefing
    question: Question | None = None
    styled: StyledCitation | None = None

    @property
    def fidelity(self) -> str:
        return fidelity_wording(self.briefing.fidelity)


def fidelity_wording(fidelity: str | None) -> str:
    return FIDELITY_WORDING.get(fidelity, f"{fidelity} (not known to be verbatim)")


def quote_of(briefing: Briefing, element: Answer | Question | Remark) -> Quote:
    """Build the quote of an answer, a question or a remark of ``briefing``."""
    if isinstance(element, Question):
        return Quote("question", element.ref, element.text, element.asker, None, briefing)
    role = element.role
    if role is None:
        speaker = briefing.speaker(element.by)
        role = speaker.role if speaker is not None else None
    if isinstance(element, Remark):
        return Quote("remark", element.ref, element.text, element.by, role, briefing)
    exchange = briefing.exchange_of(element)
    question = exchange.question if exchange is not None else None
    return Quote("answer", element.ref, element.text, element.by, role, briefing, question)


# --- rendering -------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")


def escape_markdown(line: str) -> str:
    """Escape one line of transcript text so Markdown renders exactly its characters.

    Only what Markdown can give a meaning to is escaped, so the source stays readable
    when pasted somewhere that does not render it: emphasis, code, links, HTML and
    tables anywhere (``* _ ` [ ] < > | ~``, entities such as ``&amp;``), and at the start
    of a line the marks that open a heading, a list or a setext underline (``# - + =``,
    ``1.``). Leading spaces are dropped: four of them would make a code block.
    """
    text = _MD_INLINE.sub(r"\\\1", visible_lines(line).lstrip(" \t"))
    text = _MD_ENTITY.sub(r"\\&", text)
    match = _MD_LINE_START.match(text)
    if match is None:
        return text
    if match.group().isdigit():
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return "\\" + text


def _blockquote(text: str) -> list[str]:
    """The text as ``>`` lines: blank lines separate paragraphs, other breaks are hard."""
    out: list[str] = []
    paragraphs = re.split(r"\n[ \t]*\n", visible_lines(text).strip("\n"))
    for index, paragraph in enumerate(p for p in paragraphs if p.strip()):
        if index:
            out.append(">")
        lines = [escape_markdown(line) for line in paragraph.split("\n") if line.strip()]
        for number, line in enumerate(lines):
            hard_break = "\\" if number < len(lines) - 1 else ""
            out.append(f"> {line.rstrip()}{hard_break}")
    return out


def blockquote(text: str) -> list[str]:
    """Transcript text as Markdown ``>`` lines, escaped and display-safe (as in a quote)."""
    return _blockquote(text)


_URL = re.compile(r"^https?://[^\s<>]+$")


def md_link(url: str) -> str:
    """A URL as a Markdown autolink, or escaped text when it is not a plain http(s) URL."""
    return _md_link(url)


def _md_link(url: str) -> str:
    return f"<{url}>" if _URL.match(url) else escape_markdown(url)


def _attribution(quote: Quote) -> str:
    if quote.kind == "question":
        return f"{_wording.question_from} {in_prose(quote.by)}"
    return f"{quote.by}, {quote.role}" if quote.role else quote.by


def _citation_fields(quote: Quote) -> list[tuple[str, str]]:
    briefing, words = quote.briefing, _wording
    fields: list[tuple[str, str | None]] = [
        (words.briefing, briefing.title),
        (words.held, briefing.date.isoformat()),
        (words.organizer, briefing.organizer),
        (words.location, briefing.location),
        (words.source, briefing.source),
        (words.fidelity, quote.fidelity),
        (words.reference, quote.reference),
    ]
    return [(name, value) for name, value in fields if value]


def plain_citation(quote: Quote) -> str:
    """The ``plain`` citation style: who said it, then the ``Field: value`` lines.

    Raw transcript text: callers make it display-safe for where it goes.
    """
    lines = [_attribution(quote)]
    lines += [f"{name}: {value}" for name, value in _citation_fields(quote)]
    return "\n".join(lines)


def _styled_lines(quote: Quote, *, markdown: bool) -> list[str]:
    """The styled citation's block, if any: a heading line, a blank line, the citation."""
    styled = quote.styled
    if styled is None:
        return []
    body = visible_lines(styled.text).strip("\n").split("\n")
    heading = f"Cite as ({styled.label}):"
    if not markdown:
        return ["", heading, "", *body]
    if styled.code is not None:
        longest = max((len(run) for run in re.findall("`+", styled.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return ["", escape_markdown(heading), "", f"{fence}{styled.code}", *body, fence]
    return ["", escape_markdown(heading), "", *(escape_markdown(line) for line in body)]


def render_markdown(quote: Quote) -> str:
    lines = _blockquote(quote.text)
    lines += ["", f"— {escape_markdown(_attribution(quote))}", ""]
    for name, value in _citation_fields(quote):
        shown = _md_link(value) if name == _wording.source else escape_markdown(value)
        lines.append(f"- {escape_markdown(name)}: {shown}")
    lines += _styled_lines(quote, markdown=True)
    if quote.question is not None:
        asker = escape_markdown(in_prose(quote.question.asker))
        ref = escape_markdown(quote.question.ref)
        lines += ["", f"{escape_markdown(_wording.in_answer_to)} {asker} ({ref}):", ""]
        lines += _blockquote(quote.question.text)
    return "\n".join(lines) + "\n"


def render_text(quote: Quote) -> str:
    lines = [
        visible_lines(quote.text).strip("\n"),
        "",
        f"— {visible_lines(_attribution(quote))}",
        "",
    ]
    lines += [f"{name}: {visible_lines(value)}" for name, value in _citation_fields(quote)]
    lines += _styled_lines(quote, markdown=False)
    if quote.question is not None:
        asker = visible_lines(in_prose(quote.question.asker))
        lines += ["", f"{_wording.in_answer_to} {asker} ({quote.question.ref}):", ""]
        lines.append(visible_lines(quote.question.text).strip("\n"))
    return "\n".join(lines) + "\n"


def quote_to_json(quote: Quote) -> dict[str, object]:
    briefing = quote.briefing
    question: dict[str, object] | None = None
    if quote.question is not None:
        question = {
            "reference": quote.question.ref,
            "asker": quote.question.asker,
            "by": quote.question.by,
            "text": quote.question.text,
        }
    out: dict[str, object] = {
        "kind": quote.kind,
        "reference": quote.reference,
        "text": quote.text,
        "by": quote.by,
        "role": quote.role,
        "fidelity": briefing.fidelity,
        "fidelity_note": quote.fidelity,
        "briefing": {
            "id": briefing.id,
            "title": briefing.title,
            "date": briefing.date.isoformat(),
            "published": briefing.published.isoformat() if briefing.published else None,
            "organizer": briefing.organizer,
            "location": briefing.location,
            "language": briefing.language,
            "source": briefing.source,
        },
        "question": question,
    }
    if quote.styled is not None:
        out["citation"] = {"style": quote.styled.style, "text": quote.styled.text}
    return out


def render_json(quote: Quote) -> str:
    return json.dumps(quote_to_json(quote), ensure_ascii=False, indent=2) + "\n"
