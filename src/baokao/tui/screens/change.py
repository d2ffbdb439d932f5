"""Change one earlier answer.

The same answer form as the question screen, with the old answer shown (and
pre-selected). The session checks the new answer: a refused one shows the session's
message and the dialog stays; an accepted one closes the dialog with the new session,
in which later answers are kept wherever they still apply.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from baokao.i18n import N_, _, translate
from baokao.session import Answer, AnswerError, Question, Session
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog
from baokao.tui.widgets.answer_form import AnswerForm


class ChangeScreen(Dialog[Session | None]):
    """Ask one answered question again; return the changed session, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("取消"), key_display="Esc"),
    ]

    def __init__(self, session: Session, question: Question, current: Answer) -> None:
        """Change the answer to ``question`` (now ``current``) in ``session``."""
        super().__init__()
        localize_bindings(self)
        self.session = session
        self.question = question
        self.current = current

    def compose(self) -> ComposeResult:
        """Title, question, old answer, form."""
        was = translate(self.session.describe(self.question.id, self.current))
        with Vertical(id="change-box", classes="dialog"):
            yield Static(Content(_("修改回答")), classes="dialog-title")
            yield Static(Content(translate(self.question.text)), id="change-question")
            yield Static(Content(_("原回答：{answer}").format(answer=was)), id="change-was")
            yield AnswerForm(self.question, self.current)

    @on(AnswerForm.Answered)
    def _answered(self, event: AnswerForm.Answered) -> None:
        event.stop()
        try:
            changed = self.session.change(self.question.id, event.value)
        except AnswerError as exc:
            self.query_one(AnswerForm).show_error(str(exc))
            return
        self.close(changed)

    def action_cancel(self) -> None:
        """Keep the old answer."""
        self.close(None)
