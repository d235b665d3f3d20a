"""The command palette (ctrl+p): every reader command, every briefing, every person.

Commands come from :data:`tui.keymap.KEYS`, so whatever has a key is also reachable by
name. Briefings and people come from the library of the screen below the palette when
that screen is a :class:`~tui.screens.palette_target.PaletteTarget` (the main screen);
choosing one calls its ``select_briefing(id)`` or ``select_person(key, kind)``, and the
keymap's actions run on it. On any other screen the palette offers the actions alone and
runs them on the app.

Titles and names come from transcripts, which may contain ``[bold]`` and the like, so
every entry is built as plain :class:`~textual.content.Content` and the fuzzy match is
highlighted here rather than by ``Matcher.highlight``, which would parse markup. Help
lines are markup to the palette, so they are escaped.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from tui.keymap import KEYS
from tui.library import BriefingSummary, Person, PersonKind
from tui.plural import count
from tui.safetext import visible
from tui.screens.palette_target import PaletteTarget

MATCH_STYLE = "bold underline"


@dataclass(frozen=True, slots=True)
class Entry:
    """One palette entry: what is shown and matched, its help, and what it runs."""

    text: str
    help: str
    run: Callable[[], Any]
    discoverable: bool = False


def highlight(matcher: Matcher, text: str) -> Content:
    """``text`` as plain content, with the characters the query matched emphasised."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return content


async def _call(method: Callable[..., Any], *args: Any) -> None:
    result = method(*args)
    if inspect.isawaitable(result):
        await result


class BriefingCommands(Provider):
    """Reader actions, "Open briefing: <date> <title>", "Speaker: <name>", "Asker: <name>"."""

    _entries: list[Entry]

    def _main_screen(self) -> Screen[object]:
        """The screen the commands act on: the topmost one that is not a dialog."""
        stack: list[Screen[object]] = list(self.app.screen_stack)
        for screen in reversed(stack):
            if not isinstance(screen, ModalScreen):
                return screen
        return self.screen

    async def startup(self) -> None:
        self._entries: list[Entry] = self._action_entries()
        self._entries += await self._library_entries()

    def _action_entries(self) -> list[Entry]:
        entries = []
        for key in KEYS:
            entries.append(
                Entry(
                    key.description, escape(key.help), partial(self._run_action, key.action), True
                )
            )
        return entries

    async def _run_action(self, action: str) -> None:
        """Run a keymap action on the main screen, or on the app below any other screen."""
        screen = self._main_screen()
        if isinstance(screen, PaletteTarget):
            from tui.screens.main import PRIORITY_ACTIONS

            if action in PRIORITY_ACTIONS and isinstance(screen.focused, Input):
                # In a text box these actions type their key; chosen by name, they run.
                screen.set_focus(None)
            await screen.run_action(action)
        else:
            await self.app.run_action(action)

    async def _library_entries(self) -> list[Entry]:
        screen = self._main_screen()
        if not isinstance(screen, PaletteTarget):
            return []
        library = screen.library
        select_briefing, select_person = screen.select_briefing, screen.select_person

        def fetch() -> tuple[Sequence[BriefingSummary], Sequence[Person], Sequence[Person]]:
            return library.summaries(), library.people("speaker"), library.people("asker")

        try:
            briefings, speakers, askers = await asyncio.to_thread(fetch)
        except Exception as error:  # the archive may be mid-load or unreadable
            self.app.log.warning(f"command palette: no briefings or people: {error}")
            return []
        entries: list[Entry] = []
        for summary in briefings:
            text = visible(f"Open briefing: {summary.date.isoformat()} {summary.title}")
            questions = count(summary.questions, "question")
            where = ", ".join(x for x in (summary.organizer, summary.location) if x)
            help_text = escape(visible(f"{questions}{' · ' + where if where else ''}"))
            entries.append(Entry(text, help_text, partial(_call, select_briefing, summary.id)))
        entries += self._people(speakers, "speaker", select_person)
        entries += self._people(askers, "asker", select_person)
        return entries

    @staticmethod
    def _people(
        people: Sequence[Person], kind: PersonKind, select: Callable[..., Any]
    ) -> list[Entry]:
        label, counted = ("Speaker", "answer") if kind == "speaker" else ("Asker", "question")
        entries = []
        for person in people:
            help_text = f"{count(person.count, counted)} in {count(person.briefings, 'briefing')}"
            entries.append(
                Entry(
                    visible(f"{label}: {person.name}"),
                    help_text,
                    partial(_call, select, person.key, kind),
                )
            )
        return entries

    async def discover(self) -> Hits:
        for entry in self._entries:
            if entry.discoverable:
                yield DiscoveryHit(Content(entry.text), entry.run, text=entry.text, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries:
            score = matcher.match(entry.text)
            if score > 0:
                yield Hit(
                    score,
                    highlight(matcher, entry.text),
                    entry.run,
                    text=entry.text,
                    help=entry.help,
                )
