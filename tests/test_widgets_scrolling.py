"""The scrollbar's thumb follows a scroll made before the scrollbar appears."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.scrolling import SteadyScrollView


class Lines(SteadyScrollView):
    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class Host(App[None]):
    def __init__(self, view: ScrollView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield self.view


async def grow_and_scroll(view: ScrollView, pilot: Any) -> None:
    """What showing a long document does: grow, then scroll, in one go."""
    view.virtual_size = Size(view.size.width, 400)
    view.scroll_to(y=150, animate=False, immediate=True, force=True)
    await pilot.pause()
    await pilot.pause()


async def test_the_thumb_is_where_the_view_is_once_the_bar_appears() -> None:
    view = Lines()
    async with Host(view).run_test(size=(40, 20)) as pilot:
        view.virtual_size = Size(40, 5)
        await pilot.pause()
        assert not view.show_vertical_scrollbar
        await grow_and_scroll(view, pilot)
        assert view.show_vertical_scrollbar
        assert view.scroll_y == 150
        assert view.vertical_scrollbar.position == 150


async def test_the_thumb_keeps_following_ordinary_scrolls() -> None:
    view = Lines()
    async with Host(view).run_test(size=(40, 20)) as pilot:
        await grow_and_scroll(view, pilot)
        view.scroll_to(y=30, animate=False, immediate=True)
        await pilot.pause()
        assert view.vertical_scrollbar.position == view.scroll_y == 30
