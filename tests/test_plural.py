"""Counts in prose."""

from __future__ import annotations

from tui.plural import count


def test_one_is_singular_and_every_other_number_plural() -> None:
    assert count(1, "file") == "1 file"
    assert count(0, "file") == "0 files"
    assert count(2, "briefing") == "2 briefings"
    assert count(-1, "problem") == "-1 problems"


def test_an_irregular_plural_is_given() -> None:
    assert count(3, "speech", "speeches") == "3 speeches"
    assert count(1, "speech", "speeches") == "1 speech"
