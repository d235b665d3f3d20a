"""Who asks and who answers, from the turn-taking when the labels do not say.

Some labels say it themselves (``Q`` asks, ``A`` answers, a title answers, an outlet
asks); the rest are names. Among those, the order of turns decides:

- a label that alternates with many different labels (a hub) is at the podium: the
  journalists come and go, the briefer and the moderator stay;
- beside another podium label, one whose turns are short, mostly follow another podium
  label's answer and come just before a question (it calls on people: "Howard.",
  "Thank you, sir. Maha.") is the moderator; interpreters and ``A:`` never are;
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
"""A podium label whose turns have at most this many words (median) may call on people ..."""
MODERATOR_CALLS = 2
"""... when at least this many of its turns, and two in three, come just before a question."""


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


def decide(
    order: list[str], fixed: dict[str, Side], texts: list[str], keep: frozenset[str] = frozenset()
) -> Sides:
    """The side of every label of ``order`` (the labels of the turns, in order); labels in
    ``keep`` (interpreters, ``A:``) answer and are never taken as the moderator."""
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
    _moderators(order, side, sizes, keep)
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


def _moderators(
    order: list[str], side: dict[str, Side], sizes: dict[str, list[int]], keep: frozenset[str]
) -> None:
    """Podium labels that only call on people: short turns that mostly come after another
    podium label's answer and before a journalist's question ("Thank you, sir. Maha.")."""
    podium = {label for label, s in side.items() if s in ("answer", "moderator")}
    if len(podium) < 2:
        return
    after: dict[str, int] = dict.fromkeys(podium, 0)
    before: dict[str, int] = dict.fromkeys(podium, 0)
    for first, second in itertools.pairwise(order):
        if first == second:
            continue
        if second in podium and first in podium:
            after[second] += 1
        if first in podium and side.get(second) == "ask":
            before[first] += 1
    for label in podium - keep:
        turns = len(sizes[label])
        short = statistics.median(sizes[label] or [0]) <= MODERATOR_WORDS
        calls = before[label] >= MODERATOR_CALLS and 3 * before[label] >= 2 * turns
        if short and calls and 2 * after[label] >= turns:
            side[label] = "moderator"
    if not any(side[label] == "answer" for label in podium):
        for label in podium:
            side[label] = "answer"  # someone answers: no moderator without a speaker
