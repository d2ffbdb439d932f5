"""Mojibake a copy made by losing one GBK byte is read again, only where certain, noted."""

from __future__ import annotations

from collections.abc import Callable

from baokao.importer import import_texts
from baokao.importer.grammar import read_route
from baokao.importer.mojibake import mend
from baokao.importer.overrides import Overrides
from baokao.model.conditions import Condition, Education, NamedWork, Unparsed, leaves


def test_a_traditional_run_one_byte_over_reads_as_its_words_with_a_note() -> None:
    # 大學專科營銷 with the first byte of 專 (8C A3) lost: ``??茽I`` in the 营销师 copy.
    read = read_route("大學??茽I銷專業畢業後並從事推銷工作2年以上。", occupation="营销师")
    edu, work = read.conditions
    assert isinstance(edu, Education) and edu.min_degree == "大学专科"
    assert isinstance(work, NamedWork) and work.years == 2
    (note,) = [n for n in read.notes if "乱码" in n]
    assert "“??茽I”" in note and "“專科營”" in note


def test_a_run_whose_last_character_lost_its_trail_is_read_too() -> None:
    # 校 (D0 A3) lost its lead at the start of the run and its trail at the end.
    read = read_route(
        "取得本专业或相关专业的技工院?;蛑械燃耙陨现耙翟盒?、专科及以上普通高等学校毕业证书"
    )
    (edu,) = read.conditions
    assert isinstance(edu, Education)
    assert "中等职业学校" in edu.schools and "技工学校" in edu.schools
    assert edu.min_degree == "大学专科"
    (note,) = read.notes
    assert "校或中等及以上职业院校" in note


def test_a_dropped_byte_leaves_a_full_width_question_mark_and_is_read_too() -> None:
    # 專 (8C A3) lost its lead byte outright: A3 and 科's lead BF printed as ？ (folded ?).
    read = read_route("具有醫學或食品專業大學?萍耙陨蠈W歷證書。")
    (edu,) = read.conditions
    assert isinstance(edu, Education) and edu.min_degree == "大学专科"
    assert edu.fields == ("医学", "食品")
    (note,) = read.notes
    assert "“專科及以上學”" in note


def test_two_runs_in_one_route_are_mended_one_after_the_other() -> None:
    read = read_route(
        "取得本專業或相關專業的技工院?;蛑械燃耙陨下殬I院校、??萍耙陨掀胀ǜ叩葘W校畢業證書"
    )
    (edu,) = read.conditions
    assert isinstance(edu, Education) and edu.min_degree == "大学专科"
    assert "中等职业学校" in edu.schools
    first, second = read.notes
    assert "校或中等及以上職業" in first and "專科及以上普通高等學" in second


def _reads(*known: str) -> Callable[[str], tuple[Condition, ...]]:
    """A reading that understands a text only if it holds one of ``known``."""
    return lambda text: () if any(k in text for k in known) else (Unparsed(text=text),)


def test_the_lost_character_is_filled_only_when_one_filling_reads() -> None:
    text = "大學??茽I銷專業畢業"
    mended, notes = mend(text, _reads("大學專科營銷"))
    assert mended == "大學專科營銷專業畢業" and len(notes) == 1
    # 專 and 校 both have the byte A3 that survived and make a word beside 學 or 科
    # (大学专科, 学校): if both fillings read, the run stays as printed.
    assert mend(text, _reads("科營銷")) == (text, ())
    # 本 (B1 BE) does not have it: 本科 is never a filling, whatever would read.
    assert mend(text, _reads("大學本科營銷")) == (text, ())


def test_text_with_a_question_mark_that_is_not_a_lost_byte_is_left_alone() -> None:
    read = read_route("取得本职业初级职业资格证书?后,连续从事本职业工作3年以上")
    assert not any("乱码" in note for note in read.notes)
    garbled = read_route("取得本专业的技工院??蛑械燃耙陨现耙翟盒?、专科毕业证书")
    unread = [leaf for leaf in leaves(garbled.conditions) if isinstance(leaf, Unparsed)]
    assert unread and garbled.notes == ()


SECTION = """职业名称：营销师
三级/高级
具备以下条件之一者，可申报三级/高级：
（1）大學??茽I銷專業(含經濟管理專業)畢業後並從事推銷工作2年以上。
"""


def test_the_route_keeps_its_printed_text_and_is_marked_for_review() -> None:
    (occupation,), report = import_texts([("营销师.txt", SECTION)], Overrides())
    (route,) = occupation.levels[0].routes
    assert "??茽I" in route.text
    assert route.review is not None and "專科營" in route.review
    assert any("??茽I" in line and "营销师.txt:4" in line for line in report.lines())
    assert not any(isinstance(leaf, Unparsed) for leaf in leaves(route.conditions))


def test_a_route_with_too_many_ways_to_mend_is_left_as_printed_after_a_bounded_search() -> None:
    # Every candidate "reads better", so no one way can be shown to be the only one: the
    # search stops after a bounded number of readings and the text stays as printed.
    text = "技工院?;蛑械燃耙陨现耙翟盒?、" * 12
    calls: list[str] = []

    def reads_anything_with_fewer_marks(candidate: str) -> tuple[Condition, ...]:
        calls.append(candidate)
        return tuple(Unparsed(text=f"?{i}") for i in range(candidate.count("?")))

    assert mend(text, reads_anything_with_fewer_marks) == (text, ())
    assert len(calls) <= 41
