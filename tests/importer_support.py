"""Shared helpers of the importer tests: the raw samples, and a comparable view of a
briefing (exchange by exchange: asker, answerers by canonical name, texts; remarks)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from tui.importer import Imported, import_text
from tui.loader import load_bytes
from tui.model import Briefing, Exchange

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "raw"
EXPECTED = ROOT / "tests" / "importer" / "expected"

Row = tuple[object, ...]


def canonical(briefing: Briefing, by: str) -> str:
    speaker = briefing.speaker(by)
    return speaker.name if speaker is not None else f"<unknown {by}>"


def opening(briefing: Briefing) -> list[Row]:
    return [("remark", canonical(briefing, r.by), r.text) for r in briefing.remarks]


def items(briefing: Briefing) -> list[Row]:
    """Each entry of ``exchanges``: a remark, or a question with its answers."""
    out: list[Row] = []
    for item in briefing.items:
        if isinstance(item, Exchange):
            answers = tuple((canonical(briefing, a.by), a.text) for a in item.answers)
            out.append(("exchange", item.question.by, item.question.text, answers))
        else:
            out.append(("remark", canonical(briefing, item.by), item.text))
    return out


def assert_same_record(actual: Briefing, expected: Briefing) -> None:
    """Opening remarks and exchanges equal, one by one, with a message naming the first
    that differs."""
    assert opening(actual) == opening(expected)
    got, want = items(actual), items(expected)
    for number, (a, e) in enumerate(zip(got, want, strict=False), start=1):
        assert a == e, f"item {number} of exchanges differs"
    assert len(got) == len(want)


SAME_QUESTION = 0.8
"""Share of their words two question texts share to be the same question."""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _shared(a: list[str], b: list[str]) -> int:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def _known_as(actual: Briefing, expected: Briefing, by: str) -> str:
    """The expected speaker an imported ``by`` is: by the imported speaker's name or any
    of its aliases (a record that never prints a full name can only be named as printed)."""
    speaker = actual.speaker(by)
    keys = [by] if speaker is None else [speaker.name, *speaker.aliases]
    for key in keys:
        found = expected.speaker(key)
        if found is not None:
            return found.name
    return f"<not expected: {by}>"


def _same_asker(got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return " ".join(got.split()).casefold() == " ".join(want.split()).casefold()


def attribution_errors(actual: Briefing, expected: Briefing) -> list[str]:
    """Every expected exchange found among the imported ones, in order, by its question
    (most words in common), with the same asker and the same answerers in order; one
    message per exchange that is missing or differs. Imported exchanges the hand check
    left out (a reporter's "Thank you." with no answer) are not counted."""
    got = [i for i in actual.items if isinstance(i, Exchange)]
    errors: list[str] = []
    start = 0
    for number, want in enumerate((i for i in expected.items if isinstance(i, Exchange)), 1):
        question = _words(want.question.text)
        index = next(
            (
                k
                for k in range(start, len(got))
                if _shared(_words(got[k].question.text), question)
                >= SAME_QUESTION * max(len(question), len(_words(got[k].question.text)), 1)
            ),
            None,
        )
        head = " ".join(want.question.text.split()[:6])
        if index is None:
            errors.append(f"exchange {number} ({head} ...): no imported question like it")
            continue
        start = index + 1
        item = got[index]
        if not _same_asker(item.question.by, want.question.by):
            errors.append(f"exchange {number} ({head} ...): asked by {item.question.by!r}")
        answerers = [_known_as(actual, expected, a.by) for a in item.answers]
        wanted = [canonical(expected, a.by) for a in want.answers]
        if answerers != wanted:
            errors.append(f"exchange {number} ({head} ...): answered by {answerers}")
    return errors


def spoken(briefing: Briefing) -> list[str]:
    """The words of every remark, question and answer, in order."""
    return [w for element in briefing.elements() for w in _words(element.text)]


def words_identical(actual: Briefing, expected: Briefing) -> float:
    """The share of the expected words that the import has, in the same order."""
    want = spoken(expected)
    return _shared(spoken(actual), want) / len(want) if want else 1.0


def imported(text: str, name: str = "sample.txt") -> Imported:
    """``text`` imported as plain ``briefing import`` would, with no options."""
    return import_text(text, name)


def loaded(result: Imported) -> Briefing:
    """The imported transcript as the reader loads it, which must find no problem."""
    briefing, problems = load_bytes(result.text.encode("utf-8"), f"{result.id}.yaml")
    assert problems == []
    assert briefing is not None
    return briefing


def shape(briefing: Briefing) -> list[tuple[object, ...]]:
    """Remarks and exchanges as (kind, by, text[, answers as (by, text)])."""
    out: list[tuple[object, ...]] = [("remark", r.by, r.text) for r in briefing.remarks]
    for item in briefing.items:
        if isinstance(item, Exchange):
            answers = tuple((a.by, a.text) for a in item.answers)
            out.append(("q", item.question.by, item.question.text, answers))
        else:
            out.append(("remark", item.by, item.text))
    return out
