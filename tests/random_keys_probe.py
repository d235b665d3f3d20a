"""Drive the reader with seeded random keys and resizes; run as a child process.

Used by ``tests/test_random_keys.py``: a freeze can block the event loop itself, so only
a parent process with a timeout can see it. Prints one summary line and exits 0; an
exception anywhere in the app makes ``run_test`` raise and the exit code non-zero.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

from conftest import Archive, settle_pilot
from reader_samples import CORPUS, long_briefing

from tui.app import BriefingApp
from tui.index import Index

KEYS = [
    *"jkgGnpNsaeyo/?!",
    *'abcdefghijklmnopqrstuvwxyz0123456789 -:*"',
    *"汪文斌北京",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "escape",
    "backspace",
    "delete",
    "ctrl+o",
    "ctrl+p",
    "ctrl+u",
]
"""Every key of the reader but quitting, letters for the text boxes, Chinese for the
search, and the keys that open and close dialogs (twice as much escape, so dialogs do
not pile up)."""

SIZES = [(120, 40), (80, 24), (60, 20), (200, 50), (100, 30)]


async def session(rng: random.Random, rounds: int, root: Path, folder: Path) -> tuple[int, int]:
    """One run of the reader: (bursts sent, keys pressed). It ends early when a key quit
    the reader (the palette's Quit command is reachable by typing), which is no fault."""
    index = Index(root, folder / "index.sqlite")
    app = BriefingApp(index)
    pressed = sent = 0
    try:
        async with app.run_test(size=rng.choice(SIZES)) as pilot:
            await settle_pilot(pilot)
            while sent < rounds and app.return_code is None:
                if sent % 97 == 0:
                    await pilot.resize_terminal(*rng.choice(SIZES))
                burst = [rng.choice(KEYS) for _ in range(rng.randint(1, 4))]
                await pilot.press(*burst)
                pressed += len(burst)
                sent += 1
                if sent % 50 == 0:
                    await settle_pilot(pilot, delay=0)
            if app.return_code is None:
                await settle_pilot(pilot)
    finally:
        index.close()
    return sent, pressed


async def main(seed: int, rounds: int, folder: Path) -> None:
    rng = random.Random(seed)
    root = Archive(folder).corpus({**CORPUS, "2020-01-01-long": long_briefing(40, 4)})
    sessions = pressed = 0
    while rounds > 0:
        sent, keys = await session(rng, rounds, root, folder)
        rounds -= max(sent, 1)
        pressed += keys
        sessions += 1
    print(f"seed {seed}: {pressed} keys pressed in {sessions} runs of the reader")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])))
