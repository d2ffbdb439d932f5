"""A yes/no question before something that cannot be undone: Enter yes, Esc no.

Used before quitting mid-interview, dropping an unsaved result and deleting a record.
The message says what happens either way (for example that the interview is saved as
unfinished), so the answer is an informed one; the dialog returns ``True`` or ``False``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from baokao.i18n import N_, _
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """Ask ``message``; return whether the user confirmed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer(True)", N_("确定"), key_display="Enter"),
        Binding("escape", "answer(False)", N_("取消"), key_display="Esc"),
    ]

    def __init__(self, title: str, message: str, *, kind: str = "") -> None:
        """A dialog titled ``title`` asking ``message`` (``kind`` names it for the app)."""
        super().__init__()
        localize_bindings(self)
        self.title_text = title
        self.message = message
        self.kind = kind

    def compose(self) -> ComposeResult:
        """Title, message, the keys."""
        with Vertical(classes="dialog confirm-box"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.message), classes="confirm-message")
            yield Static(Content(_("回车 确定 · Esc 取消")), classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.close(yes)
