"""The TUI asks whether the candidate works (or means to) in the occupation, and the years
of internship completed (see tests/unit/test_engagement.py)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_engagement import OCCUPATION

from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose
from baokao.tui.widgets.choice_list import ChoiceList

from .helpers import app_on, screen_text


async def test_the_tui_asks_engagement_and_internship(tmp_path: Path) -> None:
    app = app_on([OCCUPATION], tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, "9-99-99-14", "5")
        seen: list[str] = []
        while app.session is not None and app.session.question is not None:
            q = app.session.question
            seen.append(q.id)
            if q.id == "engagement":
                assert "您现在是否从事（或打算从事）本职业或相关职业工作？" in screen_text(app)
                assert "打算从事相关职业工作" in str(app.screen.query_one(ChoiceList).render())
                keys = ["1"]  # 正在从事本职业工作
            elif q.id == "internship_years":
                assert "您已经实习期满的实习，有多少年？" in screen_text(app)
                keys = ["1"]
            else:
                keys = ["1", "5"]  # age 15
            await pilot.press(*keys, "enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert {"engagement", "internship_years"} <= set(seen)
        assert isinstance(app.screen, ResultScreen)
        assert app.session is not None and app.session.outcome is not None
        assert app.session.outcome.verdict.qualifying == (2,)
