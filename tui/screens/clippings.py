"""The clippings screen (key ``C``): one collection at a time, as a table.

Each row is a clipping: its place, reference, speaker, date, first words and note, and
"changed since clipped" when the transcript no longer reads as clipped (checked in a
thread worker: it parses each briefing once, which must not hold up the first paint of
the table). Enter opens the briefing at the clipping (the screen is dismissed with its
reference), ``K``/``J`` move it up or down, ``n`` edits its note, ``d`` removes it, ``e``
exports the collection, ``[``/``]`` go to the previous or next collection.

Every cell is a :class:`~rich.text.Text`, never markup (a DataTable would read a ``str``
as markup), and the text goes through :func:`tui.safetext.clean_line`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tui.clips.collection import STATUS_LABELS, Checked, Status, check
from tui.clips.store import Clipping, ClipsError, ClipStore, Collection
from tui.library import LoadFailed, Reading
from tui.model import Briefing
from tui.safetext import clean_line
from tui.screens.clip_dialog import ClipDialog, ClipRequest
from tui.wrap import truncate

FIRST_WORDS = 18
NOTE_WIDTH = 12
DETAIL_WORDS = 230  # two lines of a 120-cell screen under the table
SHORT_STATUS = {"changed": "changed", "missing": "gone"}
"""The table's word for a clipping that no longer reads as clipped (the line under the
table and the message say it in full), so that all seven columns fit 120 cells."""
HINT = (
    "Enter open · K/J move up/down · n note · d remove · e export · "
    "[ ] other collection · Escape close"
)


class ClippingsScreen(ModalScreen[str | None]):
    """The clippings of one collection; dismissed with a reference to open, or None."""

    DEFAULT_CSS = """
    ClippingsScreen { background: $background; }
    ClippingsScreen #heading { text-style: bold; padding: 0 1; width: 100%; }
    ClippingsScreen DataTable { height: 1fr; }
    ClippingsScreen #detail { padding: 0 1; height: auto; max-height: 5; }
    ClippingsScreen #message { color: $text-muted; padding: 0 1; height: auto; }
    ClippingsScreen #hint { color: $text-muted; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("K", "move(-1)", "Move up"),
        Binding("J", "move(1)", "Move down"),
        Binding("n", "edit_note", "Note"),
        Binding("d,delete", "remove", "Remove"),
        Binding("e", "export", "Export"),
        Binding("left_square_bracket", "collection(-1)", "Previous collection"),
        Binding("right_square_bracket", "collection(1)", "Next collection"),
    ]

    def __init__(self, store: ClipStore, library: Reading, collection: str) -> None:
        super().__init__()
        self.store = store
        self.library = library
        self.collection = collection
        self.rows: list[Clipping] = []
        self.status: dict[int, Status] = {}
        self.checked: list[Checked] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="heading")
        yield DataTable(id="clips", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Static("", id="message")
        yield Static(Text(HINT), id="hint")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#clips", DataTable)

    def on_mount(self) -> None:
        self.table.add_columns("#", "Reference", "Speaker", "Held", "First words", "Note", "Now")
        names = [c.name for c in self._collections()]
        folded = [n.casefold() for n in names]
        if self.collection.casefold() in folded:
            self.collection = names[folded.index(self.collection.casefold())]
        elif names:
            self.collection = names[0]
        self.reload()

    def _collections(self) -> list[Collection]:
        try:
            return self.store.collections()
        except ClipsError as error:
            self._say(str(error))
            return []

    def _say(self, message: str) -> None:
        self.query_one("#message", Static).update(Text(message))

    # --- the table ------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Read the collection again and redraw; the cursor goes to clipping ``keep``."""
        names = [c.name for c in self._collections()]
        try:
            self.rows = self.store.clippings(self.collection) if names else []
        except ClipsError:
            self.rows = []
        where = f" ({names.index(self.collection) + 1} of {len(names)})" if names else ""
        heading = f"Clippings · {clean_line(self.collection)}{where} · {len(self.rows)}"
        self.query_one("#heading", Label).update(Text(heading))
        if not self.rows:
            self._say("No clippings here yet: press c on an answer to clip it.")
        self._draw(keep)
        self._check()

    def _draw(self, keep: int | None = None) -> None:
        table = self.table
        table.clear()
        for number, clip in enumerate(self.rows, 1):
            first = truncate(clean_line(" ".join(clip.text.split())), FIRST_WORDS)
            status = SHORT_STATUS.get(self.status.get(clip.id, "unchecked"), "")
            table.add_row(
                Text(f"{number}!" if status else str(number)),
                Text(clip.ref),
                Text(clean_line(clip.by)),
                Text(clip.held),
                Text(first),
                Text(truncate(clean_line(clip.note), NOTE_WIDTH)),
                Text(status, style="bold" if status else ""),
                key=str(clip.id),
            )
        ids = [clip.id for clip in self.rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self._detail()

    def on_data_table_row_highlighted(self) -> None:
        self._detail()

    def _detail(self) -> None:
        """The highlighted clipping in full, under the table (its cells are cut to fit)."""
        clip = self.selected
        if clip is None:
            self.query_one("#detail", Static).update("")
            return
        parts = [clip.ref, f"{clean_line(clip.by)}, {clip.held}"]
        status = STATUS_LABELS.get(self.status.get(clip.id, "unchecked"))
        if status:
            parts.append(status.upper())
        line = Text()
        line.append(" · ".join(parts), style="bold")
        line.append("\n" + truncate(clean_line(" ".join(clip.text.split())), DETAIL_WORDS))
        if clip.note:
            line.append(f"\nNote: {clean_line(clip.note)}")
        self.query_one("#detail", Static).update(line)

    def _check(self) -> None:
        rows, library = list(self.rows), self.library

        def load(briefing_id: str) -> Briefing | None:
            try:
                return library.load(briefing_id)
            except LoadFailed:
                return None

        def work() -> None:
            checked = check(rows, load)
            self.app.call_from_thread(self._checked, checked)

        self.run_worker(work, thread=True, group="clips-check", exclusive=True)

    def _checked(self, checked: list[Checked]) -> None:
        self.checked = checked
        self.status = {item.clipping.id: item.status for item in checked}
        changed = sum(item.status == "changed" for item in checked)
        gone = sum(item.status == "missing" for item in checked)
        said = [f"{changed} changed since clipped"] if changed else []
        said += [f"{gone} no longer in the archive"] if gone else []
        if said:
            self._say(
                f"{' and '.join(said)} (marked !): the clipped words are kept, and exports say so."
            )
        current = self.selected
        self._draw(current.id if current else None)

    @property
    def selected(self) -> Clipping | None:
        row = self.table.cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    # --- actions --------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        clip = self.selected
        if clip is not None and self.status.get(clip.id) == "missing":
            self._say(
                f"{clip.ref} is no longer in the archive: its clipped words are kept here "
                "and in exports."
            )
        elif clip is not None:
            self.dismiss(clip.ref)

    def action_close(self) -> None:
        self.dismiss(None)

    def _change(self, what: str, change: Callable[[], object]) -> bool:
        """Run a store change; a failure is said, not raised."""
        try:
            change()
        except ClipsError as error:
            self._say(f"Not {what}: {error}")
            return False
        return True

    def action_move(self, delta: int) -> None:
        clip = self.selected
        if clip is not None and self._change("moved", lambda: self.store.move(clip.id, delta)):
            self.reload(clip.id)

    def action_remove(self) -> None:
        clip = self.selected
        if clip is None:
            return
        if self._change("removed", lambda: self.store.remove(self.collection, clip.ref)):
            self._say(f"Removed {clip.ref} from {self.collection!r}.")
            row = self.table.cursor_row
            self.reload()
            if self.rows:
                self.table.move_cursor(row=min(row, len(self.rows) - 1))

    def action_edit_note(self) -> None:
        clip = self.selected
        if clip is None:
            return

        def edited(request: ClipRequest | None) -> None:
            if request is not None and self._change(
                "saved", lambda: self.store.set_note(clip.id, request.note)
            ):
                self.reload(clip.id)

        self.app.push_screen(ClipDialog(clip.ref, clip.text, note=clip.note), edited)

    def action_collection(self, delta: int) -> None:
        names = [c.name for c in self._collections()]
        if not names:
            return
        at = names.index(self.collection) if self.collection in names else 0
        self.collection = names[(at + delta) % len(names)]
        self.status = {}
        self._say("")
        self.reload()

    def action_export(self) -> None:
        if not self.rows:
            self._say("Nothing to export: this collection is empty.")
            return
        if [item.clipping.id for item in self.checked] != [clip.id for clip in self.rows]:
            self._say("Still checking the clippings against the transcripts; press e again.")
            return
        from tui.screens.clips_export import CollectionExportDialog

        self.app.push_screen(CollectionExportDialog(self.collection, self.checked))
