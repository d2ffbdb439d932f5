"""The TUI asks a driving licence as any choice question (see tests/unit/test_licence.py)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_licence import OCCUPATION

from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose
from baokao.tui.widgets.choice_list import ChoiceList

from .helpers import app_on, screen_text


async def test_the_tui_asks_the_licence_class(tmp_path: Path) -> None:
    app = app_on([OCCUPATION], tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, "9-99-99-10", "4")
        while app.session is not None and app.session.question is not None:
            if app.session.question.id == "driving_licence":
                break
            await pilot.press("2" if app.session.question.kind != "years" else "3", "enter")
            await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        text = screen_text(app)
        assert "您持有的机动车驾驶证，准驾车型是哪一类？" in text
        shown = str(app.screen.query_one(ChoiceList).render())
        assert "B2 大型货车" in shown and "没有机动车驾驶证" in shown
        await pilot.press("5")  # B2: covers C1, not B1
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(5):
            if isinstance(app.screen, ResultScreen):
                break
            await pilot.press("3", "enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert app.session is not None and dict(app.session.answers)["driving_licence"] == "B2"
