"""A ScrollView whose scrollbar always shows where the view really is.

Textual 8.2.8 moves the scrollbar's thumb only while the scrollbar is shown: a scroll
made before the first layout has decided that a new document needs a scrollbar (opening
a search hit, narrowing to a speaker, going to an answer far down) moves the text but
leaves the thumb at the top once the bar appears. The reader would then see the first
answer of a speaker with a thumb saying "start of the briefing", and the next
scrollbar drag would jump from the wrong place. Every scrolling widget of the reader
derives from this class, which puts the thumb in place when the bar appears (and, through
:class:`~tui.widgets.themed.ThemedLines`, paints with styles that follow the theme).
"""

from __future__ import annotations

from tui.widgets.themed import ThemedLines


class SteadyScrollView(ThemedLines):
    """ScrollView that syncs the scrollbar's position when the scrollbar appears."""

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        if shown:
            self.vertical_scrollbar.position = self.scroll_y
