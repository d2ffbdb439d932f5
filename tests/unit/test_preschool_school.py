"""幼师、幼师职业高中毕业 (the 2000s 保育员 standard), end to end: a school named by its
speciality is read as a 中专 diploma (or higher) with the discipline tag 学前教育, an
addition to education[].fields (issue 15)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.agree import every_path_agrees
from tests.support.check import check_json

from baokao.evaluator import evaluate
from baokao.importer import import_texts, read_source
from baokao.importer.grammar import read_route
from baokao.importer.overrides import Overrides
from baokao.model.conditions import AllOf, AnyOf, Condition, Education, Unparsed, WorkYears
from baokao.model.profile import EducationEntry, Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.session import Session

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "保育员_旧版.txt"
# The routes as the copy prints them (五级 route 4, 四级 route 2, 三级 route 3).
ALONE = "幼师、幼师职业高中毕业者。"
WITH_YEARS = "幼师、幼师职业高中毕业且从事本职务四年以上者(含四年)。"
AND_LISTED = "幼师及幼师职业高中毕业,从事本职工作八年以上者。"


def _route(number: int, text: str) -> Route:
    read = read_route(text, occupation="保育员")
    return Route(number=number, text=text, conditions=read.conditions)


LEVEL = Level(
    number=5,
    label="五级/初级",
    routes=(_route(1, "初中毕业且从事本职业工作两年以上者。"), _route(2, ALONE)),
)
OCCUPATION = Occupation(code="9-99-99-16", name="幼师测试职业", levels=(LEVEL,))


def _diploma(school: str, *fields: str) -> Profile:
    return Profile(education=(EducationEntry(school=school, fields=fields),), years_this=0)


@pytest.mark.parametrize("text", [ALONE, WITH_YEARS, AND_LISTED])
def test_the_grammar_reads_the_school_as_a_preschool_diploma(text: str) -> None:
    read = read_route(text, occupation="保育员")
    edu = read.conditions[0]
    assert isinstance(edu, Education)
    assert (edu.schools, edu.min_degree, edu.fields) == ((), "中专", ("学前教育",))
    assert edu.specialties is None and not edu.graduating_ok
    assert any("幼师" in note for note in read.notes)  # a reading: 需人工核实


def test_the_years_beside_it_are_read_as_before() -> None:
    _edu, work = read_route(WITH_YEARS, occupation="保育员").conditions
    assert isinstance(work, WorkYears) and (work.years, work.scope) == (4.0, "this")
    _edu, work = read_route(AND_LISTED, occupation="保育员").conditions
    assert isinstance(work, WorkYears) and work.years == 8.0


def test_a_list_keeps_reading_yi_shang_as_a_bound() -> None:
    # 及 joins two schools; 及以上 stays the bound it always was.
    (edu,) = read_route("大专及以上学历").conditions
    assert isinstance(edu, Education) and edu.min_degree == "大学专科"


def test_a_school_of_two_disciplines_is_not_read() -> None:
    (found,) = read_route("幼师、医药卫生专业毕业").conditions
    assert isinstance(found, Unparsed)


def _leaves(conditions: tuple[Condition, ...]) -> list[Condition]:
    out: list[Condition] = []
    for c in conditions:
        out += _leaves(c.conditions) if isinstance(c, AllOf | AnyOf) else [c]
    return out


def test_the_corpus_text_reads_the_three_routes() -> None:
    occupations, _report = import_texts([(str(CORPUS), read_source(CORPUS))], Overrides())
    levels = {lv.number: lv for lv in occupations[0].subjects()[0].levels}
    for number, route in ((5, 4), (4, 2), (3, 3)):
        leaves = _leaves(levels[number].routes[route - 1].conditions)
        assert not any(isinstance(c, Unparsed) for c in leaves), (number, route)
        assert any(isinstance(c, Education) and c.fields == ("学前教育",) for c in leaves)


def test_the_evaluator_judges_the_school_and_the_tag() -> None:
    assert evaluate(LEVEL, _diploma("中等职业学校", "学前教育")).qualifying == (2,)
    assert evaluate(LEVEL, _diploma("大学专科", "学前教育")).qualifying == (2,)
    assert evaluate(LEVEL, _diploma("中等职业学校", "教育学")).status == "not_qualified"
    assert evaluate(LEVEL, _diploma("高中", "学前教育")).status == "not_qualified"
    assert evaluate(LEVEL, _diploma("技工学校", "学前教育")).status == "not_qualified"


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    assert "fields" in every_path_agrees(LEVEL)


def test_a_session_offers_the_tag_and_a_preschool_graduate_qualifies() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 5, date(2026, 5, 1))
    answers = {"school": "中等职业学校", "status": "graduated", "fields": "学前教育"}
    offered = False
    while session.question is not None:
        q = session.question
        if q.id == "fields":
            offered = ("学前教育", "学前教育类（幼师）") in [(c.value, c.label) for c in q.choices]
        session = session.answer(answers.get(q.id, "0"))
    assert offered
    assert session.outcome is not None
    assert session.outcome.verdict.qualifying == (2,)


def test_check_reads_the_tag_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = {"school": "中等职业学校", "fields": ["学前教育"]}
    case = {
        "id": "a",
        "occupation": "幼师测试职业",
        "level": "五级",
        "profile": {"education": [entry]},
    }
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "qualified" and result["qualifying_routes"] == [2]
