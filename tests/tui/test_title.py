"""The TUI asks a professional title and the years after it (see tests/unit/test_title.py)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_title import OCCUPATION

from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose
from baokao.tui.widgets.choice_list import ChoiceList

from .helpers import app_on, screen_text


async def test_the_tui_asks_the_title_then_the_years_after_it(tmp_path: Path) -> None:
    app = app_on([OCCUPATION], tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, "9-99-99-12", "4")
        seen: list[str] = []
        while app.session is not None and app.session.question is not None:
            q = app.session.question
            seen.append(q.id)
            if q.id == "title":
                assert isinstance(app.screen, QuestionScreen)
                assert (
                    "您取得的专业技术职称（专业技术职务任职资格），最高是哪一级？"
                    in screen_text(app)
                )
                assert "副高级" in str(app.screen.query_one(ChoiceList).render())
                keys = ["2"]  # 中级
            elif q.id == "years_after_title":
                assert "取得这个职称后，您累计从事本职业或相关职业工作多少年？" in screen_text(app)
                keys = ["2"]
            elif q.id == "title_corresponds":
                keys = ["y"]
            elif q.kind == "years":
                keys = ["0"]
            else:
                keys = ["0"] if q.id == "title_field" else ["n"]
            await pilot.press(*keys, "enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert {"title", "years_after_title"} <= set(seen)
        assert isinstance(app.screen, ResultScreen)
        assert app.session is not None and app.session.outcome is not None
        assert app.session.outcome.verdict.qualifying == (1,)
