"""Generic labels that say only which side speaks: ``Q``, ``QUESTION:``, ``Remark:``,
``Reporter:``, ``Journalist:``, ``问：``, ``记者：`` ask; ``A:``, ``ANSWER:``, ``答：`` answer.

``Q`` may stand bare before the question (``Q    Hi, Mr. President.``), but not before
``&``, ``and`` or ``- A`` (``Q and A``); a bare ``A`` is the article, never a label.
``Remark:`` is a journalist's follow-up that asks nothing, printed as an asker's turn.
"""

from __future__ import annotations

import re

from tui.importer.conventions.base import COLON, NOTE, Convention

ASKER_WORDS = frozenset(
    {
        "q",
        "question",
        "questions",
        "remark",
        "reporter",
        "journalist",
        "interviewer",
        "问",
        "记者",
        "提问",
    }
)
"""Label words that mean "a journalist": every label made only of them asks."""
ANSWER_WORDS = frozenset({"a", "answer", "答"})

_ASK = (
    r"Q|QUESTION|Question|QUESTIONS|Questions|REMARK|Remark|REPORTER|Reporter"
    r"|JOURNALIST|Journalist|INTERVIEWER|Interviewer|问|记者|提问"
)
_ANSWER = r"ANSWER|Answer|A|答"

CONVENTIONS = (
    Convention(
        "generic asker",
        re.compile(rf"(?P<name>{_ASK}){NOTE}[ \t]*(?:{COLON}|(?<=Q)\.|(?<=QUESTION)\.)(?=\s|$)"),
        "question",
    ),
    Convention("bare Q", re.compile(r"(?P<name>Q)(?=\s+(?!&|and\b|[-–]\s*A\b)\S|$)"), "question"),
    Convention(
        "generic answer",
        re.compile(rf"(?P<name>{_ANSWER}){NOTE}[ \t]*(?:{COLON}|(?<=A)\.|(?<=ANSWER)\.)(?=\s|$)"),
        "answer",
    ),
)
