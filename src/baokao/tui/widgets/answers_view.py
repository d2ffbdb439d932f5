"""The answers given so far, as a numbered list under a result.

A counsellor reads the answers back to the candidate before saving the slip, so they
are shown with the result, in the words of the questions. F2 changes one of them.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from baokao.session import Session
from baokao.tui.i18n import t


def answer_lines(session: Session) -> list[tuple[str, str]]:
    """``(question text, answer as shown)`` for every answer, in the order asked."""
    return [(q.text, session.describe(q.id, a)) for q, a in session.answered]


def answers_content(session: Session) -> Content:
    """A heading and one numbered line per answer."""
    lines = answer_lines(session)
    parts: list[Content | str] = [Content.styled(t("key.answers"), "bold $accent"), "\n"]
    if not lines:
        parts.append(Content.styled(t("answers.none"), "dim"))
    for i, (question, answer) in enumerate(lines, 1):
        parts += [f"  {i}. ", question, Content.styled(" —— ", "dim"), (answer, "bold"), "\n"]
    return Content.assemble(*parts).rstrip()


class AnswersView(Static):
    """Shows the answers of a session; set them with :meth:`show`."""

    DEFAULT_CSS = """
    AnswersView {
        height: auto;
        padding: 1 1 0 1;
    }
    """

    def show(self, session: Session) -> None:
        """Display the answers of ``session``."""
        self.update(answers_content(session))
