"""``briefing import`` on the command line: bad inputs each get a clear message and exit
status 1 with nothing written; good ones are written whole, or not at all."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from importer_support import RAW

from tui.cli import main
from tui.loader import load_file

TAI = RAW / "whitehouse-2021-06-15-tai-press-call.txt"
GOOD = "Briefing\nJune 1, 2022\n\nMR. SMITH: Hello.\n\nQ Why?\n\nMR. SMITH: Because.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_imports_a_sample_that_loads_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(TAI), "-o", str(tmp_path), "--speaker", "Vedant, moderator")
    assert code == 0
    target = tmp_path / "2021-06-15-whitehouse-tai-press-call.yaml"
    assert out.startswith(f"wrote {target} from {TAI}: 2 exchanges, 7 remarks")
    assert files(tmp_path) == [target.name]
    briefing, problems = load_file(target)
    assert problems == [] and briefing is not None
    assert main(["check", str(target)]) == 0
    assert "0 problems" in capsys.readouterr().out
    text = target.read_text("utf-8")
    assert text.startswith("# Imported with `briefing import` from ")
    assert "I’m going to go ahead" in text  # UTF-8 as it is, not escaped


def test_dry_run_prints_the_counts_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(TAI), "-o", str(tmp_path / "out"), "--dry-run")
    assert code == 0
    assert "words: 1378 in the body = 15 in speaker labels + 1363 written; none lost" in out
    assert "left out as not said: front matter 64, time stamps 10, location 2" in out
    assert not (tmp_path / "out").exists()


def test_warnings_name_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = RAW / "shanghai-2017-10-11-belt-and-road.txt"
    code, _, err = run(capsys, str(raw), "-o", str(tmp_path))
    assert code == 0
    assert f"{raw}:83: warning: a question printed inside Li Jun's answer" in err


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "empty.txt"
    raw.write_bytes(b"  \n\n")
    code, out, err = run(capsys, str(raw), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{raw}: error: the file is empty: there is no transcript to import" in err
    assert "nothing was written" in err
    assert out == "" and not (tmp_path / "out").exists()


def test_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "photo.png"
    raw.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run(capsys, str(raw), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{raw}: error: this looks like a binary file, not text" in err
    assert not (tmp_path / "out").exists()


def test_no_recognisable_turns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "prose.txt"
    raw.write_text("A title\n\nSome prose about a briefing, with no speaker labels at all.\n")
    code, _, err = run(capsys, str(raw), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{raw}: error: no recognisable turns: no line starts with a speaker label" in err


def test_only_questions_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "questions.txt"
    raw.write_text("Q: One?\n\nQ: Two?\n")
    code, _, err = run(capsys, str(raw), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "error: no one answers: every turn is a question" in err


def test_non_utf8_text_is_read_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "latin.txt"
    raw.write_bytes(GOOD.replace("Hello.", "H\u00e9llo \u2014 caf\u00e9.").encode("cp1252"))
    code, _, err = run(capsys, str(raw), "-o", str(tmp_path), "--id", "latin")
    assert code == 0
    assert f"{raw}:4: warning: the file is not UTF-8 (byte 0xE9 at column 13)" in err
    assert "read as Windows-1252" in err
    briefing, problems = load_file(tmp_path / "latin.yaml")
    assert problems == [] and briefing is not None
    assert briefing.remarks[0].text == "H\u00e9llo \u2014 caf\u00e9."


def test_existing_output_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "in.txt"
    raw.write_text(GOOD)
    target = tmp_path / "out" / "mine.yaml"
    target.parent.mkdir()
    target.write_text("precious\n")
    code, _, err = run(capsys, str(raw), "-o", str(target.parent), "--id", "mine")
    assert code == 1
    assert f"{target}: error: already exists (from {raw}); use --force to replace it" in err
    assert target.read_text() == "precious\n"
    code, _, err = run(capsys, str(raw), "-o", str(target.parent), "--id", "mine", "--dry-run")
    assert code == 0  # the import itself is fine; the dry run says what writing would need
    assert f"{target}: warning: already exists; writing it needs --force" in err
    code, _, _ = run(capsys, str(raw), "-o", str(target.parent), "--id", "mine", "--force")
    assert code == 0
    assert target.read_text().startswith("# Imported")
    assert files(target.parent) == ["mine.yaml"]


def test_output_folder_that_cannot_be_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "in.txt"
    raw.write_text(GOOD)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    code, _, err = run(capsys, str(raw), "-o", str(blocker / "sub"))
    assert code == 1
    assert f"{blocker / 'sub'}: error: cannot create the output folder" in err
    code, _, err = run(capsys, str(raw), "-o", str(blocker))
    assert code == 1
    assert f"{blocker}: error: cannot create the output folder" in err
    assert blocker.read_text() == "not a folder\n"


def test_a_failed_write_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "in.txt"
    raw.write_text(GOOD)
    out = tmp_path / "out"

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run(capsys, str(raw), "-o", str(out), "--id", "x")
    assert code == 1
    assert f"{out / 'x.yaml'}: error: cannot write it: Permission denied" in err
    assert files(out) == []  # no temporary file, no partial transcript


def test_one_bad_input_among_several_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = tmp_path / "out"
    code, stdout, err = run(capsys, str(bad), str(TAI), "-o", str(out), "-j", "1")
    assert code == 1
    assert f"{bad}: error: the file is empty" in err
    assert "briefing import: 1 of 2 inputs not written" in err
    assert files(out) == ["2021-06-15-whitehouse-tai-press-call.yaml"]
    assert "2 inputs: 1 failed, 1 written" in stdout


def test_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    code, _, err = run(capsys, str(missing), "-o", str(tmp_path))
    assert code == 1
    assert f"{missing}: error: cannot read it: No such file or directory" in err


def test_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "-", "-o", str(tmp_path))
    assert code == 0
    assert "from <stdin>" in out
    assert files(tmp_path) == ["2022-06-01-briefing.yaml"]
    assert "from standard input." in (tmp_path / "2022-06-01-briefing.yaml").read_text()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(TAI), str(TAI), "--id", "x", "--dry-run")
    assert code == 2
    assert "--id names one transcript" in err
    code, _, err = run(capsys, str(TAI), "--speaker", " , role", "--dry-run")
    assert code == 2
    assert "expected 'Name, role' or 'LABEL=Name, role'" in err
    code, _, err = run(capsys, str(TAI), "--id", "../escape", "--dry-run")
    assert code == 2
    assert "--id '../escape': use only letters, digits" in err
    code, _, err = run(capsys, str(TAI), "--date", "yesterday", "--dry-run")
    assert code == 2
    assert "--date 'yesterday': expected a date as YYYY-MM-DD" in err
