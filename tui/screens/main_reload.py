"""Live reload: the main screen follows files added, changed or removed while it runs.

A :class:`~tui.poller.Poller` looks at the archive's folders every few seconds in a thread
worker (``ctrl+r`` asks at once). When something changed, the index is brought up to date
through the library (:meth:`tui.library.Refreshing.refresh`, which re-reads only what
changed) in the same worker, and one :class:`Reloaded` message tells the screen, which
re-reads its lists and says what happened ("2 briefings added, 1 changed").

What the user is reading never moves without a key: the open briefing is re-read in place
(:meth:`~tui.widgets.qa_view.QAView.reshow` keeps the selected answer and the line at the
top, and so are a person's exchanges across all briefings), a briefing whose file was
removed or no longer loads stays on screen with a notice naming the problem
(``file:line:col``), and a briefing found later joins the list without being opened.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.library import CrossExchange, LoadFailed, PersonKind
from tui.model import Briefing
from tui.poller import Changes, Poller
from tui.widgets.qa_document import Document, briefing_document, cross_document
from tui.widgets.speaker_filter import Choice

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

POLL_SECONDS = 2.0


class Reloaded(Message):
    """The poller found ``changes`` and the index was refreshed (or failed: ``error``);
    ``by_hand`` when ``ctrl+r`` asked (the index is then refreshed even when the poller
    saw nothing)."""

    def __init__(self, changes: Changes, error: str | None, by_hand: bool, refreshed: bool) -> None:
        super().__init__()
        self.changes = changes
        self.error = error
        self.by_hand = by_hand
        self.refreshed = refreshed  # the refresh re-read or removed something


class BriefingReread(Message):
    """The open briefing read again after its file changed."""

    def __init__(self, briefing: Briefing, person: Choice, doc: Document) -> None:
        super().__init__()
        self.briefing = briefing
        self.person = person
        self.doc = doc


class CrossReread(Message):
    """A person's exchanges across the archive, read again after files changed."""

    def __init__(self, person: Choice, rows: Sequence[CrossExchange], doc: Document) -> None:
        super().__init__()
        self.person = person
        self.rows = rows
        self.doc = doc


class BriefingBroken(Message):
    """The open briefing's file changed and no longer loads (or is gone): ``why``."""

    def __init__(self, briefing_id: str, why: str) -> None:
        super().__init__()
        self.briefing_id = briefing_id
        self.why = why


