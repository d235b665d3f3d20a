"""End to end: the real ``briefing`` command in a real terminal (tmux), driven by keys.

Opens the bundled Shanghai briefing, chooses the speaker Li Jun, exports the selected
answer with ``e`` (Enter accepts the dialog's defaults) and reads the written file.
``make test`` installs tmux where it is missing. Waiting polls the screen until the
expected text appears (with a generous deadline for a busy machine), so nothing here
measures speed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

BRIEFING = Path(sys.executable).parent / "briefing"
SHANGHAI = "2017-10-11-shanghai-belt-and-road"
DEADLINE = 30.0


class Terminal:
    """A detached tmux session running one command, on a tmux server of its own (``-L``):
    on the default server a session started while another run's last session closes
    can meet a server on its way out, and fail."""

    def __init__(self, command: str, cwd: Path, size: tuple[int, int] = (120, 40)) -> None:
        self.name = f"briefing-e2e-{uuid.uuid4().hex[:8]}"
        width, height = size
        env = {**os.environ, "TERM": "xterm-256color"}
        subprocess.run(
            [
                "tmux",
                "-L",
                self.name,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                str(height),
                "-c",
                str(cwd),
                command,
            ],
            check=True,
            env=env,
        )

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.name, "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout

    def wait_for(self, text: str) -> str:
        end = time.monotonic() + DEADLINE
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def wait_for_gone(self, text: str) -> None:
        end = time.monotonic() + DEADLINE
        while text in self.screen():
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} is still on the screen:\n{self.screen()}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "-L", self.name, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run(
            ["tmux", "-L", self.name, "send-keys", "-t", self.name, "-l", text], check=True
        )

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.name, "kill-session", "-t", self.name], capture_output=True
        )


def wait_for_file(path: Path) -> str:
    """The text of ``path`` once the reader has written it."""
    end = time.monotonic() + DEADLINE
    while not path.exists() and time.monotonic() < end:
        time.sleep(0.1)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def terminal_factory(tmp_path: Path):  # type: ignore[no-untyped-def]
    assert shutil.which("tmux"), "tmux is required: `make test` installs it"
    sessions: list[Terminal] = []

    def start(command: str) -> Terminal:
        session = Terminal(command, tmp_path)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()


def test_open_shanghai_choose_li_jun_and_export(tmp_path: Path, terminal_factory) -> None:  # type: ignore[no-untyped-def]
    index = tmp_path / "index.sqlite"
    # started from the test's folder, not the project: the bundled transcripts are found
    term = terminal_factory(f"{BRIEFING} --index {index}; sleep 5")
    term.wait_for("Shanghai")
    term.keys("/")
    term.type("2017-10")
    term.keys("Enter")
    term.wait_for(f"{SHANGHAI}#q1.a1")
    term.keys("s")
    term.type("li jun")
    term.keys("Enter")
    screen = term.wait_for("speaker: Li Jun")
    assert f"{SHANGHAI}#q2.a2" in screen
    assert "ANSWER q2.a2 · Li Jun" in screen
    term.keys("e")
    term.wait_for(f"Export {SHANGHAI}#q2.a2")
    term.keys("Enter")
    text = wait_for_file(tmp_path / "exports" / f"{SHANGHAI}-q2-a2-li-jun.md")
    assert "Thank you very much for your question." in text
    assert f"{SHANGHAI}#q2.a2" in text
    assert "Li Jun" in text
    term.keys("q")
    term.wait_for_gone("Shanghai")  # the reader quit and gave the terminal back


def test_keys_typed_ahead_land_where_the_user_was_typing(
    tmp_path: Path,
    terminal_factory,  # type: ignore[no-untyped-def]
) -> None:
    """Each burst goes to tmux in one ``send-keys -l``, so the keys reach the reader
    together, as from a paste or a fast typist."""
    index = tmp_path / "index.sqlite"
    term = terminal_factory(f"{BRIEFING} --index {index}; sleep 5")
    # As soon as the reader has the terminal (keys sent before that are the terminal's
    # to keep or drop), while it is still opening the archive.
    term.wait_for("Filter")
    term.type("/ab/cd")
    term.wait_for("Filter ab/cd")
    term.type("?x!")
    term.wait_for("Filter ab/cd?x!")
    term.keys("C-u")
    term.type("2017-10")
    term.keys("Enter")
    term.wait_for(f"{SHANGHAI}#q1.a1")
    term.type("e")
    term.keys("Enter")  # typed ahead of the dialog: it accepts the dialog's defaults
    written = wait_for_file(tmp_path / "exports" / f"{SHANGHAI}-q1-a1-tang-zhiping.md")
    assert f"{SHANGHAI}#q1.a1" in written
    screen = term.screen()
    assert "Filter 2017-10 " in screen  # nothing typed for the dialog reached the filter
    term.keys("q")


def wait_for_pattern(term: Terminal, pattern: str) -> re.Match[str]:
    """The first match of ``pattern`` on the screen, once it appears."""
    end = time.monotonic() + DEADLINE
    while True:
        screen = term.screen()
        found = re.search(pattern, screen)
        if found is not None:
            return found
        if time.monotonic() > end:
            raise AssertionError(f"{pattern!r} never appeared; the screen was:\n{screen}")
        time.sleep(0.1)


def test_find_typed_then_n_steps_to_the_next_match(tmp_path: Path, terminal_factory) -> None:  # type: ignore[no-untyped-def]
    index = tmp_path / "index.sqlite"
    term = terminal_factory(f"{BRIEFING} --index {index} {SHANGHAI}#q1.a1; sleep 5")
    term.wait_for(f"{SHANGHAI}#q1.a1")
    term.keys("f")
    term.wait_for("Find")
    term.type("BELT")
    term.keys("Enter")
    first = wait_for_pattern(term, r"Find BELT +(\d+)/(\d+)\b")  # the find bar's count
    number, total = int(first.group(1)), int(first.group(2))
    assert total > 1
    term.keys("n")
    following = f"{number % total + 1}/{total}"
    screen = term.wait_for(f"match {following} ")  # the status line says it too
    assert re.search(f"Find BELT +{following}\\b", screen)
    term.keys("Escape")
    term.wait_for_gone("Find BELT")
    term.keys("q")
