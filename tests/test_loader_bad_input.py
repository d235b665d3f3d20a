"""Every kind of bad input gets one clear problem at the exact line and column, and the
good files next to it still load."""

from __future__ import annotations

import errno
import os
import tracemalloc
from pathlib import Path

import pytest
import yaml
from loader_samples import BAD, BOMB, GOOD, Bad, good

import tui.loader
from tui import yamlnodes
from tui.loader import MAX_FILE_BYTES, iter_transcript_files, load_bytes, load_file, load_paths
from tui.model import Problem


def _matches(problem: Problem, bad: Bad) -> bool:
    return (
        problem.code == bad.code
        and (problem.line, problem.column) == (bad.line, bad.column)
        and bad.words in problem.message
        and problem.severity == "error"
    )


@pytest.mark.parametrize("bad", BAD, ids=[bad.name for bad in BAD])
def test_bad_bytes_give_the_located_problem(bad: Bad) -> None:
    briefing, problems = load_bytes(bad.data, bad.name)
    assert briefing is None
    assert any(_matches(p, bad) for p in problems), [str(p) for p in problems]
    assert all(p.path == bad.name for p in problems)
    if bad.only:
        assert len(problems) == 1, [str(p) for p in problems]


@pytest.mark.parametrize("bad", BAD, ids=[bad.name for bad in BAD])
def test_bad_file_next_to_good_ones(tmp_path: Path, bad: Bad) -> None:
    (tmp_path / "a-good.yaml").write_text(good("a-good"), encoding="utf-8")
    (tmp_path / bad.name).write_bytes(bad.data)
    (tmp_path / "z-good.yml").write_text(good("z-good"), encoding="utf-8")
    result = load_paths([tmp_path])
    assert result.files == 3
    assert sorted(b.id for b in result.corpus.briefings) == ["a-good", "z-good"]
    bad_path = str(tmp_path / bad.name)
    assert any(_matches(p, bad) for p in result.problems if p.path == bad_path)
    assert all(p.path == bad_path for p in result.problems)


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "owned"
    text = GOOD.replace(
        "title: Shanghai's role in the Belt and Road",
        f'title: !!python/object/apply:os.system ["touch {marker}"]',
    )
    briefing, problems = load_bytes(text.encode(), "tag.yaml")
    assert briefing is None
    assert [(p.code, p.line, p.column) for p in problems] == [("bad-tag", 2, 8)]
    assert not marker.exists()


