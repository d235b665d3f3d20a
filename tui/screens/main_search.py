"""Search mode of the main screen: the filter box with a leading ``?`` searches all text.

One box, two modes, always visible in its label ("Filter" / "Search") and placeholder:
plain text narrows the conference list; ``?words`` runs a full-text query as you type and
the results take the place of the Q&A view. Enter (or a click) on a result opens the
briefing at that answer with the matched terms highlighted; ``n``/``N`` then step through
the matches until escape ends the search.
"""

from __future__ import annotations

from textual import on
from textual.widgets import ContentSwitcher

from tui.screens.main_loading import ReaderLoading
from tui.widgets.search_results import SearchResults

SEARCH_PREFIX = "?"


class ReaderSearch(ReaderLoading):
    """Mounts the search results on demand and handles what they post."""

    @property
    def search_results(self) -> SearchResults:
        return self.query_one("#search", SearchResults)

    def watch_search_query(self, query: str) -> None:
        switcher = self.query_one("#main", ContentSwitcher)
        if query:
            self.search_results.query_text = query
            switcher.current = "search"
        elif switcher.current == "search":
            switcher.current = "qa"
        self.update_status()

    def focus_search_results(self) -> None:
        self.set_focus(self.search_results.hit_list)

    @on(SearchResults.Opened, "#search")
    def open_hit(self, event: SearchResults.Opened) -> None:
        self.terms = tuple(event.terms)
        briefing_id = event.ref.partition("#")[0]
        self.query_one("#main", ContentSwitcher).current = "qa"
        if self.person is not None:
            self.person = None
        self.scope = "briefing"
        if self.briefing is not None and self.briefing.id == briefing_id:
            self.render_view(event.ref)
        else:
            self.select_briefing(briefing_id, event.ref)
        self.set_focus(self.qa)

    def clear_search(self) -> None:
        """End the search: no results pane, no highlights, an empty box."""
        self.terms = ()
        if self.focused is not None and self.focused in self.search_results.query("*"):
            self.set_focus(self.briefing_list)  # the results are about to be hidden
        if self.filter_box.value.startswith(SEARCH_PREFIX):
            self.filter_box.value = ""
        self.query_one("#main", ContentSwitcher).current = "qa"
        self.render_view()
