"""Years in work the text names in its own words (从事推销工作2年以上), end to end.

Each (work, 累计/连续) is a count of its own, asked in the text's words; where the named
work is the occupation's own (从事心理咨询工作 for 心理咨询师) the importer reads it as
本职业 years, by one rule (model/named_work.py ``is_own_work``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.agree import every_path_agrees
from tests.support.check import check_json

from baokao.evaluator import evaluate
from baokao.importer import import_texts
from baokao.importer.grammar import parse_conditions
from baokao.importer.overrides import Overrides
from baokao.model.conditions import Certificate, NamedWork, Unparsed, WorkYears, leaves
from baokao.model.named_work import is_own_work
from baokao.model.profile import Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.session import Session

TEXTS = (
    "从事推销工作3年以上",
    "连续从事推销工作2年以上,累计从事本职业工作1年以上",
    "担任项目管理领导工作1年以上",
)
ROUTES = tuple(
    Route(number=n, text=f"{n}、{t}", conditions=parse_conditions(t))
    for n, t in enumerate(TEXTS, start=1)
)
LEVEL = Level(number=4, label="四级/中级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-13", name="推销测试师", levels=(LEVEL,))


@pytest.mark.parametrize(
    ("text", "work", "years", "mode"),
    [
        ("从事推销工作2年以上", "从事推销工作", 2, "cumulative"),
        ("连续从事心理咨询工作满3年", "从事心理咨询工作", 3, "continuous"),
        ("从事职业培训工作满3年", "从事职业培训工作", 3, "cumulative"),
        ("担任项目管理领导工作1年以上", "担任项目管理领导工作", 1, "cumulative"),
        ("任项目管理领导2年以上", "担任项目管理领导工作", 2, "cumulative"),
    ],
)
def test_the_grammar_reads_named_work(text: str, work: str, years: float, mode: str) -> None:
    (leaf,) = parse_conditions(text)
    assert isinstance(leaf, NamedWork)
    assert (leaf.work, leaf.years, leaf.mode, leaf.text) == (work, years, mode, text)


@pytest.mark.parametrize("text", ["累计从事本职业工作3年", "从事相关职业工作2年以上"])
def test_this_and_related_work_stay_work_years(text: str) -> None:
    (leaf,) = parse_conditions(text)
    assert isinstance(leaf, WorkYears)


def test_named_work_after_a_certificate_is_not_read_as_a_total() -> None:
    # The certificate's own years in that work since (tests/unit/test_named_work_after.py).
    (cert,) = parse_conditions("取得初级推销员职业资格证书后,从事推销工作2年以上")
    assert isinstance(cert, Certificate) and cert.after is not None
    assert (cert.after.work, cert.after.years) == ("从事推销工作", 2)
    cert, years = parse_conditions("取得初级推销员职业资格证书后,连续从事推销工作2年以上")
    assert isinstance(cert, Certificate) and cert.text == "取得初级推销员职业资格证书后"
    assert isinstance(years, Unparsed) and years.text == "连续从事推销工作2年以上"
    assert years.reason is not None and "证书后" in years.reason


def test_the_occupations_own_work_is_this_occupation() -> None:
    assert is_own_work("从事心理咨询工作", "心理咨询师")
    assert is_own_work("从事项目管理工作", "项目管理师")
    assert not is_own_work("从事职业培训工作", "企业培训师")
    assert not is_own_work("从事推销工作", "营销师")
    assert not is_own_work("担任项目管理领导工作", "项目管理师")
    text = "心理咨询师\n三级\n1、连续从事心理咨询工作满3年。\n2、累计从事本职业工作5年。\n"
    occupations, _ = import_texts([("心理咨询师.txt", text)], Overrides())
    level = occupations[0].subjects()[0].levels[0]
    (own,) = list(leaves(level.routes[0].conditions))
    assert own == WorkYears(
        years=3, mode="continuous", scope="this", text="连续从事心理咨询工作满3年"
    )


def _named(*entries: dict[str, object]) -> Profile:
    return Profile.model_validate({"named_work": list(entries), "years_this": 2})


def test_the_evaluator_judges_named_work() -> None:
    sales = _named({"work": "从事推销工作", "years": 3, "continuous_years": 1})
    assert evaluate(LEVEL, sales).qualifying == (1,)
    short = _named(
        {"work": "从事推销工作", "years": 2.5, "continuous_years": 2.5},
        {"work": "担任项目管理领导工作", "years": 0},
    )
    verdict = evaluate(LEVEL, short)
    assert verdict.qualifying == (2,)
    none = evaluate(
        LEVEL,
        _named(
            {"work": "从事推销工作", "years": 1, "continuous_years": 1},
            {"work": "担任项目管理领导工作", "years": 0.5},
        ),
    )
    assert none.status == "not_qualified"
    assert none.unmet == ("担任项目管理领导工作1年以上：还差 6 个月",)
    unknown = evaluate(LEVEL, Profile(years_this=2))
    assert unknown.status == "undetermined"
    assert "named_work[从事推销工作]" in unknown.unknown


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    asked = every_path_agrees(LEVEL)
    assert {"work:cumulative:从事推销工作", "work:continuous:从事推销工作"} <= asked


def test_a_session_asks_in_the_texts_words() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 4, date(2026, 5, 1))
    texts = []
    while session.question is not None:
        texts.append(session.question.text)
        session = session.answer("0.5")
    assert "您累计从事推销工作多少年？" in texts
    assert session.outcome is not None and session.outcome.verdict.status == "not_qualified"


def test_check_reads_named_work_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = {"named_work": [{"work": "担任项目管理领导工作", "years": 1}]}
    case = {"id": "a", "occupation": "推销测试师", "level": "四级", "profile": profile}
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "qualified" and result["qualifying_routes"] == [3]
