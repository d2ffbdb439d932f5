"""The app's start: the rules read in a thread while the start screen is drawn.

Why a module of its own: what the user waits for at start is the search box answering,
and the order of the work behind it matters more than its amount. The search index
(kept ready in the cache, :mod:`baokao.tui.search_cache`, and read from the program's
first moments when ``baokao`` starts it, :class:`~baokao.tui.search_cache.Preload`)
is shown first; nothing heavy runs until the first results are drawn; the rule
book's and the interview's code are imported only once typing pauses. An
occupation's rules are read only when it is picked.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from baokao.i18n import _
from baokao.listing import trees_dir
from baokao.tui.desk_app import DeskApp
from baokao.tui.search_cache import Preload, index_then_listing

if TYPE_CHECKING:
    from baokao.rulebook import Rulebook
    from baokao.tui.search import SearchIndex

#: The longest (in seconds) the loading thread waits for the first results to be drawn
#: before it imports the rule book's code.
RESULTS_WAIT = 1.0


class LoadingApp(DeskApp):
    """Reads the rules at start, for the interview app."""

    trees: str | Path | None
    manage_gc: bool

    def init_loading(self, preload: Preload | None) -> None:
        """Set up the start (called from ``__init__``).

        Args:
            preload: The kept search index, being read since the program started.
        """
        self.index: SearchIndex | None = None
        self.book: Rulebook | None = None
        self.load_error = ""  # why the rule book could not be loaded, if it could not
        self._preload = preload
        self._book_loaded = asyncio.Event()
        self._results_drawn = threading.Event()

    def _read_rules(self) -> None:
        """Worker thread: the listing and search index, pinyin, then the rule book.

        The rule book reads an occupation's rules only when it is picked; what is loaded
        here ahead is the code that compiles and shows an interview.
        """
        from baokao.coverage import source_titles

        folder = trees_dir(self.trees)
        try:
            self.start.sources = source_titles(folder)
            # Nothing heavy until the first results are drawn (this thread holds the GIL).
            listing_of = index_then_listing(
                folder,
                lambda index: self.call_from_thread(self._index_ready, index),
                lambda: self._results_drawn.wait(RESULTS_WAIT),
                self._preload,
            )
        except Exception as exc:  # whatever it is, it is shown and the app goes on
            from baokao.tui.screens.error import problem

            self.call_from_thread(self._load_failed, problem(exc, folder))
            return
        self.start.wait_quiet()  # and no more work while the first keys are answered
        from baokao.rulebook import Rulebook, RulebookError, refuse_twins

        try:
            listing = listing_of()
        except Exception as exc:
            from baokao.tui.screens.error import problem

            self.call_from_thread(self._load_failed, problem(exc, folder))
            return
        try:  # two files for one occupation: one would silently hide the other
            refuse_twins([(folder / f.file, f.name, f.code) for f in listing.files])
        except RulebookError as exc:
            self.call_from_thread(self._load_failed, str(exc))
            return
        self.call_from_thread(self._book_ready, Rulebook(listing))
        if listing.broken:
            from baokao.tui.screens.error import precise_problem

            file, why = listing.broken[0]
            self.call_from_thread(self._load_failed, precise_problem(folder / file, why), False)
        import baokao.session
        import baokao.tui.ahead
        import baokao.tui.screens.all_levels
        import baokao.tui.screens.level
        import baokao.tui.screens.preparing
        import baokao.tui.screens.question  # noqa: F401
        from baokao.model.base import build_all

        build_all()  # (models are built when first used: here, not at a pick or an answer)
        if self.manage_gc:  # what is loaded now lives as long as the app
            self.call_from_thread(gc.freeze)

    async def rules_loaded(self) -> bool:
        """Wait until the rules have been read; whether the rule book could be loaded."""
        await self._book_loaded.wait()
        return self.book is not None

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self.start.index = index
        self.call_after_refresh(self._results_drawn.set)

    def _book_ready(self, book: Rulebook) -> None:
        from baokao.session import use_folder

        use_folder(book.folder)  # trees compiled ahead beside the rule files
        self.book = book
        self._book_loaded.set()

    def _load_failed(self, error: str, fatal: bool = True) -> None:
        from baokao.tui.screens.error import ErrorScreen

        self.load_error = error
        self.start.problem = _("规则载入失败：{error}").format(error=error)
        if fatal:
            self._book_loaded.set()
        self.push_screen(ErrorScreen(_("规则载入失败"), error))
