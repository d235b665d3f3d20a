"""What the Q&A view shows, as a flat list of blocks (before any wrapping).

A block is one paragraph (or heading, or blank line) with a style name and the answer it
belongs to. Building blocks is a single cheap pass over a briefing; wrapping them to the
pane's width is left to the view, which does it lazily. Keeping this step free of
widgets makes "which answers are visible for this speaker" a plain function to test.

Every string taken from a transcript passes through :func:`tui.safetext.clean` here,
so nothing downstream can receive a control character.

Each element is labelled in words (QUESTION, ANSWER, REMARK) as well as by colour, so the
view reads the same with ``NO_COLOR=1``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from tui.finding import find_all
from tui.library import CrossExchange, PersonKind
from tui.model import Answer, Briefing, Exchange, Remark, normalise_name
from tui.plural import count
from tui.safetext import clean, clean_line
from tui.textmatch import match_spans

Person = tuple[str, PersonKind] | None
Notes = Mapping[str, Sequence[tuple[str, str]]]
"""Clipping notes by reference: ``(collection, note)`` pairs, shown under what they note."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class Block(NamedTuple):
    """One paragraph of the view. ``style`` names a component class of the view.

    A named tuple rather than a frozen dataclass: a 300-exchange briefing makes ~8,000
    blocks, and a tuple is built several times faster, on the path to the first paint.
    """

    text: str
    style: str
    indent: int = 0
    answer: str | None = None  # reference of the answer this block belongs to
    blank: bool = False


BLANK = Block("", "qa--text", blank=True)


@dataclass
class Document:
    """Blocks plus where each answer starts, and the matches of the search terms."""

    blocks: list[Block] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)  # answer refs, in order
    answer_block: dict[str, int] = field(default_factory=dict)  # ref -> its label block
    label_block: dict[str, int] = field(default_factory=dict)  # question/remark ref -> label
    matches: list[tuple[int, int, int]] = field(default_factory=list)  # block, start, end
    title: str = ""
    narrowed: bool = False  # only some exchanges are shown: open at the first of them
    notes: Notes = field(default_factory=dict)

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def paragraphs(self, text: str, style: str, indent: int, answer: str | None = None) -> None:
        """Add ``text`` as paragraphs (blank-line separated); single breaks stay in them."""
        append = self.blocks.append
        gap = Block("", style, indent, answer, blank=True)
        for paragraph in _PARAGRAPH_BREAK.split(clean(text).strip("\n")):
            if paragraph.strip():
                append(Block(paragraph.rstrip(), style, indent, answer))
                append(gap)

    def add_notes(self, ref: str, answer: str | None = None) -> None:
        """The clipping notes of ``ref``, one dim line each, under its text."""
        for collection, note in self.notes.get(ref, ()):
            if note:
                text = f"Note ({clean_line(collection)}): {clean_line(note)}"
                self.blocks.append(Block(text, "qa--note", 2, answer))
                self.blocks.append(Block("", "qa--note", 2, answer, blank=True))

    def start_answer(self, answer: Answer, label: str) -> None:
        self.answers.append(answer.ref)
        self.answer_block[answer.ref] = len(self.blocks)
        self.add(Block(label, "qa--answer-label", 0, answer.ref))

    def context_of(self, block: int) -> int:
        """The label of the question an answer's block belongs to (or ``block``)."""
        for index in range(block, max(block - 200, -1), -1):
            style = self.blocks[index].style
            if style == "qa--question-label":
                return index
            if style in ("qa--remark-label", "qa--heading", "qa--briefing"):
                break
        return block

    def answer_after(self, block: int) -> str | None:
        """The first answer to the question ``block`` belongs to (a match in a question
        selects the answer that follows it), or None."""
        for index in range(block + 1, len(self.blocks)):
            found = self.blocks[index]
            if found.answer is not None:
                return found.answer
            if found.style in ("qa--question-label", "qa--remark-label", "qa--briefing"):
                return None
        return None

    def first_match_from(self, ref: str | None) -> int:
        """The first match at or after ``ref``'s own label: an answer, a question or a
        remark (a search hit may be any of them), else the briefing's first match."""
        first: int | None = None
        if ref is not None and ref in self.answer_block:
            first, _ = self.blocks_of(ref)
        elif ref is not None:
            first = self.label_block.get(ref)
        if first is not None:
            for number, (block, _start, _end) in enumerate(self.matches):
                if block >= first:
                    return number
        return 0

    def answer_for(self, ref: str | None) -> str | None:
        """The answer to select for ``ref``: itself, or for a question or a remark the
        first answer after it (None when there is none, or ``ref`` is not shown)."""
        if ref is None or ref in self.answer_block:
            return ref
        label = self.label_block.get(ref)
        if label is None:
            return None
        return next((b.answer for b in self.blocks[label:] if b.answer is not None), None)

    def answer_of_match(self, number: int) -> str | None:
        """The answer a match selects: its own, or the first after its question."""
        block = self.matches[number][0]
        return self.blocks[block].answer or self.answer_after(block)

    def blocks_of(self, ref: str) -> tuple[int, int]:
        """The first block of an answer and the block after its last one."""
        start = self.answer_block[ref]
        end = start + 1
        while end < len(self.blocks) and self.blocks[end].answer == ref:
            end += 1
        return start, end


