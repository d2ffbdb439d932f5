"""Hypothesis strategies that write rule files: well-formed ones and broken ones.

A rule file is generated as the data YAML would hold (dicts and lists), so that what
cannot be built as a model can still be written: empty ``all``/``any``/``conditions``,
levels without routes, a number twice, years that are not finite, unknown keys. Every
leaf generated asks for something a candidate with nothing at all does not have, so a
rule file that loads can only let such a candidate qualify through an empty condition.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from baokao.model.levels import LEVEL_LABELS

Data = dict[str, Any]


def rarely(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``usual`` mostly, ``odd`` about one time in thirty."""
    return st.integers(0, 29).flatmap(lambda n: odd if n == 0 else usual)


def lists(items: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    """One to three items, or (rarely) none."""
    return rarely(st.lists(items, min_size=1, max_size=3), st.just([]))


#: Years a condition asks for: ordinary ones, and (rarely) hostile ones.
YEARS = rarely(
    st.floats(min_value=0.25, max_value=20).map(lambda y: round(y, 3)),
    st.sampled_from([float("inf"), float("nan"), -1.0, 1e308]),
)

LEAVES = st.one_of(
    st.builds(
        lambda y, m, s: {"kind": "work_years", "years": y, "mode": m, "scope": s},
        YEARS,
        st.sampled_from(["cumulative", "continuous", "trainee"]),
        st.sampled_from(["this", "this_or_related"]),
    ),
    st.builds(
        lambda lv, s, y: (
            {"kind": "certificate", "level": lv, "scope": s}
            | ({"after": {"years": y, "mode": "cumulative"}} if y is not None else {})
        ),
        st.integers(1, 5),
        st.sampled_from(["this", "related", "this_or_related"]),
        st.none() | YEARS,
    ),
    st.builds(
        lambda schools: {"kind": "education", "schools": schools},
        st.lists(st.sampled_from(["技工学校", "大学专科", "大学本科"]), min_size=1, max_size=2),
    ),
    st.just({"kind": "apprenticeship"}),
    st.just({"kind": "preparatory_technician"}),
    st.builds(
        lambda lv, c: {"kind": "training", "level": lv, "credential": c},
        st.integers(1, 5),
        st.sampled_from(["结业证书", "合格证书"]),
    ),
    st.just({"kind": "unparsed", "text": "经单位推荐"}),
    st.just({"kind": "missing_text", "case": "cut_off", "text": "取得本职"}),
)

CONDITIONS = st.recursive(
    LEAVES,
    lambda inner: st.builds(
        lambda kind, items: {"kind": kind, "conditions": items},
        st.sampled_from(["all", "any"]),
        lists(inner),
    ),
    max_leaves=6,
)


@st.composite
def levels(draw: st.DrawFn) -> list[Data]:
    """One to three levels, each with zero to three routes (numbers may repeat)."""
    unique = st.lists(st.integers(1, 5), min_size=1, max_size=3, unique=True)
    numbers = draw(rarely(unique, st.lists(st.integers(1, 5), min_size=2, max_size=3)))
    out = []
    for number in numbers:
        count = draw(rarely(st.integers(1, 3), st.just(0)))
        route_numbers = draw(rarely(st.just(list(range(1, count + 1))), st.just([1] * count)))
        routes = [
            {"number": n, "text": f"{n}、某条件", "conditions": draw(lists(CONDITIONS))}
            for n in route_numbers
        ]
        out.append({"number": number, "label": LEVEL_LABELS[number], "routes": routes})
    return out


@st.composite
def rule_files(draw: st.DrawFn) -> Data:
    """A rule file for the occupation 测试师, perhaps with 工种, perhaps broken."""
    data: Data = {"code": "9-99-99-99", "name": "测试师", "levels": draw(levels())}
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from(["甲", "乙"]), min_size=1, max_size=2))
        data["work_types"] = [{"name": n, "levels": draw(levels())} for n in names]
    if draw(st.integers(0, 9)) == 0:
        data["levels"][0]["colour"] = "red"  # an unknown key
    return data
