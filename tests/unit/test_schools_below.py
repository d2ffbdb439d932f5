"""Schools below 中专 (高中, 初中) and degrees (学位), end to end.

"具有高中以上学历（或同等学历）" is met by 高中 and every school of the 高中 stage or above,
the 技工院校 included; "初中以上学历" by 初中 and all of those (docs/interpretation.md).
"""

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
from baokao.model.schools import meets_degree
from baokao.session import Session

TEXTS = (
    "具有高中以上学历(或同等学历),连续从事本职业工作3年以上",
    "具有非医药卫生专业初中以上学历证书,连续从事本职业工作5年以上",
    "具有心理学、教育学、医学专业博士学位",
)
ROUTES = tuple(
    Route(number=n, text=f"{n}、{t}", conditions=parse_conditions(t))
    for n, t in enumerate(TEXTS, start=1)
)
LEVEL = Level(number=4, label="四级/中级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-11", name="学历测试职业", levels=(LEVEL,))


@pytest.mark.parametrize(
    ("text", "degree", "fields", "exclude"),
    [
        ("具有初中以上学历", "初中", None, False),
        ("具有高中以上学历(或同等学历)", "高中", None, False),
        ("具有非医药卫生专业高中以上学历证书", "高中", ("医药卫生",), True),
        ("具有心理学、教育学、医学专业博士学位", "博士研究生", ("心理学", "教育学", "医学"), False),
        (
            "具有心理学、教育学、医学专业本科及以上学历",
            "大学本科",
            ("心理学", "教育学", "医学"),
            False,
        ),
        ("取得硕士学位", "硕士研究生", None, False),
    ],
)
def test_the_grammar_reads_schools_below_zhongzhuan_and_degrees(
    text: str, degree: str, fields: tuple[str, ...] | None, exclude: bool
) -> None:
    (edu,) = parse_conditions(text)
    assert isinstance(edu, Education)
    assert (edu.min_degree, edu.fields, edu.exclude_fields) == (degree, fields, exclude)


def test_the_ladder_below_zhongzhuan() -> None:
    for school in ("高中", "中等职业学校", "技工学校", "技师学院", "高等职业学校", "大学本科"):
        assert meets_degree(school, "高中") and meets_degree(school, "初中"), school
    assert meets_degree("初中", "初中") and not meets_degree("初中", "高中")
    # A 技工院校 or a 高中 is of the 高中 stage only: not a 中专 or above.
    for school in ("高中", "技工学校", "技师学院"):
        assert not meets_degree(school, "中专") and not meets_degree(school, "大学专科")


def _edu(school: str, fields: tuple[str, ...] = ()) -> tuple[EducationEntry, ...]:
    return (EducationEntry.model_validate({"school": school, "fields": fields}),)


def test_the_evaluator_judges_schools_below_zhongzhuan() -> None:
    years = {"years_this": 6.0, "years_this_continuous": 6.0}
    for school in ("高中", "技工学校", "中等职业学校"):
        v = evaluate(LEVEL, Profile(education=_edu(school, ("医药卫生",)), **years))
        assert v.qualifying == (1,), school  # 医药卫生: not route 2
    junior = evaluate(LEVEL, Profile(education=_edu("初中"), **years))
    assert junior.qualifying == (2,)
    short = evaluate(LEVEL, Profile(education=_edu("初中"), years_this=4, years_this_continuous=4))
    assert short.status == "not_qualified"
    doctor = evaluate(LEVEL, Profile(education=_edu("博士研究生", ("心理学",)), years_this=0))
    assert 3 in doctor.qualifying


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    asked = every_path_agrees(LEVEL)
    assert {"school", "fields"} <= asked


def test_a_session_offers_high_school_and_a_candidate_from_one_qualifies() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 4, date(2026, 5, 1))
    answers = {"school": "高中", "status": "graduated", "fields": "other"}
    while session.question is not None:
        q = session.question
        if q.id == "school":
            assert ("高中", "普通高中") in [(c.value, c.label) for c in q.choices]
            assert "初中" in [c.value for c in q.choices]
        session = session.answer(answers.get(q.id, "4"))
    assert session.outcome is not None
    assert session.outcome.verdict.qualifying == (1,)


def test_check_reads_high_school_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = {"education": [{"school": "初中", "fields": []}], "years_this_continuous": 5}
    case = {"id": "a", "occupation": "学历测试职业", "level": "四级", "profile": profile}
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "qualified" and result["qualifying_routes"] == [2]
