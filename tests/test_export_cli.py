"""``briefing export``: stdout, -o, formats, unknown references and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tui.cli import bundled_transcripts, main

TRANSCRIPT = """\
format: briefing-transcript/1
title: Port reopening [update]
date: 2020-05-04
organizer: Harbour Authority
location: Rotterdam
source: https://example.org/port/2020-05-04
fidelity: edited
speakers:
  - name: Anna de Vries
    role: harbour master
  - name: Moderator
remarks:
  - by: Moderator
    text: Welcome, everyone.
exchanges:
  - question:
      by: NOS
      text: When do the ferries return?
    answers:
      - by: Anna de Vries
        text: |-
          On Monday.

          Two routes first:
          1. Hook of Holland
          2. Europoort
  - question:
      text: And the cruise ships?
    answers:
      - by: Anna de Vries
        text: Not before June.
"""

ID = "2020-05-04-port"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / f"{ID}.yaml").write_text(TRANSCRIPT, encoding="utf-8")
    return folder


def test_markdown_to_stdout(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", f"{ID}#q1.a1", str(archive)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "> On Monday.\n>\n> Two routes first:\\\n> 1\\. Hook of Holland\\\n> 2\\. Europoort\n"
    )
    assert "— Anna de Vries, harbour master\n" in out
    assert "- Briefing: Port reopening \\[update\\]\n" in out
    assert "- Held: 2020-05-04\n" in out
    assert "- Organizer: Harbour Authority\n" in out
    assert "- Location: Rotterdam\n" in out
    assert "- Source: <https://example.org/port/2020-05-04>\n" in out
    assert "- Fidelity: edited (an edited record, not verbatim)\n" in out
    assert f"- Reference: {ID}#q1.a1\n" in out
    assert f"In answer to a question from NOS ({ID}#q1):\n\n> When do the ferries return?\n" in out


def test_json_and_unnamed_asker(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", f"{ID}#q2.a1", str(archive), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == "Not before June."
    assert data["question"]["asker"] == "unnamed journalist"
    assert data["briefing"]["location"] == "Rotterdam"


def test_remarks_and_questions_export_too(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#r1", str(archive), "--format", "txt"]) == 0
    assert capsys.readouterr().out.startswith("Welcome, everyone.\n\n— Moderator\n")
    assert main(["export", f"{ID}#q2", str(archive), "--format", "txt"]) == 0
    assert capsys.readouterr().out.startswith(
        "And the cruise ships?\n\n— Question from an unnamed journalist\n"
    )


def test_output_file_format_from_extension_and_no_overwrite(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "quote.txt"
    assert main(["export", f"{ID}#q1.a1", str(archive), "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(target) in captured.err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("On Monday.\n\nTwo routes first:\n1. Hook of Holland\n2. Europoort\n")
    assert "Fidelity: edited (an edited record, not verbatim)\n" in text

    assert main(["export", f"{ID}#q2.a1", str(archive), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{target} already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == text

    assert main(["export", f"{ID}#q2.a1", str(archive), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("Not before June.\n")


def test_unwritable_output_exits_1(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main(["export", f"{ID}#q1.a1", str(archive), "-o", str(blocker / "q.md")]) == 1
    err = capsys.readouterr().err
    assert "briefing export: cannot create folder" in err and str(blocker) in err
    assert blocker.read_text(encoding="utf-8") == ""


def test_unknown_answer_names_the_nearest(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#q1.a3", str(archive)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"no answer, question or remark '{ID}#q1.a3'" in captured.err
    nearest = next(line for line in captured.err.splitlines() if "nearest:" in line)
    assert f"{ID}#q1.a1" in nearest
    assert f"an answer reference looks like {ID}#q1.a1" in captured.err


def test_mistyped_briefing_id_names_the_nearest(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "2020-05-04-prot#q2.a1", str(archive)]) == 1
    nearest = next(line for line in capsys.readouterr().err.splitlines() if "nearest:" in line)
    assert nearest.split("nearest: ")[1].split(", ")[0] == f"{ID}#q2.a1"


def test_a_broken_briefing_is_explained(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "2021-01-01-broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["export", "2021-01-01-broken#q1.a1", str(archive)]) == 1
    err = capsys.readouterr().err
    assert "2021-01-01-broken.yaml:" in err  # the load problem, with its location


def test_missing_archive_and_bad_format_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#q1.a1", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["export", f"{ID}#q1.a1", "--format", "docx"])
    assert caught.value.code == 2


def test_bundled_shanghai_answer_word_for_word(capsys: pytest.CaptureFixture[str]) -> None:
    path = bundled_transcripts() / "2017-10-11-shanghai-belt-and-road.yaml"
    if not path.exists():
        pytest.fail("the bundled Shanghai transcript is missing")
    source = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = [item for item in source["exchanges"] if "question" in item]
    exchange = questions[1]
    answer = exchange["answers"][0]
    assert main(["export", "2017-10-11-shanghai-belt-and-road#q2.a1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == answer["text"]
    assert data["by"] == answer["by"]
    assert data["question"]["text"] == exchange["question"]["text"]
    assert data["briefing"]["title"] == source["title"]
    assert data["fidelity_note"] == "highlights (not a verbatim record)"


def test_an_id_set_inside_the_file_is_found(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = TRANSCRIPT.replace(
        "format: briefing-transcript/1\n", "format: briefing-transcript/1\nid: port-call\n"
    )
    (archive / "misc.yaml").write_text(renamed, encoding="utf-8")
    assert main(["export", "port-call#q2.a1", str(archive), "-f", "txt"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Not before June.\n")
    assert "Reference: port-call#q2.a1\n" in out


def test_a_mistyped_id_parses_only_the_nearest_briefings(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Suggestions come from the nearest ids alone: an unrelated file is never parsed,
    so its problems are not reported (reading every file was 5.5 s on 2,000 briefings)."""
    (archive / "zz-unrelated.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["export", "2020-05-04-prot#q2.a1", str(archive)]) == 1
    err = capsys.readouterr().err
    assert "zz-unrelated" not in err
    assert "could not be loaded" not in err
    nearest = next(line for line in err.splitlines() if "nearest:" in line)
    assert nearest.split("nearest: ")[1].split(", ")[0] == f"{ID}#q2.a1"


def test_options_may_stand_between_positional_arguments(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", f"{ID}#r1", "--format", "txt", str(archive)]) == 0
    between = capsys.readouterr().out
    assert main(["export", f"{ID}#r1", str(archive), "--format", "txt"]) == 0
    assert capsys.readouterr().out == between
    assert between.strip()


def test_an_extension_no_format_writes_is_refused_and_nothing_is_written(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "quote.docx"
    assert main(["export", f"{ID}#q1.a1", str(archive), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "no export format writes '.docx' files" in err
    assert "--format md|txt|json" in err
    assert not target.exists()
    assert main(["export", f"{ID}#q1.a1", str(archive), "-o", str(target), "--format", "txt"]) == 0
    written = target.read_text(encoding="utf-8")
    assert written.strip() and not written.startswith(">")  # the plain-text form, as asked
