"""Keys reach the reader in the order they were typed, and land where the user was typing.

People who use a reader every day type ahead of it: ``e`` then Enter before the export
dialog has appeared, ``/2017`` before the first screen is up, a query with a backspace
in it faster than the screen repaints. Textual reads each key, routes it to whatever
has the focus at that moment, and reads the next one while the first is still on its
way; a key whose binding sits on a parent (Input's own backspace and ctrl+u, the
screen's ``e``) only acts when it has travelled back up to the App. So the next keys
overtook it: ``ab<backspace>c`` typed fast left ``ab`` with the ``c`` deleted, the
letters after ``e`` went to the screen below the dialog (where single-key commands ran
them), and keys typed before a screen had its widgets were lost.

:class:`TypeAheadApp` hands on one key at a time. After routing a key it sends a probe
behind it, through the same queues (:class:`KeyDone` bubbles like the key, and each
queue is first in, first out), and the next key waits until the probe has come back to
the App: by then the key has done whatever it was going to do. Keys also wait while the
screen on top is not ready for them (just pushed, its widgets not there or not yet
focused) or while the reader has said a screen is about to open (:meth:`hold_keys`, for
a dialog opened after a worker). No stall outlasts :data:`MAX_HOLD` seconds, so a probe
lost with a closed screen, or a screen that never takes the focus, cannot swallow the
keyboard.
"""

from __future__ import annotations

import time
import weakref
from typing import Any, Generic, TypeVar

from textual import events, on
from textual.app import App
from textual.message import Message
from textual.screen import Screen

MAX_HOLD = 1.5
"""Seconds. Longer than any screen of the reader takes to open on a loaded machine."""

POLL = 0.02
"""Seconds between checks while a screen opens: below what a typist can notice."""

ReturnT = TypeVar("ReturnT")


class KeyDone(Message, bubble=True):
    """Sent behind a routed key: when it reaches the App, the key has been handled."""


class TypeAheadApp(App[ReturnT], Generic[ReturnT]):
    """An App that delivers keys one at a time, in order, to a screen ready for them."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[events.Key] = []
        self._in_flight = False
        self._hold_since: float | None = None
        self._expecting_from: object | None = None
        self._polling = False
        self._settled: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()

    def hold_keys(self) -> None:
        """Keep the keys from now on for a screen that is about to be pushed."""
        self._expecting_from = self.screen
        self._hold_since = time.monotonic()

    def release_keys(self) -> None:
        """No screen is coming after all (it failed to open): deliver what was held."""
        self._expecting_from = None
        self._poll_soon()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._held.append(event)
            await self._deliver()
            return
        await super().on_event(event)

    @on(KeyDone)
    async def _key_done(self, message: KeyDone) -> None:
        message.stop()
        self._in_flight = False
        await self._deliver()

    async def _deliver(self) -> None:
        """Hand on held keys while nothing is in flight and the screen takes keys."""
        stalled = self._hold_since is not None and time.monotonic() - self._hold_since > MAX_HOLD
        if stalled:
            self._in_flight = False
            self._expecting_from = None
            self._settled.add(self.screen)
        while self._held and not self._in_flight and self._ready_for_keys():
            key = self._held.pop(0)
            target = self.focused or self.screen
            await super().on_event(key)
            if key.is_forwarded:  # routed to a widget, not taken by a priority binding
                self._in_flight = True
                target.post_message(KeyDone())
            self._hold_since = None  # progress: the clock of a stall starts again
        if self._held or self._expecting_from is not None:
            if self._hold_since is None:
                self._hold_since = time.monotonic()
            self._poll_soon()
        else:
            self._hold_since = None

    def _ready_for_keys(self) -> bool:
        screen = self.screen
        if self._expecting_from is not None:
            if screen is self._expecting_from:
                return False
            self._expecting_from = None
        if screen in self._settled:
            return True
        # Mounted is not enough: a screen just pushed has no widgets yet, so it looks like
        # a screen with nothing to focus. It is ready once its widgets are there and the
        # focus is where typing goes; from then on it stays ready (a screen where the
        # user left nothing focused must not hold every key).
        composed = screen.is_mounted and bool(screen.children)
        if composed and (screen.focused is not None or not screen.focus_chain):
            self._settled.add(screen)
            return True
        return False

    def _poll_soon(self) -> None:
        if not self._polling:
            self._polling = True
            self.set_timer(POLL, self._poll)

    async def _poll(self) -> None:
        self._polling = False
        await self._deliver()


def hold_keys(app: App[Any]) -> None:
    """:meth:`TypeAheadApp.hold_keys` where the app has it (a screen may run in a test app)."""
    if isinstance(app, TypeAheadApp):
        app.hold_keys()


def release_keys(app: App[Any]) -> None:
    """:meth:`TypeAheadApp.release_keys` where the app has it."""
    if isinstance(app, TypeAheadApp):
        app.release_keys()
