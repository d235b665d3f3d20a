"""``briefing [PATH] [REFERENCE]``: the reference is told from the path by its form alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main, reader_targets
from tui.subcommands import UsageError


@pytest.mark.parametrize(
    ("path", "reference", "expected"),
    [
        ("transcripts/", "2023-05-04-mfa#q2.a1", (Path("transcripts"), "2023-05-04-mfa#q2.a1")),
        ("2023-05-04-mfa#q2.a1", None, (None, "2023-05-04-mfa#q2.a1")),
        ("2023-05-04-mfa#q2", "archive", (Path("archive"), "2023-05-04-mfa#q2")),
        ("./2023-05-04-mfa#q2.a1", None, (Path("2023-05-04-mfa#q2.a1"), None)),
        ("notes#draft", None, (Path("notes#draft"), None)),
        (None, None, (None, None)),
    ],
)
def test_arguments_are_sorted_into_path_and_reference(
    path: str | None, reference: str | None, expected: tuple[Path | None, str | None]
) -> None:
    assert reader_targets(path, reference) == expected


def test_two_of_a_kind_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UsageError, match="one reference at a time"):
        reader_targets("a#q1", "b#q2")
    with pytest.raises(UsageError, match="only one folder or file"):
        reader_targets("here", "there")
    assert main(["here", "there"]) == 2
    assert "briefing: there: not a reference" in capsys.readouterr().err
