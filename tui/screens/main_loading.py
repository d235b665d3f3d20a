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
from collections.abc import Sequence

from textual import on, work
from textual.message import Message
from textual.widgets import ProgressBar

from tui import gcpause
from tui.library import (
    BriefingSummary,
    CrossExchange,
    Library,
    LoadFailed,
    Person,
    PersonKind,
)
from tui.model import Briefing
from tui.screens.main_state import ReaderState
from tui.widgets.qa_document import Document, briefing_document, cross_document
from tui.widgets.speaker_filter import Choice

RELIST_SECONDS = 1.0
FIRST_ROWS = 100  # more than any terminal shows at once
GC_RESUME_SECONDS = 5.0


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


class ReaderLoading(ReaderState):
    """Workers and their results."""

    def __init__(self, library: Library) -> None:
        super().__init__(library)
        self.refreshing = False
        self.last_relist = 0.0
        self.cross: tuple[Choice, Sequence[CrossExchange]] | None = None
        self.auto_opened = False  # True while the open briefing was picked for the reader
        self.background_started = False

    def start_loading(self) -> None:
        """First the list (what the first screen shows), everything else after it.

        The worker threads share the GIL with the UI thread: a folder scan, the people
        lists and the summaries started together starved the first paint (0.6 s to any
        frame on 10,000 briefings). So the list is read alone, the newest briefing is
        opened, and only once it is on screen (or there is nothing to show) do the
        people lists and the refresh of the index start.
        """
        self.background_started = False
        self.refreshing = True
        self.load_summaries()
        # the collector resumes after the first screen; should that never come (a
        # failed read), it still resumes, so a long session never runs without it
        self.set_timer(GC_RESUME_SECONDS, gcpause.start_finished)

    def start_background(self) -> None:
        """The people lists and the index refresh: once, after the first screen."""
        if self.background_started:
            return
        self.background_started = True
        gcpause.start_finished()
        self.load_people()
        if self.refreshing:
            self.refresh_index()
        else:
            self.query_one("#progress", ProgressBar).display = False

    @work(thread=True, group="refresh", exit_on_error=False)
    def refresh_index(self) -> None:
        def progress(done: int, total: int) -> None:
            self.post_message(Progressed(done, total))

        try:
            stats = self.library.refresh(progress=progress)
        except Exception as error:  # the reader must outlive a broken index, and say why
            self.post_message(Refreshed(f"The index could not be refreshed: {error}"))
        else:
            self.post_message(Refreshed(changed=stats.changed))

    @on(Progressed)
    def show_progress(self, event: Progressed) -> None:
        done, total = event.done, event.total
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        if not self.briefing_list.rows:
            self.qa.show_message(f"Indexing transcripts… {done} of {total}")
        now = time.monotonic()
        if now - self.last_relist > RELIST_SECONDS:
            self.last_relist = now
            self.load_summaries()

    @on(Refreshed)
    def refreshed(self, event: Refreshed) -> None:
        self.refreshing = False
        self.query_one("#progress", ProgressBar).display = False
        if event.changed:  # a warm start that found nothing new reads nothing again
            self.load_summaries()
            self.load_people()
        if event.error:
            self.notify(event.error, severity="error", timeout=10)
        notice = self.library.notice
        if notice:
            self.notify(notice, severity="warning", timeout=10)
        self.count_problems()

    @work(thread=True, group="problems", exit_on_error=False)
    def count_problems(self) -> None:
        failed = len({problem.path for problem in self.library.problems()})
        if failed:
            self.post_message(FailedFilesCounted(failed))

    @on(FailedFilesCounted)
    def say_files_failed(self, event: FailedFilesCounted) -> None:
        files = "1 file" if event.count == 1 else f"{event.count} files"
        self.notify(f"{files} failed to load — press ! to see them", severity="warning", timeout=10)

    # --- the lists ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="summaries", exit_on_error=False)
    def load_summaries(self) -> None:
        person = self.person
        speaker = person[0] if person and person[1] == "speaker" else None
        asker = person[0] if person and person[1] == "asker" else None
        if not self.briefing_list.rows:
            # an empty list (the start, or a person just chosen): paint the newest
            # screenful at once, then the rest
            first = self.library.summaries(speaker=speaker, asker=asker, limit=FIRST_ROWS)
            self.post_message(SummariesRead(person, first))
            if len(first) < FIRST_ROWS:
                return
        rows = self.library.summaries(speaker=speaker, asker=asker)
        self.post_message(SummariesRead(person, rows))

    @on(SummariesRead)
    def apply_summaries(self, event: SummariesRead) -> None:
        person, rows = event.person, event.rows
        if person != self.person:
            return
        self.briefing_list.set_summaries(rows)
        self.update_status()
        if not rows:
            self.start_background()
            if not self.refreshing and self.briefing is None:
                self.qa.show_message("No briefings here. Press ! to see files that failed.")
            return
        gone = all(row.id != self.briefing_id for row in rows)
        if (
            self.briefing_id is None
            or gone
            or (self.auto_opened and rows[0].id != self.briefing_id)
        ):
            # until the reader picks one, the newest briefing (which a cold index keeps
            # finding as it goes) is the one on screen
            self.open_briefing(rows[0].id)
            self.auto_opened = True

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def load_people(self) -> None:
        speakers = self.library.people("speaker")
        askers = self.library.people("asker")
        self.post_message(PeopleRead(speakers, askers))

    @on(PeopleRead)
    def apply_people(self, event: PeopleRead) -> None:
        people = (*event.speakers, *event.askers)
        self.names = {(p.key, p.kind): p.name for p in people}
        self.speaker_filter.set_people(event.speakers, event.askers)
        self.update_status()

    # --- the Q&A view -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="briefing", exit_on_error=False)
    def load_briefing(self, briefing_id: str, target: str | None = None) -> None:
        """Parse the briefing and build what the view shows, both off the UI thread."""
        person, name = self.person, self.person_name()
        try:
            briefing = self.library.load(briefing_id)
        except LoadFailed as error:
            self.post_message(BriefingFailed(briefing_id, str(error)))
            return
        doc = briefing_document(briefing, person, name)
        self.post_message(BriefingRead(briefing, target, person, doc))

    def select_briefing(self, briefing_id: str, target: str | None = None) -> None:
        """Open a briefing in this-briefing scope (list Enter, palette, search result)."""
        self.scope = "briefing"
        self.open_briefing(briefing_id, target)

    def open_briefing(self, briefing_id: str, target: str | None = None) -> None:
        """Make ``briefing_id`` the open briefing (loading it if needed), scope unchanged."""
        self.auto_opened = False
        if briefing_id == self.briefing_id and self.briefing is not None:
            if target is not None:
                self.qa.select(target)
            return
        self.set_reactive(ReaderState.briefing_id, briefing_id)
        self.briefing_list.opened_id = briefing_id
        self.load_briefing(briefing_id, target)

    @on(BriefingRead)
    def apply_briefing(self, event: BriefingRead) -> None:
        briefing, target, person, doc = event.briefing, event.target, event.person, event.doc
        if briefing.id != self.briefing_id:
            return
        self.briefing = briefing
        self.call_after_refresh(self.start_background)
        if self.scope == "briefing" and person == self.person:
            self.qa.show(doc, target, self.terms)
            self.update_status()
        else:
            self.render_view(target)

    @on(BriefingFailed)
    def briefing_failed(self, event: BriefingFailed) -> None:
        briefing_id, why = event.briefing_id, event.why
        if briefing_id != self.briefing_id:
            return
        self.start_background()
        self.briefing = None
        self.qa.show_message(f"This briefing could not be loaded: {why}")
        self.notify(why, title="Could not load the briefing", severity="error", timeout=10)

    @work(thread=True, exclusive=True, group="cross", exit_on_error=False)
    def load_cross(self, person: tuple[str, PersonKind]) -> None:
        rows = self.library.exchanges_of(*person)
        self.post_message(CrossRead(person, rows))

    @on(CrossRead)
    def apply_cross(self, event: CrossRead) -> None:
        if event.person != self.person:
            return
        self.cross = (event.person, event.rows)
        self.render_view()

    def render_view(self, target: str | None = None) -> None:
        """Show what the state asks for: one briefing or a person across all of them."""
        keep = target or self.qa.cursor_ref
        if self.scope == "all":
            if self.person is None:
                self.qa.show_message(
                    "All briefings: choose a speaker or an asker first (s); "
                    "a goes back to this briefing."
                )
            elif self.cross is not None and self.cross[0] == self.person:
                doc = cross_document(self.cross[1], self.person, self.person_name())
                self.qa.show(doc, keep, self.terms)
            else:
                self.qa.show_message(f"Finding every exchange of {self.person_name()}…")
                self.load_cross(self.person)
        elif self.briefing is not None and self.briefing.id == self.briefing_id:
            doc = briefing_document(self.briefing, self.person, self.person_name())
            self.qa.show(doc, keep, self.terms)
        elif self.briefing_id is not None:
            self.qa.show_message("Opening the briefing…")
        self.update_status()
