"""A long compile under way: what is being prepared, how far it has got, and Esc to cancel.

Most levels compile in well under a second and never show this. A level with many
routes (or a hostile rule file) can take much longer; then the candidate and the
counsellor see that work is going on and can give up on it. A cancelled compile is
dropped: it never takes over the screen later, and keys typed meanwhile land here,
not in an interview that appears afterwards.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from baokao.i18n import N_, _
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog

if TYPE_CHECKING:
    from textual.app import App

    from baokao.session import Progress

T = TypeVar("T")

#: After how long (in seconds) a level still being compiled is announced on the start screen.
PREPARING_AFTER = 0.15
#: After how long (in seconds) a compile still going shows its progress, with Esc to cancel.
PROGRESS_AFTER = 1.0


class CompileCancelled(Exception):
    """The user cancelled a compile (raised in the compiling thread, from its progress)."""


class PreparingScreen(Dialog[bool]):
    """Progress of one compile; closes with ``False`` when the user cancels it.

    The compiling thread sets :attr:`states` (a plain number, read twice a second);
    the app closes the screen with ``True`` when the compile is done.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("取消"), key_display="Esc"),
    ]

    def __init__(self, case: str) -> None:
        """Progress of preparing the interview of ``case`` (occupation · level)."""
        super().__init__()
        localize_bindings(self)
        self.case = case
        #: States of the interview worked on so far (set by the compiling thread).
        self.states = 0
        self._since = time.monotonic()

    def compose(self) -> ComposeResult:
        """Title, progress, hint."""
        title = _("正在准备“{case}”的问题……").format(case=self.case)
        with Vertical(id="preparing-box", classes="dialog"):
            yield Static(Content(title), classes="dialog-title")
            yield Static(Content(self._progress()), id="preparing-progress")
            hint = _("这一等级的条件较多，第一次打开需要较长时间。按 Esc 取消。")
            yield Static(Content(hint), id="preparing-hint")

    def on_mount(self) -> None:
        """Refresh the progress twice a second."""
        self.set_interval(0.5, self._refresh)

    def _progress(self) -> str:
        seconds = int(time.monotonic() - self._since)
        return _("已分析 {states} 种情形，用时 {seconds} 秒").format(
            states=f"{self.states:,}", seconds=seconds
        )

    def _refresh(self) -> None:
        self.query_one("#preparing-progress", Static).update(Content(self._progress()))

    def action_cancel(self) -> None:
        """Give up on this compile."""
        self.close(False)


async def prepare_in_thread(
    app: App[Any], case: str, start: Callable[[Progress], T], busy: Callable[[str], None]
) -> T | None:
    """Run ``start`` (a compile that reports to the ``Progress`` it is given) in a thread.

    After :data:`PREPARING_AFTER` seconds ``busy`` is told what is being prepared (and
    ``""`` at the end); after :data:`PROGRESS_AFTER` the progress dialog shows, and Esc
    there cancels. Returns ``None`` once cancelled: the result never reaches the screen.
    """
    cancel = threading.Event()
    screen = PreparingScreen(case)

    def progress(states: int) -> None:  # in the compiling thread
        if cancel.is_set():
            raise CompileCancelled
        screen.states = states

    def announce() -> None:
        busy(_("正在准备“{case}”的问题……").format(case=case))

    def long() -> None:
        app.push_screen(screen, lambda done: None if done else cancel.set())

    timers = [app.set_timer(PREPARING_AFTER, announce), app.set_timer(PROGRESS_AFTER, long)]
    try:
        result = await asyncio.to_thread(start, progress)
    except CompileCancelled:
        return None
    except asyncio.CancelledError:  # another level was picked: stop this compile too
        cancel.set()
        raise
    finally:
        for timer in timers:
            timer.stop()
        busy("")
        if screen in app.screen_stack:
            screen.close(True)
    return None if cancel.is_set() else result
