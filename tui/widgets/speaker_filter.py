"""The speaker filter: "All", then the speakers, then the askers, each group labelled.

An archive has thousands of people, so the list is virtual (:class:`VirtualList`) and a
one-line box above it narrows it as you type (``s`` focuses the box; Enter chooses the
first person shown, or the one under the cursor once you move into the list). Speakers
show how many answers they gave, askers (outlets or journalists) how many questions they
asked. Choosing posts :class:`SpeakerFilter.Chosen`; the main screen owns the choice and
binds it back down as ``chosen``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input

from tui.library import Person, PersonKind
from tui.safetext import clean_line, name_key
from tui.widgets.query_input import QueryInput
from tui.widgets.virtual_list import VirtualList
from tui.wrap import cells, truncate

RowKind = Literal["all", "heading", "person"]
Choice = tuple[str, PersonKind] | None


@dataclass(frozen=True, slots=True)
class PersonRow:
    kind: RowKind
    label: str
    person: Person | None = None


def build_rows(
    speakers: Sequence[Person], askers: Sequence[Person], text: str = ""
) -> list[PersonRow]:
    """The rows for people whose name contains every word of ``text`` (compared as
    :func:`tui.safetext.name_key` compares names, like the people's keys)."""
    words = name_key(text).split()

    def keep(person: Person) -> bool:
        return all(word in person.key for word in words)

    rows = [PersonRow("all", "All")]
    shown_speakers = [p for p in speakers if keep(p)]
    shown_askers = [p for p in askers if keep(p)]
    rows.append(PersonRow("heading", f"Speakers ({len(shown_speakers)}) · answers"))
    rows.extend(PersonRow("person", clean_line(p.name), p) for p in shown_speakers)
    rows.append(PersonRow("heading", f"Askers / outlets ({len(shown_askers)}) · questions"))
    rows.extend(PersonRow("person", clean_line(p.name), p) for p in shown_askers)
    return rows


class PeopleList(VirtualList[PersonRow]):
    """The rows of the speaker filter; headings are shown but never hold the cursor."""

    chosen: reactive[Choice] = reactive(None, init=False)

    def selectable(self, index: int) -> bool:
        return self.rows[index].kind != "heading"

    def watch_chosen(self) -> None:
        self.invalidate()

    def _is_chosen(self, row: PersonRow) -> bool:
        if row.kind == "all":
            return self.chosen is None
        return (
            row.person is not None
            and self.chosen is not None
            and (row.person.key, row.person.kind) == self.chosen
        )

    def row_style(self, index: int) -> Style:
        row = self.rows[index]
        if row.kind == "heading":
            return self.get_component_rich_style("list--heading")
        if self._is_chosen(row):
            return self.get_component_rich_style("list--chosen")
        return Style()

    def render_row(self, row: PersonRow, width: int, base: Style) -> list[Segment]:
        if row.kind == "heading":
            return [Segment(truncate(row.label, width), base)]
        mark = "●" if self._is_chosen(row) else " "
        count = f" {row.person.count}" if row.person is not None else ""
        name = truncate(row.label, max(width - len(count) - 2, 1))
        pad = " " * max(width - 2 - cells(name) - len(count), 0)
        dim = self.over(base, "list--dim")
        return [Segment(mark + " ", base), Segment(name + pad, base), Segment(count, dim)]


class SpeakerFilter(Vertical):
    """The find box and the people list, as one pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "into_list", show=False),
    ]

    chosen: reactive[Choice] = reactive(None, init=False)

    class Chosen(Message):
        """The reader chose a person (``None``: everyone)."""

        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._speakers: Sequence[Person] = ()
        self._askers: Sequence[Person] = ()

    def compose(self) -> ComposeResult:
        yield QueryInput(placeholder="find a speaker or outlet…", compact=True, id="people-find")
        yield PeopleList(id="people")

    @property
    def find_box(self) -> Input:
        return self.query_one("#people-find", Input)

    @property
    def people(self) -> PeopleList:
        return self.query_one("#people", PeopleList)

    def set_people(self, speakers: Sequence[Person], askers: Sequence[Person]) -> None:
        self._speakers = speakers
        self._askers = askers
        self._refill()

    def _refill(self) -> None:
        rows = build_rows(self._speakers, self._askers, self.find_box.value)
        cursor = 0
        if self.find_box.value.strip():
            cursor = next((i for i, r in enumerate(rows) if r.kind == "person"), 0)
        else:
            for index, row in enumerate(rows):
                if row.person and (row.person.key, row.person.kind) == self.chosen:
                    cursor = index
        self.people.set_rows(rows, cursor)

    def watch_chosen(self, choice: Choice) -> None:
        self.people.chosen = choice

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.people.action_select()

    def action_into_list(self) -> None:
        self.screen.set_focus(self.people)

    @on(VirtualList.Selected, "#people")
    def _choose(self, event: VirtualList.Selected) -> None:
        row = self.people.rows[event.index]
        if row.kind == "all":
            self.post_message(self.Chosen(None))
        elif row.person is not None:
            self.post_message(self.Chosen((row.person.key, row.person.kind)))

    def clear(self) -> bool:
        """Escape: empty the find box first, then go back to everyone. True if it did."""
        if self.find_box.value:
            self.find_box.value = ""
            return True
        if self.chosen is not None:
            self.post_message(self.Chosen(None))
            return True
        return False
