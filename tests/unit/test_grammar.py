"""The condition grammar, phrase by phrase."""

from __future__ import annotations

import pytest

from baokao.importer.grammar import parse_conditions
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Apprenticeship,
    Certificate,
    Education,
    PreparatoryTechnician,
    Student,
    Training,
    Unparsed,
    WorkYears,
    YearsAfter,
)


def one(text: str):  # type: ignore[no-untyped-def]
    [condition] = parse_conditions(text)
    return condition


@pytest.mark.parametrize(
    ("text", "years", "mode", "scope"),
    [
        ("1、在本职业连续工作1年以上。", 1, "continuous", "this"),
        ("累计从事本职业工作1年（含）以上", 1, "cumulative", "this"),
        ("累计从事本职业或相关职业工作6年（含）以上", 6, "cumulative", "this_or_related"),
        ("1、累计从事本职业或相关工作4年(含)以上。", 4, "cumulative", "this_or_related"),
        ("连续从事本职业或相关职业工作5年以上", 5, "continuous", "this_or_related"),
        ("2、在本职业连续见习工作2年以上。", 2, "trainee", "this"),
        ("连续从事本职业工作１３年以上", 13, "continuous", "this"),
    ],
)
def test_years(text: str, years: float, mode: str, scope: str) -> None:
    c = one(text)
    assert isinstance(c, WorkYears)
    assert (c.years, c.mode, c.scope) == (years, mode, scope)


def test_certificate_with_years_after_is_one_condition() -> None:
    c = one(
        "1、取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作4年（含）以上"
    )
    assert isinstance(c, Certificate)
    assert (c.level, c.scope) == (5, "this_or_related")
    assert c.after == YearsAfter(years=4, mode="cumulative", scope="this_or_related")


@pytest.mark.parametrize(
    ("phrase", "level", "scope", "title"),
    [
        ("取得本职业电子商务员职业资格证书后，连续从事本职业工作4年以上", 4, "this", "电子商务员"),
        ("取得本职业助理物流师职业资格证书后，连续从事本职业工作3年以上", 3, "this", "助理物流师"),
        ("取得本职业物流师职业资格证书后，连续从事本职业工作5年以上", 2, "this", "物流师"),
        ("取得本职业初级职业资格证书后，连续从事本职业工作4年以上", 5, "this", None),
        (
            "取得四级公共营养师职业资格证书后，连续从事本职业工作4年以上",
            4,
            "this",
            "四级公共营养师",
        ),
        ("取得相关职业初级职业资格证书后，连续从事本职业工作3年以上", 5, "related", None),
    ],
)
def test_old_titles_name_levels(phrase: str, level: int, scope: str, title: str | None) -> None:
    c = one(phrase)
    assert isinstance(c, Certificate)
    assert (c.level, c.scope, c.title) == (level, scope, title)
    assert c.after is not None and c.after.mode == "continuous"


def test_training_with_credential() -> None:
    [cert, training] = parse_conditions(
        "1、取得五级反射治疗师职业资格证书后，连续从事本职业工作3年以上，经四级反射治疗师正规培训达规定标准学时数，并取得结业证书。"
    )
    assert isinstance(cert, Certificate) and cert.level == 5
    assert isinstance(training, Training)
    assert (training.level, training.credential) == (4, "结业证书")
    t = one("经本职业高级物流师级职业培训达到规定标准学时数，并取得合格证书")
    assert isinstance(t, Training) and (t.level, t.credential) == (1, "合格证书")


def test_or_alternatives_become_any_of_all() -> None:
    c = one(
        "2、取得本职业四级/中级工职业资格证书（技能等级证书），并具有高级技工学校、技师学院毕业证书"
        "（含尚未取得毕业证书的在校应届毕业生）；或取得本职业四级/中级工职业资格证书（技能等级证书），"
        "并具有经评估论证、以高级技能为培养目标的高等职业学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）"
    )
    assert isinstance(c, AnyOf)
    first, second = c.conditions
    assert isinstance(first, AllOf) and isinstance(second, AllOf)
    edu = second.conditions[1]
    assert isinstance(edu, Education)
    assert edu.schools == ("高等职业学校",) and edu.skill_goal == "advanced"
    assert edu.graduating_ok and edu.specialties == ("this", "related")


