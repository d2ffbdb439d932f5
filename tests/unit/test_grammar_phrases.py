"""Phrases of the corpus the route grammar (importer/route_grammar.lark) reads."""

from __future__ import annotations

import pytest

from baokao.importer.grammar import parse_conditions, read_route
from baokao.model.conditions import (
    Age,
    AnyOf,
    Certificate,
    Education,
    Engagement,
    Training,
    Unparsed,
    WorkYears,
    leaves,
)


def test_training_reads_across_its_comma_and_takes_the_route_level() -> None:
    (training,) = parse_conditions(
        "经本职业本等级正规培训达规定标准学时数,并取得毕(结)业证书", level=3
    )
    assert isinstance(training, Training)
    assert (training.level, training.credential) == (3, "结业证书")


@pytest.mark.parametrize(
    ("text", "years", "mode"),
    [
        ("累计从事本职业或相关职业工作满5年", 5, "cumulative"),
        ("连续从事本职业工作十五年以上", 15, "continuous"),
        ("从事本职业或相关职业工作1年(含)以上", 1, "cumulative"),
        ("連續從事本職業工作5年以上", 5, "continuous"),
    ],
)
def test_durations(text: str, years: float, mode: str) -> None:
    (work,) = parse_conditions(text)
    assert isinstance(work, WorkYears) and (work.years, work.mode) == (years, mode)


def test_title_ladder_certificate_and_years_held() -> None:
    (cert,) = parse_conditions(
        "取得本职业助理理财规划师职业资格证书后,连续从事本职业工作5年以上",
        titles={"助理理财规划师": 3},
    )
    assert isinstance(cert, Certificate) and cert.level == 3
    assert cert.after is not None and cert.after.years == 5
    (held,) = parse_conditions(
        "取得本职业助理企业培训师职业资格证书满4年", titles={"助理企业培训师": 3}
    )
    assert isinstance(held, Certificate) and held.after is not None and held.after.years == 4


def test_comma_before_huo_and_inside_the_authority_phrase() -> None:
    (either,) = parse_conditions(
        "取得技工学校本专业毕业证书,或取得经劳动和社会保障行政部门审核认定的,"
        "以中级技能为培养目标的中等以上职业学校本职业(专业)毕业证书"
    )
    assert isinstance(either, AnyOf)
    assert all(isinstance(c, Education) for c in either.conditions)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("具有会计专业中级职称", "职称"),  # a title of a known field has its kind (test_title)
        ("持有电工特种作业操作证", "证照"),  # a driving licence has its kind (test_licence)
    ],
)
def test_prerequisites_without_a_kind_are_unparsed_with_their_reason(text: str, word: str) -> None:
    (leaf,) = parse_conditions(text)
    assert isinstance(leaf, Unparsed) and leaf.reason is not None and word in leaf.reason


def test_an_age_is_read_as_an_age_condition() -> None:
    (leaf,) = parse_conditions("年满16周岁")
    assert leaf == Age(years=16, text="年满16周岁")
    work, age = parse_conditions("累计从事本职业工作2年(含)以上,年满18周岁")
    assert work.kind == "work_years" and age == Age(years=18, text="年满18周岁")


def test_unknown_text_is_kept_whole_beside_what_is_read() -> None:
    conditions = parse_conditions("连续从事本职业工作5年以上,能够管理一般复杂项目")
    kinds = [leaf.kind for leaf in leaves(conditions)]
    assert kinds == ["work_years", "unparsed"]
    assert conditions[1] == Unparsed(text="能够管理一般复杂项目")


def test_the_authority_under_its_name_since_2008_is_the_same_authority() -> None:
    old, new = (
        parse_conditions(
            f"取得经{ministry}行政部门审核认定的、以中级技能为培养目标的中等以上职业学校本职业(专业)毕业证书"
        )
        for ministry in ("劳动保障", "人力资源和社会保障")
    )
    (edu,) = new
    assert isinstance(edu, Education) and edu.skill_goal == "intermediate"
    assert [c.model_copy(update={"text": ""}) for c in new] == [
        c.model_copy(update={"text": ""}) for c in old
    ]


def test_the_old_wordings_zhe_and_the_bound_said_again_after_it() -> None:
    (work,) = parse_conditions("从事本职业工作10年以上者")
    assert isinstance(work, WorkYears) and (work.years, work.scope) == (10, "this")
    (again,) = parse_conditions("从事本职工作4年以上者(含4年)")
    assert isinstance(again, WorkYears) and again.years == 4
    (cert,) = parse_conditions("取得初级职业资格证书后,履行职务4年以上者(含4年)")
    assert isinstance(cert, Certificate) and cert.after is not None
    assert (cert.level, cert.after.years, cert.after.scope) == (5, 4, "this")
    (post,) = parse_conditions("从事本职务4年以上者")
    assert isinstance(post, WorkYears) and post.scope == "this"


def test_bing_qie_after_a_certificate_still_counts_the_years_after_it() -> None:
    # Read as total years, "…后,并且连续从事…" would be wider than the text.
    (cert,) = parse_conditions("取得本职业高级职业资格证书后,并且连续从事本职业工作5年以上")
    assert isinstance(cert, Certificate) and cert.after is not None
    assert (cert.level, cert.after.years, cert.after.mode) == (3, 5, "continuous")


def test_willing_to_work_in_it_is_the_intention_and_a_stray_quote_is_read_past() -> None:
    (will,) = parse_conditions("愿意從事本職業的")
    assert isinstance(will, Engagement) and will.accepts == ("this_now", "this_plan")
    (edu,) = parse_conditions("取得本专业或相关专业’的技工院校或中等及以上职业院校毕业证书")
    assert isinstance(edu, Education) and "中等职业学校" in edu.schools


def test_a_school_of_this_or_a_related_occupation_and_a_verb_said_twice() -> None:
    (edu,) = parse_conditions(
        "具有取得本职业或相关职业高级技工学校、技师学院毕业证书(含尚未取得毕业证书的在校应届毕业生)"
    )
    assert isinstance(edu, Education) and edu.specialties == ("this", "related")
    assert edu.schools == ("高级技工学校", "技师学院") and edu.graduating_ok


def test_a_skill_goal_with_its_level_lost_is_either_goal_with_a_note() -> None:
    read = read_route(
        "具有经评估论证、以技能为培养目标的高等职业学校本专业或相关专业毕业证书"
        "(含尚未取得毕业证书的在校应届毕业生)"
    )
    (edu,) = read.conditions
    assert isinstance(edu, Education) and edu.skill_goal == "intermediate"
    assert edu.schools == ("高等职业学校",) and edu.graduating_ok
    assert any("没有写等级" in note for note in read.notes)


def test_graduates_after_a_certificate_without_de_are_read_as_with_it() -> None:
    read = read_route("取得本职业中级职业资格证书后大专以上毕业生,连续从事本职业工作2年以上")
    cert, edu, work = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 4 and cert.after is None
    assert isinstance(edu, Education) and edu.min_degree == "大学专科"
    assert isinstance(work, WorkYears) and work.years == 2
    assert read.notes
