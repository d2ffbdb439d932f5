"""The desk's day, driven through the real app: records, resume, history, slips, quitting."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import DataTable, Input

from baokao.tui.app import BaokaoApp
from baokao.tui.screens.candidate import CandidateScreen
from baokao.tui.screens.confirm import ConfirmScreen
from baokao.tui.screens.history import HistoryScreen
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screens.save import SaveScreen
from baokao.tui.screens.start import StartScreen
from baokao.tui.screenshots import (
    BEAUTY_QUALIFIED,
    BEAUTY_SHORT,
    NUTRITION_SHORT,
    Candidate,
    choose,
    default_answer,
    keys_for,
    make_app,
    run_candidate,
    wait_ready,
)

from .helpers import screen_text, table_rows

VALID_ID = "11010519491231002X"


def desk_app(tmp_path: Path, **kw: object) -> BaokaoApp:
    """An app whose records, settings and slips all live in ``tmp_path``."""
    return make_app(
        slip_dir=tmp_path / "slips",
        db=str(tmp_path / "records.sqlite3"),
        prefs=tmp_path / "settings.json",
        **kw,  # type: ignore[arg-type]
    )


async def answer_n(pilot: object, app: BaokaoApp, script: dict[str, str], n: int) -> list[str]:
    """Answer ``n`` questions (from ``script``, else the default answer); their ids."""
    asked = []
    for _ in range(n):
        assert app.session is not None and app.session.question is not None
        question = app.session.question
        asked.append(question.id)
        await pilot.press(*keys_for(app, script.get(question.id) or default_answer(app)))  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
    return asked


async def enter_candidate(pilot: object, name: str, id_number: str) -> None:
    await pilot.press("f3")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press(*name, "enter", *id_number, "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_quit_after_three_answers_then_resume_at_question_four(tmp_path: Path) -> None:
    first = desk_app(tmp_path)
    async with first.run_test() as pilot:
        await choose(pilot, NUTRITION_SHORT.query, NUTRITION_SHORT.level)
        asked = await answer_n(pilot, first, dict(NUTRITION_SHORT.answers), 3)
        assert first.session is not None
        kept = first.session.answers
        fourth = first.session.question
        assert fourth is not None and len(kept) == 3
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(first.screen, ConfirmScreen)
        assert "已保存为“未完成”" in screen_text(first) and "已答 3 题" in screen_text(first)
        await pilot.press("enter")
        await pilot.pause()
    assert first.return_code == 0

    again = desk_app(tmp_path)
    async with again.run_test() as pilot:
        await wait_ready(pilot)
        assert "今日 1 位" in screen_text(again)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(again.screen, HistoryScreen)
        ((_, _, subject, level, verdict, _),) = table_rows(again)
        assert (subject, level, verdict) == ("公共营养师", "二级", "未完成（已答 3 题）")
        await pilot.press("enter")
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(again.screen, QuestionScreen)
        assert again.session is not None
        assert again.session.answers == kept
        assert [q.id for q, _ in again.session.answered] == asked
        assert again.session.question == fourth
        assert fourth.text in screen_text(again)


async def test_three_candidates_listed_today_and_a_reprint_is_the_same_slip(
    tmp_path: Path,
) -> None:
    printed = tmp_path / "printed"
    printed.mkdir()
    lp = tmp_path / "lp"  # a print command that files what it is given
    lp.write_text(f'#!/bin/sh\ncp "$1" "{printed}/"\n', encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    app = desk_app(tmp_path)
    app.print_command = str(lp)
    people: list[tuple[Candidate, str, str]] = [
        (BEAUTY_QUALIFIED, "张三", VALID_ID),
        (BEAUTY_SHORT, "李四", ""),
        (NUTRITION_SHORT, "王五", "110105194912310021"),  # wrong check digit: refused
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        slip_text = ""
        for who, name, id_number in people:
            await run_candidate(pilot, who)
            await enter_candidate(pilot, name, id_number)
            if isinstance(app.screen, CandidateScreen):
                assert "校验位不符" in screen_text(app)
                field = app.screen.query_one("#cand-id", Input)
                field.value = ""
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            assert f"考生：{name}" in screen_text(app)
            if name == "张三":
                await pilot.press("s", "enter")
                await pilot.pause()
                (saved,) = (tmp_path / "slips").glob("*.txt")
                slip_text = saved.read_text(encoding="utf-8")
                assert "考生：张三" in slip_text and f"身份证号：{VALID_ID}" in slip_text
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
        assert "今日 3 位" in screen_text(app)
        await pilot.press("f4")
        await pilot.pause()
        rows = table_rows(app)
        assert [(r[1], r[3], r[4]) for r in rows] == [
            ("王五", "二级", "暂不符合"),
            ("李四", "四级", "暂不符合"),
            ("张三", "四级", "符合（第 2 条）"),
        ]
        assert rows[2][5] == "110105********002X"  # the date of birth is not shown
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=2)
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        texts = sorted((tmp_path / "slips").glob("*张三*.txt"))
        assert [p.name for p in texts] == [
            "2025-03-01-张三-美容师-四级-2.txt",
            "2025-03-01-张三-美容师-四级.txt",
        ]
        assert texts[0].read_text(encoding="utf-8") == slip_text
        assert [p.name for p in printed.iterdir()] == ["2025-03-01-张三-美容师-四级-2.pdf"]
        await pilot.press("e")  # export what is listed
        await pilot.pause()
        sheet = load_workbook(tmp_path / "slips" / "考生记录-2025-03-01.xlsx").active
        assert sheet is not None
        assert sorted(str(row[2].value) for row in sheet.iter_rows(min_row=2)) == [
            "张三",
            "李四",
            "王五",
        ]


async def test_reopen_a_result_and_delete_a_record_after_asking(tmp_path: Path) -> None:
    app = desk_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("ctrl+n")
        await run_candidate(pilot, BEAUTY_SHORT)
        await pilot.press("ctrl+n", "f4")
        await pilot.pause()
        await pilot.press("/", *"李")  # nobody is called 李 …
        await pilot.pause()
        assert table_rows(app) == [] and "没有匹配“李”的记录" in screen_text(app)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert table_rows(app) == []  # nothing highlighted, nothing deleted
        app.screen.query_one("#h-search", Input).value = ""
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "不能撤销" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(table_rows(app)) == 2
        await pilot.press("d", "enter")
        await pilot.pause()
        assert [r[4] for r in table_rows(app)] == ["符合（第 2 条）"]
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert "符合报考条件" in screen_text(app)


async def test_a_damaged_records_file_turns_records_off_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "records.sqlite3").write_bytes(b"\x00not sqlite" * 400)
    app = desk_app(tmp_path)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        shown = screen_text(app)
        assert "记录已关闭" in shown and "not a records database" in shown
        assert "Traceback" not in shown
        await run_candidate(pilot, BEAUTY_QUALIFIED)  # the interview still works
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("ctrl+n")  # not saved anywhere: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "还没有保存" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("s", "enter", "ctrl+n")  # saved as a slip: goes at once
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_a_locked_records_file_turns_records_off_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        app = desk_app(tmp_path)
        async with app.run_test() as pilot:
            await wait_ready(pilot)
            assert "记录已关闭" in screen_text(app) and "locked" in screen_text(app)
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)  # no history without records
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def test_save_errors_are_in_chinese_and_the_folder_is_remembered(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    settings = tmp_path / "settings.json"
    app = BaokaoApp(today=make_app().today, db=str(tmp_path / "r.sqlite3"), prefs=settings)
    async with app.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("s")
        await pilot.pause()
        box = app.screen.query_one("#save-folder", Input)
        box.value = str(blocker / "sub")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        assert "无法保存：路径中有一项是文件，不是文件夹" in screen_text(app)
        box.value = str(tmp_path / "chosen")
        await pilot.press("enter")
        await pilot.pause()
        assert len(list((tmp_path / "chosen").iterdir())) == 3  # .md, .txt, .pdf
    later = BaokaoApp(today=make_app().today, db=str(tmp_path / "r.sqlite3"), prefs=settings)
    async with later.run_test() as pilot:
        await run_candidate(pilot, BEAUTY_QUALIFIED)
        await pilot.press("s")
        await pilot.pause()
        assert later.screen.query_one("#save-folder", Input).value == str(tmp_path / "chosen")


async def test_history_is_in_the_command_palette(tmp_path: Path) -> None:
    app = desk_app(tmp_path)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "历史记录（今日 / 历史）" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"历史记录", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "还没有记录" in screen_text(app)
