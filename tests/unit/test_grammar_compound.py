"""Corpus phrases of the existing condition kinds: compound items, school and goal words,
related-only scopes, and what stays unparsed with its reason."""

from __future__ import annotations

from baokao.importer.grammar import read_route
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Apprenticeship,
    Certificate,
    Education,
    Training,
    Unparsed,
    WorkYears,
    leaves,
)


def test_two_durations_joined_by_huo_inside_one_item() -> None:
    (either,) = read_route("累计从事本职业工作3年(含)或相关职业工作4年(含)以上").conditions
    assert isinstance(either, AnyOf)
    this, related = either.conditions
    assert isinstance(this, WorkYears) and (this.years, this.scope) == (3, "this")
    assert isinstance(related, WorkYears) and (related.years, related.scope) == (
        4,
        "this_or_related",
    )
    assert this.mode == related.mode == "cumulative"


def test_a_certificate_then_either_duration_after_it() -> None:
    read = read_route(
        "取得相关职业中五级/初级工证书(技能等级证书)后,累计从事本职业工作3年(含)"
        "或相关职业工作4年(含)以上"
    )
    (either,) = read.conditions
    assert isinstance(either, AnyOf)
    afters = []
    for side in either.conditions:
        assert isinstance(side, Certificate) and (side.level, side.scope) == (5, "related")
        assert side.after is not None
        afters.append((side.after.years, side.after.scope))
    assert afters == [(3, "this"), (4, "this_or_related")]
    assert any("相关职业" in note for note in read.notes)


def test_years_or_a_mileage_the_rule_book_cannot_judge() -> None:
    (either,) = read_route(
        "取得本职业中级职业资格证书后,连续从事本职业工作5年或安全行车200 000km以上"
    ).conditions
    assert isinstance(either, AnyOf)
    years, mileage = either.conditions
    assert isinstance(years, Certificate) and years.after is not None
    assert years.after.years == 5 and years.after.mode == "continuous"
    assert isinstance(mileage, AllOf)
    (unread,) = [c for c in mileage.conditions if isinstance(c, Unparsed)]
    assert unread.text == "安全行车200000km以上" and unread.reason is not None


def test_related_only_years_and_apprenticeship_are_read_wide_and_noted() -> None:
    work = read_route("累计从事相关职业工作6年(含)以上")
    assert work.conditions == (
        WorkYears(
            years=6,
            mode="cumulative",
            scope="this_or_related",
            text="累计从事相关职业工作6年(含)以上",
        ),
    )
    assert work.notes and "本职业或相关职业" in work.notes[0]
    apprentice = read_route("相关职业学徒期满")
    assert apprentice.conditions == (
        Apprenticeship(scope="this_or_related", text="相关职业学徒期满"),
    )
    assert apprentice.notes == work.notes
    assert read_route("累计从事本职业工作6年(含)以上").notes == ()


def test_trainee_years_with_jing() -> None:
    (trainee,) = read_route("经在本职业连续见习工作2年以上").conditions
    assert isinstance(trainee, WorkYears) and (trainee.mode, trainee.years) == ("trainee", 2)


def test_a_school_with_its_graduating_students_but_no_diploma_word() -> None:
    (edu,) = read_route("具有技工学校(含尚未取得毕业证书的在校应届毕业生)").conditions
    assert isinstance(edu, Education) and edu.graduating_ok
    assert edu.schools == ("技工学校", "高级技工学校", "技师学院")


def test_a_list_of_diplomas_is_any_of_them() -> None:
    (either,) = read_route(
        "取得本专业大专以上毕(结)业证书、高级技工学校或经劳动保障行政部门审核认定的,"
        "以高级技能为培养目标的高等以上职业学校本专业毕业证书"
    ).conditions
    assert isinstance(either, AnyOf)
    college, tech, vocational = either.conditions
    assert isinstance(college, Education) and college.min_degree == "大学专科"
    assert isinstance(tech, Education) and tech.schools == ("高级技工学校", "技师学院")
    assert isinstance(vocational, Education) and vocational.skill_goal == "advanced"
    assert vocational.schools == ("高等职业学校",)


def test_two_groups_of_graduates_holding_the_certificate() -> None:
    cert, either, work = read_route(
        "取得本职业高级职业资格证书的高等职业学校本专业毕业生和大专以上本专业或相关专业的毕业生,"
        "连续从事本职业工作2年以上"
    ).conditions
    assert isinstance(cert, Certificate) and cert.level == 3
    assert isinstance(either, AnyOf)
    assert [e.specialties for e in either.conditions if isinstance(e, Education)] == [
        ("this",),
        ("this", "related"),
    ]
    assert isinstance(work, WorkYears) and work.years == 2


def test_a_graduate_then_a_certificate_and_years_after_it() -> None:
    edu, cert = read_route(
        "大专以上本专业或相关专业毕业生取得本职业中级职业资格后,连续从事本职业工作2年以上"
    ).conditions
    assert isinstance(edu, Education) and edu.min_degree == "大学专科"
    assert isinstance(cert, Certificate) and cert.level == 4 and cert.after is not None