def _who(name: str, role: str | None) -> str:
    return clean_line(f"{name}, {role}" if role else name)


def _short_ref(ref: str) -> str:
    return ref.partition("#")[2]


def _add_exchange(doc: Document, exchange: Exchange, person: Person) -> None:
    question = exchange.question
    doc.label_block[question.ref] = len(doc.blocks)
    doc.add(
        Block(
            f"QUESTION {_short_ref(question.ref)} · {clean_line(question.asker)}",
            "qa--question-label",
        )
    )
    doc.paragraphs(question.text, "qa--question", 2)
    doc.add_notes(question.ref)
    for answer in exchange.answers:
        if person is not None and person[1] == "speaker" and normalise_name(answer.by) != person[0]:
            continue
        doc.start_answer(
            answer, f"ANSWER {_short_ref(answer.ref)} · {_who(answer.by, answer.role)}"
        )
        doc.paragraphs(answer.text, "qa--answer", 2, answer.ref)
        doc.add_notes(answer.ref, answer.ref)
    if not exchange.answers:
        doc.add(Block("(no answer in the record)", "qa--notice", 2))
        doc.add(BLANK)


def _add_remark(doc: Document, remark: Remark) -> None:
    doc.label_block[remark.ref] = len(doc.blocks)
    doc.add(
        Block(
            f"REMARK {_short_ref(remark.ref)} · {_who(remark.by, remark.role)}", "qa--remark-label"
        )
    )
    doc.paragraphs(remark.text, "qa--remark", 2)
    doc.add_notes(remark.ref)


def takes_part(exchange: Exchange, person: Person) -> bool:
    """Whether ``person`` answered (speaker) or asked (asker) in this exchange."""
    if person is None:
        return True
    key, kind = person
    if kind == "speaker":
        return any(normalise_name(answer.by) == key for answer in exchange.answers)
    return exchange.question.by is not None and normalise_name(exchange.question.by) == key


