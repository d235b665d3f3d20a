"""Copy text with the platform's clipboard command, where there is one.

The reader also copies through OSC 52 (the terminal's own clipboard escape, which works
over SSH), but many terminals ignore or disable it. So a copy additionally goes through
the local command that owns the clipboard: ``wl-copy`` on Wayland, ``xclip`` or ``xsel``
on X11, ``pbcopy`` on macOS, ``clip.exe`` on Windows and under WSL. The caller is told
which route worked, so the notification never claims a copy that did not happen.

Each command runs with a timeout and with its output sent to ``/dev/null``: ``xclip`` and
``wl-copy`` leave a child process serving the selection, and a pipe held open by that
child would make us wait for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT = 3.0

OSC52_LIMIT = 100_000
"""Bytes of base64 an OSC 52 sequence may carry. Terminals cap it (hterm at about 100 kB,
others lower, tmux by its own buffer limits) and drop a longer sequence without a word,
so a longer text is not sent that way and the user is told so. 100 kB of base64 is
about 75 kB of text: a very long answer, far beyond a quotable passage."""


def osc52_size(text: str) -> int:
    """Bytes of base64 that OSC 52 would send for ``text``."""
    return 4 * -(-len(text.encode("utf-8")) // 3)


def fits_osc52(text: str) -> bool:
    """Whether ``text`` is small enough for a terminal to take through OSC 52."""
    return osc52_size(text) <= OSC52_LIMIT


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What to tell the user after a copy; ``copied`` is False when no route took it."""

    message: str
    copied: bool


def copy_report(ref: str, text: str, route: str | None, *, browser: bool = False) -> CopyReport:
    """What the reader says after a copy: only the routes that were really taken.

    ``route`` is the platform command that succeeded, if any. OSC 52 is named only when
    the text fits it; a text too large for it is either copied by the command alone or
    not copied at all, and the message says which, and what to do instead. With
    ``browser`` (the reader served in a web page) OSC 52 reaches the browser's clipboard
    and is the only route.
    """
    size = f"{len(text.encode('utf-8')) / 1_000_000:.1f} MB"
    if browser:
        if fits_osc52(text):
            return CopyReport(f"Copied {ref} with its citation via the browser's clipboard", True)
        return CopyReport(
            f"Not copied: {ref} is {size}, too large for the browser's clipboard. "
            "Export it with e.",
            copied=False,
        )
    if fits_osc52(text):
        routes = "the terminal (OSC 52)" if route is None else f"{route} and the terminal (OSC 52)"
        return CopyReport(f"Copied {ref} with its citation via {routes}", copied=True)
    if route is not None:
        return CopyReport(
            f"Copied {ref} with its citation via {route} "
            f"({size}: too large for the terminal's clipboard)",
            copied=True,
        )
    return CopyReport(
        f"Not copied: {ref} is {size}, too large for the terminal's clipboard, and no "
        "clipboard command (wl-copy, xclip, xsel, pbcopy) is available. Export it with e.",
        copied=False,
    )


@dataclass(frozen=True, slots=True)
class Route:
    """A clipboard command: its display name and the arguments that copy stdin."""

    name: str
    argv: tuple[str, ...]
    utf16: bool = False  # clip.exe reads UTF-16 (with a byte-order mark) correctly

    def encode(self, text: str) -> bytes:
        if self.utf16:
            return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
        return text.encode("utf-8")


WL_COPY = Route("wl-copy", ("wl-copy",))
XCLIP = Route("xclip", ("xclip", "-selection", "clipboard"))
XSEL = Route("xsel", ("xsel", "--clipboard", "--input"))
PBCOPY = Route("pbcopy", ("pbcopy",))
CLIP_EXE = Route("clip.exe", ("clip.exe",), utf16=True)


def _is_wsl(env: Mapping[str, str]) -> bool:
    if env.get("WSL_DISTRO_NAME") or env.get("WSL_INTEROP"):
        return True
    try:
        return "microsoft" in Path("/proc/version").read_text(encoding="ascii").lower()
    except (OSError, UnicodeDecodeError):
        return False


def candidate_routes(env: Mapping[str, str], platform: str) -> list[Route]:
    """The routes worth trying on this platform and session, best first.

    On Linux the session decides: a Wayland session prefers ``wl-copy``, an X11 display
    (also XWayland) allows ``xclip``/``xsel``; with neither (a console, SSH) they would
    fail, so they are not offered. WSL adds ``clip.exe``.
    """
    if platform == "darwin":
        return [PBCOPY]
    if platform in ("win32", "cygwin", "msys"):
        return [CLIP_EXE]
    routes: list[Route] = []
    if env.get("WAYLAND_DISPLAY"):
        routes.append(WL_COPY)
    if env.get("DISPLAY"):
        routes += [XCLIP, XSEL]
    if _is_wsl(env):
        routes.append(CLIP_EXE)
    return routes


def available_routes(env: Mapping[str, str], platform: str) -> list[tuple[Route, str]]:
    """Candidate routes whose command is on ``env``'s PATH, with the program found."""
    found: list[tuple[Route, str]] = []
    search_path = env.get("PATH", os.defpath)
    for route in candidate_routes(env, platform):
        program = shutil.which(route.argv[0], path=search_path)
        if program is not None:
            found.append((route, program))
    return found


def copy_text(
    text: str,
    *,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> str | None:
    """Copy ``text`` with the first platform command that succeeds.

    Returns the route's name (``"xclip"``), or ``None`` when no command exists or every
    one failed or timed out. Never raises for a missing or broken command: the clipboard
    is a convenience, and OSC 52 may still have worked.
    """
    environment = dict(os.environ if env is None else env)
    for route, program in available_routes(environment, platform or sys.platform):
        try:
            completed = subprocess.run(
                [program, *route.argv[1:]],
                input=route.encode(text),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=environment,
                timeout=timeout,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if completed.returncode == 0:
            return route.name
    return None
