"""Remembered choices survive runs, and a damaged file costs defaults, never the program."""

from __future__ import annotations

import json

from tui import remembered


def test_a_choice_is_recalled_in_a_later_run() -> None:
    assert remembered.recall("theme", "textual-dark") == "textual-dark"
    remembered.remember("theme", "nord")
    remembered.remember("style", "apa")
    assert remembered.recall("theme", "textual-dark") == "nord"
    assert json.loads(remembered.state_path().read_text()) == {"style": "apa", "theme": "nord"}


def test_a_value_of_another_type_answers_the_default() -> None:
    remembered.remember("width", True)
    assert remembered.recall("width", 3) == 3
    remembered.remember("name", 4)
    assert remembered.recall("name", "x") == "x"


def test_a_damaged_file_is_reported_with_its_place_and_kept_aside() -> None:
    path = remembered.state_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": "nord",\n  oops}\n', encoding="utf-8")
    assert remembered.recall("theme", "dark") == "dark"
    message = remembered.problem()
    assert message is not None and message.startswith(f"{path}:2:")
    remembered.remember("theme", "gruvbox")
    assert remembered.recall("theme", "dark") == "gruvbox"
    assert "oops" in path.with_name("state.json.bad").read_text(encoding="utf-8")
    assert remembered.problem() is None


def test_a_file_that_is_not_an_object_is_reported() -> None:
    path = remembered.state_path()
    path.parent.mkdir(parents=True)
    path.write_text("[1, 2]\n", encoding="utf-8")
    assert remembered.recall("theme", "dark") == "dark"
    assert remembered.problem() == f"{path}:1:1: expected a JSON object of remembered choices"
