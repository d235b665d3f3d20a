"""``briefing export ID``: a briefing id without ``#`` exports the whole briefing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tui.cli import main
from tui.document_json import briefing_from_json
from tui.loader import load_file

TRANSCRIPT = """\
format: briefing-transcript/1
title: Harbour works
date: 2022-09-14
organizer: Port Council
location: Antwerp
fidelity: verbatim
speakers:
  - name: Els Peeters
    role: port alderman
exchanges:
  - question:
      by: VRT
      text: When will the lock open?
    answers:
      - by: Els Peeters
        text: In the spring.
"""

ID = "2022-09-14-harbour"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / f"{ID}.yaml").write_text(TRANSCRIPT, encoding="utf-8")
    return folder


def test_an_id_alone_prints_the_whole_briefing_in_markdown(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", ID, str(archive)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Harbour works\n")
    assert "- Location: Antwerp\n" in out
    assert "- Els Peeters, port alderman\n" in out
    assert f"### Question 1, from VRT (`{ID}#q1`)\n" in out
    assert "In the spring.\n" in out


def test_an_answer_reference_still_exports_that_answer(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#q1.a1", str(archive)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("> In the spring.\n")
    assert "## Podium" not in out


def test_each_whole_briefing_format(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", ID, str(archive), "--format", "json"]) == 0
    loaded, _ = load_file(archive / f"{ID}.yaml")
    assert briefing_from_json(capsys.readouterr().out) == loaded
    assert main(["export", ID, str(archive), "-f", "akn"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag.endswith("}akomaNtoso")
    assert main(["export", ID, str(archive), "-f", "txt"]) == 0
    assert capsys.readouterr().out.startswith("Harbour works\n=============\n")


def test_the_file_name_chooses_the_format_and_an_existing_file_is_kept(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "harbour.xml"
    assert main(["export", ID, str(archive), "-o", str(target)]) == 0
    assert f"wrote {target.resolve()}" in capsys.readouterr().err
    first = target.read_text(encoding="utf-8")
    assert "<akomaNtoso" in first

    assert main(["export", ID, str(archive), "-o", str(target), "-f", "md"]) == 1
    err = capsys.readouterr().err
    assert f"{target} already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == first

    assert main(["export", ID, str(archive), "-o", str(target), "-f", "md", "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Harbour works\n")


def test_an_unknown_id_exits_1_naming_the_nearest(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "2022-09-14-harbor", str(archive)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no briefing '2022-09-14-harbor'" in captured.err
    nearest = next(line for line in captured.err.splitlines() if "nearest:" in line)
    assert nearest.split("nearest: ")[1] == ID


def test_unknown_formats_are_usage_errors(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", ID, str(archive), "--format", "docx"])
    assert caught.value.code == 2
    # Akoma Ntoso is a whole debate record: an answer alone is not one
    assert main(["export", f"{ID}#q1.a1", str(archive), "--format", "akn"]) == 2
    err = capsys.readouterr().err
    assert "--format akn does not write one answer" in err and "--format md|txt|json" in err
    target = tmp_path / "briefing.docx"
    assert main(["export", ID, str(archive), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "no export format writes '.docx' files" in err and "md|txt|json|akn" in err
    assert not target.exists()
    # an .xml name for one answer is refused too, rather than written as Markdown
    assert main(["export", f"{ID}#q1.a1", str(archive), "-o", str(tmp_path / "a.xml")]) == 2
    assert not (tmp_path / "a.xml").exists()
