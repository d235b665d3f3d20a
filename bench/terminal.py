"""Drive a program in a real terminal (tmux) and time what appears on its screen.

Why tmux rather than the app's test harness: the figure a user feels is from pressing
Enter at the shell to seeing the screen, which includes interpreter start, imports, the
first layout and the terminal round trip. ``capture-pane`` reads the screen exactly as a
terminal shows it, so the clock stops only when the expected text is really painted.

Every run uses a private tmux server (its own socket), so sessions of other people on the
machine are never touched; :meth:`Tmux.close` ends only that server. Polling sleeps a few
milliseconds between captures so the poller does not steal a core from the program under
test on a 2-core machine; the resolution (~5 ms) is small against the figures measured.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

WIDTH, HEIGHT = 120, 40


class ScreenTimeout(Exception):
    """The expected text did not appear in time; carries the last screen for the report."""

    def __init__(self, what: str, screen: str) -> None:
        super().__init__(f"timed out waiting for {what!r}; last screen:\n{screen}")
        self.screen = screen


class SessionGone(Exception):
    """The program under test exited (or crashed) before the measurement was done."""


class Tmux:
    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.socket = f"briefing-bench-{os.getpid()}"
        self.width, self.height = width, height
        self._count = 0
        # A long-lived idle session keeps the server up, so each measured start pays only
        # for a new window, not for starting tmux itself.
        self._tmux("new-session", "-d", "-s", "keepalive", "-x", "20", "-y", "5", "cat")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(
        self, command: Sequence[str], env: Mapping[str, str] | None = None, cwd: Path | None = None
    ) -> tuple[str, float]:
        """Start ``command`` in a fresh pane; return the session name and the start time."""
        self._count += 1
        name = f"s{self._count}"
        args = ["new-session", "-d", "-s", name, "-x", str(self.width), "-y", str(self.height)]
        if cwd is not None:
            args += ["-c", str(cwd)]
        for key, value in (env or {}).items():
            args += ["-e", f"{key}={value}"]
        started = time.perf_counter()
        self._tmux(*args, "exec " + shlex.join(command))
        return name, started

    def screen(self, name: str, styles: bool = False) -> str:
        """The pane's text; with ``styles``, with its colours (a moved cursor shows)."""
        return self._tmux("capture-pane", "-p", *(["-e"] if styles else []), "-t", name)

    def wait_for(
        self,
        name: str,
        ready: Callable[[str], bool],
        what: str,
        timeout: float = 30.0,
        interval: float = 0.005,
    ) -> float:
        """Poll the screen until ``ready(screen)``; return the time it was first seen."""
        deadline = time.perf_counter() + timeout
        screen = ""
        while time.perf_counter() < deadline:
            screen = self.screen(name)
            if ready(screen):
                return time.perf_counter()
            time.sleep(interval)
        raise ScreenTimeout(what, screen)

    def settle(self, name: str, quiet: float = 0.5, timeout: float = 10.0) -> None:
        """Wait until the screen (with colours) has not changed for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        last, since = self.screen(name, styles=True), time.perf_counter()
        while time.perf_counter() < deadline:
            time.sleep(0.02)
            screen = self.screen(name, styles=True)
            if screen != last:
                last, since = screen, time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                return

    def send(self, name: str, *keys: str) -> float:
        """Send keys (tmux key names) at once; return the time just before sending."""
        now = time.perf_counter()
        self._tmux("send-keys", "-t", name, *keys)
        return now

    def pid(self, name: str) -> int:
        try:
            text = self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip()
        except subprocess.CalledProcessError:
            text = ""
        if not text.isdigit():
            raise SessionGone(f"the program in session {name} has exited")
        return int(text)

    def alive(self, name: str) -> bool:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "has-session", "-t", name], capture_output=True
        )
        return done.returncode == 0

    def kill(self, name: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", name], capture_output=True)

    def close(self) -> None:
        """End this run's tmux server and remove its socket file (tmux leaves it behind)."""
        where = subprocess.run(
            ["tmux", "-L", self.socket, "display-message", "-p", "#{socket_path}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if where.endswith(self.socket):
            Path(where).unlink(missing_ok=True)


def peak_rss_mb(pid: int) -> float:
    """Peak resident set (VmHWM) of a live process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for pid {pid}")
