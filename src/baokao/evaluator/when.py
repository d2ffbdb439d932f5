"""When a candidate who lacks only years will qualify by working on: one home for the date.

The interview's result screen, the slip, the desk record and the roster's results file
all show this date, so it is worked out once, here, by the evaluator itself: the
profile is grown by each amount of further work after which some years condition is
just met, and the first amount the evaluator calls qualified gives the date.

Dates are exact, not rounded: years are turned into whole calendar months and the rest
into days (rounded up to a whole day), so 0.5 years from 2 December is 2 June, and a
shortfall of 0.001 years (under a day) is the next day. Only the *wording* of a
shortfall rounds up to a month (``model.numbers``), so that it is never written as 0.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

from baokao.evaluator.verdict import Verdict, evaluate
from baokao.evaluator.years import year_bounds
from baokao.model.conditions import Certificate, WorkYears, leaves
from baokao.model.profile import CertificateHeld, Profile
from baokao.model.rules import Level

#: Days in a twelfth of an average (Gregorian) year, for the part of a month left over.
_MONTH_DAYS = 365.2425 / 12
#: Amounts closer than this to a whole month are that month (float noise, not a day).
_NOISE = 1e-6


def after(today: date, years: float) -> date:
    """The first day on which ``years`` more of work have been done, counting from ``today``.

    Whole months are calendar months (the 31st becomes the month's last day); what is
    left of a month is counted in days, rounded up.

    Args:
        today: The day the work continues from.
        years: The further work needed, in years (``0`` gives ``today``).

    Returns:
        The date the amount is reached.
    """
    months = years * 12
    whole = math.floor(months + _NOISE)
    rest = months - whole
    year, month = divmod(today.month - 1 + whole, 12)
    year += today.year
    last = calendar.monthrange(year, month + 1)[1]
    day = date(year, month + 1, min(today.day, last))
    if rest > _NOISE:
        day += timedelta(days=math.ceil(rest * _MONTH_DAYS - _NOISE))
    return day


def qualify_date(verdict: Verdict, profile: Profile, today: date) -> date | None:
    """When a not-qualified candidate will qualify by working on, if only years are missing.

    Assumes the candidate keeps working in this occupation without a break from today:
    every count of years in this occupation (累计, 连续, 见习, after a certificate) grows,
    and a certificate whose later work was broken starts a new unbroken stretch today.

    Args:
        verdict: The evaluator's verdict on ``profile`` for one level.
        profile: The candidate's facts.
        today: The day the work continues from.

    Returns:
        The first day on which the evaluator says qualified; ``None`` when the verdict is
        not "not qualified", or when working on alone cannot do it.
    """
    closest = verdict.closest
    if verdict.status != "not_qualified" or closest is None or not closest.outcome.years_only:
        return None
    for gap in _gaps(verdict.level, profile):
        if evaluate(verdict.level, _grown(profile, gap)).status == "qualified":
            return after(today, gap)
    return None


def _gaps(level: Level, p: Profile) -> list[float]:
    """Every amount of further work after which some years condition is just met."""
    gaps: set[float] = set()
    bounds = year_bounds(p)
    for route in level.routes:
        for c in leaves(route.conditions):
            if isinstance(c, WorkYears):
                have = bounds.get(c.mode, c.scope)  # the count the evaluator compares
                if not have.facts:  # the profile gives it
                    gaps.add(c.years - have.lo)
            elif isinstance(c, Certificate) and c.after is not None:
                gaps.add(c.after.years)
                for held in p.certificates or ():
                    if held.years_after is not None:
                        gaps.add(c.after.years - held.years_after - held.years_after_related)
    # Rounded up to a millionth of a year (half a minute), so that the grown years reach
    # the threshold despite float noise, and the date is never a day early.
    return sorted({math.ceil(g * 1e6) / 1e6 for g in gaps if g > 0})


def _grown(p: Profile, gap: float) -> Profile:
    """``p`` after ``gap`` more years of unbroken work in this occupation."""

    def plus(value: float | None) -> float | None:
        return None if value is None else value + gap

    certs: list[CertificateHeld] = []
    for held in p.certificates or ():
        certs.append(held.model_copy(update={"years_after": plus(held.years_after)}))
        if not held.continuous_after:
            fresh = {"years_after": gap, "years_after_related": 0.0, "continuous_after": True}
            certs.append(held.model_copy(update=fresh))
    return p.model_copy(
        update={
            "years_this": plus(p.years_this),
            "years_this_continuous": plus(p.years_this_continuous),
            "years_continuous_incl_related": plus(p.years_continuous_incl_related),
            "years_trainee_continuous": plus(p.years_trainee_continuous),
            "certificates": None if p.certificates is None else tuple(certs),
        }
    )
