"""``x`` on the main screen: export the current search results (every hit) to a file.

A mixin of :class:`~tui.screens.main.MainScreen`, kept apart so the screen only gains a
base class. Without a search on screen there is nothing to export, and the user is told
how to start one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widgets import ContentSwitcher

from tui.screens.main_search import SEARCH_PREFIX

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class ResultsExport:
    """The ``export_results`` action."""

    def action_export_results(self) -> None:
        screen = cast("MainScreen", self)
        if screen.actions.typing("x"):  # a priority key: in a text box, it types
            return
        results = screen.search.results
        query = results.query_text.strip()
        searching = screen.query_one("#main", ContentSwitcher).current == "search"
        if not searching or not query:
            screen.notify(
                f"No search to export: type {SEARCH_PREFIX} and a query in the filter box (/).",
                severity="warning",
                timeout=5,
            )
            return
        from tui.screens.search_export import SearchExportScreen

        folder = screen.actions.config().export_folder
        dialog = SearchExportScreen(screen.library, query, results.order, results.hits, folder)
        screen.app.push_screen(dialog)
