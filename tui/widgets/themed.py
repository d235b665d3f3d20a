"""Component styles for the Line API widgets that read in every theme.

The list, the speaker filter, the search hits and the Q&A view paint their lines
themselves and layer a component class (a date, a count, a label) over the line's base
style, which may be a cursor row's. Textual 8.2.8 offers a component's full style, which
repaints the widget's own background over the cursor's, or its partial style, which
takes the colour as written: ``$text-muted`` is ``auto 60%``, a colour that only means
something against a background, and written as is it came out white, so light themes
showed dates and counts white on cream. :meth:`ThemedLines.over` resolves the
component's colours against the background the text is really drawn on (the cursor
row's, where there is one): ``auto`` becomes the contrasting text colour, a colour with
transparency is blended over that background.

Painted lines are cached, so a theme switched in the palette would leave the old
colours on screen until each line was painted again: :meth:`notify_style_update`
(Textual calls it whenever the styles change, a theme switch included) drops the
resolved styles and calls :meth:`restyled`, where a widget drops its painted lines.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from textual.color import Color
from textual.scroll_view import ScrollView


class ThemedLines(ScrollView):
    """A ScrollView that paints its own lines with component styles that follow the theme."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._layers: dict[tuple[str, RichColor | None], Style] = {}

    def over(self, base: Style, name: str) -> Style:
        """``base`` with the component class ``name`` laid over it."""
        key = (name, base.bgcolor)
        layer = self._layers.get(key)
        if layer is None:
            layer = self._layer(name, base.bgcolor)
            self._layers[key] = layer
        return base + layer

    def _layer(self, name: str, under: RichColor | None) -> Style:
        partial = self.get_component_rich_style(name, partial=True)
        if under is None or under.triplet is None:
            # No true colour to resolve against (an ANSI theme): Textual's full style
            # has resolved the colours against the widget's own background.
            full = self.get_component_rich_style(name)
            return partial + Style.from_color(
                full.color if partial.color is not None else None,
                full.bgcolor if partial.bgcolor is not None else None,
            )
        styles = self.get_component_styles(name)
        background = Color.from_rich_color(under)
        if styles.has_rule("background"):
            background += styles.background
        color: Color | None = None
        if styles.has_rule("auto_color") and styles.auto_color:
            color = background.get_contrast_text(styles.color.a)
        elif styles.has_rule("color"):
            color = background + styles.color
        return partial + Style.from_color(
            color.rich_color if color is not None else None,
            background.rich_color if styles.has_rule("background") else None,
        )

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._layers.clear()
        self.restyled()

    def restyled(self) -> None:
        """The styles changed: forget anything painted with the old ones, and repaint."""
        self.refresh()
