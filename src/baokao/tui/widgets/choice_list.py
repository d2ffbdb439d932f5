"""The choices of a question, drawn as one piece of text; picked by its form.

Each choice is a line (or a few, when its label wraps under itself) led by the key
that picks it; one is highlighted. The answer form has the focus and passes the arrow
keys and Enter on; a click picks a choice directly.

Why not Textual's ``OptionList``: it is made for long lists (it keeps a cache of
lines, cleared whenever its size changes, and learns its height only when it draws,
which lays the screen out a second time). A question has at most a dozen choices and
a new question changes them all, so that machinery cost a third of the time from an
answer to the next question; this list is text, laid out once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

#: ``(key shown, value, label)`` for each choice.
Item = tuple[str, str, str]


class ChoiceList(Widget, can_focus=False):
    """Numbered choices, one highlighted."""

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 14;
        color: $foreground;
        background: $surface;
        border: tall $border-blurred;
        padding: 0 1;
    }
    ChoiceList > .choice-list--highlighted {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-list--highlighted"}

    highlighted: reactive[int] = reactive(0)

    class Selected(Message):
        """A choice was picked (Enter on the highlighted one, or a click)."""

        def __init__(self, choice_list: ChoiceList, value: str) -> None:
            """Carry the list and the value picked."""
            self.choice_list = choice_list
            self.value = value
            super().__init__()

        @property
        def control(self) -> ChoiceList:
            """The list picked from (so that ``@on(..., "#id")`` works)."""
            return self.choice_list

    def __init__(self, *, id: str | None = None) -> None:
        """An empty list; :meth:`set_items` fills it."""
        super().__init__(id=id)
        self.items: tuple[Item, ...] = ()
        self._wrapped: tuple[int, list[tuple[int, Content]]] | None = None
        self._top = 0

    def set_items(self, items: Sequence[Item], highlighted: int = 0) -> None:
        """Show ``items``, with the one at ``highlighted`` highlighted."""
        items = tuple(items)
        if items != self.items:
            self.items, self._wrapped, self._top = items, None, 0
            self.refresh(layout=True)
        self.highlighted = highlighted

    @property
    def option_count(self) -> int:
        """How many choices there are."""
        return len(self.items)

    def validate_highlighted(self, index: int) -> int:
        """Keep the highlight on a choice."""
        return max(0, min(index, len(self.items) - 1))

    def _lines(self, width: int) -> list[tuple[int, Content]]:
        """Each line with the index of its choice; labels wrap under themselves."""
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        lead = max((cell_len(key) for key, _, _ in self.items), default=0) + 2
        lines: list[tuple[int, Content]] = []
        for index, (key, _, label) in enumerate(self.items):
            shown = Content(label).wrap(max(4, width - lead)) or [Content("")]
            first = Content.assemble((f"{key:<{lead}}", "bold"), shown[0])
            lines.append((index, first))
            lines.extend((index, Content(" " * lead) + line) for line in shown[1:])
        self._wrapped = (width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """All the lines (the style's ``max-height`` keeps a long list in bounds)."""
        return len(self._lines(width))

    def render(self) -> Content:
        """The lines in view: all of them, or a window that shows the highlighted one."""
        width, height = self.content_size
        lines = self._lines(width)
        if not lines or height <= 0:
            return Content("")
        mine = [y for y, (index, _) in enumerate(lines) if index == self.highlighted]
        top = min(self._top, mine[0]) if mine else 0
        if mine and mine[-1] >= top + height:
            top = mine[-1] - height + 1
        self._top = top = max(0, min(top, len(lines) - height))
        style = self.get_visual_style("choice-list--highlighted")
        shown = []
        for index, line in lines[top : top + height]:
            if index == self.highlighted:
                line = line.extend_right(max(0, width - line.cell_length)).stylize(style)
            shown.append(line)
        return Content("\n").join(shown)

    def action_cursor_up(self) -> None:
        """Highlight the choice above (from the first, the last)."""
        if self.items:
            self.highlighted = (self.highlighted - 1) % len(self.items)

    def action_cursor_down(self) -> None:
        """Highlight the choice below (from the last, the first)."""
        if self.items:
            self.highlighted = (self.highlighted + 1) % len(self.items)

    def action_first(self) -> None:
        """Highlight the first choice."""
        self.highlighted = 0

    def action_last(self) -> None:
        """Highlight the last choice."""
        self.highlighted = len(self.items) - 1

    def action_select(self) -> None:
        """Pick the highlighted choice."""
        if self.items:
            self.post_message(self.Selected(self, self.items[self.highlighted][1]))

    def on_click(self, event: events.Click) -> None:
        """Pick the choice clicked."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        lines = self._lines(self.content_size.width)
        y = self._top + offset.y
        if 0 <= y < len(lines):
            self.highlighted = lines[y][0]
            self.action_select()
