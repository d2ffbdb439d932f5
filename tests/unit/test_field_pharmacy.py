"""The discipline tag 药学 (医药商品购销员: 中等以上职业学校药学专业毕业证书), end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.agree import every_path_agrees
from tests.support.check import check_json

from baokao.evaluator import evaluate
from baokao.importer.grammar import parse_conditions
from baokao.model.conditions import Education
from baokao.model.profile import EducationEntry, Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.session import Session

TEXT = "取得经劳动保障行政部门审核认定的、以中级技能为培养目标的中等以上职业学校药学专业毕业证书"
ROUTES = (
    Route(number=1, text=f"1、{TEXT}", conditions=parse_conditions(TEXT)),
    Route(
        number=2,
        text="2、连续从事本职业工作5年以上",
        conditions=parse_conditions("连续从事本职业工作5年以上"),
    ),
)
LEVEL = Level(number=4, label="四级/中级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-15", name="药学测试职业", levels=(LEVEL,))


def _pharmacy(*fields: str) -> Profile:
    entry = EducationEntry(school="中等职业学校", fields=fields, skill_goal="intermediate")
    return Profile(education=(entry,), years_this=1, years_this_continuous=1)


def test_the_grammar_reads_the_tag() -> None:
    (edu,) = ROUTES[0].conditions
    assert isinstance(edu, Education) and edu.fields == ("药学",)
    assert edu.skill_goal == "intermediate" and "中等职业学校" in edu.schools


def test_the_evaluator_judges_the_tag() -> None:
    assert evaluate(LEVEL, _pharmacy("药学")).qualifying == (1,)
    assert evaluate(LEVEL, _pharmacy("医学")).status == "not_qualified"
    assert evaluate(LEVEL, _pharmacy()).status == "not_qualified"


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    assert "fields" in every_path_agrees(LEVEL)


def test_a_session_offers_the_tag_and_a_pharmacy_graduate_qualifies() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 4, date(2026, 5, 1))
    answers = {"school": "中等职业学校", "status": "graduated", "fields": "药学"}
    answers["skill_goal"] = "intermediate"
    while session.question is not None:
        q = session.question
        if q.id == "fields":
            assert ("药学", "药学类") in [(c.value, c.label) for c in q.choices]
        session = session.answer(answers.get(q.id, "1"))
    assert session.outcome is not None
    assert session.outcome.verdict.qualifying == (1,)


def test_check_reads_the_tag_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = {"school": "中等职业学校", "fields": ["药学"], "skill_goal": "intermediate"}
    case = {
        "id": "a",
        "occupation": "药学测试职业",
        "level": "四级",
        "profile": {"education": [entry]},
    }
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "qualified" and result["qualifying_routes"] == [1]