def briefing_document(
    briefing: Briefing, person: Person = None, name: str = "", notes: Notes | None = None
) -> Document:
    """One briefing: header, podium, opening remarks, then the exchanges.

    With a ``person``, only the exchanges they took part in are kept (the question stays
    as context; for a speaker, only their answers), and remarks are left out. ``notes``
    are shown under the answers (questions, remarks) they belong to.
    """
    doc = Document(title=clean_line(briefing.title), narrowed=person is not None, notes=notes or {})
    doc.add(Block(clean_line(briefing.title), "qa--title"))
    held = [f"Held {briefing.date.isoformat()}"]
    held += [clean_line(x) for x in (briefing.organizer, briefing.location) if x]
    doc.add(Block(" · ".join(held), "qa--meta"))
    facts = [f"Fidelity: {briefing.fidelity or 'not stated'}"]
    if briefing.published:
        facts.append(f"published {briefing.published.isoformat()}")
    if briefing.language:
        facts.append(f"language {clean_line(briefing.language)}")
    doc.add(Block(" · ".join(facts), "qa--meta"))
    if briefing.source:
        doc.add(Block(f"Source: {clean_line(briefing.source)}", "qa--meta"))
    if briefing.tags:
        doc.add(Block("Tags: " + ", ".join(clean_line(t) for t in briefing.tags), "qa--meta"))
    doc.add(BLANK)
    if briefing.summary:
        doc.paragraphs(briefing.summary, "qa--summary", 0)
    doc.add(Block("ON THE PODIUM", "qa--heading"))
    for speaker in briefing.speakers:
        doc.add(Block(_who(speaker.name, speaker.role), "qa--meta", 2))
    doc.add(BLANK)
    if briefing.remarks and person is None:
        doc.add(Block("OPENING REMARKS", "qa--heading"))
        doc.add(BLANK)
        for remark in briefing.remarks:
            _add_remark(doc, remark)
    exchanges = [e for e in briefing.exchanges if takes_part(e, person)]
    heading = "QUESTIONS AND ANSWERS"
    if person is not None:
        verb = "answered" if person[1] == "speaker" else "asked"
        heading += f" · only where {clean_line(name) or person[0]} {verb}"
        heading += f" ({len(exchanges)} of {briefing.question_count})"
    doc.add(Block(heading, "qa--heading"))
    doc.add(BLANK)
    for item in briefing.items:
        if isinstance(item, Remark):
            if person is None:
                _add_remark(doc, item)
        elif takes_part(item, person):
            _add_exchange(doc, item, person)
    if person is not None and not exchanges:
        doc.add(Block("(none in this briefing)", "qa--notice", 2))
    return doc


def cross_document(
    rows: Sequence[CrossExchange], person: Person, name: str, notes: Notes | None = None
) -> Document:
    """A person's exchanges across every briefing, oldest first, each under its briefing."""
    label = clean_line(name) or (person[0] if person else "")
    briefings = len({row.briefing.id for row in rows})
    doc = Document(title=f"All briefings · {label}", notes=notes or {})
    doc.add(Block(f"ALL BRIEFINGS · {label}", "qa--title"))
    verb = "asked" if person is not None and person[1] == "asker" else "answered"
    what = f"{count(len(rows), 'question')} {verb} in {count(briefings, 'briefing')}"
    doc.add(Block(f"{what}, oldest first", "qa--meta"))
    doc.add(BLANK)
    current = None
    for row in rows:
        if row.briefing.id != current:
            current = row.briefing.id
            doc.add(
                Block(
                    f"{row.briefing.date.isoformat()} · {clean_line(row.briefing.title)}",
                    "qa--briefing",
                )
            )
            doc.add(BLANK)
        _add_exchange(doc, row.exchange, person)
    if not rows:
        doc.add(Block("(nothing found)", "qa--notice"))
    return doc


def mark_matches(doc: Document, terms: Sequence[str]) -> None:
    """Record where ``terms`` occur in the question/answer/remark text of ``doc``.

    The matching is the index's own (:func:`tui.textmatch.match_spans`), so the words
    highlighted are exactly the words the search found.
    """
    doc.matches = []
    if not terms:
        return
    for index, block in enumerate(doc.blocks):
        if block.blank or block.style not in ("qa--question", "qa--answer", "qa--remark"):
            continue
        for start, end in match_spans(block.text, terms):
            doc.matches.append((index, start, end))


def mark_found(doc: Document, text: str) -> None:
    """Record where the find bar's ``text`` occurs anywhere in ``doc`` (labels, headings
    and text alike: find looks at what is on screen, see :mod:`tui.finding`)."""
    doc.matches = find_all([block.text for block in doc.blocks], text)
