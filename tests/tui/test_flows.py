"""Complete candidates, driven with keys on the real app, checked on screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from baokao.tui.app import BaokaoApp
from baokao.tui.screens.all_levels import AllLevelsScreen
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screens.start import StartScreen
from baokao.tui.screenshots import (
    BEAUTY_QUALIFIED,
    HR_ALL,
    NUTRITION_SHORT,
    SPINE,
    Candidate,
    answer,
    choose,
    run_candidate,
)
from baokao.tui.widgets.answer_form import AnswerForm
from baokao.tui.widgets.routes_panel import RoutesPanel
from baokao.tui.widgets.years_field import YearsField

from .helpers import screen_text, table_rows


async def test_beauty_level_four_qualifies(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "美容师 · 四级/中级" in text
        assert "✔ 符合报考条件" in text
        assert "依据第 2 条：" in text
        assert "2、累计从事本职业工作6年（含）以上" in text
        assert "报名请携带" in text and "工作年限证明" in text
        assert "您累计从事本职业工作多少年？" in text  # the answers are listed


async def test_nutritionist_level_two_is_short_by_two_years(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, NUTRITION_SHORT)
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "✘ 暂不符合报考条件" in text
        assert "最接近的条件：第 2 条" in text
        assert "取得本职业三级公共营养师职业资格证书后，连续从事本职业工作5年以上" in text
        assert "还差 2 年" in text
        assert "2027年3月1日" in text


async def test_a_work_type_of_the_massage_occupation(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, SPINE)
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "保健按摩师 · 脊柱按摩师 · 四级/中级" in text
        assert "✔ 符合报考条件" in text
        assert "累计从事本职业或相关职业工作4年（含）以上" in text


async def test_all_levels_of_the_hr_manager(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, HR_ALL)
        assert isinstance(app.screen, AllLevelsScreen)
        rows = table_rows(app)
        assert [r[0] for r in rows] == ["四级/中级", "三级/高级", "二级/技师", "一级/高级技师"]
        assert "符合报考条件" in rows[0][1]
        assert rows[0][2].startswith("第 ")
        assert all("暂不符合" in r[1] for r in rows[1:])
        assert "目前可报考的最高等级：四级/中级" in screen_text(app)
        await pilot.press("down")  # the detail follows the highlighted level
        await pilot.pause()
        assert "最接近的条件" in screen_text(app)


async def test_back_and_change_reach_a_different_verdict(app: BaokaoApp) -> None:
    short = Candidate("mrs", "4", {"years_this": "3"})
    async with app.run_test() as pilot:
        await choose(pilot, short.query, short.level)
        assert isinstance(app.screen, QuestionScreen)
        first = app.session.question
        assert first is not None
        await answer(pilot, short.answers, stop_at=None)
        assert isinstance(app.screen, ResultScreen)
        assert "暂不符合报考条件" in screen_text(app)
        # Esc goes back to the last question, and the same answer returns to the result.
        answered = len(app.session.answers)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert len(app.session.answers) == answered - 1
        await answer(pilot, short.answers)
        assert isinstance(app.screen, ResultScreen)
        # Change the years to 6: qualified by route 2.
        ids = [q.id for q, _ in app.session.answered]
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(str(ids.index("years_this") + 1))
        await pilot.pause()
        assert isinstance(app.focused, AnswerForm) and app.focused.question.id == "years_this"
        await pilot.press(*["backspace"] * 4, "6", "enter")
        await pilot.pause()
        await answer(pilot, {})
        assert isinstance(app.screen, ResultScreen)
        assert "✔ 符合报考条件" in screen_text(app)
        assert dict(app.session.answers)["years_this"] == 6


async def test_years_are_checked_as_they_are_typed(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        await answer(pilot, {}, stop_at="years_this")
        assert app.session.question.id == "years_this"
        await pilot.press("x")
        await pilot.pause()
        assert "请输入年数" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.question.id == "years_this"  # not accepted, no crash
        await pilot.press("backspace", "-", "1", "enter")
        await pilot.pause()
        assert app.session.question.id == "years_this"
        assert "年数不能是负数" in screen_text(app)
        await pilot.press("backspace", "backspace", "６", "enter")  # full-width digit
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_saving_a_slip_writes_both_files(app: BaokaoApp, tmp_path: Path) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("s")
        await pilot.pause()
        folder = app.screen.query_one("#save-folder", Input)
        assert folder.value == str(tmp_path / "slips")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        md = tmp_path / "slips" / "2025-03-01-美容师-四级.md"
        txt = md.with_suffix(".txt")
        assert str(md) in screen_text(app)
        content = md.read_text(encoding="utf-8")
        assert "符合报考条件" in content
        assert "2、累计从事本职业工作6年（含）以上" in content
        assert "您累计从事本职业工作多少年？ —— 6" in content
        assert "工作年限证明" in txt.read_text(encoding="utf-8")


async def test_saving_into_a_bad_folder_explains_and_stays(app: BaokaoApp, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#save-folder", Input).value = str(blocker / "sub")
        await pilot.press("enter")
        await pilot.pause()
        assert "无法保存" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


async def test_next_candidate_clears_everything_in_one_key(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("n")  # N is 否 on the question before: here it does nothing
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.session is None
        search = app.screen.query_one("#search", Input)
        assert search.value == "" and app.focused is search


async def test_escape_on_the_first_question_returns_to_the_search(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.focused is not None and app.focused.id == "search"


async def test_command_palette_offers_the_main_actions(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles[:4] == ["保存结果单", "我的回答", "返回上一题", "下一位考生"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"下一位", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_going_back_offers_the_answer_taken_back(app: BaokaoApp) -> None:
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        await answer(pilot, {"years_this": "3"}, stop_at="school")
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.question.id == "years_this"
        assert isinstance(app.focused, AnswerForm)
        assert app.focused.query_one(YearsField).value == "3"
        await pilot.press("7", "enter")  # typing replaces the offered answer
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert dict(app.session.answers)["years_this"] == 7


async def test_certificate_questions_take_the_level_number_as_the_key(app: BaokaoApp) -> None:
    """4 is 四级 on a certificate question, as in the level picker; 0 is none."""
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        assert app.session.question.id == "cert_this"
        lines = screen_text(app)
        assert "4 = 四级" in lines  # the hint says so
        await pilot.press("4")
        await pilot.pause()
        assert dict(app.session.answers)["cert_this"] == "4"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("0")
        await pilot.pause()
        assert dict(app.session.answers)["cert_this"] == "none"


async def test_the_side_panel_follows_the_answers(app: BaokaoApp) -> None:
    """After an answer the panel says why the new question is asked, and a route the
    answer ruled out is no longer listed."""
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        panel = app.screen.query_one(RoutesPanel)
        assert "1、取得本职业五级/初级工职业资格证书" in panel.text.plain
        await pilot.press("0")  # no certificate: route 1 is out
        await pilot.pause()
        assert app.session.question.id == "years_this"
        shown = panel.text.plain
        assert shown.startswith("为什么问这个\n累计年限")
        assert "1、取得本职业五级/初级工职业资格证书" not in shown
        assert "2、累计从事本职业工作6年（含）以上" in shown


async def test_page_down_scrolls_a_long_side_panel_and_the_next_question_starts_at_its_top(
    app: BaokaoApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "qyrl", "a")  # all levels: dozens of routes in the panel
        panel = app.screen.query_one(RoutesPanel)
        assert panel.virtual_size.height > panel.scrollable_content_region.height
        await pilot.press("pagedown")
        await pilot.pause()
        assert panel.scroll_offset.y > 0
        assert isinstance(app.focused, AnswerForm)  # the next key still answers
        await pilot.press("3", "enter")
        await pilot.pause()
        assert app.session.answers and panel.scroll_offset.y == 0
