"""Levels reached through a lower certificate and the years worked since obtaining it.

Route texts (trees/*.yaml) decide every expected verdict below.
"""

from __future__ import annotations

from flowkit import Flow


def test_beautician_four_four_years_after_the_five_certificate() -> None:
    # 美容师 四级: 1、取得本职业五级证书后，累计从事本职业工作4年（含）以上
    flow = Flow("美容师", 4).then("cert_this", "5")
    flow.then("cert_this_years_after", "4").qualifies(1)


def test_beautician_four_short_on_both_year_routes_compares_shortfalls() -> None:
    # Route 1 lacks 4 - 3 = 1 year after the certificate, route 2 lacks 6 - 4.5 = 1.5
    # years in total: both only years, the smaller shortfall is closest.
    flow = Flow("美容师", 4).then("cert_this", "5").then("cert_this_years_after", "3")
    flow.then("years_this", "4.5").then("school", "none")
    flow.falls_short(1, "取得证书后累计从事本职业工作4年以上：还差 1 年")


def test_massage_four_four_unbroken_years_after_the_five_certificate() -> None:
    # 保健按摩师 四级: 4、取得本职业初级职业资格证书后，连续从事本职业工作4年以上
    flow = Flow("保健按摩师", 4).then("years_this_continuous", "5").then("cert_this", "5")
    flow.then("cert_this_continuous", "yes").then("cert_this_years_after", "4.5").qualifies(4)


def test_foot_massage_three_certificate_years_and_training() -> None:
    # 足部按摩师 三级: 1、取得本职业中级证书后，连续从事本职业工作3年以上，经高级正规培训，结业证书
    flow = Flow("保健按摩师", 3, "足部按摩师").then("school", "技工学校").then("cert_this", "4")
    flow.then("cert_this_continuous", "yes").then("cert_this_years_after", "3.5")
    flow.then("training_3_completion", "yes").qualifies(1)


def test_foot_massage_three_broken_work_after_the_certificate() -> None:
    # Work since the 中级 certificate was broken: routes 1 and 3 need 连续 years; the
    # closest is route 1 (one condition: the unbroken 3 years), as training was done.
    flow = Flow("保健按摩师", 3, "足部按摩师").then("school", "技工学校").then("cert_this", "4")
    flow.then("cert_this_continuous", "no").then("training_3_completion", "yes")
    flow.falls_short(
        1, "取得证书后连续从事本职业工作3年以上：取得证书后的工作未连续，需连续满 3 年"
    )


def test_logistics_two_assistant_certificate_years_and_training() -> None:
    # 物流师 二级: 1、取得本职业助理物流师证书后，连续从事本职业工作3年以上，经物流师级培训，结业证书
    flow = Flow("物流师", 2).then("cert_this", "3").then("cert_this_continuous", "yes")
    flow.then("cert_this_years_after", "3.5").then("cert_this_years_after_related", "0")
    flow.then("training_2_completion", "yes").qualifies(1)


def test_nutritionist_two_half_a_year_short() -> None:
    # 公共营养师 二级: 2、取得三级证书后，连续从事本职业工作5年以上; 3、… 4年以上，经二级培训
    flow = Flow("公共营养师", 2).then("years_this_continuous", "5").then("school", "none")
    flow.then("cert_this", "3").then("cert_this_continuous", "yes")
    flow.then("cert_this_years_after", "4.5").then("training_2_completion", "no")
    flow.falls_short(2, "取得证书后连续从事本职业工作5年以上：还差 6 个月")


def test_nutritionist_one_nineteen_unbroken_years() -> None:
    # 公共营养师 一级: 1、连续从事本职业工作19年以上
    Flow("公共营养师", 1).then("years_this_continuous", "20").qualifies(1)
