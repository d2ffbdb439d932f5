"""The side panel of a question: the routes still possible, and why the question is asked.

Counsellors are asked to justify every question to the candidate ("why do you need to
know this?"), and the official route texts are what they justify it with, so both are
shown verbatim. Rule text is turned into :class:`~textual.content.Content` without
markup parsing: a route that contains ``[b]`` or ``[link=…]`` shows exactly that.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from baokao.model.rules import Level, Route
from baokao.tui.i18n import t

Alive = tuple[tuple[Level, Route], ...]


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


class RoutesPanel(VerticalScroll, can_focus=False):
    """Routes still alive (verbatim) and the help text of the current question."""

    DEFAULT_CSS = """
    RoutesPanel {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    RoutesPanel .panel-title {
        text-style: bold;
        color: $accent;
        margin-top: 1;
    }
    RoutesPanel .panel-title.-first {
        margin-top: 0;
    }
    """

    alive: var[Alive] = var(())
    help: var[str] = var("")

    def compose(self) -> ComposeResult:
        """Two titled blocks: the help first (it is about this question), then routes."""
        yield Static(Content(t("q.why")), classes="panel-title -first")
        yield Static("", id="panel-help")
        yield Static(Content(t("q.alive")), classes="panel-title")
        yield Static("", id="panel-routes")

    def on_mount(self) -> None:
        """Show what was set before the panel was mounted."""
        self.watch_alive(self.alive)
        self.watch_help(self.help)

    def watch_alive(self, alive: Alive) -> None:
        """Show the routes."""
        if self.is_mounted:
            self.query_one("#panel-routes", Static).update(alive_content(alive))

    def watch_help(self, help: str) -> None:
        """Show the help text, and scroll back to the top for the new question."""
        if self.is_mounted:
            self.query_one("#panel-help", Static).update(Content(help))
            self.scroll_home(animate=False)
