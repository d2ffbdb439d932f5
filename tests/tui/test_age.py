"""The TUI asks an age (年满N周岁) as any other question (see tests/unit/test_age.py)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_age import OCCUPATION

from baokao.rulebook import load_rulebook
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose

from .helpers import app_on, screen_text


async def test_the_tui_asks_the_age(tmp_path: Path) -> None:
    app = app_on([OCCUPATION], tmp_path)
    assert load_rulebook(tmp_path / "rules").find("年龄测试职业")
    async with app.run_test() as pilot:
        await choose(pilot, "9-99-99-09", "5")
        while app.session is not None and app.session.question is not None:
            if app.session.question.id == "age":
                break
            await pilot.press("2" if app.session.question.kind != "years" else "3", "enter")
            await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "您今年多少周岁？" in screen_text(app)
        await pilot.press("1", "7", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(5):
            if isinstance(app.screen, ResultScreen):
                break
            await pilot.press("3", "enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert "年满18周岁" in screen_text(app)
