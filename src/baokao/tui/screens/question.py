"""The question screen: one question at a time, answered with the keyboard alone.

Left: the question, its answer form and the progress. Right: why it is asked and the
routes still possible, verbatim. The app sets :attr:`QuestionScreen.session`; the
screen asks the session to take an answer (showing the session's message when it
refuses one) and posts :class:`QuestionScreen.Moved` with the new session. Going
back, listing the answers and moving to the next candidate are app actions, bound
here so that they show in the footer.

After an answer the next question is drawn first, and the side panel in a frame of
its own right after (``benchmarks/startup.py``: the question about 16 ms after the
key, the panel about 40 ms after the question; Textual draws at most 60 frames a
second, and waits one to two frame periods before the next). The panel is the
largest text on the screen; drawn in the same frame it made the wait for the next
question a third longer, and the question is what the person at the keyboard is
waiting for.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from baokao.i18n import N_, _, translate
from baokao.session import Answer, AnswerError, Question, Session
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.too_small import report_resize
from baokao.tui.widgets.answer_form import AnswerForm
from baokao.tui.widgets.key_footer import KeyFooter
from baokao.tui.widgets.routes_panel import BLANK, PanelView, RoutesPanel


def case_title(session: Session) -> str:
    """``美容师 · 四级/中级`` or ``保健按摩师 · 脊柱按摩师 · 全部等级``."""
    if session.level is None:
        every = _("全部等级")
        return f"{session.subject.title} · {every}"
    return f"{session.subject.title} · {translate(session.subject.level(session.level).label)}"


#: The name the app's question screen is installed under (see :meth:`QuestionScreen.kept`).
KEPT = "question"


class QuestionScreen(Screen[None]):
    """Ask the session's current question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", N_("上一题"), key_display="Esc"),
        Binding("f2", "app.answers", N_("我的回答"), key_display="F2"),
        Binding("ctrl+n", "app.next_candidate", N_("下一位")),
        Binding("pagedown", "scroll_panel(1)", N_("滚动条件"), show=False, priority=True),
        Binding("pageup", "scroll_panel(-1)", N_("滚动条件"), show=False, priority=True),
    ]

    session: var[Session | None] = var(None, always_update=True)

    class Moved(Message):
        """The interview moved on: the session after the answer."""

        def __init__(self, session: Session) -> None:
            """Carry the new session."""
            self.session = session
            super().__init__()

    def __init__(self, session: Session | None, undone: tuple[str, Answer] | None = None) -> None:
        """Ask the current question of ``session``.

        Args:
            session: The interview (none for a screen built ahead: :meth:`warm`).
            undone: The answer just taken back with Esc, offered again if it is to this
                question (so that going back shows what was answered).
        """
        super().__init__()
        localize_bindings(self)
        self.undone = undone
        self._case = ""
        #: The app's style rules and pseudo-classes when the screen was last styled.
        self._styled: tuple[object, frozenset[str]] | None = None
        self.set_reactive(QuestionScreen.session, session)

    @classmethod
    def kept(
        cls, app: App[None], session: Session, undone: tuple[str, Answer] | None = None
    ) -> QuestionScreen:
        """The app's question screen, made once and kept from one interview to the next.

        It is installed, so that leaving it (for the search or a result) keeps it built:
        the next interview only gives it its session. Building the screen (its widgets
        and their styles) was half of the wait between picking a level and its first
        question (``benchmarks/first_question.py``).
        """
        try:
            screen = app.get_screen(KEPT)
        except KeyError:
            screen = cls(session, undone)
            app.install_screen(screen, KEPT)
            return screen
        assert isinstance(screen, QuestionScreen)
        screen.undone = undone
        for panel in screen.query(RoutesPanel).results(RoutesPanel):
            panel.view = BLANK  # not the last interview's routes, for a frame
        screen.session = session
        return screen

    @classmethod
    def warm(cls, app: App[None]) -> None:
        """Build the kept screen ahead, with no interview yet, unless it is built already.

        Called once the level picker is drawn: pushed and popped in one turn of the
        event loop, the screen is never drawn, but its widgets are built and styled
        while the person reads the picker, not after the key. It needs no interview, so
        it is built while the picked occupation's interviews are prepared
        (:mod:`baokao.tui.ahead`), not after the first of them: built after it, it was
        not ready in time for a level picked within 0.2 s of the picker, on a loaded
        machine, and the first pick of the app waited for it.
        """
        if not app.is_screen_installed(KEPT):
            screen = cls(None)
            app.install_screen(screen, KEPT)
            app.push_screen(screen)
            app.pop_screen()

    def post_message(self, message: Message) -> bool:
        """Post ``message``; a kept screen shown again with its styles current is not
        restyled.

        Textual restyles every widget of a screen each time it is shown again, in case
        the styles changed while it was away (a new theme, CSS read again). For the kept
        question screen that was a quarter of the work between a level's key and its
        first question (``benchmarks/pick_work.py``), and nothing had changed: the
        screen's own changes (a question's form, the focus) restyle what they touch as
        they happen. It is restyled when the app's style rules (a new list whenever they
        are parsed again) or the app's pseudo-classes differ from when it was last
        restyled (:meth:`on_screen_resume`).
        """
        if isinstance(message, events.ScreenResume) and message.refresh_styles:
            rules, pseudo = self._styles_now()
            last = self._styled
            if last is not None and last[0] is rules and last[1] == pseudo:
                message = events.ScreenResume(refresh_styles=False)
        return super().post_message(message)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Note the style rules the screen is about to be restyled with.

        Noted as the restyle is done (Textual's own handler runs right after this one),
        not as it is asked for: the screen built ahead (:meth:`warm`) is asked before
        its widgets are mounted, and their classes' own styles are added to the app's
        rules as they mount; it is restyled once they are, behind the level picker.
        Noted when asked, the rules had changed by the pick, and the screen was restyled
        again after the level's key (2.5 ms of the event loop's CPU time, of 13 before
        its first frame: ``benchmarks/pick_work.py``).
        """
        if event.refresh_styles:
            self._styled = self._styles_now()

    def _styles_now(self) -> tuple[object, frozenset[str]]:
        return self.app.stylesheet.rules, frozenset(self.app.get_pseudo_classes())

    def on_resize(self, event: events.Resize) -> None:
        """Let the app check the terminal is still large enough."""
        report_resize(self)

    def compose(self) -> ComposeResult:
        """Top line, question and form on the left, side panel on the right, footer."""
        with Horizontal(id="q-top"):
            self._case = case_title(self.session) if self.session is not None else ""
            yield Static(Content(self._case), id="q-case")
            yield Static("", id="q-progress")
        with Horizontal(id="q-body"):
            with Vertical(id="q-main"):
                yield Static("", id="q-text")
                question = self.session.question if self.session is not None else None
                offered = self._offered(question) if question is not None else None
                yield AnswerForm(question, offered, id="q-form")
            yield RoutesPanel(id="q-side")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the first question, and its side panel in the next frame.

        A screen built ahead (:meth:`warm`, behind the level picker) starts its clock of
        frames now. Textual draws a screen on the ticks of a clock of its own (60 a
        second), made the first time the screen has something to draw, and its first
        tick comes a whole period (17 ms) later; the ticks after that come at once when
        the screen has been idle for a period. Started ahead, the clock is idle when
        the level's key comes, and the first question is drawn without that wait.
        """
        self._show()
        self.call_after_refresh(self._show_panel)
        if not self.is_current:
            self._update_timer.resume()  # ticks once, unseen, then waits

    def watch_session(self) -> None:
        """Show the session's question (the app sets a new session after each answer)."""
        if self.is_mounted:
            self._show()
            self.call_after_refresh(self._show_panel)

    def _show(self) -> None:
        session = self.session
        if session is None or session.question is None:
            return
        question = session.question
        done, left = session.progress
        if (case := case_title(session)) != self._case:  # another interview
            self._case = case
            self.query_one("#q-case", Static).update(Content(case))
        self.query_one("#q-progress", Static).update(
            Content(_("已回答 {done} 题 · 最多还有 {left} 题").format(done=done, left=left))
        )
        self.query_one("#q-text", Static).update(Content(translate(question.text)))
        self.query_one(AnswerForm).ask(question, self._offered(question))

    def _show_panel(self) -> None:
        """Show why the current question is asked and the routes still possible.

        (A frame after an answer, the screen may already have been closed: the panel
        is then gone, and there is nothing to show.)
        """
        session = self.session
        if session is None or session.question is None:
            return
        for panel in self.query(RoutesPanel).results(RoutesPanel):
            panel.view = PanelView(translate(session.question.help), session.alive)

    def _offered(self, question: Question) -> Answer | None:
        """The answer taken back with Esc, if it was to ``question``."""
        undone = self.undone
        return undone[1] if undone is not None and undone[0] == question.id else None

    @on(AnswerForm.Answered)
    def _answered(self, event: AnswerForm.Answered) -> None:
        event.stop()
        session = self.session
        if session is None or session.question is None:
            return
        if event.question_id != session.question.id:
            return
        try:
            moved = session.answer(event.value)
        except AnswerError as exc:
            for form in self.query(AnswerForm).results(AnswerForm):
                if form.question is not None and form.question.id == event.question_id:
                    form.show_error(str(exc))
            return
        self.post_message(self.Moved(moved))

    def action_scroll_panel(self, direction: int) -> None:
        """Scroll the side panel by a page (PgUp/PgDn), the focus staying on the answer."""
        panel = self.query_one(RoutesPanel)
        if direction > 0:
            panel.scroll_page_down()
        else:
            panel.scroll_page_up()
