"""Phrases of the 2000s 职业资格 editions the grown corpus brought (钳工, 育婴员, 保育员,
中式烹调师, 计算机程序设计员, 化妆师 …), read by the route grammar's general rules."""

from __future__ import annotations

import pytest

from baokao.importer.grammar import parse_conditions, read_route
from baokao.model.conditions import (
    Age,
    AnyOf,
    Apprenticeship,
    Certificate,
    Education,
    Training,
    Unparsed,
    WorkYears,
    YearsAfter,
)

_MIDDLE_OR_UP = ("中等职业学校", "技工学校", "高级技工学校", "技师学院", "高等职业学校")


@pytest.mark.parametrize(
    "authority", ["人力资源和社会保障行政部门", "劳动保障行政部门", "劳动和社会保障行政部门"]
)
def test_the_authority_by_its_names_before_and_after_2008(authority: str) -> None:
    (edu,) = parse_conditions(
        f"取得经{authority}审核认定的、以中级技能为培养目标的中等以上职业学校本职业(专业)毕业证书"
    )
    assert isinstance(edu, Education)
    assert (edu.schools, edu.specialties, edu.skill_goal) == (
        _MIDDLE_OR_UP,
        ("this",),
        "intermediate",
    )


def test_a_list_of_graduates_is_any_one_of_them_then_the_certificate() -> None:
    edu, cert = parse_conditions(
        "高级技工学校本职业(专业)毕业生和大专以上本专业或相关专业毕业生"
        "取得本职业高级职业资格证书后,连续从事本职业工作满2年"
    )
    assert isinstance(edu, AnyOf)
    first, second = edu.conditions
    assert isinstance(first, Education) and isinstance(second, Education)
    assert (first.schools, first.specialties) == (("高级技工学校", "技师学院"), ("this",))
    assert (second.min_degree, second.specialties) == ("大学专科", ("this", "related"))
    assert not first.graduating_ok and not second.graduating_ok
    assert isinstance(cert, Certificate) and cert.level == 3
    assert cert.after == YearsAfter(years=2, mode="continuous", scope="this")


def test_a_specialty_of_this_occupation_and_a_school_restated_as_included() -> None:
    read = read_route("本职业相关专业大专以上(含大专)毕业证书,连续从事本职业工作2年以上")
    edu, work = read.conditions
    assert isinstance(edu, Education)
    assert (edu.min_degree, edu.specialties) == ("大学专科", ("this", "related"))
    assert isinstance(work, WorkYears) and work.years == 2
    assert any("本职业相关专业" in note for note in read.notes)


def test_an_included_school_that_is_not_the_one_named_is_not_read() -> None:
    (leaf,) = parse_conditions("大专以上(含本科)毕业证书")
    assert isinstance(leaf, Unparsed)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("从事本职业工作2年以上者", 2),
        ("从事本职业工作1年者", 1),
        ("从事本职工作4年以上者(含4年)", 4),
        ("从事本职工作6年以上者", 6),
    ],
)
def test_years_with_the_one_who_and_the_years_restated(text: str, years: float) -> None:
    (work,) = parse_conditions(text)
    assert work == WorkYears(years=years, mode="cumulative", scope="this", text=text)


def test_the_duties_of_the_post_are_this_occupation_noted() -> None:
    read = read_route("取得初级职业资格证书后,履行职务4年以上者(含4年)")
    (cert,) = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 5
    assert cert.after == YearsAfter(years=4, mode="cumulative", scope="this")
    assert read.notes == ("“履行职务”按本职业读",)
    read = read_route("初中毕业且从事本职务4年以上者(含4年)")
    edu, work = read.conditions
    assert isinstance(edu, Education) and edu.min_degree == "初中"
    assert isinstance(work, WorkYears) and (work.years, work.scope) == (4, "this")
    assert read.notes == ("“本职务”按本职业读",)


def test_months_are_twelfths_of_a_year() -> None:
    (work,) = parse_conditions("连续从事本职业工作3个月以上")
    assert isinstance(work, WorkYears) and (work.years, work.mode) == (0.25, "continuous")


def test_an_age_said_of_the_applicant_and_with_or_above() -> None:
    (age,) = parse_conditions("报考者需年满18周岁以上")
    assert age == Age(years=18, text="报考者需年满18周岁以上")


def test_an_apprenticeship_said_of_the_people() -> None:
    (held,) = parse_conditions("本职业学徒期满人员")
    assert held == Apprenticeship(scope="this", text="本职业学徒期满人员")


