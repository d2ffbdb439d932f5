"""Starting the app on given rules, and reading what is on screen, for the Pilot tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.app import App
from textual.widgets import DataTable, Static

from baokao.model.rules import Occupation
from baokao.rulebook import write_trees
from baokao.tui.app import BaokaoApp
from baokao.tui.widgets.routes_panel import RoutesPanel


def app_on(occupations: Iterable[Occupation], tmp_path: Path) -> BaokaoApp:
    """The app on a folder of ``occupations`` alone (``tmp_path/rules``), on a fixed day,
    its slips saved into ``tmp_path``."""
    write_trees(occupations, tmp_path / "rules")
    return BaokaoApp(trees=tmp_path / "rules", today=date(2026, 5, 1), slip_dir=tmp_path)


def screen_text(app: App[object]) -> str:
    """The plain text of every Static and side panel on the current screen."""
    texts = [str(w.render()) for w in app.screen.query(Static)]
    texts += [panel.text.plain for panel in app.screen.query(RoutesPanel)]
    return "\n".join(texts)


def table_rows(app: App[object]) -> list[list[str]]:
    """The cells of the current screen's table, as plain text."""
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
