"""Export and copy when the reader is served in a browser (``briefing serve``).

The browser test drives the real thing; these Pilot tests pin the branch itself with an
app that says it is served (``App.is_web``) and records what it delivers, so a failure
here names the rule that broke: a download instead of a file on the server, under a
safe name, and the browser's clipboard only.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import IO, Any

import pytest
from conftest import ScreenApp
from quoting_samples import A1, BRIEFING_ID, sample_briefing
from textual.screen import Screen
from textual.widgets import Input, Label, RadioButton

from tui.export import render, render_briefing
from tui.export_file import download_name
from tui.screens.export import ExportScreen, copy_quote


class ServedApp(ScreenApp):
    """A screen host that runs as under the web driver and keeps what it delivers."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__(screen)
        self.delivered: list[tuple[str, str | None]] = []

    @property
    def is_web(self) -> bool:
        return True

    def deliver_text(  # type: ignore[override]
        self, path_or_file: IO[str], *, save_filename: str | None = None, **options: Any
    ) -> str:
        self.delivered.append((path_or_file.read(), save_filename))
        return "key"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_export_sends_a_download_and_writes_nothing_on_the_server(in_tmp: Path) -> None:
    app = ServedApp(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Download as:" in [str(label.content) for label in app.dialog.query(Label)]
        name = f"{BRIEFING_ID}-q1-a1-gao-feng.md"
        # a file name only: the folders of the server mean nothing to the browser
        assert app.dialog.query_one("#destination", Input).value == name
        await pilot.press("enter")
        await pilot.pause()
        assert app.delivered == [(render(sample_briefing(), A1, "md"), name)]
        assert app.results == [Path(name)]
        assert app.notes == [f"Sent {BRIEFING_ID}#q1.a1 to the browser as {name}"]
    assert list(in_tmp.iterdir()) == []


async def test_the_suggested_name_follows_the_format(in_tmp: Path) -> None:
    app = ServedApp(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.dialog.query_one("#json", RadioButton).value = True
        await pilot.pause()
        name = f"{BRIEFING_ID}-q1-a1-gao-feng.json"
        assert app.dialog.query_one("#destination", Input).value == name
        await pilot.press("enter")
        await pilot.pause()
        assert app.delivered == [(render(sample_briefing(), A1, "json"), name)]


async def test_a_whole_briefing_is_made_in_a_worker_then_sent(in_tmp: Path) -> None:
    app = ServedApp(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#scope-briefing")
        await app.workers.wait_for_complete()
        await pilot.pause()
        name = f"{BRIEFING_ID}.md"
        assert app.dialog.query_one("#destination", Input).value == name
        await pilot.click("#export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.delivered == [(render_briefing(sample_briefing(), "md"), name)]
        assert app.notes == [f"Sent {BRIEFING_ID} to the browser as {name}"]
    assert list(in_tmp.iterdir()) == []


async def test_a_typed_name_is_sent_without_its_folders_and_made_safe(in_tmp: Path) -> None:
    app = ServedApp(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.dialog.query_one("#destination", Input).value = '/srv/quotes/Gao "fx"; ok.md'
        await pilot.press("enter")
        await pilot.pause()
        assert [name for _, name in app.delivered] == ["Gao-fx-ok.md"]
    assert list(in_tmp.iterdir()) == []


async def test_copy_goes_to_the_browser_clipboard_only(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clipboard command here would copy onto the server's desktop: it is not run."""
    bin_dir = in_tmp / "bin"
    bin_dir.mkdir()
    ran = in_tmp / "xsel.ran"
    stub = bin_dir / "xsel"
    stub.write_text(f'#!/bin/sh\ntouch "{ran}"\n', encoding="utf-8")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    app = ServedApp(ExportScreen(sample_briefing(), A1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        copy_quote(app, sample_briefing(), A1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == render(sample_briefing(), A1, "md")
        assert app.notes == [
            f"Copied {BRIEFING_ID}#q1.a1 with its citation via the browser's clipboard"
        ]
    assert not ran.exists()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("exports/2017-10-11-shanghai-q1-a1-li-jun.md", "2017-10-11-shanghai-q1-a1-li-jun.md"),
        ("quote.json", "quote.json"),
        ("a b\r\nSet-Cookie: x.txt", "a-b-Set-Cookie-x.txt"),
        ("Gao Fèng.md", "Gao-F-ng.md"),
        ("exports/", "exports"),
        ("...", "quote"),
        ("", "quote"),
    ],
)
def test_download_names_keep_only_what_a_header_can_carry(path: str, name: str) -> None:
    assert download_name(path) == name
