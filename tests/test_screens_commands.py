"""The command palette provider: keymap actions, briefings and people, as plain text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.command import CommandPalette, DiscoveryHit, Hit, Provider
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from tui.commands import BriefingCommands
from tui.keymap import KEYS
from tui.library import BriefingSummary, Person, PersonKind
from tui.screens.palette_target import PaletteTarget

SUMMARIES = [
    BriefingSummary(
        "2017-10-11-shanghai", "Shanghai's bridgehead role", dt.date(2017, 10, 11), "a", 6
    ),
    BriefingSummary(
        "2021-06-15-tai",
        "[bold]Trade[/bold] call",
        dt.date(2021, 6, 15),
        "b",
        1,
        organizer="[red]USTR[/red]",
    ),
]
SPEAKERS = [Person("li jun", "Li Jun", "speaker", 4, 1)]
ASKERS = [Person("reuters", "Reuters", "asker", 3, 2)]


class FakeLibrary:
    def summaries(
        self, *, speaker: str | None = None, asker: str | None = None, limit: int | None = None
    ) -> Sequence[BriefingSummary]:
        return SUMMARIES[:limit]

    def people(self, kind: PersonKind) -> Sequence[Person]:
        return SPEAKERS if kind == "speaker" else ASKERS


class PlainScreen(Screen[None]):
    """A screen that is not a palette target: the palette runs actions on the app."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []

    def compose(self) -> ComposeResult:
        yield Static("main")


class FakeMain(PlainScreen, PaletteTarget):
    @property
    def library(self) -> FakeLibrary:
        return FakeLibrary()

    def select_briefing(self, briefing_id: str, target: str | None = None) -> None:
        self.calls.append(("briefing", briefing_id))

    def select_person(self, key: str | None, kind: PersonKind = "speaker") -> None:
        self.calls.append(("person", key, kind))

    def action_export(self) -> None:
        self.calls.append(("action", "export"))

    def action_toggle_scope(self) -> None:
        self.calls.append(("action", "toggle_scope"))


class PaletteApp(App[None]):
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {BriefingCommands}

    def __init__(self, with_library: bool = True) -> None:
        super().__init__()
        self.main = FakeMain() if with_library else PlainScreen()

    def on_mount(self) -> None:
        self.push_screen(self.main)


async def _hits(provider: BriefingCommands, query: str) -> list[Hit | DiscoveryHit]:
    await provider.startup()
    source = provider.search(query) if query else provider.discover()
    return [hit async for hit in source]


async def test_discovery_offers_every_keymap_action() -> None:
    app = PaletteApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        hits = await _hits(BriefingCommands(app.main), "")
        assert [hit.text for hit in hits] == [key.description for key in KEYS]
        assert [hit.help for hit in hits] == [key.help for key in KEYS]


async def test_briefings_and_people_are_searchable_and_selectable() -> None:
    app = PaletteApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        provider = BriefingCommands(app.main)
        texts = {hit.text: hit for hit in await _hits(provider, "e")}
        assert "Open briefing: 2017-10-11 Shanghai's bridgehead role" in texts
        assert "Open briefing: 2021-06-15 [bold]Trade[/bold] call" in texts
        assert "Speaker: Li Jun" in texts
        assert "Asker: Reuters" in texts
        await texts["Open briefing: 2021-06-15 [bold]Trade[/bold] call"].command()
        await texts["Speaker: Li Jun"].command()
        await texts["Asker: Reuters"].command()
        assert app.main.calls == [
            ("briefing", "2021-06-15-tai"),
            ("person", "li jun", "speaker"),
            ("person", "reuters", "asker"),
        ]


async def test_transcript_text_is_not_markup() -> None:
    app = PaletteApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        hits = await _hits(BriefingCommands(app.main), "trade")
        hit = next(h for h in hits if h.text and "Trade" in h.text)
        assert isinstance(hit.prompt, Content)
        assert hit.prompt.plain == "Open briefing: 2021-06-15 [bold]Trade[/bold] call"
        assert hit.help is not None
        assert Content.from_markup(hit.help).plain == "1 question · [red]USTR[/red]"


async def test_actions_run_on_the_main_screen_from_the_palette() -> None:
    app = PaletteApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Scope")
        await app.workers.wait_for_complete()  # the palette's search fills its list
        await pilot.pause()
        assert app.screen.query_one("CommandList").option_count  # type: ignore[attr-defined]
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main.calls == [("action", "toggle_scope")]
        assert app.screen is app.main


async def test_app_level_action_and_a_screen_without_library() -> None:
    app = PaletteApp(with_library=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        provider = BriefingCommands(app.main)
        hits = await _hits(provider, "Quit")
        assert [hit.text for hit in hits] == ["Quit"]
        await hits[0].command()
        await pilot.pause()
    assert app.return_code == 0  # the app's own quit ran: the screen has no action_quit


async def test_people_entries_say_how_much_they_spoke() -> None:
    app = PaletteApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        hits = {h.text: h for h in await _hits(BriefingCommands(app.main), "e")}
        assert hits["Speaker: Li Jun"].help == "4 answers in 1 briefing"
        assert hits["Asker: Reuters"].help == "3 questions in 2 briefings"
        assert hits["Open briefing: 2017-10-11 Shanghai's bridgehead role"].help == "6 questions"
