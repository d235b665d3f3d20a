"""Bilingual records: each turn printed twice, first in Chinese, then in English.

Some foreign ministries publish the Chinese and the English text of each turn one after
the other, each with its own label (``澎湃新闻记者:`` then ``The Paper:``, ``汪文斌:`` then
``Wang Wenbin:``). Read one label at a time, the translation looks like a second
speaker answering the first. Where the turns of a record come in such pairs (a Chinese
label and Chinese text, then a Latin label and Latin text), each pair is one turn: the
English label names it, the Chinese label becomes an alias, the Chinese paragraphs come
first, and the English label is kept on its first paragraph for the word accounting.
"""

from __future__ import annotations

from dataclasses import replace

from tui.importer.common import DraftSpeaker, Para
from tui.importer.turns import Turn

PAIRED_SHARE = 0.8
"""The share of a record's turns that must come in such pairs for it to be bilingual."""


def _han(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\u3400" <= ch <= "\u9fff" for ch in letters) / len(letters)


def _chinese(turn: Turn) -> bool:
    return _han(turn.label.name) > 0.5 and _han(" ".join(p.text for p in turn.paras)) > 0.5


def _latin(turn: Turn) -> bool:
    return _han(turn.label.name) == 0 and _han(" ".join(p.text for p in turn.paras)) < 0.1


def pair_translations(turns: list[Turn]) -> tuple[list[Turn], dict[str, str]]:
    """The turns with each translated pair made one, and English label -> Chinese label
    (casefolded key) for the aliases; the turns unchanged where the record is not
    bilingual."""
    pairs: list[int] = []
    index = 0
    while index + 1 < len(turns):
        if _chinese(turns[index]) and _latin(turns[index + 1]) and turns[index + 1].paras:
            pairs.append(index)
            index += 2
        else:
            index += 1
    if len(pairs) < 2 or 2 * len(pairs) < PAIRED_SHARE * len(turns):
        return turns, {}
    out: list[Turn] = []
    twins: dict[str, str] = {}
    starts = set(pairs)
    index = 0
    while index < len(turns):
        if index not in starts:
            out.append(turns[index])
            index += 1
            continue
        chinese, english = turns[index], turns[index + 1]
        kind = (
            "question"
            if "question" in (chinese.label.kind, english.label.kind)
            else english.label.kind
        )
        label = replace(chinese.label, name=english.label.name, kind=kind)
        first, *rest = english.paras
        paras = [*chinese.paras, Para(first.line, first.text, english.label.raw), *rest]
        out.append(Turn(label, chinese.line, paras))
        twins[english.label.name.casefold()] = chinese.label.name
        index += 2
    return out, twins


def alias_twins(speakers: list[DraftSpeaker], twins: dict[str, str]) -> None:
    """Give each speaker the Chinese label of their English one as an alias."""
    for speaker in speakers:
        for label in [speaker.name, *speaker.aliases]:
            twin = twins.get(label.casefold())
            if twin and twin not in speaker.aliases:
                speaker.aliases.append(twin)
