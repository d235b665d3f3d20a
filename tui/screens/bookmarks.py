"""The bookmarks screen (key ``M``): every bookmark, Enter opens one, ``d`` deletes it.

Each row is the reference, the speaker, the date and the first words of the answer, as
kept in the bookmark (:class:`tui.bookmarks.Bookmark`), shown as plain text: they come
from transcripts. A bookmark whose briefing this archive does not have is marked, not
hidden (it may belong to another archive). Deleting writes the file at once; the
screen dismisses with the reference to open, or None.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.bookmarks import Bookmark, Bookmarks
from tui.plural import count
from tui.safetext import clean_line

UNKNOWN_MARK = "  (not in this archive)"


def row(bookmark: Bookmark, unknown: bool) -> Content:
    """One line: ``ref · speaker · date · first words``, all plain text."""
    parts = [bookmark.ref, bookmark.speaker, bookmark.date, bookmark.words]
    text = " · ".join(clean_line(part) for part in parts if part)
    return Content(text + (UNKNOWN_MARK if unknown else ""))


class BookmarksScreen(ModalScreen[str | None]):
    """The list of bookmarks of ``store``; ``unknown`` are refs of briefings not here."""

    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen #bookmarks {
        width: 110; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    BookmarksScreen #bookmarks-title { text-style: bold; }
    BookmarksScreen OptionList { height: auto; max-height: 1fr; }
    BookmarksScreen #bookmarks-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,M", "close", "Close"),
        Binding("d,delete", "delete", "Delete"),
    ]

    def __init__(self, store: Bookmarks, unknown: Collection[str] = ()) -> None:
        super().__init__()
        self.store = store
        self.unknown = set(unknown)

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks"):
            yield Label("", id="bookmarks-title", markup=False)
            yield OptionList(id="bookmark-list")
            yield Label(
                "Enter opens · d deletes · esc closes. m on an answer bookmarks it.",
                id="bookmarks-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, highlighted: int = 0) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for bookmark in self.store.items:
            options.add_option(Option(row(bookmark, bookmark.ref in self.unknown), bookmark.ref))
        if self.store.items:
            options.highlighted = min(highlighted, len(self.store.items) - 1)
        title = count(len(self.store.items), "bookmark") if self.store.items else "No bookmarks yet"
        self.query_one("#bookmarks-title", Label).update(title)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.store.items:
            return
        ref = self.store.items[index].ref
        try:
            self.store.remove(ref)
        except OSError as error:
            self.notify(f"Could not save the bookmarks: {error}", severity="error", timeout=10)
            return
        self.notify(f"Bookmark deleted: {ref}", timeout=3)
        self._fill(index)

    def action_close(self) -> None:
        self.dismiss(None)
