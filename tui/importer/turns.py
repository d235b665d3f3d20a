"""Third stage, splitting: body paragraphs into turns, one per speaker label.

A paragraph that starts with a label opens a turn; a paragraph without one continues
the turn before it (a speaker's second and later paragraphs carry no label). The label
is kept exactly as printed so the word accounting can add its words back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.importer.common import ImportFailed, Para
from tui.importer.labels import Label, match_label


@dataclass(slots=True)
class Turn:
    label: Label
    line: int
    paras: list[Para] = field(default_factory=list)


def split_turns(paras: Iterable[Para], known: set[str]) -> list[Turn]:
    """Group paragraphs into turns; the first paragraph must carry a label."""
    turns: list[Turn] = []
    for para in paras:
        label = match_label(para.text, known)
        if label is not None:
            turn = Turn(label, para.line)
            if label.rest:
                turn.paras.append(Para(para.line, label.rest))
            turns.append(turn)
        elif turns:
            turns[-1].paras.append(para)
        else:
            raise ImportFailed("the body does not start with a speaker label (importer bug)")
    return turns
