"""A route whose copy of the standard is cut off, as the counsellor sees it in the TUI: the
side panel says so under the route's text, and the result names it among what is still
to be checked."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_missing_text import CUT

from baokao.importer import import_texts
from baokao.importer.overrides import Overrides
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose, keys_for

from .helpers import app_on, screen_text

SAID = "原文在“取得本职”处截断，后文缺失，需对照原件"


async def test_the_panel_and_the_result_say_the_copy_is_cut_off(tmp_path: Path) -> None:
    occupations, _ = import_texts([("测试员.txt", CUT)], Overrides())
    app = app_on(occupations, tmp_path)
    async with app.run_test() as pilot:
        await choose(pilot, "测试员", "5")
        assert isinstance(app.screen, QuestionScreen)
        assert SAID in screen_text(app)
        answers = {"apprenticeship": "none"}
        for _ in range(6):
            session = app.session
            if session is None or session.question is None:
                break
            await pilot.press(*keys_for(app, answers.get(session.question.id, "5")))
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert SAID in screen_text(app)
