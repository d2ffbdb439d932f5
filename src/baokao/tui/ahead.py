"""Interviews prepared while the level picker is on screen.

Picking an occupation opens the level picker, and a person takes a few hundred
milliseconds to read it and press a level's key. In that time a thread prepares the
interview of every level offered, the highlighted one first: the occupation's rule
file is read and validated (on its first pick), each level's compiled tree is read and
its first question worked out (:func:`started`). The question screen is built
meanwhile too, behind the picker, once per app (:meth:`QuestionScreen.warm`). When the
key comes, its interview is ready and its first question is shown in the same turn of
the event loop, so the wait is only the drawing of the question screen
(``benchmarks/first_question.py``).

Only quick work is done ahead. A level whose tree was never compiled (a rule folder
that ``baokao import`` did not write) would make the solver run, for seconds perhaps,
for levels nobody picks; such a level is stopped at its first report of progress and
left to the pick, which compiles it with its progress shown and Esc to cancel
(:mod:`baokao.tui.screens.preparing`). Whatever is not ready when the key comes (a key
typed at once, a broken rule file) is done by the pick, as if nothing had been
prepared: the pick reads the same caches, so the work is not done twice.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baokao.rulebook import Rulebook
    from baokao.session import Progress, Session
    from baokao.tui.search import Entry


class NotAhead(Exception):
    """A level needs compiling: that is left to its pick (raised from the progress)."""


def started(
    book: Rulebook, entry: Entry, level: int | None, today: date | None, progress: Progress
) -> Session:
    """A new session with its first question worked out.

    Reads and validates the occupation's rule file if it has not been yet, and compiles
    the level's question tree if it is not stored (slow for a large level). The hash
    of the occupation's rules, which its record carries, is worked out here too.

    Raises:
        RulebookError: naming the rule file, when it is broken.
    """
    from baokao.records.capture import rules_hash
    from baokao.session import prepare

    subject = book.find(entry.occupation, entry.work_type)
    session = prepare(subject, level, today, progress)
    rules_hash(subject.occupation)
    return session


class Ahead:
    """The interviews of one entry's levels, prepared in a thread until one is taken."""

    def __init__(
        self,
        book: Rulebook | None,
        entry: Entry,
        today: date | None,
    ) -> None:
        """Prepare, once :meth:`run` is called, the interviews of ``entry`` in the order
        of the level picker, then of all its levels (``today``: the app's fixed date).
        """
        self._book = book
        self._entry = entry
        self._today = today
        self._ready: dict[int | None, Session] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._running = False
        self._done = threading.Event()

    def run(self) -> None:
        """Prepare what is quick to prepare (in a thread), until stopped."""
        with self._lock:
            self._running = not self._stop.is_set()
        try:
            if self._running:
                self._prepare_all()
        finally:
            self._done.set()

    def _prepare_all(self) -> None:
        book, entry = self._book, self._entry
        if book is None:  # the rules are still being read: the pick waits for them
            return
        for choice in [*(number for number, _label in entry.levels), None]:
            if self._stop.is_set():
                return
            try:
                session = started(book, entry, choice, self._today, self._no_compiling)
            except NotAhead:
                continue
            except Exception:  # a broken rule file: the pick reads it again and says why
                return
            self._ready[choice] = session

    @staticmethod
    def _no_compiling(states: int) -> None:
        raise NotAhead

    def take(self, choice: int | None) -> Session | None:
        """The interview of ``choice`` if it is ready (and still today's); stops the rest."""
        self._stop.set()
        session = self._ready.get(choice)
        if session is None or session.today != (self._today or date.today()):
            return None
        return session

    def settled(self, choice: int | None) -> Session | None:
        """Like :meth:`take`, once the level being prepared (perhaps ``choice``) is done.

        For a pick that came too early (in a thread): reading the same tree a second
        time, side by side, would only make both readings slower.
        """
        self._stop.set()
        with self._lock:
            running = self._running
        if running:
            self._done.wait()
        return self.take(choice)

    def stop(self) -> None:
        """Prepare nothing more (the picker was left)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        """Whether a level was picked or the picker left."""
        return self._stop.is_set()
