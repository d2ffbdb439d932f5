"""The date a candidate qualifies by working on: exact to the day, one home for the
result screen, the slip, the desk record and the roster's results file."""

from __future__ import annotations

from datetime import date

import pytest

from baokao.evaluator import evaluate
from baokao.evaluator.when import after, qualify_date
from baokao.model.profile import Profile
from baokao.rulebook import load_rulebook

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (0.0, date(2026, 12, 2)),
        (0.5, date(2027, 6, 2)),  # whole months are calendar months
        (1.5, date(2028, 6, 2)),
        (0.001, date(2026, 12, 3)),  # under a day: the next day, not a month on
        (1 / 12 + 0.001, date(2027, 1, 3)),  # a month and a little: a month and a day
        (0.25 + 1e-12, date(2027, 3, 2)),  # float noise is not an extra day
    ],
)
def test_years_become_calendar_months_and_then_days(years: float, expected: date) -> None:
    assert after(TODAY, years) == expected


def test_the_end_of_a_month_stays_in_its_month() -> None:
    assert after(date(2027, 8, 31), 0.5) == date(2028, 2, 29)


def test_a_shortfall_under_a_day_qualifies_the_next_day() -> None:
    """美容师 四级 with 5.999 years of the 6 asked: still not qualified today, and the
    date is tomorrow, not a month on (the shortfall is *worded* as 1 个月, never 0)."""
    level = load_rulebook().find("美容师").levels[1]
    assert level.number == 4
    profile = Profile(years_this=5.999, certificates=(), education=(), trainings=())
    verdict = evaluate(level, profile)
    assert verdict.status == "not_qualified"
    assert qualify_date(verdict, profile, TODAY) == date(2026, 12, 3)


def test_no_date_once_qualified_or_when_more_than_years_is_missing() -> None:
    beauty = load_rulebook().find("美容师")
    four, three = beauty.levels[1], beauty.levels[2]
    seven = Profile(years_this=7.0)
    assert qualify_date(evaluate(four, seven), seven, TODAY) is None  # qualified already
    nothing = Profile(years_this=0.0, certificates=(), education=(), trainings=())
    verdict = evaluate(three, nothing)  # 三级 needs a certificate whatever the years
    assert verdict.status == "not_qualified"
    assert qualify_date(verdict, nothing, TODAY) is None


def test_six_years_of_work_from_nothing() -> None:
    four = load_rulebook().find("美容师").levels[1]
    nothing = Profile(years_this=0.0, certificates=(), education=(), trainings=())
    verdict = evaluate(four, nothing)
    assert verdict.closest is not None and verdict.closest.number == 2
    assert qualify_date(verdict, nothing, TODAY) == date(2032, 12, 2)
