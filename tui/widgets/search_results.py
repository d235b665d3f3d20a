"""Search mode: results as you type, hits per month, Enter opens the hit.

Usage (the main screen)::

    results = SearchResults(library, id="search")   # library: a tui.library.Searching
    results.query_text = 'tariff* speaker:"Li Jun"' # runs in a thread worker
    results.toggle_order()                          # newest first <-> relevance ("o")
    def on_search_results_opened(self, event: SearchResults.Opened): ...
        # event.ref ("id#q3.a1") and event.terms (for tui.textmatch.match_spans)

Every query runs in a thread worker; each carries a generation number and only the newest
query's results are shown, so fast typing never flashes stale results. Results are capped
at :data:`CAP` (a page of hits is what a person reads; the count says when there are more)
and drawn by :class:`~tui.widgets.virtual_list.VirtualList`, which paints only the rows on
screen. Each hit is two rows: ``date  kind person  #ref  title`` and its snippet, whose
matched words are styled through Segments from the hit's offsets; transcript text is never
parsed as markup and control characters are shown as visible symbols.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Self

from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Sparkline, Static

from tui.library import Order, SearchCancelled, SearchHit, Searching
from tui.model import UNNAMED_ASKER
from tui.plural import noun_for
from tui.safetext import clean, clean_line
from tui.widgets.virtual_list import VirtualList
from tui.wrap import cells, truncate

CAP = 200
KIND_LABEL = {"question": "Q", "answer": "A", "remark": "R"}


@dataclass(frozen=True, slots=True)
class _Row:
    hit: SearchHit
    head: bool  # the heading line of a hit; False: its snippet line


class HitList(VirtualList[_Row]):
    """Two rows per hit; the cursor rests on headings and lights up both rows."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *VirtualList.COMPONENT_CLASSES,
        "hit-list--date",
        "hit-list--ref",
        "hit-list--match",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    DEFAULT_CSS = """
    HitList > .hit-list--date { color: $text-muted; }
    HitList > .hit-list--ref { color: $text-muted; }
    HitList > .hit-list--match { text-style: bold reverse; }
    """

    def selectable(self, index: int) -> bool:
        return self.rows[index].head

    def click_target(self, index: int) -> int | None:
        """A click on a snippet opens its hit, as a click on the heading does."""
        if self.rows[index].head:
            return index
        return index - 1 if index > 0 else None

    def row_style(self, index: int) -> Style:
        if not self.rows[index].head and index - 1 == self.cursor:
            name = "list--cursor" if self.has_focus else "list--cursor-blurred"
            return self.get_component_rich_style(name)
        return Style()

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)
        self.invalidate()  # the snippet row under the cursor changes look too
        if 0 <= new + 1 < len(self.rows):
            self.scroll_to_row(new + 1)

    def render_row(self, row: _Row, width: int, base: Style) -> list[Segment]:
        return self._head(row.hit, width, base) if row.head else self._snippet(row.hit, width, base)

    def _head(self, hit: SearchHit, width: int, base: Style) -> list[Segment]:
        dim = self.over(base, "hit-list--date")
        ref_style = self.over(base, "hit-list--ref")
        person = clean_line(hit.person or (UNNAMED_ASKER if hit.kind == "question" else ""))
        left = f"{hit.date.isoformat()} "
        who = truncate(f"{KIND_LABEL.get(hit.kind, '?')} {person}", max(12, width // 4))
        ref = "#" + clean_line(hit.ref.partition("#")[2])
        room = width - cells(left) - cells(who) - cells(ref) - 4
        title = truncate(clean_line(hit.title), room) if room > 4 else ""
        return [
            Segment(left, dim),
            Segment(who, base),
            Segment("  ", base),
            Segment(ref, ref_style),
            Segment("  ", base),
            Segment(title, dim),
        ]

    def _snippet(self, hit: SearchHit, width: int, base: Style) -> list[Segment]:
        text = clean(hit.snippet)  # snippets hold no line breaks or tabs: offsets stay valid
        room = max(width - 4, 1)
        start = 0
        if hit.spans and cells(text[: hit.spans[0][1]]) > room:
            start = max(0, hit.spans[0][0] - room // 3)
        match = self.over(base, "hit-list--match")
        segments = [Segment("    " if start == 0 else "   …", base)]
        used = 0
        position = start
        bounds = [*hit.spans, (len(text), len(text))]
        for span_start, span_end in bounds:
            for part, style in (
                (text[position:span_start], base),
                (text[span_start:span_end], match),
            ):
                if not part or used >= room:
                    continue
                piece = truncate(part, room - used) if cells(part) > room - used else part
                segments.append(Segment(piece, style))
                used += cells(piece)
            position = max(position, span_end)
        return segments


class SearchResults(Vertical):
    """Full-text results for :attr:`query_text` over ``library``, newest first or by relevance."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "toggle_order", "Newest/relevance"),
    ]

    DEFAULT_CSS = """
    SearchResults { height: 1fr; }
    SearchResults > #search-status { height: 1; padding: 0 1; }
    SearchResults > #search-status.error { color: $error; }
    SearchResults > #search-months { height: 1; padding: 0 1; }
    SearchResults > #search-months > Sparkline { width: 1fr; }
    SearchResults > #search-months > Static { width: auto; padding: 0 1; color: $text-muted; }
    SearchResults > HitList { height: 1fr; }
    """

    query_text: reactive[str] = reactive("", init=False)
    """The query as typed (named so because ``query`` is Textual's DOM query method)."""
    order: reactive[Order] = reactive[Order]("newest", init=False)

    class Opened(Message):
        """Enter on a hit: open ``ref`` (``id#q3.a1``) and highlight ``terms`` there."""

        def __init__(self, results: SearchResults, ref: str, terms: tuple[str, ...]) -> None:
            super().__init__()
            self.results = results
            self.ref = ref
            self.terms = terms

        @property
        def control(self) -> SearchResults:
            return self.results

    class Found(Message, bubble=False):
        """Internal: a worker's hits (or error) for query ``generation``."""

        def __init__(self, generation: int, hits: list[SearchHit], error: str | None) -> None:
            super().__init__()
            self.generation = generation
            self.hits = hits
            self.error = error

    class Months(Message, bubble=False):
        """Internal: a worker's hits per month for query ``generation``."""

        def __init__(self, generation: int, months: list[tuple[str, int]]) -> None:
            super().__init__()
            self.generation = generation
            self.months = months

    def __init__(
        self, library: Searching, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.library = library
        self._generation = 0
        self.hits: list[SearchHit] = []
        self.months: list[tuple[str, int]] = []
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("Type to search every briefing.", id="search-status", markup=False)
        with Horizontal(id="search-months"):
            yield Sparkline([], id="search-sparkline")
            yield Static("", id="search-range", markup=False)
        yield HitList(id="search-hits")

    @property
    def hit_list(self) -> HitList:
        return self.query_one(HitList)

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focus goes to the list of hits (so arrows and Enter work at once)."""
        self.hit_list.focus(scroll_visible)
        return self

    def toggle_order(self) -> None:
        """Switch between newest first (the default) and relevance (bm25)."""
        self.order = "relevance" if self.order == "newest" else "newest"

    def action_toggle_order(self) -> None:
        self.toggle_order()

    def watch_query_text(self) -> None:
        self._run()

    def watch_order(self) -> None:
        self._run()

    def _run(self) -> None:
        self._generation += 1
        generation, query, order = self._generation, self.query_text, self.order
        if not query.strip():
            self._show(self.Found(generation, [], None))
            self._show_months(self.Months(generation, []))
            return
        self._status("Searching…")
        self.run_worker(
            lambda: self._work(generation, query, order),
            thread=True,
            group="search",
            exclusive=True,
            exit_on_error=False,
        )

    def _work(self, generation: int, query: str, order: Order) -> None:
        # In the worker: the query language is not needed before the first search.
        from tui.query import QueryError

        def stale() -> bool:  # SQLite polls this and drops a query nobody waits for
            return generation != self._generation

        try:
            hits = list(self.library.search(query, limit=CAP, order=order, should_stop=stale))
        except SearchCancelled:
            return
        except QueryError as error:
            self.post_message(self.Found(generation, [], str(error)))
            return
        except Exception as error:  # a broken index must not take the reader down
            self.post_message(self.Found(generation, [], f"Search failed: {error}"))
            return
        self.post_message(self.Found(generation, hits, None))
        try:
            months = list(self.library.hits_per_month(query, stale))
            self.post_message(self.Months(generation, months))
        except SearchCancelled:
            return
        except Exception:
            self.post_message(self.Months(generation, []))

    @on(Found)
    def _show(self, found: Found) -> None:
        if found.generation != self._generation:
            return
        self.hits, self.error = found.hits, found.error
        rows = [_Row(hit, head) for hit in found.hits for head in (True, False)]
        self.hit_list.set_rows(rows, 0)
        status = self.query_one("#search-status", Static)
        status.set_class(found.error is not None, "error")
        if found.error is not None:
            self._status(found.error)
        elif not self.query_text.strip():
            self._status("Type to search every briefing.")
        elif not found.hits:
            self._status("No matches.")
        else:
            more = "+" if len(found.hits) >= CAP else ""
            order = "newest first" if self.order == "newest" else "by relevance"
            noun = noun_for(len(found.hits), "hit")
            self._status(f"{len(found.hits)}{more} {noun}, {order} (ctrl+o: switch order)")

    @on(Months)
    def _show_months(self, months: Months) -> None:
        if months.generation != self._generation:
            return
        self.months = months.months
        # No hits, no bar: an empty sparkline draws as a full-width line under "No matches."
        self.query_one("#search-months").display = bool(months.months)
        self.query_one(Sparkline).data = [float(count) for _, count in months.months]
        label = self.query_one("#search-range", Static)
        if months.months:
            first, last = months.months[0][0], months.months[-1][0]
            peak = max(months.months, key=lambda m: m[1])
            label.update(f"{first} … {last}, peak {peak[0]} ({peak[1]})")
        else:
            label.update("")

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(text)

    @property
    def highlighted(self) -> SearchHit | None:
        hits = self.hit_list
        return hits.rows[hits.cursor].hit if 0 <= hits.cursor < len(hits.rows) else None

    @on(VirtualList.Selected, "#search-hits")
    def _open_hit(self) -> None:
        hit = self.highlighted
        if hit is not None:
            self.post_message(self.Opened(self, hit.ref, hit.terms))


__all__: Sequence[str] = ("CAP", "HitList", "SearchResults")
