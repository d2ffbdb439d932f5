"""``baokao lint`` findings on small hand-made levels."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from baokao.importer.grammar import parse_conditions
from baokao.lint import implies, lint_level
from baokao.model import Level, Route


def route(number: int, text: str) -> Route:
    return Route(number=number, text=text, conditions=parse_conditions(text))


def test_stronger_route_is_reported_as_implied() -> None:
    weak = route(1, "累计从事本职业工作4年（含）以上")
    strong = route(2, "累计从事本职业工作6年（含）以上，具有本专业大学专科及以上毕业证书")
    assert implies(strong, weak) and not implies(weak, strong)
    found = lint_level("x.yaml: 某职业", Level(number=4, label="四级/中级", routes=(weak, strong)))
    assert found == [
        "x.yaml: 某职业 四级/中级: route 2 is implied by route 1's weaker conditions "
        "(whoever meets route 2 meets route 1)"
    ]


def test_certificate_years_compare_by_strength() -> None:
    a = route(1, "取得本职业四级/中级工职业资格证书（技能等级证书）后，连续从事本职业工作5年以上")
    b = route(
        2, "取得本职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业工作4年（含）以上"
    )
    assert implies(a, b) and not implies(b, a)


def test_unparsed_text_is_reported() -> None:
    odd = route(1, "经单位推荐")
    found = lint_level("y.yaml: 某职业", Level(number=3, label="三级/高级", routes=(odd,)))
    assert found == ["y.yaml: 某职业 三级/高级 route 1: unparsed: 经单位推荐"]


def test_a_level_with_no_route_cannot_exist() -> None:
    with pytest.raises(ValidationError, match="a level with no routes"):
        Level(number=2, label="二级/技师", routes=())
