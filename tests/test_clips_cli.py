"""``briefing clips``: new, add, list, remove, export, drift, and the exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tui.cli import main

TRANSCRIPT = """\
format: briefing-transcript/1
title: Harbour works [phase two]
date: 2021-09-14
organizer: Port of Aldmouth
fidelity: verbatim
speakers:
  - name: Ines Okafor
    role: harbour master
exchanges:
  - question:
      by: Coastal Radio
      text: When will the north quay reopen?
    answers:
      - by: Ines Okafor
        text: The north quay reopens on the first of October.
  - question:
      text: And the ferry terminal?
    answers:
      - by: Ines Okafor
        text: Not before the spring, I am afraid.
"""
ID = "2021-09-14-harbour"
A1 = f"{ID}#q1.a1"
A2 = f"{ID}#q2.a1"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / f"{ID}.yaml").write_text(TRANSCRIPT, encoding="utf-8")
    return folder


def clips(root: Path, tmp_path: Path, *args: str) -> int:
    extra = ["--archive", str(root), "--index", str(tmp_path / "index.sqlite3")]
    return main(["clips", *args, *extra])


def test_new_add_list_and_remove(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert clips(root, tmp_path, "new", "Harbour story") == 0
    assert clips(root, tmp_path, "add", "Harbour story", A1, "--note", "lead quote") == 0
    assert clips(root, tmp_path, "add", "Harbour story", A2) == 0
    capsys.readouterr()
    assert clips(root, tmp_path, "list") == 0
    assert capsys.readouterr().out.startswith("Harbour story\t2\t")
    assert clips(root, tmp_path, "list", "Harbour story") == 0
    out = capsys.readouterr().out
    assert out.index(A1) < out.index(A2)
    assert "Ines Okafor  2021-09-14" in out
    assert "The north quay reopens" in out
    assert "note: lead quote" in out
    assert clips(root, tmp_path, "remove", "Harbour story", A1) == 0
    assert clips(root, tmp_path, "remove", "Harbour story", A1) == 1
    assert f"{A1} is not in 'Harbour story'" in capsys.readouterr().err
    clips(root, tmp_path, "list", "Harbour story")
    assert A1 not in capsys.readouterr().out


def test_new_refuses_a_name_that_exists(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert clips(root, tmp_path, "new", "Story") == 0
    assert clips(root, tmp_path, "new", "story") == 1
    assert "'Story' already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args", [("new",), ("add", "Story"), ("remove",), ("new", "yes"), ("new", " ")]
)
def test_usage_mistakes_exit_2(
    root: Path, tmp_path: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert clips(root, tmp_path, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing clips: ") and "Traceback" not in err


def test_a_reference_that_does_not_exist_exits_1_with_the_nearest(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clips(root, tmp_path, "new", "Story")
    assert clips(root, tmp_path, "add", "Story", f"{ID}#q1.a7") == 1
    err = capsys.readouterr().err
    assert f"no answer, question or remark '{ID}#q1.a7'" in err
    assert f"nearest: {A1}" in err


def test_adding_to_a_collection_that_does_not_exist_exits_1(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert clips(root, tmp_path, "add", "Nowhere", A1) == 1
    assert "no collection named 'Nowhere'" in capsys.readouterr().err


def _story(root: Path, tmp_path: Path) -> None:
    clips(root, tmp_path, "new", "Story")
    clips(root, tmp_path, "add", "Story", A1, "--note", "check the date")
    clips(root, tmp_path, "add", "Story", A2)


def test_export_markdown_carries_quote_citation_and_note(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(root, tmp_path)
    capsys.readouterr()
    assert clips(root, tmp_path, "export", "Story", "--format", "md") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Story\n")
    assert "> The north quay reopens on the first of October." in out
    assert "- Organizer: Port of Aldmouth" in out
    assert "**Note:** check the date" in out
    assert "changed since clipped" not in out.lower()
    assert out.index("north quay") < out.index("spring")


def test_export_says_when_the_transcript_changed_since(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(root, tmp_path)
    edited = TRANSCRIPT.replace("first of October", "fifteenth of October")
    (root / f"{ID}.yaml").write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert clips(root, tmp_path, "export", "Story", "-f", "txt") == 0
    captured = capsys.readouterr()
    assert "CHANGED SINCE CLIPPED" in captured.out
    assert "first of October" in captured.out  # the words as clipped
    assert f"{A1}: changed since clipped" in captured.err
    assert clips(root, tmp_path, "export", "Story", "-f", "json") == 0
    data = json.loads(capsys.readouterr().out)
    first, second = data["clippings"]
    assert first["changed_since_clipped"] is True
    assert "fifteenth" in first["current_text"]
    assert first["quote"]["text"].endswith("first of October.")
    assert second["status"] == "same"


def test_export_of_a_removed_briefing_keeps_the_words(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(root, tmp_path)
    (root / f"{ID}.yaml").unlink()
    (root / "other.yaml").write_text(TRANSCRIPT.replace("Harbour", "Dock"), encoding="utf-8")
    capsys.readouterr()
    assert clips(root, tmp_path, "export", "Story", "-f", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["status"] for row in rows] == ["no longer in the archive"] * 2
    assert rows[0]["text"] == "The north quay reopens on the first of October."
    assert rows[0]["note"] == "check the date"


def test_export_to_a_file_refuses_to_overwrite_without_force(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(root, tmp_path)
    target = tmp_path / "story.md"
    target.write_text("keep me", encoding="utf-8")
    assert clips(root, tmp_path, "export", "Story", "-o", str(target)) == 1
    assert "already exists (use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert clips(root, tmp_path, "export", "Story", "-o", str(target), "--force") == 0
    assert target.read_text(encoding="utf-8").startswith("# Story")


def test_a_damaged_database_is_reported_and_kept(
    root: Path, tmp_path: Path, user_dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data = user_dirs[1]
    data.mkdir(parents=True)
    (data / "clippings.sqlite3").write_bytes(b"\x00garbage" * 500)
    assert clips(root, tmp_path, "new", "Story") == 0
    err = capsys.readouterr().err
    [aside] = data.glob("clippings.sqlite3.damaged-*")
    assert f"kept as {aside}" in err


def test_search_with_a_damaged_clippings_database_is_a_message_not_a_traceback(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], user_dirs: tuple[Path, Path]
) -> None:
    _story(root, tmp_path)
    capsys.readouterr()
    index = ["--index", str(tmp_path / "index.sqlite3")]
    assert main(["search", "note:check", str(root), *index]) == 0
    assert A1 in capsys.readouterr().out
    database = user_dirs[1] / "clippings.sqlite3"
    for leftover in user_dirs[1].glob("clippings.sqlite3-*"):
        leftover.unlink()
    database.write_bytes(b"damaged " * 1000)
    assert main(["search", "note:quay", str(root), *index]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing search: clipped:/note: cannot be answered")
    assert "damaged" in err and "Traceback" not in err
    assert database.read_bytes() == b"damaged " * 1000  # a search never moves it aside
    assert main(["search", "quay", str(root), *index]) == 0  # other searches are untouched


def test_export_with_apa_cites_every_clipping_in_the_style(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(root, tmp_path)
    capsys.readouterr()
    assert clips(root, tmp_path, "export", "Story", "--style", "apa") == 0
    out = capsys.readouterr().out
    # APA 7 for a speech: family name, initial, then (year, month day) of the event
    assert out.count("Okafor, I. (2021, September 14).") == 2
    assert out.count("Cite as (APA") == 2
    assert "**Note:** check the date" in out  # the notes stay

    assert clips(root, tmp_path, "export", "Story", "--format", "csv", "--style", "mla") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["reference"] for row in rows] == [A1, A2]
    assert all(row["citation"].startswith("Okafor, Ines.") for row in rows)

    assert clips(root, tmp_path, "export", "Story", "--format", "json", "--style", "chicago") == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["citation"]["style"] for c in data["clippings"]] == ["chicago", "chicago"]

    assert clips(root, tmp_path, "export", "Story", "--format", "csv") == 0
    plain = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["citation"] for row in plain] == ["", ""]  # plain: the columns are the fields


def test_export_with_an_unknown_style_lists_the_known_ones(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(root, tmp_path)
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:  # argparse's own usage error
        clips(root, tmp_path, "export", "Story", "--style", "harvard")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "harvard" in err and "apa" in err and "chicago" in err and "mla" in err
