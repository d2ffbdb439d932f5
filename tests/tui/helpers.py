"""Reading what is on screen, for the Pilot tests."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable, Static

from baokao.tui.widgets.routes_panel import RoutesPanel


def screen_text(app: App[object]) -> str:
    """The plain text of every Static and side panel on the current screen."""
    texts = [str(w.render()) for w in app.screen.query(Static)]
    texts += [panel.text.plain for panel in app.screen.query(RoutesPanel)]
    return "\n".join(texts)


def table_rows(app: App[object]) -> list[list[str]]:
    """The cells of the current screen's table, as plain text."""
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
