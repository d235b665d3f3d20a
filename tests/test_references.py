"""References typed in the reader and given on the command line."""

from __future__ import annotations

import pytest

from tui.references import Reference, is_reference, parse


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("#q12.a1", Reference("open-one", "open-one#q12.a1")),
        ("q3", Reference("open-one", "open-one#q3")),
        (" #R2 ", Reference("open-one", "open-one#r2")),
        ("2023-05-04-mfa#q2.a1", Reference("2023-05-04-mfa", "2023-05-04-mfa#q2.a1")),
        ("<2023-05-04-mfa#Q2.A1>", Reference("2023-05-04-mfa", "2023-05-04-mfa#q2.a1")),
    ],
)
def test_typed_references(typed: str, expected: Reference) -> None:
    assert parse(typed, "open-one") == expected


@pytest.mark.parametrize("typed", ["", "#", "q0", "#q2.b1", "a b#q1", "q2.a1.x", "#r"])
def test_what_is_not_a_reference_is_said_in_one_line(typed: str) -> None:
    message = parse(typed, "open-one")
    assert isinstance(message, str) and "\n" not in message


def test_a_short_reference_needs_an_open_briefing() -> None:
    message = parse("#q1", None)
    assert isinstance(message, str) and "No briefing is open" in message


@pytest.mark.parametrize(
    ("argument", "reference"),
    [
        ("2023-05-04-mfa#q2.a1", True),
        ("x.y_z#r3", True),
        ("transcripts", False),
        ("./2023-05-04-mfa#q2.a1", False),  # a slash: always a path
        ("dir/a#q1", False),
        ("notes#draft", False),
        ("#q1", False),  # the command line needs the briefing
    ],
)
def test_the_command_line_tells_references_from_paths_without_the_disk(
    argument: str, reference: bool
) -> None:
    assert is_reference(argument) is reference


def test_a_hash_doubled_by_pasting_into_the_box_is_ignored() -> None:
    assert parse("##q3", "open-one") == Reference("open-one", "open-one#q3")
    assert parse("#other#q3.a2", "open-one") == Reference("other", "other#q3.a2")
