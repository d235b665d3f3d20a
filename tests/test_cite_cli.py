"""``briefing cite`` and ``briefing export --style``: output, exit codes, bad styles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

TRANSCRIPT = """\
format: briefing-transcript/1
title: Briefing on the Reservoir Levels
date: 2023-08-02
organizer: Water Board
location: Valencia
source: https://example.org/water/2023-08-02
fidelity: verbatim
speakers:
  - name: Lucia Ferrer
    role: chair of the water board
exchanges:
  - question:
      by: Levante Radio
      text: Will there be restrictions?
    answers:
      - by: Lucia Ferrer
        text: "Not this month.\\x1b]0;pwned\\x07"
"""

ID = "2023-08-02-reservoir"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / f"{ID}.yaml").write_text(TRANSCRIPT, encoding="utf-8")
    return folder


def test_cite_prints_the_chosen_style(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", f"{ID}#q1.a1", str(archive), "--style", "apa"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ferrer, L. (2023, August 2). Briefing on the Reservoir Levels ")
    assert out.endswith("https://example.org/water/2023-08-02\n")


def test_cite_defaults_to_the_plain_fields(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", f"{ID}#q1.a1", str(archive)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Lucia Ferrer, chair of the water board"
    assert "Organizer: Water Board" in out


def test_cite_csl_json_parses(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", f"{ID}#q1", str(archive), "-s", "csl-json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["type"] == "speech"
    assert item["author"] == [{"literal": "Levante Radio"}]
    assert item["URL"] == "https://example.org/water/2023-08-02"


def test_an_unknown_style_is_a_usage_error_listing_the_known_ones(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["cite", f"{ID}#q1.a1", str(archive), "--style", "harvard"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "unknown citation style 'harvard'" in err
    assert "plain, apa, chicago, mla, csl-json" in err


def test_an_unknown_reference_exits_1_with_the_nearest(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", f"{ID}#q1.a7", str(archive), "--style", "mla"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"briefing cite: no answer, question or remark '{ID}#q1.a7'")
    assert f"nearest: {ID}#q1.a1" in captured.err


def test_a_missing_archive_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["cite", f"{ID}#q1.a1", str(tmp_path / "nowhere")]) == 2


def test_export_with_a_style_adds_the_styled_citation(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#q1.a1", str(archive), "--style", "chicago", "-f", "txt"]) == 0
    out = capsys.readouterr().out
    assert "Cite as (Chicago 17):" in out
    assert "Ferrer, Lucia. “Briefing on the Reservoir Levels.” Speech transcript, " in out
    assert "\x1b" not in out  # the quote stays display-safe


def test_export_json_carries_the_styled_citation(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#q1.a1", str(archive), "-s", "mla", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["citation"]["style"] == "mla"
    assert data["citation"]["text"].startswith("Ferrer, Lucia. “Briefing on the Reservoir Levels.”")


def test_export_without_a_style_is_unchanged(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#q1.a1", str(archive), "-f", "json"]) == 0
    assert "citation" not in json.loads(capsys.readouterr().out)
