"""Snapshots of the clip dialog and the clippings screen, on the bundled Shanghai briefing."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui.cli import bundled_transcripts
from tui.clips.opening import open_clips
from tui.library import LoadFailed
from tui.loader import load_file
from tui.model import Answer, Briefing
from tui.quote import quote_of
from tui.screens.clip_dialog import ClipDialog
from tui.screens.clippings import ClippingsScreen

if TYPE_CHECKING:
    from conftest import ScreenAppFactory

SHANGHAI = bundled_transcripts() / "2017-10-11-shanghai-belt-and-road.yaml"
PREFIX = "2017-10-11-shanghai-belt-and-road#"


def _shanghai() -> Briefing:
    briefing, problems = load_file(SHANGHAI)
    assert briefing is not None, problems
    return briefing


class OneBriefing:
    """The part of a library the clippings screen reads: one briefing, edited or not."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing

    def load(self, briefing_id: str) -> Briefing:
        if briefing_id != self.briefing.id:
            raise LoadFailed([])
        return self.briefing


def test_clip_dialog(screen_app: ScreenAppFactory, snap_compare: Any) -> None:
    answer = _shanghai().find(f"{PREFIX}q2.a1")
    assert isinstance(answer, Answer)
    dialog = ClipDialog(answer.ref, answer.text, note="lead quote", collection="Belt and Road")
    assert snap_compare(screen_app(dialog), terminal_size=(100, 24))


def test_clippings_screen_with_a_changed_answer(
    screen_app: ScreenAppFactory, snap_compare: Any
) -> None:
    briefing = _shanghai()
    store = open_clips()
    for ref, note in (("q2.a1", "lead quote"), ("q1", ""), ("q3.a1", "[bold]check[/] the figure")):
        element = briefing.find(PREFIX + ref)
        assert element is not None
        store.add("Belt and Road", quote_of(briefing, element), note, create=True)
    # the transcript has since been corrected: the third clipping no longer reads as clipped
    items = list(briefing.items)
    third = items[2]
    corrected = replace(third.answers[0], text="A corrected answer.")  # type: ignore[union-attr]
    items[2] = replace(third, answers=(corrected,))  # type: ignore[type-var]
    library = OneBriefing(replace(briefing, items=tuple(items)))

    async def settle(pilot: Any) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = screen_app(ClippingsScreen(store, library, "belt and road"))  # type: ignore[arg-type]
    assert snap_compare(app, terminal_size=(120, 24), run_before=settle)
