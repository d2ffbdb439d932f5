"""Reading what is on screen, for the Pilot tests."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable, Static


def screen_text(app: App[object]) -> str:
    """The plain text of every Static on the current screen, one per line."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def table_rows(app: App[object]) -> list[list[str]]:
    """The cells of the current screen's table, as plain text."""
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
