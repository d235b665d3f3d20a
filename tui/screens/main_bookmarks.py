"""Bookmarks on the main screen: ``m`` marks (or unmarks) the selected answer, ``M`` lists.

The store (:class:`tui.bookmarks.Bookmarks`) is read on first use, and what was wrong
with the file is said once, as ``file:line:col``. A bookmark keeps the speaker, date and
first words of its answer, taken from the briefing it belongs to; across all briefings
the selected answer may belong to one not open, which a worker parses. Before the list
opens, a worker reads the archive's ids so that bookmarks of briefings it does not have
are pointed at (and kept).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from tui.bookmarks import Bookmark, Bookmarks, first_words
from tui.library import LoadFailed
from tui.model import Briefing
from tui.plural import count
from tui.typeahead import hold_keys

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class MarkRead(Message):
    """The briefing of an answer to bookmark was parsed (or ``why`` it was not)."""

    def __init__(self, bookmark: Bookmark | None, why: str | None = None) -> None:
        super().__init__()
        self.bookmark = bookmark
        self.why = why


class BookmarksChecked(Message):
    """The archive's ids were read: ``unknown`` holds the bookmarks it does not have."""

    def __init__(self, unknown: list[str], problems: list[str]) -> None:
        super().__init__()
        self.unknown = unknown
        self.problems = problems


def bookmark_of(briefing: Briefing, ref: str) -> Bookmark | None:
    """What a bookmark keeps of the element ``ref`` of ``briefing``."""
    element = briefing.find(ref)
    if element is None:
        return None
    speaker = element.by or ""  # the answer's speaker, the question's asker
    return Bookmark(
        ref, speaker, briefing.date.isoformat(), briefing.title, first_words(element.text)
    )


class Marks:
    """The bookmarks of one :class:`~tui.screens.main.MainScreen`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self._store: Bookmarks | None = None

    @property
    def store(self) -> Bookmarks:
        """The bookmarks, read again when the file was edited since (so a hand edit made
        while the reader runs is never written over)."""
        if self._store is None or self._store.changed_on_disk():
            self._store = Bookmarks.load()
            self._report(self._store.problems)
        return self._store

    def _report(self, problems: list[str]) -> None:
        if problems:
            more = f" (and {count(len(problems) - 1, 'more problem')})" if len(problems) > 1 else ""
            self.screen.notify(problems[0] + more, severity="warning", timeout=12)

    def toggle(self) -> None:
        """``m``: bookmark the selected answer, or remove its bookmark."""
        screen = self.screen
        ref = screen.qa.cursor_ref
        if ref is None:
            screen.notify("No answer is selected.", severity="warning", timeout=4)
            return
        if ref in self.store:
            self._save(Bookmark(ref))
            return
        briefing_id = ref.partition("#")[0]
        if screen.briefing is not None and screen.briefing.id == briefing_id:
            self.marked(MarkRead(bookmark_of(screen.briefing, ref)))
            return
        library = screen.library

        def work() -> None:
            try:
                briefing = library.load(briefing_id)
            except LoadFailed as error:
                screen.post_message(MarkRead(None, str(error)))
                return
            screen.post_message(MarkRead(bookmark_of(briefing, ref)))

        screen.run_worker(work, thread=True, group="bookmark", exclusive=True, exit_on_error=False)

    def marked(self, event: MarkRead) -> None:
        if event.bookmark is None:
            why = event.why or "the answer is no longer in its briefing"
            self.screen.notify(f"Not bookmarked: {why}", severity="error", timeout=8)
            return
        self._save(event.bookmark)

    def _save(self, bookmark: Bookmark) -> None:
        try:
            added = self.store.toggle(bookmark)
        except OSError as error:
            self.screen.notify(
                f"Could not save the bookmarks: {error}", severity="error", timeout=10
            )
            return
        if added:
            self.screen.notify(f"Bookmarked {bookmark.ref} (M lists the bookmarks)", timeout=3)
        else:
            self.screen.notify(f"Bookmark removed: {bookmark.ref}", timeout=3)

    def show(self) -> None:
        """``M``: check the bookmarks against the archive, then list them."""
        screen = self.screen
        if screen.actions.typing("M"):
            return
        store = self.store
        hold_keys(screen.app)  # what is typed next belongs to the list
        library = screen.library

        def work() -> None:
            try:
                known = {summary.id for summary in library.summaries()}
            except Exception:  # the archive may be unreadable: list them unchecked
                screen.post_message(BookmarksChecked([], []))
                return
            unknown = [b.ref for b in store.items if b.briefing_id not in known]
            screen.post_message(BookmarksChecked(unknown, store.unknown(known)))

        screen.run_worker(work, thread=True, group="bookmarks", exclusive=True, exit_on_error=False)

    def checked(self, event: BookmarksChecked) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        screen = self.screen
        self._report(event.problems)
        screen.app.push_screen(BookmarksScreen(self.store, event.unknown), self._chosen)

    def _chosen(self, ref: str | None) -> None:
        if ref is not None:
            self.screen.references.go(ref)


class BookmarkActions:
    """The main screen's bookmark actions and their workers' messages."""

    marks: Marks

    def action_bookmark(self) -> None:
        self.marks.toggle()

    def action_show_bookmarks(self) -> None:
        self.marks.show()

    def on_mark_read(self, event: MarkRead) -> None:
        self.marks.marked(event)

    def on_bookmarks_checked(self, event: BookmarksChecked) -> None:
        self.marks.checked(event)
