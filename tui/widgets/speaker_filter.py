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
from typing import ClassVar, Literal, overload

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


class PeopleRows(Sequence[PersonRow]):
    """ "All", the speakers, the askers, each group under its heading, as rows made when
    asked for (the list draws a screenful).

    An archive of 100,000 briefings can have 150,000 askers; a row object for each, kept
    for as long as the reader runs, cost about 10 MB there. The people themselves are
    held once, by the library's lists.
    """

    def __init__(self, speakers: Sequence[Person], askers: Sequence[Person]) -> None:
        self._speakers = speakers
        self._askers = askers
        self._askers_heading = 2 + len(speakers)

    def __len__(self) -> int:
        return self._askers_heading + 1 + len(self._askers)

    @overload
    def __getitem__(self, index: int) -> PersonRow: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[PersonRow]: ...

    def __getitem__(self, index: int | slice) -> PersonRow | Sequence[PersonRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index == 0:
            return PersonRow("all", "All")
        if index == 1:
            return PersonRow("heading", f"Speakers ({len(self._speakers)}) · answers")
        if index == self._askers_heading:
            return PersonRow("heading", f"Askers / outlets ({len(self._askers)}) · questions")
        if index < self._askers_heading:
            person = self._speakers[index - 2]
        else:
            person = self._askers[index - self._askers_heading - 1]
        return PersonRow("person", clean_line(person.name), person)

    def first_person(self) -> int:
        """The index of the first person's row (0, "All", when nobody is shown)."""
        if self._speakers:
            return 2
        return self._askers_heading + 1 if self._askers else 0

    def position(self, choice: Choice) -> int:
        """The index of the row of the person chosen (0, "All", when not shown)."""
        if choice is None:
            return 0
        key, kind = choice
        people, start = (
            (self._speakers, 2) if kind == "speaker" else (self._askers, self._askers_heading + 1)
        )
        return next((start + i for i, p in enumerate(people) if p.key == key), 0)


def build_rows(speakers: Sequence[Person], askers: Sequence[Person], text: str = "") -> PeopleRows:
    """The rows for people whose name contains every word of ``text`` (compared as
    :func:`tui.safetext.name_key` compares names, like the people's keys)."""
    words = name_key(text).split()
    if not words:
        return PeopleRows(speakers, askers)

    def keep(person: Person) -> bool:
        return all(word in person.key for word in words)

    return PeopleRows([p for p in speakers if keep(p)], [p for p in askers if keep(p)])


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

    def name_of(self, choice: Choice) -> str | None:
        """The display name of the person ``choice`` names, if the lists hold them.

        A scan, made once per person chosen (the screen keeps the answer): a map of every
        name, kept all along, cost 7 MB at 100,000 briefings."""
        if choice is None:
            return None
        key, kind = choice
        people = self._speakers if kind == "speaker" else self._askers
        return next((p.name for p in people if p.key == key), None)

    def _refill(self) -> None:
        typed = self.find_box.value
        rows = build_rows(self._speakers, self._askers, typed)
        self.people.set_rows(
            rows, rows.first_person() if typed.strip() else rows.position(self.chosen)
        )

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
