"""The reading state of the main screen, and the panes that show it.

The main screen is built in layers, each in its own module, each a subclass of the one
before: this state (reactives and panes) → :mod:`~tui.screens.main_loading` (the
library, in workers) → :mod:`~tui.screens.main_search` → :mod:`~tui.screens.main_actions`
(keys) → :mod:`~tui.screens.main` (layout and messages). Layers rather than mixins keep
every method type-checked against the full state it uses.
"""

from __future__ import annotations

from typing import Literal

from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.library import Library, PersonKind
from tui.model import Briefing
from tui.widgets.briefing_list import BriefingList
from tui.widgets.qa_view import QAView
from tui.widgets.speaker_filter import Choice, SpeakerFilter

Scope = Literal["briefing", "all"]


class ReaderState(Screen[None]):
    """The state the panes display, owned here and bound down to them."""

    briefing_id: reactive[str | None] = reactive(None, init=False)
    person: reactive[Choice] = reactive(None, init=False)
    scope: reactive[Scope] = reactive("briefing", init=False)
    filter_text: reactive[str] = reactive("", init=False)
    search_query: reactive[str] = reactive("", init=False)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.briefing: Briefing | None = None
        self.terms: tuple[str, ...] = ()
        self.names: dict[tuple[str, PersonKind], str] = {}

    @property
    def briefing_list(self) -> BriefingList:
        return self.query_one("#briefings", BriefingList)

    @property
    def speaker_filter(self) -> SpeakerFilter:
        return self.query_one("#speakers", SpeakerFilter)

    @property
    def qa(self) -> QAView:
        return self.query_one("#qa", QAView)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#filter", Input)

    def person_name(self) -> str:
        if self.person is None:
            return ""
        return self.names.get(self.person, self.person[0])

    def update_status(self) -> None:
        parts = [self.qa.cursor_ref or "no answer selected"]
        if self.qa.answers and self.qa.cursor_ref:
            parts.append(
                f"answer {self.qa.answers.index(self.qa.cursor_ref) + 1}/{len(self.qa.answers)}"
            )
        if self.qa.match_count:
            parts.append(f"match {max(self.qa.match_index, 0) + 1}/{self.qa.match_count}")
        parts.append("all briefings" if self.scope == "all" else "this briefing")
        if self.person is not None:
            kind = "speaker" if self.person[1] == "speaker" else "asker"
            parts.append(f"{kind}: {self.person_name()}")
        if self.filter_text.strip():
            parts.append(
                f"filter: {len(self.briefing_list.rows)} of "
                f"{len(self.briefing_list.summaries)} briefings"
            )
        self.query_one("#status", Static).update(" · ".join(parts))
