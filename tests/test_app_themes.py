"""Every built-in theme reads, and a theme switched while reading repaints every pane.

The list, the speaker filter and the Q&A view paint their own lines from component
classes; the checks below read the colours those lines are painted with, segment by
segment, so a colour that ignores the theme (white on a light background) or a line
left painted in the old theme shows up as a number, not as a judgement of a picture.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from reader_samples import CORPUS
from rich.segment import Segment
from textual.color import Color
from textual.scroll_view import ScrollView
from textual.theme import BUILTIN_THEMES

from tui.app import BriefingApp
from tui.index import Index
from tui.screens.main import MainScreen
from tui.widgets.briefing_list import BriefingList
from tui.widgets.qa_view import QAView
from tui.widgets.speaker_filter import PeopleList

if TYPE_CHECKING:
    from conftest import Archive, Reader, Settle


TEXT_CONTRAST = 3.0
"""WCAG's minimum for large text and interface parts. Muted dates and counts must meet it."""

CURSOR_CONTRAST = 2.2
"""A cursor row is painted in the theme's own cursor pair (``$block-cursor-*``), as
Textual's own lists are; the lowest any built-in theme pairs is about 2.4 (gruvbox).
The defect this guards against, white on a light grey, measured 1.3."""


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def painted(screen: MainScreen) -> Iterator[tuple[str, Segment]]:
    """Every visible segment with text of the three painted panes."""
    panes: list[ScrollView] = [
        screen.query_one(BriefingList),
        screen.query_one(PeopleList),
        screen.query_one(QAView),
    ]
    for pane in panes:
        for y in range(pane.scrollable_content_region.height):
            for segment in pane.render_line(y):
                if segment.text.strip() and segment.style is not None:
                    yield type(pane).__name__, segment


def true_colours(segment: Segment) -> tuple[Color, Color] | None:
    style = segment.style
    assert style is not None
    if style.color is None or style.bgcolor is None:
        return None
    if style.color.triplet is None or style.bgcolor.triplet is None:
        return None  # an ANSI theme: the terminal chooses the colours
    return Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
async def test_every_built_in_theme_reads(
    settle: Settle, archive: Archive, tmp_path: Path, theme: str
) -> None:
    root = archive.corpus(CORPUS)
    index = Index(root, tmp_path / "index.sqlite")
    app = BriefingApp(index)
    app.theme = theme  # from the first frame, as a saved theme would be
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            cursor = Color.parse(app.get_css_variables()["block-cursor-background"])
            checked = 0
            for pane, segment in painted(app.main):
                colours = true_colours(segment)
                if colours is None:
                    continue
                fg, bg = colours
                least = CURSOR_CONTRAST if bg.rgb == cursor.rgb else TEXT_CONTRAST
                ratio = contrast(fg, bg)
                assert ratio >= least, (
                    f"{pane} paints {segment.text!r} at contrast {ratio:.2f} ({segment.style})"
                )
                checked += 1
            assert checked > 20 or theme.startswith("ansi")
    finally:
        index.close()


@pytest.mark.parametrize(
    ("first", "then"), [("textual-dark", "textual-light"), ("textual-light", "nord")]
)
async def test_a_theme_switch_repaints_every_pane(reader: Reader, first: str, then: str) -> None:
    async with reader() as (app, pilot, screen):
        app.theme = first
        await pilot.pause()
        list(painted(screen))  # every pane painted (and its lines cached) in the first theme
        app.theme = then
        await pilot.pause()
        variables = app.get_css_variables()
        background = Color.parse(variables["background"])
        cursor = Color.parse(variables["block-cursor-background"])
        panes = set()
        for pane, segment in painted(screen):
            colours = true_colours(segment)
            assert colours is not None
            _fg, bg = colours
            if bg.rgb == cursor.rgb:
                continue  # the theme's own cursor pair may be dark in a light theme
            # Highlights differ from the background, but never cross from a dark
            # theme's side to a light one's.
            assert (luminance(bg) > 0.4) == (luminance(background) > 0.4), (
                f"{pane} still paints {segment.text!r} on {bg.hex} after switching to {then}"
            )
            panes.add(pane)
        assert panes == {"BriefingList", "PeopleList", "QAView"}
