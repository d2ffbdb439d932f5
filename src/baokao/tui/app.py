"""The terminal UI: from "which occupation?" to a printed answer.

The app owns the state (the rule book, the search index and the interview session)
and the navigation between screens; screens receive what they show as attributes and
report back with messages, and the keys every screen shares (back, your answers, save,
next candidate) are app actions, also offered in the command palette.

Startup is kept light: the rule folder's light listing (:mod:`baokao.listing`) is read
in a background thread while the start screen is first drawn; an occupation's rules are
read only when it is picked, and the interview's code is imported once the search
answers. Answering is kept quick by freezing long-lived objects for the garbage
collector and pausing collections while a question is drawn (:mod:`baokao.tui.launch`).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from baokao.i18n import N_, Lang, _, set_lang, translate
from baokao.tui import kinsoku
from baokao.tui.i18n import localize_bindings
from baokao.tui.loading import LoadingApp
from baokao.tui.palette import textual_commands
from baokao.tui.screens.start import StartScreen
from baokao.tui.screens.too_small import SizeChanged, TooSmallScreen, too_small

if TYPE_CHECKING:
    from baokao.records import RecordStore
    from baokao.session import Answer, Progress, Session
    from baokao.tui.ahead import Ahead
    from baokao.tui.screens.level import LevelChoice
    from baokao.tui.screens.question import QuestionScreen
    from baokao.tui.search import Entry
    from baokao.tui.search_cache import Preload


class BaokaoApp(LoadingApp):
    """报考: may this candidate apply, by which route, and how close are they?"""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", N_("退出"), priority=True),
        # Offered while a candidate is being seen (see check_action); never plain N,
        # which is 否 on a question and would leave the result at a second press.
        Binding("ctrl+n", "next_candidate", N_("下一位"), priority=True),
        Binding("ctrl+c", "quit", show=False, priority=True),
        Binding("f3", "candidate", N_("考生"), key_display="F3"),
        Binding("f4", "history", N_("历史"), key_display="F4"),
    ]

    def __init__(
        self,
        trees: str | Path | None = None,
        lang: Lang = "zh",
        today: date | None = None,
        slip_dir: Path | None = None,
        manage_gc: bool = False,
        db: str | None = None,
        store: RecordStore | None = None,
        prefs: Path | None = None,
        preload: Preload | None = None,
    ) -> None:
        """Create the app.

        Args:
            trees: The rule folder (default: ``$BAOKAO_TREES`` or the bundled trees).
            lang: The interface language; rule texts stay in Chinese.
            today: The date of "today" (fixed in tests, so that dates do not drift).
            slip_dir: The folder offered for slips (default: ``Documents/baokao``).
            manage_gc: Freeze what is loaded once the rules are read, and pause the
                garbage collector while a question is drawn (see the module's text).
                Only for an app that has its process to itself: in a shared one (the
                tests) freezing would also keep the other apps' garbage forever.
            db: The candidate records (default: ``$BAOKAO_DB`` or the data folder's file).
            store: Records already opened (a shared server, checked by the CLI).
            prefs: The settings file remembered across runs (default: the config folder).
            preload: The folder's kept search index, being read since the program
                started (:class:`~baokao.tui.search_cache.Preload`).
        """
        set_lang(lang)
        super().__init__()
        kinsoku.install()  # 避头尾 in every wrapped text
        localize_bindings(self)
        self.trees = trees
        self.lang = lang
        self.today = today
        self.manage_gc = manage_gc
        self.title = _("报考条件查询")
        self.session: Session | None = None
        self.start = StartScreen()
        self.init_loading(preload)
        self.init_desk(db, store, prefs, slip_dir)

    # Startup -------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """The start screen is the bottom of the stack: "next candidate" returns to it."""
        return self.start

    def on_mount(self) -> None:
        """Read the rules in the background, while the start screen is drawn."""
        self.run_worker(self._read_rules, thread=True, exclusive=True, group="load")
        self.call_after_refresh(self.open_records)
        self._check_size()

    # Size ------------------------------------------------------------------------------

    def on_size_changed(self, message: SizeChanged) -> None:
        """Show the "please enlarge" notice below 80×24."""
        self._check_size()

    def _check_size(self) -> None:
        if too_small(*self.size) and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())

    # Choosing a subject and level ------------------------------------------------------

    def on_start_screen_picked(self, message: StartScreen.Picked) -> None:
        """Ask for the level of the chosen occupation or 工种, its interviews prepared
        meanwhile (:mod:`baokao.tui.ahead`): a ready one is shown at once."""
        from baokao.tui import ahead as ahead_module
        from baokao.tui.screens.level import ALL, LevelScreen
        from baokao.tui.screens.question import QuestionScreen

        entry = message.entry
        ahead = ahead_module.Ahead(self.book, entry, self.today)

        def chosen(choice: LevelChoice | None) -> None:
            if choice is None:
                ahead.stop()
            elif (ready := ahead.take(None if choice == ALL else int(choice))) is None:
                self._begin(entry, choice, ahead)
            else:
                self.workers.cancel_group(self, "begin")  # an earlier pick still compiling
                self._show(ready)

        self.push_screen(LevelScreen(entry, ahead.run), chosen)
        self.call_after_refresh(QuestionScreen.warm, self)  # once the picker is drawn

    @work(exclusive=True, group="begin")
    async def _begin(self, entry: Entry, choice: LevelChoice, ahead: Ahead) -> None:
        """Start the interview (once the rule book is loaded); trees not compiled ahead are
        compiled in a thread, with a progress that Esc cancels (:func:`prepare_in_thread`)."""
        from baokao.tui import ahead as ahead_module
        from baokao.tui.screens.error import ErrorScreen, problem
        from baokao.tui.screens.level import ALL
        from baokao.tui.screens.preparing import prepare_in_thread

        await self._book_loaded.wait()
        if self.book is None:
            self.push_screen(ErrorScreen(_("规则载入失败"), self.load_error))
            return
        file = self.book.folder / f"{entry.occupation}.yaml"
        level = None if choice == ALL else int(choice)
        chosen = _("全部等级") if level is None else translate(dict(entry.levels)[level])
        case = f"{entry.title} · {chosen}"

        book = self.book

        def start(progress: Progress) -> Session:
            ready = ahead.settled(level)
            return ready or ahead_module.started(book, entry, level, self.today, progress)

        try:
            session = await prepare_in_thread(self, case, start, self.start.set_preparing)
        except Exception as exc:  # a broken rule file or level: shown, the app goes on
            title = _("无法准备“{case}”的问题").format(case=case)
            self.push_screen(ErrorScreen(title, problem(exc, file)))
            return
        if session is not None:
            self._show(session)

    # The interview ---------------------------------------------------------------------

    def _case_screen(self) -> Screen[None] | None:
        """The question or result screen of the current candidate, if one is open."""
        for screen in reversed(self.screen_stack):
            ours = screen is not self.start and not isinstance(screen, TooSmallScreen)
            if ours and not screen.is_modal:
                found: Screen[None] = screen
                return found
        return None

    def _show(self, session: Session, undone: tuple[str, Answer] | None = None) -> None:
        """Show the session: its next question (offering ``undone`` again), or its outcome."""
        from baokao.tui.screens.all_levels import AllLevelsScreen
        from baokao.tui.screens.question import QuestionScreen
        from baokao.tui.screens.result import ResultScreen

        answered_before = self.session is not None and bool(self.session.answers)
        self._pause_gc_until_drawn()
        self.session = session
        self.desk.moved(session)
        if bool(session.answers) != answered_before:  # "your answers" comes or goes
            self.refresh_bindings()
        current = self._case_screen()
        new: Screen[None]
        if session.question is not None:
            if isinstance(current, QuestionScreen):
                current.undone = undone
                current.session = session
                return
            new = QuestionScreen.kept(self, session, undone)
        elif session.level is None:
            new = AllLevelsScreen(session)
        else:
            new = ResultScreen(session)
        self.dress(new)
        if current is None:
            self.push_screen(new)
        elif self.screen is current:
            self.switch_screen(new)
        else:
            self._pop_to(self.start)
            self.push_screen(new)
        self._check_size()

    def _pause_gc_until_drawn(self) -> None:
        """Keep the garbage collector out of the way until the next screen is drawn.

        As Textual does while scrolling (``PAUSE_GC_ON_SCROLL``): a collection that
        falls between a key (an answer, a level picked) and the question it shows
        delays it visibly, the same collection just after is not seen. The pause ends
        after the second refresh (a question is drawn in one frame, its side panel in
        the next), and after :data:`GC_PAUSE_LIMIT` seconds whatever happens.
        """
        if self.manage_gc and gc.isenabled():
            gc.disable()
            self.call_after_refresh(self.call_after_refresh, gc.enable)
            self.set_timer(GC_PAUSE_LIMIT, gc.enable)

    def on_question_screen_moved(self, message: QuestionScreen.Moved) -> None:
        """An answer was accepted: show the next question or the outcome."""
        self._show(message.session)

    # Actions shared by the screens -----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer back/answers only during an interview, and save only with an outcome."""
        session = self.session
        if action in ("back", "answers"):
            if session is None:
                return False
            return bool(session.answers) if action == "answers" else True
        if action in ("save", "print"):
            return session is not None and session.outcome is not None
        if action in ("candidate", "next_candidate"):
            return session is not None
        if action == "history":  # (not over the list itself, imported at the first F4)
            history = sys.modules.get("baokao.tui.screens.history")
            shown = history is not None and isinstance(self.screen, history.HistoryScreen)
            return not self.screen.is_modal and not shown
        return True

    async def action_back(self) -> None:
        """Undo the last answer; before the first answer, return to the search.

        (Replaces Textual's own ``back`` action, which pops a screen; hence async.)
        """
        if self.session is None:
            return
        if not self.session.answers:
            self.session = None
            self._pop_to(self.start)
            return
        question, value = self.session.answered[-1]
        self._show(self.session.back(), (question.id, value))

    def action_answers(self) -> None:
        """List the answers; change the one picked."""
        from baokao.tui.screens.answers import AnswersScreen
        from baokao.tui.screens.change import ChangeScreen

        session = self.session
        if session is None or not session.answers:
            return

        def changed(new: Session | None) -> None:
            if new is not None:
                self._show(new)

        def picked(question_id: str | None) -> None:
            for question, answer in session.answered:
                if question.id == question_id:
                    self.push_screen(ChangeScreen(session, question, answer), changed)
                    return

        self.push_screen(AnswersScreen(session), picked)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The main actions in the command palette (Ctrl+P), then Textual's own."""
        if self.check_action("save", ()):
            yield SystemCommand(
                _("保存结果单"), _("把结论、回答和条文存为 Markdown 和文本文件"), self.action_save
            )
        if self.check_action("answers", ()):
            yield SystemCommand(_("我的回答"), _("查看并修改已回答的问题"), self.action_answers)
        if self.check_action("back", ()):
            yield SystemCommand(_("返回上一题"), _("撤销最后一个回答"), self.action_back)
        yield SystemCommand(
            _("下一位考生"), _("清空当前查询，回到职业搜索"), self.action_next_candidate
        )
        if self.check_action("print", ()):
            yield SystemCommand(_("打印结果单"), _("保存结果单并发送到打印机"), self.action_print)
        if self.check_action("candidate", ()):
            yield SystemCommand(_("考生信息"), _("填写考生姓名和身份证号"), self.action_candidate)
        yield SystemCommand(
            _("历史记录（今日 / 历史）"),
            _("今日和以往的考生：打开结果、继续未完成的问答、重印、删除、导出"),
            self.action_history,
        )
        yield from textual_commands(super().get_system_commands(screen))  # Theme, Keys, Quit …


#: The longest (in seconds) that showing a question keeps the garbage collector paused.
GC_PAUSE_LIMIT = 1.0