def test_a_reworded_certificate_and_training_credential() -> None:
    read = read_route(
        "取得本职业初级职业书后,并且连续从事本职业工作2年以上,"
        "经本职业中级正规培训达规定标准学时数,且取得学业证书"
    )
    cert, training = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 5
    assert cert.after == YearsAfter(years=2, mode="continuous", scope="this")
    assert isinstance(training, Training)
    assert (training.level, training.credential) == (4, "结业证书")
    assert any("职业书" in note for note in read.notes)


def test_a_misread_leiji_before_years() -> None:
    read = read_route(
        "取得本职业四级/中级工职业资格证书(技能等级证书)后,题计从事本职业工作5年(含)以上"
    )
    (cert,) = read.conditions
    assert isinstance(cert, Certificate)
    assert cert.after == YearsAfter(years=5, mode="cumulative", scope="this")
    assert any("题计" in note for note in read.notes)


def test_own_work_after_a_certificate_is_years_after_it() -> None:
    (cert,) = read_route(
        "取得高级证书后,并且连续从事化妆工作8年以上", level=2, occupation="化妆师_繁体"
    ).conditions
    assert isinstance(cert, Certificate)
    assert cert.after == YearsAfter(years=8, mode="continuous", scope="this")
    (cert,) = read_route(
        "取得初级推销员职业资格证书后,从事推销工作2年以上", occupation="营销师"
    ).conditions
    assert isinstance(cert, Certificate)  # not this occupation's years: that work's since
    assert cert.after == YearsAfter(years=2, mode="cumulative", work="从事推销工作")


def test_years_of_work_with_no_occupation_named_are_this_or_related_noted() -> None:
    read = read_route(
        "取得本职业或相关职业二级/技师职业资格(职业技能等级)证书后,累计工作满5年", level=1
    )
    (cert,) = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 2
    assert cert.after == YearsAfter(years=5, mode="cumulative", scope="this_or_related")
    assert len(read.notes) == 1 and "本职业或相关职业" in read.notes[0]
    (leaf,) = parse_conditions("工作满5年")  # no 累计/连续: not a phrase of the grammar
    assert isinstance(leaf, Unparsed)


def test_secondary_vocational_education_with_a_related_specialty() -> None:
    edu, work = parse_conditions("中等职业教育相关专业毕业且从事本职工作8年以上者")
    assert isinstance(edu, Education)
    assert edu.schools == ("中等职业学校", "技工学校", "高级技工学校", "技师学院")
    assert edu.specialties == ("related",)
    assert isinstance(work, WorkYears) and work.years == 8


def test_schools_with_no_kind_of_their_own_take_the_level_named() -> None:
    (edu,) = parse_conditions("取得职业技术、艺术院校、普通高等院校相关专业大专以上毕业证书")
    assert isinstance(edu, Education)
    assert (edu.min_degree, edu.specialties) == ("大学专科", ("related",))
    (leaf,) = parse_conditions("取得艺术院校毕业证书")
    assert isinstance(leaf, Unparsed)


def test_a_training_named_before_jing() -> None:
    read = read_route(
        "本职业保安员经培训达规定标准学时数,并取得结业证书", level=5, occupation="保安员_旧版"
    )
    (training,) = read.conditions
    assert isinstance(training, Training)
    assert (training.level, training.credential) == (5, "结业证书")
    assert read.notes  # the occupation's own name read as the route's level
    (named,) = parse_conditions("本职业初级经培训达规定标准学时数,并取得结业证书", level=3)
    assert isinstance(named, Training) and named.level == 5


def test_graduates_after_a_certificate_need_both_and_their_years_are_total() -> None:
    read = read_route(
        "取得本职业高级职业资格证书后的高级技工学校本职业(专业)毕业生,连续从事本职业工作2年以上"
    )
    cert, edu, work = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 3 and cert.after is None
    assert isinstance(edu, Education) and edu.schools == ("高级技工学校", "技师学院")
    assert isinstance(work, WorkYears) and (work.years, work.mode) == (2, "continuous")
    assert len(read.notes) == 1


def test_a_schools_graduation_or_completion_certificate_is_its_diploma() -> None:
    (edu,) = parse_conditions(
        "取得职业学校、艺术院校、普通中等专业学校相关专业中专以上毕(结)业证书"
    )
    assert isinstance(edu, Education)
    assert (edu.schools, edu.min_degree) == (("中等职业学校", "高等职业学校"), "中专")
    assert edu.specialties == ("related",) and not edu.graduating_ok
    (training,) = parse_conditions(
        "经本职业初级正规培训达规定标准学时数,并取得毕(结)业证书"
    )  # a training's certificate stays the training's
    assert isinstance(training, Training) and training.credential == "结业证书"
