"""Shared helpers of the importer tests: the raw samples, and a comparable view of a
briefing (exchange by exchange: asker, answerers by canonical name, texts; remarks)."""

from __future__ import annotations

from pathlib import Path

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
