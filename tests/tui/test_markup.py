"""Rule text that looks like markup is shown literally, everywhere it appears."""

from __future__ import annotations

from pathlib import Path

import pytest

from baokao import i18n
from baokao.tui.app import BaokaoApp
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import TODAY, answer, choose

from .helpers import screen_text

ROUTE_1 = "1、[b]x[/b] 累计从事本职业工作1年（含）以上，见[link=https://example.com]官方[/link]"
ROUTE_2 = "2、本职业学徒期满[/]"
RULES = f"""\
code: 9-99-99-99
name: 标记师
levels:
- number: 5
  label: 五级/初级
  routes:
  - number: 1
    text: "{ROUTE_1}"
    conditions:
    - kind: work_years
      years: 1.0
      mode: cumulative
      text: "[b]x[/b] 累计从事本职业工作1年(含)以上"
  - number: 2
    text: "{ROUTE_2}"
    conditions:
    - kind: apprenticeship
      text: 本职业学徒期满
"""


@pytest.fixture
def markup_app(tmp_path: Path) -> BaokaoApp:
    trees = tmp_path / "trees"
    trees.mkdir()
    (trees / "标记师.yaml").write_text(RULES, encoding="utf-8")
    made = BaokaoApp(trees=trees, today=TODAY, slip_dir=tmp_path / "slips")
    yield made
    i18n.set_lang("zh")


async def test_markup_in_routes_is_shown_literally(markup_app: BaokaoApp) -> None:
    app = markup_app
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, "9-99", "5")
        assert isinstance(app.screen, QuestionScreen)
        side = screen_text(app)
        assert ROUTE_1 in side
        assert ROUTE_2 in side
        await answer(pilot, {"years_this": "0.5"})
        assert isinstance(app.screen, ResultScreen)
        result = screen_text(app)
        assert ROUTE_1 in result
        assert "[b]x[/b] 累计从事本职业工作1年(含)以上" in result
