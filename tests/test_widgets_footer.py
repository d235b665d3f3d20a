"""The footer rebuilds its keys when the shown keys change, and only then."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button

from tui.widgets.footer import SteadyFooter

if TYPE_CHECKING:
    from conftest import Reader, Settle


class Plain(Button):
    pass


class WithKey(Button):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "press", "Extra")]


class Host(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("z", "bell", "Ring")]

    def compose(self) -> ComposeResult:
        yield Plain("one", id="one")
        yield Plain("two", id="two")
        yield WithKey("three", id="three")
        yield SteadyFooter()


def drawn(app: Host) -> list[Any]:
    """The footer's keys, queried by their CSS type name (the class is not public)."""
    return list(app.query("FooterKey"))


async def test_moving_focus_between_panes_keeps_the_same_keys_on_screen() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.query_one("#one").focus()
        await pilot.pause()
        before = drawn(app)
        assert [key.description for key in before if key.description] == ["Ring", "palette"]
        app.query_one("#two").focus()
        await pilot.pause()
        await pilot.pause()
        assert drawn(app) == before  # the very same widgets: nothing was rebuilt


async def test_a_new_shown_key_rebuilds_the_footer() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.query_one("#one").focus()
        await pilot.pause()
        app.query_one("#three").focus()
        await pilot.pause()
        await pilot.pause()
        assert [key.description for key in drawn(app) if key.description] == [
            "Extra",
            "Ring",
            "palette",
        ]
        app.query_one("#two").focus()
        await pilot.pause()
        await pilot.pause()
        assert [key.description for key in drawn(app) if key.description] == ["Ring", "palette"]


async def test_every_footer_key_fits_at_80_columns(reader: Reader, settle: Settle) -> None:
    async with reader(size=(80, 24)) as (app, pilot, _screen):
        keys = list(app.screen.query("FooterKey"))
        assert [key.key for key in keys][-1] == "q"
        assert all(key.region.right <= 80 and key.region.width > 0 for key in keys)
        assert [key.description for key in keys][3:5] == ["Next", "Prev"]
        assert "ctrl+p" not in [key.key for key in keys]  # the help screen lists it
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        keys = list(app.screen.query("FooterKey"))
        assert [key.description for key in keys][3:5] == ["Next answer", "Prev answer"]
        assert keys[-1].key == "ctrl+p"


async def test_the_search_results_key_cuts_the_labels_so_quit_stays_on_screen(
    reader: Reader,
    settle: Settle,
) -> None:
    async with reader(size=(120, 40)) as (app, pilot, _screen):
        await pilot.press("slash", *"?bonds", "enter")
        await settle(pilot)
        keys = list(app.screen.query("FooterKey"))
        assert keys[0].key == "o"  # the results' own key came first
        assert [key.key for key in keys][-1] == "q"
        assert all(key.region.right <= 120 and key.region.width > 0 for key in keys)
        assert "Next" in [key.description for key in keys]


async def test_in_a_text_box_the_footer_shows_the_keys_that_work_there(
    reader: Reader, settle: Settle
) -> None:
    # Inside a box the letter keys type text, so showing "e Export" there would lie: the
    # footer shows how to finish and leave the box instead, and the letters come back
    # once the focus leaves it.
    async with reader() as (app, pilot, screen):
        letters = {key.key for key in app.screen.query("FooterKey")}
        assert {"e", "y", "n"} <= letters
        await pilot.press("slash")
        await settle(pilot)
        in_box = {key.key: key.description for key in app.screen.query("FooterKey")}
        assert not {"e", "y", "n", "p", "s", "q"} & set(in_box)
        assert in_box["escape"] == "Leave box"
        assert "enter" in in_box
        await pilot.press("escape")
        await settle(pilot)
        assert screen.focused is screen.briefing_list
        assert {key.key for key in app.screen.query("FooterKey")} == letters
