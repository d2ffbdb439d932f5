"""Letter keys work in capitals too (Shift or Caps Lock), and Ctrl+P keeps Textual's own
commands (Theme, Keys, Screenshot) next to the app's."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from baokao import i18n
from baokao.tui.app import BaokaoApp
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screens.save import SaveScreen
from baokao.tui.screens.start import StartScreen
from baokao.tui.screenshots import BEAUTY_QUALIFIED, make_app, run_candidate, search

from .helpers import screen_text


async def test_capital_letters_do_what_the_small_ones_do(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("S")  # Shift+S, or s with Caps Lock
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("N")  # like n: never leaves a result (n is 否 on the question before)
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await search(pilot, "mrs")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # the all-levels interview
        assert "美容师 · 全部等级" in screen_text(app)


async def test_capitals_are_not_shown_twice_in_the_footer(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        shown = [k for k, b in app.screen.active_bindings.items() if b.binding.show]
        assert "s" in shown and "S" not in shown


async def palette_titles(app: BaokaoApp) -> list[str]:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(OptionList)
        return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_palette_lists_textuals_commands_beside_the_apps(tmp_path: Path) -> None:
    app = make_app(lang="en", slip_dir=tmp_path)
    try:
        titles = "\n".join(await palette_titles(app))
    finally:
        i18n.set_lang("zh")
    for title in ("Save slip", "Next candidate", "Theme", "Keys", "Screenshot", "Quit"):
        assert title in titles, titles
    assert titles.count("Quit") == 1


async def test_palette_in_chinese_is_all_chinese(app: BaokaoApp) -> None:
    titles = "\n".join(await palette_titles(app))
    for title in ("保存结果单", "下一位考生", "主题", "按键", "截图", "退出"):
        assert title in titles, titles
    assert "Theme" not in titles and "Keys" not in titles