def test_goal_named_by_its_numeral_and_a_bare_vocational_school() -> None:
    (edu,) = read_route(
        "取得经劳动和社会保障行政部门审核认定、以四级秘书技能为培养目标的中等以上职业学校"
        "本职业(专业)毕业证书"
    ).conditions
    assert isinstance(edu, Education) and edu.skill_goal == "intermediate"
    (either,) = read_route(
        "取得高级技工学校或经劳动和社会保障行政部门审核认定,以高级技能为培养目标的职业学校"
        "本职业毕业证书"
    ).conditions
    assert isinstance(either, AnyOf)
    school = either.conditions[1]
    assert isinstance(school, Education) and school.skill_goal == "advanced"
    assert school.schools == ("中等职业学校", "高等职业学校")
    (specialty,) = read_route(
        "取得经评估论证、以中级技能为培养目标的中等及以上职业学校专业或相关专业毕业证书"
    ).conditions
    assert isinstance(specialty, Education) and specialty.specialties == ("this", "related")


def test_training_ended_by_bing_jieye() -> None:
    (training,) = read_route("經本職業初級正規培訓並結業").conditions
    assert isinstance(training, Training)
    assert (training.level, training.credential) == (5, "结业证书")


def test_students_in_brackets_widen_the_diploma_and_stay_for_review() -> None:
    (either,) = read_route(
        "具有大学专科及以上本专业或相关专业毕业证书。"
        "(大学专科及以上本专业或相关专业在校毕业班前一学期学生)"
    ).conditions
    assert isinstance(either, AnyOf)
    diploma, students = either.conditions
    assert isinstance(diploma, Education) and diploma.min_degree == "大学专科"
    assert isinstance(students, Unparsed) and students.reason is not None


def test_garbled_copy_text_is_unparsed_and_says_so() -> None:
    # Two bytes lost (??): the run cannot be read again (tests/unit/test_mojibake.py has
    # the one-byte run of the corpus, which is).
    read = read_route(
        "取得本专业或相关专业的技工院??蛑械燃耙陨现耙翟盒?、专科及以上普通高等学校毕业证书"
    )
    unread = [leaf for leaf in leaves(read.conditions) if isinstance(leaf, Unparsed)]
    assert unread and all(u.reason is not None and "乱码" in u.reason for u in unread)


def test_the_occupations_own_name_as_specialty_and_training() -> None:
    read = read_route(
        "取得景观设计专业或相关专业大学本科学历证书后,连续从事本职业工作5年以上",
        occupation="景观设计师",
    )
    edu, work = read.conditions
    assert isinstance(edu, Education) and edu.specialties == ("this", "related")
    assert isinstance(work, WorkYears) and work.years == 5
    assert any("景观设计专业" in note for note in read.notes)
    training = read_route(
        "經營銷師正規培訓達規定標準學時數,並取得畢(結)業證書", level=2, occupation="营销师_繁体"
    )
    (read_training,) = training.conditions
    assert isinstance(read_training, Training)
    assert (read_training.level, read_training.credential) == (2, "结业证书")
    assert training.notes


def test_a_name_that_only_shares_characters_with_the_occupation_stays_as_printed() -> None:
    read = read_route("具有经济管理专业大专学历", occupation="物业管理员")
    assert read.notes == ()
    assert isinstance(read.conditions[0], Unparsed)


def test_a_bracketed_extra_specialty_is_left_out_and_said() -> None:
    read = read_route(
        "大學本科營銷專業(含經濟管理專業)畢業,在本職業連續工作3年以上", occupation="营销师"
    )
    edu, work = read.conditions
    assert isinstance(edu, Education) and edu.specialties == ("this",)
    assert edu.min_degree == "大学本科"
    assert isinstance(work, WorkYears) and (work.years, work.mode) == (3, "continuous")
    assert any("经济管理专业" in note for note in read.notes)


def test_a_school_without_its_diploma_word_is_noted() -> None:
    read = read_route("具有技工学校(含尚未取得毕业证书的在校应届毕业生)")
    assert read.notes and "毕业证书" in read.notes[0]
    assert read_route("取得技工学校本专业毕业证书").notes == ()


def test_a_training_title_the_ladder_declares_keeps_its_level_and_needs_no_note() -> None:
    read = read_route(
        "经景观设计员正规培训达规定标准学时数,并取得结业证书",
        level=4,
        titles={"景观设计员": 4, "景观设计师": 2},
        occupation="景观设计师",
    )
    (training,) = read.conditions
    assert isinstance(training, Training) and training.level == 4
    assert read.notes == ()


def test_the_post_of_a_post_certificate_is_this_occupation_and_noted() -> None:
    read = read_route("连续从事本岗位技能水平工作4年以上")
    (work,) = read.conditions
    assert isinstance(work, WorkYears) and (work.scope, work.years) == ("this", 4)
    assert read.notes and "本岗位" in read.notes[0]


def test_phrases_of_no_kind_are_unparsed_with_the_reason() -> None:
    # 拟从事/从事本职业工作, 1年实习期满 and 担任…领导工作N年 have kinds now (test_engagement,
    # test_named_work); a mileage has none.
    (either,) = read_route("连续从事本职业工作3年或安全行车100000km以上").conditions
    assert isinstance(either, AnyOf)
    leaf = either.conditions[1]
    assert isinstance(leaf, Unparsed) and leaf.reason is not None and "里程" in leaf.reason
    (work,) = read_route("从事本职业或相关职业工作满1年").conditions
    assert isinstance(work, WorkYears) and work.years == 1
