"""The start screen's search box: an Input whose text never lays the screen out again.

Textual's Input records the width of its text as its virtual size at every key, and a
widget's virtual size is declared to need a layout when it changes: each key laid out
every widget of the start screen again (a third of the time from a key to its results
drawn, at national scale). The box's own size is fixed by the screen (one line, the
width of the screen), so the width of its text only scrolls it within that line; here
a change of that width repaints the box alone, as any other change of its text does.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SearchBox(Input):
    """An :class:`~textual.widgets.Input` of a fixed size, that repaints as it is typed in."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
