"""Clipping from the main screen: ``c`` clips the selected answer, ``C`` lists the clippings.

A mixin of :class:`~tui.screens.main.MainScreen`, so the screen gains the two actions
and the notes the Q&A view shows without growing. The clippings database is opened on
first use, not at start-up (the reader must paint its first screen without it), and kept
open. Writes run in a thread worker: ``synchronous=FULL`` waits for the disk, and a
database locked by another program waits its busy timeout, neither on the UI thread.
Whatever goes wrong is a notification with the sentence :mod:`tui.clips.store` gives.

The collection offered is the last one clipped into (remembered between runs), or
"Clippings"; a collection named in the dialog that does not exist yet is made.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from tui import remembered
from tui.clips.opening import open_clips
from tui.clips.store import Clipping, ClipsError, ClipStore
from tui.model import Answer, Briefing, Question, Remark
from tui.quote import quote_of
from tui.screens.clip_dialog import ClipDialog, ClipRequest
from tui.widgets.qa_document import Notes

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

COLLECTION_KEY = "clips.collection"
DEFAULT_COLLECTION = "Clippings"
Quotable = Answer | Question | Remark
_opening = threading.Lock()  # the view's worker and the UI thread may both ask first


class ClipActions:
    """``action_clip``, ``action_show_clippings`` and the clipping notes, for the main screen."""

    _clip_store: ClipStore | None = None
    _clip_notes: dict[str, list[tuple[str, str]]] | None = None

    def _main(self) -> MainScreen:
        """This object, as the main screen it is mixed into."""
        return cast("MainScreen", self)

    def clip_store(self) -> ClipStore | None:
        """The open clippings database, or None (and a notification saying why)."""
        with _opening:
            if self._clip_store is None:
                try:
                    store = open_clips()
                except ClipsError as error:
                    self._main().app.notify(
                        f"Clippings: {error}", severity="error", timeout=10, markup=False
                    )
                    return None
                self._clip_store = store
                if store.notice:
                    self._main().app.notify(
                        store.notice, severity="warning", timeout=10, markup=False
                    )
        return self._clip_store

    def clip_notes(self) -> Notes:
        """Every note by reference, for the Q&A view (read once, again after a change)."""
        notes = self._clip_notes
        if notes is None:
            notes = {}
            store = self.clip_store()
            if store is not None:
                try:
                    for clip in store.clippings():
                        notes.setdefault(clip.ref, []).append((clip.collection, clip.note))
                except ClipsError:
                    notes = {}
            self._clip_notes = notes
        return notes

    def clips_changed(self) -> None:
        """Show the notes as they are now (the cursor stays where it is)."""
        self._clip_notes = None
        self.clip_notes()
        self._main().render_view()

    def action_clip(self) -> None:
        if not self._main().actions.typing("c"):
            self._main().actions.quote_selected("clip")

    def open_clip_dialog(self, briefing: Briefing, element: Quotable) -> None:
        store = self.clip_store()
        if store is None:
            return
        collection = remembered.recall(COLLECTION_KEY, DEFAULT_COLLECTION)
        try:
            existing = _existing(store.of_briefing(briefing.id), element.ref, collection)
        except ClipsError as error:
            self._main().notify(f"Not clipped: {error}", severity="error", timeout=10, markup=False)
            return
        note = existing.note if existing is not None else ""

        def clip(request: ClipRequest | None) -> None:
            if request is not None:
                self._write_clip(store, briefing, element, request)

        dialog = ClipDialog(element.ref, element.text, note=note, collection=collection)
        self._main().app.push_screen(dialog, clip)

    def _write_clip(
        self,
        store: ClipStore,
        briefing: Briefing,
        element: Quotable,
        request: ClipRequest,
    ) -> None:
        app = self._main().app

        def work() -> None:
            try:
                found = _existing(store.of_briefing(briefing.id), element.ref, request.collection)
                if found is not None:
                    store.set_note(found.id, request.note)
                    said = f"Note of {element.ref} in {found.collection!r} saved."
                else:
                    clip = store.add(
                        request.collection, quote_of(briefing, element), request.note, create=True
                    )
                    said = f"Clipped {clip.ref} into {clip.collection!r} ({clip.position})."
            except ClipsError as error:
                app.notify(f"Not clipped: {error}", severity="error", timeout=10, markup=False)
                return
            remembered.remember(COLLECTION_KEY, request.collection)
            app.notify(said, markup=False)
            app.call_from_thread(self.clips_changed)

        self._main().run_worker(work, thread=True, group="clip", exit_on_error=False)

    def action_show_clippings(self) -> None:
        if self._main().actions.typing("C"):
            return
        store = self.clip_store()
        if store is None:
            return
        from tui.screens.clippings import ClippingsScreen

        collection = remembered.recall(COLLECTION_KEY, DEFAULT_COLLECTION)

        def opened(ref: str | None) -> None:
            self.clips_changed()
            if ref is not None:
                self._main().select_briefing(ref.partition("#")[0], ref)

        self._main().app.push_screen(
            ClippingsScreen(store, self._main().library, collection), opened
        )


def _existing(clippings: list[Clipping], ref: str, collection: str) -> Clipping | None:
    folded = collection.casefold()
    return next((c for c in clippings if c.ref == ref and c.collection.casefold() == folded), None)
