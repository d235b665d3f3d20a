"""The main screen's traffic with the library: every call runs in a thread worker.

Opening runs ``refresh`` on the index in a worker while the list already shows what the
index held from last time (a warm start reads it in a tenth of a second). Progress
arrives from the worker thread as messages, a newer one replacing any still queued
(:meth:`Progressed.can_replace`), and the list is re-read from the index at most once a
second while a cold index is being built, so the reader stays usable throughout.

Every worker reports back one way: it posts a message (below) and returns; the handler
runs on the UI thread. Results carry what they were asked for; one that arrives after
the reader moved on (a different briefing or person) is dropped rather than shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import ProgressBar

from tui import gcpause
from tui.library import BriefingSummary, CrossExchange, LoadFailed, Person, PersonKind
from tui.model import Briefing
from tui.plural import count
from tui.widgets.qa_document import Document, briefing_document, cross_document
from tui.widgets.speaker_filter import Choice

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

RELIST_SECONDS = 1.0
FIRST_ROWS = 100  # more than any terminal shows at once
GC_RESUME_SECONDS = 5.0
NOTHING_HERE = "No briefings here. Press ! to see files that failed."


class Progressed(Message):
    """Progress of the index refresh: ``done`` of ``total`` files (from the worker)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        """A newer count queued behind this one makes this one moot."""
        return isinstance(message, Progressed)


class Refreshed(Message):
    """The index refresh finished (or failed with ``error``); ``changed`` is False when
    it read no file and removed none, so what the panes show is still current."""

    def __init__(self, error: str | None = None, *, changed: bool = True) -> None:
        super().__init__()
        self.error = error
        self.changed = changed


class SummariesRead(Message):
    """The list's rows, read for ``person`` (the choice when the read started)."""

    def __init__(self, person: Choice, rows: Sequence[BriefingSummary]) -> None:
        super().__init__()
        self.person = person
        self.rows = rows


class PeopleRead(Message):
    """Every speaker and every asker."""

    def __init__(self, speakers: Sequence[Person], askers: Sequence[Person]) -> None:
        super().__init__()
        self.speakers = speakers
        self.askers = askers


