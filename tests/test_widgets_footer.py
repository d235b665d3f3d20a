"""The footer rebuilds its keys when the shown keys change, and only then."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from tui.widgets.footer import SteadyFooter


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


def drawn(app: Host) -> list[FooterKey]:
    return list(app.query(FooterKey))


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
