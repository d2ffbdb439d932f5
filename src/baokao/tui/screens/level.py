"""Pick the level to check, or "all levels" (what can this candidate apply for?).

A small modal over the start screen. The digit keys are the level numbers themselves
(4 for 四级), which is how counsellors say them; A picks all levels; Enter takes the
highlighted line and Esc goes back to the search. The result is typed:
``int`` for one level, ``"all"`` for every level, ``None`` for cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Final, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from baokao.i18n import N_, _
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog

if TYPE_CHECKING:
    from baokao.tui.search import Entry

LevelChoice = int | Literal["all"]
ALL: Final = "all"


class LevelList(OptionList):
    """The list of levels; losing the focus as the picker closes restyles nothing.

    A picker closed by a level's key is removed, and its list loses the focus then:
    Textual restyles a widget that gains or loses the focus. That restyle came between
    the key and the level's first question, for a list never drawn again
    (``benchmarks/pick_work.py``).
    """

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Restyle for the focus state, unless the picker is closing."""
        screen = self.screen
        if not (isinstance(screen, Dialog) and screen.closing):
            super().watch_has_focus(_has_focus)


class LevelScreen(Dialog[LevelChoice | None]):
    """The levels of one entry, highest number (五级) first, then "all levels"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("取消")),
        Binding("a", "choose('all')", N_("全部等级"), key_display="A"),
    ]

    def __init__(self, entry: Entry, prepare: Callable[[], None] | None = None) -> None:
        """Offer the levels of ``entry``; run ``prepare`` in a thread once drawn.

        (The app prepares the levels' interviews while the person reads the picker:
        :mod:`baokao.tui.ahead`. Started from the picker's own mount, the thread starts
        right after the picker's first frame; started by the app after pushing the
        picker, it started a frame or more later, 0.1 to 0.3 s on a loaded machine, and
        a quick key found nothing prepared.)
        """
        super().__init__()
        localize_bindings(self)
        self.entry = entry
        self._prepare = prepare

    def compose(self) -> ComposeResult:
        """Title, list of levels, hint."""
        options = [
            Option(Content.assemble((f"{number}  ", "bold"), label), id=str(number))
            for number, label in self.entry.levels
        ]
        options.append(
            Option(Content.assemble(("A  ", "bold"), _("全部等级（我能报考哪一级？）")), id=ALL)
        )
        with Vertical(id="level-box"):
            yield Static(
                Content(_("{subject}：报考哪个等级？").format(subject=self.entry.title)),
                id="level-title",
            )
            yield LevelList(*options, id="level-list")
            yield Static(Content(_("按数字键选等级，A 查全部等级，Esc 返回")), id="level-hint")

    def on_mount(self) -> None:
        """Put the focus on the list, on its first level."""
        levels = self.query_one("#level-list", OptionList)
        levels.highlighted = 0
        levels.focus()
        if self._prepare is not None:
            self.call_after_refresh(self.run_worker, self._prepare, thread=True, group="ahead")

    def on_key(self, event: events.Key) -> None:
        """A digit picks the level of that number, if the entry has it."""
        if event.character and event.character.isdigit():
            number = int(event.character)
            if any(n == number for n, _ in self.entry.levels):
                event.stop()
                self.close(number)

    @on(OptionList.OptionSelected, "#level-list")
    def _level_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option.id or ALL)

    def action_choose(self, choice: str) -> None:
        """Close with the chosen level (a number as text) or ``"all"``."""
        self.close(ALL if choice == ALL else int(choice))

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.close(None)
