"""Who asks and who answers, from the turn-taking when the labels do not say.

Some labels say it themselves (``Q`` asks, ``A`` answers, a title answers, an outlet
asks); the rest are names. Among those, the order of turns decides:

- a label that alternates with many different labels (a hub) is at the podium: the
  journalists come and go, the briefer and the moderator stay. A hub whose turns are
  short (it calls on people: "Howard.", "Next question.") and mostly follow another
  podium label's (an answer, not a question) is the moderator;
- a label whose neighbours all stand at the podium asks, and one whose neighbours all
  ask answers; this spreads until nothing changes;
- what is left is decided by its question marks, with a warning: the record cannot say.

A label reads as an outlet by its words (``Xinhua News Agency``, ``Daily Mail``), never
by a list of outlet names.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field
from typing import Literal

from tui.importer.common import words

Side = Literal["ask", "answer", "moderator"]

OUTLET_WORDS = frozenset(
    [
        "news",
        "agency",
        "press",
        "times",
        "post",
        "tv",
        "television",
        "radio",
        "broadcasting",
        "broadcast",
        "broadcaster",
        "daily",
        "journal",
        "network",
        "media",
        "newspaper",
        "channel",
        "herald",
        "tribune",
        "gazette",
        "wire",
        "magazine",
        "weekly",
        "telegraph",
        "chronicle",
        "dispatch",
        "observer",
        "bulletin",
    ]
)
"""Words that make a label a news organisation's (generic words, never outlet names)."""
CJK_OUTLET_ENDINGS = ("社", "报", "台", "网", "新闻", "媒体", "电视", "广播", "杂志")

HUB_NEIGHBOURS = 3
"""A hub alternates with at least this many different labels ..."""
HUB_SHARE = 0.5
"""... and with at least this share of the other labels."""
MODERATOR_WORDS = 15
"""A hub whose turns have at most this many words (median) calls on people."""


def is_outlet(name: str) -> bool:
    """Whether a label reads as a news organisation's name."""
    if any(name.endswith(e) for e in CJK_OUTLET_ENDINGS):
        return True
    return bool({w.casefold() for w in words(name)} & OUTLET_WORDS)


@dataclass(slots=True)
class Sides:
    side: dict[str, Side]
    guessed: dict[str, str] = field(default_factory=dict)
    """Labels decided by their question marks, with the reason, for a warning."""


def decide(order: list[str], fixed: dict[str, Side], texts: list[str]) -> Sides:
    """The side of every label of ``order`` (the labels of the turns, in order)."""
    side: dict[str, Side] = dict(fixed)
    labels = list(dict.fromkeys(order))
    neighbours: dict[str, set[str]] = {label: set() for label in labels}
    for a, b in itertools.pairwise(order):
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    sizes: dict[str, list[int]] = {label: [] for label in labels}
    marks: dict[str, list[bool]] = {label: [] for label in labels}
    for label, text in zip(order, texts, strict=False):
        sizes[label].append(len(words(text)))
        marks[label].append("?" in text)
    others = len(labels) - 1
    hubs = [
        label
        for label in labels
        if label not in side
        and len(neighbours[label]) >= HUB_NEIGHBOURS
        and len(neighbours[label]) >= HUB_SHARE * others
    ]
    for label in hubs:
        side[label] = "answer"
    podium = [label for label in labels if side.get(label) in ("answer", "moderator")]
    after_podium: dict[str, int] = {label: 0 for label in labels}
    for before, label in itertools.pairwise(order):
        if before != label and before in podium:
            after_podium[label] += 1
    for label in hubs:
        short = statistics.median(sizes[label] or [0]) <= MODERATOR_WORDS
        calls = 2 * after_podium[label] >= len(sizes[label])
        if short and calls and len(podium) > 1:
            side[label] = "moderator"
    changed = True
    while changed:
        changed = False
        for label in labels:
            if label in side or not neighbours[label]:
                continue
            near = {side.get(n) for n in neighbours[label]}
            if near <= {"answer", "moderator"}:
                side[label] = "ask"
                changed = True
            elif near == {"ask"}:
                side[label] = "answer"
                changed = True
    guessed: dict[str, str] = {}
    for label in labels:
        if label in side:
            continue
        asks = sum(marks[label]) * 2 >= max(len(marks[label]), 1)
        side[label] = "ask" if asks else "answer"
        share = f"{sum(marks[label])} of its {len(marks[label])} turns"
        guessed[label] = (
            f"label {label!r} could not be placed by the record: taken as "
            f"{'an asker' if asks else 'a speaker who answers'} since {share} hold a question mark"
        )
    return Sides(side, guessed)
