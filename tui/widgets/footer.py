"""A footer that rebuilds its keys only when the keys it shows change.

Textual's Footer removes and mounts all its key widgets whenever the screen's bindings
are updated, which happens on every focus change. In the reader every key the footer
shows belongs to the screen, so moving between the panes changes nothing on it, yet
each rebuild cost 25–30 ms of the UI thread, twice after Enter opens a briefing (the
list gives the focus to the Q&A view). That work ran while the briefing was being
parsed in its worker and laid out for its first paint, and competed with both for the
interpreter; skipping the rebuilds that change nothing takes it out of the way.

In a narrow terminal (the screen sets ``compact`` below 100 columns) each description
is cut to its first word ("Next answer" becomes "Next") and the command palette's key,
which the help screen lists, is left out: at 80 columns every other key, the quit key
included, then fits on the line instead of running off its end.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_keys(screen: Screen[Any]) -> tuple[object, ...]:
    """What the footer would draw for ``screen``: its shown bindings and their state."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, binding.action, binding.description, binding.key_display, binding.group, on, tip)
        for key, (_node, binding, on, tip) in screen.active_bindings.items()
        if binding.show or key == palette
    )


class SteadyFooter(Footer):
    """Footer that skips the rebuild when the shown keys are the same as last time."""

    _drawn: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        keys = shown_keys(screen)
        if keys == self._drawn and self._bindings_ready:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._drawn = keys

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if self.compact and isinstance(widget, FooterKey) and widget.description:
                widget.description = widget.description.split()[0]
            yield widget

    def watch_compact(self, compact: bool) -> None:
        self.show_command_palette = not compact
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
