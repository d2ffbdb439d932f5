"""Text a cut-off copy does not have: its own kind (``missing_text``), never met, said
plainly to the counsellor (原文在此截断，后文缺失，需对照原件), reported INCOMPLETE by the import
and labelled cut off by lint, apart from text the grammar could not read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from baokao.cli import main
from baokao.compiler import compile_level
from baokao.evaluator import evaluate
from baokao.i18n import set_lang, translate
from baokao.importer import import_texts
from baokao.importer.overrides import Overrides
from baokao.lint import lint_level
from baokao.model.conditions import AnyOf, MissingText, WorkYears, missing_text
from baokao.model.profile import Profile
from baokao.model.rules import Occupation
from baokao.rulebook import write_trees
from baokao.session import Session
from baokao.slip import Slip, to_markdown

CUT = """职业名称：测试员
具备以下条件之一者，可申报五级/初级工：
（1）本职业学徒期满。
（2）累计从事本职业工作2年（含）以上，并取得本职
"""


def _import(text: str, name: str = "测试员.txt") -> tuple[Occupation, list[str], list[str]]:
    (occupation,), report = import_texts([(name, text)], Overrides())
    return occupation, report.lines(), report.missing


def test_the_fragment_a_cut_left_is_missing_text_with_its_line() -> None:
    occupation, _, missing = _import(CUT)
    (level,) = occupation.levels
    whole, cut = level.routes
    assert missing_text(whole.conditions) is None
    assert cut.conditions[1] == MissingText(case="cut_off", text="取得本职")
    assert cut.source == "测试员.txt:4"
    assert missing == ["测试员 五级/初级 route 2 (测试员.txt:4): 原文在“取得本职”处截断，后文缺失"]


def test_a_copy_ending_at_a_routes_number_left_nothing_of_it() -> None:
    occupation, lines, _ = _import(CUT.replace("，并取得本职", "。\n（3）"))
    route = occupation.levels[0].routes[2]
    assert route.conditions == (MissingText(case="cut_off"),)
    assert "  原文缺失：测试员 五级/初级 route 3 (测试员.txt:5): 原文在此截断，后文缺失" in lines
    # The marker is said once, not as its text and its reason (the wart of unparsed).
    assert not any(line.count("原文在此截断") > 1 for line in lines)


def test_a_cut_inside_an_or_keeps_the_route_from_being_met() -> None:
    occupation, _, missing = _import(CUT.replace("，并取得本职", "；或取得本职"))
    route = occupation.levels[0].routes[1]
    either, marker = route.conditions
    assert isinstance(either, AnyOf) and isinstance(either.conditions[0], WorkYears)
    assert either.conditions[1] == MissingText(case="cut_off", text="取得本职")
    assert marker == MissingText(case="cut_off")
    assert missing == ["测试员 五级/初级 route 2 (测试员.txt:4): 原文在“取得本职”处截断，后文缺失"]
    verdict = evaluate(occupation.levels[0], Profile(years_this=9, apprenticeship="none"))
    assert verdict.status == "undetermined" and verdict.qualifying == ()


def test_a_level_with_nothing_under_it_is_missing_text() -> None:
    text = CUT.replace(
        "（1）本职业学徒期满。", "具备以下条件之一者，可申报四级/中级工：\n（1）本职业学徒期满。"
    )
    occupation, lines, missing = _import(text)
    empty = next(lv for lv in occupation.levels if lv.number == 5)
    (route,) = empty.routes
    assert route.conditions == (MissingText(case="empty_level"),)
    assert "测试员 五级/初级 route 1 (测试员.txt:2): 这份副本在此级别下没有条件" in missing
    # The review says so for the level, not "途径 0 条" beside a level that has a route.
    assert "  五级/初级（第2行）：此级别下没有条件，需对照原件" in lines
    assert "  四级/中级（第3行）：途径 2 条" in lines


def test_the_review_says_incomplete_where_it_ends_and_what_is_unread_apart() -> None:
    _, lines, _ = _import(CUT)
    assert lines[1:3] == [
        "  不完整：文本在五级/初级第2项中间中断（原文不完整）",
        "  原文止于五级/初级第2条（第4行），其后的文字这份副本没有",
    ]
    assert "  原文没有职业等级一行：其后是否还有等级，需对照原件" in lines
    assert not any(line.startswith("  未读懂：") for line in lines)
    # The flag the cut raised is not said a second time among the flags.
    assert not any("需人工核实 第" in line and "不完整" in line for line in lines)


LADDER = """职业名称：测试员
职业等级：本职业共设三个等级：助理测试师(国家职业资格三级)、测试师(国家职业资格二级)、高级测试师(国家职业资格一级)。
----助理测试师(具备以下条件之一者)
(1)连续从事本职业工作2年以上。
----测试师(具备以下条件之一者)
(1)连续从事本职业工作5年以上。
(2)取得本职
"""


def test_the_review_names_the_levels_the_ladder_lists_that_the_copy_lacks() -> None:
    _, lines, _ = _import(LADDER)
    assert "  职业等级中列出、这份副本没有的等级：一级/高级技师" in lines
    _, whole, _ = _import(LADDER.replace("(2)取得本职\n", ""))
    assert any(
        "提示" in line and "职业等级中列出、文本中没有的等级：一级/高级技师" in line
        for line in whole
    )
    assert not any("不完整" in line for line in whole)
    # 高级测试师, with no heading in this copy, is not read as a second level of 测试师.
    assert not any("两处说法不一" in line for line in lines + whole)


def test_lint_labels_missing_text_as_cut_off_not_unparsed() -> None:
    occupation, _, _ = _import(CUT.replace("，并取得本职", "，并取得本职。\n（3）"))
    found = lint_level("t.yaml: 测试员", occupation.levels[0])
    assert (
        "t.yaml: 测试员 五级/初级 route 3 (测试员.txt:5): cut off: the copy ends inside "
        "this route; the rest is missing, check the original" in found
    )
    assert not any("route 3" in line and "unparsed" in line for line in found)
    occupation, _, _ = _import(CUT)
    found = lint_level("t.yaml: 测试员", occupation.levels[0])
    assert (
        "t.yaml: 测试员 五级/初级 route 2 (测试员.txt:4): cut off: the copy ends inside this "
        'route, after "取得本职"; the rest is missing, check the original'
    ) in found


def test_a_cut_route_is_never_met_and_the_closest_route_names_the_cut() -> None:
    occupation, _, _ = _import(CUT)
    level = occupation.levels[0]
    open_ = evaluate(level, Profile(years_this=5, apprenticeship="none"))
    assert open_.status == "undetermined"
    assert open_.unknown == ("原文在“取得本职”处截断，后文缺失，需对照原件",)
    short = evaluate(level, Profile(years_this=1, apprenticeship="none"))
    assert short.status == "not_qualified" and short.closest is not None
    assert short.closest.number == 2
    assert short.unmet == (
        "累计从事本职业工作2年(含)以上：还差 1 年",
        "原文在“取得本职”处截断，后文缺失，需对照原件",
    )
    tree = compile_level(level)
    assert tree.method == "exact"


def test_the_words_are_translated() -> None:
    occupation, _, _ = _import(CUT)
    verdict = evaluate(occupation.levels[0], Profile(years_this=5, apprenticeship="none"))
    set_lang("en")
    try:
        (line,) = verdict.unknown
        assert translate(line) == (
            "the copy of the standard is cut off at “取得本职”; the rest is missing: "
            "check the original"
        )
    finally:
        set_lang("zh")


def test_check_says_the_copy_is_cut_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    occupation, _, _ = _import(CUT)
    write_trees([occupation], tmp_path)
    cases = tmp_path / "cases.json"
    base = {"occupation": "测试员", "level": "五级"}
    cases.write_text(
        json.dumps(
            [
                {**base, "id": "open", "profile": {"years_this": 5, "apprenticeship": "none"}},
                {**base, "id": "short", "profile": {"years_this": 1, "apprenticeship": "none"}},
            ]
        ),
        encoding="utf-8",
    )
    assert main(["check", str(cases), "--json", "--trees", str(tmp_path)]) == 0
    opened, short = json.loads(capsys.readouterr().out)
    said = "原文在“取得本职”处截断，后文缺失，需对照原件"
    assert opened["status"] == "undetermined" and opened["unknown"] == [said]
    assert short["status"] == "not_qualified" and short["closest_route"] == 2
    assert short["unmet"][-1] == said
    assert main(["check", str(cases), "--trees", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count(said) == 2


def test_the_slip_says_the_copy_is_cut_off() -> None:
    occupation, _, _ = _import(CUT)
    session = Session.start(occupation.subjects()[0], 5, date(2026, 5, 1))
    while session.question is not None:
        question = session.question.id
        session = session.answer("none" if question == "apprenticeship" else "1")
    assert session.outcome is not None
    assert session.outcome.verdict.status == "not_qualified"
    slip = to_markdown(Slip.from_session(session))
    assert "原文在“取得本职”处截断，后文缺失，需对照原件" in slip