def test_school_words() -> None:
    e = one("具有以高级技能为培养目标的高级技工学校、技师学院和职业技术学院本专业毕业证书")
    assert isinstance(e, Education)
    assert e.schools == ("高级技工学校", "技师学院", "高等职业学校") and e.skill_goal == "advanced"
    e = one("具有非本专业大学专科及以上毕业证书")
    assert isinstance(e, Education)
    assert (e.min_degree, e.specialties) == ("大学专科", ("related", "other"))
    e = one("取得中医、针灸推拿专业（含骨伤）大学专科学历证书")
    assert isinstance(e, Education) and e.fields == ("中医", "针灸推拿", "骨伤")
    e = one("具有非医学或食品专业大学专科及以上学历证书")
    assert isinstance(e, Education) and e.exclude_fields and e.fields == ("医学", "食品")
    e = one("具有医学或食品专业硕士、博士研究生学历证书")
    assert isinstance(e, Education) and e.min_degree == "硕士研究生"


def test_or_inside_a_school_phrase_keeps_each_qualifier_with_its_school() -> None:
    c = one(
        "4、取得高级技工学校或经劳动保障行政部门审核认定的以高级技能为培养目标的高等职业学校本职业（专业）毕业证书"
    )
    assert isinstance(c, AnyOf)
    left, right = c.conditions
    assert isinstance(left, Education) and isinstance(right, Education)
    assert left.skill_goal is None and left.specialties == ("this",)
    assert right.skill_goal == "advanced" and right.schools == ("高等职业学校",)


def test_graduates_student_apprentice_preparatory() -> None:
    conditions = parse_conditions(
        "取得本职业或相关职业预备技师证书的技师学院毕业生，累计从事本职业或相关职业工作2年(含)以上"
    )
    assert [type(x) for x in conditions] == [PreparatoryTechnician, Education, WorkYears]
    s = one("3、高等院校本专业或相关专业在校生。")
    assert isinstance(s, Student) and "大学本科" in s.schools
    a = one("本职业学徒期满")
    assert isinstance(a, Apprenticeship) and a.scope == "this"


@pytest.mark.parametrize(
    "text",
    [
        "具有三年以上驾驶经验",
        "取得本职业四级证书并通过面试",
        "经单位推荐",
        "累计从事本职业工作若干年以上",
    ],
)
def test_unknown_phrases_become_unparsed_never_dropped(text: str) -> None:
    conditions = parse_conditions(text)
    assert any(isinstance(c, Unparsed) for c in conditions)


def test_unknown_clause_is_kept_beside_the_known_ones() -> None:
    conditions = parse_conditions("累计从事本职业工作3年（含）以上，经单位推荐")
    assert isinstance(conditions[0], WorkYears)
    assert isinstance(conditions[1], Unparsed) and conditions[1].text == "经单位推荐"


def test_reading_replaces_a_phrase_before_parsing() -> None:
    text = "取得本职业相关职业资格证书(技能等级证书)或相关职业四级/中级工职业资格证书(技能等级证书)后，累计从事本职业或相关职业工作1年(含)以上"
    assert any(isinstance(c, Unparsed) for c in parse_conditions(text))
    fixed = parse_conditions(
        text,
        (
            (
                "本职业相关职业资格证书(技能等级证书)或相关职业四级/中级工职业资格证书(技能等级证书)",
                "本职业或相关职业四级/中级工职业资格证书(技能等级证书)",
            ),
        ),
    )
    assert isinstance(fixed[0], Certificate) and fixed[0].scope == "this_or_related"


@pytest.mark.parametrize("text", [",", "，", "，，", "、，"])
def test_separators_alone_are_unparsed_not_dropped(text: str) -> None:
    """Found by the fuzz test: a lone comma read as no condition at all."""
    (condition,) = parse_conditions(text)
    assert condition.kind == "unparsed"


def test_an_alternative_of_separators_alone_is_unparsed_not_always_met() -> None:
    (condition,) = parse_conditions("累计从事本职业工作2年以上；或，")
    assert isinstance(condition, AnyOf)
    assert [c.kind for c in condition.conditions] == ["work_years", "unparsed"]


def test_a_grammar_that_cannot_be_built_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only text the grammar cannot read becomes unparsed: a grammar that cannot be built
    (a zero-width terminal, a bad pattern) is an error, never every route unparsed."""
    from lark.exceptions import GrammarError

    from baokao.importer import grammar

    def broken() -> object:
        raise GrammarError("Dynamic Earley doesn't allow zero-width regexps")

    monkeypatch.setattr(grammar, "_parser", broken)
    grammar._parse.cache_clear()
    try:
        with pytest.raises(GrammarError):
            parse_conditions("累计从事本职业工作4年以上")
    finally:
        grammar._parse.cache_clear()
