"""``briefing check``: output shape, counts and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from loader_samples import BAD, GOOD, good

from tui.cli import bundled_transcripts, main

SUMMARY = re.compile(r"^(\d+) files, (\d+) briefings, (\d+) problems$")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def _bad_folder(root: Path) -> Path:
    folder = root / "corpus"
    (folder / "nested").mkdir(parents=True)
    for bad in BAD:
        (folder / bad.name).write_bytes(bad.data)
    (folder / "nested" / "good-one.yaml").write_text(good("good-one"), encoding="utf-8")
    (folder / "good-two.yml").write_text(good("good-two"), encoding="utf-8")
    (folder / "same-id.yaml").write_text(good("good-two"), encoding="utf-8")
    big = folder / "huge.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes, refused by size
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def test_clean_bundled_transcripts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys)
    assert (code, err) == (0, "")
    match = SUMMARY.match(out[-1])
    assert match is not None, out
    files, briefings, problems = map(int, match.groups())
    expected = len([*bundled_transcripts().rglob("*.yaml"), *bundled_transcripts().rglob("*.yml")])
    assert (files, briefings, problems) == (expected, expected, 0)
    assert out[:-1] == []


def test_folder_of_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _bad_folder(tmp_path)
    code, out, _ = _run(capsys, str(folder))
    assert code == 1
    *lines, summary = out
    match = SUMMARY.match(summary)
    assert match is not None
    files, briefings, problems = map(int, match.groups())
    assert (files, briefings, problems) == (len(BAD) + 4, 2, len(lines))
    for bad in BAD:
        expected = f"{folder / bad.name}:{bad.line}:{bad.column}: "
        assert any(line.startswith(expected) and bad.words in line for line in lines), bad.name
    assert any(
        line.startswith(f"{folder / 'huge.yaml'}:1:1: file is 52,428,800 bytes") for line in lines
    )
    assert any(
        line.startswith(f"{folder / 'same-id.yaml'}:1:5: id 'good-two' is also the id of ")
        for line in lines
    )
    assert f"{folder / 'loop'}: symbolic link loop" in "\n".join(lines)
    named = {line.split(":", 1)[0] for line in lines}
    assert str(folder / "nested" / "good-one.yaml") not in named
    assert str(folder / "good-two.yml") not in named


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(GOOD.replace("date: 2017-10-11", "date: 2017-13-45"))
    code, out, _ = _run(capsys, "--json", str(tmp_path))
    assert code == 1
    document = json.loads("\n".join(out))
    assert document == {
        "files": 2,
        "briefings": 1,
        "problems": [
            {
                "path": str(tmp_path / "bad.yaml"),
                "line": 3,
                "column": 7,
                "code": "bad-date",
                "severity": "error",
                "message": "date: '2017-13-45' is not a valid date (month must be in 1..12); "
                "expected YYYY-MM-DD",
            }
        ],
    }


def test_paths_are_shown_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yaml").write_text(GOOD.replace("title:", "titel:"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "sub")
    assert code == 1
    assert out == [
        "sub/b.yaml:2:1: top level: unknown key 'titel'; did you mean 'title'? expected one of: "
        "format, id, title, date, published, organizer, location, language, source, fidelity, "
        "summary, tags, speakers, remarks, exchanges",
        "1 file, 0 briefings, 1 problem",
    ]


def test_warnings_count_as_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    early = tmp_path / "early.yaml"
    early.write_text(GOOD.replace("published: 2017-10-31", "published: 2017-10-01"))
    code, out, _ = _run(capsys, str(early))
    assert code == 1
    assert out[0].startswith(f"{early}:4:12: warning: published: 2017-10-01 is before")
    assert out[1] == "1 file, 1 briefing, 1 problem"


def test_nonexistent_path_is_a_usage_error_and_the_others_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ok.yaml").write_text(GOOD, encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path), str(tmp_path / "nope"))
    assert code == 2
    assert out == ["1 file, 1 briefing, 0 problems"]
    assert err == f"briefing check: {tmp_path / 'nope'}: no such file or folder\n"
    code, out, err = _run(capsys, str(tmp_path / "nope"))
    assert (code, out) == (2, [])


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--nope"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --nope" in capsys.readouterr().err


def test_real_command_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(GOOD.replace("    answers: []", "    answer: []"))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert f"{tmp_path / 'bad.yaml'}:40:5: exchanges[3]: unknown key 'answer'" in done.stdout
    assert done.stdout.endswith("1 file, 0 briefings, 1 problem\n")
    assert done.stderr == ""
