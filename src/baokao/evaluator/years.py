"""Bounds on each count of years a condition can ask about, from what the profile says.

An absent fact is unknown, but the contract's own constraints still bound it: an
unbroken stretch is never longer than the total, years after a certificate never more
than the years worked. A condition is met when the lower bound reaches the threshold
and refuted when the upper bound falls short, so that known facts decide as much as
they can.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from baokao.evaluator.outcome import Truth
from baokao.model.profile import Profile

INF = math.inf


def reaches(need: float, lo: float, hi: float, *, hi_possible: bool) -> Truth:
    """Whether a count of years known to lie between ``lo`` and ``hi`` reaches ``need``
    (以上 includes the number): met when every possible value does, unmet when none
    does, else unknown. The one place a count of years is judged against a threshold.

    ``hi_possible`` says whether ``hi`` itself is a possible value, and the two callers
    differ for good reasons. The evaluator's bounds (:class:`Bound`) are closed: a fact
    answered is the interval ``[v, v]``, and a bound from the contract's constraints
    (连续 ≤ 累计) is reached when the stretch was never broken. The compiler's domains
    (:class:`baokao.evaluator.domains.Domains`) are half-open, ``[lo, hi)``: they are
    unions of answer branches cut at the thresholds, which must not overlap so that an
    answer falls in one branch, and a branch that ends at ``need`` lies wholly below it.
    """
    if lo >= need:
        return Truth.MET
    below = hi < need if hi_possible else hi <= need
    return Truth.UNMET if below else Truth.UNKNOWN


@dataclass(frozen=True, slots=True)
class Bound:
    """``lo <= value <= hi``; ``fact`` names the profile field that would fix it."""

    lo: float
    hi: float
    facts: tuple[str, ...]

    @property
    def exact(self) -> bool:
        """Whether the value is known exactly."""
        return self.lo == self.hi


def _known(value: float | None, fact: str, lo: float = 0.0, hi: float = INF) -> Bound:
    if value is not None:
        return Bound(value, value, ())
    return Bound(lo, hi, (fact,))


@dataclass(frozen=True, slots=True)
class YearBounds:
    """Bounds for every kind of years count a route can ask about."""

    this: Bound
    this_or_related: Bound
    continuous_this: Bound
    continuous_or_related: Bound
    trainee: Bound

    def get(self, mode: str, scope: str) -> Bound:
        """The bound a ``work_years`` condition of this mode and scope compares."""
        if mode == "trainee":
            return self.trainee
        if mode == "continuous":
            return self.continuous_this if scope == "this" else self.continuous_or_related
        return self.this if scope == "this" else self.this_or_related


#: The last profile's bounds: a profile is judged against several levels in a row (every
#: level of a row of a roster, of the all-levels screen), each of which needs them.
_last: tuple[Profile, YearBounds] | None = None


def year_bounds(p: Profile) -> YearBounds:
    """Derive the bounds from a profile."""
    global _last
    last = _last
    if last is not None and last[0] is p:
        return last[1]
    bounds = _derive(p)
    _last = (p, bounds)
    return bounds


def _derive(p: Profile) -> YearBounds:
    after = [c.years_after for c in p.certificates or () if c.years_after is not None]
    after_rel = [c.years_after_related for c in p.certificates or ()]
    cont = p.years_this_continuous
    this = _known(p.years_this, "years_this", lo=max([cont or 0.0, *after]))
    related = _known(p.years_related, "years_related", lo=max([0.0, *after_rel]))
    total_lo = max(this.lo + related.lo, p.years_continuous_incl_related or 0.0)
    total_facts = this.facts + related.facts
    total = Bound(
        total_lo if total_facts else this.lo + related.lo, this.hi + related.hi, total_facts
    )
    incl = p.years_continuous_incl_related
    cont_hi = min(this.hi, incl if incl is not None else INF)
    continuous_this = _known(cont, "years_this_continuous", hi=cont_hi)
    continuous_or_related = _known(
        incl, "years_continuous_incl_related", lo=cont or 0.0, hi=total.hi
    )
    trainee = _known(p.years_trainee_continuous, "years_trainee_continuous")
    return YearBounds(this, total, continuous_this, continuous_or_related, trainee)
