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
from tui.widgets.text import clean_line

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
        self._library = library
        self.briefing: Briefing | None = None
        self.terms: tuple[str, ...] = ()
        self.names: dict[tuple[str, PersonKind], str] = {}

    @property
    def library(self) -> Library:
        """The archive every pane reads from (the palette too)."""
        return self._library

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
        """The status line: the selected answer's reference first (it is what gets cited)."""
        qa = self.qa
        parts = [qa.cursor_ref or "no answer selected"]
        if qa.answers and qa.cursor_ref:
            parts.append(f"answer {qa.answers.index(qa.cursor_ref) + 1}/{len(qa.answers)}")
        if qa.match_count:
            parts.append(f"match {max(qa.match_index, 0) + 1}/{qa.match_count}")
        if self.person is not None:
            kind = "speaker" if self.person[1] == "speaker" else "asker"
            parts.append(f"{kind}: {clean_line(self.person_name())}")
        parts.append("all briefings" if self.scope == "all" else "this briefing")
        if self.filter_text.strip():
            shown, total = len(self.briefing_list.rows), len(self.briefing_list.summaries)
            parts.append(f"filter: {shown} of {total} briefings")
        self.query_one("#status", Static).update(" · ".join(parts))
