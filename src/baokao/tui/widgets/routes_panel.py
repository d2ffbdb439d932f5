"""The side panel of a question: the routes still possible, and why the question is asked.

Counsellors are asked to justify every question to the candidate ("why do you need to
know this?"), and the official route texts are what they justify it with, so both are
shown verbatim. Rule text is turned into :class:`~textual.content.Content` without
markup parsing: a route that contains ``[b]`` or ``[link=…]`` shows exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from baokao.model.rules import Level, Route
from baokao.tui.i18n import t

Alive = tuple[tuple[Level, Route], ...]


class PanelView(NamedTuple):
    """What the panel shows: the question's help and the routes still possible."""

    help: str = ""
    alive: Alive = ()


def alive_content(alive: Sequence[tuple[Level, Route]]) -> Content:
    """The routes still possible, grouped under their level when there are several."""
    parts: list[Content] = []
    levels = {level.number for level, _ in alive}
    for level, route in alive:
        head = f"{level.label} " if len(levels) > 1 else ""
        parts.append(
            Content.assemble(
                (f"{head}{t('q.route', number=route.number)}", "bold"), "\n", route.text
            )
        )
    return Content("\n\n").join(parts)


def panel_content(help: str, alive: Sequence[tuple[Level, Route]]) -> Content:
    """The panel's text: why the question is asked, then the routes still possible."""
    return Content.assemble(
        (t("q.why"), "bold $accent"),
        "\n",
        help,
        "\n\n",
        (t("q.alive"), "bold $accent"),
        "\n",
        alive_content(alive),
    )


class RoutesPanel(VerticalScroll, can_focus=False):
    """Routes still alive (verbatim) and the help text of the current question.

    One piece of text in one ``Static`` (titles included): the panel changes with every
    answer, and one widget is laid out and drawn in less time than four.
    """

    DEFAULT_CSS = """
    RoutesPanel {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    view: var[PanelView] = var(PanelView())

    def compose(self) -> ComposeResult:
        """The text, filled in from :attr:`view`."""
        yield Static("", id="panel-text")

    def on_mount(self) -> None:
        """Show what was set before the panel was mounted."""
        self.watch_view(self.view)

    def watch_view(self, view: PanelView) -> None:
        """Show the new question's help and routes, from the top.

        (Nothing to show on a panel being taken down with its screen: its text is gone.)
        """
        for text in self.query("#panel-text").results(Static):
            text.update(panel_content(view.help, view.alive))
            self.scroll_home(animate=False)
