"""Subjects whose routes accept related occupations and related certificates.

Route texts (trees/*.yaml) decide every expected verdict below.
"""

from __future__ import annotations

from flowkit import Flow


def test_hr_four_years_in_this_and_related_work_add_up() -> None:
    # 企业人力资源管理师 四级: 1、累计从事本职业或相关工作4年（含）以上
    flow = Flow("企业人力资源管理师", 4).then("years_this", "1")
    flow.then("years_related", "3.5").qualifies(1)


def test_hr_four_a_university_student_in_a_related_specialty() -> None:
    # 3、高等院校本专业或相关专业在校生
    flow = Flow("企业人力资源管理师", 4).then("years_this", "1").then("years_related", "1")
    flow.then("school", "大学本科").then("specialty", "related")
    flow.then("status", "enrolled").qualifies(3)


def test_labour_relations_three_related_certificate_and_related_years() -> None:
    # 劳动关系协调员 三级: 1、取得本职业或相关职业四级证书后，累计从事本职业或相关职业工作4年（含）以上
    flow = Flow("劳动关系协调员", 3).then("cert_any", "related:4")
    flow.then("cert_any_years_after", "1").then("cert_any_years_after_related", "3")
    flow.qualifies(1)


def test_labour_relations_three_without_a_certificate_only_a_doctorate_helps() -> None:
    # Every route but 5 (硕士及以上) needs a 四级 certificate; a 大学本科 holder is closest
    # to route 2, whose "或" counts as one condition.
    flow = Flow("劳动关系协调员", 3).then("cert_any", "none").then("school", "大学本科")
    outcome = flow.outcome
    assert outcome.verdict.status == "not_qualified"
    assert outcome.verdict.closest is not None and outcome.verdict.closest.number == 2
    assert outcome.verdict.closest.outcome.unmet == 1
    assert outcome.qualify_date is None


def test_nursery_four_six_years_in_this_occupation() -> None:
    # 保育员 四级: 2、累计从事本职业或相关职业工作6年（含）以上 (this occupation alone suffices)
    Flow("保育员", 4).then("years_this", "6").qualifies(2)


def test_nursery_four_certificate_and_years_after_it_in_related_work() -> None:
    # 1、取得本职业或相关职业五级证书后，累计从事本职业或相关职业工作4年（含）以上
    flow = Flow("保育员", 4).then("years_this", "2").then("cert_this", "5")
    flow.then("cert_this_years_after", "1.5").then("cert_this_years_after_related", "3")
    flow.qualifies(1)
    assert flow.asked == [
        "years_this",
        "cert_this",
        "cert_this_years_after",
        "cert_this_years_after_related",
    ]
