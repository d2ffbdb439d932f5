"""Property tests: the parser and the profile loader never fail untidily.

Random text through the condition grammar gives typed conditions (unreadable parts as
``unparsed``); random JSON-like cases through ``check`` give either verdicts or a clean
``CaseError`` naming the case, never another exception.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baokao.checking import CaseError, check_all, result_json
from baokao.importer.grammar import parse_conditions
from baokao.model.conditions import leaves
from baokao.rulebook import load_rulebook

BOOK = load_rulebook()
PHRASES = [
    "累计从事本职业工作",
    "连续从事本职业或相关职业工作",
    "4年（含）以上",
    "年以上",
    "取得",
    "本职业",
    "或相关职业",
    "五级/初级工职业资格证书（技能等级证书）",
    "后，",
    "，并",
    "；或",
    "具有",
    "大学专科",
    "及以上",
    "毕业证书",
    "（含尚未取得毕业证书的在校应届毕业生）",
    "经本职业中级正规培训达规定标准学时数，并取得结业证书",
    "技工学校",
    "本专业或相关专业",
    "学徒期满",
    "在校生",
    "预备技师证书的技师学院毕业生",
    "１",
    "3",
    "、",
    "(",
    "）",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    st.one_of(st.text(max_size=80), st.lists(st.sampled_from(PHRASES), max_size=12).map("".join))
)
def test_parser_gives_typed_conditions_for_any_text(text: str) -> None:
    conditions = parse_conditions(text)
    assert isinstance(conditions, tuple) and conditions
    for leaf in leaves(conditions):
        assert leaf.kind in {
            "work_years",
            "certificate",
            "education",
            "student",
            "training",
            "apprenticeship",
            "preparatory_technician",
            "unparsed",
        }


years = st.one_of(
    st.floats(min_value=-3, max_value=40),
    st.just(float("nan")),
    st.integers(-2, 40),
    st.text(max_size=3),
    st.none(),
    st.booleans(),
)
certificate = st.fixed_dictionaries(
    {
        "level": st.one_of(st.integers(0, 6), st.text(max_size=2)),
        "occupation": st.sampled_from(["this", "related", "other"]),
    },
    optional={
        "years_after": years,
        "years_after_related": years,
        "continuous_after": st.booleans(),
    },
)
education = st.fixed_dictionaries(
    {
        "school": st.sampled_from(
            ["大学专科", "大学本科", "技工学校", "技师学院", "高等职业学校", "小学"]
        )
    },
    optional={
        "specialty": st.sampled_from(["this", "related", "other", "x"]),
        "fields": st.lists(st.sampled_from(["医学", "食品", "医药卫生", "法学"]), max_size=2),
        "status": st.sampled_from(["graduated", "graduating", "enrolled", "dropped"]),
        "skill_goal": st.sampled_from(["intermediate", "advanced", None]),
    },
)
profile = st.fixed_dictionaries(
    {},
    optional={
        "years_this": years,
        "years_related": years,
        "years_this_continuous": years,
        "years_continuous_incl_related": years,
        "years_trainee_continuous": years,
        "apprenticeship": st.sampled_from(["this", "related", "none", "maybe"]),
        "certificates": st.lists(certificate, max_size=3),
        "preparatory_technician": st.one_of(st.booleans(), st.text(max_size=2)),
        "education": st.lists(education, max_size=2),
        "trainings": st.lists(
            st.fixed_dictionaries(
                {
                    "level": st.integers(0, 6),
                    "credential": st.sampled_from(["结业证书", "合格证书", "毕业证"]),
                }
            ),
            max_size=2,
        ),
        "typo_field": st.integers(),
    },
)
subjects = [(s.occupation.name, s.work_type) for s in BOOK.subjects()]
case = st.fixed_dictionaries(
    {
        "occupation": st.one_of(st.sampled_from([o for o, _ in subjects]), st.text(max_size=4)),
        "profile": profile,
    },
    optional={
        "level": st.sampled_from(
            ["五级", "四级", "中级", "三级", "2", "一级/高级技师", "七级", 4, None]
        ),
        "work_type": st.sampled_from([w for _, w in subjects if w] + [None]),
        "id": st.text(max_size=3),
    },
)


@SETTINGS
@given(st.lists(case, min_size=1, max_size=3))
def test_check_gives_verdicts_or_a_clean_error(cases: list[dict[str, Any]]) -> None:
    try:
        results = check_all(cases, BOOK)
    except CaseError as exc:
        message = str(exc)
        assert message.startswith("case ") and "Traceback" not in message
        return
    for checked, verdict in results:
        out = result_json(checked, verdict)
        assert out["status"] in {"qualified", "not_qualified", "undetermined"}
        assert (out["closest_route"] is not None) == (out["status"] == "not_qualified")
        assert bool(out["qualifying_routes"]) == (out["status"] == "qualified")
        assert bool(out["unknown"]) == (out["status"] == "undetermined")
