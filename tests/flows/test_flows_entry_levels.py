"""Entry levels (五级, and 四级 where a subject starts there): years, apprenticeship, training.

Route texts (trees/*.yaml) decide every expected verdict below.
"""

from __future__ import annotations

from datetime import date

from flowkit import Flow


def test_hairdresser_five_half_a_year_and_a_related_apprenticeship() -> None:
    # 美发师 五级: 1、累计从事本职业工作1年（含）以上 2、本职业学徒期满
    flow = Flow("美发师", 5).then("years_this", "0.5")
    # Half a year: route 1 is not met, only the apprenticeship can still help.
    flow.then("apprenticeship", "related")  # a related one does not count for 本职业学徒期满
    outcome = flow.falls_short(1, "累计从事本职业工作1年(含)以上：还差 6 个月")
    assert outcome.qualify_date == date(2024, 9, 1)


def test_hairdresser_five_one_year_exactly_is_enough() -> None:
    Flow("美发师", 5).then("years_this", "1").qualifies(1)  # 1年（含）以上 includes 1


def test_net_merchant_five_sums_this_and_related_work() -> None:
    # 网商 五级: 1、累计从事本职业或相关职业工作1年（含）以上 2、本职业或相关职业学徒期满
    flow = Flow("电子商务师", 5, "网商").then("years_this", "0.5")
    flow.then("years_related", "0.5").qualifies(1)  # 0.5 + 0.5 = 1 year


def test_net_merchant_five_related_apprenticeship_counts() -> None:
    flow = Flow("电子商务师", 5, "网商").then("years_this", "0.5").then("years_related", "0.25")
    flow.then("apprenticeship", "related").qualifies(2)


def test_spine_massage_five_needs_the_pass_certificate_of_training() -> None:
    # 脊柱按摩师 五级: 1、初级正规培训，合格证书 2、累计从事本职业或相关职业工作1年（含）以上
    flow = Flow("保健按摩师", 5, "脊柱按摩师").then("years_this", "0.25")
    flow.then("years_related", "0.25").then("training_5_pass", "no")
    flow.falls_short(2, "累计从事本职业或相关职业工作1年(含)以上：还差 6 个月")


def test_reflexology_five_counts_trainee_years_only() -> None:
    # 反射治疗师 五级: 1、五级反射治疗师培训，结业证书 2、在本职业连续见习工作2年以上
    flow = Flow("保健按摩师", 5, "反射治疗师").then("years_trainee_continuous", "1.5")
    flow.then("training_5_completion", "否")
    outcome = flow.falls_short(2, "在本职业连续见习工作2年以上：还差 6 个月")
    assert outcome.qualify_date == date(2024, 9, 1)  # half a year more as a trainee


def test_massage_five_two_unbroken_years() -> None:
    # 保健按摩师 五级: 1、初级正规培训，结业证书 2、连续从事本职业工作2年以上
    Flow("保健按摩师", 5).then("years_this_continuous", "2").qualifies(2)


def test_e_commerce_four_by_a_vocational_diploma() -> None:
    # 电子商务师 四级: 1、在本职业连续工作1年以上 2、以中级技能为培养目标的技工学校和中等职业
    # 学校本专业毕业证书 3、电子商务员正规培训，结业证书
    flow = Flow("电子商务师", 4).then("years_this_continuous", "0.5")
    flow.then("training_4_completion", "no").then("school", "技工学校")
    flow.then("status", "graduated").then("specialty", "this")
    flow.then("skill_goal", "intermediate").qualifies(2)


def test_e_commerce_four_without_the_programme_goal() -> None:
    flow = Flow("电子商务师", 4).then("years_this_continuous", "0.5")
    flow.then("training_4_completion", "no").then("school", "技工学校")
    flow.then("status", "graduated").then("specialty", "this").then("skill_goal", "none")
    flow.falls_short(1, "在本职业连续工作1年以上：还差 6 个月")


def test_nutritionist_four_medical_diploma() -> None:
    # 公共营养师 四级: 1、连续从事本职业工作1年以上 2、医学或食品专业中专毕业证书 3、培训结业
    flow = Flow("公共营养师", 4).then("years_this_continuous", "0")
    flow.then("training_4_completion", "no").then("school", "大学专科")
    flow.then("status", "graduated").then("fields", "医学").qualifies(2)  # 大专 ≥ 中专
