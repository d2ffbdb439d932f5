"""The evaluator's readings and the contract's closest-route rule, on small levels."""

from __future__ import annotations

from typing import Any

from baokao.evaluator import Truth, evaluate
from baokao.evaluator.shapes import years_shapes
from baokao.importer.grammar import parse_conditions
from baokao.model import Level, Profile, Route
from baokao.rulebook import load_rulebook


def level(*texts: str) -> Level:
    routes = tuple(
        Route(number=i, text=t, conditions=parse_conditions(t))
        for i, t in enumerate(texts, start=1)
    )
    return Level(number=4, label="四级/中级", routes=routes)


def p(**facts: Any) -> Profile:
    return Profile.model_validate(facts)


def test_yiyshang_includes_the_number() -> None:
    lv = level("累计从事本职业工作4年（含）以上", "连续从事本职业工作2年以上")
    assert evaluate(lv, p(years_this=4)).qualifying == (1,)
    assert evaluate(lv, p(years_this=3.9, years_this_continuous=2)).qualifying == (2,)


def test_unknown_is_never_zero() -> None:
    lv = level("累计从事本职业工作4年（含）以上")
    v = evaluate(lv, p())
    assert v.status == "undetermined" and v.unknown == ("years_this",)


def test_continuous_is_bounded_by_cumulative() -> None:
    lv = level("连续从事本职业工作6年以上")
    v = evaluate(lv, p(years_this=5))
    assert v.status == "not_qualified"
    assert v.unmet == ("连续从事本职业工作6年以上：还差至少 1 年",)
    assert evaluate(lv, p(years_this_continuous=6)).status == "qualified"


def test_a_bound_is_closed_and_a_branch_half_open() -> None:
    # 连续 ≤ 累计: with 6 years in all, 6 unbroken years are still possible (a closed
    # bound), while an answer branch below 6 ([0, 6): half-open) can never reach 6.
    lv = level("连续从事本职业工作6年以上")
    v = evaluate(lv, p(years_this=6))
    assert v.status == "undetermined" and v.unknown == ("years_this_continuous",)
    line = ("years", lv.routes[0].text, "C", 6.0)
    assert {s.truth for s in years_shapes(line, 6.0, 0.0, 6.0)} == {Truth.UNMET}
    assert {s.truth for s in years_shapes(line, 6.0, 0.0, 6.5)} == {Truth.MET, Truth.UNMET}


def test_cumulative_known_from_continuous() -> None:
    lv = level("累计从事本职业工作4年（含）以上")
    assert evaluate(lv, p(years_this_continuous=4)).status == "qualified"


def test_this_or_related_sums_both() -> None:
    lv = level("累计从事本职业或相关职业工作4年（含）以上")
    assert evaluate(lv, p(years_this=4)).status == "qualified"
    assert evaluate(lv, p(years_this=2)).status == "undetermined"
    assert evaluate(lv, p(years_this=2, years_related=2)).status == "qualified"
    v = evaluate(lv, p(years_this=2, years_related=1.5))
    assert v.unmet == ("累计从事本职业或相关职业工作4年(含)以上：还差 6 个月",)


def test_higher_certificate_meets_lower_requirement() -> None:
    lv = level(
        "取得本职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业工作4年（含）以上"
    )
    held = {"level": 3, "occupation": "this", "years_after": 4}
    assert evaluate(lv, p(certificates=[held])).status == "qualified"
    related = {"level": 5, "occupation": "related", "years_after": 4}
    assert evaluate(lv, p(certificates=[related])).status == "not_qualified"


def test_continuous_after_certificate_needs_unbroken_work() -> None:
    lv = level("取得本职业初级职业资格证书后，连续从事本职业工作4年以上")
    broken = {"level": 5, "occupation": "this", "years_after": 5}
    assert evaluate(lv, p(certificates=[broken])).status == "not_qualified"
    whole = {**broken, "continuous_after": True}
    assert evaluate(lv, p(certificates=[whole])).status == "qualified"


def test_years_after_certificate_bounded_by_years_worked() -> None:
    lv = level("取得本职业初级职业资格证书后，累计从事本职业工作4年以上")
    v = evaluate(lv, p(years_this=3, certificates=[{"level": 5, "occupation": "this"}]))
    assert v.status == "not_qualified" and "还差至少 1 年" in v.unmet[0]
    v = evaluate(lv, p(years_this=5, certificates=[{"level": 5, "occupation": "this"}]))
    assert v.status == "undetermined" and v.unknown == ("certificates[0].years_after",)


def test_certificate_and_its_years_count_as_two() -> None:
    lv = level(
        "取得本职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业工作4年（含）以上",
        "具有本专业大学专科及以上毕业证书，经本职业中级正规培训达规定标准学时数，并取得结业证书",
    )
    v = evaluate(lv, p(years_this=10, certificates=[], education=[], trainings=[]))
    # route 1: certificate + years = 2 unmet; route 2: diploma + training = 2 unmet -> tie -> 1
    assert v.closest is not None and v.closest.number == 1 and len(v.unmet) == 2
    v = evaluate(
        lv,
        p(
            years_this=10,
            certificates=[],
            education=[],
            trainings=[{"level": 4, "credential": "结业证书"}],
        ),
    )
    assert v.closest is not None and v.closest.number == 2


