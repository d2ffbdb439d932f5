"""The TUI asks years in named work in the text's words (see tests/unit/test_named_work.py)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_named_work import OCCUPATION

from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose

from .helpers import app_on, screen_text


async def test_the_tui_asks_years_of_named_work(tmp_path: Path) -> None:
    app = app_on([OCCUPATION], tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, "9-99-99-13", "4")
        shown: list[str] = []
        while app.session is not None and app.session.question is not None:
            q = app.session.question
            if q.id == "work:cumulative:从事推销工作":
                assert "您累计从事推销工作多少年？" in screen_text(app)
            shown.append(q.id)
            await pilot.press("4", "enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert "work:cumulative:从事推销工作" in shown
        assert isinstance(app.screen, ResultScreen)
        assert app.session is not None and app.session.outcome is not None
        assert 1 in app.session.outcome.verdict.qualifying
