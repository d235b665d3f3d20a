"""What the command palette acts on: a screen that shows the archive (the main screen).

The palette (:mod:`tui.commands`) lists the keymap's actions, every briefing and every
person. On a screen that is a :class:`PaletteTarget` the actions run on the screen (it
binds every key of :data:`tui.keymap.KEYS`), briefings and people come from its library
and choosing one calls :meth:`~PaletteTarget.select_briefing` or
:meth:`~PaletteTarget.select_person`; on any other screen the palette offers the actions
alone and runs them on the app. A plain class rather than a ``Protocol``: a screen
inherits it by name, so the palette asks ``isinstance`` instead of probing attributes
(Textual's metaclass does not combine with ``Protocol``'s).
"""

from __future__ import annotations

from tui.library import PersonKind, Reading


class PaletteTarget:
    """Inherited by a screen the palette can drive."""

    @property
    def library(self) -> Reading:
        """The archive the screen shows."""
        raise NotImplementedError

    def select_briefing(self, briefing_id: str, target: str | None = None) -> None:
        """Open a briefing (at the element ``target``, if given)."""
        raise NotImplementedError

    def select_person(self, key: str | None, kind: PersonKind = "speaker") -> None:
        """Narrow to a speaker or an asker (``None``: everyone)."""
        raise NotImplementedError
