"""The reader's text boxes (the filter, the speaker finder): focus keeps what was typed.

Textual's ``Input`` selects its whole text when it gets the focus, so the next key
replaces it: pressing ``/`` to refine a query, then typing, wiped the query with one
key. These boxes keep the text and put the cursor at its end instead, as a shell or a
browser's find bar does.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class QueryInput(Input):
    """An ``Input`` that keeps its text on focus, with the cursor at the end."""

    def __init__(
        self,
        *,
        placeholder: str = "",
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(placeholder=placeholder, compact=compact, id=id, select_on_focus=False)

    def on_focus(self, event: events.Focus) -> None:
        self.cursor_position = len(self.value)
