"""The one reader of typed years (``baokao.model.years``), used by the session and the TUI."""

from __future__ import annotations

import pytest

from baokao import i18n
from baokao.model.facts import AnswerError
from baokao.model.years import check_years, read_years
from baokao.tui.widgets.answer_form import parse_years


@pytest.mark.parametrize(
    ("typed", "years"),
    [
        ("3", 3.0),
        ("1.5", 1.5),
        ("３", 3.0),
        ("３.５年", 3.5),
        ("3年", 3.0),
        ("3年以上", 3.0),
        ("3年（含）以上", 3.0),
        (" 2 ", 2.0),
        (4, 4.0),
        (2.5, 2.5),
    ],
)
def test_what_people_type_is_read(typed: str | float, years: float) -> None:
    assert read_years(typed) == years


@pytest.mark.parametrize(
    "typed", ["1e1", "inf", "nan", "6_0", "三年半", "", "abc", "0x10", "1,5", "٣"]
)
def test_anything_else_is_refused_with_what_to_type(typed: str) -> None:
    with pytest.raises(AnswerError, match="请输入年数"):
        read_years(typed)


def test_negative_years_and_bounds_are_refused() -> None:
    with pytest.raises(AnswerError, match="不能是负数"):
        read_years("-1")
    with pytest.raises(AnswerError, match="不能少于 2 年：连续年限"):
        check_years("1", 2.0, None, ("连续年限不会超过累计年限", ""))
    with pytest.raises(AnswerError, match="不能超过 3 年。"):
        check_years("4", 0.0, 3.0)


def test_the_tui_reads_years_with_the_core_reader_in_the_uis_language() -> None:
    assert parse_years("3年以上") == 3.0
    assert parse_years("1e1") == "请输入年数（数字），例如 3 或 1.5。"
    i18n.set_lang("en")
    try:
        assert parse_years("1e1") == "Please type a number of years, e.g. 3 or 1.5."
        assert parse_years("5", 0.0, 3.0) == "At most 3 years."
    finally:
        i18n.set_lang("zh")
