"""Years as given, shortfalls rounded up to a month: one home, used by check and the UI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baokao.cli import main
from baokao.model.numbers import fmt_shortfall, fmt_years, shortfall_months


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (6.0, "6"),
        (1.5, "1.5"),
        (5.999, "5.999"),
        (0.0001, "0.0001"),
        (1e-05, "0.00001"),
        (0.1 + 0.2, "0.3"),
        (0.0, "0"),
        (-0.0, "0"),
    ],
)
def test_years_are_shown_as_given(value: float, shown: str) -> None:
    assert fmt_years(value) == shown


@pytest.mark.parametrize(
    ("years", "shown"),
    [
        (0.001, "1 个月"),
        (0.0001, "1 个月"),
        (0.5, "6 个月"),
        (1 - 0.9, "2 个月"),  # 1.2 months, rounded up
        (5 / 12, "5 个月"),  # float noise does not add a month
        (2.5, "2 年 6 个月"),
        (3.0, "3 年"),
        (11.99, "12 年"),
    ],
)
def test_a_shortfall_is_rounded_up_to_the_next_month(years: float, shown: str) -> None:
    assert fmt_shortfall(years) == shown


def test_no_shortfall_is_zero_months() -> None:
    assert shortfall_months(0.0) == (0, 0) and shortfall_months(1e-9) == (0, 1)


def test_check_never_says_zero_years_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = {
        "years_this": 5.999,
        "certificates": [],
        "education": [],
        "apprenticeship": "none",
        "trainings": [],
        "preparatory_technician": False,
    }
    case = {"id": "a", "occupation": "美容师", "level": "四级", "profile": profile}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "暂不符合报考条件" in out
    assert "累计从事本职业工作6年(含)以上：还差 1 个月" in out and "还差 0 年" not in out
