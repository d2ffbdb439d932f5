"""The search results: each occupation, then its 工种 indented; one line each.

Why not Textual's ``OptionList``: it works out the height of every option whenever the
options are set, which at national scale (1,600 occupations, more with their 工种) is
thousands of layouts per key press. Here every result is one line, so the list knows
its height from the number of rows, and it draws only the rows in view.

The search box keeps the focus; the start screen passes the arrow keys on, and a click
picks a row directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from baokao.i18n import _

if TYPE_CHECKING:
    from baokao.tui.search import Entry, Group


class Row(NamedTuple):
    """One line: an occupation (``entry`` its own entry, or ``None`` for a heading that
    cannot be picked), or one of its 工种."""

    group: Group
    entry: Entry | None

    @property
    def key(self) -> tuple[str, str | None, bool]:
        """What the row's text depends on: the same for the same row of another search."""
        entry = self.entry
        return (self.group.occupation, entry.work_type if entry else None, entry is None)

    @property
    def content(self) -> Content:
        """The row's text (rule names are never read as markup)."""
        group, entry = self.group, self.entry
        if entry is not None and entry.work_type is not None:
            return Content.assemble(("  └ ", "dim"), (_("工种："), "dim"), entry.work_type)
        code = Content.styled(f"  {group.code}", "dim") if group.code else Content("")
        return Content.assemble((group.occupation, "dim" if entry is None else "bold"), code)


def rows_of(groups: Sequence[Group]) -> tuple[Row, ...]:
    """The rows of the list: each occupation, then its 工种.

    An occupation that was not itself matched (only one of its 工种 was) is a heading
    that cannot be picked, so the 工种 is still seen in its place.
    """
    rows: list[Row] = []
    for group in groups:
        rows.append(Row(group, group.head))
        rows.extend(Row(group, entry) for entry in group.work_types)
    return tuple(rows)


#: How many drawn rows :class:`ResultList` keeps (a few screens' worth).
STRIPS_KEPT = 256


class ResultList(ScrollView, can_focus=False):
    """Search results, one line each, one highlighted."""

    DEFAULT_CSS = """
    ResultList {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    ResultList > .result-list--highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"result-list--highlighted"}
    #: A row is picked with a click, not selected as text (its strips carry no offsets).
    ALLOW_SELECT = False

    #: The row highlighted (``None``: no row can be picked).
    highlighted: reactive[int | None] = reactive(None)

    class Selected(Message):
        """A row was clicked."""

        def __init__(self, result_list: ResultList, entry: Entry) -> None:
            """Carry the list and the entry picked."""
            self.result_list = result_list
            self.entry = entry
            super().__init__()

        @property
        def control(self) -> ResultList:
            """The list picked from (so that ``@on(..., "#id")`` works)."""
            return self.result_list

    def __init__(self, *, id: str | None = None) -> None:
        """An empty list; :meth:`set_groups` fills it."""
        super().__init__(id=id)
        self.rows: tuple[Row, ...] = ()
        #: Rows drawn lately, by what they show (not where): the next key's results
        #: mostly hold the same rows in other places.
        self._strips: dict[tuple[tuple[str, str | None, bool], bool, int], Strip] = {}

    def set_groups(self, groups: Sequence[Group]) -> None:
        """Show ``groups`` from the top, the first row that can be picked highlighted."""
        self.rows = rows_of(groups)
        self._set_virtual_size(Size(self.scrollable_content_region.width, len(self.rows)))
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.highlighted = self._next(0, 1)
        self.refresh()

    def _set_virtual_size(self, size: Size) -> None:
        """Take the new number of rows without laying out the screen again.

        The list's own size is fixed by the screen (``1fr``), so more or fewer rows
        change only its scroll range and scroll bar; setting ``virtual_size`` as usual
        would lay out every widget of the screen at each key. As Textual itself does
        for a size found during layout, the scroll bar is updated here, and a layout
        happens only when it appears or disappears (its column is then the list's).
        """
        if size != self.virtual_size:
            self.set_reactive(ResultList.virtual_size, size)
            self._scroll_update(size)

    @property
    def option_count(self) -> int:
        """How many rows there are."""
        return len(self.rows)

    @property
    def highlighted_entry(self) -> Entry | None:
        """The entry of the highlighted row."""
        return None if self.highlighted is None else self.rows[self.highlighted].entry

    def texts(self) -> list[str]:
        """The text of every row, as shown."""
        return [str(row.content) for row in self.rows]

    def _next(self, start: int, step: int) -> int | None:
        """The first row from ``start`` (going by ``step``) that can be picked."""
        index = start
        while 0 <= index < len(self.rows):
            if self.rows[index].entry is not None:
                return index
            index += step
        return None

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        """Redraw the two rows, and bring the new one into view."""
        if new is not None:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)
        self.refresh()

    def on_resize(self) -> None:
        """Lay out again for the new width."""
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def notify_style_update(self) -> None:
        """Draw again in the new style (another theme, say)."""
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        """The line ``y`` rows down from the top of the view."""
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if not 0 <= index < len(self.rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        lit = index == self.highlighted
        key = (row.key, lit, width)
        strip = self._strips.get(key)
        if strip is None:
            style = self.visual_style
            if lit:
                style = style + self.get_visual_style("result-list--highlighted")
            # One line, never wrapped: its segments are the row's text in its styles
            # (what Visual.to_strips would make, without its wrapping machinery).
            line = Content(" ") + row.content
            strip = Strip(line.render_segments(style)).extend_cell_length(width, style.rich_style)
            strip = strip.crop(0, width)
            if len(self._strips) >= STRIPS_KEPT:
                del self._strips[next(iter(self._strips))]
            self._strips[key] = strip
        return strip

    def action_cursor_down(self) -> None:
        """Highlight the next row that can be picked."""
        start = 0 if self.highlighted is None else self.highlighted + 1
        found = self._next(start, 1)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        """Highlight the previous row that can be picked."""
        if self.highlighted is not None:
            found = self._next(self.highlighted - 1, -1)
            if found is not None:
                self.highlighted = found

    def _page(self, direction: int) -> None:
        if not self.rows:
            return
        step = max(1, self.scrollable_content_region.height - 1) * direction
        here = self.highlighted if self.highlighted is not None else 0
        target = max(0, min(len(self.rows) - 1, here + step))
        found = self._next(target, direction)
        if found is None:
            found = self._next(target, -direction)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        """Highlight a page further down."""
        self._page(1)

    def action_page_up(self) -> None:
        """Highlight a page further up."""
        self._page(-1)

    def action_first(self) -> None:
        """Highlight the first row that can be picked."""
        found = self._next(0, 1)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        """Highlight the last row that can be picked."""
        found = self._next(len(self.rows) - 1, -1)
        if found is not None:
            self.highlighted = found

    def on_click(self, event: events.Click) -> None:
        """Pick the row clicked."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if 0 <= index < len(self.rows):
            entry = self.rows[index].entry
            if entry is not None:
                self.highlighted = index
                self.post_message(self.Selected(self, entry))
