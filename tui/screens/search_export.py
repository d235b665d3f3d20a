"""The search results export dialog (key ``x``): every hit of the current search to a file.

A format (CSV, JSON Lines, Markdown: :data:`tui.hits_export.HIT_FORMATS`) and a
destination; the rest (Enter to write, the overwrite question, errors shown in the
dialog) is :class:`~tui.screens.write_dialog.WriteDialog`'s. The results pane shows a
page of hits; the file gets every hit, so the query runs again, without a limit, in the
worker that writes, never on the screen's thread. The preview shows the page's first
hits in the chosen format.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import RadioSet

from tui.hits_export import HIT_FORMATS, render_hits
from tui.ids import slug
from tui.library import Order, SearchHit, Searching
from tui.plural import count
from tui.safetext import clean_line
from tui.screens.write_dialog import MarkedRadioButton, WriteDialog, preview_of

EXPORT_FOLDER = Path("exports")
PREVIEW_HITS = 3


def default_results_path(query: str, fmt: str, folder: Path = EXPORT_FOLDER) -> Path:
    """``exports/search-<query slug>.<ext>``."""
    return folder / f"search-{slug(query, fallback='results')}{HIT_FORMATS[fmt].extension}"


class SearchExportScreen(WriteDialog):
    """Export every hit of ``query`` (in ``order``); ``shown`` are the hits on screen."""

    what = "the search results"
    slow_text = True

    def __init__(
        self,
        library: Searching,
        query: str,
        order: Order,
        shown: Sequence[SearchHit],
        folder: Path | None = None,
    ) -> None:
        """``folder``: where files are suggested (the user's export folder setting)."""
        self.library = library
        self.folder = folder if folder is not None else EXPORT_FOLDER
        self.query_text = query
        self.order: Order = order
        self.shown = list(shown[:PREVIEW_HITS])
        self.format = next(iter(HIT_FORMATS))
        self.heading = f"Export every hit of {clean_line(query)}"
        self._count = 0
        super().__init__()

    def choices(self) -> ComposeResult:
        with RadioSet(id="hit-format"):
            for fmt in HIT_FORMATS.values():
                yield MarkedRadioButton(
                    fmt.label, value=fmt.key == self.format, id=f"hits-{fmt.key}"
                )

    def preview(self) -> Content:
        return preview_of(render_hits(self.shown, self.query_text, self.format))

    def suggested_path(self) -> Path:
        return default_results_path(self.query_text, self.format, self.folder)

    def text_job(self) -> Callable[[], str]:
        library, query, order, fmt = self.library, self.query_text, self.order, self.format

        def every_hit() -> str:
            hits = library.search(query, limit=None, order=order)
            self._count = len(hits)
            return render_hits(hits, query, fmt)

        return every_hit

    def written(self, path: Path) -> str:
        return f"Exported {count(self._count, 'hit')} to {path.resolve()}"

    def sent(self, name: str) -> str:
        return f"Sent {count(self._count, 'hit')} to the browser as {name}"

    @on(RadioSet.Changed, "#hit-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = (event.pressed.id or "").removeprefix("hits-")
        if chosen not in HIT_FORMATS:
            return
        self.format = chosen
        self.suggest()
        self.refresh_preview()
