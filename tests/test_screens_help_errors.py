"""The help screen lists the key table; the errors screen shows problems as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from textual.widgets import Label, Static

from tui.keymap import KEYS
from tui.model import Problem
from tui.screens.errors import ErrorsScreen, summary
from tui.screens.help import HelpScreen, help_groups, key_label

if TYPE_CHECKING:
    from conftest import ScreenApp, ScreenAppFactory


def _labels(app: ScreenApp, selector: str) -> list[str]:
    return [str(label.content) for label in app.dialog.query(selector).results(Label)]


async def test_help_lists_every_key_of_the_table_and_the_palette(
    screen_app: ScreenAppFactory,
) -> None:
    app = screen_app(HelpScreen())
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        keys = _labels(app, ".key")
        helps = _labels(app, ".help")
        rows = list(zip(keys, helps, strict=True))
        for key in KEYS:
            assert (key_label(key.keys), key.help) in rows
        assert any(k == "ctrl+p" and "command palette" in h for k, h in rows)
        assert len(rows) == len(KEYS) + 1
        groups = _labels(app, ".group")
        assert groups == list(dict.fromkeys(k.group for k in KEYS))


def test_key_labels_are_written_for_people() -> None:
    assert key_label("question_mark") == "?"
    assert key_label("j,down") == "j / ↓"
    assert key_label("G,end") == "G / end"
    assert key_label("!") == "!"
    assert next(group for group, _ in help_groups()) == KEYS[0].group


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_closes(screen_app: ScreenAppFactory, key: str) -> None:
    app = screen_app(HelpScreen())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, HelpScreen)


PROBLEMS = [
    Problem(
        "archive/a.yaml",
        3,
        5,
        "unknown-key",
        "unknown key 'answer' [bold]; did you mean 'answers'?",
    ),
    Problem("archive/b.yaml", 12, None, "bad-date", "date [red]2017-13-01[/red] is not a date"),
    Problem("archive/c.yaml", None, None, "unreadable", "cannot read: \x1b]0;title\x07"),
    Problem("archive/a.yaml", 9, 1, "odd", "a speaker has no answers", "warning"),
]


async def test_errors_are_listed_as_plain_text(screen_app: ScreenAppFactory) -> None:
    app = screen_app(ErrorsScreen(PROBLEMS))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        title = str(app.dialog.query_one("#errors-title", Label).content)
        assert title == "3 errors and 1 warning in 3 files"
        body = app.dialog.query_one("#problems", Static)
        lines = body.visual.plain.splitlines()  # type: ignore[attr-defined]
        assert lines == [
            "archive/a.yaml:3:5: unknown key 'answer' [bold]; did you mean 'answers'?",
            "archive/b.yaml:12: date [red]2017-13-01[/red] is not a date",
            "archive/c.yaml: cannot read: \u241b]0;title\u2407",
            "archive/a.yaml:9:1: warning: a speaker has no answers",
        ]
        assert not body.visual.spans  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


@pytest.mark.parametrize("key", ["escape", "q", "!"])
async def test_errors_close(screen_app: ScreenAppFactory, key: str) -> None:
    app = screen_app(ErrorsScreen(PROBLEMS))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]


async def test_many_errors_scroll(screen_app: ScreenAppFactory) -> None:
    many = [Problem(f"f{i}.yaml", i, 1, "x", f"problem {i}") for i in range(1, 201)]
    app = screen_app(ErrorsScreen(many))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        scroll = app.dialog.query_one("#problems-scroll")
        assert scroll.max_scroll_y > 0
        scroll.focus()
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y


async def test_no_errors_says_nothing_failed(screen_app: ScreenAppFactory) -> None:
    app = screen_app(ErrorsScreen([]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = str(app.dialog.query_one("#errors-title", Label).content)
        assert title == "Nothing failed to load: every transcript file was read."
        assert not app.dialog.query("#problems")
    assert summary(PROBLEMS[:1]) == "1 error in 1 file"
