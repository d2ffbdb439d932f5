"""The box years are typed into: a one-line editor that never takes the focus.

The answer form keeps the focus from one question to the next, whatever their kind,
and passes this box the keys typed on a years question. A focus that moved from a
list of choices to a text box and back (as it did with Textual's ``Input``) restyled
both widgets and repainted the whole screen on every answer: about a fifth of the time
from an answer to the next question. The editor is small on purpose (numbers of years
are a few characters): typing and pasting, Backspace and Delete, the cursor keys,
Home and End, and an offered answer that the first key typed replaces. It never
blinks, so it draws nothing while the candidate thinks.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

#: Keys that move the cursor or delete, and what they do (see :meth:`YearsField.edit`).
EDIT_KEYS = {
    "left": "left",
    "right": "right",
    "home": "home",
    "ctrl+a": "home",
    "end": "end",
    "ctrl+e": "end",
    "backspace": "backspace",
    "delete": "delete",
    "ctrl+d": "delete",
    "ctrl+u": "clear_left",
    "ctrl+k": "clear_right",
    "ctrl+w": "clear_left",
}


class YearsField(Widget, can_focus=False):
    """A number of years being typed, with its cursor; edited by its form."""

    DEFAULT_CSS = """
    YearsField {
        height: 3;
        width: 44;
        max-width: 100%;
        padding: 0 2;
        border: tall $border-blurred;
        background: $surface;
        pointer: text;
    }
    YearsField > .years-field--cursor {
        background: $input-cursor-background;
        color: $input-cursor-foreground;
        text-style: $input-cursor-text-style;
    }
    YearsField > .years-field--selection {
        background: $input-selection-background;
        color: $input-selection-foreground;
    }
    YearsField > .years-field--placeholder {
        color: $text-disabled;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "years-field--cursor",
        "years-field--selection",
        "years-field--placeholder",
    }

    value: reactive[str] = reactive("", layout=False)
    cursor: reactive[int] = reactive(0)
    selected: reactive[bool] = reactive(False)
    """Whether the whole value is selected (an offered answer): the next key replaces it."""

    class Changed(Message):
        """The text in the box changed (typed, deleted or pasted)."""

        def __init__(self, field: YearsField, value: str) -> None:
            """Carry the field and its new text."""
            self.field = field
            self.value = value
            super().__init__()

        @property
        def control(self) -> YearsField:
            """The field that changed (so that ``@on(..., "#id")`` works)."""
            return self.field

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        """An empty box showing ``placeholder``."""
        super().__init__(id=id)
        self.placeholder = placeholder

    def offer(self, value: str) -> None:
        """Show ``value`` selected, the cursor after it: typing replaces it."""
        self.value, self.cursor, self.selected = value, len(value), bool(value)

    def render(self) -> Content:
        """The text with its cursor (or selection), or the placeholder when empty."""
        value, cursor = self.value, self.cursor
        cursor_style = self.get_visual_style("years-field--cursor")
        if not value:
            placeholder = self.get_visual_style("years-field--placeholder")
            return Content.assemble((" ", cursor_style), (self.placeholder, placeholder))
        if self.selected:
            selection = self.get_visual_style("years-field--selection")
            return Content.assemble((value, selection), (" ", cursor_style))
        after = value[cursor + 1 :] if cursor < len(value) else ""
        at = value[cursor] if cursor < len(value) else " "
        return Content.assemble(value[:cursor], (at, cursor_style), after)

    def edit(self, event: events.Key) -> bool:
        """Apply a key typed on the form; return whether it was one for this box."""
        action = EDIT_KEYS.get(event.key)
        if action is None:
            if not event.is_printable or event.character is None:
                return False
            self.insert(event.character)
            return True
        value, cursor = self.value, self.cursor
        if self.selected and action in ("backspace", "delete", "clear_left", "clear_right"):
            value, cursor = "", 0
        elif action == "left":
            cursor = 0 if self.selected else max(0, cursor - 1)
        elif action == "right":
            cursor = min(len(value), cursor + 1)
        elif action == "home":
            cursor = 0
        elif action == "end":
            cursor = len(value)
        elif action == "backspace" and cursor > 0:
            value, cursor = value[: cursor - 1] + value[cursor:], cursor - 1
        elif action == "delete":
            value = value[:cursor] + value[cursor + 1 :]
        elif action == "clear_left":
            value, cursor = value[cursor:], 0
        elif action == "clear_right":
            value = value[:cursor]
        self._set(value, cursor)
        return True

    def insert(self, text: str) -> None:
        """Type ``text`` at the cursor (over the selection, if there is one)."""
        text = "".join(text.split())  # a pasted line, with its line break
        if self.selected:
            self._set(text, len(text))
        else:
            cursor = self.cursor
            self._set(self.value[:cursor] + text + self.value[cursor:], cursor + len(text))

    def _set(self, value: str, cursor: int) -> None:
        changed = value != self.value
        self.value, self.cursor, self.selected = value, cursor, False
        if changed:
            self.post_message(self.Changed(self, value))
