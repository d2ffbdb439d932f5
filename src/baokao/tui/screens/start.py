"""The start screen: find the occupation (or 工种) the candidate applies under.

The search box keeps the focus the whole time, so a counsellor can type a name, a code
or pinyin initials and press Enter without touching anything else; ↑↓, PgUp/PgDn,
Home/End move the highlight in the list below it. Results are grouped by occupation,
with each occupation's 工种 indented beneath it.

The screen receives its :class:`~baokao.tui.search.SearchIndex` from the app (which
loads it in the background) and posts :class:`StartScreen.Picked` when an entry is
chosen; it knows nothing of sessions or levels.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input, Static

from baokao.coverage import covered, not_covered
from baokao.i18n import N_, _, ngettext
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.too_small import report_resize
from baokao.tui.widgets.key_footer import KeyFooter
from baokao.tui.widgets.result_list import ResultList
from baokao.tui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from baokao.tui.search import Entry, SearchIndex

#: How much of the query the "nothing found" line repeats.
SHOWN_QUERY = 24
#: Seconds without a change of the results that count as a pause in typing.
QUIET = 0.15
#: The longest (in seconds) :meth:`StartScreen.wait_quiet` waits for the first results.
FIRST_WAIT = 2.0


class StartScreen(Screen[None]):
    """Search box and grouped results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move('cursor_down')", show=False),
        Binding("up", "move('cursor_up')", show=False),
        Binding("pagedown", "move('page_down')", show=False),
        Binding("pageup", "move('page_up')", show=False),
        Binding("ctrl+home", "move('first')", show=False),
        Binding("ctrl+end", "move('last')", show=False),
        Binding("enter", "pick", N_("选择"), key_display="Enter"),
    ]

    #: The index to search; set by the app once it has been read.
    index: var[SearchIndex | None] = var(None, always_update=True)
    #: The titles of the tables the rules were imported from; set by the app with the index.
    sources: tuple[str, ...] = ()
    #: Why no index is there: a message shown instead of results.
    problem: var[str] = var("")
    #: What the app is preparing (an interview being compiled), shown while it lasts.
    preparing: var[str] = var("")
    #: Whether candidate records are kept, and how many today (set by the app).
    records_line: var[str] = var("")
    #: Set when the records are off (the line is then shown as a warning).
    records_off: var[bool] = var(False)

    class Picked(Message):
        """An occupation or 工种 was chosen."""

        def __init__(self, entry: Entry) -> None:
            """Carry the chosen entry."""
            self.entry = entry
            super().__init__()

    def __init__(self) -> None:
        """Create the screen (empty until the index arrives)."""
        super().__init__()
        localize_bindings(self)
        #: The occupations of the index, in order (what the rules cover).
        self._names: list[str] = []
        #: Whether the count line now holds one line (a count of results alone).
        self._count_one_line = False
        #: When the results last changed (``time.monotonic()``; 0: never).
        self._changed_at = 0.0
        #: Set once results have first been shown (from a thread, :meth:`wait_quiet`).
        self._shown = threading.Event()

    def on_resize(self, event: events.Resize) -> None:
        """Let the app check the terminal is still large enough."""
        report_resize(self)

    def compose(self) -> ComposeResult:
        """Heading, search box, count line, results, footer."""
        yield Static(
            Content(_("输入职业名称、代码或拼音（如 美容师、4-10-03-01、mrs、meirongshi）")),
            id="start-heading",
        )
        yield SearchBox(placeholder=_("搜索职业……"), id="search")
        yield Static(Content(_("正在载入规则……")), id="start-count")
        yield ResultList(id="results")
        yield Static("", id="start-records")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the search box, so typing filters at once; show an index already there."""
        search = self.query_one("#search", Input)
        search.focus()
        # Watched, not told by its Changed message: the results are then worked out
        # while the key is handled, and drawn in the frame that shows the key (a
        # message arrives after that frame, and its results wait for the next one).
        self.watch(search, "value", self._search_changed, init=False)
        self.call_after_refresh(self._refresh_results)  # (mounted by then)

    def watch_index(self, index: SearchIndex | None) -> None:
        """Show the results of the current query against the new index."""
        entries = index.entries if index is not None else ()
        self._names = list(dict.fromkeys(e.occupation for e in entries))  # once, not per key
        self._refresh_results()

    def watch_records_line(self, line: str) -> None:
        """Say whether records are kept (or why not)."""
        self.query_one("#start-records", Static).update(Content(line))

    def watch_records_off(self, off: bool) -> None:
        """Show "records are off" as a warning."""
        self.query_one("#start-records", Static).set_class(off, "-off")

    def watch_problem(self, problem: str) -> None:
        """Show why the rules could not be loaded."""
        if problem:
            self.query_one("#start-count", Static).update(Content(problem))
            self._count_one_line = False

    def set_preparing(self, text: str) -> None:
        """Say what is being prepared (``""``: nothing any more)."""
        self.preparing = text

    def watch_preparing(self, preparing: str) -> None:
        """Say what is being prepared, over the results; put the count back after."""
        if not self.is_mounted:
            return
        self.query_one("#results", ResultList).loading = bool(preparing)
        if preparing:
            self.query_one("#start-count", Static).update(Content(preparing))
            self._count_one_line = False
        else:
            self._refresh_results()

    def _search_changed(self, value: str) -> None:
        self._refresh_results()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_pick()

    @on(ResultList.Selected, "#results")
    def _result_selected(self, event: ResultList.Selected) -> None:
        event.stop()
        self.post_message(self.Picked(event.entry))

    def wait_quiet(self, seconds: float = QUIET, first: float = FIRST_WAIT) -> None:
        """Wait until the results have been shown and have not changed for ``seconds``
        (from a thread; at most ``first`` seconds for them to be first shown).

        Work that holds the interpreter for long (importing the interview's code) waits
        for a pause, so that the keys typed as the first results appear are answered
        at once. (An index that is ready before the screen is mounted is shown only
        once it is; the pause counts from then, not from before.)
        """
        self._shown.wait(first)
        while (left := self._changed_at + seconds - time.monotonic()) > 0:
            time.sleep(left)

    def _refresh_results(self) -> None:
        if not self.is_mounted or self.index is None:
            return
        self._changed_at = time.monotonic()
        self._shown.set()
        query = self.query_one("#search", Input).value
        groups = self.index.search(query)
        results = self.query_one("#results", ResultList)
        results.set_groups(groups)
        count = self.query_one("#start-count", Static)
        if not groups:
            count.update(Content(not_covered(shortened(query.strip()), self._names)))
            self._count_one_line = False
            return
        picks = sum((g.head is not None) + len(g.work_types) for g in groups)
        found = ngettext(
            "{count} 个结果 · ↑↓ 选择 · 回车确认",
            "{count} 个结果 · ↑↓ 选择 · 回车确认",
            picks,
        ).format(count=picks)
        if not query.strip():  # before a search: what the rules cover, and from where
            found = f"{covered(self._names, self.sources)} · {found}"
        # A count alone is one line, as the last one was: no need to lay the screen out
        # again for it (that was most of a key's cost after the search itself).
        one_line = bool(query.strip())
        count.update(Content(found), layout=not (one_line and self._count_one_line))
        self._count_one_line = one_line

    def action_move(self, action: str) -> None:
        """Move the highlight in the results while the search box keeps the focus."""
        results = self.query_one("#results", ResultList)
        getattr(results, f"action_{action}")()

    def action_pick(self) -> None:
        """Choose the highlighted entry."""
        entry = self.query_one("#results", ResultList).highlighted_entry
        if entry is not None:
            self.post_message(self.Picked(entry))

    def reset(self) -> None:
        """Clear the search and give the box the focus again (next candidate)."""
        search = self.query_one("#search", Input)
        search.value = ""
        search.focus()
        self._refresh_results()


def shortened(query: str) -> str:
    """The query as the "nothing found" line repeats it: its start, when it is long.

    (Repeating all of a pasted page would lay out that whole page again at every key.)
    """
    return query if len(query) <= SHOWN_QUERY else f"{query[:SHOWN_QUERY]}…"
