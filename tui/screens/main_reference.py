"""Go to a reference (key ``#``, the palette's "Go to reference", ``briefing REF``).

A reference is checked before anything moves: its briefing must load and hold the
element; otherwise one notice says which part is unknown and the reader stays where it
was. A briefing other than the open one is parsed in a worker (the answer's briefing may
be any of ten thousand). A reference given on the command line is tried once the first
screen is up (:meth:`References.first_screen`: a warm index knows it already) and, if
the index does not know it yet, again once the index is up to date
(:meth:`References.index_ready`), so a briefing the first scan has not reached yet is
still found; only then is it reported unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.widgets import ContentSwitcher

from tui.library import LoadFailed
from tui.model import Briefing
from tui.references import Reference, parse
from tui.typeahead import hold_keys

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class ReferenceChecked(Message):
    """A reference was looked up: ``why`` it is unknown, or None when it exists."""

    def __init__(self, reference: Reference, why: str | None, attempt: int) -> None:
        super().__init__()
        self.reference = reference
        self.why = why
        self.attempt = attempt  # only the latest attempt's answer counts


def _missing(briefing: Briefing, reference: Reference) -> str | None:
    if briefing.find(reference.ref) is None:
        element = reference.ref.partition("#")[2]
        return f"{briefing.id} has no {element}"
    return None


class References:
    """References opened on one :class:`~tui.screens.main.MainScreen`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.start: str | None = None  # from the command line, until it is opened
        self._early = False  # trying ``start`` before the index is up to date
        self._attempt = 0

    def ask(self) -> None:
        """``#``: the box for a reference (in a text box, ``#`` is typed instead)."""
        screen = self.screen
        if screen.actions.typing("#"):
            return
        from tui.screens.goto import GoToScreen

        hold_keys(screen.app)  # the rest of a pasted reference belongs to the box
        screen.app.push_screen(GoToScreen(), self._typed)

    def _typed(self, text: str | None) -> None:
        if text is not None:
            self.go(text)

    def first_screen(self) -> None:
        """The first screen is up: try the command line's reference already."""
        if self.start is not None:
            self._early = True
            self.go(self.start)

    def index_ready(self) -> None:
        """The first refresh is over: open the command line's reference, once."""
        if self.start is not None:
            start, self.start, self._early = self.start, None, False
            self.go(start)

    def go(self, text: str) -> None:
        """Open the reference ``text`` names, or say why not."""
        screen = self.screen
        parsed = parse(text, screen.briefing_id)
        if isinstance(parsed, str):
            screen.notify(parsed, severity="warning", timeout=6)
            return
        self._attempt += 1
        attempt = self._attempt
        briefing = screen.briefing
        if briefing is not None and briefing.id == parsed.briefing_id:
            self.checked(ReferenceChecked(parsed, _missing(briefing, parsed), attempt))
            return
        library = screen.library

        def work() -> None:
            try:
                loaded = library.load(parsed.briefing_id)
            except LoadFailed as error:
                screen.post_message(ReferenceChecked(parsed, str(error), attempt))
                return
            screen.post_message(ReferenceChecked(parsed, _missing(loaded, parsed), attempt))

        screen.run_worker(work, thread=True, group="reference", exclusive=True, exit_on_error=False)

    def checked(self, event: ReferenceChecked) -> None:
        screen, reference = self.screen, event.reference
        if event.attempt != self._attempt:
            return  # a newer reference was asked for meanwhile
        if self._early:
            self._early = False
            if event.why is not None and screen.loader.refreshing:
                return  # the index may not have reached it yet: index_ready tries again
            self.start = None
        if event.why is not None:
            screen.notify(
                f"Unknown reference {reference.ref}: {event.why}", severity="warning", timeout=8
            )
            return
        screen.query_one("#main", ContentSwitcher).current = "qa"  # from search results too
        if screen.person is not None:
            screen.person = None  # the answer may be one the chosen person did not give
        screen.select_briefing(reference.briefing_id, reference.ref)
        screen.set_focus(screen.qa)


class ReferenceActions:
    """The main screen's "Go to reference" action and its worker's message."""

    references: References

    def action_go_to_reference(self) -> None:
        self.references.ask()

    def on_reference_checked(self, event: ReferenceChecked) -> None:
        self.references.checked(event)
