"""Saved searches on the main screen: ``w`` saves the current search, ``W`` lists them.

A mixin of the two actions, so the main screen only gains a base class. Both keys open
a screen, so they are priority bindings (see :data:`tui.screens.main.PRIORITY_ACTIONS`):
in a text box they type their letter instead. Choosing a saved search puts ``?query``
in the filter box, exactly as if it had been typed, and marks its hits seen in a worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tui.saved_searches import SavedSearch, SavedSearches
from tui.screens.main_search import SEARCH_PREFIX

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class SavedSearchKeys:
    """The ``action_*`` methods of ``w`` and ``W`` for :class:`~tui.screens.main.MainScreen`
    (the only class it is mixed into)."""

    def action_save_search(self) -> None:
        SavedSearchActions(cast("MainScreen", self)).save()

    def action_saved_searches(self) -> None:
        SavedSearchActions(cast("MainScreen", self)).show()


class SavedSearchActions:
    """What ``w`` and ``W`` do on one main screen."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def save(self) -> None:
        screen = self.screen
        if screen.actions.typing("w"):
            return
        if not screen.search_query:
            screen.notify(
                "No search to save: search with / and a leading ?, then press w.", timeout=4
            )
            return
        from tui.screens.save_search import SaveSearchScreen

        screen.app.push_screen(SaveSearchScreen(screen.search_query, screen.library))

    def show(self) -> None:
        screen = self.screen
        if screen.actions.typing("W"):
            return
        from tui.screens.watches import WatchesScreen

        screen.app.push_screen(WatchesScreen(screen.library), self.run)

    def run(self, search: SavedSearch | None) -> None:
        """Show ``search``'s results as if typed, and mark its hits seen."""
        if search is None:
            return
        screen = self.screen
        screen.filter_box.value = SEARCH_PREFIX + search.query
        screen.set_focus(screen.search_results.hit_list)
        library = screen.library

        def work() -> None:
            from tui.new_hits import mark_seen

            try:
                mark_seen(SavedSearches(), library, search)
            except Exception as error:  # a locked store or a broken index: say so, go on
                screen.app.call_from_thread(
                    screen.notify,
                    f"Not marked as seen: {error}",
                    severity="error",
                    timeout=10,
                    markup=False,
                )

        screen.run_worker(work, thread=True, group="mark-seen", exit_on_error=False)
