"""The app's desk half: records, the candidate's details, history, slips and quitting.

:class:`~baokao.tui.app.BaokaoApp` runs the interview; this base class holds what a
desk needs around it, so each stays small. Records are opened in a thread after the
first paint (a damaged or locked file turns them off, with the reason on screen;
the app goes on), the current interview is kept after every answer, and nothing a
candidate said is dropped without asking: leaving an interview or a result that is
neither in the records nor saved as a slip asks first, and quitting mid-interview
says that the interview is saved as 未完成.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.screen import Screen

from baokao.i18n import _
from baokao.prefs import Prefs
from baokao.printing import NoPrinter, send_to_printer
from baokao.tui.desk import Desk

if TYPE_CHECKING:
    from baokao.records import Record, RecordStore
    from baokao.rulebook import Rulebook
    from baokao.session import Answer, Session
    from baokao.slip import Slip
    from baokao.slip_files import SavedSlip
    from baokao.tui.screens.candidate import Candidate
    from baokao.tui.screens.history import HistoryScreen
    from baokao.tui.screens.start import StartScreen


class DeskApp(App[None]):
    """Records, candidates, history, slips and quitting, for the interview app."""

    session: Session | None
    book: Rulebook | None
    start: StartScreen
    today: date | None

    def init_desk(
        self, db: str | None, store: RecordStore | None, prefs: Path | None, slip_dir: Path | None
    ) -> None:
        """Set up the desk (called from ``__init__``): records named by ``db`` or ``store``."""
        self.desk = Desk(self._records_changed)
        self._settled = asyncio.Event()
        self.db = db
        self._given_store = store
        self.prefs = Prefs.load(prefs)
        self.slip_dir = slip_dir or self.prefs.slip_dir
        #: The system's print command (CUPS ``lp``), given the PDF's path.
        self.print_command = "lp"

    @property
    def day(self) -> date:
        """Today, as the app judges it."""
        return self.today or date.today()

    # Records -------------------------------------------------------------------------

    def open_records(self) -> None:
        """Open the records in a thread (a shared server was already opened by the CLI)."""
        self.run_worker(self._open_records, thread=True, group="records")

    def _open_records(self) -> None:
        from baokao.records import RecordsError, open_store

        try:
            store = self._given_store or open_store(self.db)
        except RecordsError as exc:
            self.call_from_thread(self.desk.failed, str(exc))
            return
        self.call_from_thread(self.desk.opened, store, self._write_failed)

    def _write_failed(self, error: Exception) -> None:
        """From the writer thread: a record could not be written."""
        with contextlib.suppress(RuntimeError):  # the app has already ended
            self.call_from_thread(self._records_failed, error)

    def _records_failed(self, error: Exception) -> None:
        self.desk.failed(str(error))
        self.notify(
            _("记录未能保存，记录已关闭：{reason}").format(reason=str(error)),
            severity="error",
            markup=False,
        )

    def _records_changed(self) -> None:
        """Say on the start screen whether records are kept (and how many today)."""
        if self.desk.off:
            line = _("记录已关闭：{reason}").format(reason=self.desk.off)
        elif self.desk.on:
            if (count := self.desk.today_count(self.day)) is None:
                return  # (the records failed as they were counted: told again, as off)
            line = _("记录：今日 {count} 位 · F4 历史记录").format(count=count)
        else:
            line = _("正在打开记录……")
        self.start.records_line = line
        self.start.records_off = bool(self.desk.off)
        self._settled.set()

    async def records_settled(self) -> None:
        """Wait until the records are open, or known to be off."""
        await self._settled.wait()

    def dress(self, screen: Screen[None]) -> None:
        """Give a result screen the candidate's details line."""
        record = self.desk.record
        if hasattr(screen, "candidate"):
            parts = [record.name, record.id_number] if record else []
            who = " · ".join(p for p in parts if p)
            screen.candidate = (
                _("考生：{who}").format(who=who)
                if who
                else _("F3 填写考生姓名和身份证号（可不填）")
            )

    # Candidate details ---------------------------------------------------------------

    def action_candidate(self) -> None:
        """Enter the candidate's name and ID number."""
        from baokao.tui.screens.candidate import CandidateScreen

        record = self.desk.record
        if self.session is None or record is None:
            return

        def entered(details: Candidate | None) -> None:
            if details is None:
                return
            self.desk.candidate(details.name, details.id_number)
            for screen in self.screen_stack:
                self.dress(screen)

        self.push_screen(CandidateScreen(record.name, record.id_number), entered)

    # Slips ---------------------------------------------------------------------------

    def _slip(self, session: Session) -> Slip:
        from baokao.slip import Slip

        record = self.desk.record
        name, number = (record.name, record.id_number) if record else ("", "")
        return Slip.from_session(session, name, number)

    def slip_folder(self) -> Path:
        """Where slips go: the folder chosen last (remembered across runs), or the default."""
        from baokao.slip_files import default_folder

        return self.slip_dir or default_folder()

    def _slip_saved(self, slip: Slip, files: SavedSlip) -> None:
        from baokao.slip import to_text

        self.desk.last_slip = (to_text(slip), files)
        self.slip_dir = files.markdown.parent
        self.prefs.remember_slip_dir(self.slip_dir)
        for screen in self.screen_stack:
            if hasattr(screen, "saved"):
                screen.saved = files.markdown

    def action_save(self) -> None:
        """Ask for a folder and save the slip there."""
        from baokao.tui.screens.save import SaveScreen

        if self.session is None or self.session.outcome is None:
            return

        slip = self._slip(self.session)

        def saved(files: SavedSlip | None) -> None:
            if files is not None:
                self._slip_saved(slip, files)
                self.notify(
                    _("结果单已保存：{path}（及同名 .txt、.pdf）").format(path=str(files.markdown)),
                    markup=False,
                )

        self.push_screen(SaveScreen(slip, self.slip_folder()), saved)

    def action_print(self) -> None:
        """Save the slip in the slip folder and send its PDF to the printer."""
        if self.session is not None and self.session.outcome is not None:
            self.print_slip(self._slip(self.session))

    def print_slip(self, slip: Slip) -> None:
        """Print ``slip`` with ``lp`` where there is one (saving it first, unless it was).

        A slip saved just before (S, then P) is printed from its file, not saved twice.
        """
        from baokao.slip import to_text
        from baokao.slip_files import write_slip
        from baokao.tui.screens.save import oserror_text

        last = self.desk.last_slip
        if last is not None and last[0] == to_text(slip) and last[1].pdf.exists():
            files = last[1]
        else:
            try:
                files = write_slip(slip, self.slip_folder())
            except OSError as exc:
                error = oserror_text(exc)
                self.notify(
                    _("无法保存：{error}").format(error=error), severity="error", markup=False
                )
                return
            self._slip_saved(slip, files)
        path = str(files.pdf)
        try:
            error = send_to_printer(files.pdf, self.print_command)
        except NoPrinter:
            text = _("本机没有打印命令 lp。PDF 已保存在：{path}").format(path=path)
            self.notify(text, timeout=15, markup=False)
            return
        if error:
            text = _("打印失败（{error}）。PDF 在：{path}").format(error=error, path=path)
            self.notify(text, severity="error", markup=False)
        else:
            self.notify(_("结果单已发送到打印机（{path}）").format(path=path), markup=False)

    # History -------------------------------------------------------------------------

    def action_history(self) -> None:
        """Show today's and earlier candidates."""
        store, keeper = self.desk.store, self.desk.keeper
        if store is None or keeper is None:
            reason = self.desk.off or _("正在打开记录……")
            self.notify(
                _("记录已关闭：{reason}").format(reason=reason), severity="warning", markup=False
            )
            return
        keeper.flush()  # the list shows the latest answer too
        from baokao.tui.screens.history import HistoryScreen  # (on first use: F4)

        self.push_screen(HistoryScreen(store, self.day))

    async def _session_of(self, record: Record) -> Session | None:
        """Rebuild a record's interview (compiling its tree in a thread)."""
        from baokao.records.capture import session_of
        from baokao.rulebook import RulebookError

        await self.rules_loaded()
        if self.book is None:
            return None
        try:
            subject = self.book.find(record.occupation, record.work_type)
            session = await asyncio.to_thread(session_of, record, subject)
            await asyncio.to_thread(lambda: (session.question, session.outcome))
        except (RulebookError, KeyError):
            level = record.level_label
            self.notify(
                _("规则中已没有“{subject} {level}”，无法打开这条记录。").format(
                    subject=record.title, level=level
                ),
                severity="error",
            )
            return None
        return session

    @work(exclusive=True, group="begin")
    async def on_history_screen_open(self, message: HistoryScreen.Open) -> None:
        """Reopen a result, or resume an interview where it stopped."""
        session = await self._session_of(message.record)
        if session is None:
            return
        self.session = None
        self.desk.begin(message.record)
        self._pop_to(self.start)
        self._show(session)

    @work(exclusive=True, group="reprint")
    async def on_history_screen_reprint(self, message: HistoryScreen.Reprint) -> None:
        """Print a finished interview's slip again (the same slip: same answers and date)."""
        from baokao.slip import Slip

        record = message.record
        session = await self._session_of(record)
        if session is not None and session.outcome is not None:
            self.print_slip(Slip.from_session(session, record.name, record.id_number))

    def on_history_screen_export(self, message: HistoryScreen.Export) -> None:
        """Export the records listed as xlsx into the slip folder."""
        from baokao.records.export import write_export
        from baokao.tui.screens.save import oserror_text

        folder = self.slip_folder()
        path = folder / f"考生记录-{self.day.isoformat()}.xlsx"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_export(message.records, path, "xlsx")
        except OSError as exc:
            self.notify(
                _("无法保存：{error}").format(error=oserror_text(exc)),
                severity="error",
                markup=False,
            )
            return
        self.notify(
            _("已导出 {count} 条记录：{path}").format(count=len(message.records), path=str(path)),
            markup=False,
        )

    # Leaving a candidate, leaving the app --------------------------------------------

    def action_next_candidate(self) -> None:
        """Start the next candidate; ask first if this one's answers would be lost."""
        session = self.session
        if session is None or not session.answers:
            self.next_candidate()
            return
        if self.desk.kept:
            done = session.outcome is not None
            kept = _("已记入考生记录（F4 历史记录）。")
            if not done:
                kept = _("本次问答已保存为“未完成”，可在历史记录（F4）中继续。")
            self.notify(kept, markup=False)
            self.next_candidate()
            return

        from baokao.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.next_candidate()

        self.push_screen(
            ConfirmScreen(
                _("下一位考生"),
                _("记录已关闭，这位考生的结果还没有保存。放弃并开始下一位吗？（S 可先保存结果单）"),
            ),
            answered,
        )

    def next_candidate(self) -> None:
        """Forget everything about this candidate and go back to an empty search."""
        self.session = None
        self.desk.begin()
        self._pop_to(self.start)
        self.start.reset()
        self._records_changed()

    async def action_quit(self) -> None:
        """Quit; mid-interview, first say that it is saved as 未完成 (or that it is not)."""
        from baokao.tui.screens.confirm import ConfirmScreen

        if isinstance(screen := self.screen, ConfirmScreen) and screen.kind == "quit":
            self.leave()  # Ctrl+Q twice
            return
        session = self.session
        done = session is not None and session.outcome is not None
        if session is None or not session.answers or (done and self.desk.kept):
            self.leave()
            return
        if self.desk.on and not done:
            message = _(
                "本次问答已保存为“未完成”（已答 {count} 题），"
                "下次可在历史记录（F4）中继续。现在退出吗？"
            ).format(count=len(session.answers))
        elif self.desk.on:
            self.leave()
            return
        else:
            message = _("记录已关闭，这位考生的回答不会保存。仍要退出吗？")

        def answered(yes: bool | None) -> None:
            if yes:
                self.leave()

        self.push_screen(ConfirmScreen(_("退出程序"), message, kind="quit"), answered)

    def leave(self) -> None:
        """Finish writing the records, then end the app."""
        self.desk.close()
        self.exit()

    # Provided by the interview app ---------------------------------------------------

    async def rules_loaded(self) -> bool:
        """Wait until the rules have been read; whether the rule book could be loaded."""
        raise NotImplementedError

    def _show(self, session: Session, undone: tuple[str, Answer] | None = None) -> None:
        """Show the session: its next question, or its outcome."""
        raise NotImplementedError

    def _pop_to(self, screen: Screen[None]) -> None:
        """Close every screen above ``screen``."""
        while len(self.screen_stack) > 1 and self.screen is not screen:
            self.pop_screen()
