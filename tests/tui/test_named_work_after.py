"""The TUI asks years in named work after a certificate in the text's words (see
tests/unit/test_named_work_after.py)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_named_work_after import OCCUPATION, SALES

from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import choose

from .helpers import app_on, screen_text


async def test_the_tui_asks_years_in_named_work_after_the_certificate(tmp_path: Path) -> None:
    app = app_on([OCCUPATION], tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await choose(pilot, "9-99-99-17", "4")
        shown: list[str] = []
        while app.session is not None and app.session.question is not None:
            q = app.session.question
            shown.append(q.id)
            if q.kind == "years":
                if q.id == f"after:this:{SALES}":
                    assert "取得这本证书后，您累计从事推销工作多少年？" in screen_text(app)
                await pilot.press("2" if q.id.startswith("after:") else "0", "enter")
            else:  # the certificate: 5 = 五级 (初级), as the keys say
                await pilot.press("5")
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert f"after:this:{SALES}" in shown
        assert isinstance(app.screen, ResultScreen)
        assert app.session is not None and app.session.outcome is not None
        assert app.session.outcome.verdict.qualifying == (1,)