class BriefingRead(Message):
    """A briefing parsed, and what the view shows of it for ``person``."""

    def __init__(
        self, briefing: Briefing, target: str | None, person: Choice, doc: Document
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.target = target
        self.person = person
        self.doc = doc


class BriefingFailed(Message):
    """A briefing could not be loaded, and ``why``."""

    def __init__(self, briefing_id: str, why: str) -> None:
        super().__init__()
        self.briefing_id = briefing_id
        self.why = why


class CrossRead(Message):
    """The exchanges of ``person`` across all briefings."""

    def __init__(self, person: Choice, rows: Sequence[CrossExchange]) -> None:
        super().__init__()
        self.person = person
        self.rows = rows


class FailedFilesCounted(Message):
    """How many files failed to load, counted after a refresh."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class Loading:
    """The library calls of one :class:`~tui.screens.main.MainScreen`, and their results.

    Each ``load_*`` starts a worker that posts a message; the screen routes the message
    to the matching ``apply_*`` here, on the UI thread.
    """

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.refreshing = False
        self.last_relist = 0.0
        self.cross: tuple[Choice, Sequence[CrossExchange]] | None = None
        self.kept: str | None = None  # the open briefing, kept on screen though its file broke
        self.background_started = False

    def _run(self, work: Callable[[], None], group: str, *, exclusive: bool = True) -> None:
        """Run ``work`` in a thread worker of the screen; a newer one in an exclusive group
        cancels the older (whose result, if it still comes, is dropped as stale)."""
        self.screen.run_worker(
            work, thread=True, group=group, exclusive=exclusive, exit_on_error=False
        )

    def start(self) -> None:
        """First the list (what the first screen shows), everything else after it.

        The newest screenful of the list is read here, on the UI thread, before the first
        frame, so that frame already shows it: a ``LIMIT`` query on the date index, about
        a millisecond at 10,000 or 100,000 briefings. Everything else waits for that
        frame: the worker threads share the GIL with the UI thread, and a folder scan,
        the people lists and the summaries started together starved the first paint
        (0.6 s to any frame on 10,000 briefings). So after it the newest briefing is
        opened and the whole list read, and only once the briefing is on screen (or
        there is nothing to show) do the people lists and the refresh of the index start.
        """
        self.background_started = False
        self.refreshing = True
        first = self._first_screenful()
        self.screen.call_after_refresh(self._after_first_frame, first)
        # the collector resumes after the first screen; should that never come (a
        # failed read), it still resumes, so a long session never runs without it
        self.screen.set_timer(GC_RESUME_SECONDS, gcpause.start_finished)

    def _first_screenful(self) -> str | None:
        """Show the newest rows now; the id of the newest, or None (the worker will say why)."""
        screen = self.screen
        try:
            rows = screen.library.summaries(limit=FIRST_ROWS)
        except Exception:  # a broken index: the worker's read reports it after the frame
            return None
        if not rows or screen.person is not None:
            return None
        screen.briefing_list.set_summaries(rows)
        return rows[0].id

    def _after_first_frame(self, newest: str | None) -> None:
        screen = self.screen
        if newest is not None and screen.briefing_id is None:
            screen.open_briefing(newest)
            self.auto_opened = True
        self.load_summaries()

    def start_background(self) -> None:
        """The people lists and the index refresh: once, after the first screen."""
        if self.background_started:
            return
        self.background_started = True
        gcpause.start_finished()
        self.screen.references.first_screen()
        self.load_people()
        if self.refreshing:
            self._run(self._refresh, "refresh", exclusive=False)
        else:
            self.screen.query_one("#progress", ProgressBar).display = False

    def _refresh(self) -> None:
        screen = self.screen

        def progress(done: int, total: int) -> None:
            screen.post_message(Progressed(done, total))

        try:
            stats = screen.library.refresh(progress=progress)
        except Exception as error:  # the reader must outlive a broken index, and say why
            screen.post_message(Refreshed(f"The index could not be refreshed: {error}"))
        else:
            screen.post_message(Refreshed(changed=stats.changed))

    def show_progress(self, event: Progressed) -> None:
        screen = self.screen
        done, total = event.done, event.total
        bar = screen.query_one("#progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        if screen.briefing_id is None and not screen.briefing_list.summaries:
            # only an empty reader shows the count: a filter hiding every row still
            # leaves a briefing open, and the count would cover it
            screen.qa.show_message(f"Indexing transcripts… {done} of {total}")
        now = time.monotonic()
        if now - self.last_relist > RELIST_SECONDS:
            self.last_relist = now
            self.load_summaries()

    def refreshed(self, event: Refreshed) -> None:
        screen = self.screen
        self.refreshing = False
        screen.query_one("#progress", ProgressBar).display = False
        if event.changed:  # a warm start that found nothing new reads nothing again
            self.load_summaries()
            self.load_people()
        elif not screen.briefing_list.rows and screen.briefing is None:
            screen.qa.show_message(NOTHING_HERE)  # the empty list read before is still true
        if event.error:
            screen.notify(event.error, severity="error", timeout=10)
        screen.references.index_ready()
        notice = screen.library.notice
        if notice:
            screen.notify(notice, severity="warning", timeout=10)
        self._run(self._count_problems, "problems", exclusive=False)

    def _count_problems(self) -> None:
        failed = len({problem.path for problem in self.screen.library.problems()})
        if failed:
            self.screen.post_message(FailedFilesCounted(failed))

    def say_files_failed(self, event: FailedFilesCounted) -> None:
        self.screen.notify(
            f"{count(event.count, 'file')} failed to load — press ! to see them",
            severity="warning",
            timeout=10,
        )

    # --- the lists ----------------------------------------------------------------------

    def load_summaries(self) -> None:
        self._run(self._summaries, "summaries")

    def _summaries(self) -> None:
        screen = self.screen
        person = screen.person
        speaker = person[0] if person and person[1] == "speaker" else None
        asker = person[0] if person and person[1] == "asker" else None
        if not screen.briefing_list.rows:
            # an empty list (the start, or a person just chosen): paint the newest
            # screenful at once, then the rest
            first = screen.library.summaries(speaker=speaker, asker=asker, limit=FIRST_ROWS)
            screen.post_message(SummariesRead(person, first))
            if len(first) < FIRST_ROWS:
                return
        rows = screen.library.summaries(speaker=speaker, asker=asker)
        screen.post_message(SummariesRead(person, rows))

    def apply_summaries(self, event: SummariesRead) -> None:
        screen = self.screen
        person, rows = event.person, event.rows
        if person != screen.person:
            return
        screen.briefing_list.set_summaries(rows)
        screen.update_status()
        if not rows:
            self.start_background()
            if not self.refreshing and screen.briefing is None:
                screen.qa.show_message(NOTHING_HERE)
            return
        gone = screen.briefing_id != self.kept and all(row.id != screen.briefing_id for row in rows)
        if screen.briefing_id is None or gone:
            # the newest briefing opens when nothing is open (or the open one is gone);
            # one found later (a cold index finds them as it goes) joins the list but
            # never replaces what the user is reading: only a key of theirs does that
            screen.open_briefing(rows[0].id)

    def load_people(self) -> None:
        self._run(self._people, "people")

    def _people(self) -> None:
        library = self.screen.library
        speakers = library.people("speaker")
        askers = library.people("asker")
        self.screen.post_message(PeopleRead(speakers, askers))

    def apply_people(self, event: PeopleRead) -> None:
        screen = self.screen
        screen.names = {}  # looked up again in the new lists as they are needed
        screen.speaker_filter.set_people(event.speakers, event.askers)
        screen.update_status()

    # --- the Q&A view -------------------------------------------------------------------

    def load_briefing(self, briefing_id: str, target: str | None = None) -> None:
        """Parse the briefing and build what the view shows, both off the UI thread."""
        screen = self.screen
        person, name = screen.person, screen.person_name()

        def work() -> None:
            try:
                briefing = screen.library.load(briefing_id)
            except LoadFailed as error:
                screen.post_message(BriefingFailed(briefing_id, str(error)))
                return
            doc = briefing_document(briefing, person, name, screen.clip_notes())
            screen.post_message(BriefingRead(briefing, target, person, doc))

        self._run(work, "briefing")

    def apply_briefing(self, event: BriefingRead) -> None:
        screen = self.screen
        briefing, target, person, doc = event.briefing, event.target, event.person, event.doc
        if briefing.id != screen.briefing_id:
            return
        screen.briefing = briefing
        screen.call_after_refresh(self.start_background)
        if screen.scope == "briefing" and person == screen.person:
            screen.qa.show(doc, target, screen.terms)
            screen.update_status()
        else:
            self.render_view(target)
        screen.places.shown(briefing.id)

    def briefing_failed(self, event: BriefingFailed) -> None:
        screen = self.screen
        briefing_id, why = event.briefing_id, event.why
        if briefing_id != screen.briefing_id:
            return
        self.start_background()
        screen.briefing = None
        screen.qa.show_message(f"This briefing could not be loaded: {why}")
        screen.notify(why, title="Could not load the briefing", severity="error", timeout=10)

    def load_cross(self, person: tuple[str, PersonKind]) -> None:
        screen = self.screen

        def work() -> None:
            screen.post_message(CrossRead(person, screen.library.exchanges_of(*person)))

        self._run(work, "cross")

    def apply_cross(self, event: CrossRead) -> None:
        if event.person != self.screen.person:
            return
        self.cross = (event.person, event.rows)
        self.render_view()

    def render_view(self, target: str | None = None) -> None:
        """Show what the state asks for: one briefing or a person across all of them."""
        screen = self.screen
        qa, person = screen.qa, screen.person
        keep = target or qa.cursor_ref
        if screen.scope == "all":
            if person is None:
                qa.show_message(
                    "All briefings: choose a speaker or an asker first (s); "
                    "a goes back to this briefing."
                )
            elif self.cross is not None and self.cross[0] == person:
                doc = cross_document(
                    self.cross[1], person, screen.person_name(), screen.clip_notes()
                )
                qa.show(doc, keep, screen.terms)
            else:
                qa.show_message(f"Finding every exchange of {screen.person_name()}…")
                self.load_cross(person)
        elif screen.briefing is not None and screen.briefing.id == screen.briefing_id:
            notes = screen.clip_notes()
            doc = briefing_document(screen.briefing, person, screen.person_name(), notes)
            qa.show(doc, keep, screen.terms)
        elif screen.briefing_id is not None:
            qa.show_message("Opening the briefing…")
        screen.update_status()