def test_years_only_route_wins_a_tie_on_count() -> None:
    lv = level("具有本专业大学专科及以上毕业证书", "累计从事本职业工作9年（含）以上")
    v = evaluate(lv, p(years_this=0, education=[]))
    assert (
        v.closest is not None
        and v.closest.number == 2
        and v.unmet == ("累计从事本职业工作9年(含)以上：还差 9 年",)
    )


def test_or_counts_as_one_condition_with_nearer_side() -> None:
    lv = level(
        "取得本职业或相关职业三级/高级工职业资格证书(技能等级证书)的高级技工学校、技师学院毕业生，累计从事本职业或相关职业工作3年(含)以上；"
        "或取得本职业或相关职业预备技师证书的技师学院毕业生，累计从事本职业或相关职业工作2年(含)以上",
        "累计从事本职业工作1.5年（含）以上，具有本专业大学专科及以上毕业证书",
    )
    facts = {
        "years_this": 1.0,
        "years_related": 0,
        "certificates": [],
        "preparatory_technician": True,
        "education": [{"school": "技师学院", "specialty": "other"}],
    }
    v = evaluate(lv, p(**facts))
    # route 1: the 或 is one unmet condition, year-only (预备技师 side short 1 year);
    # route 2: 0.5 years short and a diploma missing = 2 unmet.
    assert v.closest is not None and v.closest.number == 1
    assert v.closest.outcome.unmet == 1 and v.closest.outcome.years_only
    assert v.closest.outcome.shortfall == 1.0


def test_graduating_and_enrolled_students() -> None:
    lv = level("取得技工学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）")
    edu = {"school": "技工学校", "specialty": "this"}
    assert evaluate(lv, p(education=[{**edu, "status": "graduating"}])).status == "qualified"
    assert evaluate(lv, p(education=[{**edu, "status": "enrolled"}])).status == "not_qualified"
    strict = level("具有本专业大学专科及以上毕业证书")
    college = {"school": "大学专科", "specialty": "this", "status": "graduating"}
    assert evaluate(strict, p(education=[college])).status == "not_qualified"
    student = level("高等院校本专业或相关专业在校生")
    assert evaluate(student, p(education=[{**college, "status": "enrolled"}])).status == "qualified"


def test_degree_ladder_and_vocational_colleges() -> None:
    lv = level("具有大专及以上学历本专业或相关专业毕业证书")
    for school in ("大学专科", "高等职业学校", "大学本科", "硕士研究生", "博士研究生"):
        assert (
            evaluate(lv, p(education=[{"school": school, "specialty": "this"}])).status
            == "qualified"
        )
    for school in ("中等职业学校", "技工学校", "技师学院"):
        assert (
            evaluate(lv, p(education=[{"school": school, "specialty": "this"}])).status
            == "not_qualified"
        )


def test_unknown_specialty_and_fields_are_asked_for() -> None:
    lv = level("具有本专业大学专科及以上毕业证书")
    v = evaluate(lv, p(education=[{"school": "大学本科"}]))
    assert v.status == "undetermined" and v.unknown == ("education[0].specialty",)
    med = level("具有医学或食品专业大学专科及以上学历证书")
    assert evaluate(med, p(education=[{"school": "大学本科"}])).unknown == ("education[0].fields",)
    assert (
        evaluate(med, p(education=[{"school": "大学本科", "fields": ["食品"]}])).status
        == "qualified"
    )


def test_not_medical_excludes_medical_fields() -> None:
    lv = level("具有非医学或食品专业大学专科及以上学历证书")
    assert (
        evaluate(lv, p(education=[{"school": "大学专科", "fields": ["医学"]}])).status
        == "not_qualified"
    )
    assert (
        evaluate(lv, p(education=[{"school": "大学专科", "fields": ["中医"]}])).status
        == "qualified"
    )


def test_qualifying_lists_every_met_route() -> None:
    lv = load_rulebook().find("美容师").level(5)
    v = evaluate(lv, p(years_this=2, apprenticeship="this"))
    assert v.qualifying == (1, 2)
    assert all(r.truth is Truth.MET for r in v.routes)


def test_route_result_reports_each_condition() -> None:
    lv = level("具有非本专业大学专科及以上毕业证书，连续从事本职业工作1年以上")
    v = evaluate(lv, p(years_this=0.5, education=[{"school": "大学本科", "specialty": "other"}]))
    [result] = v.routes
    assert [c.kind for c in result.met] == ["education"]
    [(condition, outcome)] = result.failed
    assert condition.kind == "work_years" and outcome.shortfall == 0.5
