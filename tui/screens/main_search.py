"""Search mode of the main screen: the filter box with a leading ``?`` searches all text.

One box, two modes, always visible in its label ("Filter" / "Search") and placeholder:
plain text narrows the conference list; ``?words`` runs a full-text query as you type and
the results take the place of the Q&A view. Enter (or a click) on a result opens the
briefing at that answer with the matched terms highlighted; ``n``/``N`` then step through
the matches until escape ends the search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import ContentSwitcher

from tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

SEARCH_PREFIX = "?"


class Search:
    """The search pane of one :class:`~tui.screens.main.MainScreen`: shown, hidden, used."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    @property
    def results(self) -> SearchResults:
        return self.screen.query_one("#search", SearchResults)

    def query_changed(self, query: str) -> None:
        """Show the results of ``query`` in place of the Q&A view, or hide them if empty."""
        switcher = self.screen.query_one("#main", ContentSwitcher)
        if query:
            self.results.query_text = query
            switcher.current = "search"
        elif switcher.current == "search":
            switcher.current = "qa"
        self.screen.update_status()

    def focus_results(self) -> None:
        self.screen.set_focus(self.results.hit_list)

    def open_hit(self, event: SearchResults.Opened) -> None:
        """Open the briefing at the hit, its terms highlighted, in this-briefing scope."""
        screen = self.screen
        screen.terms = tuple(event.terms)
        briefing_id = event.ref.partition("#")[0]
        screen.query_one("#main", ContentSwitcher).current = "qa"
        if screen.person is not None:
            screen.person = None
        screen.scope = "briefing"
        if screen.briefing is not None and screen.briefing.id == briefing_id:
            screen.places.opening(briefing_id, event.ref, passing=False)
            screen.render_view(event.ref)
        else:
            screen.select_briefing(briefing_id, event.ref)
        screen.set_focus(screen.qa)

    def clear(self) -> None:
        """End the search: no results pane, no highlights, an empty box."""
        screen = self.screen
        screen.terms = ()
        if screen.focused is not None and screen.focused in self.results.query("*"):
            screen.set_focus(screen.briefing_list)  # the results are about to be hidden
        if screen.filter_box.value.startswith(SEARCH_PREFIX):
            screen.filter_box.value = ""
        screen.query_one("#main", ContentSwitcher).current = "qa"
        screen.render_view()
