"""The result of one level: may the candidate apply, by which route, or what is missing.

The verdict is the first thing on screen, in colour and words; the route text and the
documents (or the gaps and the date) follow in a scrolling body that has the focus,
so ↑↓/PgUp/PgDn reach everything. S saves the slip, P prints it, F3 enters the
candidate's name and ID, Ctrl+N starts the next candidate, F2 changes an answer, Esc
goes back to the last question: all app actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from baokao.i18n import N_, _
from baokao.session import LevelOutcome, Session
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.question import case_title
from baokao.tui.screens.too_small import report_resize
from baokao.tui.widgets.answers_view import AnswersView
from baokao.tui.widgets.key_footer import KeyFooter
from baokao.tui.widgets.verdict_view import VerdictView, status_content

#: N alone is not "next candidate" here (the app's Ctrl+N is): N is 否 on the question
#: before, and a second press would leave the result at once.
RESULT_BINDINGS: list[BindingType] = [
    Binding("s", "app.save", N_("保存结果单"), key_display="S"),
    Binding("p", "app.print", N_("打印"), key_display="P"),
    Binding("f2", "app.answers", N_("我的回答"), key_display="F2"),
    Binding("escape", "app.back", N_("上一题"), key_display="Esc"),
]


class SlipScreen(Screen[None]):
    """What every result screen shows under the verdict: whose result it is (``#r-candidate``)
    and where its slip was saved (``#r-saved``), both set by the app."""

    #: Where the slip was last saved (shown under the result); set by the app.
    saved: var[Path | None] = var(None)
    #: The candidate's name and ID number line (or how to enter them); set by the app.
    candidate: var[str] = var("")

    def watch_candidate(self, line: str) -> None:
        """Show whose result this is (compose shows the line set before)."""
        for shown in self.query("#r-candidate").results(Static):
            shown.update(Content(line))

    def watch_saved(self, saved: Path | None) -> None:
        """Show where the slip went."""
        line = self.query_one("#r-saved", Static)
        line.update(
            Content(_("结果单已保存：{path}（及同名 .txt、.pdf）").format(path=str(saved)))
            if saved
            else ""
        )
        line.set_class(saved is not None, "-shown")


class ResultScreen(SlipScreen):
    """The outcome of a single-level interview."""

    BINDINGS: ClassVar[list[BindingType]] = RESULT_BINDINGS

    def __init__(self, session: Session) -> None:
        """Show the outcome of ``session`` (which must be finished, for one level)."""
        super().__init__()
        localize_bindings(self)
        self.session = session

    def on_resize(self, event: events.Resize) -> None:
        """Let the app check the terminal is still large enough."""
        report_resize(self)

    def compose(self) -> ComposeResult:
        """Title and verdict, scrolling body, saved-path line, footer."""
        with Horizontal(id="r-top"):
            yield Static(Content(case_title(self.session)), id="r-case")
            yield Static("", id="r-status")
        with VerticalScroll(id="r-body"):
            yield VerdictView(id="r-verdict")
            yield AnswersView(id="r-answers")
        yield Static("", id="r-saved")
        yield Static(Content(self.candidate), id="r-candidate")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill in the outcome and focus the body."""
        outcome = self.session.outcome
        assert isinstance(outcome, LevelOutcome)
        verdict = outcome.verdict
        self.query_one("#r-status", Static).update(status_content(verdict))
        view = self.query_one(VerdictView)
        view.show(verdict, self.session.profile, outcome.qualify_date)
        self.query_one(AnswersView).show(self.session)
        self.query_one("#r-body").focus()
