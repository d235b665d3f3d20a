"""A question printed inside an answer, and (on request) its own exchange.

Highlights pages sometimes print a journalist's question at the end of the previous
answer, with no label (the Shanghai page: "... Thank you for your question! Six measures
... could you give us some details?" inside Li Jun's answer, then Fu Guoqing answers).
The sign is an answer whose last paragraph ends with a question, followed at once by a
different speaker's answer. The question starts after the speaker's closing thanks
("Thank you for your question!") when there is one, else at the run of sentences ending
in "?". An answer that is only a question (a briefer asking "Is the interpretation
happening?") is a speaker asking something, not a printed question, and is left alone.

Where the speaker's thanks mark where the question starts, the record says plainly that
a journalist asked it: it becomes its own exchange (with a warning) even without
``--split-embedded``. A question found only by its question marks is split only on
request, and reported otherwise.
"""

from __future__ import annotations

import re

from tui.importer.attribute import _SENTENCE
from tui.importer.common import DraftExchange, Note, Para, Part
from tui.model import UNNAMED_ASKER, in_prose

_THANKS = re.compile(r"(?:Thank you|Thanks)\b.*[.!]")
_CLOSERS = "”\")’' "


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(_CLOSERS).endswith("?")


def embedded_start(text: str) -> int | None:
    """Where a question printed at the end of ``text`` starts, or ``None``."""
    found = _embedded(text)
    return found[0] if found is not None else None


def _embedded(text: str) -> tuple[int, bool] | None:
    """Where a printed question starts, and whether the speaker's closing thanks mark
    that start ("Thank you for your question! <question>?")."""
    starts = [0] + [m.end() for m in _SENTENCE.finditer(text)]
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    found = [text[a:b].strip() for a, b in spans]
    if not found or not _is_question(found[-1]):
        return None
    first = len(found) - 1
    while first > 0 and _is_question(found[first - 1]):
        first -= 1
    thanked = False
    for index in range(len(found) - 2, -1, -1):
        if _THANKS.fullmatch(found[index]):
            first, thanked = index + 1, True
            break
    if first == 0:
        return None
    return spans[first][0], thanked


def _snippet(text: str) -> str:
    head = " ".join(text.split()[:6])
    return head + (" …" if len(text.split()) > 6 else "")


def embedded_questions(items: list[DraftExchange], split: bool) -> list[Note]:
    """Report (and with ``split`` separate) questions printed inside answers."""
    notes: list[Note] = []
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        for position in range(len(item.answers) - 1):
            answer, following = item.answers[position], item.answers[position + 1]
            if following.by == answer.by or not answer.paras:
                continue
            last = answer.paras[-1]
            located = _embedded(last.text)
            if located is None:
                continue
            start, thanked = located
            question = last.text[start:].strip()
            where = f"{answer.by}'s answer (“{_snippet(question)}”), and {following.by} answers it"
            if not (split or thanked):
                message = (
                    f"a question seems to be printed inside {where}: "
                    "use --split-embedded to make it its own exchange"
                )
                answer.checks.append(message)
                notes.append(Note(last.line, message))
                continue
            message = (
                f"a question printed inside {where}: it is split into its own exchange, "
                f"asked by {in_prose(UNNAMED_ASKER)}"
            )
            notes.append(Note(last.line, message))
            answer.paras[-1] = Para(last.line, last.text[:start].rstrip(), last.label)
            asked = Part(None, [Para(last.line, question)], checks=[message])
            new = DraftExchange(question=asked, answers=item.answers[position + 1 :])
            item.answers = item.answers[: position + 1]
            items.insert(index, new)
            break
    return notes
