"""The start screen and level picker, driven with the keyboard and the mouse."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from baokao import i18n
from baokao.tui.app import BaokaoApp
from baokao.tui.screens import preparing
from baokao.tui.screens.level import LevelScreen
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.start import StartScreen
from baokao.tui.screens.too_small import TooSmallScreen
from baokao.tui.screenshots import choose, make_app, search, wait_ready
from baokao.tui.widgets.result_list import ResultList

from .helpers import screen_text


def shown_options(app: BaokaoApp) -> list[str]:
    return app.screen.query_one("#results", ResultList).texts()


async def test_search_box_has_focus_and_typing_filters(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "search"
        assert len(shown_options(app)) == 13
        await pilot.press(*"mrs")
        await pilot.pause()
        assert shown_options(app) == ["美容师  4-10-03-01"]
        assert "1 个结果" in str(app.screen.query_one("#start-count").render())


async def test_full_pinyin_and_code_find_the_occupation(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "meirongshi")
        assert shown_options(app)[0].startswith("美容师")
        await pilot.press(*["backspace"] * 10, *"4-10-03-01")
        await pilot.pause()
        assert shown_options(app)[0].startswith("美容师")


async def test_work_types_are_grouped_under_their_occupation(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "bjams")
        assert shown_options(app) == [
            "保健按摩师  4-10-04-02",
            "  └ 工种：脊柱按摩师",
            "  └ 工种：反射治疗师",
            "  └ 工种：足部按摩师",
        ]


async def test_no_match_says_so(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "zzzz")
        assert shown_options(app) == []
        assert "没有匹配“zzzz”" in str(app.screen.query_one("#start-count").render())


async def test_arrows_move_and_enter_opens_the_level_picker(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "bjams")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        assert app.screen.entry.title == "保健按摩师 · 脊柱按摩师"
        labels = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert labels == [
            "5  五级/初级",
            "4  四级/中级",
            "3  三级/高级",
            "A  全部等级（我能报考哪一级？）",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.focused is not None and app.focused.id == "search"


async def test_clicking_an_entry_picks_it(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "mrs")
        await pilot.click("#results", offset=(3, 1))
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        assert app.screen.entry.occupation == "美容师"


async def test_small_terminal_shows_a_notice_then_recovers(app: BaokaoApp) -> None:
    async with app.run_test(size=(70, 20)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        assert "请把终端放大到至少 80×24" in str(app.screen.query_one("#too-small").render())
        await pilot.press(*"mrs", "enter")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_shrinking_the_terminal_mid_interview_keeps_the_work(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        assert isinstance(app.screen, QuestionScreen)
        await pilot.resize_terminal(79, 24)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.focused is not None and app.focused.id == "q-form"


async def test_english_interface_keeps_rule_names_in_chinese() -> None:
    app = make_app(lang="en")
    try:
        async with app.run_test() as pilot:
            await search(pilot, "mrs")
            assert "1 result ·" in str(app.screen.query_one("#start-count").render())
            assert shown_options(app) == ["美容师  4-10-03-01"]
            await pilot.press("enter")
            await pilot.pause()
            assert "A  All levels (what can I apply for?)" in [
                str(o.prompt) for o in app.screen.query_one(OptionList).options
            ]
    finally:
        i18n.set_lang("zh")


async def test_a_slow_compile_is_announced_then_the_first_question_shows(
    app: BaokaoApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a level's questions are being prepared the start screen says so (and the
    list shows it is busy); when they are ready the first question takes its place."""
    from baokao.tui import ahead as ahead_module

    release = threading.Event()
    real = ahead_module.started

    def slow(*args: object) -> object:
        release.wait(timeout=10)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(ahead_module, "started", slow)
    async with app.run_test() as pilot:
        await search(pilot, "ggyys")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause(preparing.PREPARING_AFTER + 0.2)
        assert isinstance(app.screen, StartScreen)
        assert "正在准备“公共营养师 · 一级/高级技师”的问题" in screen_text(app)
        assert app.screen.query_one("#results").loading
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert not app.start.query_one("#results").loading
        assert "正在准备" not in "\n".join(str(w.render()) for w in app.start.query(Static))


async def test_a_long_compile_shows_its_progress_and_esc_cancels_it_for_good(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hostile 40-route level (tests/fixtures/forty) compiles for seconds: its
    progress shows with Esc to cancel; once cancelled, the interview never pops up. The
    real compile is held where it first reports progress until Esc has been pressed, so
    that it is long on any machine."""
    from baokao.compiler import build
    from baokao.compiler.analysis import Analysis, State
    from baokao.compiler.search import TICK, Greedy
    from baokao.tui.screens.preparing import PreparingScreen

    release = threading.Event()

    class Held(Greedy):
        def policy(self, state: State, a: Analysis) -> int | None:
            chosen = super().policy(state, a)
            if self.chosen == TICK:  # progress was just reported
                release.wait(timeout=10)
            return chosen

    monkeypatch.setattr(build, "Greedy", Held)
    forty = Path(__file__).parents[1] / "fixtures" / "forty"
    app = BaokaoApp(trees=forty, today=date(2026, 5, 1), slip_dir=tmp_path)
    async with app.run_test() as pilot:
        await search(pilot, "9-99-99-01")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause(preparing.PROGRESS_AFTER + 0.8)
        assert isinstance(app.screen, PreparingScreen)
        text = screen_text(app)
        assert "正在准备“四十条途径测试职业 · 三级/高级”的问题" in text
        assert "已分析" in text and "已分析 0 种" not in text and "Esc" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        assert isinstance(app.screen, StartScreen)
        assert app.session is None
        assert not app.start.query_one("#results").loading


async def test_a_long_query_is_repeated_only_in_part(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "qz" * 40)
        assert shown_options(app) == []
        count = str(app.screen.query_one("#start-count").render())
        assert "qz" * 12 + "…" in count and "qz" * 13 not in count
        assert app.screen.query_one("#search", Input).value == "qz" * 40


async def test_keys_move_the_highlight_over_rows_that_can_be_picked(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "按摩")
        results = app.screen.query_one("#results", ResultList)
        assert results.texts()[0] == "保健按摩师  4-10-04-02"
        await pilot.press("ctrl+end")
        assert results.highlighted_entry is not None
        assert results.highlighted_entry.work_type == "足部按摩师"
        await pilot.press("ctrl+home", "down")
        assert results.highlighted_entry is not None
        assert results.highlighted_entry.work_type == "脊柱按摩师"
        await pilot.press("backspace", "backspace", *"脊柱")
        await pilot.pause()
        assert results.texts() == ["保健按摩师  4-10-04-02", "  └ 工种：脊柱按摩师"]
        assert results.highlighted == 1  # the heading cannot be picked
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LevelScreen)
        assert app.screen.entry.work_type == "脊柱按摩师"


async def test_the_pause_before_the_interviews_code_counts_from_the_first_results(
    app: BaokaoApp,
) -> None:
    # The loading thread waits for a pause in typing before it imports the interview's
    # code; before any results are shown there is nothing to pause from, so it waits
    # for them (an index read before the screen was mounted once let it go at once).
    paused = threading.Event()
    waiter = threading.Thread(target=lambda: (app.start.wait_quiet(0, 60), paused.set()))
    waiter.start()
    assert not paused.wait(0.2)  # not mounted: no results yet
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        assert shown_options(app)
        assert paused.wait(10)
    waiter.join()
