"""Live reload: files added, changed or removed while the reader runs are followed, and
what is being read never moves without a key."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from reader_samples import CORPUS, FINANCE, long_briefing
from textual.pilot import Pilot

from tui.index import Index

if TYPE_CHECKING:
    from conftest import Archive, ReaderApp, Settle

POLL = 0.05  # seconds between polls in these tests


async def until(pilot: Pilot[Any], condition: Callable[[], bool], rounds: int = 400) -> None:
    """Let the app run until ``condition`` holds (bounded: fails rather than hangs)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition(), getattr(pilot.app, "notes", None)


Live = Callable[..., contextlib.AbstractAsyncContextManager[tuple[Any, Pilot[Any], Any, Path]]]


@pytest.fixture
def live(archive: Archive, reader_app: ReaderApp, tmp_path: Path, settle: Settle) -> Live:
    """``async with live(briefings) as (app, pilot, screen, root)``: the reader watching
    ``root`` every :data:`POLL` seconds."""

    @contextlib.asynccontextmanager
    async def open_live(
        briefings: dict[str, Any] | None = None, watch: bool = True
    ) -> AsyncIterator[tuple[Any, Pilot[Any], Any, Path]]:
        root = archive.corpus(CORPUS if briefings is None else briefings)
        index = Index(root, tmp_path / "index.sqlite")
        app = reader_app(index, watch=[root] if watch else [], poll_seconds=POLL)
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(pilot)
                poller = app.main.reloading.poller
                await until(pilot, lambda: poller is None or poller.ready)
                yield app, pilot, app.main, root
        finally:
            index.close()

    return open_live


def dump(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def ids(screen: Any) -> list[str]:
    return [row.id for row in screen.briefing_list.summaries]


async def test_a_new_file_joins_the_list_without_moving_the_open_briefing(live: Live) -> None:
    async with live() as (app, pilot, screen, root):
        opened = screen.briefing_id
        newer = dict(FINANCE, title="Ports reopen after the storm", date="2024-06-01")
        dump(root / "2024-06-01-ports.yaml", newer)
        await until(pilot, lambda: "2024-06-01-ports" in ids(screen))
        await until(pilot, lambda: any("1 briefing added" in note for note in app.notes))
        assert ids(screen)[0] == "2024-06-01-ports"  # the newest, first in the list
        assert screen.briefing_id == opened  # but the reader stays where it was
        assert screen.briefing_list.opened_id == opened


async def test_the_open_briefing_is_reread_in_place(live: Live, view_text: Any) -> None:
    long = long_briefing(exchanges=40, paragraphs=3)
    async with live({"2030-01-01-long": long}) as (app, pilot, screen, root):
        qa = screen.qa
        for _ in range(5):
            await pilot.press("n")
        selected = qa.cursor_ref
        top = qa.scroll_offset.y
        assert top > 0
        changed = dict(long)
        changed["exchanges"] = [dict(item) for item in long["exchanges"]]
        last = changed["exchanges"][-1]
        last["answers"] = [{"by": "Spokesperson", "text": "A sentence added at the end."}]
        document = qa.document
        dump(root / "2030-01-01-long.yaml", changed)
        await until(pilot, lambda: any("1 briefing changed" in note for note in app.notes))
        await until(pilot, lambda: screen.briefing is not None and qa.document is not document)
        assert qa.cursor_ref == selected
        assert qa.scroll_offset.y == top
        answers = [block.text for block in qa.document.blocks]
        assert "A sentence added at the end." in answers


async def test_an_open_briefing_that_breaks_keeps_its_text_and_names_the_problem(
    live: Live, view_text: Any
) -> None:
    async with live() as (app, pilot, screen, root):
        await pilot.press("j")  # open the second briefing (the cursor rests on it)
        second = ids(screen)[1]
        await until(pilot, lambda: screen.briefing is not None and screen.briefing.id == second)
        await pilot.pause()
        opened = screen.briefing_id
        before = view_text(screen.qa)
        path = root / f"{opened}.yaml"
        path.write_text("title: [unclosed\ndate: 2018-01-05\n", encoding="utf-8")
        await until(pilot, lambda: any("last good text" in note for note in app.notes))
        (note,) = [note for note in app.notes if str(path) in note]
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", note), note
        await until(pilot, lambda: opened not in ids(screen))
        await pilot.pause()
        assert screen.briefing_id == opened  # not replaced by another briefing
        assert view_text(screen.qa) == before  # the last good text, unmoved
        # mended, it comes back in place
        dump(path, CORPUS[opened])
        await until(pilot, lambda: opened in ids(screen))
        assert screen.briefing_id == opened


async def test_a_removed_open_briefing_stays_on_screen_with_a_notice(
    live: Live, view_text: Any
) -> None:
    async with live() as (app, pilot, screen, root):
        opened = screen.briefing_id
        before = view_text(screen.qa)
        (root / f"{opened}.yaml").unlink()
        await until(pilot, lambda: opened not in ids(screen))
        await until(pilot, lambda: any("was removed" in note for note in app.notes))
        await pilot.pause()
        assert screen.briefing_id == opened
        assert view_text(screen.qa) == before


async def test_ctrl_r_reloads_by_hand(live: Live) -> None:
    async with live(watch=False) as (app, pilot, screen, root):
        await pilot.press("ctrl+r")
        await until(pilot, lambda: any("No briefing files changed" in n for n in app.notes))
        dump(root / "2024-06-01-ports.yaml", dict(FINANCE, date="2024-06-01"))
        for _ in range(3):
            await pilot.pause(POLL)
        assert "2024-06-01-ports" not in ids(screen)  # nothing watches this reader
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "2024-06-01-ports" in ids(screen))


async def test_a_failing_look_is_a_notice_and_the_polling_goes_on(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with live() as (app, pilot, screen, root):
        poller = screen.reloading.poller
        real_poll = poller.poll
        calls: list[int] = []

        def poll_failing_once() -> Any:
            calls.append(1)
            if len(calls) == 1:
                raise OSError("input/output error")
            return real_poll()

        monkeypatch.setattr(poller, "poll", poll_failing_once)
        await until(pilot, lambda: any("could not be re-read" in note for note in app.notes))
        dump(root / "2024-07-01-docks.yaml", dict(FINANCE, date="2024-07-01"))
        await until(pilot, lambda: "2024-07-01-docks" in ids(screen))


async def test_a_person_across_all_briefings_follows_in_place(live: Live) -> None:
    async with live() as (_app, pilot, screen, root):
        await pilot.press("s", *"li jun", "enter", "a")
        await until(pilot, lambda: screen.qa.document is not None and screen.scope == "all")
        await pilot.pause()
        selected = screen.qa.cursor_ref
        assert selected is not None
        finance = dict(FINANCE)
        finance["exchanges"] = [
            *FINANCE["exchanges"],
            {
                "question": {"by": "Caixin", "text": "And pension funds?"},
                "answers": [{"by": "Li Jun", "text": "Pension funds come next."}],
            },
        ]
        dump(root / "2018-01-05-finance.yaml", finance)

        def shown() -> list[str]:
            document = screen.qa.document
            return [block.text for block in document.blocks] if document else []

        await until(pilot, lambda: "Pension funds come next." in shown())
        assert screen.scope == "all"
        assert screen.qa.cursor_ref == selected
