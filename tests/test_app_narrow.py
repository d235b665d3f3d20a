"""80 columns: the side column folds away, `b` brings it over the Q&A view wide enough to
read titles, and every key the footer offers is on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Footer

from tui.keymap import KEYS

if TYPE_CHECKING:
    from conftest import Reader

LONG_TITLE = "Shanghai's bridgehead role in the Belt and Road"


def side(screen: Any) -> Any:
    return screen.query_one("#side")


async def test_at_80_columns_the_q_and_a_view_takes_the_whole_width(reader: Reader) -> None:
    async with reader(size=(80, 24)) as (_app, _pilot, screen):
        assert not side(screen).display
        assert screen.qa.region.width == 80
        assert screen.focused is screen.qa


async def test_b_shows_the_side_column_over_the_view_with_titles_readable(
    reader: Reader, view_text: Any
) -> None:
    async with reader(size=(80, 24)) as (_app, pilot, screen):
        await pilot.press("b")
        await pilot.pause()
        column = side(screen)
        assert column.display
        assert column.region.width >= 56
        assert screen.qa.region.width == 80  # underneath, not re-wrapped
        assert screen.focused is screen.briefing_list
        # titles keep at least 40 characters (this one is 47 long)
        assert LONG_TITLE[:40] in view_text(screen.briefing_list)
        await pilot.press("b")
        await pilot.pause()
        assert not side(screen).display
        assert screen.focused is screen.qa


async def test_opening_a_briefing_from_the_column_folds_it_away(reader: Reader) -> None:
    async with reader(size=(80, 24)) as (_app, pilot, screen):
        await pilot.press("b", "j", "enter")
        await pilot.pause()
        assert not side(screen).display
        assert screen.focused is screen.qa
        assert screen.briefing_id == screen.briefing_list.rows[1].id


async def test_keys_that_need_the_column_bring_it_back(reader: Reader) -> None:
    async with reader(size=(80, 24)) as (_app, pilot, screen):
        await pilot.press("slash", *"fin")
        await pilot.pause()
        assert side(screen).display
        assert screen.filter_box.value == "fin"  # `b` in a box would be a letter too
        await pilot.press("escape", "escape")  # empty the box, then leave it for the list
        assert screen.focused is screen.briefing_list
        assert side(screen).display
        await pilot.press("b")
        assert not side(screen).display
        await pilot.press("s")
        await pilot.pause()
        assert side(screen).display
        assert screen.focused is screen.speaker_filter.find_box


async def test_typing_b_in_the_filter_types_it(reader: Reader) -> None:
    async with reader(size=(80, 24)) as (_app, pilot, screen):
        await pilot.press("slash", "b", "b")
        assert screen.filter_box.value == "bb"
        assert side(screen).display


async def test_on_a_wide_terminal_the_column_stays_and_b_is_off(reader: Reader) -> None:
    async with reader(size=(120, 40)) as (app, pilot, screen):
        assert side(screen).display
        assert screen.qa.region.width < 120 - 40
        await pilot.press("b")
        assert side(screen).display
        shown = {binding.action for _, binding, _, _ in screen.active_bindings.values()}
        assert "toggle_side" not in shown
        assert "toggle_scope" in shown
        footer_keys = {key.action for key in app.query_one(Footer).query("FooterKey")}
        assert "toggle_side" not in footer_keys


async def test_every_footer_key_is_on_screen_at_80_by_24(reader: Reader) -> None:
    async with reader(size=(80, 24)) as (app, _pilot, _screen):
        keys = list(app.query_one(Footer).query("FooterKey"))
        wanted = {key.action for key in KEYS if key.footer}
        assert {key.action for key in keys} == wanted
        for key in keys:
            assert key.region.width > 0
            assert key.region.right <= 80, key.action


async def test_growing_the_terminal_brings_the_column_back(reader: Reader) -> None:
    async with reader(size=(80, 24)) as (_app, pilot, screen):
        assert not side(screen).display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert side(screen).display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not side(screen).display


async def test_the_search_results_keys_fit_at_80_by_24_too(reader: Reader, settle: Any) -> None:
    async with reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("slash", *"?readiness")
        await settle(pilot)
        # while the query is typed only its line covers the results, which show below
        assert side(screen).region.height == 1
        assert screen.search_results.region.width == 80
        assert screen.search_results.hit_list.rows
        await pilot.press("enter")
        await settle(pilot)
        assert screen.focused is screen.search_results.hit_list
        assert not side(screen).display  # folded away: the results have the width
        keys = list(app.query_one(Footer).query("FooterKey"))
        actions = {key.action for key in keys}
        assert {key.action for key in KEYS if key.footer} <= actions
        assert len(actions) > len([key for key in KEYS if key.footer])  # the results' own
        for key in keys:
            assert key.description  # cut, never emptied
            assert key.region.right <= 80, key.action