class Reloading:
    """The live reload of one :class:`~tui.screens.main.MainScreen`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.poller: Poller | None = None
        self.busy = False  # a poll is running: the timer does not start another
        self.pending_by_hand = False

    def start(self, roots: Sequence[Path], seconds: float = POLL_SECONDS) -> None:
        """Poll ``roots`` every ``seconds``. The first poll, one interval after the start,
        takes stock of the files: at once, its folder walk would compete with the first
        screen and the index's own scan for the interpreter."""
        if not roots:
            return
        self.poller = Poller(roots)
        self.screen.set_interval(seconds, self.poll, name="reload-poll")

    def poll(self, by_hand: bool = False) -> None:
        """Look for changed files in a worker, unless a look is already under way."""
        if self.busy:
            self.pending_by_hand = self.pending_by_hand or by_hand
            return
        self.busy = True
        screen, poller = self.screen, self.poller

        def work() -> None:
            # whatever happens, one Reloaded comes back: it ends ``busy``, so a failure
            # never stops the polling
            changes, error, refreshed = Changes(), None, False
            try:
                changes = poller.poll() if poller is not None else Changes()
                if changes or by_hand:
                    refreshed = screen.library.refresh().changed
            except Exception as failure:  # the reader outlives a broken index
                error = f"The archive could not be re-read: {failure}"
            screen.post_message(Reloaded(changes, error, by_hand, refreshed))

        self.screen.run_worker(
            work, thread=True, group="reload", exclusive=False, exit_on_error=False
        )

    def by_hand(self) -> None:
        """``ctrl+r``: look now, and say so even when nothing changed."""
        self.poll(by_hand=True)

    def reloaded(self, event: Reloaded) -> None:
        """On the UI thread: the index is current; the panes follow it."""
        self.busy = False
        screen, changes = self.screen, event.changes
        if self.pending_by_hand:
            self.pending_by_hand = False
            self.poll(by_hand=True)
        if event.error:
            screen.notify(event.error, severity="error", timeout=10)
        if not changes and not event.refreshed:
            if event.by_hand:
                screen.notify("No briefing files changed.", timeout=3)
            return
        briefing = screen.briefing
        path = None
        if briefing is not None and briefing.path is not None and briefing.id == screen.briefing_id:
            path = os.path.abspath(briefing.path)
            if not changes or path in changes.paths:
                # kept on screen even if the lists, read next, no longer hold it
                screen.loader.kept = briefing.id
        screen.loader.load_summaries()
        screen.loader.load_people()
        screen.notify((changes.summary() if changes else "Briefings reloaded") + ".", timeout=5)
        screen.loader.cross = None  # a person's exchanges across the archive: read again
        if screen.scope == "all" and screen.person is not None:
            self.reread_cross(screen.person)
        if briefing is None or path is None:
            return
        if not changes:  # refreshed by hand without a poller: read it again to be sure
            self.reread(briefing.id, path)
        elif path in changes.removed:
            screen.notify(
                f"{path}: the file of the open briefing was removed; its text stays "
                "on screen until you open another.",
                severity="warning",
                timeout=10,
            )
        elif path in changes.changed:
            self.reread(briefing.id, path)

    def reread(self, briefing_id: str, path: str) -> None:
        """Read the open briefing again; a file that no longer loads keeps its last text."""
        screen = self.screen
        person, name = screen.person, screen.person_name()
        library = screen.library

        def work() -> None:
            try:
                briefing = library.load(briefing_id)
            except LoadFailed as error:
                found = [str(p) for p in library.problems() if os.path.abspath(p.path) == path]
                why = found[0] if found else f"{path}: {error}"
                screen.post_message(BriefingBroken(briefing_id, why))
                return
            screen.post_message(
                BriefingReread(briefing, person, briefing_document(briefing, person, name))
            )

        screen.run_worker(work, thread=True, group="reread", exclusive=True, exit_on_error=False)

    def reread_cross(self, person: tuple[str, PersonKind]) -> None:
        """Read a person's exchanges across the archive again, for the view in place."""
        screen = self.screen
        name, library = screen.person_name(), screen.library

        def work() -> None:
            rows = library.exchanges_of(*person)
            screen.post_message(CrossReread(person, rows, cross_document(rows, person, name)))

        screen.run_worker(
            work, thread=True, group="reread-cross", exclusive=True, exit_on_error=False
        )

    def cross_done(self, event: CrossReread) -> None:
        screen = self.screen
        if event.person != screen.person:
            return
        screen.loader.cross = (event.person, event.rows)
        if screen.scope == "all":
            screen.qa.reshow(event.doc, screen.terms)
            screen.update_status()

    def reread_done(self, event: BriefingReread) -> None:
        screen = self.screen
        if event.briefing.id != screen.briefing_id:
            return
        screen.loader.kept = None
        screen.briefing = event.briefing
        if screen.scope == "briefing" and event.person == screen.person:
            screen.qa.reshow(event.doc, screen.terms)
            screen.update_status()

    def broken(self, event: BriefingBroken) -> None:
        screen = self.screen
        if event.briefing_id != screen.briefing_id:
            return
        screen.loader.kept = event.briefing_id
        screen.notify(
            f"{event.why} — the last good text stays on screen.",
            title="The open briefing no longer loads",
            severity="warning",
            timeout=15,
        )


class ReloadActions:
    """The main screen's part of live reload: its messages and the ``ctrl+r`` action."""

    reloading: Reloading

    def on_reloaded(self, event: Reloaded) -> None:
        self.reloading.reloaded(event)

    def on_briefing_reread(self, event: BriefingReread) -> None:
        self.reloading.reread_done(event)

    def on_cross_reread(self, event: CrossReread) -> None:
        self.reloading.cross_done(event)

    def on_briefing_broken(self, event: BriefingBroken) -> None:
        self.reloading.broken(event)

    def action_reload(self) -> None:
        self.reloading.by_hand()
