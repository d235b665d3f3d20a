"""A footer that rebuilds its keys only when the keys it shows change.

Textual's Footer removes and mounts all its key widgets whenever the screen's bindings
are updated, which happens on every focus change. In the reader every key the footer
shows belongs to the screen, so moving between the panes changes nothing on it, yet
each rebuild takes the UI thread for tens of milliseconds, twice after Enter opens a
briefing (the list gives the focus to the Q&A view). That work ran while the briefing was being
parsed in its worker and laid out for its first paint, and competed with both for the
interpreter; skipping the rebuilds that change nothing takes it out of the way.

When the keys do not fit on the line with their full labels (below ~100 columns, or
when the search results add their own key) each description is cut to its first word
("Next answer" becomes "Next") and the command palette's key, which the help screen
lists, is left out; at 80 columns every other key, the quit key included, then fits
instead of running off the end of the line. Should one word each still be too wide (the
search results' own key at 80 columns), every description is cut to the same length,
the longest that fits.

In a text box every letter types itself, so the footer there shows
:data:`tui.keymap.TEXT_BOX_KEYS` (how to finish and how to leave) instead of letter keys
that would not do what they say; they come back when the focus leaves the box.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from tui.keymap import TEXT_BOX_KEYS
from tui.wrap import cells


def typing(screen: Screen[Any]) -> bool:
    """True while a text box has the focus (its letters type text, not commands)."""
    return isinstance(screen.focused, Input)


def shown_keys(screen: Screen[Any]) -> tuple[object, ...]:
    """What the footer would draw for ``screen``: its shown bindings and their state."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    shown = tuple(
        (key, binding.action, binding.description, binding.key_display, binding.group, on, tip)
        for key, (_node, binding, on, tip) in screen.active_bindings.items()
        if binding.show or key == palette
    )
    return (typing(screen), *shown)


class SteadyFooter(Footer):
    """Footer that skips the rebuild when the shown keys are the same as last time."""

    _drawn: tuple[object, ...] | None = None  # the shown keys at the last rebuild
    _full_cells = 0  # the width the keys need with their full labels
    _short = False  # whether the labels drawn now are cut

    def bindings_changed(self, screen: Screen[Any]) -> None:
        keys = shown_keys(screen)
        if keys == self._drawn and self._bindings_ready:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._drawn = keys

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        if self._bindings_ready and typing(self.screen):
            palette = [w for w in widgets if w.has_class("-command-palette")]
            widgets = [*self._text_box_keys(), *palette]
            self.styles.grid_size_columns = len(TEXT_BOX_KEYS)
        keys = [widget for widget in widgets if isinstance(widget, FooterKey)]
        self._full_cells = sum(self._cells(key) for key in keys)
        self._short = self._full_cells > self.app.size.width
        shown: list[Widget] = []
        for widget in widgets:
            if self._short and isinstance(widget, FooterKey):
                if widget.has_class("-command-palette"):
                    continue
                if widget.description:
                    widget.description = widget.description.split(maxsplit=1)[0]
            shown.append(widget)
        if self._short:
            self._fit([widget for widget in shown if isinstance(widget, FooterKey)])
        yield from shown

    def _fit(self, keys: list[FooterKey]) -> None:
        """Still too wide with one word each (80 columns and a pane's own keys): cut every
        description to the longest length that fits, so no key runs off the line."""
        room = self.app.size.width - sum(self._cells(k) - cells(k.description) for k in keys)
        lengths = [cells(key.description) for key in keys]
        cap = max(lengths, default=0)
        while cap > 1 and sum(min(length, cap) for length in lengths) > room:
            cap -= 1
        for key in keys:
            if cells(key.description) > cap:
                key.description = key.description[:cap]

    def _text_box_keys(self) -> list[Widget]:
        """The keys of :data:`~tui.keymap.TEXT_BOX_KEYS`, drawn as the footer draws any."""
        return [
            FooterKey(
                key.keys,
                self.app.get_key_display(Binding(key.keys, key.action)),
                key.description,
                key.action,
            ).data_bind(compact=Footer.compact)
            for key in TEXT_BOX_KEYS
        ]

    def _cells(self, key: FooterKey) -> int:
        """Cells ``key`` takes with its full label (paddings as in Textual's footer CSS)."""
        text = cells(key.key_display) + cells(key.description)
        if key.has_class("-command-palette"):
            return text + (2 if self.compact else 3) + 1  # the border on its left
        return text + (2 if self.compact else 3)

    def on_resize(self) -> None:
        if self._bindings_ready and (self._full_cells > self.size.width) != self._short:
            self.call_after_refresh(self.recompose)

    def watch_compact(self, _compact: bool) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
