"""Snapshots of the main screen on the bundled transcripts, at 120x40 and 80x24 (where the
side column is folded away until `b` shows it).

The index lives in the test's temporary folder, so the pictures depend only on the
bundled transcripts (adding one changes them: review and run with --snapshot-update).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from tui.app import BriefingApp
from tui.cli import bundled_transcripts
from tui.index import Index

if TYPE_CHECKING:
    from conftest import Settle


@pytest.fixture
def bundled_app(tmp_path: Path) -> Any:
    index = Index(bundled_transcripts(), tmp_path / "index.sqlite")
    yield BriefingApp(index)
    index.close()


async def opened(settle: Settle, pilot: Pilot[Any]) -> None:
    await settle(pilot)


async def shanghai_li_jun(settle: Settle, pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("s", *"li jun", "enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen_on_bundled_transcripts(
    snap_compare: Any, bundled_app: BriefingApp, settle: Settle, size: tuple[int, int]
) -> None:
    assert snap_compare(bundled_app, terminal_size=size, run_before=partial(opened, settle))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen_narrowed_to_a_speaker(
    snap_compare: Any, bundled_app: BriefingApp, settle: Settle, size: tuple[int, int]
) -> None:
    assert snap_compare(
        bundled_app, terminal_size=size, run_before=partial(shanghai_li_jun, settle)
    )


def test_main_screen_in_a_light_theme(
    snap_compare: Any, bundled_app: BriefingApp, settle: Settle
) -> None:
    """The default snapshots above are the dark theme; this one shows a light one reads."""
    bundled_app.theme = "textual-light"
    assert snap_compare(
        bundled_app, terminal_size=(120, 40), run_before=partial(shanghai_li_jun, settle)
    )


async def side_column_shown(settle: Settle, pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)


def test_side_column_over_the_q_and_a_view_at_80_by_24(
    snap_compare: Any, bundled_app: BriefingApp, settle: Settle
) -> None:
    """Below 100 columns the side column is folded away; `b` shows it over the view."""
    assert snap_compare(
        bundled_app, terminal_size=(80, 24), run_before=partial(side_column_shown, settle)
    )
