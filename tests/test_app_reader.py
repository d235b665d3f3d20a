"""The reader driven by its keys (Pilot), asserting the state each key leaves behind."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from reader_samples import CORPUS

from tui.app import BriefingApp
from tui.index import Index
from tui.library import Person, PersonKind
from tui.screens.main_loading import Progressed, Refreshed

if TYPE_CHECKING:
    from conftest import Archive, Reader, Settle, ViewText


SHANGHAI = "2017-10-11-shanghai"
FINANCE = "2018-01-05-finance"
DEFENSE = "2008-03-10-defense"


@pytest.fixture(params=[False, True], ids=["index-file", "in-memory"])
def memory(request: pytest.FixtureRequest) -> bool:
    """Both libraries the reader runs on: the index file, and the in-memory index it falls
    back to when the file cannot be written. The main tests below take this fixture."""
    value: bool = request.param
    return value


async def test_opens_newest_briefing_with_first_answer_selected(
    reader: Reader, view_text: ViewText, memory: bool
) -> None:
    async with reader(memory=memory) as (_app, _pilot, screen):
        assert [row.id for row in screen.briefing_list.rows] == [FINANCE, SHANGHAI, DEFENSE]
        assert screen.briefing_id == FINANCE
        assert screen.qa.cursor_ref == f"{FINANCE}#q1.a1"
        status = str(screen.query_one("#status").render())
        assert f"{FINANCE}#q1.a1" in status
        text = view_text(screen.qa)
        assert "Financial opening of the free trade zone" in text
        assert "Held 2018-01-05 · Shanghai Financial Service Office" in text
        assert "Fidelity: edited" in text
        assert "QUESTION q1 · Reuters" in text
        assert "ANSWER q1.a1 · Li Jun, director, Financial Service Office" in text
        assert "▌" in text  # the cursor marker, readable without colour


async def test_j_k_g_G_move_in_the_list_and_open_on_rest(
    reader: Reader, settle: Settle, memory: bool
) -> None:
    async with reader(memory=memory) as (_app, pilot, screen):
        screen.briefing_list.focus()
        await pilot.press("j")
        await settle(pilot)
        assert screen.briefing_list.cursor == 1
        assert screen.briefing_id == SHANGHAI
        await pilot.press("G")
        await settle(pilot)
        assert screen.briefing_id == DEFENSE
        await pilot.press("k")
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI
        await pilot.press("g")
        await settle(pilot)
        assert screen.briefing_id == FINANCE
        await pilot.press("down", "down", "up")
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI


async def test_enter_opens_and_focuses_the_view_where_j_scrolls(
    reader: Reader, settle: Settle
) -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        screen.briefing_list.focus()
        await pilot.press("j", "enter")
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI
        assert app.focused is screen.qa
        assert screen.qa.scroll_offset.y == 0
        await pilot.press("j", "j")
        assert screen.qa.scroll_offset.y == 2
        await pilot.press("k")
        assert screen.qa.scroll_offset.y == 1
        await pilot.press("G")
        assert screen.qa.scroll_offset.y == screen.qa.max_scroll_y > 0
        await pilot.press("g")
        assert screen.qa.scroll_offset.y == 0


async def test_n_and_p_move_the_answer_cursor(reader: Reader, settle: Settle, memory: bool) -> None:
    async with reader(memory=memory) as (_app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        assert list(screen.qa.answers) == [
            f"{SHANGHAI}#q1.a1",
            f"{SHANGHAI}#q2.a1",
            f"{SHANGHAI}#q2.a2",
            f"{SHANGHAI}#q3.a1",
        ]
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q1.a1"
        await pilot.press("n", "n")
        await pilot.pause()
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"
        assert f"{SHANGHAI}#q2.a2 · answer 3/4" in str(screen.query_one("#status").render())
        await pilot.press("n", "n", "n")
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q3.a1"
        await pilot.press("p")
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"


async def test_n_scrolls_the_selected_answer_into_view(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader(size=(80, 24)) as (_app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        for _ in range(3):
            await pilot.press("n")
        await pilot.pause()
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q3.a1"
        assert "ANSWER q3.a1 · Tang Zhiping" in view_text(screen.qa)


async def test_filter_narrows_by_title_organizer_tag_and_date(
    reader: Reader, settle: Settle, memory: bool
) -> None:
    async with reader(memory=memory) as (app, pilot, screen):
        await pilot.press("slash")
        assert app.focused is screen.filter_box
        await pilot.press(*"defense")
        assert [row.id for row in screen.briefing_list.rows] == [DEFENSE]
        screen.filter_box.value = "2017-10"
        await pilot.pause()
        assert [row.id for row in screen.briefing_list.rows] == [SHANGHAI]
        screen.filter_box.value = "finance"  # a tag
        await pilot.pause()
        assert [row.id for row in screen.briefing_list.rows] == [FINANCE]
        screen.filter_box.value = "shanghai municipal"  # organizer words
        await pilot.pause()
        assert [row.id for row in screen.briefing_list.rows] == [SHANGHAI]
        assert screen.filter_text == "shanghai municipal"
        assert "filter: 1 of 3 briefings" in str(screen.query_one("#status").render())
        await pilot.press("enter")
        await settle(pilot)
        assert screen.briefing_id == SHANGHAI
        assert app.focused is screen.qa
        await pilot.press("slash", "escape")
        assert screen.filter_box.value == ""
        assert len(screen.briefing_list.rows) == 3


async def test_escape_outside_the_box_clears_the_filter(reader: Reader) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"2008", "tab")
        assert [row.id for row in screen.briefing_list.rows] == [DEFENSE]
        await pilot.press("escape")
        assert screen.filter_text == ""
        assert len(screen.briefing_list.rows) == 3


async def test_choosing_a_speaker_narrows_list_and_view(
    reader: Reader, settle: Settle, view_text: ViewText, memory: bool
) -> None:
    async with reader(memory=memory) as (app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        await pilot.press("s")
        assert app.focused is screen.speaker_filter.find_box
        await pilot.press(*"li jun", "enter")
        await settle(pilot)
        assert screen.person == ("li jun", "speaker")
        assert [row.id for row in screen.briefing_list.rows] == [FINANCE, SHANGHAI]
        assert screen.briefing_id == SHANGHAI
        assert list(screen.qa.answers) == [f"{SHANGHAI}#q2.a2"]
        text = view_text(screen.qa)
        assert "QUESTION q2 · China Business News" in text  # the question stays as context
        assert "Wang Sizheng" not in text.split("QUESTIONS AND ANSWERS")[1]
        lines = [line.strip(" ▌") for line in text.splitlines()]
        assert lines[lines.index("We take three measures:") + 1 :][:3] == [
            "1. bonds;",
            "2. loans;",
            "3. insurance.",
        ]  # single line breaks (numbered lists) are kept
        assert "speaker: Li Jun" in str(screen.query_one("#status").render())


async def test_choosing_an_asker_narrows_to_their_questions(
    reader: Reader, settle: Settle, memory: bool
) -> None:
    async with reader(memory=memory) as (_app, pilot, screen):
        await pilot.press("s", *"stv", "enter")
        await settle(pilot)
        assert screen.person == ("stv", "asker")
        assert [row.id for row in screen.briefing_list.rows] == [FINANCE, SHANGHAI]
        assert screen.briefing_id == FINANCE
        assert list(screen.qa.answers) == [f"{FINANCE}#q2.a1"]
        assert "asker: STV" in str(screen.query_one("#status").render())


async def test_speaker_list_cursor_and_all_row(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("s", "down")
        people = screen.speaker_filter.people
        assert screen.focused is people
        labels = [row.label for row in people.rows]
        assert labels[0] == "All"
        assert labels[1].startswith("Speakers (4)")
        assert labels[2] == "Li Jun"  # most answers first
        assert any(label.startswith("Askers / outlets (3)") for label in labels)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert screen.person == ("li jun", "speaker")
        await pilot.press("s", "down", "g", "enter")
        await settle(pilot)
        assert screen.person is None
        assert len(screen.briefing_list.rows) == 3


async def test_a_toggles_scope_to_all_briefings_in_date_order(
    reader: Reader, settle: Settle, view_text: ViewText, memory: bool
) -> None:
    async with reader(memory=memory) as (_app, pilot, screen):
        screen.select_person("li jun", "speaker")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert screen.scope == "all"
        assert list(screen.qa.answers) == [
            f"{SHANGHAI}#q2.a2",
            f"{FINANCE}#q1.a1",
            f"{FINANCE}#q2.a1",
        ]
        assert screen.briefing_id == FINANCE  # the briefing open before the switch
        assert screen.briefing_list.opened_id == SHANGHAI  # where the selected answer is from
        screen.qa.action_cursor_top()
        text = view_text(screen.qa)
        assert "ALL BRIEFINGS · Li Jun" in text
        assert "2017-10-11 · Shanghai's bridgehead role in the Belt and Road" in text
        assert "Li Jun, deputy director, Financial Service Office" in text
        assert "Li Jun, director, Financial Service Office" in text  # role held that day
        assert "all briefings" in str(screen.query_one("#status").render())
        await pilot.press("n")
        assert screen.qa.cursor_ref == f"{FINANCE}#q1.a1"
        assert screen.briefing_list.opened_id == FINANCE  # the list marks where it is from
        opened = screen.briefing_id
        await pilot.press("a")
        await settle(pilot)
        assert screen.scope == "briefing"
        assert screen.briefing_list.opened_id == opened == screen.briefing_id


async def test_all_scope_without_a_person_asks_for_one(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader() as (_app, pilot, screen):
        await pilot.press("a")
        await settle(pilot)
        assert list(screen.qa.answers) == []
        assert "choose a speaker or an asker" in view_text(screen.qa)
        await pilot.press("escape")
        assert screen.scope == "briefing"


async def test_escape_peels_person_then_scope(reader: Reader, settle: Settle, memory: bool) -> None:
    async with reader(memory=memory) as (_app, pilot, screen):
        screen.select_person("li jun", "speaker")
        await settle(pilot)
        screen.scope = "all"
        await settle(pilot)
        screen.qa.focus()
        await pilot.press("escape")
        await settle(pilot)
        assert screen.person is None
        assert screen.scope == "all"
        await pilot.press("escape")
        assert screen.scope == "briefing"


async def test_tab_and_shift_tab_cycle_the_panes(reader: Reader) -> None:
    async with reader() as (app, pilot, screen):
        screen.filter_box.focus()
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == ["briefings", "people-find", "people", "qa", "filter"]
        await pilot.press("shift+tab")
        assert app.focused is screen.qa


async def test_q_quits(reader: Reader) -> None:
    async with reader() as (app, pilot, _screen):
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_slash_and_s_type_themselves_inside_a_box(reader: Reader) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash", *"s/x")
        assert app.focused is screen.filter_box
        assert screen.filter_box.value == "s/x"
        await pilot.press("s")
        assert screen.filter_box.value == "s/xs"
        screen.set_focus(screen.qa)
        await pilot.press("s", *"stv")
        assert app.focused is screen.speaker_filter.find_box
        assert screen.speaker_filter.find_box.value == "stv"


async def test_resizing_rewraps_and_keeps_the_place(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader() as (_app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        screen.qa.select(f"{SHANGHAI}#q3.a1")
        await pilot.pause()
        assert "ANSWER q3.a1 · Tang Zhiping" in view_text(screen.qa)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert screen.has_class("-narrow")
        text = view_text(screen.qa)
        assert "ANSWER q3.a1 · Tang Zhiping" in text
        assert max(len(line) for line in text.splitlines()) <= screen.qa.size.width


async def test_clicking_an_answer_selects_it(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    async with reader() as (_app, pilot, screen):
        screen.select_briefing(SHANGHAI)
        await settle(pilot)
        lines = view_text(screen.qa).splitlines()
        row = next(i for i, line in enumerate(lines) if "ANSWER q2.a2" in line)
        await pilot.click("#qa", offset=(10, row + 1))
        await pilot.pause()
        assert screen.qa.cursor_ref == f"{SHANGHAI}#q2.a2"


async def _people_reads(settle: Settle, archive: Archive, tmp_path: Path, change: bool) -> int:
    """How many times the reader reads the people lists from a warm index."""
    root = archive.corpus(CORPUS)
    index = Index(root, tmp_path / "index.sqlite")
    index.refresh()  # warm: the reader's own refresh finds what ``change`` leaves
    if change:
        (root / "2008-03-10-defense.yaml").unlink()
    reads = 0
    people = index.people

    def counted(kind: PersonKind) -> Sequence[Person]:
        nonlocal reads
        reads += 1
        return people(kind)

    index.people = counted  # type: ignore[method-assign]
    try:
        async with BriefingApp(index).run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await settle(pilot)
            rows = [row.id for row in pilot.app.main.briefing_list.rows]
            assert (DEFENSE in rows) is not change
    finally:
        index.close()
    return reads


async def test_a_warm_start_that_finds_nothing_new_reads_the_lists_once(
    settle: Settle, archive: Archive, tmp_path: Path
) -> None:
    assert await _people_reads(settle, archive, tmp_path, change=False) == 2  # speakers, askers


async def test_a_refresh_that_removed_a_file_reads_the_lists_again(
    settle: Settle, archive: Archive, tmp_path: Path
) -> None:
    assert await _people_reads(settle, archive, tmp_path, change=True) == 4


async def test_a_newer_briefing_found_while_reading_never_replaces_the_open_one(
    reader: Reader, settle: Settle, archive: Archive
) -> None:
    # What a cold index does every second: it finds newer briefings and the list is read
    # again. The briefing on screen, and the answer selected, stay what the user sees.
    async with reader() as (_app, pilot, screen):
        assert screen.briefing_id == FINANCE
        screen.qa.select(f"{FINANCE}#q2.a1")
        newer = {**CORPUS[FINANCE], "date": "2024-06-01"}
        newer["title"] = "A newer briefing"
        archive.write(screen.library.root, "2024-06-01-newer.yaml", newer)
        screen.library.refresh()
        screen.loader.load_summaries()
        await settle(pilot)
        assert screen.briefing_list.rows[0].id == "2024-06-01-newer"
        assert screen.briefing_id == FINANCE
        assert screen.qa.cursor_ref == f"{FINANCE}#q2.a1"
        highlighted = screen.briefing_list.highlighted
        assert highlighted is not None and highlighted.id == FINANCE


async def test_index_progress_never_covers_the_open_briefing(
    reader: Reader, settle: Settle, view_text: ViewText
) -> None:
    # A filter that hides every row leaves the briefing open; a refresh reporting its
    # progress then (a warm one reports "0 of 0") must not replace it, nor linger.
    async with reader() as (_app, pilot, screen):
        await pilot.press("slash", *"zzzz")
        await settle(pilot)
        assert not screen.briefing_list.rows
        screen.post_message(Progressed(0, 0))
        screen.post_message(Refreshed(changed=False))
        await settle(pilot)
        text = view_text(screen.qa)
        assert "Indexing" not in text
        assert "Financial opening of the free trade zone" in text


@pytest.mark.parametrize("files", [{}, {"broken.yaml": "title: [unclosed\n"}], ids=["empty", "bad"])
async def test_a_warm_archive_with_nothing_to_show_says_so_not_indexing(
    settle: Settle, archive: Archive, tmp_path: Path, view_text: ViewText, files: dict[str, str]
) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    for name, text in files.items():
        archive.write(root, name, text)
    index = Index(root, tmp_path / "index.sqlite")
    index.refresh()  # warm: the reader's refresh reads no file and removes none
    try:
        async with BriefingApp(index).run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            text = view_text(pilot.app.main.qa)
            assert "Indexing" not in text
            assert "No briefings here" in text
    finally:
        index.close()
