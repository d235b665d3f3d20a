"""The virtual lists: only visible rows are drawn, filtering and the people rows."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult

from tui.library import BriefingSummary, Person
from tui.widgets.briefing_list import BriefingList, matches
from tui.widgets.speaker_filter import build_rows


def summary(number: int) -> BriefingSummary:
    day = dt.date(2000, 1, 1) + dt.timedelta(days=number)
    return BriefingSummary(
        id=f"b{number:05d}",
        title=f"Briefing number {number}: a rather long title that must be cut short",
        date=day,
        path=f"b{number}.yaml",
        questions=number % 40,
        organizer="Ministry of Foreign Affairs" if number % 2 else "State Council",
        tags=("trade",) if number % 3 == 0 else (),
    )


class CountingList(BriefingList):
    drawn: list[str]

    def render_row(self, row: BriefingSummary, width: int, base: Style) -> list[Segment]:
        self.drawn.append(row.id)
        return super().render_row(row, width, base)


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CountingList(id="list")


async def test_ten_thousand_rows_draw_only_what_is_on_screen() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(CountingList)
        widget.drawn = []
        widget.set_summaries([summary(n) for n in range(10_000)])
        await pilot.pause()
        assert 0 < len(widget.drawn) <= 40
        widget.focus()
        widget.drawn.clear()
        widget.action_cursor_bottom()
        await pilot.pause()
        assert widget.cursor == 9_999
        assert "b09999" in widget.drawn
        assert len(set(widget.drawn)) <= 40
        line = widget.render_line(widget.scrollable_content_region.height - 1).text
        assert line.rstrip().endswith("39q")
        assert "…" in line  # the title is cut with an ellipsis, never wrapped
        assert len(line) == widget.scrollable_content_region.width


async def test_filter_text_narrows_the_rows() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(CountingList)
        widget.drawn = []
        widget.set_summaries([summary(n) for n in range(300)])
        widget.filter_text = "2000-02"
        await pilot.pause()
        assert [row.date.month for row in widget.rows] == [2] * 29
        widget.filter_text = "state council trade"
        await pilot.pause()
        assert [int(row.id[1:]) % 6 for row in widget.rows] == [0] * 50


def test_matches_every_word_in_title_organizer_tags_or_date_prefix() -> None:
    row = summary(3)
    assert matches(row, "")
    assert matches(row, "MINISTRY trade")
    assert matches(row, "2000-01-04")
    assert not matches(row, "2000-02")
    assert not matches(row, "ministry council")


def test_people_rows_are_a_sequence_made_as_rows_are_asked_for() -> None:
    speakers = [Person("li jun", "Li Jun", "speaker", 12, 3)]
    askers = [Person("reuters", "Reuters", "asker", 7, 4), Person("afp", "AFP", "asker", 2, 1)]
    rows = build_rows(speakers, askers)
    assert len(rows) == 6
    assert rows[-1].label == "AFP" and rows[-1].person is askers[1]
    assert [row.label for row in rows[2:4]] == ["Li Jun", "Askers / outlets (2) · questions"]
    with pytest.raises(IndexError):
        rows[6]
    assert rows.position(("afp", "asker")) == 5
    assert rows.position(("li jun", "asker")) == 0  # a speaker's key, but as an asker: "All"
    assert rows.position(None) == 0
    only_askers = build_rows(speakers, askers, "reu")
    assert only_askers.first_person() == 3
    assert only_askers[only_askers.first_person()].person is askers[0]
    assert build_rows(speakers, askers, "nobody").first_person() == 0


def test_people_rows_have_labelled_groups_and_counts() -> None:
    speakers = [
        Person("li jun", "Li Jun", "speaker", 12, 3),
        Person("tang", "Tang", "speaker", 2, 1),
    ]
    askers = [Person("reuters", "Reuters", "asker", 7, 4)]
    rows = build_rows(speakers, askers)
    assert [(row.kind, row.label) for row in rows] == [
        ("all", "All"),
        ("heading", "Speakers (2) · answers"),
        ("person", "Li Jun"),
        ("person", "Tang"),
        ("heading", "Askers / outlets (1) · questions"),
        ("person", "Reuters"),
    ]
    narrowed = build_rows(speakers, askers, "li")
    assert [row.label for row in narrowed if row.kind == "person"] == ["Li Jun"]
