"""The error screen: something could not be read or compiled, and the app goes on.

Whatever goes wrong while the rules are read or a level's questions are prepared (a
broken rule file, a bug in the compiler) is shown here, naming the file it concerns,
instead of ending the app with a traceback. Esc or Enter closes it; the candidate is
where they were, with every answer kept, and may pick another level or occupation.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from baokao.i18n import N_, _
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog


class ErrorScreen(Dialog[None]):
    """A problem, said in one title and the message (plain text, never markup)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("返回"), key_display="Esc"),
        Binding("enter", "close", show=False),
    ]

    def __init__(self, title: str, message: str) -> None:
        """Show ``title`` and ``message`` (which names the file it concerns)."""
        super().__init__()
        localize_bindings(self)
        self.heading = title
        self.message = message

    def compose(self) -> ComposeResult:
        """Title, message (scrolls when long), how to go on."""
        with Vertical(id="error-box", classes="dialog"):
            yield Static(Content(self.heading), classes="dialog-title")
            with VerticalScroll(id="error-scroll"):
                yield Static(Content(self.message), id="error-message")
            yield Static(Content(_("按 Esc 或回车返回，已填写的回答都保留。")), id="error-hint")

    def action_close(self) -> None:
        """Back to where the candidate was."""
        self.close(None)


def problem(exc: BaseException, where: Path) -> str:
    """What went wrong, in one text that names the file (or folder) it concerns.

    A rule-book error names its file already; anything else (a bug) is said with its
    type and prefixed with ``where``.
    """
    from baokao.rulebook import RulebookError

    known = isinstance(exc, RulebookError | OSError)
    text = str(exc) if known else f"{type(exc).__name__}: {exc}"
    return text if str(where) in text else f"{where}: {text}"


def precise_problem(path: Path, why: str) -> str:
    """What is wrong with a rule file the listing could not read, as the rule book says it
    (the line, the byte, the place), else as the listing did."""
    from baokao.rulebook import RulebookError, load_file

    try:
        load_file(path)
    except RulebookError as exc:
        return str(exc)
    return f"{path}: {why}"
