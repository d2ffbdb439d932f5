"""A notice instead of a broken layout when the terminal is smaller than 80×24.

The app pushes this screen when the terminal shrinks below the minimum; it removes
itself as soon as the terminal is large enough again (also when it comes back to the
top of the stack after other screens were pushed over it), so the work underneath is
never lost.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from baokao.i18n import _

MIN_WIDTH, MIN_HEIGHT = 80, 24


class SizeChanged(Message):
    """The terminal was resized; posted to the app by the full screens.

    Textual sends resize events to the screens, not to the app's handlers, so each
    full screen passes it on (see :func:`report_resize`).
    """


def report_resize(screen: Screen[None]) -> None:
    """Tell the app that ``screen`` was resized (call from a screen's ``on_resize``)."""
    screen.app.post_message(SizeChanged())


def too_small(width: int, height: int) -> bool:
    """Whether a terminal of this size is below the minimum."""
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """Asks for a larger terminal."""

    _leaving = False

    def compose(self) -> ComposeResult:
        """One centred line."""
        yield Static("", id="too-small")

    def on_mount(self) -> None:
        """Say how large the terminal is and must be."""
        self._update()

    def on_resize(self, event: events.Resize) -> None:
        """Update the notice, or leave when the terminal is large enough."""
        self._update()

    def on_screen_resume(self) -> None:
        """Leave if the terminal grew while other screens were on top."""
        self._update()

    def _update(self) -> None:
        width, height = self.app.size
        if not too_small(width, height):
            if self.is_current and not self._leaving:
                self._leaving = True
                self.dismiss()
            return
        text = _("窗口太小，请把终端放大到至少 {w}×{h}（当前 {cw}×{ch}）。").format(
            w=MIN_WIDTH, h=MIN_HEIGHT, cw=width, ch=height
        )
        self.query_one("#too-small", Static).update(Content(text))
