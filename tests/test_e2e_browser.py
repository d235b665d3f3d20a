"""End to end in a real browser: ``briefing serve`` on a small archive, driven in Chromium.

Starts the real command on a free port, opens the page in headless Chromium (Debian's
``chromium``, driven by Playwright; ``make test`` installs it), and reads the screen the
way a visitor sees it: the page's terminal is xterm.js drawing on a canvas, so the text
is read from xterm.js's own screen buffer. Then it filters the list, copies an answer
(the browser's clipboard receives it), exports it (the browser receives a download, and
nothing is written on the server) and quits. A second tab gets a reader of its own.

Waiting is done by the browser (``wait_for_function`` until the text is on screen), with
a generous deadline for a busy machine, so nothing here measures speed.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tui.cli import bundled_transcripts

BRIEFING = Path(sys.executable).parent / "briefing"
SHANGHAI = "2017-10-11-shanghai-belt-and-road"
POWELL = "2025-03-19-fed-powell-press-conference"
DEADLINE_MS = 30_000

CHROMIUM_FLAGS = [
    "--no-sandbox",  # the tests run as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--no-first-run",
    # on a closed network, Chromium's own background connections are refused or hang
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SCREEN_READER = """
window.briefingTerminals = [];
// textual-serve's page keeps its xterm.js Terminal in a property named "terminal" of an
// object it creates; catch it as it is set, so the test can read the screen buffer.
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    window.briefingTerminals.push(value);
  },
});
window.briefingScreen = () => {
  const terminal = window.briefingTerminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
};
"""


def screen(page: Page) -> str:
    return str(page.evaluate("window.briefingScreen()"))


def wait_for(page: Page, *texts: str) -> str:
    """The screen once every one of ``texts`` is on it."""
    try:
        page.wait_for_function(
            "texts => texts.every(text => window.briefingScreen().includes(text))",
            arg=list(texts),
            timeout=DEADLINE_MS,
        )
    except Exception as error:
        raise AssertionError(
            f"{texts!r} never appeared; the screen was:\n{screen(page)}"
        ) from error
    return screen(page)


def wait_for_gone(page: Page, text: str) -> str:
    try:
        page.wait_for_function(
            "text => !window.briefingScreen().includes(text)", arg=text, timeout=DEADLINE_MS
        )
    except Exception as error:
        raise AssertionError(f"{text!r} is still on the screen:\n{screen(page)}") from error
    return screen(page)


def wait_for_clipboard(page: Page, text: str) -> str:
    """The browser's clipboard once it holds ``text`` (reading it is a promise, which
    ``wait_for_function`` would take for a true value, so it is read until it does)."""
    end = time.monotonic() + DEADLINE_MS / 1000
    while True:
        held = str(page.evaluate("navigator.clipboard.readText()"))
        if text in held:
            return held
        if time.monotonic() > end:
            raise AssertionError(f"the clipboard never held {text!r}; it holds {held!r}")
        page.wait_for_timeout(100)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    end = time.monotonic() + DEADLINE_MS / 1000
    while True:
        if server.poll() is not None:
            raise AssertionError(
                f"briefing serve exited with {server.returncode}:\n{log.read_text()}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > end:
                raise AssertionError(f"briefing serve never listened:\n{log.read_text()}") from None
            time.sleep(0.1)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``briefing serve`` on two bundled briefings; yields its address and its folder."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in (SHANGHAI, POWELL):
        shutil.copy(bundled_transcripts() / f"{name}.yaml", archive)
    port = free_port()
    out, err = tmp_path / "serve.out", tmp_path / "serve.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(
            [BRIEFING, "serve", archive, "--port", str(port), "--index", tmp_path / "i.sqlite"],
            cwd=tmp_path,
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        wait_until_listening(port, server, err)
        yield f"http://127.0.0.1:{port}", tmp_path
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert out.read_text(encoding="utf-8").splitlines()[0] == (
        f"Serving the reader at http://127.0.0.1:{port} "
        "(this machine only; --host 0.0.0.0 to share)"
    )
    assert "Traceback" not in err.read_text(encoding="utf-8")
    assert server.returncode == 0


@pytest.fixture
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    assert chromium, "chromium is required: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


def test_the_reader_in_a_browser_filters_copies_and_downloads_an_export(
    served: tuple[str, Path], browser: Browser
) -> None:
    url, server_folder = served
    context = browser.new_context(viewport={"width": 1200, "height": 800}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    context.add_init_script(SCREEN_READER)
    page = context.new_page()
    page.goto(url)

    # the first screen: the list of both briefings, newest first, and the filter box
    first = wait_for(page, "Filter", "2025-03-19 Transcript of Chair Powell", "2017-10-11 Shanghai")
    assert first.index("2025-03-19 Transcript") < first.index("2017-10-11 Shanghai")

    page.evaluate("window.briefingTerminals[0].focus()")
    page.keyboard.type("/2017-10")
    wait_for(page, "Filter 2017-10", "1 of 2 briefings")
    filtered = wait_for_gone(page, "2025-03-19 Transcript")
    assert "2017-10-11 Shanghai" in filtered
    page.keyboard.press("Enter")
    wait_for(page, f"{SHANGHAI}#q1.a1 · answer 1/")

    page.keyboard.press("y")
    copied = wait_for_clipboard(page, f"{SHANGHAI}#q1.a1")
    assert "It’s a good question." in copied
    assert "Tang Zhiping" in copied
    assert "via the browser's" in wait_for(page, "Copied ")  # the reader says where it went

    page.keyboard.press("e")
    wait_for(page, f"Export {SHANGHAI}#q1.a1", "Download as:")
    with page.expect_download(timeout=DEADLINE_MS) as delivery:
        page.keyboard.press("Enter")
    download = delivery.value
    name = f"{SHANGHAI}-q1-a1-tang-zhiping.md"
    assert download.suggested_filename == name
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "It’s a good question." in text
    assert f"{SHANGHAI}#q1.a1" in text
    assert "Tang Zhiping" in text
    wait_for(page, "Sent ")  # the reader says the file went to the browser
    assert not (server_folder / "exports").exists()  # nothing written on the server

    # another visitor gets a reader of their own, on its first screen
    other = context.new_page()
    other.goto(url)
    wait_for(other, "2025-03-19 Transcript of Chair Powell", "2017-10-11 Shanghai")
    assert "2025-03-19 Transcript" not in screen(page)

    page.keyboard.press("q")
    page.wait_for_selector("body.-closed", state="attached", timeout=DEADLINE_MS)
    assert page.get_by_text("The reader was closed.").is_visible()
    context.close()