def test_top_level_python_object_tag() -> None:
    _, problems = load_bytes(b"--- !!python/object:os.system\ntitle: x\n", "obj.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("bad-tag", 1, 5)]
    assert "'!!python/object:os.system' is not allowed" in problems[0].message


def test_alias_bomb_fails_fast_in_bounded_memory() -> None:
    tracemalloc.start()
    try:
        briefing, problems = load_bytes(BOMB, "bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert briefing is None
    assert peak < 2_000_000  # expanded, it would be 9**9 strings
    assert [p.code for p in problems].count("alias") == 1


def test_alias_in_a_read_field_is_refused_at_the_alias() -> None:
    text = GOOD.replace("tags: [belt-and-road, trade]", "tags: &t [a, b]") + "location: *t\n"
    text = text.replace("location: Shanghai\n", "")
    _, problems = load_bytes(text.encode(), "alias.yaml")
    alias = [p for p in problems if p.code == "alias"]
    assert [(p.line, p.column) for p in alias] == [(40, 11)]
    assert "alias *t" in alias[0].message


def test_recursive_alias_does_not_loop() -> None:
    text = GOOD.replace("tags: [belt-and-road, trade]", "tags: &t [a, *t]")
    _, problems = load_bytes(text.encode(), "cycle.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("alias", 12, 14)]


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    line = b"# " + b"x" * 1021 + b"\n"
    with big.open("wb") as handle:
        handle.write(GOOD.encode())
        for _ in range(50 * 1024):
            handle.write(line)
    briefing, problems = load_file(big)
    assert briefing is None
    assert [(p.code, p.line, p.column) for p in problems] == [("too-large", 1, 1)]
    assert f"limited to {MAX_FILE_BYTES:,} bytes (8 MiB)" in problems[0].message
    # The same limit holds for bytes handed over directly.
    _, problems = load_bytes(b"#" * (MAX_FILE_BYTES + 1), "big.yaml")
    assert [p.code for p in problems] == ["too-large"]


def test_file_at_the_limit_still_loads() -> None:
    data = GOOD.encode()
    padded = data + b"#" * (MAX_FILE_BYTES - len(data))
    briefing, problems = load_bytes(padded, "padded.yaml")
    assert problems == []
    assert briefing is not None


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:
        # root reads any file, so let the open fail the way the kernel fails it for users
        real_open = os.open

        def refusing_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args)

        monkeypatch.setattr(tui.loader.os, "open", refusing_open)
    result = load_paths([tmp_path])
    assert [b.id for b in result.corpus.briefings] == ["good"]
    assert [(p.path, p.line, p.column, p.code) for p in result.problems] == [
        (str(locked), 1, 1, "unreadable")
    ]
    assert "permission denied" in result.problems[0].message


def test_symlink_loop_is_reported_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yaml").write_text(good("one"), encoding="utf-8")
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.yaml").symlink_to(tmp_path / "self.yaml")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "two.yaml").write_text(good("two"), encoding="utf-8")
    files, problems = iter_transcript_files([tmp_path])
    assert files == [tmp_path / "a" / "one.yaml", tmp_path / "z" / "two.yaml"]
    assert sorted((p.path, p.code) for p in problems) == [
        (str(tmp_path / "a" / "back"), "symlink-loop"),
        (str(tmp_path / "self.yaml"), "symlink-loop"),
    ]
    assert all("symbolic link loop" in p.message for p in problems)
    result = load_paths([tmp_path])
    assert sorted(b.id for b in result.corpus.briefings) == ["one", "two"]


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    second = tmp_path / "b.yaml"
    first.write_text(good("same"), encoding="utf-8")
    second.write_text(good("same"), encoding="utf-8")
    result = load_paths([tmp_path])
    assert [b.path for b in result.corpus.briefings] == [first]
    assert [(p.path, p.line, p.column, p.code) for p in result.problems] == [
        (str(second), 1, 5, "duplicate-id")
    ]
    assert str(first) in result.problems[0].message
    assert str(second) in result.problems[0].message


def test_duplicate_default_id_points_at_the_file_start(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "brief.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "y" / "brief.yml").write_text(GOOD, encoding="utf-8")
    result = load_paths([tmp_path])
    assert len(result.corpus) == 1
    assert [(p.line, p.column, p.code) for p in result.problems] == [(1, 1, "duplicate-id")]


def test_every_problem_in_a_file_is_reported() -> None:
    text = (
        GOOD.replace("date: 2017-10-11", "date: 2017-02-30")
        .replace("fidelity: highlights", "fidelity: exact")
        .replace("    answers: []", "    answer: []")
        .replace("      - by: Wang Sizheng", "      - by: Wang Sizhen")
    )
    _, problems = load_bytes(text.encode(), "many.yaml")
    assert [(p.line, p.column, p.code) for p in problems] == [
        (3, 7, "bad-date"),
        (9, 11, "bad-fidelity"),
        (33, 13, "unknown-speaker"),
        (40, 5, "unknown-key"),
    ]
    assert "did you mean 'Wang Sizheng'?" in problems[2].message


def test_utf16_file_is_named_as_such() -> None:
    _, problems = load_bytes(GOOD.encode("utf-16"), "wide.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("not-utf8", 1, 1)]
    assert "UTF-16" in problems[0].message


def test_control_character_is_located() -> None:
    _, problems = load_bytes(b"title: a\x07b\n", "bell.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-syntax", 1, 9)]


def test_pure_python_parser_gives_the_same_locations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml the loader falls back to PyYAML's SafeLoader; locations agree."""
    monkeypatch.setattr(yamlnodes, "_LOADER", yaml.SafeLoader)
    monkeypatch.setattr(yamlnodes, "_BYTE_OFFSETS", False)
    for bad in BAD:
        if bad.code == "yaml-syntax":
            continue  # the two parsers word syntax errors differently
        _, problems = load_bytes(bad.data, bad.name)
        assert any(_matches(p, bad) for p in problems), (bad.name, [str(p) for p in problems])


def test_second_document_is_refused_where_it_starts() -> None:
    _, problems = load_bytes(f"{GOOD}---\ntitle: another\n".encode(), "two.yaml")
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-syntax", 41, 1)]
    assert problems[0].message == (
        "a second YAML document starts here; expected one briefing per file"
    )
