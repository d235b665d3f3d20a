"""The reader never freezes on a timer whose delay has already run out.

Textual 8.2.8 spins forever on a negative interval (see :mod:`tui.timer_guard`); a
notification that expires while the toast rack shows it arms exactly such a timer. The
freeze blocks the event loop itself, so no in-process timeout could catch it: each probe
runs in a child process, and a probe that does not exit in time has frozen.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent(
    """
    import asyncio, sys
    from textual.app import App
    import tui.app  # installing the reader's guard is part of importing the reader
    from tui.timer_guard import unguard_timers

    if sys.argv[1] == "unguarded":
        unguard_timers()

    fired = []

    class Probe(App[None]):
        def on_mount(self) -> None:
            self.set_timer(-0.01, lambda: fired.append("negative"))
            self.set_timer(0, lambda: fired.append("zero"))
            self.set_interval(-1, lambda: fired.append("interval"), repeat=1)
            self.notify("already expired", timeout=-5)

    async def main() -> None:
        async with Probe().run_test() as pilot:
            for _ in range(20):
                await pilot.pause(0.01)
        print(",".join(sorted(set(fired))))

    asyncio.run(main())
    """
)


def run_probe(mode: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_timers_with_a_delay_run_out_fire_and_the_reader_goes_on() -> None:
    done = run_probe("guarded", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "interval,negative,zero"


def test_the_probe_detects_the_freeze_without_the_guard() -> None:
    """Without the guard the same probe never returns: the test above can fail."""
    with pytest.raises(subprocess.TimeoutExpired):
        run_probe("unguarded", timeout=8)
