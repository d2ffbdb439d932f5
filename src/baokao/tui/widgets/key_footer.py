"""The footer of key bindings, redrawn only when the keys it shows change on screen.

Textual's footer rebuilds all of its keys whenever the focused widget changes, even
when the keys on show stay the same. Moving from a choice question to a years
question moves the focus from a list to a text box, and that rebuild was a third of
the time from an answer to the next question; this footer skips it when nothing
visible changed.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

#: Below this width the keys are drawn close together and the command palette's key
#: (still ^p) is left out, so that every key of the busiest screen (the result: eight
#: keys) fits in 80 columns.
COMPACT_BELOW = 100

Shown = tuple[tuple[str, str, bool], ...]


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that skips redundant rebuilds."""

    _shown_keys: Shown | None = None

    def on_resize(self, event: events.Resize) -> None:
        """Draw the keys close together on a narrow terminal."""
        narrow = event.size.width < COMPACT_BELOW
        if narrow != self.compact:
            self.compact = narrow
            self.show_command_palette = not narrow
            self.refresh(recompose=True)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild only when the keys on show (or whether they are enabled) changed,
        and only on a screen that is seen.

        Textual asks again whenever a screen is shown or hidden. A screen being left
        (the question screen, its candidate just cleared by Esc) or lying under another
        and hidden (the start screen under the question screen) is not rebuilt for keys
        that change as it goes: it is asked again when it is shown, and rebuilt then if
        its keys changed. Rebuilding both footers at every pick (the question screen's
        to the keys it had as it was left, the start screen's while hidden) was work
        done in the frames after the level's key. A screen seen dimmed under a dialog
        (the start screen under the level picker) is still current, and rebuilt.
        """
        if not screen.is_current:
            return
        palette = self.app.COMMAND_PALETTE_BINDING
        shown = tuple(
            (key, binding.description, enabled)
            for key, (_, binding, enabled, _) in screen.active_bindings.items()
            if binding.show or key == palette
        )
        ready = screen.app.app_focus and self.is_attached and screen is self.screen
        if ready and shown == self._shown_keys:
            return
        if ready:
            self._shown_keys = shown
        super().bindings_changed(screen)
