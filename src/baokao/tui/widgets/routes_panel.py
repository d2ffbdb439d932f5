"""The side panel of a question: the routes still possible, and why the question is asked.

Counsellors are asked to justify every question to the candidate ("why do you need to
know this?"), and the official route texts are what they justify it with, so both are
shown verbatim. Rule text is turned into :class:`~textual.content.Content` without
markup parsing: a route that contains ``[b]`` or ``[link=…]`` shows exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.style import Style
from textual.content import Content
from textual.geometry import Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from baokao.evaluator.wording import missing_text_line
from baokao.i18n import _, translate
from baokao.model.conditions import missing_text
from baokao.model.rules import Level, Route

Alive = tuple[tuple[Level, Route], ...]


class PanelView(NamedTuple):
    """What the panel shows: the question's help and the routes still possible."""

    help: str = ""
    alive: Alive = ()


#: The view of a panel with nothing to show yet (a new interview's first frame): blank.
BLANK = PanelView()


def alive_content(alive: Sequence[tuple[Level, Route]]) -> Content:
    """The routes still possible, grouped under their level when there are several; a
    route whose copy of the standard is cut off says so under its text (it is never met)."""
    parts: list[Content] = []
    levels = {level.number for level, _ in alive}
    for level, route in alive:
        head = f"{translate(level.label)} " if len(levels) > 1 else ""
        lost = missing_text(route.conditions)
        cut = ("\n", (translate(missing_text_line(lost)), "$warning")) if lost else ()
        parts.append(
            Content.assemble(
                (head + _("第 {number} 条").format(number=route.number), "bold"),
                "\n",
                route.text,
                *cut,
            )
        )
    return Content("\n\n").join(parts)


def panel_content(help: str, alive: Sequence[tuple[Level, Route]]) -> Content:
    """The panel's text: why the question is asked, then the routes still possible."""
    return Content.assemble(
        (_("为什么问这个"), "bold $accent"),
        "\n",
        help,
        "\n\n",
        (_("仍可能满足的条件"), "bold $accent"),
        "\n",
        alive_content(alive),
    )


class RoutesPanel(ScrollView, can_focus=False):
    """Routes still alive (verbatim) and the help text of the current question.

    The text is laid out once per question (and per width) into lines, and only the
    lines in view are drawn: the panel changes with every answer, and with all levels
    it holds dozens of routes.
    """

    DEFAULT_CSS = """
    RoutesPanel {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    view: var[PanelView] = var(BLANK)

    def __init__(self, *, id: str | None = None) -> None:
        """An empty panel; :attr:`view` fills it."""
        super().__init__(id=id)
        self._lines: tuple[int, list[Strip]] | None = None
        self._style: Style | None = None  # the panel's own style, looked up once per style

    @property
    def text(self) -> Content:
        """All the text in the panel (help and routes), as shown."""
        return panel_content(self.view.help, self.view.alive)

    def watch_view(self) -> None:
        """Show the new question's help and routes, from the top."""
        self._lines = None
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._size_lines()
        self.refresh()

    def notify_style_update(self) -> None:
        """Draw the text again in the new style (another theme, say)."""
        super().notify_style_update()
        self._lines = None
        self._style = None

    def on_resize(self) -> None:
        """Lay the text out again for the new width."""
        self._size_lines()

    def _size_lines(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(self._strips(width)))

    def _strips(self, width: int) -> list[Strip]:
        if width <= 0 or self.view is BLANK:
            return []
        if self._lines is None or self._lines[0] != width:
            strips = Visual.to_strips(self, self.text, width, None, self.visual_style)
            self._lines = (width, strips)
        return self._lines[1]

    def render_line(self, y: int) -> Strip:
        """The line ``y`` rows down from the top of the view.

        (The style is looked up once, not for every line: each lookup walks the
        widget's ancestors, and that was most of the time the panel took to draw.)
        """
        width = self.scrollable_content_region.width
        strips = self._strips(width)
        if self._style is None:
            self._style = self.rich_style
        index = self.scroll_offset.y + y
        if index >= len(strips):
            return Strip.blank(width, self._style)
        return strips[index].extend_cell_length(width, self._style).crop(0, width)
