"""A guard around Textual's timers: an interval below one millisecond is raised to one.

Textual 8.2.8's timer loop spins forever, without ever yielding to the event loop, when
its interval is negative (it computes a negative tick count and ``continue``s without
awaiting), and it divides by zero when the interval is exactly zero and the timer is
late. The reader reaches that through Textual itself: ``ToastRack.show`` checks that a
notification has not expired, then ``Toast.__init__`` asks for its time left again, so a
notification that expires between the two calls arms a timer with a negative delay and
the whole reader freezes (a core spinning, no repaint, no key handled). The faulty code
is Textual's, so the fix is one small override at the one place every timer passes
through, :class:`textual.timer.Timer`, rather than guards at each of our own
``set_timer`` calls, which would miss Textual's.

A clamped timer fires at once (one millisecond later), which is what a delay that has
already run out means.
"""

from __future__ import annotations

from typing import Any

from textual.timer import Timer

MIN_INTERVAL = 0.001
"""Seconds. Far below a frame, so no timer of ours or Textual's fires visibly later."""

_original_init = Timer.__init__


def _clamped_init(
    self: Timer, event_target: Any, interval: float, *args: Any, **kwargs: Any
) -> None:
    _original_init(self, event_target, max(float(interval), MIN_INTERVAL), *args, **kwargs)


def guard_timers() -> None:
    """Clamp every :class:`Timer`'s interval to :data:`MIN_INTERVAL`. Idempotent."""
    Timer.__init__ = _clamped_init  # type: ignore[method-assign]


def unguard_timers() -> None:
    """Restore Textual's own constructor (for the test that shows the freeze)."""
    Timer.__init__ = _original_init  # type: ignore[method-assign]
