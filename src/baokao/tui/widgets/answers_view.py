"""The answers given so far, as a numbered list under a result.

A counsellor reads the answers back to the candidate before saving the slip, so they
are shown with the result, in the words of the questions. F2 changes one of them.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from baokao.i18n import _, translate
from baokao.session import Session
from baokao.tui.widgets.verdict_view import bullet, heading


def answer_lines(session: Session) -> list[tuple[str, str]]:
    """``(question text, answer as shown)`` for every answer, in the order asked."""
    return [(translate(q.text), translate(session.describe(q.id, a))) for q, a in session.answered]


def answers_widgets(session: Session) -> list[Widget]:
    """A heading and one numbered item per answer."""
    lines = answer_lines(session)
    parts: list[Widget] = [heading(_("我的回答"))]
    if not lines:
        parts.append(Static(Content.styled(_("还没有回答任何问题。"), "dim")))
    for i, (question, answer) in enumerate(lines, 1):
        item = Content.assemble(question, ("  →  ", "dim"), (answer, "bold"))
        parts.append(bullet(f"{i}.", item))
    return parts


class AnswersView(Vertical):
    """Shows the answers of a session; set them with :meth:`show`."""

    DEFAULT_CSS = """
    AnswersView {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, session: Session) -> None:
        """Display the answers of ``session``."""
        self.remove_children()
        self.mount_all(answers_widgets(session))
