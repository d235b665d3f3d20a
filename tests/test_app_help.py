"""The help teaches: the focused pane, Enter, the mouse, text boxes, queries, Q/A/R; and the
palette's Keys command opens it instead of Textual's key panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Label

from tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from conftest import Reader, Settle


def help_text(screen: HelpScreen) -> str:
    return "\n".join(str(label.content) for label in screen.query(Label))


async def test_the_help_teaches_more_than_keys(reader: Reader, settle: Settle) -> None:
    async with reader() as (_app, pilot, screen):
        screen.set_focus(screen.qa)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        text = help_text(pilot.app.screen)
        assert "The Q&A view: j/k scroll" in text  # the focused pane first
        assert "Scroll Left" not in text  # not Textual's hidden bindings of a scroll view
        for taught in (
            '?"belt and road"',  # the query syntax, with examples
            "?speaker:psaki",
            "Enter on a briefing opens it",
            "The mouse: click",
            "esc in an empty box",  # how to leave a text box
            "Q is a question, A an answer and R a remark",
            "because / already filters the list",  # why find is f
        ):
            assert taught in text


async def test_the_help_names_the_keys_of_the_search_results(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (_app, pilot, _screen):
        await pilot.press("/", *"?ports", "enter")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = help_text(pilot.app.screen)
        assert "The search results" in text
        assert "Newest/relevance" in text  # the results pane's own binding (o)


async def test_in_a_text_box_the_help_says_how_to_leave_it(reader: Reader, settle: Settle) -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("/")
        await settle(pilot)
        assert screen.focused is screen.filter_box
        app.show_keys()  # as the palette's Keys does: ? would be typed into the box
        await settle(pilot)
        assert "A text box: keys type text" in help_text(pilot.app.screen)


async def test_the_palette_keys_command_opens_the_readers_help(
    reader: Reader, settle: Settle
) -> None:
    async with reader() as (app, pilot, screen):
        commands = {command.title: command for command in app.get_system_commands(screen)}
        assert "reader" in commands["Keys"].help
        commands["Keys"].callback()
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert not screen.query("HelpPanel")  # not Textual's panel of internal bindings
