"""The bookmarks file: kept across runs, tolerant of hand edits, never lost when damaged."""

from __future__ import annotations

import json
from pathlib import Path

from tui.bookmarks import Bookmark, Bookmarks, bookmarks_path, first_words

MARK = Bookmark("2017-10-11-shanghai#q2.a1", "Li Jun", "2017-10-11", "Shanghai", "We take")


def write(text: str) -> Path:
    path = bookmarks_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bookmark_survives_a_new_run_and_toggles_off() -> None:
    assert len(Bookmarks.load()) == 0
    assert Bookmarks.load().toggle(MARK) is True
    again = Bookmarks.load()
    assert again.items == [MARK] and again.problems == []
    assert MARK.ref in again
    assert again.toggle(MARK) is False
    assert Bookmarks.load().items == []


def test_invalid_json_is_reported_at_its_place_and_kept_as_bad_before_a_write() -> None:
    path = write('{"bookmarks": [\n  {"ref": "a#q1"},\n  oops\n]}\n')
    store = Bookmarks.load()
    assert store.items == []
    assert len(store.problems) == 1 and store.problems[0].startswith(f"{path}:3:3: not valid JSON")
    assert path.read_text(encoding="utf-8").count("oops") == 1  # reading changes nothing
    store.toggle(MARK)
    assert "oops" in path.with_name("bookmarks.json.bad").read_text(encoding="utf-8")
    assert Bookmarks.load().items == [MARK]


def test_bad_entries_are_reported_and_the_good_ones_kept() -> None:
    path = write(
        '{"version": 1, "bookmarks": [\n'
        '  {"ref": "a#q1.a1", "speaker": "Ana"},\n'
        '  "just text",\n'
        '    {"ref": "not a reference"},\n'
        '  {"ref": "b#r2", "date": 2024},\n'
        '  {"ref": "a#q1.a1"}\n'
        "]}\n"
    )
    store = Bookmarks.load()
    assert [item.ref for item in store.items] == ["a#q1.a1", "b#r2"]
    assert store.items[0].speaker == "Ana"
    places = [problem.split(": ", 1)[0] for problem in store.problems]
    assert places == [f"{path}:3:3", f"{path}:4:5", f"{path}:5:3", f"{path}:6:3"]
    assert "already bookmarked on line 2" in store.problems[3]
    store.remove("b#r2")
    assert "just text" in path.with_name("bookmarks.json.bad").read_text(encoding="utf-8")
    assert [item.ref for item in Bookmarks.load().items] == ["a#q1.a1"]


def test_the_wrong_shape_is_reported() -> None:
    path = write('  {"marks": []}\n')
    assert Bookmarks.load().problems == [f'{path}:1:1: expected an object with a "bookmarks" list']
    path = write('{"bookmarks": {"ref": "a#q1"}}')
    assert Bookmarks.load().problems == [f'{path}:1:15: "bookmarks" must be a list']
    path = write("42")
    assert Bookmarks.load().problems[0].startswith(f"{path}:1:1:")


def test_a_bare_list_is_read() -> None:
    write(json.dumps([{"ref": "a#q1"}, {"ref": "b#q2.a3", "words": "Yes."}]))
    assert [item.words for item in Bookmarks.load().items] == ["", "Yes."]


def test_unknown_briefings_are_pointed_at_and_kept() -> None:
    path = write('{"bookmarks": [\n {"ref": "here#q1"},\n {"ref": "elsewhere#q1"}\n]}')
    store = Bookmarks.load()
    assert store.unknown({"here"}) == [
        f"{path}:3:2: unknown reference elsewhere#q1 (no such briefing in this archive)"
    ]
    assert len(store) == 2


def test_after_a_write_entries_are_found_at_their_new_places() -> None:
    store = Bookmarks.load()
    store.toggle(MARK)
    store.toggle(Bookmark("gone#q1"))
    problems = Bookmarks.load().unknown({"2017-10-11-shanghai"})
    assert problems == store.unknown({"2017-10-11-shanghai"})
    line = int(problems[0].split(":")[-3])
    text = bookmarks_path().read_text(encoding="utf-8").splitlines()
    assert text[line - 1].strip() == "{"


def test_first_words_are_cut_with_an_ellipsis() -> None:
    assert first_words("one  two\nthree four", 3) == "one two three…"
    assert first_words("one two", 3) == "one two"


def test_a_hand_edit_made_meanwhile_is_noticed_before_a_write() -> None:
    store = Bookmarks.load()
    store.toggle(MARK)
    assert not store.changed_on_disk()
    write('{"bookmarks": [{"ref": "added-by-hand#q1"}]}')
    assert store.changed_on_disk()
