""" "Your answers": every answer so far; pick one to change it.

A modal list over the question or result screen. Enter (or a click, or the answer's
number) returns the id of the question to change; Esc returns ``None``. Changing the
answer itself is the next dialog's job (:mod:`baokao.tui.screens.change`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from baokao.i18n import N_, _, translate
from baokao.session import Session
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog
from baokao.tui.widgets.answer_form import CHOICE_KEYS


class AnswersScreen(Dialog[str | None]):
    """List the answers of a session; return the question id to change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("取消"), key_display="Esc"),
    ]

    def __init__(self, session: Session) -> None:
        """List the answers of ``session``."""
        super().__init__()
        localize_bindings(self)
        self.session = session
        self._ids = [q.id for q, _ in session.answered]

    def compose(self) -> ComposeResult:
        """Title and the numbered answers."""
        options = []
        for i, (question, answer) in enumerate(self.session.answered):
            key = CHOICE_KEYS[i] if i < len(CHOICE_KEYS) else " "
            shown = translate(self.session.describe(question.id, answer))
            prompt = Content.assemble(
                (f"{key}、", "bold"),
                translate(question.text),
                "\n   ",
                (f"→ {shown}", "bold $accent"),
            )
            options.append(Option(prompt, id=question.id))
        with Vertical(id="answers-box", classes="dialog"):
            yield Static(Content(_("我的回答（回车修改，Esc 关闭）")), classes="dialog-title")
            if options:
                yield OptionList(*options, id="answers-list")
            else:
                yield Static(Content(_("还没有回答任何问题。")))

    def on_mount(self) -> None:
        """Focus the list, on the last answer (the one most often changed)."""
        for answers in self.query("#answers-list").results(OptionList):
            answers.highlighted = len(self._ids) - 1
            answers.focus()

    def on_key(self, event: events.Key) -> None:
        """An answer's number picks it."""
        if event.character and event.character in CHOICE_KEYS:
            index = CHOICE_KEYS.index(event.character)
            if index < len(self._ids):
                event.stop()
                self.close(self._ids[index])

    @on(OptionList.OptionSelected, "#answers-list")
    def _answer_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.close(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.close(None)
