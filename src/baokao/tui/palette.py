"""Textual's own palette commands (Theme, Keys, Screenshot …) in the user's language.

The app lists its own commands first and keeps Textual's after them. Textual names its
commands in English; each one it offers is mapped here to a text of our catalogue, so the
palette is in one language. A command Textual adds in a later version and that is not
listed here is shown as Textual names it, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand

from baokao.i18n import _
from baokao.tui.i18n import TEXTUAL_TEXTS


def textual_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands with their titles and help in the user's language."""
    for command in commands:
        title = _(TEXTUAL_TEXTS.get(command.title, command.title))
        help_text = _(TEXTUAL_TEXTS.get(command.help, command.help))
        yield SystemCommand(title, help_text, command.callback, command.discover)
